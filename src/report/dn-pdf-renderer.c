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

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "dn-pdf-renderer.h"
#include "dn-text-find.h"
#include "dn-text.h"

/* a PDF file starts with "%PDF-", possibly after some junk (the
 * specification's readers accept it within the first 1024 bytes) */
#define HEADER_WINDOW 1024
#define PRIORITY_OPEN (-100)
#define PRIORITY_QUIT G_MAXINT

G_DEFINE_QUARK (dn-pdf-error-quark, dn_pdf_error)

/* poppler-glib 22.12 declares no autoptr for its pages */
typedef PopplerPage DnPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPopplerPage, g_object_unref)

/*
 * The worker
 */

typedef struct
{
  gatomicrefcount  ref;
  GAsyncQueue     *queue;
  GThread         *thread;
  guint64          next_seq;    /* under the queue's lock */
  gint             n_rendered;  /* atomic */
  gint             n_skipped;   /* atomic */
} Worker;

typedef enum
{
  JOB_OPEN,
  JOB_RENDER,
  JOB_TEXT,
  JOB_FIND,
  JOB_COUNT_TEXT,
  JOB_CLOSE,
  JOB_BARRIER,
  JOB_QUIT,
} JobKind;

/* A job that tells when the worker has reached it */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean reached;
} Barrier;

typedef struct
{
  JobKind          kind;
  int              priority;
  guint64          seq;
  GTask           *task;        /* NULL for JOB_CLOSE and JOB_QUIT */
  DnPdfDocument   *document;    /* a reference, for page jobs */
  int              page;
  double           scale;
  char            *words;
  GFile           *file;        /* JOB_OPEN: a file … */
  GBytes          *bytes;       /* … or bytes */
  char            *name;
  char            *password;
  PopplerDocument *closing;     /* JOB_CLOSE */
  DnPdfRenderer   *renderer;    /* JOB_OPEN: the documents' renderer */
  Barrier         *barrier;     /* JOB_BARRIER */
  /* what the job gives back, once it is freed */
  gpointer         result;
  GDestroyNotify   result_free;
  gssize           count;
  GError          *error;
} Job;

struct _DnPdfDocument
{
  gatomicrefcount  ref;
  DnPdfRenderer   *renderer;    /* closes the poppler document */
  Worker          *worker;      /* the renderer's */
  PopplerDocument *poppler;     /* touched only on the worker */
  GFile           *file;
  char            *name;
  char            *title;
  int              n_pages;
  double          *sizes;       /* width, height of each page */
};

struct _DnPdfRenderer
{
  GObject  parent_instance;
  Worker  *worker;
};

G_DEFINE_FINAL_TYPE (DnPdfRenderer, dn_pdf_renderer, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (DnPdfDocument, dn_pdf_document, dn_pdf_document_ref, dn_pdf_document_unref)

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

static gboolean
on_worker (Worker *worker)
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

static void
worker_push (Worker *worker,
             Job    *job)
{
  g_async_queue_lock (worker->queue);
  job->seq = worker->next_seq++;
  g_async_queue_push_sorted_unlocked (worker->queue, job, compare_jobs, NULL);
  g_async_queue_unlock (worker->queue);
}

/*
 * Documents
 */

DnPdfDocument *
dn_pdf_document_ref (DnPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
dn_pdf_document_unref (DnPdfDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  if (self->poppler != NULL)
    {
      if (on_worker (self->worker))
        g_object_unref (self->poppler);
      else
        {
          Job *job = g_new0 (Job, 1);

          job->kind = JOB_CLOSE;
          job->priority = PRIORITY_OPEN;
          job->closing = self->poppler;
          worker_push (self->worker, job);
        }
    }
  g_object_unref (self->renderer);
  g_clear_object (&self->file);
  g_free (self->name);
  g_free (self->title);
  g_free (self->sizes);
  g_free (self);
}

int
dn_pdf_document_get_n_pages (DnPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

void
dn_pdf_document_get_page_size (DnPdfDocument *self,
                               int            page,
                               double        *width,
                               double        *height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page >= 0 && page < self->n_pages);

  if (width != NULL)
    *width = self->sizes[2 * page];
  if (height != NULL)
    *height = self->sizes[2 * page + 1];
}

const char *
dn_pdf_document_get_title (DnPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

GFile *
dn_pdf_document_get_file (DnPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

const char *
dn_pdf_document_get_name (DnPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
dn_pdf_rects_count_hits (GArray *rects)
{
  g_return_val_if_fail (rects != NULL, 0);

  return rects->len > 0 ? g_array_index (rects, DnPdfRect, rects->len - 1).hit + 1 : 0;
}

/*
 * The jobs, on the worker
 */

static char *
shown_name (const char *name)
{
  return dn_text_escape_for_display (name, 80);
}

/* Reads the first bytes of the file: a clear error for a file that cannot
 * be read, is empty or is not a PDF, before poppler sees it. */
static gboolean
check_header (const char    *name,
              const guint8  *head,
              gsize          len,
              GError       **error)
{
  g_autofree char *shown = shown_name (name);

  if (len == 0)
    {
      g_set_error (error, DN_PDF_ERROR, DN_PDF_ERROR_EMPTY, _("“%s” is empty: it is not a PDF file."), shown);
      return FALSE;
    }
  for (gsize i = 0; i + 5 <= len; i++)
    if (memcmp (head + i, "%PDF-", 5) == 0)
      return TRUE;
  g_set_error (error, DN_PDF_ERROR, DN_PDF_ERROR_NOT_PDF, _("“%s” is not a PDF file."), shown);
  return FALSE;
}

static gboolean
check_file_header (GFile         *file,
                   const char    *name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 head[HEADER_WINDOW];
  gsize len = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &len, cancellable, &local_error))
    {
      g_autofree char *shown = shown_name (name);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DN_PDF_ERROR, DN_PDF_ERROR_READ, _("Could not read “%s”: %s"), shown,
                     local_error->message);
      return FALSE;
    }
  return check_header (name, head, len, error);
}

static void
run_open (Job *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) poppler_error = NULL;
  g_autofree char *shown = shown_name (job->name);
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  PopplerDocument *poppler;
  DnPdfDocument *document;
  int n_pages;

  if (job->file != NULL)
    {
      if (!check_file_header (job->file, job->name, cancellable, &error))
        {
          job->error = g_steal_pointer (&error);
          return;
        }
      poppler = poppler_document_new_from_gfile (job->file, job->password, cancellable, &poppler_error);
    }
  else
    {
      gsize len;
      const guint8 *data = g_bytes_get_data (job->bytes, &len);

      if (!check_header (job->name, data, MIN (len, HEADER_WINDOW), &error))
        {
          job->error = g_steal_pointer (&error);
          return;
        }
      poppler = poppler_document_new_from_bytes (job->bytes, job->password, &poppler_error);
    }

  if (poppler == NULL)
    {
      if (g_error_matches (poppler_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        job->error = g_steal_pointer (&poppler_error);
      else if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) && job->password == NULL)
        g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_ENCRYPTED,
                                 _("“%s” is protected by a password. Enter the password to open it."), shown);
      else if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_BAD_PASSWORD,
                                 _("The password for “%s” is not correct."), shown);
      else
        g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED,
                                 _("“%s” is damaged or incomplete: it cannot be shown."), shown);
      return;
    }

  n_pages = poppler_document_get_n_pages (poppler);
  if (n_pages <= 0)
    {
      g_object_unref (poppler);
      g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED,
                               _("“%s” has no pages: it is damaged or incomplete."), shown);
      return;
    }

  document = g_new0 (DnPdfDocument, 1);
  g_atomic_ref_count_init (&document->ref);
  document->renderer = g_object_ref (job->renderer);
  document->worker = document->renderer->worker;
  document->poppler = poppler;
  document->file = job->file != NULL ? g_object_ref (job->file) : NULL;
  document->name = g_strdup (job->name);
  document->title = poppler_document_get_title (poppler);
  if (document->title != NULL && (g_strstrip (document->title)[0] == '\0'
                                  || !g_utf8_validate (document->title, -1, NULL)))
    g_clear_pointer (&document->title, g_free);
  document->n_pages = n_pages;
  document->sizes = g_new (double, 2 * (gsize) n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(DnPopplerPage) page = poppler_document_get_page (poppler, i);
      double width = 0, height = 0;

      if (page != NULL)
        poppler_page_get_size (page, &width, &height);
      /* a page without a usable size is shown as A4 */
      if (!(width >= 1 && width < 1e6 && height >= 1 && height < 1e6))
        {
          width = 595.0;
          height = 842.0;
        }
      document->sizes[2 * i] = width;
      document->sizes[2 * i + 1] = height;
    }
  job->result = document;
  job->result_free = (GDestroyNotify) dn_pdf_document_unref;
}

/* The page @job names, or NULL with the error returned. */
static PopplerPage *
job_get_page (Job *job)
{
  PopplerPage *page = NULL;

  if (job->page >= 0 && job->page < job->document->n_pages)
    page = poppler_document_get_page (job->document->poppler, job->page);
  if (page == NULL)
    g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE,
                             _("This document has no page %d."), job->page + 1);
  return page;
}

static void
run_render (Job *job, Worker *worker)
{
  g_autoptr(DnPopplerPage) page = job_get_page (job);
  double width, height, scale = job->scale, fit;
  int pixels_wide, pixels_high;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (page == NULL)
    return;
  dn_pdf_document_get_page_size (job->document, job->page, &width, &height);
  if (!(scale > 0 && scale < 1000))
    scale = 1;
  /* the largest surface drawn: smaller, to fit, rather than none */
  fit = MIN (DN_PDF_MAX_SIDE / (width * scale), DN_PDF_MAX_SIDE / (height * scale));
  fit = MIN (fit, sqrt (DN_PDF_MAX_PIXELS / (width * scale * height * scale)));
  if (fit < 1)
    scale *= fit * 0.999;  /* so that rounding up stays within */
  pixels_wide = MAX (1, (int) ceil (width * scale - 0.01));
  pixels_high = MAX (1, (int) ceil (height * scale - 0.01));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels_wide, pixels_high);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE,
                               _("Not enough memory to draw page %d."), job->page + 1);
      return;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, pixels_wide / width, pixels_high / height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_atomic_int_inc (&worker->n_rendered);
  job->result = surface;
  job->result_free = (GDestroyNotify) cairo_surface_destroy;
}

static char *
page_text (PopplerPage *page)
{
  char *text = poppler_page_get_text (page);

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      return valid;
    }
  return text;
}

static void
run_text (Job *job)
{
  g_autoptr(DnPopplerPage) page = job_get_page (job);

  if (page != NULL)
    {
      job->result = page_text (page);
      job->result_free = g_free;
    }
}

/* The rectangles of the characters @start to @end of the page's text, one
 * per line: characters that share a line (their boxes overlap vertically)
 * are joined. */
static void
add_span_rects (GArray                 *rects,
                const PopplerRectangle *chars,
                guint                   n_chars,
                const DnTextSpan       *span,
                guint                   hit)
{
  gboolean open = FALSE;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;

  for (guint i = span->start; i < span->end && i < n_chars; i++)
    {
      const PopplerRectangle *c = &chars[i];

      /* line breaks and other characters without a box */
      if (c->x2 - c->x1 <= 0 || c->y2 - c->y1 <= 0)
        continue;
      if (open && c->y1 < y2 && c->y2 > y1)
        {
          x1 = MIN (x1, c->x1);
          y1 = MIN (y1, c->y1);
          x2 = MAX (x2, c->x2);
          y2 = MAX (y2, c->y2);
          continue;
        }
      if (open)
        {
          DnPdfRect r = { x1, y1, x2 - x1, y2 - y1, hit };
          g_array_append_val (rects, r);
        }
      open = TRUE;
      x1 = c->x1;
      y1 = c->y1;
      x2 = c->x2;
      y2 = c->y2;
    }
  if (open)
    {
      DnPdfRect r = { x1, y1, x2 - x1, y2 - y1, hit };
      g_array_append_val (rects, r);
    }
}

static void
run_find (Job *job)
{
  g_autoptr(DnPopplerPage) page = job_get_page (job);
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *chars = NULL;
  g_autoptr(GArray) spans = NULL;
  GArray *rects;
  guint n_chars = 0, hit = 0;

  if (page == NULL)
    return;
  rects = g_array_new (FALSE, FALSE, sizeof (DnPdfRect));
  text = page_text (page);
  spans = dn_text_find_all (text, job->words);
  /* one rectangle per character of the text (line breaks included) */
  if (spans->len > 0 && !poppler_page_get_text_layout (page, &chars, &n_chars))
    n_chars = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      guint before = rects->len;

      add_span_rects (rects, chars, n_chars, &g_array_index (spans, DnTextSpan, i), hit);
      /* a hit without a box on the page is not one the reader can see */
      if (rects->len > before)
        hit++;
    }
  job->result = rects;
  job->result_free = (GDestroyNotify) g_array_unref;
}

static void
run_count_text (Job *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  int n = 0;

  for (int i = 0; i < job->document->n_pages; i++)
    {
      g_autoptr(DnPopplerPage) page = poppler_document_get_page (job->document->poppler, i);
      g_autofree char *text = page != NULL ? page_text (page) : NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (text == NULL)
        continue;
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          {
            n++;
            break;
          }
    }
  if (!g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    job->count = n;
}

/* Gives the job's result to its task, after the job (and so its
 * reference to the document) is freed: whoever waits for the result holds
 * the last references, never the worker, so a document is not closed
 * here while the process that waited for it exits. */
static void
job_finish (Job *job)
{
  GTask *task = g_steal_pointer (&job->task);
  JobKind kind = job->kind;
  gpointer result = g_steal_pointer (&job->result);
  GDestroyNotify result_free = job->result_free;
  GError *error = g_steal_pointer (&job->error);
  gssize count = job->count;

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
  else if (kind == JOB_COUNT_TEXT)
    g_task_return_int (task, count);
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
      switch (job->kind)
        {
        case JOB_OPEN:
          run_open (job);
          break;
        case JOB_RENDER:
          run_render (job, worker);
          break;
        case JOB_TEXT:
          run_text (job);
          break;
        case JOB_FIND:
          run_find (job);
          break;
        case JOB_COUNT_TEXT:
          run_count_text (job);
          break;
        case JOB_BARRIER:
          g_mutex_lock (&job->barrier->mutex);
          job->barrier->reached = TRUE;
          g_cond_signal (&job->barrier->cond);
          g_mutex_unlock (&job->barrier->mutex);
          break;
        case JOB_CLOSE:
        case JOB_QUIT:
        default:
          break;
        }
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
  if (on_worker (worker))
    {
      /* released by a job's task on the worker itself: it ends after
       * this job, on its own */
      g_thread_unref (worker->thread);
      worker_push (worker, quit);
    }
  else
    {
      worker_push (worker, quit);
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
  worker_push (worker, job);
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
  if (!on_worker (default_renderer->worker))
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

static Job *
job_new (DnPdfRenderer       *self,
         JobKind              kind,
         int                  priority,
         DnPdfDocument       *document,
         int                  page,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data,
         gpointer             source_tag)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->priority = priority;
  /* no source object: a task kept by the worker a moment after its
   * result went keeps no renderer alive (see job_finish()) */
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  job->document = document != NULL ? dn_pdf_document_ref (document) : NULL;
  job->page = page;
  return job;
}

/* Waits on a main context of its own for what @start began. */
typedef void (*StartFunc) (gpointer data, GAsyncReadyCallback callback, gpointer result_slot);

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
run_sync (DnPdfRenderer *self,
          StartFunc      start,
          gpointer       data)
{
  GMainContext *context;
  GAsyncResult *result = NULL;

  g_return_val_if_fail (!on_worker (self->worker), NULL);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  start (data, on_sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return result;
}

/* Opening */

static void
open_any_async (DnPdfRenderer       *self,
                GFile               *file,
                GBytes              *bytes,
                const char          *name,
                const char          *password,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  Job *job = job_new (self, JOB_OPEN, PRIORITY_OPEN, NULL, 0, cancellable, callback, user_data,
                      dn_pdf_renderer_open_async);

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
  worker_push (self->worker, job);
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

  open_any_async (self, file, NULL, NULL, password, cancellable, callback, user_data);
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

  open_any_async (self, NULL, bytes, name != NULL ? name : "", password, cancellable, callback, user_data);
}

DnPdfDocument *
dn_pdf_renderer_open_finish (DnPdfRenderer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  DnPdfRenderer *self;
  GFile         *file;
  GBytes        *bytes;
  const char    *name;
  const char    *password;
  GCancellable  *cancellable;
} OpenArgs;

static void
start_open (gpointer            data,
            GAsyncReadyCallback callback,
            gpointer            slot)
{
  OpenArgs *args = data;

  open_any_async (args->self, args->file, args->bytes, args->name, args->password, args->cancellable, callback,
                  slot);
}

DnPdfDocument *
dn_pdf_renderer_open (DnPdfRenderer  *self,
                      GFile          *file,
                      const char     *password,
                      GCancellable   *cancellable,
                      GError        **error)
{
  OpenArgs args = { self, file, NULL, NULL, password, cancellable };
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  result = run_sync (self, start_open, &args);
  return dn_pdf_renderer_open_finish (self, result, error);
}

DnPdfDocument *
dn_pdf_renderer_open_bytes (DnPdfRenderer  *self,
                            GBytes         *bytes,
                            const char     *name,
                            const char     *password,
                            GCancellable   *cancellable,
                            GError        **error)
{
  OpenArgs args = { self, NULL, bytes, name != NULL ? name : "", password, cancellable };
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  result = run_sync (self, start_open, &args);
  return dn_pdf_renderer_open_finish (self, result, error);
}

/* Page jobs */

typedef struct
{
  DnPdfRenderer *self;
  DnPdfDocument *document;
  int            page;
  double         scale;
  const char    *words;
  GCancellable  *cancellable;
} PageArgs;

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
  Job *job;

  g_return_if_fail (DN_IS_PDF_RENDERER (self));
  g_return_if_fail (document != NULL && document->worker == self->worker);

  job = job_new (self, JOB_RENDER, priority, document, page, cancellable, callback, user_data,
                 dn_pdf_renderer_render_async);
  job->scale = scale;
  worker_push (self->worker, job);
}

cairo_surface_t *
dn_pdf_renderer_render_finish (DnPdfRenderer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
start_render (gpointer            data,
              GAsyncReadyCallback callback,
              gpointer            slot)
{
  PageArgs *args = data;

  dn_pdf_renderer_render_async (args->self, args->document, args->page, args->scale, DN_PDF_PRIORITY_VISIBLE,
                                args->cancellable, callback, slot);
}

cairo_surface_t *
dn_pdf_renderer_render (DnPdfRenderer  *self,
                        DnPdfDocument  *document,
                        int             page,
                        double          scale,
                        GCancellable   *cancellable,
                        GError        **error)
{
  PageArgs args = { self, document, page, scale, NULL, cancellable };
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);

  result = run_sync (self, start_render, &args);
  return dn_pdf_renderer_render_finish (self, result, error);
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
  g_return_if_fail (DN_IS_PDF_RENDERER (self));
  g_return_if_fail (document != NULL && document->worker == self->worker);

  worker_push (self->worker, job_new (self, JOB_TEXT, priority, document, page, cancellable, callback, user_data,
                                      dn_pdf_renderer_get_text_async));
}

char *
dn_pdf_renderer_get_text_finish (DnPdfRenderer  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
start_text (gpointer            data,
            GAsyncReadyCallback callback,
            gpointer            slot)
{
  PageArgs *args = data;

  dn_pdf_renderer_get_text_async (args->self, args->document, args->page, DN_PDF_PRIORITY_VISIBLE,
                                  args->cancellable, callback, slot);
}

char *
dn_pdf_renderer_get_text (DnPdfRenderer  *self,
                          DnPdfDocument  *document,
                          int             page,
                          GCancellable   *cancellable,
                          GError        **error)
{
  PageArgs args = { self, document, page, 0, NULL, cancellable };
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);

  result = run_sync (self, start_text, &args);
  return dn_pdf_renderer_get_text_finish (self, result, error);
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
  Job *job;

  g_return_if_fail (DN_IS_PDF_RENDERER (self));
  g_return_if_fail (document != NULL && document->worker == self->worker);
  g_return_if_fail (words != NULL);

  job = job_new (self, JOB_FIND, priority, document, page, cancellable, callback, user_data,
                 dn_pdf_renderer_find_async);
  job->words = g_strdup (words);
  worker_push (self->worker, job);
}

GArray *
dn_pdf_renderer_find_finish (DnPdfRenderer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
start_find (gpointer            data,
            GAsyncReadyCallback callback,
            gpointer            slot)
{
  PageArgs *args = data;

  dn_pdf_renderer_find_async (args->self, args->document, args->page, args->words, DN_PDF_PRIORITY_VISIBLE,
                              args->cancellable, callback, slot);
}

GArray *
dn_pdf_renderer_find (DnPdfRenderer  *self,
                      DnPdfDocument  *document,
                      int             page,
                      const char     *words,
                      GCancellable   *cancellable,
                      GError        **error)
{
  PageArgs args = { self, document, page, 0, words, cancellable };
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), NULL);

  result = run_sync (self, start_find, &args);
  return dn_pdf_renderer_find_finish (self, result, error);
}

static void
start_count_text (gpointer            data,
                  GAsyncReadyCallback callback,
                  gpointer            slot)
{
  PageArgs *args = data;

  g_return_if_fail (args->document != NULL && args->document->worker == args->self->worker);

  worker_push (args->self->worker, job_new (args->self, JOB_COUNT_TEXT, DN_PDF_PRIORITY_BACKGROUND, args->document,
                                            0, args->cancellable, callback, slot,
                                            dn_pdf_renderer_count_text_pages));
}

int
dn_pdf_renderer_count_text_pages (DnPdfRenderer  *self,
                                  DnPdfDocument  *document,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  PageArgs args = { self, document, 0, 0, NULL, cancellable };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  gssize n;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (self), -1);

  result = run_sync (self, start_count_text, &args);
  n = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  return (int) n;
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
