/* dn-query-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-query-model"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-query-model.h"

#include <string.h>

typedef struct
{
  DnStore    *store;
  GArray     *ids;       /* gint64, the query's result in order */
  GHashTable *cache;     /* gint64 id → record */
  guint       n_fetched;
  gboolean    partial;   /* only the first rows are known yet */
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
      gint64 id = klass->get_item_id (items->pdata[i]);

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
    /* deleted behind our back: a placeholder keeps positions stable */
    return DN_QUERY_MODEL_GET_CLASS (self)->new_placeholder (id);
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

static gboolean
real_is_loading (DnQueryModel *self)
{
  return FALSE;
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

guint
dn_query_model_get_n_fetched (DnQueryModel *self)
{
  DnQueryModelPrivate *priv = dn_query_model_get_instance_private (self);

  g_return_val_if_fail (DN_IS_QUERY_MODEL (self), 0);
  return priv->n_fetched;
}
