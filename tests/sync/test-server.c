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

#include "dn-server.h"
#include "dn-store-accounts.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"

typedef struct
{
  DnTestStore  base;
  DnServer    *server;
  SoupSession *session;
  char        *base_uri;   /* "http://127.0.0.1:PORT/api/v1" */
  gint64       department, office, school, other;
} Fixture;

typedef struct
{
  guint     status;
  JsonNode *json;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->json, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GBytes **bytes = data;
  g_autoptr(GError) error = NULL;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* Sends @method @path (below /api/v1) with @token (may be NULL) and @body
 * (may be NULL; @length -1: a string) and waits for the answer */
static void
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *token,
         const char *body,
         gssize      length,
         Answer     *answer)
{
  g_autofree char *uri = g_strconcat (f->base_uri, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  GBytes *bytes = NULL;
  const char *type;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);

      soup_message_set_request_body_from_bytes (msg, "application/json", content);
    }
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  answer->status = soup_message_get_status (msg);
  answer->json = NULL;
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (type, ==, "application/json");
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                 (gssize) g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
      answer->json = json_node_ref (json_parser_get_root (parser));
    }
  g_bytes_unref (bytes);
}

/* A 4xx answer with {"error": {"code": @code, "message": non-empty}} */
static void
assert_error (Answer     *answer,
              guint       status,
              const char *code)
{
  JsonObject *error;

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_nonnull (answer->json);
  error = json_object_get_object_member (json_node_get_object (answer->json), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "message")), >, 0);
}

static char *
sign_in (Fixture    *f,
         const char *user,
         const char *password)
{
  g_auto(Answer) answer = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\"}", user, password);

  request (f, "POST", "/session", NULL, body, -1, &answer);
  g_assert_cmpuint (answer.status, ==, 201);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer.json), "token"));
}

static gint64
add_task (Fixture    *f,
          const char *title,
          gint64      lead)
{
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(GError) error = NULL;

  g_free (task->title);
  task->title = g_strdup (title);
  task->lead_unit_id = lead;
  task->due_date = dn_test_date (2026, 12, 31);
  g_assert_true (dn_store_add_task (f->base.store, task, &error));
  g_assert_no_error (error);
  return task->id;
}

static void
add_account (Fixture    *f,
             const char *name,
             gint64      unit,
             DnAccountRole role)
{
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit;
  account->role = role;
  g_assert_true (dn_store_add_account (f->base.store, account, "mật khẩu tốt 123", &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  dn_test_store_setup (&f->base, data);
  f->department = dn_test_add_unit (f->base.store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->office = dn_test_add_unit (f->base.store, "PGDBX", "Phòng GD&ĐT Bát Xát", DN_UNIT_KIND_DISTRICT_OFFICE,
                                f->department);
  f->school = dn_test_add_unit (f->base.store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL, f->office);
  f->other = dn_test_add_unit (f->base.store, "PGDSP", "Phòng GD&ĐT Sa Pa", DN_UNIT_KIND_DISTRICT_OFFICE,
                               f->department);
  add_account (f, "so", f->department, DN_ACCOUNT_ROLE_DEPARTMENT);
  add_account (f, "batxat", f->office, DN_ACCOUNT_ROLE_UNIT);
  f->server = dn_server_new (f->base.store);
  g_assert_true (dn_server_listen (f->server, "127.0.0.1:0", NULL, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (f->server);
  g_assert_nonnull (uris);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);

    f->base_uri = g_strconcat (uri, "api/v1", NULL);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->session = soup_session_new ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->server);
  g_free (f->base_uri);
  dn_test_store_teardown (&f->base, data);
}

static void
test_sign_in_and_tasks (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *department = NULL;
  g_auto(Answer) list = { 0 };
  g_auto(Answer) all = { 0 };
  g_auto(Answer) one = { 0 };
  g_auto(Answer) hidden = { 0 };
  g_auto(Answer) after_close = { 0 };
  g_auto(Answer) closed = { 0 };
  JsonArray *tasks;
  gint64 office_task, school_task, other_task;

  office_task = add_task (f, "Kế hoạch hợp tác với KOICA", f->office);
  school_task = add_task (f, "Đón đoàn UNICEF tại trường", f->school);
  other_task = add_task (f, "Báo cáo đoàn ra Sa Pa", f->other);

  /* a unit officer sees its unit's tasks and those below, not the others' */
  token = sign_in (f, "batxat", "mật khẩu tốt 123");
  g_assert_cmpuint (strlen (token), >=, 40);
  request (f, "GET", "/tasks", token, NULL, 0, &list);
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
  request (f, "GET", "/tasks/1", token, NULL, 0, &one);
  g_assert_cmpuint (one.status, ==, 200);
  /* another unit's task is not there for it */
  {
    g_autofree char *path = g_strdup_printf ("/tasks/%" G_GINT64_FORMAT, other_task);

    request (f, "GET", path, token, NULL, 0, &hidden);
    assert_error (&hidden, 404, "not-found");
  }

  /* the department sees all, a page at a time */
  department = sign_in (f, "so", "mật khẩu tốt 123");
  request (f, "GET", "/tasks?limit=2", department, NULL, 0, &all);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (all.json), "tasks")),
                    ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (all.json), "next"), ==, school_task);

  /* a closed session opens nothing */
  request (f, "DELETE", "/session", token, NULL, 0, &closed);
  g_assert_cmpuint (closed.status, ==, 204);
  request (f, "GET", "/tasks", token, NULL, 0, &after_close);
  assert_error (&after_close, 401, "unauthorized");
}

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *token = sign_in (f, "so", "mật khẩu tốt 123");
  g_auto(Answer) first = { 0 };
  g_auto(Answer) later = { 0 };
  g_autofree char *path = NULL;
  gint64 revision;
  JsonArray *changes;

  request (f, "GET", "/changes?since=0", token, NULL, 0, &first);
  g_assert_cmpuint (first.status, ==, 200);
  revision = json_object_get_int_member (json_node_get_object (first.json), "revision");
  g_assert_cmpint (revision, >, 0);
  add_task (f, "Hội thảo giáo dục quốc tế", f->office);
  path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT, revision);
  request (f, "GET", path, token, NULL, 0, &later);
  g_assert_cmpuint (later.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (later.json), "revision"), >, revision);
  changes = json_object_get_array_member (json_node_get_object (later.json), "changes");
  g_assert_cmpuint (json_array_get_length (changes), >=, 1);

  /* a unit officer gets what concerns its units only; its cursor moves on */
  {
    g_autofree char *unit_token = sign_in (f, "batxat", "mật khẩu tốt 123");
    g_auto(Answer) mine = { 0 };
    g_autofree char *since = NULL;
    gint64 own, others;
    gboolean saw_own = FALSE, saw_others = FALSE;
    JsonArray *seen;

    own = add_task (f, "Tiếp đoàn KOICA tại Bát Xát", f->school);
    others = add_task (f, "Tiếp đoàn JICA tại Sa Pa", f->other);
    since = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT, revision);
    request (f, "GET", since, unit_token, NULL, 0, &mine);
    g_assert_cmpuint (mine.status, ==, 200);
    seen = json_object_get_array_member (json_node_get_object (mine.json), "changes");
    for (guint i = 0; i < json_array_get_length (seen); i++)
      {
        JsonObject *change = json_array_get_object_element (seen, i);
        const char *table = json_object_get_string_member (change, "table");
        gint64 id = json_object_get_int_member (change, "id");

        saw_own |= g_str_equal (table, "task") && id == own;
        saw_others |= g_str_equal (table, "task") && id == others;
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
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *token = sign_in (f, "so", "mật khẩu tốt 123");
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
      g_auto(Answer) answer = { 0 };
      const char *with = g_str_equal (cases[i].token_kind, "token") ? token
                         : g_str_equal (cases[i].token_kind, "forged") ? "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                         : NULL;

      request (f, cases[i].method, cases[i].path, with, cases[i].body, -1, &answer);
      assert_error (&answer, cases[i].status, cases[i].code);
    }

  /* nesting deeper than the server reads: refused before json-glib sees it */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nest, '[');
  deep = g_string_free (nest, FALSE);
  {
    g_auto(Answer) answer = { 0 };

    request (f, "POST", "/session", NULL, deep, -1, &answer);
    assert_error (&answer, 400, "malformed");
  }
  /* a body larger than the limit: refused, not kept */
  large = g_malloc (DN_SERVER_MAX_BODY + 10);
  memset (large, ' ', DN_SERVER_MAX_BODY + 10);
  {
    g_auto(Answer) answer = { 0 };

    request (f, "POST", "/session", NULL, large, DN_SERVER_MAX_BODY + 10, &answer);
    assert_error (&answer, 413, "too-large");
  }
  /* nothing was written by any of them */
  {
    g_autofree char *after = dn_test_query_text (f->base.store, "%s", state_sql);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_listen_rules (Fixture       *f,
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/sign-in-and-tasks", Fixture, NULL, fixture_setup, test_sign_in_and_tasks, fixture_teardown);
  g_test_add ("/server/changes", Fixture, NULL, fixture_setup, test_changes, fixture_teardown);
  g_test_add ("/server/hostile", Fixture, NULL, fixture_setup, test_hostile, fixture_teardown);
  g_test_add ("/server/listen-rules", Fixture, NULL, fixture_setup, test_listen_rules, fixture_teardown);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
