/* dn-server-passports.c: the department's keeping of the passports
 *
 *   POST   /passports/{id}/events  {"kind": "lost" | "transferred" |
 *                                  "sent_for_cancellation", "on_date",
 *                                  "letter"?, "document_id"?, "notes"?,
 *                                  "revision"?}: what happened to it →
 *                                  201, the event
 *   POST   /passports/{id}/extension {"new_expiry", "on_date", "letter"?,
 *                                  "revision"?}: its one extension → 200,
 *                                  the passport (the event "extended"
 *                                  beside it)
 *   POST   /passports/{id}/loans   {"delegation_id", "handed_out_on",
 *                                  "handed_to"?, "receipt_signed"?,
 *                                  "confirmed"?}: handed out for a trip
 *                                  → 201, the ledger line
 *   POST   /passports/{id}/return  {"returned_on", "returned_by"?,
 *                                  "exemption_reason"?, "excused_by"?}:
 *                                  taken back → 200, the ledger line
 *
 * Keeping the passports is the department's work: only the department and
 * the administrators record these (403 to the others; a unit officer reads
 * the passports of its people, and one it does not see is 404). The
 * officer who hands out or takes in is the caller. The store's rules
 * apply: a passport out already, expired or gone is not handed out; a
 * transfer or cancellation waits for its return; an ordinary passport is
 * never extended, another only once. A "revision" given is the
 * passport's as read: 409 with "current" when it changed since. GET of
 * the same lists: dn-server-records.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"

static gboolean
read_event_kind (const char *text,
                 int        *out)
{
  DnPassportEventKind kind;

  /* an extension has its own step (the passport's new expiry) */
  if (!dn_passport_event_kind_from_string (text, &kind) || kind == DN_PASSPORT_EVENT_EXTENDED)
    return FALSE;
  *out = (int) kind;
  return TRUE;
}

static const DnBind event_binds[] = {
  { "kind", DN_BIND_ENUM, G_STRUCT_OFFSET (DnPassportEvent, kind), TRUE, read_event_kind },
  { "on_date", DN_BIND_DATE, G_STRUCT_OFFSET (DnPassportEvent, on_date), TRUE, NULL },
  { "letter", DN_BIND_TEXT, G_STRUCT_OFFSET (DnPassportEvent, letter), FALSE, NULL },
  { "document_id", DN_BIND_ID, G_STRUCT_OFFSET (DnPassportEvent, document_id), FALSE, NULL },
  { "notes", DN_BIND_TEXT, G_STRUCT_OFFSET (DnPassportEvent, notes), FALSE, NULL },
  { NULL }
};

static const DnField event_fields[] = {
  { "kind", DN_FIELD_STRING, TRUE, FALSE },
  { "on_date", DN_FIELD_DATE, TRUE, FALSE },
  { "letter", DN_FIELD_STRING, FALSE, TRUE },
  { "document_id", DN_FIELD_INT, FALSE, TRUE },
  { "notes", DN_FIELD_STRING, FALSE, TRUE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField extension_fields[] = {
  { "new_expiry", DN_FIELD_DATE, TRUE, FALSE },
  { "on_date", DN_FIELD_DATE, TRUE, FALSE },
  { "letter", DN_FIELD_STRING, FALSE, TRUE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField loan_fields[] = {
  { "delegation_id", DN_FIELD_INT, TRUE, FALSE },
  { "handed_out_on", DN_FIELD_DATE, TRUE, FALSE },
  { "handed_to", DN_FIELD_STRING, FALSE, TRUE },
  { "receipt_signed", DN_FIELD_INT, FALSE, FALSE },
  { "confirmed", DN_FIELD_BOOL, FALSE, FALSE },
  { NULL }
};

static const DnField return_fields[] = {
  { "returned_on", DN_FIELD_DATE, TRUE, FALSE },
  { "returned_by", DN_FIELD_STRING, FALSE, TRUE },
  { "exemption_reason", DN_FIELD_STRING, FALSE, TRUE },
  { "excused_by", DN_FIELD_STRING, FALSE, TRUE },
  { NULL }
};

/* The passport request->id is one the caller sees and it may keep */
static gboolean
check_keeper (DnRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) passport = _dn_server_read_served (dn_server_get_store (request->server), request->account,
                                                         &dn_served_passport, request->id, &error);

  if (passport == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return FALSE;
    }
  return _dn_server_check_may_write (request, TRUE);
}

static GDate
body_date (JsonNode   *body,
           const char *name)
{
  GDate date;

  g_date_clear (&date, 1);
  dn_date_parse_iso (_dn_server_body_string (body, name, ""), &date);
  return date;
}

/* Ends a write begun in one transaction: committed when @ok, else taken
 * back and the store's refusal answered (a stale revision: 409 with the
 * passport now) */
static gboolean
finish_write (DnRequest  *request,
              gboolean    ok,
              GError     *error)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) failure = error;

  if (ok)
    ok = dn_store_commit (store, &failure);
  else
    dn_store_rollback (store);
  if (!ok)
    _dn_server_reply_conflict (request->msg, store, "passport", request->id, failure);
  return ok;
}

static void
add_event (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnPassportEvent) event = dn_passport_event_new ();
  GError *error = NULL;
  gboolean ok;

  if (!_dn_server_check_fields (request->msg, request->body, event_fields) ||
      !check_keeper (request) ||
      !_dn_server_bind (request->msg, request->body, event_binds, event))
    return;
  event->passport_id = request->id;
  g_free (event->recorded_by);
  event->recorded_by = g_strdup (request->account->name);
  if (!dn_store_begin (store, &error))
    {
      finish_write (request, FALSE, error);
      return;
    }
  ok = _dn_server_body_revision_holds (store, request->body, "passport", request->id, &error) &&
       dn_store_add_passport_event (store, event, &error) > 0;
  if (finish_write (request, ok, error))
    _dn_server_reply_record (request->msg, store, "passport_event", event->id, SOUP_STATUS_CREATED);
}

static void
extend (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  GError *error = NULL;
  GDate expiry, day;
  gboolean ok;

  if (!_dn_server_check_fields (request->msg, request->body, extension_fields) ||
      !check_keeper (request))
    return;
  expiry = body_date (request->body, "new_expiry");
  day = body_date (request->body, "on_date");
  if (!dn_store_begin (store, &error))
    {
      finish_write (request, FALSE, error);
      return;
    }
  ok = _dn_server_body_revision_holds (store, request->body, "passport", request->id, &error) &&
       dn_store_extend_passport (store, request->id, &expiry, &day,
                                 _dn_server_body_string (request->body, "letter", ""), &error);
  if (finish_write (request, ok, error))
    _dn_server_reply_record (request->msg, store, "passport", request->id, SOUP_STATUS_OK);
}

static void
hand_out (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(GError) error = NULL;
  GDate date;
  gint64 id;

  gint64 signed_;

  if (!_dn_server_check_fields (request->msg, request->body, loan_fields) ||
      !check_keeper (request))
    return;
  signed_ = _dn_server_body_int (request->body, "receipt_signed", 0);
  if (signed_ != 0 && signed_ != 1)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid", _("“receipt_signed” must be 0 or 1."));
      return;
    }
  date = body_date (request->body, "handed_out_on");
  id = dn_store_hand_out_passport (store, request->id, _dn_server_body_int (request->body, "delegation_id", 0), &date,
                                   request->account->name, _dn_server_body_string (request->body, "handed_to", NULL),
                                   signed_ == 1,
                                   json_object_get_boolean_member_with_default (body, "confirmed", FALSE), &error);
  if (id <= 0)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "passport_loan", id, SOUP_STATUS_CREATED);
}

static void
take_back (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 open = 0;
  GDate date;

  if (!_dn_server_check_fields (request->msg, request->body, return_fields) ||
      !check_keeper (request))
    return;
  if ((loans = dn_store_list_passport_loans (store, request->id, 0, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  for (guint i = 0; i < loans->len; i++)
    {
      DnPassportLoan *loan = loans->pdata[i];

      if (!g_date_valid (&loan->returned_on))
        open = loan->id;
    }
  date = body_date (request->body, "returned_on");
  if (open == 0)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_CONFLICT, "not-handed-out",
                             _("The passport is not handed out: there is nothing to take back."));
      return;
    }
  if (!dn_store_take_back_passport (store, request->id, &date,
                                    _dn_server_body_string (request->body, "returned_by", NULL),
                                    request->account->name,
                                    _dn_server_body_string (request->body, "exemption_reason", NULL),
                                    _dn_server_body_string (request->body, "excused_by", NULL), &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "passport_loan", open, SOUP_STATUS_OK);
}

static const DnRoute routes[] = {
  { "POST", "/passports/{id}/events", TRUE, DN_ROUTE_JSON, 0, add_event },
  { "POST", "/passports/{id}/loans", TRUE, DN_ROUTE_JSON, 0, hand_out },
  { "POST", "/passports/{id}/return", TRUE, DN_ROUTE_JSON, 0, take_back },
  { "POST", "/passports/{id}/extension", TRUE, DN_ROUTE_JSON, 0, extend },
};
const DnRouteTable dn_server_passport_routes = DN_ROUTE_TABLE (routes);
