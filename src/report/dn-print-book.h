/* dn-print-book.h: a register kept as a printed book (the custody ledger,
 * the registers of documents): A4 landscape pages, each with the agency,
 * the title (and a line under it, e.g. the year), a table, "Page n of m"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-print-table.h"

G_BEGIN_DECLS

/* the fonts of a book's table */
#define DN_PRINT_BOOK_BODY_FONT "Serif 8"
#define DN_PRINT_BOOK_HEAD_FONT "Serif Bold 8"

typedef struct _DnPrintBook DnPrintBook;

/* A book of @table (taken); @office (may be NULL) above the title,
 * @title written in capitals, @subtitle (may be NULL) under it. */
DnPrintBook *dn_print_book_new       (DnPrintTable *table,
                                      const char   *office,
                                      const char   *title,
                                      const char   *subtitle);
void         dn_print_book_free      (DnPrintBook  *book);
/* Splits the table into pages of @width × @height points as drawn on @cr:
 * how many (at least 1). */
guint        dn_print_book_paginate  (DnPrintBook  *book,
                                      cairo_t      *cr,
                                      double        width,
                                      double        height);
/* Draws page @page (from 0) of the last pagination (made first if none). */
void         dn_print_book_draw_page (DnPrintBook  *book,
                                      cairo_t      *cr,
                                      double        width,
                                      double        height,
                                      guint         page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPrintBook, dn_print_book_free)

G_END_DECLS
