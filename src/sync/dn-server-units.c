/* dn-server-units.c: the units
 *
 *   GET    /units          ?after=ID&limit=N: the whole tree (every account
 *                          sees every unit: codes, names, parents), by id →
 *                          {"units": […], "next": ID or null}
 *   GET    /units/{id}     one unit
 *   POST   /units          {"code", "name", "kind", "parent_id"?, "archived"?}:
 *                          a new unit (the department and administrators) → 201
 *   PATCH  /units/{id}     {"revision", and any of those}: a change → 200;
 *                          409 with "current" when it changed since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-server-private.h"

static const DnField new_unit_fields[] = {
  { "code", DN_FIELD_STRING, TRUE, FALSE },
  { "name", DN_FIELD_STRING, TRUE, FALSE },
  { "kind", DN_FIELD_STRING, TRUE, FALSE },
  { "parent_id", DN_FIELD_INT, FALSE, TRUE },
  { "archived", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField unit_change_fields[] = {
  { "revision", DN_FIELD_INT, TRUE, FALSE },
  { "code", DN_FIELD_STRING, FALSE, FALSE },
  { "name", DN_FIELD_STRING, FALSE, FALSE },
  { "kind", DN_FIELD_STRING, FALSE, FALSE },
  { "parent_id", DN_FIELD_INT, FALSE, TRUE },
  { "archived", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

/* @unit with what @body gives; FALSE (and a 400 answered) for a value
 * the unit cannot take */
static gboolean
read_unit (SoupServerMessage *msg,
           JsonNode          *body,
           DnUnit            *unit)
{
  const char *kind = _dn_server_body_string (body, "kind", NULL);
  gint64 archived = _dn_server_body_int (body, "archived", unit->archived ? 1 : 0);

  if (kind != NULL && !dn_unit_kind_from_string (kind, &unit->kind))
    {
      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                             _("“kind” must be one of department, division, district_office, school, centre, "
                               "external."));
      return FALSE;
    }
  if (archived != 0 && archived != 1)
    {
      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", _("“archived” must be 0 or 1."));
      return FALSE;
    }
  _dn_server_set_text (&unit->code, _dn_server_body_string (body, "code", unit->code));
  _dn_server_set_text (&unit->name, _dn_server_body_string (body, "name", unit->name));
  if (_dn_server_body_has (body, "parent_id"))
    unit->parent_id = _dn_server_body_int (body, "parent_id", 0);
  unit->archived = archived == 1;
  return TRUE;
}

static void
list_units (DnRequest *request)
{
  _dn_server_list_served (request, &dn_served_unit, NULL, 0);
}

static void
get_unit (DnRequest *request)
{
  _dn_server_get_served (request, &dn_served_unit);
}

static void
add_unit (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnUnit) unit = dn_unit_new ();
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_fields (request->msg, request->body, new_unit_fields) ||
      !_dn_server_check_may_write (request, TRUE) ||
      !read_unit (request->msg, request->body, unit))
    return;
  if (!dn_store_add_unit (store, unit, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "unit", unit->id, SOUP_STATUS_CREATED);
}

static void
change_unit (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_fields (request->msg, request->body, unit_change_fields))
    return;
  if ((unit = dn_store_get_unit (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, TRUE) ||
      !read_unit (request->msg, request->body, unit))
    return;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_revision (request, "unit", request->id))
    {
      dn_store_rollback (store);
      return;
    }
  if (!dn_store_update_unit (store, unit, &error) || !dn_store_commit (store, &error))
    {
      dn_store_rollback (store);
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "unit", unit->id, SOUP_STATUS_OK);
}

static const DnRoute routes[] = {
  { "GET", "/units", TRUE, DN_ROUTE_NO_BODY, 0, list_units },
  { "GET", "/units/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_unit },
  { "POST", "/units", TRUE, DN_ROUTE_JSON, 0, add_unit },
  { "PATCH", "/units/{id}", TRUE, DN_ROUTE_JSON, 0, change_unit },
};
const DnRouteTable dn_server_unit_routes = DN_ROUTE_TABLE (routes);
