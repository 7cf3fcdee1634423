/* test-query-worker.c: queries on a thread of their own (DnQueryWorker,
 * DnQuerySlot)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-query-worker"

#include "config.h"

#include <string.h>

#include "dn-query-worker.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* A query that runs for many seconds unless interrupted: a recursive CTE
 * counting to two billion. */
#define SLOW_SQL \
  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT count(*) FROM c"

/* What a job saw, written on the worker's thread. */
typedef struct
{
  gint     started;     /* atomic */
  gint     sqlite_rc;   /* atomic: the last step's result code */
  gint     freed;       /* atomic: the data was freed */
  GThread *thread;
} Seen;

typedef struct
{
  const char *sql;
  Seen       *seen;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->seen != NULL)
    g_atomic_int_inc (&job->seen->freed);
  g_free (job);
}

static Job *
job_new (const char *sql,
         Seen       *seen)
{
  Job *job = g_new0 (Job, 1);

  job->sql = sql;
  job->seen = seen;
  return job;
}

static void
boxed_free (gpointer data)
{
  g_free (data);
}

/* Steps @sql once and returns the first column of the row as a gint64*. */
static gpointer
query_int (DnStore         *store,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *result_destroy,
           GError         **error)
{
  Job *job = data;
  sqlite3_stmt *stmt;
  gint64 *value;
  int rc;

  if (job->seen != NULL)
    {
      job->seen->thread = g_thread_self ();
      g_atomic_int_set (&job->seen->started, 1);
    }
  stmt = _dn_store_prepare (store, job->sql, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (job->seen != NULL)
    g_atomic_int_set (&job->seen->sqlite_rc, rc);
  if (rc != SQLITE_ROW)
    {
      _dn_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  value = g_new (gint64, 1);
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  *result_destroy = boxed_free;
  return value;
}

/* One callback's outcome. */
typedef struct
{
  gboolean  done;
  gint64    value;
  GError   *error;
  GThread  *thread;
  guint     n_calls;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_error (&outcome->error);
  memset (outcome, 0, sizeof *outcome);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;
  GDestroyNotify destroy = NULL;
  gint64 *value;

  g_assert_null (source);
  value = dn_query_worker_run_finish (result, &destroy, &outcome->error);
  if (value != NULL)
    {
      g_assert_true (destroy == boxed_free);
      outcome->value = *value;
      destroy (value);
    }
  else
    g_assert_nonnull (outcome->error);
  outcome->thread = g_thread_self ();
  outcome->done = TRUE;
  outcome->n_calls++;
}

/* A slot's callback: the result is the slot's, freed after. */
static void
on_slot_done (Outcome      *outcome,
              gint64       *value,
              const GError *error)
{
  if (value != NULL)
    outcome->value = *value;
  else
    outcome->error = g_error_copy (error);
  outcome->thread = g_thread_self ();
  outcome->done = TRUE;
  outcome->n_calls++;
}

/* Iterates @context until @outcome is done (at most @seconds). */
static gboolean
wait_for (GMainContext *context,
          Outcome      *outcome,
          guint         seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!outcome->done && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (context, FALSE))
      g_usleep (1000);
  return outcome->done;
}

/* The job's data is freed "once the job ends, on either thread": on the
 * worker's it may come just after the answer (a busy machine shows it). */
static gboolean
wait_freed (Seen *seen)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&seen->freed) == 0 && g_get_monotonic_time () < end)
    g_usleep (1000);
  return g_atomic_int_get (&seen->freed) == 1;
}

static void
wait_started (Seen *seen)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!g_atomic_int_get (&seen->started) && g_get_monotonic_time () < end)
    g_usleep (1000);
  g_assert_true (g_atomic_int_get (&seen->started));
  /* inside the query by now */
  g_usleep (50 * 1000);
}

static void
test_result (DnTestStore   *fixture,
             gconstpointer  data)
{
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  Seen seen = { 0 };
  Outcome outcome = { 0 };

  dn_test_add_task (fixture->store, "Báo cáo đoàn ra", unit, NULL, NULL);
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT count(*) FROM task", &seen), job_free, NULL,
                             on_done, &outcome);
  /* nothing is called back before the main loop runs */
  g_assert_false (outcome.done);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.value, ==, 1);
  /* the query ran on another thread; the answer came back on this one */
  g_assert_true (seen.thread != g_thread_self ());
  g_assert_true (outcome.thread == g_thread_self ());
  g_assert_true (wait_freed (&seen));
  outcome_clear (&outcome);
}

/* A thread with a main context of its own starts a job: its callback runs
 * there, not on the main thread's. */
typedef struct
{
  DnQueryWorker *worker;
  Outcome        outcome;
  GThread       *caller;
} OtherThread;

static gpointer
other_thread (gpointer data)
{
  OtherThread *other = data;
  GMainContext *context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  other->caller = g_thread_self ();
  dn_query_worker_run_async (other->worker, query_int, job_new ("SELECT 42", NULL), job_free, NULL, on_done,
                             &other->outcome);
  g_assert_true (wait_for (context, &other->outcome, 5));
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return NULL;
}

static void
test_caller_context (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  OtherThread other = { 0 };
  GThread *thread;

  other.worker = worker;
  thread = g_thread_new ("caller", other_thread, &other);
  g_thread_join (thread);
  g_assert_no_error (other.outcome.error);
  g_assert_cmpint (other.outcome.value, ==, 42);
  g_assert_true (other.outcome.thread == other.caller);
  /* and nothing was left for the main context */
  g_assert_false (g_main_context_pending (NULL));
  outcome_clear (&other.outcome);
}

static void
test_cancel_interrupts (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) early = g_cancellable_new ();
  Seen seen = { 0 }, queued = { 0 };
  Outcome outcome = { 0 }, second = { 0 }, after = { 0 };
  gint64 start;

  dn_query_worker_run_async (worker, query_int, job_new (SLOW_SQL, &seen), job_free, cancellable, on_done,
                             &outcome);
  /* a job waiting behind it, cancelled before it starts: never runs */
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT 1", &queued), job_free, early, on_done, &second);
  g_cancellable_cancel (early);
  wait_started (&seen);
  g_assert_false (outcome.done);

  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_assert_true (wait_for (NULL, &outcome, 5));
  /* interrupted at once, not run to its end */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_atomic_int_get (&seen.sqlite_rc), ==, SQLITE_INTERRUPT);

  g_assert_true (wait_for (NULL, &second, 5));
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_atomic_int_get (&queued.started));
  g_assert_true (wait_freed (&queued));

  /* the connection is not left interrupted: the next job runs */
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT 7", NULL), job_free, NULL, on_done, &after);
  g_assert_true (wait_for (NULL, &after, 5));
  g_assert_no_error (after.error);
  g_assert_cmpint (after.value, ==, 7);

  /* cancelling once the job is over changes nothing for the next ones */
  outcome_clear (&after);
  {
    g_autoptr(GCancellable) late = g_cancellable_new ();

    dn_query_worker_run_async (worker, query_int, job_new ("SELECT 8", NULL), job_free, late, on_done, &after);
    g_assert_true (wait_for (NULL, &after, 5));
    g_cancellable_cancel (late);
  }
  g_assert_cmpint (after.value, ==, 8);
  outcome_clear (&after);
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT 9", NULL), job_free, NULL, on_done, &after);
  g_assert_true (wait_for (NULL, &after, 5));
  g_assert_no_error (after.error);
  g_assert_cmpint (after.value, ==, 9);

  outcome_clear (&outcome);
  outcome_clear (&second);
  outcome_clear (&after);
}

static void
test_latest_wins (DnTestStore   *fixture,
                  gconstpointer  data)
{
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  g_autoptr(DnQuerySlot) slot = dn_query_slot_new (worker);
  g_autoptr(DnQuerySlot) other = dn_query_slot_new (worker);
  Seen slow = { 0 }, middle = { 0 }, unrelated = { 0 };
  Outcome first = { 0 }, second = { 0 }, third = { 0 }, apart = { 0 };

  g_assert_false (dn_query_slot_is_busy (slot));
  dn_query_slot_run (slot, query_int, job_new (SLOW_SQL, &slow), job_free, G_CALLBACK (on_slot_done), &first);
  g_assert_true (dn_query_slot_is_busy (slot));
  wait_started (&slow);
  /* a job of another slot waits behind the slow one and is not cancelled */
  dn_query_slot_run (other, query_int, job_new ("SELECT 5", &unrelated), job_free, G_CALLBACK (on_slot_done), &apart);
  /* two newer ones for the same purpose: the slow one is interrupted, the
   * middle one never runs, only the latest is answered */
  dn_query_slot_run (slot, query_int, job_new ("SELECT 2", &middle), job_free, G_CALLBACK (on_slot_done), &second);
  dn_query_slot_run (slot, query_int, job_new ("SELECT 3", NULL), job_free, G_CALLBACK (on_slot_done), &third);
  g_assert_true (dn_query_slot_is_busy (slot));
  g_assert_true (wait_for (NULL, &third, 5));
  g_assert_no_error (third.error);
  g_assert_cmpint (third.value, ==, 3);
  g_assert_false (dn_query_slot_is_busy (slot));
  g_assert_true (wait_for (NULL, &apart, 5));
  g_assert_cmpint (apart.value, ==, 5);

  /* the superseded ones: no callback, data freed, the slow one interrupted */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (first.done);
  g_assert_false (second.done);
  g_assert_cmpint (g_atomic_int_get (&slow.sqlite_rc), ==, SQLITE_INTERRUPT);
  g_assert_false (g_atomic_int_get (&middle.started));
  g_assert_true (wait_freed (&slow));
  g_assert_true (wait_freed (&middle));

  /* a slot freed with its job running: no callback either */
  {
    DnQuerySlot *gone = dn_query_slot_new (worker);
    Seen seen = { 0 };
    Outcome never = { 0 };

    dn_query_slot_run (gone, query_int, job_new (SLOW_SQL, &seen), job_free, G_CALLBACK (on_slot_done), &never);
    wait_started (&seen);
    dn_query_slot_free (gone);
    outcome_clear (&apart);
    dn_query_slot_run (other, query_int, job_new ("SELECT 6", NULL), job_free, G_CALLBACK (on_slot_done), &apart);
    g_assert_true (wait_for (NULL, &apart, 5));
    g_assert_cmpint (apart.value, ==, 6);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_false (never.done);
    g_assert_cmpint (g_atomic_int_get (&seen.sqlite_rc), ==, SQLITE_INTERRUPT);
    g_assert_true (wait_freed (&seen));
  }
  g_assert_cmpuint (third.n_calls, ==, 1);
  outcome_clear (&third);
  outcome_clear (&apart);
}

static void
test_error (DnTestStore   *fixture,
            gconstpointer  data)
{
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  Outcome outcome = { 0 };

  dn_query_worker_run_async (worker, query_int, job_new ("SELECT count(*) FROM no_such_table", NULL), job_free,
                             NULL, on_done, &outcome);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_error (outcome.error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (outcome.error->message, "no_such_table"));

  /* the worker goes on */
  outcome_clear (&outcome);
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT 1", NULL), job_free, NULL, on_done, &outcome);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.value, ==, 1);
  outcome_clear (&outcome);
}

/* A job that leaves a statement stepped and a transaction open: the next
 * job must still see the latest commit. */
static gpointer
leave_open (DnStore         *store,
            gpointer         data,
            GCancellable    *cancellable,
            GDestroyNotify  *result_destroy,
            GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 *value = g_new (gint64, 1);

  if (!_dn_store_exec (store, "BEGIN", error))
    {
      g_free (value);
      return NULL;
    }
  stmt = _dn_store_prepare (store, "SELECT count(*) FROM unit", error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *value = sqlite3_column_int64 (stmt, 0);
  *result_destroy = boxed_free;
  return value;
}

static void
test_sees_commits (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  Outcome outcome = { 0 };
  gint64 unit;

  dn_query_worker_run_async (worker, leave_open, NULL, NULL, NULL, on_done, &outcome);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_cmpint (outcome.value, ==, 0);

  unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  outcome_clear (&outcome);
  dn_query_worker_run_async (worker, leave_open, NULL, NULL, NULL, on_done, &outcome);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_cmpint (outcome.value, ==, 1);

  /* inside a transaction of the main connection: only what is committed */
  g_assert_true (dn_store_begin (fixture->store, NULL));
  dn_test_add_task (fixture->store, "Báo cáo đoàn ra", unit, NULL, NULL);
  outcome_clear (&outcome);
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT count(*) FROM task", NULL), job_free, NULL,
                             on_done, &outcome);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_cmpint (outcome.value, ==, 0);
  g_assert_true (dn_store_commit (fixture->store, NULL));
  outcome_clear (&outcome);
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT count(*) FROM task", NULL), job_free, NULL,
                             on_done, &outcome);
  g_assert_true (wait_for (NULL, &outcome, 5));
  g_assert_cmpint (outcome.value, ==, 1);
  outcome_clear (&outcome);
}

static void
test_destroy_while_running (DnTestStore   *fixture,
                            gconstpointer  data)
{
  DnQueryWorker *worker = dn_query_worker_new (fixture->store);
  Seen seen = { 0 }, queued = { 0 };
  Outcome running = { 0 }, waiting = { 0 };
  gint64 start;

  dn_query_worker_run_async (worker, query_int, job_new (SLOW_SQL, &seen), job_free, NULL, on_done, &running);
  dn_query_worker_run_async (worker, query_int, job_new ("SELECT 1", &queued), job_free, NULL, on_done, &waiting);
  wait_started (&seen);

  start = g_get_monotonic_time ();
  g_object_unref (worker);
  /* the query was interrupted and the thread stopped, at once */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpint (g_atomic_int_get (&seen.sqlite_rc), ==, SQLITE_INTERRUPT);
  g_assert_false (g_atomic_int_get (&queued.started));
  /* every callback still comes, cancelled */
  g_assert_true (wait_for (NULL, &running, 5));
  g_assert_true (wait_for (NULL, &waiting, 5));
  g_assert_error (running.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (waiting.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (wait_freed (&seen));
  g_assert_true (wait_freed (&queued));
  outcome_clear (&running);
  outcome_clear (&waiting);

  /* a worker that never ran anything goes away too */
  worker = dn_query_worker_new (fixture->store);
  g_object_unref (worker);
}

static void
test_shared (DnTestStore   *fixture,
             gconstpointer  data)
{
  DnQueryWorker *worker = dn_query_worker_get_for_store (fixture->store);
  DnQueryWorker *again = dn_query_worker_get_for_store (fixture->store);
  GWeakRef ref;

  g_assert_true (worker == again);
  g_object_unref (again);
  g_weak_ref_init (&ref, worker);
  /* the store keeps no reference: the worker goes with its last user */
  g_object_unref (worker);
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);
  worker = dn_query_worker_get_for_store (fixture->store);
  g_assert_nonnull (worker);
  g_object_unref (worker);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/query-worker/result", test_result);
  DN_TEST_ADD ("/query-worker/caller-context", test_caller_context);
  DN_TEST_ADD ("/query-worker/cancel-interrupts", test_cancel_interrupts);
  DN_TEST_ADD ("/query-worker/latest-wins", test_latest_wins);
  DN_TEST_ADD ("/query-worker/error", test_error);
  DN_TEST_ADD ("/query-worker/sees-commits", test_sees_commits);
  DN_TEST_ADD ("/query-worker/destroy-while-running", test_destroy_while_running);
  DN_TEST_ADD ("/query-worker/shared", test_shared);
  return g_test_run ();
}
