/* dn-reports-page-private.h: what the files of the Reports section share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-pdf-view.h"
#include "dn-query-worker.h"
#include "dn-report-form.h"
#include "dn-report-job.h"
#include "dn-reports-page.h"

G_BEGIN_DECLS

struct _DnReportsPage
{
  GtkWidget       parent_instance;

  DnStore        *store;
  DnQueryWorker  *worker;       /* the builds' own */
  DnQuerySlot    *list_slot;    /* the reports kept */
  DnQuerySlot    *header_slot;  /* a new report's unit header */
  GPtrArray      *reports;      /* DnReport: those kept, as listed */
  DnReport       *report;       /* shown: a copy of the kept one, or a new one (id 0) */
  gint64          revision;     /* of the kept one, as read: a change made
                                 * elsewhere since is a conflict */
  gboolean        dirty;        /* edited since kept */
  gboolean        listing;      /* filling the list: no selection signal */

  DnReportJob    *job;          /* the build running */
  GCancellable   *cancellable;  /* non-NULL while a build runs */
  gboolean        issuing;      /* the build running is to issue it */
  guint           progress_id;
  guint           rebuild_id;
  guint           serial;
  DnReportBuild  *build;        /* the last one built */
  gboolean        stale;        /* the form changed since */
  char           *file_stem;    /* "Báo cáo quý I năm 2024.pdf" */

  /* Template widgets */
  GtkWidget      *paned;
  GtkDropDown    *earlier_dropdown;
  DnReportForm   *form;
  GtkLabel       *note_label;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkStack       *preview_stack;
  GtkLabel       *message_label;
  DnPdfView      *view;
};

typedef enum
{
  DN_REPORT_OUTPUT_PDF,
  DN_REPORT_OUTPUT_ODT,
  DN_REPORT_OUTPUT_TABLES,
} DnReportOutput;

GtkWindow *_dn_reports_page_parent_window (DnReportsPage  *self);
/* Keeps the report with the window's writer; FALSE when the form was
 * refused at once (said to the officer) */
gboolean   _dn_reports_page_save          (DnReportsPage  *self);
/* Saves it if needed, then builds it numbered for the register and
 * issues it */
void       _dn_reports_page_issue_now     (DnReportsPage  *self);
/* Writes the last build as @output at @path (said to the officer) */
gboolean   _dn_reports_page_write         (DnReportsPage  *self,
                                           DnReportOutput  output,
                                           const char     *path);
void       _dn_reports_page_save_odt_action       (DnReportsPage *self);
void       _dn_reports_page_export_tables_action  (DnReportsPage *self);
void       _dn_reports_page_save_odt_to_action    (GtkWidget     *widget,
                                                   const char    *action_name,
                                                   GVariant      *parameter);
void       _dn_reports_page_export_tables_to_action (GtkWidget   *widget,
                                                     const char  *action_name,
                                                     GVariant    *parameter);

G_END_DECLS
