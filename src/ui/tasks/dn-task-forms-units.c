/* dn-task-forms-units.c
 *
 * The task details' forms over a list of ticked units: mark the task
 * done (its supporting units that have not finished closed with it or
 * left open) and pass it down to sub-units of its lead, each with Undo.
 * The SubDialog they fill in is dn-task-forms.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-forms"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-form-dialog.h"
#include "dn-task-forms.h"
#include "dn-task-forms-private.h"
#include "dn-task-rows.h"
#include "dn-window-context.h"

/* as many sub-assigned tasks as the details list */
#define MAX_CHILDREN 1000

/* Lists of ticked units (pass down, mark done) ---------------------------- */

/* A framed, scrolled list of check buttons named @name, after a "Select
 * all" check when @select_all; add its rows with check_list_add(). */
static GtkWidget *
check_list_new (SubDialog  *d,
                const char *name,
                const char *accessible,
                gboolean    select_all);

static void
on_select_all_toggled_cb (GtkCheckButton *all,
                          SubDialog      *d)
{
  gboolean on = gtk_check_button_get_active (all);

  for (guint i = 0; i < d->checks->len; i++)
    if (gtk_widget_get_sensitive (d->checks->pdata[i]))
      gtk_check_button_set_active (d->checks->pdata[i], on);
}

static GtkWidget *
check_list_new (SubDialog  *d,
                const char *name,
                const char *accessible,
                gboolean    select_all)
{
  GtkWidget *scroller, *list;

  d->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->checks = g_ptr_array_new ();
  if (select_all)
    {
      GtkWidget *all = gtk_check_button_new_with_mnemonic (_("Select _all"));

      gtk_widget_set_name (all, "dialog_select_all");
      g_signal_connect (all, "toggled", G_CALLBACK (on_select_all_toggled_cb), d);
      dn_form_dialog_add_widget (d->dialog, all);
    }
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_name (list, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
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
  return list;
}

/* A check button for unit @id, named @unit_name, showing @text. */
static void
check_list_add (SubDialog  *d,
                GtkWidget  *list,
                gint64      id,
                const char *unit_name,
                const char *text,
                gboolean    active,
                gboolean    sensitive)
{
  GtkWidget *check = gtk_check_button_new_with_label (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, unit_name, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_sensitive (check, sensitive);
  gtk_box_append (GTK_BOX (list), check);
  g_ptr_array_add (d->checks, check);
  g_array_append_val (d->ids, id);
}

/* The units whose check is sensitive and ticked (@ticked) or not. */
static GArray *
check_list_units (SubDialog *d,
                  gboolean   ticked)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < d->checks->len; i++)
    {
      GtkWidget *check = d->checks->pdata[i];

      if (gtk_widget_get_sensitive (check) && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) == ticked)
        g_array_append_val (units, g_array_index (d->ids, gint64, i));
    }
  return units;
}

/* Offers Undo of what the dialog did in the window, with @message. */
static void
offer_undo (SubDialog      *d,
            const char     *message,
            DnTaskSnapshot *before,
            gint64          made_id)
{
  DnWindowContext *context = d->details != NULL ? dn_window_context_from_widget (GTK_WIDGET (d->details)) : NULL;

  if (context != NULL && before != NULL)
    dn_task_details_push_undo (context, message, before, made_id);
  else
    dn_task_snapshot_free (before);
}

/* Mark as done ------------------------------------------------------------ */

static void
marked_done_cb (DnFormDialog *dialog,
                DnWrite      *write,
                gpointer      data)
{
  SubDialog *d = data;
  DnTaskSnapshot *before = g_object_steal_data (G_OBJECT (dialog), "dn-before");
  g_autofree char *message = NULL;

  if (write->next_id > 0)
    {
      g_autoptr(DnTask) next = dn_store_get_task (d->store, write->next_id, NULL);
      g_autofree char *due = next != NULL ? dn_task_rows_format_date (&next->due_date) : g_strdup ("?");

      message = g_strdup_printf (_("The task is done. As it repeats, its next occurrence was created, due on %s."),
                                 due);
    }
  else
    message = g_strdup (_("The task is done."));
  _dn_sub_dialog_report (d, message);
  offer_undo (d, message, before, write->made_id);
}

static gboolean
apply_mark_done (SubDialog  *d,
                 GError    **error)
{
  g_autoptr(DnTaskSnapshot) before = dn_store_snapshot_task (d->store, d->task_id, error);
  g_autoptr(DnWrite) write = NULL;

  if (before == NULL)
    return FALSE;
  write = dn_write_new (DN_WRITE_MARK_TASK_DONE);
  write->id = d->task_id;
  /* the supporting units left unticked stay open */
  write->keep_open = check_list_units (d, FALSE);
  g_object_set_data_full (G_OBJECT (d->dialog), "dn-before", g_steal_pointer (&before),
                          (GDestroyNotify) dn_task_snapshot_free);
  return _dn_sub_dialog_write (d, write, marked_done_cb, error);
}

void
dn_task_forms_mark_done (DnTaskDetails *details,
                         DnStore       *store,
                         DnTask        *task)
{
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  GtkWidget *list = NULL;
  SubDialog *d;

  if (task == NULL)
    return;
  assignments = dn_store_list_assignments (store, task->id, &error);
  if (assignments == NULL)
    {
      dn_task_details_show_message (details, error->message, TRUE);
      return;
    }
  d = _dn_sub_dialog_new (details, store, _("Mark as Done"), _("_Mark Done"), apply_mark_done);
  intro = g_strdup_printf (_("“%s” will be marked done, and the part of its lead unit, %s, closed with it."),
                           task->title, task->lead_unit_name);
  dn_form_dialog_set_intro (d->dialog, intro);
  for (guint i = 0; i < assignments->len; i++)
    {
      DnAssignment *a = assignments->pdata[i];

      if (a->role != DN_ROLE_SUPPORT || (a->status != DN_STATUS_OPEN && a->status != DN_STATUS_IN_PROGRESS))
        continue;
      if (list == NULL)
        {
          GtkWidget *label = gtk_label_new (_("These supporting units have not finished their part. "
                                              "Ticked ones are closed with the task; the others stay open."));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          dn_form_dialog_add_widget (d->dialog, label);
          list = check_list_new (d, "dialog_units", _("Supporting units to close"), FALSE);
        }
      check_list_add (d, list, a->unit_id, a->unit_name, a->unit_name, TRUE, TRUE);
    }
  if (list == NULL)
    d->checks = g_ptr_array_new ();
  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (dn_form_dialog_get_save_button (d->dialog));
}

/* Pass down to sub-units ------------------------------------------------- */

/* What undoing a pass-down takes back: the sub-tasks it made. */
typedef struct
{
  gint64  task_id;
  GArray *created;
} PassDownUndo;

static void
pass_down_undo_free (gpointer data)
{
  PassDownUndo *undo = data;

  g_array_unref (undo->created);
  g_free (undo);
}

static gboolean
undo_pass_down_cb (DnStore  *store,
                   gpointer  data,
                   GError  **error)
{
  PassDownUndo *undo = data;

  return dn_store_undo_pass_down (store, undo->task_id, (const gint64 *) (gpointer) undo->created->data,
                                  undo->created->len, error);
}

static void
passed_down_cb (DnFormDialog *dialog,
                DnWrite      *write,
                gpointer      data)
{
  SubDialog *d = data;
  guint n = write->made_ids != NULL ? write->made_ids->len : 0;
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The task was passed down to %u unit.",
                                                           "The task was passed down to %u units.", n), n);
  DnWindowContext *context = d->details != NULL ? dn_window_context_from_widget (GTK_WIDGET (d->details)) : NULL;

  _dn_sub_dialog_report (d, message);
  if (context != NULL && write->made_ids != NULL)
    {
      PassDownUndo *undo = g_new0 (PassDownUndo, 1);

      undo->task_id = d->task_id;
      undo->created = g_array_ref (write->made_ids);
      dn_window_context_push_undo (context, message, undo_pass_down_cb, undo, pass_down_undo_free);
    }
}

static gboolean
apply_pass_down (SubDialog  *d,
                 GError    **error)
{
  g_autoptr(GArray) chosen = check_list_units (d, TRUE);
  g_autoptr(DnWrite) write = NULL;
  GDate due;

  if (chosen->len == 0)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Tick at least one sub-unit."));
      return FALSE;
    }
  if (!_dn_sub_dialog_read_date (d, _("Give the deadline of the sub-units."), &due))
    return FALSE;
  write = dn_write_new (DN_WRITE_PASS_DOWN);
  write->id = d->task_id;
  write->units = g_steal_pointer (&chosen);
  write->date = due;
  return _dn_sub_dialog_write (d, write, passed_down_cb, error);
}

void
dn_task_forms_pass_down (DnTaskDetails *details,
                         DnStore       *store,
                         DnTask        *task)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) assigned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  DnTaskQuery query;
  SubDialog *d;
  GtkWidget *list;

  if (task == NULL)
    return;
  units = dn_store_list_units (store, task->lead_unit_id, FALSE, &error);
  if (units == NULL)
    {
      dn_task_details_show_message (details, error->message, TRUE);
      return;
    }

  /* the sub-units that already have their copy */
  dn_task_query_init (&query);
  query.parent_id = dn_task_details_get_task (details);
  {
    g_autoptr(GPtrArray) children = dn_store_list_tasks (store, &query, MAX_CHILDREN, NULL);

    for (guint i = 0; children != NULL && i < children->len; i++)
      {
        DnTask *child = children->pdata[i];
        g_hash_table_add (assigned, g_memdup2 (&child->lead_unit_id, sizeof (gint64)));
      }
  }

  d = _dn_sub_dialog_new (details, store, _("Pass Down to Sub-units"), _("_Pass Down"), apply_pass_down);
  intro = g_strdup_printf (_("Each ticked unit gets its own copy of the task, which it leads, due on the date below. "
                             "This task, led by %s, keeps its own progress; its sub-units' progress is shown "
                             "beside it."),
                           task->lead_unit_name);
  dn_form_dialog_set_intro (d->dialog, intro);
  /* by default the task's current deadline (its lead's, extensions included) */
  d->date = _dn_sub_dialog_add_date (d, _("Sub-units' _deadline"), _("Deadline of the sub-units"), &task->due_date);

  list = check_list_new (d, "dialog_units", _("Sub-units"), TRUE);
  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = units->pdata[i];
      gboolean done = g_hash_table_contains (assigned, &unit->id);
      g_autofree char *text = done ? g_strdup_printf (_("%s (already passed down)"), unit->name)
                                   : g_strdup (unit->name);

      check_list_add (d, list, unit->id, unit->name, text, done, !done);
    }
  gtk_window_present (GTK_WINDOW (d->dialog));
}
