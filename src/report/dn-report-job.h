/* dn-report-job.h: a report's PDF built on a worker thread
 *
 * The Reports section builds its preview on a DnQueryWorker of its own:
 * the figures are read on the worker's read-only connection, the document
 * laid out and its pages written there one by one, so the window stays
 * responsive. The job tells how far it is (dn_report_job_get_fraction(),
 * safe from any thread) and stops between two steps when cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-official-document.h"
#include "dn-query-worker.h"
#include "dn-report.h"
#include "dn-store-report.h"

G_BEGIN_DECLS

/* What a build made */
typedef struct
{
  DnOfficialDocument *document;
  DnReportFigures    *figures;
  char               *path;      /* the PDF written */
  guint               n_pages;
  int                 number;    /* the number it was built with; 0: none given */
  char               *font_note; /* the face standing in for Times New Roman, or NULL */
} DnReportBuild;

void dn_report_build_free (DnReportBuild *build);

typedef struct _DnReportJob DnReportJob;

/* Builds @report (copied: it may change meanwhile) numbered @number (0:
 * as issued, or to be given; -1: the next number of its year's outgoing
 * register, read on the worker, for issuing it) into the PDF file @path,
 * on @worker. */
DnReportJob   *dn_report_job_new          (DnReport             *report,
                                           int                   number,
                                           const char           *path);
DnReportJob   *dn_report_job_ref          (DnReportJob          *job);
void           dn_report_job_unref        (DnReportJob          *job);
void           dn_report_job_run_async    (DnReportJob          *job,
                                           DnQueryWorker        *worker,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* (transfer full) NULL with @error (G_IO_ERROR_CANCELLED when cancelled:
 * then no file is left). */
DnReportBuild *dn_report_job_run_finish   (GAsyncResult         *result,
                                           GError              **error);
/* From 0 to 1, as the job goes: reading the figures, laying out, each page */
double         dn_report_job_get_fraction (DnReportJob          *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnReportBuild, dn_report_build_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnReportJob, dn_report_job_unref)

G_END_DECLS
