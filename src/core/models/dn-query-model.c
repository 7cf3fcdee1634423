/* dn-query-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-query-model"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-query-model.h"
#include "dn-query-worker.h"

#include <string.h>

typedef struct
{
  DnStore    *store;
  GArray     *ids;       /* gint64, the query's result in order */
  GHashTable *cache;     /* gint64 id → record */
  guint       n_fetched;
  gboolean    partial;   /* only the first rows are known yet */

  gpointer     query;    /* the kept query (class query_size), or NULL */
  /* asynchronous queries, on the store's query worker: the latest wins */
  DnQuerySlot *slot;
  gboolean     rest_on_demand; /* the rest waits for dn_query_model_fetch_rest() */
  gboolean     rest_waiting;   /* the first rows are in, the rest not asked for yet */
} DnQueryModelPrivate;

enum
{
  PROP_0,
  PROP_STORE,
  PROP_COMPLETE,
  N_PROPS
};

enum
{
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (DnQueryModel, dn_query_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (DnQueryModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/*
 * GListModel
 */

static GType
get_item_type (GListModel *model)
{
  return DN_QUERY_MODEL_GET_CLASS (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (DN_QUERY_MODEL (model));

  return priv->ids->len;
}

static void
cache_items (DnQueryModel *self,
             GPtrArray    *items)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  DnQueryModelClass *klass = DN_QUERY_MODEL_GET_CLASS (self);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = G_STRUCT_MEMBER (gint64, items->pdata[i], klass->id_offset);

      g_hash_table_insert (priv->cache, g_memdup2 (&id, sizeof id), g_object_ref (items->pdata[i]));
    }
  priv->n_fetched += items->len;
}

/* Reads the page around @position in one go: scrolling asks for
 * neighbouring rows next. */
static void
fetch_page (DnQueryModel *self,
            guint         position)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint start = position - position % DN_QUERY_MODEL_PAGE_SIZE;
  guint n = MIN (DN_QUERY_MODEL_PAGE_SIZE, priv->ids->len - start);

  if (g_hash_table_size (priv->cache) + n > DN_QUERY_MODEL_MAX_CACHED)
    g_hash_table_remove_all (priv->cache);
  items = DN_QUERY_MODEL_GET_CLASS (self)->read_items (priv->store, &g_array_index (priv->ids, gint64, start), n,
                                                       &error);
  if (items == NULL)
    {
      g_warning ("Cannot read records: %s", error->message);
      return;
    }
  cache_items (self, items);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DnQueryModel *self = DN_QUERY_MODEL (model);
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  gpointer item;
  gint64 id;

  if (position >= priv->ids->len)
    return NULL;
  id = g_array_index (priv->ids, gint64, position);
  item = g_hash_table_lookup (priv->cache, &id);
  if (item == NULL)
    {
      fetch_page (self, position);
      item = g_hash_table_lookup (priv->cache, &id);
    }
  if (item == NULL)
    {
      /* deleted behind our back: a placeholder keeps positions stable */
      DnQueryModelClass *klass = DN_QUERY_MODEL_GET_CLASS (self);

      item = g_object_new (klass->item_type, NULL);
      G_STRUCT_MEMBER (gint64, item, klass->id_offset) = id;
      return item;
    }
  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/*
 * GObject
 */

/*
 * Queries kept and run
 */

static gpointer
query_copy (DnQueryModelClass *klass,
            gconstpointer      query)
{
  gpointer copy = g_memdup2 (query, klass->query_size);

  for (guint i = 0; i < klass->n_query_strings; i++)
    G_STRUCT_MEMBER (char *, copy, klass->query_strings[i]) =
      g_strdup (G_STRUCT_MEMBER (const char *, query, klass->query_strings[i]));
  return copy;
}

static void
query_free (DnQueryModelClass *klass,
            gpointer           query)
{
  if (query == NULL)
    return;
  for (guint i = 0; i < klass->n_query_strings; i++)
    g_free (G_STRUCT_MEMBER (char *, query, klass->query_strings[i]));
  g_free (query);
}

/* A query runs in one job (every id and the records of the first), or,
 * when the class reads first rows by the query (query_first), in two: the
 * first rows (DN_QUERY_MODEL_FIRST_ROWS, what a view shows first: a few ms
 * on an index whatever the size), then, when there are more, every id (the
 * count and the rest) with the records after the first rows up to
 * DN_QUERY_MODEL_PREFETCHED (the rows a view builds next). */
typedef enum
{
  JOB_IDS_AND_FIRST,
  JOB_FIRST_ROWS,
  JOB_IDS,
} JobKind;

typedef struct
{
  DnQueryModelClass *klass;  /* classes stay: usable on any thread */
  gpointer           query;  /* a copy of its own */
  JobKind            kind;
  guint              n_listed;  /* JOB_IDS: the first rows the model lists already */
  guint              n_first;   /* JOB_FIRST_ROWS: how many */
} Job;

typedef struct
{
  GArray    *ids;
  GPtrArray *first;  /* records of the first ids (JOB_IDS: those after the listed ones), or NULL */
  gboolean   complete;
} JobResult;

static void
job_free (Job *job)
{
  query_free (job->klass, job->query);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->first, g_ptr_array_unref);
  g_free (result);
}

static GArray *
ids_of_items (DnQueryModelClass *klass,
              GPtrArray         *items)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = G_STRUCT_MEMBER (gint64, items->pdata[i], klass->id_offset);

      g_array_append_val (ids, id);
    }
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

  switch (job->kind)
    {
    case JOB_FIRST_ROWS:
      {
        GPtrArray *first = job->klass->query_first (store, job->query, job->n_first, error);

        if (first == NULL)
          return NULL;
        result = g_new0 (JobResult, 1);
        result->first = first;
        result->ids = ids_of_items (job->klass, first);
        result->complete = first->len < job->n_first;
      }
      break;
    case JOB_IDS:
      {
        GArray *ids = job->klass->query_ids (store, job->query, error);
        guint to;

        if (ids == NULL)
          return NULL;
        result = g_new0 (JobResult, 1);
        result->ids = ids;
        result->complete = TRUE;
        /* the rows a view builds once these are listed: read here, not
         * on the main thread (one gone meanwhile is read there) */
        to = MIN (ids->len, DN_QUERY_MODEL_PREFETCHED);
        if (job->n_listed < to)
          result->first = job->klass->read_items (store, &g_array_index (ids, gint64, job->n_listed),
                                                  to - job->n_listed, NULL);
      }
      break;
    case JOB_IDS_AND_FIRST:
    default:
      {
        g_autoptr(GArray) ids = job->klass->query_ids (store, job->query, error);
        GPtrArray *first;

        if (ids == NULL)
          return NULL;
        first = job->klass->read_items (store, (const gint64 *) (gpointer) ids->data,
                                        MIN (ids->len, DN_QUERY_MODEL_PREFETCHED), error);
        if (first == NULL)
          return NULL;
        /* the first records stand for the first ids only when none went
         * missing meanwhile */
        if (first->len != MIN (ids->len, DN_QUERY_MODEL_PREFETCHED))
          g_clear_pointer (&first, g_ptr_array_unref);
        result = g_new0 (JobResult, 1);
        result->ids = g_steal_pointer (&ids);
        result->first = first;
        result->complete = TRUE;
      }
      break;
    }
  *result_destroy = (GDestroyNotify) job_result_free;
  return result;
}

static void start_job (DnQueryModel *self,
                       JobKind       kind);

/* How many rows a query's first result holds: a screen's worth while the
 * model lists nothing (a list shown for the first time builds a row of
 * widgets for each); else as many as a view built rows for, so that a new
 * query rebinds them instead of dropping and building them again. */
static guint
first_rows (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  return priv->ids->len == 0 ? DN_QUERY_MODEL_FIRST_ROWS : DN_QUERY_MODEL_PREFETCHED;
}

/* The rest of a query whose first rows are in: now, or when asked. */
static void
start_rest (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  if (priv->rest_on_demand)
    priv->rest_waiting = TRUE;
  else
    start_job (self, JOB_IDS);
}

static void job_done (DnQueryModel *self,
                      JobResult    *found,
                      const GError *error);

static void
start_job (DnQueryModel *self,
           JobKind       kind)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  Job *job = g_new0 (Job, 1);

  if (priv->slot == NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (priv->store);

      priv->slot = dn_query_slot_new (worker);
    }
  job->klass = DN_QUERY_MODEL_GET_CLASS (self);
  job->query = query_copy (job->klass, priv->query);
  job->kind = kind;
  job->n_listed = priv->ids->len;
  job->n_first = first_rows (self);
  priv->rest_waiting = FALSE;
  /* a query still running is interrupted; its result is never applied */
  dn_query_slot_run (priv->slot, run_job, job, (GDestroyNotify) job_free, G_CALLBACK (job_done), self);
}

/* Only the latest query's result comes here (the slot drops the others,
 * and frees this one after). */
static void
job_done (DnQueryModel *self,
          JobResult    *found,
          const GError *error)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  gboolean was_complete = dn_query_model_is_complete (self);
  gboolean complete = found == NULL || found->complete;

  if (found != NULL)
    dn_query_model_set_result (self, found->ids, found->first);
  dn_query_model_set_complete (self, complete);
  /* "loaded" once a query's first rows are in (or it failed); the rest
   * comes after, as rows added and "complete" */
  /* (waiting before "loaded": its handlers may ask for the rest) */
  if (!complete && priv->rest_on_demand)
    priv->rest_waiting = TRUE;
  if (was_complete || error != NULL)
    dn_query_model_emit_loaded (self, error);
  if (!complete && !priv->rest_on_demand)
    start_job (self, JOB_IDS);
}

static GArray *
real_list_ids (DnQueryModel  *self,
               GError       **error)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  DnQueryModelClass *klass = DN_QUERY_MODEL_GET_CLASS (self);

  g_return_val_if_fail (klass->query_ids != NULL && priv->query != NULL, NULL);
  return klass->query_ids (priv->store, priv->query, error);
}

static gboolean
real_is_loading (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  return dn_query_slot_is_busy (priv->slot);
}

static void
dn_query_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (DN_QUERY_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, !priv->partial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_query_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (DN_QUERY_MODEL (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&priv->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_query_model_finalize (GObject *object)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (DN_QUERY_MODEL (object));

  g_clear_pointer (&priv->slot, dn_query_slot_free);
  query_free (DN_QUERY_MODEL_GET_CLASS (object), g_steal_pointer (&priv->query));
  g_clear_object (&priv->store);
  g_clear_pointer (&priv->ids, g_array_unref);
  g_clear_pointer (&priv->cache, g_hash_table_unref);

  G_OBJECT_CLASS (dn_query_model_parent_class)->finalize (object);
}

static void
dn_query_model_class_init (DnQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dn_query_model_finalize;
  object_class->get_property = dn_query_model_get_property;
  object_class->set_property = dn_query_model_set_property;
  klass->item_type = G_TYPE_OBJECT;
  klass->is_loading = real_is_loading;
  klass->list_ids = real_list_ids;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* FALSE while only the first rows of the query are listed (the rest, and
   * so the count, come later) */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DnQueryModel::loaded:
   * @error: (nullable): why the query failed
   *
   * The result of a query run elsewhere (a worker thread) replaced the
   * contents, or the query failed.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
dn_query_model_init (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  priv->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  priv->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/*
 * Public API
 */

DnStore *
dn_query_model_get_store (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), NULL);
  return priv->store;
}

void
dn_query_model_set_result (DnQueryModel *self,
                           GArray       *ids,
                           GPtrArray    *first_items)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  guint old_n;

  g_return_if_fail (DN_IS_QUERY_MODEL (self));
  g_return_if_fail (ids != NULL);

  old_n = priv->ids->len;
  /* the rest of a list whose first rows are shown (the same query, read
   * in full): the rows in sight stay as they are, the others are added */
  if (priv->partial && old_n > 0 && ids->len >= old_n &&
      memcmp (priv->ids->data, ids->data, old_n * sizeof (gint64)) == 0)
    {
      g_array_ref (ids);
      g_array_unref (priv->ids);
      priv->ids = ids;
      if (first_items != NULL)
        cache_items (self, first_items);
      if (ids->len > old_n)
        g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, ids->len - old_n);
      return;
    }
  g_array_ref (ids);
  g_array_unref (priv->ids);
  priv->ids = ids;
  g_hash_table_remove_all (priv->cache);
  if (first_items != NULL)
    cache_items (self, first_items);
  if (old_n > 0 || priv->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, priv->ids->len);
}

void
dn_query_model_set_complete (DnQueryModel *self,
                             gboolean      complete)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_if_fail (DN_IS_QUERY_MODEL (self));
  if (priv->partial == !complete)
    return;
  priv->partial = !complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

gboolean
dn_query_model_is_complete (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), TRUE);
  return !priv->partial;
}

gboolean
dn_query_model_reload (DnQueryModel  *self,
                       GError       **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = DN_QUERY_MODEL_GET_CLASS (self)->list_ids (self, error);
  if (ids == NULL)
    return FALSE;
  dn_query_model_set_complete (self, TRUE);
  dn_query_model_set_result (self, ids, NULL);
  return TRUE;
}

void
dn_query_model_emit_loaded (DnQueryModel *self,
                            const GError *error)
{
  g_return_if_fail (DN_IS_QUERY_MODEL (self));
  g_signal_emit (self, signals[LOADED], 0, error);
}

gboolean
dn_query_model_is_loading (DnQueryModel *self)
{
  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), FALSE);
  return DN_QUERY_MODEL_GET_CLASS (self)->is_loading (self);
}

void
dn_query_model_keep_query (DnQueryModel  *self,
                           gconstpointer  query)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  DnQueryModelClass *klass;
  gpointer old;

  g_return_if_fail (DN_IS_QUERY_MODEL (self));
  g_return_if_fail (query != NULL);
  klass = DN_QUERY_MODEL_GET_CLASS (self);
  g_return_if_fail (klass->query_size > 0);

  /* copied before the old one goes: @query may be the kept one */
  old = priv->query;
  priv->query = query_copy (klass, query);
  query_free (klass, old);
}

gconstpointer
dn_query_model_get_query (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), NULL);
  return priv->query;
}

gboolean
dn_query_model_run_query (DnQueryModel  *self,
                          gconstpointer  query,
                          GError       **error)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  dn_query_model_keep_query (self, query);
  /* an asynchronous query still under way must not overwrite this one */
  if (priv->slot != NULL)
    dn_query_slot_cancel (priv->slot);
  priv->rest_waiting = FALSE;
  return dn_query_model_reload (self, error);
}

void
dn_query_model_run_query_async (DnQueryModel  *self,
                                gconstpointer  query)
{
  g_return_if_fail (DN_IS_QUERY_MODEL (self));
  g_return_if_fail (query != NULL);

  dn_query_model_keep_query (self, query);
  /* the next result replaces the list, whatever it held */
  dn_query_model_set_complete (self, TRUE);
  start_job (self, DN_QUERY_MODEL_GET_CLASS (self)->query_first != NULL ? JOB_FIRST_ROWS : JOB_IDS_AND_FIRST);
}

gboolean
dn_query_model_run_query_first (DnQueryModel  *self,
                                gconstpointer  query,
                                GError       **error)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);
  DnQueryModelClass *klass;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GArray) ids = NULL;
  guint n_first;

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  klass = DN_QUERY_MODEL_GET_CLASS (self);
  g_return_val_if_fail (klass->query_first != NULL, FALSE);

  dn_query_model_keep_query (self, query);
  if (priv->slot != NULL)
    dn_query_slot_cancel (priv->slot);
  priv->rest_waiting = FALSE;
  /* the first rows here (by the list's index: a few ms whatever the
   * size), the rest on the worker */
  n_first = first_rows (self);
  first = klass->query_first (priv->store, priv->query, n_first, error);
  if (first == NULL)
    return FALSE;
  ids = ids_of_items (klass, first);
  dn_query_model_set_complete (self, TRUE);
  dn_query_model_set_result (self, ids, first);
  if (first->len < n_first)
    return TRUE;
  dn_query_model_set_complete (self, FALSE);
  start_rest (self);
  return TRUE;
}

guint
dn_query_model_find (DnQueryModel *self,
                     gint64        id)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), G_MAXUINT);
  for (guint i = 0; i < priv->ids->len; i++)
    if (g_array_index (priv->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

gint64
dn_query_model_get_id (DnQueryModel *self,
                       guint         position)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), 0);
  return position < priv->ids->len ? g_array_index (priv->ids, gint64, position) : 0;
}

gint64
dn_query_model_get_item_id (DnQueryModel *self,
                            gpointer      item)
{
  DnQueryModelClass *klass;

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), 0);
  klass = DN_QUERY_MODEL_GET_CLASS (self);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, klass->item_type), 0);
  return G_STRUCT_MEMBER (gint64, item, klass->id_offset);
}

guint
dn_query_model_get_n_fetched (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), 0);
  return priv->n_fetched;
}

void
dn_query_model_set_rest_on_demand (DnQueryModel *self,
                                   gboolean      on_demand)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_if_fail (DN_IS_QUERY_MODEL (self));
  priv->rest_on_demand = on_demand;
  if (!on_demand)
    dn_query_model_fetch_rest (self);
}

gboolean
dn_query_model_fetch_rest (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), FALSE);
  if (!priv->rest_waiting)
    return FALSE;
  start_job (self, JOB_IDS);
  return TRUE;
}
