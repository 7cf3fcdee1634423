/* dn-unit-stat.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit-stat"

#include "config.h"

#include "dn-unit-stat.h"

DnUnitStat *
dn_unit_stat_new (void)
{
  return g_object_new (DN_TYPE_UNIT_STAT, NULL);
}
