/* dn-attachment-text.c: the text of attached PDF files read with the
 * renderer and handed to the store's search index
 *
 * Poppler stays on the renderer's worker (dn-pdf-renderer.c); the store
 * decides what the text means (a file whose pages hold no letter is a
 * scan: dn_store_set_attachment_pages()) and keeps it. This file only
 * carries the pages from one to the other: waiting (the command line, the
 * benchmark) or job by job from the main loop (DnAttachmentIndexer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-attachment-text"

#include "config.h"

#include "dn-attachment-text.h"

void
dn_pdf_text_clear (DnPdfText *text)
{
  g_clear_pointer (&text->pages, g_ptr_array_unref);
  text->state = DN_ATTACHMENT_TEXT_PENDING;
}

DnAttachmentTextState
dn_pdf_text_state_for_error (const GError *error)
{
  if (error == NULL || error->domain != DN_PDF_ERROR)
    return DN_ATTACHMENT_TEXT_DAMAGED;
  switch ((DnPdfError) error->code)
    {
    case DN_PDF_ERROR_NOT_PDF:
      return DN_ATTACHMENT_TEXT_NOT_PDF;
    case DN_PDF_ERROR_ENCRYPTED:
    case DN_PDF_ERROR_BAD_PASSWORD:
      /* a PDF, whole, whose text cannot be read without its password */
      return DN_ATTACHMENT_TEXT_NO_TEXT;
    case DN_PDF_ERROR_READ:
    case DN_PDF_ERROR_EMPTY:
    case DN_PDF_ERROR_DAMAGED:
    case DN_PDF_ERROR_PAGE:
    default:
      return DN_ATTACHMENT_TEXT_DAMAGED;
    }
}

gboolean
dn_pdf_text_read_document (DnPdfRenderer  *renderer,
                           DnPdfDocument  *document,
                           GCancellable   *cancellable,
                           DnPdfText      *text,
                           GError        **error)
{
  int n_pages = dn_pdf_document_get_n_pages (document);

  dn_pdf_text_clear (text);
  text->pages = g_ptr_array_new_full ((guint) MAX (n_pages, 0), g_free);
  for (int page = 0; page < n_pages; page++)
    {
      g_autoptr(GError) local_error = NULL;
      char *page_text = dn_pdf_renderer_get_text (renderer, document, page, cancellable, &local_error);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          dn_pdf_text_clear (text);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* a page that cannot be read has no text; the others still count */
      g_ptr_array_add (text->pages, page_text != NULL ? page_text : g_strdup (""));
    }
  return TRUE;
}

static gboolean
read_opened (DnPdfRenderer  *renderer,
             DnPdfDocument  *document,
             GError         *open_error,
             GCancellable   *cancellable,
             DnPdfText      *text,
             GError        **error)
{
  dn_pdf_text_clear (text);
  if (document == NULL)
    {
      if (g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_error_copy (open_error));
          return FALSE;
        }
      text->state = dn_pdf_text_state_for_error (open_error);
      return TRUE;
    }
  return dn_pdf_text_read_document (renderer, document, cancellable, text, error);
}

gboolean
dn_pdf_text_read_bytes (DnPdfRenderer  *renderer,
                        GBytes         *bytes,
                        const char     *name,
                        GCancellable   *cancellable,
                        DnPdfText      *text,
                        GError        **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(DnPdfDocument) document = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (renderer), FALSE);
  document = dn_pdf_renderer_open_bytes (renderer, bytes, name, NULL, cancellable, &open_error);
  return read_opened (renderer, document, open_error, cancellable, text, error);
}

gboolean
dn_pdf_text_read_file (DnPdfRenderer  *renderer,
                       GFile          *file,
                       GCancellable   *cancellable,
                       DnPdfText      *text,
                       GError        **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(DnPdfDocument) document = NULL;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (renderer), FALSE);
  document = dn_pdf_renderer_open (renderer, file, NULL, cancellable, &open_error);
  return read_opened (renderer, document, open_error, cancellable, text, error);
}

/* Keeps what was read of @attachment. */
static gboolean
keep_text (DnStore                *store,
           DnAttachment           *attachment,
           DnPdfText              *text,
           DnAttachmentTextState  *state,
           GError                **error)
{
  if (text->pages != NULL)
    return dn_store_set_attachment_pages (store, attachment->id, (const char * const *) text->pages->pdata,
                                          text->pages->len, state, error);
  if (state != NULL)
    *state = text->state;
  return dn_store_set_attachment_text_state (store, attachment->id, text->state, error);
}

gboolean
dn_attachment_index (DnStore                *store,
                     DnPdfRenderer          *renderer,
                     DnAttachment           *attachment,
                     GCancellable           *cancellable,
                     DnAttachmentTextState  *state,
                     GError                **error)
{
  DnPdfText text = { DN_ATTACHMENT_TEXT_NOT_PDF, NULL };
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (DN_IS_ATTACHMENT (attachment), FALSE);
  if (dn_attachment_is_pdf (attachment))
    {
      g_autoptr(GFile) file = dn_store_get_attachment_file (store, attachment);

      if (!dn_pdf_text_read_file (renderer, file, cancellable, &text, error))
        return FALSE;
    }
  ok = keep_text (store, attachment, &text, state, error);
  dn_pdf_text_clear (&text);
  return ok;
}

gboolean
dn_attachment_index_pending (DnStore        *store,
                             DnPdfRenderer  *renderer,
                             GCancellable   *cancellable,
                             guint          *n_done,
                             GError        **error)
{
  guint done = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) batch = dn_store_list_pending_attachments (store, 64, error);

      if (batch == NULL)
        return FALSE;
      if (batch->len == 0)
        break;
      for (guint i = 0; i < batch->len; i++)
        {
          if (!dn_attachment_index (store, renderer, batch->pdata[i], cancellable, NULL, error))
            {
              if (n_done != NULL)
                *n_done = done;
              return FALSE;
            }
          done++;
        }
    }
  if (n_done != NULL)
    *n_done = done;
  return TRUE;
}

/*
 * DnAttachmentIndexer
 */

struct _DnAttachmentIndexer
{
  GObject        parent_instance;

  DnStore       *store;
  DnPdfRenderer *renderer;
  GCancellable  *cancellable;
  gulong         changed_id;
  gboolean       running;
  gboolean       stopped;
  guint          done;
  guint          total;

  /* the file being read */
  DnAttachment  *attachment;
  DnPdfDocument *document;
  GPtrArray     *pages;
};

G_DEFINE_FINAL_TYPE (DnAttachmentIndexer, dn_attachment_indexer, G_TYPE_OBJECT)

enum
{
  PROGRESS,
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void next_file (DnAttachmentIndexer *self);

static void
clear_file (DnAttachmentIndexer *self)
{
  g_clear_object (&self->attachment);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static void
halt (DnAttachmentIndexer *self)
{
  clear_file (self);
  self->running = FALSE;
  self->done = self->total = 0;
}

/* Whether the job that ended with @error was the last: cancelled, or the
 * indexer stopped while it ran. Then the indexer halts. */
static gboolean
halted (DnAttachmentIndexer *self,
        const GError        *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->stopped)
    return FALSE;
  halt (self);
  return TRUE;
}

/* The file read is kept; on to the next. A store that cannot keep it stops
 * the indexer (the same file would come again). */
static void
file_done (DnAttachmentIndexer *self,
           DnPdfText           *text)
{
  g_autoptr(GError) error = NULL;

  if (!keep_text (self->store, self->attachment, text, NULL, &error))
    {
      g_warning ("The text of the attached file %s was not kept: %s", self->attachment->sha256, error->message);
      halt (self);
      return;
    }
  clear_file (self);
  self->done++;
  self->total = MAX (self->total, self->done);
  g_signal_emit (self, signals[PROGRESS], 0, self->done, self->total);
  next_file (self);
}

static void
text_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DnAttachmentIndexer) self = user_data;
  g_autoptr(GError) error = NULL;
  char *text = dn_pdf_renderer_get_text_finish (self->renderer, result, &error);

  if (halted (self, error))
    {
      g_free (text);
      return;
    }
  g_ptr_array_add (self->pages, text != NULL ? text : g_strdup (""));
  if ((int) self->pages->len < dn_pdf_document_get_n_pages (self->document))
    {
      dn_pdf_renderer_get_text_async (self->renderer, self->document, (int) self->pages->len,
                                      DN_PDF_PRIORITY_BACKGROUND, self->cancellable, text_cb, g_object_ref (self));
      return;
    }
  {
    DnPdfText read = { DN_ATTACHMENT_TEXT_PENDING, g_steal_pointer (&self->pages) };

    file_done (self, &read);
    dn_pdf_text_clear (&read);
  }
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DnAttachmentIndexer) self = user_data;
  g_autoptr(GError) error = NULL;
  DnPdfDocument *document = dn_pdf_renderer_open_finish (self->renderer, result, &error);

  if (halted (self, error))
    {
      g_clear_pointer (&document, dn_pdf_document_unref);
      return;
    }
  if (document == NULL || dn_pdf_document_get_n_pages (document) == 0)
    {
      DnPdfText read = { document == NULL ? dn_pdf_text_state_for_error (error) : DN_ATTACHMENT_TEXT_NO_TEXT, NULL };

      g_clear_pointer (&document, dn_pdf_document_unref);
      file_done (self, &read);
      return;
    }
  self->document = document;
  self->pages = g_ptr_array_new_with_free_func (g_free);
  dn_pdf_renderer_get_text_async (self->renderer, self->document, 0, DN_PDF_PRIORITY_BACKGROUND,
                                  self->cancellable, text_cb, g_object_ref (self));
}

static void
next_file (DnAttachmentIndexer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = NULL;

  if (self->stopped)
    {
      halt (self);
      return;
    }
  batch = dn_store_list_pending_attachments (self->store, 1, &error);
  if (batch == NULL || batch->len == 0)
    {
      if (batch == NULL)
        g_warning ("Cannot list the attached files to read: %s", error->message);
      halt (self);
      g_signal_emit (self, signals[IDLE], 0);
      return;
    }
  self->running = TRUE;
  self->attachment = g_object_ref (batch->pdata[0]);
  if (!dn_attachment_is_pdf (self->attachment))
    {
      DnPdfText read = { DN_ATTACHMENT_TEXT_NOT_PDF, NULL };

      file_done (self, &read);
      return;
    }
  {
    g_autoptr(GFile) file = dn_store_get_attachment_file (self->store, self->attachment);

    dn_pdf_renderer_open_async (self->renderer, file, NULL, self->cancellable, opened_cb, g_object_ref (self));
  }
}

void
dn_attachment_indexer_start (DnAttachmentIndexer *self)
{
  gint64 waiting;

  g_return_if_fail (DN_IS_ATTACHMENT_INDEXER (self));
  /* a replica (or a file that cannot be written) keeps what it was given:
   * nothing is written there but the server's changes */
  if (self->running || dn_store_is_read_only (self->store))
    return;
  if (self->stopped)
    {
      self->stopped = FALSE;
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  waiting = dn_store_count_pending_attachments (self->store, NULL);
  if (waiting <= 0)
    return;
  self->done = 0;
  self->total = (guint) MIN (waiting, G_MAXUINT);
  next_file (self);
}

void
dn_attachment_indexer_stop (DnAttachmentIndexer *self)
{
  g_return_if_fail (DN_IS_ATTACHMENT_INDEXER (self));
  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);
}

gboolean
dn_attachment_indexer_is_running (DnAttachmentIndexer *self)
{
  g_return_val_if_fail (DN_IS_ATTACHMENT_INDEXER (self), FALSE);
  return self->running;
}

/* New files wait: read them (unless stopped). */
static void
store_changed_cb (DnAttachmentIndexer *self)
{
  if (!self->running && !self->stopped)
    dn_attachment_indexer_start (self);
}

DnAttachmentIndexer *
dn_attachment_indexer_new (DnStore       *store,
                           DnPdfRenderer *renderer)
{
  DnAttachmentIndexer *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (DN_IS_PDF_RENDERER (renderer), NULL);
  self = g_object_new (DN_TYPE_ATTACHMENT_INDEXER, NULL);
  self->store = g_object_ref (store);
  self->renderer = g_object_ref (renderer);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  return self;
}

static void
dn_attachment_indexer_dispose (GObject *object)
{
  DnAttachmentIndexer *self = DN_ATTACHMENT_INDEXER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  clear_file (self);
  g_clear_object (&self->store);
  g_clear_object (&self->renderer);
  G_OBJECT_CLASS (dn_attachment_indexer_parent_class)->dispose (object);
}

static void
dn_attachment_indexer_finalize (GObject *object)
{
  DnAttachmentIndexer *self = DN_ATTACHMENT_INDEXER (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (dn_attachment_indexer_parent_class)->finalize (object);
}

static void
dn_attachment_indexer_class_init (DnAttachmentIndexerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dn_attachment_indexer_dispose;
  object_class->finalize = dn_attachment_indexer_finalize;

  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
}

static void
dn_attachment_indexer_init (DnAttachmentIndexer *self)
{
  self->cancellable = g_cancellable_new ();
}
