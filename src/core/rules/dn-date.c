/* dn-date.c: dates as Vietnamese offices write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"

#include <string.h>

static const char * const roman_numerals[] = { "I", "II", "III", "IV" };

static gboolean
year_in_range (int year)
{
  return year >= DN_DATE_MIN_YEAR && year <= DN_DATE_MAX_YEAR;
}

/* Sets @out (may be NULL) when day/month/year make a real date in range. */
static gboolean
set_checked (int    day,
             int    month,
             int    year,
             GDate *out)
{
  if (!year_in_range (year) || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Reads between @min_digits and @max_digits ASCII digits at *@p; advances *@p. */
static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  const char *s = *p;
  int n = 0;
  int v = 0;

  while (n < max_digits && g_ascii_isdigit (s[n]))
    {
      v = v * 10 + (s[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (s[n]))
    return FALSE;

  *value = v;
  *p = s + n;
  return TRUE;
}

/* "year-month-day" and nothing after: a year of 4 digits, a month and a
 * day of @min_digits to 2 digits */
static gboolean
parse_year_first (const char *p,
                  int         min_digits,
                  GDate      *out)
{
  int year, month, day;

  if (!read_number (&p, 4, 4, &year) || *p++ != '-')
    return FALSE;
  if (!read_number (&p, min_digits, 2, &month) || *p++ != '-')
    return FALSE;
  if (!read_number (&p, min_digits, 2, &day) || *p != '\0')
    return FALSE;

  return set_checked (day, month, year, out);
}

gboolean
dn_date_parse_iso (const char *text,
                   GDate      *out)
{
  return text != NULL && strlen (text) == 10 && parse_year_first (text, 2, out);
}

gboolean
dn_date_parse_user (const char *text,
                    GDate      *out)
{
  g_autofree char *copy = NULL;
  const char *p;
  int first, month, last;
  char sep;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  /* ISO: 2024-06-30 (also 2024-6-30) */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
      g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && p[4] == '-')
    return parse_year_first (p, 1, out);

  /* Vietnamese order: 30/6/2024, 30-06-2024, 30.6.2024; one separator kind */
  if (!read_number (&p, 1, 2, &first))
    return FALSE;
  sep = *p;
  if (sep != '/' && sep != '-' && sep != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 1, 2, &month) || *p++ != sep)
    return FALSE;
  if (!read_number (&p, 4, 4, &last) || *p != '\0')
    return FALSE;

  return set_checked (first, month, last, out);
}

char *
dn_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
dn_date_format_short (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

char *
dn_date_format_official (const char  *place,
                         const GDate *date)
{
  guint day, month, year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);

  /* Nghị định 30/2020, Phụ lục I: a leading zero for days under 10 and for
   * months 1 and 2 only ("tháng 01", "tháng 02", but "tháng 9"). */
  return g_strdup_printf ("%s%sngày %02u tháng %s%u năm %u",
                          place != NULL && *place != '\0' ? place : "",
                          place != NULL && *place != '\0' ? ", " : "",
                          day,
                          month < 3 ? "0" : "",
                          month,
                          year);
}

/* The months as the long date writes them; translated in context "month". */
static const char * const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

char *
dn_date_format_long (const GDate *date)
{
  const char *month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[g_date_get_month (date) - 1]);
  /* TRANSLATORS: a date in full: %1$s the month (translated in context
   * "month"), %2$u the day, %3$u the year. Vietnamese writes it as official
   * documents do, "ngày %2$02u %1$s năm %3$u", with the months "tháng 01",
   * "tháng 02", "tháng 3"… */
  return g_strdup_printf (_("%1$s %2$u, %3$u"), month, (guint) g_date_get_day (date),
                          (guint) g_date_get_year (date));
}

char *
dn_date_format_quarter_label (int year,
                              int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  /* TRANSLATORS: a quarter of a year, %d the year; Vietnamese "Quý I/%d" */
  switch (quarter)
    {
    case 1:
      return g_strdup_printf (_("Q1 %d"), year);
    case 2:
      return g_strdup_printf (_("Q2 %d"), year);
    case 3:
      return g_strdup_printf (_("Q3 %d"), year);
    default:
      return g_strdup_printf (_("Q4 %d"), year);
    }
}

char *
dn_date_format_quarter (int year,
                        int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return g_strdup_printf ("Quý %s/%d", roman_numerals[quarter - 1], year);
}

char *
dn_date_format_semester (int start_year,
                         int semester)
{
  g_return_val_if_fail (semester == 1 || semester == 2, NULL);

  return g_strdup_printf ("Học kỳ %s năm học %d-%d",
                          roman_numerals[semester - 1],
                          start_year, start_year + 1);
}

char *
dn_date_format_school_year (int start_year)
{
  return g_strdup_printf ("Năm học %d-%d", start_year, start_year + 1);
}

int
dn_date_get_quarter (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return ((int) g_date_get_month (date) - 1) / 3 + 1;
}

int
dn_date_get_school_year (const GDate *date)
{
  int year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  year = (int) g_date_get_year (date);
  return g_date_get_month (date) >= G_DATE_SEPTEMBER ? year : year - 1;
}

int
dn_date_get_semester (const GDate *date)
{
  GDateMonth month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  month = g_date_get_month (date);
  if (month >= G_DATE_SEPTEMBER)
    return 1;
  if (month == G_DATE_JANUARY && g_date_get_day (date) <= 15)
    return 1;
  return 2;
}

static void
set_from_date_time (GDateTime *utc,
                    GDate     *out)
{
  /* Vietnam has no daylight saving time: a fixed offset is exact. */
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) vn = g_date_time_to_timezone (utc, tz);

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (vn),
                  (GDateMonth) g_date_time_get_month (vn),
                  (GDateYear) g_date_time_get_year (vn));
}

void
dn_date_from_unix (gint64  unix_time,
                   GDate  *out)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (out != NULL);

  utc = g_date_time_new_from_unix_utc (unix_time);
  g_return_if_fail (utc != NULL);
  set_from_date_time (utc, out);
}

/* the day set by dn_date_set_today(), or 0: the real one */
static guint32 today_julian;

void
dn_date_set_today (const GDate *day)
{
  g_return_if_fail (day == NULL || g_date_valid (day));

  g_atomic_int_set ((gint *) &today_julian, day != NULL ? (gint) g_date_get_julian (day) : 0);
}

void
dn_date_today (GDate *out)
{
  g_autoptr(GDateTime) now = NULL;
  guint32 julian;

  g_return_if_fail (out != NULL);

  julian = (guint32) g_atomic_int_get ((gint *) &today_julian);
  if (julian != 0)
    {
      g_date_clear (out, 1);
      g_date_set_julian (out, julian);
      return;
    }
  now = g_date_time_new_now_utc ();
  set_from_date_time (now, out);
}
