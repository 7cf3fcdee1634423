/* dn-pdf-thumbnails.h: the pages of a PDF as a side bar of thumbnails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

#define DN_TYPE_PDF_THUMBNAILS (dn_pdf_thumbnails_get_type ())
G_DECLARE_FINAL_TYPE (DnPdfThumbnails, dn_pdf_thumbnails, DN, PDF_THUMBNAILS, GtkWidget)

/* A GtkListView of the pages: only the rows in sight are bound, and each
 * bound row asks the renderer for its thumbnail (cancelled when the row
 * is unbound; the last 64 kept). Signal "page-activated" (int page, from
 * 0): a thumbnail clicked. */
void dn_pdf_thumbnails_set_document (DnPdfThumbnails *self,
                                     DnPdfRenderer   *renderer,
                                     DnPdfDocument   *document);
/* Shown, the list binds its rows; hidden, none (and asks for nothing). */
void dn_pdf_thumbnails_set_shown    (DnPdfThumbnails *self,
                                     gboolean         shown);
/* Selects the row of @page (0-based) when shown. */
void dn_pdf_thumbnails_select_page  (DnPdfThumbnails *self,
                                     int              page);

G_END_DECLS
