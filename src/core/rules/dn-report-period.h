/* dn-report-period.h: the periods the department's reports cover
 *
 * A report covers one period of one kind, named as the command line and
 * the stored reports write it:
 *
 * | kind          | text            | days covered                          |
 * |---------------|-----------------|---------------------------------------|
 * | quarter       | 2024-Q1         | 1 January to 31 March 2024            |
 * | semester      | 2024-2025-HK1   | 1 September 2024 to 15 January 2025   |
 * | school-year   | 2024-2025       | 1 September 2024 to 31 August 2025    |
 * | year          | 2024            | the calendar year                     |
 * | tt19-half     | 2024            | 16 November 2023 to 15 May 2024       |
 * | tt19-year     | 2024            | 16 November 2023 to 15 November 2024  |
 * | custom        | 2024-01-01..2024-03-31 | those days, both included      |
 *
 * The semester and school year are those of dn_date_get_semester(); the
 * two tt19 kinds are the periods of the report on international
 * cooperation in education that a department sends the ministry under
 * Thông tư 19/2020/TT-BGDĐT (dn_period_get_bounds()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-types.h"

G_BEGIN_DECLS

typedef enum
{
  DN_REPORT_QUARTER,
  DN_REPORT_SEMESTER,
  DN_REPORT_SCHOOL_YEAR,
  DN_REPORT_YEAR,
  DN_REPORT_TT19_HALF,
  DN_REPORT_TT19_YEAR,
  DN_REPORT_CUSTOM,
  DN_REPORT_KIND_N
} DnReportKind;

#define DN_TYPE_REPORT_KIND (dn_report_kind_get_type ())
GType        dn_report_kind_get_type    (void) G_GNUC_CONST;

/* "quarter", "semester", "school-year", "year", "tt19-half", "tt19-year",
 * "custom" */
const char  *dn_report_kind_to_string   (DnReportKind  kind);
gboolean     dn_report_kind_from_string (const char   *text,
                                         DnReportKind *out);
/* The kind in the interface language ("Quarter", "TT19 half-year"…). */
const char  *dn_report_kind_get_label   (DnReportKind  kind);

typedef struct
{
  DnReportKind kind;
  GDate        start;  /* both included */
  GDate        end;
} DnReportPeriod;

/* Reads @text as a period of @kind (table above); FALSE with a translated
 * error (G_IO_ERROR_INVALID_DATA) that shows the expected form. */
gboolean     dn_report_period_parse     (DnReportKind    kind,
                                         const char     *text,
                                         DnReportPeriod *out,
                                         GError        **error);
/* The text dn_report_period_parse() reads back. */
char        *dn_report_period_to_string (const DnReportPeriod *period);
/* The period of @kind that contains @day (not for DN_REPORT_CUSTOM). */
void         dn_report_period_containing (DnReportKind    kind,
                                          const GDate    *day,
                                          DnReportPeriod *out);
/* The period of the same kind just before @period (not for custom). */
void         dn_report_period_previous  (const DnReportPeriod *period,
                                         DnReportPeriod       *out);
/* The period as a report's title says it, in Vietnamese whatever the
 * interface language (the report is an official document): "quý I năm
 * 2024", "học kỳ I năm học 2024-2025", "6 tháng đầu năm 2024 (từ ngày
 * 16/11/2023 đến ngày 15/05/2024)"… */
char        *dn_report_period_describe  (const DnReportPeriod *period);
/* When the report of @period is due, where a rule says: the tt19 half-year
 * report by 31 May, the tt19 yearly one by 30 November (the source's day
 * is truncated: the end of November is assumed). FALSE for other kinds. */
gboolean     dn_report_period_get_due   (const DnReportPeriod *period,
                                         GDate                *due);

/* Whether a recurring task's @title asks for a report: folded
 * (dn_text_fold()), it says "báo cáo". */
gboolean     dn_report_title_asks_for_report (const char *title);
/* The period the report of one occurrence of a recurring task covers, the
 * occurrence being due on @due: the period of the recurrence's kind that
 * holds the day 16 days before @due (a report due early in a period covers
 * the one before: a quarterly report due on 5 April is the first
 * quarter's, Circular 19's half-year report due on 31 May covers the half
 * ending on 15 May). Monthly: the calendar month (a custom period); twice a year:
 * the half-years of Circular 19 when the title names it ("TT19", "Thông tư
 * 19", "19/2020"), else the calendar half-years (custom); each semester:
 * the semester; yearly: the school year when the title says "năm học",
 * Circular 19's year when it names it, else the calendar year. FALSE for
 * a task that does not recur or has no due day. */
gboolean     dn_report_period_for_occurrence (DnRecurrence    recurrence,
                                              const char     *title,
                                              const GDate    *due,
                                              DnReportPeriod *out);

G_END_DECLS
