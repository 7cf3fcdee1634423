/* dn-reports-page-output.c: the report leaving the Reports section as a
 * PDF, an OpenDocument text or its tables as a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-pdf-export.h"
#include "dn-reports-page-private.h"
#include "dn-ui.h"
#include "dn-window-context.h"

GtkWindow *
_dn_reports_page_parent_window (DnReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

gboolean
_dn_reports_page_write (DnReportsPage  *self,
                        DnReportOutput  output,
                        const char     *path)
{
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean ok = FALSE;

  if (self->build == NULL || self->stale)
    return FALSE;
  switch (output)
    {
    case DN_REPORT_OUTPUT_PDF:
      {
        g_autoptr(GFile) source = g_file_new_for_path (self->build->path);
        g_autoptr(GFile) dest = g_file_new_for_path (path);

        ok = dn_pdf_export_copy_file (source, dest, NULL, &error);
      }
      break;
    case DN_REPORT_OUTPUT_ODT:
      ok = dn_official_document_write_odt (self->build->document, path, NULL, &error);
      break;
    case DN_REPORT_OUTPUT_TABLES:
      ok = dn_official_document_write_tables (self->build->document, path, &error);
      break;
    }
  name = g_filename_display_name (path);
  if (!ok)
    {
      dn_ui_show_error (_dn_reports_page_parent_window (self), _("The report was not saved"), error->message);
      return FALSE;
    }
  text = g_strdup_printf (_("Saved as “%s”."), name);
  if (context != NULL)
    dn_window_context_show_message (context, text);
  return TRUE;
}

typedef struct
{
  DnReportsPage  *page;
  DnReportOutput  output;
} Asking;

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         data)
{
  Asking *asking = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        _dn_reports_page_write (asking->page, asking->output, path);
    }
  g_object_unref (asking->page);
  g_free (asking);
  g_object_unref (chooser);
}

static void
ask_where (DnReportsPage  *self,
           DnReportOutput  output,
           const char     *title,
           const char     *extension)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  Asking *asking;

  if (self->build == NULL)
    return;
  chooser = gtk_file_chooser_native_new (title, _dn_reports_page_parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* "Báo cáo quý I năm 2024.odt" */
  if (self->file_stem != NULL && g_str_has_suffix (self->file_stem, ".pdf"))
    {
      g_autofree char *stem = g_strndup (self->file_stem, strlen (self->file_stem) - 4);

      name = g_strconcat (stem, extension, NULL);
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  asking = g_new0 (Asking, 1);
  asking->page = g_object_ref (self);
  asking->output = output;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), asking);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_dn_reports_page_save_odt_action (DnReportsPage *self)
{
  ask_where (self, DN_REPORT_OUTPUT_ODT, _("Save the Report as OpenDocument Text"), ".odt");
}

void
_dn_reports_page_export_tables_action (DnReportsPage *self)
{
  ask_where (self, DN_REPORT_OUTPUT_TABLES, _("Export the Report’s Tables"), ".xlsx");
}

void
_dn_reports_page_save_odt_to_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  _dn_reports_page_write (DN_REPORTS_PAGE (widget), DN_REPORT_OUTPUT_ODT, g_variant_get_string (parameter, NULL));
}

void
_dn_reports_page_export_tables_to_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  _dn_reports_page_write (DN_REPORTS_PAGE (widget), DN_REPORT_OUTPUT_TABLES, g_variant_get_string (parameter, NULL));
}
