/* test-replica.c: a desktop's replica brought up to date from a real server
 * on loopback (dn-replica.h, dn-exchange-apply.h), and answers that must
 * leave it as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-replica"

#include "config.h"

#include <string.h>

#include "dn-client-test-utils.h"
#include "dn-exchange-apply.h"
#include "dn-exchange-rows.h"
#include "dn-replica.h"
#include "dn-server-test-utils.h"
#include "dn-store-settings.h"
#include "dn-store-tasks.h"

/* ---------------------------------------------------------------- helpers */

typedef struct
{
  DnServerFixture server;
  DnTestStore     replica;
  gint64          school2;      /* THSP, under PGDSP */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  dn_server_fixture_setup (&f->server, data);
  dn_test_store_setup (&f->replica, data);
  f->school2 = dn_test_add_unit (f->server.base.store, "THSP", "Trường Tiểu học Sa Pa", DN_UNIT_KIND_SCHOOL,
                                 f->server.other);
  dn_server_test_add_account (&f->server, "thbx", f->server.school, DN_ACCOUNT_ROLE_UNIT);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_test_store_teardown (&f->replica, data);
  dn_server_fixture_teardown (&f->server, data);
}

static gboolean
sync_replica (DnReplica     *replica,
              GCancellable  *cancellable,
              GError       **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  dn_replica_sync_async (replica, cancellable, dn_test_on_result, &result);
  dn_test_wait_result (&result);
  ok = dn_replica_sync_finish (replica, result, error);
  g_object_unref (result);
  return ok;
}

/* A client signed in as @user to the fixture's server */
static DnClient *
signed_in (Fixture    *f,
           const char *user)
{
  g_autofree char *base = dn_server_test_dup_url (&f->server);
  g_autoptr(DnClient) client = dn_client_new (base, NULL);
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  dn_client_sign_in_async (client, user, DN_SERVER_TEST_PASSWORD, NULL, dn_test_on_result, &result);
  dn_test_wait_result (&result);
  g_assert_true (dn_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  return g_steal_pointer (&client);
}

/* The ids of the live tasks of @store, "3,5" */
static char *
live_tasks (DnStore *store)
{
  return dn_test_query_text (store, "SELECT ifnull(group_concat(id), '') FROM "
                                    "(SELECT id FROM task WHERE deleted = 0 ORDER BY id)");
}

/* ------------------------------------------------------------------ cases */

/* A school officer's replica gets exactly the school's tasks; a task
 * reassigned away, one edited and one deleted on the server arrive with
 * the next sync; a write's answer applied at once */
static void
test_sync (Fixture       *f,
           gconstpointer  data)
{
  DnStore *server = f->server.base.store;
  DnStore *store = f->replica.store;
  g_autoptr(DnClient) client = signed_in (f, "thbx");
  g_autoptr(DnReplica) replica = dn_replica_new (store, client);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  gint64 mine[3], theirs[2];

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Đoàn KOICA %u tại Bát Xát", i + 1);
      mine[i] = dn_server_test_add_task (&f->server, title, f->server.school);
    }
  theirs[0] = dn_server_test_add_task (&f->server, "Đoàn JICA tại Sa Pa", f->school2);
  theirs[1] = dn_server_test_add_task (&f->server, "Hội nghị của Sở", f->server.department);

  g_assert_true (sync_replica (replica, NULL, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, mine[0], mine[1], mine[2]);
  got = live_tasks (store);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM task WHERE id IN (%" G_GINT64_FORMAT ", %"
                                      G_GINT64_FORMAT ")", theirs[0], theirs[1]), ==, 0);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM unit"), ==, 5);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM assignment"), ==, 3);
  g_assert_cmpint (dn_store_get_replica_revision (store), ==, dn_store_get_revision (server));
  g_assert_cmpint (dn_test_query_int (store, "SELECT revision FROM task WHERE id = %" G_GINT64_FORMAT, mine[1]), ==,
                   dn_test_query_int (server, "SELECT revision FROM task WHERE id = %" G_GINT64_FORMAT, mine[1]));
  g_assert_cmpuint (dn_replica_get_pages_read (replica), >=, 1);
  g_assert_cmpuint (dn_replica_get_rows_read (replica), >=, 5 + 3 + 3);
  /* nothing the replica took is in its audit log */
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM audit_log"), ==, 0);

  /* on the server: the first reassigned to the other school, the second
   * edited, the third deleted */
  task = dn_store_get_task (server, mine[0], &error);
  g_assert_no_error (error);
  task->lead_unit_id = f->school2;
  g_assert_true (dn_store_update_task (server, task, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  task = dn_store_get_task (server, mine[1], &error);
  g_free (task->title);
  task->title = g_strdup ("Đoàn KOICA 2 tại Bát Xát (đổi ngày)");
  g_assert_true (dn_store_update_task (server, task, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  g_assert_true (dn_store_delete_task (server, mine[2], &error));
  g_assert_no_error (error);

  g_assert_true (sync_replica (replica, NULL, &error));
  g_assert_no_error (error);
  expected = (g_free (expected), g_strdup_printf ("%" G_GINT64_FORMAT, mine[1]));
  got = live_tasks (store);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM task WHERE id = %" G_GINT64_FORMAT, mine[0]), ==, 0);
  got = dn_test_query_text (store, "SELECT title FROM task WHERE id = %" G_GINT64_FORMAT, mine[1]);
  g_assert_cmpstr (got, ==, "Đoàn KOICA 2 tại Bát Xát (đổi ngày)");
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (dn_store_get_replica_revision (store), ==, dn_store_get_revision (server));

  /* a write's answer: the record now, applied before the next sync */
  {
    g_autoptr(JsonNode) record = NULL;
    gint64 revision = dn_store_get_replica_revision (store);

    task = dn_store_get_task (server, mine[1], &error);
    g_free (task->title);
    task->title = g_strdup ("Đoàn KOICA 2 — lần ba");
    g_assert_true (dn_store_update_task (server, task, &error));
    g_clear_object (&task);
    record = dn_exchange_row_to_json (server, "task", mine[1], &error);
    g_assert_no_error (error);
    g_assert_true (dn_replica_apply_record (replica, "task", record, &error));
    g_assert_no_error (error);
    got = dn_test_query_text (store, "SELECT title FROM task WHERE id = %" G_GINT64_FORMAT, mine[1]);
    g_assert_cmpstr (got, ==, "Đoàn KOICA 2 — lần ba");
    g_clear_pointer (&got, g_free);
    g_assert_cmpint (dn_test_query_int (store, "SELECT revision FROM task WHERE id = %" G_GINT64_FORMAT, mine[1]), ==,
                     json_object_get_int_member (json_node_get_object (record), "revision"));
    g_assert_cmpint (dn_store_get_replica_revision (store), ==, revision);

    /* a record with a field the table does not have: nothing applied */
    json_object_set_string_member (json_node_get_object (record), "title", "Không được ghi");
    json_object_set_int_member (json_node_get_object (record), "colour", 3);
    g_assert_false (dn_replica_apply_record (replica, "task", record, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (dn_replica_apply_record (replica, "account", record, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    got = dn_test_query_text (store, "SELECT title FROM task WHERE id = %" G_GINT64_FORMAT, mine[1]);
    g_assert_cmpstr (got, ==, "Đoàn KOICA 2 — lần ba");
  }
}

typedef struct
{
  GCancellable *cancellable;
  DnStore      *store;
  gint64        revision;   /* the replica's after the first page */
} CancelAt;

static void
on_pages_read (DnReplica  *replica,
               GParamSpec *pspec,
               CancelAt   *at)
{
  if (dn_replica_get_pages_read (replica) == 1 && at->revision == 0)
    {
      at->revision = dn_store_get_replica_revision (at->store);
      g_cancellable_cancel (at->cancellable);
    }
}

/* Cancelled after its first page, the replica stays at that page; the next
 * sync goes on from there to the same result as one sync */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  DnStore *store = f->replica.store;
  g_autoptr(DnClient) client = signed_in (f, "so");
  g_autoptr(DnReplica) replica = dn_replica_new (store, client);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelAt at = { cancellable, store, 0 };

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Việc %u", i + 1);
      dn_server_test_add_task (&f->server, title, i % 2 == 0 ? f->server.school : f->school2);
    }
  dn_replica_set_page_size (replica, 4);
  g_signal_connect (replica, "notify::pages-read", G_CALLBACK (on_pages_read), &at);
  g_assert_false (sync_replica (replica, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (at.revision, >, 0);
  g_assert_cmpint (dn_store_get_replica_revision (store), ==, at.revision);
  g_assert_cmpint (at.revision, <, dn_store_get_revision (f->server.base.store));
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM task"), <, 6);

  g_assert_true (sync_replica (replica, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_replica_revision (store), ==, dn_store_get_revision (f->server.base.store));
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM task"), ==, 6);
  g_assert_cmpuint (dn_replica_get_pages_read (replica), >, 1);
}

/* A unit's record as the server sends it */
#define UNIT_ROW "{\"id\": 1, \"code\": \"SGD\", \"name\": \"Sở Giáo dục\", \"kind\": \"department\", " \
                 "\"parent_id\": null, \"archived\": 0, \"revision\": 2}"
#define CHANGES(revision, changes) "{\"revision\": " revision ", \"changes\": [" changes "]}"

/* Answers that are wrong leave the replica as it was */
static void
test_malformed (void)
{
  static const struct
  {
    const char *answer;
    int         code;
  } cases[] = {
    /* a wrong type */
    { CHANGES ("9", "{\"table\": \"unit\", \"id\": 1, \"op\": \"update\", \"revision\": 9, \"row\": "
                    "{\"id\": 1, \"code\": 5, \"name\": \"x\", \"kind\": \"department\", \"revision\": 9}}"),
      DN_STORE_ERROR_INVALID },
    /* an unknown table, one the server never sends, an unknown column */
    { CHANGES ("9", "{\"table\": \"colour\", \"id\": 1, \"op\": \"delete\", \"revision\": 9, \"row\": null}"),
      DN_STORE_ERROR_INVALID },
    { CHANGES ("9", "{\"table\": \"account\", \"id\": 1, \"op\": \"delete\", \"revision\": 9, \"row\": null}"),
      DN_STORE_ERROR_INVALID },
    { CHANGES ("9", "{\"table\": \"unit\", \"id\": 1, \"op\": \"update\", \"revision\": 9, \"row\": "
                    "{\"id\": 1, \"code\": \"SGD\", \"name\": \"x\", \"kind\": \"department\", \"colour\": 1, "
                    "\"revision\": 9}}"),
      DN_STORE_ERROR_INVALID },
    /* a record under another id; a deletion with a record; an unknown op */
    { CHANGES ("9", "{\"table\": \"unit\", \"id\": 7, \"op\": \"insert\", \"revision\": 9, \"row\": " UNIT_ROW "}"),
      DN_STORE_ERROR_INVALID },
    { CHANGES ("9", "{\"table\": \"unit\", \"id\": 1, \"op\": \"delete\", \"revision\": 9, \"row\": " UNIT_ROW "}"),
      DN_STORE_ERROR_INVALID },
    { CHANGES ("9", "{\"table\": \"unit\", \"id\": 1, \"op\": \"drop\", \"revision\": 9, \"row\": null}"),
      DN_STORE_ERROR_INVALID },
    /* the changes applied before the wrong one are not kept either */
    { CHANGES ("9", "{\"table\": \"unit\", \"id\": 1, \"op\": \"update\", \"revision\": 8, \"row\": "
                    "{\"id\": 1, \"code\": \"SGD2\", \"name\": \"y\", \"kind\": \"department\", \"revision\": 8}},"
                    "{\"table\": \"person\", \"id\": 1, \"op\": \"insert\", \"revision\": 9, \"row\": "
                    "{\"id\": 1, \"family_name\": \"Lê\", \"given_name\": \"An\", \"unit_id\": 4242, "
                    "\"revision\": 9}}"),
      DN_STORE_ERROR_IN_USE },
    /* older than the replica */
    { CHANGES ("1", ""), DN_STORE_ERROR_INVALID },
    /* not the shape of an answer */
    { "{\"revision\": \"9\", \"changes\": []}", DN_STORE_ERROR_INVALID },
    { "{\"revision\": 9, \"changes\": {}}", DN_STORE_ERROR_INVALID },
    { "[1, 2]", DN_STORE_ERROR_INVALID },
  };
  g_autoptr(DnRawServer) raw = dn_raw_server_new ();
  g_autoptr(DnClient) client = dn_client_new (dn_raw_server_get_uri (raw), NULL);
  DnTestStore fixture = { 0 };
  g_autoptr(DnReplica) replica = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (CHANGES ("9", "{\"table\": \"unit\", \"id\": 1, \"op\": \"update\", "
                                                        "\"revision\": 9, \"row\": "));
  g_autofree char *counts = NULL;
  g_autofree char *name = NULL;

  dn_test_store_setup (&fixture, NULL);
  replica = dn_replica_new (fixture.store, client);
  dn_raw_server_set_answer (raw, 200, CHANGES ("3", "{\"table\": \"unit\", \"id\": 1, \"op\": \"insert\", "
                                                    "\"revision\": 2, \"row\": " UNIT_ROW "}"));
  /* the same answer twice: caught up */
  g_assert_true (sync_replica (replica, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_replica_revision (fixture.store), ==, 3);
  counts = dn_test_row_counts (fixture.store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].answer);
      dn_raw_server_set_answer (raw, 200, cases[i].answer);
      g_assert_false (sync_replica (replica, NULL, &error));
      g_assert_error (error, DN_STORE_ERROR, cases[i].code);
      g_assert_cmpuint (strlen (error->message), >, 0);
      g_clear_error (&error);
      g_assert_cmpint (dn_store_get_replica_revision (fixture.store), ==, 3);
      {
        g_autofree char *now = dn_test_row_counts (fixture.store);
        g_assert_cmpstr (now, ==, counts);
      }
    }

  /* nested far deeper than any record: refused before json-glib */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  dn_raw_server_set_answer (raw, 200, deep->str);
  g_assert_false (sync_replica (replica, NULL, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpint (dn_store_get_replica_revision (fixture.store), ==, 3);
  name = dn_test_query_text (fixture.store, "SELECT name FROM unit WHERE id = 1");
  g_assert_cmpstr (name, ==, "Sở Giáo dục");
  g_clear_object (&replica);
  dn_test_store_teardown (&fixture, NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static char *
countries (DnStore *store)
{
  return dn_test_query_text (store, "SELECT ifnull(group_concat(country_code || ':' || revision), '') FROM "
                                    "(SELECT * FROM delegation_country WHERE delegation_id = 3 "
                                    "ORDER BY country_code)");
}

#define DELEGATION_ROW "{\"id\": 3, \"direction\": \"outbound\", \"title\": \"Đoàn đi Nhật Bản\", " \
                       "\"start_date\": \"2026-03-01\", \"end_date\": \"2026-03-08\", \"revision\": 3}"

/* A link table's rows come as an owner's list: all of them replaced, each
 * with its revision; a link of another owner, a link deleted as a row, an
 * empty list given alone are refused */
static void
test_links (DnTestStore   *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) first = parse (CHANGES ("5",
    "{\"table\": \"delegation\", \"id\": 3, \"op\": \"insert\", \"revision\": 3, \"row\": " DELEGATION_ROW "},"
    "{\"table\": \"delegation_country\", \"id\": 3, \"op\": \"update\", \"revision\": 5, \"row\": ["
    "{\"delegation_id\": 3, \"country_code\": \"JP\", \"revision\": 4},"
    "{\"delegation_id\": 3, \"country_code\": \"KR\", \"revision\": 5}]}"));
  g_autoptr(JsonNode) second = parse (CHANGES ("6",
    "{\"table\": \"delegation_country\", \"id\": 3, \"op\": \"update\", \"revision\": 6, \"row\": ["
    "{\"delegation_id\": 3, \"country_code\": \"FR\", \"revision\": 6}]}"));
  g_autoptr(JsonNode) other_owner = parse (CHANGES ("7",
    "{\"table\": \"delegation_country\", \"id\": 3, \"op\": \"update\", \"revision\": 7, \"row\": ["
    "{\"delegation_id\": 4, \"country_code\": \"DE\", \"revision\": 7}]}"));
  g_autoptr(JsonNode) deleted = parse (CHANGES ("7",
    "{\"table\": \"delegation_country\", \"id\": 3, \"op\": \"delete\", \"revision\": 7, \"row\": null}"));
  g_autoptr(JsonNode) record = parse ("[{\"delegation_id\": 3, \"country_code\": \"LA\", \"revision\": 9}]");
  g_autoptr(JsonNode) empty = parse ("[]");
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  g_assert_true (dn_exchange_apply_changes (f->store, first, &error));
  g_assert_no_error (error);
  got = countries (f->store);
  g_assert_cmpstr (got, ==, "JP:4,KR:5");
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT revision FROM delegation WHERE id = 3"), ==, 3);
  g_assert_true (dn_exchange_apply_changes (f->store, second, &error));
  g_assert_no_error (error);
  got = countries (f->store);
  g_assert_cmpstr (got, ==, "FR:6");
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (dn_store_get_replica_revision (f->store), ==, 6);

  g_assert_false (dn_exchange_apply_changes (f->store, other_owner, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_exchange_apply_changes (f->store, deleted, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_exchange_apply_record (f->store, "delegation_country", empty, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  got = countries (f->store);
  g_assert_cmpstr (got, ==, "FR:6");
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (dn_store_get_replica_revision (f->store), ==, 6);

  g_assert_true (dn_exchange_apply_record (f->store, "delegation_country", record, &error));
  g_assert_no_error (error);
  got = countries (f->store);
  g_assert_cmpstr (got, ==, "LA:9");
  g_assert_cmpint (dn_store_get_replica_revision (f->store), ==, 6);
}

/* The department's rules an answer gives are kept: a key of a later
 * version is left; a value that is not a whole number in its range
 * refuses the answer, the page not applied */
static void
test_rules (DnTestStore   *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) rules = parse ("{\"revision\": 3, \"changes\": [], \"rules\": {\"report-days\": 20, "
                                     "\"limit-countries\": 2, \"limit-planets\": 1}}");
  g_autoptr(JsonNode) text = parse ("{\"revision\": 4, \"changes\": [], \"rules\": {\"report-days\": \"30\"}}");
  g_autoptr(JsonNode) range = parse ("{\"revision\": 4, \"changes\": [], \"rules\": {\"report-days\": -1}}");
  g_autoptr(JsonNode) list = parse ("{\"revision\": 4, \"changes\": [], \"rules\": [20]}");
  JsonNode *bad[] = { text, range, list };
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_store_set_replica (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (dn_exchange_apply_changes (f->store, rules, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_setting (f->store, DN_SETTING_REPORT_DAYS), ==, 20);
  g_assert_cmpint (dn_store_get_setting (f->store, DN_SETTING_LIMIT_COUNTRIES), ==, 2);
  g_assert_cmpint (dn_store_get_replica_revision (f->store), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (dn_exchange_apply_changes (f->store, bad[i], &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (dn_store_get_setting (f->store, DN_SETTING_REPORT_DAYS), ==, 20);
  g_assert_cmpint (dn_store_get_replica_revision (f->store), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/replica/sync", Fixture, NULL, fixture_setup, test_sync, fixture_teardown);
  g_test_add ("/replica/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add_func ("/replica/malformed", test_malformed);
  DN_TEST_ADD ("/replica/links", test_links);
  DN_TEST_ADD ("/replica/rules", test_rules);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
