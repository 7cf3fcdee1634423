/* dn-replica.h: a desktop's copy of what its account may see on the
 * department server
 *
 * A DnReplica is a store of the server's schema (its own file) and the
 * DnClient signed in to that server. dn_replica_sync_async() brings the
 * store to the server's latest revision: GET /changes?since=REVISION page
 * by page, each page applied in one transaction that also moves the
 * replica's revision (dn-exchange-apply.h), so a failure or a cancel
 * leaves it at its last whole page and the next sync goes on from there.
 * Every list, search and report then reads the store at local speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-client.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* The changes asked for per page */
#define DN_REPLICA_PAGE_DEFAULT 1000

#define DN_TYPE_REPLICA (dn_replica_get_type ())
G_DECLARE_FINAL_TYPE (DnReplica, dn_replica, DN, REPLICA, GObject)

DnReplica  *dn_replica_new            (DnStore              *store,
                                       DnClient             *client);
DnStore    *dn_replica_get_store      (DnReplica            *self);
DnClient   *dn_replica_get_client     (DnReplica            *self);
/* The changes asked for per page (1 to 5 000) */
void        dn_replica_set_page_size  (DnReplica            *self,
                                       guint                 page_size);
/* What the current or last sync read so far: the properties "pages-read"
 * and "rows-read", notified after each page is applied */
guint       dn_replica_get_pages_read (DnReplica            *self);
guint       dn_replica_get_rows_read  (DnReplica            *self);

/* One sync at a time (another one meanwhile: G_IO_ERROR_PENDING) */
void        dn_replica_sync_async     (DnReplica            *self,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
/* FALSE with @error: DN_CLIENT_ERROR (the server), DN_STORE_ERROR (its
 * answer could not be applied), G_IO_ERROR_CANCELLED */
gboolean    dn_replica_sync_finish    (DnReplica            *self,
                                       GAsyncResult         *result,
                                       GError              **error);

/* A write's answer, the record(s) of @table it wrote, applied at once so
 * that the window shows the edit before the next sync
 * (dn_exchange_apply_record()) */
gboolean    dn_replica_apply_record   (DnReplica            *self,
                                       const char           *table,
                                       JsonNode             *record,
                                       GError              **error);

G_END_DECLS
