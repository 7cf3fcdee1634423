/* fuzz-pdf.c: the input as a PDF file given to the viewer (an attachment)
 *
 * The bytes are opened by the renderer (its worker makes every poppler
 * call); when they open, the first page is drawn small, its text read and
 * searched, as the viewer and the CLI do; then every page's text is read
 * as an attached file's is for the search index (dn_pdf_text_read_bytes).
 *
 * Invariants: opening gives a document or a DN_PDF_ERROR with a message,
 * never both; a document has pages, each with a size; the drawing of page
 * 1 is an image surface within the renderer's limits; its text is UTF-8;
 * find gives rectangles numbered from hit 0 without gaps, none of negative
 * size. Reading an attached file's text gives a page of UTF-8 text for
 * every page of a document that opened, and for bytes that did not, no
 * pages and the state that says why (not a PDF, damaged, protected).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <math.h>

#include "dn-fuzz.h"
#include "dn-attachment-text.h"
#include "dn-pdf-renderer.h"

static DnPdfRenderer *renderer;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) rects = NULL;
  cairo_surface_t *surface;
  double width, height;
  guint expected = 0;

  if (renderer == NULL)
    {
      dn_fuzz_init ();
      renderer = dn_pdf_renderer_get_default ();
    }
  dn_fuzz_outcome = DN_FUZZ_NONE;
  bytes = g_bytes_new (data, size);
  {
    DnPdfText read = { DN_ATTACHMENT_TEXT_PENDING, NULL };

    dn_fuzz_assert (dn_pdf_text_read_bytes (renderer, bytes, "fuzz.pdf", NULL, &read, &error) && error == NULL,
                    "reading an attached file's text failed");
    if (read.pages != NULL)
      for (guint i = 0; i < read.pages->len; i++)
        dn_fuzz_assert (g_utf8_validate (read.pages->pdata[i], -1, NULL), "an attached file's text is not UTF-8");
    else
      dn_fuzz_assert (read.state == DN_ATTACHMENT_TEXT_NOT_PDF || read.state == DN_ATTACHMENT_TEXT_DAMAGED
                      || read.state == DN_ATTACHMENT_TEXT_NO_TEXT, "an attached file read without a state");
    dn_pdf_text_clear (&read);
  }
  document = dn_pdf_renderer_open_bytes (renderer, bytes, "fuzz.pdf", NULL, NULL, &error);
  if (document == NULL)
    {
      dn_fuzz_assert (error != NULL && error->domain == DN_PDF_ERROR && error->message[0] != '\0',
                      "refused without a PDF error");
      dn_fuzz_note ("refused: %s", error->message);
      dn_fuzz_outcome = DN_FUZZ_REFUSED;
      return 0;
    }
  dn_fuzz_assert (error == NULL, "a document and an error");
  dn_fuzz_assert (dn_pdf_document_get_n_pages (document) > 0, "a document without pages");
  dn_pdf_document_get_page_size (document, 0, &width, &height);
  dn_fuzz_assert (isfinite (width) && isfinite (height) && width >= 1 && height >= 1, "page 1 without a size");

  surface = dn_pdf_renderer_render (renderer, document, 0, 0.25, NULL, &error);
  if (surface != NULL)
    {
      dn_fuzz_assert (cairo_image_surface_get_width (surface) <= DN_PDF_MAX_SIDE
                      && cairo_image_surface_get_height (surface) <= DN_PDF_MAX_SIDE,
                      "page 1 drawn larger than the limit");
      cairo_surface_destroy (surface);
    }
  else
    dn_fuzz_assert (error != NULL && error->domain == DN_PDF_ERROR, "no drawing and no PDF error");
  g_clear_error (&error);

  /* a page poppler cannot read (a damaged file) is a PDF error */
  text = dn_pdf_renderer_get_text (renderer, document, 0, NULL, &error);
  if (text != NULL)
    dn_fuzz_assert (g_utf8_validate (text, -1, NULL), "the text of page 1 is not UTF-8");
  else
    dn_fuzz_assert (error != NULL && error->domain == DN_PDF_ERROR, "no text and no PDF error");
  g_clear_error (&error);

  rects = dn_pdf_renderer_find (renderer, document, 0, "ho chieu", NULL, &error);
  if (rects == NULL)
    dn_fuzz_assert (error != NULL && error->domain == DN_PDF_ERROR, "no hits and no PDF error");
  for (guint i = 0; rects != NULL && i < rects->len; i++)
    {
      const DnPdfRect *r = &g_array_index (rects, DnPdfRect, i);

      dn_fuzz_assert (r->width >= 0 && r->height >= 0, "a rectangle of negative size");
      /* the next hit, or another line of the one before */
      if (r->hit == expected)
        expected++;
      else
        dn_fuzz_assert (expected > 0 && r->hit == expected - 1, "hits not numbered in order");
    }
  dn_fuzz_note ("accepted: %d pages", dn_pdf_document_get_n_pages (document));
  dn_fuzz_outcome = DN_FUZZ_ACCEPTED;
  return 0;
}
