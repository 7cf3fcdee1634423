/* dn-server-sessions.c: signing in and out
 *
 *   POST   /session        {"user", "password"} → {"token", "user": {…}}
 *   DELETE /session        ends the caller's session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-server-private.h"
#include "dn-store-accounts.h"
#include "dn-store-units.h"

static JsonNode *
account_to_json (DnStore   *store,
                 DnAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DnUnit) unit = dn_store_get_unit (store, account->unit_id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, account->name);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit != NULL ? unit->code : "");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, dn_account_role_to_string (account->role));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
open_session (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  static const DnField fields[] = {
    { "user", DN_FIELD_STRING, TRUE, FALSE },
    { "password", DN_FIELD_STRING, TRUE, FALSE },
    { NULL }
  };
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *object;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *peer = NULL;
  g_autofree char *token = NULL;

  if (!_dn_server_check_fields (msg, request->body, fields))
    return;
  object = json_node_get_object (request->body);
  peer = _dn_server_dup_peer (msg);
  token = dn_store_open_session (store, json_object_get_string_member (object, "user"),
                                 json_object_get_string_member (object, "password"), peer, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED))
        dn_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "denied", error->message);
      else if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS))
        dn_server_reply_error (msg, DN_SERVER_TOO_MANY_REQUESTS, "too-many-attempts", error->message);
      else
        _dn_server_reply_store_error (msg, error);
      return;
    }
  account = dn_store_check_session (store, token, &error);
  if (account == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, account_to_json (store, account));
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_CREATED, answer);
}

static void
close_session (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "Authorization");
  g_autoptr(GError) error = NULL;

  /* the pipeline checked it: "Bearer TOKEN" */
  if (!dn_store_close_session (dn_server_get_store (request->server), header + 7, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static const DnRoute routes[] = {
  { "POST", "/session", FALSE, DN_ROUTE_JSON, 0, open_session },
  { "DELETE", "/session", TRUE, DN_ROUTE_NO_BODY, 0, close_session },
};
const DnRouteTable dn_server_session_routes = DN_ROUTE_TABLE (routes);
