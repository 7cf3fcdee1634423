/* test-client.c: the desktop's side of the API (dn-client.h) against a
 * real server on loopback, over HTTP and over TLS with a self-signed
 * certificate, and against a server that answers hand-written bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-client"

#include "config.h"

#include <string.h>

#include "dn-client.h"
#include "dn-client-test-utils.h"
#include "dn-server-test-utils.h"
#include "dn-store-accounts.h"

/* ---------------------------------------------------------------- helpers */

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Wait *wait = data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static gboolean
sign_in (DnClient    *client,
         const char  *user,
         const char  *password,
         GError     **error)
{
  Wait wait = { 0 };
  gboolean ok;

  dn_client_sign_in_async (client, user, password, NULL, on_done, &wait);
  dn_test_wait (&wait.done);
  ok = dn_client_sign_in_finish (client, wait.result, error);
  g_object_unref (wait.result);
  return ok;
}

static JsonNode *
request (DnClient    *client,
         const char  *method,
         const char  *path,
         GError     **error)
{
  Wait wait = { 0 };
  JsonNode *answer;

  dn_client_request_async (client, method, path, NULL, NULL, on_done, &wait);
  dn_test_wait (&wait.done);
  answer = dn_client_request_finish (client, wait.result, error);
  g_object_unref (wait.result);
  return answer;
}

/* The client of the fixture's server: its base address without "api/v1" */
static DnClient *
fixture_client (DnServerFixture *f)
{
  g_autofree char *base = g_strndup (f->base_uri, strlen (f->base_uri) - strlen ("api/v1"));
  g_autoptr(GError) error = NULL;
  DnClient *client = dn_client_new (base, &error);

  g_assert_no_error (error);
  return client;
}

/* ------------------------------------------------------------------ cases */

/* Signing in keeps the token and the account; requests send it; signing
 * out forgets it and ends the session on the server. */
static void
test_sign_in (DnServerFixture *f,
              gconstpointer    data)
{
  g_autoptr(DnClient) client = fixture_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tasks = NULL;
  g_autofree char *token = NULL;
  gint64 task = dn_server_test_add_task (f, "Đón đoàn JICA", f->school);
  Wait wait = { 0 };
  JsonArray *list;

  g_assert_true (sign_in (client, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dn_client_get_token (client));
  g_assert_cmpstr (dn_client_get_user_name (client), ==, "batxat");
  g_assert_cmpstr (dn_client_get_unit_code (client), ==, "PGDBX");
  g_assert_cmpstr (dn_client_get_role (client), ==, "unit");
  token = g_strdup (dn_client_get_token (client));

  tasks = request (client, "GET", "/tasks", &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (tasks), "tasks");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "id"), ==, task);

  dn_client_sign_out_async (client, NULL, on_done, &wait);
  g_assert_null (dn_client_get_token (client));
  dn_test_wait (&wait.done);
  g_assert_true (dn_client_sign_out_finish (client, wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_assert_null (dn_store_check_session (f->base.store, token, NULL));

  /* without a session: sign in again */
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED);
}

/* A wrong password is UNAUTHORIZED with the server's message; no token */
static void
test_wrong_password (DnServerFixture *f,
                     gconstpointer    data)
{
  g_autoptr(DnClient) client = fixture_client (f);
  g_autoptr(GError) error = NULL;

  g_assert_false (sign_in (client, "batxat", "sai mật khẩu", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_null (dn_client_get_token (client));
  g_assert_null (dn_client_get_user_name (client));
}

/* A session the server ended (the account's sessions revoked) is
 * UNAUTHORIZED; a record that is not there NOT_FOUND; a bad query
 * INVALID with the server's message */
static void
test_revoked (DnServerFixture *f,
              gconstpointer    data)
{
  g_autoptr(DnClient) client = fixture_client (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = NULL;

  g_assert_true (sign_in (client, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_null (request (client, "GET", "/tasks/987654", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (request (client, "GET", "/changes?since=-4", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_clear_error (&error);

  account = dn_store_find_account (f->base.store, "batxat", &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_revoke_sessions (f->base.store, account->id, &error));
  g_assert_no_error (error);
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED);
}

/* A server that stopped is OFFLINE at once, not after a timeout */
static void
test_offline (DnServerFixture *f,
              gconstpointer    data)
{
  g_autoptr(DnClient) client = fixture_client (f);
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (sign_in (client, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  dn_server_disconnect (f->server);
  g_clear_object (&f->server);
  start = g_get_monotonic_time ();
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* A server that takes the connection and never answers: OFFLINE once the
 * timeout is over */
static void
test_timeout (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gint64 start;

  /* listening, never accepting: the system takes the connection */
  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &effective, &error));
  g_assert_no_error (error);
  uri = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  client = dn_client_new (uri, &error);
  dn_client_set_timeout (client, 1);
  start = g_get_monotonic_time ();
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 2);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* Answers that are not what they should be, from a server that answers
 * hand-written bytes */
static void
test_answers (void)
{
  g_autoptr(DnRawServer) raw = dn_raw_server_new ();
  g_autoptr(DnClient) client = dn_client_new (dn_raw_server_get_uri (raw), NULL);
  g_autoptr(GString) deep = g_string_new ("{\"a\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonNode *current;

  /* a conflict carries the record now on the server */
  dn_raw_server_set_answer (raw, 409, "{\"error\": {\"code\": \"conflict\", \"message\": \"Đã có người sửa.\"}, "
                                      "\"current\": {\"id\": 4, \"title\": \"Mới\", \"revision\": 12}}");
  g_assert_null (request (client, "PATCH", "/tasks/4", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Đã có người sửa.");
  current = dn_client_error_get_current (error);
  g_assert_nonnull (current);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (current), "revision"), ==, 12);
  {
    /* what it carries is copied with it */
    g_autoptr(GError) copy = g_error_copy (error);
    g_assert_nonnull (dn_client_error_get_current (copy));
  }
  g_clear_error (&error);

  dn_raw_server_set_answer (raw, 403, "{\"error\": {\"code\": \"forbidden\", \"message\": \"Không được phép.\"}}");
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_FORBIDDEN);
  g_assert_null (dn_client_error_get_current (error));
  g_clear_error (&error);

  dn_raw_server_set_answer (raw, 503, "<html>busy</html>");
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_clear_error (&error);

  /* json-glib would take these; the strict check does not */
  dn_raw_server_set_answer (raw, 200, "{'tasks': []}");
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_clear_error (&error);
  dn_raw_server_set_answer (raw, 200, "{\"tasks\": []} trailing");
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_clear_error (&error);
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "[");
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "]");
  g_string_append (deep, "}");
  dn_raw_server_set_answer (raw, 200, deep->str);
  g_assert_null (request (client, "GET", "/tasks", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_clear_error (&error);

  dn_raw_server_set_answer (raw, 200, "{\"tasks\": [], \"next\": null}");
  answer = request (client, "GET", "/tasks", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (answer), "next")));

  /* a sign-in answer without a token */
  dn_raw_server_set_answer (raw, 201, "{\"user\": {\"name\": \"a\", \"unit\": \"b\", \"role\": \"unit\"}}");
  g_assert_false (sign_in (client, "a", "b", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_assert_null (dn_client_get_token (client));
}

static void
test_addresses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnClient) client = NULL;

  g_assert_null (dn_client_new ("ftp://so.example/", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dn_client_new ("so.example", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_INVALID);
  g_clear_error (&error);
  client = dn_client_new ("https://so.example:8443", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dn_client_get_base_uri (client), ==, "https://so.example:8443/");
  g_assert_false (dn_client_set_pinned_certificate (client, "abc"));
  g_assert_false (dn_client_set_pinned_certificate (client, "zz5f0e4ac2d2f9d1e7b5f55c2b3c1e6a8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c"));
  g_assert_true (dn_client_set_pinned_certificate (client,
                                                   "AA5F0E4AC2D2F9D1E7B5F55C2B3C1E6A8F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C"));
  g_assert_cmpstr (dn_client_get_pinned_certificate (client), ==,
                   "aa5f0e4ac2d2f9d1e7b5f55c2b3c1e6a8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c");
}

/* HTTPS with a self-signed certificate: not pinned, refused with the
 * certificate to confirm; pinned, accepted; another one pinned, refused as
 * a possible interception */
static void
test_tls (DnServerFixture *f,
          gconstpointer    data)
{
  g_autoptr(GTlsCertificate) certificate = dn_test_make_certificate (f->base.dir);
  g_autoptr(DnServer) server = NULL;
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *base = NULL;
  GSList *uris;

  if (certificate == NULL)
    return;
  server = dn_server_new (f->base.store);
  g_assert_true (dn_server_listen (server, "127.0.0.1:0", certificate, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (base, "https://"));
  fingerprint = dn_client_certificate_fingerprint (certificate);
  g_assert_cmpuint (strlen (fingerprint), ==, 64);

  client = dn_client_new (base, &error);
  g_assert_false (sign_in (client, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, fingerprint));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  {
    g_autofree char *shown = dn_client_certificate_fingerprint (dn_client_error_get_certificate (error));
    g_assert_cmpstr (shown, ==, fingerprint);
  }
  g_clear_error (&error);
  g_assert_null (dn_client_get_token (client));

  /* another certificate pinned: a fresh client, no connection kept */
  g_clear_object (&client);
  client = dn_client_new (base, &error);
  g_assert_true (dn_client_set_pinned_certificate (client, "00112233445566778899aabbccddeeff"
                                                           "00112233445566778899aabbccddeeff"));
  g_assert_false (sign_in (client, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE_CHANGED);
  g_assert_nonnull (dn_client_error_get_certificate (error));
  g_clear_error (&error);

  g_clear_object (&client);
  client = dn_client_new (base, &error);
  g_assert_true (dn_client_set_pinned_certificate (client, fingerprint));
  g_assert_true (sign_in (client, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonNode) answer = request (client, "GET", "/changes?since=0", &error);
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "revision"), >, 0);
  }
  dn_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_SERVER_TEST_ADD ("/client/sign-in", test_sign_in);
  DN_SERVER_TEST_ADD ("/client/wrong-password", test_wrong_password);
  DN_SERVER_TEST_ADD ("/client/revoked", test_revoked);
  DN_SERVER_TEST_ADD ("/client/offline", test_offline);
  DN_SERVER_TEST_ADD ("/client/tls", test_tls);
  g_test_add_func ("/client/answers", test_answers);
  g_test_add_func ("/client/timeout", test_timeout);
  g_test_add_func ("/client/addresses", test_addresses);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
