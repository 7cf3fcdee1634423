/* dn-connection.h: a desktop working with the department server
 *
 * A DnConnection is the desktop's side of connected mode: the client
 * signed in to the server (DnClient), the replica it keeps up to date
 * (DnReplica) and the window's writer (it implements DnWriter: each
 * write is a request of the API, then the replica is brought up to date
 * before the form hears it succeeded). It syncs when signed in, after
 * each write, when asked, and every "interval" seconds (longer while the
 * server cannot be reached). Its state is what the header bar shows.
 *
 * Offline or signed out, the replica stays readable and every write is
 * refused at once with a message saying why and that nothing was saved
 * (no queue: what an officer typed stays in the form).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-client.h"
#include "dn-replica.h"
#include "dn-writer.h"

G_BEGIN_DECLS

typedef enum
{
  DN_CONNECTION_SIGNED_OUT,  /* not signed in (or the session ended) */
  DN_CONNECTION_CONNECTING,  /* signing in */
  DN_CONNECTION_SYNCING,     /* bringing the replica up to date */
  DN_CONNECTION_ONLINE,      /* up to date at the last sync */
  DN_CONNECTION_OFFLINE,     /* the last request failed: see the message */
} DnConnectionState;

/* The seconds between two syncs while online */
#define DN_CONNECTION_INTERVAL_DEFAULT 60
/* The longest wait between two tries while the server cannot be reached */
#define DN_CONNECTION_INTERVAL_MAX     300

#define DN_TYPE_CONNECTION (dn_connection_get_type ())
G_DECLARE_FINAL_TYPE (DnConnection, dn_connection, DN, CONNECTION, GObject)

/* @replica_store: the replica's own file (dn_connection_dup_replica_path()),
 * made a replica (dn_store_set_replica(): read only but for the server's
 * changes); NULL with @error when its file cannot be written */
DnConnection      *dn_connection_new            (DnStore       *replica_store,
                                                 DnClient      *client,
                                                 GError       **error);
DnClient          *dn_connection_get_client     (DnConnection  *self);
DnReplica         *dn_connection_get_replica    (DnConnection  *self);
DnStore           *dn_connection_get_store      (DnConnection  *self);

/* Properties "state", "message" (why it is offline or signed out,
 * translated; NULL when online), "last-sync" (when the replica was last
 * brought up to date, or NULL) */
DnConnectionState  dn_connection_get_state      (DnConnection  *self);
const char        *dn_connection_get_message    (DnConnection  *self);
GDateTime         *dn_connection_get_last_sync  (DnConnection  *self);
/* One line for the header bar: "Connected to so.lc.edu.vn", "Offline:
 * showing the copy of 08:30", "Signed out"… (translated) */
char              *dn_connection_describe       (DnConnection  *self);

void               dn_connection_set_interval   (DnConnection  *self,
                                                 guint          seconds);

/* Signs in, then syncs: done when the replica is up to date */
void               dn_connection_sign_in_async  (DnConnection        *self,
                                                 const char          *user,
                                                 const char          *password,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean           dn_connection_sign_in_finish (DnConnection        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* Brings the replica up to date now (when signed in); a sync under way
 * runs once more after it */
void               dn_connection_sync           (DnConnection  *self);
/* Stops syncing and every request under way */
void               dn_connection_close          (DnConnection  *self);

/* Brings the file of @attachment (a record of the replica) from the
 * server into the replica's data folder, where
 * dn_store_get_attachment_file() finds it: GET /attachments/{sha256},
 * the bytes checked against the SHA-256 recorded, written whole under a
 * temporary name then renamed. Done at once when it is there already. */
void               dn_connection_fetch_file_async  (DnConnection        *self,
                                                    DnAttachment        *attachment,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The file in the replica's data folder, or NULL with @error */
GFile             *dn_connection_fetch_file_finish (DnConnection        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Where the replica of the server at @base_uri lives:
 * g_get_user_data_dir()/doingoai/replica-HOST-PORT.db */
char              *dn_connection_dup_replica_path (const char  *base_uri,
                                                   GError     **error);

G_END_DECLS
