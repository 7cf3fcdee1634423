/* dn-pdf-renderer.c: PDF files read and drawn by poppler on one worker
 *
 * Poppler does not support two threads working on one document at once
 * (Evince locks every call, Papers went back to a single thread), so a
 * renderer has one thread, and every poppler call happens there: opening,
 * reading page sizes, drawing, text, find, and closing (the last reference
 * of a document, dropped anywhere, sends its poppler document to the
 * worker to be freed).
 *
 * A job is queued in a GAsyncQueue sorted by priority, then by arrival.
 * Its GTask was made on the caller's thread-default main context, so
 * g_task_return_*() on the worker delivers the result there. A job
 * cancelled before the worker takes it is not run (only its cancellation
 * is returned), which is what lets the view cancel the pages scrolled
 * away cheaply.
 *
 * What the worker thread shares with the renderer object (the queue and
 * the counters) lives in a Worker of its own, reference counted, so the
 * renderer may be finalized on any thread, its worker included: when the
 * last reference of the renderer goes on the worker (a task released
 * there), the thread is detached instead of joined and ends after the
 * quit job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-renderer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dn-pdf-renderer-private.h"

G_DEFINE_FINAL_TYPE (DnPdfRenderer, dn_pdf_renderer, G_TYPE_OBJECT)

/*
 * The worker
 */

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (g_atomic_ref_count_dec (&worker->ref))
    {
      g_async_queue_unref (worker->queue);
      g_free (worker);
    }
}

gboolean
_dn_pdf_on_worker (Worker *worker)
{
  return worker->thread == g_thread_self ();
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_clear_pointer (&job->document, dn_pdf_document_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->words);
  g_free (job->name);
  /* the password is not left in freed memory */
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_clear_object (&job->closing);
  g_clear_object (&job->renderer);
  if (job->result != NULL && job->result_free != NULL)
    job->result_free (job->result);
  g_clear_error (&job->error);
  g_free (job);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
_dn_pdf_worker_push (Worker *worker,
                     Job    *job)
{
  g_async_queue_lock (worker->queue);
  job->seq = worker->next_seq++;
  g_async_queue_push_sorted_unlocked (worker->queue, job, compare_jobs, NULL);
  g_async_queue_unlock (worker->queue);
}

/* Gives the job's result to its task, after the job (and so its
 * reference to the document) is freed: whoever waits for the result holds
 * the last references, never the worker, so a document is not closed
 * here while the process that waited for it exits. */
static void
job_finish (Job *job)
{
  GTask *task = g_steal_pointer (&job->task);
  gpointer result = g_steal_pointer (&job->result);
  GDestroyNotify result_free = job->result_free;
  GError *error = g_steal_pointer (&job->error);

  job_free (job);
  if (task == NULL)
    {
      if (result != NULL && result_free != NULL)
        result_free (result);
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
  g_object_unref (task);
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (worker->queue);

      if (job->kind == JOB_QUIT)
        {
          job_free (job);
          break;
        }
      if (job->task != NULL && g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &job->error))
        {
          if (job->kind == JOB_RENDER)
            g_atomic_int_inc (&worker->n_skipped);
          job_finish (job);
          continue;
        }
      if (job->kind == JOB_BARRIER)
        {
          g_mutex_lock (&job->barrier->mutex);
          job->barrier->reached = TRUE;
          g_cond_signal (&job->barrier->cond);
          g_mutex_unlock (&job->barrier->mutex);
        }
      else
        _dn_pdf_run_job (job, worker);
      job_finish (job);
    }
  worker_unref (worker);
  return NULL;
}

/*
 * The renderer
 */

static void
dn_pdf_renderer_finalize (GObject *object)
{
  DnPdfRenderer *self = DN_PDF_RENDERER (object);
  Worker *worker = self->worker;
  Job *quit = g_new0 (Job, 1);

  quit->kind = JOB_QUIT;
  quit->priority = PRIORITY_QUIT;
  if (_dn_pdf_on_worker (worker))
    {
      /* released by a job's task on the worker itself: it ends after
       * this job, on its own */
      g_thread_unref (worker->thread);
      _dn_pdf_worker_push (worker, quit);
    }
  else
    {
      _dn_pdf_worker_push (worker, quit);
      g_thread_join (worker->thread);
    }
  worker_unref (worker);

  G_OBJECT_CLASS (dn_pdf_renderer_parent_class)->finalize (object);
}

static void
dn_pdf_renderer_class_init (DnPdfRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dn_pdf_renderer_finalize;
}

static void
dn_pdf_renderer_init (DnPdfRenderer *self)
{
  self->worker = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&self->worker->ref);
  self->worker->queue = g_async_queue_new ();
  /* the thread's own reference, dropped when it ends */
  worker_ref (self->worker);
  self->worker->thread = g_thread_new ("dn-pdf-renderer", worker_main, self->worker);
}

DnPdfRenderer *
dn_pdf_renderer_new (void)
{
  return g_object_new (DN_TYPE_PDF_RENDERER, NULL);
}

/* Waits until the worker has done every job queued before (closing
 * documents included). */
static void
drain (Worker *worker)
{
  Barrier barrier;
  Job *job = g_new0 (Job, 1);

  g_mutex_init (&barrier.mutex);
  g_cond_init (&barrier.cond);
  barrier.reached = FALSE;
  job->kind = JOB_BARRIER;
  job->priority = PRIORITY_QUIT - 1;
  job->barrier = &barrier;
  _dn_pdf_worker_push (worker, job);
  g_mutex_lock (&barrier.mutex);
  while (!barrier.reached)
    g_cond_wait (&barrier.cond, &barrier.mutex);
  g_mutex_unlock (&barrier.mutex);
  g_mutex_clear (&barrier.mutex);
  g_cond_clear (&barrier.cond);
}

static DnPdfRenderer *default_renderer;

/* At exit, before poppler's own globals go (they were set up before this
 * handler was registered, so they are torn down after it): the documents
 * the windows let go of are closed first. */
static void
drain_default (void)
{
  if (!_dn_pdf_on_worker (default_renderer->worker))
    drain (default_renderer->worker);
}

DnPdfRenderer *
dn_pdf_renderer_get_default (void)
{
  if (g_once_init_enter (&default_renderer))
    {
      DnPdfRenderer *renderer = dn_pdf_renderer_new ();

      atexit (drain_default);
      g_once_init_leave (&default_renderer, renderer);
    }
  return default_renderer;
}

/* A job of @kind, on @document (NULL when opening), for job_queue() or
 * job_wait(). */
static Job *
job_new (JobKind        kind,
         int            priority,
         DnPdfDocument *document,
         int            page)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->priority = priority;
  job->document = document != NULL ? dn_pdf_document_ref (document) : NULL;
  job->page = page;
  return job;
}

/* Queues @job (NULL: nothing, its maker said why); its result goes to
 * @callback on the caller's thread-default main context. */
static void
job_queue (DnPdfRenderer       *self,
           Job                 *job,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  if (job == NULL)
    return;
  /* no source object: a task kept by the worker a moment after its
   * result went keeps no renderer alive (see job_finish()) */
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  _dn_pdf_worker_push (self->worker, job);
}

/* What a job's task returned, for every _finish function. */
static gpointer
task_result (GAsyncResult  *result,
             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Queues @job (NULL: nothing) and waits for it on a main context of its
 * own: what its task returned. Not on the worker. */
static gpointer
job_wait (DnPdfRenderer  *self,
          Job            *job,
          GCancellable   *cancellable,
          gpointer        source_tag,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GMainContext *context;

  if (job == NULL)
    return NULL;
  if (_dn_pdf_on_worker (self->worker))
    {
      g_critical ("%s: a PDF renderer cannot wait for itself", G_STRFUNC);
      job_free (job);
      return NULL;
    }
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  job_queue (self, job, cancellable, on_job_done_cb, &result, source_tag);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return task_result (result, error);
}

/* Opening */

static Job *
open_job_new (DnPdfRenderer *self,
              GFile         *file,
              GBytes        *bytes,
              const char    *name,
              const char    *password)
{
  Job *job = job_new (JOB_OPEN, PRIORITY_OPEN, NULL, 0);

  job->renderer = g_object_ref (self);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  if (name != NULL)
    job->name = g_strdup (name);
  else if (file != NULL)
    job->name = g_file_get_basename (file);
  if (job->name == NULL || !g_utf8_validate (job->name, -1, NULL))
    {
      g_autofree char *raw = g_steal_pointer (&job->name);

      job->name = raw != NULL ? g_utf8_make_valid (raw, -1) : g_strdup ("");
    }
  job->password = g_strdup (password);
  return job;
}

void
dn_pdf_renderer_open_async (DnPdfRenderer       *self,
                            GFile               *file,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (DN_IS_PDF_RENDERER (self));
  g_return_if_fail (G_IS_FILE (file));

  job_queue (self, open_job_new (self, file, NULL, NULL, password), cancellable, callback, user_data,
             dn_pdf_renderer_open_async);
}

void
dn_pdf_renderer_open_bytes_async (DnPdfRenderer       *self,
                                  GBytes              *bytes,
                                  const char          *name,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (DN_IS_PDF_RENDERER (self));
  g_return_if_fail (bytes != NULL);

  job_queue (self, open_job_new (self, NULL, bytes, name != NULL ? name : "", password), cancellable, callback,
             user_data, dn_pdf_renderer_open_async);
}

DnPdfDocument *
dn_pdf_renderer_open_finish (DnPdfRenderer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return task_result (result, error);
}

DnPdfDocument *
dn_pdf_renderer_open (DnPdfRenderer  *self,
                      GFile          *file,
                      const char     *password,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return job_wait (self, open_job_new (self, file, NULL, NULL, password), cancellable, dn_pdf_renderer_open_async,
                   error);
}

DnPdfDocument *
dn_pdf_renderer_open_bytes (DnPdfRenderer  *self,
                            GBytes         *bytes,
                            const char     *name,
                            const char     *password,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  return job_wait (self, open_job_new (self, NULL, bytes, name != NULL ? name : "", password), cancellable,
                   dn_pdf_renderer_open_async, error);
}

/* Page jobs */

/* A job of @kind on @page of @document (@scale for drawing, @words for
 * find), or NULL (with a warning) for a document of another renderer. */
static Job *
page_job_new (DnPdfRenderer *self,
              JobKind        kind,
              DnPdfDocument *document,
              int            page,
              double         scale,
              const char    *words,
              int            priority)
{
  Job *job;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);
  g_return_val_if_fail (document != NULL && document->worker == self->worker, NULL);

  job = job_new (kind, priority, document, page);
  job->scale = scale;
  job->words = g_strdup (words);
  return job;
}

void
dn_pdf_renderer_render_async (DnPdfRenderer       *self,
                              DnPdfDocument       *document,
                              int                  page,
                              double               scale,
                              int                  priority,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  job_queue (self, page_job_new (self, JOB_RENDER, document, page, scale, NULL, priority), cancellable, callback,
             user_data, dn_pdf_renderer_render_async);
}

cairo_surface_t *
dn_pdf_renderer_render_finish (DnPdfRenderer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return task_result (result, error);
}

cairo_surface_t *
dn_pdf_renderer_render (DnPdfRenderer  *self,
                        DnPdfDocument  *document,
                        int             page,
                        double          scale,
                        GCancellable   *cancellable,
                        GError        **error)
{
  return job_wait (self, page_job_new (self, JOB_RENDER, document, page, scale, NULL, DN_PDF_PRIORITY_VISIBLE),
                   cancellable, dn_pdf_renderer_render_async, error);
}

void
dn_pdf_renderer_get_text_async (DnPdfRenderer       *self,
                                DnPdfDocument       *document,
                                int                  page,
                                int                  priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  job_queue (self, page_job_new (self, JOB_TEXT, document, page, 0, NULL, priority), cancellable, callback,
             user_data, dn_pdf_renderer_get_text_async);
}

char *
dn_pdf_renderer_get_text_finish (DnPdfRenderer  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return task_result (result, error);
}

char *
dn_pdf_renderer_get_text (DnPdfRenderer  *self,
                          DnPdfDocument  *document,
                          int             page,
                          GCancellable   *cancellable,
                          GError        **error)
{
  return job_wait (self, page_job_new (self, JOB_TEXT, document, page, 0, NULL, DN_PDF_PRIORITY_VISIBLE),
                   cancellable, dn_pdf_renderer_get_text_async, error);
}

void
dn_pdf_renderer_find_async (DnPdfRenderer       *self,
                            DnPdfDocument       *document,
                            int                  page,
                            const char          *words,
                            int                  priority,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (words != NULL);

  job_queue (self, page_job_new (self, JOB_FIND, document, page, 0, words, priority), cancellable, callback,
             user_data, dn_pdf_renderer_find_async);
}

GArray *
dn_pdf_renderer_find_finish (DnPdfRenderer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return task_result (result, error);
}

GArray *
dn_pdf_renderer_find (DnPdfRenderer  *self,
                      DnPdfDocument  *document,
                      int             page,
                      const char     *words,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (words != NULL, NULL);

  return job_wait (self, page_job_new (self, JOB_FIND, document, page, 0, words, DN_PDF_PRIORITY_VISIBLE),
                   cancellable, dn_pdf_renderer_find_async, error);
}

static Job *
select_job_new (DnPdfRenderer *self,
                DnPdfDocument *document,
                int            page,
                double         x1,
                double         y1,
                double         x2,
                double         y2,
                int            priority)
{
  Job *job = page_job_new (self, JOB_SELECT, document, page, 0, NULL, priority);

  if (job != NULL)
    {
      job->area[0] = x1;
      job->area[1] = y1;
      job->area[2] = x2;
      job->area[3] = y2;
    }
  return job;
}

void
dn_pdf_renderer_select_async (DnPdfRenderer       *self,
                              DnPdfDocument       *document,
                              int                  page,
                              double               x1,
                              double               y1,
                              double               x2,
                              double               y2,
                              int                  priority,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  job_queue (self, select_job_new (self, document, page, x1, y1, x2, y2, priority), cancellable, callback, user_data,
             dn_pdf_renderer_select_async);
}

DnPdfTextSelection *
dn_pdf_renderer_select_finish (DnPdfRenderer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return task_result (result, error);
}

DnPdfTextSelection *
dn_pdf_renderer_select (DnPdfRenderer  *self,
                        DnPdfDocument  *document,
                        int             page,
                        double          x1,
                        double          y1,
                        double          x2,
                        double          y2,
                        GCancellable   *cancellable,
                        GError        **error)
{
  return job_wait (self, select_job_new (self, document, page, x1, y1, x2, y2, DN_PDF_PRIORITY_VISIBLE), cancellable,
                   dn_pdf_renderer_select_async, error);
}

void
dn_pdf_renderer_record_async (DnPdfRenderer       *self,
                              DnPdfDocument       *document,
                              int                  page,
                              int                  priority,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  job_queue (self, page_job_new (self, JOB_RECORD, document, page, 0, NULL, priority), cancellable, callback,
             user_data, dn_pdf_renderer_record_async);
}

cairo_surface_t *
dn_pdf_renderer_record_finish (DnPdfRenderer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return task_result (result, error);
}

int
dn_pdf_renderer_count_text_pages (DnPdfRenderer  *self,
                                  DnPdfDocument  *document,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer n;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), -1);

  n = job_wait (self, page_job_new (self, JOB_COUNT_TEXT, document, 0, 0, NULL, DN_PDF_PRIORITY_BACKGROUND),
                cancellable, dn_pdf_renderer_count_text_pages, &local_error);
  if (local_error == NULL)
    return GPOINTER_TO_INT (n);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}

guint
dn_pdf_renderer_get_n_rendered (DnPdfRenderer *self)
{
  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), 0);

  return (guint) g_atomic_int_get (&self->worker->n_rendered);
}

guint
dn_pdf_renderer_get_n_skipped (DnPdfRenderer *self)
{
  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), 0);

  return (guint) g_atomic_int_get (&self->worker->n_skipped);
}