/* dn-lunar.h: Vietnamese lunar calendar (âm lịch), computed for UTC+7
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int      day;    /* 1..30 */
  int      month;  /* 1..12 */
  int      year;   /* lunar year, e.g. 2024 for Giáp Thìn */
  gboolean leap;   /* leap month (tháng nhuận) */
} DnLunarDate;

/* Solar (Gregorian) date → lunar date, for Vietnam's time zone (UTC+7).
 * Checked for 1900–2199 (against an independent ephemeris); any valid GDate
 * gets an answer, less certain the further it is from that range. Months 11
 * and 12 (and a leap 11 or 12) before Tết belong to the previous lunar year:
 * 2024-01-15 is 5/12 of lunar year 2023. Thread-safe. */
void     dn_lunar_from_solar (const GDate  *solar,
                              DnLunarDate  *out);

/* Lunar date → solar date. FALSE when the lunar date does not exist
 * (e.g. a leap month that year does not have, or day 30 of a 29-day month),
 * or when its solar date would be past GDate's last day (31/12/65535).
 * @out may be NULL. */
gboolean dn_lunar_to_solar   (const DnLunarDate *lunar,
                              GDate             *out);

G_END_DECLS
