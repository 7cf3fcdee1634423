/* dn-replica-texts.c: the text of attached files, brought to a replica
 * (dn-replica-texts.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-connection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-replica-texts.h"
#include "dn-store-attachments.h"

typedef struct
{
  DnClient  *client;
  DnStore   *replica;
  GPtrArray *files;   /* DnAttachment still to ask for */
  guint      next;
  gint       kept;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->client);
  g_clear_object (&fetch->replica);
  g_clear_pointer (&fetch->files, g_ptr_array_unref);
  g_free (fetch);
}

static void ask_next (GTask *task);

/* The pages of an answer, NULL when it does not hold a list of strings */
static GPtrArray *
read_pages (JsonNode *answer)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonNode *node = object != NULL ? json_object_get_member (object, "pages") : NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *page = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (page) || json_node_get_value_type (page) != G_TYPE_STRING)
        return NULL;
      g_ptr_array_add (pages, (gpointer) json_node_get_string (page));
    }
  return g_steal_pointer (&pages);
}

static void
on_text_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  Fetch *fetch = g_task_get_task_data (task);
  DnAttachment *attachment = fetch->files->pdata[fetch->next - 1];
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  GError *error = NULL;

  answer = dn_client_request_finish (DN_CLIENT (source), result, &error);
  if (answer == NULL)
    {
      /* a file no longer given is left; anything else ends the run */
      if (!g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_NOT_FOUND))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }
  else if ((pages = read_pages (answer)) == NULL)
    {
      g_task_return_new_error (task, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER,
                               _("The server's answer about the text of “%s” is not one this program reads."),
                               attachment->file_name);
      return;
    }
  else if (!dn_store_keep_server_pages (fetch->replica, attachment->id, (const char * const *) pages->pdata,
                                        pages->len, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  else
    fetch->kept++;
  ask_next (g_steal_pointer (&task));
}

static void
ask_next (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  DnAttachment *attachment;
  g_autofree char *path = NULL;

  if (fetch->next >= fetch->files->len)
    {
      g_task_return_int (task, fetch->kept);
      g_object_unref (task);
      return;
    }
  attachment = fetch->files->pdata[fetch->next++];
  path = g_strdup_printf ("/attachments/%s/text", attachment->sha256);
  dn_client_request_async (fetch->client, "GET", path, NULL, g_task_get_cancellable (task), on_text_cb, task);
}

void
_dn_replica_texts_fetch_async (DnClient            *client,
                               DnStore             *replica,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, _dn_replica_texts_fetch_async);
  fetch->client = g_object_ref (client);
  fetch->replica = g_object_ref (replica);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  fetch->files = dn_store_list_unsearched_attachments (replica, DN_REPLICA_TEXTS_BATCH, &error);
  if (fetch->files == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  ask_next (task);
}

gint
_dn_replica_texts_fetch_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  return (gint) g_task_propagate_int (G_TASK (result), error);
}
