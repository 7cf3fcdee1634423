/* test-server-task-batches.c: the tasks of a directive made together
 * through the API (POST /task-batches) and through a desktop's
 * connection: all or none, each checked as POST /tasks checks one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-task-batches"

#include "config.h"

#include "dn-connection-test-utils.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"

#define TASK(title) "{\"title\": \"" title "\", \"section\": \"II.1\", \"due_date\": \"2026-12-31\", " \
                          "\"lead_unit_id\": %" G_GINT64_FORMAT "}"

static void
test_batches (DnServerFixture *f,
              gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 log = dn_store_get_revision (f->base.store);
  gint64 tasks = dn_test_query_int (f->base.store, "SELECT count(*) FROM task");
  JsonArray *ids;

  /* refused: nothing made */
  dn_server_test_send (f, "POST", batxat, &answer, "/task-batches", "{\"tasks\": [" TASK ("Một") ", "
                       TASK ("Hai") "]}", f->school, f->other);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, "/task-batches", "{\"tasks\": []}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/task-batches", "{\"tasks\": [1]}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, "/task-batches", "{\"tasks\": [{\"title\": \"Ba\", \"owner\": 1}]}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  /* the second recurs without a deadline: the first is not made either */
  dn_server_test_send (f, "POST", so, &answer, "/task-batches", "{\"tasks\": [" TASK ("Một") ", {\"title\": "
                       "\"Báo cáo quý\", \"section\": \"II.2\", \"recurrence\": \"quarterly\", \"lead_unit_id\": %"
                       G_GINT64_FORMAT "}]}", f->office, f->office);
  g_assert_cmpuint (answer.status, ==, 400);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task"), ==, tasks);

  /* the office gives two tasks to its school and itself */
  dn_server_test_send (f, "POST", batxat, &answer, "/task-batches", "{\"tasks\": [" TASK ("Quán triệt quy chế")
                       ", " TASK ("Tổng kết") "]}", f->school, f->office);
  g_assert_cmpuint (answer.status, ==, 201);
  ids = json_object_get_array_member (dn_answer_object (&answer), "tasks");
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task WHERE id IN (%" G_GINT64_FORMAT
                                      ", %" G_GINT64_FORMAT ") AND section = 'II.1'",
                                      json_array_get_int_element (ids, 0), json_array_get_int_element (ids, 1)), ==, 2);
}

/* Through a desktop's connection: the ids come back, the tasks are in the
 * replica; one refused, none is made */
static void
test_batches_connected (DnConnectionFixture *f,
                        gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_ADD_TASKS);
  g_autoptr(DnWrite) refused = dn_write_new (DN_WRITE_ADD_TASKS);
  const char *titles[] = { "Quán triệt quy chế", "Tổng kết năm học" };

  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  write->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  refused->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      DnTask *task = dn_task_new ();

      g_free (task->title);
      task->title = g_strdup (titles[i]);
      task->lead_unit_id = f->server.school;
      task->due_date = dn_test_date (2026, 12, 31);
      g_ptr_array_add (write->tasks, task);
      task = dn_task_new ();
      g_free (task->title);
      task->title = g_strdup (titles[i]);
      /* the second has no lead unit */
      task->lead_unit_id = i == 0 ? f->server.school : 0;
      task->due_date = dn_test_date (2026, 12, 31);
      g_ptr_array_add (refused->tasks, task);
    }
  g_assert_false (dn_connection_test_write (f, refused, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM task"), ==, 0);

  g_assert_true (dn_connection_test_write (f, write, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (write->made_ids->len, ==, 2);
  for (guint i = 0; i < write->made_ids->len; i++)
    g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM task WHERE id = %" G_GINT64_FORMAT,
                                        g_array_index (write->made_ids, gint64, i)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-task-batches/all-or-none", test_batches);
  DN_CONNECTION_TEST_ADD ("/server-task-batches/connected", test_batches_connected);
  return g_test_run ();
}
