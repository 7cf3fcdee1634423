/* test-reports-owed.c: the periodic reports the units owe, derived from
 * the recurring tasks that ask for one, those received and the late ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reports-owed"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-test-utils.h"

/* A department, two districts' offices below it and a school below the
 * first. */
typedef struct
{
  gint64 sgd, pgd_a, pgd_b, school;
} Units;

static Units
add_units (DnStore *store)
{
  Units u;

  u.sgd = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  u.pgd_a = dn_test_add_unit (store, "PGDA", "Phòng GD&ĐT Bát Xát", DN_UNIT_KIND_DIVISION, u.sgd);
  u.pgd_b = dn_test_add_unit (store, "PGDB", "Phòng GD&ĐT Sa Pa", DN_UNIT_KIND_DIVISION, u.sgd);
  u.school = dn_test_add_unit (store, "THA", "Trường THPT số 1 Bát Xát", DN_UNIT_KIND_SCHOOL, u.pgd_a);
  return u;
}

static gint64
add_recurring (DnStore      *store,
               const char   *title,
               DnRecurrence  recurrence,
               GDate         due,
               gint64        lead,
               const gint64 *supports)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  task->recurrence = recurrence;
  task->due_date = due;
  task->lead_unit_id = lead;
  for (guint i = 0; supports != NULL && supports[i] != 0; i++)
    g_array_append_val (task->support_unit_ids, supports[i]);
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);
  return task->id;
}

/* "UNIT period state" of each report listed, in order, "; " between. */
static char *
owed_string (DnStore           *store,
             const DnOwedQuery *query,
             GDate              today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) owed = dn_store_list_owed_reports (store, query, &today, &error);
  GString *s = g_string_new ("");

  g_assert_no_error (error);
  g_assert_nonnull (owed);
  for (guint i = 0; i < owed->len; i++)
    {
      DnOwedReport *r = owed->pdata[i];

      g_string_append_printf (s, "%s%s %s %s", i > 0 ? "; " : "", r->unit_code, r->period,
                              dn_owed_state_to_string (r->state));
    }
  return g_string_free (s, FALSE);
}

static void
test_period_rule (void)
{
  DnReportPeriod p;
  GDate due;
  g_autofree char *q = NULL, *half = NULL, *year = NULL, *month = NULL, *school = NULL, *sem = NULL;

  g_assert_true (dn_report_title_asks_for_report ("Tổng hợp BÁO CÁO quý"));
  g_assert_true (dn_report_title_asks_for_report ("Báo cáo công tác đối ngoại"));
  g_assert_false (dn_report_title_asks_for_report ("Hội nghị báo chí"));

  /* due early in a quarter: the quarter before */
  due = dn_test_date (2024, 4, 5);
  g_assert_true (dn_report_period_for_occurrence (DN_RECURRENCE_QUARTERLY, "Báo cáo quý", &due, &p));
  q = dn_report_period_to_string (&p);
  g_assert_cmpstr (q, ==, "2024-Q1");
  /* Circular 19: the half-year due on 31 May, the year on 30 November */
  due = dn_test_date (2024, 5, 31);
  g_assert_true (dn_report_period_for_occurrence (DN_RECURRENCE_TWICE_YEARLY, "Báo cáo theo Thông tư 19", &due, &p));
  half = dn_report_period_to_string (&p);
  g_assert_cmpint (p.kind, ==, DN_REPORT_TT19_HALF);
  g_assert_cmpstr (half, ==, "2024");
  due = dn_test_date (2024, 11, 30);
  g_assert_true (dn_report_period_for_occurrence (DN_RECURRENCE_TWICE_YEARLY, "Báo cáo TT19", &due, &p));
  g_assert_cmpint (p.kind, ==, DN_REPORT_TT19_YEAR);
  year = dn_report_period_to_string (&p);
  g_assert_cmpstr (year, ==, "2024");
  /* monthly: the month, a custom period */
  due = dn_test_date (2024, 3, 25);
  g_assert_true (dn_report_period_for_occurrence (DN_RECURRENCE_MONTHLY, "Báo cáo tháng", &due, &p));
  month = dn_report_period_to_string (&p);
  g_assert_cmpstr (month, ==, "2024-03-01..2024-03-31");
  due = dn_test_date (2025, 6, 10);
  g_assert_true (dn_report_period_for_occurrence (DN_RECURRENCE_ANNUAL, "Báo cáo tổng kết năm học", &due, &p));
  school = dn_report_period_to_string (&p);
  g_assert_cmpstr (school, ==, "2024-2025");
  due = dn_test_date (2025, 1, 20);
  g_assert_true (dn_report_period_for_occurrence (DN_RECURRENCE_SEMESTER, "Báo cáo học kỳ", &due, &p));
  sem = dn_report_period_to_string (&p);
  g_assert_cmpstr (sem, ==, "2024-2025-HK1");
  /* no recurrence, no day: none */
  g_assert_false (dn_report_period_for_occurrence (DN_RECURRENCE_NONE, "Báo cáo", &due, &p));
  due = dn_test_no_date ();
  g_assert_false (dn_report_period_for_occurrence (DN_RECURRENCE_QUARTERLY, "Báo cáo", &due, &p));
}

/* Each unit assigned to an occurrence owes one report; tasks that do not
 * recur or ask for no report owe none; a cancelled assignment neither. */
static void
test_owed_from_tasks (DnTestStore   *f,
                      gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autofree char *all = NULL;
  g_autofree char *late = NULL;
  g_autofree char *period = NULL;
  DnOwedQuery query;

  add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY, dn_test_date (2024, 3, 25),
                 u.pgd_a, DN_TEST_UNITS (u.pgd_b));
  add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY, dn_test_date (2024, 6, 25),
                 u.pgd_a, DN_TEST_UNITS (u.pgd_b));
  add_recurring (f->store, "Hội nghị báo chí", DN_RECURRENCE_TWICE_YEARLY, dn_test_date (2024, 3, 1), u.pgd_a, NULL);
  dn_test_add_task (f->store, "Báo cáo kết quả đoàn ra", u.pgd_b, (GDate[]) { dn_test_date (2024, 3, 1) }, NULL);

  all = owed_string (f->store, NULL, dn_test_date (2024, 4, 1));
  g_assert_cmpstr (all, ==, "PGDA 2024-Q1 late; PGDB 2024-Q1 late; PGDA 2024-Q2 pending; PGDB 2024-Q2 pending");

  dn_owed_query_init (&query);
  query.period = "2024-Q2";
  period = owed_string (f->store, &query, dn_test_date (2024, 4, 1));
  g_assert_cmpstr (period, ==, "PGDA 2024-Q2 pending; PGDB 2024-Q2 pending");

  dn_owed_query_init (&query);
  query.late = TRUE;
  late = owed_string (f->store, &query, dn_test_date (2024, 4, 1));
  g_assert_cmpstr (late, ==, "PGDA 2024-Q1 late; PGDB 2024-Q1 late");

  /* a supporting unit released from the task owes nothing */
  dn_test_exec (f->store, "UPDATE assignment SET status = 'cancelled' WHERE unit_id = %" G_GINT64_FORMAT, u.pgd_b);
  {
    g_autofree char *left = owed_string (f->store, NULL, dn_test_date (2024, 4, 1));

    g_assert_cmpstr (left, ==, "PGDA 2024-Q1 late; PGDA 2024-Q2 pending");
  }
}

/* Received on time and late; listed by state; the PDF registered as an
 * incoming document; recorded once. */
static void
test_received (DnTestStore   *f,
               gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnOwedReport) on_time = dn_owed_report_new ();
  g_autoptr(DnOwedReport) late = dn_owed_report_new ();
  g_autoptr(DnOwedReport) again = dn_owed_report_new ();
  g_autoptr(DnDocument) doc = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *pdf_path = g_build_filename (f->dir, "bao-cao.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *listed = NULL;
  g_autofree char *late_only = NULL;
  gint64 task;
  DnOwedQuery query;

  task = add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY,
                        dn_test_date (2024, 3, 25), u.pgd_a, DN_TEST_UNITS (u.pgd_b));
  dn_test_write_file (pdf_path, "%PDF-1.4\n%%EOF\n", -1);

  on_time->task_id = task;
  on_time->unit_id = u.pgd_a;
  on_time->received_on = dn_test_date (2024, 3, 20);
  g_assert_true (dn_store_record_report_received (f->store, on_time, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (on_time->id, >, 0);
  g_assert_cmpint (on_time->kind, ==, DN_REPORT_QUARTER);
  g_assert_cmpstr (on_time->period, ==, "2024-Q1");
  g_assert_cmpint (on_time->document_id, >, 0);
  doc = dn_store_get_document (f->store, on_time->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->direction, ==, DN_DIRECTION_INCOMING);
  g_assert_cmpint (doc->type, ==, DN_DOCUMENT_TYPE_REPORT);
  g_assert_cmpstr (doc->issuer, ==, "Phòng GD&ĐT Bát Xát");
  g_assert_cmpstr (doc->subject, ==, "Báo cáo quý I năm 2024");
  g_assert_cmpint (doc->arrival_number, ==, 1);
  dn_test_assert_date (&doc->arrival_date, 2024, 3, 20);
  files = dn_store_list_document_attachments (f->store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);

  late->task_id = task;
  late->unit_id = u.pgd_b;
  late->received_on = dn_test_date (2024, 4, 2);
  g_assert_true (dn_store_record_report_received (f->store, late, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (late->document_id, ==, 0);

  listed = owed_string (f->store, NULL, dn_test_date (2024, 4, 10));
  g_assert_cmpstr (listed, ==, "PGDA 2024-Q1 received; PGDB 2024-Q1 received-late");
  dn_owed_query_init (&query);
  query.late = TRUE;
  late_only = owed_string (f->store, &query, dn_test_date (2024, 4, 10));
  g_assert_cmpstr (late_only, ==, "PGDB 2024-Q1 received-late");
  dn_owed_query_init (&query);
  query.outstanding = TRUE;
  {
    g_autofree char *none = owed_string (f->store, &query, dn_test_date (2024, 4, 10));

    g_assert_cmpstr (none, ==, "");
  }

  /* once only: refused, nothing written */
  {
    g_autofree char *before = dn_test_row_counts (f->store);
    g_autofree char *after = NULL;

    again->task_id = task;
    again->unit_id = u.pgd_a;
    g_assert_false (dn_store_record_report_received (f->store, again, pdf, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
    g_assert_cmpint (again->id, ==, 0);
    after = dn_test_row_counts (f->store);
    g_assert_cmpstr (before, ==, after);
  }
}

/* A PDF kept already (sent to the department server first): attached to
 * the document registered for the report; another kind of file refused,
 * nothing written */
static void
test_received_kept (DnTestStore   *f,
                    gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  g_autoptr(GBytes) pdf_bytes = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", strlen ("%PDF-1.4\n%%EOF\n"));
  g_autoptr(GBytes) text_bytes = g_bytes_new_static ("báo cáo", strlen ("báo cáo"));
  g_autoptr(DnAttachment) pdf = dn_store_add_attachment_bytes (f->store, pdf_bytes, "bao-cao.pdf", &error);
  g_autoptr(DnAttachment) text = dn_store_add_attachment_bytes (f->store, text_bytes, "bao-cao.txt", &error);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 task;

  g_assert_no_error (error);
  task = add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY,
                        dn_test_date (2024, 3, 25), u.pgd_a, NULL);
  receipt->task_id = task;
  receipt->unit_id = u.pgd_a;
  receipt->received_on = dn_test_date (2024, 3, 20);
  before = dn_test_row_counts (f->store);
  g_assert_false (dn_store_record_report_received_kept (f->store, receipt, text->id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_record_report_received_kept (f->store, receipt, 999, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (receipt->id, ==, 0);

  g_assert_true (dn_store_record_report_received_kept (f->store, receipt, pdf->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (receipt->id, >, 0);
  g_assert_cmpint (receipt->document_id, >, 0);
  files = dn_store_list_document_attachments (f->store, receipt->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpint (((DnAttachment *) files->pdata[0])->id, ==, pdf->id);
}

/* A unit and its sub-units: the school's report under its district's. */
static void
test_sub_units (DnTestStore   *f,
                gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autofree char *alone = NULL;
  g_autofree char *rolled = NULL;
  DnOwedQuery query;

  add_recurring (f->store, "Báo cáo học kỳ công tác đối ngoại", DN_RECURRENCE_SEMESTER, dn_test_date (2025, 1, 20),
                 u.pgd_a, DN_TEST_UNITS (u.school, u.pgd_b));

  dn_owed_query_init (&query);
  query.unit_id = u.pgd_a;
  alone = owed_string (f->store, &query, dn_test_date (2025, 1, 1));
  g_assert_cmpstr (alone, ==, "PGDA 2024-2025-HK1 pending");
  query.with_sub_units = TRUE;
  rolled = owed_string (f->store, &query, dn_test_date (2025, 1, 1));
  g_assert_cmpstr (rolled, ==, "PGDA 2024-2025-HK1 pending; THA 2024-2025-HK1 pending");
}

/* The occurrence of a chain that covers a period; reminders to those who
 * have not reported, once a day. */
static void
test_chain_and_reminders (DnTestStore   *f,
                          gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) owed = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  gint64 first, next = 0, found;
  guint sent = 0;
  DnOwedQuery query;

  first = add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY,
                         dn_test_date (2024, 3, 25), u.pgd_a, DN_TEST_UNITS (u.pgd_b));
  g_assert_true (dn_store_set_task_status (f->store, first, DN_STATUS_DONE, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next, >, first);

  found = dn_store_find_report_occurrence (f->store, first, DN_REPORT_QUARTER, "2024-Q2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, next);
  found = dn_store_find_report_occurrence (f->store, next, -1, "2024-Q1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, first);
  g_assert_cmpint (dn_store_find_report_occurrence (f->store, first, -1, "2023-Q4", &error), ==, 0);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  receipt->task_id = first;
  receipt->unit_id = u.pgd_a;
  g_assert_true (dn_store_record_report_received (f->store, receipt, NULL, &error));
  g_assert_no_error (error);

  dn_owed_query_init (&query);
  query.period = "2024-Q1";
  owed = dn_store_list_owed_reports (f->store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (owed->len, ==, 2);
  g_assert_true (dn_store_remind_owed_reports (f->store, owed, DN_REMINDER_NOTICE, &sent, &error));
  g_assert_no_error (error);
  /* the one received is not reminded */
  g_assert_cmpuint (sent, ==, 1);
  reminders = dn_store_list_reminders (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((DnReminder *) reminders->pdata[0])->unit_id, ==, u.pgd_b);
  g_assert_cmpstr (((DnReminder *) reminders->pdata[0])->note, ==, "Đề nghị gửi báo cáo quý I năm 2024 (hạn 25/03/2024).");
  /* pressed again the same day: no second reminder */
  g_assert_true (dn_store_remind_owed_reports (f->store, owed, DN_REMINDER_NOTICE, &sent, &error));
  g_assert_cmpuint (sent, ==, 0);
}

/* A unit merged into another: its reports received go with its
 * assignments, and come back with the merge undone. */
static void
test_merge (DnTestStore   *f,
            gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  g_autofree char *merged = NULL;
  g_autofree char *undone = NULL;
  gint64 merge_id = 0;
  gint64 task;

  task = add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY,
                        dn_test_date (2024, 3, 25), u.pgd_a, DN_TEST_UNITS (u.pgd_b));
  receipt->task_id = task;
  receipt->unit_id = u.pgd_b;
  receipt->received_on = dn_test_date (2024, 3, 20);
  g_assert_true (dn_store_record_report_received (f->store, receipt, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (dn_store_merge_units (f->store, u.pgd_b, u.school, &merge_id, &error));
  g_assert_no_error (error);
  merged = owed_string (f->store, NULL, dn_test_date (2024, 4, 1));
  g_assert_cmpstr (merged, ==, "PGDA 2024-Q1 late; THA 2024-Q1 received");
  g_assert_true (dn_store_undo_merge (f->store, merge_id, &error));
  g_assert_no_error (error);
  undone = owed_string (f->store, NULL, dn_test_date (2024, 4, 1));
  g_assert_cmpstr (undone, ==, "PGDA 2024-Q1 late; PGDB 2024-Q1 received");
}

/* Bad input: refused with a reason, nothing written. */
static void
test_bad_input (DnTestStore   *f,
                gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *text_path = g_build_filename (f->dir, "not.pdf", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/bao-cao.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 task, plain;
  struct
  {
    gint64   task, unit;
    GFile   *pdf;
    int      code;
    const char *words;
  } cases[] = {
    { 0, 0, NULL, DN_STORE_ERROR_NOT_FOUND, "does not exist" },
    { 0, 0, NULL, DN_STORE_ERROR_INVALID, "does not ask" },
    { 0, 0, NULL, DN_STORE_ERROR_INVALID, "is not assigned" },
    { 0, 999, NULL, DN_STORE_ERROR_NOT_FOUND, "Unit #999" },
    { 0, 0, NULL, DN_STORE_ERROR_INVALID, "is not a PDF" },
  };

  task = add_recurring (f->store, "Báo cáo quý công tác đối ngoại", DN_RECURRENCE_QUARTERLY,
                        dn_test_date (2024, 3, 25), u.pgd_a, NULL);
  plain = dn_test_add_task (f->store, "Báo cáo kết quả đoàn ra", u.pgd_a, NULL, NULL);
  dn_test_write_file (text_path, "Báo cáo", -1);
  cases[0].task = 4242, cases[0].unit = u.pgd_a;
  cases[1].task = plain, cases[1].unit = u.pgd_a;
  cases[2].task = task, cases[2].unit = u.pgd_b;
  cases[3].task = task;
  cases[4].task = task, cases[4].unit = u.pgd_a, cases[4].pdf = text_file;

  before = dn_test_row_counts (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();

      g_test_message ("case %u", i);
      receipt->task_id = cases[i].task;
      receipt->unit_id = cases[i].unit;
      g_assert_false (dn_store_record_report_received (f->store, receipt, cases[i].pdf, &error));
      g_assert_error (error, DN_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_clear_error (&error);
    }
  /* a file that cannot be read */
  {
    g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();

    receipt->task_id = task;
    receipt->unit_id = u.pgd_a;
    g_assert_false (dn_store_record_report_received (f->store, receipt, missing, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports-owed/period-rule", test_period_rule);
  DN_TEST_ADD ("/reports-owed/from-tasks", test_owed_from_tasks);
  DN_TEST_ADD ("/reports-owed/received", test_received);
  DN_TEST_ADD ("/reports-owed/received-kept", test_received_kept);
  DN_TEST_ADD ("/reports-owed/sub-units", test_sub_units);
  DN_TEST_ADD ("/reports-owed/chain-and-reminders", test_chain_and_reminders);
  DN_TEST_ADD ("/reports-owed/merge", test_merge);
  DN_TEST_ADD ("/reports-owed/bad-input", test_bad_input);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
