/* dn-units-page-actions.c: the actions of DnUnitsPage (units.*, people.*):
 * the unit dialog, the person editor and their questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-units-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-form-dialog.h"
#include "dn-person-editor.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"
#include "dn-window-context.h"
#include "dn-unit-dialog.h"
#include "dn-units-page-private.h"
#include "dn-window-context.h"
#include "dn-writable.h"

/*
 * Actions
 */

static void
on_unit_saved_cb (DnUnitsPage *self,
                  gint64       unit_id)
{
  _dn_units_page_hide_message (self);
  dn_units_page_select_unit (self, unit_id);
}

/* Shows @editor over the page, @on_saved connected to its "saved"; when
 * it could not be made (NULL), the message says why (@error). */
static void
present_editor (DnUnitsPage  *self,
                gpointer      editor,
                const GError *error,
                GCallback     on_saved)
{
  if (editor == NULL)
    {
      _dn_units_page_show_message (self, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), _dn_units_page_parent_window (self));
  g_signal_connect_object (editor, "saved", on_saved, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_unit_dialog (DnUnitsPage      *self,
                  DnUnitDialogMode  mode,
                  gint64            unit_id)
{
  g_autoptr(GError) error = NULL;
  DnUnitDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = dn_unit_dialog_new (self->store, mode, unit_id, &error);
  present_editor (self, dialog, error, G_CALLBACK (on_unit_saved_cb));
}

static void
add_unit_action (DnUnitsPage *self)
{
  open_unit_dialog (self, DN_UNIT_DIALOG_ADD, self->unit_id);
}

static void
rename_unit_action (DnUnitsPage *self)
{
  if (self->unit_id > 0)
    open_unit_dialog (self, DN_UNIT_DIALOG_RENAME, self->unit_id);
}

static void
move_unit_action (DnUnitsPage *self)
{
  if (self->unit_id > 0)
    open_unit_dialog (self, DN_UNIT_DIALOG_MOVE, self->unit_id);
}

static gboolean
restore_unit_cb (DnStore  *store,
                 gpointer  data,
                 GError  **error)
{
  return dn_store_set_unit_archived (store, *(gint64 *) data, FALSE, error);
}

static void
on_archived (GtkWidget    *widget,
             DnWrite      *write,
             const GError *error,
             gpointer      data)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);
  DnUnit *written = DN_UNIT (write->record);
  DnWindowContext *context;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      _dn_units_page_show_message (self, error->message);
      return;
    }
  _dn_units_page_hide_message (self);
  context = dn_window_context_from_widget (widget);
  if (!written->archived || context == NULL)
    return;
  /* Undo only where the writer can put it back (the local database) */
  message = g_strdup_printf (_("“%s” archived."), written->name);
  dn_window_context_push_undo (context, message, restore_unit_cb, _dn_units_page_id_dup (written->id), g_free);
}

/* Archiving says so in the window's toast, with Undo (like a deleted task);
 * it goes through the window's writer, at the revision read now. */
static void
set_archived (DnUnitsPage *self,
              gint64       unit_id,
              gboolean     archived)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_ARCHIVE_UNIT);
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  if ((unit = dn_store_get_unit (self->store, unit_id, &error)) == NULL)
    {
      _dn_units_page_show_message (self, error->message);
      return;
    }
  unit->archived = archived;
  write->record = G_OBJECT (g_steal_pointer (&unit));
  write->revision = dn_store_get_row_revision (self->store, "unit", unit_id, NULL);
  dn_window_context_write_for (GTK_WIDGET (self), self->store, write, on_archived, NULL, NULL);
}

/*
 * Merge into another unit
 */

static gboolean
undo_merge_cb (DnStore  *store,
               gpointer  data,
               GError  **error)
{
  return dn_store_undo_merge (store, *(gint64 *) data, error);
}

/* The merge made: Undo offered where the writer can put it back */
static void
on_merged (DnFormDialog *dialog,
           DnWrite      *write,
           gpointer      user_data)
{
  DnUnitsPage *self = user_data;
  const char *message = g_object_get_data (G_OBJECT (dialog), "merged-message");
  gint64 into_id = g_array_index (write->units, gint64, 0);
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (self));

  _dn_units_page_hide_message (self);
  if (context != NULL)
    dn_window_context_push_undo (context, message, undo_merge_cb, _dn_units_page_id_dup (write->made_id), g_free);
  else
    _dn_units_page_show_message (self, message);
  dn_units_page_select_unit (self, into_id);
}

static gboolean
merge_apply (DnFormDialog  *dialog,
             gpointer       user_data,
             GError       **error)
{
  DnUnitsPage *self = user_data;
  DnUnitChooser *chooser = g_object_get_data (G_OBJECT (dialog), "into-chooser");
  gint64 from_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "unit-id");
  gint64 into_id = dn_unit_chooser_get_unit (chooser);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DnUnit) from = NULL;
  g_autoptr(DnUnit) into = NULL;
  g_autoptr(DnWrite) write = NULL;
  g_autoptr(DnWriter) writer = NULL;

  if (self->store == NULL)
    return FALSE;
  if (into_id <= 0)
    {
      dn_form_dialog_show_error (dialog, _("Choose the unit that takes over."), GTK_WIDGET (chooser));
      return FALSE;
    }
  if ((from = dn_store_get_unit (self->store, from_id, error)) == NULL ||
      (into = dn_store_get_unit (self->store, into_id, error)) == NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (dialog), "merged-message",
                          g_strdup_printf (_("“%s” merged into “%s”."), from->name, into->name), g_free);
  write = dn_write_new (DN_WRITE_MERGE_UNITS);
  write->id = from_id;
  write->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (write->units, into_id);
  write->revision = dn_store_get_row_revision (self->store, "unit", from_id, NULL);
  writer = dn_window_context_dup_writer_for (GTK_WIDGET (self), self->store);
  if (dn_form_dialog_write (dialog, writer, write, on_merged, self, &local_error))
    return TRUE;
  if (local_error != NULL)
    dn_form_dialog_show_error (dialog, local_error->message, GTK_WIDGET (chooser));
  return FALSE;
}

static void
merge_unit_action (DnUnitsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  DnUnit *unit;
  DnFormDialog *dialog;
  GtkWidget *chooser;

  if (self->store == NULL || self->unit_id == 0 ||
      (unit = _dn_units_page_lookup_unit (self, self->unit_id)) == NULL)
    return;
  dialog = dn_form_dialog_new (_("Merge Unit"), _("_Merge"));
  intro = g_strdup_printf (_("The tasks, staff, sub-units and history of “%s” move to the unit chosen; "
                             "“%s” is kept, archived, under its name for the records. Undo puts everything back."),
                           unit->name, unit->name);
  dn_form_dialog_set_intro (dialog, intro);
  chooser = dn_unit_chooser_new (self->store, FALSE);
  /* not into itself nor one of its own sub-units */
  dn_unit_chooser_set_exclude_id (DN_UNIT_CHOOSER (chooser), unit->id);
  gtk_widget_set_hexpand (chooser, TRUE);
  dn_form_dialog_add_field (dialog, _("Merge _into"), _("Unit that takes over"), chooser);
  if (!dn_chooser_reload (DN_CHOOSER (chooser), &error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      _dn_units_page_show_message (self, error->message);
      return;
    }
  g_object_set_data (G_OBJECT (dialog), "into-chooser", chooser);
  g_object_set_data_full (G_OBJECT (dialog), "unit-id", _dn_units_page_id_dup (unit->id), g_free);
  dn_form_dialog_set_apply_func (dialog, merge_apply, g_object_ref (self), g_object_unref);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), _dn_units_page_parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_archive_response_cb (GtkDialog   *dialog,
                        int          response,
                        DnUnitsPage *self)
{
  gint64 unit_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "unit-id");

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    set_archived (self, unit_id, TRUE);
}

static void
archive_unit_action (DnUnitsPage *self)
{
  DnUnit *unit;
  g_autoptr(GString) detail = NULL;
  g_autoptr(GPtrArray) below = NULL;
  g_autofree char *question = NULL;
  GtkWidget *dialog;
  guint n_below;

  if (self->store == NULL || self->unit_id == 0)
    return;
  unit = _dn_units_page_lookup_unit (self, self->unit_id);
  if (unit == NULL)
    return;
  if (unit->archived)
    {
      /* restoring loses nothing: no question asked */
      set_archived (self, unit->id, FALSE);
      return;
    }

  /* the units below it, from the tree read */
  below = g_ptr_array_new ();
  g_ptr_array_add (below, unit);
  for (guint i = 0; i < below->len; i++)
    {
      DnUnit *up = below->pdata[i];
      GPtrArray *children = g_hash_table_lookup (self->unit_children, &up->id);

      for (guint j = 0; children != NULL && j < children->len; j++)
        g_ptr_array_add (below, children->pdata[j]);
    }
  n_below = below->len - 1;
  detail = g_string_new (_("Archived units disappear from the lists where units are chosen, "
                           "but their tasks, staff and history are kept. "
                           "Turn on “Show archived units” to see it again and restore it."));
  if (n_below > 0)
    {
      g_string_append (detail, "\n\n");
      g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE,
                                                   "Its %u sub-unit is hidden with it.",
                                                   "Its %u sub-units are hidden with it.", n_below),
                              n_below);
    }
  question = g_strdup_printf (_("Archive “%s”?"), unit->name);
  dialog = dn_ui_confirm_new (_dn_units_page_parent_window (self), GTK_MESSAGE_QUESTION, question, detail->str,
                              _("_Archive"));
  g_object_set_data_full (G_OBJECT (dialog), "unit-id", _dn_units_page_id_dup (unit->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_person_saved_cb (DnUnitsPage *self,
                    gint64       person_id)
{
  _dn_units_page_hide_message (self);
  /* selected now if listed already, else once the staff is read again */
  self->keep_person_id = person_id;
  _dn_units_page_select_person (self, person_id);
}

static void
open_person_editor (DnUnitsPage *self,
                    gint64       person_id)
{
  g_autoptr(GError) error = NULL;
  DnPersonEditor *editor;

  if (self->store == NULL)
    return;
  editor = dn_person_editor_new (self->store, person_id, self->unit_id, &error);
  present_editor (self, editor, error, G_CALLBACK (on_person_saved_cb));
}

static void
add_person_action (DnUnitsPage *self)
{
  open_person_editor (self, 0);
}

static void
edit_person_action (DnUnitsPage *self)
{
  gint64 person_id = _dn_units_page_selected_person_id (self);

  if (person_id > 0)
    open_person_editor (self, person_id);
}

static void
on_person_removed (GtkWidget    *widget,
                   DnWrite      *write,
                   const GError *error,
                   gpointer      data)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not removed: %s"), (const char *) data, error->message);

      _dn_units_page_show_message (self, message);
    }
  else
    _dn_units_page_hide_message (self);
}

static void
on_remove_response_cb (GtkDialog   *dialog,
                       int          response,
                       DnUnitsPage *self)
{
  gint64 person_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "person-id");
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (dialog), "person-name"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    return;
  dn_window_context_delete_for (GTK_WIDGET (self), self->store, &dn_writable_person, person_id, on_person_removed,
                                g_steal_pointer (&name), g_free);
}

static void
remove_person_action (DnUnitsPage *self)
{
  DnPerson *person = gtk_single_selection_get_selected_item (self->staff_selection);
  g_autofree char *name = NULL;
  g_autofree char *question = NULL;
  GtkWidget *dialog;

  if (person == NULL || self->store == NULL)
    return;
  name = dn_person_dup_full_name (person);
  question = g_strdup_printf (_("Remove “%s” from the staff list?"), name);
  dialog = dn_ui_confirm_new (_dn_units_page_parent_window (self), GTK_MESSAGE_QUESTION, question,
                              _("This cannot be undone. People named in tasks, "
                                "delegations or documents cannot be removed."),
                              _("_Remove"));
  g_object_set_data_full (G_OBJECT (dialog), "person-id", _dn_units_page_id_dup (person->id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "person-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hide_message_action (DnUnitsPage *self)
{
  _dn_units_page_hide_message (self);
}

void
_dn_units_page_install_actions (GtkWidgetClass *widget_class)
{
  static const DnAction actions[] = {
    { "units.add", G_CALLBACK (add_unit_action) },
    { "units.rename", G_CALLBACK (rename_unit_action) },
    { "units.move", G_CALLBACK (move_unit_action) },
    { "units.archive", G_CALLBACK (archive_unit_action) },
    { "units.merge", G_CALLBACK (merge_unit_action) },
    { "people.add", G_CALLBACK (add_person_action) },
    { "people.edit", G_CALLBACK (edit_person_action) },
    { "people.remove", G_CALLBACK (remove_person_action) },
    { "units.hide-message", G_CALLBACK (hide_message_action) },
  };

  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
}
