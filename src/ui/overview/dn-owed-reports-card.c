/* dn-owed-reports-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-owed-reports-card"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-owed-reports-card.h"
#include "dn-period.h"
#include "dn-report-receipt-form.h"
#include "dn-stale-reader.h"
#include "dn-ui.h"
#include "dn-window-context.h"

/* rows shown of each list; the figure counts them all */
#define MAX_ROWS 8
/* the units' reports listed among the deadlines to come: due within */
#define UPCOMING_DAYS 45

/* A report deadline to come: the department's own or a unit's. */
typedef struct
{
  GDate  due;
  char  *text;
} Deadline;

/* What one read gives. */
typedef struct
{
  GDate      today;
  GDate      quarter_end;
  GPtrArray *owed;       /* DnOwedReport, not received, due by the quarter's end */
  GArray    *deadlines;  /* Deadline, by day */
} Owed;

struct _DnOwedReportsCard
{
  GtkWidget      parent_instance;

  DnStore       *store;
  DnStaleReader *reader;
  GPtrArray     *owed;   /* those shown, reminded by the action */

  GtkWidget     *card_box;
  GtkLabel      *title_label;
  GtkLabel      *figure_label;
  GtkLabel      *scope_label;
  GtkListBox    *owed_list;
  GtkWidget     *owed_empty;
  GtkLabel      *status_label;
  GtkWidget     *remind_button;
  GtkListBox    *deadlines_list;
};

G_DEFINE_FINAL_TYPE (DnOwedReportsCard, dn_owed_reports_card, GTK_TYPE_WIDGET)

static void
deadline_clear (gpointer data)
{
  g_free (((Deadline *) data)->text);
}

static void
owed_free (Owed *owed)
{
  g_clear_pointer (&owed->owed, g_ptr_array_unref);
  g_clear_pointer (&owed->deadlines, g_array_unref);
  g_free (owed);
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  return g_date_compare (&((const Deadline *) a)->due, &((const Deadline *) b)->due);
}

/* The department's own reports whose due day a rule gives (Circular 19's
 * half-year and year): the next due of each, from @today on. */
static void
add_own_deadlines (GArray      *deadlines,
                   const GDate *today)
{
  for (DnReportKind kind = 0; kind < DN_REPORT_CUSTOM; kind++)
    {
      DnReportPeriod period;
      GDate due;
      Deadline d;

      dn_report_period_containing (kind, today, &period);
      if (!dn_report_period_get_due (&period, &due))
        continue;
      /* a period ends before its report is due: the last one ended may
       * still be awaited, else the current one */
      {
        DnReportPeriod previous;
        GDate previous_due;

        dn_report_period_previous (&period, &previous);
        if (dn_report_period_get_due (&previous, &previous_due) && g_date_compare (&previous_due, today) >= 0)
          {
            period = previous;
            due = previous_due;
          }
      }
      if (g_date_compare (&due, today) < 0)
        continue;
      {
        g_autofree char *what = dn_report_period_describe (&period);

        d.due = due;
        /* TRANSLATORS: a report of the department's: its kind, then the
         * period as the report's title says it (in Vietnamese) */
        d.text = g_strdup_printf (_("%s: %s"), dn_report_kind_get_label (kind), what);
        g_array_append_val (deadlines, d);
      }
    }
}

/* On the worker's thread. */
static gpointer
read_owed (DnStore         *store,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *result_destroy,
           GError         **error)
{
  Owed *result = g_new0 (Owed, 1);
  DnOwedQuery query;
  GDate quarter_start;
  g_autoptr(GPtrArray) upcoming = NULL;

  result->today = *(const GDate *) data;
  dn_period_get_bounds (DN_PERIOD_QUARTER, &result->today, &quarter_start, &result->quarter_end);
  dn_owed_query_init (&query);
  query.outstanding = TRUE;
  query.due_from = result->today;
  g_date_subtract_days (&query.due_from, 365);
  query.due_to = result->quarter_end;
  result->owed = dn_store_list_owed_reports (store, &query, &result->today, error);
  if (result->owed != NULL && !g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      query.due_from = result->today;
      query.due_to = result->today;
      g_date_add_days (&query.due_to, UPCOMING_DAYS);
      upcoming = dn_store_list_owed_reports (store, &query, &result->today, error);
    }
  if (upcoming == NULL)
    {
      owed_free (result);
      return NULL;
    }
  result->deadlines = g_array_new (FALSE, FALSE, sizeof (Deadline));
  g_array_set_clear_func (result->deadlines, deadline_clear);
  add_own_deadlines (result->deadlines, &result->today);
  /* the department's own first, then the units' (by due day already) */
  g_array_sort (result->deadlines, compare_deadlines);
  for (guint i = 0; i < upcoming->len; i++)
    {
      DnOwedReport *r = upcoming->pdata[i];
      Deadline d = { r->due_date, NULL };

      /* TRANSLATORS: a unit's report to come: the unit, then the period */
      d.text = g_strdup_printf (_("%s: %s"), r->unit_name, r->period_label);
      g_array_append_val (result->deadlines, d);
    }
  *result_destroy = (GDestroyNotify) owed_free;
  return result;
}

/* A line: @text at the start, @date at the end; @accessible its name. */
static GtkWidget *
line_row (const char *text,
          const char *date,
          gboolean    late,
          const char *accessible)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (text);
  GtkWidget *when = gtk_label_new (date);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  if (late)
    gtk_widget_add_css_class (when, "dn-overdue");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), when);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static GtkWidget *
owed_row (DnOwedReport *r,
          guint         index)
{
  GtkWidget *received;
  g_autofree char *due = dn_date_format_short (&r->due_date);
  g_autofree char *text = g_strdup_printf ("%s — %s", r->unit_name, r->period_label);
  g_autofree char *date = r->state == DN_OWED_LATE
                          /* TRANSLATORS: a report not received, past its due day */
                          ? g_strdup_printf (_("late since %s"), due)
                          /* TRANSLATORS: a report not received yet, due on that day */
                          : g_strdup_printf (_("due %s"), due);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", text, date);
  GtkWidget *row = line_row (text, date, r->state == DN_OWED_LATE, accessible);
  g_autofree char *received_name = g_strdup_printf (_("Record the report of %s as received"), r->unit_name);

  g_object_set_data (G_OBJECT (row), "task-id", GINT_TO_POINTER ((int) r->task_id));
  /* the report came: recorded with its PDF */
  /* TRANSLATORS: a button on a report not received yet */
  received = gtk_button_new_with_label (_("Received…"));
  gtk_widget_add_css_class (received, "flat");
  gtk_widget_set_valign (received, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (received, _("The report came: record it, with its PDF"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (received), GTK_ACCESSIBLE_PROPERTY_LABEL, received_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (received), "owed.record-received");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (received), "u", index);
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), received);
  return row;
}

static void
show_owed (DnOwedReportsCard *self,
           Owed              *owed)
{
  g_autofree char *figure = g_strdup_printf ("%u", owed->owed->len);
  g_autofree char *end = dn_date_format_short (&owed->quarter_end);
  g_autofree char *scope = g_strdup_printf (_("Due by %s, with the year's late ones."), end);
  /* TRANSLATORS: the card read aloud: its title, then its figure */
  g_autofree char *accessible = g_strdup_printf (_("%s: %s"), _("Reports not received"), figure);
  guint n_late = 0;

  gtk_label_set_text (self->figure_label, figure);
  gtk_label_set_text (self->scope_label, scope);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  dn_ui_list_box_clear (self->owed_list);
  for (guint i = 0; i < owed->owed->len; i++)
    {
      DnOwedReport *r = owed->owed->pdata[i];

      n_late += r->state == DN_OWED_LATE;
      if (i < MAX_ROWS)
        gtk_list_box_append (self->owed_list, owed_row (r, i));
    }
  if (owed->owed->len > MAX_ROWS)
    {
      guint more = owed->owed->len - MAX_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                                               more);
      GtkWidget *row = line_row (text, "", FALSE, text);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->owed_list, row);
    }
  if (n_late > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->figure_label), "dn-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->figure_label), "dn-overdue");
  gtk_widget_set_visible (GTK_WIDGET (self->owed_list), owed->owed->len > 0);
  gtk_widget_set_visible (self->owed_empty, owed->owed->len == 0);
  gtk_widget_set_visible (self->remind_button, owed->owed->len > 0);
  g_clear_pointer (&self->owed, g_ptr_array_unref);
  self->owed = g_ptr_array_ref (owed->owed);

  dn_ui_list_box_clear (self->deadlines_list);
  for (guint i = 0; i < owed->deadlines->len && i < MAX_ROWS; i++)
    {
      Deadline *d = &g_array_index (owed->deadlines, Deadline, i);
      g_autofree char *due = dn_date_format_short (&d->due);
      g_autofree char *name = g_strdup_printf ("%s, %s", d->text, due);
      GtkWidget *row = line_row (d->text, due, FALSE, name);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->deadlines_list, row);
    }
}

static void
read_done (GtkWidget    *widget,
           gpointer      result,
           const GError *error)
{
  DnOwedReportsCard *self = DN_OWED_REPORTS_CARD (widget);

  if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The reports owed could not be read: %s"), error->message);

      gtk_label_set_text (self->status_label, message);
      return;
    }
  show_owed (self, result);
}

static gpointer
read_today (GtkWidget *widget)
{
  GDate *today = g_new (GDate, 1);

  dn_date_today (today);
  return today;
}

static const DnStaleReaderFuncs reader_funcs = {
  read_owed, read_today, read_done, NULL,
};

gboolean
dn_owed_reports_card_remind (DnOwedReportsCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DnWindowContext *context;
  guint sent = 0;

  g_return_val_if_fail (DN_IS_OWED_REPORTS_CARD (self), FALSE);

  if (self->store == NULL || self->owed == NULL || self->owed->len == 0)
    message = g_strdup (_("No report is awaited."));
  else if (!dn_store_remind_owed_reports (self->store, self->owed, DN_REMINDER_NOTICE, &sent, &error))
    message = g_strdup_printf (_("The reminders could not be sent: %s"), error->message);
  else if (sent == 0)
    message = g_strdup (_("Every unit listed has been reminded today already."));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder sent to the units that have not reported.",
                                            "%u reminders sent to the units that have not reported.", sent),
                               sent);
  gtk_label_set_text (self->status_label, message);
  context = dn_window_context_from_widget (GTK_WIDGET (self));
  if (context != NULL)
    dn_window_context_show_message (context, message);
  return error == NULL && sent > 0;
}

guint
dn_owed_reports_card_get_n_owed (DnOwedReportsCard *self)
{
  g_return_val_if_fail (DN_IS_OWED_REPORTS_CARD (self), 0);
  return self->owed != NULL ? self->owed->len : 0;
}

static void
record_received_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DnOwedReportsCard *self = DN_OWED_REPORTS_CARD (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->store == NULL || self->owed == NULL || index >= self->owed->len)
    return;
  dn_report_receipt_form_present (widget, self->store, g_ptr_array_index (self->owed, index));
}

static void
on_owed_row_activated_cb (DnOwedReportsCard *self,
                          GtkListBoxRow     *row)
{
  int task_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "task-id"));

  if (task_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-task", "x", (gint64) task_id);
}

void
dn_owed_reports_card_reload (DnOwedReportsCard *self)
{
  g_return_if_fail (DN_IS_OWED_REPORTS_CARD (self));
  dn_stale_reader_mark_stale (self->reader);
}

gboolean
dn_owed_reports_card_is_loading (DnOwedReportsCard *self)
{
  g_return_val_if_fail (DN_IS_OWED_REPORTS_CARD (self), FALSE);
  return dn_stale_reader_is_loading (self->reader);
}

void
dn_owed_reports_card_set_store (DnOwedReportsCard *self,
                                DnStore           *store)
{
  g_return_if_fail (DN_IS_OWED_REPORTS_CARD (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  g_set_object (&self->store, store);
  dn_stale_reader_set_store (self->reader, store);
}

static void
dn_owed_reports_card_dispose (GObject *object)
{
  DnOwedReportsCard *self = DN_OWED_REPORTS_CARD (object);

  g_clear_pointer (&self->reader, dn_stale_reader_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_OWED_REPORTS_CARD);
  g_clear_pointer (&self->owed, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_owed_reports_card_parent_class)->dispose (object);
}

static void
dn_owed_reports_card_class_init (DnOwedReportsCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_owed_reports_card_dispose;
  dn_stale_reader_install_property (object_class, G_STRUCT_OFFSET (DnOwedReportsCard, reader));

  dn_ui_class_set_bin_template (widget_class, "dn-owed-reports-card.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnOwedReportsCard, card_box, title_label, figure_label, scope_label, owed_list,
                             owed_empty, status_label, remind_button, deadlines_list);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_owed_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "owed.record-received", "u", record_received_action);
}

static void
dn_owed_reports_card_init (DnOwedReportsCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->remind_button, FALSE);
  self->reader = dn_stale_reader_new (GTK_WIDGET (self), &reader_funcs);
}
