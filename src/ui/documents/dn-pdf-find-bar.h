/* dn-pdf-find-bar.h: find in a PDF, the bar and the search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-pages.h"
#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

#define DN_TYPE_PDF_FIND_BAR (dn_pdf_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (DnPdfFindBar, dn_pdf_find_bar, DN, PDF_FIND_BAR, GtkWidget)

/* A search bar over the pages @pages: the words typed are looked for on
 * the renderer's worker, one job per page at the lowest priority, from
 * the current page on, all cancelled when the words change; every hit is
 * highlighted on the pages, the current one shown, "N of M". Its buttons
 * use the actions pdf.find-next and pdf.find-previous of the widget it is
 * in. Properties "search-mode-enabled" (the bar shown), "n-matches",
 * "match" and "find-done" (as dn_pdf_view_get_n_matches() and others). */
/* Makes the specs of "n-matches", "match" and "find-done", in that order
 * from @pspecs, for the bar and for a widget that shows its state. */
void     dn_pdf_find_bar_make_state_pspecs (GParamSpec **pspecs);
void     dn_pdf_find_bar_set_pages        (DnPdfFindBar  *self,
                                           DnPdfPages    *pages);
/* The document searched (NULL: none; the search is forgotten); set, the
 * words of a shown bar are looked for in it. */
void     dn_pdf_find_bar_set_document     (DnPdfFindBar  *self,
                                           DnPdfRenderer *renderer,
                                           DnPdfDocument *document);
void     dn_pdf_find_bar_set_search_mode  (DnPdfFindBar  *self,
                                           gboolean       enabled);
/* Shows the bar, the focus in its entry. */
void     dn_pdf_find_bar_begin            (DnPdfFindBar  *self);
/* Shows the bar and looks for @words at once. */
void     dn_pdf_find_bar_find             (DnPdfFindBar  *self,
                                           const char    *words);
/* Goes to the match @step (1 or -1) from the current one, going round. */
void     dn_pdf_find_bar_move             (DnPdfFindBar  *self,
                                           int            step);
guint    dn_pdf_find_bar_get_n_matches    (DnPdfFindBar  *self);
int      dn_pdf_find_bar_get_match        (DnPdfFindBar  *self);
gboolean dn_pdf_find_bar_get_find_done    (DnPdfFindBar  *self);

G_END_DECLS
