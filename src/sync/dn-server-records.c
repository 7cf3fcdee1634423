/* dn-server-records.c: the records served beside the tasks, who sees them,
 * and what their routes share (lists by key, one record, the rights to
 * write, the revision check)
 *
 *   GET    /partners                 ?after=ID&limit=N → {"partners": […], "next"}
 *   GET    /partners/{id}            one partner (every account reads them)
 *   GET    /projects, /projects/{id} the partners' projects (the same)
 *   GET    /delegations              the delegations of the caller's units
 *                                    (their "unit_id", the unit that sends or
 *                                    hosts them, or a member's "unit_id")
 *   GET    /delegations/{id}
 *   GET    /delegations/{id}/members its members (with the delegation)
 *   GET    /delegations/{id}/programme a visit's programme (the same)
 *   GET    /passports                the passports of the people of the
 *                                    caller's units (the holder's unit)
 *   GET    /passports/{id}
 *   GET    /passports/{id}/events    what happened to it (lost, extended…)
 *   GET    /passports/{id}/loans     its hand-outs and returns
 *   GET    /reports                  the reports of the caller's units
 *   GET    /reports/{id}
 *
 * The passports are kept by the department: their hand-outs, returns and
 * events are recorded by the department and the administrators
 * (dn-server-passports.c); a unit officer reads those of its people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"

/* Who sees what ------------------------------------------------------------- */

const DnServed dn_served_unit = { "unit", "units", NULL, NULL, FALSE };
const DnServed dn_served_person = { "person", "people", "unit_id", NULL, FALSE };
const DnServed dn_served_document = { "document", "documents", NULL, NULL, TRUE };
static const DnServed served_partner = { "partner", "partners", NULL, NULL, FALSE };
static const DnServed served_project = { "project", "projects", NULL, NULL, FALSE };
/* a delegation: the unit that sends or hosts it, and the units its
 * members go for (delegation_member.unit_id) */
const DnServed dn_served_delegation = { "delegation", "delegations", "unit_id", NULL, FALSE,
                                        "delegation_member", "delegation_id", "unit_id" };
const DnServed dn_served_member = { "delegation_member", "members", "delegation_id", &dn_served_delegation, FALSE };
static const DnServed served_programme = { "delegation_programme", "programme", "delegation_id", &dn_served_delegation,
                                           FALSE };
const DnServed dn_served_passport = { "passport", "passports", "person_id", &dn_served_person, FALSE };
static const DnServed served_event = { "passport_event", "events", "passport_id", &dn_served_passport, FALSE };
static const DnServed served_loan = { "passport_loan", "loans", "passport_id", &dn_served_passport, FALSE };
const DnServed dn_served_report = { "report", "reports", "unit_id", NULL, FALSE };

static const DnServed * const all_served[] = {
  &dn_served_unit, &dn_served_person, &dn_served_document, &served_partner, &served_project,
  &dn_served_delegation, &dn_served_member, &served_programme, &dn_served_passport, &served_event, &served_loan,
  &dn_served_report,
};

const DnServed *
_dn_server_find_served (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_served); i++)
    if (g_strcmp0 (all_served[i]->table, table) == 0)
      return all_served[i];
  return NULL;
}

/* The filter of @served's also_table for @scope */
static DnStorePageFilter
also_filter (const DnServed *served,
             GArray         *scope)
{
  return (DnStorePageFilter) { .column = "id", .via_table = served->also_table, .via_column = served->also_unit,
                               .via_key = served->also_key, .ids = scope };
}

static gboolean
also_seen (DnStore        *store,
           GArray         *scope,
           const DnServed *served,
           JsonObject     *row)
{
  gint64 id = json_object_get_int_member_with_default (row, "id", 0);
  DnStorePageFilter filter = also_filter (served, scope);
  g_autoptr(GArray) ids = id > 0 ? dn_store_page_ids (store, served->table, &filter, id - 1, 1, NULL) : NULL;

  return ids != NULL && ids->len == 1 && g_array_index (ids, gint64, 0) == id;
}

gboolean
_dn_server_row_seen (DnStore         *store,
                     GArray          *scope,
                     gboolean         secret,
                     const DnServed  *served,
                     JsonObject      *row)
{
  JsonNode *value;
  g_autoptr(JsonNode) owner = NULL;

  if (served->classified && !secret &&
      g_strcmp0 (json_object_get_string_member_with_default (row, "classification", ""), "normal") != 0)
    return FALSE;
  if (scope == NULL || served->unit_column == NULL)
    return TRUE;
  if (served->also_table != NULL && also_seen (store, scope, served, row))
    return TRUE;
  /* a record of no unit is the department's */
  value = json_object_get_member (row, served->unit_column);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
    return FALSE;
  if (served->via == NULL)
    return _dn_server_has_id (scope, json_node_get_int (value));
  owner = dn_exchange_row_to_json (store, served->via->table, json_node_get_int (value), NULL);
  return owner != NULL && JSON_NODE_HOLDS_OBJECT (owner) &&
         _dn_server_row_seen (store, scope, secret, served->via, json_node_get_object (owner));
}

JsonNode *
_dn_server_read_served (DnStore         *store,
                        DnAccount       *account,
                        const DnServed  *served,
                        gint64           id,
                        GError         **error)
{
  g_autoptr(GArray) scope = dn_account_dup_scope (store, account);
  g_autoptr(JsonNode) row = dn_exchange_row_to_json (store, served->table, id, error);

  if (row == NULL)
    return NULL;
  if (!_dn_server_row_seen (store, scope, dn_account_may_see_secret (account), served, json_node_get_object (row)))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no record with id %lld in “%s”."), (long long) id, served->table);
      return NULL;
    }
  return g_steal_pointer (&row);
}

/* Lists and records ----------------------------------------------------------- */

void
_dn_server_reply_page (SoupServerMessage *msg,
                       DnStore           *store,
                       const char        *table,
                       const char        *member,
                       GArray            *ids,
                       guint              limit)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  guint n = MIN (ids->len, limit);
  JsonNode *rows = dn_exchange_rows_to_json (store, table, (const gint64 *) (gpointer) ids->data, n, &error);

  if (rows == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, rows);
  json_builder_set_member_name (builder, "next");
  if (ids->len > n)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, n - 1));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

void
_dn_server_list_served (DnRequest       *request,
                        const DnServed  *served,
                        const char      *parent_column,
                        gint64           parent_id)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) scope = dn_account_dup_scope (store, request->account);
  g_autoptr(GArray) parent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = NULL;
  DnStorePageFilter filter = { NULL };
  DnStorePageFilter also = { NULL };
  gint64 after, limit;

  if (!_dn_server_query_number (msg, request->query, "after", 0, G_MAXINT64, 0, &after) ||
      !_dn_server_query_number (msg, request->query, "limit", 1, DN_SERVER_PAGE_MAX, DN_SERVER_PAGE_DEFAULT, &limit))
    return;
  if (parent_column != NULL)
    {
      /* the parent was judged: its records are seen with it */
      g_array_append_val (parent, parent_id);
      filter = (DnStorePageFilter) { .column = parent_column, .ids = parent };
    }
  else if (served->classified && !dn_account_may_see_secret (request->account))
    filter = (DnStorePageFilter) { .column = "classification", .text = "normal" };
  else if (scope != NULL && served->unit_column != NULL && served->via == NULL)
    {
      filter = (DnStorePageFilter) { .column = served->unit_column, .ids = scope };
      if (served->also_table != NULL)
        {
          also = also_filter (served, scope);
          filter.or_else = &also;
        }
    }
  else if (scope != NULL && served->unit_column != NULL)
    {
      g_assert (served->via->via == NULL && served->via->unit_column != NULL);
      filter = (DnStorePageFilter) { .column = served->unit_column, .via_table = served->via->table,
                                     .via_column = served->via->unit_column, .ids = scope };
    }
  /* one more than the page tells whether there is a next one */
  ids = dn_store_page_ids (store, served->table, &filter, after, (guint) limit + 1, &error);
  if (ids == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  _dn_server_reply_page (msg, store, served->table, served->plural, ids, (guint) limit);
}

void
_dn_server_get_served (DnRequest       *request,
                       const DnServed  *served)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) row = _dn_server_read_served (store, request->account, served, request->id, &error);

  if (row == NULL)
    _dn_server_reply_store_error (request->msg, error);
  else
    dn_server_reply_json (request->msg, SOUP_STATUS_OK, row);
}

/* Writes ------------------------------------------------------------------------ */

gboolean
_dn_server_check_may_write (DnRequest *request,
                            gboolean   department_only)
{
  DnAccountRole role = request->account->role;

  if (dn_account_may_write (request->account) &&
      (!department_only || role == DN_ACCOUNT_ROLE_ADMIN || role == DN_ACCOUNT_ROLE_DEPARTMENT))
    return TRUE;
  dn_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                         department_only ? _("Only the department changes these records.")
                                         : _("This account may only read."));
  return FALSE;
}

gboolean
_dn_server_check_revision (DnRequest  *request,
                           const char *table,
                           gint64      id)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;

  if (dn_store_check_revision (store, table, id, _dn_server_body_int (request->body, "revision", -1), &error))
    return TRUE;
  /* a 409 with the record now, or the store's other refusal */
  _dn_server_reply_conflict (request->msg, store, table, id, error);
  return FALSE;
}

void
_dn_server_reply_record (SoupServerMessage *msg,
                         DnStore           *store,
                         const char        *table,
                         gint64             id,
                         guint              status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) row = dn_exchange_row_to_json (store, table, id, &error);

  if (row == NULL)
    _dn_server_reply_store_error (msg, error);
  else
    dn_server_reply_json (msg, status, row);
}

void
_dn_server_reply_deleted (SoupServerMessage *msg,
                          gint64             id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

gboolean
_dn_server_body_status (SoupServerMessage *msg,
                        JsonNode          *body,
                        DnStatus          *status)
{
  const char *text = json_object_get_string_member_with_default (json_node_get_object (body), "status", NULL);

  if (text != NULL && !dn_status_from_string (text, status))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a status: write open, in_progress, done or "
                                                    "cancelled."), text);

      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_dn_server_body_revision_holds (DnStore     *store,
                                JsonNode    *body,
                                const char  *table,
                                gint64       id,
                                GError     **error)
{
  return !_dn_server_body_has (body, "revision") ||
         dn_store_check_revision (store, table, id, _dn_server_body_int (body, "revision", -1), error);
}

gboolean
_dn_server_body_has (JsonNode   *body,
                     const char *name)
{
  return json_object_has_member (json_node_get_object (body), name);
}

const char *
_dn_server_body_string (JsonNode   *body,
                        const char *name,
                        const char *fallback)
{
  JsonNode *value = json_object_get_member (json_node_get_object (body), name);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return fallback;
  return json_node_get_string (value);
}

gint64
_dn_server_body_int (JsonNode   *body,
                     const char *name,
                     gint64      fallback)
{
  JsonNode *value = json_object_get_member (json_node_get_object (body), name);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return fallback;
  return json_node_get_int (value);
}

void
_dn_server_set_text (char       **field,
                     const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* Routes ------------------------------------------------------------------------- */

#define LIST_AND_ONE(name, served)                          \
  static void list_##name (DnRequest *request)              \
  {                                                         \
    _dn_server_list_served (request, &served, NULL, 0);     \
  }                                                         \
  static void get_##name (DnRequest *request)               \
  {                                                         \
    _dn_server_get_served (request, &served);               \
  }

LIST_AND_ONE (partners, served_partner)
LIST_AND_ONE (projects, served_project)
LIST_AND_ONE (delegations, dn_served_delegation)
LIST_AND_ONE (passports, dn_served_passport)
LIST_AND_ONE (reports, dn_served_report)

/* The records of the parent request->id of @parent, when the caller sees it */
static void
list_children (DnRequest       *request,
               const DnServed  *parent,
               const DnServed  *children)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) row = _dn_server_read_served (dn_server_get_store (request->server), request->account,
                                                    parent, request->id, &error);

  if (row == NULL)
    _dn_server_reply_store_error (request->msg, error);
  else
    _dn_server_list_served (request, children, children->unit_column, request->id);
}

static void
list_members (DnRequest *request)
{
  list_children (request, &dn_served_delegation, &dn_served_member);
}

static void
list_programme (DnRequest *request)
{
  list_children (request, &dn_served_delegation, &served_programme);
}

static void
list_events (DnRequest *request)
{
  list_children (request, &dn_served_passport, &served_event);
}

static void
list_loans (DnRequest *request)
{
  list_children (request, &dn_served_passport, &served_loan);
}

static const DnRoute routes[] = {
  { "GET", "/partners", TRUE, DN_ROUTE_NO_BODY, 0, list_partners },
  { "GET", "/partners/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_partners },
  { "GET", "/projects", TRUE, DN_ROUTE_NO_BODY, 0, list_projects },
  { "GET", "/projects/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_projects },
  { "GET", "/delegations", TRUE, DN_ROUTE_NO_BODY, 0, list_delegations },
  { "GET", "/delegations/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_delegations },
  { "GET", "/delegations/{id}/members", TRUE, DN_ROUTE_NO_BODY, 0, list_members },
  { "GET", "/delegations/{id}/programme", TRUE, DN_ROUTE_NO_BODY, 0, list_programme },
  { "GET", "/passports", TRUE, DN_ROUTE_NO_BODY, 0, list_passports },
  { "GET", "/passports/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_passports },
  { "GET", "/passports/{id}/events", TRUE, DN_ROUTE_NO_BODY, 0, list_events },
  { "GET", "/passports/{id}/loans", TRUE, DN_ROUTE_NO_BODY, 0, list_loans },
  { "GET", "/reports", TRUE, DN_ROUTE_NO_BODY, 0, list_reports },
  { "GET", "/reports/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_reports },
};
const DnRouteTable dn_server_record_routes = DN_ROUTE_TABLE (routes);
