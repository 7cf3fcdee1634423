/* dn-text-find.h: finding what is typed inside a running text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One place of a text where what was typed occurs: characters (not bytes)
 * @start to @end (excluded) of the text searched. */
typedef struct
{
  guint start;
  guint end;
} DnTextSpan;

/* Every place of @text where @typed occurs, first to last, not
 * overlapping, as "find in document" does: both sides folded as
 * dn_text_fold() folds them (accents, đ/Đ and case ignored; NFC or NFD),
 * every run of white space (a line break too) equal to one space, so
 * "ho chieu" finds "hộ\nchiếu"; also inside words. A span ends after the
 * marks that follow its last character. An array of DnTextSpan, empty when
 * @typed holds nothing but white space, or when either is not valid UTF-8;
 * never NULL. */
GArray *dn_text_find_all (const char *text,
                          const char *typed);

G_END_DECLS
