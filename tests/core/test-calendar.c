/* test-calendar.c: tests for dn-calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include "dn-calendar.h"
#include "dn-lunar.h"

#define TET       "Tết Âm lịch"
#define NEW_YEAR  "Tết Dương lịch"
#define HUNG      "Giỗ Tổ Hùng Vương"
#define VICTORY   "Ngày Chiến thắng"
#define LABOUR    "Ngày Quốc tế lao động"
#define NATIONAL  "Quốc khánh"
#define BU        "Nghỉ bù"

typedef struct
{
  int day, month;
  const char *name;
} Expected;

static void
date_set (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

static void
assert_holidays (int             year,
                 const Expected *expected,
                 gsize           n_expected)
{
  g_autoptr(GPtrArray) holidays = dn_calendar_statutory_holidays (year);
  gsize i;

  for (i = 0; i < MIN (holidays->len, n_expected); i++)
    {
      DnHoliday *h = g_ptr_array_index (holidays, i);

      if ((int) g_date_get_day (&h->date) != expected[i].day ||
          (int) g_date_get_month (&h->date) != expected[i].month ||
          (int) g_date_get_year (&h->date) != year ||
          g_strcmp0 (h->name, expected[i].name) != 0)
        g_error ("%d, holiday %u: got %02u/%02u/%u %s, expected %02d/%02d %s",
                 year, (guint) i, (guint) g_date_get_day (&h->date),
                 (guint) g_date_get_month (&h->date),
                 (guint) g_date_get_year (&h->date), h->name,
                 expected[i].day, expected[i].month, expected[i].name);
    }
  g_assert_cmpuint (holidays->len, ==, n_expected);
}

static void
test_holidays_2024 (void)
{
  static const Expected expected[] = {
    { 1, 1, NEW_YEAR },
    { 9, 2, TET },     /* 30 Tết (Friday) */
    { 10, 2, TET },    /* 1/1 Giáp Thìn, Saturday */
    { 11, 2, TET },    /* Sunday */
    { 12, 2, TET },
    { 13, 2, TET },
    { 14, 2, BU },     /* for Saturday */
    { 15, 2, BU },     /* for Sunday */
    { 18, 4, HUNG },   /* Thursday */
    { 30, 4, VICTORY },
    { 1, 5, LABOUR },
    { 2, 9, NATIONAL },  /* Monday */
    { 3, 9, NATIONAL },  /* so Tuesday: 31/8–3/9 */
  };

  assert_holidays (2024, expected, G_N_ELEMENTS (expected));
}

static void
test_holidays_2022 (void)
{
  static const Expected expected[] = {
    { 1, 1, NEW_YEAR },  /* Saturday */
    { 3, 1, BU },        /* Monday */
    { 31, 1, TET },
    { 1, 2, TET },
    { 2, 2, TET },
    { 3, 2, TET },
    { 4, 2, TET },
    { 10, 4, HUNG },     /* Sunday */
    { 11, 4, BU },
    { 30, 4, VICTORY },  /* Saturday */
    { 1, 5, LABOUR },    /* Sunday */
    { 2, 5, BU },
    { 3, 5, BU },
    { 1, 9, NATIONAL },  /* Thursday */
    { 2, 9, NATIONAL },  /* Friday */
  };

  assert_holidays (2022, expected, G_N_ELEMENTS (expected));
}

static void
test_holidays_2023 (void)
{
  static const Expected expected[] = {
    { 1, 1, NEW_YEAR },  /* Sunday */
    { 2, 1, BU },
    { 21, 1, TET },      /* Saturday: Tết begins in January */
    { 22, 1, TET },      /* Sunday */
    { 23, 1, TET },
    { 24, 1, TET },
    { 25, 1, TET },
    { 26, 1, BU },
    { 27, 1, BU },
    { 29, 4, HUNG },     /* Saturday */
    { 30, 4, VICTORY },  /* Sunday */
    { 1, 5, LABOUR },    /* Monday */
    { 2, 5, BU },        /* for 29/4 */
    { 3, 5, BU },        /* for 30/4 */
    { 1, 9, NATIONAL },  /* Friday */
    { 2, 9, NATIONAL },  /* Saturday */
    { 4, 9, BU },        /* Monday */
  };

  assert_holidays (2023, expected, G_N_ELEMENTS (expected));
}

/* The day next to 2/9 for each weekday 2/9 can fall on. */
static void
test_national_day (void)
{
  static const struct
  {
    int year;
    GDateWeekday weekday;
    int adjacent;   /* day of September */
    int bu;         /* day of September, or 0 */
  } cases[] = {
    { 2024, G_DATE_MONDAY, 3, 0 },
    { 2025, G_DATE_TUESDAY, 1, 0 },
    { 2026, G_DATE_WEDNESDAY, 1, 0 },
    { 2027, G_DATE_THURSDAY, 3, 0 },
    { 2022, G_DATE_FRIDAY, 1, 0 },
    { 2023, G_DATE_SATURDAY, 1, 4 },
    { 2029, G_DATE_SUNDAY, 3, 4 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) holidays = dn_calendar_statutory_holidays (cases[i].year);
      GDate national;
      int found_adjacent = 0, found_bu = 0, n_national = 0;
      guint j;

      date_set (&national, 2, 9, cases[i].year);
      g_assert_cmpint (g_date_get_weekday (&national), ==, cases[i].weekday);

      for (j = 0; j < holidays->len; j++)
        {
          DnHoliday *h = g_ptr_array_index (holidays, j);

          if (g_date_get_month (&h->date) != G_DATE_SEPTEMBER)
            continue;
          if (g_str_equal (h->name, NATIONAL))
            {
              n_national++;
              if (g_date_get_day (&h->date) != 2)
                found_adjacent = g_date_get_day (&h->date);
            }
          else if (g_str_equal (h->name, BU))
            found_bu = g_date_get_day (&h->date);
        }
      g_assert_cmpint (n_national, ==, 2);
      g_assert_cmpint (found_adjacent, ==, cases[i].adjacent);
      g_assert_cmpint (found_bu, ==, cases[i].bu);
    }
}

/* Invariants of the statutory holidays of every year 1901–2199. */
static void
test_statutory_all_years (void)
{
  int year;

  for (year = 1901; year <= 2199; year++)
    {
      g_autoptr(GPtrArray) holidays = dn_calendar_statutory_holidays (year);
      g_autoptr(GHashTable) off = g_hash_table_new (g_direct_hash, g_direct_equal);
      DnLunarDate lunar = { 1, 1, year, FALSE };
      GDate tet, hung;
      guint i, n_tet = 0, n_new_year = 0, n_hung = 0, n_national = 0;
      guint n_victory = 0, n_labour = 0, n_bu = 0, weekend_dates = 0;

      g_date_clear (&tet, 1);
      g_assert_true (dn_lunar_to_solar (&lunar, &tet));
      g_date_subtract_days (&tet, 1);
      lunar.month = 3;
      lunar.day = 10;
      g_date_clear (&hung, 1);
      g_assert_true (dn_lunar_to_solar (&lunar, &hung));

      for (i = 0; i < holidays->len; i++)
        {
          DnHoliday *h = g_ptr_array_index (holidays, i);
          gpointer key = GUINT_TO_POINTER (g_date_get_julian (&h->date));

          g_assert_cmpint (g_date_get_year (&h->date), ==, year);
          if (i > 0)
            {
              DnHoliday *prev = g_ptr_array_index (holidays, i - 1);

              g_assert_cmpint (g_date_compare (&prev->date, &h->date), <=, 0);
            }

          if (g_str_equal (h->name, BU))
            {
              g_assert_false (is_weekend (&h->date));
              g_assert_false (g_hash_table_contains (off, key));
              n_bu++;
            }
          else
            {
              if (is_weekend (&h->date) && !g_hash_table_contains (off, key))
                weekend_dates++;
              if (g_str_equal (h->name, TET))
                {
                  GDate expected = tet;

                  g_date_add_days (&expected, n_tet);
                  g_assert_cmpint (g_date_compare (&h->date, &expected), ==, 0);
                  n_tet++;
                }
              else if (g_str_equal (h->name, HUNG))
                {
                  g_assert_cmpint (g_date_compare (&h->date, &hung), ==, 0);
                  n_hung++;
                }
              else if (g_str_equal (h->name, NEW_YEAR))
                n_new_year++;
              else if (g_str_equal (h->name, VICTORY))
                n_victory++;
              else if (g_str_equal (h->name, LABOUR))
                n_labour++;
              else if (g_str_equal (h->name, NATIONAL))
                {
                  g_assert_cmpint (g_date_get_month (&h->date), ==, 9);
                  g_assert_cmpint (g_date_get_day (&h->date), >=, 1);
                  g_assert_cmpint (g_date_get_day (&h->date), <=, 3);
                  if (g_date_get_day (&h->date) != 2)
                    g_assert_false (is_weekend (&h->date));
                  n_national++;
                }
              else
                g_error ("unexpected holiday name %s", h->name);
            }
          g_hash_table_add (off, key);
        }

      g_assert_cmpuint (n_new_year, ==, 1);
      g_assert_cmpuint (n_tet, ==, 5);
      g_assert_cmpuint (n_hung, ==, 1);
      g_assert_cmpuint (n_victory, ==, 1);
      g_assert_cmpuint (n_labour, ==, 1);
      g_assert_cmpuint (n_national, ==, 2);
      /* one compensatory day for each holiday date on a weekend */
      g_assert_cmpuint (n_bu, ==, weekend_dates);
    }
}

static void
test_day_kind (void)
{
  g_autoptr(DnCalendar) cal = dn_calendar_new ();
  GDate date;

  date_set (&date, 26, 4, 2024);   /* Friday */
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_WORKING);
  g_assert_true (dn_calendar_is_working_day (cal, &date));
  g_assert_null (dn_calendar_get_day_name (cal, &date));

  date_set (&date, 27, 4, 2024);   /* Saturday */
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_WEEKEND);
  g_assert_false (dn_calendar_is_working_day (cal, &date));

  date_set (&date, 30, 4, 2024);   /* Tuesday, holiday */
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_HOLIDAY);
  g_assert_false (dn_calendar_is_working_day (cal, &date));
  g_assert_cmpstr (dn_calendar_get_day_name (cal, &date), ==, VICTORY);

  date_set (&date, 10, 2, 2024);   /* Saturday and Tết */
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_HOLIDAY);
  g_assert_cmpstr (dn_calendar_get_day_name (cal, &date), ==, TET);

  date_set (&date, 15, 2, 2024);   /* Thursday, nghỉ bù */
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_HOLIDAY);
  g_assert_cmpstr (dn_calendar_get_day_name (cal, &date), ==, BU);

  /* a make-up working Saturday */
  date_set (&date, 4, 5, 2024);
  dn_calendar_set_override (cal, &date, FALSE, "Làm bù");
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_WORKING);
  g_assert_true (dn_calendar_is_working_day (cal, &date));
  g_assert_cmpstr (dn_calendar_get_day_name (cal, &date), ==, "Làm bù");
  dn_calendar_clear_override (cal, &date);
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_WEEKEND);

  /* a holiday turned into a working day */
  date_set (&date, 1, 5, 2024);
  dn_calendar_set_override (cal, &date, FALSE, NULL);
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_WORKING);
  g_assert_null (dn_calendar_get_day_name (cal, &date));
  /* replacing an override */
  dn_calendar_set_override (cal, &date, TRUE, "Nghỉ");
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_HOLIDAY);
  g_assert_cmpstr (dn_calendar_get_day_name (cal, &date), ==, "Nghỉ");
  dn_calendar_clear_override (cal, &date);
  g_assert_cmpstr (dn_calendar_get_day_name (cal, &date), ==, LABOUR);

  /* an extra day off decreed for a Monday */
  date_set (&date, 29, 4, 2024);
  dn_calendar_set_override (cal, &date, TRUE, "Nghỉ hoán đổi");
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_HOLIDAY);
  g_assert_false (dn_calendar_is_working_day (cal, &date));

  /* clearing an override that does not exist is harmless */
  date_set (&date, 6, 5, 2024);
  dn_calendar_clear_override (cal, &date);
  g_assert_cmpint (dn_calendar_get_day_kind (cal, &date), ==, DN_DAY_WORKING);
}

static void
assert_due (DnCalendar *cal,
            int         day,
            int         month,
            int         year,
            guint       n,
            int         due_day,
            int         due_month,
            int         due_year)
{
  GDate start, due, expected;

  date_set (&start, day, month, year);
  date_set (&expected, due_day, due_month, due_year);
  g_date_clear (&due, 1);
  dn_calendar_add_working_days (cal, &start, n, &due);
  if (g_date_compare (&due, &expected) != 0)
    g_error ("%02d/%02d/%d + %u working days: got %02u/%02u/%u, expected %02d/%02d/%d",
             day, month, year, n, (guint) g_date_get_day (&due),
             (guint) g_date_get_month (&due), (guint) g_date_get_year (&due),
             due_day, due_month, due_year);
  g_assert_cmpuint (dn_calendar_count_working_days (cal, &start, &due), ==, n);
}

static void
test_passport_rule (void)
{
  g_autoptr(DnCalendar) cal = dn_calendar_new ();
  GDate date;

  /* trip ending Friday 26/4/2024: 29/4 = 1, (30/4, 1/5 holidays), 2/5 = 2,
   * 3/5 = 3, 6/5 = 4, 7/5 = 5 */
  assert_due (cal, 26, 4, 2024, 5, 7, 5, 2024);
  assert_due (cal, 26, 4, 2024, 0, 26, 4, 2024);
  assert_due (cal, 26, 4, 2024, 1, 29, 4, 2024);
  assert_due (cal, 27, 4, 2024, 0, 27, 4, 2024);   /* n = 0: the start itself */
  assert_due (cal, 28, 4, 2024, 2, 2, 5, 2024);
  /* across Tết 2024 (9–15/2 off): Thursday 8/2 + 1 → Friday 16/2 */
  assert_due (cal, 8, 2, 2024, 1, 16, 2, 2024);
  /* across the new year */
  assert_due (cal, 29, 12, 2023, 1, 2, 1, 2024);
  assert_due (cal, 31, 12, 2021, 1, 4, 1, 2022);   /* 1/1/2022 Sat → bù 3/1 */

  /* a make-up working Saturday (4/5) counts */
  date_set (&date, 4, 5, 2024);
  dn_calendar_set_override (cal, &date, FALSE, "Làm bù");
  assert_due (cal, 26, 4, 2024, 5, 6, 5, 2024);
  dn_calendar_clear_override (cal, &date);
  assert_due (cal, 26, 4, 2024, 5, 7, 5, 2024);

  /* an extra day off (29/4) delays it */
  date_set (&date, 29, 4, 2024);
  dn_calendar_set_override (cal, &date, TRUE, "Nghỉ hoán đổi");
  assert_due (cal, 26, 4, 2024, 5, 8, 5, 2024);
  assert_due (cal, 26, 4, 2024, 1, 2, 5, 2024);
}

static void
test_count (void)
{
  g_autoptr(DnCalendar) cal = dn_calendar_new ();
  GDate a, b;

  /* (from, to]: 2024 has 366 days, 104 weekend days and 11 weekday holidays
   * (1/1, 9, 12, 13, 14, 15/2, 18/4, 30/4, 1/5, 2/9, 3/9) */
  date_set (&a, 31, 12, 2023);
  date_set (&b, 31, 12, 2024);
  g_assert_cmpuint (dn_calendar_count_working_days (cal, &a, &b), ==, 366 - 104 - 11);

  /* empty and reversed ranges */
  g_assert_cmpuint (dn_calendar_count_working_days (cal, &a, &a), ==, 0);
  g_assert_cmpuint (dn_calendar_count_working_days (cal, &b, &a), ==, 0);

  /* the first day is excluded, the last included */
  date_set (&a, 25, 4, 2024);   /* Thursday */
  date_set (&b, 26, 4, 2024);   /* Friday */
  g_assert_cmpuint (dn_calendar_count_working_days (cal, &a, &b), ==, 1);
  date_set (&a, 26, 4, 2024);
  date_set (&b, 1, 5, 2024);
  g_assert_cmpuint (dn_calendar_count_working_days (cal, &a, &b), ==, 1);

  /* a make-up Saturday adds one */
  date_set (&a, 31, 12, 2023);
  date_set (&b, 31, 12, 2024);
  {
    GDate sat;

    date_set (&sat, 4, 5, 2024);
    dn_calendar_set_override (cal, &sat, FALSE, NULL);
    g_assert_cmpuint (dn_calendar_count_working_days (cal, &a, &b), ==, 366 - 104 - 11 + 1);
  }
}

/* add_working_days and count_working_days agree, with random overrides. */
static void
test_property (void)
{
  g_autoptr(DnCalendar) cal = dn_calendar_new ();
  GDate base;
  int i;

  date_set (&base, 1, 1, 1990);

  for (i = 0; i < 200; i++)
    {
      GDate date = base;

      g_date_add_days (&date, (guint) g_test_rand_int_range (0, 40000));
      dn_calendar_set_override (cal, &date, g_test_rand_bit (), "ngẫu nhiên");
    }

  for (i = 0; i < 2000; i++)
    {
      GDate start = base, due, before, mid, end;
      guint n = (guint) g_test_rand_int_range (0, 300);
      guint total;

      g_date_add_days (&start, (guint) g_test_rand_int_range (0, 40000));
      g_date_clear (&due, 1);
      dn_calendar_add_working_days (cal, &start, n, &due);

      g_assert_cmpint (g_date_compare (&due, &start), >=, 0);
      g_assert_cmpuint (dn_calendar_count_working_days (cal, &start, &due), ==, n);
      if (n > 0)
        {
          /* @due is the n-th working day: a working day, and the day
           * before it is still short of n */
          g_assert_true (dn_calendar_is_working_day (cal, &due));
          before = due;
          g_date_subtract_days (&before, 1);
          g_assert_cmpuint (dn_calendar_count_working_days (cal, &start, &before), ==, n - 1);
        }
      else
        g_assert_cmpint (g_date_compare (&due, &start), ==, 0);

      /* additivity over a split point */
      end = start;
      g_date_add_days (&end, (guint) g_test_rand_int_range (0, 500));
      mid = start;
      g_date_add_days (&mid, (guint) g_test_rand_int_range (0, 500));
      if (g_date_compare (&mid, &end) > 0)
        {
          GDate tmp = mid;

          mid = end;
          end = tmp;
        }
      total = dn_calendar_count_working_days (cal, &start, &end);
      g_assert_cmpuint (total, ==,
                        dn_calendar_count_working_days (cal, &start, &mid) +
                        dn_calendar_count_working_days (cal, &mid, &end));
    }
}

static void
test_out_of_range (void)
{
  g_autoptr(GPtrArray) none = dn_calendar_statutory_holidays (0);
  g_autoptr(GPtrArray) none2 = dn_calendar_statutory_holidays (70000);
  g_autoptr(DnCalendar) cal = dn_calendar_new ();
  GDate date, due;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (none2->len, ==, 0);

  /* the last days GDate has: adding stops there */
  date_set (&date, 28, 12, 65535);
  g_date_clear (&due, 1);
  dn_calendar_add_working_days (cal, &date, 100, &due);
  g_assert_true (g_date_valid (&due));
  g_assert_cmpint (g_date_get_year (&due), ==, 65535);
  g_assert_cmpint (g_date_get_month (&due), ==, 12);
  g_assert_cmpint (g_date_get_day (&due), ==, 31);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/holidays-2024", test_holidays_2024);
  g_test_add_func ("/calendar/holidays-2022", test_holidays_2022);
  g_test_add_func ("/calendar/holidays-2023", test_holidays_2023);
  g_test_add_func ("/calendar/national-day", test_national_day);
  g_test_add_func ("/calendar/statutory-all-years", test_statutory_all_years);
  g_test_add_func ("/calendar/day-kind", test_day_kind);
  g_test_add_func ("/calendar/passport-rule", test_passport_rule);
  g_test_add_func ("/calendar/count", test_count);
  g_test_add_func ("/calendar/property", test_property);
  g_test_add_func ("/calendar/out-of-range", test_out_of_range);

  return g_test_run ();
}
