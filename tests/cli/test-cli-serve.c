/* test-cli-serve.c: doingoai-cli serve run as an administrator runs it:
 * where it listens said first, an account signing in and listing tasks
 * over HTTP, stopped by SIGTERM with exit 0; and the refusals (plain HTTP
 * beyond this computer, a certificate without its key, a bad address)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-serve"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

static GBytes *
send_and_read (SoupSession *session,
               SoupMessage *msg)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_serve (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) added = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *line = NULL;
  g_autofree char *uri = NULL;
  const char *start;

#ifndef G_OS_UNIX
  g_test_skip ("stopped by SIGTERM: Unix only");
  return;
#endif
  {
    g_autoptr(GBytes) password = g_bytes_new_static ("mật khẩu tốt 123\n", strlen ("mật khẩu tốt 123\n"));
    const char *args[] = { "--db", f->db, "user", "add", "so", "--role", "department", NULL };

    added = dn_cli_run_input (cli_path, NULL, NULL, password, args);
  }
  g_assert_cmpint (added->status, ==, 0);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  server = g_subprocess_launcher_spawn (launcher, &error, cli_path, "--db", f->db, "serve", "--listen",
                                        "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  /* "Listening on http://127.0.0.1:PORT/api/v1/" */
  start = strstr (line, "http://127.0.0.1:");
  g_assert_nonnull (start);
  g_assert_true (g_str_has_suffix (line, "/api/v1/"));
  uri = g_strdup (start);

  {
    g_autofree char *session_uri = g_strconcat (uri, "session", NULL);
    g_autofree char *tasks_uri = g_strconcat (uri, "tasks", NULL);
    g_autoptr(SoupMessage) sign_in = soup_message_new ("POST", session_uri);
    g_autoptr(SoupMessage) no_token = soup_message_new ("GET", tasks_uri);
    g_autoptr(GBytes) body = g_bytes_new_static ("{\"user\": \"so\", \"password\": \"mật khẩu tốt 123\"}",
                                                 strlen ("{\"user\": \"so\", \"password\": \"mật khẩu tốt 123\"}"));
    g_autoptr(GBytes) answer = NULL;
    g_autoptr(GBytes) refused = NULL;

    soup_message_set_request_body_from_bytes (sign_in, "application/json", body);
    answer = send_and_read (session, sign_in);
    g_assert_cmpuint (soup_message_get_status (sign_in), ==, 201);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer),
                                    "\"token\""));
    refused = send_and_read (session, no_token);
    g_assert_cmpuint (soup_message_get_status (no_token), ==, 401);
  }

  g_subprocess_send_signal (server, SIGTERM);
  g_assert_true (g_subprocess_wait (server, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server));
  g_assert_cmpint (g_subprocess_get_exit_status (server), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  assert_refused (f, 1, "--allow-plain-http", "serve", "--listen", "0.0.0.0:0");
  assert_refused (f, 1, "HOST:PORT", "serve", "--listen", "nowhere");
  assert_refused (f, 2, "--tls-key", "serve", "--tls-cert", "cert.pem");
  assert_refused (f, 1, "no-such.key", "serve", "--tls-cert", "no-such.pem", "--tls-key", "no-such.key");
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/serve/serve", test_serve);
  ADD ("/cli/serve/refused", test_refused);
  return cli_tests_run (user_dirs);
}
