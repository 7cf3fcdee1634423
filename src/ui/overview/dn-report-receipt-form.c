/* dn-report-receipt-form.c: recording a unit's periodic report as received
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-overview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-report-receipt-form.h"
#include "dn-store-owed-reports.h"
#include "dn-store-writer.h"
#include "dn-ui.h"
#include "dn-window-context.h"

typedef struct
{
  DnStore         *store;
  DnOwedReport    *owed;
  DnWindowContext *context;
  GtkWidget       *date;
  GtkWidget       *pdf;
  GtkWidget       *note;
} Receipt;

static void
receipt_free (Receipt *receipt)
{
  g_object_unref (receipt->store);
  g_object_unref (receipt->owed);
  g_clear_object (&receipt->context);
  g_free (receipt);
}

static void
on_written_cb (DnFormDialog *dialog,
               DnWrite      *write,
               gpointer      data)
{
  Receipt *receipt = data;
  g_autofree char *message = NULL;

  /* TRANSLATORS: the unit, then the period ("quý I năm 2024") */
  message = g_strdup_printf (_("The report of %s for %s is recorded as received."), receipt->owed->unit_name,
                             receipt->owed->period_label);
  if (receipt->context != NULL)
    dn_window_context_show_message (receipt->context, message);
}

static gboolean
apply (DnFormDialog  *dialog,
       gpointer       data,
       GError       **error)
{
  Receipt *receipt = data;
  g_autoptr(DnOwedReport) record = dn_owed_report_new ();
  g_autofree char *path = dn_ui_editable_dup_text (receipt->pdf);
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_RECORD_REPORT_RECEIVED);
  g_autoptr(DnWriter) writer = NULL;

  record->task_id = receipt->owed->task_id;
  record->unit_id = receipt->owed->unit_id;
  record->kind = receipt->owed->kind;
  g_free (record->period);
  record->period = g_strdup (receipt->owed->period);
  if (!dn_form_dialog_read_date (dialog, receipt->date, _("Give the day the report came."), &record->received_on))
    return FALSE;
  g_free (record->note);
  record->note = dn_ui_editable_dup_text (receipt->note);
  if (path[0] != '\0')
    write->file = g_file_new_for_commandline_arg (path);
  write->record = G_OBJECT (g_steal_pointer (&record));
  /* the window's writer: the local database, or the department server */
  writer = receipt->context != NULL ? g_object_ref (dn_window_context_get_writer (receipt->context))
                                    : dn_store_writer_new (receipt->store);
  return dn_form_dialog_write (dialog, writer, write, on_written_cb, receipt, error);
}

static void
on_chosen_cb (GtkNativeDialog *chooser,
              int              response,
              gpointer         data)
{
  GtkWidget *entry = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (entry), path);
    }
  g_object_unref (entry);
  g_object_unref (chooser);
}

static void
on_choose_clicked_cb (GtkButton *button,
                      gpointer   data)
{
  GtkWidget *entry = data;
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("The Report Received"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF files"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen_cb), g_object_ref (entry));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

DnFormDialog *
dn_report_receipt_form_present (GtkWidget    *parent,
                                DnStore      *store,
                                DnOwedReport *owed)
{
  DnWindowContext *context = dn_window_context_from_widget (parent);
  GtkRoot *root = gtk_widget_get_root (parent);
  DnFormDialog *dialog = dn_form_dialog_new (_("Report Received"), _("_Record"));
  Receipt *receipt = g_new0 (Receipt, 1);
  g_autofree char *due = dn_date_format_short (&owed->due_date);
  g_autofree char *intro = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GDate today;

  g_return_val_if_fail (DN_IS_OWED_REPORT (owed), NULL);

  receipt->store = g_object_ref (store);
  receipt->owed = g_object_ref (owed);
  receipt->context = context != NULL ? g_object_ref (context) : NULL;
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    }
  /* TRANSLATORS: the unit, the period ("quý I năm 2024"), the task, its due day */
  intro = g_strdup_printf (_("%s, %s: “%s”, due %s."), owed->unit_name, owed->period_label, owed->task_title, due);
  dn_form_dialog_set_intro (dialog, intro);
  dn_date_today (&today);
  receipt->date = dn_form_dialog_add_date (dialog, _("Came on"), _("The day the report came"), "receipt-date", &today);
  receipt->pdf = gtk_entry_new ();
  gtk_widget_set_name (receipt->pdf, "receipt-pdf");
  gtk_widget_set_hexpand (receipt->pdf, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (receipt->pdf), _("None: a paper copy only"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (receipt->pdf), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The report’s PDF file"), -1);
  gtk_widget_set_tooltip_text (choose, _("Choose the PDF file the unit sent"));
  g_signal_connect (choose, "clicked", G_CALLBACK (on_choose_clicked_cb), receipt->pdf);
  gtk_box_append (GTK_BOX (box), receipt->pdf);
  gtk_box_append (GTK_BOX (box), choose);
  dn_form_dialog_add_field (dialog, _("PDF file"), _("The report’s PDF file"), box);
  dn_form_dialog_add_hint (dialog, _("The file is entered in the incoming register as a report from the unit and "
                                     "attached to it."));
  receipt->note = dn_form_dialog_add_entry (dialog, _("Note"), _("Note"), "receipt-note", NULL, NULL);
  dn_form_dialog_set_apply_func (dialog, apply, receipt, (GDestroyNotify) receipt_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
