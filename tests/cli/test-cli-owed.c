/* test-cli-owed.c: doingoai-cli reports-owed, report-received and
 * remind-owed: the reports the units owe for a recurring task, one
 * received with its PDF registered, the late ones, the reminders, and
 * refusals that change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-owed"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

/* A quarterly report asked of PGD-BX (lead) and VP (support), due
 * 25/03/2024; its id. */
static char *
add_report_task (Fixture *f)
{
  char *id = run_ok (f, "task", "add", "--title", "Báo cáo quý công tác đối ngoại", "--lead", "PGD-BX", "--support",
                     "VP", "--due", "2024-03-25", "--recurrence", "quarterly", NULL);

  g_strchomp (id);
  return id;
}

/* Runs a command with --today 2024-04-10; must succeed: its stdout. */
static char *
on_day (Fixture    *f,
        const char *first,
        ...) G_GNUC_NULL_TERMINATED;
static char *
on_day (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--today");
  g_ptr_array_add (args, (gpointer) "2024-04-10");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run = dn_cli_runv (cli_path, NULL, NULL, (const char * const *) args->pdata);
  assert_success (run);
  return g_steal_pointer (&run->out);
}

static void
test_list_receive_remind (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *task = add_report_task (f);
  g_autofree char *pdf = g_build_filename (f->dir, "bao-cao-q1.pdf", NULL);
  g_autofree char *listed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *received = NULL;
  g_autofree char *late = NULL;
  g_autofree char *reminded = NULL;
  g_autofree char *again = NULL;
  g_autofree char *sub = NULL;

  listed = on_day (f, "reports-owed", "--period", "2024-Q1", NULL);
  expected = g_strdup_printf ("%s\tPGD-BX\tquarter\t2024-Q1\t2024-03-25\tlate\t\t\tPhòng GD&ĐT Bát Xát\t"
                              "Báo cáo quý công tác đối ngoại\n"
                              "%s\tVP\tquarter\t2024-Q1\t2024-03-25\tlate\t\t\tVăn phòng Sở\t"
                              "Báo cáo quý công tác đối ngoại\n", task, task);
  g_assert_cmpstr (listed, ==, expected);

  dn_test_write_file (pdf, "%PDF-1.4\n%%EOF\n", -1);
  received = on_day (f, "report-received", "--unit", "PGD-BX", "--task", task, "--period", "2024-Q1", "--date",
                     "20/3/2024", "--pdf", pdf, NULL);
  g_assert_true (g_str_has_prefix (received, "Report of PGD-BX for 2024-Q1 recorded (#1), incoming document #"));
  g_assert_cmpint (dn_test_query_file_int (f->db, "SELECT count(*) FROM document d JOIN document_attachment a "
                                                  "ON a.document_id = d.id WHERE d.direction = 'incoming' "
                                                  "AND d.type = 'report' AND d.issuer = 'Phòng GD&ĐT Bát Xát'"), ==, 1);

  late = on_day (f, "reports-owed", "--late", NULL);
  g_assert_nonnull (strstr (late, "\tVP\tquarter\t2024-Q1\t2024-03-25\tlate\t"));
  g_assert_null (strstr (late, "PGD-BX"));
  {
    g_autofree char *all = on_day (f, "reports-owed", NULL);

    g_assert_nonnull (strstr (all, "\tPGD-BX\tquarter\t2024-Q1\t2024-03-25\treceived\t2024-03-20\t"));
  }
  /* the unit and its sub-units: VP has none, SGD's tree holds both */
  sub = on_day (f, "reports-owed", "--unit", "SGD", "--with-sub-units", "--outstanding", NULL);
  g_assert_nonnull (strstr (sub, "\tVP\t"));
  g_assert_null (strstr (sub, "\tPGD-BX\t"));

  reminded = on_day (f, "remind-owed", "--period", "2024-Q1", NULL);
  g_assert_cmpstr (reminded, ==, "Reports not received: 1\n1 reminder sent.\n");
  g_assert_cmpint (dn_test_query_file_int (f->db, "SELECT count(*) FROM reminder r JOIN unit u ON u.id = r.unit_id "
                                                  "WHERE u.code = 'VP' AND r.kind = 'notice' "
                                                  "AND r.note LIKE 'Đề nghị gửi báo cáo quý I năm 2024%'"), ==, 1);
  /* not twice on one day */
  again = on_day (f, "remind-owed", "--period", "2024-Q1", NULL);
  g_assert_cmpstr (again, ==, "Reports not received: 1\n0 reminders sent.\n");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *task = add_report_task (f);
  g_autofree char *text = g_build_filename (f->dir, "not-a-pdf.pdf", NULL);

  dn_test_write_file (text, "Báo cáo", -1);
  assert_refused (f, 1, "is not a PDF file", "report-received", "--unit", "PGD-BX", "--task", task, "--pdf", text);
  assert_refused (f, 1, "There is no unit “KHONG”.", "report-received", "--unit", "KHONG", "--task", task);
  assert_refused (f, 1, "is not assigned to task", "report-received", "--unit", "TH-A", "--task", task);
  assert_refused (f, 1, "has no occurrence whose report covers 2023-Q4", "report-received", "--unit", "VP",
                  "--task", task, "--period", "2023-Q4");
  assert_refused (f, 1, "is not a quarter period", "reports-owed", "--kind", "quarter", "--period", "2024-H1");
  assert_refused (f, 2, "is not a kind of report", "reports-owed", "--kind", "month");
  assert_refused (f, 2, "--unit CODE --task ID", "report-received", "--unit", "VP");
  assert_refused (f, 2, "--period PERIOD, or --late", "remind-owed");
  assert_refused (f, 2, "Unknown kind of reminder", "remind-owed", "--late", "--reminder", "scold");
  {
    g_autofree char *first = run_ok (f, "report-received", "--unit", "VP", "--task", task, NULL);

    assert_refused (f, 1, "already recorded", "report-received", "--unit", "VP", "--task", task);
  }
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/owed/list-receive-remind", test_list_receive_remind);
  ADD ("/cli/owed/refused", test_refused);
#undef ADD
  return cli_tests_run (user_dirs);
}
