/* dn-server-units.c: the units
 *
 *   GET    /units          ?after=ID&limit=N: the whole tree (every account
 *                          sees every unit: codes, names, parents), by id →
 *                          {"units": […], "next": ID or null}
 *   GET    /units/{id}     one unit
 *
 * A unit is written by POST /units and PATCH /units/{id} ({"code", "name",
 * "kind", "parent_id"?, "archived"?}), as the other records written whole
 * (dn-server-record-writes.c); its new name from a day, its archiving and
 * its merging into another have routes of their own
 * (dn-server-unit-steps.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-server-private.h"

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

static const DnRoute routes[] = {
  { "GET", "/units", TRUE, DN_ROUTE_NO_BODY, 0, list_units },
  { "GET", "/units/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_unit },
};
const DnRouteTable dn_server_unit_routes = DN_ROUTE_TABLE (routes);
