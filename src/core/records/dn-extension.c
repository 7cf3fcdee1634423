/* dn-extension.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-extension"

#include "config.h"

#include "dn-extension.h"

DnExtension *
dn_extension_new (void)
{
  return g_object_new (DN_TYPE_EXTENSION, NULL);
}
