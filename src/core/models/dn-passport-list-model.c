/* dn-passport-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-list-model"

#include "config.h"

#include "dn-passport-list-model.h"
#include "dn-query-worker.h"

struct _DnPassportListModel
{
  DnQueryModel     parent_instance;

  DnPassportQuery  query;
  char            *query_text;
  DnQuerySlot     *slot;
};

typedef struct
{
  DnPassportQuery  query;
  char            *text;
} Job;

typedef struct
{
  GArray    *ids;
  GPtrArray *passports;  /* the first rows */
} JobResult;

static guint loaded_signal;

G_DEFINE_FINAL_TYPE (DnPassportListModel, dn_passport_list_model, DN_TYPE_QUERY_MODEL)

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->passports, g_ptr_array_unref);
  g_free (result);
}

static GArray *
list_ids (DnQueryModel  *model,
          GError       **error)
{
  DnPassportListModel *self = DN_PASSPORT_LIST_MODEL (model);

  return dn_store_list_passport_ids (dn_query_model_get_store (model), &self->query, error);
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

static gboolean
is_loading (DnQueryModel *model)
{
  DnPassportListModel *self = DN_PASSPORT_LIST_MODEL (model);

  return self->slot != NULL && dn_query_slot_is_busy (self->slot);
}

static void
dn_passport_list_model_finalize (GObject *object)
{
  DnPassportListModel *self = DN_PASSPORT_LIST_MODEL (object);

  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_clear_pointer (&self->query_text, g_free);
  G_OBJECT_CLASS (dn_passport_list_model_parent_class)->finalize (object);
}

static void
dn_passport_list_model_class_init (DnPassportListModelClass *klass)
{
  DnQueryModelClass *model_class = DN_QUERY_MODEL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dn_passport_list_model_finalize;
  model_class->item_type = DN_TYPE_PASSPORT;
  model_class->list_ids = list_ids;
  model_class->read_items = read_items;
  model_class->get_item_id = get_item_id;
  model_class->new_placeholder = new_placeholder;
  model_class->is_loading = is_loading;
  loaded_signal = g_signal_lookup ("loaded", DN_TYPE_QUERY_MODEL);
}

static void
dn_passport_list_model_init (DnPassportListModel *self)
{
  dn_passport_query_init (&self->query, NULL);
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
  return &self->query;
}

static void
keep_query (DnPassportListModel   *self,
            const DnPassportQuery *query)
{
  g_free (self->query_text);
  self->query_text = g_strdup (query->text);
  self->query = *query;
  self->query.text = self->query_text;
}

gboolean
dn_passport_list_model_set_query (DnPassportListModel    *self,
                                  const DnPassportQuery  *query,
                                  GError                **error)
{
  g_return_val_if_fail (DN_IS_PASSPORT_LIST_MODEL (self), FALSE);
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
  JobResult *result;
  GArray *ids = dn_store_list_passport_ids (store, &job->query, error);
  GPtrArray *first;

  if (ids == NULL)
    return NULL;
  first = dn_store_get_passports (store, (const gint64 *) ids->data, MIN (ids->len, DN_QUERY_MODEL_PREFETCHED),
                                  error);
  if (first == NULL)
    {
      g_array_unref (ids);
      return NULL;
    }
  result = g_new0 (JobResult, 1);
  result->ids = ids;
  result->passports = first;
  *result_destroy = (GDestroyNotify) job_result_free;
  return result;
}

/* Only the latest query's result comes here (the slot drops the others);
 * the slot frees @found after. */
static void
job_done (DnPassportListModel *self,
          JobResult           *found,
          const GError        *error)
{
  if (found != NULL)
    /* the first rows were read with the ids: a row deleted meanwhile
     * would shift them, so they are given only when all are there */
    dn_query_model_set_result (DN_QUERY_MODEL (self), found->ids,
                               found->passports->len == MIN (found->ids->len, DN_QUERY_MODEL_PREFETCHED)
                               ? found->passports : NULL);
  g_signal_emit (self, loaded_signal, 0, error);
}

void
dn_passport_list_model_set_query_async (DnPassportListModel   *self,
                                        const DnPassportQuery *query)
{
  Job *job;

  g_return_if_fail (DN_IS_PASSPORT_LIST_MODEL (self));
  g_return_if_fail (query != NULL);
  keep_query (self, query);
  if (self->slot == NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (dn_query_model_get_store (DN_QUERY_MODEL (self)));

      self->slot = dn_query_slot_new (worker);
    }
  job = g_new0 (Job, 1);
  job->query = self->query;
  job->text = g_strdup (self->query_text);
  job->query.text = job->text;
  dn_query_slot_run (self->slot, run_job, job, (GDestroyNotify) job_free, G_CALLBACK (job_done), self);
}
