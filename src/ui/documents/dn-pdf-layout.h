/* dn-pdf-layout.h: where each page of a PDF stands, one under the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

/* pixels between the pages, and around them */
#define DN_PDF_LAYOUT_GAP 12.0

/* Every page at @scale logical pixels a point, centred in a column
 * @content_width wide, DN_PDF_LAYOUT_GAP pixels between pages and around
 * them; @tops holds the top of each page and, last, the height of the
 * whole, so the page at a height is found by binary search and nothing is
 * done per page of the file on a scroll. A plain value of its widget. */
typedef struct
{
  DnPdfDocument *document;  /* not owned */
  int            n_pages;
  double         scale;
  double        *tops;      /* n_pages + 1 */
  double         content_width;
} DnPdfLayout;

/* Lays @document (NULL: none) out at @scale. */
void   dn_pdf_layout_reset      (DnPdfLayout   *layout,
                                 DnPdfDocument *document,
                                 double         scale);
void   dn_pdf_layout_set_scale  (DnPdfLayout   *layout,
                                 double         scale);
void   dn_pdf_layout_clear      (DnPdfLayout   *layout);
/* The size of @page in pixels */
void   dn_pdf_layout_page_size  (DnPdfLayout   *layout,
                                 int            page,
                                 double        *width,
                                 double        *height);
double dn_pdf_layout_height     (DnPdfLayout   *layout);
/* The page at @y (content pixels): the last whose top is above it; -1
 * when there are no pages. */
int    dn_pdf_layout_page_at    (DnPdfLayout   *layout,
                                 double         y);
/* The left edge of @page in a view @view_width wide scrolled @hvalue to
 * the right (a column narrower than the view is centred in it). */
double dn_pdf_layout_page_left  (DnPdfLayout   *layout,
                                 int            page,
                                 double         view_width,
                                 double         hvalue);
/* The page under the view's point @x, @y (the view scrolled by @hvalue,
 * @vvalue) and that point on it, in points, kept within the page; -1 when
 * there are no pages. */
int    dn_pdf_layout_point_at   (DnPdfLayout   *layout,
                                 double         view_width,
                                 double         hvalue,
                                 double         vvalue,
                                 double         x,
                                 double         y,
                                 double        *page_x,
                                 double        *page_y);

/* The zoom at which the widest page fills a view @width × @height (less
 * the gaps) and, when @page is not -1, page @page fits whole too;
 * @current when there is nothing to fit. */
double dn_pdf_layout_fitting_zoom (DnPdfLayout   *layout,
                                   double         width,
                                   double         height,
                                   int            page,
                                   double         current);

G_END_DECLS
