/* dn-period.c: the periods lists are filtered by and reports cover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-period"

#include "config.h"

#include "dn-date.h"
#include "dn-period.h"

/* Thông tư 19/2020/TT-BGDĐT: report periods start on 16 November */
#define REPORT_START_DAY   16
#define REPORT_START_MONTH G_DATE_NOVEMBER
#define REPORT_MID_MONTH   G_DATE_MAY

/* semester II starts on 16 January (dn_date_get_semester()) */
#define SEMESTER_TWO_DAY   16

static const GEnumValue period_values[] = {
  { DN_PERIOD_ANY, "DN_PERIOD_ANY", "any" },
  { DN_PERIOD_NEXT_7_DAYS, "DN_PERIOD_NEXT_7_DAYS", "next-7-days" },
  { DN_PERIOD_WEEK, "DN_PERIOD_WEEK", "week" },
  { DN_PERIOD_MONTH, "DN_PERIOD_MONTH", "month" },
  { DN_PERIOD_QUARTER, "DN_PERIOD_QUARTER", "quarter" },
  { DN_PERIOD_SEMESTER, "DN_PERIOD_SEMESTER", "semester" },
  { DN_PERIOD_SCHOOL_YEAR, "DN_PERIOD_SCHOOL_YEAR", "school-year" },
  { DN_PERIOD_YEAR, "DN_PERIOD_YEAR", "year" },
  { DN_PERIOD_REPORT_HALF_YEAR, "DN_PERIOD_REPORT_HALF_YEAR", "report-half-year" },
  { DN_PERIOD_REPORT_YEAR, "DN_PERIOD_REPORT_YEAR", "report-year" },
  { 0, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (period_values) == DN_PERIOD_N + 1);

GType
dn_period_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("DnPeriod"), period_values));
  return type;
}

static void
set_dmy (GDate     *date,
         int        day,
         GDateMonth month,
         int        year)
{
  g_date_set_dmy (date, (GDateDay) day, month, (GDateYear) year);
}

static void
set_month_end (GDate     *date,
               GDateMonth month,
               int        year)
{
  set_dmy (date, g_date_get_days_in_month (month, (GDateYear) year), month, year);
}

/* The report year that contains @date is named after the year it ends in. */
static int
report_year (const GDate *date)
{
  int year = (int) g_date_get_year (date);
  GDateMonth month = g_date_get_month (date);

  if (month > REPORT_START_MONTH || (month == REPORT_START_MONTH && g_date_get_day (date) >= REPORT_START_DAY))
    return year + 1;
  return year;
}

gboolean
dn_period_get_bounds (DnPeriod     period,
                      const GDate *reference,
                      GDate       *start,
                      GDate       *end)
{
  int year;
  GDateMonth month;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  if (reference == NULL || !g_date_valid (reference) || period <= DN_PERIOD_ANY || period >= DN_PERIOD_N)
    return FALSE;

  year = (int) g_date_get_year (reference);
  month = g_date_get_month (reference);
  switch (period)
    {
    case DN_PERIOD_NEXT_7_DAYS:
      *start = *reference;
      *end = *reference;
      g_date_add_days (end, 6);
      break;
    case DN_PERIOD_WEEK:
      *start = *reference;
      g_date_subtract_days (start, g_date_get_weekday (reference) - G_DATE_MONDAY);
      *end = *start;
      g_date_add_days (end, 6);
      break;
    case DN_PERIOD_MONTH:
      set_dmy (start, 1, month, year);
      set_month_end (end, month, year);
      break;
    case DN_PERIOD_QUARTER:
      {
        GDateMonth last = (GDateMonth) (dn_date_get_quarter (reference) * 3);

        set_dmy (start, 1, (GDateMonth) (last - 2), year);
        set_month_end (end, last, year);
      }
      break;
    case DN_PERIOD_SEMESTER:
      {
        int school_year = dn_date_get_school_year (reference);

        if (dn_date_get_semester (reference) == 1)
          {
            set_dmy (start, 1, G_DATE_SEPTEMBER, school_year);
            set_dmy (end, SEMESTER_TWO_DAY - 1, G_DATE_JANUARY, school_year + 1);
          }
        else
          {
            set_dmy (start, SEMESTER_TWO_DAY, G_DATE_JANUARY, school_year + 1);
            set_dmy (end, 31, G_DATE_AUGUST, school_year + 1);
          }
      }
      break;
    case DN_PERIOD_SCHOOL_YEAR:
      {
        int school_year = dn_date_get_school_year (reference);

        set_dmy (start, 1, G_DATE_SEPTEMBER, school_year);
        set_dmy (end, 31, G_DATE_AUGUST, school_year + 1);
      }
      break;
    case DN_PERIOD_YEAR:
      set_dmy (start, 1, G_DATE_JANUARY, year);
      set_dmy (end, 31, G_DATE_DECEMBER, year);
      break;
    case DN_PERIOD_REPORT_HALF_YEAR:
      {
        int ending = report_year (reference);
        GDate mid;

        /* the first half ends on 15 May of the report year */
        g_date_clear (&mid, 1);
        set_dmy (&mid, REPORT_START_DAY - 1, REPORT_MID_MONTH, ending);
        if (g_date_compare (reference, &mid) <= 0)
          {
            set_dmy (start, REPORT_START_DAY, REPORT_START_MONTH, ending - 1);
            *end = mid;
          }
        else
          {
            set_dmy (start, REPORT_START_DAY, REPORT_MID_MONTH, ending);
            set_dmy (end, REPORT_START_DAY - 1, REPORT_START_MONTH, ending);
          }
      }
      break;
    case DN_PERIOD_REPORT_YEAR:
      {
        int ending = report_year (reference);

        set_dmy (start, REPORT_START_DAY, REPORT_START_MONTH, ending - 1);
        set_dmy (end, REPORT_START_DAY - 1, REPORT_START_MONTH, ending);
      }
      break;
    case DN_PERIOD_ANY:
    case DN_PERIOD_N:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

const char *
dn_period_to_string (DnPeriod period)
{
  g_return_val_if_fail (period >= DN_PERIOD_ANY && period < DN_PERIOD_N, "any");
  return period_values[period].value_nick;
}

gboolean
dn_period_from_string (const char *text,
                       DnPeriod   *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < DN_PERIOD_N; i++)
    if (g_str_equal (text, period_values[i].value_nick))
      {
        if (out != NULL)
          *out = (DnPeriod) period_values[i].value;
        return TRUE;
      }
  return FALSE;
}
