/* dn-task-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-task-columns.h"
#include "dn-task-progress-bar.h"
#include "dn-ui.h"

typedef enum
{
  DUE_NONE,     /* no due date */
  DUE_LATER,
  DUE_SOON,     /* unfinished, due within DN_TASK_DUE_SOON_DAYS */
  DUE_OVERDUE,  /* unfinished, due before today */
} DueState;

static const char * const column_keys[DN_TASK_COLUMN_N] = {
  "section", "title", "lead", "support", "due", "recurrence", "status", "progress",
};

const char *
dn_task_columns_get_title (DnTaskColumn column)
{
  switch (column)
    {
    case DN_TASK_COLUMN_SECTION: return _("Section");
    case DN_TASK_COLUMN_TITLE: return _("Task");
    case DN_TASK_COLUMN_LEAD: return _("Lead unit");
    case DN_TASK_COLUMN_SUPPORT: return _("Supporting units");
    case DN_TASK_COLUMN_DUE: return _("Due");
    case DN_TASK_COLUMN_RECURRENCE: return _("Repeats");
    case DN_TASK_COLUMN_STATUS: return _("Status");
    case DN_TASK_COLUMN_PROGRESS: return _("Progress");
    case DN_TASK_COLUMN_N:
    default: return "";
    }
}

void
dn_task_columns_add (DnListPage *page)
{
  DnListColumnFlags sortable = DN_LIST_COLUMN_SORTABLE;
  DnListColumnFlags tooltip = DN_LIST_COLUMN_TOOLTIP;
  const char *statuses[DN_STATUS_N + 1];
  int status_width;

  /* the status is never cut ("Đang thực …"): its column fits the longest */
  for (int s = 0; s < DN_STATUS_N; s++)
    statuses[s] = dn_status_get_label ((DnStatus) s);
  statuses[DN_STATUS_N] = dn_task_columns_get_title (DN_TASK_COLUMN_STATUS);
  status_width = dn_list_cell_widest (GTK_WIDGET (page), statuses, G_N_ELEMENTS (statuses));

  dn_list_page_add_column (page, DN_TASK_COLUMN_SECTION, _("Section"), 64, sortable);
  dn_list_page_add_column (page, DN_TASK_COLUMN_TITLE, _("Task"), 0, sortable | tooltip);
  dn_list_page_add_column (page, DN_TASK_COLUMN_LEAD, _("Lead unit"), 150, sortable | tooltip);
  dn_list_page_add_column (page, DN_TASK_COLUMN_SUPPORT, _("Supporting units"), 130, tooltip);
  dn_list_page_add_column (page, DN_TASK_COLUMN_DUE, _("Due"), 112, sortable | tooltip);
  dn_list_page_add_column (page, DN_TASK_COLUMN_RECURRENCE, _("Repeats"), 100, sortable | tooltip);
  dn_list_page_add_column (page, DN_TASK_COLUMN_STATUS, _("Status"), MAX (96, status_width), sortable);
  dn_list_page_add_column (page, DN_TASK_COLUMN_PROGRESS, _("Progress"), 100, sortable | tooltip);
  /* in a narrow table, these give way, the first here last: the title,
   * the deadline and the status keep their room */
  dn_list_page_set_column_priority (page, DN_TASK_COLUMN_LEAD, 1);
  dn_list_page_set_column_priority (page, DN_TASK_COLUMN_PROGRESS, 2);
  dn_list_page_set_column_priority (page, DN_TASK_COLUMN_SECTION, 3);
  dn_list_page_set_column_priority (page, DN_TASK_COLUMN_SUPPORT, 4);
  dn_list_page_set_column_priority (page, DN_TASK_COLUMN_RECURRENCE, 5);
}

const char *
dn_task_columns_get_key (DnTaskColumn column)
{
  g_return_val_if_fail (column < DN_TASK_COLUMN_N, NULL);
  return column_keys[column];
}

int
dn_task_columns_from_key (const char *key)
{
  for (int c = 0; c < DN_TASK_COLUMN_N; c++)
    if (g_strcmp0 (column_keys[c], key) == 0)
      return c;
  return -1;
}

DnTaskSort
dn_task_columns_get_sort (int column)
{
  switch (column)
    {
    case DN_TASK_COLUMN_SECTION: return DN_TASK_SORT_SECTION;
    case DN_TASK_COLUMN_TITLE: return DN_TASK_SORT_TITLE;
    case DN_TASK_COLUMN_LEAD: return DN_TASK_SORT_LEAD_UNIT;
    case DN_TASK_COLUMN_RECURRENCE: return DN_TASK_SORT_RECURRENCE;
    case DN_TASK_COLUMN_STATUS: return DN_TASK_SORT_STATUS;
    case DN_TASK_COLUMN_PROGRESS: return DN_TASK_SORT_PROGRESS;
    case DN_TASK_COLUMN_SUPPORT:
    case DN_TASK_COLUMN_DUE: return DN_TASK_SORT_DUE;
    default: return DN_TASK_SORT_URGENCY;
    }
}

int
dn_task_columns_for_sort (DnTaskSort sort)
{
  if (sort == DN_TASK_SORT_URGENCY)
    return -1;
  for (int c = 0; c < DN_TASK_COLUMN_N; c++)
    if (c != DN_TASK_COLUMN_SUPPORT && c != DN_TASK_COLUMN_DUE && dn_task_columns_get_sort (c) == sort)
      return c;
  return DN_TASK_COLUMN_DUE;
}

GtkWidget *
dn_task_columns_create_cell (DnTaskColumn column)
{
  switch (column)
    {
    case DN_TASK_COLUMN_DUE:
      return dn_list_cell_marked_new ("due-cell");
    case DN_TASK_COLUMN_PROGRESS:
      {
        GtkWidget *bar = dn_task_progress_bar_new ();

        gtk_widget_add_css_class (bar, "numeric");
        return bar;
      }
    case DN_TASK_COLUMN_TITLE:
      return dn_list_cell_text_new (24, 60);
    case DN_TASK_COLUMN_SUPPORT:
      {
        GtkWidget *text = dn_list_cell_text_new (3, 16);

        gtk_widget_set_name (text, "support-cell");
        return text;
      }
    case DN_TASK_COLUMN_SECTION:
    case DN_TASK_COLUMN_LEAD:
    case DN_TASK_COLUMN_RECURRENCE:
    case DN_TASK_COLUMN_STATUS:
    case DN_TASK_COLUMN_N:
    default:
      return dn_list_cell_text_new (3, 12);
    }
}


static DueState
due_state (DnTask      *task,
           const GDate *today,
           int         *days)
{
  gboolean unfinished = task->status == DN_STATUS_OPEN || task->status == DN_STATUS_IN_PROGRESS;

  *days = 0;
  if (!g_date_valid (&task->due_date))
    return DUE_NONE;
  *days = g_date_days_between (today, &task->due_date);
  if (unfinished && *days < 0)
    return DUE_OVERDUE;
  if (unfinished && *days < DN_TASK_DUE_SOON_DAYS)
    return DUE_SOON;
  return DUE_LATER;
}

/* late and soon: marked */
static void
show_due (GtkWidget   *box,
          DnTask      *task,
          const GDate *today)
{
  static const DnListMark marks[] = {
    [DUE_OVERDUE] = { "dn-overdue", "dialog-warning-symbolic", N_("Overdue") },
    [DUE_SOON] = { "dn-due-soon", "alarm-symbolic", N_("Due soon") },
  };
  DueState state = due_state (task, today, &(int) { 0 });
  g_autofree char *date = g_date_valid (&task->due_date) ? dn_date_format_short (&task->due_date) : NULL;

  dn_list_cell_marked_show (box, &marks[state], date != NULL ? date : "");
}

void
dn_task_columns_show (DnTaskColumn  column,
                      GtkWidget    *cell,
                      DnTask       *task,
                      const GDate  *today)
{
  switch (column)
    {
    case DN_TASK_COLUMN_SECTION:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), task->section);
      break;
    case DN_TASK_COLUMN_TITLE:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), task->title);
      break;
    case DN_TASK_COLUMN_LEAD:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                                task->lead_unit_name[0] != '\0' ? task->lead_unit_name : task->lead_unit_code);
      break;
    case DN_TASK_COLUMN_SUPPORT:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), task->support_unit_names[0] != '\0'
                                                        ? task->support_unit_names : task->support_unit_codes);
      break;
    case DN_TASK_COLUMN_DUE:
      show_due (cell, task, today);
      break;
    case DN_TASK_COLUMN_RECURRENCE:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), task->recurrence == DN_RECURRENCE_NONE
                                                        ? "" : dn_recurrence_get_label (task->recurrence));
      break;
    case DN_TASK_COLUMN_STATUS:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), task->id > 0 && task->title[0] != '\0'
                                                        ? dn_status_get_label (task->status) : "");
      dn_ui_set_css_class (cell, "dim-label", task->status == DN_STATUS_DONE || task->status == DN_STATUS_CANCELLED);
      break;
    case DN_TASK_COLUMN_PROGRESS:
      dn_task_progress_bar_set_percent (DN_TASK_PROGRESS_BAR (cell), task->progress);
      dn_task_progress_bar_set_children_percent (DN_TASK_PROGRESS_BAR (cell), task->children_progress);
      break;
    case DN_TASK_COLUMN_N:
    default:
      break;
    }
}

/* one line per supporting unit, "name (code)"; a name holding the separator
 * makes the lists unequal, and then the two lists are shown as they are */
static char *
dup_support_tooltip (DnTask *task)
{
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) text = NULL;

  if (task->support_unit_codes[0] == '\0')
    return NULL;
  codes = g_strsplit (task->support_unit_codes, ", ", -1);
  names = g_strsplit (task->support_unit_names, ", ", -1);
  if (g_strv_length (codes) != g_strv_length (names))
    return g_strdup_printf ("%s\n%s", task->support_unit_names, task->support_unit_codes);
  text = g_string_new (NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s (%s)", i > 0 ? "\n" : "", names[i], codes[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
dn_task_columns_dup_tooltip (DnTaskColumn  column,
                             DnTask       *task)
{
  switch (column)
    {
    case DN_TASK_COLUMN_TITLE:
      return task->title[0] != '\0' ? g_strdup (task->title) : NULL;
    case DN_TASK_COLUMN_LEAD:
      if (task->lead_unit_code[0] == '\0')
        return NULL;
      return g_strdup_printf ("%s (%s)", task->lead_unit_name, task->lead_unit_code);
    case DN_TASK_COLUMN_SUPPORT:
      return dup_support_tooltip (task);
    case DN_TASK_COLUMN_RECURRENCE:
      return task->recurrence != DN_RECURRENCE_NONE ? g_strdup (dn_recurrence_get_label (task->recurrence)) : NULL;
    case DN_TASK_COLUMN_DUE:
      {
        GDate today;
        int days;

        dn_date_today (&today);
        switch (due_state (task, &today, &days))
          {
          case DUE_NONE:
            return task->id > 0 && task->title[0] != '\0' ? g_strdup (_("No due date")) : NULL;
          case DUE_OVERDUE:
            return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", -days), -days);
          case DUE_SOON:
            return days == 0 ? g_strdup (_("Due today"))
                             : g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);
          case DUE_LATER:
          default:
            return NULL;
          }
      }
    case DN_TASK_COLUMN_PROGRESS:
      if (task->id <= 0 || task->title[0] == '\0')
        return NULL;
      if (task->children_progress < 0)
        return g_strdup_printf (_("Progress reported: %d%%"), task->progress);
      return g_strdup_printf (_("Progress reported: %d%%\nSub-units (average): %d%%"),
                              task->progress, task->children_progress);
    case DN_TASK_COLUMN_SECTION:
    case DN_TASK_COLUMN_STATUS:
    case DN_TASK_COLUMN_N:
    default:
      return NULL;
    }
}
