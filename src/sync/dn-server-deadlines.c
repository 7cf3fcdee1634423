/* dn-server-deadlines.c: following a task's parts and deadlines up
 *
 *   POST /assignments/{id}/extension  {"due_date", "reason", "revision"
 *                                     (optional: the assignment's as it was
 *                                     read)} → 201 {"extension",
 *                                     "assignment", "task"}
 *   POST /assignments/{id}/status     {"status", "revision" (optional)}:
 *                                     a unit's part of a task → 200
 *                                     {"assignment", "task"}
 *   POST /tasks/{id}/pass-down        {"unit_ids", "due_date" (optional:
 *                                     the task's)} → 201 {"tasks": [the
 *                                     sub-tasks made, one per unit]}
 *   POST /tasks/{id}/reminders        {"unit_id", "kind" (notice,
 *                                     criticism or review; notice when
 *                                     absent), "sent_on", "note"} → 201 the
 *                                     reminder
 *   POST /tasks/{id}/report-receipts  {"unit_id", "received_on"
 *                                     (optional: today), "note",
 *                                     "document_id", "attachment_id"
 *                                     (optional: the PDF sent first to
 *                                     POST /attachments)} → 201 the
 *                                     report received
 *
 * An extension (gia hạn) and a unit's part marked are recorded by the
 * unit assigned, or by the department, as the window does: a unit officer
 * for an assignment of its unit or of one below it. A task is passed down
 * by whoever sees it to units it may give work to (a unit officer: its
 * own subtree); the store checks they are below the task's lead. A reminder (đôn đốc) goes from the side that
 * gave the work: the department to any unit assigned, a unit officer to
 * the units below its own. The periodic reports are received by the
 * department: it records one (the PDF registered as an incoming document,
 * the file attached to it, in one transaction); a unit officer or a
 * reader is refused (403).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-changes.h"
#include "dn-store-owed-reports.h"
#include "dn-store-reminders.h"
#include "dn-store-tasks.h"

static const DnField extension_fields[] = {
  { "due_date", DN_FIELD_DATE, TRUE, FALSE },
  { "reason", DN_FIELD_STRING, TRUE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField assignment_status_fields[] = {
  { "status", DN_FIELD_STRING, TRUE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField pass_down_fields[] = {
  { "unit_ids", DN_FIELD_INT_ARRAY, TRUE, FALSE },
  { "due_date", DN_FIELD_DATE, FALSE, TRUE },
  { NULL }
};

/* A province has about a thousand schools */
#define MAX_PASS_DOWN_UNITS 2000

static const DnField reminder_fields[] = {
  { "unit_id", DN_FIELD_INT, TRUE, FALSE },
  { "kind", DN_FIELD_STRING, FALSE, FALSE },
  { "sent_on", DN_FIELD_DATE, FALSE, TRUE },
  { "note", DN_FIELD_STRING, FALSE, FALSE },
  { NULL }
};

/* Adds the record @id of @table to @builder as its member @name; FALSE
 * (@error set) when it cannot be read */
static gboolean
add_record (JsonBuilder  *builder,
            DnStore      *store,
            const char   *name,
            const char   *table,
            gint64        id,
            GError      **error)
{
  JsonNode *record = dn_exchange_row_to_json (store, table, id, error);

  if (record == NULL)
    return FALSE;
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, record);
  return TRUE;
}

/* The assignment @id as the caller may change it: of a task it sees (else
 * 404, as for none), the caller not a reader, the assignment its unit's or
 * a unit's below it (else 403 with @refusal) */
static DnAssignment *
assignment_to_change (DnRequest  *request,
                      const char *refusal)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAssignment) assignment = dn_store_get_assignment (store, request->id, NULL);

  if (assignment == NULL || !_dn_server_may_see_task (store, request->account, assignment->task_id, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("There is no assignment #%lld."), (long long) request->id);

      dn_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
      return NULL;
    }
  if (!_dn_server_check_writer (request->account, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return NULL;
    }
  if (!dn_account_may_see_unit (store, request->account, assignment->unit_id))
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden", refusal);
      return NULL;
    }
  return g_steal_pointer (&assignment);
}

/* Answers @status with the records of @names (@tables, @ids), NULL-ended */
static void
reply_records (SoupServerMessage *msg,
               DnStore           *store,
               guint              status,
               const char *const *names,
               const char *const *tables,
               const gint64      *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; names[i] != NULL; i++)
    if (!add_record (builder, store, names[i], tables[i], ids[i], &error))
      {
        _dn_server_reply_store_error (msg, error);
        return;
      }
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, status, answer);
}

static void
extend (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(DnAssignment) assignment = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const names[] = { "extension", "assignment", "task", NULL };
  gint64 ids[3];
  GDate due;
  gboolean ok;

  if (!_dn_server_check_fields (msg, request->body, extension_fields) ||
      (assignment = assignment_to_change (request, _("A deadline is extended by the unit assigned or by the "
                                                     "department."))) == NULL)
    return;
  dn_date_parse_iso (json_object_get_string_member (body, "due_date"), &due);
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  ok = _dn_server_body_revision_holds (store, request->body, "assignment", assignment->id, &error) &&
       dn_store_extend_assignment (store, assignment->id, &due, json_object_get_string_member (body, "reason"),
                                   &error) &&
       (extensions = dn_store_list_extensions (store, assignment->id, &error)) != NULL;
  if (ok)
    ok = dn_store_commit (store, &error);
  else
    dn_store_rollback (store);
  if (!ok)
    {
      _dn_server_reply_conflict (msg, store, "assignment", assignment->id, error);
      return;
    }
  if (extensions->len == 0)
    {
      g_set_error (&error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("The extension was not recorded."));
      _dn_server_reply_store_error (msg, error);
      return;
    }
  ids[0] = ((DnExtension *) extensions->pdata[extensions->len - 1])->id;
  ids[1] = assignment->id;
  ids[2] = assignment->task_id;
  reply_records (msg, store, SOUP_STATUS_CREATED, names,
                 (const char *const[]) { "deadline_extension", "assignment", "task" }, ids);
}

static void
set_assignment_status (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const names[] = { "assignment", "task", NULL };
  DnStatus status = DN_STATUS_OPEN;
  gint64 ids[2];
  gboolean ok;

  if (!_dn_server_check_fields (msg, request->body, assignment_status_fields) ||
      (assignment = assignment_to_change (request, _("A unit's part of a task is marked by that unit or by the "
                                                     "department."))) == NULL)
    return;
  if (!_dn_server_body_status (msg, request->body, &status))
    return;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  ok = _dn_server_body_revision_holds (store, request->body, "assignment", assignment->id, &error) &&
       dn_store_set_assignment_status (store, assignment->id, status, &error);
  if (ok)
    ok = dn_store_commit (store, &error);
  else
    dn_store_rollback (store);
  if (!ok)
    {
      _dn_server_reply_conflict (msg, store, "assignment", assignment->id, error);
      return;
    }
  ids[0] = assignment->id;
  ids[1] = assignment->task_id;
  reply_records (msg, store, SOUP_STATUS_OK, names, (const char *const[]) { "assignment", "task" }, ids);
}

static void
pass_down (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  JsonArray *units;
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  GDate due;

  if (!_dn_server_check_fields (msg, request->body, pass_down_fields))
    return;
  units = json_object_get_array_member (body, "unit_ids");
  if (!_dn_server_may_see_task (store, request->account, request->id, &error) ||
      !_dn_server_check_writer (request->account, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  if (json_array_get_length (units) > MAX_PASS_DOWN_UNITS)
    {
      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", _("Too many units for one task."));
      return;
    }
  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      gint64 unit = json_array_get_int_element (units, i);

      /* a unit officer gives work to its own subtree */
      if (!dn_account_may_see_unit (store, request->account, unit))
        {
          dn_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                 _("A task is passed down to the units below your own."));
          return;
        }
      g_array_append_val (unit_ids, unit);
    }
  g_date_clear (&due, 1);
  if (json_object_has_member (body, "due_date") && !json_object_get_null_member (body, "due_date"))
    dn_date_parse_iso (json_object_get_string_member (body, "due_date"), &due);
  made = dn_store_subassign_task (store, request->id, (const gint64 *) (gpointer) unit_ids->data, unit_ids->len,
                                  g_date_valid (&due) ? &due : NULL, &error);
  if (made == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < made->len; i++)
    json_builder_add_int_value (builder, g_array_index (made, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_CREATED, answer);
}

static void
remind (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) scope = NULL;
  const char *kind;

  if (!_dn_server_check_fields (msg, request->body, reminder_fields))
    return;
  if (!_dn_server_may_see_task (store, request->account, request->id, &error) ||
      !_dn_server_check_writer (request->account, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  reminder->task_id = request->id;
  reminder->unit_id = json_object_get_int_member (body, "unit_id");
  kind = json_object_get_string_member_with_default (body, "kind", "notice");
  if (!dn_reminder_kind_from_string (kind, &reminder->kind))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a kind of reminder: write notice, criticism or "
                                                    "review."),
                                                  kind);

      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
      return;
    }
  /* a unit officer reminds the units below its own, not its own nor
   * those beside or above it */
  scope = dn_account_dup_scope (store, request->account);
  if (scope != NULL &&
      (reminder->unit_id == request->account->unit_id ||
       !dn_account_may_see_unit (store, request->account, reminder->unit_id)))
    {
      dn_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                             _("A reminder goes from the side that gave the work: the department, or your unit "
                               "to the units below it."));
      return;
    }
  if (json_object_has_member (body, "sent_on") && !json_object_get_null_member (body, "sent_on"))
    dn_date_parse_iso (json_object_get_string_member (body, "sent_on"), &reminder->sent_on);
  g_free (reminder->note);
  reminder->note = g_strdup (json_object_get_string_member_with_default (body, "note", ""));
  if (!dn_store_add_reminder (store, reminder, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  {
    g_autoptr(JsonNode) record = dn_exchange_row_to_json (store, "reminder", reminder->id, &error);

    if (record == NULL)
      _dn_server_reply_store_error (msg, error);
    else
      dn_server_reply_json (msg, SOUP_STATUS_CREATED, record);
  }
}

static const DnField receipt_fields[] = {
  { "unit_id", DN_FIELD_INT, TRUE, FALSE },
  { "received_on", DN_FIELD_DATE, FALSE, TRUE },
  { "note", DN_FIELD_STRING, FALSE, TRUE },
  { "document_id", DN_FIELD_INT, FALSE, TRUE },
  { "attachment_id", DN_FIELD_INT, FALSE, TRUE },
  { NULL }
};

/* The body's id @name, when given, names a record: FALSE and 400
 * answered when it is not a number from 1 */
static gboolean
check_id (DnRequest  *request,
          const char *name)
{
  g_autofree char *message = NULL;

  if (_dn_server_body_int (request->body, name, 1) >= 1)
    return TRUE;
  message = g_strdup_printf (_("“%s” must be a number from %lld to %lld."), name, 1LL, (long long) G_MAXINT64);
  dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
  return FALSE;
}

static void
record_receipt (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  g_autoptr(GError) error = NULL;
  const char *day;

  if (!_dn_server_check_fields (msg, request->body, receipt_fields) ||
      !check_id (request, "document_id") || !check_id (request, "attachment_id"))
    return;
  if (!_dn_server_may_see_task (store, request->account, request->id, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, TRUE))
    return;
  receipt->task_id = request->id;
  receipt->unit_id = _dn_server_body_int (request->body, "unit_id", 0);
  receipt->document_id = _dn_server_body_int (request->body, "document_id", 0);
  if ((day = _dn_server_body_string (request->body, "received_on", NULL)) != NULL)
    dn_date_parse_iso (day, &receipt->received_on);
  _dn_server_set_text (&receipt->note, _dn_server_body_string (request->body, "note", ""));
  if (!dn_store_record_report_received_kept (store, receipt, _dn_server_body_int (request->body, "attachment_id", 0),
                                             &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  _dn_server_reply_record (msg, store, "report_receipt", receipt->id, SOUP_STATUS_CREATED);
}

static const DnRoute routes[] = {
  { "POST", "/assignments/{id}/extension", TRUE, DN_ROUTE_JSON, 0, extend },
  { "POST", "/assignments/{id}/status", TRUE, DN_ROUTE_JSON, 0, set_assignment_status },
  { "POST", "/tasks/{id}/pass-down", TRUE, DN_ROUTE_JSON, 0, pass_down },
  { "POST", "/tasks/{id}/reminders", TRUE, DN_ROUTE_JSON, 0, remind },
  { "POST", "/tasks/{id}/report-receipts", TRUE, DN_ROUTE_JSON, 0, record_receipt },
};
const DnRouteTable dn_server_deadline_routes = DN_ROUTE_TABLE (routes);
