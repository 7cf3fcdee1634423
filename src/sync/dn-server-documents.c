/* dn-server-documents.c: the documents and the attached files
 *
 *   GET    /documents          ?after=ID&limit=N → {"documents": […], "next"}:
 *                              every document, but a confidential one (its
 *                              "classification" other than "normal") only to
 *                              the accounts that may see secret documents
 *                              (dn_account_may_see_secret)
 *   GET    /documents/{id}     one of them (404 for a confidential one to
 *                              the others)
 *   GET    /attachments/{key}  the bytes of the file whose SHA-256 is
 *                              {key}, with its type and name, when the
 *                              caller sees a record it is attached to (a
 *                              document, a task or a progress entry of a
 *                              task, a delegation); else 404
 *   GET    /attachments/{key}/text  to the same, the text the server read
 *                              of it, page by page ({"sha256",
 *                              "text_state", "pages"}): a replica's search
 *                              of the attached files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"

/* The records linked to a file are read this many at a time */
#define LINKED_PAGE 64

typedef gboolean (*SeenFunc) (DnStore   *store,
                              DnAccount *account,
                              gint64     id);

static gboolean
served_seen (DnStore        *store,
             DnAccount      *account,
             const DnServed *served,
             gint64          id)
{
  g_autoptr(JsonNode) row = _dn_server_read_served (store, account, served, id, NULL);

  return row != NULL;
}

static gboolean
document_seen (DnStore   *store,
               DnAccount *account,
               gint64     id)
{
  return served_seen (store, account, &dn_served_document, id);
}

static gboolean
delegation_seen (DnStore   *store,
                 DnAccount *account,
                 gint64     id)
{
  return served_seen (store, account, &dn_served_delegation, id);
}

static gboolean
task_seen (DnStore   *store,
           DnAccount *account,
           gint64     id)
{
  return _dn_server_may_see_task (store, account, id, NULL);
}

static gboolean
progress_seen (DnStore   *store,
               DnAccount *account,
               gint64     id)
{
  g_autoptr(JsonNode) row = dn_exchange_row_to_json (store, "progress", id, NULL);
  JsonObject *object = row != NULL ? json_node_get_object (row) : NULL;

  return object != NULL && task_seen (store, account, json_object_get_int_member_with_default (object, "task_id", 0));
}

gboolean
_dn_server_may_see_attachment (DnStore    *store,
                               DnAccount  *account,
                               gint64      attachment_id,
                               GError    **error)
{
  g_autoptr(GArray) file = g_array_new (FALSE, FALSE, sizeof (gint64));
  struct
  {
    const char *table;
    DnStorePageFilter filter;
    SeenFunc seen;
  } links[] = {
    { "document", { .column = "id", .via_table = "document_attachment", .via_column = "attachment_id",
                    .via_key = "document_id", .ids = file }, document_seen },
    { "task", { .column = "id", .via_table = "task_attachment", .via_column = "attachment_id",
                .via_key = "task_id", .ids = file }, task_seen },
    { "progress", { .column = "attachment_id", .ids = file }, progress_seen },
    { "delegation", { .column = "id", .via_table = "delegation_attachment", .via_column = "attachment_id",
                      .via_key = "delegation_id", .ids = file }, delegation_seen },
  };

  g_array_append_val (file, attachment_id);
  for (guint l = 0; l < G_N_ELEMENTS (links); l++)
    {
      gint64 after = 0;

      for (;;)
        {
          g_autoptr(GArray) ids = dn_store_page_ids (store, links[l].table, &links[l].filter, after, LINKED_PAGE,
                                                     error);

          if (ids == NULL)
            return FALSE;
          for (guint i = 0; i < ids->len; i++)
            if (links[l].seen (store, account, g_array_index (ids, gint64, i)))
              return TRUE;
          if (ids->len < LINKED_PAGE)
            break;
          after = g_array_index (ids, gint64, ids->len - 1);
        }
    }
  g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, _("There is no such file."));
  return FALSE;
}

static void
list_documents (DnRequest *request)
{
  _dn_server_list_served (request, &dn_served_document, NULL, 0);
}

static void
get_document (DnRequest *request)
{
  _dn_server_get_served (request, &dn_served_document);
}

static gboolean
is_sha256 (const char *key)
{
  if (strlen (key) != 64)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static void
get_attachment (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *path = NULL;
  SoupMessageHeaders *headers;

  if (!is_sha256 (request->key) ||
      (attachment = dn_store_find_attachment (store, request->key, NULL)) == NULL ||
      !_dn_server_may_see_attachment (store, request->account, attachment->id, &error))
    {
      if (error != NULL && !g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND))
        _dn_server_reply_store_error (msg, error);
      else
        dn_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such file."));
      return;
    }
  file = dn_store_get_attachment_file (store, attachment);
  path = g_file_get_path (file);
  mapped = path != NULL ? g_mapped_file_new (path, FALSE, &error) : NULL;
  if (mapped == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The file “%s” cannot be read from the data folder."),
                                                  attachment->file_name);

      dn_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "failed", message);
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  headers = soup_server_message_get_response_headers (msg);
  params = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (params, (gpointer) "filename", attachment->file_name);
  soup_message_headers_set_content_disposition (headers, "attachment", params);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, attachment->mime_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

/* GET /attachments/{sha256}/text: the text the server read of a file
 * whoever may download it sees, page by page, for a replica's search:
 * {"sha256", "text_state", "pages": ["…", …]} */
static void
get_attachment_text (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (!is_sha256 (request->key) ||
      (attachment = dn_store_find_attachment (store, request->key, NULL)) == NULL ||
      !_dn_server_may_see_attachment (store, request->account, attachment->id, &error))
    {
      if (error != NULL && !g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND))
        _dn_server_reply_store_error (msg, error);
      else
        dn_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is no such file."));
      return;
    }
  if ((pages = dn_store_list_attachment_pages (store, attachment->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, attachment->sha256);
  json_builder_set_member_name (builder, "text_state");
  json_builder_add_string_value (builder, dn_attachment_text_state_to_string (attachment->text_state));
  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pages->len; i++)
    json_builder_add_string_value (builder, pages->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

static const DnRoute routes[] = {
  { "GET", "/documents", TRUE, DN_ROUTE_NO_BODY, 0, list_documents },
  { "GET", "/documents/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_document },
  { "GET", "/attachments/{key}", TRUE, DN_ROUTE_NO_BODY, 0, get_attachment },
  { "GET", "/attachments/{key}/text", TRUE, DN_ROUTE_NO_BODY, 0, get_attachment_text },
};
const DnRouteTable dn_server_document_routes = DN_ROUTE_TABLE (routes);
