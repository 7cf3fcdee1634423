/* dn-pdf-hits.h: the hits of find on the pages of a PDF, and the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

typedef struct _DnPdfHits DnPdfHits;

/* Hits drawn by @owner, which is redrawn when they change. */
DnPdfHits *dn_pdf_hits_new         (GtkWidget       *owner);
void       dn_pdf_hits_free        (DnPdfHits       *hits);
/* Forgets every hit, and the current one; @n_pages pages from now on (0:
 * as many as before). */
void       dn_pdf_hits_clear       (DnPdfHits       *hits,
                                    int              n_pages);
/* The hits on @page (an array of DnPdfRect, kept; NULL: none). */
void       dn_pdf_hits_set         (DnPdfHits       *hits,
                                    int              page,
                                    GArray          *rects);
void       dn_pdf_hits_set_current (DnPdfHits       *hits,
                                    int              page,
                                    int              hit);
/* The first rectangle of hit @hit on @page; FALSE when there is none. */
gboolean   dn_pdf_hits_get_rect    (DnPdfHits       *hits,
                                    int              page,
                                    int              hit,
                                    DnPdfRect       *rect);
/* Draws the hits of @page, the page's top left corner at @x, @y, @scale
 * pixels a point. */
void       dn_pdf_hits_snapshot    (DnPdfHits       *hits,
                                    GtkSnapshot     *snapshot,
                                    int              page,
                                    double           x,
                                    double           y,
                                    double           scale);

G_END_DECLS
