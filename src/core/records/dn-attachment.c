/* dn-attachment.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-attachment"

#include "config.h"

#include "dn-attachment.h"

DnAttachment *
dn_attachment_new (void)
{
  return g_object_new (DN_TYPE_ATTACHMENT, NULL);
}
