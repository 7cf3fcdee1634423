/* dn-register-book.h: the registers of incoming and outgoing documents
 * (sổ đăng ký văn bản đến / đi, Nghị định 30/2020 Phụ lục IV) as printed
 * books: A4 landscape, one line per document in the order of its numbers,
 * the columns of the book, the title on every page, "Page n of m"
 *
 * Drawn with cairo and Pango alone (no widget): the command line writes
 * the book to PDF, the window prints the same drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* A4 landscape, in points */
#define DN_REGISTER_BOOK_PAGE_WIDTH  841.89
#define DN_REGISTER_BOOK_PAGE_HEIGHT 595.28

typedef struct _DnRegisterBook DnRegisterBook;

/* The register of @direction (incoming or outgoing) for @year, of @lines
 * (DnDocument, in order; a reference is kept); @office (may be NULL) is
 * printed above the title. */
DnRegisterBook *dn_register_book_new        (DnDocumentDirection  direction,
                                             int                  year,
                                             GPtrArray           *lines,
                                             const char          *office);
void            dn_register_book_free       (DnRegisterBook      *self);
/* The book's title, translated: "Register of incoming documents". */
const char     *dn_register_book_get_title  (DnRegisterBook      *self);
/* Splits the lines into pages of @width × @height points as drawn on @cr;
 * the number of pages (at least 1). */
guint           dn_register_book_paginate   (DnRegisterBook      *self,
                                             cairo_t             *cr,
                                             double               width,
                                             double               height);
/* Draws page @page (from 0) of the last pagination on @cr. */
void            dn_register_book_draw_page  (DnRegisterBook      *self,
                                             cairo_t             *cr,
                                             double               width,
                                             double               height,
                                             guint                page);
/* Writes the whole book to the PDF file @path (A4 landscape); its number
 * of pages in *@n_pages. */
gboolean        dn_register_book_write_pdf  (DnRegisterBook      *self,
                                             const char          *path,
                                             guint               *n_pages,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnRegisterBook, dn_register_book_free)

G_END_DECLS
