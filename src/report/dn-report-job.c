/* dn-report-job.c: a report's PDF built on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-report"

#include "config.h"

#include <glib/gstdio.h>

#include "dn-report-builder.h"
#include "dn-report-job.h"
#include "dn-store-reports.h"

/* The shares of the steps in the fraction told */
#define READ_SHARE   300
#define LAYOUT_SHARE 100
#define WHOLE        1000

struct _DnReportJob
{
  gatomicrefcount ref_count;
  DnReport       *report;
  int             number;
  char           *path;
  gint            permille; /* atomic */
};

void
dn_report_build_free (DnReportBuild *build)
{
  if (build == NULL)
    return;
  g_clear_pointer (&build->document, dn_official_document_free);
  g_clear_pointer (&build->figures, dn_report_figures_free);
  g_free (build->path);
  g_free (build->font_note);
  g_free (build);
}

DnReportJob *
dn_report_job_new (DnReport   *report,
                   int         number,
                   const char *path)
{
  DnReportJob *job;

  g_return_val_if_fail (DN_IS_REPORT (report), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  job = g_new0 (DnReportJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->report = dn_report_copy (report);
  job->number = number;
  job->path = g_strdup (path);
  return job;
}

DnReportJob *
dn_report_job_ref (DnReportJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
dn_report_job_unref (DnReportJob *job)
{
  if (job == NULL || !g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_object_unref (job->report);
  g_free (job->path);
  g_free (job);
}

double
dn_report_job_get_fraction (DnReportJob *job)
{
  g_return_val_if_fail (job != NULL, 0);
  return g_atomic_int_get (&job->permille) / (double) WHOLE;
}

static void
page_written (gpointer data,
              guint    done,
              guint    n_pages)
{
  DnReportJob *job = data;
  guint rest = WHOLE - READ_SHARE - LAYOUT_SHARE;

  g_atomic_int_set (&job->permille, READ_SHARE + LAYOUT_SHARE + (n_pages > 0 ? rest * done / n_pages : rest));
}

/* On the worker, with its read-only store */
static gpointer
build_on_worker (DnStore         *store,
                 gpointer         data,
                 GCancellable    *cancellable,
                 GDestroyNotify  *result_destroy,
                 GError         **error)
{
  DnReportJob *job = data;
  g_autoptr(DnReportBuild) build = g_new0 (DnReportBuild, 1);

  /* to be issued: the next number of the register, read as it is built */
  build->number = job->number >= 0 ? job->number : dn_store_next_report_number (store, job->report, error);
  if (build->number < 0 || (job->number < 0 && build->number == 0))
    return NULL;
  build->document = dn_report_build_from_store (store, job->report, build->number, NULL, &build->figures, error);
  if (build->document == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  g_atomic_int_set (&job->permille, READ_SHARE);
  if (!dn_official_document_check_font (build->document, &build->font_note, error))
    return NULL;
  build->path = g_strdup (job->path);
  if (!dn_official_document_write_pdf_full (build->document, job->path, NULL, page_written, job, cancellable,
                                            &build->n_pages, error))
    return NULL;
  *result_destroy = (GDestroyNotify) dn_report_build_free;
  return g_steal_pointer (&build);
}

void
dn_report_job_run_async (DnReportJob         *job,
                         DnQueryWorker       *worker,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (job != NULL);
  g_return_if_fail (DN_IS_QUERY_WORKER (worker));

  g_atomic_int_set (&job->permille, 0);
  dn_query_worker_run_async (worker, build_on_worker, dn_report_job_ref (job),
                             (GDestroyNotify) dn_report_job_unref, cancellable, callback, user_data);
}

DnReportBuild *
dn_report_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  GDestroyNotify destroy = NULL;

  return dn_query_worker_run_finish (result, &destroy, error);
}
