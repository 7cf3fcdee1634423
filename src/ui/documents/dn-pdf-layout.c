/* dn-pdf-layout.c: where each page of a PDF stands, one under the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-pages"

#include "config.h"

#include "dn-pdf-layout.h"
#include "dn-pdf-pages.h"

void
dn_pdf_layout_clear (DnPdfLayout *layout)
{
  g_clear_pointer (&layout->tops, g_free);
  layout->document = NULL;
  layout->n_pages = 0;
  layout->content_width = 0;
}

void
dn_pdf_layout_reset (DnPdfLayout   *layout,
                     DnPdfDocument *document,
                     double         scale)
{
  dn_pdf_layout_clear (layout);
  if (document == NULL)
    return;
  layout->document = document;
  layout->n_pages = dn_pdf_document_get_n_pages (document);
  layout->tops = g_new0 (double, layout->n_pages + 1);
  dn_pdf_layout_set_scale (layout, scale);
}

void
dn_pdf_layout_page_size (DnPdfLayout *layout,
                         int          page,
                         double      *width,
                         double      *height)
{
  double w, h;

  dn_pdf_document_get_page_size (layout->document, page, &w, &h);
  *width = w * layout->scale;
  *height = h * layout->scale;
}

void
dn_pdf_layout_set_scale (DnPdfLayout *layout,
                         double       scale)
{
  double y = DN_PDF_LAYOUT_GAP, widest = 0;

  layout->scale = scale;
  for (int i = 0; i < layout->n_pages; i++)
    {
      double w, h;

      dn_pdf_layout_page_size (layout, i, &w, &h);
      layout->tops[i] = y;
      y += h + DN_PDF_LAYOUT_GAP;
      widest = MAX (widest, w);
    }
  if (layout->n_pages > 0)
    layout->tops[layout->n_pages] = y;
  layout->content_width = widest + 2 * DN_PDF_LAYOUT_GAP;
}

double
dn_pdf_layout_height (DnPdfLayout *layout)
{
  return layout->n_pages > 0 ? layout->tops[layout->n_pages] : 0;
}

int
dn_pdf_layout_page_at (DnPdfLayout *layout,
                       double       y)
{
  int lo = 0, hi = layout->n_pages - 1;

  if (layout->n_pages == 0)
    return -1;
  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;

      if (layout->tops[mid] <= y)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

double
dn_pdf_layout_page_left (DnPdfLayout *layout,
                         int          page,
                         double       view_width,
                         double       hvalue)
{
  double origin = layout->content_width < view_width ? (view_width - layout->content_width) / 2 : -hvalue;
  double w, h;

  dn_pdf_layout_page_size (layout, page, &w, &h);
  return origin + (layout->content_width - w) / 2;
}

int
dn_pdf_layout_point_at (DnPdfLayout *layout,
                        double       view_width,
                        double       hvalue,
                        double       vvalue,
                        double       x,
                        double       y,
                        double      *page_x,
                        double      *page_y)
{
  int page = dn_pdf_layout_page_at (layout, y + vvalue);
  double w, h;

  if (page < 0 || layout->scale <= 0)
    return -1;
  dn_pdf_document_get_page_size (layout->document, page, &w, &h);
  *page_x = CLAMP ((x - dn_pdf_layout_page_left (layout, page, view_width, hvalue)) / layout->scale, 0, w);
  *page_y = CLAMP ((y + vvalue - layout->tops[page]) / layout->scale, 0, h);
  return page;
}

double
dn_pdf_layout_fitting_zoom (DnPdfLayout *layout,
                            double       width,
                            double       height,
                            int          page,
                            double       current)
{
  double widest = 0, zoom, w, h;

  width -= 2 * DN_PDF_LAYOUT_GAP;
  height -= 2 * DN_PDF_LAYOUT_GAP;
  for (int i = 0; i < layout->n_pages; i++)
    {
      dn_pdf_document_get_page_size (layout->document, i, &w, &h);
      widest = MAX (widest, w);
    }
  if (widest <= 0 || width <= 0)
    return current;
  zoom = width / (widest * DN_PDF_PIXELS_PER_POINT);
  if (page >= 0 && page < layout->n_pages && height > 0)
    {
      dn_pdf_document_get_page_size (layout->document, page, &w, &h);
      zoom = MIN (zoom, height / (h * DN_PDF_PIXELS_PER_POINT));
    }
  return CLAMP (zoom, DN_PDF_ZOOM_MIN, DN_PDF_ZOOM_MAX);
}
