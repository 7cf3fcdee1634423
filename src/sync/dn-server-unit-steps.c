/* dn-server-unit-steps.c: a unit's new name from a day, its archiving and
 * its merging into another
 *
 *   POST /units/{id}/rename   {"name", "effective", "code"?, "kind"?,
 *                             "revision"?} → 200, the unit: named "name"
 *                             from the day "effective" on (the old name
 *                             kept for the days before, as reports of an
 *                             earlier period print it), with "code" and
 *                             "kind" (absent: as they are), in one
 *                             transaction (dn_store_rename_unit_as())
 *   POST /units/{id}/archive  {"archived": true | false, "revision"?} →
 *                             200, the unit archived or restored
 *   POST /units/{id}/merge    {"into": id, "revision"?} → 200 {"id",
 *                             "into", "merge_id"}: everything that refers
 *                             to the unit moves to "into", the unit is
 *                             archived (dn_store_merge_units())
 *
 * Units are the department's: the department and the administrators take
 * these steps, a unit officer or a reader is answered 403; a unit there is
 * not (or an "into" that is none) is 404. Each is written in one
 * transaction, as the desktop's own writer makes it (dn_store_write()): a
 * "revision" of the unit other than the store's is a 409 with "current",
 * what the store refuses (the same name, a day before the current name
 * took effect, a code another unit has, a merge into itself or its own
 * sub-unit) is a 400 or 409 with its message, and nothing is written. Undo
 * of a merge stays with a desktop that writes its own database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"
#include "dn-store-writer.h"

static const DnField rename_fields[] = {
  { "name", DN_FIELD_STRING, TRUE, FALSE },
  { "effective", DN_FIELD_DATE, TRUE, FALSE },
  { "code", DN_FIELD_STRING, FALSE, FALSE },
  { "kind", DN_FIELD_STRING, FALSE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField archive_fields[] = {
  { "archived", DN_FIELD_BOOL, TRUE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField merge_fields[] = {
  { "into", DN_FIELD_INT, TRUE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

/* The unit request->id as it is now, when the body is one of @fields, the
 * unit is there and the caller may change units; NULL and answered
 * otherwise */
static DnUnit *
read_unit (DnRequest     *request,
           const DnField *fields)
{
  g_autoptr(GError) error = NULL;
  DnUnit *unit;

  if (!_dn_server_check_fields (request->msg, request->body, fields))
    return NULL;
  if ((unit = dn_store_get_unit (dn_server_get_store (request->server), request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return NULL;
    }
  if (!_dn_server_check_may_write (request, TRUE))
    {
      g_object_unref (unit);
      return NULL;
    }
  return unit;
}

/* Makes @write as the desktop's own writer does, in one transaction; FALSE
 * and the refusal answered otherwise */
static gboolean
make (DnRequest *request,
      DnWrite   *write)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;

  write->revision = _dn_server_body_int (request->body, "revision", -1);
  if (dn_store_write (store, write, &error))
    return TRUE;
  _dn_server_reply_conflict (request->msg, store, "unit", request->id, error);
  return FALSE;
}

static void
rename_unit (DnRequest *request)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_RENAME_UNIT);
  DnUnit *unit;
  const char *kind;

  if ((unit = read_unit (request, rename_fields)) == NULL)
    return;
  write->record = G_OBJECT (unit);
  kind = _dn_server_body_string (request->body, "kind", NULL);
  if (kind != NULL && !dn_unit_kind_from_string (kind, &unit->kind))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a kind of unit."), kind);

      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
      return;
    }
  _dn_server_set_text (&unit->name, _dn_server_body_string (request->body, "name", ""));
  _dn_server_set_text (&unit->code, _dn_server_body_string (request->body, "code", unit->code));
  dn_date_parse_iso (_dn_server_body_string (request->body, "effective", ""), &write->date);
  if (make (request, write))
    _dn_server_reply_record (request->msg, dn_server_get_store (request->server), "unit", request->id,
                             SOUP_STATUS_OK);
}

static void
archive_unit (DnRequest *request)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_ARCHIVE_UNIT);
  DnUnit *unit;

  if ((unit = read_unit (request, archive_fields)) == NULL)
    return;
  write->record = G_OBJECT (unit);
  unit->archived = json_object_get_boolean_member (json_node_get_object (request->body), "archived");
  if (make (request, write))
    _dn_server_reply_record (request->msg, dn_server_get_store (request->server), "unit", request->id,
                             SOUP_STATUS_OK);
}

static void
merge_unit (DnRequest *request)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_MERGE_UNITS);
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  gint64 into;

  if ((unit = read_unit (request, merge_fields)) == NULL)
    return;
  into = _dn_server_body_int (request->body, "into", 0);
  if (into <= 0)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                             _("“into” must be the id of the unit that takes over."));
      return;
    }
  write->id = request->id;
  write->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (write->units, into);
  if (!make (request, write))
    return;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, request->id);
  json_builder_set_member_name (builder, "into");
  json_builder_add_int_value (builder, into);
  json_builder_set_member_name (builder, "merge_id");
  json_builder_add_int_value (builder, write->made_id);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (request->msg, SOUP_STATUS_OK, answer);
}

static const DnRoute routes[] = {
  { "POST", "/units/{id}/rename", TRUE, DN_ROUTE_JSON, 0, rename_unit },
  { "POST", "/units/{id}/archive", TRUE, DN_ROUTE_JSON, 0, archive_unit },
  { "POST", "/units/{id}/merge", TRUE, DN_ROUTE_JSON, 0, merge_unit },
};
const DnRouteTable dn_server_unit_step_routes = DN_ROUTE_TABLE (routes);
