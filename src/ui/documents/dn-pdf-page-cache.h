/* dn-pdf-page-cache.h: rendered pages kept within a byte budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GdkMemoryTexture over @surface, an ARGB32 image (no copy: the texture
 * keeps the surface and takes the reference given). */
GdkTexture     *dn_pdf_texture_new_for_surface (cairo_surface_t *surface);

/* The images of pages (one each, at the scale it was drawn at), the least
 * recently used dropped first once over the budget. */
typedef struct _DnPdfPageCache DnPdfPageCache;

DnPdfPageCache *dn_pdf_page_cache_new      (gsize            budget);
void            dn_pdf_page_cache_free     (DnPdfPageCache  *cache);
void            dn_pdf_page_cache_clear    (DnPdfPageCache  *cache);
/* The image of @page and its scale (NULL: none), not counted as used. */
GdkTexture     *dn_pdf_page_cache_peek     (DnPdfPageCache  *cache,
                                            int              page,
                                            double          *scale);
/* The image of @page, counted as used now (NULL: none). */
GdkTexture     *dn_pdf_page_cache_use      (DnPdfPageCache  *cache,
                                            int              page);
/* Keeps @surface (taking the reference given) as the image of @page at
 * @scale, then drops the least recently used images out of @keep_first to
 * @keep_last until the cache is within its budget. */
void            dn_pdf_page_cache_add      (DnPdfPageCache  *cache,
                                            int              page,
                                            double           scale,
                                            cairo_surface_t *surface,
                                            int              keep_first,
                                            int              keep_last);
/* The pages kept at @scale (an array of int). */
GArray         *dn_pdf_page_cache_dup_pages (DnPdfPageCache *cache,
                                             double          scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPdfPageCache, dn_pdf_page_cache_free)

G_END_DECLS
