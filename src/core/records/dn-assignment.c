/* dn-assignment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-assignment"

#include "config.h"

#include "dn-assignment.h"

G_DEFINE_FINAL_TYPE (DnAssignment, dn_assignment, G_TYPE_OBJECT)

static void
dn_assignment_finalize (GObject *object)
{
  DnAssignment *self = DN_ASSIGNMENT (object);

  g_clear_pointer (&self->reply_reference, g_free);
  g_clear_pointer (&self->unit_code, g_free);
  g_clear_pointer (&self->unit_name, g_free);

  G_OBJECT_CLASS (dn_assignment_parent_class)->finalize (object);
}

static void
dn_assignment_class_init (DnAssignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_assignment_finalize;
}

static void
dn_assignment_init (DnAssignment *self)
{
  self->reply_reference = g_strdup ("");
  self->unit_code = g_strdup ("");
  self->unit_name = g_strdup ("");
  g_date_clear (&self->due_date, 1);
}

DnAssignment *
dn_assignment_new (void)
{
  return g_object_new (DN_TYPE_ASSIGNMENT, NULL);
}
