/* dn-server-attachments.c: files sent to the server and attached to
 * tasks, documents and delegations
 *
 *   POST /attachments              the file's bytes as the body (at most
 *                                  DN_STORE_ATTACHMENT_MAX_SIZE, refused
 *                                  from its Content-Length before it is
 *                                  read), its name in the header
 *                                  X-File-Name (UTF-8, percent-encoded when
 *                                  not ASCII) → 201 the attachment
 *                                  ({"id", "sha256", "size", …}), or 200
 *                                  when the same content was kept before
 *   POST /tasks/{id}/attachments   {"attachment_id", "file_name"
 *                                  (optional: the name shown on the task)}
 *                                  → 201 {"task_attachment": the task's
 *                                  files}
 *   POST /documents/{id}/attachments, POST /delegations/{id}/attachments
 *                                  the same → 201 {"document_attachment"
 *                                  or "delegation_attachment": its files}
 *   DELETE /tasks/{id}/attachments?attachment_id=N (and of documents and
 *                                  delegations) → 200 the record's files
 *                                  left; the stored file goes too when
 *                                  nothing shows it any more
 *
 * Who attaches to a record or takes a file off it: who sees a task and
 * may write; the department a document's; who may change a delegation its.
 * A unit officer takes off only files its unit sent.
 * The store keeps each content once under its SHA-256 and finds its type
 * from its name and its first bytes, whatever Content-Type says. A unit
 * officer attaches the files its unit sent (the change log says who sent
 * a file): another file's id is answered as one that does not exist, so
 * that nobody reaches a file of a secret document by its number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-attachments.h"
#include "dn-store-changes.h"

#define FILE_NAME_MAX 1024

static const DnField link_fields[] = {
  { "attachment_id", DN_FIELD_INT, TRUE, FALSE },
  { "file_name", DN_FIELD_STRING, FALSE, FALSE },
  { NULL }
};

/* The name of X-File-Name, decoded; NULL (and a 400 answered) when there
 * is none or it is not a file's name */
static char *
dup_file_name (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                           "X-File-Name");
  g_autofree char *name = NULL;

  if (header == NULL || *header == '\0')
    {
      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "missing-field",
                             _("Give the file's name in the header X-File-Name."));
      return NULL;
    }
  name = g_uri_unescape_string (header, NULL);
  if (name == NULL || *name == '\0' || strlen (name) > FILE_NAME_MAX || !g_utf8_validate (name, -1, NULL) ||
      strpbrk (name, "/\\") != NULL)
    goto bad;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      goto bad;
  return g_steal_pointer (&name);

bad:
  dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                         _("X-File-Name must be a file's name without a folder, in UTF-8 (percent-encoded "
                           "when it is not ASCII), without control characters."));
  return NULL;
}

static void
upload (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAttachment) kept = NULL;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;

  if (!_dn_server_check_writer (request->account, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  if ((name = dup_file_name (msg)) == NULL)
    return;
  if (request->bytes == NULL || g_bytes_get_size (request->bytes) == 0)
    {
      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", _("The file is empty."));
      return;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, request->bytes);
  kept = dn_store_find_attachment (store, sha256, NULL);
  attachment = dn_store_add_attachment_bytes (store, request->bytes, name, &error);
  if (attachment == NULL || (record = dn_exchange_row_to_json (store, "attachment", attachment->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  dn_server_reply_json (msg, kept != NULL ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, record);
}

/* The records files are attached to through the API */
typedef struct
{
  DnRecordKind kind;
  const char  *links;  /* the table of its files */
} Attached;

static const Attached tasks = { DN_RECORD_TASK, "task_attachment" };
static const Attached documents = { DN_RECORD_DOCUMENT, "document_attachment" };
static const Attached delegations = { DN_RECORD_DELEGATION, "delegation_attachment" };

/* The caller may attach files to the record of the request and take them
 * off: FALSE and answered otherwise */
static gboolean
may_change_files (DnRequest      *request,
                  const Attached *attached)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) seen = NULL;

  switch (attached->kind)
    {
    case DN_RECORD_TASK:
      if (_dn_server_may_see_task (store, request->account, request->id, &error) &&
          _dn_server_check_writer (request->account, &error))
        return TRUE;
      _dn_server_reply_store_error (request->msg, error);
      return FALSE;
    case DN_RECORD_DOCUMENT:
      if ((seen = _dn_server_read_served (store, request->account, &dn_served_document, request->id, &error)) == NULL)
        {
          _dn_server_reply_store_error (request->msg, error);
          return FALSE;
        }
      return _dn_server_check_may_write (request, TRUE);
    case DN_RECORD_DELEGATION:
      return _dn_server_check_delegation_writer (request, request->id);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* A file a unit officer may attach or take off: one its unit sent (the
 * department: any); answered as one that does not exist otherwise */
static gboolean
check_file (DnRequest *request,
            gint64     id)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GArray) scope = dn_account_dup_scope (store, request->account);
  g_autoptr(DnAttachment) attachment = dn_store_get_attachment (store, id, NULL);
  g_autofree char *message = NULL;

  if (attachment != NULL && (scope == NULL || _dn_server_made_by_unit (store, request->account, "attachment", id)))
    return TRUE;
  message = g_strdup_printf (_("There is no attached file #%lld."), (long long) id);
  dn_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
  return FALSE;
}

/* Answers @status {"<links>": the record's files} */
static void
reply_files (DnRequest      *request,
             const Attached *attached,
             guint           status)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) links = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if ((links = dn_exchange_row_to_json (store, attached->links, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, attached->links);
  json_builder_add_value (builder, g_steal_pointer (&links));
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (request->msg, status, answer);
}

static void
link_file (DnRequest      *request,
           const Attached *attached)
{
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_dn_server_check_fields (request->msg, request->body, link_fields) || !may_change_files (request, attached))
    return;
  id = json_object_get_int_member (body, "attachment_id");
  if (!check_file (request, id))
    return;
  if (!dn_store_attach (store, attached->kind, request->id, id,
                        json_object_get_string_member_with_default (body, "file_name", NULL), &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  reply_files (request, attached, SOUP_STATUS_CREATED);
}

static void
unlink_file (DnRequest      *request,
             const Attached *attached)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_dn_server_query_number (request->msg, request->query, "attachment_id", 1, G_MAXINT64, 0, &id))
    return;
  if (id <= 0)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                             _("Say which file to take off: …/attachments?attachment_id=N."));
      return;
    }
  if (!may_change_files (request, attached) || !check_file (request, id))
    return;
  if (!dn_store_detach (store, attached->kind, request->id, id, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  reply_files (request, attached, SOUP_STATUS_OK);
}

#define FILES(name)                                     \
  static void link_##name (DnRequest *request)          \
  {                                                     \
    link_file (request, &name);                         \
  }                                                     \
  static void unlink_##name (DnRequest *request)        \
  {                                                     \
    unlink_file (request, &name);                       \
  }

FILES (tasks)
FILES (documents)
FILES (delegations)

static const DnRoute routes[] = {
  { "POST", "/attachments", TRUE, DN_ROUTE_BYTES, DN_STORE_ATTACHMENT_MAX_SIZE, upload },
  { "POST", "/tasks/{id}/attachments", TRUE, DN_ROUTE_JSON, 0, link_tasks },
  { "DELETE", "/tasks/{id}/attachments", TRUE, DN_ROUTE_NO_BODY, 0, unlink_tasks },
  { "POST", "/documents/{id}/attachments", TRUE, DN_ROUTE_JSON, 0, link_documents },
  { "DELETE", "/documents/{id}/attachments", TRUE, DN_ROUTE_NO_BODY, 0, unlink_documents },
  { "POST", "/delegations/{id}/attachments", TRUE, DN_ROUTE_JSON, 0, link_delegations },
  { "DELETE", "/delegations/{id}/attachments", TRUE, DN_ROUTE_NO_BODY, 0, unlink_delegations },
};
const DnRouteTable dn_server_attachment_routes = DN_ROUTE_TABLE (routes);
