/* dn-report-period.c: the periods the department's reports cover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-report-period"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-period.h"
#include "dn-report-period.h"
#include "dn-text.h"

static const GEnumValue kind_values[] = {
  { DN_REPORT_QUARTER, "DN_REPORT_QUARTER", "quarter" },
  { DN_REPORT_SEMESTER, "DN_REPORT_SEMESTER", "semester" },
  { DN_REPORT_SCHOOL_YEAR, "DN_REPORT_SCHOOL_YEAR", "school-year" },
  { DN_REPORT_YEAR, "DN_REPORT_YEAR", "year" },
  { DN_REPORT_TT19_HALF, "DN_REPORT_TT19_HALF", "tt19-half" },
  { DN_REPORT_TT19_YEAR, "DN_REPORT_TT19_YEAR", "tt19-year" },
  { DN_REPORT_CUSTOM, "DN_REPORT_CUSTOM", "custom" },
  { 0, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_values) == DN_REPORT_KIND_N + 1);

/* the period of dn_period_get_bounds() each kind stands on */
static const DnPeriod kind_periods[DN_REPORT_KIND_N] = {
  DN_PERIOD_QUARTER, DN_PERIOD_SEMESTER, DN_PERIOD_SCHOOL_YEAR, DN_PERIOD_YEAR,
  DN_PERIOD_REPORT_HALF_YEAR, DN_PERIOD_REPORT_YEAR, DN_PERIOD_ANY,
};

static const char * const roman[] = { "I", "II", "III", "IV" };

#define MIN_YEAR 1900
#define MAX_YEAR 2199

GType
dn_report_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("DnReportKind"), kind_values));
  return type;
}

const char *
dn_report_kind_to_string (DnReportKind kind)
{
  g_return_val_if_fail (kind < DN_REPORT_KIND_N, NULL);
  return kind_values[kind].value_nick;
}

gboolean
dn_report_kind_from_string (const char   *text,
                            DnReportKind *out)
{
  for (guint i = 0; text != NULL && i < DN_REPORT_KIND_N; i++)
    if (g_str_equal (text, kind_values[i].value_nick))
      {
        *out = (DnReportKind) kind_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
dn_report_kind_get_label (DnReportKind kind)
{
  static const char * const labels[DN_REPORT_KIND_N] = {
    N_("Quarter"), N_("Semester"), N_("School year"), N_("Year"),
    N_("Half-year (Circular 19)"), N_("Year (Circular 19)"), N_("Custom dates"),
  };

  g_return_val_if_fail (kind < DN_REPORT_KIND_N, NULL);
  return _(labels[kind]);
}

/* Exactly @digits digits at *@p (moved past them). */
static gboolean
read_number (const char **p,
             guint        digits,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += digits;
  *out = value;
  return TRUE;
}

static gboolean
read_literal (const char **p,
              const char  *literal)
{
  if (!g_str_has_prefix (*p, literal))
    return FALSE;
  *p += strlen (literal);
  return TRUE;
}

static gboolean
read_year (const char **p,
           int         *year)
{
  return read_number (p, 4, year) && *year >= MIN_YEAR && *year <= MAX_YEAR;
}

/* "2024-2025": a school year; *@start_year = 2024 */
static gboolean
read_school_year (const char **p,
                  int         *start_year)
{
  int end_year;

  return read_year (p, start_year) && read_literal (p, "-") && read_year (p, &end_year) &&
         end_year == *start_year + 1;
}

static gboolean
read_custom (const char     *text,
             DnReportPeriod *out)
{
  const char *dots = strstr (text, "..");
  g_autofree char *first = NULL;

  if (dots == NULL)
    return FALSE;
  first = g_strndup (text, (gsize) (dots - text));
  return dn_date_parse_iso (first, &out->start) && dn_date_parse_iso (dots + 2, &out->end) &&
         g_date_compare (&out->start, &out->end) <= 0;
}

/* A day inside the period that @text names, for the kinds that stand on a
 * period of dn_period_get_bounds(). */
static gboolean
read_reference (DnReportKind  kind,
                const char   *text,
                GDate        *day)
{
  const char *p = text;
  int year, number;

  switch (kind)
    {
    case DN_REPORT_QUARTER:
      if (!read_year (&p, &year) || !read_literal (&p, "-Q") || !read_number (&p, 1, &number) || number < 1 ||
          number > 4)
        return FALSE;
      g_date_set_dmy (day, 1, (GDateMonth) (3 * number - 2), (GDateYear) year);
      break;
    case DN_REPORT_SEMESTER:
      if (!read_school_year (&p, &year) || !read_literal (&p, "-HK") || !read_number (&p, 1, &number) ||
          number < 1 || number > 2)
        return FALSE;
      if (number == 1)
        g_date_set_dmy (day, 1, G_DATE_OCTOBER, (GDateYear) year);
      else
        g_date_set_dmy (day, 1, G_DATE_MARCH, (GDateYear) (year + 1));
      break;
    case DN_REPORT_SCHOOL_YEAR:
      if (!read_school_year (&p, &year))
        return FALSE;
      g_date_set_dmy (day, 1, G_DATE_OCTOBER, (GDateYear) year);
      break;
    case DN_REPORT_YEAR:
    case DN_REPORT_TT19_HALF:
    case DN_REPORT_TT19_YEAR:
      /* the tt19 periods are named after the year they end in */
      if (!read_year (&p, &year))
        return FALSE;
      g_date_set_dmy (day, 1, G_DATE_JANUARY, (GDateYear) year);
      break;
    case DN_REPORT_CUSTOM:
    case DN_REPORT_KIND_N:
    default:
      return FALSE;
    }
  return *p == '\0';
}

/* How a period of @kind is written, for the error that says so. */
static const char *
example (DnReportKind kind)
{
  static const char * const examples[DN_REPORT_KIND_N] = {
    "2024-Q1", "2024-2025-HK1", "2024-2025", "2024", "2024", "2024", "2024-01-01..2024-03-31",
  };

  return examples[kind];
}

gboolean
dn_report_period_parse (DnReportKind    kind,
                        const char     *text,
                        DnReportPeriod *out,
                        GError        **error)
{
  DnReportPeriod period = { kind };
  GDate day;
  gboolean ok;

  g_return_val_if_fail (kind < DN_REPORT_KIND_N, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (&period.start, 1);
  g_date_clear (&period.end, 1);
  g_date_clear (&day, 1);
  if (text == NULL)
    ok = FALSE;
  else if (kind == DN_REPORT_CUSTOM)
    ok = read_custom (text, &period);
  else
    ok = read_reference (kind, text, &day);
  if (!ok)
    {
      /* TRANSLATORS: a report's period as typed, its kind, then an example */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a %s period: write it as %s"),
                   text != NULL ? text : "", dn_report_kind_to_string (kind), example (kind));
      return FALSE;
    }
  if (kind != DN_REPORT_CUSTOM)
    dn_report_period_containing (kind, &day, &period);
  *out = period;
  return TRUE;
}

void
dn_report_period_containing (DnReportKind    kind,
                             const GDate    *day,
                             DnReportPeriod *out)
{
  GDate first_half;

  g_return_if_fail (kind < DN_REPORT_CUSTOM);
  g_return_if_fail (day != NULL && g_date_valid (day));

  out->kind = kind;
  g_date_clear (&out->start, 1);
  g_date_clear (&out->end, 1);
  if (kind == DN_REPORT_TT19_HALF)
    {
      /* the half-year report covers the first half of the report year
       * the day is in, whichever half that is */
      GDate year_start, year_end;

      dn_period_get_bounds (DN_PERIOD_REPORT_YEAR, day, &year_start, &year_end);
      first_half = year_start;
      day = &first_half;
    }
  dn_period_get_bounds (kind_periods[kind], day, &out->start, &out->end);
}

void
dn_report_period_previous (const DnReportPeriod *period,
                           DnReportPeriod       *out)
{
  GDate day;

  g_return_if_fail (period != NULL && period->kind < DN_REPORT_CUSTOM);
  day = period->start;
  /* (for the tt19 half-year: a day of the report year before) */
  g_date_subtract_days (&day, 1);
  dn_report_period_containing (period->kind, &day, out);
}

char *
dn_report_period_to_string (const DnReportPeriod *period)
{
  const GDate *start, *end;
  int school_year;

  g_return_val_if_fail (period != NULL && period->kind < DN_REPORT_KIND_N, NULL);
  g_return_val_if_fail (g_date_valid (&period->start) && g_date_valid (&period->end), NULL);

  start = &period->start;
  end = &period->end;
  school_year = dn_date_get_school_year (start);
  switch (period->kind)
    {
    case DN_REPORT_QUARTER:
      return g_strdup_printf ("%d-Q%d", g_date_get_year (start), dn_date_get_quarter (start));
    case DN_REPORT_SEMESTER:
      return g_strdup_printf ("%d-%d-HK%d", school_year, school_year + 1, dn_date_get_semester (start));
    case DN_REPORT_SCHOOL_YEAR:
      return g_strdup_printf ("%d-%d", school_year, school_year + 1);
    case DN_REPORT_YEAR:
    case DN_REPORT_TT19_HALF:
    case DN_REPORT_TT19_YEAR:
      return g_strdup_printf ("%d", g_date_get_year (end));
    case DN_REPORT_CUSTOM:
    case DN_REPORT_KIND_N:
    default:
      {
        g_autofree char *from = dn_date_format_iso (start);
        g_autofree char *to = dn_date_format_iso (end);

        return g_strconcat (from, "..", to, NULL);
      }
    }
}

char *
dn_report_period_describe (const DnReportPeriod *period)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int school_year;

  g_return_val_if_fail (period != NULL && period->kind < DN_REPORT_KIND_N, NULL);
  g_return_val_if_fail (g_date_valid (&period->start) && g_date_valid (&period->end), NULL);

  from = dn_date_format_short (&period->start);
  to = dn_date_format_short (&period->end);
  school_year = dn_date_get_school_year (&period->start);
  switch (period->kind)
    {
    case DN_REPORT_QUARTER:
      return g_strdup_printf ("quý %s năm %d", roman[dn_date_get_quarter (&period->start) - 1],
                              g_date_get_year (&period->start));
    case DN_REPORT_SEMESTER:
      return g_strdup_printf ("học kỳ %s năm học %d-%d", roman[dn_date_get_semester (&period->start) - 1],
                              school_year, school_year + 1);
    case DN_REPORT_SCHOOL_YEAR:
      return g_strdup_printf ("năm học %d-%d", school_year, school_year + 1);
    case DN_REPORT_YEAR:
      return g_strdup_printf ("năm %d", g_date_get_year (&period->start));
    case DN_REPORT_TT19_HALF:
      return g_strdup_printf ("6 tháng đầu năm %d (từ ngày %s đến ngày %s)", g_date_get_year (&period->end), from,
                              to);
    case DN_REPORT_TT19_YEAR:
      return g_strdup_printf ("năm %d (từ ngày %s đến ngày %s)", g_date_get_year (&period->end), from, to);
    case DN_REPORT_CUSTOM:
    case DN_REPORT_KIND_N:
    default:
      return g_strdup_printf ("từ ngày %s đến ngày %s", from, to);
    }
}

gboolean
dn_report_period_get_due (const DnReportPeriod *period,
                          GDate                *due)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  g_date_clear (due, 1);
  if (!g_date_valid (&period->end))
    return FALSE;
  if (period->kind == DN_REPORT_TT19_HALF)
    g_date_set_dmy (due, 31, G_DATE_MAY, g_date_get_year (&period->end));
  else if (period->kind == DN_REPORT_TT19_YEAR)
    g_date_set_dmy (due, 30, G_DATE_NOVEMBER, g_date_get_year (&period->end));
  else
    return FALSE;
  return TRUE;
}

gboolean
dn_report_title_asks_for_report (const char *title)
{
  g_autofree char *folded = title != NULL ? dn_text_fold (title, -1) : NULL;

  return folded != NULL && strstr (folded, "bao cao") != NULL;
}

/* The title names Circular 19/2020 (the report on international
 * cooperation in education). */
static gboolean
names_circular_19 (const char *folded)
{
  return strstr (folded, "tt19") != NULL || strstr (folded, "tt 19") != NULL ||
         strstr (folded, "thong tu 19") != NULL || strstr (folded, "thong tu so 19") != NULL ||
         strstr (folded, "19/2020") != NULL;
}

static void
set_custom (DnReportPeriod *out,
            GDateDay        first_day,
            GDateMonth      first_month,
            GDateMonth      last_month,
            GDateYear       year)
{
  out->kind = DN_REPORT_CUSTOM;
  g_date_clear (&out->start, 1);
  g_date_clear (&out->end, 1);
  g_date_set_dmy (&out->start, first_day, first_month, year);
  g_date_set_dmy (&out->end, g_date_get_days_in_month (last_month, year), last_month, year);
}

gboolean
dn_report_period_for_occurrence (DnRecurrence    recurrence,
                                 const char     *title,
                                 const GDate    *due,
                                 DnReportPeriod *out)
{
  g_autofree char *folded = NULL;
  gboolean tt19;
  GDate day;
  GDateMonth month;
  GDateYear year;

  g_return_val_if_fail (out != NULL, FALSE);
  if (due == NULL || !g_date_valid (due) || recurrence == DN_RECURRENCE_NONE || (guint) recurrence >= DN_RECURRENCE_N)
    return FALSE;
  folded = dn_text_fold (title != NULL ? title : "", -1);
  tt19 = folded != NULL && names_circular_19 (folded);
  day = *due;
  g_date_subtract_days (&day, 16);
  month = g_date_get_month (&day);
  year = g_date_get_year (&day);
  switch (recurrence)
    {
    case DN_RECURRENCE_MONTHLY:
      set_custom (out, 1, month, month, year);
      break;
    case DN_RECURRENCE_QUARTERLY:
      dn_report_period_containing (DN_REPORT_QUARTER, &day, out);
      break;
    case DN_RECURRENCE_TWICE_YEARLY:
      if (tt19)
        {
          /* the first half is reported alone, the second with the year */
          DnReportPeriod half;

          dn_report_period_containing (DN_REPORT_TT19_HALF, &day, &half);
          dn_report_period_containing (g_date_compare (&day, &half.end) <= 0 ? DN_REPORT_TT19_HALF
                                                                             : DN_REPORT_TT19_YEAR, &day, out);
        }
      else if (month <= G_DATE_JUNE)
        set_custom (out, 1, G_DATE_JANUARY, G_DATE_JUNE, year);
      else
        set_custom (out, 1, G_DATE_JULY, G_DATE_DECEMBER, year);
      break;
    case DN_RECURRENCE_SEMESTER:
      dn_report_period_containing (DN_REPORT_SEMESTER, &day, out);
      break;
    case DN_RECURRENCE_ANNUAL:
      if (tt19)
        dn_report_period_containing (DN_REPORT_TT19_YEAR, &day, out);
      else if (folded != NULL && strstr (folded, "nam hoc") != NULL)
        dn_report_period_containing (DN_REPORT_SCHOOL_YEAR, &day, out);
      else
        dn_report_period_containing (DN_REPORT_YEAR, &day, out);
      break;
    case DN_RECURRENCE_NONE:
    case DN_RECURRENCE_N:
    default:
      return FALSE;
    }
  return TRUE;
}
