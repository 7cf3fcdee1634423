/* dn-attachment.h: Attachment record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_ATTACHMENT (dn_attachment_get_type ())
G_DECLARE_FINAL_TYPE (DnAttachment, dn_attachment, DN, ATTACHMENT, GObject)

/* A file kept in the data folder under its SHA-256.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_attachment_new(). */
struct _DnAttachment
{
  GObject parent_instance;

  gint64 id;
  char *sha256;
  char *file_name; /* name the file had when it was added */
  char *mime_type;
  gint64 size;
  DnAttachmentTextState text_state;
};

DnAttachment *dn_attachment_new    (void);
/* A PDF: by the type found when it was added, or by its name's ending. */
gboolean      dn_attachment_is_pdf (const DnAttachment *self);

G_END_DECLS
