/* dn-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-overview-page.h"
#include "dn-ui.h"

struct _DnOverviewPage
{
  GtkWidget    parent_instance;

  DnStore     *store;

  GtkWidget   *scroller;
  GtkLabel    *today_label;
  GtkLabel    *overdue_label;
  GtkLabel    *week_label;
  GtkLabel    *quarter_title;
  GtkListBox  *units_list;
  GtkWidget   *units_empty;
  GtkListBox  *reminders_list;
  GtkWidget   *reminders_empty;
  GtkLabel    *counts_label;
};

G_DEFINE_FINAL_TYPE (DnOverviewPage, dn_overview_page, GTK_TYPE_WIDGET)

static void
quarter_bounds (const GDate *today,
                GDate       *from,
                GDate       *to)
{
  int quarter = dn_date_get_quarter (today);
  GDateYear year = g_date_get_year (today);

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, (GDateMonth) ((quarter - 1) * 3 + 1), year);
  g_date_set_dmy (to, 1, (GDateMonth) (quarter * 3), year);
  g_date_set_day (to, g_date_get_days_in_month (g_date_get_month (to), year));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
unit_row (DnUnitStat *stat)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (stat->unit_name);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (stat->n_tasks, 1));
  g_autofree char *figures = NULL;
  GtkWidget *label;

  figures = stat->n_overdue > 0
    ? g_strdup_printf (_("%u of %u done, %u overdue"), stat->n_done, stat->n_tasks, stat->n_overdue)
    : g_strdup_printf (_("%u of %u done"), stat->n_done, stat->n_tasks);
  label = gtk_label_new (figures);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (name, 260, -1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), stat->n_done);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  if (stat->n_overdue > 0)
    gtk_widget_add_css_class (label, "dn-overdue");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "unit-id", GINT_TO_POINTER ((int) stat->unit_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, stat->unit_name, -1);
  return row;
}

static GtkWidget *
reminder_row (DnUnitStat *stat)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (stat->unit_name);
  g_autofree char *text = g_strdup_printf (_("%u reminders, %u criticisms, %u reviews"),
                                           stat->n_reminders[DN_REMINDER_NOTICE],
                                           stat->n_reminders[DN_REMINDER_CRITICISM],
                                           stat->n_reminders[DN_REMINDER_REVIEW]);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

void
dn_overview_page_reload (DnOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *quarter_text = NULL;
  g_autofree char *counts = NULL;
  DnTaskQuery query;
  GDate today, from, to;
  gint64 n;
  guint n_units = 0, n_reminders = 0;

  g_return_if_fail (DN_IS_OVERVIEW_PAGE (self));
  if (self->store == NULL)
    return;

  dn_date_today (&today);
  today_text = dn_date_format_official (NULL, &today);
  gtk_label_set_text (self->today_label, today_text);

  dn_task_query_init (&query);
  query.overdue = TRUE;
  n = dn_store_count_tasks (self->store, &query, NULL);
  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0));
    gtk_label_set_text (self->overdue_label, text);
  }

  dn_task_query_init (&query);
  query.unfinished = TRUE;
  query.due_from = today;
  query.due_to = today;
  g_date_add_days (&query.due_to, 6);
  n = dn_store_count_tasks (self->store, &query, NULL);
  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0));
    gtk_label_set_text (self->week_label, text);
  }

  quarter_bounds (&today, &from, &to);
  quarter = dn_date_format_quarter (g_date_get_year (&today), dn_date_get_quarter (&today));
  quarter_text = g_strdup_printf (_("Completion by lead unit, %s"), quarter);
  gtk_label_set_text (self->quarter_title, quarter_text);

  clear_list (self->units_list);
  clear_list (self->reminders_list);
  stats = dn_store_list_unit_stats (self->store, &from, &to, &error);
  if (stats == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; stats != NULL && i < stats->len; i++)
    {
      DnUnitStat *stat = stats->pdata[i];

      if (stat->n_tasks > 0)
        {
          gtk_list_box_append (self->units_list, unit_row (stat));
          n_units++;
        }
      if (stat->n_reminders[0] + stat->n_reminders[1] + stat->n_reminders[2] > 0)
        {
          gtk_list_box_append (self->reminders_list, reminder_row (stat));
          n_reminders++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->units_list), n_units > 0);
  gtk_widget_set_visible (self->units_empty, n_units == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reminders_list), n_reminders > 0);
  gtk_widget_set_visible (self->reminders_empty, n_reminders == 0);

  counts = g_strdup_printf (_("%lld units · %lld people · %lld documents · %lld tasks · %lld delegations · "
                              "%lld passports · %lld partners"),
                            (long long) dn_store_count (self->store, DN_RECORD_UNIT, NULL),
                            (long long) dn_store_count (self->store, DN_RECORD_PERSON, NULL),
                            (long long) dn_store_count (self->store, DN_RECORD_DOCUMENT, NULL),
                            (long long) dn_store_count (self->store, DN_RECORD_TASK, NULL),
                            (long long) dn_store_count (self->store, DN_RECORD_DELEGATION, NULL),
                            (long long) dn_store_count (self->store, DN_RECORD_PASSPORT, NULL),
                            (long long) dn_store_count (self->store, DN_RECORD_PARTNER, NULL));
  gtk_label_set_text (self->counts_label, counts);
}

static void
on_unit_row_activated_cb (DnOverviewPage *self,
                          GtkListBoxRow  *row)
{
  int unit_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "unit-id"));
  g_autofree char *preset = g_strdup_printf ("lead:%d:quarter", unit_id);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-tasks", "s", preset);
}

static void
dn_overview_page_dispose (GObject *object)
{
  DnOverviewPage *self = DN_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_overview_page_parent_class)->dispose (object);
}

static void
dn_overview_page_class_init (DnOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_overview_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/doingoai/DoiNgoai/ui/dn-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, quarter_title);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, units_list);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, units_empty);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, reminders_list);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, reminders_empty);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, counts_label);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_row_activated_cb);
}

static void
dn_overview_page_init (DnOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
dn_overview_page_set_store (DnOverviewPage *self,
                            DnStore        *store)
{
  g_return_if_fail (DN_IS_OVERVIEW_PAGE (self));
  g_set_object (&self->store, store);
  dn_overview_page_reload (self);
}
