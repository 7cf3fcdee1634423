/* dn-person.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-person"

#include "config.h"

#include "dn-person.h"

DnPerson *
dn_person_new (void)
{
  return g_object_new (DN_TYPE_PERSON, NULL);
}
