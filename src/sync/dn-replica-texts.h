/* dn-replica-texts.h: the text of attached files, brought to a replica
 * for its search (private to src/sync)
 *
 * A replica holds the files' records, not the files, so it cannot read
 * their text itself: the department server sends the text it read (GET
 * /attachments/{sha256}/text), which the replica keeps in its search index
 * (dn_store_keep_server_pages). DnConnection asks for it after a sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-client.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* At most this many files a run */
#define DN_REPLICA_TEXTS_BATCH 20

/* Brings the text of the files @replica's search does not hold yet, one
 * after the other; a file the server no longer gives (404) is left. */
void     _dn_replica_texts_fetch_async  (DnClient             *client,
                                         DnStore              *replica,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* How many files' text was kept, or -1 with @error */
gint     _dn_replica_texts_fetch_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
