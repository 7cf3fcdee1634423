/* test-date.c: tests for dn-date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "dn-date.h"

static void
date_set (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_dmy (const GDate *date,
            int          day,
            int          month,
            int          year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static void
test_parse_iso (void)
{
  GDate date;
  static const char * const bad[] = {
    "", "2024", "2024-6-30", "2024-06-3", "24-06-30", "2024/06/30",
    "2024-06-30 ", " 2024-06-30", "2024-06-30x", "2024-13-01", "2024-00-10",
    "2024-06-00", "2024-06-31", "2023-02-29", "1899-12-31", "2201-01-01",
    "20240-06-30", "+024-06-30", "2024-+6-30", "2024-06--1",
  };
  gsize i;

  g_date_clear (&date, 1);
  g_assert_true (dn_date_parse_iso ("2024-06-30", &date));
  assert_dmy (&date, 30, 6, 2024);
  g_assert_true (dn_date_parse_iso ("2024-02-29", &date));
  assert_dmy (&date, 29, 2, 2024);
  g_assert_true (dn_date_parse_iso ("1900-01-01", &date));
  assert_dmy (&date, 1, 1, 1900);
  g_assert_true (dn_date_parse_iso ("2200-12-31", &date));
  assert_dmy (&date, 31, 12, 2200);

  /* validation only */
  g_assert_true (dn_date_parse_iso ("2000-02-29", NULL));
  g_assert_false (dn_date_parse_iso ("1900-02-29", NULL));
  g_assert_false (dn_date_parse_iso (NULL, NULL));

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      date_set (&date, 1, 1, 2000);
      if (dn_date_parse_iso (bad[i], &date))
        g_error ("accepted \"%s\"", bad[i]);
      /* a failed parse leaves @out alone */
      assert_dmy (&date, 1, 1, 2000);
    }
}

static void
test_parse_user (void)
{
  static const struct
  {
    const char *text;
    int day, month, year;
  } good[] = {
    { "30/6/2024", 30, 6, 2024 },
    { "30/06/2024", 30, 6, 2024 },
    { "30-6-2024", 30, 6, 2024 },
    { "30.6.2024", 30, 6, 2024 },
    { "2024-06-30", 30, 6, 2024 },
    { "  1/1/2020\t", 1, 1, 2020 },
    { "01/01/2020", 1, 1, 2020 },
    { "29/2/2024", 29, 2, 2024 },
    { "31/12/2200", 31, 12, 2200 },
    { "1.1.1900", 1, 1, 1900 },
  };
  static const char * const bad[] = {
    "", "   ", "31/4/2024", "29/2/2023", "29/02/1900", "1/1/1899", "1/1/2201",
    "30/6/2024x", "30/6/2024 abc", "30/6/24", "30/6/024", "30/6/20245",
    "30/6-2024", "30.6/2024", "30 6 2024", "32/1/2024", "0/1/2024",
    "1/13/2024", "1/0/2024", "001/1/2024", "1/001/2024", "2024-02-30",
    "2024-6-30-1", "30/6/", "/6/2024", "2024-06", "ngày 30/6/2024",
  };
  GDate date;
  gsize i;

  g_date_clear (&date, 1);
  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (!dn_date_parse_user (good[i].text, &date))
        g_error ("rejected \"%s\"", good[i].text);
      assert_dmy (&date, good[i].day, good[i].month, good[i].year);
      g_assert_true (dn_date_parse_user (good[i].text, NULL));
    }

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    if (dn_date_parse_user (bad[i], &date))
      g_error ("accepted \"%s\"", bad[i]);

  g_assert_false (dn_date_parse_user (NULL, &date));
}

static void
test_format_iso_short (void)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *shrt = NULL;
  g_autofree char *iso2 = NULL;
  g_autofree char *shrt2 = NULL;
  GDate back;

  date_set (&date, 5, 1, 2020);
  iso = dn_date_format_iso (&date);
  shrt = dn_date_format_short (&date);
  g_assert_cmpstr (iso, ==, "2020-01-05");
  g_assert_cmpstr (shrt, ==, "05/01/2020");

  date_set (&date, 30, 12, 1999);
  iso2 = dn_date_format_iso (&date);
  shrt2 = dn_date_format_short (&date);
  g_assert_cmpstr (iso2, ==, "1999-12-30");
  g_assert_cmpstr (shrt2, ==, "30/12/1999");

  /* both formats parse back to the same date */
  g_date_clear (&back, 1);
  g_assert_true (dn_date_parse_iso (iso2, &back));
  g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
  g_assert_true (dn_date_parse_user (shrt2, &back));
  g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
}

/* The interface's forms, untranslated (the tests run in C.UTF-8). */
static void
test_format_long (void)
{
  GDate date;
  g_autofree char *december = NULL;
  g_autofree char *january = NULL;
  g_autofree char *q1 = NULL;
  g_autofree char *q4 = NULL;

  date_set (&date, 7, 12, 2026);
  december = dn_date_format_long (&date);
  g_assert_cmpstr (december, ==, "December 7, 2026");
  date_set (&date, 31, 1, 2024);
  january = dn_date_format_long (&date);
  g_assert_cmpstr (january, ==, "January 31, 2024");
  q1 = dn_date_format_quarter_label (2024, 1);
  q4 = dn_date_format_quarter_label (2026, 4);
  g_assert_cmpstr (q1, ==, "Q1 2024");
  g_assert_cmpstr (q4, ==, "Q4 2026");

  /* documents keep the Vietnamese forms */
  g_clear_pointer (&q4, g_free);
  q4 = dn_date_format_quarter (2026, 4);
  g_assert_cmpstr (q4, ==, "Quý IV/2026");
}

static void
test_format_official (void)
{
  static const struct
  {
    const char *place;
    int day, month, year;
    const char *expected;
  } cases[] = {
    { "Lào Cai", 17, 9, 2018, "Lào Cai, ngày 17 tháng 9 năm 2018" },
    { "Hà Nội", 5, 1, 2020, "Hà Nội, ngày 05 tháng 01 năm 2020" },
    { NULL, 10, 2, 2024, "ngày 10 tháng 02 năm 2024" },
    { NULL, 15, 12, 2024, "ngày 15 tháng 12 năm 2024" },
    { "", 1, 3, 2024, "ngày 01 tháng 3 năm 2024" },
    { "Đà Nẵng", 9, 10, 2023, "Đà Nẵng, ngày 09 tháng 10 năm 2023" },
    { "TP. Hồ Chí Minh", 31, 10, 2025, "TP. Hồ Chí Minh, ngày 31 tháng 10 năm 2025" },
    { NULL, 28, 2, 2023, "ngày 28 tháng 02 năm 2023" },
    { NULL, 30, 11, 2023, "ngày 30 tháng 11 năm 2023" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *text = NULL;

      date_set (&date, cases[i].day, cases[i].month, cases[i].year);
      text = dn_date_format_official (cases[i].place, &date);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_periods (void)
{
  static const char * const quarters[] = {
    "Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024",
  };
  g_autofree char *s1 = dn_date_format_semester (2018, 1);
  g_autofree char *s2 = dn_date_format_semester (2018, 2);
  g_autofree char *y = dn_date_format_school_year (2018);
  int q;

  for (q = 1; q <= 4; q++)
    {
      g_autofree char *text = dn_date_format_quarter (2024, q);

      g_assert_cmpstr (text, ==, quarters[q - 1]);
    }

  g_assert_cmpstr (s1, ==, "Học kỳ I năm học 2018-2019");
  g_assert_cmpstr (s2, ==, "Học kỳ II năm học 2018-2019");
  g_assert_cmpstr (y, ==, "Năm học 2018-2019");
}

static void
test_periods_of_date (void)
{
  static const struct
  {
    int day, month, year;
    int quarter, school_year, semester;
  } cases[] = {
    { 1, 1, 2024, 1, 2023, 1 },
    { 15, 1, 2024, 1, 2023, 1 },
    { 16, 1, 2024, 1, 2023, 2 },
    { 31, 3, 2024, 1, 2023, 2 },
    { 1, 4, 2024, 2, 2023, 2 },
    { 30, 6, 2024, 2, 2023, 2 },
    { 1, 7, 2024, 3, 2023, 2 },
    { 31, 8, 2024, 3, 2023, 2 },
    { 1, 9, 2024, 3, 2024, 1 },
    { 30, 9, 2024, 3, 2024, 1 },
    { 1, 10, 2024, 4, 2024, 1 },
    { 31, 12, 2024, 4, 2024, 1 },
    { 1, 3, 2019, 1, 2018, 2 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      date_set (&date, cases[i].day, cases[i].month, cases[i].year);
      g_assert_cmpint (dn_date_get_quarter (&date), ==, cases[i].quarter);
      g_assert_cmpint (dn_date_get_school_year (&date), ==, cases[i].school_year);
      g_assert_cmpint (dn_date_get_semester (&date), ==, cases[i].semester);
    }
}

/* The date in UTC+7 computed another way: UTC plus seven hours. */
static void
today_by_utc (GDate *out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) vn = g_date_time_add_hours (utc, 7);

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (vn),
                  (GDateMonth) g_date_time_get_month (vn),
                  (GDateYear) g_date_time_get_year (vn));
}

static void
check_today (void)
{
  GDate before, today, after;

  today_by_utc (&before);
  dn_date_today (&today);
  today_by_utc (&after);

  /* allow for midnight passing between the calls */
  g_assert_true (g_date_valid (&today));
  g_assert_true (g_date_compare (&today, &before) == 0 ||
                 g_date_compare (&today, &after) == 0);
}

static void
test_today (void)
{
  const char *old_tz = g_getenv ("TZ");
  g_autofree char *saved = g_strdup (old_tz);
  static const char * const zones[] = {
    "UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12",
  };
  gsize i;

  check_today ();

  /* whatever the machine's time zone */
  for (i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_setenv ("TZ", zones[i], TRUE);
      check_today ();
    }

  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
}

static void
test_from_unix (void)
{
  static const struct
  {
    gint64 unix_time;
    int day, month, year;
  } cases[] = {
    { 0, 1, 1, 1970 },                  /* 07:00 in Hà Nội */
    { 1719768599, 1, 7, 2024 },         /* 2024-06-30 17:29:59 UTC */
    { 1719766799, 30, 6, 2024 },        /* 2024-06-30 16:59:59 UTC: 23:59:59 */
    { 1719766800, 1, 7, 2024 },         /* 2024-06-30 17:00:00 UTC: midnight */
    { 1704042000, 1, 1, 2024 },         /* 2023-12-31 17:00:00 UTC */
    { 1704041999, 31, 12, 2023 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      dn_date_from_unix (cases[i].unix_time, &date);
      assert_dmy (&date, cases[i].day, cases[i].month, cases[i].year);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-iso", test_parse_iso);
  g_test_add_func ("/date/parse-user", test_parse_user);
  g_test_add_func ("/date/format-iso-short", test_format_iso_short);
  g_test_add_func ("/date/format-official", test_format_official);
  g_test_add_func ("/date/format-long", test_format_long);
  g_test_add_func ("/date/format-periods", test_format_periods);
  g_test_add_func ("/date/periods-of-date", test_periods_of_date);
  g_test_add_func ("/date/from-unix", test_from_unix);
  g_test_add_func ("/date/today", test_today);

  return g_test_run ();
}
