/* dn-unit-stat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit-stat"

#include "config.h"

#include "dn-unit-stat.h"

G_DEFINE_FINAL_TYPE (DnUnitStat, dn_unit_stat, G_TYPE_OBJECT)

static void
dn_unit_stat_finalize (GObject *object)
{
  DnUnitStat *self = DN_UNIT_STAT (object);

  g_clear_pointer (&self->unit_code, g_free);
  g_clear_pointer (&self->unit_name, g_free);

  G_OBJECT_CLASS (dn_unit_stat_parent_class)->finalize (object);
}

static void
dn_unit_stat_class_init (DnUnitStatClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_unit_stat_finalize;
}

static void
dn_unit_stat_init (DnUnitStat *self)
{
  self->unit_code = g_strdup ("");
  self->unit_name = g_strdup ("");
}

DnUnitStat *
dn_unit_stat_new (void)
{
  return g_object_new (DN_TYPE_UNIT_STAT, NULL);
}
