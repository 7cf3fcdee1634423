/* test-period.c: tests for dn-period (list filters and report periods)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-period"

#include "config.h"

#include "dn-date.h"
#include "dn-period.h"

static GDate
dmy (int day,
     int month,
     int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

/* The bounds of @period around the date @ref, as "dd/mm/yyyy-dd/mm/yyyy". */
static char *
bounds (DnPeriod    period,
        const GDate ref)
{
  GDate start, end;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (dn_period_get_bounds (period, &ref, &start, &end));
  g_assert_cmpint (g_date_compare (&start, &ref), <=, 0);
  g_assert_cmpint (g_date_compare (&ref, &end), <=, 0);
  a = dn_date_format_short (&start);
  b = dn_date_format_short (&end);
  return g_strdup_printf ("%s-%s", a, b);
}

#define assert_bounds(period, ref, expected) \
  G_STMT_START { \
    g_autofree char *_got = bounds ((period), (ref)); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

static void
test_any (void)
{
  GDate ref = dmy (10, 3, 2024);
  GDate start = dmy (1, 1, 2000), end = dmy (1, 1, 2000);
  GDate invalid;

  g_assert_false (dn_period_get_bounds (DN_PERIOD_ANY, &ref, &start, &end));
  g_assert_false (g_date_valid (&start));
  g_assert_false (g_date_valid (&end));
  g_date_clear (&invalid, 1);
  g_assert_false (dn_period_get_bounds (DN_PERIOD_MONTH, &invalid, &start, &end));
  g_assert_false (g_date_valid (&start));
  g_assert_false (dn_period_get_bounds (DN_PERIOD_MONTH, NULL, &start, &end));
}

static void
test_days (void)
{
  /* today and the 6 days after, across a month and a year */
  assert_bounds (DN_PERIOD_NEXT_7_DAYS, dmy (28, 12, 2024), "28/12/2024-03/01/2025");
  assert_bounds (DN_PERIOD_NEXT_7_DAYS, dmy (26, 2, 2024), "26/02/2024-03/03/2024");
  /* Monday to Sunday: 2024-03-10 is a Sunday, 2024-03-11 a Monday */
  assert_bounds (DN_PERIOD_WEEK, dmy (10, 3, 2024), "04/03/2024-10/03/2024");
  assert_bounds (DN_PERIOD_WEEK, dmy (11, 3, 2024), "11/03/2024-17/03/2024");
  assert_bounds (DN_PERIOD_WEEK, dmy (1, 1, 2025), "30/12/2024-05/01/2025");
  assert_bounds (DN_PERIOD_MONTH, dmy (15, 2, 2024), "01/02/2024-29/02/2024");
  assert_bounds (DN_PERIOD_MONTH, dmy (1, 2, 2023), "01/02/2023-28/02/2023");
  assert_bounds (DN_PERIOD_MONTH, dmy (31, 12, 2024), "01/12/2024-31/12/2024");
  assert_bounds (DN_PERIOD_YEAR, dmy (31, 12, 2024), "01/01/2024-31/12/2024");
}

static void
test_quarter (void)
{
  static const char * const expected[] = {
    "01/01/2024-31/03/2024", "01/04/2024-30/06/2024", "01/07/2024-30/09/2024", "01/10/2024-31/12/2024",
  };

  for (int month = 1; month <= 12; month++)
    {
      assert_bounds (DN_PERIOD_QUARTER, dmy (1, month, 2024), expected[(month - 1) / 3]);
      assert_bounds (DN_PERIOD_QUARTER, dmy (g_date_get_days_in_month ((GDateMonth) month, 2024), month, 2024),
                     expected[(month - 1) / 3]);
    }
}

/* A school year runs 1/9–31/8; semester I to 15/1, semester II from 16/1
 * (dn_date_get_semester()). */
static void
test_school (void)
{
  assert_bounds (DN_PERIOD_SEMESTER, dmy (1, 9, 2018), "01/09/2018-15/01/2019");
  assert_bounds (DN_PERIOD_SEMESTER, dmy (31, 12, 2018), "01/09/2018-15/01/2019");
  assert_bounds (DN_PERIOD_SEMESTER, dmy (15, 1, 2019), "01/09/2018-15/01/2019");
  assert_bounds (DN_PERIOD_SEMESTER, dmy (16, 1, 2019), "16/01/2019-31/08/2019");
  assert_bounds (DN_PERIOD_SEMESTER, dmy (31, 8, 2019), "16/01/2019-31/08/2019");
  assert_bounds (DN_PERIOD_SCHOOL_YEAR, dmy (31, 8, 2019), "01/09/2018-31/08/2019");
  assert_bounds (DN_PERIOD_SCHOOL_YEAR, dmy (1, 9, 2019), "01/09/2019-31/08/2020");
  assert_bounds (DN_PERIOD_SCHOOL_YEAR, dmy (29, 2, 2020), "01/09/2019-31/08/2020");

  /* the bounds agree with the semester and school year of every day */
  for (GDate day = dmy (1, 1, 2023); g_date_get_year (&day) < 2026; g_date_add_days (&day, 1))
    {
      GDate start, end;

      g_assert_true (dn_period_get_bounds (DN_PERIOD_SEMESTER, &day, &start, &end));
      g_assert_cmpint (dn_date_get_semester (&start), ==, dn_date_get_semester (&day));
      g_assert_cmpint (dn_date_get_semester (&end), ==, dn_date_get_semester (&day));
      g_assert_cmpint (dn_date_get_school_year (&start), ==, dn_date_get_school_year (&day));
      g_assert_cmpint (dn_date_get_school_year (&end), ==, dn_date_get_school_year (&day));
      g_date_subtract_days (&start, 1);
      g_date_add_days (&end, 1);
      g_assert_cmpint (dn_date_get_semester (&start), !=, dn_date_get_semester (&day));
      g_assert_cmpint (dn_date_get_semester (&end), !=, dn_date_get_semester (&day));
    }
}

/* Thông tư 19/2020/TT-BGDĐT: the year 16/11–15/11, the half-year report
 * 16/11–15/5. */
static void
test_report (void)
{
  assert_bounds (DN_PERIOD_REPORT_YEAR, dmy (15, 11, 2024), "16/11/2023-15/11/2024");
  assert_bounds (DN_PERIOD_REPORT_YEAR, dmy (16, 11, 2024), "16/11/2024-15/11/2025");
  assert_bounds (DN_PERIOD_REPORT_YEAR, dmy (1, 1, 2025), "16/11/2024-15/11/2025");
  assert_bounds (DN_PERIOD_REPORT_YEAR, dmy (31, 12, 2024), "16/11/2024-15/11/2025");
  assert_bounds (DN_PERIOD_REPORT_HALF_YEAR, dmy (16, 11, 2023), "16/11/2023-15/05/2024");
  assert_bounds (DN_PERIOD_REPORT_HALF_YEAR, dmy (29, 2, 2024), "16/11/2023-15/05/2024");
  assert_bounds (DN_PERIOD_REPORT_HALF_YEAR, dmy (15, 5, 2024), "16/11/2023-15/05/2024");
  assert_bounds (DN_PERIOD_REPORT_HALF_YEAR, dmy (16, 5, 2024), "16/05/2024-15/11/2024");
  assert_bounds (DN_PERIOD_REPORT_HALF_YEAR, dmy (15, 11, 2024), "16/05/2024-15/11/2024");
  assert_bounds (DN_PERIOD_REPORT_HALF_YEAR, dmy (20, 11, 2024), "16/11/2024-15/05/2025");

  /* the two halves make the year, day after day */
  for (GDate day = dmy (1, 1, 2024); g_date_get_year (&day) < 2026; g_date_add_days (&day, 1))
    {
      GDate year_start, year_end, half_start, half_end;

      g_assert_true (dn_period_get_bounds (DN_PERIOD_REPORT_YEAR, &day, &year_start, &year_end));
      g_assert_true (dn_period_get_bounds (DN_PERIOD_REPORT_HALF_YEAR, &day, &half_start, &half_end));
      g_assert_cmpint (g_date_compare (&year_start, &half_start), <=, 0);
      g_assert_cmpint (g_date_compare (&half_end, &year_end), <=, 0);
      g_assert_true (g_date_compare (&year_start, &half_start) == 0 || g_date_compare (&half_end, &year_end) == 0);
      g_assert_cmpint (g_date_days_between (&year_start, &year_end), >=, 364);
      g_assert_cmpint (g_date_days_between (&year_start, &year_end), <=, 365);
    }
}

static void
test_keywords (void)
{
  DnPeriod period = DN_PERIOD_ANY;
  GEnumClass *klass = g_type_class_ref (DN_TYPE_PERIOD);

  for (int p = DN_PERIOD_ANY; p < DN_PERIOD_N; p++)
    {
      const char *keyword = dn_period_to_string ((DnPeriod) p);

      g_assert_true (dn_period_from_string (keyword, &period));
      g_assert_cmpint (period, ==, p);
      g_assert_cmpstr (g_enum_get_value (klass, p)->value_nick, ==, keyword);
    }
  g_assert_cmpstr (dn_period_to_string (DN_PERIOD_QUARTER), ==, "quarter");
  period = DN_PERIOD_WEEK;
  g_assert_false (dn_period_from_string ("fortnight", &period));
  g_assert_false (dn_period_from_string (NULL, &period));
  g_assert_cmpint (period, ==, DN_PERIOD_WEEK);
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/any", test_any);
  g_test_add_func ("/period/days", test_days);
  g_test_add_func ("/period/quarter", test_quarter);
  g_test_add_func ("/period/school", test_school);
  g_test_add_func ("/period/report", test_report);
  g_test_add_func ("/period/keywords", test_keywords);

  return g_test_run ();
}
