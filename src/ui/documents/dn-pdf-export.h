/* dn-pdf-export.h: what leaves the PDF viewer: the selected text to the
 * clipboard, the pages to a printer, the file to another folder or program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-pages.h"
#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

/* Puts the text selected on @pages on @clipboard (once the worker has
 * read it). */
void dn_pdf_export_copy       (DnPdfPages    *pages,
                               GdkClipboard  *clipboard);
/* The print dialog for @document, over @parent. */
void dn_pdf_export_print      (GtkWindow     *parent,
                               DnPdfRenderer *renderer,
                               DnPdfDocument *document);
/* Asks where (offering @name, NULL: the file's own), then writes a copy
 * of @file there (to a temporary file first, renamed once whole); says
 * why when it cannot. */
void dn_pdf_export_save_copy  (GtkWindow     *parent,
                               GFile         *file,
                               const char    *name);
/* Opens @file with the program the system has for PDF files. */
void dn_pdf_export_open_with  (GtkWindow     *parent,
                               GFile         *file);
/* Copies @source to @destination: into a temporary file beside it, then
 * renamed over it, so a failure leaves no half file. */
gboolean dn_pdf_export_copy_file (GFile         *source,
                                  GFile         *destination,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
