/* dn-reminder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-reminder"

#include "config.h"

#include "dn-reminder.h"

G_DEFINE_FINAL_TYPE (DnReminder, dn_reminder, G_TYPE_OBJECT)

static void
dn_reminder_finalize (GObject *object)
{
  DnReminder *self = DN_REMINDER (object);

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->sent_by, g_free);
  g_clear_pointer (&self->unit_code, g_free);
  g_clear_pointer (&self->unit_name, g_free);

  G_OBJECT_CLASS (dn_reminder_parent_class)->finalize (object);
}

static void
dn_reminder_class_init (DnReminderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_reminder_finalize;
}

static void
dn_reminder_init (DnReminder *self)
{
  self->note = g_strdup ("");
  self->sent_by = g_strdup ("");
  self->unit_code = g_strdup ("");
  self->unit_name = g_strdup ("");
  g_date_clear (&self->sent_on, 1);
}

DnReminder *
dn_reminder_new (void)
{
  return g_object_new (DN_TYPE_REMINDER, NULL);
}
