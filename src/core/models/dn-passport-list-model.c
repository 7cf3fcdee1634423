/* dn-passport-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-list-model"

#include "config.h"

#include "dn-passport-list-model.h"

struct _DnPassportListModel
{
  DnQueryModel parent_instance;
};

G_DEFINE_FINAL_TYPE (DnPassportListModel, dn_passport_list_model, DN_TYPE_QUERY_MODEL)

/* What the parent needs to know of passports */

static const gsize query_strings[] = { G_STRUCT_OFFSET (DnPassportQuery, text) };

static GArray *
query_ids (DnStore       *store,
           gconstpointer  query,
           GError       **error)
{
  return dn_store_list_passport_ids (store, query, error);
}

static GPtrArray *
read_items (DnStore       *store,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  return dn_store_get_passports (store, ids, n_ids, error);
}

static gint64
get_item_id (gpointer item)
{
  return DN_PASSPORT (item)->id;
}

static gpointer
new_placeholder (gint64 id)
{
  DnPassport *passport = dn_passport_new ();

  passport->id = id;
  return passport;
}

static void
dn_passport_list_model_class_init (DnPassportListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  model_class->item_type = DN_TYPE_PASSPORT;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->query_size = sizeof (DnPassportQuery);
  model_class->query_strings = query_strings;
  model_class->n_query_strings = G_N_ELEMENTS (query_strings);
  model_class->query_ids = query_ids;
}

static void
dn_passport_list_model_init (DnPassportListModel *self)
{
  DnPassportQuery query;

  dn_passport_query_init (&query, NULL);
  dn_query_model_keep_query (DN_QUERY_MODEL (self), &query);
}

DnPassportListModel *
dn_passport_list_model_new (DnStore *store)
{
  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  return g_object_new (DN_TYPE_PASSPORT_LIST_MODEL, "store", store, NULL);
}

const DnPassportQuery *
dn_passport_list_model_get_query (DnPassportListModel *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_LIST_MODEL (self), NULL);
  return dn_query_model_get_query (DN_QUERY_MODEL (self));
}

gboolean
dn_passport_list_model_set_query (DnPassportListModel    *self,
                                  const DnPassportQuery  *query,
                                  GError                **error)
{
  g_return_val_if_fail (DN_IS_PASSPORT_LIST_MODEL (self), FALSE);
  return dn_query_model_run_query (DN_QUERY_MODEL (self), query, error);
}

void
dn_passport_list_model_set_query_async (DnPassportListModel   *self,
                                        const DnPassportQuery *query)
{
  g_return_if_fail (DN_IS_PASSPORT_LIST_MODEL (self));
  dn_query_model_run_query_async (DN_QUERY_MODEL (self), query);
}
