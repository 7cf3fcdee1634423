/* dn-form-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date-entry.h"
#include "dn-form-dialog.h"
#include "dn-ui.h"
#include "dn-window-context.h"

#define MARKED_KEY "dn-form-dialog-marked"

typedef struct
{
  char            *error_text;
  int              n_rows;
  GPtrArray       *marked;          /* GtkWidget, weak: fields marked wrong */
  DnFormApplyFunc  apply_func;
  gpointer         apply_data;
  GDestroyNotify   apply_destroy;
  GCancellable    *pending;         /* a write under way (dn_form_dialog_write) */
  GtkWidget       *focus_before;    /* weak: the focus when it started */

  /* Template widgets (not the window's own child: GtkWindow drops it) */
  GtkLabel        *intro_label;
  GtkGrid         *grid;
  GtkLabel        *error_label;
  GtkButton       *save_button;
  GtkButton       *cancel_button;
} DnFormDialogPrivate;

static void dn_form_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (DnFormDialog, dn_form_dialog, GTK_TYPE_WINDOW,
                         G_ADD_PRIVATE (DnFormDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, dn_form_dialog_buildable_init))

enum {
  PROP_0,
  PROP_SAVE_LABEL,
  PROP_INTRO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

#define PRIV(self) ((DnFormDialogPrivate *) dn_form_dialog_get_instance_private (self))

/*
 * Auxiliary methods
 */

static void
unmark (GtkWidget *field)
{
  gtk_widget_remove_css_class (field, "error");
}

static void
on_marked_changed_cb (GtkWidget *field)
{
  unmark (field);
}

static void
forget_marked (gpointer data)
{
  GtkWidget **slot = data;

  if (*slot != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*slot), (gpointer *) slot);
  g_free (slot);
}

/*
 * GtkBuildable
 */

static void
dn_form_dialog_buildable_add_child (GtkBuildable *buildable,
                                    GtkBuilder   *builder,
                                    GObject      *child,
                                    const char   *type)
{
  DnFormDialog *self = DN_FORM_DIALOG (buildable);
  DnFormDialogPrivate *priv = PRIV (self);
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (self));

  /* a subclass template's own form goes above the error line */
  if (g_strcmp0 (type, "form") == 0 && GTK_IS_WIDGET (child) && GTK_IS_BOX (content) && priv->grid != NULL)
    {
      gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (child), GTK_WIDGET (priv->grid));
      return;
    }
  parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
dn_form_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = dn_form_dialog_buildable_add_child;
}

/*
 * Signal callbacks
 */

static void
on_save_clicked_cb (DnFormDialog *self)
{
  dn_form_dialog_save (self);
}

/*
 * GObject overrides
 */

static gboolean
dn_form_dialog_real_apply (DnFormDialog  *self,
                           GError       **error)
{
  DnFormDialogPrivate *priv = PRIV (self);

  if (priv->apply_func == NULL)
    return TRUE;
  return priv->apply_func (self, priv->apply_data, error);
}

static void
dn_form_dialog_dispose (GObject *object)
{
  DnFormDialog *self = DN_FORM_DIALOG (object);
  DnFormDialogPrivate *priv = PRIV (self);

  dn_form_dialog_set_apply_func (self, NULL, NULL, NULL);
  /* closed while its write is under way: its outcome is not waited for
   * (what reached the server comes with the next sync) */
  if (priv->pending != NULL)
    g_cancellable_cancel (priv->pending);
  g_clear_object (&priv->pending);
  g_clear_weak_pointer (&priv->focus_before);
  /* Only for an instance of this very type: GTK 4.8 reads the template of
   * the instance's class, so for a subclass it would look for the
   * subclass's children here (and abort). A subclass's instance drops
   * these children with the window and their references at finalize.
   * dispose runs again when someone held a reference over the destroy. */
  if (priv->grid != NULL && G_OBJECT_TYPE (self) == DN_TYPE_FORM_DIALOG)
    gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_FORM_DIALOG);
  priv->grid = NULL;

  G_OBJECT_CLASS (dn_form_dialog_parent_class)->dispose (object);
}

static void
dn_form_dialog_finalize (GObject *object)
{
  DnFormDialog *self = DN_FORM_DIALOG (object);
  DnFormDialogPrivate *priv = PRIV (self);

  g_clear_pointer (&priv->marked, g_ptr_array_unref);
  g_clear_pointer (&priv->error_text, g_free);
  G_OBJECT_CLASS (dn_form_dialog_parent_class)->finalize (object);
}

static const char *
get_save_label (DnFormDialog *self)
{
  DnFormDialogPrivate *priv = PRIV (self);

  return gtk_button_get_label (priv->save_button);
}

static const char *
get_intro (DnFormDialog *self)
{
  DnFormDialogPrivate *priv = PRIV (self);

  return gtk_widget_get_visible (GTK_WIDGET (priv->intro_label)) ? gtk_label_get_text (priv->intro_label) : NULL;
}

static guint refused_signal;

static void
dn_form_dialog_real_refused (DnFormDialog *self,
                             const GError *error)
{
  gboolean handled = FALSE;

  g_signal_emit (self, refused_signal, 0, error, &handled);
  if (!handled)
    dn_form_dialog_show_error (self, error->message, NULL);
}

static void
dn_form_dialog_class_init (DnFormDialogClass *klass)
{
  const DnProperty props[N_PROPS] = {
    /* the action button's label, with a mnemonic */
    [PROP_SAVE_LABEL] = { "save-label", G_TYPE_STRING, G_PARAM_EXPLICIT_NOTIFY,
                          G_CALLBACK (get_save_label), G_CALLBACK (dn_form_dialog_set_save_label) },
    [PROP_INTRO] = { "intro", G_TYPE_STRING, G_PARAM_EXPLICIT_NOTIFY,
                     G_CALLBACK (get_intro), G_CALLBACK (dn_form_dialog_set_intro) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_form_dialog_dispose;
  klass->refused = dn_form_dialog_real_refused;

  /**
   * DnFormDialog::refused:
   * @error: why the write under way was refused
   *
   * Emitted when a write that had to wait (dn_form_dialog_write()) is
   * refused; a handler that shows @error its own way (a warning to
   * confirm) returns TRUE, else the message is shown.
   */
  refused_signal = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_ERROR);
  object_class->finalize = dn_form_dialog_finalize;
  klass->apply = dn_form_dialog_real_apply;
  dn_ui_install_properties (object_class, N_PROPS, props, properties);

  dn_ui_class_set_template (widget_class, "dn-form-dialog.ui");
  DN_UI_CLASS_BIND_PRIVATE_CHILDREN (widget_class, DnFormDialog, intro_label, grid, error_label, save_button,
                                     cancel_button);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dn_form_dialog_init (DnFormDialog *self)
{
  DnFormDialogPrivate *priv = PRIV (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->marked = g_ptr_array_new_with_free_func (forget_marked);
}

/*
 * Public API
 */

DnFormDialog *
dn_form_dialog_new (const char *title,
                    const char *save_label)
{
  /* like gtk_window_new(): GTK holds the window until it is destroyed */
  return g_object_new (DN_TYPE_FORM_DIALOG,
                       "title", title,
                       "save-label", save_label,
                       NULL);
}

void
dn_form_dialog_set_apply_func (DnFormDialog    *self,
                               DnFormApplyFunc  func,
                               gpointer         user_data,
                               GDestroyNotify   destroy)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  if (priv->apply_destroy != NULL && priv->apply_data != NULL)
    priv->apply_destroy (priv->apply_data);
  priv->apply_func = func;
  priv->apply_data = user_data;
  priv->apply_destroy = destroy;
}

void
dn_form_dialog_set_save_label (DnFormDialog *self,
                               const char   *save_label)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  if (save_label == NULL || g_strcmp0 (save_label, gtk_button_get_label (priv->save_button)) == 0)
    return;
  gtk_button_set_label (priv->save_button, save_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_LABEL]);
}

void
dn_form_dialog_set_titles (DnFormDialog *self,
                           const char   *title,
                           const char   *save_label)
{
  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  gtk_window_set_title (GTK_WINDOW (self), title);
  dn_form_dialog_set_save_label (self, save_label);
}

GtkWidget *
dn_form_dialog_get_save_button (DnFormDialog *self)
{
  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), NULL);
  return GTK_WIDGET (PRIV (self)->save_button);
}

void
dn_form_dialog_set_intro (DnFormDialog *self,
                          const char   *text)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  gtk_label_set_text (priv->intro_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->intro_label), text != NULL && *text != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRO]);
}

/* Puts @widget in the form's next row, @width columns from @column; a
 * @label, if any, goes in the first column. */
static void
attach_row (DnFormDialog *self,
            GtkWidget    *label,
            GtkWidget    *widget,
            int           column,
            int           width)
{
  DnFormDialogPrivate *priv = PRIV (self);

  if (label != NULL)
    gtk_grid_attach (priv->grid, label, 0, priv->n_rows, 1, 1);
  gtk_grid_attach (priv->grid, widget, column, priv->n_rows, width, 1);
  priv->n_rows++;
  gtk_widget_set_visible (GTK_WIDGET (priv->grid), TRUE);
}

GtkWidget *
dn_form_dialog_add_field (DnFormDialog *self,
                          const char   *label,
                          const char   *accessible_name,
                          GtkWidget    *widget)
{
  GtkWidget *title;

  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  title = gtk_label_new_with_mnemonic (label);
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  if (!gtk_widget_get_hexpand_set (widget))
    gtk_widget_set_hexpand (widget, TRUE);
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  if (GTK_IS_ENTRY (widget))
    gtk_entry_set_activates_default (GTK_ENTRY (widget), TRUE);
  attach_row (self, title, widget, 1, 1);
  return title;
}

GtkWidget *
dn_form_dialog_add_named (DnFormDialog *self,
                          const char   *label,
                          const char   *accessible_name,
                          const char   *name,
                          GtkWidget    *widget)
{
  if (name != NULL)
    gtk_widget_set_name (widget, name);
  dn_form_dialog_add_field (self, label, accessible_name, widget);
  return widget;
}

GtkWidget *
dn_form_dialog_add_entry (DnFormDialog *self,
                          const char   *label,
                          const char   *accessible_name,
                          const char   *name,
                          const char   *text,
                          const char   *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  return dn_form_dialog_add_named (self, label, accessible_name, name, entry);
}

GtkWidget *
dn_form_dialog_add_date (DnFormDialog *self,
                         const char   *label,
                         const char   *accessible_name,
                         const char   *name,
                         const GDate  *initial)
{
  GtkWidget *date = dn_date_entry_new ();

  gtk_widget_set_hexpand (date, FALSE);
  gtk_widget_set_halign (date, GTK_ALIGN_START);
  if (initial != NULL && g_date_valid (initial))
    dn_date_entry_set_date (DN_DATE_ENTRY (date), initial);
  return dn_form_dialog_add_named (self, label, accessible_name, name, date);
}

gboolean
dn_form_dialog_read_date (DnFormDialog *self,
                          GtkWidget    *field,
                          const char   *missing,
                          GDate        *out)
{
  g_autofree char *typed = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (DN_IS_DATE_ENTRY (field), FALSE);

  if (dn_date_entry_get_date (DN_DATE_ENTRY (field), out))
    return TRUE;
  if (dn_date_entry_is_empty (DN_DATE_ENTRY (field)))
    {
      if (missing != NULL)
        dn_form_dialog_show_error (self, missing, field);
      return missing == NULL; /* @out cleared */
    }
  typed = dn_ui_editable_dup_text (field);
  message = g_strdup_printf (_("“%s” is not a date. Type the day, month and year, for example 30/6/2024."), typed);
  dn_form_dialog_show_error (self, message, field);
  return FALSE;
}

void
dn_form_dialog_add_widget (DnFormDialog *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  attach_row (self, NULL, widget, 0, 2);
}

GtkWidget *
dn_form_dialog_add_hint (DnFormDialog *self,
                         const char   *text)
{
  GtkWidget *hint;

  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), NULL);

  hint = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 50);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  attach_row (self, NULL, hint, 1, 1);
  return hint;
}

void
dn_form_dialog_show_error (DnFormDialog *self,
                           const char   *message,
                           GtkWidget    *field)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (field == NULL || GTK_IS_WIDGET (field));

  g_free (priv->error_text);
  priv->error_text = g_strdup (message);
  gtk_label_set_text (priv->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  if (field != NULL)
    {
      GtkWidget **slot = g_new0 (GtkWidget *, 1);

      gtk_widget_add_css_class (field, "error");
      *slot = field;
      g_object_add_weak_pointer (G_OBJECT (field), (gpointer *) slot);
      g_ptr_array_add (priv->marked, slot);
      /* typing in it again takes the mark off */
      if (GTK_IS_EDITABLE (field) && g_object_get_data (G_OBJECT (field), MARKED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (field), MARKED_KEY, GINT_TO_POINTER (1));
          g_signal_connect (field, "changed", G_CALLBACK (on_marked_changed_cb), NULL);
        }
      gtk_widget_grab_focus (field);
    }
}

void
dn_form_dialog_clear_error (DnFormDialog *self)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_FORM_DIALOG (self));

  g_clear_pointer (&priv->error_text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  for (guint i = 0; i < priv->marked->len; i++)
    {
      GtkWidget **slot = g_ptr_array_index (priv->marked, i);

      if (*slot != NULL)
        unmark (*slot);
    }
  g_ptr_array_set_size (priv->marked, 0);
}

const char *
dn_form_dialog_get_error (DnFormDialog *self)
{
  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), NULL);
  return PRIV (self)->error_text;
}

gboolean
dn_form_dialog_save (DnFormDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), FALSE);

  if (PRIV (self)->pending != NULL)
    return TRUE;
  dn_form_dialog_clear_error (self);
  ok = DN_FORM_DIALOG_GET_CLASS (self)->apply (self, &error);
  if (!ok && PRIV (self)->pending != NULL)
    return TRUE;
  if (!ok && PRIV (self)->error_text == NULL)
    dn_form_dialog_show_error (self, error != NULL ? error->message : _("This could not be saved."), NULL);
  else if (!ok && error != NULL)
    dn_form_dialog_show_error (self, error->message, NULL);
  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  return ok;
}

/* Writing through the window's writer ---------------------------------------- */

typedef struct
{
  DnFormDialog      *dialog;   /* weak: NULL once it is gone */
  DnWrite           *write;
  DnFormWrittenFunc  done;
  gpointer           user_data;
} PendingWrite;

static void
pending_write_free (PendingWrite *pending)
{
  g_clear_weak_pointer (&pending->dialog);
  dn_write_unref (pending->write);
  g_free (pending);
}

static void
set_busy (DnFormDialog *self,
          gboolean      busy)
{
  DnFormDialogPrivate *priv = PRIV (self);

  if (busy)
    {
      /* the field with the focus leaves it before it is made insensitive */
      g_set_weak_pointer (&priv->focus_before, gtk_window_get_focus (GTK_WINDOW (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (priv->grid), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (priv->save_button), !busy);
  if (!busy && priv->focus_before != NULL)
    gtk_widget_grab_focus (priv->focus_before);
  if (!busy)
    g_clear_weak_pointer (&priv->focus_before);
  if (busy)
    {
      gtk_label_set_text (priv->error_label, _("Saving…"));
      gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (priv->error_label), "dn-error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (priv->error_label), "dn-error");
      gtk_widget_set_visible (GTK_WIDGET (priv->error_label), priv->error_text != NULL);
    }
}

GCancellable *
dn_form_dialog_begin_pending (DnFormDialog *self)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), NULL);
  g_return_val_if_fail (priv->pending == NULL, NULL);
  priv->pending = g_cancellable_new ();
  set_busy (self, TRUE);
  return priv->pending;
}

void
dn_form_dialog_end_pending (DnFormDialog *self,
                            const GError *error)
{
  DnFormDialogPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_FORM_DIALOG (self));
  g_clear_object (&priv->pending);
  set_busy (self, FALSE);
  if (error == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    /* the officer's input stays, with why it was not saved */
    DN_FORM_DIALOG_GET_CLASS (self)->refused (self, error);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  PendingWrite *pending = data;
  DnFormDialog *self = pending->dialog;
  g_autoptr(GError) error = NULL;
  gboolean ok = dn_writer_write_finish (DN_WRITER (source), result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pending_write_free (pending);
      return;
    }
  g_object_ref (self);
  if (ok && pending->done != NULL)
    pending->done (self, pending->write, pending->user_data);
  dn_form_dialog_end_pending (self, error);
  g_object_unref (self);
  pending_write_free (pending);
}

gboolean
dn_form_dialog_write (DnFormDialog       *self,
                      DnWriter           *writer,
                      DnWrite            *write,
                      DnFormWrittenFunc   done,
                      gpointer            user_data,
                      GError            **error)
{
  DnFormDialogPrivate *priv = PRIV (self);
  g_autoptr(GError) local_error = NULL;
  PendingWrite *pending;

  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), FALSE);
  g_return_val_if_fail (DN_IS_WRITER (writer), FALSE);
  g_return_val_if_fail (priv->pending == NULL, FALSE);

  if (dn_writer_write_now (writer, write, &local_error))
    {
      if (done != NULL)
        done (self, write, user_data);
      return TRUE;
    }
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  pending = g_new0 (PendingWrite, 1);
  g_set_weak_pointer (&pending->dialog, self);
  pending->write = dn_write_ref (write);
  pending->done = done;
  pending->user_data = user_data;
  dn_writer_write_async (writer, write, dn_form_dialog_begin_pending (self), on_written_cb, pending);
  return FALSE;
}

gboolean
dn_form_dialog_is_saving (DnFormDialog *self)
{
  g_return_val_if_fail (DN_IS_FORM_DIALOG (self), FALSE);
  return PRIV (self)->pending != NULL;
}
