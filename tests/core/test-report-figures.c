/* test-report-figures.c: what a period's report counts, for a unit with
 * or without its sub-units, against the same counts read directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report-figures"

#include "config.h"

#include "dn-delegation.h"
#include "dn-generator.h"
#include "dn-project.h"
#include "dn-store-report.h"
#include "dn-task.h"
#include "dn-test-utils.h"
#include "dn-unit-stat.h"

typedef struct
{
  gint64 dept, office, school, other;
} Units;

/* The department, an office under it, a school under the office; another
 * unit outside. */
static Units
add_units (DnStore *store)
{
  Units u;

  u.dept = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  u.office = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, u.dept);
  u.school = dn_test_add_unit (store, "THPT-A", "Trường THPT A", DN_UNIT_KIND_SCHOOL, u.office);
  u.other = dn_test_add_unit (store, "CA", "Công an tỉnh", DN_UNIT_KIND_EXTERNAL, 0);
  return u;
}

static gint64
task_due (DnStore    *store,
          const char *title,
          gint64      unit,
          int         y,
          int         m,
          int         d,
          const char *status)
{
  GDate due = dn_test_date (y, m, d);
  gint64 id = dn_test_add_task (store, title, unit, &due, NULL);

  dn_test_exec (store, "UPDATE task SET status = '%s' WHERE id = %lld", status, (long long) id);
  return id;
}

static DnReportFigures *
figures (DnStore    *store,
         const char *quarter,
         gint64      unit,
         gboolean    with_sub_units)
{
  g_autoptr(GError) error = NULL;
  DnReportPeriod period;
  GDate day = dn_test_date (2024, 5, 10);
  DnReportFigures *f;

  g_assert_true (dn_report_period_parse (DN_REPORT_QUARTER, quarter, &period, &error));
  f = dn_store_read_report_figures (store, &period, unit, with_sub_units, &day, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
}

/* Tasks due in the quarter, counted by status and by lead unit; the
 * quarter's edges included, other quarters, cancelled and deleted tasks
 * and units out of scope left out. */
static void
test_tasks (DnTestStore   *fixture,
            gconstpointer  data)
{
  Units u = add_units (fixture->store);
  g_autoptr(DnReportFigures) all = NULL;
  g_autoptr(DnReportFigures) office = NULL;
  g_autoptr(DnReportFigures) office_only = NULL;
  gint64 deleted;

  task_due (fixture->store, "Kế hoạch đối ngoại năm 2024", u.office, 2024, 1, 1, "done");
  task_due (fixture->store, "Báo cáo quý I", u.office, 2024, 3, 31, "open");       /* overdue on 10/5 */
  task_due (fixture->store, "Đón đoàn KOICA", u.school, 2024, 2, 15, "in_progress"); /* overdue */
  task_due (fixture->store, "Hội thảo UNICEF", u.dept, 2024, 3, 1, "done");
  task_due (fixture->store, "Phối hợp quản lý người nước ngoài", u.other, 2024, 2, 1, "open");
  task_due (fixture->store, "Huỷ bỏ", u.office, 2024, 2, 1, "cancelled");
  task_due (fixture->store, "Quý II", u.office, 2024, 4, 1, "open");
  task_due (fixture->store, "Năm trước", u.office, 2023, 12, 31, "open");
  deleted = task_due (fixture->store, "Đã xoá", u.office, 2024, 2, 2, "open");
  dn_test_exec (fixture->store, "UPDATE task SET deleted = 1 WHERE id = %lld", (long long) deleted);

  all = figures (fixture->store, "2024-Q1", 0, TRUE);
  g_assert_cmpuint (all->n_tasks, ==, 5);
  g_assert_cmpuint (all->n_done, ==, 2);
  g_assert_cmpuint (all->n_in_progress, ==, 1);
  g_assert_cmpuint (all->n_not_started, ==, 2);
  g_assert_cmpuint (all->n_overdue, ==, 3);
  g_assert_cmpuint (all->tasks->len, ==, 5);
  g_assert_cmpstr (all->unit_name, ==, "");
  /* by lead unit in Vietnamese order: Công an, Sở, Trường, Văn phòng */
  g_assert_cmpuint (all->lead_units->len, ==, 4);
  {
    DnUnitStat *first = all->lead_units->pdata[0];
    DnUnitStat *last = all->lead_units->pdata[3];

    g_assert_cmpstr (first->unit_code, ==, "CA");
    g_assert_cmpstr (last->unit_code, ==, "VP");
    g_assert_cmpuint (last->n_tasks, ==, 2);
    g_assert_cmpuint (last->n_done, ==, 1);
    g_assert_cmpuint (last->n_overdue, ==, 1);
  }
  /* the tasks listed follow their lead units, then their deadlines */
  g_assert_cmpstr (((DnTask *) all->tasks->pdata[0])->lead_unit_code, ==, "CA");
  g_assert_cmpstr (((DnTask *) all->tasks->pdata[3])->title, ==, "Kế hoạch đối ngoại năm 2024");
  g_assert_cmpstr (((DnTask *) all->tasks->pdata[4])->title, ==, "Báo cáo quý I");

  office = figures (fixture->store, "2024-Q1", u.office, TRUE);
  g_assert_cmpstr (office->unit_name, ==, "Văn phòng Sở");
  g_assert_cmpuint (office->n_tasks, ==, 3);   /* the school's with it */
  g_assert_cmpuint (office->n_overdue, ==, 2);
  g_assert_cmpuint (office->lead_units->len, ==, 2);

  office_only = figures (fixture->store, "2024-Q1", u.office, FALSE);
  g_assert_cmpuint (office_only->n_tasks, ==, 2);
  g_assert_cmpuint (office_only->lead_units->len, ==, 1);
}

static gint64
delegation (DnStore    *store,
            const char *direction,
            const char *start,
            const char *status,
            gint64      unit,
            gint64      budget,
            guint       n_members)
{
  g_autofree char *amount = budget >= 0 ? g_strdup_printf ("%lld", (long long) budget) : g_strdup ("NULL");
  gint64 id;

  dn_test_exec (store,
                "INSERT INTO delegation (direction, title, start_date, end_date, status, unit_id, budget) "
                "VALUES ('%s', 'Đoàn %s', '%s', date('%s', '+5 days'), '%s', %lld, %s)",
                direction, start, start, start, status, (long long) unit, amount);
  id = dn_test_query_int (store, "SELECT max(id) FROM delegation");
  for (guint i = 0; i < n_members; i++)
    dn_test_exec (store, "INSERT INTO delegation_member (delegation_id, guest_name) VALUES (%lld, 'Khách %u')",
                  (long long) id, i);
  return id;
}

/* Delegations whose trip starts in the period, their members and budgets. */
static void
test_delegations (DnTestStore   *fixture,
                  gconstpointer  data)
{
  Units u = add_units (fixture->store);
  g_autoptr(DnReportFigures) all = NULL;
  g_autoptr(DnReportFigures) school = NULL;

  delegation (fixture->store, "outbound", "2024-01-10", "completed", u.office, 150000000, 3);
  delegation (fixture->store, "outbound", "2024-03-31", "approved", u.school, -1, 2);
  delegation (fixture->store, "outbound", "2024-02-01", "cancelled", u.office, 90000000, 4);
  delegation (fixture->store, "outbound", "2023-12-30", "completed", u.office, 10, 1);
  delegation (fixture->store, "inbound", "2024-03-05", "completed", u.dept, 5000000, 6);

  all = figures (fixture->store, "2024-Q1", u.dept, TRUE);
  g_assert_cmpuint (all->outbound->len, ==, 2);
  g_assert_cmpuint (all->n_outbound_members, ==, 5);
  g_assert_cmpint (all->outbound_budget, ==, 150000000);
  g_assert_cmpuint (all->inbound->len, ==, 1);
  g_assert_cmpuint (all->n_inbound_members, ==, 6);
  /* by start */
  g_assert_cmpstr (((DnDelegation *) all->outbound->pdata[0])->title, ==, "Đoàn 2024-01-10");

  school = figures (fixture->store, "2024-Q1", u.school, TRUE);
  g_assert_cmpuint (school->outbound->len, ==, 1);
  g_assert_cmpuint (school->inbound->len, ==, 0);
}

/* Passports handed out and returned in the period, late ones, and those
 * still out past their day on the report's day. */
static void
test_passports (DnTestStore   *fixture,
                gconstpointer  data)
{
  Units u = add_units (fixture->store);
  gint64 people[4];
  g_autoptr(DnReportFigures) all = NULL;
  g_autoptr(DnReportFigures) school = NULL;

  people[0] = dn_test_add_person (fixture->store, "Nguyễn", "Văn", "An", u.office);
  people[1] = dn_test_add_person (fixture->store, "Trần", "Thị", "Bình", u.school);
  people[2] = dn_test_add_person (fixture->store, "Lê", "", "Cường", u.other);
  people[3] = dn_test_add_person (fixture->store, "Phạm", "", "Dũng", u.office);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    dn_test_exec (fixture->store,
                  "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                  "VALUES (%lld, 'official', 'C000%u', '2020-01-01', '2030-01-01')",
                  (long long) people[i], 1000 + i);
  /* handed out and returned in time; returned late; out and overdue;
   * another unit's, overdue too */
  dn_test_exec (fixture->store,
                "INSERT INTO passport_loan (passport_id, handed_out_on, due_back_on, returned_on) VALUES "
                "(1, '2024-01-05', '2024-01-20', '2024-01-18'), "
                "(2, '2024-02-01', '2024-02-10', '2024-02-20'), "
                "(4, '2024-03-20', '2024-04-15', NULL), "
                "(3, '2024-03-01', '2024-03-10', NULL)");

  all = figures (fixture->store, "2024-Q1", u.dept, TRUE);
  g_assert_cmpuint (all->n_handed_out, ==, 3);
  g_assert_cmpuint (all->n_returned, ==, 2);
  g_assert_cmpuint (all->n_returned_late, ==, 1);
  g_assert_cmpuint (all->n_passports_overdue, ==, 1);

  school = figures (fixture->store, "2024-Q1", u.school, FALSE);
  g_assert_cmpuint (school->n_handed_out, ==, 1);
  g_assert_cmpuint (school->n_returned_late, ==, 1);
  g_assert_cmpuint (school->n_passports_overdue, ==, 0);

  /* the whole agency: the other unit's overdue passport too */
  {
    g_autoptr(DnReportFigures) agency = figures (fixture->store, "2024-Q1", 0, TRUE);

    g_assert_cmpuint (agency->n_handed_out, ==, 4);
    g_assert_cmpuint (agency->n_passports_overdue, ==, 2);
  }
}

/* Projects running in the period and documents registered in it. */
static void
test_projects_documents (DnTestStore   *fixture,
                         gconstpointer  data)
{
  Units u = add_units (fixture->store);
  g_autoptr(DnReportFigures) f = NULL;

  dn_test_exec (fixture->store, "INSERT INTO partner (name) VALUES ('KOICA'), ('UNICEF')");
  dn_test_exec (fixture->store,
                "INSERT INTO project (partner_id, name, unit_id, start_date, end_date, budget, currency, status) "
                "VALUES (1, 'Dự án cũ', %lld, '2022-01-01', '2025-12-31', 2000000000, 'VND', 'active'), "
                "(2, 'Dự án mới', %lld, '2024-02-01', NULL, 50000, 'USD', 'active'), "
                "(2, 'Dự án đề xuất', %lld, '2024-02-01', NULL, 1000, 'VND', 'proposed'), "
                "(1, 'Dự án đã xong', %lld, '2020-01-01', '2023-12-31', 1000, 'VND', 'closed'), "
                "(1, 'Dự án nơi khác', %lld, '2024-01-01', NULL, 7000, 'VND', 'active')",
                (long long) u.office, (long long) u.school, (long long) u.office, (long long) u.office,
                (long long) u.other);
  dn_test_exec (fixture->store,
                "INSERT INTO document (direction, type, subject, issue_date, arrival_date, arrival_number) VALUES "
                "('outgoing', 'report', 'Báo cáo quý', '2024-03-30', NULL, NULL), "
                "('outgoing', 'plan', 'Kế hoạch', '2024-04-01', NULL, NULL), "
                "('incoming', 'plan', 'Kế hoạch của Bộ', '2023-12-20', '2024-01-02', 1)");

  f = figures (fixture->store, "2024-Q1", u.dept, TRUE);
  g_assert_cmpuint (f->projects->len, ==, 2);
  g_assert_cmpuint (f->n_new_projects, ==, 1);
  g_assert_cmpint (f->projects_budget, ==, 2000000000);   /* the USD one apart */
  g_assert_cmpstr (((DnProject *) f->projects->pdata[0])->name, ==, "Dự án cũ");
  g_assert_cmpuint (f->n_documents_issued, ==, 1);
  g_assert_cmpuint (f->n_documents_received, ==, 1);
}

/* Generated data, every figure against the same count read directly. */
static void
test_demo_cross_check (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReportFigures) f = NULL;
  DnReportPeriod period;
  GDate day = dn_test_date (2026, 12, 7);

  g_assert_true (dn_generate (fixture->store, 3000, 400, 300, 7, &error));
  g_assert_no_error (error);
  g_assert_true (dn_generate_passports (fixture->store, 200, 7, &error));
  g_assert_no_error (error);
  g_assert_true (dn_report_period_parse (DN_REPORT_YEAR, "2026", &period, NULL));
  f = dn_store_read_report_figures (fixture->store, &period, 0, TRUE, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->n_tasks, ==,
                   dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE deleted = 0 AND "
                                                      "status <> 'cancelled' AND due_date LIKE '2026-%%'"));
  g_assert_cmpint (f->n_tasks, >, 0);
  g_assert_cmpint (f->n_overdue, >, 0);
  g_assert_cmpint (f->outbound->len, >, 0);
  g_assert_cmpint (f->n_handed_out, >, 0);
  g_assert_cmpint (f->n_overdue, ==,
                   dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE deleted = 0 AND "
                                                      "status IN ('open','in_progress') AND due_date LIKE "
                                                      "'2026-%%' AND due_date < '2026-12-07'"));
  g_assert_cmpint (f->n_done + f->n_in_progress + f->n_not_started, ==, f->n_tasks);
  g_assert_cmpint (f->outbound->len, ==,
                   dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation WHERE direction = "
                                                      "'outbound' AND status <> 'cancelled' AND start_date "
                                                      "LIKE '2026-%%'"));
  g_assert_cmpint (f->n_documents_issued, ==,
                   dn_test_query_int (fixture->store, "SELECT count(*) FROM document WHERE direction = "
                                                      "'outgoing' AND issue_date LIKE '2026-%%'"));
  g_assert_cmpint (f->n_handed_out, ==,
                   dn_test_query_int (fixture->store, "SELECT count(*) FROM passport_loan WHERE handed_out_on "
                                                      "LIKE '2026-%%'"));
  g_assert_cmpint (f->n_returned_late, ==,
                   dn_test_query_int (fixture->store, "SELECT count(*) FROM passport_loan WHERE returned_on "
                                                      "LIKE '2026-%%' AND returned_on > due_back_on"));
  {
    guint sum = 0;

    for (guint i = 0; i < f->lead_units->len; i++)
      sum += ((DnUnitStat *) f->lead_units->pdata[i])->n_tasks;
    g_assert_cmpuint (sum, ==, f->n_tasks);
  }
}

/* An unknown unit is refused. */
static void
test_unknown_unit (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnReportPeriod period;

  g_assert_true (dn_report_period_parse (DN_REPORT_YEAR, "2024", &period, NULL));
  g_assert_null (dn_store_read_report_figures (fixture->store, &period, 4242, TRUE, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/report-figures/tasks", test_tasks);
  DN_TEST_ADD ("/report-figures/delegations", test_delegations);
  DN_TEST_ADD ("/report-figures/passports", test_passports);
  DN_TEST_ADD ("/report-figures/projects-documents", test_projects_documents);
  DN_TEST_ADD ("/report-figures/cross-check", test_demo_cross_check);
  DN_TEST_ADD ("/report-figures/unknown-unit", test_unknown_unit);
  return g_test_run ();
}
