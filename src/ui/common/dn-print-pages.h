/* dn-print-pages.h: printing pages that a report draws itself (the custody
 * ledger, the registers, the handling slip), through the print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-print-table.h"

G_BEGIN_DECLS

/* Runs the print dialog over @parent for pages on A4 in @orientation,
 * laid out by @paginate and drawn by @draw_page with @data (which must
 * live until this returns: the dialog is modal). @export_path, when not
 * NULL, writes a PDF there instead, without a dialog. FALSE with @error
 * when printing failed (not when the officer cancelled). */
gboolean dn_print_pages (GtkWindow            *parent,
                         const char           *job_name,
                         GtkPageOrientation    orientation,
                         DnPrintPaginateFunc   paginate,
                         DnPrintDrawPageFunc   draw_page,
                         gpointer              data,
                         const char           *export_path,
                         GError              **error);

G_END_DECLS
