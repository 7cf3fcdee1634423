/* dn-connection.c: a desktop working with the department server
 * (dn-connection.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-connection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-connection.h"
#include "dn-remote-writes.h"
#include "dn-replica-texts.h"
#include "dn-store-documents.h"

struct _DnConnection
{
  GObject            parent_instance;

  DnStore           *store;
  DnClient          *client;
  DnReplica         *replica;

  DnConnectionState  state;
  char              *message;
  GDateTime         *last_sync;

  GCancellable      *cancellable;   /* every request under way */
  guint              interval;
  guint              failures;      /* syncs failed in a row */
  guint              timeout_id;
  gboolean           syncing;
  gboolean           again;         /* sync once more when this one ends */
  gboolean           fetching_texts; /* the attached files' text asked for */
  gboolean           texts_wanted;  /* look for files without their text,
                                     * even when a sync brought no row */
  GPtrArray         *waiting;       /* GTask: done when the sync under way ends */
};

static void dn_connection_writer_init (DnWriterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DnConnection, dn_connection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DN_TYPE_WRITER, dn_connection_writer_init))

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_LAST_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (DnConnection *self);

/* State ------------------------------------------------------------------------ */

static void
set_state (DnConnection      *self,
           DnConnectionState  state,
           const char        *message)
{
  gboolean message_changed = g_strcmp0 (message, self->message) != 0;

  if (message_changed)
    {
      g_free (self->message);
      self->message = g_strdup (message);
    }
  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (message_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static gboolean
signed_in (DnConnection *self)
{
  return self->state == DN_CONNECTION_ONLINE || self->state == DN_CONNECTION_SYNCING ||
         self->state == DN_CONNECTION_OFFLINE;
}

/* After a request failed with @error: offline, signed out, or still
 * online (the server refused this one request) */
static void
note_failure (DnConnection *self,
              const GError *error)
{
  if (g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE) ||
      g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER) ||
      g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE) ||
      g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE_CHANGED))
    set_state (self, DN_CONNECTION_OFFLINE, error->message);
  else if (g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED))
    set_state (self, DN_CONNECTION_SIGNED_OUT, error->message);
}

/* Syncing ---------------------------------------------------------------------- */

static void
finish_waiting (DnConnection *self)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    g_task_return_boolean (waiting->pdata[i], TRUE);
}

static void fetch_texts (DnConnection *self);

static void
on_texts_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DnConnection) self = data;
  g_autoptr(GError) error = NULL;

  gint kept;

  self->fetching_texts = FALSE;
  kept = _dn_replica_texts_fetch_finish (result, &error);
  if (kept < 0)
    {
      /* the search lacks a file's text until a later sync brings it */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("the attached files' text: %s", error->message);
      return;
    }
  /* a whole batch: there may be more */
  self->texts_wanted = kept == DN_REPLICA_TEXTS_BATCH;
  if (self->texts_wanted)
    fetch_texts (self);
}

/* The text the server read of the attached files, for the replica's
 * search, a batch at a time: after the first sync, after one that brought
 * rows (a file attached, or read on the server since), and until a batch
 * is not full; never a search of the replica's files on every poll */
static void
fetch_texts (DnConnection *self)
{
  if (self->fetching_texts)
    return;
  self->fetching_texts = TRUE;
  _dn_replica_texts_fetch_async (self->client, self->store, self->cancellable, on_texts_cb, g_object_ref (self));
}

static void
on_synced_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(DnConnection) self = data;
  g_autoptr(GError) error = NULL;

  self->syncing = FALSE;
  if (dn_replica_sync_finish (DN_REPLICA (source), result, &error))
    {
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_new_now_local ();
      self->failures = 0;
      set_state (self, DN_CONNECTION_ONLINE, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      if (self->texts_wanted || dn_replica_get_rows_read (self->replica) > 0)
        fetch_texts (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish_waiting (self);
      return;
    }
  else
    {
      self->failures++;
      note_failure (self, error);
      /* an answer the replica could not take: said, tried again later */
      if (self->state == DN_CONNECTION_SYNCING)
        set_state (self, DN_CONNECTION_OFFLINE, error->message);
    }
  if (self->again && signed_in (self))
    {
      self->again = FALSE;
      dn_connection_sync (self);
      return;
    }
  finish_waiting (self);
  schedule (self);
}

void
dn_connection_sync (DnConnection *self)
{
  g_return_if_fail (DN_IS_CONNECTION (self));

  if (!signed_in (self))
    return;
  if (self->syncing)
    {
      self->again = TRUE;
      return;
    }
  self->syncing = TRUE;
  self->again = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  set_state (self, DN_CONNECTION_SYNCING, self->message);
  dn_replica_sync_async (self->replica, self->cancellable, on_synced_cb, g_object_ref (self));
}

static gboolean
on_timeout_cb (gpointer data)
{
  DnConnection *self = data;

  self->timeout_id = 0;
  dn_connection_sync (self);
  return G_SOURCE_REMOVE;
}

/* The next sync: after the interval, doubled for each failure in a row up
 * to DN_CONNECTION_INTERVAL_MAX */
static void
schedule (DnConnection *self)
{
  guint seconds = self->interval;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!signed_in (self))
    return;
  for (guint i = 0; i < self->failures && seconds < DN_CONNECTION_INTERVAL_MAX; i++)
    seconds *= 2;
  seconds = MIN (seconds, MAX (self->interval, DN_CONNECTION_INTERVAL_MAX));
  self->timeout_id = g_timeout_add_seconds (seconds, on_timeout_cb, self);
}

/* Done when the sync under way (or one started now) ends */
static void
after_sync (DnConnection *self,
            GTask        *task)
{
  g_ptr_array_add (self->waiting, g_object_ref (task));
  if (self->syncing)
    self->again = TRUE;
  else
    dn_connection_sync (self);
  if (!self->syncing)
    finish_waiting (self);
}

/* Signing in ------------------------------------------------------------------- */

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  DnConnection *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!dn_client_sign_in_finish (DN_CLIENT (source), result, &error))
    {
      /* nobody is signed in: the replica is read only, no sync is tried */
      set_state (self, DN_CONNECTION_SIGNED_OUT, error->message);
      g_task_return_error (task, error);
      return;
    }
  set_state (self, DN_CONNECTION_ONLINE, NULL);
  self->failures = 0;
  after_sync (self, task);
}

void
dn_connection_sign_in_async (DnConnection        *self,
                             const char          *user,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DN_IS_CONNECTION (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dn_connection_sign_in_async);
  set_state (self, DN_CONNECTION_CONNECTING, NULL);
  dn_client_sign_in_async (self->client, user, password, cancellable, on_signed_in_cb, task);
}

gboolean
dn_connection_sign_in_finish (DnConnection  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Writing ---------------------------------------------------------------------- */

typedef struct
{
  DnWrite         *write;
  DnRemoteRequest  request;
} WriteData;

static void
write_data_free (WriteData *data)
{
  dn_write_unref (data->write);
  _dn_remote_request_clear (&data->request);
  g_free (data);
}

static void
on_written_synced_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(GTask) task = data;

  /* the sync's own failure is shown by the connection's state: the write
   * itself was made */
  g_task_propagate_boolean (G_TASK (result), NULL);
  g_task_return_boolean (task, TRUE);
}

/* The write failed: why, in the words of a form; after a conflict the
 * replica is brought up to date first, so that the form shows theirs */
static void
on_failed_synced_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = g_object_steal_data (G_OBJECT (task), "dn-error");

  g_task_propagate_boolean (G_TASK (result), NULL);
  g_task_return_error (task, error);
}

static void
return_failure (DnConnection *self,
                GTask        *task,
                GError       *error)
{
  GError *shown;

  note_failure (self, error);
  if (g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CONFLICT))
    shown = g_error_new (DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT, "%s", error->message);
  else if (g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_WARNING))
    shown = g_error_new (DN_STORE_ERROR, DN_STORE_ERROR_WARNING, "%s", error->message);
  else if (g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE))
    shown = g_error_new (error->domain, error->code, _("%s Nothing was saved: try again when the connection is back."),
                         error->message);
  else
    shown = g_error_copy (error);
  g_error_free (error);
  if (g_error_matches (shown, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT) && signed_in (self))
    {
      GTask *synced = g_task_new (self, NULL, on_failed_synced_cb, task);

      g_object_set_data_full (G_OBJECT (task), "dn-error", shown, (GDestroyNotify) g_error_free);
      after_sync (self, synced);
      g_object_unref (synced);
      return;
    }
  g_task_return_error (task, shown);
  g_object_unref (task);
}

static void
on_answered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GTask *task = data;
  DnConnection *self = g_task_get_source_object (task);
  WriteData *write_data = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  GTask *synced;

  answer = dn_client_request_finish (DN_CLIENT (source), result, &error);
  if (answer == NULL)
    {
      return_failure (self, task, error);
      return;
    }
  _dn_remote_write_answer (write_data->write, answer);
  /* a file attached: the one the server kept when it was uploaded */
  if (write_data->write->kind == DN_WRITE_ATTACH)
    write_data->write->made_id = json_object_get_int_member_with_default (json_node_get_object (write_data->request.body),
                                                                          "attachment_id", 0);
  /* the form hears it once the replica shows it */
  synced = g_task_new (self, NULL, on_written_synced_cb, task);
  after_sync (self, synced);
  g_object_unref (synced);
}

static void
send_request (GTask *task)
{
  DnConnection *self = g_task_get_source_object (task);
  WriteData *data = g_task_get_task_data (task);

  dn_client_request_async (self->client, data->request.method, data->request.path, data->request.body,
                           g_task_get_cancellable (task), on_answered_cb, task);
}

static void
on_uploaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  DnConnection *self = g_task_get_source_object (task);
  WriteData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  JsonObject *object;

  answer = dn_client_upload_finish (DN_CLIENT (source), result, &error);
  if (answer == NULL)
    {
      return_failure (self, task, error);
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (object == NULL || json_object_get_int_member_with_default (object, "id", 0) <= 0)
    {
      return_failure (self, task, g_error_new_literal (DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER,
                                                       _("The server did not say which file it kept.")));
      return;
    }
  json_object_set_int_member (json_node_get_object (data->request.body), "attachment_id",
                              json_object_get_int_member (object, "id"));
  send_request (task);
}

static void
dn_connection_write_async (DnWriter            *writer,
                           DnWrite             *write,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  DnConnection *self = DN_CONNECTION (writer);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  WriteData *data = g_new0 (WriteData, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, dn_connection_write_async);
  data->write = dn_write_ref (write);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  if (self->state == DN_CONNECTION_SIGNED_OUT || self->state == DN_CONNECTION_CONNECTING)
    {
      g_task_return_new_error (task, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED, "%s",
                               _("Sign in to the department server first: nothing was saved."));
      g_object_unref (task);
      return;
    }
  if (self->state == DN_CONNECTION_OFFLINE && self->failures > 0)
    {
      g_task_return_new_error (task, DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE,
                               _("You are offline (%s): nothing was saved. Try again when the connection is back."),
                               self->message != NULL ? self->message : _("the department server cannot be reached"));
      g_object_unref (task);
      /* and see whether it is back */
      dn_connection_sync (self);
      return;
    }
  if (!_dn_remote_write_request (write, &data->request, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (data->request.upload != NULL)
    dn_client_upload_async (self->client, "/attachments", data->request.upload, cancellable, on_uploaded_cb, task);
  else
    send_request (task);
}

static gboolean
dn_connection_write_finish (DnWriter      *writer,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, writer), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
dn_connection_can_undo (DnWriter *writer)
{
  return FALSE;
}

static void
dn_connection_writer_init (DnWriterInterface *iface)
{
  iface->write_async = dn_connection_write_async;
  iface->write_finish = dn_connection_write_finish;
  iface->can_undo = dn_connection_can_undo;
}

/* Files ------------------------------------------------------------------------ */

static void
on_file_downloaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(GTask) task = data;
  DnConnection *self = g_task_get_source_object (task);
  DnAttachment *attachment = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *sha256 = NULL;
  GError *error = NULL;

  bytes = dn_client_download_finish (DN_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      note_failure (self, error);
      g_task_return_error (task, error);
      return;
    }
  /* only the file recorded: another one is not kept */
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sha256, attachment->sha256) != 0)
    {
      g_task_return_new_error (task, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER,
                               _("The server sent another file than “%s”: it was not kept."), attachment->file_name);
      return;
    }
  file = dn_store_get_attachment_file (self->store, attachment);
  folder = g_file_get_parent (file);
  if ((!g_file_make_directory_with_parents (folder, NULL, &error) &&
       !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  /* written under a temporary name, then renamed */
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, g_task_get_cancellable (task), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

void
dn_connection_fetch_file_async (DnConnection        *self,
                                DnAttachment        *attachment,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (DN_IS_CONNECTION (self));
  g_return_if_fail (DN_IS_ATTACHMENT (attachment));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dn_connection_fetch_file_async);
  g_task_set_task_data (task, g_object_ref (attachment), g_object_unref);
  file = dn_store_get_attachment_file (self->store, attachment);
  if (g_file_query_exists (file, NULL))
    {
      g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
      return;
    }
  path = g_strconcat ("/attachments/", attachment->sha256, NULL);
  dn_client_download_async (self->client, path, cancellable, on_file_downloaded_cb, g_steal_pointer (&task));
}

GFile *
dn_connection_fetch_file_finish (DnConnection  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object ------------------------------------------------------------------- */

char *
dn_connection_describe (DnConnection *self)
{
  g_autoptr(GUri) uri = g_uri_parse (dn_client_get_base_uri (self->client), G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "";
  g_autofree char *when = self->last_sync != NULL ? g_date_time_format (self->last_sync, "%H:%M") : NULL;

  switch (self->state)
    {
    case DN_CONNECTION_CONNECTING:
      return g_strdup_printf (_("Signing in to %s…"), host);
    case DN_CONNECTION_SYNCING:
      return g_strdup_printf (_("Bringing the data from %s up to date…"), host);
    case DN_CONNECTION_ONLINE:
      return when != NULL ? g_strdup_printf (_("Connected to %s, up to date at %s"), host, when)
                          : g_strdup_printf (_("Connected to %s"), host);
    case DN_CONNECTION_OFFLINE:
      return when != NULL ? g_strdup_printf (_("Offline: showing the data as of %s, read only"), when)
                          : g_strdup (_("Offline: read only"));
    case DN_CONNECTION_SIGNED_OUT:
    default:
      return g_strdup_printf (_("Not signed in to %s: read only"), host);
    }
}

void
dn_connection_close (DnConnection *self)
{
  g_return_if_fail (DN_IS_CONNECTION (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  set_state (self, DN_CONNECTION_SIGNED_OUT, NULL);
}

void
dn_connection_set_interval (DnConnection *self,
                            guint         seconds)
{
  g_return_if_fail (DN_IS_CONNECTION (self));
  self->interval = MAX (seconds, 1);
  if (self->timeout_id != 0)
    schedule (self);
}

/* The plain getters: dn_connection_get_client, _get_replica, _get_store,
 * _get_state, _get_message, _get_last_sync */
#define DEFINE_GETTER(type, name, field, fallback) \
  type name (DnConnection *self) { g_return_val_if_fail (DN_IS_CONNECTION (self), fallback); return self->field; }

DEFINE_GETTER (DnClient *, dn_connection_get_client, client, NULL)
DEFINE_GETTER (DnReplica *, dn_connection_get_replica, replica, NULL)
DEFINE_GETTER (DnStore *, dn_connection_get_store, store, NULL)
DEFINE_GETTER (DnConnectionState, dn_connection_get_state, state, DN_CONNECTION_SIGNED_OUT)
DEFINE_GETTER (const char *, dn_connection_get_message, message, NULL)
DEFINE_GETTER (GDateTime *, dn_connection_get_last_sync, last_sync, NULL)

char *
dn_connection_dup_replica_path (const char  *base_uri,
                                GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, error);
  g_autofree char *name = NULL;
  int port;

  if (uri == NULL)
    return NULL;
  port = g_uri_get_port (uri);
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” does not name a server."), base_uri);
      return NULL;
    }
  name = port > 0 ? g_strdup_printf ("replica-%s-%d.db", g_uri_get_host (uri), port)
                  : g_strdup_printf ("replica-%s.db", g_uri_get_host (uri));
  /* an address of IPv6 or odd characters makes a plain file name */
  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');
  return g_build_filename (g_get_user_data_dir (), "doingoai", name, NULL);
}

static void
dn_connection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DnConnection *self = DN_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_connection_dispose (GObject *object)
{
  DnConnection *self = DN_CONNECTION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  G_OBJECT_CLASS (dn_connection_parent_class)->dispose (object);
}

static void
dn_connection_finalize (GObject *object)
{
  DnConnection *self = DN_CONNECTION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->replica);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  G_OBJECT_CLASS (dn_connection_parent_class)->finalize (object);
}

static void
dn_connection_class_init (DnConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dn_connection_get_property;
  object_class->dispose = dn_connection_dispose;
  object_class->finalize = dn_connection_finalize;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, DN_CONNECTION_SIGNED_OUT, DN_CONNECTION_OFFLINE,
                                             DN_CONNECTION_SIGNED_OUT,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] = g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dn_connection_init (DnConnection *self)
{
  self->interval = DN_CONNECTION_INTERVAL_DEFAULT;
  self->texts_wanted = TRUE;
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

DnConnection *
dn_connection_new (DnStore   *replica_store,
                   DnClient  *client,
                   GError   **error)
{
  DnConnection *self;

  g_return_val_if_fail (DN_IS_STORE (replica_store), NULL);
  g_return_val_if_fail (DN_IS_CLIENT (client), NULL);

  if (!dn_store_set_replica (replica_store, error))
    return NULL;
  self = g_object_new (DN_TYPE_CONNECTION, NULL);
  self->store = g_object_ref (replica_store);
  self->client = g_object_ref (client);
  self->replica = dn_replica_new (replica_store, client);
  return self;
}
