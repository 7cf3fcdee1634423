/* dn-store-reports.c: the reports kept, and each unit's report header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-documents.h"
#include "dn-store-private.h"
#include "dn-store-reports.h"
#include "dn-store-settings.h"
#include "dn-store-units.h"

#define REPORT_COLUMNS \
  "r.id, r.kind, r.period, r.unit_id, u.name, r.with_sub_units, r.assessment, r.difficulties, r.directions, " \
  "r.proposals, r.parent_body, r.issuing_body, r.symbol, r.place, r.report_date, r.recipients, r.sign, " \
  "r.head_title, r.signer_title, r.signer_name, coalesce (r.document_id, 0)"
#define REPORT_FROM " FROM report r JOIN unit u ON u.id = r.unit_id "

static const DnRow report_row = {
  dn_report_get_type,
  { DN_COLUMN (INT64, DnReport, id), DN_ENUM_COLUMN (DnReport, kind, dn_report_kind_from_string),
    DN_COLUMN (TEXT, DnReport, period), DN_COLUMN (INT64, DnReport, unit_id), DN_COLUMN (TEXT, DnReport, unit_name),
    DN_COLUMN (BOOL, DnReport, with_sub_units), DN_COLUMN (TEXT, DnReport, assessment),
    DN_COLUMN (TEXT, DnReport, difficulties), DN_COLUMN (TEXT, DnReport, directions),
    DN_COLUMN (TEXT, DnReport, proposals), DN_COLUMN (TEXT, DnReport, parent_body),
    DN_COLUMN (TEXT, DnReport, issuing_body), DN_COLUMN (TEXT, DnReport, symbol), DN_COLUMN (TEXT, DnReport, place),
    DN_COLUMN (DATE, DnReport, report_date), DN_COLUMN (TEXT, DnReport, recipients),
    DN_ENUM_COLUMN (DnReport, sign, dn_sign_kind_from_string), DN_COLUMN (TEXT, DnReport, head_title),
    DN_COLUMN (TEXT, DnReport, signer_title), DN_COLUMN (TEXT, DnReport, signer_name),
    DN_COLUMN (INT64, DnReport, document_id) },
};

/* The header's columns, in the order of report_row from parent_body on */
static const DnRow header_row = {
  dn_report_get_type,
  { DN_COLUMN (TEXT, DnReport, parent_body), DN_COLUMN (TEXT, DnReport, issuing_body),
    DN_COLUMN (TEXT, DnReport, symbol), DN_COLUMN (TEXT, DnReport, place), DN_COLUMN (TEXT, DnReport, recipients),
    DN_ENUM_COLUMN (DnReport, sign, dn_sign_kind_from_string), DN_COLUMN (TEXT, DnReport, head_title),
    DN_COLUMN (TEXT, DnReport, signer_title), DN_COLUMN (TEXT, DnReport, signer_name) },
};

static gboolean
validate_report (DnStore   *self,
                 DnReport  *report,
                 GError   **error)
{
  static const struct
  {
    gsize       offset;
    const char *column;
    const char *label;
  } texts[] = {
    { G_STRUCT_OFFSET (DnReport, assessment), "assessment", N_("general assessment") },
    { G_STRUCT_OFFSET (DnReport, difficulties), "difficulties", N_("difficulties") },
    { G_STRUCT_OFFSET (DnReport, directions), "directions", N_("directions for the next period") },
    { G_STRUCT_OFFSET (DnReport, proposals), "proposals", N_("proposals") },
    { G_STRUCT_OFFSET (DnReport, parent_body), "parent_body", N_("parent body") },
    { G_STRUCT_OFFSET (DnReport, issuing_body), "issuing_body", N_("issuing body") },
    { G_STRUCT_OFFSET (DnReport, symbol), "symbol", N_("symbol") },
    { G_STRUCT_OFFSET (DnReport, place), "place", N_("place") },
    { G_STRUCT_OFFSET (DnReport, recipients), "recipients", N_("recipients") },
    { G_STRUCT_OFFSET (DnReport, head_title), "head_title", N_("title of the head") },
    { G_STRUCT_OFFSET (DnReport, signer_title), "signer_title", N_("title of the signer") },
    { G_STRUCT_OFFSET (DnReport, signer_name), "signer_name", N_("name of the signer") },
  };
  DnReportPeriod period;
  g_autoptr(DnUnit) unit = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!_dn_normalize_field (G_STRUCT_MEMBER_P (report, texts[i].offset), "report", texts[i].column,
                              _(texts[i].label), FALSE, error))
      return FALSE;
  if ((guint) report->sign >= DN_SIGN_N)
    return _dn_invalid (error, _("Unknown way of signing."));
  if (!dn_report_get_period (report, &period, error))
    {
      g_prefix_error (error, "%s ", _("The report's period is not valid:"));
      (*error)->domain = DN_STORE_ERROR;
      (*error)->code = DN_STORE_ERROR_INVALID;
      return FALSE;
    }
  /* the period in its one written form */
  g_free (report->period);
  report->period = dn_report_period_to_string (&period);
  if (!_dn_check_date (&report->report_date, FALSE, error, _("The report's date is not valid.")))
    return FALSE;
  unit = dn_store_get_unit (self, report->unit_id, error);
  return unit != NULL;
}

static gboolean
save_header (DnStore   *self,
             DnReport  *report,
             GError   **error)
{
  return _dn_store_write (self,
                          "INSERT INTO report_header (unit_id, parent_body, issuing_body, symbol, place, recipients, "
                          "sign, head_title, signer_title, signer_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                          "ON CONFLICT (unit_id) DO UPDATE SET parent_body = ?2, issuing_body = ?3, symbol = ?4, "
                          "place = ?5, recipients = ?6, sign = ?7, head_title = ?8, signer_title = ?9, signer_name = ?10",
                          error, DN_INT (report->unit_id), DN_TEXT (report->parent_body),
                          DN_TEXT (report->issuing_body), DN_TEXT (report->symbol), DN_TEXT (report->place),
                          DN_TEXT (report->recipients), DN_TEXT (dn_sign_kind_to_string (report->sign)),
                          DN_TEXT (report->head_title), DN_TEXT (report->signer_title),
                          DN_TEXT (report->signer_name), DN_END);
}

static gboolean
save_report (DnStore   *self,
             DnReport  *report,
             gboolean   is_new,
             GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_REPORT (report), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = validate_report (self, report, error) &&
       _dn_store_save (self,
                       is_new
                       ? "INSERT INTO report (id, kind, period, unit_id, with_sub_units, assessment, difficulties, "
                         "directions, proposals, parent_body, issuing_body, symbol, place, report_date, recipients, "
                         "sign, head_title, signer_title, signer_name, document_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                         "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
                       : "UPDATE report SET kind = ?2, period = ?3, unit_id = ?4, with_sub_units = ?5, "
                         "assessment = ?6, difficulties = ?7, directions = ?8, proposals = ?9, parent_body = ?10, "
                         "issuing_body = ?11, symbol = ?12, place = ?13, report_date = ?14, recipients = ?15, "
                         "sign = ?16, head_title = ?17, signer_title = ?18, signer_name = ?19, document_id = ?20, "
                         "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                       &report->id, is_new, _("The report no longer exists."), error,
                       DN_TEXT (dn_report_kind_to_string (report->kind)), DN_TEXT (report->period),
                       DN_ID (report->unit_id), DN_INT (report->with_sub_units ? 1 : 0),
                       DN_TEXT (report->assessment), DN_TEXT (report->difficulties), DN_TEXT (report->directions),
                       DN_TEXT (report->proposals), DN_TEXT (report->parent_body), DN_TEXT (report->issuing_body),
                       DN_TEXT (report->symbol), DN_TEXT (report->place), DN_DATE (&report->report_date),
                       DN_TEXT (report->recipients), DN_TEXT (dn_sign_kind_to_string (report->sign)),
                       DN_TEXT (report->head_title), DN_TEXT (report->signer_title), DN_TEXT (report->signer_name),
                       DN_ID (report->document_id), DN_END) &&
       save_header (self, report, error);
  return _dn_store_finish (self, ok, error);
}

_DN_STORE_DEFINE_ADD_UPDATE (DnReport, report)
_DN_STORE_DEFINE_DELETE (report, "report")
_DN_STORE_DEFINE_GET (DnReport, report, "SELECT " REPORT_COLUMNS REPORT_FROM "WHERE r.id = ?", &report_row,
                      _("Report #%lld does not exist."))

GPtrArray *
dn_store_list_reports (DnStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self, "SELECT " REPORT_COLUMNS REPORT_FROM "ORDER BY r.updated_at DESC, r.id DESC",
                             &report_row, error, DN_END);
}

gboolean
dn_store_fill_report_header (DnStore   *self,
                             DnReport  *report,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_REPORT (report), FALSE);

  stmt = _dn_store_prepare_with (self,
                                 "SELECT parent_body, issuing_body, symbol, place, recipients, sign, head_title, "
                                 "signer_title, signer_name FROM report_header WHERE unit_id = ?",
                                 error, DN_INT (report->unit_id), DN_END);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _dn_row_fill (&header_row, stmt, report);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && !_dn_store_check_step (self, rc, error))
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      /* never reported: what the register knows */
      g_autoptr(DnUnit) unit = dn_store_get_unit (self, report->unit_id, error);
      g_autofree char *abbreviation = NULL;

      if (unit == NULL)
        return FALSE;
      g_free (report->issuing_body);
      report->issuing_body = g_utf8_strup (unit->name, -1);
      abbreviation = dn_store_get_agency_abbreviation (self);
      g_free (report->symbol);
      report->symbol = abbreviation[0] != '\0' ? g_strconcat ("BC-", abbreviation, NULL) : g_strdup ("BC");
    }
  return TRUE;
}

static int
report_year (DnReport *report)
{
  GDate today;

  if (g_date_valid (&report->report_date))
    return g_date_get_year (&report->report_date);
  dn_date_today (&today);
  return g_date_get_year (&today);
}

int
dn_store_next_report_number (DnStore   *self,
                             DnReport  *report,
                             GError   **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), 0);
  g_return_val_if_fail (DN_IS_REPORT (report), 0);
  return dn_store_next_document_number (self, DN_DIRECTION_OUTGOING, report_year (report), FALSE, error);
}

gboolean
dn_store_issue_report (DnStore     *self,
                       DnReport    *report,
                       int          number,
                       const char  *subject,
                       GFile       *pdf,
                       const char  *file_name,
                       GError     **error)
{
  g_autoptr(DnDocument) document = dn_document_new ();
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 earlier;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (pdf), FALSE);

  if (report->id == 0)
    return _dn_invalid (error, _("Save the report before issuing it."));
  if (!g_date_valid (&report->report_date))
    return _dn_invalid (error, _("Date the report before issuing it: its date is the document's."));
  if (number <= 0)
    return _dn_invalid (error, _("The report's number in the register is not valid."));

  document->direction = DN_DIRECTION_OUTGOING;
  document->type = DN_DOCUMENT_TYPE_REPORT;
  g_free (document->number);
  document->number = dn_document_format_number (number);
  g_free (document->symbol);
  document->symbol = g_strdup (report->symbol);
  document->issue_date = report->report_date;
  g_free (document->issuer);
  document->issuer = g_strdup (report->issuing_body);
  g_free (document->subject);
  document->subject = g_strdup (subject != NULL ? subject : "");
  g_free (document->signer);
  document->signer = g_strdup (report->signer_name);
  g_free (document->recipients);
  document->recipients = g_strdup (report->recipients);

  earlier = report->document_id;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = dn_store_register_document (self, document, FALSE, &local_error);
  if (!ok && g_error_matches (local_error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    {
      /* the number was given to another document since the PDF was written */
      g_clear_error (&local_error);
      g_set_error (&local_error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                   _("Number %s/%s is already in the outgoing register: build the report again to give it the next "
                     "number."),
                   document->number, document->symbol);
    }
  if (ok)
    {
      /* "05-BC-SGDĐT.pdf": the reference, as a file may be named */
      g_autofree char *reference = g_strconcat (document->number, "-", document->symbol, ".pdf", NULL);

      g_strdelimit (reference, "/\\:", '-');
      ok = (attachment = dn_store_add_attachment (self, pdf, NULL, &local_error)) != NULL &&
           dn_store_attach_to_document (self, document->id, attachment->id,
                                        file_name != NULL ? file_name : reference, &local_error);
    }
  if (ok)
    {
      report->document_id = document->id;
      ok = dn_store_update_report (self, report, &local_error);
    }
  if (!ok)
    report->document_id = earlier;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return _dn_store_finish (self, ok, error);
}
