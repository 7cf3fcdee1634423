/* dn-cli-test-fixture.h: what the command-line tests share: running the
 * built CLI, a database of their own, the state a refusal must keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-cli-test-utils.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* The CLI and the test data, set by each test's main() */
extern const char *cli_path;
extern const char *data_dir;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* What every test program's main() starts with: user folders of its own,
 * g_test_init(), the CLI and the test data from the environment meson
 * test sets (aborts without it). Returns the user folders, which
 * cli_tests_run() removes after running the tests. */
char   *cli_tests_init   (int         *argc,
                          char      ***argv);
int     cli_tests_run    (char        *user_dirs);

/* Runs doingoai-cli, untranslated; its user folders are the tests' own
 * (dn_test_isolate_user_dirs()). */
CliRun *cli              (const char *first, ...) G_GNUC_NULL_TERMINATED;
/* Exit 0, nothing on stderr. */
void    assert_success   (CliRun     *run);
/* Exit @status (1: refused, 2: usage), nothing on stdout, @needle on stderr. */
void    assert_failure   (CliRun     *run,
                          int         status,
                          const char *needle);
/* A database of its own with the small fixture imported. */
void    fixture_setup    (Fixture       *f,
                          gconstpointer  data);
void    fixture_teardown (Fixture       *f,
                          gconstpointer  data);
/* The export and the row counts of every table: what a refusal keeps. */
char   *state_of         (Fixture    *f);
void    assert_state     (Fixture    *f,
                          const char *before);
/* Runs a command on the fixture's database that must succeed: its stdout. */
char   *run_ok           (Fixture    *f,
                          const char *first,
                          ...) G_GNUC_NULL_TERMINATED;

/* Runs a command that must be refused with exit @status, saying @needle,
 * and change nothing. */
#define assert_refused(f, status, needle, ...) \
  G_STMT_START { \
    g_autofree char *before_ = state_of (f); \
    g_autoptr(CliRun) run_ = cli ("--db", (f)->db, __VA_ARGS__, NULL); \
    assert_failure (run_, status, needle); \
    assert_state (f, before_); \
  } G_STMT_END

G_END_DECLS
