/* dn-task-forms.c
 *
 * The small dialogs of the task details (extend a deadline, send a
 * reminder, add progress; mark done and pass down, over a list of units,
 * in dn-task-forms-units.c) are DnFormDialogs filled in here: their apply
 * step checks the input, then calls the store, and keeps the dialog open
 * with the store's message when it refuses. What they did is told in the
 * details' message bar. This file holds what they share (the SubDialog,
 * dn-task-forms-private.h) and the forms on one unit's part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-forms"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-store-writer.h"
#include "dn-form-dialog.h"
#include "dn-task-forms.h"
#include "dn-task-forms-private.h"
#include "dn-task-rows.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-window-context.h"

/*
 * Sub-dialogs: each one a DnFormDialog, with what its apply step needs
 */

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

SubDialog *
_dn_sub_dialog_new (DnTaskDetails  *details,
                    DnStore        *store,
                    const char     *title,
                    const char     *ok_label,
                    SubDialogApply  apply)
{
  SubDialog *d = g_new0 (SubDialog, 1);

  d->details = details;
  g_object_add_weak_pointer (G_OBJECT (details), (gpointer *) &d->details);
  d->store = g_object_ref (store);
  d->task_id = dn_task_details_get_task (details);
  d->apply = apply;

  d->dialog = dn_form_dialog_new (title, ok_label);
  gtk_window_set_transient_for (GTK_WINDOW (d->dialog), GTK_WINDOW (details));
  gtk_widget_add_css_class (GTK_WIDGET (d->dialog), "dn-sub-dialog");
  /* the dialog frees the SubDialog */
  dn_form_dialog_set_apply_func (d->dialog, sub_dialog_apply, d, sub_dialog_free);
  return d;
}

/* Makes @write with the window's writer (the local database, or the
 * department server), as dn_form_dialog_write() does; @done reports it. */
gboolean
_dn_sub_dialog_write (SubDialog          *d,
                      DnWrite            *write,
                      DnFormWrittenFunc   done,
                      GError            **error)
{
  g_autoptr(DnWriter) writer = dn_window_context_dup_writer_for (d->details != NULL ? GTK_WIDGET (d->details) : NULL,
                                                                 d->store);

  return dn_form_dialog_write (d->dialog, writer, write, done, d, error);
}

/* The dialog's free text (d->text), with @placeholder as an example. */
static void
sub_dialog_add_text (SubDialog  *d,
                     const char *label,
                     const char *accessible,
                     const char *name,
                     const char *placeholder)
{
  d->text = dn_form_dialog_add_entry (d->dialog, label, accessible, name, NULL, placeholder);
}

/* The dialog's choice (d->choice) among @items. */
static GtkWidget *
sub_dialog_add_choice (SubDialog     *d,
                       const char    *label,
                       const char    *accessible,
                       const char    *name,
                       GtkStringList *items)
{
  GtkWidget *choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);

  d->choice = GTK_DROP_DOWN (choice);
  return dn_form_dialog_add_named (d->dialog, label, accessible, name, choice);
}

/* The dialog's date field (d->date). */
DnDateEntry *
_dn_sub_dialog_add_date (SubDialog   *d,
                         const char  *label,
                         const char  *accessible,
                         const GDate *initial)
{
  return DN_DATE_ENTRY (dn_form_dialog_add_date (d->dialog, label, accessible, "dialog_date", initial));
}

/* The date typed in the dialog's date field; else says what is wrong with
 * it, in the dialog, and marks the field. */
gboolean
_dn_sub_dialog_read_date (SubDialog   *d,
                          const char  *missing,
                          GDate       *out)
{
  return dn_form_dialog_read_date (d->dialog, GTK_WIDGET (d->date), missing, out);
}

/* @intro, then under which name the form records what it does. */
static void
set_intro_with_officer (SubDialog  *d,
                        const char *intro)
{
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (d->details));
  g_autofree char *officer = context != NULL ? dn_window_context_describe_officer (context) : NULL;
  g_autofree char *text = g_strjoin ("\n", intro, officer, NULL);

  dn_form_dialog_set_intro (d->dialog, text);
}

void
_dn_sub_dialog_report (SubDialog  *d,
                       const char *message)
{
  if (d->details != NULL)
    dn_task_details_show_message (d->details, message, FALSE);
}

/* Extend a deadline (gia hạn) ------------------------------------------- */

static void
extended_cb (DnFormDialog *dialog,
             DnWrite      *write,
             gpointer      data)
{
  SubDialog *d = data;
  g_autofree char *when = dn_date_format_short (&write->date);
  g_autofree char *message = g_strdup_printf (_("The deadline of %s was extended to %s."), d->unit_name, when);

  _dn_sub_dialog_report (d, message);
}

static gboolean
apply_extend (SubDialog  *d,
              GError    **error)
{
  g_autofree char *reason = dn_ui_editable_dup_text (d->text);
  g_autoptr(DnWrite) write = NULL;
  GDate date;

  if (!_dn_sub_dialog_read_date (d, _("Type the new deadline, for example 30/6/2024."), &date))
    return FALSE;
  if (reason[0] == '\0')
    {
      dn_form_dialog_show_error (d->dialog, _("Give the reason for the extension."), d->text);
      return FALSE;
    }
  write = dn_write_new (DN_WRITE_EXTEND_ASSIGNMENT);
  write->id = d->assignment_id;
  write->date = date;
  write->reason = g_steal_pointer (&reason);
  return _dn_sub_dialog_write (d, write, extended_cb, error);
}

void
dn_task_forms_extend_deadline (DnTaskDetails *details,
                               DnStore       *store,
                               DnAssignment  *a)
{
  g_autofree char *title = g_strdup_printf (_("Extend the Deadline of %s"), a->unit_name);
  g_autofree char *current = dn_task_rows_format_date (&a->due_date);
  g_autofree char *intro = g_strdup_printf (_("Current deadline: %s. The old deadline and the reason stay in the history."),
                                            current);
  SubDialog *d = _dn_sub_dialog_new (details, store, title, _("_Extend"), apply_extend);

  d->assignment_id = a->id;
  d->unit_name = g_strdup (a->unit_name);
  set_intro_with_officer (d, intro);
  d->date = _dn_sub_dialog_add_date (d, _("_New deadline"), _("New deadline"), NULL);
  sub_dialog_add_text (d, _("_Reason"), _("Reason"), "dialog_reason",
                       _("Why more time is given, e.g. the unit's request no. 12"));
  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (d->date));
}

/* Record a reminder (đôn đốc) ------------------------------------------- */

static void
reminded_cb (DnFormDialog *dialog,
             DnWrite      *write,
             gpointer      data)
{
  SubDialog *d = data;
  g_autofree char *message = g_strdup_printf (_("“%s” to %s recorded."),
                                              dn_reminder_kind_get_label (write->reminder->kind), d->unit_name);

  _dn_sub_dialog_report (d, message);
}

static gboolean
apply_reminder (SubDialog  *d,
                GError    **error)
{
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  g_autoptr(DnWrite) write = NULL;
  guint kind = gtk_drop_down_get_selected (d->choice);

  if (!_dn_sub_dialog_read_date (d, _("Type the date the reminder was sent, for example 30/6/2024."), &reminder->sent_on))
    return FALSE;
  reminder->task_id = d->task_id;
  reminder->unit_id = d->unit_id;
  reminder->kind = kind < DN_REMINDER_N ? (DnReminderKind) kind : DN_REMINDER_NOTICE;
  g_free (reminder->note);
  reminder->note = dn_ui_editable_dup_text (d->text);
  write = dn_write_new (DN_WRITE_ADD_REMINDER);
  write->reminder = g_steal_pointer (&reminder);
  return _dn_sub_dialog_write (d, write, reminded_cb, error);
}

void
dn_task_forms_remind (DnTaskDetails *details,
                      DnStore       *store,
                      DnAssignment  *a)
{
  g_autofree char *title = g_strdup_printf (_("Record a Reminder to %s"), a->unit_name);
  g_autoptr(GtkStringList) kinds = dn_ui_enum_labels (DN_REMINDER_N, G_CALLBACK (dn_reminder_kind_get_label));
  SubDialog *d = _dn_sub_dialog_new (details, store, title, _("_Record Reminder"), apply_reminder);
  GtkWidget *kind;
  GDate today;

  d->unit_id = a->unit_id;
  d->unit_name = g_strdup (a->unit_name);
  set_intro_with_officer (d, _("Reminders are kept in the task's history; they cannot be changed or deleted later."));
  kind = sub_dialog_add_choice (d, _("_Kind"), _("Kind of reminder"), "dialog_kind", kinds);
  dn_date_today (&today);
  d->date = _dn_sub_dialog_add_date (d, _("_Date"), _("Date sent"), &today);
  sub_dialog_add_text (d, _("_Note"), _("Note"), "dialog_note", _("e.g. official letter no. 45/SGD-VP"));
  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (kind);
}

/* Add progress ----------------------------------------------------------- */

static void
update_file_label (SubDialog *d)
{
  g_autofree char *name = d->file != NULL ? g_file_get_basename (d->file) : NULL;

  gtk_label_set_text (d->file_label, name != NULL ? name : _("No file"));
  dn_ui_set_css_class (GTK_WIDGET (d->file_label), "dim-label", name == NULL);
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

/* A file dropped on the progress form is the one attached */
static gboolean
on_file_dropped_cb (GtkDropTarget *target,
                    const GValue  *value,
                    double         x,
                    double         y,
                    SubDialog     *d)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    {
      g_set_object (&d->file, files->data);
      update_file_label (d);
    }
  g_slist_free (files);
  return d->file != NULL;
}

static void
on_clear_file_clicked_cb (SubDialog *d)
{
  g_clear_object (&d->file);
  update_file_label (d);
}

static void
progress_added_cb (DnFormDialog *dialog,
                   DnWrite      *write,
                   gpointer      data)
{
  g_autofree char *message = g_strdup_printf (_("Progress of %d%% recorded."), write->progress->percent);

  _dn_sub_dialog_report (data, message);
}

static gboolean
apply_progress (SubDialog  *d,
                GError    **error)
{
  g_autoptr(DnProgress) progress = dn_progress_new ();
  g_autoptr(DnWrite) write = NULL;
  guint position = gtk_drop_down_get_selected (d->choice);

  if (!_dn_sub_dialog_read_date (d, _("Type the date of the report, for example 30/6/2024."), &progress->entry_date))
    return FALSE;
  gtk_spin_button_update (d->percent);
  progress->task_id = d->task_id;
  progress->percent = gtk_spin_button_get_value_as_int (d->percent);
  progress->unit_id = position < d->ids->len ? g_array_index (d->ids, gint64, position) : 0;
  g_free (progress->note);
  progress->note = dn_ui_editable_dup_text (d->text);
  write = dn_write_new (DN_WRITE_ADD_PROGRESS);
  write->progress = g_steal_pointer (&progress);
  write->file = d->file != NULL ? g_object_ref (d->file) : NULL;
  return _dn_sub_dialog_write (d, write, progress_added_cb, error);
}

void
dn_task_forms_add_progress (DnTaskDetails *details,
                            DnStore       *store,
                            DnTask        *task)
{
  SubDialog *d = _dn_sub_dialog_new (details, store, _("Add Progress"), _("_Add"), apply_progress);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) assignments = dn_store_list_assignments (store, d->task_id, NULL);
  GtkWidget *percent, *file_box, *choose, *clear, *file_label;
  GtkDropTarget *drop;
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

  if (task != NULL && task->n_children > 0)
    dn_form_dialog_set_intro (d->dialog, _("The progress shown for this task is the average of its sub-assigned tasks; "
                               "a report here is kept in its history."));
  dn_date_today (&today);
  d->date = _dn_sub_dialog_add_date (d, _("_Date"), _("Date of the report"), &today);

  sub_dialog_add_choice (d, _("_Unit"), _("Reporting unit"), "dialog_unit", units);

  percent = gtk_spin_button_new_with_range (0, 100, 5);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (percent), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (percent), task != NULL ? task->progress : 0);
  dn_form_dialog_add_named (d->dialog, _("_Percent done"), _("Percent done"), "dialog_percent", percent);
  gtk_widget_set_hexpand (percent, FALSE);
  gtk_widget_set_halign (percent, GTK_ALIGN_START);
  d->percent = GTK_SPIN_BUTTON (percent);

  sub_dialog_add_text (d, _("_Note"), _("Note"), "dialog_note", _("What has been done"));

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
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_file_dropped_cb), d);
  gtk_widget_add_controller (GTK_WIDGET (d->dialog), GTK_EVENT_CONTROLLER (drop));
  gtk_widget_set_tooltip_text (choose, _("Choose a file to attach, or drop one on this window"));

  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (percent);
}
