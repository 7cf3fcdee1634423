/* dn-text.h: Vietnamese text: normalisation, search folding, collation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns @text (of @len bytes, or NUL-terminated when @len < 0) in NFC. When
 * @collapse is TRUE, leading/trailing white space is also removed and runs of
 * white space (any Unicode white space) become one space; when FALSE white
 * space is left alone. Returns NULL when @text is not valid UTF-8. */
char    *dn_text_normalize        (const char *text,
                                   gssize      len,
                                   gboolean    collapse);

/* Search folding: lower case (locale-independent), every non-spacing mark
 * removed, đ/Đ → d, NFC or NFD input alike; other characters are kept.
 * "Hộ chiếu ĐOÀN RA" → "ho chieu doan ra". NULL on invalid UTF-8. */
char    *dn_text_fold             (const char *text,
                                   gssize      len);

/* Vietnamese collation key: memcmp() order of two keys is Vietnamese dictionary
 * order (a < ă < â < b < c < d < đ < e < ê … o < ô < ơ … u < ư …; then tones
 * none < huyền < hỏi < ngã < sắc < nặng; then lower < upper case). White space
 * < punctuation < digits < letters < other scripts. Keys never contain the
 * byte 0x00, so keys of several fields can be joined with 0x00; the returned
 * key is also NUL-terminated (*@out_len, which may be NULL, excludes it).
 * NULL @text counts as ""; invalid UTF-8 is replaced by U+FFFD, so a key is
 * always returned. The layout is described in dn-text.c.
 *
 * dn_text_collate() compares two NUL-terminated strings by their keys; NULL
 * sorts first. */
guint8  *dn_text_collate_key      (const char *text,
                                   gssize      len,
                                   gsize      *out_len);
int      dn_text_collate          (const char *a,
                                   const char *b);

/* Key that sorts people as Vietnamese lists do: given name, then middle
 * name, then family name: key(given) 0x00 key(middle) 0x00 key(family), NULL
 * parts counting as empty. @out_len is required (the key contains 0x00). */
guint8  *dn_text_person_key       (const char *family_name,
                                   const char *middle_name,
                                   const char *given_name,
                                   gsize      *out_len);

/* The natural order of section references, as plans number their parts:
 * "II.2" < "II.12" < "III.1", Roman numerals in capitals (I to XXXIX) read
 * as numbers ("IV" < "IX" < "X"), "II.1" < "II.1, III.1" < "II.1.1",
 * words compared folded. dn_text_section_key() returns a key (text,
 * without 0x00; "" for NULL or "") whose strcmp() order is that order;
 * dn_text_section_compare() compares two references by their keys. */
char    *dn_text_section_key      (const char *section);
int      dn_text_section_compare  (const char *a,
                                   const char *b);

/* Builds an FTS5 MATCH expression from what the user typed: folded, split on
 * everything that is not a letter, number or private-use character (as the
 * unicode61 tokenizer does), each word quoted and made a prefix ("ho chi" →
 * "\"ho\"* \"chi\"*"); FTS5 operators and quotes in @typed are never passed
 * through. Only the first DN_TEXT_FTS_MAX_WORDS words count (a pasted page
 * would otherwise cost seconds per keystroke). Returns NULL when nothing
 * searchable is left (or @typed is NULL). */
#define DN_TEXT_FTS_MAX_WORDS 32
char    *dn_text_fts_query        (const char *typed);

/* Matching what is typed in a chooser or a list's filter against the text
 * of a record (a unit's name and code, a document's reference and
 * subject, a person's name…): each word typed (split on white space) must
 * occur somewhere in the record's text, in any order, also inside a word;
 * both sides folded as dn_text_fold() does (accents, đ/Đ and case
 * ignored). "lung phinh" matches "Trường Mầm non Lùng Phình 9", "bt pgd"
 * matches "Phòng GD&ĐT Bảo Thắng PGD-BT".
 *
 * dn_text_match_new() returns NULL when @typed holds no word (or is NULL
 * or invalid UTF-8): a NULL match matches every text. */
typedef struct _DnTextMatch DnTextMatch;

DnTextMatch *dn_text_match_new      (const char        *typed);
void         dn_text_match_free     (DnTextMatch       *match);
/* @text as it is stored (folded here); NULL counts as "". */
gboolean     dn_text_match_text     (const DnTextMatch *match,
                                     const char        *text);
/* @folded already folded with dn_text_fold() (e.g. kept with a row). */
gboolean     dn_text_match_folded   (const DnTextMatch *match,
                                     const char        *folded);
/* TRUE when both match the same texts (the same words), NULLs included. */
gboolean     dn_text_match_equal    (const DnTextMatch *a,
                                     const DnTextMatch *b);
/* One text, once: dn_text_match_text (dn_text_match_new (@typed), @text). */
gboolean     dn_text_matches        (const char        *typed,
                                     const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnTextMatch, dn_text_match_free)

/* Returns a copy of @text that is safe to show inside a message (a label, a
 * terminal, a log): controls (C0 including TAB, CR, LF and ESC, DEL, C1),
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069), other invisible format characters (general category Cf,
 * e.g. U+200B–U+200D, U+2060, U+FEFF, U+00AD) and the line and paragraph
 * separators U+2028, U+2029 are written \u{XXXX} (upper-case hexadecimal, at
 * least 4 digits); every byte that is not part of valid UTF-8 is written
 * \x{HH}. Everything else (Vietnamese in NFC or NFD, spaces, punctuation,
 * backslashes) is copied unchanged. NULL gives "".
 *
 * When @max_chars >= 0 and the result would be longer than @max_chars
 * characters, it is cut to at most @max_chars characters and "…" is
 * appended; an escape is never cut in two, and a character is never kept
 * without the combining marks that follow it. @max_chars < 0: no limit. */
char    *dn_text_escape_for_display (const char *text,
                                     gssize      max_chars);

G_END_DECLS
