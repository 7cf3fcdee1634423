/* test-report-period.c: the periods reports cover, as typed and as titled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report-period"

#include "config.h"

#include <locale.h>

#include "dn-date.h"
#include "dn-report-period.h"

/* @kind's period @text as "dd/mm/yyyy-dd/mm/yyyy"; its text read back is
 * @text again. */
static char *
bounds_of (DnReportKind  kind,
           const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *again = NULL;
  DnReportPeriod period;

  g_assert_true (dn_report_period_parse (kind, text, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, kind);
  again = dn_report_period_to_string (&period);
  g_assert_cmpstr (again, ==, text);
  a = dn_date_format_short (&period.start);
  b = dn_date_format_short (&period.end);
  return g_strdup_printf ("%s-%s", a, b);
}

#define assert_bounds(kind, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = bounds_of ((kind), (text)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_parse (void)
{
  assert_bounds (DN_REPORT_QUARTER, "2024-Q1", "01/01/2024-31/03/2024");
  assert_bounds (DN_REPORT_QUARTER, "2024-Q4", "01/10/2024-31/12/2024");
  assert_bounds (DN_REPORT_SEMESTER, "2024-2025-HK1", "01/09/2024-15/01/2025");
  assert_bounds (DN_REPORT_SEMESTER, "2024-2025-HK2", "16/01/2025-31/08/2025");
  assert_bounds (DN_REPORT_SCHOOL_YEAR, "2024-2025", "01/09/2024-31/08/2025");
  assert_bounds (DN_REPORT_YEAR, "2024", "01/01/2024-31/12/2024");
  /* Thông tư 19/2020: from 16 November of the year before */
  assert_bounds (DN_REPORT_TT19_HALF, "2024", "16/11/2023-15/05/2024");
  assert_bounds (DN_REPORT_TT19_YEAR, "2024", "16/11/2023-15/11/2024");
  assert_bounds (DN_REPORT_CUSTOM, "2024-02-10..2024-02-10", "10/02/2024-10/02/2024");
  assert_bounds (DN_REPORT_CUSTOM, "2023-12-20..2024-03-05", "20/12/2023-05/03/2024");
}

/* Malformed periods are refused with the form to write. */
static void
test_malformed (void)
{
  static const struct
  {
    DnReportKind kind;
    const char  *text;
  } bad[] = {
    { DN_REPORT_QUARTER, "2024-Q5" },
    { DN_REPORT_QUARTER, "2024-Q0" },
    { DN_REPORT_QUARTER, "2024Q1" },
    { DN_REPORT_QUARTER, "2024-Q1 " },
    { DN_REPORT_QUARTER, "24-Q1" },
    { DN_REPORT_QUARTER, "" },
    { DN_REPORT_SEMESTER, "2024-2026-HK1" },
    { DN_REPORT_SEMESTER, "2024-2025-HK3" },
    { DN_REPORT_SEMESTER, "2024-2025" },
    { DN_REPORT_SCHOOL_YEAR, "2025-2024" },
    { DN_REPORT_SCHOOL_YEAR, "2024" },
    { DN_REPORT_YEAR, "20245" },
    { DN_REPORT_YEAR, "0999" },
    { DN_REPORT_YEAR, "２０２４" },
    { DN_REPORT_TT19_HALF, "2024-Q1" },
    { DN_REPORT_TT19_YEAR, "-2024" },
    { DN_REPORT_CUSTOM, "2024-03-31..2024-01-01" },
    { DN_REPORT_CUSTOM, "2024-02-30..2024-03-01" },
    { DN_REPORT_CUSTOM, "2024-01-01" },
    { DN_REPORT_CUSTOM, "2024-01-01...2024-02-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      DnReportPeriod period = { 0 };

      g_assert_false (dn_report_period_parse (bad[i].kind, bad[i].text, &period, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      /* says what it read and how to write it */
      g_assert_nonnull (strstr (error->message, bad[i].text));
      g_assert_nonnull (strstr (error->message, dn_report_kind_to_string (bad[i].kind)));
    }
  {
    g_autoptr(GError) error = NULL;
    DnReportPeriod period;

    g_assert_false (dn_report_period_parse (DN_REPORT_QUARTER, NULL, &period, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

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

static char *
text_of (const DnReportPeriod *period)
{
  return dn_report_period_to_string (period);
}

/* The period a day is in, and the one before it. */
static void
test_containing_previous (void)
{
  static const struct
  {
    DnReportKind kind;
    int          day, month, year;
    const char  *containing;
    const char  *previous;
  } cases[] = {
    { DN_REPORT_QUARTER, 1, 1, 2025, "2025-Q1", "2024-Q4" },
    { DN_REPORT_QUARTER, 30, 9, 2024, "2024-Q3", "2024-Q2" },
    { DN_REPORT_SEMESTER, 15, 1, 2025, "2024-2025-HK1", "2023-2024-HK2" },
    { DN_REPORT_SEMESTER, 16, 1, 2025, "2024-2025-HK2", "2024-2025-HK1" },
    { DN_REPORT_SCHOOL_YEAR, 31, 8, 2025, "2024-2025", "2023-2024" },
    { DN_REPORT_YEAR, 31, 12, 2024, "2024", "2023" },
    /* 16 November opens the next report year */
    { DN_REPORT_TT19_YEAR, 15, 11, 2024, "2024", "2023" },
    { DN_REPORT_TT19_YEAR, 16, 11, 2024, "2025", "2024" },
    /* the half-year report: the first half of the report year */
    { DN_REPORT_TT19_HALF, 1, 8, 2024, "2024", "2023" },
    { DN_REPORT_TT19_HALF, 20, 11, 2024, "2025", "2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate day = dmy (cases[i].day, cases[i].month, cases[i].year);
      DnReportPeriod period, previous;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      dn_report_period_containing (cases[i].kind, &day, &period);
      dn_report_period_previous (&period, &previous);
      a = text_of (&period);
      b = text_of (&previous);
      g_assert_cmpstr (a, ==, cases[i].containing);
      g_assert_cmpstr (b, ==, cases[i].previous);
      g_assert_cmpint (previous.kind, ==, cases[i].kind);
      /* the one before ends the day before (a half-year excepted) */
      if (cases[i].kind != DN_REPORT_TT19_HALF)
        {
          g_date_add_days (&previous.end, 1);
          g_assert_cmpint (g_date_compare (&previous.end, &period.start), ==, 0);
        }
    }
}

static void
test_describe_due (void)
{
  static const struct
  {
    DnReportKind kind;
    const char  *text;
    const char  *title;
    const char  *due;
  } cases[] = {
    { DN_REPORT_QUARTER, "2024-Q3", "quý III năm 2024", NULL },
    { DN_REPORT_SEMESTER, "2024-2025-HK2", "học kỳ II năm học 2024-2025", NULL },
    { DN_REPORT_SCHOOL_YEAR, "2018-2019", "năm học 2018-2019", NULL },
    { DN_REPORT_YEAR, "2024", "năm 2024", NULL },
    { DN_REPORT_TT19_HALF, "2024", "6 tháng đầu năm 2024 (từ ngày 16/11/2023 đến ngày 15/05/2024)", "31/05/2024" },
    { DN_REPORT_TT19_YEAR, "2024", "năm 2024 (từ ngày 16/11/2023 đến ngày 15/11/2024)", "30/11/2024" },
    { DN_REPORT_CUSTOM, "2024-01-02..2024-02-03", "từ ngày 02/01/2024 đến ngày 03/02/2024", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DnReportPeriod period;
      GDate due;
      g_autofree char *title = NULL;

      g_assert_true (dn_report_period_parse (cases[i].kind, cases[i].text, &period, NULL));
      title = dn_report_period_describe (&period);
      g_assert_cmpstr (title, ==, cases[i].title);
      g_assert_cmpint (dn_report_period_get_due (&period, &due), ==, cases[i].due != NULL);
      if (cases[i].due != NULL)
        {
          g_autofree char *text = dn_date_format_short (&due);
          g_assert_cmpstr (text, ==, cases[i].due);
        }
      else
        g_assert_false (g_date_valid (&due));
    }
}

static void
test_kinds (void)
{
  for (DnReportKind kind = 0; kind < DN_REPORT_KIND_N; kind++)
    {
      DnReportKind back = DN_REPORT_KIND_N;

      g_assert_true (dn_report_kind_from_string (dn_report_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (dn_report_kind_get_label (kind));
    }
  {
    DnReportKind untouched = DN_REPORT_YEAR;

    g_assert_false (dn_report_kind_from_string ("quý", &untouched));
    g_assert_false (dn_report_kind_from_string (NULL, &untouched));
    g_assert_cmpint (untouched, ==, DN_REPORT_YEAR);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-period/parse", test_parse);
  g_test_add_func ("/report-period/malformed", test_malformed);
  g_test_add_func ("/report-period/containing-previous", test_containing_previous);
  g_test_add_func ("/report-period/describe-due", test_describe_due);
  g_test_add_func ("/report-period/kinds", test_kinds);
  return g_test_run ();
}
