/* dn-partner-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner-list-model"

#include "config.h"

#include "dn-partner-list-model.h"

struct _DnPartnerListModel
{
  DnQueryModel parent_instance;
};

G_DEFINE_FINAL_TYPE (DnPartnerListModel, dn_partner_list_model, DN_TYPE_QUERY_MODEL)

/* What the parent needs to know of partners */

static const gsize query_strings[] = { G_STRUCT_OFFSET (DnPartnerQuery, text),
                                       G_STRUCT_OFFSET (DnPartnerQuery, country_code) };

static GArray *
query_ids (DnStore       *store,
           gconstpointer  query,
           GError       **error)
{
  return dn_store_list_partner_ids (store, query, error);
}

static GPtrArray *
read_items (DnStore       *store,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  return dn_store_get_partners (store, ids, n_ids, error);
}

static gint64
get_item_id (gpointer item)
{
  return DN_PARTNER (item)->id;
}

static gpointer
new_placeholder (gint64 id)
{
  DnPartner *partner = dn_partner_new ();

  partner->id = id;
  return partner;
}

static void
dn_partner_list_model_class_init (DnPartnerListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  model_class->item_type = DN_TYPE_PARTNER;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->query_size = sizeof (DnPartnerQuery);
  model_class->query_strings = query_strings;
  model_class->n_query_strings = G_N_ELEMENTS (query_strings);
  model_class->query_ids = query_ids;
}

static void
dn_partner_list_model_init (DnPartnerListModel *self)
{
  DnPartnerQuery query;

  dn_partner_query_init (&query);
  dn_query_model_keep_query (DN_QUERY_MODEL (self), &query);
}

DnPartnerListModel *
dn_partner_list_model_new (DnStore *store)
{
  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  return g_object_new (DN_TYPE_PARTNER_LIST_MODEL, "store", store, NULL);
}

gboolean
dn_partner_list_model_set_query (DnPartnerListModel    *self,
                                 const DnPartnerQuery  *query,
                                 GError               **error)
{
  g_return_val_if_fail (DN_IS_PARTNER_LIST_MODEL (self), FALSE);
  return dn_query_model_run_query (DN_QUERY_MODEL (self), query, error);
}

void
dn_partner_list_model_set_query_async (DnPartnerListModel   *self,
                                       const DnPartnerQuery *query)
{
  g_return_if_fail (DN_IS_PARTNER_LIST_MODEL (self));
  dn_query_model_run_query_async (DN_QUERY_MODEL (self), query);
}
