/* dn-legacy-text-private.h: what the parts of the legacy text conversion
 * share: the code tables and the classes of characters
 * (dn-legacy-text-tables.c), words and their decoding
 * (dn-legacy-text-convert.c), syllables and detection
 * (dn-legacy-text-detect.c), the checks of the input (dn-legacy-text.c)
 *
 * Text is first turned into an array of characters, one per legacy byte:
 * the mojibake's characters as they are (U+0000–U+00FF is the byte of the
 * same value), the bytes of a file as Windows-1252 reads them. A character
 * above U+00FF that is not one of Windows-1252's (0x80–0x9F) is no legacy
 * byte: it stays as it is. The decoders read bytes from that array; the
 * detector compares each word before and after decoding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-legacy-text.h"

G_BEGIN_DECLS

/* The combining marks of Vietnamese */
#define TONE_ACUTE 0x0301
#define TONE_GRAVE 0x0300
#define TONE_HOOK  0x0309
#define TONE_TILDE 0x0303
#define TONE_DOT   0x0323
#define SHAPE_CIRCUMFLEX 0x0302
#define SHAPE_BREVE      0x0306
#define SHAPE_HORN       0x031B

/* VNI's mark bytes: a vowel is its ASCII letter followed by one of them;
 * they come in pairs, small letters' and capitals' (a decoder takes either
 * after either: the base letter gives the case). */
typedef struct
{
  guint8   small, capital;
  gunichar shape;  /* 0, circumflex (after a, e, o) or breve (after a) */
  gunichar tone;   /* 0 or a combining tone mark */
} VniMark;

/* VNI's letters of one byte, small and capital. ơ and ư take a mark byte
 * after them like a base letter. */
/* VNI's letters of one byte, small and capital. ơ and ư take a mark byte
 * after them like a base letter. */
typedef struct
{
  guint8   small, capital;
  gunichar small_char, capital_char;
} VniLetter;

/* The code tables (dn-legacy-text-tables.c) */
int              _dn_legacy_byte_of               (gunichar          c);
gunichar         _dn_legacy_cp1252_char           (guint8            byte);
gunichar         _dn_legacy_tcvn3_char            (guint8            byte);
const VniMark   *_dn_legacy_vni_mark              (gunichar          c);
const VniLetter *_dn_legacy_vni_letter            (gunichar          c);
gboolean         _dn_legacy_is_unicode_vietnamese (gunichar          c);
gboolean         _dn_legacy_is_word_char          (DnLegacyEncoding  encoding,
                                                   gunichar          c);
gboolean         _dn_legacy_is_legacy_char        (DnLegacyEncoding  encoding,
                                                   gunichar          c);
/* Append @c (Unicode, NFC) as the encoding's bytes shown as Windows-1252
 * characters; FALSE when the encoding has no place for it. */
gboolean         _dn_legacy_append_vni            (GString          *out,
                                                   gunichar          c);
gboolean         _dn_legacy_append_tcvn3          (GString          *out,
                                                   gunichar          c);

/* A run of the character array: a word, or what lies between words
 * (dn-legacy-text-convert.c) */
typedef struct
{
  glong    start, end;        /* in the character array */
  gboolean word;              /* letters, or what lies between words */
  gboolean unicode;           /* holds Unicode Vietnamese: kept as it is */
  gboolean legacy;            /* holds a character the encoding changes */
  guint    n_upper, n_lower;  /* ASCII letters */
  gboolean caps;              /* TCVN3: converted in capitals */
} Span;

GArray          *_dn_legacy_split                 (DnLegacyEncoding  encoding,
                                                   const gunichar   *chars,
                                                   glong             n);
char            *_dn_legacy_span_original         (const gunichar   *chars,
                                                   const Span       *span);
char            *_dn_legacy_span_decoded          (DnLegacyEncoding  encoding,
                                                   const gunichar   *chars,
                                                   const Span       *span,
                                                   gboolean         *stray);
char            *_dn_legacy_convert               (DnLegacyEncoding  encoding,
                                                   const gunichar   *chars,
                                                   glong             n);

/* Detection (dn-legacy-text-detect.c) */
gboolean         _dn_legacy_is_unicode_syllable   (const char       *word);
DnLegacyEncoding _dn_legacy_detect                (const gunichar   *chars,
                                                   glong             n,
                                                   double           *confidence);

/* The input (dn-legacy-text.c) */
gboolean         _dn_legacy_check_utf8            (const char       *text,
                                                   gssize            size,
                                                   GError          **error);

G_END_DECLS
