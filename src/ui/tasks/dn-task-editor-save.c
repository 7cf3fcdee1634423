/* dn-task-editor-save.c: saving the task editor through the window's
 * writer (dn-task-editor.h): at once in the local database, or waiting for
 * the department server with the input kept; when someone else saved the
 * task after it was read, their version shown and the choice offered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-task-details.h"
#include "dn-task-editor-private.h"
#include "dn-window-context.h"

/* After the write: what it made said, Undo offered, the editor closed */
static void
finish_save (DnTaskEditor   *self,
             DnWrite        *write,
             DnTaskSnapshot *before)
{
  DnTask *task = write->task;
  g_autofree char *next_due = NULL;
  DnWindowContext *context;
  gint64 next_id = write->next_id;

  /* a repeating task set to done got its next occurrence in the write's
   * own transaction, as "Mark as done" does */
  if (next_id > 0)
    {
      g_autoptr(DnTask) next = dn_store_get_task (self->store, next_id, NULL);

      if (next != NULL && g_date_valid (&next->due_date))
        next_due = dn_date_format_short (&next->due_date);
    }

  g_object_ref (self);
  context = dn_window_context_from_widget (GTK_WIDGET (self));
  if (self->original != NULL && context != NULL && before != NULL)
    {
      g_autofree char *message = next_due != NULL
        ? g_strdup_printf (_("Task “%s” changed. Its next occurrence is due on %s."), task->title, next_due)
        : g_strdup_printf (_("Task “%s” changed."), task->title);

      dn_task_details_push_undo (context, message, before, write->made_id);
    }
  else
    {
      if (before != NULL)
        dn_task_snapshot_free (before);
      if (next_due != NULL && context != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The task is done. Its next occurrence is due on %s."),
                                                      next_due);

          dn_window_context_show_message (context, message);
        }
    }
  g_signal_emit (self, _dn_task_editor_saved_signal, 0, task->id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* One line per field someone else saved differently from this form */
static char *
describe_theirs (DnTaskEditor *self,
                 DnTask       *mine,
                 DnTask       *theirs)
{
  GString *text = g_string_new (NULL);

  if (g_strcmp0 (mine->title, theirs->title) != 0)
    g_string_append_printf (text, _("\n• Title: “%s”"), theirs->title);
  if (g_date_valid (&theirs->due_date) != g_date_valid (&mine->due_date) ||
      (g_date_valid (&theirs->due_date) && g_date_compare (&theirs->due_date, &mine->due_date) != 0))
    {
      g_autofree char *due = g_date_valid (&theirs->due_date) ? dn_date_format_short (&theirs->due_date)
                                                              : g_strdup (_("none"));

      g_string_append_printf (text, _("\n• Deadline: %s"), due);
    }
  if (mine->status != theirs->status)
    g_string_append_printf (text, _("\n• Status: %s"), dn_status_get_label (theirs->status));
  if (mine->lead_unit_id != theirs->lead_unit_id)
    g_string_append_printf (text, _("\n• Lead unit: %s"), theirs->lead_unit_name);
  if (g_strcmp0 (mine->description, theirs->description) != 0)
    g_string_append (text, _("\n• The description"));
  if (g_strcmp0 (mine->section, theirs->section) != 0 || mine->recurrence != theirs->recurrence ||
      mine->document_id != theirs->document_id || g_strcmp0 (mine->support_unit_codes, theirs->support_unit_codes) != 0)
    g_string_append (text, _("\n• Other fields (source, repetition or supporting units)"));
  return g_string_free (text, FALSE);
}

/* The save was refused: why, the input kept; after a conflict, what the
 * other officer saved and the choice between the two */
static void
show_save_error (DnTaskEditor *self,
                 DnTask       *mine,
                 const GError *error)
{
  g_autofree char *message = NULL;

  g_clear_object (&self->theirs);
  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT) && self->original != NULL)
    self->theirs = dn_store_get_task (self->store, self->original->id, NULL);
  if (self->theirs != NULL)
    {
      g_autofree char *changes = describe_theirs (self, mine, self->theirs);

      message = g_strdup_printf (_("Someone else saved this task while you were editing it. Their version:%s\n"
                                   "Your changes are still in the form: keep theirs, or save yours over it."),
                                 changes[0] != '\0' ? changes : _("\n• No field differs from yours"));
    }
  gtk_label_set_text (self->store_error, message != NULL ? message : error->message);
  gtk_widget_set_visible (self->store_error_box, TRUE);
  gtk_widget_set_visible (self->conflict_box, self->theirs != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.take-theirs", self->theirs != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-mine", self->theirs != NULL);
}

typedef struct
{
  GWeakRef        editor;
  DnWrite        *write;
  DnTaskSnapshot *before;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_weak_ref_clear (&data->editor);
  dn_write_unref (data->write);
  if (data->before != NULL)
    dn_task_snapshot_free (data->before);
  g_free (data);
}

static void
on_task_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(DnTaskEditor) self = g_weak_ref_get (&data->editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) write = dn_write_ref (data->write);
  gboolean ok = dn_writer_write_finish (DN_WRITER (source), result, &error);

  if (self == NULL || self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      save_data_free (data);
      return;
    }
  g_clear_object (&self->saving);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (ok)
    {
      DnTaskSnapshot *before = g_steal_pointer (&data->before);

      save_data_free (data);
      finish_save (self, write, before);
      return;
    }
  show_save_error (self, write->task, error);
  save_data_free (data);
}

gboolean
dn_task_editor_save (DnTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnWrite) write = NULL;
  g_autoptr(DnWriter) writer = NULL;
  g_autoptr(DnTaskSnapshot) before = NULL;
  GtkWidget *invalid;
  SaveData *data;

  g_return_val_if_fail (DN_IS_TASK_EDITOR (self), FALSE);

  if (self->saving != NULL)
    return TRUE;
  self->attempted = TRUE;
  _dn_task_editor_hide_store_error (self);
  invalid = _dn_task_editor_validate (self);
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return FALSE;
    }

  task = _dn_task_editor_build_task (self);
  /* what Undo puts back: the task and its unit rows as they are now */
  if (self->original != NULL)
    before = dn_store_snapshot_task (self->store, task->id, NULL);
  write = dn_write_new (self->original != NULL ? DN_WRITE_UPDATE_TASK : DN_WRITE_ADD_TASK);
  write->task = g_object_ref (task);
  write->revision = self->original != NULL ? self->revision : -1;
  writer = dn_window_context_dup_writer_for (GTK_WIDGET (self), self->store);
  if (dn_writer_write_now (writer, write, &error))
    {
      finish_save (self, write, g_steal_pointer (&before));
      return TRUE;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      show_save_error (self, task, error);
      return FALSE;
    }
  /* through the department server: the form waits, its input kept */
  data = g_new0 (SaveData, 1);
  g_weak_ref_init (&data->editor, self);
  data->write = dn_write_ref (write);
  data->before = g_steal_pointer (&before);
  self->saving = g_cancellable_new ();
  gtk_widget_set_sensitive (self->save_button, FALSE);
  dn_writer_write_async (writer, write, self->saving, on_task_written_cb, data);
  return TRUE;
}

gboolean
dn_task_editor_is_saving (DnTaskEditor *self)
{
  g_return_val_if_fail (DN_IS_TASK_EDITOR (self), FALSE);
  return self->saving != NULL;
}

/* After a conflict: the form takes what the other officer saved */
void
_dn_task_editor_take_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DnTaskEditor *self = DN_TASK_EDITOR (widget);
  g_autoptr(DnTask) theirs = self->theirs != NULL ? g_object_ref (self->theirs) : NULL;

  if (theirs == NULL)
    return;
  _dn_task_editor_hide_store_error (self);
  g_set_object (&self->original, theirs);
  g_clear_object (&self->initial);
  self->initial = _dn_task_editor_task_copy (theirs);
  self->revision = dn_store_get_row_revision (self->store, "task", theirs->id, NULL);
  _dn_task_editor_fill_form (self, self->initial);
  self->dirty = FALSE;
}

/* After a conflict: this form's values saved over theirs, knowingly */
void
_dn_task_editor_save_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DnTaskEditor *self = DN_TASK_EDITOR (widget);

  if (self->theirs == NULL)
    return;
  self->revision = dn_store_get_row_revision (self->store, "task", self->theirs->id, NULL);
  dn_task_editor_save (self);
}
