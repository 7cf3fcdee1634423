/* dn-list-models.c: the list models of each record kind
 *
 * DnTaskListModel, DnDelegationListModel, DnPartnerListModel and
 * DnPassportListModel are DnQueryModels that differ only in what they
 * list: each is described by a line of one table (the record's type, its
 * query, how the store lists the query's ids and reads their records), one
 * class init and one instance init serve them all, and one macro defines
 * the public functions they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-models"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-list-models.h"

typedef GArray    *(*QueryIds)   (DnStore *store, gconstpointer query, GError **error);
typedef GPtrArray *(*QueryFirst) (DnStore *store, gconstpointer query, guint limit, GError **error);
typedef void       (*QueryInit)  (gpointer query);

typedef struct
{
  const char  *name;
  GType      (*item_type) (void);
  gsize        id_offset;
  gsize        query_size;
  gsize        query_strings[2]; /* the offsets of its strings (const char *) */
  guint        n_query_strings;
  QueryInit    query_init;       /* the query a new model keeps */
  QueryIds     query_ids;
  GPtrArray *(*read_items) (DnStore *store, const gint64 *ids, guint n_ids, GError **error);
  QueryFirst   query_first;      /* NULL: the first rows are read by their ids */
} ListKind;

typedef enum
{
  LIST_TASKS,
  LIST_DELEGATIONS,
  LIST_PARTNERS,
  LIST_PASSPORTS,
  LIST_DOCUMENTS,
  N_LISTS
} ListId;

static void
passport_query_init (gpointer query)
{
  dn_passport_query_init (query, NULL);
}

static const ListKind kinds[N_LISTS] = {
  [LIST_TASKS] = {
    "DnTaskListModel", dn_task_get_type, G_STRUCT_OFFSET (DnTask, id),
    sizeof (DnTaskQuery), { G_STRUCT_OFFSET (DnTaskQuery, text) }, 1, (QueryInit) dn_task_query_init,
    (QueryIds) dn_store_list_task_ids, dn_store_get_tasks, (QueryFirst) dn_store_list_tasks,
  },
  [LIST_DELEGATIONS] = {
    "DnDelegationListModel", dn_delegation_get_type, G_STRUCT_OFFSET (DnDelegation, id),
    sizeof (DnDelegationQuery), { G_STRUCT_OFFSET (DnDelegationQuery, text) }, 1,
    (QueryInit) dn_delegation_query_init, (QueryIds) dn_store_list_delegation_ids, dn_store_get_delegations,
  },
  [LIST_PARTNERS] = {
    "DnPartnerListModel", dn_partner_get_type, G_STRUCT_OFFSET (DnPartner, id),
    sizeof (DnPartnerQuery), { G_STRUCT_OFFSET (DnPartnerQuery, text), G_STRUCT_OFFSET (DnPartnerQuery, country_code) },
    2, (QueryInit) dn_partner_query_init, (QueryIds) dn_store_list_partner_ids, dn_store_get_partners,
  },
  [LIST_PASSPORTS] = {
    "DnPassportListModel", dn_passport_get_type, G_STRUCT_OFFSET (DnPassport, id),
    sizeof (DnPassportQuery), { G_STRUCT_OFFSET (DnPassportQuery, text) }, 1, passport_query_init,
    (QueryIds) dn_store_list_passport_ids, dn_store_get_passports,
  },
  [LIST_DOCUMENTS] = {
    "DnDocumentListModel", dn_document_get_type, G_STRUCT_OFFSET (DnDocument, id),
    sizeof (DnDocumentQuery), { G_STRUCT_OFFSET (DnDocumentQuery, text), G_STRUCT_OFFSET (DnDocumentQuery, issuer) },
    2, (QueryInit) dn_document_query_init, (QueryIds) dn_store_list_document_ids, dn_store_get_documents,
  },
};

static G_DEFINE_QUARK (dn-list-kind, list_kind);

static void
list_class_init (gpointer klass,
                 gpointer class_data)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);
  const ListKind *kind = class_data;

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), list_kind_quark (), class_data);
  model_class->item_type = kind->item_type ();
  model_class->id_offset = kind->id_offset;
  model_class->read_items = kind->read_items;
  model_class->query_size = kind->query_size;
  model_class->query_strings = kind->query_strings;
  model_class->n_query_strings = kind->n_query_strings;
  model_class->query_ids = kind->query_ids;
  model_class->query_first = kind->query_first;
}

static void
list_init (GTypeInstance *instance,
           gpointer       klass)
{
  const ListKind *kind = g_type_get_qdata (G_TYPE_FROM_CLASS (klass), list_kind_quark ());
  g_autofree gpointer query = g_malloc0 (kind->query_size);

  kind->query_init (query);
  dn_query_model_keep_query (DN_QUERY_MODEL (instance), query);
}

static GType
list_type (ListId id)
{
  static gsize types[N_LISTS];

  if (g_once_init_enter (&types[id]))
    {
      const GTypeInfo info = {
        .class_size = sizeof (DnQueryModelClass),
        .class_init = list_class_init,
        .class_data = &kinds[id],
        .instance_size = sizeof (DnQueryModel),
        .instance_init = list_init,
      };
      GType type = g_type_register_static (DN_TYPE_QUERY_MODEL, g_intern_static_string (kinds[id].name),
                                           &info, G_TYPE_FLAG_FINAL);

      g_once_init_leave (&types[id], type);
    }
  return types[id];
}

/* What every list model's public functions do: its type, a new model, and
 * a query run here or on the query worker (dn_query_model_run_query(),
 * _async()); those of a kind are the line LIST_MODEL (...) below. */
#define LIST_MODEL(Model, name, NAME, Query, list)                                 \
  GType                                                                           \
  dn_##name##_list_model_get_type (void)                                          \
  {                                                                               \
    return list_type (list);                                                      \
  }                                                                               \
  Model *                                                                         \
  dn_##name##_list_model_new (DnStore *store)                                     \
  {                                                                               \
    g_return_val_if_fail (DN_IS_STORE (store), NULL);                             \
    return g_object_new (DN_TYPE_##NAME##_LIST_MODEL, "store", store, NULL);      \
  }                                                                               \
  gboolean                                                                        \
  dn_##name##_list_model_set_query (Model *self, const Query *query, GError **error) \
  {                                                                               \
    g_return_val_if_fail (DN_IS_##NAME##_LIST_MODEL (self), FALSE);               \
    return dn_query_model_run_query (DN_QUERY_MODEL (self), query, error);        \
  }                                                                               \
  void                                                                            \
  dn_##name##_list_model_set_query_async (Model *self, const Query *query)        \
  {                                                                               \
    g_return_if_fail (DN_IS_##NAME##_LIST_MODEL (self));                          \
    dn_query_model_run_query_async (DN_QUERY_MODEL (self), query);                \
  }

LIST_MODEL (DnTaskListModel, task, TASK, DnTaskQuery, LIST_TASKS)
LIST_MODEL (DnDelegationListModel, delegation, DELEGATION, DnDelegationQuery, LIST_DELEGATIONS)
LIST_MODEL (DnPartnerListModel, partner, PARTNER, DnPartnerQuery, LIST_PARTNERS)
LIST_MODEL (DnPassportListModel, passport, PASSPORT, DnPassportQuery, LIST_PASSPORTS)
LIST_MODEL (DnDocumentListModel, document, DOCUMENT, DnDocumentQuery, LIST_DOCUMENTS)

/* The tasks ---------------------------------------------------------------- */

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
