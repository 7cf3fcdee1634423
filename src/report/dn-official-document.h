/* dn-official-document.h: an administrative document (văn bản hành
 * chính) laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I, asks: A4
 * portrait, its margins, the issuing body and the national motto side by
 * side, number and symbol, the place and date, the type and subject, the
 * body (headings, justified paragraphs, tables whose header row comes
 * again on each page), the page number at the top from page 2, the
 * recipients and the signature
 *
 * Drawn with cairo and Pango alone, in the one family of
 * dn_report_font_check(): the same drawing serves a PDF file, a
 * GtkPrintOperation and a preview on screen. The statutory words (the
 * national name and motto, "Số:", "ngày … tháng … năm …", "Nơi nhận:",
 * "Lưu:") are those of the decree whatever the interface language: they
 * are part of the document, as is the text a report fills in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dn-report.h"

G_BEGIN_DECLS

/* Nghị định 30/2020, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm,
 * right 15–20 mm; in points */
#define DN_OFFICIAL_MARGIN_TOP    (20 / 25.4 * 72)
#define DN_OFFICIAL_MARGIN_BOTTOM (20 / 25.4 * 72)
#define DN_OFFICIAL_MARGIN_LEFT   (30 / 25.4 * 72)
#define DN_OFFICIAL_MARGIN_RIGHT  (15 / 25.4 * 72)


/* The top of page 1 (Phụ lục I, ô 1 to 4): on the left the parent body
 * (upright, may be NULL), the issuing body (bold, a short rule under it)
 * and the number line; on the right the national name, the motto (a rule
 * its length under it) and the date line (italic), level with the
 * number line. Every text may be NULL (nothing there). Also the top of
 * the handling slip. */
typedef struct
{
  const char *parent_body;
  const char *issuing_body;
  const char *national_name;
  const char *motto;
  const char *number_line;
  const char *date_line;
  double      left_share;   /* of the width for the left column; 0: 0.4 */
} DnOfficialHeading;

/* Draws @heading at @x, @y, @width wide in @family (or measures it only,
 * when @draw is FALSE); its height. */
double dn_official_heading_draw (cairo_t                 *cr,
                                 const char              *family,
                                 const DnOfficialHeading *heading,
                                 double                   x,
                                 double                   y,
                                 double                   width,
                                 gboolean                 draw);

/* "Số: 05/BC-SGDĐT": a number under 10 gets a leading zero; @number NULL
 * or empty leaves room to write it by hand ("Số:      /BC-SGDĐT"). */
char  *dn_official_number_line  (const char *number,
                                 const char *symbol);

/* The statutory national name and motto */
#define DN_OFFICIAL_NATIONAL_NAME "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define DN_OFFICIAL_MOTTO         "Độc lập - Tự do - Hạnh phúc"

typedef struct _DnOfficialDocument DnOfficialDocument;

/* A document of type @type_name ("BÁO CÁO", written in capitals) about
 * @subject (trích yếu, may be NULL). */
DnOfficialDocument *dn_official_document_new       (const char         *type_name,
                                                    const char         *subject);
void                dn_official_document_free      (DnOfficialDocument *self);

/* The parent body (cơ quan chủ quản, "UBND TỈNH LÀO CAI", may be NULL)
 * and the issuing body ("SỞ GIÁO DỤC VÀ ĐÀO TẠO"), written in capitals */
void dn_official_document_set_bodies  (DnOfficialDocument *self,
                                       const char         *parent_body,
                                       const char         *issuing_body);
/* Number ("15"; NULL or "": to be filled by hand) and symbol ("BC-SGDĐT") */
void dn_official_document_set_number  (DnOfficialDocument *self,
                                       const char         *number,
                                       const char         *symbol);
/* "Lào Cai, ngày 05 tháng 01 năm 2024"; an invalid or NULL @date leaves
 * "ngày … tháng … năm …" to be filled by hand */
void dn_official_document_set_place_date (DnOfficialDocument *self,
                                          const char         *place,
                                          const GDate        *date);
/* A recipient of the list "Nơi nhận:" ("Bộ GD&ĐT (để b/c)"), in order;
 * each written "- …;" */
void dn_official_document_add_recipient (DnOfficialDocument *self,
                                         const char         *recipient);
/* Who keeps copies, the last line: "- Lưu: VT, @archive." (NULL: "VT") */
void dn_official_document_set_archive   (DnOfficialDocument *self,
                                         const char         *archive);
/* The signature: how (@sign: Điều 13 and Phụ lục I, ô 7a; dn-report.h), the head's title or the collective
 * ("GIÁM ĐỐC"), the signer's own title when it differs ("PHÓ GIÁM ĐỐC";
 * ignored for HEAD and ACTING), the signer's name */
void dn_official_document_set_signer    (DnOfficialDocument *self,
                                         DnSignKind          sign,
                                         const char         *head_title,
                                         const char         *signer_title,
                                         const char         *name);

/* The body, in order. A heading of level 1 ("I. KẾT QUẢ…", bold, in
 * capitals) or 2 ("1. Công tác…", bold); @text includes its number. */
void dn_official_document_add_heading   (DnOfficialDocument *self,
                                         guint               level,
                                         const char         *text);
/* A paragraph: justified, its first line indented 1.27 cm, 6 pt after */
void dn_official_document_add_paragraph (DnOfficialDocument *self,
                                         const char         *text);
/* Starts a table: @caption above it (bold, centred; may be NULL),
 * @n_columns columns sharing the width by @shares (adding up to 1),
 * their @titles. Rows added after go to it. */
void dn_official_document_add_table     (DnOfficialDocument *self,
                                         const char         *caption,
                                         guint               n_columns,
                                         const double       *shares,
                                         const char * const *titles);
/* Column @column of the last table holds numbers: right-aligned
 * (write them with dn_format_amount() or dn_format_amount_digits()) */
void dn_official_document_set_numeric   (DnOfficialDocument *self,
                                         guint               column);
/* Column @column of the last table is centred (the order numbers) */
void dn_official_document_set_centred   (DnOfficialDocument *self,
                                         guint               column);
/* A row of the last table (its cells copied; NULL counts as empty) */
void dn_official_document_add_row       (DnOfficialDocument *self,
                                         const char * const *cells);

/* The family every text is set in (dn_report_font_get_family() unless
 * set otherwise, for tests) */
const char *dn_official_document_get_family (DnOfficialDocument *self);

/* Checks that the family sets every character of the document's text
 * (dn_report_font_check_text()): FALSE and an error naming those another
 * face would set. *@note (may be NULL) gets what
 * dn_report_font_describe() tells: the face standing in for Times New
 * Roman, NULL when none does. */
gboolean    dn_official_document_check_font (DnOfficialDocument  *self,
                                             char               **note,
                                             GError             **error);

/* Lays the document out on pages of @width × @height points as drawn on
 * @cr; the number of pages (at least 1). */
guint dn_official_document_paginate  (DnOfficialDocument *self,
                                      cairo_t            *cr,
                                      double              width,
                                      double              height);
/* Draws page @page (from 0) of the last pagination (made first if none) */
void  dn_official_document_draw_page (DnOfficialDocument *self,
                                      cairo_t            *cr,
                                      double              width,
                                      double              height,
                                      guint               page);
/* Writes it as an A4 PDF file at @path (titled @title, may be NULL: the
 * type and subject), through a temporary file renamed once whole; the
 * number of pages in *@n_pages (may be NULL). */
gboolean dn_official_document_write_pdf (DnOfficialDocument *self,
                                         const char         *path,
                                         const char         *title,
                                         guint              *n_pages,
                                         GError            **error);

/* The same, telling @progress (may be NULL: void (*) (gpointer data,
 * guint done, guint n_pages), see dn-print-table.h) page by page and
 * stopping between pages when @cancellable is cancelled (no file left). */
gboolean dn_official_document_write_pdf_full (DnOfficialDocument *self,
                                              const char         *path,
                                              const char         *title,
                                              void              (*progress) (gpointer data,
                                                                             guint    done,
                                                                             guint    n_pages),
                                              gpointer            progress_data,
                                              GCancellable       *cancellable,
                                              guint              *n_pages,
                                              GError            **error);

/* Writes it as an OpenDocument text file (.odt) at @path, for a word
 * processor: the same parts as the PDF (dn-official-odt.c) — A4 with the
 * decree's margins, the heading as a table without borders, the type and
 * subject, headings, justified paragraphs, tables whose header rows come
 * again on each page, recipients and signature, the page number at the
 * top from page 2 — set in Times New Roman (the family the PDF was set
 * in declared beside it). Titled @title (NULL: the type and subject);
 * through a temporary file beside @path renamed once whole: a failure
 * leaves nothing. */
gboolean dn_official_document_write_odt (DnOfficialDocument *self,
                                         const char         *path,
                                         const char         *title,
                                         GError            **error);
/* Writes its tables to a spreadsheet at @path (.xlsx: a worksheet each,
 * named after its caption or the heading above it; .csv: one after
 * another, each after its name on a line), numbers as numbers, dates as
 * dates, columns as wide as their text (DnSheet; written atomically).
 * A @path of another extension is refused (G_IO_ERROR_INVALID_ARGUMENT). */
gboolean dn_official_document_write_tables (DnOfficialDocument *self,
                                            const char         *path,
                                            GError            **error);

/* The type and subject: the title a file is given when none is */
char    *dn_official_document_dup_title (DnOfficialDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnOfficialDocument, dn_official_document_free)

G_END_DECLS
