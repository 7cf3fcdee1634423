/* dn-store-reminders.h: reminders (đôn đốc) and per-unit figures
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-reminder.h"
#include "dn-unit-stat.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Records a reminder to a unit assigned to the task (lead or supporting). */
gboolean dn_store_add_reminder (DnStore *self, DnReminder *reminder, GError **error);
/* Oldest first. */
GPtrArray *dn_store_list_reminders (DnStore *self, gint64 task_id, GError **error);
/* One DnUnitStat per unit that leads a task due in [@from, @to] or has
 * received reminders, by unit name (Vietnamese order). */
GPtrArray *dn_store_list_unit_stats (DnStore *self, const GDate *from, const GDate *to, GError **error);

G_END_DECLS
