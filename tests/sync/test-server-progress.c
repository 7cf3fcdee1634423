/* test-server-progress.c: POST /tasks/{id}/progress — a progress entry
 * reported by a unit officer and a department officer, answered as the
 * exchange's record; every bad request refused with a JSON error and
 * nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-progress"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"

static char *
progress_path (gint64 task)
{
  return g_strdup_printf ("/tasks/%" G_GINT64_FORMAT "/progress", task);
}

static void
test_progress (DnServerFixture *f,
               gconstpointer    data)
{
  g_autofree char *unit = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *department = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  gint64 task = dn_server_test_add_task (f, "Kế hoạch hợp tác với KOICA", f->office);
  gint64 school_task = dn_test_add_task (f->base.store, "Đón đoàn UNICEF", f->school, NULL, NULL);
  g_autofree char *path = progress_path (task);
  g_autoptr(DnTask) read = NULL;

  /* a unit officer: its own unit by default */
  {
    g_auto(DnAnswer) answer = { 0 };
    JsonObject *record;

    dn_server_test_request (f, "POST", path, unit,
                            "{\"entry_date\": \"2026-03-02\", \"percent\": 40, \"note\": \"Đã gửi công văn\"}", -1,
                            &answer);
    g_assert_cmpuint (answer.status, ==, 201);
    record = json_node_get_object (answer.json);
    g_assert_cmpint (json_object_get_int_member (record, "task_id"), ==, task);
    g_assert_cmpint (json_object_get_int_member (record, "unit_id"), ==, f->office);
    g_assert_cmpstr (json_object_get_string_member (record, "entry_date"), ==, "2026-03-02");
    g_assert_cmpint (json_object_get_int_member (record, "percent"), ==, 40);
    g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "Đã gửi công văn");
    g_assert_cmpint (json_object_get_int_member (record, "id"), ==,
                     dn_test_query_int (f->base.store, "SELECT max(id) FROM progress"));
    g_assert_cmpint (json_object_get_int_member (record, "revision"), ==,
                     dn_test_query_int (f->base.store, "SELECT revision FROM change_log WHERE table_name = 'progress' "
                                                       "AND actor = 'batxat'"));
  }
  /* the store's rules followed: the task is started; audited with the name */
  read = dn_test_get_task (f->base.store, task);
  g_assert_cmpint (read->status, ==, DN_STATUS_IN_PROGRESS);
  g_assert_cmpint (read->progress, ==, 40);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM audit_log WHERE table_name = 'progress' "
                                                     "AND actor = 'batxat'"), ==, 1);

  /* for a school below it, named; the note may be left out */
  {
    g_autofree char *school_path = progress_path (school_task);
    g_autofree char *body = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"entry_date\": \"2026-03-03\", "
                                             "\"percent\": 100}", f->school);
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_request (f, "POST", school_path, unit, body, -1, &answer);
    g_assert_cmpuint (answer.status, ==, 201);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer.json), "unit_id"), ==, f->school);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer.json), "note"), ==, "");
  }
  /* the department: for no unit in particular (null), or for the lead */
  {
    g_auto(DnAnswer) none = { 0 };
    g_auto(DnAnswer) lead = { 0 };
    g_autofree char *body = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"entry_date\": \"2026-03-05\", "
                                             "\"percent\": 60, \"note\": \"\"}", f->office);

    dn_server_test_request (f, "POST", path, department,
                            "{\"unit_id\": null, \"entry_date\": \"2026-03-04\", \"percent\": 50}", -1, &none);
    g_assert_cmpuint (none.status, ==, 201);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (none.json), "unit_id")));
    dn_server_test_request (f, "POST", path, department, body, -1, &lead);
    g_assert_cmpuint (lead.status, ==, 201);
  }
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM progress"), ==, 4);
}

static void
test_progress_refused (DnServerFixture *f,
                       gconstpointer    data)
{
  g_autofree char *unit = NULL;
  g_autofree char *reader = NULL;
  g_autofree char *department = NULL;
  gint64 task = dn_server_test_add_task (f, "Kế hoạch hợp tác với KOICA", f->office);
  gint64 other_task = dn_server_test_add_task (f, "Đoàn ra Sa Pa", f->other);
  /* led by the department, supported by the office */
  gint64 shared = dn_test_add_task (f->base.store, "Hội nghị hợp tác", f->department, NULL, DN_TEST_UNITS (f->office));
  g_autofree char *path = progress_path (task);
  g_autofree char *other_path = progress_path (other_task);
  g_autofree char *shared_path = progress_path (shared);
  g_autofree char *deleted_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *unit_other = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"entry_date\": \"2026-03-02\", "
                                                 "\"percent\": 10}", f->other);
  g_autofree char *unit_school = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"entry_date\": \"2026-03-02\", "
                                                  "\"percent\": 10}", f->school);
  g_autofree char *unit_department = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"entry_date\": "
                                                      "\"2026-03-02\", \"percent\": 10}", f->department);
  static const char state_sql[] = "SELECT (SELECT count(*) FROM progress) || '/' || (SELECT group_concat(status) "
                                  "FROM task) || '/' || (SELECT max(revision) FROM change_log)";
  g_autoptr(GError) error = NULL;
  gint64 deleted;

  dn_server_test_add_account (f, "doc", f->office, DN_ACCOUNT_ROLE_READER);
  unit = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  reader = dn_server_test_sign_in (f, "doc", DN_SERVER_TEST_PASSWORD);
  department = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  deleted = dn_server_test_add_task (f, "Xoá rồi", f->office);
  g_assert_true (dn_store_delete_task (f->base.store, deleted, &error));
  g_assert_no_error (error);
  deleted_path = progress_path (deleted);
  before = dn_test_query_text (f->base.store, "%s", state_sql);

  {
    struct
    {
      const char *path, *token, *body;
      guint status;
      const char *code;
    } cases[] = {
      /* malformed, wrong types, unknown or missing fields */
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": ", 400, "malformed" },
      { path, unit, "[]", 400, "malformed" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": \"40\"}", 400, "wrong-type" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 40.5}", 400, "wrong-type" },
      { path, unit, "{\"entry_date\": \"02/03/2026\", \"percent\": 40}", 400, "wrong-type" },
      { path, unit, "{\"entry_date\": \"2026-02-30\", \"percent\": 40}", 400, "wrong-type" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 40, \"unit_id\": \"PGDBX\"}", 400, "wrong-type" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 40, \"note\": null}", 400, "wrong-type" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 40, \"status\": \"done\"}", 400,
        "unknown-field" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 40, \"task_id\": 2}", 400, "unknown-field" },
      { path, unit, "{\"percent\": 40}", 400, "missing-field" },
      { path, unit, "{\"entry_date\": \"2026-03-02\"}", 400, "missing-field" },
      /* the store's rules */
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 101}", 400, "invalid" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": -1}", 400, "invalid" },
      { path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 99999999999}", 400, "invalid" },
      /* another unit's task, one deleted, one that never was: not there */
      { other_path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 40}", 404, "not-found" },
      { deleted_path, department, "{\"entry_date\": \"2026-03-02\", \"percent\": 40}", 404, "not-found" },
      { "/tasks/999999/progress", department, "{\"entry_date\": \"2026-03-02\", \"percent\": 40}", 404,
        "not-found" },
      /* for a unit outside its own, or one not assigned to the task */
      { path, unit, unit_other, 403, "forbidden" },
      { shared_path, unit, unit_department, 403, "forbidden" },
      { path, unit, unit_school, 400, "invalid" },
      { path, department, unit_other, 400, "invalid" },
      { path, unit, "{\"unit_id\": null, \"entry_date\": \"2026-03-02\", \"percent\": 40}", 400, "invalid" },
      /* a reader sees, may not write */
      { path, reader, "{\"entry_date\": \"2026-03-02\", \"percent\": 40}", 403, "forbidden" },
      /* no token */
      { path, NULL, "{\"entry_date\": \"2026-03-02\", \"percent\": 40}", 401, "unauthorized" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(DnAnswer) answer = { 0 };

        dn_server_test_request (f, "POST", cases[i].path, cases[i].token, cases[i].body, -1, &answer);
        if (answer.status != cases[i].status)
          g_error ("case %u: %u, not %u", i, answer.status, cases[i].status);
        dn_server_test_assert_error (&answer, cases[i].status, cases[i].code);
      }
  }
  /* a body too large for the route */
  {
    g_auto(DnAnswer) answer = { 0 };
    g_autofree char *large = g_strnfill (DN_SERVER_MAX_BODY + 1, ' ');

    dn_server_test_request (f, "POST", path, unit, large, -1, &answer);
    dn_server_test_assert_error (&answer, 413, "too-large");
  }
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "%s", state_sql), ==, before);

  /* a unit officer reports on a task its office supports */
  {
    g_auto(DnAnswer) answer = { 0 };

    dn_server_test_request (f, "POST", shared_path, unit, "{\"entry_date\": \"2026-03-02\", \"percent\": 5}", -1,
                            &answer);
    g_assert_cmpuint (answer.status, ==, 201);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-progress/add", test_progress);
  DN_SERVER_TEST_ADD ("/server-progress/refused", test_progress_refused);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
