/* dn-cli-test-utils.h: running the built doingoai-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;  /* exit status; the test fails if the CLI crashed */
  char *out;     /* stdout, UTF-8 (checked), line ends as "\n" */
  char *err;     /* stderr, the same */
} CliRun;

void    dn_cli_run_free (CliRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, dn_cli_run_free)

/* Runs @cli_path with @args (ended by NULL). The CLI runs untranslated
 * (LC_ALL=C, no LANGUAGE, LANG nor DOINGOAI_LOCALEDIR) unless @env
 * (NAME=VALUE strings, or NULL) says otherwise; @data_home, when not NULL,
 * is its XDG_DATA_HOME, so that it never sees the user's data folder. */
CliRun *dn_cli_runv     (const char         *cli_path,
                         const char         *data_home,
                         const char * const *env,
                         const char * const *args);
/* The same with @input on its standard input (NULL: the test's own). Give
 * an empty @input to a run that stops before reading it: writing to a
 * pipe it closed would kill the test (SIGPIPE). */
CliRun *dn_cli_run_input (const char         *cli_path,
                          const char         *data_home,
                          const char * const *env,
                          GBytes             *input,
                          const char * const *args);
/* The same with the arguments from @first to NULL in @ap. */
CliRun *dn_cli_run_va   (const char         *cli_path,
                         const char         *data_home,
                         const char * const *env,
                         const char         *first,
                         va_list             ap);

G_END_DECLS
