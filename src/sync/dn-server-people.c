/* dn-server-people.c: the staff
 *
 *   GET    /people         ?after=ID&limit=N: the people the caller sees
 *                          (a unit officer and a reader: those of their
 *                          unit and its sub-units), by id →
 *                          {"people": […], "next": ID or null}
 *   GET    /people/{id}    one of them
 *
 * A person is written by POST /people and PATCH /people/{id}, as the other
 * records written whole (dn-server-record-writes.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"

static void
list_people (DnRequest *request)
{
  _dn_server_list_served (request, &dn_served_person, NULL, 0);
}

static void
get_person (DnRequest *request)
{
  _dn_server_get_served (request, &dn_served_person);
}

static const DnRoute routes[] = {
  { "GET", "/people", TRUE, DN_ROUTE_NO_BODY, 0, list_people },
  { "GET", "/people/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_person },
};
const DnRouteTable dn_server_people_routes = DN_ROUTE_TABLE (routes);
