/* dn-server-delegation-steps.c: a delegation's steps and its passports
 *
 *   POST /delegations/{id}/status     {"status": "approved" | "abroad" |
 *                                     "returned" | "reported" |
 *                                     "cancelled", "date"?, "document_id"?,
 *                                     "revision"?} → 200, the delegation:
 *                                     approved under its decision
 *                                     ("document_id"; absent: the one it
 *                                     has), departed, back on "date"
 *                                     (absent: the planned end), its results
 *                                     report ("document_id", absent: none)
 *                                     received on "date", or cancelled
 *   POST /delegations/{id}/passports  {"handed_out_on", "handed_by"?,
 *                                     "confirmed"?, "revision"?} → 201
 *                                     {"delegation_id", "loans": the
 *                                     delegation's ledger lines}: the chosen
 *                                     passport of every member handed out
 *   POST /delegations/{id}/passports/return {"returned_on", "received_by"?,
 *                                     "exemption_reason"?, "excused_by"?,
 *                                     "revision"?} → 200, the same: every
 *                                     passport of it still out taken back
 *
 * A step is the store's (dn-store-delegation-status.h): one the status
 * does not allow, approving without a decision, a report before the
 * return are 400. Whoever may change the delegation takes its steps: the
 * department and the administrators, a unit officer those of its units'
 * delegations (a reader, or a unit officer on one it only sees through a
 * member: 403; one it does not see, or a document it does not see: 404).
 * Handing out and taking back passports is the department's, as a single
 * passport's (dn-server-passports.c); the officer named is the caller
 * unless the body names another. Each is written in one transaction, as
 * the desktop's own writer makes it (dn_store_write()): a "revision" of the
 * delegation other than the store's is a 409 with "current", what the
 * store only warns about (a passport expiring soon) 400 "warning" until
 * sent again with "confirmed": true; nothing is written when refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-passport-ledger.h"
#include "dn-store-writer.h"

static const DnField status_fields[] = {
  { "status", DN_FIELD_STRING, TRUE, FALSE },
  { "date", DN_FIELD_DATE, FALSE, FALSE },
  { "document_id", DN_FIELD_INT, FALSE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField hand_out_fields[] = {
  { "handed_out_on", DN_FIELD_DATE, TRUE, FALSE },
  { "handed_by", DN_FIELD_STRING, FALSE, TRUE },
  { "confirmed", DN_FIELD_BOOL, FALSE, FALSE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static const DnField return_fields[] = {
  { "returned_on", DN_FIELD_DATE, TRUE, FALSE },
  { "received_by", DN_FIELD_STRING, FALSE, TRUE },
  { "exemption_reason", DN_FIELD_STRING, FALSE, TRUE },
  { "excused_by", DN_FIELD_STRING, FALSE, TRUE },
  { "revision", DN_FIELD_INT, FALSE, FALSE },
  { NULL }
};

static void
reply_invalid (SoupServerMessage *msg,
               const char        *message)
{
  dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
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
  _dn_server_reply_conflict (request->msg, store, "delegation", request->id, error);
  return FALSE;
}

/* The body's "status" as a step: one a delegation may move to, "date" and
 * "document_id" only where it takes them; else FALSE and 400 answered */
static gboolean
read_step (DnRequest    *request,
           DnDelegation *step)
{
  const char *text = _dn_server_body_string (request->body, "status", "");
  gboolean dated, documented;

  if (!dn_delegation_status_from_string (text, &step->status) || step->status == DN_DELEGATION_PROPOSED)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a step of a delegation: write approved, abroad, "
                                                    "returned, reported or cancelled."), text);

      reply_invalid (request->msg, message);
      return FALSE;
    }
  dated = step->status == DN_DELEGATION_RETURNED || step->status == DN_DELEGATION_REPORTED;
  documented = step->status == DN_DELEGATION_APPROVED || step->status == DN_DELEGATION_REPORTED;
  if ((!dated && _dn_server_body_has (request->body, "date")) ||
      (!documented && _dn_server_body_has (request->body, "document_id")))
    {
      reply_invalid (request->msg, _("A “date” goes with a return or a report only, a “document_id” with an approval "
                                     "or a report only."));
      return FALSE;
    }
  if (_dn_server_body_int (request->body, "document_id", 1) <= 0)
    {
      reply_invalid (request->msg, _("“document_id” must be the id of a document."));
      return FALSE;
    }
  if (step->status == DN_DELEGATION_RETURNED)
    step->end_date = body_date (request->body, "date");
  else if (step->status == DN_DELEGATION_REPORTED)
    step->report_submitted_on = body_date (request->body, "date");
  if (step->status == DN_DELEGATION_APPROVED)
    step->decision_document_id = _dn_server_body_int (request->body, "document_id", 0);
  else if (step->status == DN_DELEGATION_REPORTED)
    step->report_document_id = _dn_server_body_int (request->body, "document_id", 0);
  return TRUE;
}

static void
move (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnDelegation) step = dn_delegation_new ();
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_MOVE_DELEGATION);
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;

  if (!_dn_server_check_fields (request->msg, request->body, status_fields) || !read_step (request, step) ||
      !_dn_server_check_delegation_writer (request, request->id))
    return;
  /* a document the caller does not see is not there for it */
  document_id = _dn_server_body_int (request->body, "document_id", 0);
  if (document_id != 0 &&
      (document = _dn_server_read_served (store, request->account, &dn_served_document, document_id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  step->id = request->id;
  write->record = G_OBJECT (g_steal_pointer (&step));
  if (make (request, write))
    _dn_server_reply_record (request->msg, store, "delegation", request->id, SOUP_STATUS_OK);
}

/* The delegation request->id is one the caller sees and it keeps the
 * passports */
static gboolean
check_keeper (DnRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) seen = _dn_server_read_served (dn_server_get_store (request->server), request->account,
                                                     &dn_served_delegation, request->id, &error);

  if (seen == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return FALSE;
    }
  return _dn_server_check_may_write (request, TRUE);
}

/* {"delegation_id", "loans": the delegation's ledger lines} with @status */
static void
reply_loans (DnRequest *request,
             guint      status)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loans = dn_store_list_passport_loans (store, 0, request->id, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;

  if (loans == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "delegation_id");
  json_builder_add_int_value (builder, request->id);
  json_builder_set_member_name (builder, "loans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < loans->len; i++)
    {
      JsonNode *row = dn_exchange_row_to_json (store, "passport_loan", ((DnPassportLoan *) loans->pdata[i])->id,
                                               &error);

      if (row == NULL)
        {
          _dn_server_reply_store_error (request->msg, error);
          return;
        }
      json_builder_add_value (builder, row);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (request->msg, status, answer);
}

static void
hand_out (DnRequest *request)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS);
  DnPassportLoan *loan;

  if (!_dn_server_check_fields (request->msg, request->body, hand_out_fields) || !check_keeper (request))
    return;
  loan = dn_passport_loan_new ();
  write->record = G_OBJECT (loan);
  loan->delegation_id = request->id;
  loan->handed_out_on = body_date (request->body, "handed_out_on");
  _dn_server_set_text (&loan->handed_by, _dn_server_body_string (request->body, "handed_by", ""));
  write->confirmed = json_object_get_boolean_member_with_default (json_node_get_object (request->body), "confirmed",
                                                                  FALSE);
  if (make (request, write))
    reply_loans (request, SOUP_STATUS_CREATED);
}

static void
take_back (DnRequest *request)
{
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS);
  DnPassportLoan *loan;

  if (!_dn_server_check_fields (request->msg, request->body, return_fields) || !check_keeper (request))
    return;
  loan = dn_passport_loan_new ();
  write->record = G_OBJECT (loan);
  loan->delegation_id = request->id;
  loan->returned_on = body_date (request->body, "returned_on");
  _dn_server_set_text (&loan->received_by, _dn_server_body_string (request->body, "received_by", ""));
  _dn_server_set_text (&loan->exemption_reason, _dn_server_body_string (request->body, "exemption_reason", ""));
  _dn_server_set_text (&loan->excused_by, _dn_server_body_string (request->body, "excused_by", ""));
  if (make (request, write))
    reply_loans (request, SOUP_STATUS_OK);
}

static const DnRoute routes[] = {
  { "POST", "/delegations/{id}/status", TRUE, DN_ROUTE_JSON, 0, move },
  { "POST", "/delegations/{id}/passports", TRUE, DN_ROUTE_JSON, 0, hand_out },
  { "POST", "/delegations/{id}/passports/return", TRUE, DN_ROUTE_JSON, 0, take_back },
};
const DnRouteTable dn_server_delegation_step_routes = DN_ROUTE_TABLE (routes);
