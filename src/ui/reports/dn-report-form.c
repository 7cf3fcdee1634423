/* dn-report-form.c: what a report covers, what the officer writes in it,
 * and its header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-reports"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-amount.h"
#include "dn-chooser.h"
#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-report-form.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

/* The periods offered around today: this one, the next and those before */
#define N_PERIODS_BEFORE 7

struct _DnReportForm
{
  GtkWidget     parent_instance;

  GtkWidget    *unit_chooser;
  GPtrArray    *periods;      /* char *: the text of each period offered */
  gboolean      loading;      /* showing a report: no signal */

  /* Template widgets */
  GtkWidget    *box;
  GtkDropDown  *kind_dropdown;
  GtkStack     *period_stack;
  GtkDropDown  *period_dropdown;
  DnDateEntry  *from_entry;
  DnDateEntry  *to_entry;
  GtkWidget    *unit_box;
  GtkCheckButton *sub_units_check;
  GtkLabel     *due_label;
  GtkLabel     *figures_label;
  GtkTextView  *assessment_view;
  GtkTextView  *difficulties_view;
  GtkTextView  *directions_view;
  GtkTextView  *proposals_view;
  GtkEditable  *parent_body_entry;
  GtkEditable  *issuing_body_entry;
  GtkEditable  *symbol_entry;
  GtkEditable  *place_entry;
  DnDateEntry  *date_entry;
  GtkDropDown  *sign_dropdown;
  GtkEditable  *head_title_entry;
  GtkEditable  *signer_title_entry;
  GtkEditable  *signer_name_entry;
  GtkTextView  *recipients_view;
};

G_DEFINE_FINAL_TYPE (DnReportForm, dn_report_form, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_SCOPE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit (DnReportForm *self,
      gboolean      scope)
{
  if (self->loading)
    return;
  if (scope)
    g_signal_emit (self, signals[SIGNAL_SCOPE_CHANGED], 0);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_changed_cb (DnReportForm *self)
{
  emit (self, FALSE);
}

static void
on_scope_changed_cb (DnReportForm *self)
{
  GDate due;
  DnReportPeriod period;
  g_autofree char *text = NULL;

  /* when a kind's report is due, where a rule says so */
  if (gtk_drop_down_get_selected (self->kind_dropdown) != DN_REPORT_CUSTOM)
    {
      guint position = gtk_drop_down_get_selected (self->period_dropdown);

      if (position < self->periods->len &&
          dn_report_period_parse (gtk_drop_down_get_selected (self->kind_dropdown),
                                  g_ptr_array_index (self->periods, position), &period, NULL) &&
          dn_report_period_get_due (&period, &due))
        {
          g_autofree char *day = dn_date_format_short (&due);

          text = g_strdup_printf (_("Due to the Ministry by %s (Circular 19/2020/TT-BGDĐT)."), day);
        }
    }
  gtk_label_set_text (self->due_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), text != NULL);
  emit (self, TRUE);
}

/* Offers the periods of @kind around today, @keep among them */
static void
fill_periods (DnReportForm *self,
              DnReportKind  kind,
              const char   *keep)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  DnReportPeriod period, next;
  GDate today, after;
  guint selected = 0;
  gboolean kept = FALSE;

  g_ptr_array_set_size (self->periods, 0);
  if (kind != DN_REPORT_CUSTOM)
    {
      GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

      dn_date_today (&today);
      dn_report_period_containing (kind, &today, &period);
      /* the next one first, then this one (chosen) and those before */
      after = period.end;
      g_date_add_days (&after, 1);
      dn_report_period_containing (kind, &after, &next);
      g_ptr_array_add (found, dn_report_period_to_string (&next));
      for (guint i = 0; i <= N_PERIODS_BEFORE; i++)
        {
          g_ptr_array_add (found, dn_report_period_to_string (&period));
          DnReportPeriod before;

          dn_report_period_previous (&period, &before);
          period = before;
        }
      selected = 1;
      for (guint i = 0; i < found->len; i++)
        if (keep != NULL && g_str_equal (keep, g_ptr_array_index (found, i)))
          {
            selected = i;
            kept = TRUE;
          }
      /* a kept report's period long ago is offered too */
      if (keep != NULL && !kept && dn_report_period_parse (kind, keep, &period, NULL))
        {
          g_ptr_array_add (found, g_strdup (keep));
          selected = found->len - 1;
        }
      for (guint i = 0; i < found->len; i++)
        {
          g_autofree char *describe = NULL;

          dn_report_period_parse (kind, g_ptr_array_index (found, i), &period, NULL);
          describe = dn_report_period_describe (&period);
          /* "Quý I năm 2024" */
          describe[0] = g_ascii_toupper (describe[0]);
          gtk_string_list_append (labels, describe);
          g_ptr_array_add (self->periods, g_strdup (g_ptr_array_index (found, i)));
        }
      g_ptr_array_unref (found);
    }
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->period_dropdown, selected);
  gtk_stack_set_visible_child_name (self->period_stack, kind == DN_REPORT_CUSTOM ? "custom" : "list");
}

static void
on_kind_changed_cb (DnReportForm *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  fill_periods (self, gtk_drop_down_get_selected (self->kind_dropdown), NULL);
  self->loading = loading;
  on_scope_changed_cb (self);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
dn_report_form_set_store (DnReportForm *self,
                          DnStore      *store)
{
  g_return_if_fail (DN_IS_REPORT_FORM (self));

  if (self->unit_chooser != NULL)
    {
      dn_chooser_set_store (DN_CHOOSER (self->unit_chooser), store);
      return;
    }
  self->unit_chooser = dn_unit_chooser_new (store, FALSE);
  gtk_widget_set_name (self->unit_chooser, "report-unit");
  gtk_widget_set_hexpand (self->unit_chooser, TRUE);
  gtk_box_append (GTK_BOX (self->unit_box), self->unit_chooser);
  g_signal_connect_swapped (self->unit_chooser, "changed", G_CALLBACK (on_scope_changed_cb), self);
}

void
dn_report_form_set_header (DnReportForm *self,
                           DnReport     *header)
{
  gboolean loading = self->loading;

  g_return_if_fail (DN_IS_REPORT_FORM (self));
  g_return_if_fail (DN_IS_REPORT (header));

  self->loading = TRUE;
  gtk_editable_set_text (self->parent_body_entry, header->parent_body);
  gtk_editable_set_text (self->issuing_body_entry, header->issuing_body);
  gtk_editable_set_text (self->symbol_entry, header->symbol);
  gtk_editable_set_text (self->place_entry, header->place);
  gtk_drop_down_set_selected (self->sign_dropdown, header->sign);
  gtk_editable_set_text (self->head_title_entry, header->head_title);
  gtk_editable_set_text (self->signer_title_entry, header->signer_title);
  gtk_editable_set_text (self->signer_name_entry, header->signer_name);
  set_view_text (self->recipients_view, header->recipients);
  self->loading = loading;
}

void
dn_report_form_set_report (DnReportForm *self,
                           DnReport     *report)
{
  DnReportPeriod period;

  g_return_if_fail (DN_IS_REPORT_FORM (self));
  g_return_if_fail (DN_IS_REPORT (report));

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, report->kind);
  fill_periods (self, report->kind, report->period);
  if (report->kind == DN_REPORT_CUSTOM && dn_report_period_parse (report->kind, report->period, &period, NULL))
    {
      dn_date_entry_set_date (self->from_entry, &period.start);
      dn_date_entry_set_date (self->to_entry, &period.end);
    }
  if (self->unit_chooser != NULL)
    dn_chooser_set_id (DN_CHOOSER (self->unit_chooser), report->unit_id);
  gtk_check_button_set_active (self->sub_units_check, report->with_sub_units);
  set_view_text (self->assessment_view, report->assessment);
  set_view_text (self->difficulties_view, report->difficulties);
  set_view_text (self->directions_view, report->directions);
  set_view_text (self->proposals_view, report->proposals);
  dn_date_entry_set_date (self->date_entry, &report->report_date);
  dn_report_form_set_header (self, report);
  dn_report_form_show_figures (self, NULL);
  self->loading = FALSE;
  /* the due day of the period shown */
  self->loading = TRUE;
  on_scope_changed_cb (self);
  self->loading = FALSE;
}

gboolean
dn_report_form_get_report (DnReportForm  *self,
                           DnReport      *report,
                           GError       **error)
{
  struct
  {
    GtkEditable *entry;
    char       **field;
  } entries[] = {
    { self->parent_body_entry, &report->parent_body }, { self->issuing_body_entry, &report->issuing_body },
    { self->symbol_entry, &report->symbol }, { self->place_entry, &report->place },
    { self->head_title_entry, &report->head_title }, { self->signer_title_entry, &report->signer_title },
    { self->signer_name_entry, &report->signer_name },
  };
  struct
  {
    GtkTextView *view;
    char       **field;
  } views[] = {
    { self->assessment_view, &report->assessment }, { self->difficulties_view, &report->difficulties },
    { self->directions_view, &report->directions }, { self->proposals_view, &report->proposals },
    { self->recipients_view, &report->recipients },
  };
  DnReportKind kind;
  DnReportPeriod period;
  g_autofree char *period_text = NULL;

  g_return_val_if_fail (DN_IS_REPORT_FORM (self), FALSE);
  g_return_val_if_fail (DN_IS_REPORT (report), FALSE);

  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  if (kind == DN_REPORT_CUSTOM)
    {
      if (!dn_date_entry_get_date (self->from_entry, &period.start) ||
          !dn_date_entry_get_date (self->to_entry, &period.end) ||
          g_date_compare (&period.start, &period.end) > 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Give the first and the last day of the period, the first before the last."));
          return FALSE;
        }
      period.kind = kind;
      period_text = dn_report_period_to_string (&period);
    }
  else
    {
      guint position = gtk_drop_down_get_selected (self->period_dropdown);

      if (position >= self->periods->len)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose the period of the report."));
          return FALSE;
        }
      period_text = g_strdup (g_ptr_array_index (self->periods, position));
    }
  if (self->unit_chooser == NULL || dn_chooser_get_id (DN_CHOOSER (self->unit_chooser)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose the unit the report is about."));
      return FALSE;
    }
  report->kind = kind;
  g_free (report->period);
  report->period = g_steal_pointer (&period_text);
  report->unit_id = dn_chooser_get_id (DN_CHOOSER (self->unit_chooser));
  report->with_sub_units = gtk_check_button_get_active (self->sub_units_check);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_free (*entries[i].field);
      *entries[i].field = dn_ui_editable_dup_text (GTK_WIDGET (entries[i].entry));
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_free (*views[i].field);
      *views[i].field = dup_view_text (views[i].view);
    }
  if (!dn_date_entry_get_date (self->date_entry, &report->report_date))
    g_date_clear (&report->report_date, 1);
  report->sign = MIN (gtk_drop_down_get_selected (self->sign_dropdown), DN_SIGN_N - 1);
  return TRUE;
}

void
dn_report_form_show_figures (DnReportForm          *self,
                             const DnReportFigures *f)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *budget = NULL;
  g_autofree char *projects_budget = NULL;

  g_return_if_fail (DN_IS_REPORT_FORM (self));

  if (f == NULL)
    {
      gtk_label_set_text (self->figures_label, _("Read when the preview is built."));
      return;
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u task due in the period", "%u tasks due in the period",
                                             f->n_tasks), f->n_tasks);
  g_string_append_printf (text, _(": %u done, %u in progress, %u not started, %u overdue"), f->n_done,
                          f->n_in_progress, f->n_not_started, f->n_overdue);
  g_string_append_c (text, '\n');
  budget = dn_format_amount (f->outbound_budget, "VND");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u outbound delegation", "%u outbound delegations",
                                             f->outbound->len), f->outbound->len);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u person, %s)", " (%u people, %s)",
                                             f->n_outbound_members), f->n_outbound_members, budget);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u inbound delegation", "%u inbound delegations",
                                             f->inbound->len), f->inbound->len);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u guest)", " (%u guests)",
                                             f->n_inbound_members), f->n_inbound_members);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Passports: %u handed out, %u returned (%u late), %u still out past their day"),
                          f->n_handed_out, f->n_returned, f->n_returned_late, f->n_passports_overdue);
  g_string_append_c (text, '\n');
  projects_budget = dn_format_amount (f->projects_budget, "VND");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u project running (%u new, %s)",
                                             "%u projects running (%u new, %s)", f->projects->len),
                          f->projects->len, f->n_new_projects, projects_budget);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Documents: %u issued, %u received"), f->n_documents_issued,
                          f->n_documents_received);
  gtk_label_set_text (self->figures_label, text->str);
}

static void
dn_report_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_REPORT_FORM);
  G_OBJECT_CLASS (dn_report_form_parent_class)->dispose (object);
}

static void
dn_report_form_finalize (GObject *object)
{
  DnReportForm *self = DN_REPORT_FORM (object);

  g_ptr_array_unref (self->periods);
  G_OBJECT_CLASS (dn_report_form_parent_class)->finalize (object);
}

static void
dn_report_form_class_init (DnReportFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_report_form_dispose;
  object_class->finalize = dn_report_form_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SCOPE_CHANGED] = g_signal_new ("scope-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DN_TYPE_DATE_ENTRY);
  dn_ui_class_set_bin_template (widget_class, "dn-report-form.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnReportForm, box, kind_dropdown, period_stack, period_dropdown,
                             from_entry, to_entry, unit_box, sub_units_check, due_label, figures_label,
                             assessment_view, difficulties_view, directions_view, proposals_view, parent_body_entry,
                             issuing_body_entry, symbol_entry, place_entry, date_entry, sign_dropdown,
                             head_title_entry, signer_title_entry, signer_name_entry, recipients_view);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_changed_cb, on_scope_changed_cb, on_kind_changed_cb);
}

static void
dn_report_form_init (DnReportForm *self)
{
  GtkTextView *views[5];

  self->periods = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = TRUE;
  dn_ui_drop_down_set_enum (self->kind_dropdown, DN_REPORT_KIND_N, G_CALLBACK (dn_report_kind_get_label));
  dn_ui_drop_down_set_enum (self->sign_dropdown, DN_SIGN_N, G_CALLBACK (dn_sign_kind_get_label));
  fill_periods (self, DN_REPORT_QUARTER, NULL);
  views[0] = self->assessment_view;
  views[1] = self->difficulties_view;
  views[2] = self->directions_view;
  views[3] = self->proposals_view;
  views[4] = self->recipients_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_swapped (gtk_text_view_get_buffer (views[i]), "changed", G_CALLBACK (on_changed_cb), self);
  self->loading = FALSE;
}
