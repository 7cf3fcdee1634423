/* dn-page-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-page-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-page-editor.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-window-context.h"
#include "dn-writable.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

typedef struct
{
  DnStore   *store;
  const char *table;     /* of the record shown */
  gint64     id;         /* 0: a new one */
  gint64     revision;   /* of the record shown; -1: a new one */
  gboolean   confirmed;  /* a warning was shown: the next save accepts it */
  GtkWidget *field;      /* weak: the field a refusal marks */
  gboolean   disposed;   /* the template is gone (dispose may run twice) */
} DnPageEditorPrivate;

static guint saved_signal;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DnPageEditor, dn_page_editor, DN_TYPE_FORM_DIALOG)

static void
dn_page_editor_dispose (GObject *object)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (DN_PAGE_EDITOR (object));

  /* the template of the editor's own (final) type */
  if (!priv->disposed)
    gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  priv->disposed = TRUE;
  g_clear_object (&priv->store);
  g_clear_weak_pointer (&priv->field);

  G_OBJECT_CLASS (dn_page_editor_parent_class)->dispose (object);
}

/* A write refused: a warning the next save accepts, or why not; the field
 * it is about marked when the input was refused */
static void
dn_page_editor_refused (DnFormDialog *dialog,
                        const GError *error)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (DN_PAGE_EDITOR (dialog));

  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    {
      g_autofree char *message = g_strdup_printf ("%s %s", error->message, _("Save again to keep it anyway."));

      priv->confirmed = TRUE;
      dn_form_dialog_set_save_label (dialog, _("Save _Anyway"));
      dn_form_dialog_show_error (dialog, message, priv->field);
    }
  else if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT) && priv->id > 0)
    {
      /* told, the officer may save over it: the revision is now the one
       * the store has (after the replica was brought up to date) */
      priv->revision = dn_store_get_row_revision (priv->store, priv->table, priv->id, NULL);
      dn_form_dialog_set_save_label (dialog, _("Save _Anyway"));
      dn_form_dialog_show_error (dialog, error->message, NULL);
    }
  else
    dn_form_dialog_show_error (dialog, error->message,
                               g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID) ||
                               g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE) ? priv->field : NULL);
}

static void
dn_page_editor_class_init (DnPageEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dn_page_editor_dispose;
  DN_FORM_DIALOG_CLASS (klass)->refused = dn_page_editor_refused;

  /**
   * DnPageEditor::saved:
   * @id: the record added or changed
   *
   * Emitted after the store has accepted the change, just before the
   * editor closes.
   */
  saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
dn_page_editor_init (DnPageEditor *self)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (self);

  priv->revision = -1;
}

void
dn_page_editor_class_set_template (DnPageEditorClass *klass,
                                   const char        *ui_name,
                                   gboolean         (*apply) (DnFormDialog  *dialog,
                                                              GError       **error))
{
  DN_FORM_DIALOG_CLASS (klass)->apply = apply;
  g_type_ensure (DN_TYPE_UNIT_CHOOSER);
  dn_ui_class_set_template (GTK_WIDGET_CLASS (klass), ui_name);
}

void
dn_page_editor_set_store (DnPageEditor *self,
                          DnStore      *store)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (self);

  g_return_if_fail (DN_IS_PAGE_EDITOR (self));
  g_set_object (&priv->store, store);
}

DnStore *
dn_page_editor_get_store (DnPageEditor *self)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (self);

  g_return_val_if_fail (DN_IS_PAGE_EDITOR (self), NULL);
  return priv->store;
}

void
dn_page_editor_read_entry (char    **field,
                           GtkEntry *entry)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

gboolean
dn_page_editor_load_chooser (DnPageEditor  *self,
                             DnChooser     *chooser,
                             gint64         id,
                             GError       **error)
{
  g_return_val_if_fail (DN_IS_PAGE_EDITOR (self), FALSE);
  g_return_val_if_fail (DN_IS_CHOOSER (chooser), FALSE);

  dn_chooser_set_store (chooser, dn_page_editor_get_store (self));
  if (!dn_chooser_reload (chooser, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  dn_chooser_pick (chooser, id);
  return TRUE;
}

gboolean
dn_page_editor_finish (DnPageEditor *self,
                       gboolean      ok,
                       const GError *error,
                       GtkWidget    *field,
                       gint64        id)
{
  g_return_val_if_fail (DN_IS_PAGE_EDITOR (self), FALSE);

  if (ok)
    dn_page_editor_saved (self, id);
  else
    dn_form_dialog_show_error (DN_FORM_DIALOG (self), error->message, field);
  return ok;
}

void
dn_page_editor_saved (DnPageEditor *self,
                      gint64        id)
{
  g_return_if_fail (DN_IS_PAGE_EDITOR (self));
  g_signal_emit (self, saved_signal, 0, id);
}

void
dn_page_editor_set_record (DnPageEditor *self,
                           const char   *table,
                           gint64        id)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (self);

  g_return_if_fail (DN_IS_PAGE_EDITOR (self));
  g_return_if_fail (priv->store != NULL);
  priv->table = g_intern_string (table);
  priv->id = id;
  priv->revision = id > 0 ? dn_store_get_row_revision (priv->store, table, id, NULL) : -1;
}

static void
on_record_written (DnFormDialog *dialog,
                   DnWrite      *write,
                   gpointer      user_data)
{
  const DnWritable *kind = dn_writable_for_record (write->record);

  dn_page_editor_saved (DN_PAGE_EDITOR (dialog), dn_writable_get_id (kind, write->record));
}

gboolean
dn_page_editor_write (DnPageEditor *self,
                      gpointer      record,
                      GtkWidget    *field,
                      const GDate  *today)
{
  g_autoptr(DnWrite) write = NULL;

  g_return_val_if_fail (DN_IS_PAGE_EDITOR (self), FALSE);
  write = dn_write_new_save (record, -1);
  if (today != NULL && g_date_valid (today))
    write->date = *today;
  return dn_page_editor_write_save (self, write, field);
}

gboolean
dn_page_editor_write_save (DnPageEditor *self,
                           DnWrite      *write,
                           GtkWidget    *field)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (self);
  g_autoptr(DnWriter) writer = dn_window_context_dup_writer_for (GTK_WIDGET (self), priv->store);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DN_IS_PAGE_EDITOR (self), FALSE);
  g_return_val_if_fail (write->record != NULL && dn_writable_for_record (write->record) != NULL, FALSE);
  write->revision = priv->revision;
  write->confirmed = priv->confirmed;
  g_set_weak_pointer (&priv->field, field);
  if (dn_form_dialog_write (DN_FORM_DIALOG (self), writer, write, on_record_written, NULL, &error))
    return TRUE;
  if (error != NULL)
    dn_page_editor_refused (DN_FORM_DIALOG (self), error);
  return FALSE;
}

void
dn_page_editor_forget_warning (DnPageEditor *self,
                               const char   *save_label)
{
  DnPageEditorPrivate *priv = dn_page_editor_get_instance_private (self);

  g_return_if_fail (DN_IS_PAGE_EDITOR (self));
  if (!priv->confirmed)
    return;
  priv->confirmed = FALSE;
  dn_form_dialog_set_save_label (DN_FORM_DIALOG (self), save_label);
}
