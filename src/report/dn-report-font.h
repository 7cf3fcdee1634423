/* dn-report-font.h: the one serif family every printed document is set in
 *
 * Nghị định 30/2020 (Phụ lục I) asks for Times New Roman. Where it is not
 * installed, a face with the same letter widths stands in (Liberation
 * Serif 2, Tinos) — but only one that holds every Vietnamese letter:
 * otherwise Pango takes the missing ones (ơ, ộ, ự…) from another face and
 * a document mixes two designs. The check asks Pango which face really
 * sets a text of every Vietnamese letter, in the four styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DN_REPORT_FONT_ERROR (dn_report_font_error_quark ())
GQuark dn_report_font_error_quark (void);

typedef enum
{
  /* no candidate face sets every Vietnamese letter by itself */
  DN_REPORT_FONT_ERROR_NO_COVERAGE,
  /* a text holds characters the family lacks */
  DN_REPORT_FONT_ERROR_MISSING_CHARACTERS,
} DnReportFontError;

/* The family documents are set in: the first of Times New Roman,
 * Liberation Serif and Tinos that is installed (not a face fontconfig
 * puts in its place) and sets every Vietnamese letter, capitals included,
 * in regular, bold, italic and bold italic. *@family (may be NULL) gets
 * it; *@is_substitute (may be NULL) is TRUE when it is not Times New
 * Roman. When none does, FALSE and an error naming the letters each
 * installed candidate lacks; *@family then gets the family to use all
 * the same (the installed candidate that lacks fewest, else "Serif").
 * Asked once per process. */
gboolean    dn_report_font_check        (char       **family,
                                         gboolean    *is_substitute,
                                         GError     **error);
/* The family of dn_report_font_check(), whatever its outcome. */
const char *dn_report_font_get_family   (void);
/* What an officer is told about the face (translated): NULL when it is
 * Times New Roman; the substitute named; the error of the check. */
char       *dn_report_font_describe     (void);

/* FALSE, and an error naming them, when Pango would set some characters
 * of @text (not white space) in a face other than @family, in any of
 * the four styles. */
gboolean    dn_report_font_check_text   (const char  *family,
                                         const char  *text,
                                         GError     **error);

/* Every letter of Vietnamese (small and capital), what the check sets */
extern const char dn_report_font_test_text[];

/* The families Pango uses to set @text in @family at the given weight
 * and style (as PangoWeight and PangoStyle values), in order of first
 * use, without repeats; for the check and its tests. *@missing (may be
 * NULL) gets the characters set in another face or in none (a box). */
GStrv       dn_report_font_families_used (const char *family,
                                          const char *text,
                                          int         weight,
                                          int         style,
                                          char      **missing);

G_END_DECLS
