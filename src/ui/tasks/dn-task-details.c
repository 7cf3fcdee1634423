/* dn-task-details.c
 *
 * The window reads the task again (in an idle, coalescing bursts of
 * writes) whenever the store reports a change, and rebuilds its lists.
 * The small dialogs (extend a deadline, send a reminder, add progress,
 * pass down) are DnFormDialogs filled in here: their apply step checks the
 * input, then calls the store, and keeps the dialog open with the store's
 * message when it refuses. Every button runs an action of the "task"
 * group (task.edit, task.mark-done, task.extend-deadline…), enabled or
 * not by update_actions().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-form-dialog.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-window-context.h"

#define MAX_CHILDREN 1000
/* a longer title is cut in the message after a delete */
#define MAX_TITLE_IN_MESSAGE 60

struct _DnTaskDetails
{
  GtkWindow       parent_instance;

  DnStore        *store;
  gint64          task_id;
  DnTask         *task;
  guint           reload_idle;

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
};

G_DEFINE_FINAL_TYPE (DnTaskDetails, dn_task_details, GTK_TYPE_WINDOW)

static void reload         (DnTaskDetails *self);
static void update_actions (DnTaskDetails *self);

/*
 * Small helpers
 */

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup (_("none"));
}

/* Days @due is past, when the work is not finished; else 0. */
static int
days_overdue (const GDate *due,
              DnStatus     status)
{
  GDate today;
  int days;

  if (!g_date_valid (due) || status == DN_STATUS_DONE || status == DN_STATUS_CANCELLED)
    return 0;
  dn_date_today (&today);
  days = g_date_days_between (due, &today);
  return MAX (days, 0);
}

static char *
format_deadline (const GDate *due,
                 DnStatus     status)
{
  g_autofree char *date = format_date (due);
  int late = days_overdue (due, status);

  if (late == 0)
    return g_steal_pointer (&date);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (overdue by %d day)", "%s (overdue by %d days)", late),
                          date, late);
}

/* "2024-07-12T07:03:00Z" → "12/07/2024 14:03" (Vietnam time) */
static char *
format_timestamp (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) vietnam = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  when = g_date_time_new_from_iso8601 (iso, utc);
  if (when == NULL)
    return g_strdup (iso);
  local = g_date_time_to_timezone (when, vietnam);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static GtkWidget *
make_label (const char *text,
            gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
show_message (DnTaskDetails *self,
              const char    *message,
              gboolean       error)
{
  gtk_label_set_text (self->message_label, message);
  set_css_class (self->message_box, "dn-error-banner", error);
  set_css_class (self->message_box, "dn-info-banner", !error);
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
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */
  DnTaskDetails *details;
  GtkWindow *parent;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DN_IS_TASK_DETAILS (window) && DN_TASK_DETAILS (window)->task_id == task_id)
        {
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }
  details = dn_task_details_new (self->store, task_id);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (details), parent);
  gtk_window_present (GTK_WINDOW (details));
}

/*
 * Sub-dialogs: each one a DnFormDialog, with what its apply step needs
 */

typedef struct _SubDialog SubDialog;
typedef gboolean (*SubDialogApply) (SubDialog  *d,
                                    GError    **error);

struct _SubDialog
{
  SubDialogApply        apply;
  DnTaskDetails        *details;       /* weak */
  DnStore              *store;
  gint64                task_id;
  gint64                assignment_id;
  gint64                unit_id;
  char                 *unit_name;
  DnFormDialog         *dialog;        /* owns this */
  DnDateEntry          *date;
  GtkWidget            *text;          /* GtkEntry: reason or note */
  GtkDropDown          *choice;        /* unit or kind */
  GtkSpinButton        *percent;
  GArray               *ids;           /* gint64: unit of each choice position or check */
  GPtrArray            *checks;        /* GtkCheckButton, one per id */
  GFile                *file;
  GtkLabel             *file_label;
  GtkWidget            *file_clear;
  GtkFileChooserNative *chooser;
};

static void
sub_dialog_free (gpointer data)
{
  SubDialog *d = data;

  if (d->details != NULL)
    g_object_remove_weak_pointer (G_OBJECT (d->details), (gpointer *) &d->details);
  if (d->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (d->chooser, d);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (d->chooser));
      g_clear_object (&d->chooser);
    }
  g_clear_object (&d->store);
  g_clear_object (&d->file);
  g_clear_pointer (&d->ids, g_array_unref);
  g_clear_pointer (&d->checks, g_ptr_array_unref);
  g_free (d->unit_name);
  g_free (d);
}

static gboolean
sub_dialog_apply (DnFormDialog  *dialog,
                  gpointer       data,
                  GError       **error)
{
  SubDialog *d = data;

  return d->apply (d, error);
}

static SubDialog *
sub_dialog_new (DnTaskDetails  *self,
                const char     *title,
                const char     *ok_label,
                SubDialogApply  apply)
{
  SubDialog *d = g_new0 (SubDialog, 1);

  d->details = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &d->details);
  d->store = g_object_ref (self->store);
  d->task_id = self->task_id;
  d->apply = apply;

  d->dialog = dn_form_dialog_new (title, ok_label);
  gtk_window_set_transient_for (GTK_WINDOW (d->dialog), GTK_WINDOW (self));
  gtk_widget_add_css_class (GTK_WIDGET (d->dialog), "dn-sub-dialog");
  /* the dialog frees the SubDialog */
  dn_form_dialog_set_apply_func (d->dialog, sub_dialog_apply, d, sub_dialog_free);
  return d;
}

static GtkWidget *
sub_dialog_add_entry (SubDialog  *d,
                      const char *label,
                      const char *accessible,
                      const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  dn_form_dialog_add_field (d->dialog, label, accessible, entry);
  return entry;
}

static DnDateEntry *
sub_dialog_add_date (SubDialog   *d,
                     const char  *label,
                     const char  *accessible,
                     const GDate *initial)
{
  GtkWidget *date = dn_date_entry_new ();

  gtk_widget_set_name (date, "dialog_date");
  gtk_widget_set_hexpand (date, FALSE);
  gtk_widget_set_halign (date, GTK_ALIGN_START);
  dn_date_entry_set_date (DN_DATE_ENTRY (date), initial);
  dn_form_dialog_add_field (d->dialog, label, accessible, date);
  return DN_DATE_ENTRY (date);
}

static char *
editable_text (GtkWidget *editable)
{
  char *text = dn_text_normalize (gtk_editable_get_text (GTK_EDITABLE (editable)), -1, TRUE);

  return text != NULL ? text : g_strdup ("");
}

/* The date typed in the dialog's date field; else says what is wrong with
 * it, in the dialog, and marks the field. */
static gboolean
dialog_date (SubDialog   *d,
             const char  *missing,
             GDate       *out)
{
  g_autofree char *typed = NULL;
  g_autofree char *message = NULL;

  if (dn_date_entry_get_date (d->date, out))
    return TRUE;
  if (dn_date_entry_is_empty (d->date))
    {
      dn_form_dialog_show_error (d->dialog, missing, GTK_WIDGET (d->date));
      return FALSE;
    }
  typed = editable_text (GTK_WIDGET (d->date));
  message = g_strdup_printf (_("“%s” is not a date. Type the day, month and year, for example 30/6/2024."), typed);
  dn_form_dialog_show_error (d->dialog, message, GTK_WIDGET (d->date));
  return FALSE;
}

static void
report (SubDialog  *d,
        const char *message)
{
  if (d->details != NULL)
    show_message (d->details, message, FALSE);
}

/* Extend a deadline (gia hạn) ------------------------------------------- */

static gboolean
apply_extend (SubDialog  *d,
              GError    **error)
{
  g_autofree char *reason = editable_text (d->text);
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  GDate date;

  if (!dialog_date (d, _("Type the new deadline, for example 30/6/2024."), &date))
    return FALSE;
  if (reason[0] == '\0')
    {
      dn_form_dialog_show_error (d->dialog, _("Give the reason for the extension."), d->text);
      return FALSE;
    }
  if (!dn_store_extend_assignment (d->store, d->assignment_id, &date, reason, error))
    return FALSE;
  when = dn_date_format_short (&date);
  message = g_strdup_printf (_("The deadline of %s was extended to %s."), d->unit_name, when);
  report (d, message);
  return TRUE;
}

static void
open_extend_dialog (DnTaskDetails *self,
                    DnAssignment  *a)
{
  g_autofree char *title = g_strdup_printf (_("Extend the Deadline of %s"), a->unit_name);
  g_autofree char *current = format_date (&a->due_date);
  g_autofree char *intro = g_strdup_printf (_("Current deadline: %s. The old deadline and the reason stay in the history."),
                                            current);
  SubDialog *d = sub_dialog_new (self, title, _("_Extend"), apply_extend);

  d->assignment_id = a->id;
  d->unit_name = g_strdup (a->unit_name);
  dn_form_dialog_set_intro (d->dialog, intro);
  d->date = sub_dialog_add_date (d, _("_New deadline"), _("New deadline"), NULL);
  d->text = sub_dialog_add_entry (d, _("_Reason"), _("Reason"), "dialog_reason");
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->text), _("Why more time is given, e.g. the unit's request no. 12"));
  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->date));
}

/* Send a reminder (đôn đốc) --------------------------------------------- */

static gboolean
apply_reminder (SubDialog  *d,
                GError    **error)
{
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  g_autofree char *message = NULL;
  guint kind = gtk_drop_down_get_selected (d->choice);

  if (!dialog_date (d, _("Type the date the reminder was sent, for example 30/6/2024."), &reminder->sent_on))
    return FALSE;
  reminder->task_id = d->task_id;
  reminder->unit_id = d->unit_id;
  reminder->kind = kind < DN_REMINDER_N ? (DnReminderKind) kind : DN_REMINDER_NOTICE;
  g_free (reminder->note);
  reminder->note = editable_text (d->text);
  if (!dn_store_add_reminder (d->store, reminder, error))
    return FALSE;
  message = g_strdup_printf (_("“%s” to %s recorded."), dn_reminder_kind_get_label (reminder->kind), d->unit_name);
  report (d, message);
  return TRUE;
}

static void
open_reminder_dialog (DnTaskDetails *self,
                      DnAssignment  *a)
{
  g_autofree char *title = g_strdup_printf (_("Send a Reminder to %s"), a->unit_name);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  SubDialog *d = sub_dialog_new (self, title, _("_Send"), apply_reminder);
  GtkWidget *kind;
  GDate today;

  d->unit_id = a->unit_id;
  d->unit_name = g_strdup (a->unit_name);
  dn_form_dialog_set_intro (d->dialog, _("Reminders are kept in the task's history; they cannot be changed or deleted later."));
  for (int i = 0; i < DN_REMINDER_N; i++)
    gtk_string_list_append (kinds, dn_reminder_kind_get_label ((DnReminderKind) i));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_widget_set_name (kind, "dialog_kind");
  dn_form_dialog_add_field (d->dialog, _("_Kind"), _("Kind of reminder"), kind);
  d->choice = GTK_DROP_DOWN (kind);
  dn_date_today (&today);
  d->date = sub_dialog_add_date (d, _("_Date"), _("Date sent"), &today);
  d->text = sub_dialog_add_entry (d, _("_Note"), _("Note"), "dialog_note");
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->text), _("e.g. official letter no. 45/SGD-VP"));
  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (kind);
}

/* Add progress ----------------------------------------------------------- */

static void
update_file_label (SubDialog *d)
{
  g_autofree char *name = d->file != NULL ? g_file_get_basename (d->file) : NULL;

  gtk_label_set_text (d->file_label, name != NULL ? name : _("No file"));
  set_css_class (GTK_WIDGET (d->file_label), "dim-label", name == NULL);
  gtk_widget_set_visible (d->file_clear, d->file != NULL);
}

static void
on_file_response_cb (GtkNativeDialog *native,
                     int              response,
                     SubDialog       *d)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      g_set_object (&d->file, file);
      update_file_label (d);
    }
  g_signal_handlers_disconnect_by_data (native, d);
  g_clear_object (&d->chooser);
}

static void
on_choose_file_clicked_cb (SubDialog *d)
{
  if (d->chooser != NULL)
    return;
  d->chooser = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (d->dialog), GTK_FILE_CHOOSER_ACTION_OPEN,
                                            _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (d->chooser), TRUE);
  g_signal_connect (d->chooser, "response", G_CALLBACK (on_file_response_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (d->chooser));
}

static void
on_clear_file_clicked_cb (SubDialog *d)
{
  g_clear_object (&d->file);
  update_file_label (d);
}

static gboolean
apply_progress (SubDialog  *d,
                GError    **error)
{
  g_autoptr(DnProgress) progress = dn_progress_new ();
  g_autofree char *message = NULL;
  guint position = gtk_drop_down_get_selected (d->choice);

  if (!dialog_date (d, _("Type the date of the report, for example 30/6/2024."), &progress->entry_date))
    return FALSE;
  gtk_spin_button_update (d->percent);
  progress->task_id = d->task_id;
  progress->percent = gtk_spin_button_get_value_as_int (d->percent);
  progress->unit_id = position < d->ids->len ? g_array_index (d->ids, gint64, position) : 0;
  g_free (progress->note);
  progress->note = editable_text (d->text);
  if (d->file != NULL)
    {
      g_autoptr(DnAttachment) attachment = dn_store_add_attachment (d->store, d->file, NULL, error);

      if (attachment == NULL)
        return FALSE;
      progress->attachment_id = attachment->id;
    }
  if (!dn_store_add_progress (d->store, progress, error))
    return FALSE;
  message = g_strdup_printf (_("Progress of %d%% recorded."), progress->percent);
  report (d, message);
  return TRUE;
}

static void
open_progress_dialog (DnTaskDetails *self)
{
  SubDialog *d = sub_dialog_new (self, _("Add Progress"), _("_Add"), apply_progress);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) assignments = dn_store_list_assignments (self->store, self->task_id, NULL);
  GtkWidget *unit, *percent, *file_box, *choose, *clear, *file_label;
  GDate today;

  d->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      DnAssignment *a = assignments->pdata[i];

      gtk_string_list_append (units, a->unit_name);
      g_array_append_val (d->ids, a->unit_id);
    }
  if (d->ids->len == 0)
    {
      gint64 none = 0;

      gtk_string_list_append (units, _("None"));
      g_array_append_val (d->ids, none);
    }

  if (self->task != NULL && self->task->n_children > 0)
    dn_form_dialog_set_intro (d->dialog, _("The progress shown for this task is the average of its sub-assigned tasks; "
                               "a report here is kept in its history."));
  dn_date_today (&today);
  d->date = sub_dialog_add_date (d, _("_Date"), _("Date of the report"), &today);

  unit = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (units)), NULL);
  gtk_widget_set_name (unit, "dialog_unit");
  dn_form_dialog_add_field (d->dialog, _("_Unit"), _("Reporting unit"), unit);
  d->choice = GTK_DROP_DOWN (unit);

  percent = gtk_spin_button_new_with_range (0, 100, 5);
  gtk_widget_set_name (percent, "dialog_percent");
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (percent), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (percent), self->task != NULL ? self->task->progress : 0);
  dn_form_dialog_add_field (d->dialog, _("_Percent done"), _("Percent done"), percent);
  gtk_widget_set_hexpand (percent, FALSE);
  gtk_widget_set_halign (percent, GTK_ALIGN_START);
  d->percent = GTK_SPIN_BUTTON (percent);

  d->text = sub_dialog_add_entry (d, _("_Note"), _("Note"), "dialog_note");
  gtk_entry_set_placeholder_text (GTK_ENTRY (d->text), _("What has been done"));

  file_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  file_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (file_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (file_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (file_label, TRUE);
  choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  gtk_widget_set_name (choose, "dialog_choose_file");
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_file_clicked_cb), d);
  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (clear, _("Do not attach the file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Do not attach the file"), -1);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear_file_clicked_cb), d);
  gtk_box_append (GTK_BOX (file_box), file_label);
  gtk_box_append (GTK_BOX (file_box), clear);
  gtk_box_append (GTK_BOX (file_box), choose);
  dn_form_dialog_add_field (d->dialog, _("Attached _file"), _("Attached file"), file_box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a file to attach"), -1);
  d->file_label = GTK_LABEL (file_label);
  d->file_clear = clear;
  update_file_label (d);

  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (percent);
}

/* Pass down to sub-units ------------------------------------------------- */

static gboolean
apply_pass_down (SubDialog  *d,
                 GError    **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) created = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < d->checks->len; i++)
    {
      GtkWidget *check = d->checks->pdata[i];

      if (gtk_widget_get_sensitive (check) && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (chosen, g_array_index (d->ids, gint64, i));
    }
  if (chosen->len == 0)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Tick at least one sub-unit."));
      return FALSE;
    }
  created = dn_store_subassign_task (d->store, d->task_id, (const gint64 *) (gpointer) chosen->data, chosen->len, error);
  if (created == NULL)
    return FALSE;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The task was passed down to %u unit.",
                                          "The task was passed down to %u units.", created->len),
                             created->len);
  report (d, message);
  return TRUE;
}

static void
on_select_all_toggled_cb (GtkCheckButton *all,
                          SubDialog      *d)
{
  gboolean on = gtk_check_button_get_active (all);

  for (guint i = 0; i < d->checks->len; i++)
    if (gtk_widget_get_sensitive (d->checks->pdata[i]))
      gtk_check_button_set_active (d->checks->pdata[i], on);
}

static void
open_pass_down_dialog (DnTaskDetails *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) assigned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  DnTaskQuery query;
  SubDialog *d;
  GtkWidget *scroller, *list, *all;

  if (self->task == NULL)
    return;
  units = dn_store_list_units (self->store, self->task->lead_unit_id, FALSE, &error);
  if (units == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  /* the sub-units that already have their copy */
  dn_task_query_init (&query);
  query.parent_id = self->task_id;
  {
    g_autoptr(GPtrArray) children = dn_store_list_tasks (self->store, &query, 0, MAX_CHILDREN, NULL);

    for (guint i = 0; children != NULL && i < children->len; i++)
      {
        DnTask *child = children->pdata[i];
        g_hash_table_add (assigned, g_memdup2 (&child->lead_unit_id, sizeof (gint64)));
      }
  }

  d = sub_dialog_new (self, _("Pass Down to Sub-units"), _("_Pass Down"), apply_pass_down);
  intro = g_strdup_printf (_("Each ticked unit gets its own copy of the task, which it leads, with the same due date. "
                             "Their progress adds up to the progress of this task, led by %s."),
                           self->task->lead_unit_name);
  dn_form_dialog_set_intro (d->dialog, intro);
  d->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->checks = g_ptr_array_new ();

  all = gtk_check_button_new_with_mnemonic (_("Select _all"));
  gtk_widget_set_name (all, "dialog_select_all");
  g_signal_connect (all, "toggled", G_CALLBACK (on_select_all_toggled_cb), d);
  dn_form_dialog_add_widget (d->dialog, all);

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_name (list, "dialog_units");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sub-units"), -1);
  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = units->pdata[i];
      gboolean done = g_hash_table_contains (assigned, &unit->id);
      g_autofree char *text = done ? g_strdup_printf (_("%s (already passed down)"), unit->name)
                                   : g_strdup (unit->name);
      GtkWidget *check = gtk_check_button_new_with_label (text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, unit->name, -1);
      if (done)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_sensitive (check, FALSE);
        }
      gtk_box_append (GTK_BOX (list), check);
      g_ptr_array_add (d->checks, check);
      g_array_append_val (d->ids, unit->id);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_margin_start (list, 6);
  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_hexpand (scroller, TRUE);
  dn_form_dialog_add_widget (d->dialog, scroller);

  gtk_window_present (GTK_WINDOW (d->dialog));
}

/*
 * Rows
 */

static GtkWidget *
child_row (DnTask       *child,
           GtkSizeGroup *status_group,
           GtkSizeGroup *due_group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *unit = make_label (child->lead_unit_name, FALSE);
  GtkWidget *status = make_label (dn_status_get_label (child->status), TRUE);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  g_autofree char *percent_text = g_strdup_printf (_("%d%%"), child->progress);
  GtkWidget *percent = make_label (percent_text, FALSE);
  g_autofree char *due_text = format_deadline (&child->due_date, child->status);
  GtkWidget *due = make_label (due_text, TRUE);
  g_autofree char *accessible = g_strdup_printf (_("%s: %s, %d%% done"), child->lead_unit_name,
                                                 dn_status_get_label (child->status), child->progress);

  gtk_label_set_ellipsize (GTK_LABEL (unit), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (unit, TRUE);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), child->progress);
  gtk_widget_set_size_request (bar, 100, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (percent), 5);
  gtk_label_set_xalign (GTK_LABEL (percent), 1);
  gtk_size_group_add_widget (status_group, status);
  gtk_size_group_add_widget (due_group, due);
  if (days_overdue (&child->due_date, child->status) > 0)
    gtk_widget_add_css_class (due, "dn-overdue");
  gtk_box_append (GTK_BOX (box), unit);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), percent);
  gtk_box_append (GTK_BOX (box), due);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_add_css_class (box, "dn-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Open this sub-assigned task"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "task-id", g_memdup2 (&child->id, sizeof (gint64)), g_free);
  return row;
}

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

static void
on_assignment_status_cb (GtkDropDown   *dropdown,
                         GParamSpec    *pspec,
                         DnTaskDetails *self)
{
  DnAssignment *a = g_object_get_data (G_OBJECT (dropdown), "assignment");
  g_autoptr(DnAssignment) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint position = gtk_drop_down_get_selected (dropdown);

  if (a == NULL || position >= DN_STATUS_N || (DnStatus) position == a->status)
    return;
  copy = dn_assignment_new ();
  copy->id = a->id;
  copy->task_id = a->task_id;
  copy->unit_id = a->unit_id;
  copy->role = a->role;
  copy->due_date = a->due_date;
  copy->status = (DnStatus) position;
  copy->reply_document_id = a->reply_document_id;
  g_free (copy->reply_reference);
  copy->reply_reference = g_strdup (a->reply_reference);
  if (!dn_store_update_assignment (self->store, copy, &error))
    {
      show_message (self, error->message, TRUE);
      gtk_drop_down_set_selected (dropdown, (guint) a->status);
      return;
    }
  a->status = copy->status;
}

static GtkWidget *
assignment_row (DnTaskDetails *self,
                DnAssignment  *a)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) extensions = dn_store_list_extensions (self->store, a->id, NULL);
  g_autofree char *deadline = format_deadline (&a->due_date, a->status);
  g_autofree char *deadline_text = g_strdup_printf (_("Deadline: %s"), deadline);
  g_autofree char *status_name = g_strdup_printf (_("Status of %s"), a->unit_name);
  g_autofree char *extend_name = g_strdup_printf (_("Extend the deadline of %s"), a->unit_name);
  g_autofree char *remind_name = g_strdup_printf (_("Send a reminder to %s"), a->unit_name);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *role = make_label (dn_role_get_label (a->role), FALSE);
  GtkWidget *name = make_label (a->unit_name, FALSE);
  GtkWidget *status;
  GtkWidget *due = make_label (deadline_text, FALSE);
  GtkWidget *extend = gtk_button_new_with_mnemonic (_("E_xtend Deadline…"));
  GtkWidget *remind = gtk_button_new_with_mnemonic (_("Send _Reminder…"));

  gtk_widget_add_css_class (role, "dn-role");
  if (a->role == DN_ROLE_LEAD)
    gtk_widget_add_css_class (role, "dn-role-lead");
  gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);

  for (int i = 0; i < DN_STATUS_N; i++)
    gtk_string_list_append (statuses, dn_status_get_label ((DnStatus) i));
  status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), (guint) a->status);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status, _("Status of this unit's part"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, status_name, -1);
  g_object_set_data_full (G_OBJECT (status), "assignment", g_object_ref (a), g_object_unref);
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_assignment_status_cb), self);

  gtk_box_append (GTK_BOX (top), role);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), status);

  if (days_overdue (&a->due_date, a->status) > 0)
    gtk_widget_add_css_class (due, "dn-overdue");
  gtk_box_append (GTK_BOX (middle), due);
  if (a->n_extensions > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "extended %u time",
                                                            "extended %u times", a->n_extensions),
                                               a->n_extensions);
      GtkWidget *count = make_label (text, TRUE);

      gtk_widget_set_name (count, "extensions_count");
      gtk_box_append (GTK_BOX (middle), count);
    }
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (middle), spacer);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (extend), GTK_ACCESSIBLE_PROPERTY_LABEL, extend_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remind), GTK_ACCESSIBLE_PROPERTY_LABEL, remind_name, -1);
  gtk_widget_set_tooltip_text (extend, _("Give this unit a new deadline, with the reason"));
  gtk_widget_set_tooltip_text (remind, _("Record a reminder, a criticism or a request for a review"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (extend), "task.extend-deadline");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (extend), "x", a->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remind), "task.remind");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remind), "x", a->id);
  gtk_box_append (GTK_BOX (middle), extend);
  gtk_box_append (GTK_BOX (middle), remind);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), middle);

  /* extension history: old → new, reason, when, who */
  for (guint i = 0; extensions != NULL && i < extensions->len; i++)
    {
      DnExtension *e = extensions->pdata[i];
      g_autofree char *from = format_date (&e->old_due_date);
      g_autofree char *to = format_date (&e->new_due_date);
      g_autofree char *when = format_timestamp (e->extended_at);
      g_autofree char *text = NULL;
      GtkWidget *line;

      text = e->extended_by[0] != '\0'
        ? g_strdup_printf (_("Extended from %s to %s: %s (%s, by %s)"), from, to, e->reason, when, e->extended_by)
        : g_strdup_printf (_("Extended from %s to %s: %s (%s)"), from, to, e->reason, when);
      line = make_label (text, TRUE);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_selectable (GTK_LABEL (line), TRUE);
      gtk_widget_add_css_class (line, "dn-history");
      gtk_box_append (GTK_BOX (box), line);
    }

  gtk_widget_add_css_class (box, "dn-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a->unit_name, -1);
  return row;
}

static GtkWidget *
progress_row (DnTaskDetails *self,
              DnProgress    *p)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *date_text = format_date (&p->entry_date);
  g_autofree char *percent_text = g_strdup_printf (_("%d%%"), p->percent);
  GtkWidget *date = make_label (date_text, FALSE);
  GtkWidget *unit = make_label (p->unit_code, TRUE);
  GtkWidget *percent = make_label (percent_text, FALSE);
  GtkWidget *note = make_label (p->note, FALSE);

  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_label_set_width_chars (GTK_LABEL (unit), 8);
  gtk_label_set_ellipsize (GTK_LABEL (unit), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (percent), 5);
  gtk_label_set_xalign (GTK_LABEL (percent), 1);
  gtk_widget_add_css_class (percent, "heading");
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_selectable (GTK_LABEL (note), TRUE);
  gtk_widget_set_hexpand (note, TRUE);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), unit);
  gtk_box_append (GTK_BOX (box), percent);
  gtk_box_append (GTK_BOX (box), note);
  if (p->attachment_id > 0)
    {
      g_autoptr(DnAttachment) attachment = dn_store_get_attachment (self->store, p->attachment_id, NULL);

      if (attachment != NULL)
        {
          GtkWidget *open = gtk_button_new ();
          GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *file_name = gtk_label_new (attachment->file_name);
          g_autofree char *accessible = g_strdup_printf (_("Open the attached file %s"), attachment->file_name);

          gtk_label_set_ellipsize (GTK_LABEL (file_name), PANGO_ELLIPSIZE_MIDDLE);
          gtk_label_set_max_width_chars (GTK_LABEL (file_name), 24);
          gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
          gtk_box_append (GTK_BOX (content), file_name);
          gtk_button_set_child (GTK_BUTTON (open), content);
          gtk_widget_add_css_class (open, "flat");
          gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (open, _("Open the attached file"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "task.open-attachment");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", attachment->id);
          gtk_box_append (GTK_BOX (box), open);
        }
    }
  gtk_widget_add_css_class (box, "dn-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
reminder_row (DnReminder *r)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *date_text = format_date (&r->sent_on);
  GtkWidget *date = make_label (date_text, FALSE);
  GtkWidget *kind = make_label (dn_reminder_kind_get_label (r->kind), FALSE);
  GtkWidget *unit = make_label (r->unit_name, FALSE);
  GtkWidget *note = make_label (r->note, TRUE);

  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_widget_add_css_class (kind, "dn-role");
  gtk_widget_add_css_class (kind, r->kind == DN_REMINDER_NOTICE ? "dn-reminder-notice" : "dn-reminder-serious");
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (unit), TRUE);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_selectable (GTK_LABEL (note), TRUE);
  gtk_widget_set_hexpand (note, TRUE);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), unit);
  gtk_box_append (GTK_BOX (box), note);
  if (r->sent_by[0] != '\0')
    {
      g_autofree char *by = g_strdup_printf (_("by %s"), r->sent_by);
      gtk_box_append (GTK_BOX (box), make_label (by, TRUE));
    }
  gtk_widget_add_css_class (box, "dn-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* a record, not something to act on: reminders are never changed */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
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
  g_autofree char *due = format_deadline (&task->due_date, task->status);
  g_autofree char *progress = NULL;

  gtk_window_set_title (GTK_WINDOW (self), task->title);
  gtk_label_set_text (self->title_label, task->title);

  /* parent: "Part of: …" */
  gtk_widget_set_visible (GTK_WIDGET (self->parent_button), task->parent_id > 0);
  if (task->parent_id > 0)
    {
      g_autoptr(DnTask) parent = dn_store_get_task (self->store, task->parent_id, NULL);
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
      g_autoptr(DnDocument) document = dn_store_get_document (self->store, task->document_id, NULL);
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
  set_css_class (GTK_WIDGET (self->due_label), "dn-overdue", days_overdue (&task->due_date, task->status) > 0);
  gtk_label_set_text (self->recurrence_label, dn_recurrence_get_label (task->recurrence));
  gtk_label_set_text (self->status_label, dn_status_get_label (task->status));
  gtk_label_set_text (self->lead_label, task->lead_unit_name[0] != '\0' ? task->lead_unit_name : _("none"));

  /* supporting units by name */
  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < task->support_unit_ids->len; i++)
      {
        g_autoptr(DnUnit) unit = dn_store_get_unit (self->store, g_array_index (task->support_unit_ids, gint64, i), NULL);

        if (unit == NULL)
          continue;
        if (names->len > 0)
          g_string_append (names, "\n");
        g_string_append (names, unit->name);
      }
    gtk_label_set_text (self->support_label, names->len > 0 ? names->str : _("none"));
  }

  gtk_level_bar_set_value (self->progress_bar, CLAMP (task->progress, 0, 100));
  if (task->n_children > 0)
    progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d%%, the average of its %u sub-assigned task",
                                             "%d%%, the average of its %u sub-assigned tasks", task->n_children),
                                task->progress, task->n_children);
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

  clear_list (self->children_list);
  dn_task_query_init (&query);
  query.parent_id = task->id;
  query.sort = DN_TASK_SORT_LEAD_UNIT;
  children = dn_store_list_tasks (self->store, &query, 0, MAX_CHILDREN, &error);
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
      gtk_list_box_append (self->children_list, child_row (children->pdata[i], status_group, due_group));
  }
  gtk_widget_set_visible (self->children_box, children->len > 0);
  rollup = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Overall progress %d%%: the average of %u sub-assigned task.",
                                         "Overall progress %d%%: the average of %u sub-assigned tasks.",
                                         children->len),
                            task->progress, children->len);
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
  ids = dn_store_list_task_ids (self->store, &query, NULL);
  if (ids == NULL)
    return TRUE; /* cannot tell: show it */
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == task->id)
      return TRUE;
  return FALSE;
}

static void
reload (DnTaskDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) reminders = NULL;

  if (self->store == NULL)
    return;
  task = dn_store_get_task (self->store, self->task_id, &error);
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

  clear_list (self->assignments_list);
  assignments = dn_store_list_assignments (self->store, task->id, NULL);
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    gtk_list_box_append (self->assignments_list, assignment_row (self, assignments->pdata[i]));

  /* newest first */
  clear_list (self->progress_list);
  progress = dn_store_list_progress (self->store, task->id, NULL);
  for (guint i = progress != NULL ? progress->len : 0; i > 0; i--)
    gtk_list_box_append (self->progress_list, progress_row (self, progress->pdata[i - 1]));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_list), progress != NULL && progress->len > 0);
  gtk_widget_set_visible (self->progress_empty, progress == NULL || progress->len == 0);

  clear_list (self->reminders_list);
  reminders = dn_store_list_reminders (self->store, task->id, NULL);
  for (guint i = reminders != NULL ? reminders->len : 0; i > 0; i--)
    gtk_list_box_append (self->reminders_list, reminder_row (reminders->pdata[i - 1]));
  gtk_widget_set_visible (GTK_WIDGET (self->reminders_list), reminders != NULL && reminders->len > 0);
  gtk_widget_set_visible (self->reminders_empty, reminders == NULL || reminders->len == 0);

  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  DnTaskDetails *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (DnTaskDetails *self)
{
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, reload_idle_cb, self, NULL);
}

/*
 * Actions
 */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  DnTaskEditor *editor;

  if (self->task == NULL)
    return;
  editor = dn_task_editor_new (self->store, self->task);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  g_autoptr(GError) error = NULL;
  gint64 next_id = 0;

  if (self->task == NULL)
    return;
  if (!dn_store_set_task_status (self->store, self->task_id, DN_STATUS_DONE, &next_id, &error))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  if (next_id > 0)
    {
      g_autoptr(DnTask) next = dn_store_get_task (self->store, next_id, NULL);
      g_autofree char *due = next != NULL ? format_date (&next->due_date) : g_strdup ("?");
      g_autofree char *message = g_strdup_printf (_("The task is done. As it repeats, its next occurrence was created, "
                                                    "due on %s."), due);

      show_message (self, message, FALSE);
    }
  else
    show_message (self, _("The task is done."), FALSE);
}

static void
pass_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  open_pass_down_dialog (DN_TASK_DETAILS (widget));
}

static void
add_progress_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);

  if (self->task != NULL)
    open_progress_dialog (self);
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
  a = dn_store_get_assignment (self->store, g_variant_get_int64 (param), &error);
  if (a == NULL)
    {
      show_message (self, error->message, TRUE);
      return NULL;
    }
  if (a->task_id != self->task_id)
    return NULL;
  return g_steal_pointer (&a);
}

static void
extend_deadline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  g_autoptr(DnAssignment) a = dup_assignment (self, param);

  if (a != NULL)
    open_extend_dialog (self, a);
}

static void
remind_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  g_autoptr(DnAssignment) a = dup_assignment (self, param);

  if (a != NULL)
    open_reminder_dialog (self, a);
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  attachment = dn_store_get_attachment (self->store, g_variant_get_int64 (param), NULL);
  if (attachment != NULL)
    file = dn_store_get_attachment_file (self->store, attachment);
  if (file == NULL || !g_file_query_exists (file, NULL))
    {
      show_message (self, _("The attached file is missing from the data folder."), TRUE);
      return;
    }
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
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
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DnTaskDetails *self = DN_TASK_DETAILS (widget);
  DnWindowContext *context = dn_window_context_from_widget (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gint64 id = self->task_id;

  if (self->task == NULL)
    return;
  if (!dn_store_delete_task (self->store, id, &error))
    {
      show_message (self, error->message, TRUE);
      return;
    }
  if (g_utf8_strlen (self->task->title, -1) > MAX_TITLE_IN_MESSAGE)
    {
      g_autofree char *head = g_utf8_substring (self->task->title, 0, MAX_TITLE_IN_MESSAGE - 1);
      title = g_strconcat (head, "…", NULL);
    }
  else
    title = g_strdup (self->task->title);
  message = g_strdup_printf (_("Task “%s” deleted."), title);
  if (context != NULL)
    {
      dn_window_context_push_undo (context, message, restore_task_cb, g_memdup2 (&id, sizeof id), g_free);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    {
      /* no window to offer Undo: the details stay, saying so */
      show_missing (self);
      show_message (self, message, FALSE);
    }
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
      g_autoptr(GPtrArray) sub_units = dn_store_list_units (self->store, task->lead_unit_id, FALSE, NULL);

      can_pass_down = sub_units != NULL && sub_units->len > 0;
    }
  gtk_widget_action_set_enabled (widget, "task.edit", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.delete", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.mark-done", task != NULL && task->status != DN_STATUS_DONE);
  gtk_widget_action_set_enabled (widget, "task.add-progress", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.extend-deadline", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.remind", task != NULL);
  gtk_widget_action_set_enabled (widget, "task.pass-down", can_pass_down);

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

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_TASK_DETAILS);
  g_clear_object (&self->task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_task_details_parent_class)->dispose (object);
}

static void
dn_task_details_class_init (DnTaskDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_task_details_dispose;

  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/doingoai/DoiNgoai/ui/dn-task-details.ui");
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, done_button);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, pass_down_button);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, message_box);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, message_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, missing_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, content);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, parent_button);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, document_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, section_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, due_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, recurrence_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, status_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, lead_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, support_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, description_heading);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, children_box);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, rollup_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, children_list);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, assignments_list);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, add_progress_button);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, progress_list);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, progress_empty);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, reminders_list);
  gtk_widget_class_bind_template_child (widget_class, DnTaskDetails, reminders_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_message_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_parent_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated_cb);

  gtk_widget_class_install_action (widget_class, "task.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "task.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "task.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "task.add-progress", NULL, add_progress_action);
  gtk_widget_class_install_action (widget_class, "task.pass-down", NULL, pass_down_action);
  gtk_widget_class_install_action (widget_class, "task.extend-deadline", "x", extend_deadline_action);
  gtk_widget_class_install_action (widget_class, "task.remind", "x", remind_action);
  gtk_widget_class_install_action (widget_class, "task.open-attachment", "x", open_attachment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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
  self->store = g_object_ref (store);
  self->task_id = task_id;
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
  /* not the (selectable) title: it would open all selected */
  gtk_widget_grab_focus (self->edit_button);
  return self;
}

gint64
dn_task_details_get_task (DnTaskDetails *self)
{
  g_return_val_if_fail (DN_IS_TASK_DETAILS (self), 0);
  return self->task_id;
}
