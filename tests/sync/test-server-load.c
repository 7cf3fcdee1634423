/* test-server-load.c: what keeps the server answering under load — the
 * password of a sign-in checked off the main loop (a poll is answered
 * while it is checked, the sign-in while the loop is busy; a client gone
 * meanwhile harms nothing), the tasks read a page at a time by key,
 * searched as the window searches and filtered by status, and their bad
 * queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-load"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-server-test-utils.h"
#include "dn-store-accounts.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"

/* A request sent without waiting; its answer's order among others */
typedef struct
{
  SoupMessage *msg;
  GBytes      *bytes;
  GError      *error;
  guint       *counter;
  guint        order;   /* 1 for the first answered… */
} Pending;

static void
on_pending_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  Pending *pending = data;

  pending->bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &pending->error);
  pending->order = ++*pending->counter;
}

static void
send_pending (DnServerFixture *f,
              Pending         *pending,
              const char      *method,
              const char      *path,
              const char      *token,
              const char      *body,
              GCancellable    *cancellable,
              guint           *counter)
{
  g_autofree char *uri = g_strconcat (f->base_uri, path, NULL);

  memset (pending, 0, sizeof *pending);
  pending->msg = soup_message_new (method, uri);
  pending->counter = counter;
  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (pending->msg), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (pending->msg, "application/json", content);
    }
  soup_session_send_and_read_async (f->session, pending->msg, G_PRIORITY_DEFAULT, cancellable, on_pending_sent_cb,
                                    pending);
}

static void
pending_clear (Pending *pending)
{
  g_clear_object (&pending->msg);
  g_clear_pointer (&pending->bytes, g_bytes_unref);
  g_clear_error (&pending->error);
}

/* While a sign-in's password is checked, a poll sent after it is answered
 * before it; both are answered. (The check made four times as costly as
 * the interactive limits, on a busy machine too: a name nobody has is
 * checked against a hash made with today's limits.) */
static void
test_sign_in_off_main_loop (DnServerFixture *f,
                            gconstpointer    data)
{
  g_autofree char *token = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *body = g_strdup_printf ("{\"user\": \"ai đó\", \"password\": \"%s\"}", DN_SERVER_TEST_PASSWORD);
  Pending sign_in, poll;
  guint counter = 0;
  guint verified = _dn_accounts_get_n_verified ();

  _dn_accounts_set_hash_limits (4 * crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
  send_pending (f, &sign_in, "POST", "/session", NULL, body, NULL, &counter);
  /* the sign-in has reached the server and its check has started */
  while (_dn_accounts_get_n_verified () == verified)
    g_main_context_iteration (NULL, TRUE);
  send_pending (f, &poll, "GET", "/changes?since=0", token, NULL, NULL, &counter);
  while (sign_in.order == 0 || poll.order == 0)
    g_main_context_iteration (NULL, TRUE);
  _dn_accounts_set_hash_limits (0, 0);
  g_assert_no_error (sign_in.error);
  g_assert_no_error (poll.error);
  g_assert_cmpuint (soup_message_get_status (poll.msg), ==, 200);
  g_assert_cmpuint (soup_message_get_status (sign_in.msg), ==, 401);
  g_assert_cmpuint (poll.order, ==, 1);
  g_assert_cmpuint (sign_in.order, ==, 2);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM account_attempt"), ==, 1);
  pending_clear (&sign_in);
  pending_clear (&poll);

  /* and a right password opens a session as before */
  g_free (dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD));
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM account_session s JOIN account a "
                                                     "ON a.id = s.account_id WHERE a.name = 'batxat'"), ==, 1);
}

/* Work on the main loop that never lets it be idle, as requests back to
 * back do, until the sign-in is answered or the deadline passes */
typedef struct
{
  Pending *sign_in;
  gint64   deadline;
} Busy;

static gboolean
busy_cb (gpointer data)
{
  Busy *busy = data;

  g_usleep (1000);
  return busy->sign_in->order == 0 && g_get_monotonic_time () < busy->deadline ? G_SOURCE_CONTINUE
                                                                                : G_SOURCE_REMOVE;
}

/* A sign-in is answered while the main loop is kept busy (its checked
 * password came back at idle priority: under load it waited until the
 * requests stopped) */
static void
test_sign_in_while_busy (DnServerFixture *f,
                         gconstpointer    data)
{
  g_autofree char *body = g_strdup_printf ("{\"user\": \"batxat\", \"password\": \"%s\"}", DN_SERVER_TEST_PASSWORD);
  Pending sign_in;
  Busy busy = { &sign_in, g_get_monotonic_time () + 20 * G_USEC_PER_SEC };
  guint counter = 0;

  send_pending (f, &sign_in, "POST", "/session", NULL, body, NULL, &counter);
  g_idle_add_full (G_PRIORITY_DEFAULT, busy_cb, &busy, NULL);
  while (sign_in.order == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (sign_in.error);
  g_assert_cmpuint (soup_message_get_status (sign_in.msg), ==, 201);
  /* answered before the busy work gave up */
  g_assert_cmpint (g_get_monotonic_time (), <, busy.deadline);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pending_clear (&sign_in);
}

/* A client that leaves while its password is checked: the failure is
 * still counted, and the server goes on answering. */
static void
test_sign_in_client_gone (DnServerFixture *f,
                          gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *token = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) after = { 0 };
  Pending sign_in;
  guint counter = 0;
  guint verified = _dn_accounts_get_n_verified ();
  gint64 deadline;

  send_pending (f, &sign_in, "POST", "/session", NULL, "{\"user\": \"batxat\", \"password\": \"sai mật khẩu\"}",
                cancellable, &counter);
  while (_dn_accounts_get_n_verified () == verified)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  while (sign_in.order == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (sign_in.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* the check ends on its own; then its failure is recorded */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (dn_test_query_int (f->base.store, "SELECT count(*) FROM account_attempt") == 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM account_attempt WHERE name = 'batxat'"),
                   ==, 1);
  dn_server_test_request (f, "GET", "/tasks", token, NULL, 0, &after);
  g_assert_cmpuint (after.status, ==, 200);
  pending_clear (&sign_in);
}

/* The ids of a page's tasks as "3,1,2", and its "next" (0 for null) */
static char *
page_ids (DnAnswer *answer,
          gint64   *next)
{
  JsonObject *object = json_node_get_object (answer->json);
  JsonArray *tasks = json_object_get_array_member (object, "tasks");
  JsonNode *after = json_object_get_member (object, "next");
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_cmpuint (answer->status, ==, 200);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (tasks, i), "id"));
  *next = JSON_NODE_HOLDS_NULL (after) ? 0 : json_node_get_int (after);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The tasks a caller sees with @query, walked a page of @limit at a time */
static char *
walk_pages (DnServerFixture *f,
            const char      *token,
            const char      *query,
            guint            limit)
{
  g_autoptr(GString) all = g_string_new (NULL);
  gint64 next = 0;

  do
    {
      g_auto(DnAnswer) answer = { 0 };
      g_autofree char *path = g_strdup_printf ("/tasks?limit=%u&after=%" G_GINT64_FORMAT "%s", limit, next, query);
      g_autofree char *ids = NULL;

      dn_server_test_request (f, "GET", path, token, NULL, 0, &answer);
      ids = page_ids (&answer, &next);
      if (ids[0] != '\0')
        g_string_append_printf (all, "%s%s", all->len > 0 ? "," : "", ids);
    }
  while (next != 0);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* walk_pages() gives the tasks @expected (ended by 0) */
static void
assert_walk (DnServerFixture *f,
             const char      *token,
             const char      *query,
             guint            limit,
             const gint64    *expected)
{
  g_autofree char *got = walk_pages (f, token, query, limit);
  g_autofree char *want = dn_test_ids (expected);

  g_assert_cmpstr (got, ==, want);
}

#define NONE ((const gint64[]) { 0 })
#define IDS(...) ((const gint64[]) { __VA_ARGS__, 0 })

static void
test_task_pages (DnServerFixture *f,
                 gconstpointer    data)
{
  g_autofree char *unit = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *department = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autoptr(GError) error = NULL;
  gint64 koica, unicef, other, plan, support, done;

  koica = dn_server_test_add_task (f, "Kế hoạch hợp tác với KOICA", f->office);
  unicef = dn_server_test_add_task (f, "Đón đoàn UNICEF tại trường", f->school);
  other = dn_server_test_add_task (f, "Kế hoạch đoàn ra Sa Pa", f->other);
  plan = dn_server_test_add_task (f, "Báo cáo kế hoạch hợp tác quốc tế", f->school);
  /* led elsewhere, supported by the school */
  support = dn_test_add_task (f->base.store, "Hội thảo hợp tác giáo dục", f->other, NULL, DN_TEST_UNITS (f->school));
  done = dn_server_test_add_task (f, "Tổng kết hợp tác năm học", f->office);
  g_assert_true (dn_store_set_task_status (f->base.store, done, DN_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);

  /* every page size gives the same list, by id, within the caller's units */
  for (guint limit = 1; limit <= 6; limit++)
    {
      assert_walk (f, unit, "", limit, IDS (koica, unicef, plan, support, done));
      assert_walk (f, department, "", limit, IDS (koica, unicef, other, plan, support, done));
    }
  /* a full last page still says there is no next one */
  {
    g_auto(DnAnswer) answer = { 0 };
    g_autofree char *ids = NULL;
    g_autofree char *path = g_strdup_printf ("/tasks?after=%" G_GINT64_FORMAT "&limit=1", support);
    gint64 next = -1;

    dn_server_test_request (f, "GET", path, unit, NULL, 0, &answer);
    ids = page_ids (&answer, &next);
    g_assert_cmpint (next, ==, 0);
    dn_test_assert_owned_cmpstr (DN_TEST_IDS (done), ==, ids);
  }

  /* the window's search: words in any order, with accents or without */
  assert_walk (f, unit, "&q=ke%20hoach", 1, IDS (koica, plan));
  assert_walk (f, department, "&q=ke%20hoach", 1, IDS (koica, other, plan));
  /* "hợp tác kế": the last word begins "kết" too */
  assert_walk (f, unit, "&q=h%E1%BB%A3p%20t%C3%A1c%20k%E1%BA%BF", 100, IDS (koica, plan, done));
  assert_walk (f, unit, "&q=KOICA", 100, IDS (koica));
  assert_walk (f, unit, "&q=sa%20pa", 100, NONE);
  assert_walk (f, unit, "&q=", 100, IDS (koica, unicef, plan, support, done));
  /* by status, and both */
  assert_walk (f, unit, "&status=done", 100, IDS (done));
  assert_walk (f, unit, "&status=open&q=hop%20tac", 1, IDS (koica, plan, support));
  assert_walk (f, unit, "&status=cancelled", 100, NONE);
}

static void
test_task_pages_bad_queries (DnServerFixture *f,
                             gconstpointer    data)
{
  g_autofree char *token = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *long_text = NULL;
  g_autofree char *long_path = NULL;
  const char *paths[] = {
    "/tasks?status=finished",
    "/tasks?status=",
    "/tasks?status=OPEN",
    "/tasks?limit=501",
    "/tasks?limit=-1",
    "/tasks?after=abc",
    "/tasks?after=-5",
    "/tasks?q=%FF%FE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(DnAnswer) answer = { 0 };

      dn_server_test_request (f, "GET", paths[i], token, NULL, 0, &answer);
      dn_server_test_assert_error (&answer, 400, "invalid-query");
    }
  /* 201 letters: more than a search takes */
  long_text = g_strnfill (201, 'a');
  long_path = g_strconcat ("/tasks?q=", long_text, NULL);
  {
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_request (f, "GET", long_path, token, NULL, 0, &answer);
    dn_server_test_assert_error (&answer, 400, "invalid-query");
  }
  long_path[strlen (long_path) - 1] = '\0';
  {
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_request (f, "GET", long_path, token, NULL, 0, &answer);
    g_assert_cmpuint (answer.status, ==, 200);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-load/sign-in-off-main-loop", test_sign_in_off_main_loop);
  DN_SERVER_TEST_ADD ("/server-load/sign-in-while-busy", test_sign_in_while_busy);
  DN_SERVER_TEST_ADD ("/server-load/sign-in-client-gone", test_sign_in_client_gone);
  DN_SERVER_TEST_ADD ("/server-load/task-pages", test_task_pages);
  DN_SERVER_TEST_ADD ("/server-load/task-pages-bad-queries", test_task_pages_bad_queries);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
