/* dn-list-page-export.c: a section's list to a spreadsheet (list.export)
 *
 * The officer chooses the file (.xlsx or CSV); the list the page shows —
 * the query of its model, filters and order applied — is written by
 * dn_list_export() on a thread of its own with its own read-only
 * connection, so the window stays responsive however long the list; a
 * message then says how many rows went where, or the error says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-list-export.h"
#include "dn-list-page-private.h"
#include "dn-ui-testing.h"

#define PRIV(self) _dn_list_page_get_private (self)

typedef struct
{
  char             *db_path;
  DnListExportKind  kind;
  gpointer          query;      /* a copy of the model's, its strings too */
  const gsize      *strings;    /* their offsets */
  guint             n_strings;
  char             *path;
  guint             n_rows;
} Export;

static void
export_free (Export *export)
{
  for (guint i = 0; i < export->n_strings; i++)
    g_free (G_STRUCT_MEMBER (char *, export->query, export->strings[i]));
  g_free (export->query);
  g_free (export->db_path);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Export *export = data;
  g_autoptr(DnStore) store = NULL;
  GError *error = NULL;

  store = dn_store_open (export->db_path, DN_STORE_OPEN_READ_ONLY | DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL || !dn_list_export (store, export->kind, export->query, export->path, &export->n_rows,
                                        cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DnListPage *self = DN_LIST_PAGE (source);
  DnListPagePrivate *priv = PRIV (self);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&priv->export_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.export", priv->store != NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkRoot *root;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      root = gtk_widget_get_root (GTK_WIDGET (self));
      dn_ui_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("The list could not be exported"),
                        error->message);
      return;
    }
  {
    g_autofree char *name = g_filename_display_basename (export->path);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to %s",
                                                          "Exported %u rows to %s", export->n_rows),
                                             export->n_rows, name);

    dn_list_page_show_message (self, text);
  }
}

static void
start_export (DnListPage *self,
              const char *path)
{
  DnListPagePrivate *priv = PRIV (self);
  DnQueryModelClass *model_class;
  g_autoptr(GTask) task = NULL;
  Export *export;

  if (priv->model == NULL || priv->store == NULL || priv->export_cancellable != NULL)
    return;
  model_class = DN_QUERY_MODEL_GET_CLASS (priv->model);
  export = g_new0 (Export, 1);
  if (!dn_list_export_kind_for_model (G_OBJECT_TYPE (priv->model), &export->kind))
    {
      g_free (export);
      g_return_if_reached ();
    }
  export->db_path = g_strdup (dn_store_get_path (priv->store));
  export->query = g_memdup2 (dn_query_model_get_query (priv->model), model_class->query_size);
  export->strings = model_class->query_strings;
  export->n_strings = model_class->n_query_strings;
  for (guint i = 0; i < export->n_strings; i++)
    {
      char **text = &G_STRUCT_MEMBER (char *, export->query, export->strings[i]);

      *text = g_strdup (*text);
    }
  export->path = g_strdup (path);

  priv->export_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.export", FALSE);
  task = g_task_new (self, priv->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

/* a name without the chosen format's extension gets it */
static char *
path_with_extension (GFile         *file,
                     GtkFileFilter *filter,
                     GtkFileFilter *csv_filter)
{
  g_autofree char *path = g_file_get_path (file);
  DnSheetFormat format;

  if (path == NULL || dn_sheet_format_from_path (path, &format))
    return g_steal_pointer (&path);
  return g_strconcat (path, filter == csv_filter ? ".csv" : ".xlsx", NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  DnListPage *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = path_with_extension (file, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)),
                                g_object_get_data (G_OBJECT (chooser), "dn-csv-filter"));
  if (path != NULL)
    start_export (self, path);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_dn_list_page_export (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  GtkFileFilter *xlsx_filter;
  GtkFileFilter *csv_filter;
  g_autofree char *name = NULL;

  if (priv->model == NULL || priv->store == NULL)
    return;
  if (priv->export_test_path != NULL)
    {
      start_export (self, priv->export_test_path);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export List"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  xlsx_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (xlsx_filter, _("Excel workbook (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx_filter, "xlsx");
  csv_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv_filter, _("CSV, UTF-8 (.csv)"));
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter);
  g_object_set_data_full (G_OBJECT (chooser), "dn-csv-filter", csv_filter, g_object_unref);
  g_object_unref (xlsx_filter);
  /* the section's name: "Nhiệm vụ.xlsx" */
  name = g_strconcat (priv->texts[TEXT_TABLE_LABEL] != NULL ? priv->texts[TEXT_TABLE_LABEL] : _("List"), ".xlsx",
                      NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_dn_list_page_cancel_export (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->export_cancellable != NULL)
    g_cancellable_cancel (priv->export_cancellable);
  g_clear_pointer (&priv->export_test_path, g_free);
}

void
dn_list_page_set_export_file (DnListPage *self,
                              const char *path)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_free (PRIV (self)->export_test_path);
  PRIV (self)->export_test_path = g_strdup (path);
}

gboolean
dn_list_page_is_exporting (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), FALSE);
  return PRIV (self)->export_cancellable != NULL;
}
