/* dn-passport.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport"

#include "config.h"

#include "dn-passport.h"

DnPassport *
dn_passport_new (void)
{
  return g_object_new (DN_TYPE_PASSPORT, NULL);
}
