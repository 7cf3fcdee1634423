/* dn-text-collate.c: Vietnamese text: collation keys, person keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-text"

#include "config.h"

#include "dn-text.h"
#include "dn-text-private.h"

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

/* Letters, numbers and private-use characters of scripts we do not know get
 * the fallback weight after z; everything else counts as a symbol. */
static gboolean
is_fallback_letter (gunichar c)
{
  return is_word_char (c) || is_mark (c);
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
