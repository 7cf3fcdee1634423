/* dn-passport-ledger.h: the custody ledger (sổ theo dõi giao, nhận hộ
 * chiếu) as a printed book: A4 landscape, one line per hand-out and its
 * return, the columns of the book, the title on every page, "Page n of m"
 *
 * The pages are drawn with cairo and Pango alone (no widget), so that the
 * layout can be checked headless (a PDF surface); dn_passport_ledger_print()
 * runs a GtkPrintOperation over the same drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-print-book.h"

G_BEGIN_DECLS

/* A4 landscape, in points */
#define DN_PASSPORT_LEDGER_PAGE_WIDTH  841.89
#define DN_PASSPORT_LEDGER_PAGE_HEIGHT 595.28

/* The ledger of @lines (DnPassportLoan, in order) as a printed book;
 * @office (may be NULL) is printed above the title. Its pages are those
 * of the book (dn_print_book_paginate(), dn_print_book_draw_page()). */
DnPrintBook *dn_passport_ledger_new   (GPtrArray    *lines,
                                       const char   *office);
/* Prints @ledger (the print dialog over @parent). FALSE with @error when
 * printing failed. */
gboolean     dn_passport_ledger_print (DnPrintBook  *ledger,
                                       GtkWindow    *parent,
                                       GError      **error);

G_END_DECLS
