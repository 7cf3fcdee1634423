/* dn-pdf-view.h: a PDF file shown in a window: pages, zoom, find,
 * thumbnails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-pages.h"
#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

#define DN_TYPE_PDF_VIEW (dn_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (DnPdfView, dn_pdf_view, DN, PDF_VIEW, GtkWidget)

/* The actions of the view (group "pdf"): zoom-in, zoom-out, fit-width,
 * fit-page, zoom-reset (100 %), find (shows the find bar), find-next,
 * find-previous, go-to-page (i: a page number from 1), next-page,
 * previous-page, first-page, last-page, scroll-down and scroll-up (a
 * screen), show-thumbnails (stateful), copy (the text selected with the
 * pointer), select-all, print, save-copy, open-with (the system's program
 * for PDF files). Keys: Page Up/Down, Home/End, Ctrl+plus/minus, Ctrl+0
 * (fit width), Ctrl+F, F3/Shift+F3 (and Ctrl+G, Ctrl+Shift+G), Ctrl+C,
 * Ctrl+A, Ctrl+P, Ctrl+S. */
GtkWidget     *dn_pdf_view_new           (void);
/* Uses @renderer (default: dn_pdf_renderer_get_default()). */
void           dn_pdf_view_set_renderer  (DnPdfView     *self,
                                          DnPdfRenderer *renderer);
/* Opens @file on the renderer's worker and shows it at page @page (from
 * 0); a file that cannot be shown shows why instead of the pages (and
 * asks for the password of a protected one). Notifies "document" once
 * opened, or "error". */
void           dn_pdf_view_open          (DnPdfView     *self,
                                          GFile         *file,
                                          int            page);
/* The name "Save a Copy" offers (NULL: the file's own); forgotten when
 * another file is opened. */
void           dn_pdf_view_set_file_name (DnPdfView     *self,
                                          const char    *name);
DnPdfDocument *dn_pdf_view_get_document  (DnPdfView     *self);
/* Why the file is not shown (translated), or NULL. */
const char    *dn_pdf_view_get_error     (DnPdfView     *self);
DnPdfPages    *dn_pdf_view_get_pages     (DnPdfView     *self);

/* Find: what is looked for, the number of matches found so far (the
 * pages are searched on the worker, the current page first) and the
 * current one (from 0; -1: none). "find-done" is notified when every page
 * has been searched. */
void           dn_pdf_view_find          (DnPdfView     *self,
                                          const char    *words);
guint          dn_pdf_view_get_n_matches (DnPdfView     *self);
int            dn_pdf_view_get_match     (DnPdfView     *self);
gboolean       dn_pdf_view_get_find_done (DnPdfView     *self);

G_END_DECLS
