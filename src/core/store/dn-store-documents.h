/* dn-store-documents.h: official documents and their attached files
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-attachment.h"
#include "dn-document.h"
#include "dn-store.h"

G_BEGIN_DECLS

gboolean dn_store_add_document (DnStore *self, DnDocument *document, GError **error);
gboolean dn_store_update_document (DnStore *self, DnDocument *document, GError **error);
gboolean dn_store_delete_document (DnStore *self, gint64 id, GError **error);
DnDocument *dn_store_get_document (DnStore *self, gint64 id, GError **error);
/* Documents newest first (undated ones last): the @limit after @after
 * (NULL: the first @limit); pages by key, as dn_store_list_people(). */
GPtrArray *dn_store_list_documents (DnStore *self, DnDocument *after, guint limit, GError **error);
/* "14/QĐ/SGD&ĐT-VP" */
char *dn_document_dup_reference (DnDocument *document);

/* Copies @file into the data folder under its SHA-256 (atomically, once per
 * content) and records it. Adding the same content twice returns the same
 * attachment. */
DnAttachment *dn_store_add_attachment (DnStore *self, GFile *file, GCancellable *cancellable, GError **error);
DnAttachment *dn_store_get_attachment (DnStore *self, gint64 id, GError **error);
GFile *dn_store_get_attachment_file (DnStore *self, DnAttachment *attachment);
gboolean dn_store_attach_to_document (DnStore *self, gint64 document_id, gint64 attachment_id, const char *file_name,
                                      GError **error);
GPtrArray *dn_store_list_document_attachments (DnStore *self, gint64 document_id, GError **error);

G_END_DECLS
