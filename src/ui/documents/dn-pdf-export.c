/* dn-pdf-export.c: what leaves the PDF viewer: the selected text to the
 * clipboard, the pages to a printer, the file to another folder or program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-pdf-export.h"
#include "dn-pdf-print.h"
#include "dn-ui.h"

static void
on_selected_text_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GdkClipboard) clipboard = user_data;
  /* no source object: the text is read by the renderer's worker */
  g_autofree char *text = dn_pdf_selection_get_text_finish (result, NULL);

  if (text != NULL && *text != '\0')
    gdk_clipboard_set_text (clipboard, text);
}

void
dn_pdf_export_copy (DnPdfPages   *pages,
                    GdkClipboard *clipboard)
{
  DnPdfSelection *selection = dn_pdf_pages_get_selection (pages);

  if (dn_pdf_selection_is_empty (selection))
    return;
  dn_pdf_selection_get_text_async (selection, NULL, on_selected_text_cb, g_object_ref (clipboard));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      dn_ui_show_error (user_data, _("The document could not be printed"), error != NULL ? error->message : "");
    }
  g_object_unref (operation);
}

void
dn_pdf_export_print (GtkWindow     *parent,
                     DnPdfRenderer *renderer,
                     DnPdfDocument *document)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (document != NULL);

  operation = dn_pdf_print_operation_new (renderer, document);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), parent);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    dn_ui_show_error (parent, _("The document could not be printed"), error->message);
  /* an operation still running ends with "done", which releases it */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_object_unref (operation);
}

gboolean
dn_pdf_export_copy_file (GFile         *source,
                         GFile         *destination,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (destination);
  g_autofree char *base = g_file_get_basename (destination);
  g_autofree char *temporary_name = NULL;
  g_autoptr(GFile) temporary = NULL;

  if (folder == NULL || base == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("This is not a place a file can be written."));
      return FALSE;
    }
  temporary_name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
  temporary = g_file_get_child (folder, temporary_name);
  if (!g_file_copy (source, temporary, G_FILE_COPY_NONE, cancellable, NULL, NULL, error)
      || !g_file_move (temporary, destination, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error))
    {
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GtkWindow *parent;
  GFile     *file;
} Saving;

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  Saving *saving = user_data;
  g_autoptr(GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;

  /* the copy of a file of a few megabytes, on the main loop: the officer
   * waits for it, as for the dialog */
  if (response == GTK_RESPONSE_ACCEPT && destination != NULL
      && !dn_pdf_export_copy_file (saving->file, destination, NULL, &error))
    dn_ui_show_error (saving->parent, _("The copy could not be saved"), error->message);
  g_object_unref (saving->file);
  g_free (saving);
  g_object_unref (chooser);
}

void
dn_pdf_export_save_copy (GtkWindow  *parent,
                         GFile      *file,
                         const char *name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *own_name = NULL;
  Saving *saving;

  g_return_if_fail (G_IS_FILE (file));

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  if (name == NULL)
    {
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      name = own_name = info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  saving = g_new0 (Saving, 1);
  saving->parent = parent;
  saving->file = g_object_ref (file);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), saving);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
dn_pdf_export_open_with (GtkWindow *parent,
                         GFile     *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}
