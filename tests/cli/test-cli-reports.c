/* test-cli-reports.c: the reports kept, from the command line: report-save
 * (a new one with its unit's last header, an edit changing only what is
 * given), reports, report-issue (numbered in the outgoing register with
 * its PDF), report-delete, and refusals that change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-reports"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

static void
test_save_issue (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(CliRun) issue = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "bản phát hành.pdf", NULL);
  g_autoptr(CliRun) text = NULL;

  id = run_ok (f, "report-save", "--kind", "quarter", "--period", "2024-Q2", "--unit", "SGD", "--with-sub-units",
               "--assessment", "Các nhiệm vụ được triển khai kịp thời.", "--symbol", "BC-SGDĐT", "--place", "Lào Cai",
               "--recipient", "Bộ GD&ĐT (để b/c)", "--recipient", "UBND tỉnh", "--sign", "deputy", "--head-title",
               "GIÁM ĐỐC", "--signer-title", "PHÓ GIÁM ĐỐC", "--signer-name", "Nguyễn Văn An", NULL);
  g_assert_cmpstr (id, ==, "1\n");
  g_strchomp (id);
  listed = run_ok (f, "reports", NULL);
  g_assert_cmpstr (listed, ==, "1\tquarter\t2024-Q2\tSở Giáo dục và Đào tạo\tsub-units\t-\n");

  /* an edit changes only what is given */
  g_free (run_ok (f, "report-save", id, "--without-sub-units", "--proposals", "Tăng kinh phí.", NULL));
  g_clear_pointer (&listed, g_free);
  listed = run_ok (f, "reports", NULL);
  g_assert_cmpstr (listed, ==, "1\tquarter\t2024-Q2\tSở Giáo dục và Đào tạo\t-\t-\n");

  /* the next report of the unit starts from its header */
  second = run_ok (f, "report-save", "--kind", "year", "--period", "2024", "--unit", "SGD", NULL);
  g_assert_cmpstr (second, ==, "2\n");

  /* issued: the next number, dated, in the register with its PDF */
  /* (a face standing in for Times New Roman may be said on stderr) */
  issue = cli ("--db", f->db, "report-issue", id, "--date", "05/07/2024", "--out", copy, NULL);
  g_assert_cmpint (issue->status, ==, 0);
  g_assert_true (g_str_has_prefix (issue->out, "Issued as 01/BC-SGDĐT: "));
  documents = run_ok (f, "documents", NULL);
  g_assert_nonnull (strstr (documents, "\tout\t"));
  g_assert_nonnull (strstr (documents, "Kết quả công tác đối ngoại, hội nhập và hợp tác quốc tế quý II năm 2024"));
  g_clear_pointer (&listed, g_free);
  listed = run_ok (f, "reports", NULL);
  g_assert_nonnull (strstr (listed, "1\tquarter\t2024-Q2\tSở Giáo dục và Đào tạo\t-\t01/BC-SGDĐT\n"));
  text = cli ("pdf-text", copy, NULL);
  assert_success (text);
  g_assert_nonnull (strstr (text->out, "Lào Cai, ngày 05 tháng 7 năm 2024"));
  g_assert_nonnull (strstr (text->out, "Các nhiệm vụ được triển khai kịp thời."));
  g_assert_nonnull (strstr (text->out, "Tăng kinh phí."));
  g_assert_nonnull (strstr (text->out, "KT. GIÁM ĐỐC"));

  /* deleted: the register keeps what was issued */
  g_free (run_ok (f, "report-delete", id, NULL));
  g_clear_pointer (&listed, g_free);
  listed = run_ok (f, "reports", NULL);
  g_assert_cmpstr (listed, ==, "2\tyear\t2024\tSở Giáo dục và Đào tạo\t-\t-\n");
  g_clear_pointer (&documents, g_free);
  documents = run_ok (f, "documents", NULL);
  g_assert_nonnull (strstr (documents, "quý II năm 2024"));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_free (run_ok (f, "report-save", "--kind", "quarter", "--period", "2024-Q2", "--unit", "SGD", NULL));
  assert_refused (f, 2, "--kind", "report-save", "--period", "2024-Q2", "--unit", "SGD");
  assert_refused (f, 2, "month", "report-save", "--kind", "month", "--period", "2024", "--unit", "SGD");
  assert_refused (f, 1, "2024-Q5", "report-save", "--kind", "quarter", "--period", "2024-Q5", "--unit", "SGD");
  assert_refused (f, 1, "XYZ", "report-save", "--kind", "quarter", "--period", "2024-Q2", "--unit", "XYZ");
  assert_refused (f, 2, "boss", "report-save", "1", "--sign", "boss");
  assert_refused (f, 2, "not both", "report-save", "1", "--with-sub-units", "--without-sub-units");
  assert_refused (f, 1, "31/02/2024", "report-save", "1", "--date", "31/02/2024");
  assert_refused (f, 1, "#9", "report-save", "9", "--proposals", "x");
  assert_refused (f, 2, "abc", "report-delete", "abc");
  assert_refused (f, 1, "#9", "report-delete", "9");
  assert_refused (f, 1, "#9", "report-issue", "9");
  assert_refused (f, 2, ".pdf", "report-issue", "1", "--out", "x.txt");
  assert_refused (f, 1, "31/02/2024", "report-issue", "1", "--date", "31/02/2024");
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/reports/save-issue", test_save_issue);
  ADD ("/cli/reports/refused", test_refused);
  return cli_tests_run (user_dirs);
}
