/* test-server.c: the department server's API on loopback, with a libsoup
 * client on the same main context: signing in, the tasks a unit officer
 * and a department officer see, the changes since a revision, and hostile
 * requests (no token, a wrong password, malformed JSON, nesting too deep,
 * unknown fields, a body too large, an unknown address or method), each
 * answered with a JSON error and nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-accounts.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"

static void
test_sign_in_and_tasks (DnServerFixture       *f,
                        gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *department = NULL;
  g_auto(DnAnswer) list = { 0 };
  g_auto(DnAnswer) all = { 0 };
  g_auto(DnAnswer) one = { 0 };
  g_auto(DnAnswer) hidden = { 0 };
  g_auto(DnAnswer) after_close = { 0 };
  g_auto(DnAnswer) closed = { 0 };
  JsonArray *tasks;
  gint64 office_task, school_task, other_task;

  office_task = dn_server_test_add_task (f, "Kế hoạch hợp tác với KOICA", f->office);
  school_task = dn_server_test_add_task (f, "Đón đoàn UNICEF tại trường", f->school);
  other_task = dn_server_test_add_task (f, "Báo cáo đoàn ra Sa Pa", f->other);

  /* a unit officer sees its unit's tasks and those below, not the others' */
  token = dn_server_test_sign_in (f, "batxat", "mật khẩu tốt 123");
  g_assert_cmpuint (strlen (token), >=, 40);
  dn_server_test_request (f, "GET", "/tasks", token, NULL, 0, &list);
  g_assert_cmpuint (list.status, ==, 200);
  tasks = json_object_get_array_member (json_node_get_object (list.json), "tasks");
  g_assert_cmpuint (json_array_get_length (tasks), ==, 2);
  {
    JsonObject *first = json_array_get_object_element (tasks, 0);

    g_assert_cmpint (json_object_get_int_member (first, "id"), ==, office_task);
    g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Kế hoạch hợp tác với KOICA");
    g_assert_cmpstr (json_object_get_string_member (first, "due"), ==, "2026-12-31");
    g_assert_true (json_object_has_member (first, "status"));
    g_assert_cmpstr (json_object_get_string_member (first, "lead_unit"), ==, "PGDBX");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tasks, 1), "id"), ==, school_task);
  }
  g_assert_true (json_object_get_null_member (json_node_get_object (list.json), "next") ||
                 JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (list.json), "next")));
  dn_server_test_request (f, "GET", "/tasks/1", token, NULL, 0, &one);
  g_assert_cmpuint (one.status, ==, 200);
  /* another unit's task is not there for it */
  {
    g_autofree char *path = g_strdup_printf ("/tasks/%" G_GINT64_FORMAT, other_task);

    dn_server_test_request (f, "GET", path, token, NULL, 0, &hidden);
    dn_server_test_assert_error (&hidden, 404, "not-found");
  }

  /* the department sees all, a page at a time */
  department = dn_server_test_sign_in (f, "so", "mật khẩu tốt 123");
  dn_server_test_request (f, "GET", "/tasks?limit=2", department, NULL, 0, &all);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (all.json), "tasks")),
                    ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (all.json), "next"), ==, school_task);

  /* a closed session opens nothing */
  dn_server_test_request (f, "DELETE", "/session", token, NULL, 0, &closed);
  g_assert_cmpuint (closed.status, ==, 204);
  dn_server_test_request (f, "GET", "/tasks", token, NULL, 0, &after_close);
  dn_server_test_assert_error (&after_close, 401, "unauthorized");
}

static void
test_changes (DnServerFixture       *f,
              gconstpointer  data)
{
  g_autofree char *token = dn_server_test_sign_in (f, "so", "mật khẩu tốt 123");
  g_auto(DnAnswer) first = { 0 };
  g_auto(DnAnswer) later = { 0 };
  g_autofree char *path = NULL;
  gint64 revision;
  JsonArray *changes;

  dn_server_test_request (f, "GET", "/changes?since=0", token, NULL, 0, &first);
  g_assert_cmpuint (first.status, ==, 200);
  revision = json_object_get_int_member (json_node_get_object (first.json), "revision");
  g_assert_cmpint (revision, >, 0);
  dn_server_test_add_task (f, "Hội thảo giáo dục quốc tế", f->office);
  path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT, revision);
  dn_server_test_request (f, "GET", path, token, NULL, 0, &later);
  g_assert_cmpuint (later.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (later.json), "revision"), >, revision);
  changes = json_object_get_array_member (json_node_get_object (later.json), "changes");
  g_assert_cmpuint (json_array_get_length (changes), >=, 1);

  /* a unit officer gets what concerns its units only; its cursor moves on */
  {
    g_autofree char *unit_token = dn_server_test_sign_in (f, "batxat", "mật khẩu tốt 123");
    g_auto(DnAnswer) mine = { 0 };
    g_autofree char *since = NULL;
    gint64 own, others;
    gboolean saw_own = FALSE, saw_others = FALSE;
    JsonArray *seen;

    own = dn_server_test_add_task (f, "Tiếp đoàn KOICA tại Bát Xát", f->school);
    others = dn_server_test_add_task (f, "Tiếp đoàn JICA tại Sa Pa", f->other);
    since = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT, revision);
    dn_server_test_request (f, "GET", since, unit_token, NULL, 0, &mine);
    g_assert_cmpuint (mine.status, ==, 200);
    seen = json_object_get_array_member (json_node_get_object (mine.json), "changes");
    for (guint i = 0; i < json_array_get_length (seen); i++)
      {
        JsonObject *change = json_array_get_object_element (seen, i);
        const char *table = json_object_get_string_member (change, "table");
        gint64 id = json_object_get_int_member (change, "id");

        saw_own |= g_str_equal (table, "task") && id == own;
        /* the other unit's task comes as a deletion, without its record */
        if (g_str_equal (table, "task") && id == others)
          {
            g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "delete");
            g_assert_true (json_node_is_null (json_object_get_member (change, "row")));
          }
        saw_others |= g_str_equal (table, "task") && id == others &&
                      !g_str_equal (json_object_get_string_member (change, "op"), "delete");
        /* an assignment of the other unit's task is not sent either */
        if (g_str_equal (table, "assignment"))
          g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (change, "row"), "task_id"), !=,
                           others);
      }
    g_assert_true (saw_own);
    g_assert_false (saw_others);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (mine.json), "revision"), >=,
                     dn_store_get_revision (f->base.store));
  }
}

static void
test_hostile (DnServerFixture       *f,
              gconstpointer  data)
{
  g_autofree char *token = dn_server_test_sign_in (f, "so", "mật khẩu tốt 123");
  /* what a refused request must not change (failed sign-ins are counted,
   * for the rate limit: that is all they write) */
  static const char state_sql[] = "SELECT (SELECT count(*) FROM task) || '/' || (SELECT count(*) FROM "
                                  "account_session) || '/' || (SELECT count(*) FROM account)";
  g_autofree char *before = dn_test_query_text (f->base.store, "%s", state_sql);
  g_autofree char *deep = NULL;
  g_autofree char *large = NULL;
  GString *nest = g_string_new (NULL);
  struct
  {
    const char *method, *path, *token_kind, *body;
    guint status;
    const char *code;
  } cases[] = {
    { "GET", "/tasks", "none", NULL, 401, "unauthorized" },
    { "GET", "/tasks", "forged", NULL, 401, "unauthorized" },
    { "POST", "/session", "none", "{\"user\": \"so\", \"password\": \"sai\"}", 401, "denied" },
    { "POST", "/session", "none", "{\"user\": \"ai đó\", \"password\": \"mật khẩu tốt 123\"}", 401, "denied" },
    { "POST", "/session", "none", "{\"user\": \"so\", \"password\": ", 400, "malformed" },
    { "POST", "/session", "none", "{'user': 'so'}", 400, "malformed" },
    { "POST", "/session", "none", "[1, 2]", 400, "malformed" },
    { "POST", "/session", "none", "{\"user\": \"so\", \"password\": \"x\", \"admin\": \"yes\"}", 400,
      "unknown-field" },
    { "POST", "/session", "none", "{\"user\": \"so\", \"password\": 123}", 400, "wrong-type" },
    { "POST", "/session", "none", "{\"user\": \"so\"}", 400, "missing-field" },
    { "GET", "/nothing", "token", NULL, 404, "not-found" },
    { "PUT", "/tasks", "token", NULL, 405, "method-not-allowed" },
    { "GET", "/tasks/0", "token", NULL, 404, "not-found" },
    { "GET", "/tasks/99999999999999999999", "token", NULL, 404, "not-found" },
    { "GET", "/tasks?limit=0", "token", NULL, 400, "invalid-query" },
    { "GET", "/changes?since=-1", "token", NULL, 400, "invalid-query" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(DnAnswer) answer = { 0 };
      const char *with = g_str_equal (cases[i].token_kind, "token") ? token
                         : g_str_equal (cases[i].token_kind, "forged") ? "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                         : NULL;

      dn_server_test_request (f, cases[i].method, cases[i].path, with, cases[i].body, -1, &answer);
      dn_server_test_assert_error (&answer, cases[i].status, cases[i].code);
    }

  /* nesting deeper than the server reads: refused before json-glib sees it */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nest, '[');
  deep = g_string_free (nest, FALSE);
  {
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_request (f, "POST", "/session", NULL, deep, -1, &answer);
    dn_server_test_assert_error (&answer, 400, "malformed");
  }
  /* a body larger than the limit: refused, not kept */
  large = g_malloc (DN_SERVER_MAX_BODY + 10);
  memset (large, ' ', DN_SERVER_MAX_BODY + 10);
  {
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_request (f, "POST", "/session", NULL, large, DN_SERVER_MAX_BODY + 10, &answer);
    dn_server_test_assert_error (&answer, 413, "too-large");
  }
  /* nothing was written by any of them */
  {
    g_autofree char *after = dn_test_query_text (f->base.store, "%s", state_sql);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_listen_rules (DnServerFixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DnServer) server = dn_server_new (f->base.store);
  g_autoptr(GError) error = NULL;

  /* plain HTTP beyond this computer only when asked */
  g_assert_false (dn_server_listen (server, "0.0.0.0:0", NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (dn_server_listen (server, "not-an-address", NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (dn_server_listen (server, "127.0.0.1:70000", NULL, FALSE, &error));
  g_clear_error (&error);
  g_assert_true (dn_server_listen (server, "[::1]:0", NULL, FALSE, &error) ||
                 error != NULL /* a machine without IPv6 */);
}

#ifdef __linux__
/* Many desktops connecting at once, before the main loop accepts any: each
 * is taken into the listening socket's queue, none turned away (with
 * GIO's backlog of 10, Linux left all but 11 waiting for their SYN to be
 * answered, and some of 200 ended reset) */
static void
test_listen_backlog (DnServerFixture *f,
                     gconstpointer    data)
{
  const guint n = 200;
  g_autoptr(DnServer) server = dn_server_new (f->base.store);
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;
  gint64 deadline;
  guint connected = 0;
  int port;

  g_assert_true (dn_server_listen (server, "127.0.0.1:0", NULL, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  address = g_inet_socket_address_new (loopback, (guint16) port);
  for (guint i = 0; i < n; i++)
    {
      GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);

      g_assert_no_error (error);
      g_socket_set_blocking (socket, FALSE);
      if (!g_socket_connect (socket, address, NULL, &error))
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
          g_clear_error (&error);
        }
      g_ptr_array_add (sockets, socket);
    }
  /* on loopback a handshake takes microseconds; a SYN left unanswered
   * is sent again only after a second */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  for (guint i = 0; i < n; i++)
    {
      GSocket *socket = sockets->pdata[i];
      gint64 left = MAX (deadline - g_get_monotonic_time (), 0);

      if (g_socket_condition_timed_wait (socket, G_IO_OUT, left, NULL, NULL) &&
          g_socket_check_connect_result (socket, NULL))
        connected++;
    }
  g_assert_cmpuint (connected, ==, n);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server/sign-in-and-tasks", test_sign_in_and_tasks);
  DN_SERVER_TEST_ADD ("/server/changes", test_changes);
  DN_SERVER_TEST_ADD ("/server/hostile", test_hostile);
  DN_SERVER_TEST_ADD ("/server/listen-rules", test_listen_rules);
#ifdef __linux__
  DN_SERVER_TEST_ADD ("/server/listen-backlog", test_listen_backlog);
#endif
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
