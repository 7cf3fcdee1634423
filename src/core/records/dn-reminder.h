/* dn-reminder.h: Reminder record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_REMINDER (dn_reminder_get_type ())
G_DECLARE_FINAL_TYPE (DnReminder, dn_reminder, DN, REMINDER, GObject)

/* A reminder (đôn đốc) sent by the assigning office to an assigned unit. Reminders are never edited nor deleted.
 * Fields are public; strings are owned and never NULL after dn_reminder_new(). */
struct _DnReminder
{
  GObject parent_instance;

  gint64 id;
  gint64 task_id;
  gint64 unit_id;
  DnReminderKind kind;
  GDate sent_on;
  char *note;
  char *sent_by;
  char *unit_code; /* filled on reads */
  char *unit_name; /* filled on reads */
};

DnReminder *dn_reminder_new (void);

G_END_DECLS
