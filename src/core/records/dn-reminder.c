/* dn-reminder.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-reminder"

#include "config.h"

#include "dn-reminder.h"

DnReminder *
dn_reminder_new (void)
{
  return g_object_new (DN_TYPE_REMINDER, NULL);
}
