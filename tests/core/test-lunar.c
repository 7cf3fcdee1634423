/* test-lunar.c: tests for dn-lunar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lunar"

#include "config.h"

#include "dn-lunar.h"

static void
date_set (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
lunar_to_string (const DnLunarDate *l)
{
  return g_strdup_printf ("%d/%d%s/%d", l->day, l->month, l->leap ? " nhuận" : "",
                          l->year);
}

static char *
solar_to_string (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (d),
                          (guint) g_date_get_month (d), (guint) g_date_get_day (d));
}

/* Checks both directions: solar d/m/y ↔ lunar ld/lm(leap)/ly. */
static void
assert_pair (int      day,
             int      month,
             int      year,
             int      lday,
             int      lmonth,
             gboolean leap,
             int      lyear)
{
  GDate solar, back;
  DnLunarDate lunar = { 0, 0, 0, FALSE };
  DnLunarDate expected = { lday, lmonth, lyear, leap };

  date_set (&solar, day, month, year);
  dn_lunar_from_solar (&solar, &lunar);
  if (lunar.day != lday || lunar.month != lmonth || !lunar.leap != !leap ||
      lunar.year != lyear)
    {
      g_autofree char *s = solar_to_string (&solar);
      g_autofree char *got = lunar_to_string (&lunar);
      g_autofree char *want = lunar_to_string (&expected);

      g_error ("%s: got lunar %s, expected %s", s, got, want);
    }

  g_date_clear (&back, 1);
  g_assert_true (dn_lunar_to_solar (&expected, &back));
  g_assert_cmpint (g_date_compare (&back, &solar), ==, 0);
}

static void
test_tet (void)
{
  static const struct
  {
    int day, month, year;
  } tet[] = {
    { 31, 1, 1900 },
    { 29, 1, 1968 },   /* China (UTC+8): 30 January */
    { 21, 1, 1985 },   /* China (UTC+8): 20 February */
    { 5, 2, 2000 },
    { 16, 2, 2018 },
    { 5, 2, 2019 },
    { 25, 1, 2020 },
    { 12, 2, 2021 },
    { 1, 2, 2022 },
    { 22, 1, 2023 },
    { 10, 2, 2024 },
    { 29, 1, 2025 },
    { 17, 2, 2026 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (tet); i++)
    {
      GDate eve;
      DnLunarDate lunar;

      assert_pair (tet[i].day, tet[i].month, tet[i].year, 1, 1, FALSE, tet[i].year);

      /* the day before is the last day (29 or 30) of month 12 */
      date_set (&eve, tet[i].day, tet[i].month, tet[i].year);
      g_date_subtract_days (&eve, 1);
      dn_lunar_from_solar (&eve, &lunar);
      g_assert_cmpint (lunar.month, ==, 12);
      g_assert_false (lunar.leap);
      g_assert_cmpint (lunar.year, ==, tet[i].year - 1);
      g_assert_cmpint (lunar.day, >=, 29);
    }

  /* The Vietnamese and Chinese calendars part: in Vietnam these days are
   * not Tết. */
  assert_pair (30, 1, 1968, 2, 1, FALSE, 1968);
  assert_pair (20, 2, 1985, 1, 2, FALSE, 1985);
  assert_pair (20, 1, 1985, 30, 12, FALSE, 1984);
}

static void
test_gio_to (void)
{
  assert_pair (18, 4, 2024, 10, 3, FALSE, 2024);
  assert_pair (7, 4, 2025, 10, 3, FALSE, 2025);
  assert_pair (29, 4, 2023, 10, 3, FALSE, 2023);
}

static void
test_known_dates (void)
{
  assert_pair (1, 1, 2000, 25, 11, FALSE, 1999);
  /* months 11 and 12 before Tết belong to the previous lunar year */
  assert_pair (15, 1, 2024, 5, 12, FALSE, 2023);
  assert_pair (30, 1, 1900, 30, 12, FALSE, 1899);
  assert_pair (9, 3, 2024, 29, 1, FALSE, 2024);
  assert_pair (10, 3, 2024, 1, 2, FALSE, 2024);
}

/* Months whose first day hangs on seconds: a new moon or a major solar term
 * within a minute of midnight UTC+7 (checked against ELP 2000 / VSOP87). */
static void
test_close_calls (void)
{
  /* new moon 1967-07-07 17:00:03 UT: 00:00:03 on 8 July in UTC+7 */
  assert_pair (7, 7, 1967, 30, 5, FALSE, 1967);
  assert_pair (8, 7, 1967, 1, 6, FALSE, 1967);
  /* new moon 1944-06-20 16:59:35 UT: 23:59:35 in UTC+7, so month 5 begins
   * on 20 June (Hồ Ngọc Đức's shorter series gives 21 June) */
  assert_pair (20, 6, 1944, 1, 5, FALSE, 1944);
  /* autumn equinox 1938-09-23 at 23:59:34 UTC+7 falls in month 8, so the
   * month from 24 September has no major term: leap month 8 (a minute later
   * and month 7 would have been the leap month) */
  assert_pair (23, 9, 1938, 30, 8, FALSE, 1938);
  assert_pair (24, 9, 1938, 1, 8, TRUE, 1938);
}

static void
test_leap_months (void)
{
  /* 2023: month 2 and a leap month 2 */
  assert_pair (20, 2, 2023, 1, 2, FALSE, 2023);
  assert_pair (21, 3, 2023, 30, 2, FALSE, 2023);
  assert_pair (22, 3, 2023, 1, 2, TRUE, 2023);
  assert_pair (20, 4, 2023, 1, 3, FALSE, 2023);

  /* 2020: leap month 4 */
  assert_pair (23, 4, 2020, 1, 4, FALSE, 2020);
  assert_pair (22, 5, 2020, 30, 4, FALSE, 2020);
  assert_pair (23, 5, 2020, 1, 4, TRUE, 2020);
  assert_pair (21, 6, 2020, 1, 5, FALSE, 2020);

  /* 2033: leap month 11, after the month of the solstice */
  assert_pair (22, 12, 2033, 1, 11, TRUE, 2033);
}

/* The leap month of each lunar year 2000–2040 (0: none). */
static void
test_leap_month_table (void)
{
  static const int leap[] = {
    /* 2000 */ 0, 4, 0, 0, 2, 0, 7, 0, 0, 5,
    /* 2010 */ 0, 0, 4, 0, 9, 0, 0, 6, 0, 0,
    /* 2020 */ 4, 0, 0, 2, 0, 6, 0, 0, 5, 0,
    /* 2030 */ 0, 3, 0, 11, 0, 0, 6, 0, 0, 5,
    /* 2040 */ 0,
  };
  GDate date, end;
  int found[G_N_ELEMENTS (leap)] = { 0 };
  int months[G_N_ELEMENTS (leap)] = { 0 };
  gsize i;

  date_set (&date, 1, 1, 2000);
  date_set (&end, 31, 12, 2041);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    {
      DnLunarDate lunar;
      int index;

      dn_lunar_from_solar (&date, &lunar);
      index = lunar.year - 2000;
      if (lunar.day != 1 || index < 0 || index >= (int) G_N_ELEMENTS (leap))
        continue;
      months[index]++;
      if (lunar.leap)
        {
          g_assert_cmpint (found[index], ==, 0);
          found[index] = lunar.month;
        }
    }

  for (i = 0; i < G_N_ELEMENTS (leap); i++)
    {
      if (found[i] != leap[i])
        g_error ("lunar year %d: leap month %d, expected %d",
                 (int) i + 2000, found[i], leap[i]);
      g_assert_cmpint (months[i], ==, leap[i] != 0 ? 13 : 12);
    }
}

static void
test_invalid (void)
{
  static const DnLunarDate bad[] = {
    { 1, 2, 2024, TRUE },    /* 2024 has no leap month */
    { 1, 3, 2023, TRUE },    /* 2023's leap month is 2 */
    { 1, 4, 2023, TRUE },
    { 30, 1, 2024, FALSE },  /* month 1 of 2024 has 29 days */
    { 0, 1, 2024, FALSE },
    { 31, 1, 2024, FALSE },
    { -1, 1, 2024, FALSE },
    { 1, 0, 2024, FALSE },
    { 1, 13, 2024, FALSE },
    { 1, -3, 2024, FALSE },
    { 1, 1, 0, FALSE },
    { 1, 1, -5, FALSE },
    { 1, 1, 70000, FALSE },
    { 29, 12, 65535, FALSE }, /* would be in solar year 65536 */
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;

      date_set (&date, 1, 1, 2000);
      if (dn_lunar_to_solar (&bad[i], &date))
        {
          g_autofree char *s = lunar_to_string (&bad[i]);

          g_error ("accepted lunar date %s", s);
        }
      g_assert_cmpint (g_date_get_julian (&date), ==, 730120);  /* untouched */
      g_assert_false (dn_lunar_to_solar (&bad[i], NULL));
    }

  {
    /* the valid neighbours of two of them */
    DnLunarDate ok1 = { 29, 1, 2024, FALSE };
    DnLunarDate ok2 = { 30, 2, 2023, TRUE };
    GDate date;

    g_date_clear (&date, 1);
    g_assert_true (dn_lunar_to_solar (&ok1, NULL));
    g_assert_true (dn_lunar_to_solar (&ok1, &date));
    g_assert_cmpint (g_date_get_day (&date), ==, 9);
    g_assert_cmpint (g_date_get_month (&date), ==, 3);
    /* leap month 2 of 2023 runs from 22/3 to 19/4: 29 days */
    g_assert_false (dn_lunar_to_solar (&ok2, NULL));
    ok2.day = 29;
    g_assert_true (dn_lunar_to_solar (&ok2, &date));
    g_assert_cmpint (g_date_get_day (&date), ==, 19);
    g_assert_cmpint (g_date_get_month (&date), ==, 4);
  }
}

/* Every day of 1900-01-31 … 2199-12-31: the lunar date converts back to the
 * same day, and consecutive days make a well-formed calendar. */
static void
test_round_trip (void)
{
  GDate date, end;
  DnLunarDate prev = { 0, 0, 0, FALSE };
  int months_in_year = 0;
  guint days = 0;

  date_set (&date, 31, 1, 1900);
  date_set (&end, 31, 12, 2199);

  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1), days++)
    {
      DnLunarDate lunar;
      GDate back;

      dn_lunar_from_solar (&date, &lunar);

      g_date_clear (&back, 1);
      if (!dn_lunar_to_solar (&lunar, &back) || g_date_compare (&back, &date) != 0)
        {
          g_autofree char *s = solar_to_string (&date);
          g_autofree char *l = lunar_to_string (&lunar);

          g_error ("%s → %s does not convert back", s, l);
        }

      g_assert_cmpint (lunar.day, >=, 1);
      g_assert_cmpint (lunar.day, <=, 30);
      g_assert_cmpint (lunar.month, >=, 1);
      g_assert_cmpint (lunar.month, <=, 12);

      if (days == 0)
        {
          /* lunar year 1900 begins on 31 January 1900 */
          g_assert_cmpint (lunar.day, ==, 1);
          g_assert_cmpint (lunar.month, ==, 1);
          g_assert_cmpint (lunar.year, ==, 1900);
          months_in_year = 1;
        }
      else if (lunar.day != 1)
        {
          /* same month, next day */
          g_assert_cmpint (lunar.day, ==, prev.day + 1);
          g_assert_cmpint (lunar.month, ==, prev.month);
          g_assert_cmpint (lunar.leap, ==, prev.leap);
          g_assert_cmpint (lunar.year, ==, prev.year);
        }
      else
        {
          DnLunarDate day30 = prev;

          /* a month has 29 or 30 days, and day 30 exists only if so */
          g_assert_cmpint (prev.day, >=, 29);
          day30.day = 30;
          g_assert_cmpint (dn_lunar_to_solar (&day30, NULL), ==, prev.day == 30);

          if (lunar.leap)
            {
              /* a leap month follows the month of the same number */
              g_assert_false (prev.leap);
              g_assert_cmpint (lunar.month, ==, prev.month);
              g_assert_cmpint (lunar.year, ==, prev.year);
              months_in_year++;
            }
          else if (prev.month == 12)
            {
              g_assert_cmpint (lunar.month, ==, 1);
              g_assert_cmpint (lunar.year, ==, prev.year + 1);
              g_assert_true (months_in_year == 12 || months_in_year == 13);
              months_in_year = 1;
            }
          else
            {
              g_assert_cmpint (lunar.month, ==, prev.month + 1);
              g_assert_cmpint (lunar.year, ==, prev.year);
              months_in_year++;
            }
        }
      prev = lunar;
    }

  g_assert_cmpuint (days, ==, 109543);
}

/* Conversions outside 1900–2199 still give a consistent answer. */
static void
test_far_dates (void)
{
  static const int years[] = { 1, 2, 1000, 1800, 2500, 9999, 65535 };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (years); i++)
    {
      GDate date, back;
      DnLunarDate lunar;

      date_set (&date, 15, 6, years[i]);
      dn_lunar_from_solar (&date, &lunar);
      g_assert_cmpint (lunar.year, ==, years[i]);
      g_date_clear (&back, 1);
      g_assert_true (dn_lunar_to_solar (&lunar, &back));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
    }
}

static gpointer
thread_convert (gpointer data)
{
  int year = GPOINTER_TO_INT (data);
  GDate date;
  DnLunarDate lunar;
  int n;

  /* years not yet in the cache, so the threads race to fill it */
  for (n = 0; n < 50; n++)
    {
      GDate back;

      date_set (&date, 1, 3, year + n);
      dn_lunar_from_solar (&date, &lunar);
      g_date_clear (&back, 1);
      if (!dn_lunar_to_solar (&lunar, &back) || g_date_compare (&back, &date) != 0)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[4];
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lunar", thread_convert, GINT_TO_POINTER (2300));
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lunar/tet", test_tet);
  g_test_add_func ("/lunar/gio-to", test_gio_to);
  g_test_add_func ("/lunar/known-dates", test_known_dates);
  g_test_add_func ("/lunar/close-calls", test_close_calls);
  g_test_add_func ("/lunar/leap-months", test_leap_months);
  g_test_add_func ("/lunar/leap-month-table", test_leap_month_table);
  g_test_add_func ("/lunar/invalid", test_invalid);
  g_test_add_func ("/lunar/round-trip", test_round_trip);
  g_test_add_func ("/lunar/far-dates", test_far_dates);
  g_test_add_func ("/lunar/threads", test_threads);

  return g_test_run ();
}
