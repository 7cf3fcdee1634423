/* dn-pdf-page-jobs.h: the pages of a PDF being drawn on the renderer's
 * worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

/* Called when the job of @page at @scale is done: @surface the image
 * (the reference given), or NULL when the renderer could not draw it (the
 * page is then marked failed and asked for no more). A job cancelled, or
 * replaced by one at another scale, calls nothing. */
typedef void (*DnPdfPageJobsDone) (gpointer         owner,
                                   int              page,
                                   double           scale,
                                   cairo_surface_t *surface);

/* At most one job a page; each job holds a reference to @owner (its
 * callback always comes). */
typedef struct _DnPdfPageJobs DnPdfPageJobs;

DnPdfPageJobs *dn_pdf_page_jobs_new            (GObject           *owner,
                                                DnPdfPageJobsDone  done);
void           dn_pdf_page_jobs_free           (DnPdfPageJobs     *jobs);
/* Cancels every job, forgets the failed pages and the count. */
void           dn_pdf_page_jobs_clear          (DnPdfPageJobs     *jobs);
/* Starts the job of @page at @scale unless one is under way at that
 * scale or the page failed (a job at another scale is cancelled). */
void           dn_pdf_page_jobs_request        (DnPdfPageJobs     *jobs,
                                                DnPdfRenderer     *renderer,
                                                DnPdfDocument     *document,
                                                int                page,
                                                double             scale,
                                                int                priority);
/* Cancels the jobs of the pages out of @first to @last, or at a scale
 * other than @scale. */
void           dn_pdf_page_jobs_keep           (DnPdfPageJobs     *jobs,
                                                int                first,
                                                int                last,
                                                double             scale);
gboolean       dn_pdf_page_jobs_failed         (DnPdfPageJobs     *jobs,
                                                int                page);
/* The jobs started since the last clear. */
guint          dn_pdf_page_jobs_get_n_requested (DnPdfPageJobs    *jobs);

G_END_DECLS
