/* dn-pdf-test-utils.h: PDF files made by the tests themselves (cairo and
 * Pango), with Vietnamese text at known places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Writes a PDF of @n_pages pages to @path, its title @title (or none).
 * Each page starts with "Trang N" (its number, from 1) and then, by its
 * number N modulo 3:
 *   1: "Sở Giáo dục và Đào tạo tỉnh Lào Cai" /
 *      "Hướng dẫn công tác đối ngoại năm học 2018-2019"
 *   2: "Trả hộ chiếu cho Đoàn công tác sau chuyến đi." /
 *      "Cán bộ nộp lại hộ" / "chiếu trong 05 ngày làm việc."
 *      (so "hộ chiếu" twice, the second over a line break)
 *   0: "ĐOÀN RA: đoàn đi Hàn Quốc, Nhật Bản."
 * Pages are A4 portrait (595 × 842 points), except those whose number is a
 * multiple of 3 when @landscape_thirds is TRUE (842 × 595). Each line is
 * DN_PDF_TEST_LINE points below the one before, the first at
 * DN_PDF_TEST_TOP from the top, all from DN_PDF_TEST_LEFT. */
#define DN_PDF_TEST_TOP  72.0
#define DN_PDF_TEST_LEFT 72.0
#define DN_PDF_TEST_LINE 24.0
void   dn_pdf_test_write      (const char *path,
                               int         n_pages,
                               const char *title,
                               gboolean    landscape_thirds);

/* Writes a PDF of @n_pages pages that hold only an image each (a
 * scanned letter: grey bars where lines would be), no text layer. */
void   dn_pdf_test_write_scan (const char *path,
                               int         n_pages);

/* A new temporary folder for the files of a test (removed by
 * dn_pdf_test_remove_dir()). */
char  *dn_pdf_test_make_dir   (void);
void   dn_pdf_test_remove_dir (const char *dir);

/* Writes the first @fraction of @from to @to (a truncated download). */
void   dn_pdf_test_truncate   (const char *from,
                               const char *to,
                               double      fraction);

/* Encrypts @from into @to with user password @password (AES-256) with
 * qpdf; FALSE when qpdf is not installed. */
gboolean dn_pdf_test_encrypt  (const char *from,
                               const char *to,
                               const char *password);

/* The pages of @pdf as PNG images <build>/report-pages/@name-N.png (N
 * from 1), for people to look at; nothing when DN_BUILD_ROOT is not set
 * (outside meson test). */
void   dn_pdf_test_write_images (PopplerDocument *pdf,
                                 const char      *name);

/* The letters of page @i of @pdf (from 0) whose middle is above @bottom
 * (points from the top), without white space */
char  *dn_pdf_test_text_above  (PopplerDocument *pdf,
                                int              i,
                                double           bottom);

/* Asserts that every font of @pdf is embedded and a face of @family
 * ("Liberation Serif": LiberationSerif, LiberationSerif-Bold…); the number
 * of faces (regular, bold, italic, bold italic: 4 at most). */
guint  dn_pdf_test_assert_one_family (PopplerDocument *pdf,
                                      const char      *family);

G_END_DECLS
