/* dn-store-attachments.h: files attached to documents, tasks and
 * delegations, and the text of attached PDF files in the search
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-attachment.h"
#include "dn-search-hit.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* The records a file can be attached to: DN_RECORD_DOCUMENT, DN_RECORD_TASK
 * and DN_RECORD_DELEGATION. */
gboolean      dn_record_kind_takes_attachments (DnRecordKind kind);

/* Attaches the stored file @attachment_id to the record, shown as
 * @file_name (NULL or "": the file's own name); attaching it again only
 * renames it. DN_STORE_ERROR_NOT_FOUND when there is no such record or
 * file, nothing written. */
gboolean      dn_store_attach                (DnStore       *self,
                                              DnRecordKind   kind,
                                              gint64         record_id,
                                              gint64         attachment_id,
                                              const char    *file_name,
                                              GError       **error);
/* Stores @file (dn_store_add_attachment(): once per content) and attaches
 * it. The record is looked up first: for one that does not exist nothing is
 * copied nor written. */
DnAttachment *dn_store_attach_file           (DnStore       *self,
                                              DnRecordKind   kind,
                                              gint64         record_id,
                                              GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* Removes the file from the record. When no record and no progress entry
 * shows it any more, its row, its text and the file in the data folder go
 * too (after the commit: call it outside of a transaction). NOT_FOUND when
 * the file was not attached to the record. */
gboolean      dn_store_detach                (DnStore       *self,
                                              DnRecordKind   kind,
                                              gint64         record_id,
                                              gint64         attachment_id,
                                              GError       **error);
/* The files of a record, in the order they were attached, each under the
 * record's name for it. */
GPtrArray    *dn_store_list_attachments      (DnStore       *self,
                                              DnRecordKind   kind,
                                              gint64         record_id,
                                              GError       **error);
/* The stored file whose SHA-256 is @sha256 (64 hexadecimal digits, any
 * case). */
DnAttachment *dn_store_find_attachment       (DnStore       *self,
                                              const char    *sha256,
                                              GError       **error);

/* The text of PDF files. Reading a PDF is not the store's business (the
 * report library reads them); the store keeps what was read, one entry per
 * page in the index "search_attachment", and where each file stands
 * (DnAttachment.text_state). */

/* The files whose text waits to be read (DN_ATTACHMENT_TEXT_PENDING), the
 * oldest first, at most @limit. */
GPtrArray    *dn_store_list_pending_attachments (DnStore  *self,
                                                 guint     limit,
                                                 GError  **error);
gint64        dn_store_count_pending_attachments (DnStore  *self,
                                                  GError  **error);
/* Keeps the text of the @n_pages pages of a PDF (@pages[0] is page 1; NULL
 * or "" for a page without text), replacing what was kept: the file becomes
 * DN_ATTACHMENT_TEXT_INDEXED, or DN_ATTACHMENT_TEXT_NO_TEXT when no page
 * has a letter or a digit (a scan). Returns the state set. */
gboolean      dn_store_set_attachment_pages  (DnStore                *self,
                                              gint64                  attachment_id,
                                              const char * const     *pages,
                                              guint                   n_pages,
                                              DnAttachmentTextState  *state,
                                              GError                **error);
/* Sets where a file stands without text: DN_ATTACHMENT_TEXT_DAMAGED,
 * _NOT_PDF, _NO_TEXT, or _PENDING to read it again (what was kept of its
 * text goes). */
gboolean      dn_store_set_attachment_text_state (DnStore                *self,
                                                  gint64                  attachment_id,
                                                  DnAttachmentTextState   state,
                                                  GError                **error);
/* The text kept of each page of @attachment_id (char *, page 1 first; ""
 * for a page without text), as the index holds it: what a department
 * server sends a replica, whose files it read. */
GPtrArray    *dn_store_list_attachment_pages (DnStore  *self,
                                              gint64    attachment_id,
                                              GError  **error);
/* A replica's files whose text the server read (DN_ATTACHMENT_TEXT_INDEXED)
 * but which it does not hold yet, at most @limit, the oldest first. */
GPtrArray    *dn_store_list_unsearched_attachments (DnStore  *self,
                                                    guint     limit,
                                                    GError  **error);
/* On a replica: keeps the pages the server read of @attachment_id in its
 * search index (dn_store_set_attachment_pages()), the only write a
 * replica takes besides the server's changes. */
gboolean      dn_store_keep_server_pages     (DnStore             *self,
                                              gint64               attachment_id,
                                              const char * const  *pages,
                                              guint                n_pages,
                                              GError             **error);

G_END_DECLS
