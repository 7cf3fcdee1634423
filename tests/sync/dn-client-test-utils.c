/* dn-client-test-utils.c: a raw HTTP server, a self-signed certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-client-test-utils.h"

struct _DnRawServer
{
  GSocketService *service;
  char           *uri;
  GMutex          lock;
  guint           status;
  char           *body;
};

/* Reads the request's head and body (by its Content-Length), answers */
static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                data)
{
  DnRawServer *server = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (in);
  g_autofree char *answer = NULL;
  gsize length = 0;
  char *line;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
    {
      g_strchomp (line);
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        length = (gsize) g_ascii_strtoull (line + 15, NULL, 10);
      if (*line == '\0')
        {
          g_free (line);
          break;
        }
      g_free (line);
    }
  if (length > 0)
    {
      g_autofree char *body = g_malloc (length);
      g_input_stream_read_all (G_INPUT_STREAM (lines), body, length, NULL, NULL, NULL);
    }
  g_mutex_lock (&server->lock);
  answer = g_strdup_printf ("HTTP/1.1 %u Whatever\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                            "Connection: close\r\n\r\n%s",
                            server->status, strlen (server->body), server->body);
  g_mutex_unlock (&server->lock);
  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

DnRawServer *
dn_raw_server_new (void)
{
  DnRawServer *server = g_new0 (DnRawServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&server->lock);
  server->status = 200;
  server->body = g_strdup ("{}");
  server->service = g_threaded_socket_service_new (2);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error));
  g_assert_no_error (error);
  g_signal_connect (server->service, "run", G_CALLBACK (on_run), server);
  g_socket_service_start (server->service);
  server->uri = g_strdup_printf ("http://127.0.0.1:%u/",
                                 g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  return server;
}

const char *
dn_raw_server_get_uri (DnRawServer *server)
{
  return server->uri;
}

void
dn_raw_server_set_answer (DnRawServer *server,
                          guint        status,
                          const char  *body)
{
  g_mutex_lock (&server->lock);
  server->status = status;
  g_free (server->body);
  server->body = g_strdup (body);
  g_mutex_unlock (&server->lock);
}

void
dn_raw_server_free (DnRawServer *server)
{
  if (server == NULL)
    return;
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
  g_free (server->uri);
  g_free (server->body);
  g_mutex_clear (&server->lock);
  g_free (server);
}

GTlsCertificate *
dn_test_make_certificate (const char *dir)
{
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);
  g_autofree char *cert = g_build_filename (dir, "server.crt", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("no TLS backend (glib-networking)");
      return NULL;
    }
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                              "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL);
  if (process == NULL)
    {
      g_test_skip ("openssl is not installed");
      return NULL;
    }
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  return certificate;
}

void
dn_test_wait (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

void
dn_test_on_result (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

void
dn_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}
