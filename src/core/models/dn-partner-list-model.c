/* dn-partner-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner-list-model"

#include "config.h"

#include "dn-partner-list-model.h"
#include "dn-query-worker.h"

struct _DnPartnerListModel
{
  DnQueryModel    parent_instance;

  DnPartnerQuery  query;
  char           *text;
  char           *country_code;

  DnQuerySlot    *slot;
};

G_DEFINE_FINAL_TYPE (DnPartnerListModel, dn_partner_list_model, DN_TYPE_QUERY_MODEL)

/* A query with its own copies of its strings. */
typedef struct
{
  DnPartnerQuery  query;
  char           *text;
  char           *country_code;
} Job;

typedef struct
{
  GArray    *ids;
  GPtrArray *partners;  /* the first rows */
} JobResult;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job->country_code);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->partners, g_ptr_array_unref);
  g_free (result);
}

static GArray *
list_ids (DnQueryModel  *model,
          GError       **error)
{
  DnPartnerListModel *self = DN_PARTNER_LIST_MODEL (model);

  return dn_store_list_partner_ids (dn_query_model_get_store (model), &self->query, error);
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

static gboolean
is_loading (DnQueryModel *model)
{
  return dn_query_slot_is_busy (DN_PARTNER_LIST_MODEL (model)->slot);
}

static void
dn_partner_list_model_finalize (GObject *object)
{
  DnPartnerListModel *self = DN_PARTNER_LIST_MODEL (object);

  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->country_code, g_free);
  G_OBJECT_CLASS (dn_partner_list_model_parent_class)->finalize (object);
}

static void
dn_partner_list_model_class_init (DnPartnerListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dn_partner_list_model_finalize;
  model_class->item_type = DN_TYPE_PARTNER;
  model_class->list_ids = list_ids;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->is_loading = is_loading;
}

static void
dn_partner_list_model_init (DnPartnerListModel *self)
{
  dn_partner_query_init (&self->query);
}

DnPartnerListModel *
dn_partner_list_model_new (DnStore *store)
{
  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  return g_object_new (DN_TYPE_PARTNER_LIST_MODEL, "store", store, NULL);
}

static void
keep_query (DnPartnerListModel   *self,
            const DnPartnerQuery *query)
{
  g_free (self->text);
  g_free (self->country_code);
  self->text = g_strdup (query->text);
  self->country_code = g_strdup (query->country_code);
  self->query = *query;
  self->query.text = self->text;
  self->query.country_code = self->country_code;
}

gboolean
dn_partner_list_model_set_query (DnPartnerListModel    *self,
                                 const DnPartnerQuery  *query,
                                 GError               **error)
{
  g_return_val_if_fail (DN_IS_PARTNER_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  keep_query (self, query);
  if (self->slot != NULL)
    dn_query_slot_cancel (self->slot);
  return dn_query_model_reload (DN_QUERY_MODEL (self), error);
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
  g_autoptr(GArray) ids = dn_store_list_partner_ids (store, &job->query, error);
  JobResult *result;
  GPtrArray *partners;

  if (ids == NULL)
    return NULL;
  partners = dn_store_get_partners (store, (const gint64 *) (gpointer) ids->data,
                                    MIN (ids->len, DN_QUERY_MODEL_PREFETCHED), error);
  if (partners == NULL)
    return NULL;
  result = g_new0 (JobResult, 1);
  result->ids = g_steal_pointer (&ids);
  result->partners = partners;
  *result_destroy = (GDestroyNotify) job_result_free;
  return result;
}

/* Only the latest query's result comes here (the slot drops the others,
 * and frees this one after). */
static void
job_done (DnPartnerListModel *self,
          JobResult          *found,
          const GError       *error)
{
  if (found != NULL)
    dn_query_model_set_result (DN_QUERY_MODEL (self), found->ids, found->partners);
  dn_query_model_emit_loaded (DN_QUERY_MODEL (self), error);
}

void
dn_partner_list_model_set_query_async (DnPartnerListModel    *self,
                                       const DnPartnerQuery  *query)
{
  Job *job;

  g_return_if_fail (DN_IS_PARTNER_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  keep_query (self, query);
  if (self->slot == NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (dn_query_model_get_store (DN_QUERY_MODEL (self)));

      self->slot = dn_query_slot_new (worker);
    }
  job = g_new0 (Job, 1);
  job->text = g_strdup (self->text);
  job->country_code = g_strdup (self->country_code);
  job->query = self->query;
  job->query.text = job->text;
  job->query.country_code = job->country_code;
  dn_query_slot_run (self->slot, run_job, job, (GDestroyNotify) job_free, G_CALLBACK (job_done), self);
}
