/* dn-query-worker.c
 *
 * The thread and the DnQueryWorker object share a refcounted Shared: the
 * queue of jobs (GTask references), the job running and the connection's
 * handle (for sqlite3_interrupt). The thread never touches the object, so
 * the object can go away at any time: it marks the shared state closing,
 * cancels the job running, and joins the thread, which ends every job left
 * with G_IO_ERROR_CANCELLED.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-query-worker"

#include "config.h"

#include "dn-query-worker.h"
#include "dn-store-private.h"

typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GCond            cond;
  GQueue           jobs;      /* GTask*, owned */
  gboolean         closing;
  char            *path;
  sqlite3         *db;        /* the worker's connection, once open */
  GTask           *current;   /* the job running, or NULL */
} Shared;

typedef struct
{
  Shared         *shared;         /* not owned: valid while the job is queued or runs */
  DnQueryFunc     func;
  gpointer        data;
  GDestroyNotify  data_destroy;
  GDestroyNotify  result_destroy; /* set by the function, on the thread */
  GCancellable   *own;            /* cancelled when the caller's is, or when the worker goes */
  GCancellable   *caller;         /* the caller's, or NULL */
  gulong          own_handler;
  gulong          caller_handler;
} Job;

struct _DnQueryWorker
{
  GObject  parent_instance;

  Shared  *shared;
  GThread *thread;
};

G_DEFINE_FINAL_TYPE (DnQueryWorker, dn_query_worker, G_TYPE_OBJECT)

static GQuark shared_worker_quark;

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref_count);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref_count))
    return;
  g_assert (g_queue_is_empty (&shared->jobs));
  g_mutex_clear (&shared->lock);
  g_cond_clear (&shared->cond);
  g_free (shared->path);
  g_free (shared);
}

static void
job_free (Job *job)
{
  if (job->data_destroy != NULL && job->data != NULL)
    job->data_destroy (job->data);
  g_clear_object (&job->own);
  g_clear_object (&job->caller);
  g_free (job);
}

/* GLib's own "Operation was cancelled" */
static GError *
cancelled_error (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  g_cancellable_cancel (cancellable);
  g_cancellable_set_error_if_cancelled (cancellable, &error);
  return error;
}

/* Runs where the job's own cancellable is cancelled (any thread). */
static void
on_own_cancelled (GCancellable *cancellable,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  Shared *shared = job->shared;

  g_mutex_lock (&shared->lock);
  if (shared->current == task && shared->db != NULL)
    sqlite3_interrupt (shared->db);
  g_mutex_unlock (&shared->lock);
}

static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  GCancellable *own = user_data;

  g_cancellable_cancel (own);
}

/* What a job may have left behind: a statement stepped but not reset keeps
 * SQLite's interrupt flag (and the read snapshot) alive, an open
 * transaction keeps the snapshot; the next job must see the latest commit
 * and must not be interrupted in its place. */
static void
tidy_connection (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  if (db == NULL)
    return;
  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    if (sqlite3_stmt_busy (stmt))
      sqlite3_reset (stmt);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static void
run_job (Shared   *shared,
         DnStore **store,
         GTask    *task)
{
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify destroy = NULL;
  gboolean cancelled;

  if (*store == NULL)
    {
      *store = dn_store_open (shared->path, DN_STORE_OPEN_READ_ONLY, &error);
      if (*store != NULL)
        {
          g_mutex_lock (&shared->lock);
          shared->db = _dn_store_get_db (*store);
          g_mutex_unlock (&shared->lock);
        }
    }
  if (*store != NULL && !g_cancellable_is_cancelled (job->own))
    result = job->func (*store, job->data, job->own, &destroy, &error);

  g_mutex_lock (&shared->lock);
  shared->current = NULL;
  g_mutex_unlock (&shared->lock);
  tidy_connection (shared->db);

  cancelled = g_cancellable_is_cancelled (job->own);
  if (result != NULL && (cancelled || error != NULL))
    {
      if (destroy != NULL)
        destroy (result);
      result = NULL;
    }
  if (cancelled)
    {
      g_clear_error (&error);
      g_task_return_error (task, cancelled_error ());
    }
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      job->result_destroy = destroy;
      g_task_return_pointer (task, result, destroy);
    }
}

static gpointer
worker_thread (gpointer user_data)
{
  Shared *shared = user_data;
  DnStore *store = NULL;

  for (;;)
    {
      GTask *task;
      Job *job;
      gboolean run;

      g_mutex_lock (&shared->lock);
      while (g_queue_is_empty (&shared->jobs) && !shared->closing)
        g_cond_wait (&shared->cond, &shared->lock);
      task = g_queue_pop_head (&shared->jobs);
      if (task == NULL)
        {
          g_mutex_unlock (&shared->lock);
          break;
        }
      job = g_task_get_task_data (task);
      run = !shared->closing && !g_cancellable_is_cancelled (job->own);
      if (run)
        shared->current = task;
      g_mutex_unlock (&shared->lock);

      if (run)
        run_job (shared, &store, task);
      else
        g_task_return_error (task, cancelled_error ());

      /* after this, nothing interrupts on its behalf */
      if (job->caller_handler != 0)
        g_cancellable_disconnect (job->caller, job->caller_handler);
      g_cancellable_disconnect (job->own, job->own_handler);
      job->caller_handler = job->own_handler = 0;
      g_object_unref (task);
    }

  g_mutex_lock (&shared->lock);
  shared->db = NULL;
  g_mutex_unlock (&shared->lock);
  g_clear_object (&store);
  shared_unref (shared);
  return NULL;
}

static void
dn_query_worker_finalize (GObject *object)
{
  DnQueryWorker *self = DN_QUERY_WORKER (object);
  Shared *shared = self->shared;
  GCancellable *running = NULL;

  g_mutex_lock (&shared->lock);
  shared->closing = TRUE;
  if (shared->current != NULL)
    {
      Job *job = g_task_get_task_data (shared->current);
      running = g_object_ref (job->own);
    }
  g_cond_signal (&shared->cond);
  g_mutex_unlock (&shared->lock);
  /* outside the lock: the handler takes it */
  if (running != NULL)
    {
      g_cancellable_cancel (running);
      g_object_unref (running);
    }
  if (g_thread_self () != self->thread)
    g_thread_join (self->thread);
  else
    g_thread_unref (self->thread);
  shared_unref (shared);

  G_OBJECT_CLASS (dn_query_worker_parent_class)->finalize (object);
}

static void
dn_query_worker_class_init (DnQueryWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_query_worker_finalize;
  shared_worker_quark = g_quark_from_static_string ("dn-query-worker-shared");
}

static void
dn_query_worker_init (DnQueryWorker *self)
{
}

DnQueryWorker *
dn_query_worker_new (DnStore *store)
{
  DnQueryWorker *self;
  Shared *shared;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_QUERY_WORKER, NULL);
  shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&shared->ref_count);
  g_mutex_init (&shared->lock);
  g_cond_init (&shared->cond);
  g_queue_init (&shared->jobs);
  shared->path = g_strdup (dn_store_get_path (store));
  self->shared = shared;
  self->thread = g_thread_new ("dn-query-worker", worker_thread, shared_ref (shared));
  return self;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

DnQueryWorker *
dn_query_worker_get_for_store (DnStore *store)
{
  GWeakRef *ref;
  DnQueryWorker *worker;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  g_type_ensure (DN_TYPE_QUERY_WORKER);
  ref = g_object_get_qdata (G_OBJECT (store), shared_worker_quark);
  worker = ref != NULL ? g_weak_ref_get (ref) : NULL;
  if (worker != NULL)
    return worker;
  worker = dn_query_worker_new (store);
  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, worker);
      g_object_set_qdata_full (G_OBJECT (store), shared_worker_quark, ref, weak_ref_free);
    }
  else
    g_weak_ref_set (ref, worker);
  return worker;
}

void
dn_query_worker_run_async (DnQueryWorker       *self,
                           DnQueryFunc          func,
                           gpointer             data,
                           GDestroyNotify       data_destroy,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (DN_IS_QUERY_WORKER (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dn_query_worker_run_async);
  g_task_set_name (task, "dn-query");
  job = g_new0 (Job, 1);
  job->shared = self->shared;
  job->func = func;
  job->data = data;
  job->data_destroy = data_destroy;
  job->own = g_cancellable_new ();
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  job->own_handler = g_cancellable_connect (job->own, G_CALLBACK (on_own_cancelled), task, NULL);
  if (cancellable != NULL)
    {
      job->caller = g_object_ref (cancellable);
      /* runs at once when it is cancelled already */
      job->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled), job->own, NULL);
    }

  g_mutex_lock (&self->shared->lock);
  g_queue_push_tail (&self->shared->jobs, task);
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->lock);
}

gpointer
dn_query_worker_run_finish (GAsyncResult    *result,
                            GDestroyNotify  *result_destroy,
                            GError         **error)
{
  Job *job;
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dn_query_worker_run_async, NULL);

  job = g_task_get_task_data (G_TASK (result));
  value = g_task_propagate_pointer (G_TASK (result), error);
  if (result_destroy != NULL)
    *result_destroy = value != NULL ? job->result_destroy : NULL;
  return value;
}

/*
 * DnQuerySlot
 */

struct _DnQuerySlot
{
  DnQueryWorker *worker;
  GCancellable  *cancellable;  /* of the latest job, while it runs */
  guint          generation;   /* of the latest job */
  gboolean       busy;
  gboolean       freed;
};

typedef struct
{
  DnQuerySlot         *slot;   /* a reference */
  guint                generation;
  GCallback            done;
  gpointer             user_data;
} SlotCall;

static void
slot_clear (gpointer data)
{
  DnQuerySlot *slot = data;

  g_clear_object (&slot->cancellable);
  g_clear_object (&slot->worker);
}

DnQuerySlot *
dn_query_slot_new (DnQueryWorker *worker)
{
  DnQuerySlot *slot;

  g_return_val_if_fail (DN_IS_QUERY_WORKER (worker), NULL);
  slot = g_rc_box_new0 (DnQuerySlot);
  slot->worker = g_object_ref (worker);
  return slot;
}

void
dn_query_slot_cancel (DnQuerySlot *slot)
{
  g_return_if_fail (slot != NULL);

  slot->generation++;
  slot->busy = FALSE;
  if (slot->cancellable != NULL)
    {
      g_cancellable_cancel (slot->cancellable);
      g_clear_object (&slot->cancellable);
    }
}

void
dn_query_slot_free (DnQuerySlot *slot)
{
  if (slot == NULL)
    return;
  dn_query_slot_cancel (slot);
  slot->freed = TRUE;
  g_rc_box_release_full (slot, slot_clear);
}

static void
slot_call_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SlotCall *call = user_data;
  DnQuerySlot *slot = call->slot;
  g_autoptr(GError) error = NULL;
  GDestroyNotify destroy = NULL;
  gpointer value = dn_query_worker_run_finish (result, &destroy, &error);

  /* else superseded or abandoned: nobody wants the result */
  if (!slot->freed && call->generation == slot->generation)
    {
      g_clear_object (&slot->cancellable);
      slot->busy = FALSE;
      ((void (*) (gpointer, gpointer, const GError *)) call->done) (call->user_data, value, error);
    }
  if (value != NULL && destroy != NULL)
    destroy (value);
  g_rc_box_release_full (slot, slot_clear);
  g_free (call);
}

void
dn_query_slot_run (DnQuerySlot    *slot,
                   DnQueryFunc     func,
                   gpointer        data,
                   GDestroyNotify  data_destroy,
                   GCallback       done,
                   gpointer        user_data)
{
  SlotCall *call;

  g_return_if_fail (slot != NULL && !slot->freed);
  g_return_if_fail (func != NULL && done != NULL);

  dn_query_slot_cancel (slot);
  slot->cancellable = g_cancellable_new ();
  slot->busy = TRUE;
  call = g_new0 (SlotCall, 1);
  call->slot = g_rc_box_acquire (slot);
  call->generation = slot->generation;
  call->done = done;
  call->user_data = user_data;
  dn_query_worker_run_async (slot->worker, func, data, data_destroy, slot->cancellable, slot_call_done, call);
}


gboolean
dn_query_slot_is_busy (DnQuerySlot *slot)
{
  return slot != NULL && slot->busy;
}

DnQueryWorker *
dn_query_slot_get_worker (DnQuerySlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);
  return slot->worker;
}
