/* dn-print-table.h: text and tables on printed pages, drawn with cairo and
 * Pango alone (no widget), so that a test can draw them on a PDF surface
 * and read them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A4 in points */
#define DN_PRINT_A4_SHORT 595.28
#define DN_PRINT_A4_LONG  841.89

/* A layout on @cr whose font sizes are in @cr's units (points), wrapping
 * words (and long words) at its width. */
PangoLayout *dn_print_layout_new     (cairo_t        *cr,
                                      const char     *font);
/* The height of @text set @width wide in @layout. */
double       dn_print_text_height    (PangoLayout    *layout,
                                      const char     *text,
                                      double          width);
/* Draws @text at @x, @y, @width wide, aligned by @alignment; its height. */
double       dn_print_show_text      (cairo_t        *cr,
                                      PangoLayout    *layout,
                                      const char     *text,
                                      double          x,
                                      double          y,
                                      double          width,
                                      PangoAlignment  alignment);

/* A table: columns sharing the width in given parts, a header row drawn at
 * the top of each page, rows whose cells wrap; pages hold whole rows (a
 * row taller than a page keeps a page of its own). */
typedef struct _DnPrintTable DnPrintTable;

/* @n_columns columns, @shares[i] the share of the width of column i (they
 * add up to 1), @titles[i] its header (copied). */
DnPrintTable *dn_print_table_new       (guint               n_columns,
                                        const double       *shares,
                                        const char * const *titles,
                                        const char         *body_font,
                                        const char         *head_font);
void          dn_print_table_free      (DnPrintTable       *table);
/* Column @column's cells are centred (the header always is). */
void          dn_print_table_set_centred (DnPrintTable     *table,
                                          guint             column);
/* Column @column's cells aligned by @alignment (numbers: right). */
void          dn_print_table_set_alignment (DnPrintTable   *table,
                                            guint           column,
                                            PangoAlignment  alignment);
/* Adds a row of @n_columns cells (NULL counts as empty); copied. */
void          dn_print_table_add_row   (DnPrintTable       *table,
                                        const char * const *cells);
guint         dn_print_table_get_n_rows (DnPrintTable      *table);
/* What the table holds, for other formats than pages (an ODT file, a
 * spreadsheet): its columns, their headers, shares and alignments, the
 * text of a cell (never NULL) */
guint          dn_print_table_get_n_columns (DnPrintTable  *table);
const char    *dn_print_table_get_title     (DnPrintTable  *table,
                                             guint          column);
double         dn_print_table_get_share     (DnPrintTable  *table,
                                             guint          column);
PangoAlignment dn_print_table_get_alignment (DnPrintTable  *table,
                                             guint          column);
const char    *dn_print_table_get_cell      (DnPrintTable  *table,
                                             guint          row,
                                             guint          column);
/* The height of row @row (-1: the header row) set @width wide on @cr */
double        dn_print_table_get_row_height (DnPrintTable  *table,
                                             cairo_t       *cr,
                                             double         width,
                                             int            row);
/* Splits the rows into pages @width wide: @first_room points for the
 * table on the first page, @room on the others (the header row included);
 * the number of pages (at least 1, even without rows). */
guint         dn_print_table_paginate  (DnPrintTable       *table,
                                        cairo_t            *cr,
                                        double              width,
                                        double              first_room,
                                        double              room);
/* The height of page @page (from 0) of the last pagination, its header
 * row included */
double        dn_print_table_get_page_height (DnPrintTable *table,
                                              cairo_t      *cr,
                                              double        width,
                                              guint         page);
/* Draws the header row and the rows of page @page (from 0) of the last
 * pagination at @x, @y; the height drawn. */
double        dn_print_table_draw_page (DnPrintTable       *table,
                                        cairo_t            *cr,
                                        double              x,
                                        double              y,
                                        double              width,
                                        guint               page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPrintTable, dn_print_table_free)

/* Pages a report draws itself (the custody ledger, the registers, the
 * handling slip): laid out for @width × @height points on @cr (how many
 * pages), then drawn one by one. */
typedef guint (*DnPrintPaginateFunc) (gpointer  data,
                                      cairo_t  *cr,
                                      double    width,
                                      double    height);
typedef void  (*DnPrintDrawPageFunc) (gpointer  data,
                                      cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      guint     page);

/* Writes such pages, @width × @height points, as the PDF file @path
 * (titled @title, may be NULL): into a temporary file beside it, renamed
 * once whole, so a failure leaves nothing. The number of pages in
 * *@n_pages (may be NULL). */
gboolean dn_print_write_pdf (const char          *path,
                             double               width,
                             double               height,
                             const char          *title,
                             DnPrintPaginateFunc  paginate,
                             DnPrintDrawPageFunc  draw_page,
                             gpointer             data,
                             guint               *n_pages,
                             GError             **error);

/* Called as the pages are written: @done of @n_pages drawn (0 once laid
 * out). */
typedef void (*DnPrintProgressFunc) (gpointer data,
                                     guint    done,
                                     guint    n_pages);

/* The same, telling @progress (may be NULL) page by page and stopping
 * between pages when @cancellable (may be NULL) is cancelled
 * (G_IO_ERROR_CANCELLED, no file left). */
gboolean dn_print_write_pdf_full (const char          *path,
                                  double               width,
                                  double               height,
                                  const char          *title,
                                  DnPrintPaginateFunc  paginate,
                                  DnPrintDrawPageFunc  draw_page,
                                  gpointer             data,
                                  DnPrintProgressFunc  progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  guint               *n_pages,
                                  GError             **error);

G_END_DECLS
