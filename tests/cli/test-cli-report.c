/* test-cli-report.c: doingoai-cli report, a period's report as a PDF: its
 * text read back from the file, its figures against the database, an
 * empty period, a kept report, and refusals that leave no file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-report"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-store-reports.h"
#include "dn-test-utils.h"

/* Writes the report the arguments ask for into the fixture's folder as
 * @name; its text (pdf-text). A substitute font may be said on stderr. */
static char *
report_text (Fixture    *f,
             const char *name,
             ...) G_GNUC_NULL_TERMINATED;
static char *
report_text (Fixture    *f,
             const char *name,
             ...)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) text = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--today");
  g_ptr_array_add (args, (gpointer) "2024-05-10");
  g_ptr_array_add (args, (gpointer) "report");
  va_start (ap, name);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--out");
  g_ptr_array_add (args, path);
  g_ptr_array_add (args, NULL);
  run = dn_cli_runv (cli_path, NULL, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, path));
  g_assert_nonnull (strstr (run->out, " page"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  text = cli ("pdf-text", path, NULL);
  assert_success (text);
  return g_steal_pointer (&text->out);
}

/* The words of a PDF's text, its line breaks as spaces */
static char *
flat (char *text)
{
  g_strdelimit (text, "\n\f", ' ');
  return text;
}

static void
test_quarter (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = flat (report_text (f, "q2.pdf", "--kind", "quarter", "--period", "2024-Q2", "--unit", "SGD",
                                             "--with-sub-units", NULL));
  gint64 n = dn_test_query_file_int (f->db, "SELECT count(*) FROM task WHERE deleted = 0 AND status <> 'cancelled' "
                                            "AND due_date BETWEEN '2024-04-01' AND '2024-06-30'");
  g_autofree char *count = g_strdup_printf ("có %lld nhiệm vụ có thời hạn hoàn thành trong kỳ", (long long) n);

  g_assert_cmpint (n, ==, 1);
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (text, "BÁO CÁO"));
  g_assert_nonnull (strstr (text, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
  g_assert_nonnull (strstr (text, "quý II năm 2024"));
  g_assert_nonnull (strstr (text, count));
  /* the task, overdue on the report's day, and its lead unit */
  g_assert_nonnull (strstr (text, "Rà soát hộ chiếu công vụ"));
  g_assert_nonnull (strstr (text, "Văn phòng Sở"));
  g_assert_nonnull (strstr (text, "Quá hạn"));
  g_assert_nonnull (strstr (text, "I. KẾT QUẢ THỰC HIỆN"));
  g_assert_nonnull (strstr (text, "IV. ĐỀ XUẤT, KIẾN NGHỊ"));
  g_assert_nonnull (strstr (text, "Nơi nhận:"));

  /* without its sub-units, the department leads none of them */
  g_free (text);
  text = flat (report_text (f, "q2-own.pdf", "--kind", "quarter", "--period", "2024-Q2", "--unit", "SGD", NULL));
  g_assert_nonnull (strstr (text, "không có nhiệm vụ nào"));
}

/* A period without data: a valid report that says so. */
static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = flat (report_text (f, "empty.pdf", "--kind", "tt19-half", "--period", "2031", "--unit",
                                             "SGD", "--with-sub-units", NULL));

  g_assert_nonnull (strstr (text, "6 tháng đầu năm 2031 (từ ngày 16/11/2030 đến ngày 15/05/2031)"));
  g_assert_nonnull (strstr (text, "không có nhiệm vụ nào"));
  g_assert_nonnull (strstr (text, "không có đoàn cán bộ đi công tác nước ngoài"));
  g_assert_nonnull (strstr (text, "không có đoàn nước ngoài đến làm việc"));
  g_assert_nonnull (strstr (text, "không có dự án hợp tác nào"));
}

/* A report kept in the database: what the officer wrote and its header. */
static void
test_kept (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *text = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_NO_CREATE, &error);
    g_autoptr(DnReport) report = dn_report_new ();

    g_assert_no_error (error);
    report->kind = DN_REPORT_QUARTER;
    g_free (report->period);
    report->period = g_strdup ("2024-Q1");
    report->unit_id = 1;
    report->report_date = dn_test_date (2024, 4, 5);
    report->sign = DN_SIGN_DEPUTY;
#define SET(field, text) G_STMT_START { g_free (report->field); report->field = g_strdup (text); } G_STMT_END
    SET (assessment, "Các nhiệm vụ trọng tâm được triển khai kịp thời.");
    SET (parent_body, "UBND TỈNH LÀO CAI");
    SET (issuing_body, "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    SET (symbol, "BC-SGDĐT");
    SET (place, "Lào Cai");
    SET (recipients, "Bộ GD&ĐT (để b/c)");
    SET (head_title, "GIÁM ĐỐC");
    SET (signer_title, "PHÓ GIÁM ĐỐC");
    SET (signer_name, "Nguyễn Văn An");
#undef SET
    g_assert_true (dn_store_add_report (store, report, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->id, ==, 1);
  }
  text = flat (report_text (f, "kept.pdf", "--report", "1", NULL));
  g_assert_nonnull (strstr (text, "UBND TỈNH LÀO CAI"));
  g_assert_nonnull (strstr (text, "Lào Cai, ngày 05 tháng 4 năm 2024"));
  g_assert_nonnull (strstr (text, "/BC-SGDĐT"));
  g_assert_nonnull (strstr (text, "quý I năm 2024"));
  g_assert_nonnull (strstr (text, "Các nhiệm vụ trọng tâm được triển khai kịp thời."));
  g_assert_nonnull (strstr (text, "KT. GIÁM ĐỐC"));
  g_assert_nonnull (strstr (text, "PHÓ GIÁM ĐỐC"));
  g_assert_nonnull (strstr (text, "Nguyễn Văn An"));
  g_assert_nonnull (strstr (text, "Bộ GD&ĐT (để b/c);"));
}

/* Refusals: exit 1 (2 for usage), the reason, no file left behind. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "r.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *text = g_build_filename (f->dir, "r.txt", NULL);

  assert_refused (f, 1, "2024-Q5", "report", "--kind", "quarter", "--period", "2024-Q5", "--unit", "SGD", "--out",
                  out);
  assert_refused (f, 1, "XYZ", "report", "--kind", "year", "--period", "2024", "--unit", "XYZ", "--out", out);
  assert_refused (f, 1, "no-such-folder", "report", "--kind", "year", "--period", "2024", "--unit", "SGD", "--out",
                  nowhere);
  assert_refused (f, 1, "#99", "report", "--report", "99", "--out", out);
  assert_refused (f, 2, "month", "report", "--kind", "month", "--period", "2024", "--unit", "SGD", "--out", out);
  assert_refused (f, 2, ".pdf", "report", "--kind", "year", "--period", "2024", "--unit", "SGD", "--out", text);
  assert_refused (f, 2, "--out", "report", "--kind", "year", "--period", "2024", "--unit", "SGD");
  assert_refused (f, 2, "--unit", "report", "--kind", "year", "--period", "2024", "--out", out);
  assert_refused (f, 2, "--report", "report", "--report", "1", "--kind", "year", "--out", out);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
  /* nothing half-written either */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, "r.pdf"));
  }
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/report/quarter", test_quarter);
  ADD ("/cli/report/empty-period", test_empty_period);
  ADD ("/cli/report/kept", test_kept);
  ADD ("/cli/report/refused", test_refused);
  return cli_tests_run (user_dirs);
}
