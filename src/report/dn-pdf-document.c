/* dn-pdf-document.c: an opened PDF file, and what the renderer's worker
 * does with it: opening (the errors a file that cannot be shown gets),
 * drawing a page, its text, find, counting the pages with text, the text
 * a drag selects, and a page recorded for printing
 *
 * Every function that touches poppler runs on the worker
 * (dn-pdf-renderer.c), one job at a time; the document's getters read
 * only what opening wrote, on any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dn-pdf-renderer-private.h"
#include "dn-text-find.h"
#include "dn-text.h"

/* a PDF file starts with "%PDF-", possibly after some junk (the
 * specification's readers accept it within the first 1024 bytes) */
#define HEADER_WINDOW 1024

G_DEFINE_QUARK (dn-pdf-error-quark, dn_pdf_error)

G_DEFINE_BOXED_TYPE (DnPdfDocument, dn_pdf_document, dn_pdf_document_ref, dn_pdf_document_unref)

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
      if (_dn_pdf_on_worker (self->worker))
        g_object_unref (self->poppler);
      else
        {
          Job *job = g_new0 (Job, 1);

          job->kind = JOB_CLOSE;
          job->priority = PRIORITY_OPEN;
          job->closing = self->poppler;
          _dn_pdf_worker_push (self->worker, job);
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

  if (job->page < 0 || job->page >= job->document->n_pages)
    {
      g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE,
                   _("This document has no page %d."), job->page + 1);
      return NULL;
    }
  /* counted in the file, but not one poppler can read */
  page = poppler_document_get_page (job->document->poppler, job->page);
  if (page == NULL)
    g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED,
                 _("Page %d of this document is damaged: it cannot be read."), job->page + 1);
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
  /* a count, given as the task's pointer */
  if (!g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    job->result = GINT_TO_POINTER (n);
}

void
dn_pdf_text_selection_free (DnPdfTextSelection *selection)
{
  if (selection == NULL)
    return;
  g_free (selection->text);
  g_clear_pointer (&selection->rects, g_array_unref);
  g_free (selection);
}

/* the region poppler gives is in whole pixels: read at this many pixels a
 * point, it is exact to a fraction of a point */
#define SELECTION_SCALE 8.0

static void
run_select (Job *job)
{
  g_autoptr(DnPopplerPage) page = job_get_page (job);
  PopplerRectangle area;
  DnPdfTextSelection *selection;
  cairo_region_t *region;
  char *text;

  if (page == NULL)
    return;
  area.x1 = job->area[0];
  area.y1 = job->area[1];
  area.x2 = job->area[2];
  area.y2 = job->area[3];
  selection = g_new0 (DnPdfTextSelection, 1);
  selection->rects = g_array_new (FALSE, FALSE, sizeof (DnPdfRect));
  text = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &area);
  selection->text = text != NULL && g_utf8_validate (text, -1, NULL) ? g_strdup (text)
                    : g_utf8_make_valid (text != NULL ? text : "", -1);
  g_free (text);
  region = poppler_page_get_selected_region (page, SELECTION_SCALE, POPPLER_SELECTION_GLYPH, &area);
  for (int i = 0; region != NULL && i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t r;
      DnPdfRect rect;

      cairo_region_get_rectangle (region, i, &r);
      rect.x = r.x / SELECTION_SCALE;
      rect.y = r.y / SELECTION_SCALE;
      rect.width = r.width / SELECTION_SCALE;
      rect.height = r.height / SELECTION_SCALE;
      rect.hit = 0;
      g_array_append_val (selection->rects, rect);
    }
  g_clear_pointer (&region, cairo_region_destroy);
  job->result = selection;
  job->result_free = (GDestroyNotify) dn_pdf_text_selection_free;
}

static void
run_record (Job *job)
{
  g_autoptr(DnPopplerPage) page = job_get_page (job);
  cairo_rectangle_t extents = { 0, 0, 0, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;

  if (page == NULL)
    return;
  /* the page as shown, as the screen has it */
  poppler_page_get_size (page, &extents.width, &extents.height);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (surface);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (&job->error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE,
                   _("Not enough memory to draw page %d."), job->page + 1);
      return;
    }
  job->result = surface;
  job->result_free = (GDestroyNotify) cairo_surface_destroy;
}

void
_dn_pdf_run_job (Job    *job,
                 Worker *worker)
{
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
    case JOB_SELECT:
      run_select (job);
      break;
    case JOB_RECORD:
      run_record (job);
      break;
    case JOB_CLOSE:
    case JOB_BARRIER:
    case JOB_QUIT:
    default:
      break;
    }
}
