/* dn-text.c: Vietnamese text: normalisation, search folding, collation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-text"

#include "config.h"

#include "dn-text.h"

#include <stdlib.h>
#include <string.h>

/* Collation key layout
 * ====================
 *
 *   key = L1 0x01 L2 0x01 L3
 *
 * The input is decomposed (NFD) and cut into clusters: one base character
 * followed by its combining marks.  Every cluster contributes one unit to
 * each level.
 *
 * L1 (letters).  One unit per cluster:
 *   0x02                white space (any kind)
 *   0x03 … 0x22         ASCII punctuation, in ASCII order
 *   0x23 E(cp)          any other non-letter, non-digit (symbols, controls,
 *                       non-ASCII punctuation), by code point
 *   0x24 … 0x2d         digits 0 … 9 (any script's decimal digits)
 *   0x30 … 0x50         the Vietnamese alphabet a ă â b c d đ e ê f g h i j k
 *                       l m n o ô ơ p q r s t u ư v w x y z; ă â ê ô ơ ư are
 *                       letters a/e/o/u with breve, circumflex or horn
 *   0x60 E(lower(cp))   any other letter or number (other scripts, ß, ø …)
 *
 * L2 (tones).  One unit per cluster: a tone byte, 0x02 none, 0x03 huyền
 *   (grave), 0x04 hỏi (hook above), 0x05 ngã (tilde), 0x06 sắc (acute),
 *   0x07 nặng (dot below); followed by E(mark) for every combining mark that
 *   is neither the tone nor the vowel-quality mark already counted in L1
 *   (e.g. the diaeresis of "ü").
 *
 * L3 (case).  One byte per cluster: 0x02 lower case or caseless, 0x03 upper
 *   or title case, 0x04 variant (non-ASCII white space or digit).
 *
 * E(cp) is three bytes 0x80|bits 20…14, 0x80|bits 13…7, 0x80|bits 6…0: fixed
 * length, order preserving, never below 0x80.
 *
 * No byte of a key is 0x00, so keys can be joined with 0x00 and still compare
 * field by field, and the key is NUL-terminated for convenience.  0x01 only
 * appears as the level separator and is lower than every unit byte, so a
 * string sorts before every longer string it is a prefix of ("An" < "Anh").
 * Two keys are never proper prefixes of one another unless they are equal.
 */

enum
{
  KEY_SEPARATOR   = 0x01,

  L1_SPACE        = 0x02,
  L1_PUNCT_FIRST  = 0x03,
  L1_SYMBOL       = 0x23,
  L1_DIGIT_FIRST  = 0x24,
  L1_LETTER_FIRST = 0x30,
  L1_FALLBACK     = 0x60,

  L2_TONE_NONE    = 0x02,

  L3_LOWER        = 0x02,
  L3_UPPER        = 0x03,
  L3_VARIANT      = 0x04,
};

/* ASCII punctuation in ASCII order: 32 characters, 0x03 … 0x22. */
static const char ascii_punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/* Index in the Vietnamese alphabet of the plain letters a … z. */
static const guint8 latin_index[26] = {
  /* a */ 0, /* b */ 3, /* c */ 4, /* d */ 5, /* e */ 7, /* f */ 9,
  /* g */ 10, /* h */ 11, /* i */ 12, /* j */ 13, /* k */ 14, /* l */ 15,
  /* m */ 16, /* n */ 17, /* o */ 18, /* p */ 21, /* q */ 22, /* r */ 23,
  /* s */ 24, /* t */ 25, /* u */ 26, /* v */ 28, /* w */ 29, /* x */ 30,
  /* y */ 31, /* z */ 32,
};

#define LATIN_SMALL_D_WITH_STROKE   0x0111
#define LATIN_CAPITAL_D_WITH_STROKE 0x0110

#define COMBINING_GRAVE      0x0300
#define COMBINING_ACUTE      0x0301
#define COMBINING_CIRCUMFLEX 0x0302
#define COMBINING_TILDE      0x0303
#define COMBINING_BREVE      0x0306
#define COMBINING_HOOK_ABOVE 0x0309
#define COMBINING_HORN       0x031B
#define COMBINING_DOT_BELOW  0x0323

/* L2 weight of a Vietnamese tone mark, or 0 when @mark is not one. */
static guint8
tone_weight (gunichar mark)
{
  switch (mark)
    {
    case COMBINING_GRAVE:      return 0x03;
    case COMBINING_HOOK_ABOVE: return 0x04;
    case COMBINING_TILDE:      return 0x05;
    case COMBINING_ACUTE:      return 0x06;
    case COMBINING_DOT_BELOW:  return 0x07;
    default:                   return 0;
    }
}

/* How many places @mark moves plain letter @lower (a … z) up the Vietnamese
 * alphabet (a → ă → â, e → ê, o → ô → ơ, u → ư), or 0 when it does not. */
static guint
quality_shift (gunichar lower,
               gunichar mark)
{
  switch (mark)
    {
    case COMBINING_BREVE:
      return lower == 'a' ? 1 : 0;
    case COMBINING_CIRCUMFLEX:
      return (lower == 'a') ? 2 : (lower == 'e' || lower == 'o') ? 1 : 0;
    case COMBINING_HORN:
      return (lower == 'o') ? 2 : (lower == 'u') ? 1 : 0;
    default:
      return 0;
    }
}

static void
append_code_point (GString  *buf,
                   gunichar  cp)
{
  g_string_append_c (buf, (char) (0x80 | ((cp >> 14) & 0x7f)));
  g_string_append_c (buf, (char) (0x80 | ((cp >> 7) & 0x7f)));
  g_string_append_c (buf, (char) (0x80 | (cp & 0x7f)));
}

static inline gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Letters, numbers and private-use characters of scripts we do not know get
 * the fallback weight after z; everything else counts as a symbol. */
static gboolean
is_fallback_letter (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Appends the units of one cluster: @base followed by the marks in
 * [@marks, @marks_end). */
static void
append_cluster (GString    *l1,
                GString    *l2,
                GString    *l3,
                gunichar    base,
                const char *marks,
                const char *marks_end)
{
  gunichar lower = g_unichar_tolower (base);
  guint8 case_weight = (g_unichar_isupper (base) || g_unichar_istitle (base))
                       ? L3_UPPER : L3_LOWER;
  gboolean is_letter = (lower >= 'a' && lower <= 'z')
                       || lower == LATIN_SMALL_D_WITH_STROKE;
  guint8 tone = 0;
  const char *tone_at = NULL;
  const char *quality_at = NULL;
  guint shift = 0;
  const char *p;

  /* Pass 1: the first tone mark and the first vowel-quality mark that fits
   * the letter; canonical ordering may put either one first (ặ = a + dot
   * below + breve in NFD). */
  for (p = marks; p < marks_end; p = g_utf8_next_char (p))
    {
      gunichar m = g_utf8_get_char (p);

      if (tone_at == NULL && (tone = tone_weight (m)) != 0)
        tone_at = p;
      else if (is_letter && quality_at == NULL
               && (shift = quality_shift (lower, m)) != 0)
        quality_at = p;
    }

  /* Level 1 */
  if (is_letter)
    {
      guint index = (lower == LATIN_SMALL_D_WITH_STROKE)
                    ? latin_index['d' - 'a'] + 1u
                    : latin_index[lower - 'a'] + shift;
      g_string_append_c (l1, (char) (L1_LETTER_FIRST + index));
    }
  else if (base >= '0' && base <= '9')
    {
      g_string_append_c (l1, (char) (L1_DIGIT_FIRST + (base - '0')));
    }
  else if (g_unichar_isdigit (base) && g_unichar_digit_value (base) >= 0)
    {
      g_string_append_c (l1, (char) (L1_DIGIT_FIRST + g_unichar_digit_value (base)));
      case_weight = L3_VARIANT;
    }
  else if (g_unichar_isspace (base))
    {
      g_string_append_c (l1, L1_SPACE);
      if (base != ' ')
        case_weight = L3_VARIANT;
    }
  else if (base < 0x80 && g_ascii_ispunct ((char) base))
    {
      const char *at = strchr (ascii_punct, (int) base);

      g_assert (at != NULL);
      g_string_append_c (l1, (char) (L1_PUNCT_FIRST + (at - ascii_punct)));
    }
  else if (is_fallback_letter (base))
    {
      g_string_append_c (l1, L1_FALLBACK);
      append_code_point (l1, lower);
    }
  else
    {
      g_string_append_c (l1, L1_SYMBOL);
      append_code_point (l1, base);
    }

  /* Level 2: tone, then every mark not accounted for. */
  g_string_append_c (l2, (char) (tone_at != NULL ? tone : L2_TONE_NONE));
  for (p = marks; p < marks_end; p = g_utf8_next_char (p))
    {
      if (p != tone_at && p != quality_at)
        append_code_point (l2, g_utf8_get_char (p));
    }

  /* Level 3 */
  g_string_append_c (l3, (char) case_weight);
}

guint8 *
dn_text_collate_key (const char *text,
                     gssize      len,
                     gsize      *out_len)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfd = NULL;
  g_autoptr(GString) l1 = NULL;
  g_autoptr(GString) l2 = NULL;
  g_autoptr(GString) l3 = NULL;
  const char *p;
  guint8 *key;
  gsize key_len;

  if (text == NULL)
    {
      text = "";
      len = 0;
    }

  /* A collation must order every string: invalid bytes become U+FFFD. */
  if (!g_utf8_validate (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = -1;
    }

  nfd = g_utf8_normalize (text, len, G_NORMALIZE_NFD);
  g_assert (nfd != NULL);

  l1 = g_string_sized_new (64);
  l2 = g_string_sized_new (64);
  l3 = g_string_sized_new (64);

  p = nfd;
  while (*p != '\0')
    {
      /* The base is whatever comes first, so a mark with nothing before it
       * stands for itself. */
      gunichar base = g_utf8_get_char (p);
      const char *marks = g_utf8_next_char (p);
      const char *marks_end = marks;

      while (*marks_end != '\0' && is_mark (g_utf8_get_char (marks_end)))
        marks_end = g_utf8_next_char (marks_end);

      append_cluster (l1, l2, l3, base, marks, marks_end);
      p = marks_end;
    }

  key_len = l1->len + 1 + l2->len + 1 + l3->len;
  key = g_malloc (key_len + 1);
  memcpy (key, l1->str, l1->len);
  key[l1->len] = KEY_SEPARATOR;
  memcpy (key + l1->len + 1, l2->str, l2->len);
  key[l1->len + 1 + l2->len] = KEY_SEPARATOR;
  memcpy (key + l1->len + 1 + l2->len + 1, l3->str, l3->len);
  key[key_len] = 0;

  if (out_len != NULL)
    *out_len = key_len;

  return key;
}

int
dn_text_collate (const char *a,
                 const char *b)
{
  g_autofree guint8 *key_a = NULL;
  g_autofree guint8 *key_b = NULL;
  gsize len_a, len_b;
  int cmp;

  if (a == b)
    return 0;
  if (a == NULL)
    return -1;
  if (b == NULL)
    return 1;
  if (strcmp (a, b) == 0)
    return 0;

  key_a = dn_text_collate_key (a, -1, &len_a);
  key_b = dn_text_collate_key (b, -1, &len_b);

  cmp = memcmp (key_a, key_b, MIN (len_a, len_b));
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  return (len_a < len_b) ? -1 : (len_a > len_b) ? 1 : 0;
}

guint8 *
dn_text_person_key (const char *family_name,
                    const char *middle_name,
                    const char *given_name,
                    gsize      *out_len)
{
  const char *parts[3] = { given_name, middle_name, family_name };
  GByteArray *key = g_byte_array_sized_new (64);

  g_return_val_if_fail (out_len != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree guint8 *part = NULL;
      gsize part_len;

      if (i > 0)
        g_byte_array_append (key, (const guint8 *) "", 1);

      part = dn_text_collate_key (parts[i], -1, &part_len);
      g_byte_array_append (key, part, (guint) part_len);
    }

  *out_len = key->len;

  return g_byte_array_free (key, FALSE);
}

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

/* Same token characters as FTS5's unicode61 tokenizer by default:
 * categories L*, N* and Co. */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
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
