/* dn-task-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-list-model"

#include "config.h"

#include "dn-task-list-model.h"

#define PAGE_SIZE 64
#define MAX_CACHED 2048

struct _DnTaskListModel
{
  GObject      parent_instance;

  DnStore     *store;
  DnTaskQuery  query;
  char        *query_text;
  GArray      *ids;       /* gint64 */
  GHashTable  *cache;     /* gint64 id → DnTask */
  guint        n_fetched;
};

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
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->query_text, g_free);

  G_OBJECT_CLASS (dn_task_list_model_parent_class)->finalize (object);
}

static void
dn_task_list_model_class_init (DnTaskListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_list_model_finalize;
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

gboolean
dn_task_list_model_reload (DnTaskListModel  *self,
                           GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  guint old_n;

  g_return_val_if_fail (DN_IS_TASK_LIST_MODEL (self), FALSE);
  ids = dn_store_list_task_ids (self->store, &self->query, error);
  if (ids == NULL)
    return FALSE;
  old_n = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->cache);
  if (old_n > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
  return TRUE;
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
