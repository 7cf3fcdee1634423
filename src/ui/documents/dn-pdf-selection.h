/* dn-pdf-selection.h: the text selected on the pages of a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-layout.h"
#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

typedef struct _DnPdfSelection DnPdfSelection;

/* A selection runs from a point of one page to a point of another (or the
 * same) page, in reading order, as a drag of the pointer selects. What it
 * covers on each page is asked of the renderer when that page is drawn;
 * until the answer comes, the page shows what it covered before.
 *
 * @owner, a GtkScrollable laid out by @layout (kept by the owner), gets a
 * drag gesture that selects; it is redrawn when an answer comes, and its
 * property @has_selection is notified when the selection comes or goes. */
DnPdfSelection *dn_pdf_selection_new          (GtkWidget       *owner,
                                               DnPdfLayout     *layout,
                                               GParamSpec      *has_selection);
void            dn_pdf_selection_free         (DnPdfSelection  *selection);
/* Forgets the selection; @document (NULL: none) from now on. */
void            dn_pdf_selection_reset        (DnPdfSelection  *selection,
                                               DnPdfRenderer   *renderer,
                                               DnPdfDocument   *document);
/* From @x1, @y1 on @page1 to @x2, @y2 on @page2 (points); the two ends
 * may come in either order. The same point at both ends selects nothing. */
void            dn_pdf_selection_set          (DnPdfSelection  *selection,
                                               int              page1,
                                               double           x1,
                                               double           y1,
                                               int              page2,
                                               double           x2,
                                               double           y2);
void            dn_pdf_selection_select_all   (DnPdfSelection  *selection);
gboolean        dn_pdf_selection_is_empty     (DnPdfSelection  *selection);
/* Draws what the selection covers on @page, its top left corner at @x, @y,
 * @scale pixels a point (and asks for it when it is not known yet). */
void            dn_pdf_selection_snapshot     (DnPdfSelection  *selection,
                                               GtkSnapshot     *snapshot,
                                               int              page,
                                               double           x,
                                               double           y,
                                               double           scale);
/* The selected text, page after page ("" when nothing is selected); read
 * by the renderer's worker. */
void            dn_pdf_selection_get_text_async  (DnPdfSelection      *selection,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
char           *dn_pdf_selection_get_text_finish (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
