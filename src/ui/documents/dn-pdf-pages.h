/* dn-pdf-pages.h: the pages of a PDF one under the other, scrollable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-hits.h"
#include "dn-pdf-renderer.h"
#include "dn-pdf-selection.h"

G_BEGIN_DECLS

typedef enum
{
  DN_PDF_SIZING_FREE,       /* the zoom set */
  DN_PDF_SIZING_FIT_WIDTH,  /* the widest page fills the width */
  DN_PDF_SIZING_FIT_PAGE,   /* the current page fits whole */
} DnPdfSizing;

#define DN_PDF_ZOOM_MIN 0.1
#define DN_PDF_ZOOM_MAX 8.0
/* logical pixels per point at zoom 1 (100 %: 96 dpi) */
#define DN_PDF_PIXELS_PER_POINT (96.0 / 72.0)

#define DN_TYPE_PDF_PAGES (dn_pdf_pages_get_type ())
G_DECLARE_FINAL_TYPE (DnPdfPages, dn_pdf_pages, DN, PDF_PAGES, GtkWidget)

/* A GtkScrollable (put it in a GtkScrolledWindow). Only the pages in
 * sight, and those within a screen above and below, are drawn by the
 * renderer, at the zoom and the screen's scale factor; the images are kept
 * in a small cache (DN_PDF_PAGES_CACHE_BYTES beyond those in sight), and
 * the jobs of pages scrolled away are cancelled. Properties "zoom",
 * "sizing", "page" (0-based, the page at the middle of the view),
 * "n-pages". */
#define DN_PDF_PAGES_CACHE_BYTES (48 * 1024 * 1024)

GtkWidget     *dn_pdf_pages_new             (void);
void           dn_pdf_pages_set_document    (DnPdfPages    *self,
                                             DnPdfRenderer *renderer,
                                             DnPdfDocument *document);
DnPdfDocument *dn_pdf_pages_get_document    (DnPdfPages    *self);
int            dn_pdf_pages_get_n_pages     (DnPdfPages    *self);

double         dn_pdf_pages_get_zoom        (DnPdfPages    *self);
void           dn_pdf_pages_set_zoom        (DnPdfPages    *self,
                                             double         zoom);
DnPdfSizing    dn_pdf_pages_get_sizing      (DnPdfPages    *self);
void           dn_pdf_pages_set_sizing      (DnPdfPages    *self,
                                             DnPdfSizing    sizing);

int            dn_pdf_pages_get_page        (DnPdfPages    *self);
/* Scrolls to the top of page @page (0-based; clamped). */
void           dn_pdf_pages_go_to_page      (DnPdfPages    *self,
                                             int            page);
/* Scrolls so that @rect (points, on @page) is in sight. */
void           dn_pdf_pages_show_rect       (DnPdfPages      *self,
                                             int              page,
                                             const DnPdfRect *rect);
/* Scrolls by @pages screens (-1: a screen up). */
void           dn_pdf_pages_scroll_screens  (DnPdfPages    *self,
                                             int            screens);

/* The hits of find it draws (set them with dn_pdf_hits_*(): the pages
 * are redrawn). */
DnPdfHits     *dn_pdf_pages_get_hits        (DnPdfPages    *self);

/* The text selected with the pointer (select and read it with
 * dn_pdf_selection_*()); property "has-selection". */
DnPdfSelection *dn_pdf_pages_get_selection  (DnPdfPages    *self);

/* For tests: the pages whose image is kept at the current scale, and the
 * render jobs started since the document was set. */
GArray        *dn_pdf_pages_dup_cached      (DnPdfPages    *self);
guint          dn_pdf_pages_get_n_requested (DnPdfPages    *self);
/* The pixels per point pages are drawn at now (zoom × scale factor). */
double         dn_pdf_pages_get_render_scale (DnPdfPages   *self);

G_END_DECLS
