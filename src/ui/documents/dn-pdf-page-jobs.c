/* dn-pdf-page-jobs.c: the pages of a PDF being drawn on the renderer's
 * worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-pages"

#include "config.h"

#include "dn-pdf-page-jobs.h"

struct _DnPdfPageJobs
{
  GObject           *owner;
  DnPdfPageJobsDone  done;
  GHashTable        *pending;     /* page → Request */
  GHashTable        *failed;      /* pages the renderer could not draw */
  guint              n_requested;
};

typedef struct
{
  DnPdfPageJobs *jobs;
  GObject       *owner;        /* a reference: the callback always comes */
  int            page;
  double         scale;
  GCancellable  *cancellable;
} Request;

static void
request_cancel (gpointer data)
{
  Request *request = data;

  /* the callback comes with G_IO_ERROR_CANCELLED and frees it */
  g_cancellable_cancel (request->cancellable);
}

DnPdfPageJobs *
dn_pdf_page_jobs_new (GObject           *owner,
                      DnPdfPageJobsDone  done)
{
  DnPdfPageJobs *jobs = g_new0 (DnPdfPageJobs, 1);

  jobs->owner = owner;
  jobs->done = done;
  jobs->pending = g_hash_table_new_full (NULL, NULL, NULL, request_cancel);
  jobs->failed = g_hash_table_new (NULL, NULL);
  return jobs;
}

void
dn_pdf_page_jobs_free (DnPdfPageJobs *jobs)
{
  g_hash_table_unref (jobs->pending);
  g_hash_table_unref (jobs->failed);
  g_free (jobs);
}

void
dn_pdf_page_jobs_clear (DnPdfPageJobs *jobs)
{
  g_hash_table_remove_all (jobs->pending);
  g_hash_table_remove_all (jobs->failed);
  jobs->n_requested = 0;
}

static void
on_rendered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Request *request = user_data;
  DnPdfPageJobs *jobs = request->jobs;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = dn_pdf_renderer_render_finish (DN_PDF_RENDERER (source), result, &error);
  gboolean current = g_hash_table_lookup (jobs->pending, GINT_TO_POINTER (request->page)) == request;

  if (current)
    g_hash_table_steal (jobs->pending, GINT_TO_POINTER (request->page));
  if (surface != NULL && current)
    jobs->done (request->owner, request->page, request->scale, surface);
  else
    {
      if (surface != NULL)
        cairo_surface_destroy (surface);
      if (current && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("page %d: %s", request->page + 1, error->message);
          g_hash_table_add (jobs->failed, GINT_TO_POINTER (request->page));
          jobs->done (request->owner, request->page, request->scale, NULL);
        }
    }
  g_object_unref (request->cancellable);
  g_object_unref (request->owner);
  g_free (request);
}

void
dn_pdf_page_jobs_request (DnPdfPageJobs *jobs,
                          DnPdfRenderer *renderer,
                          DnPdfDocument *document,
                          int            page,
                          double         scale,
                          int            priority)
{
  Request *request = g_hash_table_lookup (jobs->pending, GINT_TO_POINTER (page));

  if (request != NULL && request->scale == scale)
    return;
  if (g_hash_table_contains (jobs->failed, GINT_TO_POINTER (page)))
    return;
  request = g_new0 (Request, 1);
  request->jobs = jobs;
  request->owner = g_object_ref (jobs->owner);
  request->page = page;
  request->scale = scale;
  request->cancellable = g_cancellable_new ();
  /* replaces (and cancels) a job at another scale */
  g_hash_table_replace (jobs->pending, GINT_TO_POINTER (page), request);
  jobs->n_requested++;
  dn_pdf_renderer_render_async (renderer, document, page, scale, priority, request->cancellable, on_rendered_cb,
                                request);
}

void
dn_pdf_page_jobs_keep (DnPdfPageJobs *jobs,
                       int            first,
                       int            last,
                       double         scale)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, jobs->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int page = GPOINTER_TO_INT (key);
      Request *request = value;

      if (page < first || page > last || request->scale != scale)
        g_hash_table_iter_remove (&iter);
    }
}

gboolean
dn_pdf_page_jobs_failed (DnPdfPageJobs *jobs,
                         int            page)
{
  return g_hash_table_contains (jobs->failed, GINT_TO_POINTER (page));
}

guint
dn_pdf_page_jobs_get_n_requested (DnPdfPageJobs *jobs)
{
  return jobs->n_requested;
}
