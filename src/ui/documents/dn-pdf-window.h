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

/* The name the file is known by (an attachment keeps the name it was
 * added with): the window's title, and the name "Save a Copy" offers. */
void         dn_pdf_window_set_file_name (DnPdfWindow *self,
                                          const char  *name);

G_END_DECLS
