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
#include "dn-period.h"
#include "dn-query-worker.h"
#include "dn-ui.h"

/* The figures are read on the query worker: never on the main loop, only
 * while the page is shown (a hidden page notes that the store changed and
 * reads when it is shown), at most one read at a time (changes that come
 * while one runs are read once, after it). Until a result arrives the page
 * keeps showing the previous one. */

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one read gives: the figures of @today. */
typedef struct
{
  GDate      today;
  gint64     n_overdue;
  gint64     n_week;
  GPtrArray *stats;   /* DnUnitStat, the quarter's */
  gint64     counts[7];
} Figures;

static const DnRecordKind counted_kinds[] = {
  DN_RECORD_UNIT, DN_RECORD_PERSON, DN_RECORD_DOCUMENT, DN_RECORD_TASK,
  DN_RECORD_DELEGATION, DN_RECORD_PASSPORT, DN_RECORD_PARTNER,
};

struct _DnOverviewPage
{
  GtkWidget    parent_instance;

  DnStore     *store;
  DnQuerySlot *slot;
  gboolean     stale;     /* the figures shown are older than the store */
  gboolean     loading;   /* property "loading": stale while shown, or reading */
  guint        idle_id;   /* the read waits for the burst of changes to end */
  GPtrArray   *stats;     /* those shown, to rebuild the lists only when they change */

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
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (DnOverviewPage, dn_overview_page, GTK_TYPE_WIDGET)

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

static void
set_figure (GtkLabel *label,
            gint64    n)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (n, 0));

  gtk_label_set_text (label, text);
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

  today_text = dn_date_format_official (NULL, today);
  gtk_label_set_text (self->today_label, today_text);
  set_figure (self->overdue_label, figures->n_overdue);
  set_figure (self->week_label, figures->n_week);

  quarter = dn_date_format_quarter (g_date_get_year (today), dn_date_get_quarter (today));
  quarter_text = g_strdup_printf (_("Completion by lead unit, %s"), quarter);
  gtk_label_set_text (self->quarter_title, quarter_text);

  if (!same_stats (self->stats, figures->stats))
    {
      clear_list (self->units_list);
      clear_list (self->reminders_list);
      for (guint i = 0; i < figures->stats->len; i++)
        {
          DnUnitStat *stat = figures->stats->pdata[i];

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
      g_clear_pointer (&self->stats, g_ptr_array_unref);
      self->stats = g_ptr_array_ref (figures->stats);
    }

  counts = g_strdup_printf (_("%lld units · %lld people · %lld documents · %lld tasks · %lld delegations · "
                              "%lld passports · %lld partners"),
                            (long long) figures->counts[0], (long long) figures->counts[1],
                            (long long) figures->counts[2], (long long) figures->counts[3],
                            (long long) figures->counts[4], (long long) figures->counts[5],
                            (long long) figures->counts[6]);
  gtk_label_set_text (self->counts_label, counts);
}

static void
update_loading (DnOverviewPage *self)
{
  gboolean loading = (self->stale && self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self))) ||
                     (self->slot != NULL && dn_query_slot_is_busy (self->slot));

  if (loading == self->loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void start_read (DnOverviewPage *self);

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DnOverviewPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GDestroyNotify destroy = NULL;
  Figures *figures = dn_query_worker_run_finish (result, &destroy, &error);

  if (figures == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The overview could not be read: %s"), error->message);

      g_debug ("%s", error->message);
      gtk_label_set_text (self->error_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      show_figures (self, figures);
      destroy (figures);
    }
  /* changes that came meanwhile */
  if (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_read (self);
  update_loading (self);
}

static void
start_read (DnOverviewPage *self)
{
  GDate *today = g_new (GDate, 1);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->stale = FALSE;
  dn_date_today (today);
  dn_query_slot_run_async (self->slot, read_figures, today, g_free, read_done_cb, self);
  update_loading (self);
}

static gboolean
read_idle_cb (gpointer user_data)
{
  DnOverviewPage *self = user_data;

  self->idle_id = 0;
  if (self->stale && self->slot != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      !dn_query_slot_is_busy (self->slot))
    start_read (self);
  return G_SOURCE_REMOVE;
}

/* Reads when shown, once the changes of this turn of the main loop are
 * all in; a read under way is not interrupted (it is done again after). */
static void
schedule_read (DnOverviewPage *self)
{
  if (self->slot == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->idle_id == 0 && !dn_query_slot_is_busy (self->slot))
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, read_idle_cb, self, NULL);
}

void
dn_overview_page_reload (DnOverviewPage *self)
{
  g_return_if_fail (DN_IS_OVERVIEW_PAGE (self));
  if (self->store == NULL)
    return;
  self->stale = TRUE;
  schedule_read (self);
  update_loading (self);
}

gboolean
dn_overview_page_is_loading (DnOverviewPage *self)
{
  g_return_val_if_fail (DN_IS_OVERVIEW_PAGE (self), FALSE);
  return self->loading;
}

static void
on_store_changed_cb (DnOverviewPage *self)
{
  dn_overview_page_reload (self);
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
dn_overview_page_map (GtkWidget *widget)
{
  DnOverviewPage *self = DN_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (dn_overview_page_parent_class)->map (widget);
  if (self->stale)
    schedule_read (self);
  update_loading (self);
}

static void
dn_overview_page_unmap (GtkWidget *widget)
{
  DnOverviewPage *self = DN_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (dn_overview_page_parent_class)->unmap (widget);
  /* a read under way ends and is shown; none starts while hidden */
  g_clear_handle_id (&self->idle_id, g_source_remove);
  update_loading (self);
}

static void
dn_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DnOverviewPage *self = DN_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_overview_page_dispose (GObject *object)
{
  DnOverviewPage *self = DN_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->slot, dn_query_slot_free);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->stats, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_overview_page_parent_class)->dispose (object);
}

static void
dn_overview_page_class_init (DnOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_overview_page_dispose;
  object_class->get_property = dn_overview_page_get_property;
  widget_class->map = dn_overview_page_map;
  widget_class->unmap = dn_overview_page_unmap;

  /* TRUE while the figures shown wait for a read of the store */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DnOverviewPage, error_label);
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
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_set_object (&self->store, store);
  self->stale = FALSE;
  if (store != NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (store);

      self->slot = dn_query_slot_new (worker);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
      dn_overview_page_reload (self);
    }
  update_loading (self);
}
