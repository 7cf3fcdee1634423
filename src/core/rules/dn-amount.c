/* dn-amount.c: sums of money as Vietnamese offices write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-amount"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-amount.h"

char *
dn_format_amount_digits (gint64 amount)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  guint64 magnitude;
  gsize n;

  /* G_MININT64 has no positive counterpart in gint64 */
  magnitude = amount < 0 ? (guint64) (-(amount + 1)) + 1 : (guint64) amount;
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  n = strlen (digits);
  if (amount < 0)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
dn_format_amount (gint64      amount,
                  const char *currency)
{
  g_autofree char *digits = dn_format_amount_digits (amount);

  if (currency == NULL || currency[0] == '\0' || g_str_equal (currency, "VND"))
    /* TRANSLATORS: an amount in Vietnamese đồng; %s is "1.234.567" */
    return g_strdup_printf (C_("amount", "%s VND"), digits);
  return g_strdup_printf ("%s %s", digits, currency);
}

gboolean
dn_parse_amount (const char *text,
                 gint64     *out)
{
  guint64 value = 0;
  guint n_digits = 0;
  guint group = 0;       /* digits since the last separator */
  gboolean grouped = FALSE;
  char separator = 0;
  const char *p;

  g_return_val_if_fail (out != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++n_digits > 18)
            return FALSE;
          value = value * 10 + (guint64) (*p - '0');
          group++;
        }
      else if ((*p == '.' || *p == ',' || *p == ' ') && n_digits > 0)
        {
          /* trailing white space ends the number */
          if (*p == ' ' && p[strspn (p, " ")] == '\0')
            break;
          /* one kind of separator, between groups of three */
          if ((separator != 0 && *p != separator) || (grouped && group != 3) || group > 3 ||
              !g_ascii_isdigit (p[1]))
            return FALSE;
          separator = *p;
          grouped = TRUE;
          group = 0;
        }
      else
        return FALSE;
    }
  if (n_digits == 0 || (grouped && group != 3))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

gboolean
dn_currency_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}
