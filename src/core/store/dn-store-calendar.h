/* dn-store-calendar.h: the holiday calendar working days are counted on
 *
 * The statutory holidays (DnCalendar, Bộ luật Lao động 2019 Điều 112) with
 * the officer's rows on top: the due-back date of a passport (05 working
 * days after the trip, Luật 49/2019 Điều 23.3) and, when the settings say
 * so, the due date of a trip report are counted on it.
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-calendar.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* The statutory holidays with the officer's rows of table calendar_day on
 * top (days off the Prime Minister decrees, make-up working days). */
DnCalendar *dn_store_get_calendar            (DnStore      *self,
                                              GError      **error);
/* Adds or replaces the officer's row for @day: @off TRUE a day off, FALSE
 * a working day (ngày làm bù). */
gboolean    dn_store_set_calendar_day        (DnStore      *self,
                                              const GDate  *day,
                                              gboolean      off,
                                              const char   *name,
                                              GError      **error);
gboolean    dn_store_clear_calendar_day      (DnStore      *self,
                                              const GDate  *day,
                                              GError      **error);
/* The days off of @year, by date (GPtrArray of DnHoliday): the statutory
 * holidays with their compensatory days (nghỉ bù), less those the officer
 * made working days, and the officer's own days off. */
GPtrArray  *dn_store_list_holidays           (DnStore      *self,
                                              int           year,
                                              GError      **error);

G_END_DECLS
