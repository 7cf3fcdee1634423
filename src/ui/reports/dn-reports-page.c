/* dn-reports-page.c: the Reports section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dn-date.h"
#include "dn-pdf-export.h"
#include "dn-pdf-view.h"
#include "dn-query-worker.h"
#include "dn-report-builder.h"
#include "dn-report-form.h"
#include "dn-report-job.h"
#include "dn-reports-page-private.h"
#include "dn-store-documents.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"
#include "dn-ui.h"
#include "dn-window-context.h"
#include "dn-writable.h"

/* A pause in typing before the preview is built again */
#define REBUILD_DELAY_MS 700

G_DEFINE_FINAL_TYPE (DnReportsPage, dn_reports_page, GTK_TYPE_WIDGET)

static void rebuild_now (DnReportsPage *self);
static void read_reports (DnReportsPage *self);

static void
set_message (DnReportsPage *self,
             const char    *text)
{
  gtk_label_set_text (self->message_label, text);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
}

static void
update_actions (DnReportsPage *self)
{
  gboolean built = self->build != NULL && !self->stale;
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-pdf", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-pdf-to", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-odt", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-odt-to", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-tables", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-tables-to", built);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.issue", self->store != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.delete", self->report != NULL && self->report->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel", busy);
}

/* Building ---------------------------------------------------------------- */

static gboolean
progress_tick_cb (gpointer data)
{
  DnReportsPage *self = data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, dn_report_job_get_fraction (self->job));
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (DnReportsPage *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (self->progress_box, FALSE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, dn_report_job_unref);
}

static void
forget_build (DnReportsPage *self)
{
  if (self->build != NULL && self->build->path != NULL)
    g_unlink (self->build->path);
  g_clear_pointer (&self->build, dn_report_build_free);
}

static void
on_issued (GtkWidget    *widget,
           DnWrite      *write,
           const GError *error,
           gpointer      data)
{
  DnReportsPage *self = DN_REPORTS_PAGE (widget);
  DnWindowContext *context = dn_window_context_from_widget (widget);
  DnReport *report = DN_REPORT (write->record);
  g_autoptr(DnDocument) document = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
        self->revision = dn_store_get_row_revision (self->store, "report", report->id, NULL);
      dn_ui_show_error (_dn_reports_page_parent_window (self), _("The report was not issued"), error->message);
      return;
    }
  self->revision = dn_store_get_row_revision (self->store, "report", report->id, NULL);
  document = dn_store_get_document (self->store, report->document_id, NULL);
  reference = document != NULL ? dn_document_dup_reference (document) : g_strdup ("");
  text = g_strdup_printf (_("Report issued as %s and entered in the outgoing register with its PDF."), reference);
  if (context != NULL)
    dn_window_context_show_message (context, text);
  if (self->report == report)
    dn_report_form_set_report (self->form, report);
  read_reports (self);
}

/* After a build for issuing: the register entry, with the PDF attached,
 * made by the window's writer */
static void
issue_built (DnReportsPage *self,
             DnReportBuild *build)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) write = NULL;
  DnReportPeriod period;

  if (!dn_report_get_period (self->report, &period, &error))
    {
      dn_ui_show_error (_dn_reports_page_parent_window (self), _("The report was not issued"), error->message);
      return;
    }
  write = dn_write_new (DN_WRITE_ISSUE_REPORT);
  write->record = g_object_ref (G_OBJECT (self->report));
  write->number = build->number;
  write->reason = dn_report_dup_subject (&period);
  write->file = g_file_new_for_path (build->path);
  write->revision = self->revision;
  dn_window_context_write_for (GTK_WIDGET (self), self->store, write, on_issued, NULL, NULL);
}

static void
on_built_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DnReportsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReportBuild) build = dn_report_job_run_finish (result, &error);
  g_autoptr(GFile) file = NULL;
  gboolean issuing;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  issuing = self->issuing;
  self->issuing = FALSE;
  stop_progress (self);
  if (build == NULL)
    {
      set_message (self, error->message);
      update_actions (self);
      g_object_unref (self);
      return;
    }
  if (issuing)
    issue_built (self, build);
  forget_build (self);
  self->build = g_steal_pointer (&build);
  self->stale = FALSE;
  dn_report_form_show_figures (self->form, self->build->figures);
  gtk_label_set_text (self->note_label, self->build->font_note != NULL ? self->build->font_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), self->build->font_note != NULL);
  file = g_file_new_for_path (self->build->path);
  dn_pdf_view_open (self->view, file, 0);
  dn_pdf_view_set_file_name (self->view, self->file_stem);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  update_actions (self);
  g_object_unref (self);
}

/* Builds the preview of what the form shows (numbered @number: 0 as
 * issued, -1 the next number of the register, to issue it) */
static void
start_build (DnReportsPage *self,
             int            number)
{
  g_autoptr(DnReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *describe = NULL;
  DnReportPeriod period;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->store == NULL)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_progress (self);

  report = self->report != NULL ? dn_report_copy (self->report) : dn_report_new ();
  if (!dn_report_form_get_report (self->form, report, &error))
    {
      self->stale = TRUE;
      set_message (self, error->message);
      update_actions (self);
      return;
    }
  if (number < 0 && !g_date_valid (&report->report_date))
    dn_date_today (&report->report_date);
  if (dn_report_get_period (report, &period, NULL))
    {
      describe = dn_report_period_describe (&period);
      g_free (self->file_stem);
      /* "Báo cáo quý I năm 2024.pdf" */
      self->file_stem = g_strdup_printf ("Báo cáo %s.pdf", describe);
    }
  dir = g_build_filename (g_get_user_cache_dir (), "doingoai", "reports", NULL);
  g_mkdir_with_parents (dir, 0700);
  name = g_strdup_printf ("preview-%u-%u.pdf", g_random_int (), ++self->serial);
  path = g_build_filename (dir, name, NULL);

  self->job = dn_report_job_new (report, number, path);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (self->progress_box, TRUE);
  self->progress_id = g_timeout_add (100, progress_tick_cb, self);
  update_actions (self);
  dn_report_job_run_async (self->job, self->worker, self->cancellable, on_built_cb, g_object_ref (self));
}

static gboolean
rebuild_timeout_cb (gpointer data)
{
  DnReportsPage *self = data;

  self->rebuild_id = 0;
  start_build (self, 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (DnReportsPage *self)
{
  self->stale = TRUE;
  update_actions (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
}

static void
rebuild_now (DnReportsPage *self)
{
  start_build (self, 0);
}

static void
cancel_action (DnReportsPage *self)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  self->issuing = FALSE;
  stop_progress (self);
  self->stale = TRUE;
  set_message (self, _("Building the report was cancelled. Change something or press F5 to build it again."));
  update_actions (self);
}

/* The reports kept ---------------------------------------------------------- */

static gpointer
list_reports_job (DnStore         *store,
                  gpointer         data,
                  GCancellable    *cancellable,
                  GDestroyNotify  *result_destroy,
                  GError         **error)
{
  *result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return dn_store_list_reports (store, error);
}

static void
reports_read (DnReportsPage *self,
              GPtrArray     *reports,
              const GError  *error)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  if (reports == NULL)
    {
      DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (self));

      if (context != NULL)
        dn_window_context_show_message (context, error->message);
      return;
    }
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->reports = g_ptr_array_ref (reports);
  gtk_string_list_append (labels, self->report != NULL && self->report->id == 0 ? _("New report (not kept yet)")
                                                                               : _("Earlier reports…"));
  for (guint i = 0; i < reports->len; i++)
    {
      DnReport *report = g_ptr_array_index (reports, i);
      DnReportPeriod period;
      g_autofree char *describe = NULL;
      g_autofree char *label = NULL;

      if (dn_report_get_period (report, &period, NULL))
        {
          describe = dn_report_period_describe (&period);
          describe[0] = g_ascii_toupper (describe[0]);
        }
      /* "Quý I năm 2024 · Sở GD&ĐT · issued" */
      label = g_strdup_printf ("%s · %s%s", describe != NULL ? describe : report->period, report->unit_name,
                               report->document_id != 0 ? _(" · issued") : "");
      gtk_string_list_append (labels, label);
      if (self->report != NULL && self->report->id == report->id)
        selected = i + 1;
    }
  self->listing = TRUE;
  gtk_drop_down_set_model (self->earlier_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->earlier_dropdown, selected);
  self->listing = FALSE;
}

static void
read_reports (DnReportsPage *self)
{
  if (self->list_slot != NULL)
    dn_query_slot_run (self->list_slot, list_reports_job, NULL, NULL, G_CALLBACK (reports_read), self);
}

static void
show_report (DnReportsPage *self,
             DnReport      *report)
{
  g_set_object (&self->report, report);
  self->revision = report->id > 0 ? dn_store_get_row_revision (self->store, "report", report->id, NULL) : -1;
  self->dirty = FALSE;
  dn_report_form_set_report (self->form, report);
  forget_build (self);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  rebuild_now (self);
}

static void
on_earlier_selected_cb (DnReportsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->earlier_dropdown);
  g_autoptr(DnReport) copy = NULL;

  if (self->listing || self->reports == NULL || position == 0 || position > self->reports->len)
    return;
  copy = dn_report_copy (g_ptr_array_index (self->reports, position - 1));
  show_report (self, copy);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DnReportsPage *self = DN_REPORTS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReport) report = dn_store_get_report (self->store, id, &error);

  if (report == NULL)
    {
      DnWindowContext *context = dn_window_context_from_widget (widget);

      if (context != NULL)
        dn_window_context_show_message (context, error->message);
      return;
    }
  show_report (self, report);
  read_reports (self);
}

/* A new report: the officer's unit (else the first at the top), its last
 * header */
typedef struct
{
  gint64 unit_id;
} NewReport;

static gpointer
new_report_job (DnStore         *store,
                gpointer         data,
                GCancellable    *cancellable,
                GDestroyNotify  *result_destroy,
                GError         **error)
{
  NewReport *asked = data;
  g_autoptr(DnReport) report = dn_report_new ();
  GDate today;
  DnReportPeriod period;

  report->unit_id = asked->unit_id;
  if (report->unit_id == 0)
    {
      g_autoptr(GPtrArray) top = dn_store_list_units (store, 0, FALSE, error);

      if (top == NULL)
        return NULL;
      if (top->len == 0)
        {
          g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                               _("There is no unit yet: add the department and its units first."));
          return NULL;
        }
      /* the department, else the first unit at the top */
      report->unit_id = ((DnUnit *) g_ptr_array_index (top, 0))->id;
      for (guint i = top->len; i > 0; i--)
        if (((DnUnit *) g_ptr_array_index (top, i - 1))->kind == DN_UNIT_KIND_DEPARTMENT)
          report->unit_id = ((DnUnit *) g_ptr_array_index (top, i - 1))->id;
    }
  report->kind = DN_REPORT_QUARTER;
  report->with_sub_units = TRUE;
  dn_date_today (&today);
  dn_report_period_containing (report->kind, &today, &period);
  g_free (report->period);
  report->period = dn_report_period_to_string (&period);
  if (!dn_store_fill_report_header (store, report, error))
    return NULL;
  *result_destroy = g_object_unref;
  return g_steal_pointer (&report);
}

static void
new_report_read (DnReportsPage *self,
                 DnReport      *report,
                 const GError  *error)
{
  if (report == NULL)
    {
      set_message (self, error->message);
      return;
    }
  show_report (self, report);
  read_reports (self);
}

static void
new_action (DnReportsPage *self)
{
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (self));
  NewReport *asked = g_new0 (NewReport, 1);

  if (self->store == NULL)
    {
      g_free (asked);
      return;
    }
  asked->unit_id = context != NULL ? dn_window_context_get_my_unit (context) : 0;
  dn_query_slot_run (self->header_slot, new_report_job, asked, g_free, G_CALLBACK (new_report_read), self);
}

/* A new report's header follows its unit, until the officer keeps it */
static void
header_read (DnReportsPage *self,
             DnReport      *header,
             const GError  *error)
{
  if (header != NULL && self->report != NULL && self->report->id == 0)
    dn_report_form_set_header (self->form, header);
}

static gpointer
header_job (DnStore         *store,
            gpointer         data,
            GCancellable    *cancellable,
            GDestroyNotify  *result_destroy,
            GError         **error)
{
  g_autoptr(DnReport) report = dn_report_new ();

  report->unit_id = *(gint64 *) data;
  if (!dn_store_fill_report_header (store, report, error))
    return NULL;
  *result_destroy = g_object_unref;
  return g_steal_pointer (&report);
}

static void
on_form_scope_changed_cb (DnReportsPage *self)
{
  g_autoptr(DnReport) report = dn_report_new ();

  if (self->report == NULL || self->report->id != 0 || self->store == NULL)
    return;
  if (dn_report_form_get_report (self->form, report, NULL) && report->unit_id != self->report->unit_id)
    {
      self->report->unit_id = report->unit_id;
      dn_query_slot_run (self->header_slot, header_job, g_memdup2 (&report->unit_id, sizeof (gint64)), g_free,
                         G_CALLBACK (header_read), self);
    }
}

static void
on_form_changed_cb (DnReportsPage *self)
{
  self->dirty = TRUE;
  schedule_rebuild (self);
}

/* Keeping ------------------------------------------------------------------- */

static void issue_saved (DnReportsPage *self);

static void
on_saved (GtkWidget    *widget,
          DnWrite      *write,
          const GError *error,
          gpointer      data)
{
  DnReportsPage *self = DN_REPORTS_PAGE (widget);
  DnWindowContext *context = dn_window_context_from_widget (widget);
  DnReport *report = DN_REPORT (write->record);

  if (error != NULL)
    {
      /* told, the officer may keep it over the other change */
      if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
        self->revision = dn_store_get_row_revision (self->store, "report", report->id, NULL);
      dn_ui_show_error (_dn_reports_page_parent_window (self), _("The report was not kept"), error->message);
      return;
    }
  g_set_object (&self->report, report);
  self->revision = dn_store_get_row_revision (self->store, "report", report->id, NULL);
  self->dirty = FALSE;
  if (context != NULL)
    dn_window_context_show_message (context, _("Report kept. Its header will be offered for the unit’s next "
                                               "report."));
  read_reports (self);
  update_actions (self);
  if (GPOINTER_TO_INT (data))
    issue_saved (self);
}

/* Keeps the report with the window's writer (then issues it, @then_issue);
 * FALSE when the form is refused at once */
static gboolean
save_report (DnReportsPage *self,
             gboolean       then_issue)
{
  g_autoptr(DnReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) write = NULL;

  if (self->store == NULL || self->report == NULL)
    return FALSE;
  report = dn_report_copy (self->report);
  if (!dn_report_form_get_report (self->form, report, &error))
    {
      dn_ui_show_error (_dn_reports_page_parent_window (self), _("The report was not kept"), error->message);
      return FALSE;
    }
  write = dn_write_new_save (report, report->id > 0 ? self->revision : -1);
  dn_window_context_write_for (GTK_WIDGET (self), self->store, write, on_saved, GINT_TO_POINTER (then_issue), NULL);
  return TRUE;
}

gboolean
_dn_reports_page_save (DnReportsPage *self)
{
  return save_report (self, FALSE);
}

static void
save_action (DnReportsPage *self)
{
  _dn_reports_page_save (self);
}

static gboolean
undo_delete (DnStore   *store,
             GError   **error,
             gpointer   data)
{
  DnReport *report = data;

  report->id = 0;
  return dn_store_add_report (store, report, error);
}

static void
on_deleted (GtkWidget    *widget,
            DnWrite      *write,
            const GError *error,
            gpointer      data)
{
  DnReportsPage *self = DN_REPORTS_PAGE (widget);
  DnWindowContext *context = dn_window_context_from_widget (widget);
  DnReport *kept = data;

  if (error != NULL)
    {
      dn_ui_show_error (_dn_reports_page_parent_window (self), _("The report was not deleted"), error->message);
      return;
    }
  if (context != NULL)
    dn_window_context_push_undo_closure (context, _("Report deleted."),
                                         g_cclosure_new (G_CALLBACK (undo_delete), g_object_ref (kept),
                                                         (GClosureNotify) (void (*) (void)) g_object_unref));
  new_action (self);
}

static void
delete_action (DnReportsPage *self)
{
  if (self->report == NULL || self->report->id == 0)
    return;
  dn_window_context_delete_for (GTK_WIDGET (self), self->store, &dn_writable_report, self->report->id, on_deleted,
                                dn_report_copy (self->report), g_object_unref);
}

static void
issue_confirmed_cb (GtkDialog     *dialog,
                    int            response,
                    DnReportsPage *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    _dn_reports_page_issue_now (self);
}

void
_dn_reports_page_issue_now (DnReportsPage *self)
{
  if (self->dirty || self->report == NULL || self->report->id == 0)
    save_report (self, TRUE);
  else
    issue_saved (self);
}

/* Once kept: built numbered for the register, then issued */
static void
issue_saved (DnReportsPage *self)
{
  /* dated the day it is issued, unless the officer dated it */
  if (!g_date_valid (&self->report->report_date))
    dn_date_today (&self->report->report_date);
  self->issuing = TRUE;
  start_build (self, -1);
}

static void
issue_action (DnReportsPage *self)
{
  GtkWidget *dialog;
  const char *detail;

  detail = self->report != NULL && self->report->document_id != 0
           ? _("It was issued before: it takes a new number now, and the register keeps the earlier entry.")
           : _("It takes the next number of the outgoing register, is dated (today if no date is given) and "
               "enters the register with its PDF attached.");
  dialog = dn_ui_confirm_new (_dn_reports_page_parent_window (self), GTK_MESSAGE_QUESTION,
                              _("Issue this report?"), detail, _("_Issue"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (DnReportsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "pdf.print", NULL);
}

static void
save_pdf_action (DnReportsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->build == NULL)
    return;
  file = g_file_new_for_path (self->build->path);
  dn_pdf_export_save_copy (_dn_reports_page_parent_window (self), file, self->file_stem);
}

static void
save_pdf_to_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DnReportsPage *self = DN_REPORTS_PAGE (widget);

  _dn_reports_page_write (self, DN_REPORT_OUTPUT_PDF, g_variant_get_string (parameter, NULL));
}

/* Widget -------------------------------------------------------------------- */

void
dn_reports_page_set_store (DnReportsPage *self,
                           DnStore       *store)
{
  g_autoptr(DnQueryWorker) shared = NULL;

  g_return_if_fail (DN_IS_REPORTS_PAGE (self));
  g_return_if_fail (DN_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->list_slot, dn_query_slot_free);
  g_clear_pointer (&self->header_slot, dn_query_slot_free);
  /* a worker of its own: a long build never holds up the lists' queries */
  self->worker = dn_query_worker_new (store);
  shared = dn_query_worker_get_for_store (store);
  self->list_slot = dn_query_slot_new (shared);
  self->header_slot = dn_query_slot_new (shared);
  dn_report_form_set_store (self->form, store);
  new_action (self);
}

gint64
dn_reports_page_get_report (DnReportsPage *self)
{
  g_return_val_if_fail (DN_IS_REPORTS_PAGE (self), 0);
  return self->report != NULL ? self->report->id : 0;
}

gboolean
dn_reports_page_is_building (DnReportsPage *self)
{
  g_return_val_if_fail (DN_IS_REPORTS_PAGE (self), FALSE);
  return self->cancellable != NULL || self->rebuild_id != 0;
}

guint
dn_reports_page_get_n_pages (DnReportsPage *self)
{
  g_return_val_if_fail (DN_IS_REPORTS_PAGE (self), 0);
  return self->build != NULL && !self->stale ? self->build->n_pages : 0;
}

static void
dn_reports_page_dispose (GObject *object)
{
  DnReportsPage *self = DN_REPORTS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_progress (self);
  forget_build (self);
  g_clear_pointer (&self->list_slot, dn_query_slot_free);
  g_clear_pointer (&self->header_slot, dn_query_slot_free);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
  g_clear_pointer (&self->file_stem, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (dn_reports_page_parent_class)->dispose (object);
}

static void
dn_reports_page_class_init (DnReportsPageClass *klass)
{
  static const DnAction actions[] = {
    { "report.new", G_CALLBACK (new_action) },
    { "report.save", G_CALLBACK (save_action) },
    { "report.delete", G_CALLBACK (delete_action) },
    { "report.issue", G_CALLBACK (issue_action) },
    { "report.print", G_CALLBACK (print_action) },
    { "report.save-pdf", G_CALLBACK (save_pdf_action) },
    { "report.save-odt", G_CALLBACK (_dn_reports_page_save_odt_action) },
    { "report.export-tables", G_CALLBACK (_dn_reports_page_export_tables_action) },
    { "report.refresh", G_CALLBACK (rebuild_now) },
    { "report.cancel", G_CALLBACK (cancel_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_reports_page_dispose;

  g_type_ensure (DN_TYPE_REPORT_FORM);
  g_type_ensure (DN_TYPE_PDF_VIEW);
  dn_ui_class_set_bin_template (widget_class, "dn-reports-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnReportsPage, paned, earlier_dropdown, form, note_label, progress_box,
                             progress_bar, preview_stack, message_label, view);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_earlier_selected_cb, on_form_changed_cb, on_form_scope_changed_cb);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  /* the same, written to a path without asking (scripts and tests) */
  gtk_widget_class_install_action (widget_class, "report.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "report.save-pdf-to", "s", save_pdf_to_action);
  gtk_widget_class_install_action (widget_class, "report.save-odt-to", "s", _dn_reports_page_save_odt_to_action);
  gtk_widget_class_install_action (widget_class, "report.export-tables-to", "s",
                                   _dn_reports_page_export_tables_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "report.refresh", NULL);
}

static void
dn_reports_page_init (DnReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stale = TRUE;
  update_actions (self);
}
