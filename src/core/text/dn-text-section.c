/* dn-text-section.c: the natural order of section references
 *
 * A section reference ("II.2", "III.1.1", "II.12, III.1 (Tổ chức thực
 * hiện)") is read as tokens: numbers (runs of digits, or Roman numerals
 * written in capitals with I, V and X), words (other runs of letters) and
 * reference separators ("," and ";"); other characters only separate
 * tokens. The key is made of the tokens in order:
 *
 *   number     0x02, '0' + its count of digits (leading zeros dropped),
 *              the digits: shorter numbers sort first, so 2 < 12
 *   word       0x03, the word folded (dn_text_fold()): numbers sort
 *              before words
 *   separator  0x01: "II.1" < "II.1, III.1" < "II.1.1"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-text"

#include "config.h"

#include <string.h>

#include "dn-text.h"

#define KEY_SEPARATOR 0x01
#define KEY_NUMBER    0x02
#define KEY_WORD      0x03
/* longer runs of digits are cut: the key stays text (one byte of length) */
#define MAX_DIGITS    60

static int
roman_digit (char c)
{
  switch (c)
    {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    default: return 0;
    }
}

/* The value of @word (@len bytes) as a Roman numeral written the usual way
 * ("IV", not "IIII"), from 1 to 39; 0 when it is not one. */
static int
roman_value (const char *word,
             gsize       len)
{
  static const char * const units[] = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
  static const char * const tens[] = { "", "X", "XX", "XXX" };
  char canonical[16];
  int value = 0;

  if (len == 0 || len > 8)
    return 0;
  for (gsize i = 0; i < len; i++)
    {
      int digit = roman_digit (word[i]);
      int next = i + 1 < len ? roman_digit (word[i + 1]) : 0;

      if (digit == 0)
        return 0;
      value += digit < next ? -digit : digit;
    }
  if (value < 1 || value > 39)
    return 0;
  g_snprintf (canonical, sizeof canonical, "%s%s", tens[value / 10], units[value % 10]);
  return strlen (canonical) == len && memcmp (canonical, word, len) == 0 ? value : 0;
}

static void
append_number (GString    *key,
               const char *digits,
               gsize       len)
{
  while (len > 1 && digits[0] == '0')
    {
      digits++;
      len--;
    }
  len = MIN (len, MAX_DIGITS);
  g_string_append_c (key, KEY_NUMBER);
  g_string_append_c (key, (char) ('0' + len));
  g_string_append_len (key, digits, (gssize) len);
}

char *
dn_text_section_key (const char *section)
{
  GString *key = g_string_new ("");
  g_autofree char *valid = NULL;
  const char *p;

  if (section == NULL)
    return g_string_free (key, FALSE);
  valid = g_utf8_make_valid (section, -1);
  p = valid;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;

      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p))
            p++;
          append_number (key, start, (gsize) (p - start));
        }
      else if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          int value;

          while (*p != '\0' && !g_ascii_isdigit (*p) &&
                 (g_unichar_isalpha (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
            p = g_utf8_next_char (p);
          value = roman_value (start, (gsize) (p - start));
          if (value > 0)
            {
              char digits[4];

              g_snprintf (digits, sizeof digits, "%d", value);
              append_number (key, digits, strlen (digits));
            }
          else
            {
              g_autofree char *folded = dn_text_fold (start, p - start);

              g_string_append_c (key, KEY_WORD);
              g_string_append (key, folded != NULL ? folded : "");
            }
        }
      else
        {
          /* a new reference; a separator only between two */
          if ((c == ',' || c == ';') && key->len > 0 && key->str[key->len - 1] != KEY_SEPARATOR)
            g_string_append_c (key, KEY_SEPARATOR);
          p = g_utf8_next_char (p);
        }
    }
  /* "II.1," is "II.1" */
  if (key->len > 0 && key->str[key->len - 1] == KEY_SEPARATOR)
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

int
dn_text_section_compare (const char *a,
                         const char *b)
{
  g_autofree char *ka = dn_text_section_key (a);
  g_autofree char *kb = dn_text_section_key (b);

  return strcmp (ka, kb);
}
