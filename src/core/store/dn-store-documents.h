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
/* Adds (id 0) or saves @document under the rules of the registers of
 * Nghị định 30/2020, in one transaction: an outgoing document without a
 * number gets the next of its year (of its date; "05"), an incoming one
 * with its arrival date and no arrival number the next arrival number of
 * that year; secret ones (mật and above) have sequences of their own. The
 * numbers given are set in @document. Another document with the same
 * number, symbol and issuer in the same year is a warning
 * (DN_STORE_ERROR_WARNING, nothing written) unless @confirmed. */
gboolean dn_store_register_document (DnStore *self, DnDocument *document, gboolean confirmed, GError **error);
/* The next number of @year's register of @direction (incoming: the
 * arrival number), in the sequence of secret ones or of the others. */
int dn_store_next_document_number (DnStore *self, DnDocumentDirection direction, int year, gboolean secret,
                                   GError **error);

/* What a list of documents shows: fields at their "any" value filter
 * nothing (dn_document_query_init). */
typedef struct
{
  const char *text;          /* words of the subject, number, symbol, issuer, signer; accents and case
                              * ignored (the search index); NULL or "": any */
  const char *issuer;        /* words of the issuer; NULL or "": any */
  int         direction;     /* a DnDocumentDirection, or -1 */
  int         type;          /* a DnDocumentType, or -1 */
  int         year;          /* the register's year (arrival of an incoming one, else its date); 0: any */
  int         urgency;       /* a DnUrgency, or -1 */
  gboolean    include_secret; /* mật and above are listed only when set */
} DnDocumentQuery;

void       dn_document_query_init      (DnDocumentQuery *query);
/* Newest first (undated last): the @limit after @after (NULL: the first);
 * pages by key (date, id). */
GPtrArray *dn_store_query_documents    (DnStore *self, const DnDocumentQuery *query, DnDocument *after, guint limit,
                                        GError **error);
GArray    *dn_store_list_document_ids  (DnStore *self, const DnDocumentQuery *query, GError **error);
/* The documents of @ids, in that order, missing ones skipped. */
GPtrArray *dn_store_get_documents      (DnStore *self, const gint64 *ids, guint n_ids, GError **error);
/* The register (sổ đăng ký) of @year in its order: outgoing by number,
 * incoming by arrival number; the secret ones after the others. */
GPtrArray *dn_store_list_register      (DnStore *self, DnDocumentDirection direction, int year,
                                        gboolean include_secret, GError **error);

/* "14/QĐ/SGD&ĐT-VP" */
char *dn_document_dup_reference (DnDocument *document);

/* Copies @file into the data folder under its SHA-256 (atomically, once per
 * content) and records it. Adding the same content twice returns the same
 * attachment. */
DnAttachment *dn_store_add_attachment (DnStore *self, GFile *file, GCancellable *cancellable, GError **error);
/* The largest file dn_store_add_attachment_bytes() takes (the department
 * server's uploads) */
#define DN_STORE_ATTACHMENT_MAX_SIZE (50 * 1024 * 1024)
/* dn_store_add_attachment() for @contents received as they are (an
 * upload), named @file_name (its type found by that name and the first
 * bytes); DN_STORE_ERROR_INVALID for more than
 * DN_STORE_ATTACHMENT_MAX_SIZE bytes, nothing kept. */
DnAttachment *dn_store_add_attachment_bytes (DnStore *self, GBytes *contents, const char *file_name, GError **error);
DnAttachment *dn_store_get_attachment (DnStore *self, gint64 id, GError **error);
GFile *dn_store_get_attachment_file (DnStore *self, DnAttachment *attachment);
gboolean dn_store_attach_to_document (DnStore *self, gint64 document_id, gint64 attachment_id, const char *file_name,
                                      GError **error);
GPtrArray *dn_store_list_document_attachments (DnStore *self, gint64 document_id, GError **error);
/* The document's own file: the first PDF attached to it; NULL (@error
 * unset) when it has none. */
DnAttachment *dn_store_find_document_pdf (DnStore *self, gint64 document_id, GError **error);

G_END_DECLS
