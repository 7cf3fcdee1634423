/* dn-calendar.h: non-working days and working-day arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DN_DAY_WORKING = 0,   /* an ordinary working day (or a make-up working day) */
  DN_DAY_WEEKEND,       /* Saturday or Sunday */
  DN_DAY_HOLIDAY,       /* a statutory holiday or a day off the officer added */
} DnDayKind;

typedef struct
{
  GDate  date;
  char  *name;       /* Vietnamese name: "Tết Dương lịch", "Tết Âm lịch",
                      * "Giỗ Tổ Hùng Vương", "Ngày Chiến thắng",
                      * "Ngày Quốc tế lao động", "Quốc khánh", "Nghỉ bù" */
} DnHoliday;

void dn_holiday_free (DnHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnHoliday, dn_holiday_free)

#define DN_TYPE_CALENDAR (dn_calendar_get_type ())
G_DECLARE_FINAL_TYPE (DnCalendar, dn_calendar, DN, CALENDAR, GObject)

DnCalendar *dn_calendar_new                 (void);

/* Statutory holidays of Bộ luật Lao động 2019, Điều 112, whose date is in
 * @year, sorted by date (GPtrArray of DnHoliday, owning): 1/1; Tết Âm lịch 5
 * days (the last day of the lunar year and the first four days of the new
 * year; lunar year @year begins in late January or February of @year);
 * Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 2/9 and one adjacent day.
 * The adjacent day is a weekday (a weekend day would add nothing): 1/9 or
 * 3/9, whichever joins the weekend to make the longer break, 1/9 when both
 * make the same; so 2/9 on Mon → 3/9, Tue → 1/9, Wed → 1/9, Thu → 3/9,
 * Fri → 1/9, Sat → 1/9, Sun → 3/9. Plus, for each of these that falls on a
 * Saturday or Sunday, a compensatory day off ("Nghỉ bù") on the next day that
 * is neither a weekend day, a holiday nor an earlier compensatory day.
 * Two holidays on the same date both appear, and count as one day off.
 * The same rules are applied to every year; the array is empty for years
 * outside 2..65534. */
GPtrArray  *dn_calendar_statutory_holidays  (int year);

/* Officer's rows, for the days the Prime Minister decrees each year:
 * @off TRUE adds a day off (or moves one), FALSE makes a day a working day
 * even when it is a weekend or computed holiday (ngày làm bù). */
void        dn_calendar_set_override        (DnCalendar  *self,
                                             const GDate *date,
                                             gboolean     off,
                                             const char  *name);
void        dn_calendar_clear_override      (DnCalendar  *self,
                                             const GDate *date);

/* An override wins over everything: off → DN_DAY_HOLIDAY, not off →
 * DN_DAY_WORKING. Otherwise a statutory holiday (even on a weekend) is
 * DN_DAY_HOLIDAY, Saturday and Sunday DN_DAY_WEEKEND. */
DnDayKind   dn_calendar_get_day_kind        (DnCalendar  *self,
                                             const GDate *date);
gboolean    dn_calendar_is_working_day      (DnCalendar  *self,
                                             const GDate *date);
/* The name of the day, for tooltips: an override's name (may be NULL), else
 * the statutory holiday's name, else NULL. Owned by @self, valid until the
 * override changes. */
const char *dn_calendar_get_day_name        (DnCalendar  *self,
                                             const GDate *date);

/* The date on which @n working days (n >= 0) after @start have passed: the
 * n-th working day strictly after @start. With n = 0, @start itself. The
 * passport rule "trong 05 ngày làm việc kể từ ngày kết thúc" is
 * dn_calendar_add_working_days (cal, end_of_trip, 5, &due). Stops at
 * 31/12/65535, the last day GDate has. */
void        dn_calendar_add_working_days    (DnCalendar  *self,
                                             const GDate *start,
                                             guint        n,
                                             GDate       *out);

/* Number of working days in (from, to]; 0 when to <= from. So
 * count (start, add (start, n)) == n. */
guint       dn_calendar_count_working_days  (DnCalendar  *self,
                                             const GDate *from,
                                             const GDate *to);

G_END_DECLS
