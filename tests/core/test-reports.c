/* test-reports.c: the reports kept and each unit's report header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reports"

#include "config.h"

#include "dn-store-documents.h"
#include "dn-store-reports.h"
#include "dn-store-settings.h"
#include "dn-test-utils.h"

static DnReport *
new_report (gint64      unit,
            DnReportKind kind,
            const char *period)
{
  DnReport *report = dn_report_new ();

  report->unit_id = unit;
  report->kind = kind;
  g_free (report->period);
  report->period = g_strdup (period);
  return report;
}

/* Saved, read back, changed, listed the last changed first, deleted. */
static void
test_add_get_update_delete (DnTestStore   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 unit = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  g_autoptr(DnReport) report = new_report (unit, DN_REPORT_QUARTER, "2024-Q1");
  g_autoptr(DnReport) second = new_report (unit, DN_REPORT_TT19_HALF, "2024");
  g_autoptr(DnReport) read = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_true (report->with_sub_units);
  g_free (report->assessment);
  report->assessment = g_strdup ("Công tác đối ngoại được triển khai đúng kế hoạch.");
  g_free (report->place);
  report->place = g_strdup ("Lào Cai");
  report->sign = DN_SIGN_DEPUTY;
  report->report_date = dn_test_date (2024, 4, 5);
  g_assert_true (dn_store_add_report (fixture->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->id, >, 0);

  read = dn_store_get_report (fixture->store, report->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->kind, ==, DN_REPORT_QUARTER);
  g_assert_cmpstr (read->period, ==, "2024-Q1");
  g_assert_cmpstr (read->unit_name, ==, "Sở Giáo dục và Đào tạo");
  g_assert_true (read->with_sub_units);
  g_assert_cmpstr (read->assessment, ==, report->assessment);
  g_assert_cmpint (read->sign, ==, DN_SIGN_DEPUTY);
  dn_test_assert_date (&read->report_date, 2024, 4, 5);
  g_assert_cmpint (read->document_id, ==, 0);

  g_assert_true (dn_store_add_report (fixture->store, second, &error));
  g_free (read->proposals);
  read->proposals = g_strdup ("Đề nghị Bộ hỗ trợ kinh phí.");
  read->with_sub_units = FALSE;
  dn_test_exec (fixture->store, "UPDATE report SET updated_at = '2000-01-01T00:00:00Z'");
  g_assert_true (dn_store_update_report (fixture->store, read, &error));
  g_assert_no_error (error);
  all = dn_store_list_reports (fixture->store, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((DnReport *) all->pdata[0])->id, ==, read->id);
  g_assert_false (((DnReport *) all->pdata[0])->with_sub_units);
  g_assert_cmpstr (((DnReport *) all->pdata[0])->proposals, ==, "Đề nghị Bộ hỗ trợ kinh phí.");

  g_assert_true (dn_store_delete_report (fixture->store, second->id, &error));
  g_assert_no_error (error);
  g_assert_null (dn_store_get_report (fixture->store, second->id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

/* The header a unit's report was saved with comes back for its next one;
 * a unit never reported gets its name and the agency's symbol. */
static void
test_header (DnTestStore   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 dept = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 office = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, dept);
  g_autoptr(DnReport) first = new_report (dept, DN_REPORT_QUARTER, "2024-Q1");
  g_autoptr(DnReport) next = new_report (dept, DN_REPORT_QUARTER, "2024-Q2");
  g_autoptr(DnReport) other = new_report (office, DN_REPORT_YEAR, "2024");

  g_assert_true (dn_store_set_agency_abbreviation (fixture->store, "SGDĐT", &error));
  g_assert_true (dn_store_fill_report_header (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first->issuing_body, ==, "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
  g_assert_cmpstr (first->symbol, ==, "BC-SGDĐT");

  g_free (first->parent_body);
  first->parent_body = g_strdup ("UBND TỈNH LÀO CAI");
  g_free (first->recipients);
  first->recipients = g_strdup ("Bộ GD&ĐT (để b/c)\nUBND tỉnh (để b/c)");
  g_free (first->head_title);
  first->head_title = g_strdup ("GIÁM ĐỐC");
  g_free (first->signer_title);
  first->signer_title = g_strdup ("PHÓ GIÁM ĐỐC");
  g_free (first->signer_name);
  first->signer_name = g_strdup ("Nguyễn Văn An");
  first->sign = DN_SIGN_DEPUTY;
  g_assert_true (dn_store_add_report (fixture->store, first, &error));
  g_assert_no_error (error);

  g_assert_true (dn_store_fill_report_header (fixture->store, next, &error));
  g_assert_cmpstr (next->parent_body, ==, "UBND TỈNH LÀO CAI");
  g_assert_cmpstr (next->recipients, ==, "Bộ GD&ĐT (để b/c)\nUBND tỉnh (để b/c)");
  g_assert_cmpstr (next->signer_name, ==, "Nguyễn Văn An");
  g_assert_cmpint (next->sign, ==, DN_SIGN_DEPUTY);
  /* what the officer writes is not part of the header */
  g_assert_cmpstr (next->assessment, ==, "");

  /* another unit has its own */
  g_assert_true (dn_store_fill_report_header (fixture->store, other, &error));
  g_assert_cmpstr (other->issuing_body, ==, "VĂN PHÒNG SỞ");
  g_assert_cmpstr (other->signer_name, ==, "");
}

/* A malformed period, an unknown unit, a field too long: refused with a
 * clear error, nothing written. */
static void
test_refused (DnTestStore   *fixture,
              gconstpointer  data)
{
  gint64 unit = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  g_autofree char *before = dn_test_row_counts (fixture->store);
  g_autofree char *after = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnReport) report = new_report (unit, DN_REPORT_QUARTER, "2024-Q5");

    g_assert_false (dn_store_add_report (fixture->store, report, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2024-Q5"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnReport) report = new_report (unit + 100, DN_REPORT_QUARTER, "2024-Q1");

    g_assert_false (dn_store_add_report (fixture->store, report, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnReport) report = new_report (unit, DN_REPORT_QUARTER, "2024-Q1");

    g_free (report->symbol);
    report->symbol = g_strnfill (DN_TEXT_MAX_SHORT + 1, 'X');
    g_assert_false (dn_store_add_report (fixture->store, report, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  }
  after = dn_test_row_counts (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* Issuing: numbered in the outgoing register with its PDF, in one
 * transaction; a number taken meanwhile writes nothing */
static void
test_issue (DnTestStore   *fixture,
            gconstpointer  data)
{
  gint64 unit = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  g_autoptr(DnReport) report = new_report (unit, DN_REPORT_QUARTER, "2024-Q1");
  g_autoptr(DnReport) read = NULL;
  g_autoptr(DnDocument) issued = NULL;
  g_autoptr(DnDocument) other = dn_document_new ();
  g_autoptr(DnAttachment) pdf_attached = NULL;
  g_autoptr(GPtrArray) register_2024 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "r.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  int number;
  gint64 first;

  g_assert_true (g_file_set_contents (pdf_path, "%PDF-1.5\n%test\n", -1, NULL));
  g_free (report->symbol);
  report->symbol = g_strdup ("BC-SGDĐT");
  g_free (report->issuing_body);
  report->issuing_body = g_strdup ("SỞ GIÁO DỤC VÀ ĐÀO TẠO");

  /* kept and dated first */
  g_assert_false (dn_store_issue_report (fixture->store, report, 1, "Báo cáo", pdf, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dn_store_add_report (fixture->store, report, &error));
  g_assert_no_error (error);
  g_assert_false (dn_store_issue_report (fixture->store, report, 1, "Báo cáo", pdf, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  report->report_date = dn_test_date (2024, 4, 5);

  number = dn_store_next_report_number (fixture->store, report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, 1);
  g_assert_true (dn_store_issue_report (fixture->store, report, number, "Kết quả quý I", pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->document_id, >, 0);
  read = dn_store_get_report (fixture->store, report->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->document_id, ==, report->document_id);
  g_assert_true (g_date_valid (&read->report_date));
  issued = dn_store_get_document (fixture->store, report->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (issued->direction, ==, DN_DIRECTION_OUTGOING);
  g_assert_cmpint (issued->type, ==, DN_DOCUMENT_TYPE_REPORT);
  g_assert_cmpstr (issued->number, ==, "01");
  g_assert_cmpstr (issued->symbol, ==, "BC-SGDĐT");
  g_assert_cmpstr (issued->subject, ==, "Kết quả quý I");
  pdf_attached = dn_store_find_document_pdf (fixture->store, issued->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf_attached);
  first = report->document_id;

  /* another document took number 2 since the PDF was written with it:
   * refused, nothing written, the report still points to its first issue */
  other->direction = DN_DIRECTION_OUTGOING;
  other->type = DN_DOCUMENT_TYPE_REPORT;
  other->issue_date = dn_test_date (2024, 4, 6);
  g_free (other->symbol);
  other->symbol = g_strdup ("BC-SGDĐT");
  g_free (other->issuer);
  other->issuer = g_strdup ("SỞ GIÁO DỤC VÀ ĐÀO TẠO");
  g_free (other->subject);
  other->subject = g_strdup ("Một báo cáo khác");
  g_assert_true (dn_store_register_document (fixture->store, other, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (other->number, ==, "02");
  g_assert_false (dn_store_issue_report (fixture->store, report, 2, "Kết quả quý I", pdf, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (report->document_id, ==, first);
  register_2024 = dn_store_list_register (fixture->store, DN_DIRECTION_OUTGOING, 2024, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (register_2024->len, ==, 2);

  /* issued again, corrected: a new number, the earlier entry kept */
  number = dn_store_next_report_number (fixture->store, report, &error);
  g_assert_cmpint (number, ==, 3);
  g_assert_true (dn_store_issue_report (fixture->store, report, number, "Kết quả quý I", pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->document_id, !=, first);
  g_clear_pointer (&register_2024, g_ptr_array_unref);
  register_2024 = dn_store_list_register (fixture->store, DN_DIRECTION_OUTGOING, 2024, FALSE, &error);
  g_assert_cmpuint (register_2024->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/reports/add-get-update-delete", test_add_get_update_delete);
  DN_TEST_ADD ("/reports/header", test_header);
  DN_TEST_ADD ("/reports/refused", test_refused);
  DN_TEST_ADD ("/reports/issue", test_issue);
  return g_test_run ();
}
