/* dn-pdf-print.h: printing a PDF, page by page as the renderer draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

/* A print operation for @document: each page is recorded by @renderer's
 * worker (the main loop never waits for poppler) and drawn as large as it
 * fits the paper, centred, the paper turned for a landscape page. Run it
 * with gtk_print_operation_run(): GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG
 * for the officer, _EXPORT with an export file name for a PDF copy. */
GtkPrintOperation *dn_pdf_print_operation_new (DnPdfRenderer *renderer,
                                               DnPdfDocument *document);

G_END_DECLS
