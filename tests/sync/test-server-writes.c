/* test-server-writes.c: the server's writes to tasks over real HTTP on
 * loopback — making, changing, completing and deleting tasks, extensions
 * and reminders, files sent and attached —, who may do each, the
 * conflicts of two officers on one task, and every bad request refused
 * with nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"

/* ---------------------------------------------------------------- helpers */

static gint64
revision (DnServerFixture *f)
{
  return dn_store_get_revision (f->base.store);
}

/* @method @path answered with the error @status @code, the store as it was */
static void
expect_refused (DnServerFixture *f,
                const char      *method,
                const char      *path,
                const char      *token,
                const char      *body,
                guint            status,
                const char      *code)
{
  g_auto(DnAnswer) answer = { 0 };
  gint64 before = revision (f);

  dn_server_test_request (f, method, path, token, body, -1, &answer);
  if (answer.json != NULL)
    {
      g_autofree char *text = json_to_string (answer.json, FALSE);

      g_test_message ("%s %s: %u %s", method, path, answer.status, text);
    }
  dn_server_test_assert_error (&answer, status, code);
  g_assert_cmpint (revision (f), ==, before);
}

/* @method @path answered with @status: the answer's object */
static JsonNode *
expect_ok (DnServerFixture *f,
           const char      *method,
           const char      *path,
           const char      *token,
           const char      *body,
           guint            status)
{
  g_auto(DnAnswer) answer = { 0 };

  dn_server_test_request (f, method, path, token, body, -1, &answer);
  if (answer.status != status && answer.json != NULL)
    {
      g_autofree char *text = json_to_string (answer.json, FALSE);

      g_test_message ("%s %s: %s", method, path, text);
    }
  g_assert_cmpuint (answer.status, ==, status);
  g_assert_nonnull (answer.json);
  return g_steal_pointer (&answer.json);
}

static const char *
str_of (JsonNode   *node,
        const char *member)
{
  return json_object_get_string_member (json_node_get_object (node), member);
}

static gint64
int_of (JsonNode   *node,
        const char *member)
{
  return json_object_get_int_member (json_node_get_object (node), member);
}

static gint64
task_revision (DnServerFixture *f,
               gint64           id)
{
  return dn_server_test_row_revision (f, "task", id);
}

static char *
task_path (gint64      id,
           const char *tail)
{
  return g_strdup_printf ("/tasks/%" G_GINT64_FORMAT "%s", id, tail);
}

/* A task led by @lead with @supports (ended by 0, or NULL), made by the
 * desktop (no account of the server): given from above for every unit */
static gint64
add_task (DnServerFixture *f,
          const char      *title,
          gint64           lead,
          const gint64    *supports)
{
  GDate due = dn_test_date (2026, 12, 31);

  return dn_test_add_task (f->base.store, title, lead, &due, supports);
}

static char *
sign_in (DnServerFixture *f,
         const char      *name)
{
  return dn_server_test_sign_in (f, name, DN_SERVER_TEST_PASSWORD);
}

/* ------------------------------------------------------------------ tests */

static void
test_add_task (DnServerFixture *f,
               gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *reader = NULL;
  g_autofree char *body = NULL;
  g_autofree char *by_office = NULL;
  g_autofree char *secret_body = NULL;
  g_autoptr(JsonNode) made = NULL;
  g_autoptr(JsonNode) given = NULL;
  g_autoptr(DnTask) task = NULL;
  gint64 secret;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  body = g_strdup_printf ("{\"title\": \"Báo cáo hợp tác quốc tế\", \"description\": \"Quý IV\", \"section\": \"II.1\", "
                          "\"due_date\": \"2026-12-20\", \"recurrence\": \"monthly\", \"lead_unit_id\": %" G_GINT64_FORMAT
                          ", \"support_unit_ids\": [%" G_GINT64_FORMAT "]}",
                          f->office, f->school);
  made = expect_ok (f, "POST", "/tasks", so, body, 201);
  g_assert_cmpstr (str_of (made, "title"), ==, "Báo cáo hợp tác quốc tế");
  g_assert_cmpstr (str_of (made, "due_date"), ==, "2026-12-20");
  g_assert_cmpstr (str_of (made, "recurrence"), ==, "monthly");
  g_assert_cmpstr (str_of (made, "lead_unit"), ==, "PGDBX");
  g_assert_cmpint (int_of (made, "revision"), ==, task_revision (f, int_of (made, "id")));
  task = dn_store_get_task (f->base.store, int_of (made, "id"), NULL);
  g_assert_nonnull (task);
  g_assert_cmpuint (task->support_unit_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (task->support_unit_ids, gint64, 0), ==, f->school);

  /* a unit officer gives work down, within its subtree */
  by_office = g_strdup_printf ("{\"title\": \"Tập huấn\", \"lead_unit_id\": %" G_GINT64_FORMAT "}", f->school);
  given = expect_ok (f, "POST", "/tasks", batxat, by_office, 201);
  g_assert_cmpstr (str_of (given, "lead_unit"), ==, "THBX");
  g_assert_null (json_object_get_string_member_with_default (json_node_get_object (given), "due_date", NULL));

  /* refused, nothing written */
  {
    g_autofree char *other_lead = g_strdup_printf ("{\"title\": \"X\", \"lead_unit_id\": %" G_GINT64_FORMAT "}",
                                                   f->other);
    g_autofree char *other_support = g_strdup_printf ("{\"title\": \"X\", \"lead_unit_id\": %" G_GINT64_FORMAT
                                                      ", \"support_unit_ids\": [%" G_GINT64_FORMAT "]}",
                                                      f->school, f->other);
    g_autofree char *above = g_strdup_printf ("{\"title\": \"X\", \"lead_unit_id\": %" G_GINT64_FORMAT "}",
                                              f->department);
    g_autofree char *ok_units = g_strdup_printf ("\"lead_unit_id\": %" G_GINT64_FORMAT, f->office);
    g_autofree char *no_title = g_strdup_printf ("{%s}", ok_units);
    g_autofree char *bad_title = g_strdup_printf ("{\"title\": 5, %s}", ok_units);
    g_autofree char *unknown = g_strdup_printf ("{\"title\": \"X\", \"owner\": \"so\", %s}", ok_units);
    g_autofree char *bad_date = g_strdup_printf ("{\"title\": \"X\", \"due_date\": \"2026-02-30\", %s}", ok_units);
    g_autofree char *bad_supports = g_strdup_printf ("{\"title\": \"X\", \"support_unit_ids\": [\"THBX\"], %s}",
                                                     ok_units);
    g_autofree char *bad_recurrence = g_strdup_printf ("{\"title\": \"X\", \"recurrence\": \"weekly\", %s}",
                                                       ok_units);
    g_autofree char *blank_title = g_strdup_printf ("{\"title\": \"  \", %s}", ok_units);
    g_autofree char *bad_status = g_strdup_printf ("{\"title\": \"X\", \"status\": \"xong\", %s}", ok_units);
    g_autofree char *number_status = g_strdup_printf ("{\"title\": \"X\", \"status\": 2, %s}", ok_units);
    gint64 n_tasks = dn_store_count (f->base.store, DN_RECORD_TASK, NULL);

    expect_refused (f, "POST", "/tasks", batxat, other_lead, 403, "forbidden");
    expect_refused (f, "POST", "/tasks", batxat, other_support, 403, "forbidden");
    expect_refused (f, "POST", "/tasks", batxat, above, 403, "forbidden");
    expect_refused (f, "POST", "/tasks", reader, by_office, 403, "forbidden");
    expect_refused (f, "POST", "/tasks", NULL, by_office, 401, "unauthorized");
    expect_refused (f, "POST", "/tasks", so, "{\"title\": \"X\",", 400, "malformed");
    expect_refused (f, "POST", "/tasks", so, "[1]", 400, "malformed");
    expect_refused (f, "POST", "/tasks", so, no_title, 400, "missing-field");
    expect_refused (f, "POST", "/tasks", so, "{\"title\": \"X\"}", 400, "missing-field");
    expect_refused (f, "POST", "/tasks", so, bad_title, 400, "wrong-type");
    expect_refused (f, "POST", "/tasks", so, unknown, 400, "unknown-field");
    expect_refused (f, "POST", "/tasks", so, bad_date, 400, "wrong-type");
    expect_refused (f, "POST", "/tasks", so, bad_supports, 400, "wrong-type");
    expect_refused (f, "POST", "/tasks", so, bad_recurrence, 400, "invalid");
    expect_refused (f, "POST", "/tasks", so, blank_title, 400, "invalid");
    expect_refused (f, "POST", "/tasks", so, bad_status, 400, "invalid");
    expect_refused (f, "POST", "/tasks", so, number_status, 400, "wrong-type");
    expect_refused (f, "POST", "/tasks", so, "{\"title\": \"X\", \"lead_unit_id\": 999}", 400, "invalid");
    {
      /* more supporting units than a task takes: refused before the store compares them */
      GString *many = g_string_new ("{\"title\": \"X\", ");

      g_string_append_printf (many, "%s, \"support_unit_ids\": [", ok_units);
      for (guint i = 0; i < 2001; i++)
        g_string_append_printf (many, "%s%u", i > 0 ? "," : "", 1000 + i);
      g_string_append (many, "]}");
      expect_refused (f, "POST", "/tasks", so, many->str, 400, "invalid");
      g_string_free (many, TRUE);
    }
    g_assert_cmpint (dn_store_count (f->base.store, DN_RECORD_TASK, NULL), ==, n_tasks);
  }

  /* a task written already done: closed, its next occurrence made */
  {
    g_autofree char *done_body = g_strdup_printf ("{\"title\": \"Báo cáo tháng\", \"due_date\": \"2026-11-30\", "
                                                  "\"recurrence\": \"monthly\", \"status\": \"done\", "
                                                  "\"lead_unit_id\": %" G_GINT64_FORMAT "}", f->office);
    g_autoptr(JsonNode) done = expect_ok (f, "POST", "/tasks", so, done_body, 201);

    g_assert_cmpstr (str_of (done, "status"), ==, "done");
    g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM assignment WHERE task_id = %"
                                        G_GINT64_FORMAT " AND status <> 'done'", int_of (done, "id")), ==, 0);
    g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task WHERE previous_id = %" G_GINT64_FORMAT
                                        " AND due_date = '2026-12-31' AND status = 'open'", int_of (done, "id")), ==, 1);
  }

  /* a confidential document is not named by one who may not see it */
  secret = dn_test_add_document (f->base.store, "7", "CV-SGDĐT", "Công văn mật", NULL);
  dn_test_exec (f->base.store, "UPDATE document SET classification = 'mat' WHERE id = %" G_GINT64_FORMAT,
                secret);
  secret_body = g_strdup_printf ("{\"title\": \"X\", \"lead_unit_id\": %" G_GINT64_FORMAT
                                 ", \"document_id\": %" G_GINT64_FORMAT "}",
                                 f->school, secret);
  expect_refused (f, "POST", "/tasks", batxat, secret_body, 404, "not-found");
  {
    g_autoptr(JsonNode) from_document = expect_ok (f, "POST", "/tasks", so, secret_body, 201);

    g_assert_cmpint (int_of (from_document, "document_id"), ==, secret);
  }
}

static void
test_change_task (DnServerFixture *f,
                  gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *reader = NULL;
  gint64 id = add_task (f, "Kế hoạch năm", f->office, NULL);
  gint64 elsewhere = add_task (f, "Việc của Sa Pa", f->other, NULL);
  g_autofree char *path = task_path (id, "");
  g_autofree char *path_elsewhere = task_path (elsewhere, "");
  g_autofree char *body = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(JsonNode) changed = NULL;
  gint64 read_at = task_revision (f, id);

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  dn_test_exec (f->base.store, "UPDATE task SET description = 'Giữ nguyên' WHERE id = %" G_GINT64_FORMAT, id);
  read_at = task_revision (f, id);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"Kế hoạch năm 2027\", "
                          "\"due_date\": \"2027-01-15\"}",
                          read_at);
  changed = expect_ok (f, "PATCH", path, so, body, 200);
  g_assert_cmpstr (str_of (changed, "title"), ==, "Kế hoạch năm 2027");
  g_assert_cmpstr (str_of (changed, "due_date"), ==, "2027-01-15");
  /* only the fields given change */
  g_assert_cmpstr (str_of (changed, "description"), ==, "Giữ nguyên");
  g_assert_cmpstr (str_of (changed, "lead_unit"), ==, "PGDBX");
  g_assert_cmpint (int_of (changed, "revision"), >, read_at);
  g_assert_cmpint (int_of (changed, "revision"), ==, task_revision (f, id));
  /* audited with the account's name */
  actor = dn_test_query_text (f->base.store, "SELECT actor FROM change_log WHERE table_name = 'task' AND row_id = %"
                              G_GINT64_FORMAT " ORDER BY revision DESC LIMIT 1", id);
  g_assert_cmpstr (actor, ==, "so");

  /* the revision read before: a conflict, the task now beside it */
  {
    g_auto(DnAnswer) answer = { 0 };
    gint64 before = revision (f);
    JsonNode *current;

    dn_server_test_request (f, "PATCH", path, so, body, -1, &answer);
    dn_server_test_assert_error (&answer, 409, "conflict");
    current = json_object_get_member (json_node_get_object (answer.json), "current");
    g_assert_nonnull (current);
    g_assert_true (json_node_equal (current, changed));
    g_assert_cmpint (revision (f), ==, before);
  }

  stale = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"X\"}", task_revision (f, id));
  expect_refused (f, "PATCH", path, so, "{\"title\": \"X\"}", 400, "missing-field");
  expect_refused (f, "PATCH", path, so, "{\"revision\": \"1\", \"title\": \"X\"}", 400, "wrong-type");
  expect_refused (f, "PATCH", path, so, "{\"revision\": 1, \"status\": \"done\"}", 400, "unknown-field");
  expect_refused (f, "PATCH", path, so, "{\"revision\": 1, \"title\": null}", 400, "wrong-type");
  expect_refused (f, "PATCH", path, so, "{\"revision\": 1,, }", 400, "malformed");
  expect_refused (f, "PATCH", path, reader, stale, 403, "forbidden");
  expect_refused (f, "PATCH", path_elsewhere, batxat, stale, 404, "not-found");
  expect_refused (f, "PATCH", "/tasks/987654", so, stale, 404, "not-found");
  {
    g_autofree char *to_other = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"lead_unit_id\": 999}",
                                                 task_revision (f, id));

    expect_refused (f, "PATCH", path, so, to_other, 400, "invalid");
  }
  {
    g_autoptr(DnTask) task = dn_store_get_task (f->base.store, id, NULL);

    g_assert_cmpstr (task->title, ==, "Kế hoạch năm 2027");
  }
}

/* What a unit officer may change of a task given from above, and of one
 * its unit made */
static void
test_unit_rules (DnServerFixture *f,
                 gconstpointer    data)
{
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *colleague = NULL;
  gint64 given = add_task (f, "Việc Sở giao", f->office, DN_TEST_UNITS (f->other));
  g_autofree char *path = task_path (given, "");
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) made = NULL;
  g_autoptr(JsonNode) own = NULL;

  dn_server_test_add_account (f, "batxat2", f->office, DN_ACCOUNT_ROLE_UNIT);
  colleague = sign_in (f, "batxat2");
  /* from above: not the deadline, the title, the lead */
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"due_date\": \"2027-03-01\"}", task_revision (f, given));
  expect_refused (f, "PATCH", path, batxat, body, 403, "forbidden");
  g_free (body);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"Khác\"}", task_revision (f, given));
  expect_refused (f, "PATCH", path, batxat, body, 403, "forbidden");
  g_free (body);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"lead_unit_id\": %" G_GINT64_FORMAT "}",
                          task_revision (f, given), f->school);
  expect_refused (f, "PATCH", path, batxat, body, 403, "forbidden");
  /* supporting units of its own subtree: added; the others kept */
  g_free (body);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"support_unit_ids\": []}", task_revision (f, given));
  expect_refused (f, "PATCH", path, batxat, body, 403, "forbidden");
  g_free (body);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"support_unit_ids\": [%" G_GINT64_FORMAT ", %"
                          G_GINT64_FORMAT "]}",
                          task_revision (f, given), f->other, f->school);
  changed = expect_ok (f, "PATCH", path, batxat, body, 200);
  {
    g_autoptr(DnTask) task = dn_store_get_task (f->base.store, given, NULL);

    g_assert_cmpuint (task->support_unit_ids->len, ==, 2);
    g_assert_cmpstr (task->title, ==, "Việc Sở giao");
  }
  /* not cancelled nor deleted by it; reported done by its lead */
  g_free (body);
  body = g_strdup_printf ("{\"status\": \"cancelled\", \"revision\": %" G_GINT64_FORMAT "}", task_revision (f, given));
  {
    g_autofree char *status_path = task_path (given, "/status");
    g_autofree char *delete_path = g_strdup_printf ("%s?revision=%" G_GINT64_FORMAT, path, task_revision (f, given));
    g_autofree char *done = g_strdup_printf ("{\"status\": \"done\", \"revision\": %" G_GINT64_FORMAT "}",
                                             task_revision (f, given));
    g_autoptr(JsonNode) answer = NULL;

    expect_refused (f, "POST", status_path, batxat, body, 403, "forbidden");
    expect_refused (f, "DELETE", delete_path, batxat, NULL, 403, "forbidden");
    answer = expect_ok (f, "POST", status_path, batxat, done, 200);
    g_assert_cmpstr (str_of (json_object_get_member (json_node_get_object (answer), "task"), "status"), ==, "done");
  }
  /* the next occurrence its completion made is still the department's */
  {
    gint64 monthly = add_task (f, "Báo cáo tháng", f->office, NULL);
    g_autofree char *status_path = task_path (monthly, "/status");
    g_autofree char *done = NULL;
    g_autoptr(JsonNode) answer = NULL;

    dn_test_exec (f->base.store, "UPDATE task SET recurrence = 'monthly' WHERE id = %" G_GINT64_FORMAT, monthly);
    done = g_strdup_printf ("{\"status\": \"done\", \"revision\": %" G_GINT64_FORMAT "}", task_revision (f, monthly));
    answer = expect_ok (f, "POST", status_path, batxat, done, 200);
    {
      JsonNode *next = json_object_get_member (json_node_get_object (answer), "next");
      g_autofree char *next_path = task_path (int_of (next, "id"), "");
      g_autofree char *later = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"due_date\": \"2027-06-30\"}",
                                                int_of (next, "revision"));

      expect_refused (f, "PATCH", next_path, batxat, later, 403, "forbidden");
    }
  }
  /* supporting only: not reported done by it */
  {
    gint64 supported = add_task (f, "Sa Pa chủ trì", f->other, DN_TEST_UNITS (f->school));
    g_autofree char *status_path = task_path (supported, "/status");
    g_autofree char *done = g_strdup_printf ("{\"status\": \"done\", \"revision\": %" G_GINT64_FORMAT "}",
                                             task_revision (f, supported));

    expect_refused (f, "POST", status_path, batxat, done, 403, "forbidden");
  }

  /* made by its unit (by a colleague): all of it within its subtree */
  g_free (body);
  body = g_strdup_printf ("{\"title\": \"Việc Phòng giao\", \"lead_unit_id\": %" G_GINT64_FORMAT ", "
                          "\"due_date\": \"2026-12-20\"}",
                          f->school);
  made = expect_ok (f, "POST", "/tasks", colleague, body, 201);
  {
    gint64 id = int_of (made, "id");
    g_autofree char *own_path = task_path (id, "");
    g_autofree char *change = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"due_date\": \"2027-01-10\", "
                                               "\"title\": \"Việc Phòng giao (sửa)\", \"lead_unit_id\": %"
                                               G_GINT64_FORMAT "}",
                                               int_of (made, "revision"), f->office);
    g_autofree char *away = NULL;
    g_autofree char *delete_path = NULL;
    g_autofree char *creator = dn_store_dup_creator (f->base.store, "task", id, NULL);

    g_assert_cmpstr (creator, ==, "batxat2");
    own = expect_ok (f, "PATCH", own_path, batxat, change, 200);
    g_assert_cmpstr (str_of (own, "due_date"), ==, "2027-01-10");
    g_assert_cmpstr (str_of (own, "lead_unit"), ==, "PGDBX");
    away = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"lead_unit_id\": %" G_GINT64_FORMAT "}",
                            int_of (own, "revision"), f->other);
    expect_refused (f, "PATCH", own_path, batxat, away, 403, "forbidden");
    delete_path = g_strdup_printf ("%s?revision=%" G_GINT64_FORMAT, own_path, int_of (own, "revision"));
    g_clear_pointer (&own, json_node_unref);
    own = expect_ok (f, "DELETE", delete_path, batxat, NULL, 200);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (own), "deleted"));
    expect_refused (f, "GET", own_path, batxat, NULL, 404, "not-found");
  }
}

/* Two officers read the same task and both save: the first is kept, the
 * second told of it */
static void
test_conflict (DnServerFixture *f,
               gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  gint64 id = add_task (f, "Hai người sửa", f->office, NULL);
  g_autofree char *path = task_path (id, "");
  g_autoptr(JsonNode) read_by_so = expect_ok (f, "GET", path, so, NULL, 200);
  g_autoptr(JsonNode) read_by_batxat = expect_ok (f, "GET", path, batxat, NULL, 200);
  g_autofree char *first = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"description\": \"Của Sở\"}",
                                            int_of (read_by_so, "revision"));
  g_autofree char *second = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"support_unit_ids\": [%"
                                             G_GINT64_FORMAT "]}",
                                             int_of (read_by_batxat, "revision"), f->school);
  g_autoptr(JsonNode) kept = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 before;

  g_assert_cmpint (int_of (read_by_so, "revision"), ==, int_of (read_by_batxat, "revision"));
  kept = expect_ok (f, "PATCH", path, so, first, 200);
  before = revision (f);
  dn_server_test_request (f, "PATCH", path, batxat, second, -1, &answer);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (answer.json), "current"), kept));
  g_assert_cmpint (revision (f), ==, before);
  {
    g_autoptr(DnTask) task = dn_store_get_task (f->base.store, id, NULL);

    g_assert_cmpstr (task->description, ==, "Của Sở");
    g_assert_cmpuint (task->support_unit_ids->len, ==, 0);
  }
}

static void
test_status (DnServerFixture *f,
             gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  GDate due = dn_test_date (2026, 1, 31), next_due;
  gint64 id = dn_test_add_task (f->base.store, "Báo cáo tháng", f->office, &due, NULL);
  gint64 elsewhere = add_task (f, "Sa Pa", f->other, NULL);
  g_autofree char *path = task_path (id, "/status");
  g_autofree char *path_elsewhere = task_path (elsewhere, "/status");
  g_autofree char *done = NULL;
  g_autofree char *reopen = NULL;
  g_autofree char *expected_due = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonNode *next;

  dn_test_exec (f->base.store, "UPDATE task SET recurrence = 'monthly' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (dn_recurrence_next_due (DN_RECURRENCE_MONTHLY, &due, &next_due));
  expected_due = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&next_due), g_date_get_month (&next_due),
                                  g_date_get_day (&next_due));
  done = g_strdup_printf ("{\"status\": \"done\", \"revision\": %" G_GINT64_FORMAT "}", task_revision (f, id));
  expect_refused (f, "POST", path, so, "{\"status\": \"finished\", \"revision\": 1}", 400, "invalid");
  expect_refused (f, "POST", path, so, "{\"status\": \"done\"}", 400, "missing-field");
  expect_refused (f, "POST", path, so, "{\"status\": true, \"revision\": 1}", 400, "wrong-type");
  expect_refused (f, "POST", path, so, "{\"status\": \"done\", \"revision\": 1, \"why\": \"\"}", 400, "unknown-field");
  expect_refused (f, "POST", path, so, "{\"status\": \"done\", \"revision\": 1}", 409, "conflict");
  expect_refused (f, "POST", path, so, "{\"status\": \"done\" \"revision\": 1}", 400, "malformed");
  expect_refused (f, "POST", path_elsewhere, batxat, done, 404, "not-found");

  /* done: its next occurrence made in the same write, both answered */
  answer = expect_ok (f, "POST", path, so, done, 200);
  g_assert_cmpstr (str_of (json_object_get_member (json_node_get_object (answer), "task"), "status"), ==, "done");
  next = json_object_get_member (json_node_get_object (answer), "next");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (next));
  g_assert_cmpstr (str_of (next, "status"), ==, "open");
  g_assert_cmpstr (str_of (next, "due_date"), ==, expected_due);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task WHERE previous_id = %" G_GINT64_FORMAT,
                                      id), ==, 1);
  /* the same revision again: a conflict */
  expect_refused (f, "POST", path, so, done, 409, "conflict");
  reopen = g_strdup_printf ("{\"status\": \"open\", \"revision\": %" G_GINT64_FORMAT "}", task_revision (f, id));
  again = expect_ok (f, "POST", path, batxat, reopen, 200);
  g_assert_cmpstr (str_of (json_object_get_member (json_node_get_object (again), "task"), "status"), ==, "open");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (again), "next")));
}

static void
test_delete (DnServerFixture *f,
             gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *reader = NULL;
  gint64 id = add_task (f, "Xoá đi", f->office, NULL);
  gint64 elsewhere = add_task (f, "Sa Pa", f->other, NULL);
  g_autofree char *path = task_path (id, "");
  g_autofree char *right = g_strdup_printf ("%s?revision=%" G_GINT64_FORMAT, path, task_revision (f, id));
  g_autofree char *wrong = g_strdup_printf ("%s?revision=%" G_GINT64_FORMAT, path, task_revision (f, id) - 1);
  g_autofree char *other = g_strdup_printf ("/tasks/%" G_GINT64_FORMAT "?revision=%" G_GINT64_FORMAT, elsewhere,
                                            task_revision (f, elsewhere));
  g_autoptr(JsonNode) deleted = NULL;
  g_auto(DnAnswer) conflict = { 0 };

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  expect_refused (f, "DELETE", path, so, NULL, 400, "invalid");
  {
    g_autofree char *not_number = g_strdup_printf ("%s?revision=abc", path);

    expect_refused (f, "DELETE", not_number, so, NULL, 400, "invalid-query");
  }
  expect_refused (f, "DELETE", right, reader, NULL, 403, "forbidden");
  expect_refused (f, "DELETE", right, batxat, NULL, 403, "forbidden");
  expect_refused (f, "DELETE", other, batxat, NULL, 404, "not-found");
  dn_server_test_request (f, "DELETE", wrong, so, NULL, -1, &conflict);
  dn_server_test_assert_error (&conflict, 409, "conflict");
  g_assert_cmpint (int_of (json_object_get_member (json_node_get_object (conflict.json), "current"), "revision"), ==,
                   task_revision (f, id));
  deleted = expect_ok (f, "DELETE", right, so, NULL, 200);
  g_assert_cmpint (int_of (deleted, "id"), ==, id);
  expect_refused (f, "GET", path, so, NULL, 404, "not-found");
  expect_refused (f, "DELETE", right, so, NULL, 404, "not-found");
}

static gint64
assignment_of (DnServerFixture *f,
               gint64           task,
               gint64           unit)
{
  return dn_test_query_int (f->base.store, "SELECT id FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                            " AND unit_id = %" G_GINT64_FORMAT, task, unit);
}

static void
test_extension (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *reader = NULL;
  gint64 id = add_task (f, "Gia hạn", f->office, DN_TEST_UNITS (f->other));
  gint64 elsewhere = add_task (f, "Sa Pa", f->other, NULL);
  gint64 lead = assignment_of (f, id, f->office);
  g_autofree char *path = g_strdup_printf ("/assignments/%" G_GINT64_FORMAT "/extension", lead);
  g_autofree char *path_support = g_strdup_printf ("/assignments/%" G_GINT64_FORMAT "/extension",
                                                   assignment_of (f, id, f->other));
  g_autofree char *path_elsewhere = g_strdup_printf ("/assignments/%" G_GINT64_FORMAT "/extension",
                                                     assignment_of (f, elsewhere, f->other));
  g_autofree char *stale = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  gint64 read_at;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  read_at = dn_test_query_int (f->base.store, "SELECT revision FROM assignment WHERE id = %" G_GINT64_FORMAT, lead);
  body = g_strdup_printf ("{\"due_date\": \"2027-01-31\", \"reason\": \"Chờ số liệu của trường\", \"revision\": %"
                          G_GINT64_FORMAT "}",
                          read_at);
  expect_refused (f, "POST", path, batxat, "{\"due_date\": \"2027-01-31\"}", 400, "missing-field");
  expect_refused (f, "POST", path, batxat, "{\"due_date\": \"2027-01-31\", \"reason\": \"x\"", 400, "malformed");
  expect_refused (f, "POST", path, batxat, "{\"due_date\": 20270131, \"reason\": \"x\"}", 400, "wrong-type");
  expect_refused (f, "POST", path, batxat, "{\"due_date\": \"2027-01-31\", \"reason\": \"x\", \"by\": 1}", 400,
                  "unknown-field");
  expect_refused (f, "POST", path, batxat, "{\"due_date\": \"2026-06-30\", \"reason\": \"Sớm hơn\"}", 400, "invalid");
  expect_refused (f, "POST", path, batxat, "{\"due_date\": \"2027-01-31\", \"reason\": \"  \"}", 400, "invalid");
  expect_refused (f, "POST", path, batxat, "{\"due_date\": \"2027-01-31\", \"reason\": \"x\", \"revision\": 1}", 409,
                  "conflict");
  expect_refused (f, "POST", path, reader, body, 403, "forbidden");
  expect_refused (f, "POST", path_support, batxat, body, 403, "forbidden");
  expect_refused (f, "POST", path_elsewhere, batxat, body, 404, "not-found");
  expect_refused (f, "POST", "/assignments/987654/extension", batxat, body, 404, "not-found");

  answer = expect_ok (f, "POST", path, batxat, body, 201);
  object = json_node_get_object (answer);
  g_assert_cmpstr (str_of (json_object_get_member (object, "assignment"), "due_date"), ==, "2027-01-31");
  g_assert_cmpstr (str_of (json_object_get_member (object, "task"), "due_date"), ==, "2027-01-31");
  g_assert_cmpstr (str_of (json_object_get_member (object, "extension"), "reason"), ==, "Chờ số liệu của trường");
  g_assert_cmpstr (str_of (json_object_get_member (object, "extension"), "extended_by"), ==, "batxat");
  /* the same revision twice: the second is told */
  stale = g_strdup_printf ("{\"due_date\": \"2027-02-28\", \"reason\": \"Lần nữa\", \"revision\": %" G_GINT64_FORMAT
                           "}",
                           read_at);
  expect_refused (f, "POST", path, batxat, stale, 409, "conflict");
}

static void
test_reminders (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *reader = NULL;
  gint64 id = add_task (f, "Đôn đốc", f->office, DN_TEST_UNITS (f->school));
  gint64 elsewhere = add_task (f, "Sa Pa", f->other, NULL);
  g_autofree char *path = task_path (id, "/reminders");
  g_autofree char *path_elsewhere = task_path (elsewhere, "/reminders");
  g_autofree char *to_office = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"kind\": \"criticism\", "
                                                "\"note\": \"Chậm báo cáo\", \"sent_on\": \"2026-12-01\"}",
                                                f->office);
  g_autofree char *to_school = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT "}", f->school);
  g_autofree char *to_other = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT "}", f->other);
  g_autoptr(JsonNode) reminder = NULL;
  g_autoptr(JsonNode) down = NULL;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  reminder = expect_ok (f, "POST", path, so, to_office, 201);
  g_assert_cmpstr (str_of (reminder, "kind"), ==, "criticism");
  g_assert_cmpstr (str_of (reminder, "sent_on"), ==, "2026-12-01");
  g_assert_cmpstr (str_of (reminder, "sent_by"), ==, "so");
  down = expect_ok (f, "POST", path, batxat, to_school, 201);
  g_assert_cmpstr (str_of (down, "kind"), ==, "notice");
  g_assert_cmpstr (str_of (down, "sent_by"), ==, "batxat");

  expect_refused (f, "POST", path, batxat, to_office, 403, "forbidden");
  expect_refused (f, "POST", path, batxat, to_other, 403, "forbidden");
  expect_refused (f, "POST", path, reader, to_school, 403, "forbidden");
  expect_refused (f, "POST", path_elsewhere, batxat, to_other, 404, "not-found");
  expect_refused (f, "POST", path, so, to_other, 400, "invalid");
  expect_refused (f, "POST", path, so, "{\"kind\": \"notice\"}", 400, "missing-field");
  expect_refused (f, "POST", path, so, "{\"unit_id\": \"PGDBX\"}", 400, "wrong-type");
  expect_refused (f, "POST", path, so, "{\"unit_id\": 2, \"kind\": \"scolding\"}", 400, "invalid");
  expect_refused (f, "POST", path, so, "{\"unit_id\": 2, \"to\": 3}", 400, "unknown-field");
  expect_refused (f, "POST", path, so, "{\"unit_id\": 2", 400, "malformed");
}

static void
test_attachments (DnServerFixture *f,
                  gconstpointer    data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *reader = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf, strlen (pdf));
  gint64 id = add_task (f, "Có tệp", f->office, NULL);
  gint64 elsewhere = add_task (f, "Sa Pa", f->other, NULL);
  g_autofree char *path = task_path (id, "/attachments");
  g_autofree char *path_elsewhere = task_path (elsewhere, "/attachments");
  g_autofree char *link = NULL;
  g_autofree char *link_so = NULL;
  g_autoptr(JsonNode) linked = NULL;
  gint64 mine, theirs;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  {
    g_auto(DnAnswer) first = { 0 };
    g_auto(DnAnswer) again = { 0 };
    g_autofree char *creator = NULL;

    dn_server_test_upload (f, batxat, "B%C3%A1o%20c%C3%A1o.pdf", pdf, strlen (pdf), &first);
    g_assert_cmpuint (first.status, ==, 201);
    g_assert_cmpstr (str_of (first.json, "sha256"), ==, sha256);
    g_assert_cmpint (int_of (first.json, "size"), ==, (gint64) strlen (pdf));
    g_assert_cmpstr (str_of (first.json, "file_name"), ==, "Báo cáo.pdf");
    g_assert_cmpstr (str_of (first.json, "mime_type"), ==, "application/pdf");
    mine = int_of (first.json, "id");
    creator = dn_store_dup_creator (f->base.store, "attachment", mine, NULL);
    g_assert_cmpstr (creator, ==, "batxat");
    /* the same content: the same file */
    dn_server_test_upload (f, batxat, "copy.pdf", pdf, strlen (pdf), &again);
    g_assert_cmpuint (again.status, ==, 200);
    g_assert_cmpint (int_of (again.json, "id"), ==, mine);
  }
  {
    g_auto(DnAnswer) other = { 0 };

    dn_server_test_upload (f, so, "ghi-chu.txt", "ghi chú", strlen ("ghi chú"), &other);
    g_assert_cmpuint (other.status, ==, 201);
    theirs = int_of (other.json, "id");
  }
  /* refused uploads: nothing kept */
  {
    struct { const char *token; const char *name; const char *data; guint status; const char *code; } refused[] = {
      { NULL, "a.pdf", "x", 401, "unauthorized" },
      { reader, "a.pdf", "x", 403, "forbidden" },
      { batxat, NULL, "x", 400, "missing-field" },
      { batxat, "a.pdf", "", 400, "invalid" },
      { batxat, "..%2Fetc%2Fpasswd", "x", 400, "invalid" },
      { batxat, "a%0Ab.pdf", "x", 400, "invalid" },
      { batxat, "%FF%FE.pdf", "x", 400, "invalid" },
    };
    gint64 before = revision (f);
    gint64 n_files = dn_test_query_int (f->base.store, "SELECT count(*) FROM attachment");

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_auto(DnAnswer) answer = { 0 };

        dn_server_test_upload (f, refused[i].token, refused[i].name, refused[i].data, strlen (refused[i].data),
                               &answer);
        dn_server_test_assert_error (&answer, refused[i].status, refused[i].code);
      }
    g_assert_cmpint (revision (f), ==, before);
    g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM attachment"), ==, n_files);
  }

  /* linked to a task: its own file by a unit officer, any by the department */
  link = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT ", \"file_name\": \"Báo cáo quý.pdf\"}", mine);
  link_so = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT "}", theirs);
  expect_refused (f, "POST", path, batxat, link_so, 404, "not-found");
  expect_refused (f, "POST", path, batxat, "{\"attachment_id\": 987654}", 404, "not-found");
  expect_refused (f, "POST", path, batxat, "{\"attachment_id\": \"1\"}", 400, "wrong-type");
  expect_refused (f, "POST", path, batxat, "{}", 400, "missing-field");
  expect_refused (f, "POST", path, batxat, "{\"attachment_id\": 1, \"page\": 1}", 400, "unknown-field");
  expect_refused (f, "POST", path, batxat, "{\"attachment_id\": 1 1}", 400, "malformed");
  expect_refused (f, "POST", path, reader, link, 403, "forbidden");
  expect_refused (f, "POST", path_elsewhere, batxat, link, 404, "not-found");
  linked = expect_ok (f, "POST", path, batxat, link, 201);
  {
    JsonArray *links = json_object_get_array_member (json_node_get_object (linked), "task_attachment");
    JsonNode *first;

    g_assert_cmpuint (json_array_get_length (links), ==, 1);
    first = json_array_get_element (links, 0);
    g_assert_cmpint (int_of (first, "attachment_id"), ==, mine);
    g_assert_cmpstr (str_of (first, "file_name"), ==, "Báo cáo quý.pdf");
  }
  {
    g_autoptr(JsonNode) by_so = expect_ok (f, "POST", path, so, link_so, 201);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (by_so),
                                                                           "task_attachment")), ==, 2);
  }
}

/* Bodies over a route's limit: 413 before they are read, nothing written */
static void
test_too_large (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *so = sign_in (f, "so");
  gsize big = DN_STORE_ATTACHMENT_MAX_SIZE + 1;
  g_autofree char *file = g_malloc0 (big);
  g_autofree char *json = g_malloc (DN_SERVER_MAX_BODY + 2);
  gint64 before = revision (f);

  {
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_upload (f, so, "lớn.bin", file, big, &answer);
    dn_server_test_assert_error (&answer, 413, "too-large");
  }
  /* a JSON route takes no more than DN_SERVER_MAX_BODY */
  memset (json, ' ', DN_SERVER_MAX_BODY + 1);
  json[0] = '{';
  json[DN_SERVER_MAX_BODY] = '}';
  json[DN_SERVER_MAX_BODY + 1] = '\0';
  {
    const char *routes[][2] = {
      { "POST", "/tasks" }, { "PATCH", "/tasks/1" }, { "POST", "/tasks/1/status" },
      { "POST", "/assignments/1/extension" }, { "POST", "/tasks/1/reminders" }, { "POST", "/tasks/1/attachments" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
      expect_refused (f, routes[i][0], routes[i][1], so, json, 413, "too-large");
  }
  g_assert_cmpint (revision (f), ==, before);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM attachment"), ==, 0);
}

/* A unit's part of a task: marked by that unit (or one above it) or the
 * department, not by another unit nor a reader; bad bodies and an old
 * revision refused with nothing written */
static void
test_assignment_status (DnServerFixture *f,
                        gconstpointer    data)
{
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *reader = NULL;
  gint64 id = add_task (f, "Phần của các phòng", f->department, DN_TEST_UNITS (f->office, f->other));
  gint64 office_part = assignment_of (f, id, f->office);
  g_autofree char *path = g_strdup_printf ("/assignments/%" G_GINT64_FORMAT "/status", office_part);
  g_autofree char *path_other = g_strdup_printf ("/assignments/%" G_GINT64_FORMAT "/status",
                                                 assignment_of (f, id, f->other));
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) by_department = NULL;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  expect_refused (f, "POST", path, batxat, "{}", 400, "missing-field");
  expect_refused (f, "POST", path, batxat, "{\"status\": \"done\"", 400, "malformed");
  expect_refused (f, "POST", path, batxat, "{\"status\": 2}", 400, "wrong-type");
  expect_refused (f, "POST", path, batxat, "{\"status\": \"xong\"}", 400, "invalid");
  expect_refused (f, "POST", path, batxat, "{\"status\": \"done\", \"unit_id\": 1}", 400, "unknown-field");
  expect_refused (f, "POST", path, batxat, "{\"status\": \"done\", \"revision\": 1}", 409, "conflict");
  expect_refused (f, "POST", path, reader, "{\"status\": \"done\"}", 403, "forbidden");
  expect_refused (f, "POST", path, NULL, "{\"status\": \"done\"}", 401, "unauthorized");
  expect_refused (f, "POST", path_other, batxat, "{\"status\": \"done\"}", 403, "forbidden");
  expect_refused (f, "POST", "/assignments/99999/status", batxat, "{\"status\": \"done\"}", 404, "not-found");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM assignment WHERE task_id = %"
                                      G_GINT64_FORMAT " AND status = 'done'", id), ==, 0);

  answer = expect_ok (f, "POST", path, batxat, "{\"status\": \"done\"}", 200);
  g_assert_cmpstr (str_of (json_object_get_member (json_node_get_object (answer), "assignment"), "status"), ==, "done");
  g_assert_cmpint (int_of (json_object_get_member (json_node_get_object (answer), "task"), "id"), ==, id);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM assignment WHERE id = %" G_GINT64_FORMAT
                                      " AND status = 'done'", office_part), ==, 1);
  by_department = expect_ok (f, "POST", path_other, so, "{\"status\": \"in_progress\"}", 200);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM assignment WHERE task_id = %"
                                      G_GINT64_FORMAT " AND status = 'in_progress'", id), ==, 1);
}

/* Passing a task down: to units below its lead within the caller's
 * subtree, one sub-task each; refusals change nothing */
static void
test_pass_down (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *batxat = sign_in (f, "batxat");
  g_autofree char *so = sign_in (f, "so");
  g_autofree char *reader = NULL;
  gint64 id = add_task (f, "Triển khai đến trường", f->office, NULL);
  gint64 elsewhere = add_task (f, "Sa Pa", f->other, NULL);
  g_autofree char *path = task_path (id, "/pass-down");
  g_autofree char *path_elsewhere = task_path (elsewhere, "/pass-down");
  g_autofree char *to_school = g_strdup_printf ("{\"unit_ids\": [%" G_GINT64_FORMAT "], \"due_date\": \"2026-12-20\"}",
                                                f->school);
  g_autofree char *to_other = g_strdup_printf ("{\"unit_ids\": [%" G_GINT64_FORMAT "]}", f->other);
  g_autofree char *to_department = g_strdup_printf ("{\"unit_ids\": [%" G_GINT64_FORMAT "]}", f->department);
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *made;
  GString *many = g_string_new ("{\"unit_ids\": [");

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = sign_in (f, "docgia");
  for (guint i = 0; i < 2001; i++)
    g_string_append_printf (many, "%s%u", i > 0 ? "," : "", 1000 + i);
  g_string_append (many, "]}");
  expect_refused (f, "POST", path, batxat, "{}", 400, "missing-field");
  expect_refused (f, "POST", path, batxat, "{\"unit_ids\": [\"THBX\"]}", 400, "wrong-type");
  expect_refused (f, "POST", path, batxat, "{\"unit_ids\": []}", 400, "invalid");
  expect_refused (f, "POST", path, batxat, many->str, 400, "invalid");
  expect_refused (f, "POST", path, batxat, to_other, 403, "forbidden");
  expect_refused (f, "POST", path, so, to_department, 400, "invalid");
  expect_refused (f, "POST", path, reader, to_school, 403, "forbidden");
  expect_refused (f, "POST", path_elsewhere, batxat, to_school, 404, "not-found");
  g_string_free (many, TRUE);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task WHERE parent_id = %" G_GINT64_FORMAT,
                                      id), ==, 0);

  answer = expect_ok (f, "POST", path, batxat, to_school, 201);
  made = json_object_get_array_member (json_node_get_object (answer), "tasks");
  g_assert_cmpuint (json_array_get_length (made), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task WHERE id = %" G_GINT64_FORMAT
                                      " AND parent_id = %" G_GINT64_FORMAT " AND due_date = '2026-12-20'",
                                      json_array_get_int_element (made, 0), id), ==, 1);
  g_assert_cmpint (assignment_of (f, json_array_get_int_element (made, 0), f->school), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-writes/add-task", test_add_task);
  DN_SERVER_TEST_ADD ("/server-writes/change-task", test_change_task);
  DN_SERVER_TEST_ADD ("/server-writes/unit-rules", test_unit_rules);
  DN_SERVER_TEST_ADD ("/server-writes/conflict", test_conflict);
  DN_SERVER_TEST_ADD ("/server-writes/status", test_status);
  DN_SERVER_TEST_ADD ("/server-writes/delete", test_delete);
  DN_SERVER_TEST_ADD ("/server-writes/extension", test_extension);
  DN_SERVER_TEST_ADD ("/server-writes/assignment-status", test_assignment_status);
  DN_SERVER_TEST_ADD ("/server-writes/pass-down", test_pass_down);
  DN_SERVER_TEST_ADD ("/server-writes/reminders", test_reminders);
  DN_SERVER_TEST_ADD ("/server-writes/attachments", test_attachments);
  DN_SERVER_TEST_ADD ("/server-writes/too-large", test_too_large);
  status = g_test_run ();
  dn_test_remove_tree (home);
  return status;
}
