/* dn-partner.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner"

#include "config.h"

#include "dn-partner.h"

DnPartner *
dn_partner_new (void)
{
  return g_object_new (DN_TYPE_PARTNER, NULL);
}
