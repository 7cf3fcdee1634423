/* dn-legacy-text-detect.c: Vietnamese syllables, and how well each legacy
 * encoding explains the words of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-legacy-text"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dn-legacy-text-private.h"

/* detection reads at most this many words that an encoding would change */
#define MAX_CANDIDATES 2000

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
gboolean
_dn_legacy_is_unicode_syllable (const char *word)
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
 * Detection
 */

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

      if (_dn_legacy_is_legacy_char (encoding, c) && ((c >= 0xA1 && c <= 0xBF) || (small && g_unichar_isupper (c))))
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
  g_autoptr(GArray) spans = _dn_legacy_split (encoding, chars, n);
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
      before = _dn_legacy_span_original (chars, span);
      after = _dn_legacy_span_decoded (encoding, chars, span, &stray);
      valid_before = before != NULL && _dn_legacy_is_unicode_syllable (before);
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

/* The encoding chars[0..n) is most likely in (NULL chars: NONE), how sure
 * in *@confidence (may be NULL). */
DnLegacyEncoding
_dn_legacy_detect (const gunichar *chars,
                   glong           n,
                   double         *confidence)
{
  guint tcvn3_strong = 0, vni_strong = 0;
  double tcvn3 = score (DN_LEGACY_ENCODING_TCVN3, chars, n, &tcvn3_strong);
  double vni = score (DN_LEGACY_ENCODING_VNI, chars, n, &vni_strong);
  double best = MAX (tcvn3, vni);
  DnLegacyEncoding found;

  if (chars == NULL || best < 0.5)
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
