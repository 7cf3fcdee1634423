/* dn-unit.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit"

#include "config.h"

#include "dn-unit.h"

DnUnit *
dn_unit_new (void)
{
  return g_object_new (DN_TYPE_UNIT, NULL);
}
