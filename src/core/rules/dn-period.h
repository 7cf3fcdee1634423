/* dn-period.h: the periods lists are filtered by and reports cover
 *
 * Each kind of period gives, for a reference date (usually today), the
 * first and last day of the period that contains it:
 *
 * - next 7 days: the reference date and the 6 days after it;
 * - week: Monday to Sunday; month; quarter (Quý I = January to March);
 *   calendar year;
 * - semester and school year, as dn_date_get_semester() and
 *   dn_date_get_school_year() count them: a school year runs from
 *   1 September to 31 August, semester I from 1 September to 15 January,
 *   semester II from 16 January to 31 August;
 * - the report periods of Thông tư 19/2020/TT-BGDĐT (báo cáo kết quả hợp
 *   tác quốc tế): the report year runs from 16 November of the year before
 *   to 15 November (it is named after the year it ends in); its first half,
 *   which the semi-annual report covers, from 16 November to 15 May, its
 *   second half from 16 May to 15 November.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DN_PERIOD_ANY,               /* no bounds */
  DN_PERIOD_NEXT_7_DAYS,
  DN_PERIOD_WEEK,
  DN_PERIOD_MONTH,
  DN_PERIOD_QUARTER,
  DN_PERIOD_SEMESTER,
  DN_PERIOD_SCHOOL_YEAR,
  DN_PERIOD_YEAR,
  DN_PERIOD_REPORT_HALF_YEAR,
  DN_PERIOD_REPORT_YEAR,
  DN_PERIOD_N
} DnPeriod;

#define DN_TYPE_PERIOD (dn_period_get_type ())
GType       dn_period_get_type     (void) G_GNUC_CONST;

/* Sets @start and @end (both included) to the period of kind @period that
 * contains @reference. For DN_PERIOD_ANY, or an invalid @reference, both
 * are cleared (invalid) and FALSE is returned. */
gboolean    dn_period_get_bounds   (DnPeriod     period,
                                    const GDate *reference,
                                    GDate       *start,
                                    GDate       *end);

/* A stable keyword for each kind ("quarter", "school-year",
 * "report-half-year"…), as presets and settings write them. */
const char *dn_period_to_string    (DnPeriod     period);
/* The kind of a keyword; FALSE (and @out untouched) for an unknown one. */
gboolean    dn_period_from_string  (const char  *text,
                                    DnPeriod    *out);

G_END_DECLS
