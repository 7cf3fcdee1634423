/* dn-server-changes.c: what changed since a revision
 *
 *   GET    /changes        ?since=N&limit=N → {"revision": M, "changes": […]}:
 *                          what changed after revision N that the caller may see
 *                          (a task, or a record of dn-server-records.c — a
 *                          person, a delegation… — it does not see as a
 *                          deletion)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-changes.h"

static void
list_changes (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(DnRights) rights = NULL;
  JsonArray *changes;
  gint64 since, limit;

  if (!_dn_server_query_number (msg, request->query, "since", 0, G_MAXINT64, 0, &since) ||
      !_dn_server_query_number (msg, request->query, "limit", 1, DN_SERVER_PAGE_MAX * 10,
                                DN_SERVER_PAGE_MAX * 10, &limit))
    return;
  answer = dn_exchange_changes_to_json (store, since, (guint) limit, &error);
  if (answer == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  rights = _dn_server_rights_new (store, request->account);
  changes = json_object_get_array_member (json_node_get_object (answer), "changes");
  /* the caller's cursor still moves past what it may not see; a task or
   * another record with an id it does not see (any more: reassigned away, a
   * person moved to another unit) comes as a deletion, which takes it off
   * its replica and is nothing to a replica without it */
  for (guint i = json_array_get_length (changes); i > 0; i--)
    {
      JsonObject *change = json_array_get_object_element (changes, i - 1);
      const char *table = json_object_get_string_member_with_default (change, "table", "");

      /* what it refers to that the caller does not see is left out */
      if (_dn_server_rights_see_change (rights, change) &&
          _dn_server_rights_redact (rights, table, json_object_get_member (change, "row")))
        continue;
      if (g_strcmp0 (table, "task") == 0 || _dn_server_find_served (table) != NULL)
        {
          json_object_set_string_member (change, "op", dn_change_op_to_string (DN_CHANGE_DELETE));
          json_object_set_null_member (change, "row");
        }
      else
        json_array_remove_element (changes, i - 1);
    }
  /* the department's rules, which have no change log */
  json_object_set_object_member (json_node_get_object (answer), "rules", _dn_server_rules_to_json (store));
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

static const DnRoute routes[] = {
  { "GET", "/changes", TRUE, DN_ROUTE_NO_BODY, 0, list_changes },
};
const DnRouteTable dn_server_change_routes = DN_ROUTE_TABLE (routes);
