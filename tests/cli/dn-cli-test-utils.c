/* dn-cli-test-utils.c: running the built doingoai-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-cli-test-utils.h"

void
dn_cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL || size == 0)
    return g_strdup ("");

  /* stdout and stderr are always UTF-8, whatever the locale */
  if (!g_utf8_validate_len (data, size, NULL))
    g_error ("output is not UTF-8: %.*s", (int) size, data);
#ifdef G_OS_WIN32
  {
    /* stdout and stderr are in text mode there: line ends are CR LF */
    g_autoptr(GString) text = g_string_new_len (data, (gssize) size);
    g_string_replace (text, "\r\n", "\n", 0);
    return g_string_free (g_steal_pointer (&text), FALSE);
  }
#else
  return g_strndup (data, size);
#endif
}

CliRun *
dn_cli_runv (const char         *cli_path,
             const char         *data_home,
             const char * const *env,
             const char * const *args)
{
  return dn_cli_run_input (cli_path, data_home, env, NULL, args);
}

CliRun *
dn_cli_run_input (const char         *cli_path,
                  const char         *data_home,
                  const char * const *env,
                  GBytes             *input,
                  const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) environ = g_get_environ ();
  CliRun *run = g_new0 (CliRun, 1);

  environ = g_environ_unsetenv (environ, "LANGUAGE");
  environ = g_environ_unsetenv (environ, "LANG");
  environ = g_environ_unsetenv (environ, "DOINGOAI_LOCALEDIR");
  environ = g_environ_unsetenv (environ, "DN_TEST_CLI_RUN");
  environ = g_environ_setenv (environ, "LC_ALL", "C", TRUE);
  if (data_home != NULL)
    environ = g_environ_setenv (environ, "XDG_DATA_HOME", data_home, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      environ = g_environ_setenv (environ, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_subprocess_launcher_set_environ (launcher, environ);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  if (!g_subprocess_get_if_exited (process))
    g_error ("doingoai-cli did not exit normally (crashed?); stderr: %s", run->err);
  run->status = g_subprocess_get_exit_status (process);
  return run;
}

CliRun *
dn_cli_run_va (const char         *cli_path,
               const char         *data_home,
               const char * const *env,
               const char         *first,
               va_list             ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);
  return dn_cli_runv (cli_path, data_home, env, (const char * const *) args->pdata);
}
