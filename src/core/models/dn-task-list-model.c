/* dn-task-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-list-model"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-task-list-model.h"

struct _DnTaskListModel
{
  DnQueryModel parent_instance;
};

G_DEFINE_FINAL_TYPE (DnTaskListModel, dn_task_list_model, DN_TYPE_QUERY_MODEL)

/* What the parent needs to know of tasks */

static const gsize query_strings[] = { G_STRUCT_OFFSET (DnTaskQuery, text) };

static GArray *
query_ids (DnStore       *store,
           gconstpointer  query,
           GError       **error)
{
  return dn_store_list_task_ids (store, query, error);
}

/* by the list's index: a few ms whatever the size */
static GPtrArray *
query_first (DnStore       *store,
             gconstpointer  query,
             guint          limit,
             GError       **error)
{
  return dn_store_list_tasks (store, query, limit, error);
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

static void
dn_task_list_model_class_init (DnTaskListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  model_class->item_type = DN_TYPE_TASK;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->query_size = sizeof (DnTaskQuery);
  model_class->query_strings = query_strings;
  model_class->n_query_strings = G_N_ELEMENTS (query_strings);
  model_class->query_ids = query_ids;
  model_class->query_first = query_first;
}

static void
dn_task_list_model_init (DnTaskListModel *self)
{
  DnTaskQuery query;

  dn_task_query_init (&query);
  query.parent_id = 0;
  dn_query_model_keep_query (DN_QUERY_MODEL (self), &query);
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
  return dn_query_model_get_query (DN_QUERY_MODEL (self));
}

/* "loaded" (DnQueryModel::loaded) once the latest query's first rows have
 * replaced the contents, or when it failed (@error set); the rest comes
 * after, as rows added and "complete". */
void
dn_task_list_model_set_query_async (DnTaskListModel   *self,
                                    const DnTaskQuery *query)
{
  g_return_if_fail (DN_IS_TASK_LIST_MODEL (self));
  dn_query_model_run_query_async (DN_QUERY_MODEL (self), query);
}

gboolean
dn_task_list_model_set_query (DnTaskListModel    *self,
                              const DnTaskQuery  *query,
                              GError            **error)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  return dn_query_model_run_query (DN_QUERY_MODEL (self), query, error);
}

gboolean
dn_task_list_model_set_query_first (DnTaskListModel    *self,
                                    const DnTaskQuery  *query,
                                    GError            **error)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  return dn_query_model_run_query_first (DN_QUERY_MODEL (self), query, error);
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
