/* dn-pdf-window.h: a window of its own showing one PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-view.h"

G_BEGIN_DECLS

#define DN_TYPE_PDF_WINDOW (dn_pdf_window_get_type ())
G_DECLARE_FINAL_TYPE (DnPdfWindow, dn_pdf_window, DN, PDF_WINDOW, GtkWindow)

/* Opens @file in a new window over @parent (may be NULL), its title the
 * file's name, at page @page (from 0), and presents it. */
DnPdfWindow *dn_pdf_window_open     (GtkWindow   *parent,
                                     GFile       *file,
                                     int          page);
DnPdfView   *dn_pdf_window_get_view (DnPdfWindow *self);

G_END_DECLS
