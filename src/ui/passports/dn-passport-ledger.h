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

G_BEGIN_DECLS

/* A4 landscape, in points */
#define DN_PASSPORT_LEDGER_PAGE_WIDTH  841.89
#define DN_PASSPORT_LEDGER_PAGE_HEIGHT 595.28

typedef struct _DnPassportLedger DnPassportLedger;

/* The ledger of @lines (DnPassportLoan, in order; a reference is kept);
 * @office (may be NULL) is printed above the title. */
DnPassportLedger *dn_passport_ledger_new        (GPtrArray        *lines,
                                                 const char       *office);
void              dn_passport_ledger_free       (DnPassportLedger *self);
/* Splits the lines into pages of @width × @height points as drawn on @cr
 * (fonts measured there); the number of pages (at least 1). */
guint             dn_passport_ledger_paginate   (DnPassportLedger *self,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height);
/* Draws page @page (from 0) of the last pagination on @cr. */
void              dn_passport_ledger_draw_page  (DnPassportLedger *self,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height,
                                                 guint             page);
/* Prints the ledger (the print dialog over @parent). FALSE with @error
 * when printing failed. */
gboolean          dn_passport_ledger_print      (DnPassportLedger *self,
                                                 GtkWindow        *parent,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPassportLedger, dn_passport_ledger_free)

G_END_DECLS
