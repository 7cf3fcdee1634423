/* dn-server-reports.c: a report issued into the outgoing register
 *
 *   POST /reports/{id}/issue  {"revision", "number", "subject",
 *                             "report_date"?, "attachment_id"} → 200 the
 *                             report, its "document_id" the register's
 *                             new entry
 *
 * The report, kept and dated (its date is the document's), is entered in
 * the outgoing register as a "báo cáo" numbered "number" (the number its
 * PDF was written with), about "subject", with the PDF uploaded before
 * (POST /attachments) attached: dn_store_issue_report(), in one
 * transaction. A number given to another document meanwhile answers 409
 * "duplicate" and nothing is written: the desktop builds the report again
 * with the next one. The outgoing register is the department's: a unit
 * officer keeps its units' reports (dn-server-record-writes.c) and sends
 * them, but does not number them in it (403).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"
#include "dn-store-reports.h"

static const DnField issue_fields[] = {
  { "revision", DN_FIELD_INT, TRUE, FALSE },
  { "number", DN_FIELD_INT, TRUE, FALSE },
  { "subject", DN_FIELD_STRING, TRUE, FALSE },
  { "report_date", DN_FIELD_DATE, FALSE, TRUE },
  { "attachment_id", DN_FIELD_INT, TRUE, FALSE },
  { NULL }
};

static void
issue (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(DnReport) report = NULL;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GFile) pdf = NULL;
  const char *date;
  gint64 number;

  if (!_dn_server_check_fields (request->msg, request->body, issue_fields))
    return;
  if ((seen = _dn_server_read_served (store, request->account, &dn_served_report, request->id, &error)) == NULL ||
      (report = dn_store_get_report (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, TRUE))
    return;
  number = json_object_get_int_member (body, "number");
  if (number <= 0 || number > G_MAXINT)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                             _("The report's number in the register is not valid."));
      return;
    }
  attachment = dn_store_get_attachment (store, json_object_get_int_member (body, "attachment_id"), NULL);
  if (attachment == NULL)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                             _("The report's PDF was not received: send it again."));
      return;
    }
  pdf = dn_store_get_attachment_file (store, attachment);
  date = json_object_get_string_member_with_default (body, "report_date", NULL);
  if (date != NULL)
    dn_date_parse_iso (date, &report->report_date);
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_revision (request, "report", request->id))
    {
      dn_store_rollback (store);
      return;
    }
  if (!dn_store_issue_report (store, report, (int) number, json_object_get_string_member (body, "subject"), pdf, NULL,
                              &error) ||
      !dn_store_commit (store, &error))
    {
      dn_store_rollback (store);
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "report", request->id, SOUP_STATUS_OK);
}

static const DnRoute routes[] = {
  { "POST", "/reports/{id}/issue", TRUE, DN_ROUTE_JSON, 0, issue },
};
const DnRouteTable dn_server_report_routes = DN_ROUTE_TABLE (routes);
