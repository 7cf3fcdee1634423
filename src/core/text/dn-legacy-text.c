/* dn-legacy-text.c: TCVN3 (ABC) and VNI text detected and converted to
 * Unicode
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
#define G_LOG_DOMAIN "dn-legacy-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-legacy-text.h"
#include "dn-text.h"

G_DEFINE_QUARK (dn-legacy-text-error-quark, dn_legacy_text_error)

/* detection reads at most this many words that an encoding would change */
#define MAX_CANDIDATES 2000

/*
 * The tables
 */

/* Windows-1252 at 0x80–0x9F (Microsoft's "bestfit1252" / the WHATWG
 * encoding standard's index); 0 where the code page has nothing, read as
 * the C1 control of the same value (Latin-1). */
static const gunichar cp1252_high[32] = {
  /* 80 */ 0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  /* 88 */ 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  /* 90 */ 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  /* 98 */ 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* TCVN3: TCVN 5712:1993 at 0xA0–0xFF, as glibc's iconv module TCVN5712-1
 * maps it (tests/core/test-legacy-text.c checks every byte against iconv
 * when it has the module). 0xB0–0xB4 are the combining tone marks; the
 * capitals at 0xAF, 0xBA, 0xBF, 0xC0–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0 and
 * 0xFF are VN1's. */
static const gunichar tcvn3_table[96] = {
  /* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
  /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
  /* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
  /* B8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
  /* C0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
  /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
  /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
  /* D8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
  /* E0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
  /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
  /* F0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
  /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* VNI: the VNI-Windows code table (VNI Software; as published in
 * lamdao/xvnkb's vni.h and khiemdoan/VBKey's code tables). A vowel is its
 * ASCII letter followed by one mark byte; the mark bytes come in pairs,
 * small letters' and capitals' (a decoder takes either after either: the
 * base letter gives the case). */
#define TONE_ACUTE 0x0301
#define TONE_GRAVE 0x0300
#define TONE_HOOK  0x0309
#define TONE_TILDE 0x0303
#define TONE_DOT   0x0323
#define SHAPE_CIRCUMFLEX 0x0302
#define SHAPE_BREVE      0x0306
#define SHAPE_HORN       0x031B

typedef struct
{
  guint8   small, capital;
  gunichar shape;  /* 0, circumflex (after a, e, o) or breve (after a) */
  gunichar tone;   /* 0 or a combining tone mark */
} VniMark;

static const VniMark vni_marks[] = {
  { 0xF9, 0xD9, 0, TONE_ACUTE },                 /* ù Ù */
  { 0xF8, 0xD8, 0, TONE_GRAVE },                 /* ø Ø */
  { 0xFB, 0xDB, 0, TONE_HOOK },                  /* û Û */
  { 0xF5, 0xD5, 0, TONE_TILDE },                 /* õ Õ */
  { 0xEF, 0xCF, 0, TONE_DOT },                   /* ï Ï */
  { 0xE2, 0xC2, SHAPE_CIRCUMFLEX, 0 },           /* â Â */
  { 0xE1, 0xC1, SHAPE_CIRCUMFLEX, TONE_ACUTE },  /* á Á */
  { 0xE0, 0xC0, SHAPE_CIRCUMFLEX, TONE_GRAVE },  /* à À */
  { 0xE5, 0xC5, SHAPE_CIRCUMFLEX, TONE_HOOK },   /* å Å */
  { 0xE3, 0xC3, SHAPE_CIRCUMFLEX, TONE_TILDE },  /* ã Ã */
  { 0xE4, 0xC4, SHAPE_CIRCUMFLEX, TONE_DOT },    /* ä Ä */
  { 0xEA, 0xCA, SHAPE_BREVE, 0 },                /* ê Ê */
  { 0xE9, 0xC9, SHAPE_BREVE, TONE_ACUTE },       /* é É */
  { 0xE8, 0xC8, SHAPE_BREVE, TONE_GRAVE },       /* è È */
  { 0xFA, 0xDA, SHAPE_BREVE, TONE_HOOK },        /* ú Ú */
  { 0xFC, 0xDC, SHAPE_BREVE, TONE_TILDE },       /* ü Ü */
  { 0xEB, 0xCB, SHAPE_BREVE, TONE_DOT },         /* ë Ë */
};

/* VNI's letters of one byte, small and capital. ơ and ư take a mark byte
 * after them like a base letter. */
typedef struct
{
  guint8   small, capital;
  gunichar small_char, capital_char;
} VniLetter;

static const VniLetter vni_letters[] = {
  { 0xF1, 0xD1, 0x0111, 0x0110 },  /* ñ Ñ: đ Đ */
  { 0xF4, 0xD4, 0x01A1, 0x01A0 },  /* ô Ô: ơ Ơ */
  { 0xF6, 0xD6, 0x01B0, 0x01AF },  /* ö Ö: ư Ư */
  { 0xED, 0xCD, 0x00ED, 0x00CD },  /* í Í */
  { 0xEC, 0xCC, 0x00EC, 0x00CC },  /* ì Ì */
  { 0xE6, 0xC6, 0x1EC9, 0x1EC8 },  /* æ Æ: ỉ Ỉ */
  { 0xF3, 0xD3, 0x0129, 0x0128 },  /* ó Ó: ĩ Ĩ */
  { 0xF2, 0xD2, 0x1ECB, 0x1ECA },  /* ò Ò: ị Ị */
  { 0xEE, 0xCE, 0x1EF5, 0x1EF4 },  /* î Î: ỵ Ỵ */
};

static const VniMark *
vni_mark (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (vni_marks); i++)
    if (c == vni_marks[i].small || c == vni_marks[i].capital)
      return &vni_marks[i];
  return NULL;
}

static const VniLetter *
vni_letter (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (vni_letters); i++)
    if (c == vni_letters[i].small || c == vni_letters[i].capital)
      return &vni_letters[i];
  return NULL;
}

/*
 * Characters
 */

/* The legacy byte a character of the mojibake stands for, or -1. */
static int
byte_of (gunichar c)
{
  if (c <= 0xFF)
    return (int) c;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] == c)
      return 0x80 + (int) i;
  return -1;
}

static gboolean
is_ascii_letter (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter of Vietnamese that no legacy byte gives as such: text written
 * in Unicode (precomposed, or a combining mark of Vietnamese). */
static gboolean
is_unicode_vietnamese (gunichar c)
{
  switch (c)
    {
    case 0x0102: case 0x0103: case 0x0110: case 0x0111: case 0x0128: case 0x0129:
    case 0x0168: case 0x0169: case 0x01A0: case 0x01A1: case 0x01AF: case 0x01B0:
    case TONE_ACUTE: case TONE_GRAVE: case TONE_HOOK: case TONE_TILDE: case TONE_DOT:
    case SHAPE_CIRCUMFLEX: case SHAPE_BREVE: case SHAPE_HORN:
      return TRUE;
    default:
      return c >= 0x1EA0 && c <= 0x1EF9;
    }
}

/* Whether @c is part of a word when the text is read in @encoding. */
static gboolean
is_word_char (DnLegacyEncoding encoding,
              gunichar         c)
{
  int byte = byte_of (c);

  if (is_ascii_letter (c))
    return TRUE;
  if (byte < 0)
    return g_unichar_isalpha (c) || g_unichar_ismark (c);
  if (byte < 0x80)
    return FALSE;
  if (encoding == DN_LEGACY_ENCODING_TCVN3)
    return byte >= 0xA1;
  if (encoding == DN_LEGACY_ENCODING_VNI)
    return vni_mark ((gunichar) byte) != NULL || vni_letter ((gunichar) byte) != NULL;
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* Whether @encoding reads the byte of @c otherwise than Windows-1252. */
static gboolean
is_legacy_char (DnLegacyEncoding encoding,
                gunichar         c)
{
  int byte = byte_of (c);

  if (byte < 0x80)
    return FALSE;
  if (encoding == DN_LEGACY_ENCODING_TCVN3)
    return byte >= 0xA1;
  return vni_mark ((gunichar) byte) != NULL || vni_letter ((gunichar) byte) != NULL;
}

/* @text (valid UTF-8 without NUL, @len bytes) in NFC, in linear time
 * (dn_text_normalize() cuts it where GLib's quadratic composition may be
 * applied piece by piece). */
static char *
nfc (const char *text,
     gsize       len)
{
  char *result = dn_text_normalize (text, (gssize) len, FALSE);

  g_assert (result != NULL);
  return result;
}

/*
 * Decoding
 */

static gboolean
vni_mark_fits (gunichar       base,
               const VniMark *mark)
{
  gunichar lower = g_unichar_tolower (base);

  if (mark->shape == SHAPE_BREVE)
    return lower == 'a';
  if (mark->shape == SHAPE_CIRCUMFLEX)
    return lower == 'a' || lower == 'e' || lower == 'o';
  return TRUE;
}

/* The VNI mark byte after chars[i], or NULL. */
static const VniMark *
vni_next_mark (const gunichar *chars,
               glong           i,
               glong           n)
{
  int byte = i + 1 < n ? byte_of (chars[i + 1]) : -1;

  return byte >= 0x80 ? vni_mark ((gunichar) byte) : NULL;
}

static gboolean
is_vowel (int byte)
{
  return byte > 0 && byte < 0x80 && strchr ("aeiouyAEIOUY", byte) != NULL;
}

/* Appends chars[0..n) read in @encoding (not normalised). *@stray, when
 * not NULL, is set when a VNI mark byte had no letter to go on. */
static void
decode (DnLegacyEncoding  encoding,
        const gunichar   *chars,
        glong             n,
        GString          *out,
        gboolean         *stray)
{
  for (glong i = 0; i < n; i++)
    {
      gunichar c = chars[i];
      int byte = byte_of (c);
      const VniLetter *letter;
      const VniMark *mark;

      if (encoding == DN_LEGACY_ENCODING_TCVN3 && byte >= 0xA0)
        {
          g_string_append_unichar (out, tcvn3_table[byte - 0xA0]);
          continue;
        }
      if (encoding != DN_LEGACY_ENCODING_VNI)
        {
          g_string_append_unichar (out, c);
          continue;
        }
      if (is_vowel (byte))
        {
          /* a base letter and its mark byte */
          g_string_append_unichar (out, c);
          mark = vni_next_mark (chars, i, n);
          if (mark != NULL && vni_mark_fits (c, mark))
            {
              if (mark->shape != 0)
                g_string_append_unichar (out, mark->shape);
              if (mark->tone != 0)
                g_string_append_unichar (out, mark->tone);
              i++;
            }
          continue;
        }
      letter = byte >= 0x80 ? vni_letter ((gunichar) byte) : NULL;
      if (letter != NULL)
        {
          g_string_append_unichar (out, byte == letter->capital ? letter->capital_char : letter->small_char);
          /* ơ and ư take a tone mark after them */
          mark = vni_next_mark (chars, i, n);
          if ((letter->small == 0xF4 || letter->small == 0xF6) && mark != NULL && mark->shape == 0)
            {
              g_string_append_unichar (out, mark->tone);
              i++;
            }
          continue;
        }
      if (byte >= 0x80 && vni_mark ((gunichar) byte) != NULL && stray != NULL)
        *stray = TRUE;
      g_string_append_unichar (out, c);
    }
}

/*
 * Vietnamese syllables
 */

static const char *const onsets[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};

/* vowels that may come before a final consonant */
static const char *const closed_nuclei[] = {
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
  "oa", "oă", "oe", "uâ", "uê", "uy", "iê", "yê", "uô", "ươ", "uyê",
};

/* vowels that may end a syllable */
static const char *const open_nuclei[] = {
  "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy",
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
  "ưa", "ưi", "ưu", "uơ", "ya", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya",
  "iêu", "yêu", "uyu",
};

static const char *const codas[] = { "ng", "nh", "ch", "c", "m", "n", "p", "t" };

static gboolean
in_list (const char        *text,
         gsize              len,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    if (strlen (list[i]) == len && memcmp (list[i], text, len) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the tone mark may stand on the letter @index (from 0, -1: no
 * tone) of @nucleus: on the letter with a diacritic (the last one: ươ), else
 * on the only vowel, the last before a final consonant, the middle one of
 * three; of oa, oe and uy ending the syllable on either (hòa, hoà), of the
 * other pairs on the first. */
static gboolean
tone_fits (const char *nucleus,
           gsize       len,
           gboolean    coda,
           glong       index)
{
  g_autofree char *copy = g_strndup (nucleus, len);
  glong n = g_utf8_strlen (copy, -1), marked = -1, i = 0;

  if (index < 0)
    return TRUE;
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p), i++)
    if (g_utf8_get_char (p) > 0x7F)
      marked = i;
  if (marked >= 0)
    return index == marked;
  if (n == 1)
    return index == 0;
  if (n == 3)
    return index == 1;
  if (coda)
    return index == n - 1;
  if (g_str_equal (copy, "oa") || g_str_equal (copy, "oe") || g_str_equal (copy, "uy"))
    return index <= 1;
  return index == 0;
}

/* @rhyme: a rhyme without its tone, which stood on its letter @index. */
static gboolean
is_rhyme (const char *rhyme,
          gunichar    tone,
          glong       index)
{
  gsize len = strlen (rhyme);

  if (len == 0)
    return FALSE;
  if (in_list (rhyme, len, open_nuclei, G_N_ELEMENTS (open_nuclei)))
    return tone_fits (rhyme, len, FALSE, index);
  for (guint i = 0; i < G_N_ELEMENTS (codas); i++)
    {
      gsize coda = strlen (codas[i]);

      if (len > coda && strcmp (rhyme + len - coda, codas[i]) == 0 &&
          in_list (rhyme, len - coda, closed_nuclei, G_N_ELEMENTS (closed_nuclei)))
        {
          /* a syllable closed by c, ch, p, t takes only sắc or nặng */
          if ((g_str_equal (codas[i], "c") || g_str_equal (codas[i], "ch") || g_str_equal (codas[i], "p") ||
               g_str_equal (codas[i], "t")) && tone != TONE_ACUTE && tone != TONE_DOT)
            return FALSE;
          return tone_fits (rhyme, len - coda, TRUE, index);
        }
    }
  return FALSE;
}

/* Whether @word (UTF-8) is one Vietnamese syllable: an onset, a rhyme and
 * at most one tone mark, where Vietnamese spelling puts it, on the letters
 * of the Vietnamese alphabet. */
static gboolean
is_syllable (const char *word)
{
  g_autofree char *nfd = g_utf8_normalize (word, -1, G_NORMALIZE_DEFAULT);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *composed = NULL;
  g_autofree char *lower = NULL;
  gunichar tone = 0;
  glong letters = 0, tone_index = -1;

  if (nfd == NULL || *nfd == '\0')
    return FALSE;
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == TONE_ACUTE || c == TONE_GRAVE || c == TONE_HOOK || c == TONE_TILDE || c == TONE_DOT)
        {
          if (tone != 0 || letters == 0)
            return FALSE;
          tone = c;
          tone_index = letters - 1;
        }
      else
        {
          if (!g_unichar_ismark (c))
            letters++;
          g_string_append_unichar (plain, c);
        }
    }
  composed = g_utf8_normalize (plain->str, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  lower = g_utf8_strdown (composed, -1);
  for (guint i = 0; i < G_N_ELEMENTS (onsets); i++)
    if (g_str_has_prefix (lower, onsets[i]) &&
        is_rhyme (lower + strlen (onsets[i]), tone, tone_index - g_utf8_strlen (onsets[i], -1)))
      return TRUE;
  return FALSE;
}

/* Whether @word, read as Unicode, is a syllable written as words are: in
 * small letters, in capitals, or a capital then small letters ("dÉn", TCVN3
 * for "dẫn", is not). */
static gboolean
is_unicode_syllable (const char *word)
{
  guint n_upper = 0, n_lower = 0;
  gboolean first_upper = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        {
          first_upper |= p == word;
          n_upper++;
        }
      else if (g_unichar_islower (c))
        n_lower++;
    }
  if (n_upper > 0 && n_lower > 0 && !(first_upper && n_upper == 1))
    return FALSE;
  return is_syllable (word);
}

/*
 * Words
 */

typedef struct
{
  glong    start, end;        /* in the character array */
  gboolean word;              /* letters, or what lies between words */
  gboolean unicode;           /* holds Unicode Vietnamese: kept as it is */
  gboolean legacy;            /* holds a character the encoding changes */
  guint    n_upper, n_lower;  /* ASCII letters */
  gboolean caps;              /* TCVN3: converted in capitals */
} Span;

static GArray *
split (DnLegacyEncoding  encoding,
       const gunichar   *chars,
       glong             n)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));

  for (glong i = 0; i < n;)
    {
      Span span = { i, i, is_word_char (encoding, chars[i]) };

      while (span.end < n && is_word_char (encoding, chars[span.end]) == span.word)
        {
          gunichar c = chars[span.end++];

          span.unicode |= is_unicode_vietnamese (c);
          span.legacy |= is_legacy_char (encoding, c);
          if (c >= 'A' && c <= 'Z')
            span.n_upper++;
          else if (c >= 'a' && c <= 'z')
            span.n_lower++;
        }
      g_array_append_val (spans, span);
      i = span.end;
    }
  return spans;
}

static char *
span_original (const gunichar *chars,
               const Span     *span)
{
  return g_ucs4_to_utf8 (chars + span->start, span->end - span->start, NULL, NULL, NULL);
}

static char *
span_decoded (DnLegacyEncoding  encoding,
              const gunichar   *chars,
              const Span       *span,
              gboolean         *stray)
{
  g_autoptr(GString) out = g_string_new (NULL);

  decode (encoding, chars + span->start, span->end - span->start, out, stray);
  return g_utf8_normalize (out->str, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* TCVN3 (VnTimeH): a word whose plain letters are all capitals, at least
 * two, is in capitals; so is a word with one capital plain letter or none
 * beside such a word that has legacy letters. */
static gboolean
has_line_break (const gunichar *chars,
                const Span     *span)
{
  for (glong c = span->start; c < span->end; c++)
    if (chars[c] == '\n' || chars[c] == '\r' || chars[c] == 0x2028 || chars[c] == 0x2029)
      return TRUE;
  return FALSE;
}

/* TCVN3 (VnTimeH): a word whose plain letters are all capitals, at least
 * two, is in capitals; so is a word with one capital plain letter or none
 * beside such a word that has legacy letters, on the same line. */
static void
mark_capitals (GArray         *spans,
               const gunichar *chars)
{
  Span *s = (Span *) (void *) spans->data;
  g_autofree gboolean *strong = g_new0 (gboolean, spans->len + 1);

  for (guint i = 0; i < spans->len; i++)
    {
      s[i].caps = s[i].word && s[i].n_lower == 0 && s[i].n_upper >= 2;
      strong[i] = s[i].caps && s[i].legacy;
    }
  for (guint i = 0; i < spans->len; i++)
    /* the words before and after, across what separates them */
    if (s[i].word && !s[i].caps && s[i].n_lower == 0 && s[i].legacy &&
        ((i >= 2 && strong[i - 2] && !has_line_break (chars, &s[i - 1])) ||
         (i + 2 < spans->len && strong[i + 2] && !has_line_break (chars, &s[i + 1]))))
      s[i].caps = TRUE;
}

/* Converts chars[0..n). A word holding Unicode Vietnamese is kept; on a
 * line that holds such words, so is any word that is a Vietnamese syllable
 * as it is ("chuyên" stays, where TCVN3 alone would read "chuyờn"): a
 * legacy paste next to Unicode text keeps the Unicode around it. */
static char *
convert_chars (DnLegacyEncoding  encoding,
               const gunichar   *chars,
               glong             n)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) spans = split (encoding, chars, n);
  g_autofree gboolean *mixed = g_new0 (gboolean, spans->len + 1);

  if (encoding == DN_LEGACY_ENCODING_TCVN3)
    mark_capitals (spans, chars);
  /* the lines holding Unicode Vietnamese words */
  for (guint first = 0; first < spans->len;)
    {
      guint last = first;
      gboolean unicode = FALSE;

      for (; last < spans->len; last++)
        {
          const Span *span = &g_array_index (spans, Span, last);

          unicode |= span->unicode;
          if (!span->word && has_line_break (chars, span))
            break;
        }
      for (guint i = first; i <= last && i < spans->len; i++)
        mixed[i] = unicode;
      first = last + 1;
    }
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      g_autofree char *original = NULL;
      g_autofree char *decoded = NULL;

      if (encoding == DN_LEGACY_ENCODING_NONE || span->unicode)
        {
          original = span_original (chars, span);
          g_string_append (out, original);
          continue;
        }
      if (!span->word || !span->legacy)
        {
          decode (encoding, chars + span->start, span->end - span->start, out, NULL);
          continue;
        }
      original = span_original (chars, span);
      decoded = span_decoded (encoding, chars, span, NULL);
      if (span->caps)
        {
          char *upper = g_utf8_strup (decoded, -1);
          g_free (decoded);
          decoded = upper;
        }
      if (mixed[i] && is_unicode_syllable (original))
        g_string_append (out, original);
      else
        g_string_append (out, decoded);
    }
  return nfc (out->str, out->len);
}

/* Whether a decoded word keeps the case words have: no capital with a
 * diacritic after a small letter ("nẲ" is no word). */
static gboolean
decoded_case_fits (const char *word)
{
  gboolean small = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (small && c > 0x7F && g_unichar_isupper (c))
        return FALSE;
      small |= g_unichar_islower (c);
    }
  return TRUE;
}

/* A TCVN3 word that no language writes: one holding a character of
 * Latin-1's symbols (0xA1–0xBF: µ ¸ ¹ « ®…, "chµo"), or a capital after a
 * small letter ("ViÖt"); three characters at least. (VNI's words are
 * letters and marks that Western languages also write.) */
static gboolean
is_strong (DnLegacyEncoding  encoding,
           const gunichar   *chars,
           const Span       *span)
{
  gboolean small = FALSE;

  if (encoding != DN_LEGACY_ENCODING_TCVN3 || span->end - span->start < 3)
    return FALSE;
  for (glong i = span->start; i < span->end; i++)
    {
      gunichar c = chars[i];

      if (is_legacy_char (encoding, c) && ((c >= 0xA1 && c <= 0xBF) || (small && g_unichar_isupper (c))))
        return TRUE;
      small |= g_unichar_islower (c);
    }
  return FALSE;
}

/* How well @encoding explains the words of chars[0..n): 0–1.
 *
 * Candidates are the words of two characters or more holding a character
 * the encoding reads otherwise than Windows-1252 (one character alone —
 * «, ©, × — tells nothing). Of those, a word is gained when it is a
 * Vietnamese syllable once decoded and was not one before, lost the other
 * way round. The score is the share of candidates that decode to
 * syllables, times 1 − 2^−evidence (the different words gained: one of
 * two characters counts a half, a strong one two), damped by the words already in Unicode Vietnamese
 * (mixed text) and when candidates are under 40 % of the words (most
 * Vietnamese words have marks; a foreign text's accents are few). The
 * evidence must reach two words, or one strong: Italian "più" reads as
 * VNI "pí", German »%s« as TCVN3 "sô". */
static double
score (DnLegacyEncoding  encoding,
       const gunichar   *chars,
       glong             n,
       guint            *n_strong)
{
  g_autoptr(GArray) spans = split (encoding, chars, n);
  guint candidates = 0, valid = 0, gained = 0, lost = 0, unicode = 0, words = 0, evidence = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double result;

  for (guint i = 0; i < spans->len && candidates < MAX_CANDIDATES; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gboolean stray = FALSE, valid_before, valid_after;

      if (!span->word || span->end - span->start < 2)
        continue;
      words++;
      if (span->unicode)
        {
          unicode++;
          continue;
        }
      if (!span->legacy)
        continue;
      candidates++;
      before = span_original (chars, span);
      after = span_decoded (encoding, chars, span, &stray);
      valid_before = before != NULL && is_unicode_syllable (before);
      valid_after = !stray && after != NULL && decoded_case_fits (after) && is_syllable (after);
      valid += valid_after;
      if (valid_after && !valid_before)
        {
          gained++;
          /* in halves, each word once: one of two characters, of three or
           * more, a strong one */
          if (g_hash_table_add (seen, g_steal_pointer (&before)))
            {
              gboolean strong = is_strong (encoding, chars, span);

              *n_strong += strong;
              evidence += span->end - span->start == 2 ? 1 : strong ? 4 : 2;
            }
        }
      lost += valid_before && !valid_after;
    }
  if (candidates == 0 || gained <= lost || evidence < 4)
    return 0;
  result = (double) valid / candidates * (1 - pow (2, -(double) MIN (evidence, 120) / 2));
  if (unicode > 0)
    result *= (double) gained / (gained + unicode);
  if (candidates < 0.4 * words)
    result *= candidates / (0.4 * words);
  return result;
}

static DnLegacyEncoding
detect_chars (const gunichar *chars,
              glong           n,
              double         *confidence)
{
  guint tcvn3_strong = 0, vni_strong = 0;
  double tcvn3 = score (DN_LEGACY_ENCODING_TCVN3, chars, n, &tcvn3_strong);
  double vni = score (DN_LEGACY_ENCODING_VNI, chars, n, &vni_strong);
  double best = MAX (tcvn3, vni);
  DnLegacyEncoding found;

  if (best < 0.5)
    {
      if (confidence != NULL)
        *confidence = 0;
      return DN_LEGACY_ENCODING_NONE;
    }
  /* TCVN3 text nearly always has words no language writes (µ ¸ ¹ « ®…);
   * without any, a tie goes to VNI ("chuû cuûa" reads as both) */
  if (tcvn3_strong == 0 && vni >= 0.5 && vni > tcvn3 - 0.1)
    found = DN_LEGACY_ENCODING_VNI;
  else
    found = tcvn3 >= vni ? DN_LEGACY_ENCODING_TCVN3 : DN_LEGACY_ENCODING_VNI;
  if (confidence != NULL)
    *confidence = found == DN_LEGACY_ENCODING_TCVN3 ? tcvn3 : vni;
  return found;
}

/*
 * Input
 */

static gboolean
check_utf8 (const char  *text,
            gssize       size,
            GError     **error)
{
  const char *end = NULL;

  if (text == NULL)
    text = "";
  if (size < 0)
    size = (gssize) strlen (text);
  if ((gsize) size > DN_LEGACY_TEXT_MAX_SIZE)
    {
      g_set_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_TOO_LONG,
                   _("The text is too long: at most %d MB is converted."), DN_LEGACY_TEXT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (g_utf8_validate_len (text, (gsize) size, &end))
    return TRUE;
  g_set_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8,
               _("The text is not valid UTF-8 (at byte %lu)."), (unsigned long) (end - text));
  return FALSE;
}

/* The characters of @text (UTF-8, checked). */
static gunichar *
text_chars (const char *text,
            glong      *n)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text != NULL ? text : "", -1, n);
  return chars;
}

/* The bytes of a file: UTF-8 as text (*@utf8 TRUE), else as Windows-1252
 * reads them. NULL with an error when they hold NUL. */
static gunichar *
bytes_chars (const guint8  *data,
             gsize          size,
             gboolean      *utf8,
             glong         *n,
             GError       **error)
{
  gunichar *chars;

  if (data == NULL)
    size = 0;
  if (size > DN_LEGACY_TEXT_MAX_SIZE)
    {
      check_utf8 ((const char *) data, (gssize) size, error);
      return NULL;
    }
  if (size > 0 && memchr (data, 0, size) != NULL)
    {
      g_set_error_literal (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_TEXT,
                           _("The file holds NUL bytes: it is not text in TCVN3 or VNI (perhaps UTF-16, or not text at all)."));
      return NULL;
    }
  *utf8 = size == 0 || g_utf8_validate_len ((const char *) data, size, NULL);
  if (*utf8)
    return g_utf8_to_ucs4_fast (size > 0 ? (const char *) data : "", (glong) size, n);
  chars = g_new (gunichar, size + 1);
  for (gsize i = 0; i < size; i++)
    {
      guint8 b = data[i];

      chars[i] = b >= 0x80 && b < 0xA0 && cp1252_high[b - 0x80] != 0 ? cp1252_high[b - 0x80] : b;
    }
  chars[size] = 0;
  *n = (glong) size;
  return chars;
}

/*
 * API
 */

const char *
dn_legacy_encoding_to_string (DnLegacyEncoding encoding)
{
  switch (encoding)
    {
    case DN_LEGACY_ENCODING_TCVN3:
      return "tcvn3";
    case DN_LEGACY_ENCODING_VNI:
      return "vni";
    case DN_LEGACY_ENCODING_NONE:
    default:
      return "none";
    }
}

gboolean
dn_legacy_encoding_from_string (const char       *text,
                                DnLegacyEncoding *encoding)
{
  static const struct { const char *name; DnLegacyEncoding encoding; } names[] = {
    { "tcvn3", DN_LEGACY_ENCODING_TCVN3 },
    { "tcvn", DN_LEGACY_ENCODING_TCVN3 },
    { "abc", DN_LEGACY_ENCODING_TCVN3 },
    { "vni", DN_LEGACY_ENCODING_VNI },
    { "none", DN_LEGACY_ENCODING_NONE },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

const char *
dn_legacy_encoding_get_label (DnLegacyEncoding encoding)
{
  switch (encoding)
    {
    case DN_LEGACY_ENCODING_TCVN3:
      return _("TCVN3 (ABC)");
    case DN_LEGACY_ENCODING_VNI:
      return _("VNI");
    case DN_LEGACY_ENCODING_NONE:
    default:
      return _("Unicode");
    }
}

DnLegacyEncoding
dn_legacy_text_detect (const char *text,
                       double     *confidence)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  if (confidence != NULL)
    *confidence = 0;
  if (text == NULL || !check_utf8 (text, -1, NULL))
    return DN_LEGACY_ENCODING_NONE;
  chars = text_chars (text, &n);
  return detect_chars (chars, n, confidence);
}

char *
dn_legacy_text_convert (const char        *text,
                        DnLegacyEncoding   encoding,
                        GError           **error)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  if (!check_utf8 (text, -1, error))
    return NULL;
  chars = text_chars (text, &n);
  return convert_chars (encoding, chars, n);
}

DnLegacyEncoding
dn_legacy_bytes_detect (const guint8 *data,
                        gsize         size,
                        double       *confidence)
{
  g_autofree gunichar *chars = NULL;
  gboolean utf8;
  glong n = 0;

  if (confidence != NULL)
    *confidence = 0;
  chars = bytes_chars (data, size, &utf8, &n, NULL);
  if (chars == NULL)
    return DN_LEGACY_ENCODING_NONE;
  return detect_chars (chars, n, confidence);
}

char *
dn_legacy_bytes_convert (const guint8      *data,
                         gsize              size,
                         DnLegacyEncoding   encoding,
                         GError           **error)
{
  g_autofree gunichar *chars = NULL;
  gboolean utf8;
  glong n = 0;

  chars = bytes_chars (data, size, &utf8, &n, error);
  if (chars == NULL)
    return NULL;
  if (!utf8 && encoding == DN_LEGACY_ENCODING_NONE)
    {
      check_utf8 ((const char *) data, (gssize) size, error);
      return NULL;
    }
  return convert_chars (encoding, chars, n);
}

/*
 * Encoding
 */

static gboolean
append_vni (GString  *out,
            gunichar  c)
{
  gunichar decomposed[4];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  gunichar base = decomposed[0], shape = 0, tone = 0;
  gboolean capital;

  for (gsize i = 1; i < n; i++)
    {
      if (decomposed[i] == SHAPE_CIRCUMFLEX || decomposed[i] == SHAPE_BREVE || decomposed[i] == SHAPE_HORN)
        shape = decomposed[i];
      else if (decomposed[i] == TONE_ACUTE || decomposed[i] == TONE_GRAVE || decomposed[i] == TONE_HOOK ||
               decomposed[i] == TONE_TILDE || decomposed[i] == TONE_DOT)
        tone = decomposed[i];
      else
        return FALSE;
    }
  if (n > 3)
    return FALSE;
  capital = base >= 'A' && base <= 'Z';
  if (base == 0x0110 || base == 0x0111)
    {
      g_string_append_unichar (out, base == 0x0110 ? 0xD1 : 0xF1);
      return n == 1;
    }
  if (!is_ascii_letter (base) || strchr ("aeiouyAEIOUY", (int) base) == NULL)
    return FALSE;
  /* single bytes: i with a tone, ỵ, ơ and ư (with the tone after them) */
  for (guint i = 0; i < G_N_ELEMENTS (vni_letters); i++)
    if (c == vni_letters[i].small_char || c == vni_letters[i].capital_char)
      {
        g_string_append_unichar (out, c == vni_letters[i].capital_char ? vni_letters[i].capital : vni_letters[i].small);
        return TRUE;
      }
  if (shape == SHAPE_HORN)
    {
      gunichar lower = g_ascii_tolower ((char) base);

      if (lower != 'o' && lower != 'u')
        return FALSE;
      g_string_append_unichar (out, lower == 'o' ? (capital ? 0xD4 : 0xF4) : (capital ? 0xD6 : 0xF6));
      shape = 0;
    }
  else
    g_string_append_c (out, (char) base);
  if (shape == 0 && tone == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (vni_marks); i++)
    if (vni_marks[i].shape == shape && vni_marks[i].tone == tone)
      {
        gunichar lower = g_ascii_tolower ((char) base);

        if ((shape == SHAPE_BREVE && lower != 'a') ||
            (shape == SHAPE_CIRCUMFLEX && strchr ("aeo", (int) lower) == NULL))
          return FALSE;
        g_string_append_unichar (out, capital ? vni_marks[i].capital : vni_marks[i].small);
        return TRUE;
      }
  return FALSE;
}

static gboolean
append_tcvn3 (GString  *out,
              gunichar  c)
{
  gunichar lower = g_unichar_tolower (c);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 1; i < G_N_ELEMENTS (tcvn3_table); i++)
      /* precomposed letters only: not the combining marks at 0xB0–0xB4 */
      if (tcvn3_table[i] == (pass == 0 ? c : lower) && (i < 0x10 || i > 0x14))
        {
          g_string_append_unichar (out, 0xA0 + i);
          return TRUE;
        }
  return FALSE;
}

char *
dn_legacy_text_encode (const char        *text,
                       DnLegacyEncoding   encoding,
                       GError           **error)
{
  g_autofree char *composed = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!check_utf8 (text, -1, error))
    return NULL;
  composed = nfc (text != NULL ? text : "", text != NULL ? strlen (text) : 0);
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int byte = byte_of (c);
      gboolean ok;

      if (c < 0x80 || (byte >= 0x80 && byte < 0xA0) || encoding == DN_LEGACY_ENCODING_NONE)
        {
          g_string_append_unichar (out, c);
          continue;
        }
      if (encoding == DN_LEGACY_ENCODING_TCVN3)
        ok = c != 0xA0 ? append_tcvn3 (out, c) : (g_string_append_unichar (out, c), TRUE);
      else
        ok = append_vni (out, c) || (c == 0xA0 && (g_string_append_unichar (out, c), TRUE));
      if (!ok)
        {
          char shown[8] = { 0 };

          g_unichar_to_utf8 (c, shown);
          g_set_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_UNREPRESENTABLE,
                       _("“%s” (U+%04X) cannot be written in %s."), shown, c, dn_legacy_encoding_get_label (encoding));
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/*
 * Preview
 */

void
dn_legacy_preview_free (DnLegacyPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->before);
  g_free (preview->after);
  g_free (preview);
}

static DnLegacyPreview *
preview_chars (const gunichar    *chars,
               glong              n,
               DnLegacyEncoding   encoding,
               GError           **error)
{
  DnLegacyPreview *preview;
  double confidence = 1;

  if (encoding == DN_LEGACY_ENCODING_NONE)
    {
      encoding = detect_chars (chars, n, &confidence);
      if (encoding == DN_LEGACY_ENCODING_NONE)
        {
          g_set_error_literal (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_FOUND,
                               _("No text in TCVN3 (ABC) or VNI was found: the text is left as it is."));
          return NULL;
        }
    }
  preview = g_new0 (DnLegacyPreview, 1);
  preview->encoding = encoding;
  preview->confidence = confidence;
  preview->before = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  preview->after = convert_chars (encoding, chars, n);
  return preview;
}

DnLegacyPreview *
dn_legacy_text_preview (const char        *text,
                        DnLegacyEncoding   encoding,
                        GError           **error)
{
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  if (!check_utf8 (text, -1, error))
    return NULL;
  chars = text_chars (text, &n);
  return preview_chars (chars, n, encoding, error);
}

DnLegacyPreview *
dn_legacy_bytes_preview (const guint8      *data,
                         gsize              size,
                         DnLegacyEncoding   encoding,
                         GError           **error)
{
  g_autofree gunichar *chars = NULL;
  gboolean utf8;
  glong n = 0;

  chars = bytes_chars (data, size, &utf8, &n, error);
  if (chars == NULL)
    return NULL;
  return preview_chars (chars, n, encoding, error);
}
