/* dn-date.h: dates as Vietnamese offices write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DN_DATE_MIN_YEAR 1900
#define DN_DATE_MAX_YEAR 2200

/* Parses "YYYY-MM-DD" exactly (as stored in the database). FALSE for anything
 * else, for an impossible date (2023-02-29) or a year outside
 * DN_DATE_MIN_YEAR..DN_DATE_MAX_YEAR. @out may be NULL (validation only). */
gboolean dn_date_parse_iso        (const char *text,
                                   GDate      *out);

/* Parses a date as an officer types it: "30/6/2024", "30/06/2024", "30-6-2024",
 * "30.6.2024", "2024-06-30"; surrounding spaces ignored. Same range rules. */
gboolean dn_date_parse_user       (const char *text,
                                   GDate      *out);

/* "2024-06-30" */
char    *dn_date_format_iso       (const GDate *date);
/* "30/06/2024", as lists show dates */
char    *dn_date_format_short     (const GDate *date);
/* The official date line (Nghị định 30/2020, Phụ lục I): days under 10 and
 * months 1 and 2 get a leading zero: "Lào Cai, ngày 17 tháng 9 năm 2018",
 * "Hà Nội, ngày 05 tháng 01 năm 2020". @place may be NULL ("ngày … tháng … năm …"). */
char    *dn_date_format_official  (const char  *place,
                                   const GDate *date);
/* A date in full in the interface language: "December 7, 2026" in
 * English, "ngày 07 tháng 12 năm 2026" in Vietnamese (the translation
 * gives the official form). */
char    *dn_date_format_long      (const GDate *date);
/* A quarter in the interface language: "Q4 2026", "Quý IV/2026" (quarter
 * 1..4). */
char    *dn_date_format_quarter_label (int year,
                                       int quarter);
/* "Quý I/2024" (quarter 1..4), as documents write it in any language */
char    *dn_date_format_quarter   (int year,
                                   int quarter);
/* School year starting in @start_year; semester 1 or 2:
 * "Học kỳ I năm học 2018-2019" */
char    *dn_date_format_semester  (int start_year,
                                   int semester);
/* "Năm học 2018-2019" */
char    *dn_date_format_school_year (int start_year);

/* Quarter (1..4) of @date */
int      dn_date_get_quarter      (const GDate *date);
/* School year a date belongs to (a school year runs from 1 September to
 * 31 August): 2019-03-01 → 2018 */
int      dn_date_get_school_year  (const GDate *date);
/* Semester of a date: 1 from 1 September to 15 January, 2 otherwise */
int      dn_date_get_semester     (const GDate *date);

/* Today in Vietnam (UTC+7), whatever the machine's time zone, or the day
 * set by dn_date_set_today(). */
void     dn_date_today            (GDate *out);
/* Judges "today" (overdue, …) on @day from now on, in every thread; NULL
 * goes back to the real day. For scripts, tests and benchmarks
 * (doingoai-cli --today). */
void     dn_date_set_today        (const GDate *day);
/* The date in Vietnam (UTC+7) at @unix_time (seconds since 1970-01-01 UTC). */
void     dn_date_from_unix        (gint64 unix_time,
                                   GDate *out);

G_END_DECLS
