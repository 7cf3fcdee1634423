/* dn-programme-item.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-programme-item"

#include "config.h"

#include "dn-programme-item.h"

DnProgrammeItem *
dn_programme_item_new (void)
{
  return g_object_new (DN_TYPE_PROGRAMME_ITEM, NULL);
}
