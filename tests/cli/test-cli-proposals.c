/* test-cli-proposals.c: doingoai-cli propose-tasks, on a directive written
 * here, on the sample directive of Lào Cai over the demo data, on a PDF;
 * refusals exit 1 (2 for usage) with the reason and change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-proposals"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-legacy-text.h"
#include "dn-pdf-test-utils.h"
#include "dn-test-utils.h"

/* On the small fixture's units (SGD, VP, PGD-BX, GDTrH…) */
static const char directive[] =
  "I. Mục đích\n"
  "- Nâng cao nhận thức.\n"
  "II. Nội dung\n"
  "- Tổ chức hội nghị báo chí 02 lần/năm.\n"
  "- Phối hợp với Phòng GD&ĐT Bát Xát tổ chức tiếp xúc trước ngày 15/12/2024.\n"
  "III. Tổ chức thực hiện\n"
  "1. Văn phòng Sở: Làm đầu mối theo dõi, đôn đốc.\n"
  "2. Phòng Giáo dục Trung học: Chủ trì bồi dưỡng ngoại ngữ.\n"
  "Trên đây là hướng dẫn.\n";

static char *
write_directive (Fixture    *f,
                 const char *name,
                 const char *text,
                 gssize      len)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_propose (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_directive (f, "huong-dan.txt", directive, -1);
  g_autofree char *before = state_of (f);
  g_autofree char *out = run_ok (f, "propose-tasks", path, NULL);

  g_assert_cmpstr (out, ==,
                   "II\tVP\t\ttwice_yearly\tTổ chức hội nghị báo chí 02 lần/năm\n"
                   "II\tVP\tPGD-BX\t\tPhối hợp với Phòng GD&ĐT Bát Xát tổ chức tiếp xúc trước ngày 15/12/2024\n"
                   "III.1\tVP\t\t\tTheo dõi, đôn đốc\n"
                   "III.2\tGDTrH\t\t\tBồi dưỡng ngoại ngữ\n");
  /* only read */
  assert_state (f, before);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_directive (f, "huong-dan.txt", directive, -1);
  g_autofree char *out = run_ok (f, "propose-tasks", "--create", "--document", "1", "--due", "30/6/2025", path, NULL);
  g_auto(GStrv) ids = g_strsplit (out, "\n", -1);
  g_autofree char *shown = NULL;

  g_assert_cmpuint (g_strv_length (ids), ==, 5);
  g_assert_cmpstr (ids[4], ==, "");
  shown = run_ok (f, "task", "show", ids[1], NULL);
  g_assert_nonnull (strstr (shown, "title\tPhối hợp với Phòng GD&ĐT Bát Xát tổ chức tiếp xúc trước ngày 15/12/2024\n"));
  g_assert_nonnull (strstr (shown, "due\t2024-12-15\n"));
  g_assert_nonnull (strstr (shown, "lead\tVP\n"));
  g_assert_nonnull (strstr (shown, "support\tPGD-BX\n"));
  g_free (shown);
  shown = run_ok (f, "task", "show", ids[0], NULL);
  g_assert_nonnull (strstr (shown, "due\t2025-06-30\n"));
  g_assert_nonnull (strstr (shown, "recurrence\ttwice_yearly\n"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM task WHERE document_id = 1 AND id >= %s", ids[0]);
    g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_READ_ONLY, NULL);

    g_assert_nonnull (store);
    g_assert_cmpint (dn_test_query_int (store, "%s", sql), ==, 4);
  }
}

/* The directive as an old .txt file typed in TCVN3 (its bytes), and as
 * that text pasted into a UTF-8 file: read converted, said on stderr, the
 * same proposals */
static void
test_legacy (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *mojibake = dn_legacy_text_encode (directive, DN_LEGACY_ENCODING_TCVN3, NULL);
  g_autofree char *bytes = NULL;
  gsize n_bytes = 0;
  g_autofree char *plain = write_directive (f, "unicode.txt", directive, -1);
  g_autofree char *old = NULL, *pasted = NULL;

  g_assert_nonnull (mojibake);
  bytes = g_convert (mojibake, -1, "WINDOWS-1252", "UTF-8", NULL, &n_bytes, NULL);
  g_assert_nonnull (bytes);
  old = write_directive (f, "cu.txt", bytes, (gssize) n_bytes);
  pasted = write_directive (f, "dan.txt", mojibake, -1);
  expected = run_ok (f, "propose-tasks", plain, NULL);
  g_assert_cmpstr (expected, !=, "");
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(CliRun) run = cli ("--db", f->db, "propose-tasks", i == 0 ? old : pasted, NULL);

      /* a success that says what it did */
      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->out, ==, expected);
      g_assert_nonnull (strstr (run->err, "is typed in TCVN3 (ABC): read converted to Unicode."));
    }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_directive (f, "huong-dan.txt", directive, -1);
  g_autofree char *missing = g_build_filename (f->dir, "khong-co.pdf", NULL);
  g_autofree char *fake = write_directive (f, "hong.pdf", "%PDF-1.4\nnot really a PDF\n", -1);
  g_autofree char *latin1 = write_directive (f, "cu.txt", "I. M\xf4\x63 \xe9ich\n", -1);

  assert_refused (f, 1, "Cannot read", "propose-tasks", missing);
  assert_refused (f, 1, "hong.pdf", "propose-tasks", fake);
  assert_refused (f, 1, "neither a PDF file nor text in UTF-8 (or in TCVN3 or VNI)", "propose-tasks", latin1);
  /* a recurring task without a deadline: nothing is created */
  assert_refused (f, 1, "Proposal 1 (II)", "propose-tasks", "--create", path);
  assert_refused (f, 1, "Proposal 1 (II)", "propose-tasks", "--create", "--document", "999", "--due", "2025-06-30", path);
  /* usage */
  assert_refused (f, 2, "--create", "propose-tasks", "--document", "1", path);
  assert_refused (f, 2, "--due", "propose-tasks", "--create", "--due", "31/02/2025", path);
  assert_refused (f, 2, "one file", "propose-tasks", NULL);
}

/* The text of a PDF: read through the renderer (this one has no parts:
 * no proposal) */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "van-ban.pdf", NULL);
  g_autofree char *out = NULL;

  dn_pdf_test_write (pdf, 2, "Hướng dẫn", FALSE);
  out = run_ok (f, "propose-tasks", pdf, NULL);
  g_assert_cmpstr (out, ==, "");
}

/* The sample directive of Lào Cai on the demo's units */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "demo.db", NULL);
  g_autofree char *sample = g_build_filename (data_dir, "directives", "huong-dan-doi-ngoai-lao-cai-2018-2019.txt", NULL);
  g_autoptr(CliRun) init = cli ("--db", db, "init", NULL);
  g_autoptr(CliRun) demo = cli ("--db", db, "demo", NULL);
  g_autoptr(CliRun) run = cli ("--db", db, "propose-tasks", sample, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (init->status, ==, 0);
  g_assert_cmpint (demo->status, ==, 0);
  assert_success (run);
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 30);
  g_assert_cmpstr (lines[1], ==, "II.1\tVP\tBTG-TU\t\tChủ động phối hợp với Ban Tuyên giáo Tỉnh ủy, các cơ quan thông tấn, "
                                 "báo đài thực hiện công tác thông tin, truyền thông về chủ trương, giải pháp trong quản lý "
                                 "và đổi mới giáo dục đào tạo");
  g_assert_cmpstr (lines[19], ==, "III.1.2\tVP\tGDCN,GDTrH,KHTC,TCCB,TTRA\tquarterly\tPhối hợp với Văn phòng Sở thực "
                                  "hiện báo cáo công tác thông tin, đối ngoại và hợp tác quốc tế theo quý và theo năm");
  g_assert_cmpstr (lines[26], ==, "III.2\tVP\tPGD-BT,PGD-BX,PGD-SP,PGD-TPLC\tsemester\tThực hiện chế độ báo cáo về công "
                                  "tác hoạt động đối ngoại, hội nhập và hợp tác quốc tế tích hợp vào báo cáo sơ kết học kỳ "
                                  "và báo cáo tổng kết năm học");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = NULL;
  int status;

  user_dirs = dn_test_isolate_user_dirs ();
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("DN_TEST_CLI");
  data_dir = g_getenv ("DN_TEST_DATA_DIR");
  if (data_dir == NULL)
    data_dir = TEST_DATA_DIR;
  if (cli_path == NULL)
    g_error ("run this through meson test: DN_TEST_CLI is not set");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/propose-tasks/propose", test_propose);
  ADD ("/cli/propose-tasks/create", test_create);
  ADD ("/cli/propose-tasks/refused", test_refused);
  ADD ("/cli/propose-tasks/legacy", test_legacy);
  ADD ("/cli/propose-tasks/pdf", test_pdf);
  ADD ("/cli/propose-tasks/sample", test_sample);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
