/* dn-store-backup.h: a copy of the whole database made while it is in use
 * (SQLite's online backup), and restoring the database from such a copy
 *
 * Neither function uses the store's own connection: each opens its own, so
 * both may run in a thread of their own while the application keeps using
 * the store. Slow steps report their progress and stop when @cancellable is
 * cancelled (G_IO_ERROR_CANCELLED), leaving everything as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* @fraction: from 0 to 1. Called in the thread that runs the operation. */
typedef void (*DnStoreProgressFunc) (double   fraction,
                                     gpointer user_data);

/* Copies the database, as it is at the start, to @path: into a temporary
 * file of @path's folder, checked (PRAGMA quick_check), then renamed over
 * @path, so that @path is either its old self or the whole copy. The copy
 * is one standalone file (no -wal). Refused when @path is the database
 * itself or one of its working files. */
gboolean dn_store_backup          (DnStore              *self,
                                   const char           *path,
                                   DnStoreProgressFunc   progress,
                                   gpointer              user_data,
                                   GCancellable         *cancellable,
                                   GError              **error);

/* Replaces the whole database by the backup @path. @path is first copied
 * and checked in full (a Đối Ngoại database, not newer than this version,
 * no damage; an older version is upgraded on the copy); a refused file
 * leaves the database unchanged and the file itself untouched. The
 * database is then saved to "<database>.before-restore" (its path in
 * *@saved_path) and replaced in one transaction: on a failure or a cancel
 * the old data stays. Call dn_store_restore_done() afterwards in the thread
 * that uses the store. */
gboolean dn_store_restore         (DnStore              *self,
                                   const char           *path,
                                   char                **saved_path,
                                   DnStoreProgressFunc   progress,
                                   gpointer              user_data,
                                   GCancellable         *cancellable,
                                   GError              **error);

/* After a restore: checks the database again when it was marked damaged
 * (so that the mark goes), and emits DnStore::changed so that views read
 * the new data. */
void     dn_store_restore_done    (DnStore              *self);

/* "<database>.before-restore" */
char    *dn_store_get_before_restore_path (DnStore      *self);

G_END_DECLS
