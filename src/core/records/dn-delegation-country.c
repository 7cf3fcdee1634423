/* dn-delegation-country.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-country"

#include "config.h"

#include "dn-delegation-country.h"

DnDelegationCountry *
dn_delegation_country_new (void)
{
  return g_object_new (DN_TYPE_DELEGATION_COUNTRY, NULL);
}
