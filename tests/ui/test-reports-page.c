/* test-reports-page.c: the Reports section in the real window, on the
 * demo data: the preview built off the main thread with its figures,
 * another period, what the officer writes reaching the PDF, keeping and
 * reopening, issuing into the outgoing register, cancelling a build, and
 * a period that is not one; driven through the section's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reports-page"

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include <gtk/gtk.h>

#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-pdf-view.h"
#include "dn-reports-page.h"
#include "dn-store-documents.h"
#include "dn-store-reports.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

static gboolean
built_cb (gpointer data)
{
  return !dn_reports_page_is_building (data) && dn_reports_page_get_n_pages (data) > 0;
}

static void
wait_built (DnReportsPage *page)
{
  g_assert_true (dn_ui_wait_until (built_cb, page, 20000));
}

static gboolean
shown_cb (gpointer data)
{
  return dn_pdf_view_get_document (data) != NULL;
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (dn_ui_get_named (root, name)));
}

/* The text of every page of the PDF at @path */
static char *
pdf_text (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

static void
set_view_text (gpointer    root,
               const char *name,
               const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (dn_ui_get_named (root, name));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
test_section (DnTestStore   *fixture,
              gconstpointer  data)
{
  GDate today = dn_test_date (2026, 11, 20);
  g_autoptr(GError) error = NULL;
  g_autofree char *q3_figures = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "báo cáo.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(DnReport) report = NULL;
  g_autoptr(DnDocument) issued = NULL;
  g_autoptr(DnAttachment) attached = NULL;
  DnWindow *window;
  DnReportsPage *page;
  GtkWindow *dialog;
  gint64 id;

  dn_date_set_today (&today);
  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);

  window = dn_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "reports");
  page = DN_REPORTS_PAGE (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_REPORTS_PAGE));
  g_assert_nonnull (page);

  /* a new report of this quarter opens, built off the main thread */
  wait_built (page);
  g_assert_cmpint (dn_reports_page_get_report (page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (
                     dn_ui_get_named (page, "report-preview")))), ==, "preview");
  g_assert_true (dn_ui_wait_until (shown_cb, dn_ui_get_named (page, "report-preview"), 10000));
  q3_figures = g_strdup (label_text (page, "report-figures"));
  g_assert_nonnull (strstr (q3_figures, "due in the period"));

  /* the quarter before, which the demo fills: other figures */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_named (page, "report-period")), 2);
  g_assert_true (dn_reports_page_is_building (page));
  wait_built (page);
  g_assert_cmpstr (label_text (page, "report-figures"), !=, q3_figures);

  /* what the officer writes is in the document */
  set_view_text (page, "report-assessment", "Hoàn thành tốt kế hoạch hợp tác quốc tế của ngành.");
  wait_built (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.save-pdf-to", "s", pdf));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Hoàn thành tốt kế hoạch hợp tác quốc tế của ngành."));
  g_assert_nonnull (strstr (text, "quý III năm 2026"));
  g_assert_nonnull (strstr (text, "Độc lập - Tự do - Hạnh phúc"));
  /* for a word processor, and its tables for a spreadsheet */
  {
    g_autofree char *odt = g_build_filename (fixture->dir, "báo cáo.odt", NULL);
    g_autofree char *xlsx = g_build_filename (fixture->dir, "bảng.xlsx", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.save-odt-to", "s", odt));
    g_assert_true (g_file_get_contents (odt, &contents, &length, NULL));
    g_assert_true (length > 38 && memcmp (contents, "PK\x03\x04", 4) == 0);
    g_assert_nonnull (memmem (contents, length, "application/vnd.oasis.opendocument.text", 39));
    g_clear_pointer (&contents, g_free);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.export-tables-to", "s", xlsx));
    g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
    g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
  }
  /* a place that cannot be written: said, nothing left */
  gtk_widget_activate_action (GTK_WIDGET (page), "report.save-pdf-to", "s", nowhere);
  dialog = dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), "The report was not saved"));
  gtk_window_destroy (dialog);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* kept, with its header for the unit's next report */
  gtk_expander_set_expanded (GTK_EXPANDER (dn_ui_get_named (page, "report-header")), TRUE);
  {
    g_autofree char *twice = dn_ui_mnemonics_used_twice (GTK_WINDOW (window));

    g_assert_cmpstr (twice, ==, "");
  }
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (page, "report-signer-name")), "Nguyễn Văn An");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.save", NULL));
  id = dn_reports_page_get_report (page);
  g_assert_cmpint (id, >, 0);
  kept = dn_store_list_reports (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  report = dn_store_get_report (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->period, ==, "2026-Q3");
  g_assert_cmpstr (report->assessment, ==, "Hoàn thành tốt kế hoạch hợp tác quốc tế của ngành.");
  g_assert_cmpstr (report->signer_name, ==, "Nguyễn Văn An");
  g_clear_object (&report);

  /* a new one starts empty; the kept one reopens with what was written */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.new", NULL));
  wait_built (page);
  g_assert_cmpint (dn_reports_page_get_report (page), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_named (page, "report-signer-name"))), ==,
                   "Nguyễn Văn An");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.open", "x", id));
  wait_built (page);
  g_assert_cmpint (dn_reports_page_get_report (page), ==, id);
  {
    GtkTextView *view = GTK_TEXT_VIEW (dn_ui_get_named (page, "report-assessment"));
    GtkTextIter start, end;
    g_autofree char *written = NULL;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
    written = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
    g_assert_cmpstr (written, ==, "Hoàn thành tốt kế hoạch hợp tác quốc tế của ngành.");
  }

  /* issued: numbered, dated, in the outgoing register with its PDF */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.issue", NULL));
  dialog = dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  dn_ui_spin (50);
  wait_built (page);
  report = dn_store_get_report (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->document_id, >, 0);
  g_assert_true (g_date_valid (&report->report_date));
  g_assert_cmpint (g_date_compare (&report->report_date, &today), ==, 0);
  issued = dn_store_get_document (fixture->store, report->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (issued->direction, ==, DN_DIRECTION_OUTGOING);
  g_assert_cmpint (issued->type, ==, DN_DOCUMENT_TYPE_REPORT);
  g_assert_cmpstr (issued->number, !=, "");
  g_assert_cmpstr (issued->symbol, ==, report->symbol);
  attached = dn_store_find_document_pdf (fixture->store, issued->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attached);
  {
    g_autoptr(GFile) file = dn_store_get_attachment_file (fixture->store, attached);
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *issued_text = pdf_text (path);
    g_autofree char *number_line = g_strdup_printf ("Số: %s/%s", issued->number, issued->symbol);

    /* the PDF in the register carries its number */
    g_assert_nonnull (strstr (issued_text, number_line));
  }

  /* a build can be cancelled: the window says so, nothing is shown as built */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.refresh", NULL));
  g_assert_true (dn_reports_page_is_building (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.cancel", NULL));
  g_assert_false (dn_reports_page_is_building (page));
  g_assert_cmpuint (dn_reports_page_get_n_pages (page), ==, 0);
  g_assert_nonnull (strstr (label_text (page, "report-message"), "cancelled"));

  /* a custom period whose end comes before its start is not one */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_named (page, "report-kind")), DN_REPORT_CUSTOM);
  dn_ui_set_text (page, "First day of the period", "30/06/2026");
  dn_ui_set_text (page, "Last day of the period", "01/04/2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.refresh", NULL));
  g_assert_nonnull (strstr (label_text (page, "report-message"), "first before the last"));
  g_assert_cmpuint (dn_reports_page_get_n_pages (page), ==, 0);
  dn_ui_set_text (page, "Last day of the period", "30/09/2026");
  wait_built (page);

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
  dn_date_set_today (NULL);
}

/* In Vietnamese: every label translated, no access key used twice */
static void
test_vietnamese (DnTestStore   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *twice = NULL;
  DnWindow *window;
  DnReportsPage *page;

  if (!dn_ui_use_vietnamese ())
    {
      g_test_skip ("the Vietnamese translation is not built");
      return;
    }
  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "reports");
  page = DN_REPORTS_PAGE (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_REPORTS_PAGE));
  wait_built (page);
  gtk_expander_set_expanded (GTK_EXPANDER (dn_ui_get_named (page, "report-header")), TRUE);
  twice = dn_ui_mnemonics_used_twice (GTK_WINDOW (window));
  g_assert_cmpstr (twice, ==, "");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (page), "Số liệu trong kỳ"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (page), "Phần đầu và chữ ký"));
  g_assert_nonnull (strstr (label_text (page, "report-figures"), "nhiệm vụ có hạn trong kỳ"));
  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);
  DN_TEST_ADD ("/reports-page/section", test_section);
  DN_TEST_ADD ("/reports-page/vietnamese", test_vietnamese);
  return g_test_run ();
}
