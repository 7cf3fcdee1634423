/* dn-unit-stat.h: UnitStat record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_UNIT_STAT (dn_unit_stat_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitStat, dn_unit_stat, DN, UNIT_STAT, GObject)

/* Figures of one lead unit for a period: tasks due, done, overdue; reminders received.
 * Fields are public; strings are owned and never NULL after dn_unit_stat_new(). */
struct _DnUnitStat
{
  GObject parent_instance;

  gint64 unit_id;
  char *unit_code;
  char *unit_name;
  guint n_tasks; /* tasks it leads that are due in the period */
  guint n_done;
  guint n_overdue;
  guint n_reminders[DN_REMINDER_N]; /* reminders received, by kind (all time) */
};

DnUnitStat *dn_unit_stat_new (void);

G_END_DECLS
