/* dn-delegation-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-list-model"

#include "config.h"

#include "dn-delegation-list-model.h"

struct _DnDelegationListModel
{
  DnQueryModel parent_instance;
};

G_DEFINE_FINAL_TYPE (DnDelegationListModel, dn_delegation_list_model, DN_TYPE_QUERY_MODEL)

/* What the parent needs to know of delegations */

static const gsize query_strings[] = { G_STRUCT_OFFSET (DnDelegationQuery, text) };

static GArray *
query_ids (DnStore       *store,
           gconstpointer  query,
           GError       **error)
{
  return dn_store_list_delegation_ids (store, query, error);
}

static GPtrArray *
read_items (DnStore       *store,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  return dn_store_get_delegations (store, ids, n_ids, error);
}

static gint64
get_item_id (gpointer item)
{
  return DN_DELEGATION (item)->id;
}

static gpointer
new_placeholder (gint64 id)
{
  DnDelegation *delegation = dn_delegation_new ();

  delegation->id = id;
  return delegation;
}

static void
dn_delegation_list_model_class_init (DnDelegationListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  model_class->item_type = DN_TYPE_DELEGATION;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->query_size = sizeof (DnDelegationQuery);
  model_class->query_strings = query_strings;
  model_class->n_query_strings = G_N_ELEMENTS (query_strings);
  model_class->query_ids = query_ids;
}

static void
dn_delegation_list_model_init (DnDelegationListModel *self)
{
  DnDelegationQuery query;

  dn_delegation_query_init (&query);
  dn_query_model_keep_query (DN_QUERY_MODEL (self), &query);
}

DnDelegationListModel *
dn_delegation_list_model_new (DnStore *store)
{
  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  return g_object_new (DN_TYPE_DELEGATION_LIST_MODEL, "store", store, NULL);
}

gboolean
dn_delegation_list_model_set_query (DnDelegationListModel    *self,
                                    const DnDelegationQuery  *query,
                                    GError                  **error)
{
  g_return_val_if_fail (DN_IS_DELEGATION_LIST_MODEL (self), FALSE);
  return dn_query_model_run_query (DN_QUERY_MODEL (self), query, error);
}

void
dn_delegation_list_model_set_query_async (DnDelegationListModel   *self,
                                          const DnDelegationQuery *query)
{
  g_return_if_fail (DN_IS_DELEGATION_LIST_MODEL (self));
  dn_query_model_run_query_async (DN_QUERY_MODEL (self), query);
}
