/* dn-attachment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-attachment"

#include "config.h"

#include "dn-attachment.h"

G_DEFINE_FINAL_TYPE (DnAttachment, dn_attachment, G_TYPE_OBJECT)

static void
dn_attachment_finalize (GObject *object)
{
  DnAttachment *self = DN_ATTACHMENT (object);

  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->mime_type, g_free);

  G_OBJECT_CLASS (dn_attachment_parent_class)->finalize (object);
}

static void
dn_attachment_class_init (DnAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_attachment_finalize;
}

static void
dn_attachment_init (DnAttachment *self)
{
  self->sha256 = g_strdup ("");
  self->file_name = g_strdup ("");
  self->mime_type = g_strdup ("");
}

DnAttachment *
dn_attachment_new (void)
{
  return g_object_new (DN_TYPE_ATTACHMENT, NULL);
}
