/* dn-passport-event.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-event"

#include "config.h"

#include "dn-passport-event.h"

DnPassportEvent *
dn_passport_event_new (void)
{
  return g_object_new (DN_TYPE_PASSPORT_EVENT, NULL);
}
