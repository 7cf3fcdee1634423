/* test-task-rules.c: the task rules an officer relies on: a task's
 * deadline is its lead's current one, unit rows follow the work, a
 * pass-down keeps what is known and can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-rules"

#include "config.h"

#include "dn-date.h"
#include "dn-store.h"
#include "dn-test-utils.h"

typedef struct
{
  gint64 sgd;   /* the department */
  gint64 vp;    /* its office, which leads */
  gint64 gdth;  /* a supporting office */
  gint64 pgd;   /* a district office, which leads the tasks passed down */
  gint64 th_a;  /* two schools below that */
  gint64 th_b;
} Units;

static void
add_units (DnStore *store,
           Units   *u)
{
  u->sgd = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  u->vp = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, u->sgd);
  u->gdth = dn_test_add_unit (store, "GDTH", "Phòng Giáo dục Tiểu học", DN_UNIT_KIND_DIVISION, u->sgd);
  u->pgd = dn_test_add_unit (store, "PGD-BX", "Phòng GD&ĐT Bắc Xuân", DN_UNIT_KIND_DISTRICT_OFFICE, u->sgd);
  u->th_a = dn_test_add_unit (store, "TH-A", "Trường Tiểu học An Bình", DN_UNIT_KIND_SCHOOL, u->pgd);
  u->th_b = dn_test_add_unit (store, "TH-B", "Trường Tiểu học Bình Minh", DN_UNIT_KIND_SCHOOL, u->pgd);
}

/* The assignment of @unit_id in @task_id. */
static DnAssignment *
get_row (DnStore *store,
         gint64   task_id,
         gint64   unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = dn_store_list_assignments (store, task_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (DN_ASSIGNMENT (rows->pdata[i])->unit_id == unit_id)
      return g_object_ref (rows->pdata[i]);
  g_assert_not_reached ();
  return NULL;
}

static DnStatus
row_status (DnStore *store,
            gint64   task_id,
            gint64   unit_id)
{
  g_autoptr(DnAssignment) row = get_row (store, task_id, unit_id);

  return row->status;
}

static gint64
count_overdue (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  DnTaskQuery query;
  gint64 n;

  dn_task_query_init (&query);
  query.overdue = TRUE;
  n = dn_store_count_tasks (store, &query, &error);
  g_assert_no_error (error);
  return n;
}

static void
extend (DnStore *store,
        gint64   task_id,
        gint64   unit_id,
        GDate    to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAssignment) row = get_row (store, task_id, unit_id);

  g_assert_true (dn_store_extend_assignment (store, row->id, &to, "Chờ hướng dẫn của Bộ", &error));
  g_assert_no_error (error);
}

static void
add_progress (DnStore *store,
              gint64   task_id,
              gint64   unit_id,
              int      percent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnProgress) progress = dn_progress_new ();

  progress->task_id = task_id;
  progress->unit_id = unit_id;
  progress->entry_date = dn_test_date (2025, 1, 10);
  progress->percent = percent;
  g_assert_true (dn_store_add_progress (store, progress, &error));
  g_assert_no_error (error);
}

/* Extending the lead's deadline moves the task's: the list, the overdue
 * filter and the search read the new one; the old one stays in the
 * history. A supporting unit's extension is its own. */
static void
test_deadline_follows_lead (DnTestStore   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(DnAssignment) lead = NULL;
  GDate due = dn_test_date (2024, 12, 31);
  GDate today = dn_test_date (2025, 1, 15);
  gint64 id;
  Units u;

  add_units (f->store, &u);
  dn_date_set_today (&today);
  id = dn_test_add_task (f->store, "Tổng kết hợp tác với KOICA", u.vp, &due, DN_TEST_UNITS (u.gdth));
  g_assert_cmpint (count_overdue (f->store), ==, 1);

  extend (f->store, id, u.vp, dn_test_date (2025, 6, 30));
  {
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);
    dn_test_assert_date (&task->due_date, 2025, 6, 30);
  }
  g_assert_cmpint (count_overdue (f->store), ==, 0);
  hits = dn_store_search (f->store, "KOICA", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  /* the supporting unit kept the task's first date; the history has it */
  lead = get_row (f->store, id, u.vp);
  history = dn_store_list_extensions (f->store, lead->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  dn_test_assert_date (&DN_EXTENSION (history->pdata[0])->old_due_date, 2024, 12, 31);
  {
    g_autoptr(DnAssignment) support = get_row (f->store, id, u.gdth);
    dn_test_assert_date (&support->due_date, 2024, 12, 31);
  }

  /* a supporting unit's extension does not move the task */
  extend (f->store, id, u.gdth, dn_test_date (2025, 9, 30));
  {
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);
    dn_test_assert_date (&task->due_date, 2025, 6, 30);
  }

  /* the lead's deadline set directly moves it too */
  {
    g_autoptr(DnAssignment) row = get_row (f->store, id, u.vp);

    row->due_date = dn_test_date (2025, 1, 14);
    g_assert_true (dn_store_update_assignment (f->store, row, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);
    dn_test_assert_date (&task->due_date, 2025, 1, 14);
  }
  g_assert_cmpint (count_overdue (f->store), ==, 1);

  /* and the task's deadline edited is the lead's; the extended supporting
   * unit keeps its own */
  {
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);

    task->due_date = dn_test_date (2025, 3, 31);
    g_assert_true (dn_store_update_task (f->store, task, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(DnAssignment) row = get_row (f->store, id, u.vp);
    g_autoptr(DnAssignment) support = get_row (f->store, id, u.gdth);

    dn_test_assert_date (&row->due_date, 2025, 3, 31);
    dn_test_assert_date (&support->due_date, 2025, 9, 30);
  }
  dn_date_set_today (NULL);
}

/* Progress reported starts the row of the unit that reports it (the
 * lead's when none is named); a report of 0 % starts nothing. */
static void
test_progress_starts_row (DnTestStore   *f,
                          gconstpointer  data)
{
  GDate due = dn_test_date (2025, 6, 30);
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Đón đoàn Đại học Kyushu", u.vp, &due, DN_TEST_UNITS (u.gdth));

  add_progress (f->store, id, u.gdth, 0);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_OPEN);
  g_assert_cmpint (row_status (f->store, id, u.vp), ==, DN_STATUS_OPEN);

  add_progress (f->store, id, 0, 30);
  g_assert_cmpint (row_status (f->store, id, u.vp), ==, DN_STATUS_IN_PROGRESS);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_OPEN);
  {
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);
    g_assert_cmpint (task->status, ==, DN_STATUS_IN_PROGRESS);
  }

  add_progress (f->store, id, u.gdth, 50);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_IN_PROGRESS);
}

/* Marking a task done closes the rows still open (or leaves the
 * supporting units the officer keeps open); Undo puts everything back, in
 * one transaction. Cancelling cancels them; an edit to done closes them. */
static void
test_done_closes_rows (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskSnapshot) before = NULL;
  GDate due = dn_test_date (2025, 6, 30);
  gint64 id, other, third, next_id = -1, made_id = -1;
  guint n_changed = 0;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Báo cáo kết quả hợp tác quốc tế", u.vp, &due, DN_TEST_UNITS (u.gdth, u.pgd));
  add_progress (f->store, id, u.gdth, 40);

  before = dn_store_snapshot_task (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_task_snapshot_get_id (before), ==, id);
  g_assert_true (dn_store_mark_task_done (f->store, id, NULL, 0, &next_id, &made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next_id, ==, 0);
  g_assert_cmpint (made_id, ==, 0);
  g_assert_cmpint (row_status (f->store, id, u.vp), ==, DN_STATUS_DONE);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_DONE);
  g_assert_cmpint (row_status (f->store, id, u.pgd), ==, DN_STATUS_DONE);

  g_signal_connect (f->store, "changed", G_CALLBACK (dn_test_count_changed), &n_changed);
  g_assert_true (dn_store_restore_task_snapshot (f->store, before, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  {
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);
    g_assert_cmpint (task->status, ==, DN_STATUS_IN_PROGRESS);
    g_assert_cmpint (task->progress, ==, 40);
  }
  g_assert_cmpint (row_status (f->store, id, u.vp), ==, DN_STATUS_OPEN);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_IN_PROGRESS);
  g_assert_cmpint (row_status (f->store, id, u.pgd), ==, DN_STATUS_OPEN);

  /* the supporting units that have not replied can stay open */
  g_assert_true (dn_store_mark_task_done (f->store, id, DN_TEST_UNITS (u.pgd), 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row_status (f->store, id, u.vp), ==, DN_STATUS_DONE);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_DONE);
  g_assert_cmpint (row_status (f->store, id, u.pgd), ==, DN_STATUS_OPEN);
  /* the lead's row cannot be kept open: the task is done */
  other = dn_test_add_task (f->store, "Tiếp đoàn UNICEF", u.vp, &due, NULL);
  g_assert_true (dn_store_mark_task_done (f->store, other, DN_TEST_UNITS (u.vp), 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row_status (f->store, other, u.vp), ==, DN_STATUS_DONE);

  /* cancelling cancels the open rows, done ones stay done */
  third = dn_test_add_task (f->store, "Hội thảo với Save the Children", u.vp, &due, DN_TEST_UNITS (u.gdth));
  g_assert_true (dn_store_set_task_status (f->store, third, DN_STATUS_CANCELLED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row_status (f->store, third, u.vp), ==, DN_STATUS_CANCELLED);
  g_assert_cmpint (row_status (f->store, third, u.gdth), ==, DN_STATUS_CANCELLED);

  /* an edit that sets the status to done closes them too */
  {
    g_autoptr(DnTask) task = NULL;

    third = dn_test_add_task (f->store, "Kế hoạch năm học 2025-2026", u.vp, &due, DN_TEST_UNITS (u.gdth));
    task = dn_test_get_task (f->store, third);
    task->status = DN_STATUS_DONE;
    g_assert_true (dn_store_update_task (f->store, task, &error));
    g_assert_no_error (error);
    g_assert_cmpint (row_status (f->store, third, u.vp), ==, DN_STATUS_DONE);
    g_assert_cmpint (row_status (f->store, third, u.gdth), ==, DN_STATUS_DONE);
  }
}

/* A recurring task marked done and undone: its next occurrence goes. */
static void
test_done_recurring_undo (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskSnapshot) before = NULL;
  g_autoptr(DnTask) task = NULL;
  GDate due = dn_test_date (2025, 3, 31);
  gint64 id, next_id = 0, made_id = 0;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Báo cáo quý", u.vp, &due, DN_TEST_UNITS (u.gdth));
  task = dn_test_get_task (f->store, id);
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);

  before = dn_store_snapshot_task (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_mark_task_done (f->store, id, NULL, 0, &next_id, &made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (made_id, >, 0);
  g_assert_cmpint (next_id, ==, made_id);
  g_assert_cmpint (row_status (f->store, made_id, u.gdth), ==, DN_STATUS_OPEN);
  g_assert_true (dn_store_restore_task_snapshot (f->store, before, made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task"), ==, 1);
  g_assert_cmpint (row_status (f->store, id, u.gdth), ==, DN_STATUS_OPEN);
}

/* Passing a task at 70 % down: it keeps its 70 %, its children's average
 * is read beside it; the children are due on the date given, or on the
 * parent's current (extended) deadline; Undo removes them in one
 * transaction, and cannot once one has received a reminder. */
static void
test_pass_down (DnTestStore   *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) children = NULL;
  g_autofree char *counts = NULL;
  GDate due = dn_test_date (2024, 12, 31);
  GDate child_due = dn_test_date (2025, 3, 15);
  GDate bad = dn_test_no_date ();
  guint n_changed = 0;
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Triển khai dự án KOICA tại các trường", u.pgd, &due, NULL);
  add_progress (f->store, id, u.pgd, 70);
  extend (f->store, id, u.pgd, dn_test_date (2025, 6, 30));

  counts = dn_test_row_counts (f->store);
  g_assert_null (dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_a), 1, &bad, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = dn_test_row_counts (f->store);
    g_assert_cmpstr (after, ==, counts);
  }

  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_a, u.th_b), 2, &child_due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 2);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, id);
    g_autoptr(DnTask) child = dn_test_get_task (f->store, g_array_index (children, gint64, 0));

    g_assert_cmpint (parent->progress, ==, 70);
    g_assert_cmpint (parent->children_progress, ==, 0);
    g_assert_cmpuint (parent->n_children, ==, 2);
    dn_test_assert_date (&child->due_date, 2025, 3, 15);
    g_assert_cmpint (child->children_progress, ==, -1);
  }
  add_progress (f->store, g_array_index (children, gint64, 0), u.th_a, 50);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, id);

    g_assert_cmpint (parent->progress, ==, 70);
    g_assert_cmpint (parent->children_progress, ==, 25);
  }

  /* Undo: both go, in one transaction */
  g_signal_connect (f->store, "changed", G_CALLBACK (dn_test_count_changed), &n_changed);
  g_assert_true (dn_store_undo_pass_down (f->store, id, (const gint64 *) (gpointer) children->data, children->len,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task"), ==, 1);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, id);

    g_assert_cmpuint (parent->n_children, ==, 0);
    g_assert_cmpint (parent->children_progress, ==, -1);
  }

  /* by default, the parent's current deadline, not its first one */
  g_clear_pointer (&children, g_array_unref);
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_a, u.th_b), 2, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DnTask) child = dn_test_get_task (f->store, g_array_index (children, gint64, 1));
    dn_test_assert_date (&child->due_date, 2025, 6, 30);
  }

  /* a child that has received a reminder stays, and so does the other */
  {
    g_autoptr(DnReminder) reminder = dn_reminder_new ();

    reminder->task_id = g_array_index (children, gint64, 1);
    reminder->unit_id = u.th_b;
    g_assert_true (dn_store_add_reminder (f->store, reminder, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&counts, g_free);
  counts = dn_test_row_counts (f->store);
  g_assert_false (dn_store_undo_pass_down (f->store, id, (const gint64 *) (gpointer) children->data, children->len,
                                           &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autofree char *after = dn_test_row_counts (f->store);
    g_assert_cmpstr (after, ==, counts);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/task-rules/deadline-follows-lead", test_deadline_follows_lead);
  DN_TEST_ADD ("/task-rules/progress-starts-row", test_progress_starts_row);
  DN_TEST_ADD ("/task-rules/done-closes-rows", test_done_closes_rows);
  DN_TEST_ADD ("/task-rules/done-recurring-undo", test_done_recurring_undo);
  DN_TEST_ADD ("/task-rules/pass-down", test_pass_down);
  return g_test_run ();
}
