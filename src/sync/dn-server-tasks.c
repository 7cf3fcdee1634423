/* dn-server-tasks.c: the tasks
 *
 *   GET    /tasks          ?after=ID&limit=N: the tasks the caller may see,
 *                          by id → {"tasks": […], "next": ID or null}
 *   GET    /tasks/{id}     one of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-exchange-rows.h"
#include "dn-server-private.h"

static void
list_tasks (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  gint64 after, limit, last = 0;
  guint start = 0, n = 0;

  if (!_dn_server_query_number (msg, request->query, "after", 0, G_MAXINT64, 0, &after) ||
      !_dn_server_query_number (msg, request->query, "limit", 1, DN_SERVER_PAGE_MAX, DN_SERVER_PAGE_DEFAULT, &limit))
    return;
  ids = _dn_server_visible_task_ids (store, request->account, &error);
  if (ids == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  while (start < ids->len && g_array_index (ids, gint64, start) <= after)
    start++;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = start; i < ids->len && n < (guint) limit; i++, n++)
    {
      JsonNode *task;

      last = g_array_index (ids, gint64, i);
      task = dn_exchange_row_to_json (store, "task", last, &error);
      if (task == NULL)
        {
          _dn_server_reply_store_error (msg, error);
          return;
        }
      json_builder_add_value (builder, task);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next");
  if (start + n < ids->len)
    json_builder_add_int_value (builder, last);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

static void
get_task (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) task = NULL;

  if (!_dn_server_may_see_task (store, request->account, request->id, &error) ||
      (task = dn_exchange_row_to_json (store, "task", request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  dn_server_reply_json (msg, SOUP_STATUS_OK, task);
}

static const DnRoute routes[] = {
  { "GET", "/tasks", TRUE, DN_ROUTE_NO_BODY, 0, list_tasks },
  { "GET", "/tasks/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_task },
};
const DnRouteTable dn_server_task_routes = DN_ROUTE_TABLE (routes);
