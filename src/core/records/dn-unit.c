/* dn-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit"

#include "config.h"

#include "dn-unit.h"

G_DEFINE_FINAL_TYPE (DnUnit, dn_unit, G_TYPE_OBJECT)

static void
dn_unit_finalize (GObject *object)
{
  DnUnit *self = DN_UNIT (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->parent_code, g_free);

  G_OBJECT_CLASS (dn_unit_parent_class)->finalize (object);
}

static void
dn_unit_class_init (DnUnitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_unit_finalize;
}

static void
dn_unit_init (DnUnit *self)
{
  self->code = g_strdup ("");
  self->name = g_strdup ("");
  self->parent_code = g_strdup ("");
}

DnUnit *
dn_unit_new (void)
{
  return g_object_new (DN_TYPE_UNIT, NULL);
}
