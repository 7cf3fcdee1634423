/* test-amount.c: sums of money as Vietnamese offices write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-amount"

#include "config.h"

#include <locale.h>

#include "dn-amount.h"

static void
check_digits (gint64      amount,
              const char *expected)
{
  g_autofree char *text = dn_format_amount_digits (amount);

  g_assert_cmpstr (text, ==, expected);
}

/* Groups of three with dots, whatever the locale's own grouping. */
static void
test_digits (void)
{
  check_digits (0, "0");
  check_digits (7, "7");
  check_digits (999, "999");
  check_digits (1000, "1.000");
  check_digits (25000, "25.000");
  check_digits (1234567, "1.234.567");
  check_digits (100000000, "100.000.000");
  check_digits (-1234, "-1.234");
  check_digits (G_MAXINT64, "9.223.372.036.854.775.807");
  check_digits (G_MININT64, "-9.223.372.036.854.775.808");
}

/* Đồng by the translated word (English: VND), other currencies by code. */
static void
test_format (void)
{
  g_autofree char *vnd = dn_format_amount (1234567, "VND");
  g_autofree char *none = dn_format_amount (500000, NULL);
  g_autofree char *usd = dn_format_amount (25000, "USD");
  g_autofree char *krw = dn_format_amount (1000000, "KRW");

  g_assert_cmpstr (vnd, ==, "1.234.567 VND");
  g_assert_cmpstr (none, ==, "500.000 VND");
  g_assert_cmpstr (usd, ==, "25.000 USD");
  g_assert_cmpstr (krw, ==, "1.000.000 KRW");
}

static void
test_parse (void)
{
  static const struct { const char *text; gint64 value; } good[] = {
    { "0", 0 }, { "1234567", 1234567 }, { "1.234.567", 1234567 }, { "1 234 567", 1234567 },
    { "1,234,567", 1234567 }, { " 25.000 ", 25000 }, { "999", 999 }, { "12.000", 12000 },
  };
  static const char *bad[] = {
    "", " ", "-5", "+5", "1.5", "12.34.567", "1.2345", "1234.567", "1.234,567", "1..234", "1.", "abc",
    "1 234.567", "1e6", "1234567890123456789",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 value = -1;

      g_assert_true (dn_parse_amount (good[i].text, &value));
      g_assert_cmpint (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 value = -7;

      if (dn_parse_amount (bad[i], &value))
        g_error ("“%s” read as %" G_GINT64_FORMAT, bad[i], value);
      g_assert_cmpint (value, ==, -7);
    }
  /* what is written reads back */
  for (gint64 v = 1; v < G_MAXINT64 / 10; v = v * 10 + 3)
    {
      g_autofree char *text = dn_format_amount_digits (v);
      gint64 back = -1;

      g_assert_true (dn_parse_amount (text, &back));
      g_assert_cmpint (back, ==, v);
    }
}

static void
test_currency (void)
{
  g_assert_true (dn_currency_is_valid ("VND"));
  g_assert_true (dn_currency_is_valid ("USD"));
  g_assert_false (dn_currency_is_valid ("usd"));
  g_assert_false (dn_currency_is_valid ("US"));
  g_assert_false (dn_currency_is_valid ("USDX"));
  g_assert_false (dn_currency_is_valid ("Đ12"));
  g_assert_false (dn_currency_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amount/digits", test_digits);
  g_test_add_func ("/amount/format", test_format);
  g_test_add_func ("/amount/parse", test_parse);
  g_test_add_func ("/amount/currency", test_currency);
  return g_test_run ();
}
