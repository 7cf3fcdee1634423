/* dn-query-worker.h: the queries of the interface, run on a thread of their own
 *
 * A DnQueryWorker owns one thread and, on it, a read-only connection of its
 * own to the store's file (opened on the first job). Jobs run there one at
 * a time, in the order they were given; their result (or error) is handed
 * back on the main context of the thread that started them, so a view never
 * waits for the database. The worker's connection sees what the store's
 * own connection has committed (WAL): each query reads the latest commit.
 *
 * Cancelling a job's GCancellable interrupts SQLite (only while that job
 * runs) and the job ends with G_IO_ERROR_CANCELLED, whatever the function
 * returned. A DnQuerySlot runs one kind of query for one view: starting a
 * new query in a slot cancels the previous one, and only the latest one's
 * callback is called.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* Runs on the worker's thread, on its read-only @store. Returns the result
 * (its free function in *@result_destroy, may stay NULL), or NULL with
 * @error set. A long job may check @cancellable between statements (a
 * statement running when it is cancelled fails with an error anyway). */
typedef gpointer (*DnQueryFunc) (DnStore         *store,
                                 gpointer         data,
                                 GCancellable    *cancellable,
                                 GDestroyNotify  *result_destroy,
                                 GError         **error);

#define DN_TYPE_QUERY_WORKER (dn_query_worker_get_type ())
G_DECLARE_FINAL_TYPE (DnQueryWorker, dn_query_worker, DN, QUERY_WORKER, GObject)

/* A worker of its own for @store's file. It keeps no reference to @store.
 * Destroying it interrupts the job running, ends the waiting ones (all
 * with G_IO_ERROR_CANCELLED, their callbacks still called) and waits for
 * its thread to stop. */
DnQueryWorker *dn_query_worker_new           (DnStore              *store);
/* The worker every view of @store shares, made when none is alive.
 * (transfer full) */
DnQueryWorker *dn_query_worker_get_for_store (DnStore              *store);
/* Runs @func (@data, freed with @data_destroy once the job ends, on either
 * thread) on the worker's thread; @callback runs on the thread-default main
 * context of the caller. */
void           dn_query_worker_run_async     (DnQueryWorker        *self,
                                              DnQueryFunc           func,
                                              gpointer              data,
                                              GDestroyNotify        data_destroy,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The job's result, owned by the caller, who frees it with what
 * *@result_destroy (may be NULL) gives; NULL with @error set when the job
 * failed or was cancelled. Needs no worker: it may be gone. */
gpointer       dn_query_worker_run_finish    (GAsyncResult         *result,
                                              GDestroyNotify       *result_destroy,
                                              GError              **error);

/* Latest wins ------------------------------------------------------------ */

typedef struct _DnQuerySlot DnQuerySlot;

DnQuerySlot   *dn_query_slot_new             (DnQueryWorker        *worker);
/* Cancels the slot's job (its callback is not called) and frees the slot. */
void           dn_query_slot_free            (DnQuerySlot          *slot);
/* Cancels the slot's job still running or waiting (its callback will not
 * be called) and starts this one. @done is the caller's own function,
 * void (*) (Self *user_data, Result *result, const GError *error), given
 * with G_CALLBACK: on the caller's thread-default main context, the job's
 * result, or NULL and @error (the job failed). The result is freed with
 * the job's result_destroy when @done returns. */
void           dn_query_slot_run             (DnQuerySlot          *slot,
                                              DnQueryFunc           func,
                                              gpointer              data,
                                              GDestroyNotify        data_destroy,
                                              GCallback             done,
                                              gpointer              user_data);
/* Cancels the slot's job, if any; its callback is not called. */
void           dn_query_slot_cancel          (DnQuerySlot          *slot);
/* TRUE from dn_query_slot_run() until its callback is called; FALSE
 * for a NULL slot. */
gboolean       dn_query_slot_is_busy         (DnQuerySlot          *slot);
DnQueryWorker *dn_query_slot_get_worker      (DnQuerySlot          *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnQuerySlot, dn_query_slot_free)

G_END_DECLS
