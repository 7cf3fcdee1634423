/* dn-legacy-text-convert.c: TCVN3 (ABC) and VNI text converted to Unicode
 * (decoding, words, capitals, Unicode kept) and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-legacy-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-legacy-text-private.h"
#include "dn-text.h"

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
  int byte = i + 1 < n ? _dn_legacy_byte_of (chars[i + 1]) : -1;

  return byte >= 0x80 ? _dn_legacy_vni_mark ((gunichar) byte) : NULL;
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
      int byte = _dn_legacy_byte_of (c);
      const VniLetter *letter;
      const VniMark *mark;

      if (encoding == DN_LEGACY_ENCODING_TCVN3 && byte >= 0xA0)
        {
          g_string_append_unichar (out, _dn_legacy_tcvn3_char ((guint8) byte));
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
      letter = byte >= 0x80 ? _dn_legacy_vni_letter ((gunichar) byte) : NULL;
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
      if (byte >= 0x80 && _dn_legacy_vni_mark ((gunichar) byte) != NULL && stray != NULL)
        *stray = TRUE;
      g_string_append_unichar (out, c);
    }
}

/*
 * Words
 */

GArray *
_dn_legacy_split (DnLegacyEncoding  encoding,
                  const gunichar   *chars,
                  glong             n)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));

  for (glong i = 0; i < n;)
    {
      Span span = { i, i, _dn_legacy_is_word_char (encoding, chars[i]) };

      while (span.end < n && _dn_legacy_is_word_char (encoding, chars[span.end]) == span.word)
        {
          gunichar c = chars[span.end++];

          span.unicode |= _dn_legacy_is_unicode_vietnamese (c);
          span.legacy |= _dn_legacy_is_legacy_char (encoding, c);
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

char *
_dn_legacy_span_original (const gunichar *chars,
                          const Span     *span)
{
  return g_ucs4_to_utf8 (chars + span->start, span->end - span->start, NULL, NULL, NULL);
}

char *
_dn_legacy_span_decoded (DnLegacyEncoding  encoding,
                         const gunichar   *chars,
                         const Span       *span,
                         gboolean         *stray)
{
  g_autoptr(GString) out = g_string_new (NULL);

  decode (encoding, chars + span->start, span->end - span->start, out, stray);
  return g_utf8_normalize (out->str, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* Whether @span holds a line break. */
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
char *
_dn_legacy_convert (DnLegacyEncoding  encoding,
                    const gunichar   *chars,
                    glong             n)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) spans = _dn_legacy_split (encoding, chars, n);
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
          original = _dn_legacy_span_original (chars, span);
          g_string_append (out, original);
          continue;
        }
      if (!span->word || !span->legacy)
        {
          decode (encoding, chars + span->start, span->end - span->start, out, NULL);
          continue;
        }
      original = _dn_legacy_span_original (chars, span);
      decoded = _dn_legacy_span_decoded (encoding, chars, span, NULL);
      if (span->caps)
        {
          char *upper = g_utf8_strup (decoded, -1);
          g_free (decoded);
          decoded = upper;
        }
      if (mixed[i] && _dn_legacy_is_unicode_syllable (original))
        g_string_append (out, original);
      else
        g_string_append (out, decoded);
    }
  return nfc (out->str, out->len);
}

/*
 * Encoding
 */

char *
dn_legacy_text_encode (const char        *text,
                       DnLegacyEncoding   encoding,
                       GError           **error)
{
  g_autofree char *composed = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!_dn_legacy_check_utf8 (text, -1, error))
    return NULL;
  composed = nfc (text != NULL ? text : "", text != NULL ? strlen (text) : 0);
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int byte = _dn_legacy_byte_of (c);
      gboolean ok;

      if (c < 0x80 || (byte >= 0x80 && byte < 0xA0) || encoding == DN_LEGACY_ENCODING_NONE)
        {
          g_string_append_unichar (out, c);
          continue;
        }
      if (encoding == DN_LEGACY_ENCODING_TCVN3)
        ok = c != 0xA0 ? _dn_legacy_append_tcvn3 (out, c) : (g_string_append_unichar (out, c), TRUE);
      else
        ok = _dn_legacy_append_vni (out, c) || (c == 0xA0 && (g_string_append_unichar (out, c), TRUE));
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
