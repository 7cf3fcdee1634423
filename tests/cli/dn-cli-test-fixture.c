/* dn-cli-test-fixture.c: what the command-line tests share: running the
 * built CLI, a database of their own, the state a refusal must keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

const char *cli_path;
const char *data_dir;

char *
cli_tests_init (int    *argc,
                char ***argv)
{
  char *user_dirs = dn_test_isolate_user_dirs ();

  g_test_init (argc, argv, NULL);
  cli_path = g_getenv ("DN_TEST_CLI");
  data_dir = g_getenv ("DN_TEST_DATA_DIR");
  if (data_dir == NULL)
    data_dir = TEST_DATA_DIR;
  if (cli_path == NULL)
    g_error ("run this through meson test: DN_TEST_CLI is not set");
  return user_dirs;
}

int
cli_tests_run (char *user_dirs)
{
  int status = g_test_run ();

  dn_test_remove_tree (user_dirs);
  g_free (user_dirs);
  return status;
}

/* ------------------------------------------------------- running the CLI */

/* Runs doingoai-cli, untranslated; its user folders are the tests' own
 * (dn_test_isolate_user_dirs()). */
CliRun *
cli (const char *first,
     ...)
{
  va_list ap;
  CliRun *run;

  va_start (ap, first);
  run = dn_cli_run_va (cli_path, NULL, NULL, first, ap);
  va_end (ap);
  return run;
}

/* Exit 0, nothing on stderr. */
void
assert_success (CliRun *run)
{
  if (run->status != 0 || run->err[0] != '\0')
    g_error ("expected success, got exit %d; stderr: %s", run->status, run->err);
}

/* Exit @status (1: refused, 2: usage), nothing on stdout, @needle on stderr. */
void
assert_failure (CliRun     *run,
                int         status,
                const char *needle)
{
  if (run->status != status)
    g_error ("expected exit %d, got %d; stdout: %s; stderr: %s", status, run->status, run->out, run->err);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "doingoai-cli: "));
  if (needle != NULL && strstr (run->err, needle) == NULL)
    g_error ("stderr does not say “%s”: %s", needle, run->err);
}

/* ----------------------------------------------------------- the fixture */


void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *json = g_build_filename (data_dir, "cli-small.json", NULL);
  g_autoptr(CliRun) run = NULL;

  f->dir = dn_test_make_tmp_dir ();
  f->db = g_build_filename (f->dir, "small.db", NULL);
  run = cli ("--db", f->db, "import", json, NULL);
  assert_success (run);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* What "nothing changed" compares: the export and the rows of every table. */
char *
state_of (Fixture *f)
{
  g_autofree char *json = g_build_filename (f->dir, "state.json", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(CliRun) run = cli ("--db", f->db, "export", json, NULL);
  g_autoptr(GError) error = NULL;

  assert_success (run);
  g_file_get_contents (json, &exported, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    counts = dn_test_row_counts (store);
  }
  return g_strconcat (counts, "\n", exported, NULL);
}

void
assert_state (Fixture    *f,
              const char *before)
{
  g_autofree char *now = state_of (f);

  g_assert_cmpstr (now, ==, before);
}



/* Runs a command on the fixture's database that must succeed: its stdout. */
char *
run_ok (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run = dn_cli_runv (cli_path, NULL, NULL, (const char * const *) args->pdata);
  assert_success (run);
  return g_steal_pointer (&run->out);
}
