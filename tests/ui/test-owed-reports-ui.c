/* test-owed-reports-ui.c: the overview's card of the reports the units
 * have not sent: its figure and rows read on the query worker, the action
 * overview.remind-owed and its button, a row opening the task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-owed-reports-ui"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-overview-page.h"
#include "dn-pdf-test-utils.h"
#include "dn-owed-reports-card.h"
#include "dn-task-details.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

#define TIMEOUT_MS 30000

static gboolean
loaded_cb (gpointer page)
{
  return !dn_overview_page_is_loading (page);
}

/* A quarterly report asked of two offices, due ten days ago: one sent it,
 * the other is late; the task's id. */
static gint64
add_report_task (DnStore *store,
                 gint64  *late_unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  gint64 sgd = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 a = dn_test_add_unit (store, "PGDA", "Phòng GD&ĐT Bát Xát", DN_UNIT_KIND_DIVISION, sgd);
  gint64 b = dn_test_add_unit (store, "PGDB", "Phòng GD&ĐT Sa Pa", DN_UNIT_KIND_DIVISION, sgd);

  g_free (task->title);
  task->title = g_strdup ("Báo cáo quý công tác đối ngoại");
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  task->due_date = dn_test_today_plus (-10);
  task->lead_unit_id = a;
  g_array_append_val (task->support_unit_ids, b);
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);

  receipt->task_id = task->id;
  receipt->unit_id = a;
  g_assert_true (dn_store_record_report_received (store, receipt, NULL, &error));
  g_assert_no_error (error);
  *late_unit = b;
  return task->id;
}

static void
test_card_and_remind (DnTestStore   *f,
                      gconstpointer  data)
{
  gint64 late_unit = 0;
  gint64 task_id = add_report_task (f->store, &late_unit);
  DnWindow *window = dn_window_new (NULL, f->store);
  GtkWidget *overview, *card, *list, *button, *status;
  GtkListBoxRow *row;
  g_autofree char *reminders_sql = g_strdup_printf ("SELECT count(*) FROM reminder WHERE unit_id = %" G_GINT64_FORMAT
                                                    " AND task_id = %" G_GINT64_FORMAT, late_unit, task_id);

  dn_window_show_section (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_wait_for_frame (GTK_WIDGET (window), TIMEOUT_MS);
  overview = dn_window_get_section_page (window, "overview");
  dn_overview_page_reload (DN_OVERVIEW_PAGE (overview));
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (loaded_cb, overview, TIMEOUT_MS));

  /* the card says one report missing, the late unit's */
  g_assert_nonnull (dn_ui_find_by_label (overview, "Reports not received: 1"));
  card = dn_ui_find_type (overview, DN_TYPE_OWED_REPORTS_CARD);
  g_assert_nonnull (card);
  g_assert_cmpuint (dn_owed_reports_card_get_n_owed (DN_OWED_REPORTS_CARD (card)), ==, 1);
  list = dn_ui_get_by_label (card, "Units that have not reported");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  {
    GtkWidget *name = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (name)), "Phòng GD&ĐT Sa Pa — quý "));
  }
  /* the department's own deadlines under Circular 19 are listed */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (dn_ui_get_by_label (card,
                                                                "Report deadlines to come")), 0));

  /* the action reminds the late unit, once a day */
  status = dn_ui_get_named (card, "owed-reports-status");
  g_assert_cmpint (dn_test_query_int (f->store, "%s", reminders_sql), ==, 0);
  g_assert_true (gtk_widget_activate_action (overview, "overview.remind-owed", NULL));
  g_assert_cmpint (dn_test_query_int (f->store, "%s", reminders_sql), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   "1 reminder sent to the units that have not reported.");
  button = gtk_widget_get_ancestor (dn_ui_find_text (card, "Send Reminders"), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  dn_ui_click (button);
  dn_ui_spin (20);
  g_assert_cmpint (dn_test_query_int (f->store, "%s", reminders_sql), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Every unit listed has been reminded today already.");

  /* the late report received: the card empties itself */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();

    receipt->task_id = task_id;
    receipt->unit_id = late_unit;
    g_assert_true (dn_store_record_report_received (f->store, receipt, NULL, &error));
    g_assert_no_error (error);
  }
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (loaded_cb, overview, TIMEOUT_MS));
  g_assert_nonnull (dn_ui_find_by_label (overview, "Reports not received: 0"));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_visible (list));

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_destroy_all_windows ();
}

/* A row opens the task that asks for the report. */
static void
test_row_opens_task (DnTestStore   *f,
                     gconstpointer  data)
{
  gint64 late_unit = 0;
  gint64 task_id = add_report_task (f->store, &late_unit);
  DnWindow *window = dn_window_new (NULL, f->store);
  GtkWidget *overview, *list;
  GtkListBoxRow *row;
  GtkWindow *details;

  dn_window_show_section (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_wait_for_frame (GTK_WIDGET (window), TIMEOUT_MS);
  overview = dn_window_get_section_page (window, "overview");
  dn_overview_page_reload (DN_OVERVIEW_PAGE (overview));
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (loaded_cb, overview, TIMEOUT_MS));
  list = dn_ui_get_by_label (overview, "Units that have not reported");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  dn_ui_spin (200);
  details = dn_ui_find_window (DN_TYPE_TASK_DETAILS);
  g_assert_nonnull (details);
  g_assert_cmpint (dn_task_details_get_task (DN_TASK_DETAILS (details)), ==, task_id);

  dn_ui_destroy_all_windows ();
}

/* The report came: recorded from its row with its PDF, which enters the
 * incoming register; a file that is not a PDF is refused, nothing written */
static void
test_record_received (DnTestStore   *f,
                      gconstpointer  data)
{
  gint64 late_unit = 0;
  gint64 task_id = add_report_task (f->store, &late_unit);
  DnWindow *window = dn_window_new (NULL, f->store);
  g_autofree char *pdf = g_build_filename (f->dir, "báo cáo quý.pdf", NULL);
  g_autofree char *text = g_build_filename (f->dir, "ghi chú.txt", NULL);
  g_autofree char *receipts_sql = g_strdup_printf ("SELECT count(*) FROM report_receipt WHERE unit_id = %"
                                                   G_GINT64_FORMAT " AND task_id = %" G_GINT64_FORMAT,
                                                   late_unit, task_id);
  GtkWidget *overview, *card;
  GtkWindow *form;
  gint64 documents;

  dn_pdf_test_write (pdf, 1, "Báo cáo quý", FALSE);
  g_assert_true (g_file_set_contents (text, "không phải PDF", -1, NULL));
  dn_window_show_section (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_wait_for_frame (GTK_WIDGET (window), TIMEOUT_MS);
  overview = dn_window_get_section_page (window, "overview");
  dn_overview_page_reload (DN_OVERVIEW_PAGE (overview));
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (loaded_cb, overview, TIMEOUT_MS));
  card = dn_ui_find_type (overview, DN_TYPE_OWED_REPORTS_CARD);
  g_assert_nonnull (dn_ui_find_by_label (card, "Record the report of Phòng GD&ĐT Sa Pa as received"));
  documents = dn_test_query_int (f->store, "SELECT count(*) FROM document");

  g_assert_true (gtk_widget_activate_action (card, "owed.record-received", "u", 0));
  form = dn_ui_find_window (DN_TYPE_FORM_DIALOG);
  g_assert_nonnull (form);
  /* not a PDF: said in the form, nothing written */
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (form, "receipt-pdf")), text);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (form)));
  g_assert_cmpint (dn_test_query_int (f->store, "%s", receipts_sql), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM document"), ==, documents);
  /* its PDF: recorded, registered and attached */
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (form, "receipt-pdf")), pdf);
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (form, "receipt-note")), "Gửi qua hệ thống điều hành");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  g_assert_cmpint (dn_test_query_int (f->store, "%s", receipts_sql), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM document WHERE direction = 'incoming' "
                                      "AND type = 'report'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM report_receipt r JOIN document_attachment a "
                                      "ON a.document_id = r.document_id WHERE r.note = 'Gửi qua hệ thống điều hành'"),
                   ==, 1);
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (loaded_cb, overview, TIMEOUT_MS));
  g_assert_nonnull (dn_ui_find_by_label (overview, "Reports not received: 0"));

  dn_ui_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/owed-reports/card-and-remind", test_card_and_remind);
  DN_TEST_ADD ("/owed-reports/row-opens-task", test_row_opens_task);
  DN_TEST_ADD ("/owed-reports/record-received", test_record_received);
  return g_test_run ();
}
