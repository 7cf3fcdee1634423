/* dn-server-members.c: the members of a delegation
 *
 *   POST   /delegations/{id}/members  {"person_id"?, "guest_name"?,
 *                                     "guest_nationality"?, "guest_passport"?,
 *                                     "guest_organisation"?, "position"?,
 *                                     "grade"?, "role"?, "passport_id"?,
 *                                     "unit_id"?, "confirmed"?}: one of the
 *                                     staff (person_id) or a guest
 *                                     (guest_name) → 201
 *   PATCH  /delegation-members/{id}   {"revision", and any of those} → 200;
 *                                     409 with "current" when it changed
 *
 * Whoever may change the delegation changes its members: the department
 * and the administrators, a unit officer those of its units' delegations
 * (one it only sees through a member is not its own: 403). Read with GET
 * /delegations/{id}/members (dn-server-records.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-server-private.h"
#include "dn-store-accounts.h"

gboolean
_dn_server_check_delegation_writer (DnRequest *request,
                                    gint64     id)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) seen = _dn_server_read_served (store, request->account, &dn_served_delegation, id, &error);
  g_autoptr(DnDelegation) delegation = NULL;
  g_autoptr(GArray) scope = NULL;

  if (seen == NULL || (delegation = dn_store_get_delegation (store, id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return FALSE;
    }
  if (!_dn_server_check_may_write (request, FALSE))
    return FALSE;
  scope = dn_account_dup_scope (store, request->account);
  if (scope == NULL || _dn_server_has_id (scope, delegation->unit_id))
    return TRUE;
  dn_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                         _("This account may not change the records of that unit."));
  return FALSE;
}

static gboolean
confirmed (DnRequest *request)
{
  return json_object_get_boolean_member_with_default (json_node_get_object (request->body), "confirmed", FALSE);
}

static void
add_member (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autofree DnField *fields = _dn_server_bind_fields (_dn_member_binds, TRUE, TRUE);
  g_autoptr(DnDelegationMember) member = dn_delegation_member_new ();
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_fields (request->msg, request->body, fields) ||
      !_dn_server_check_delegation_writer (request, request->id) ||
      !_dn_server_bind (request->msg, request->body, _dn_member_binds, member))
    return;
  member->delegation_id = request->id;
  if (!dn_store_add_delegation_member (store, member, confirmed (request), &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "delegation_member", member->id, SOUP_STATUS_CREATED);
}

static void
change_member (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autofree DnField *fields = _dn_server_bind_fields (_dn_member_binds, FALSE, TRUE);
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  DnDelegationMember *member = NULL;
  gint64 delegation;

  if (!_dn_server_check_fields (request->msg, request->body, fields))
    return;
  if ((seen = _dn_server_read_served (store, request->account, &dn_served_member, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  delegation = json_object_get_int_member_with_default (json_node_get_object (seen), "delegation_id", 0);
  if (!_dn_server_check_delegation_writer (request, delegation))
    return;
  if ((members = dn_store_list_delegation_members (store, delegation, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  for (guint i = 0; i < members->len && member == NULL; i++)
    if (((DnDelegationMember *) members->pdata[i])->id == request->id)
      member = members->pdata[i];
  if (member == NULL)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                             _("The member no longer exists."));
      return;
    }
  if (!_dn_server_bind (request->msg, request->body, _dn_member_binds, member))
    return;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_revision (request, "delegation_member", request->id))
    {
      dn_store_rollback (store);
      return;
    }
  if (!dn_store_update_delegation_member (store, member, confirmed (request), &error) ||
      !dn_store_commit (store, &error))
    {
      dn_store_rollback (store);
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "delegation_member", request->id, SOUP_STATUS_OK);
}

static const DnRoute routes[] = {
  { "POST", "/delegations/{id}/members", TRUE, DN_ROUTE_JSON, 0, add_member },
  { "PATCH", "/delegation-members/{id}", TRUE, DN_ROUTE_JSON, 0, change_member },
};
const DnRouteTable dn_server_member_routes = DN_ROUTE_TABLE (routes);
