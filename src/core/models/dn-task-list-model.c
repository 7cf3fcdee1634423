/* dn-task-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-list-model"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-query-worker.h"
#include "dn-task-list-model.h"

/* rows an asynchronous query also reads (see dn-query-model.h) */
#define PREFETCHED DN_QUERY_MODEL_PREFETCHED

struct _DnTaskListModel
{
  DnQueryModel parent_instance;

  DnTaskQuery  query;
  char        *query_text;

  /* asynchronous queries, on the store's query worker: the latest wins */
  DnQuerySlot *slot;
};

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A query runs in two jobs: the first rows (what a view shows first: a
 * few ms on an index whatever the size), then, when there are more, every
 * id (the count and the rest of the list). */
typedef struct
{
  DnTaskQuery  query;
  char        *text;
  gboolean     first_rows;
} Job;

typedef struct
{
  GArray    *ids;
  GPtrArray *tasks;  /* the first rows, or NULL */
  gboolean   complete;
} JobResult;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->tasks, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_FINAL_TYPE (DnTaskListModel, dn_task_list_model, DN_TYPE_QUERY_MODEL)

/* What the parent needs to know of tasks */

static GArray *
list_ids (DnQueryModel  *model,
          GError       **error)
{
  DnTaskListModel *self = DN_TASK_LIST_MODEL (model);

  return dn_store_list_task_ids (dn_query_model_get_store (model), &self->query, error);
}

static GPtrArray *
read_items (DnStore       *store,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  return dn_store_get_tasks (store, ids, n_ids, error);
}

static gint64
get_item_id (gpointer item)
{
  return DN_TASK (item)->id;
}

static gpointer
new_placeholder (gint64 id)
{
  DnTask *task = dn_task_new ();

  task->id = id;
  return task;
}

static gboolean
is_loading (DnQueryModel *model)
{
  DnTaskListModel *self = DN_TASK_LIST_MODEL (model);

  return dn_query_slot_is_busy (self->slot);
}

static void
dn_task_list_model_finalize (GObject *object)
{
  DnTaskListModel *self = DN_TASK_LIST_MODEL (object);

  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_clear_pointer (&self->query_text, g_free);

  G_OBJECT_CLASS (dn_task_list_model_parent_class)->finalize (object);
}

static void
dn_task_list_model_class_init (DnTaskListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dn_task_list_model_finalize;
  model_class->item_type = DN_TYPE_TASK;
  model_class->list_ids = list_ids;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->is_loading = is_loading;

  /* DnQueryModel::loaded, emitted when the result of
   * dn_task_list_model_set_query_async() (the latest one) has replaced the
   * contents, or when it failed (@error set). */
  signals[LOADED] = g_signal_lookup ("loaded", DN_TYPE_QUERY_MODEL);
}

static void
dn_task_list_model_init (DnTaskListModel *self)
{
  dn_task_query_init (&self->query);
  self->query.parent_id = 0;
}

DnTaskListModel *
dn_task_list_model_new (DnStore *store)
{
  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  return g_object_new (DN_TYPE_TASK_LIST_MODEL, "store", store, NULL);
}

DnStore *
dn_task_list_model_get_store (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), NULL);
  return dn_query_model_get_store (DN_QUERY_MODEL (self));
}

const DnTaskQuery *
dn_task_list_model_get_query (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), NULL);
  return &self->query;
}

/* Copies @query (its text too) as the model's query. */
static void
keep_query (DnTaskListModel   *self,
            const DnTaskQuery *query)
{
  g_free (self->query_text);
  self->query_text = g_strdup (query->text);
  self->query = *query;
  self->query.text = self->query_text;
}

static GArray *
ids_of_tasks (GPtrArray *tasks)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), tasks->len);

  for (guint i = 0; i < tasks->len; i++)
    g_array_append_val (ids, DN_TASK (tasks->pdata[i])->id);
  return ids;
}

/* On the query worker's thread. */
static gpointer
run_job (DnStore         *store,
         gpointer         data,
         GCancellable    *cancellable,
         GDestroyNotify  *result_destroy,
         GError         **error)
{
  Job *job = data;
  JobResult *result;

  if (job->first_rows)
    {
      GPtrArray *tasks = dn_store_list_tasks (store, &job->query, PREFETCHED, error);

      if (tasks == NULL)
        return NULL;
      result = g_new0 (JobResult, 1);
      result->tasks = tasks;
      result->ids = ids_of_tasks (tasks);
      result->complete = tasks->len < PREFETCHED;
    }
  else
    {
      GArray *ids = dn_store_list_task_ids (store, &job->query, error);

      if (ids == NULL)
        return NULL;
      result = g_new0 (JobResult, 1);
      result->ids = ids;
      result->complete = TRUE;
    }
  *result_destroy = (GDestroyNotify) job_result_free;
  return result;
}

static void job_done (DnTaskListModel *self,
                      JobResult       *found,
                      const GError    *error);

static void
start_job (DnTaskListModel *self,
           gboolean         first_rows)
{
  Job *job = g_new0 (Job, 1);

  if (self->slot == NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (dn_task_list_model_get_store (self));

      self->slot = dn_query_slot_new (worker);
    }
  job->query = self->query;
  job->text = g_strdup (self->query_text);
  job->query.text = job->text;
  job->first_rows = first_rows;
  /* a query still running is interrupted; its result is never applied */
  dn_query_slot_run (self->slot, run_job, job, (GDestroyNotify) job_free, G_CALLBACK (job_done), self);
}

/* Only the latest query's result comes here (the slot drops the others). */
static void
job_done (DnTaskListModel *self,
          JobResult       *found,
          const GError    *error)
{
  gboolean was_complete = dn_query_model_is_complete (DN_QUERY_MODEL (self));
  gboolean complete = found == NULL || found->complete;

  if (found != NULL)
    dn_query_model_set_result (DN_QUERY_MODEL (self), found->ids, found->tasks);
  dn_query_model_set_complete (DN_QUERY_MODEL (self), complete);
  /* "loaded" once a query's first rows are in (or it failed); the rest
   * comes after, as rows added and "complete" */
  if (was_complete || error != NULL)
    g_signal_emit (self, signals[LOADED], 0, error);
  if (!complete)
    start_job (self, FALSE);
}

void
dn_task_list_model_set_query_async (DnTaskListModel   *self,
                                    const DnTaskQuery *query)
{
  g_return_if_fail (DN_IS_TASK_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  keep_query (self, query);

  /* the next result replaces the list, whatever it held */
  dn_query_model_set_complete (DN_QUERY_MODEL (self), TRUE);
  start_job (self, TRUE);
}

gboolean
dn_task_list_model_set_query (DnTaskListModel    *self,
                              const DnTaskQuery  *query,
                              GError            **error)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  keep_query (self, query);
  /* an asynchronous query still under way must not overwrite this one */
  if (self->slot != NULL)
    dn_query_slot_cancel (self->slot);
  return dn_query_model_reload (DN_QUERY_MODEL (self), error);
}

gboolean
dn_task_list_model_set_query_first (DnTaskListModel    *self,
                                    const DnTaskQuery  *query,
                                    GError            **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  keep_query (self, query);
  if (self->slot != NULL)
    dn_query_slot_cancel (self->slot);
  /* the first rows here (by the list's index: a few ms whatever the
   * size), the rest on the worker */
  tasks = dn_store_list_tasks (dn_task_list_model_get_store (self), &self->query, PREFETCHED, error);
  if (tasks == NULL)
    return FALSE;
  ids = ids_of_tasks (tasks);
  dn_query_model_set_complete (DN_QUERY_MODEL (self), TRUE);
  dn_query_model_set_result (DN_QUERY_MODEL (self), ids, tasks);
  if (tasks->len < PREFETCHED)
    return TRUE;
  dn_query_model_set_complete (DN_QUERY_MODEL (self), FALSE);
  start_job (self, FALSE);
  return TRUE;
}

guint
dn_task_list_model_find (DnTaskListModel *self,
                         gint64           task_id)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), G_MAXUINT);
  return dn_query_model_find (DN_QUERY_MODEL (self), task_id);
}

guint
dn_task_list_model_get_n_fetched (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), 0);
  return dn_query_model_get_n_fetched (DN_QUERY_MODEL (self));
}
