/* dn-server-settings.c: the department's rules
 *
 *   PATCH /settings  {"report-days": 15, "limit-countries": 3, …}: any of
 *                    the rules by their keys (dn-store-settings.h), whole
 *                    numbers in their ranges → 200 every rule's value
 *
 * The rules are the department's (the department's officers and the
 * administrators; anyone else 403): the days a trip's report and a
 * passport come back in, the warnings and the local limits. They are
 * written in one transaction, all or none (a value out of its range: 400
 * "invalid"), and reach every replica with the changes: each answer of
 * GET /changes gives them as "rules" (the table "setting" has no change
 * log: a replica keeps its own revision there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include "dn-server-private.h"
#include "dn-store-settings.h"
#include "dn-store-writer.h"

JsonObject *
_dn_server_rules_to_json (DnStore *store)
{
  JsonObject *rules = json_object_new ();

  for (guint i = 0; i < DN_SETTING_N; i++)
    json_object_set_int_member (rules, dn_setting_get_key (i), dn_store_get_setting (store, i));
  return rules;
}

static void
reply_rules (SoupServerMessage *msg,
             DnStore           *store)
{
  g_autoptr(JsonNode) answer = json_node_init_object (json_node_alloc (), _dn_server_rules_to_json (store));

  json_object_unref (json_node_get_object (answer));
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

static void
change_rules (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  DnField fields[DN_SETTING_N + 1] = { { NULL } };
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_SET_RULES);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < DN_SETTING_N; i++)
    fields[i] = (DnField) { dn_setting_get_key (i), DN_FIELD_INT, FALSE, FALSE };
  if (!_dn_server_check_fields (request->msg, request->body, fields) || !_dn_server_check_may_write (request, TRUE))
    return;
  write->values = g_array_sized_new (FALSE, FALSE, sizeof (int), DN_SETTING_N);
  for (guint i = 0; i < DN_SETTING_N; i++)
    {
      gint64 given = json_object_get_int_member_with_default (body, dn_setting_get_key (i),
                                                              dn_store_get_setting (store, i));
      int value = (int) CLAMP (given, G_MININT, G_MAXINT);

      /* a number past an int is out of every range */
      if (value != given)
        value = G_MAXINT;
      g_array_append_val (write->values, value);
    }
  if (!dn_store_write (store, write, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  reply_rules (request->msg, store);
}

static const DnRoute routes[] = {
  { "PATCH", "/settings", TRUE, DN_ROUTE_JSON, 0, change_rules },
};
const DnRouteTable dn_server_setting_routes = DN_ROUTE_TABLE (routes);
