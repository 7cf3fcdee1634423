/* dn-task-rows.c
 *
 * The rows of the task details' lists (sub-assigned tasks, assignments with
 * their extensions, progress, reminders), built anew each time the details
 * read the task, and the texts of dates and deadlines they share with the
 * details and its small dialogs. The buttons in the rows run actions of the
 * details' "task" group (task.extend-deadline, task.remind,
 * task.open-attachment).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-task-rows.h"

/*
 * Texts
 */

char *
dn_task_rows_format_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup (_("none"));
}

int
dn_task_rows_days_overdue (const GDate *due,
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

char *
dn_task_rows_format_deadline (const GDate *due,
                              DnStatus     status)
{
  g_autofree char *date = dn_task_rows_format_date (due);
  int late = dn_task_rows_days_overdue (due, status);

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

/* A free text: wrapped, selectable, taking the room left. */
static GtkWidget *
make_note (const char *text,
           gboolean    dim)
{
  GtkWidget *label = make_label (text, dim);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* Appends the widgets that follow @box, up to NULL, to it. */
static void
append_all (GtkWidget *box,
            ...)
{
  GtkWidget *child;
  va_list args;

  va_start (args, box);
  while ((child = va_arg (args, GtkWidget *)) != NULL)
    gtk_box_append (GTK_BOX (box), child);
  va_end (args);
}

/* A row of the details' lists around @box. */
static GtkWidget *
make_row (GtkWidget *box,
          gboolean   activatable)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (box, "dn-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  return row;
}

/*
 * Rows
 */

GtkWidget *
dn_task_rows_child (DnTask       *child,
                    GtkSizeGroup *status_group,
                    GtkSizeGroup *due_group)
{
  GtkWidget *row;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *unit = make_label (child->lead_unit_name, FALSE);
  GtkWidget *status = make_label (dn_status_get_label (child->status), TRUE);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  g_autofree char *percent_text = g_strdup_printf (_("%d%%"), child->progress);
  GtkWidget *percent = make_label (percent_text, FALSE);
  g_autofree char *due_text = dn_task_rows_format_deadline (&child->due_date, child->status);
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
  if (dn_task_rows_days_overdue (&child->due_date, child->status) > 0)
    gtk_widget_add_css_class (due, "dn-overdue");
  append_all (box, unit, status, bar, percent, due, gtk_image_new_from_icon_name ("go-next-symbolic"), NULL);
  row = make_row (box, TRUE);
  gtk_widget_set_tooltip_text (row, _("Open this sub-assigned task"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "task-id", g_memdup2 (&child->id, sizeof (gint64)), g_free);
  return row;
}

GtkWidget *
dn_task_rows_assignment (DnStore      *store,
                         DnAssignment *a,
                         GCallback     on_status_changed,
                         gpointer      user_data)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) extensions = dn_store_list_extensions (store, a->id, NULL);
  g_autofree char *deadline = dn_task_rows_format_deadline (&a->due_date, a->status);
  g_autofree char *deadline_text = g_strdup_printf (_("Deadline: %s"), deadline);
  g_autofree char *status_name = g_strdup_printf (_("Status of %s"), a->unit_name);
  g_autofree char *extend_name = g_strdup_printf (_("Extend the deadline of %s"), a->unit_name);
  g_autofree char *remind_name = g_strdup_printf (_("Record a reminder to %s"), a->unit_name);
  GtkWidget *row;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *role = make_label (dn_role_get_label (a->role), FALSE);
  GtkWidget *name = make_label (a->unit_name, FALSE);
  GtkWidget *status;
  GtkWidget *due = make_label (deadline_text, FALSE);
  GtkWidget *extend = gtk_button_new_with_mnemonic (_("E_xtend Deadline…"));
  GtkWidget *remind = gtk_button_new_with_mnemonic (_("Record _Reminder…"));

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
  g_signal_connect (status, "notify::selected", on_status_changed, user_data);

  append_all (top, role, name, status, NULL);

  if (dn_task_rows_days_overdue (&a->due_date, a->status) > 0)
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
  append_all (middle, extend, remind, NULL);
  append_all (box, top, middle, NULL);

  /* extension history: old → new, reason, when, who */
  for (guint i = 0; extensions != NULL && i < extensions->len; i++)
    {
      DnExtension *e = extensions->pdata[i];
      g_autofree char *from = dn_task_rows_format_date (&e->old_due_date);
      g_autofree char *to = dn_task_rows_format_date (&e->new_due_date);
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

  row = make_row (box, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a->unit_name, -1);
  return row;
}

GtkWidget *
dn_task_rows_progress (DnStore    *store,
                       DnProgress *p)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *date_text = dn_task_rows_format_date (&p->entry_date);
  g_autofree char *percent_text = g_strdup_printf (_("%d%%"), p->percent);
  GtkWidget *date = make_label (date_text, FALSE);
  /* units named as everywhere in the details; the code in the tooltip */
  GtkWidget *unit = make_label (p->unit_name, TRUE);
  GtkWidget *percent = make_label (percent_text, FALSE);
  GtkWidget *note = make_note (p->note, FALSE);

  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_label_set_width_chars (GTK_LABEL (unit), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (unit), 24);
  gtk_label_set_ellipsize (GTK_LABEL (unit), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (unit, p->unit_code[0] != '\0' ? p->unit_code : NULL);
  gtk_label_set_width_chars (GTK_LABEL (percent), 5);
  gtk_label_set_xalign (GTK_LABEL (percent), 1);
  gtk_widget_add_css_class (percent, "heading");
  append_all (box, date, unit, percent, note, NULL);
  if (p->attachment_id > 0)
    {
      g_autoptr(DnAttachment) attachment = dn_store_get_attachment (store, p->attachment_id, NULL);

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
  return make_row (box, FALSE);
}

GtkWidget *
dn_task_rows_reminder (DnReminder *r)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *date_text = dn_task_rows_format_date (&r->sent_on);
  GtkWidget *date = make_label (date_text, FALSE);
  GtkWidget *kind = make_label (dn_reminder_kind_get_label (r->kind), FALSE);
  GtkWidget *unit = make_label (r->unit_name, FALSE);
  GtkWidget *note = make_note (r->note, TRUE);

  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_widget_add_css_class (kind, "dn-role");
  gtk_widget_add_css_class (kind, r->kind == DN_REMINDER_NOTICE ? "dn-reminder-notice" : "dn-reminder-serious");
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (unit), TRUE);
  append_all (box, date, kind, unit, note, NULL);
  if (r->sent_by[0] != '\0')
    {
      g_autofree char *by = g_strdup_printf (_("by %s"), r->sent_by);
      gtk_box_append (GTK_BOX (box), make_label (by, TRUE));
    }
  /* a record, not something to act on: reminders are never changed */
  return make_row (box, FALSE);
}
