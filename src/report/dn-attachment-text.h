/* dn-attachment-text.h: the text of attached PDF files read with the
 * renderer and handed to the store's search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-pdf-renderer.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* What reading a file's text found. */
typedef struct
{
  DnAttachmentTextState state;  /* PENDING: read (@pages); else NOT_PDF, DAMAGED or NO_TEXT (protected) */
  GPtrArray *pages;             /* char *, page 1 first, when read; else NULL */
} DnPdfText;

void dn_pdf_text_clear (DnPdfText *text);

/* The text of every page of @document, read by @renderer (waits; never on
 * the renderer's thread). FALSE only when cancelled. */
gboolean dn_pdf_text_read_document (DnPdfRenderer  *renderer,
                                    DnPdfDocument  *document,
                                    GCancellable   *cancellable,
                                    DnPdfText      *text,
                                    GError        **error);
/* Opens @bytes (named @name in messages) and reads every page's text: a
 * file that is not a PDF, damaged or protected by a password says so in
 * @text->state, never an error. FALSE only when cancelled. */
gboolean dn_pdf_text_read_bytes    (DnPdfRenderer  *renderer,
                                    GBytes         *bytes,
                                    const char     *name,
                                    GCancellable   *cancellable,
                                    DnPdfText      *text,
                                    GError        **error);
/* The same for a file. */
gboolean dn_pdf_text_read_file     (DnPdfRenderer  *renderer,
                                    GFile          *file,
                                    GCancellable   *cancellable,
                                    DnPdfText      *text,
                                    GError        **error);
/* The state a file is in when the renderer could not open it (@error from
 * dn_pdf_renderer_open()). */
DnAttachmentTextState dn_pdf_text_state_for_error (const GError *error);

/* Reads the text of @attachment (a stored file) and keeps it in the store's
 * index (dn_store_set_attachment_pages()), or marks why there is none;
 * @state (may be NULL) says which. Waits. A file that is not a PDF is
 * marked without being opened. */
gboolean dn_attachment_index        (DnStore                *store,
                                     DnPdfRenderer          *renderer,
                                     DnAttachment           *attachment,
                                     GCancellable           *cancellable,
                                     DnAttachmentTextState  *state,
                                     GError                **error);
/* Every file whose text waits to be read, one after the other; @n_done
 * (may be NULL) counts them. Waits. */
gboolean dn_attachment_index_pending (DnStore        *store,
                                      DnPdfRenderer  *renderer,
                                      GCancellable   *cancellable,
                                      guint          *n_done,
                                      GError        **error);

/* DnAttachmentIndexer: the same off the main loop, for the window. It
 * reads the files that wait, one at a time (every poppler call on the
 * renderer's worker, at background priority), writes each file's text
 * from the main context it was started on, and starts again when the
 * store has new files waiting ("changed"). Signals: "progress" (guint done,
 * guint total) after each file; "idle" when nothing waits any more.
 * Cancelled (dn_attachment_indexer_stop()) or finalized, it stops after
 * the page being read. */
#define DN_TYPE_ATTACHMENT_INDEXER (dn_attachment_indexer_get_type ())
G_DECLARE_FINAL_TYPE (DnAttachmentIndexer, dn_attachment_indexer, DN, ATTACHMENT_INDEXER, GObject)

DnAttachmentIndexer *dn_attachment_indexer_new        (DnStore              *store,
                                                       DnPdfRenderer        *renderer);
void                 dn_attachment_indexer_start      (DnAttachmentIndexer  *self);
void                 dn_attachment_indexer_stop       (DnAttachmentIndexer  *self);
/* TRUE while a file is being read. */
gboolean             dn_attachment_indexer_is_running (DnAttachmentIndexer  *self);

G_END_DECLS
