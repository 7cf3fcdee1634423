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

gboolean
dn_attachment_is_pdf (const DnAttachment *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (DN_IS_ATTACHMENT ((gpointer) self), FALSE);
  if (g_strcmp0 (self->mime_type, "application/pdf") == 0)
    return TRUE;
  name = self->file_name != NULL ? g_ascii_strdown (self->file_name, -1) : NULL;
  return name != NULL && g_str_has_suffix (name, ".pdf");
}
