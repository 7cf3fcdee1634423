/* dn-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-date.h"
#include "dn-overview-page.h"
#include "dn-owed-reports-card.h"
#include "dn-period.h"
#include "dn-stale-reader.h"
#include "dn-ui.h"

/* The figures are read on the query worker by a DnStaleReader: never on
 * the main loop, only while the page is shown, at most one read at a time.
 * Until a result arrives the page keeps showing the previous one. */

/* What one read gives: the figures of @today. */
typedef struct
{
  GDate      today;
  gint64     n_overdue;
  gint64     n_week;
  GPtrArray *stats;   /* DnUnitStat, the quarter's */
  gint64     counts[7];
  gint64     alerts[DN_ALERT_N];
} Figures;

/* The cards of the delegations, passports and partners: each opens the
 * list its figure counts (win.show-list "SECTION:FILTER"). */
typedef struct
{
  const char *title;     /* N_() */
  const char *tooltip;   /* N_() */
  const char *icon;
  const char *style;     /* dn-danger: late; dn-warning: close to a limit; NULL: a plain figure */
  const char *target;
} AlertCard;

static const AlertCard alert_cards[DN_ALERT_N] = {
  [DN_ALERT_STAFF_ABROAD] = { N_("Staff abroad today"), N_("Show the delegations abroad today"),
                              "mark-location-symbolic", NULL, "delegations-out:abroad" },
  [DN_ALERT_PASSPORTS_OVERDUE] = { N_("Passports overdue"), N_("Show the passports not handed back in time"),
                                   "dialog-warning-symbolic", "dn-danger", "passports:overdue" },
  [DN_ALERT_REPORTS_OVERDUE] = { N_("Trip reports overdue"), N_("Show the delegations whose results report is late"),
                                 "dialog-warning-symbolic", "dn-danger", "delegations-out:report-overdue" },
  [DN_ALERT_VISIT_REPORTS_OVERDUE] = { N_("Visit reports overdue"),
                                       N_("Show the inbound delegations whose results report is late"),
                                       "dialog-warning-symbolic", "dn-danger", "delegations-in:report-overdue" },
  [DN_ALERT_PASSPORTS_EXPIRING] = { N_("Passports expiring"), N_("Show the passports that expire soon or have expired"),
                                    "alarm-symbolic", "dn-warning", "passports:expiring" },
  [DN_ALERT_REGISTRATIONS_EXPIRING] = { N_("Partner registrations expiring"),
                                        N_("Show the partners whose registration paper expires soon"),
                                        "alarm-symbolic", "dn-warning", "partners:expiring" },
};

static const DnRecordKind counted_kinds[] = {
  DN_RECORD_UNIT, DN_RECORD_PERSON, DN_RECORD_DOCUMENT, DN_RECORD_TASK,
  DN_RECORD_DELEGATION, DN_RECORD_PASSPORT, DN_RECORD_PARTNER,
};

struct _DnOverviewPage
{
  GtkWidget    parent_instance;

  DnStaleReader *reader;    /* its property "loading" */
  GPtrArray     *stats;     /* those shown, to rebuild the lists only when they change */

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
  GtkWidget   *overdue_card;
  GtkWidget   *week_card;
  GtkFlowBox  *alerts_box;
  DnOwedReportsCard *owed_card;
  GtkWidget   *alert_card[DN_ALERT_N];
  GtkLabel    *alert_label[DN_ALERT_N];
  GtkSizeGroup *figures_group;  /* the figures after the bars: one width */
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (DnOverviewPage, dn_overview_page, GTK_TYPE_WIDGET)

/* A line of a list: the label @name at the start, then the widgets that
 * follow, up to NULL; @margin above and below. */
static GtkWidget *
line_box (int        margin,
          GtkWidget *name,
          ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *child;
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_box_append (GTK_BOX (box), name);
  va_start (args, name);
  while ((child = va_arg (args, GtkWidget *)) != NULL)
    gtk_box_append (GTK_BOX (box), child);
  va_end (args);
  gtk_widget_set_margin_top (box, margin);
  gtk_widget_set_margin_bottom (box, margin);
  return box;
}

static GtkWidget *
unit_row (DnOverviewPage *self,
          DnUnitStat     *stat)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *name = gtk_label_new (stat->unit_name);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (stat->n_tasks, 1));
  g_autofree char *figures = NULL;
  GtkWidget *label;

  figures = stat->n_overdue > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u done, %u overdue",
                                    "%u of %u done, %u overdue", stat->n_overdue),
                       stat->n_done, stat->n_tasks, stat->n_overdue)
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u done", "%u of %u done", stat->n_tasks),
                       stat->n_done, stat->n_tasks);
  label = gtk_label_new (figures);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_size_group_add_widget (self->figures_group, label);
  /* names of one width, so that the bars start and end in one column */
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 34);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 34);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), stat->n_done);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  if (stat->n_overdue > 0)
    gtk_widget_add_css_class (label, "dn-overdue");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line_box (6, name, bar, label, NULL));
  g_object_set_data (G_OBJECT (row), "unit-id", GINT_TO_POINTER ((int) stat->unit_id));
  {
    g_autofree char *accessible = g_strdup_printf ("%s: %s", stat->unit_name, figures);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
  return row;
}

static GtkWidget *
reminder_row (DnUnitStat *stat)
{
  GtkWidget *name = gtk_label_new (stat->unit_name);
  guint notices = stat->n_reminders[DN_REMINDER_NOTICE];
  guint criticisms = stat->n_reminders[DN_REMINDER_CRITICISM];
  guint reviews = stat->n_reminders[DN_REMINDER_REVIEW];
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder", "%u reminders", notices),
                                        notices);
  g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criticism", "%u criticisms",
                                                     criticisms), criticisms);
  g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews", reviews),
                                        reviews);
  /* TRANSLATORS: the reminders a unit received: "2 reminders, 1 criticism, 0 reviews" */
  g_autofree char *text = g_strdup_printf (_("%s, %s, %s"), a, b, c);
  GtkWidget *box;

  gtk_widget_set_hexpand (name, TRUE);
  box = line_box (4, name, gtk_label_new (text), NULL);
  {
    g_autofree char *accessible = g_strdup_printf ("%s: %s", stat->unit_name, text);

    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
  return box;
}

static void
figures_free (Figures *figures)
{
  g_clear_pointer (&figures->stats, g_ptr_array_unref);
  g_free (figures);
}

static gint64
count_tasks (DnStore            *store,
             const DnTaskQuery  *query,
             GError            **error)
{
  GError *local = NULL;
  gint64 n = dn_store_count_tasks (store, query, &local);

  if (local != NULL)
    g_propagate_error (error, local);
  return n;
}

/* On the worker's thread. */
static gpointer
read_figures (DnStore         *store,
              gpointer         data,
              GCancellable    *cancellable,
              GDestroyNotify  *result_destroy,
              GError         **error)
{
  g_autoptr(GError) local = NULL;
  Figures *figures = g_new0 (Figures, 1);
  DnTaskQuery query;
  GDate from, to;

  figures->today = *(const GDate *) data;

  dn_task_query_init (&query);
  query.overdue = TRUE;
  figures->n_overdue = count_tasks (store, &query, &local);

  if (local == NULL && !g_cancellable_set_error_if_cancelled (cancellable, &local))
    {
      dn_task_query_init (&query);
      query.unfinished = TRUE;
      /* as the task list's preset "week" */
      dn_period_get_bounds (DN_PERIOD_NEXT_7_DAYS, &figures->today, &query.due_from, &query.due_to);
      figures->n_week = count_tasks (store, &query, &local);
    }

  if (local == NULL && !g_cancellable_set_error_if_cancelled (cancellable, &local))
    {
      /* as the task list's preset "lead:UNIT:quarter" */
      dn_period_get_bounds (DN_PERIOD_QUARTER, &figures->today, &from, &to);
      figures->stats = dn_store_list_unit_stats (store, &from, &to, &local);
    }

  for (guint i = 0; i < G_N_ELEMENTS (counted_kinds) && local == NULL; i++)
    if (!g_cancellable_set_error_if_cancelled (cancellable, &local))
      figures->counts[i] = dn_store_count (store, counted_kinds[i], &local);

  if (local == NULL && !g_cancellable_set_error_if_cancelled (cancellable, &local))
    dn_store_count_alerts (store, &figures->today, figures->alerts, &local);

  if (local != NULL)
    {
      figures_free (figures);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  *result_destroy = (GDestroyNotify) figures_free;
  return figures;
}

static gboolean
same_stats (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      DnUnitStat *x = a->pdata[i], *y = b->pdata[i];

      if (x->unit_id != y->unit_id || x->n_tasks != y->n_tasks || x->n_done != y->n_done ||
          x->n_overdue != y->n_overdue || g_strcmp0 (x->unit_name, y->unit_name) != 0 ||
          memcmp (x->n_reminders, y->n_reminders, sizeof x->n_reminders) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The card's figure, and its accessible name: its title and the figure. */
static void
set_figure (GtkLabel   *label,
            GtkWidget  *card,
            const char *title,
            gint64      n)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0));
  /* TRANSLATORS: an overview card read aloud: its title, then its figure */
  g_autofree char *accessible = g_strdup_printf (_("%s: %s"), title, text);

  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* "12 units · 40 people · …", each count with its plural form */
static char *
format_counts (const gint64 counts[7])
{
  GString *text = g_string_new (NULL);
  gint64 c[7];

  for (guint i = 0; i < G_N_ELEMENTS (c); i++)
    c[i] = MAX (counts[i], 0);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld unit", "%lld units", dn_ui_plural (c[0])),
                            (long long) c[0]);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld person", "%lld people", dn_ui_plural (c[1])),
                            (long long) c[1]);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld document", "%lld documents", dn_ui_plural (c[2])),
                            (long long) c[2]);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld task", "%lld tasks", dn_ui_plural (c[3])),
                            (long long) c[3]);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld delegation", "%lld delegations", dn_ui_plural (c[4])),
                            (long long) c[4]);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld passport", "%lld passports", dn_ui_plural (c[5])),
                            (long long) c[5]);
  dn_ui_string_append_item (text, " · ",
                            g_dngettext (GETTEXT_PACKAGE, "%lld partner", "%lld partners", dn_ui_plural (c[6])),
                            (long long) c[6]);
  return g_string_free (text, FALSE);
}

static void
show_figures (DnOverviewPage *self,
              Figures        *figures)
{
  g_autofree char *today_text = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *quarter_text = NULL;
  g_autofree char *counts = NULL;
  const GDate *today = &figures->today;
  guint n_units = 0, n_reminders = 0;

  today_text = dn_date_format_long (today);
  gtk_label_set_text (self->today_label, today_text);
  set_figure (self->overdue_label, self->overdue_card, _("Overdue tasks"), figures->n_overdue);
  set_figure (self->week_label, self->week_card, _("Due in the next 7 days"), figures->n_week);
  for (guint i = 0; i < DN_ALERT_N; i++)
    {
      set_figure (self->alert_label[i], self->alert_card[i], _(alert_cards[i].title), figures->alerts[i]);
      /* a late or expiring figure of 0 is not a warning */
      if (alert_cards[i].style != NULL)
        {
          if (figures->alerts[i] > 0)
            gtk_widget_add_css_class (self->alert_card[i], alert_cards[i].style);
          else
            gtk_widget_remove_css_class (self->alert_card[i], alert_cards[i].style);
        }
    }

  quarter = dn_date_format_quarter_label (g_date_get_year (today), dn_date_get_quarter (today));
  quarter_text = g_strdup_printf (_("Completion by lead unit, %s"), quarter);
  gtk_label_set_text (self->quarter_title, quarter_text);

  if (!same_stats (self->stats, figures->stats))
    {
      dn_ui_list_box_clear (self->units_list);
      dn_ui_list_box_clear (self->reminders_list);
      for (guint i = 0; i < figures->stats->len; i++)
        {
          DnUnitStat *stat = figures->stats->pdata[i];

          if (stat->n_tasks > 0)
            {
              gtk_list_box_append (self->units_list, unit_row (self, stat));
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
      g_clear_pointer (&self->stats, g_ptr_array_unref);
      self->stats = g_ptr_array_ref (figures->stats);
    }

  counts = format_counts (figures->counts);
  gtk_label_set_text (self->counts_label, counts);
}

static void
read_done (GtkWidget    *widget,
           gpointer      figures,
           const GError *error)
{
  DnOverviewPage *self = DN_OVERVIEW_PAGE (widget);

  if (figures == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The overview could not be read: %s"), error->message);

      gtk_label_set_text (self->error_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      show_figures (self, figures);
    }
}

static gpointer
read_today (GtkWidget *widget)
{
  GDate *today = g_new (GDate, 1);

  dn_date_today (today);
  return today;
}

static const DnStaleReaderFuncs reader_funcs = {
  read_figures, read_today, read_done, NULL,
};

/* A card as the template's: a button with the icon and the title above
 * the figure. */
static void
add_alert_card (DnOverviewPage *self,
                DnAlert         alert)
{
  const AlertCard *card = &alert_cards[alert];
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(card->title));
  GtkWidget *figure = gtk_label_new ("0");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-list");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", card->target);
  gtk_widget_set_tooltip_text (button, _(card->tooltip));
  gtk_widget_add_css_class (button, "dn-card");
  gtk_widget_set_name (button, card->target);
  gtk_box_append (GTK_BOX (heading), gtk_image_new_from_icon_name (card->icon));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* narrow enough for three cards a line (the template's most) in a
   * window of 1 024 pixels */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 14);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (heading), title);
  gtk_label_set_xalign (GTK_LABEL (figure), 0);
  gtk_widget_add_css_class (figure, "dn-figure");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_flow_box_append (self->alerts_box, button);
  /* the flow box's own child takes no focus: the button does */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  self->alert_card[alert] = button;
  self->alert_label[alert] = GTK_LABEL (figure);
  set_figure (self->alert_label[alert], button, _(card->title), 0);
}

void
dn_overview_page_reload (DnOverviewPage *self)
{
  g_return_if_fail (DN_IS_OVERVIEW_PAGE (self));
  dn_stale_reader_mark_stale (self->reader);
  dn_owed_reports_card_reload (self->owed_card);
}

gboolean
dn_overview_page_is_loading (DnOverviewPage *self)
{
  g_return_val_if_fail (DN_IS_OVERVIEW_PAGE (self), FALSE);
  return dn_stale_reader_is_loading (self->reader) || dn_owed_reports_card_is_loading (self->owed_card);
}

static void
remind_owed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  dn_owed_reports_card_remind (DN_OVERVIEW_PAGE (widget)->owed_card);
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

  g_clear_pointer (&self->reader, dn_stale_reader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->stats, g_ptr_array_unref);
  g_clear_object (&self->figures_group);

  G_OBJECT_CLASS (dn_overview_page_parent_class)->dispose (object);
}

static void
dn_overview_page_class_init (DnOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_overview_page_dispose;
  dn_stale_reader_install_property (object_class, G_STRUCT_OFFSET (DnOverviewPage, reader));

  g_type_ensure (DN_TYPE_OWED_REPORTS_CARD);
  dn_ui_class_set_bin_template (widget_class, "dn-overview-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnOverviewPage, scroller, today_label, overdue_label, week_label,
                             quarter_title, units_list, units_empty, reminders_list, reminders_empty,
                             counts_label, overdue_card, week_card, alerts_box, owed_card, error_revealer,
                             error_label);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_unit_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "overview.remind-owed", NULL, remind_owed_action);
}

static void
dn_overview_page_init (DnOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < DN_ALERT_N; i++)
    add_alert_card (self, i);
  self->figures_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->reader = dn_stale_reader_new (GTK_WIDGET (self), &reader_funcs);
}

void
dn_overview_page_set_store (DnOverviewPage *self,
                            DnStore        *store)
{
  g_return_if_fail (DN_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  dn_stale_reader_set_store (self->reader, store);
  dn_owed_reports_card_set_store (self->owed_card, store);
}
