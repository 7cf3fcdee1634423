/* dn-task-details.c
 *
 * The window reads the task again (in an idle, coalescing bursts of
 * writes) whenever the store reports a change, and rebuilds its lists
 * (their rows: dn-task-rows.c). The small dialogs (extend a deadline, send
 * a reminder, add progress, pass down) are in dn-task-forms.c. Every button
 * runs an action of the "task" group (task.edit, task.mark-done,
 * task.extend-deadline…), enabled or not by update_actions().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-attachment-list.h"
#include "dn-date.h"
#include "dn-details-window.h"
#include "dn-document-details.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-task-forms.h"
#include "dn-task-rows.h"
#include "dn-ui.h"
#include "dn-window-context.h"

#define MAX_CHILDREN 1000
/* a longer title is cut in the message after a delete */
#define MAX_TITLE_IN_MESSAGE 60

struct _DnTaskDetails
{
  DnDetailsWindow parent_instance;

  DnTask         *task;

  /* Template widgets */
  GtkWidget      *edit_button;
  GtkWidget      *done_button;
  GtkWidget      *pass_down_button;
  GtkRevealer    *message_revealer;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkWidget      *missing_label;
  GtkWidget      *content;
  GtkLinkButton  *parent_button;
  GtkLabel       *title_label;
  GtkLabel       *document_label;
  GtkLabel       *section_label;
  GtkLabel       *due_label;
  GtkLabel       *recurrence_label;
  GtkLabel       *status_label;
  GtkLabel       *lead_label;
  GtkLabel       *support_label;
  GtkLevelBar    *progress_bar;
  GtkLabel       *progress_label;
  GtkWidget      *description_heading;
  GtkLabel       *description_label;
  GtkWidget      *children_box;
  GtkLabel       *rollup_label;
  GtkListBox     *children_list;
  GtkListBox     *assignments_list;
  GtkWidget      *add_progress_button;
  GtkListBox     *progress_list;
  GtkWidget      *progress_empty;
  GtkListBox     *reminders_list;
  GtkWidget      *reminders_empty;
  DnAttachmentList *attachments;
};

G_DEFINE_FINAL_TYPE (DnTaskDetails, dn_task_details, DN_TYPE_DETAILS_WINDOW)

static void update_actions (DnTaskDetails *self);

/*
 * Small helpers
 */


static void
show_message (DnTaskDetails *self,
              const char    *message,
              gboolean       error)
{
  gtk_label_set_text (self->message_label, message);
  dn_ui_set_css_class (self->message_box, "dn-error-banner", error);
  dn_ui_set_css_class (self->message_box, "dn-info-banner", !error);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
on_message_close_cb (DnTaskDetails *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* Presents the details of @task_id: the window already showing it, or a
 * new one next to this one. */
static void
open_task (DnTaskDetails *self,
           gint64         task_id)
{
  GtkWindow *open = dn_details_window_find (DN_TYPE_TASK_DETAILS, task_id, NULL);
  DnTaskDetails *details;
  GtkWindow *parent;

  if (open != NULL)
    {
      gtk_window_present (open);
      return;
    }
  details = dn_task_details_new (dn_details_window_get_store (self), task_id);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (details), parent);
  gtk_window_present (GTK_WINDOW (details));
}

/*
 * Rows
 */

static void
on_child_activated_cb (DnTaskDetails *self,
                       GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "task-id");

  if (id != NULL)
    open_task (self, *id);
}

static gboolean
on_parent_link_cb (DnTaskDetails *self)
{
  if (self->task != NULL && self->task->parent_id > 0)
    open_task (self, self->task->parent_id);
  return TRUE; /* not a web address */
}

/* A unit's part written: the drop-down keeps the new status, or goes back
 * to the one written, saying why */
static void
on_assignment_written (GtkWidget    *widget,
                       DnWrite      *write,
                       const GError *error,
                       gpointer      data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (widget);
  DnAssignment *a = g_object_get_data (G_OBJECT (dropdown), "assignment");
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_widget_set_sensitive (widget, TRUE);
  if (a == NULL)
    return;
  if (error == NULL)
    {
      a->status = write->status;
      return;
    }
  gtk_drop_down_set_selected (dropdown, (guint) a->status);
  if (DN_IS_TASK_DETAILS (root))
    show_message (DN_TASK_DETAILS (root), error->message, TRUE);
}

static void
on_assignment_status_cb (GtkDropDown   *dropdown,
                         GParamSpec    *pspec,
                         DnTaskDetails *self)
{
  DnAssignment *a = g_object_get_data (G_OBJECT (dropdown), "assignment");
  g_autoptr(DnWrite) write = NULL;
  guint position = gtk_drop_down_get_selected (dropdown);

  if (a == NULL || position >= DN_STATUS_N || (DnStatus) position == a->status)
    return;
  write = dn_write_new (DN_WRITE_SET_ASSIGNMENT_STATUS);
  write->id = a->id;
  write->status = (DnStatus) position;
  /* not changed again until this one is written */
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), FALSE);
  dn_window_context_write_for (GTK_WIDGET (dropdown), dn_details_window_get_store (self), write,
                               on_assignment_written, NULL, NULL);
}

/*
 * Reading the task
 */

static void
show_missing (DnTaskDetails *self)
{
  g_clear_object (&self->task);
  gtk_widget_set_visible (self->missing_label, TRUE);
  gtk_widget_set_visible (self->content, FALSE);
  update_actions (self);
}

static void
reload_facts (DnTaskDetails *self,
              DnTask        *task)
{
  DnStore *store = dn_details_window_get_store (self);
  g_autofree char *due = dn_task_rows_format_deadline (&task->due_date, task->status);
  g_autofree char *progress = NULL;

  gtk_window_set_title (GTK_WINDOW (self), task->title);
  gtk_label_set_text (self->title_label, task->title);

  /* parent: "Part of: …" */
  gtk_widget_set_visible (GTK_WIDGET (self->parent_button), task->parent_id > 0);
  if (task->parent_id > 0)
    {
      g_autoptr(DnTask) parent = dn_store_get_task (store, task->parent_id, NULL);
      g_autofree char *text = NULL;

      /* a passed-down task has its parent's title: then the parent's lead unit tells them apart */
      if (parent != NULL && g_strcmp0 (parent->title, task->title) == 0)
        text = g_strdup_printf (_("Part of: the task led by %s"), parent->lead_unit_name);
      else if (parent != NULL)
        text = g_strdup_printf (_("Part of: %s (led by %s)"), parent->title, parent->lead_unit_name);
      else
        text = g_strdup (_("Part of a task that no longer exists"));
      gtk_button_set_label (GTK_BUTTON (self->parent_button), text);
      {
        GtkWidget *label = gtk_button_get_child (GTK_BUTTON (self->parent_button));

        if (GTK_IS_LABEL (label))
          {
            gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
            gtk_label_set_xalign (GTK_LABEL (label), 0);
          }
      }
      gtk_widget_set_sensitive (GTK_WIDGET (self->parent_button), parent != NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->parent_button), parent != NULL ? parent->title : NULL);
    }

  /* source document: "số/ký hiệu", date, subject */
  if (task->document_id > 0)
    {
      g_autoptr(DnDocument) document = dn_store_get_document (store, task->document_id, NULL);
      GString *text = g_string_new (task->document_label);

      if (document != NULL && g_date_valid (&document->issue_date))
        {
          g_autofree char *when = dn_date_format_short (&document->issue_date);
          g_string_append_printf (text, _(", dated %s"), when);
        }
      if (document != NULL && document->subject[0] != '\0')
        g_string_append_printf (text, " — %s", document->subject);
      gtk_label_set_text (self->document_label, text->str);
      g_string_free (text, TRUE);
    }
  else
    gtk_label_set_text (self->document_label, _("none"));

  gtk_label_set_text (self->section_label, task->section[0] != '\0' ? task->section : _("none"));
  gtk_label_set_text (self->due_label, due);
  dn_ui_set_css_class (GTK_WIDGET (self->due_label), "dn-overdue", dn_task_rows_days_overdue (&task->due_date, task->status) > 0);
  gtk_label_set_text (self->recurrence_label, dn_recurrence_get_label (task->recurrence));
  gtk_label_set_text (self->status_label, dn_status_get_label (task->status));
  gtk_label_set_text (self->lead_label, task->lead_unit_name[0] != '\0' ? task->lead_unit_name : _("none"));

  /* supporting units by name */
  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < task->support_unit_ids->len; i++)
      {
        g_autoptr(DnUnit) unit = dn_store_get_unit (store, g_array_index (task->support_unit_ids, gint64, i), NULL);

        if (unit == NULL)
          continue;
        if (names->len > 0)
          g_string_append (names, "\n");
        g_string_append (names, unit->name);
      }
    gtk_label_set_text (self->support_label, names->len > 0 ? names->str : _("none"));
  }

  gtk_level_bar_set_value (self->progress_bar, CLAMP (task->progress, 0, 100));
  /* what the lead reported, and beside it what the sub-units did */
  if (task->n_children > 0 && task->children_progress >= 0)
    progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d%% reported; its %u sub-assigned task: %d%%",
                                             "%d%% reported; its %u sub-assigned tasks: %d%% on average",
                                             task->n_children),
                                task->progress, task->n_children, task->children_progress);
  else
    progress = g_strdup_printf (_("%d%%"), task->progress);
  gtk_label_set_text (self->progress_label, progress);

  gtk_label_set_text (self->description_label, task->description);
  gtk_widget_set_visible (self->description_heading, task->description[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), task->description[0] != '\0');
}

static void
reload_children (DnTaskDetails *self,
                 DnTask        *task)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rollup = NULL;
  DnTaskQuery query;

  dn_ui_list_box_clear (self->children_list);
  dn_task_query_init (&query);
  query.parent_id = task->id;
  query.sort = DN_TASK_SORT_LEAD_UNIT;
  children = dn_store_list_tasks (dn_details_window_get_store (self), &query, MAX_CHILDREN, &error);
  if (children == NULL)
    {
      g_warning ("%s", error->message);
      gtk_widget_set_visible (self->children_box, FALSE);
      return;
    }
  {
    /* columns line up from row to row */
    g_autoptr(GtkSizeGroup) status_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
    g_autoptr(GtkSizeGroup) due_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

    for (guint i = 0; i < children->len; i++)
      gtk_list_box_append (self->children_list, dn_task_rows_child (children->pdata[i], status_group, due_group));
  }
  gtk_widget_set_visible (self->children_box, children->len > 0);
  rollup = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Sub-units' progress %d%%: %u sub-assigned task.",
                                         "Sub-units' progress %d%%: the average of %u sub-assigned tasks.",
                                         children->len),
                            MAX (task->children_progress, 0), children->len);
  gtk_label_set_text (self->rollup_label, rollup);
}

/* dn_store_get_task() also reads deleted tasks (kept for undo); the lists
 * leave them out. Asks among the few tasks its lead unit leads at its
 * level. */
static gboolean
is_listed (DnTaskDetails *self,
           DnTask        *task)
{
  g_autoptr(GArray) ids = NULL;
  DnTaskQuery query;

  dn_task_query_init (&query);
  query.parent_id = task->parent_id > 0 ? task->parent_id : -1;
  if (task->lead_unit_id > 0)
    {
      query.unit_id = task->lead_unit_id;
      query.lead_only = TRUE;
    }
  ids = dn_store_list_task_ids (dn_details_window_get_store (self), &query, NULL);
  if (ids == NULL)
    return TRUE; /* cannot tell: show it */
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == task->id)
      return TRUE;
  return FALSE;
}

static void
reload (DnDetailsWindow *window)
{
  DnTaskDetails *self = DN_TASK_DETAILS (window);
  DnStore *store = dn_details_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) reminders = NULL;

  task = dn_store_get_task (store, dn_details_window_get_id (self), &error);
  if (task == NULL || !is_listed (self, task))
    {
      show_missing (self);
      return;
    }
  g_set_object (&self->task, task);
  gtk_widget_set_visible (self->missing_label, FALSE);
  gtk_widget_set_visible (self->content, TRUE);

  reload_facts (self, task);
  reload_children (self, task);

  dn_ui_list_box_clear (self->assignments_list);
  assignments = dn_store_list_assignments (store, task->id, NULL);
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    gtk_list_box_append (self->assignments_list,
                         dn_task_rows_assignment (store, assignments->pdata[i],
                                                  G_CALLBACK (on_assignment_status_cb), self));

  /* newest first */
  dn_ui_list_box_clear (self->progress_list);
  progress = dn_store_list_progress (store, task->id, NULL);
  for (guint i = progress != NULL ? progress->len : 0; i > 0; i--)
    gtk_list_box_append (self->progress_list, dn_task_rows_progress (store, progress->pdata[i - 1]));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_list), progress != NULL && progress->len > 0);
  gtk_widget_set_visible (self->progress_empty, progress == NULL || progress->len == 0);

  dn_ui_list_box_clear (self->reminders_list);
  reminders = dn_store_list_reminders (store, task->id, NULL);
  for (guint i = reminders != NULL ? reminders->len : 0; i > 0; i--)
    gtk_list_box_append (self->reminders_list, dn_task_rows_reminder (reminders->pdata[i - 1]));
  gtk_widget_set_visible (GTK_WIDGET (self->reminders_list), reminders != NULL && reminders->len > 0);
  gtk_widget_set_visible (self->reminders_empty, reminders == NULL || reminders->len == 0);

  update_actions (self);
}

/*
 * Actions
 */

static void
edit_action (DnTaskDetails *self)
{
  DnTaskEditor *editor;

  if (self->task == NULL)
    return;
  editor = dn_task_editor_new (dn_details_window_get_store (self), self->task);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
mark_done_action (DnTaskDetails *self)
{
  dn_task_forms_mark_done (self, dn_details_window_get_store (self), self->task);
}

static void
pass_down_action (DnTaskDetails *self)
{
  dn_task_forms_pass_down (self, dn_details_window_get_store (self), self->task);
}

static void
add_progress_action (DnTaskDetails *self)
{
  if (self->task != NULL)
    dn_task_forms_add_progress (self, dn_details_window_get_store (self), self->task);
}

/* The assignment of this task with id @param ("x"), or NULL (with the
 * reason shown). */
static DnAssignment *
dup_assignment (DnTaskDetails *self,
                GVariant      *param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAssignment) a = NULL;

  if (self->task == NULL || param == NULL)
    return NULL;
  a = dn_store_get_assignment (dn_details_window_get_store (self), g_variant_get_int64 (param), &error);
  if (a == NULL)
    {
      show_message (self, error->message, TRUE);
      return NULL;
    }
  if (a->task_id != dn_details_window_get_id (self))
    return NULL;
  return g_steal_pointer (&a);
}

/* task.extend-deadline and task.remind: the assignment's dialog */
static void
assignment_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  g_autoptr(DnAssignment) a = dup_assignment (self, param);

  if (a == NULL)
    return;
  if (g_str_equal (action_name, "task.extend-deadline"))
    dn_task_forms_extend_deadline (self, dn_details_window_get_store (self), a);
  else
    dn_task_forms_remind (self, dn_details_window_get_store (self), a);
}

/* task.open-document: the source document to be read (its PDF, else its
 * details) */
static void
open_document_action (DnTaskDetails *self)
{
  if (self->task != NULL && self->task->document_id > 0)
    dn_document_details_read (GTK_WINDOW (self), dn_details_window_get_store (self), self->task->document_id);
}

/* task.open-attachment (x): a file of the task or of a progress entry */
static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  g_autoptr(GError) error = NULL;

  if (!dn_attachment_open (GTK_WINDOW (self), dn_details_window_get_store (self), g_variant_get_int64 (param), 0,
                           NULL, &error))
    show_message (self, error->message, TRUE);
}

static gboolean
restore_task_cb (DnStore  *store,
                 gpointer  data,
                 GError  **error)
{
  return dn_store_restore_task (store, *(gint64 *) data, error);
}

/* Deleted tasks are kept (hidden) so that the window's Undo brings them
 * back. The details close: the message and its Undo are in the window. */
static void
on_deleted (GtkWidget    *widget,
            const char   *message,
            const GError *error)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);

  if (error != NULL)
    show_message (self, error->message, TRUE);
  else if (dn_window_context_from_widget (widget) != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      /* no window to offer Undo: the details stay, saying so */
      show_missing (self);
      show_message (self, message, FALSE);
    }
}

static void
delete_action (DnTaskDetails *self)
{
  if (self->task != NULL)
    dn_task_details_delete_task (GTK_WIDGET (self), dn_details_window_get_store (self), self->task, on_deleted);
}

/* Which actions apply to the task as it is now: the one place that
 * enables and disables them. */
static void
update_actions (DnTaskDetails *self)
{
  DnTask *task = self->task;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_pass_down = FALSE;

  if (task != NULL && task->lead_unit_id > 0)
    {
      g_autoptr(GPtrArray) sub_units = dn_store_list_units (dn_details_window_get_store (self), task->lead_unit_id,
                                                            FALSE, NULL);

      can_pass_down = sub_units != NULL && sub_units->len > 0;
    }
  gtk_widget_action_set_enabled (widget, "task.edit", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.delete", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.mark-done", task != NULL && task->status != DN_STATUS_DONE);
  gtk_widget_action_set_enabled (widget, "task.add-progress", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.extend-deadline", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.remind", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.pass-down", can_pass_down);
  gtk_widget_action_set_enabled (widget, "task.attach", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.open-document", task != NULL && task->document_id > 0);

  if (task == NULL)
    return;
  gtk_widget_set_tooltip_text (self->done_button,
                               task->status == DN_STATUS_DONE ? _("The task is done")
                               : task->recurrence != DN_RECURRENCE_NONE
                               ? _("Mark the task as done; its next occurrence is created")
                               : _("Mark the task as done"));
  gtk_widget_set_tooltip_text (self->pass_down_button,
                               can_pass_down ? _("Give this task to units under the lead unit (Giao cho đơn vị cấp dưới)")
                               : _("The lead unit has no sub-units"));
}

/*
 * GObject overrides
 */

static void
dn_task_details_dispose (GObject *object)
{
  DnTaskDetails *self = DN_TASK_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_TASK_DETAILS);
  g_clear_object (&self->task);

  G_OBJECT_CLASS (dn_task_details_parent_class)->dispose (object);
}

static void
dn_task_details_class_init (DnTaskDetailsClass *klass)
{
  static const DnAction actions[] = {
    { "task.edit", G_CALLBACK (edit_action) },
    { "task.delete", G_CALLBACK (delete_action) },
    { "task.mark-done", G_CALLBACK (mark_done_action) },
    { "task.add-progress", G_CALLBACK (add_progress_action) },
    { "task.pass-down", G_CALLBACK (pass_down_action) },
    { "task.open-document", G_CALLBACK (open_document_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_task_details_dispose;
  DN_DETAILS_WINDOW_CLASS (klass)->reload = reload;
  DN_DETAILS_WINDOW_CLASS (klass)->reload_at_idle = TRUE;

  g_type_ensure (DN_TYPE_ATTACHMENT_LIST);
  dn_ui_class_set_template (widget_class, "dn-task-details.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnTaskDetails, edit_button, done_button, pass_down_button,
                             message_revealer, message_box, message_label, missing_label, content,
                             parent_button, title_label, document_label, section_label, due_label,
                             recurrence_label, status_label, lead_label, support_label, progress_bar,
                             progress_label, description_heading, description_label, children_box,
                             rollup_label, children_list, assignments_list, add_progress_button,
                             progress_list, progress_empty, reminders_list, reminders_empty, attachments);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_message_close_cb, on_parent_link_cb, on_child_activated_cb);

  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_install_action (widget_class, "task.extend-deadline", "x", assignment_action);
  gtk_widget_class_install_action (widget_class, "task.remind", "x", assignment_action);
  gtk_widget_class_install_action (widget_class, "task.open-attachment", "x", open_attachment_action);
  dn_attachment_list_install_actions (widget_class, "task", FALSE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
dn_task_details_init (DnTaskDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/*
 * Public API
 */

DnTaskDetails *
dn_task_details_new (DnStore *store,
                     gint64   task_id)
{
  DnTaskDetails *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_TASK_DETAILS, NULL);
  dn_attachment_list_set_record (self->attachments, GTK_WIDGET (self), "task", store, DN_RECORD_TASK, task_id);
  dn_details_window_set_record (DN_DETAILS_WINDOW (self), store, task_id);
  /* not the (selectable) title: it would open all selected */
  gtk_widget_grab_focus (self->edit_button);
  return self;
}

gint64
dn_task_details_get_task (DnTaskDetails *self)
{
  g_return_val_if_fail (DN_IS_TASK_DETAILS (self), 0);
  return dn_details_window_get_id (self);
}

void
dn_task_details_show_message (DnTaskDetails *self,
                              const char    *message,
                              gboolean       error)
{
  g_return_if_fail (DN_IS_TASK_DETAILS (self));
  show_message (self, message, error);
}

typedef struct
{
  DnTaskSnapshot *snapshot;
  gint64          made_id;
} SnapshotUndo;

static void
snapshot_undo_free (gpointer data)
{
  SnapshotUndo *undo = data;

  dn_task_snapshot_free (undo->snapshot);
  g_free (undo);
}

static gboolean
undo_snapshot_cb (DnStore  *store,
                  gpointer  data,
                  GError  **error)
{
  SnapshotUndo *undo = data;

  return dn_store_restore_task_snapshot (store, undo->snapshot, undo->made_id, error);
}

void
dn_task_details_push_undo (DnWindowContext *context,
                           const char      *message,
                           DnTaskSnapshot  *snapshot,
                           gint64           made_id)
{
  SnapshotUndo *undo;

  g_return_if_fail (DN_IS_WINDOW_CONTEXT (context));
  g_return_if_fail (snapshot != NULL);

  undo = g_new0 (SnapshotUndo, 1);
  undo->snapshot = snapshot;
  undo->made_id = made_id;
  dn_window_context_push_undo (context, message, undo_snapshot_cb, undo, snapshot_undo_free);
}

typedef struct
{
  char              *title;
  DnTaskDeletedFunc  done;
} Deleting;

static void
deleting_free (gpointer data)
{
  Deleting *d = data;

  g_free (d->title);
  g_free (d);
}

static void
on_task_deleted (GtkWidget    *widget,
                 DnWrite      *write,
                 const GError *error,
                 gpointer      data)
{
  Deleting *d = data;
  DnWindowContext *context = dn_window_context_from_widget (widget);
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      d->done (widget, NULL, error);
      return;
    }
  message = g_strdup_printf (_("Task “%s” deleted."), d->title);
  if (context != NULL)
    dn_window_context_push_undo (context, message, restore_task_cb, g_memdup2 (&write->id, sizeof write->id), g_free);
  d->done (widget, message, NULL);
}

void
dn_task_details_delete_task (GtkWidget         *widget,
                             DnStore           *store,
                             DnTask            *task,
                             DnTaskDeletedFunc  done)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_DELETE_TASK);
  Deleting *d = g_new0 (Deleting, 1);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (DN_IS_TASK (task));
  if (g_utf8_strlen (task->title, -1) > MAX_TITLE_IN_MESSAGE)
    {
      g_autofree char *head = g_utf8_substring (task->title, 0, MAX_TITLE_IN_MESSAGE - 1);

      d->title = g_strconcat (head, "…", NULL);
    }
  else
    d->title = g_strdup (task->title);
  d->done = done;
  write->id = task->id;
  /* as this desktop read it: a change someone made since is a conflict */
  write->revision = dn_store_get_row_revision (store, "task", task->id, NULL);
  dn_window_context_write_for (widget, store, write, on_task_deleted, d, deleting_free);
}
