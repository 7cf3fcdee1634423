/* dn-task-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-list-model"

#include "config.h"

#include "dn-store-private.h"
#include "dn-task-list-model.h"

#define PAGE_SIZE 64
#define MAX_CACHED 2048
/* rows an asynchronous query also reads: those a view shows first (GTK
 * 4.8's lists keep about 200 rows of widgets), so that showing the result
 * reads nothing on the main thread */
#define PREFETCHED (4 * PAGE_SIZE)

struct _DnTaskListModel
{
  GObject      parent_instance;

  DnStore     *store;
  DnTaskQuery  query;
  char        *query_text;
  GArray      *ids;       /* gint64 */
  GHashTable  *cache;     /* gint64 id → DnTask */
  guint        n_fetched;

  /* asynchronous queries */
  DnStore     *worker_store;   /* read-only connection used by one thread at a time */
  gboolean     running;
  gboolean     pending;        /* a newer query waits for the running one to stop */
  guint        generation;
};

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  DnStore     *store;
  DnTaskQuery  query;
  char        *text;
  guint        generation;
} Job;

typedef struct
{
  GArray    *ids;
  GPtrArray *tasks;  /* the first rows, or NULL */
} JobResult;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
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

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DnTaskListModel, dn_task_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return DN_TYPE_TASK;
}

static guint
get_n_items (GListModel *model)
{
  return DN_TASK_LIST_MODEL (model)->ids->len;
}

/* Reads the page around @position in one go: scrolling asks for
 * neighbouring rows next. */
static void
fetch_page (DnTaskListModel *self,
            guint            position)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint start = position - position % PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);

  if (g_hash_table_size (self->cache) + n > MAX_CACHED)
    g_hash_table_remove_all (self->cache);
  tasks = dn_store_get_tasks (self->store, &g_array_index (self->ids, gint64, start), n, &error);
  if (tasks == NULL)
    {
      g_warning ("Cannot read tasks: %s", error->message);
      return;
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      DnTask *task = tasks->pdata[i];
      g_hash_table_insert (self->cache, g_memdup2 (&task->id, sizeof task->id), g_object_ref (task));
    }
  self->n_fetched += tasks->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DnTaskListModel *self = DN_TASK_LIST_MODEL (model);
  gint64 id;
  DnTask *task;

  if (position >= self->ids->len)
    return NULL;
  id = g_array_index (self->ids, gint64, position);
  task = g_hash_table_lookup (self->cache, &id);
  if (task == NULL)
    {
      fetch_page (self, position);
      task = g_hash_table_lookup (self->cache, &id);
    }
  if (task == NULL)
    {
      /* deleted behind our back: an empty placeholder keeps positions stable */
      task = dn_task_new ();
      task->id = id;
      return task;
    }
  return g_object_ref (task);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dn_task_list_model_finalize (GObject *object)
{
  DnTaskListModel *self = DN_TASK_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->worker_store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->query_text, g_free);

  G_OBJECT_CLASS (dn_task_list_model_parent_class)->finalize (object);
}

static void
dn_task_list_model_class_init (DnTaskListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_list_model_finalize;

  /**
   * DnTaskListModel::loaded:
   *
   * Emitted when the result of dn_task_list_model_set_query_async() (the
   * latest one) has replaced the contents, or when it failed (@error set).
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
dn_task_list_model_init (DnTaskListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  dn_task_query_init (&self->query);
  self->query.parent_id = 0;
}

DnTaskListModel *
dn_task_list_model_new (DnStore *store)
{
  DnTaskListModel *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  self = g_object_new (DN_TYPE_TASK_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

DnStore *
dn_task_list_model_get_store (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), NULL);
  return self->store;
}

const DnTaskQuery *
dn_task_list_model_get_query (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), NULL);
  return &self->query;
}

/* Shows @ids, with @tasks (the first rows, read already) if not NULL. */
static void
replace_ids (DnTaskListModel *self,
             GArray          *ids,
             GPtrArray       *tasks)
{
  guint old_n = self->ids->len;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_hash_table_remove_all (self->cache);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      DnTask *task = tasks->pdata[i];
      g_hash_table_insert (self->cache, g_memdup2 (&task->id, sizeof task->id), g_object_ref (task));
    }
  if (tasks != NULL)
    self->n_fetched += tasks->len;
  if (old_n > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
}

gboolean
dn_task_list_model_reload (DnTaskListModel  *self,
                           GError          **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  ids = dn_store_list_task_ids (self->store, &self->query, error);
  if (ids == NULL)
    return FALSE;
  replace_ids (self, ids, NULL);
  return TRUE;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GArray *ids = dn_store_list_task_ids (job->store, &job->query, &error);
  JobResult *result;

  if (ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (JobResult, 1);
  result->ids = ids;
  /* unread rows are read on the main thread later: no error here */
  result->tasks = dn_store_get_tasks (job->store, &g_array_index (ids, gint64, 0), MIN (ids->len, PREFETCHED), NULL);
  g_task_return_pointer (task, result, (GDestroyNotify) job_result_free);
}

static void start_job (DnTaskListModel *self);

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  DnTaskListModel *self = DN_TASK_LIST_MODEL (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  JobResult *found = g_task_propagate_pointer (G_TASK (result), &error);

  self->running = FALSE;
  if (self->pending)
    {
      /* a newer query came in meanwhile: this result is stale */
      g_clear_pointer (&found, job_result_free);
      start_job (self);
      return;
    }
  if (job->generation != self->generation)
    {
      g_clear_pointer (&found, job_result_free);
      return;
    }
  if (found != NULL)
    {
      replace_ids (self, found->ids, found->tasks);
      job_result_free (found);
    }
  g_signal_emit (self, signals[LOADED], 0, error);
}

static void
start_job (DnTaskListModel *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  self->pending = FALSE;
  if (self->worker_store == NULL)
    {
      self->worker_store = dn_store_open (dn_store_get_path (self->store), DN_STORE_OPEN_READ_ONLY, &error);
      if (self->worker_store == NULL)
        {
          /* fall back to the main connection */
          if (!dn_task_list_model_reload (self, &error))
            g_signal_emit (self, signals[LOADED], 0, error);
          else
            g_signal_emit (self, signals[LOADED], 0, NULL);
          return;
        }
    }
  job = g_new0 (Job, 1);
  job->store = g_object_ref (self->worker_store);
  job->query = self->query;
  job->text = g_strdup (self->query_text);
  job->query.text = job->text;
  job->generation = self->generation;
  self->running = TRUE;
  task = g_task_new (self, NULL, job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

void
dn_task_list_model_set_query_async (DnTaskListModel   *self,
                                    const DnTaskQuery *query)
{
  g_return_if_fail (DN_IS_TASK_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  g_free (self->query_text);
  self->query_text = g_strdup (query->text);
  self->query = *query;
  self->query.text = self->query_text;
  self->generation++;

  if (self->running)
    {
      /* stop the query under way; the new one starts when it returns */
      self->pending = TRUE;
      sqlite3_interrupt (_dn_store_get_db (self->worker_store));
      return;
    }
  start_job (self);
}

gboolean
dn_task_list_model_is_loading (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  return self->running || self->pending;
}

gboolean
dn_task_list_model_set_query (DnTaskListModel    *self,
                              const DnTaskQuery  *query,
                              GError            **error)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  g_free (self->query_text);
  self->query_text = g_strdup (query->text);
  self->query = *query;
  self->query.text = self->query_text;
  /* an asynchronous query still under way must not overwrite this one */
  self->generation++;
  return dn_task_list_model_reload (self, error);
}

guint
dn_task_list_model_find (DnTaskListModel *self,
                         gint64           task_id)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), G_MAXUINT);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == task_id)
      return i;
  return G_MAXUINT;
}

guint
dn_task_list_model_get_n_fetched (DnTaskListModel *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), 0);
  return self->n_fetched;
}
