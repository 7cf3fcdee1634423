/* dn-document.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document"

#include "config.h"

#include "dn-document.h"

DnDocument *
dn_document_new (void)
{
  return g_object_new (DN_TYPE_DOCUMENT, NULL);
}
