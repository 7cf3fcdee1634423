/* dn-replica.c: a desktop's copy of what its account may see on the
 * department server (dn-replica.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-replica"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-exchange-apply.h"
#include "dn-replica.h"
#include "dn-store-settings.h"

struct _DnReplica
{
  GObject    parent_instance;

  DnStore   *store;
  DnClient  *client;
  guint      page_size;
  guint      pages_read;
  guint      rows_read;
  GTask     *sync;       /* the sync running, else NULL */
};

G_DEFINE_FINAL_TYPE (DnReplica, dn_replica, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PAGES_READ,
  PROP_ROWS_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dn_replica_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DnReplica *self = DN_REPLICA (object);

  switch (prop_id)
    {
    case PROP_PAGES_READ:
      g_value_set_uint (value, self->pages_read);
      break;
    case PROP_ROWS_READ:
      g_value_set_uint (value, self->rows_read);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_replica_finalize (GObject *object)
{
  DnReplica *self = DN_REPLICA (object);

  g_clear_object (&self->store);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (dn_replica_parent_class)->finalize (object);
}

static void
dn_replica_class_init (DnReplicaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dn_replica_get_property;
  object_class->finalize = dn_replica_finalize;
  properties[PROP_PAGES_READ] = g_param_spec_uint ("pages-read", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS_READ] = g_param_spec_uint ("rows-read", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dn_replica_init (DnReplica *self)
{
  self->page_size = DN_REPLICA_PAGE_DEFAULT;
}

DnReplica *
dn_replica_new (DnStore  *store,
                DnClient *client)
{
  DnReplica *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (DN_IS_CLIENT (client), NULL);
  self = g_object_new (DN_TYPE_REPLICA, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  return self;
}

DnStore *
dn_replica_get_store (DnReplica *self)
{
  g_return_val_if_fail (DN_IS_REPLICA (self), NULL);
  return self->store;
}

DnClient *
dn_replica_get_client (DnReplica *self)
{
  g_return_val_if_fail (DN_IS_REPLICA (self), NULL);
  return self->client;
}

void
dn_replica_set_page_size (DnReplica *self,
                          guint      page_size)
{
  g_return_if_fail (DN_IS_REPLICA (self));
  self->page_size = CLAMP (page_size, 1, 5000);
}

guint
dn_replica_get_pages_read (DnReplica *self)
{
  g_return_val_if_fail (DN_IS_REPLICA (self), 0);
  return self->pages_read;
}

guint
dn_replica_get_rows_read (DnReplica *self)
{
  g_return_val_if_fail (DN_IS_REPLICA (self), 0);
  return self->rows_read;
}

static void on_page (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data);

/* Asks for the page after the replica's revision */
static void
request_page (GTask *task)
{
  DnReplica *self = g_task_get_source_object (task);
  gint64 since = dn_store_get_replica_revision (self->store);
  g_autofree char *path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT "&limit=%u", since, self->page_size);

  g_task_set_task_data (task, g_memdup2 (&since, sizeof since), g_free);
  dn_client_request_async (self->client, "GET", path, NULL, g_task_get_cancellable (task), on_page, task);
}

static void
sync_return (DnReplica *self,
             GTask     *task,
             GError    *error)
{
  self->sync = NULL;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  DnReplica *self = g_task_get_source_object (task);
  gint64 since = *(gint64 *) g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  JsonObject *object;
  guint n_changes;

  answer = dn_client_request_finish (DN_CLIENT (source), result, &error);
  if (answer == NULL)
    {
      sync_return (self, task, error);
      return;
    }
  /* a cancel while the page came: it is not applied */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error) ||
      !dn_exchange_apply_changes (self->store, answer, &error))
    {
      sync_return (self, task, error);
      return;
    }
  /* the apply checked its shape */
  object = json_node_get_object (answer);
  n_changes = json_array_get_length (json_object_get_array_member (object, "changes"));
  self->pages_read++;
  self->rows_read += n_changes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES_READ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS_READ]);
  /* caught up when the server's cursor stays where it was */
  if (json_object_get_int_member (object, "revision") == since)
    {
      sync_return (self, task, NULL);
      return;
    }
  request_page (task);
}

void
dn_replica_sync_async (DnReplica           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DN_IS_REPLICA (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dn_replica_sync_async);
  if (self->sync != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("The copy is already being brought up to date."));
      g_object_unref (task);
      return;
    }
  self->sync = task;
  self->pages_read = 0;
  self->rows_read = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES_READ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS_READ]);
  request_page (task);
}

gboolean
dn_replica_sync_finish (DnReplica     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
dn_replica_apply_record (DnReplica   *self,
                         const char  *table,
                         JsonNode    *record,
                         GError     **error)
{
  g_return_val_if_fail (DN_IS_REPLICA (self), FALSE);
  return dn_exchange_apply_record (self->store, table, record, error);
}
