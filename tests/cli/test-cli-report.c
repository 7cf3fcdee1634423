/* test-cli-report.c: doingoai-cli report, a period's report as a PDF: its
 * text read back from the file, its figures against the database, an
 * empty period, a kept report, and refusals that leave no file; the same
 * report as ODT and its tables as a workbook or CSV, written together or
 * not at all
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

/* The bytes of @path (which must exist) */
static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* --out, --odt and --xlsx together; each alone */
static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "q2.pdf", NULL);
  g_autofree char *odt = g_build_filename (f->dir, "q2.odt", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "q2.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "q2.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data_odt;
  gsize size;

  run = cli ("--db", f->db, "--today", "2024-05-10", "report", "--kind", "quarter", "--period", "2024-Q2", "--unit",
             "SGD", "--with-sub-units", "--out", pdf, "--odt", odt, "--xlsx", xlsx, NULL);
  g_assert_cmpint (run->status, ==, 0);
  expected = g_strdup_printf ("%s\n%s\n", odt, xlsx);
  g_assert_true (g_str_has_prefix (run->out, pdf));
  g_assert_true (g_str_has_suffix (run->out, expected));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* an OpenDocument file: its type stored first, where tools look for it */
  bytes = file_bytes (odt);
  data_odt = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (data_odt, 4, "PK\x03\x04", 4);
  g_assert_cmpmem (data_odt + 30, 47, "mimetypeapplication/vnd.oasis.opendocument.text", 47);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = file_bytes (xlsx);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "PK\x03\x04", 4);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* the tables alone, as CSV: the byte-order mark, the caption, the header */
  g_clear_pointer (&run, dn_cli_run_free);
  run = cli ("--db", f->db, "--today", "2024-05-10", "report", "--kind", "quarter", "--period", "2024-Q2", "--unit",
             "SGD", "--with-sub-units", "--xlsx", csv, NULL);
  g_assert_cmpint (run->status, ==, 0);
  bytes = file_bytes (csv);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFKết quả theo đơn vị chủ trì\r\n"
                                           "STT,Đơn vị chủ trì,Số nhiệm vụ,Hoàn thành,Quá hạn\r\n1,Văn phòng Sở,1,0,1\r\n"));
    g_assert_nonnull (strstr (text, "\r\n\r\nDanh mục nhiệm vụ\r\nSTT,Mục,Nhiệm vụ,Đơn vị chủ trì,Thời hạn,Tình trạng\r\n"));
    g_assert_nonnull (strstr (text, "Rà soát hộ chiếu công vụ"));
  }
}

/* One output that cannot be written: exit 1, none of the outputs left,
 * a file there before kept as it was */
static void
test_all_or_none (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "r.pdf", NULL);
  g_autofree char *odt = g_build_filename (f->dir, "r.odt", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "r.xlsx", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "r.odt", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder.xlsx", NULL);
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;

  /* an ODT path in a folder that does not exist */
  assert_refused (f, 1, "no-such-folder", "report", "--kind", "year", "--period", "2024", "--unit", "SGD", "--out", pdf,
                  "--odt", nowhere, "--xlsx", xlsx);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  /* a workbook whose name is a folder's: the PDF written before it goes,
   * the one that was there stays */
  g_assert_true (g_file_set_contents (pdf, "the PDF of last year", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_refused (f, 1, "a-folder.xlsx", "report", "--kind", "year", "--period", "2024", "--unit", "SGD", "--out", pdf,
                  "--odt", odt, "--xlsx", folder);
  g_assert_true (g_file_get_contents (pdf, &old, NULL, &error));
  g_assert_cmpstr (old, ==, "the PDF of last year");
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    /* no temporary file left */
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, ".part"));
  }

  /* usage: the formats each option writes, one output at least */
  assert_refused (f, 2, ".odt", "report", "--kind", "year", "--period", "2024", "--unit", "SGD", "--odt", pdf);
  assert_refused (f, 2, ".xlsx", "report", "--kind", "year", "--period", "2024", "--unit", "SGD", "--xlsx", odt);
  assert_refused (f, 2, "--odt", "report", "--report", "1");
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
  ADD ("/cli/report/formats", test_formats);
  ADD ("/cli/report/all-or-none", test_all_or_none);
  return cli_tests_run (user_dirs);
}
