/* dn-writer.h: what makes the window's writes
 *
 * The window never writes to its database directly for the changes an
 * officer makes: it hands a DnWrite to the writer of its context. In
 * standalone mode that is a DnStoreWriter (the local database, at once);
 * connected to the department server it is a DnRemoteWriter (src/sync:
 * the API, then the server's answer applied to the local replica). So a
 * form does not know which, and connected mode is routed in one place.
 *
 * Writes are asynchronous: a form shows that it is saving and keeps the
 * officer's input until the write succeeds; on failure it shows the
 * message (DN_STORE_ERROR_CONFLICT: someone else changed the record; the
 * write's own revision check) and the input stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-write.h"

G_BEGIN_DECLS

#define DN_TYPE_WRITER (dn_writer_get_type ())
G_DECLARE_INTERFACE (DnWriter, dn_writer, DN, WRITER, GObject)

struct _DnWriterInterface
{
  GTypeInterface parent_iface;

  void     (*write_async)  (DnWriter            *self,
                            DnWrite             *write,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);
  gboolean (*write_finish) (DnWriter            *self,
                            GAsyncResult        *result,
                            GError             **error);
  /* Whether a write can be undone by writing the old values back
   * locally (standalone mode); default TRUE */
  gboolean (*can_undo)     (DnWriter            *self);
  /* Makes @write at once, when this writer can without waiting (the
   * local database); NULL (the default) when it cannot */
  gboolean (*write_now)    (DnWriter            *self,
                            DnWrite             *write,
                            GError             **error);
};

/* Makes @write; on success its made_id / next_id are filled in. */
void     dn_writer_write_async  (DnWriter            *self,
                                 DnWrite             *write,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean dn_writer_write_finish (DnWriter            *self,
                                 GAsyncResult        *result,
                                 GError             **error);
gboolean dn_writer_can_undo     (DnWriter            *self);
/* Makes @write at once when the writer can (the local database: what a
 * form does so that it closes as soon as it saved); FALSE with
 * G_IO_ERROR_WOULD_BLOCK when it cannot (the server: use the async
 * call), or with the write's own error. */
gboolean dn_writer_write_now    (DnWriter            *self,
                                 DnWrite             *write,
                                 GError             **error);

G_END_DECLS
