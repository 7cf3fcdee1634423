/* dn-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task"

#include "config.h"

#include "dn-task.h"

G_DEFINE_FINAL_TYPE (DnTask, dn_task, G_TYPE_OBJECT)

static void
dn_task_finalize (GObject *object)
{
  DnTask *self = DN_TASK (object);

  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->lead_unit_code, g_free);
  g_clear_pointer (&self->lead_unit_name, g_free);
  g_clear_pointer (&self->support_unit_codes, g_free);
  g_clear_pointer (&self->document_label, g_free);
  g_clear_pointer (&self->support_unit_ids, g_array_unref);

  G_OBJECT_CLASS (dn_task_parent_class)->finalize (object);
}

static void
dn_task_class_init (DnTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_finalize;
}

static void
dn_task_init (DnTask *self)
{
  self->section = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->lead_unit_code = g_strdup ("");
  self->lead_unit_name = g_strdup ("");
  self->support_unit_codes = g_strdup ("");
  self->document_label = g_strdup ("");
  self->support_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->due_date, 1);
}

DnTask *
dn_task_new (void)
{
  return g_object_new (DN_TYPE_TASK, NULL);
}
