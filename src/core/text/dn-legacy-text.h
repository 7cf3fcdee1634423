/* dn-legacy-text.h: Vietnamese text in the legacy encodings TCVN3 (ABC) and
 * VNI, detected and converted to Unicode
 *
 * Documents typed before Unicode (".VnTime" fonts of TCVN3, "VNI-Times" of
 * VNI) still arrive in two shapes:
 *
 * - as text ("mojibake"): each byte of the legacy encoding shown as the
 *   character Windows-1252 (Latin-1) gives it, as a clipboard or a font
 *   change leaves it: "Xin chµo c¸c b¹n" (TCVN3), "Xin chaøo caùc baïn"
 *   (VNI). The dn_legacy_text_*() functions take such UTF-8 text;
 * - as the bytes of an old .txt file: the dn_legacy_bytes_*() functions.
 *   Bytes that are valid UTF-8 are read as text (a file saved from pasted
 *   mojibake, or plain Unicode); other bytes as Windows-1252 shows them.
 *
 * Detection scores each encoding: how many words holding a character the
 * encoding would change become Vietnamese syllables once converted, against
 * those that were Vietnamese before and stop being so, and words already
 * written in Unicode Vietnamese (ơ, ư, ộ…). Plain ASCII, Unicode Vietnamese
 * and Western European text (é, ü, ñ) give NONE.
 *
 * Conversion gives NFC UTF-8 (what the database stores). A word holding a
 * letter no legacy encoding has (ơ, ộ… already in Unicode) is left as it
 * is, so mixed text keeps its Unicode words.
 *
 * TCVN3 is TCVN 5712:1993 at 0xA0–0xFF (glibc iconv's TCVN5712-1 there).
 * The .VnTime fonts have no capitals with tone marks: capitals were typed
 * with the same bytes in a "VnTimeH" font. A word whose plain letters are
 * all capitals (at least two: "CéNG" → "CỘNG"), or a word with at most one
 * plain letter, a capital, next to such a word ("Bé GI¸O DôC" → "BỘ GIÁO
 * DỤC"), is therefore converted in capitals; other words in lower case.
 * The bytes 0x80–0x9F (VN1's capitals in the standard, but quotes and
 * dashes in .VnTime documents) are left as Windows-1252 reads them.
 *
 * VNI is VNI-Windows: a base letter followed by a mark byte ("aø" → à),
 * and single bytes for đ, ơ, ư, í, ì, ỉ, ĩ, ị, ỵ and their capitals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DN_LEGACY_ENCODING_NONE,   /* Unicode, or nothing a legacy encoding explains */
  DN_LEGACY_ENCODING_TCVN3,
  DN_LEGACY_ENCODING_VNI,
} DnLegacyEncoding;

#define DN_LEGACY_TEXT_ERROR (dn_legacy_text_error_quark ())
GQuark dn_legacy_text_error_quark (void);

typedef enum
{
  DN_LEGACY_TEXT_ERROR_INVALID_UTF8,     /* text that is not UTF-8 */
  DN_LEGACY_TEXT_ERROR_NOT_TEXT,         /* bytes holding NUL (binary, UTF-16…) */
  DN_LEGACY_TEXT_ERROR_NOT_FOUND,        /* detection found no legacy encoding */
  DN_LEGACY_TEXT_ERROR_UNREPRESENTABLE,  /* encoding: a character the encoding lacks */
  DN_LEGACY_TEXT_ERROR_TOO_LONG,         /* more than DN_LEGACY_TEXT_MAX_SIZE bytes */
} DnLegacyTextError;

/* The longest text or file converted (64 MiB; conversion keeps four bytes a
 * character); longer is refused with DN_LEGACY_TEXT_ERROR_TOO_LONG, and
 * detection says NONE. */
#define DN_LEGACY_TEXT_MAX_SIZE (64 * 1024 * 1024)

/* "tcvn3", "vni", "none" (for options and files); from_string also
 * accepts "abc" and "tcvn" for TCVN3. */
const char       *dn_legacy_encoding_to_string   (DnLegacyEncoding  encoding);
gboolean          dn_legacy_encoding_from_string (const char       *text,
                                                  DnLegacyEncoding *encoding);
/* Translated name: "TCVN3 (ABC)", "VNI", "Unicode". */
const char       *dn_legacy_encoding_get_label   (DnLegacyEncoding  encoding);

/* The encoding @text (UTF-8, as pasted) is most likely in, and how sure
 * (0–1; 0 for NONE) in @confidence (may be NULL). Invalid UTF-8, NULL and
 * empty text give NONE. Only the first 2 000 words that matter are read. */
DnLegacyEncoding  dn_legacy_text_detect          (const char       *text,
                                                  double           *confidence);
/* @text converted from @encoding to Unicode, NFC. NONE gives @text in NFC.
 * NULL with DN_LEGACY_TEXT_ERROR_INVALID_UTF8 when @text is not UTF-8. */
char             *dn_legacy_text_convert         (const char       *text,
                                                  DnLegacyEncoding  encoding,
                                                  GError          **error);

/* The same for the bytes of a file (@data of @size bytes): UTF-8 is read
 * as text, anything else byte by byte. Bytes holding NUL are refused
 * (DN_LEGACY_TEXT_ERROR_NOT_TEXT). dn_legacy_bytes_convert() with NONE
 * refuses bytes that are not UTF-8 (INVALID_UTF8). */
DnLegacyEncoding  dn_legacy_bytes_detect         (const guint8     *data,
                                                  gsize             size,
                                                  double           *confidence);
char             *dn_legacy_bytes_convert        (const guint8     *data,
                                                  gsize             size,
                                                  DnLegacyEncoding  encoding,
                                                  GError          **error);

/* The inverse: Unicode @text as the legacy encoding's bytes, shown as
 * Windows-1252 characters (what dn_legacy_text_convert() reads). TCVN3
 * writes capitals with tone marks as their small letters (VnTimeH).
 * DN_LEGACY_TEXT_ERROR_UNREPRESENTABLE names the first character the
 * encoding has no place for. */
char             *dn_legacy_text_encode          (const char       *text,
                                                  DnLegacyEncoding  encoding,
                                                  GError          **error);

/* What a "convert legacy text" dialog shows before the officer keeps it:
 * the text as it came and as it would be stored. */
typedef struct
{
  DnLegacyEncoding  encoding;    /* found or given, never NONE */
  double            confidence;  /* 1 when the encoding was given */
  char             *before;      /* UTF-8: the text, or the bytes as Windows-1252 shows them */
  char             *after;       /* the conversion, NFC */
} DnLegacyPreview;

void              dn_legacy_preview_free         (DnLegacyPreview  *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnLegacyPreview, dn_legacy_preview_free)

/* @encoding NONE: detect it; DN_LEGACY_TEXT_ERROR_NOT_FOUND when none is
 * found (the text is then to be kept as it is). Errors as above. */
DnLegacyPreview  *dn_legacy_text_preview         (const char       *text,
                                                  DnLegacyEncoding  encoding,
                                                  GError          **error);
DnLegacyPreview  *dn_legacy_bytes_preview        (const guint8     *data,
                                                  gsize             size,
                                                  DnLegacyEncoding  encoding,
                                                  GError          **error);

G_END_DECLS
