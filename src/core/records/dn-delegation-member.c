/* dn-delegation-member.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-member"

#include "config.h"

#include "dn-delegation-member.h"

DnDelegationMember *
dn_delegation_member_new (void)
{
  return g_object_new (DN_TYPE_DELEGATION_MEMBER, NULL);
}
