/* dn-assignment.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-assignment"

#include "config.h"

#include "dn-assignment.h"

DnAssignment *
dn_assignment_new (void)
{
  return g_object_new (DN_TYPE_ASSIGNMENT, NULL);
}
