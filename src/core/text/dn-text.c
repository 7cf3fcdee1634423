/* dn-text.c: Vietnamese text: normalisation, folding, search, escaping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-text"

#include "config.h"

#include "dn-text.h"
#include "dn-text-private.h"

#include <stdlib.h>
#include <string.h>

static gboolean
is_ascii (const char *text,
          gssize      len)
{
  const guchar *p = (const guchar *) text;

  if (len < 0)
    {
      for (; *p != 0; p++)
        if (*p >= 0x80)
          return FALSE;
    }
  else
    {
      for (gssize i = 0; i < len; i++)
        if (p[i] >= 0x80)
          return FALSE;
    }

  return TRUE;
}

/* NFC in bounded chunks
 * =====================
 *
 * g_utf8_normalize() composes in place and moves the rest of its buffer at
 * every composition, so it takes time quadratic in the length of its input
 * (0.5 to 1 s for 200 000 characters of Vietnamese, minutes for 5 million).  The
 * text is therefore normalised in chunks of about NORMALIZE_CHUNK bytes, cut
 * only where normalising the parts gives exactly the bytes of normalising the
 * whole.  Cutting before the code point c is safe when
 *
 *  - c has canonical combining class 0 and so does d0, the first code point
 *    of its full canonical decomposition: GLib's canonical reordering never
 *    moves a mark across a class-0 code point, so the decomposed and
 *    reordered text is the concatenation of the decomposed and reordered
 *    parts;
 *  - neither c nor d0 is the second element of a canonical composition:
 *    GLib composes a code point only with the last class-0 code point before
 *    it, so d0 is left alone and then starts a new composition exactly as it
 *    does at the start of a text; nothing after it composes with anything
 *    before it.  (Only d0 matters to composition; c is checked as well.)
 *
 * The second elements are read once from GLib's own tables: b is one when
 * some p decomposes into the pair (a, b) and a + b composes back into p
 * (Hangul LV + T included).  No ASCII character is one (tested), so every
 * ASCII character starts a safe cut.
 *
 * A run with no safe cut (a base with thousands of marks) stays one chunk.
 * GLib reorders marks by insertion sort, quadratic when the classes alternate
 * (100 000 marks took 4.5 s, 10 000 took 0.05 s), so a chunk longer than NORMALIZE_LONG_CHUNK is
 * first decomposed and stably ordered here; GLib then finds it already in
 * canonical order, which it checks in one pass, and composes it.  Compositions
 * in such a run are few: in Unicode 15 (GLib 2.74) no class-0 second element
 * is also a first element, so only the base before the run composes.  Unicode
 * 16 adds vowel signs that are both (Kirat Rai U+16D67 + U+16D67 → U+16D68,
 * Gurung Khema): with a newer GLib, a long run of those alone stays quadratic
 * to compose.
 */
#define NORMALIZE_CHUNK      1024
#define NORMALIZE_LONG_CHUNK (2 * NORMALIZE_CHUNK)
#define N_CODE_POINTS        0x110000

static int
compare_code_points (const void *a,
                     const void *b)
{
  gunichar x = *(const gunichar *) a;
  gunichar y = *(const gunichar *) b;

  return (x > y) - (x < y);
}

static gpointer
build_second_elements (gpointer data)
{
  /* Planes 2 to 16 hold ideographs (whose only decompositions are
   * singletons), tags, variation selectors and private use; U+3400 … U+9FFF
   * are CJK ideographs and Yijing symbols, none of which decomposes.
   * Unassigned code points never decompose.  Scanning the rest takes about
   * 1.5 ms instead of 11 ms for all of U+0000 … U+10FFFF. */
  static const struct { gunichar first, last; } ranges[] = {
    { 0x0000, 0x33FF },
    { 0xA000, 0x1FFFF },
  };
  GArray *seconds = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree guint8 *seen = g_malloc0 (N_CODE_POINTS / 8);

  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar p = ranges[r].first; p <= ranges[r].last; p++)
      {
        gunichar a, b, composed;

        if (g_unichar_type (p) != G_UNICODE_UNASSIGNED
            && g_unichar_decompose (p, &a, &b) && b != 0
            && g_unichar_compose (a, b, &composed) && composed == p)
          seen[b / 8] |= (guint8) (1u << (b % 8));
      }

  /* In order, once each (every Hangul V and T comes thousands of times). */
  for (gunichar byte = 0; byte < N_CODE_POINTS / 8; byte++)
    for (guint bit = 0; seen[byte] != 0 && bit < 8; bit++)
      if (seen[byte] & (1u << bit))
        {
          gunichar c = byte * 8 + bit;

          g_array_append_val (seconds, c);
        }

  return seconds;
}

static gboolean
is_second_element (gunichar c)
{
  static GOnce once = G_ONCE_INIT;
  const GArray *seconds = g_once (&once, build_second_elements, NULL);

  return bsearch (&c, seconds->data, seconds->len, sizeof (gunichar), compare_code_points) != NULL;
}

/* Whether a chunk may start with @c (see above). */
static gboolean
starts_chunk (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    return TRUE;

  if (g_unichar_combining_class (c) != 0 || is_second_element (c))
    return FALSE;

  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) == 0
      || decomposed[0] == c)
    return TRUE;

  return g_unichar_combining_class (decomposed[0]) == 0 && !is_second_element (decomposed[0]);
}

/* Sorts the @n marks of @run by combining class, keeping the order of marks
 * of the same class: GLib's canonical ordering, as a counting sort. */
static void
order_by_class (gunichar *run,
                gsize     n,
                gunichar *scratch)
{
  gsize start[257] = { 0 };

  for (gsize i = 0; i < n; i++)
    start[g_unichar_combining_class (run[i]) + 1]++;
  for (guint k = 1; k < G_N_ELEMENTS (start); k++)
    start[k] += start[k - 1];
  for (gsize i = 0; i < n; i++)
    scratch[start[g_unichar_combining_class (run[i])]++] = run[i];
  memcpy (run, scratch, n * sizeof (gunichar));
}

/* [@text, @text + @len) (valid UTF-8) fully decomposed with GLib's tables and
 * its marks in canonical order, as GLib's own decomposition gives it, in
 * linear time. */
static char *
decompose_and_order (const char *text,
                     gsize       len)
{
  GArray *chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), (guint) len);
  g_autofree gunichar *scratch = NULL;
  gunichar *ucs4;
  gsize run = 0;
  char *result;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed,
                                           G_N_ELEMENTS (decomposed));

      g_array_append_vals (chars, decomposed, (guint) MIN (n, G_N_ELEMENTS (decomposed)));
    }

  /* Sort every maximal run of marks (non-zero classes). */
  ucs4 = (gunichar *) (gpointer) chars->data;
  for (gsize i = 0; i <= chars->len; i++)
    {
      if (i < chars->len && g_unichar_combining_class (ucs4[i]) != 0)
        continue;
      if (i - run > 1)
        {
          if (scratch == NULL)
            scratch = g_new (gunichar, chars->len);
          order_by_class (ucs4 + run, i - run, scratch);
        }
      run = i + 1;
    }

  result = g_ucs4_to_utf8 (ucs4, (glong) chars->len, NULL, NULL, NULL);
  g_assert (result != NULL);
  g_array_unref (chars);

  return result;
}

/* [@text, @text + @len), valid UTF-8 without NUL, in NFC, byte for byte as
 * g_utf8_normalize (text, len, G_NORMALIZE_DEFAULT_COMPOSE) would give it. */
static char *
normalize_nfc (const char *text,
               gsize       len)
{
  const char *end = text + len;
  GString *out;

  if (is_ascii (text, (gssize) len))
    return g_strndup (text, len);

  out = g_string_sized_new (len);
  for (const char *p = text; p < end;)
    {
      const char *cut = end;
      g_autofree char *ordered = NULL;
      g_autofree char *nfc = NULL;

      if ((gsize) (end - p) > NORMALIZE_CHUNK)
        {
          cut = p + NORMALIZE_CHUNK;
          while (cut < end && ((guchar) *cut & 0xc0) == 0x80)
            cut++;
          while (cut < end && !starts_chunk (g_utf8_get_char (cut)))
            cut = g_utf8_next_char (cut);
        }

      if (is_ascii (p, cut - p))
        {
          g_string_append_len (out, p, cut - p);
        }
      else if (cut - p > NORMALIZE_LONG_CHUNK)
        {
          ordered = decompose_and_order (p, cut - p);
          nfc = g_utf8_normalize (ordered, -1, G_NORMALIZE_DEFAULT_COMPOSE);
          g_assert (nfc != NULL);
          g_string_append (out, nfc);
        }
      else
        {
          nfc = g_utf8_normalize (p, cut - p, G_NORMALIZE_DEFAULT_COMPOSE);
          g_assert (nfc != NULL);
          g_string_append (out, nfc);
        }

      p = cut;
    }

  return g_string_free (out, FALSE);
}

char *
dn_text_normalize (const char *text,
                   gssize      len,
                   gboolean    collapse)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, len, NULL))
    return NULL;

  nfc = normalize_nfc (text, len < 0 ? strlen (text) : (gsize) len);

  if (!collapse)
    return g_steal_pointer (&nfc);

  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = (out->len > 0);
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
dn_text_fold (const char *text,
              gssize      len)
{
  g_autofree char *nfd = NULL;
  GString *out;
  gboolean ascii_only = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, len, NULL))
    return NULL;

  if (is_ascii (text, len))
    return g_ascii_strdown (text, len);

  /* Decompose first so that every mark is a character of its own; lower
   * casing character by character keeps the result independent of the
   * locale (g_utf8_strdown() special-cases Turkish and Lithuanian). */
  nfd = g_utf8_normalize (text, len, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      c = g_unichar_tolower (c);
      if (c == LATIN_SMALL_D_WITH_STROKE || c == LATIN_CAPITAL_D_WITH_STROKE)
        c = 'd';

      if (c >= 0x80)
        ascii_only = FALSE;
      g_string_append_unichar (out, c);
    }

  if (!ascii_only)
    {
      /* Recompose what is left (Hangul, spacing marks …). */
      char *nfc = g_utf8_normalize (out->str, out->len, G_NORMALIZE_DEFAULT_COMPOSE);

      g_string_free (out, TRUE);
      return nfc;
    }

  return g_string_free (out, FALSE);
}

char *
dn_text_fts_query (const char *typed)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  GString *query;
  gboolean in_word = FALSE;
  guint n_words = 0;

  if (typed == NULL)
    return NULL;

  if (!g_utf8_validate (typed, -1, NULL))
    typed = valid = g_utf8_make_valid (typed, -1);

  folded = dn_text_fold (typed, -1);
  if (folded == NULL)
    return NULL;

  query = g_string_sized_new (strlen (folded) + 16);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_word_char (c))
        {
          if (in_word)
            g_string_append (query, "\"*");
          in_word = FALSE;
          continue;
        }

      if (!in_word)
        {
          /* a pasted page is not a search: its first words are */
          if (n_words == DN_TEXT_FTS_MAX_WORDS)
            break;
          n_words++;
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_c (query, '"');
          in_word = TRUE;
        }

      /* Word characters never include '"'; double it anyway, as FTS5 string
       * syntax wants, so that no input can ever end the string early. */
      if (c == '"')
        g_string_append_c (query, '"');
      g_string_append_unichar (query, c);
    }

  if (in_word)
    g_string_append (query, "\"*");

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/* Characters that are shown as \u{…}: controls (C0, DEL, C1), invisible
 * format characters (category Cf: the bidirectional marks, embeddings,
 * overrides and isolates, zero-width space, joiners and non-joiners, word
 * joiner, byte order mark, tags, soft hyphen …) and the line and paragraph
 * separators.  U+200C and U+200D are escaped too: they shape Persian and
 * Indic words and emoji sequences, never Vietnamese, and in a message that
 * echoes what was typed it matters more to see them than to render them. */
static gboolean
needs_display_escape (gunichar c)
{
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return TRUE;

  switch (c)
    {
    case 0x061C:                   /* ARABIC LETTER MARK */
    case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2060:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
    case 0xFEFF:
      return TRUE;
    default:
      break;
    }

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
dn_text_escape_for_display (const char *text,
                            gssize      max_chars)
{
  const char *end;
  GString *out;
  gsize n_chars = 0;
  gsize cluster_len = 0;    /* out->len where the last character that is not a mark starts */

  if (text == NULL)
    return g_strdup ("");

  end = text + strlen (text);
  out = g_string_sized_new (end - text);
  for (const char *p = text; p < end;)
    {
      char piece[16];
      gsize piece_chars = 1;
      gboolean mark = FALSE;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_snprintf (piece, sizeof piece, "\\x{%02X}", (guint) (guchar) *p);
          piece_chars = strlen (piece);
          next = p + 1;
        }
      else if (needs_display_escape (c))
        {
          g_snprintf (piece, sizeof piece, "\\u{%04X}", (guint) c);
          piece_chars = strlen (piece);
          next = g_utf8_next_char (p);
        }
      else
        {
          next = g_utf8_next_char (p);
          memcpy (piece, p, next - p);
          piece[next - p] = '\0';
          mark = is_mark (c);
        }

      if (max_chars >= 0 && n_chars + piece_chars > (gsize) max_chars)
        {
          /* Never keep a letter without the marks that follow it. */
          if (mark)
            g_string_truncate (out, cluster_len);
          g_string_append (out, "…");
          break;
        }

      if (!mark)
        cluster_len = out->len;
      g_string_append (out, piece);
      n_chars += piece_chars;
      p = next;
    }

  return g_string_free (out, FALSE);
}

/*
 * Matching typed words against a record's text
 */

struct _DnTextMatch
{
  GPtrArray *words;  /* folded, none empty */
};

DnTextMatch *
dn_text_match_new (const char *typed)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = NULL;
  DnTextMatch *match;
  const char *start = NULL;

  if (typed == NULL || (folded = dn_text_fold (typed, -1)) == NULL)
    return NULL;
  words = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gboolean space = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (!space && start == NULL)
        start = p;
      else if (space && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  if (words->len == 0)
    return NULL;
  match = g_new0 (DnTextMatch, 1);
  match->words = g_steal_pointer (&words);
  return match;
}

void
dn_text_match_free (DnTextMatch *match)
{
  if (match == NULL)
    return;
  g_ptr_array_unref (match->words);
  g_free (match);
}

gboolean
dn_text_match_folded (const DnTextMatch *match,
                      const char        *folded)
{
  if (match == NULL)
    return TRUE;
  if (folded == NULL)
    folded = "";
  for (guint i = 0; i < match->words->len; i++)
    if (strstr (folded, match->words->pdata[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
dn_text_match_text (const DnTextMatch *match,
                    const char        *text)
{
  g_autofree char *folded = NULL;

  if (match == NULL)
    return TRUE;
  folded = dn_text_fold (text != NULL ? text : "", -1);
  return folded != NULL && dn_text_match_folded (match, folded);
}

gboolean
dn_text_match_equal (const DnTextMatch *a,
                     const DnTextMatch *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->words->len != b->words->len)
    return FALSE;
  for (guint i = 0; i < a->words->len; i++)
    if (!g_str_equal (a->words->pdata[i], b->words->pdata[i]))
      return FALSE;
  return TRUE;
}

gboolean
dn_text_matches (const char *typed,
                 const char *text)
{
  g_autoptr(DnTextMatch) match = dn_text_match_new (typed);

  return dn_text_match_text (match, text);
}
