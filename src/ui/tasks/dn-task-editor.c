/* dn-task-editor.c
 *
 * Every field is checked as the officer edits it; a missing value is only
 * pointed out once the field has been left (or Save was pressed), a
 * contradiction (due before the document, a unit both leading and
 * supporting) at once. Save checks everything again, then lets the store
 * have the last word: its refusal is shown above the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-document-chooser.h"
#include "dn-document-form.h"
#include "dn-task-details.h"
#include "dn-task-editor-private.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"
#include "dn-window-context.h"


G_DEFINE_FINAL_TYPE (DnTaskEditor, dn_task_editor, GTK_TYPE_WINDOW)

guint _dn_task_editor_saved_signal;


/*
 * Records
 */

/* Replaces the text *@field of a record by @text (taken). */
static void
take_text (char **field,
           char  *text)
{
  g_free (*field);
  *field = text;
}

DnTask *
_dn_task_editor_task_copy (DnTask *task)
{
  DnTask *copy = dn_task_new ();

  copy->id = task->id;
  copy->document_id = task->document_id;
  take_text (&copy->section, g_strdup (task->section));
  take_text (&copy->title, g_strdup (task->title));
  take_text (&copy->description, g_strdup (task->description));
  copy->due_date = task->due_date;
  copy->recurrence = task->recurrence;
  copy->status = task->status;
  copy->parent_id = task->parent_id;
  copy->lead_unit_id = task->lead_unit_id;
  g_array_append_vals (copy->support_unit_ids, task->support_unit_ids->data, task->support_unit_ids->len);
  take_text (&copy->lead_unit_code, g_strdup (task->lead_unit_code));
  take_text (&copy->lead_unit_name, g_strdup (task->lead_unit_name));
  take_text (&copy->document_label, g_strdup (task->document_label));
  return copy;
}

/*
 * Reading the form
 */

static char *
get_title (DnTaskEditor *self)
{
  return dn_ui_editable_dup_text (GTK_WIDGET (self->title_entry));
}

static char *
get_description (DnTaskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* The chosen source document, or NULL: read once per choice, not at each
 * check of the form (every keystroke). */
static DnDocument *
get_document (DnTaskEditor *self)
{
  gint64 id = dn_chooser_get_id (self->document_chooser);

  if (id <= 0)
    g_clear_object (&self->document);
  else if (self->document == NULL || self->document->id != id)
    {
      g_clear_object (&self->document);
      self->document = dn_store_get_document (self->store, id, NULL);
    }
  return self->document;
}

static DnRecurrence
get_recurrence (DnTaskEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->recurrence_dropdown);

  return position < DN_RECURRENCE_N ? (DnRecurrence) position : DN_RECURRENCE_NONE;
}

static DnStatus
get_status (DnTaskEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->status_dropdown);

  return position < DN_STATUS_N ? (DnStatus) position : DN_STATUS_OPEN;
}

DnTask *
_dn_task_editor_build_task (DnTaskEditor *self)
{
  DnTask *task = dn_task_new ();
  g_autoptr(GArray) supports = dn_chooser_get_ids (DN_CHOOSER (self->support_chooser));

  if (self->original != NULL)
    {
      task->id = self->original->id;
      task->parent_id = self->original->parent_id;
    }
  else if (self->initial != NULL)
    task->parent_id = self->initial->parent_id;
  take_text (&task->title, get_title (self));
  take_text (&task->description, get_description (self));
  take_text (&task->section, dn_ui_editable_dup_text (GTK_WIDGET (self->section_entry)));
  task->document_id = dn_chooser_get_id (self->document_chooser);
  dn_date_entry_get_date (self->due_entry, &task->due_date);
  task->recurrence = get_recurrence (self);
  task->status = get_status (self);
  task->lead_unit_id = dn_unit_chooser_get_unit (self->lead_chooser);
  g_array_append_vals (task->support_unit_ids, supports->data, supports->len);
  return task;
}

/*
 * Validation
 */

static void
show_error (GtkLabel   *label,
            GtkWidget  *field,
            const char *message)
{
  gboolean shown = message != NULL;

  gtk_label_set_text (label, shown ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
  if (field != NULL && GTK_IS_ENTRY (field))
    {
      if (shown)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }
  if (field != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                 shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

void
_dn_task_editor_hide_store_error (DnTaskEditor *self)
{
  gtk_widget_set_visible (self->store_error_box, FALSE);
  gtk_widget_set_visible (self->conflict_box, FALSE);
  gtk_label_set_text (self->store_error, "");
  g_clear_object (&self->theirs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.take-theirs", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-mine", FALSE);
}

/* Checks the whole form; shows the errors the officer should see now (all
 * of them after Save). Returns the first field in error, NULL when the form
 * can be saved. */
static GtkWidget *
validate_form (DnTaskEditor *self)
{
  g_autofree char *title = get_title (self);
  g_autofree char *title_msg = NULL;
  g_autofree char *due_msg = NULL;
  g_autofree char *lead_msg = NULL;
  g_autofree char *support_msg = NULL;
  g_autoptr(GArray) supports = dn_chooser_get_ids (DN_CHOOSER (self->support_chooser));
  gint64 lead = dn_unit_chooser_get_unit (self->lead_chooser);
  DnDocument *document = get_document (self);
  GtkWidget *first = NULL;
  gboolean due_conflict = FALSE;
  GDate due;

  /* title */
  if (title[0] == '\0')
    {
      first = GTK_WIDGET (self->title_entry);
      if (self->attempted || self->title_touched)
        title_msg = g_strdup (_("Give the task a title."));
    }

  /* due date */
  if (!dn_date_entry_is_valid (self->due_entry))
    {
      if (first == NULL)
        first = GTK_WIDGET (self->due_entry);
      if (self->attempted || self->due_touched)
        {
          g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_entry))));
          due_msg = g_strdup_printf (_("“%s” is not a date. Type the day, month and year, for example 30/6/2024."),
                                     typed);
        }
    }
  else if (dn_date_entry_get_date (self->due_entry, &due))
    {
      if (document != NULL && g_date_valid (&document->issue_date) &&
          g_date_compare (&due, &document->issue_date) < 0)
        {
          g_autofree char *when = dn_date_format_short (&document->issue_date);

          due_msg = g_strdup_printf (_("The due date is before the date of the source document (%s)."), when);
          due_conflict = TRUE;
          if (first == NULL)
            first = GTK_WIDGET (self->due_entry);
        }
    }
  else if (get_recurrence (self) != DN_RECURRENCE_NONE)
    {
      due_msg = g_strdup (_("A recurring task needs a due date."));
      due_conflict = TRUE;
      if (first == NULL)
        first = GTK_WIDGET (self->due_entry);
    }

  /* lead unit */
  if (lead <= 0)
    {
      if (first == NULL)
        first = GTK_WIDGET (self->lead_chooser);
      if (self->attempted || self->lead_touched)
        lead_msg = g_strdup (_("Choose the lead unit: the unit in charge of the task."));
    }

  /* supporting units */
  for (guint i = 0; lead > 0 && i < supports->len; i++)
    if (g_array_index (supports, gint64, i) == lead)
      {
        support_msg = g_strdup_printf (_("“%s” cannot both lead the task and support it. "
                                         "Remove it from the supporting units, or choose another lead unit."),
                                       dn_chooser_get_name (DN_CHOOSER (self->lead_chooser), lead));
        if (first == NULL)
          first = GTK_WIDGET (self->support_chooser);
        break;
      }

  show_error (self->title_error, GTK_WIDGET (self->title_entry), title_msg);
  show_error (self->due_error, GTK_WIDGET (self->due_entry), due_msg);
  dn_date_entry_set_error (self->due_entry, due_conflict || (due_msg != NULL && self->attempted));
  show_error (self->lead_error, GTK_WIDGET (self->lead_chooser), lead_msg);
  show_error (self->support_error, GTK_WIDGET (self->support_chooser), support_msg);
  return first;
}

GtkWidget *
_dn_task_editor_validate (DnTaskEditor *self)
{
  if (self->loading || self->disposed)
    return NULL;
  return validate_form (self);
}

/*
 * Signal handlers
 */

static void
mark_dirty (DnTaskEditor *self)
{
  if (!self->loading && !self->disposed)
    self->dirty = TRUE;
}

/* A field whose error shows once the officer changed it (not when the
 * editor fills it in). */
static void
field_touched (DnTaskEditor *self,
               gboolean     *touched)
{
  if (!self->loading)
    *touched = TRUE;
  mark_dirty (self);
  _dn_task_editor_validate (self);
}

static void
on_title_changed_cb (DnTaskEditor *self)
{
  field_touched (self, &self->title_touched);
}

static void
on_field_changed_cb (DnTaskEditor *self)
{
  mark_dirty (self);
}

/* the due date, the document, the recurrence, the supporting units */
static void
on_checked_field_changed_cb (DnTaskEditor *self)
{
  mark_dirty (self);
  _dn_task_editor_validate (self);
}

static void
on_due_focus_leave_cb (DnTaskEditor *self)
{
  self->due_touched = TRUE;
  _dn_task_editor_validate (self);
}

static void
on_lead_changed_cb (DnTaskEditor *self)
{
  field_touched (self, &self->lead_touched);
}

static void
on_discard_response_cb (GtkDialog    *dialog,
                        int           response,
                        DnTaskEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_REJECT)
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Closing (Cancel, Escape, the window's close button) with unsaved typing
 * asks first. */
static gboolean
dn_task_editor_close_request (GtkWindow *window)
{
  DnTaskEditor *self = DN_TASK_EDITOR (window);
  GtkWidget *dialog;
  GtkWidget *discard;

  if (!self->dirty || self->discard)
    return GTK_WINDOW_CLASS (dn_task_editor_parent_class)->close_request (window);

  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", self->original != NULL ? _("Discard the changes to this task?")
                                                                : _("Discard this new task?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("What you have typed has not been saved."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Keep Editing"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_save_clicked_cb (DnTaskEditor *self)
{
  dn_task_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  dn_task_editor_save (DN_TASK_EDITOR (widget));
}

/*
 * Filling the form
 */

static void
load_choices (DnTaskEditor *self)
{
  dn_ui_drop_down_set_enum (self->recurrence_dropdown, DN_RECURRENCE_N, G_CALLBACK (dn_recurrence_get_label));
  dn_ui_drop_down_set_enum (self->status_dropdown, DN_STATUS_N, G_CALLBACK (dn_status_get_label));
}

void
_dn_task_editor_fill_form (DnTaskEditor *self,
           DnTask       *task)
{
  self->loading = TRUE;
  load_choices (self);
  dn_chooser_set_store (self->document_chooser, self->store);
  dn_chooser_set_store (DN_CHOOSER (self->lead_chooser), self->store);
  dn_chooser_set_store (DN_CHOOSER (self->support_chooser), self->store);

  if (task != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), task->title);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), task->description, -1);
      gtk_editable_set_text (GTK_EDITABLE (self->section_entry), task->section);
      dn_chooser_set_id (self->document_chooser, task->document_id);
      dn_date_entry_set_date (self->due_entry, &task->due_date);
      gtk_drop_down_set_selected (self->recurrence_dropdown, (guint) task->recurrence);
      gtk_drop_down_set_selected (self->status_dropdown, (guint) task->status);
      dn_chooser_set_id (DN_CHOOSER (self->lead_chooser), task->lead_unit_id);
      dn_chooser_set_ids (DN_CHOOSER (self->support_chooser), (const gint64 *) (gpointer) task->support_unit_ids->data,
                                 task->support_unit_ids->len);
    }
  else
    {
      gtk_drop_down_set_selected (self->recurrence_dropdown, DN_RECURRENCE_NONE);
      gtk_drop_down_set_selected (self->status_dropdown, DN_STATUS_OPEN);
    }
  self->loading = FALSE;
  _dn_task_editor_validate (self);
}

/* A new directive is entered without leaving the editor, and chosen. The
 * form does not keep the editor alive (GTK unsets its parent after it
 * released what it holds). */
static void
on_document_added (gint64   document_id,
                   gpointer user_data)
{
  g_autoptr(DnTaskEditor) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return;
  dn_chooser_invalidate (self->document_chooser);
  dn_chooser_set_id (self->document_chooser, document_id);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
new_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DnTaskEditor *self = DN_TASK_EDITOR (widget);
  GWeakRef *editor = g_new0 (GWeakRef, 1);
  DnFormDialog *form;

  g_weak_ref_init (editor, self);
  form = dn_document_form_new (GTK_WINDOW (self), self->store, on_document_added, editor, weak_ref_free);
  gtk_window_present (GTK_WINDOW (form));
}

/*
 * GObject overrides
 */

static void
dn_task_editor_dispose (GObject *object)
{
  DnTaskEditor *self = DN_TASK_EDITOR (object);

  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_TASK_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->initial);
  g_clear_object (&self->theirs);
  g_clear_object (&self->document);
  if (self->saving != NULL)
    g_cancellable_cancel (self->saving);
  g_clear_object (&self->saving);

  G_OBJECT_CLASS (dn_task_editor_parent_class)->dispose (object);
}

static void
dn_task_editor_class_init (DnTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_task_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = dn_task_editor_close_request;

  /**
   * DnTaskEditor::saved:
   * @id: the id of the task
   *
   * The task was stored; the editor closes next.
   */
  _dn_task_editor_saved_signal = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DN_TYPE_DATE_ENTRY);
  g_type_ensure (DN_TYPE_UNIT_CHOOSER);
  g_type_ensure (DN_TYPE_DOCUMENT_CHOOSER);
  dn_ui_class_set_template (widget_class, "dn-task-editor.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnTaskEditor, save_button, store_error_box, store_error, conflict_box,
                             title_entry, title_error, description_view, document_chooser, section_entry,
                             due_entry, due_error, recurrence_dropdown, lead_chooser, lead_error,
                             support_chooser, support_error, status_dropdown);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_title_changed_cb, on_checked_field_changed_cb,
                              on_field_changed_cb, on_lead_changed_cb, on_save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.new-document", NULL, new_document_action);
  gtk_widget_class_install_action (widget_class, "editor.take-theirs", NULL, _dn_task_editor_take_theirs_action);
  gtk_widget_class_install_action (widget_class, "editor.save-mine", NULL, _dn_task_editor_save_mine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dn_task_editor_init (DnTaskEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_due_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->due_entry), focus);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->title_error, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->due_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->due_error, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->lead_chooser),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->lead_error, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->support_chooser),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->support_error, NULL, -1);
}

/*
 * Public API
 */

DnTaskEditor *
dn_task_editor_new (DnStore *store,
                    DnTask  *task)
{
  DnTaskEditor *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (task == NULL || DN_IS_TASK (task), NULL);

  self = g_object_new (DN_TYPE_TASK_EDITOR, NULL);
  self->store = g_object_ref (store);
  if (task != NULL)
    {
      /* a task with an id is edited; without, it only fills a new one */
      if (task->id > 0)
        {
          self->original = dn_store_get_task (store, task->id, NULL);
          if (self->original == NULL)
            self->original = _dn_task_editor_task_copy (task);
          /* a save made on it checks that nobody changed it since */
          self->revision = dn_store_get_row_revision (store, "task", task->id, NULL);
          gtk_window_set_title (GTK_WINDOW (self), _("Edit Task"));
        }
      self->initial = _dn_task_editor_task_copy (self->original != NULL ? self->original : task);
    }
  _dn_task_editor_fill_form (self, self->initial);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  return self;
}

