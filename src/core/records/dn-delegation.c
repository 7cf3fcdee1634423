/* dn-delegation.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation"

#include "config.h"

#include "dn-delegation.h"

DnDelegation *
dn_delegation_new (void)
{
  return g_object_new (DN_TYPE_DELEGATION, NULL);
}
