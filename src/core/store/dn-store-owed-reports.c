/* dn-store-owed-reports.c: the periodic reports the units owe, and those
 * received
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-store-private.h"

void
dn_owed_query_init (DnOwedQuery *query)
{
  g_return_if_fail (query != NULL);
  memset (query, 0, sizeof *query);
  query->kind = -1;
  g_date_clear (&query->due_from, 1);
  g_date_clear (&query->due_to, 1);
}

/* The unit's reports (with its sub-units' when ?2), or every unit's when
 * ?1 is NULL; due in [?3, ?4] (NULL: open) */
static const char owed_sql[] =
  "WITH RECURSIVE scope(id) AS (SELECT ?1 UNION SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id "
  "  WHERE ?2) "
  "SELECT t.id, a.unit_id, t.title, t.recurrence, coalesce (t.due_date, a.due_date), "
  "       coalesce (a.due_date, t.due_date) AS due, u.code, u.name, "
  "       coalesce (r.id, 0), r.received_on, coalesce (r.document_id, 0), coalesce (r.note, '') "
  "FROM task t JOIN assignment a ON a.task_id = t.id JOIN unit u ON u.id = a.unit_id "
  "LEFT JOIN report_receipt r ON r.task_id = t.id AND r.unit_id = a.unit_id "
  "WHERE t.deleted = 0 AND t.recurrence <> 'none' AND t.status <> 'cancelled' AND a.status <> 'cancelled' "
  "  AND coalesce (a.due_date, t.due_date) IS NOT NULL "
  "  AND (?1 IS NULL OR a.unit_id IN (SELECT id FROM scope)) "
  "  AND (?3 IS NULL OR coalesce (a.due_date, t.due_date) >= ?3) "
  "  AND (?4 IS NULL OR coalesce (a.due_date, t.due_date) <= ?4) "
  "ORDER BY due, u.name_key, u.id, t.id";

static DnOwedState
state_on (DnOwedReport *owed,
          const GDate  *today)
{
  if (g_date_valid (&owed->received_on))
    return g_date_compare (&owed->received_on, &owed->due_date) <= 0 ? DN_OWED_RECEIVED : DN_OWED_RECEIVED_LATE;
  return g_date_compare (today, &owed->due_date) > 0 ? DN_OWED_LATE : DN_OWED_PENDING;
}

static gboolean
selected (const DnOwedQuery *query,
          DnOwedReport      *owed)
{
  if (query->kind >= 0 && (int) owed->kind != query->kind)
    return FALSE;
  if (query->period != NULL && query->period[0] != '\0' && g_strcmp0 (query->period, owed->period) != 0)
    return FALSE;
  if (query->outstanding && !dn_owed_report_is_outstanding (owed))
    return FALSE;
  if (query->late && owed->state != DN_OWED_LATE && owed->state != DN_OWED_RECEIVED_LATE)
    return FALSE;
  return TRUE;
}

GPtrArray *
dn_store_list_owed_reports (DnStore            *self,
                            const DnOwedQuery  *query,
                            const GDate        *today,
                            GError            **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  DnOwedQuery all;
  GDate day;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (query == NULL)
    {
      dn_owed_query_init (&all);
      query = &all;
    }
  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    dn_date_today (&day);
  stmt = _dn_store_prepare_with (self, owed_sql, error, DN_ID (query->unit_id),
                                 DN_INT (query->with_sub_units ? 1 : 0), DN_DATE (&query->due_from),
                                 DN_DATE (&query->due_to), DN_END);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DnOwedReport) owed = dn_owed_report_new ();
      g_autofree char *recurrence = _dn_column_text (stmt, 3);
      DnReportPeriod period;
      GDate occurrence;

      owed->task_id = sqlite3_column_int64 (stmt, 0);
      owed->unit_id = sqlite3_column_int64 (stmt, 1);
      _dn_column_take_text (stmt, 2, &owed->task_title);
      if (!dn_report_title_asks_for_report (owed->task_title) ||
          !dn_recurrence_from_string (recurrence, &owed->recurrence))
        continue;
      _dn_column_date (stmt, 4, &occurrence);
      if (!dn_report_period_for_occurrence (owed->recurrence, owed->task_title, &occurrence, &period))
        continue;
      owed->kind = period.kind;
      g_free (owed->period);
      owed->period = dn_report_period_to_string (&period);
      g_free (owed->period_label);
      owed->period_label = dn_report_period_describe (&period);
      _dn_column_date (stmt, 5, &owed->due_date);
      _dn_column_take_text (stmt, 6, &owed->unit_code);
      _dn_column_take_text (stmt, 7, &owed->unit_name);
      owed->id = sqlite3_column_int64 (stmt, 8);
      _dn_column_date (stmt, 9, &owed->received_on);
      owed->document_id = sqlite3_column_int64 (stmt, 10);
      _dn_column_take_text (stmt, 11, &owed->note);
      owed->state = state_on (owed, &day);
      if (selected (query, owed))
        g_ptr_array_add (list, g_steal_pointer (&owed));
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gint64
dn_store_find_report_occurrence (DnStore     *self,
                                 gint64       task_id,
                                 int          kind,
                                 const char  *period,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), 0);
  g_return_val_if_fail (period != NULL, 0);

  /* the chain: back to its first occurrence, then every one after it */
  stmt = _dn_store_prepare_with (self,
                                 "WITH RECURSIVE back(id, prev) AS (SELECT id, previous_id FROM task WHERE id = ?1 "
                                 "  UNION SELECT t.id, t.previous_id FROM task t JOIN back b ON t.id = b.prev), "
                                 "chain(id) AS (SELECT id FROM back UNION "
                                 "  SELECT t.id FROM task t JOIN chain c ON t.previous_id = c.id) "
                                 "SELECT t.id, t.title, t.recurrence, t.due_date FROM task t "
                                 "WHERE t.id IN (SELECT id FROM chain) AND t.deleted = 0 ORDER BY t.due_date, t.id",
                                 error, DN_INT (task_id), DN_END);
  if (stmt == NULL)
    return 0;
  while (found == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *title = _dn_column_text (stmt, 1);
      g_autofree char *recurrence_text = _dn_column_text (stmt, 2);
      g_autofree char *text = NULL;
      DnRecurrence recurrence;
      DnReportPeriod covered;
      GDate due;

      _dn_column_date (stmt, 3, &due);
      if (!dn_recurrence_from_string (recurrence_text, &recurrence) ||
          !dn_report_period_for_occurrence (recurrence, title, &due, &covered) ||
          (kind >= 0 && (int) covered.kind != kind))
        continue;
      text = dn_report_period_to_string (&covered);
      if (g_str_equal (text, period))
        found = sqlite3_column_int64 (stmt, 0);
    }
  if (found == 0 && !_dn_store_check_step (self, rc, error))
    {
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  if (found == 0)
    _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("Task #%lld has no occurrence whose report covers %s."),
                (long long) task_id, period);
  return found;
}

/* The file starts as a PDF does ("%PDF-"). */
static gboolean
check_pdf (GFile   *file,
           GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  char head[5] = { 0 };
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, error))
    return FALSE;
  if (n < sizeof head || memcmp (head, "%PDF-", sizeof head) != 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("“%s” is not a PDF file."), name);
    }
  return TRUE;
}

/* The occurrence and the unit of @receipt: the report it owes, its kind
 * and period set in @receipt; *@unit_name and *@label for the document. */
static gboolean
read_owed (DnStore       *self,
           DnOwedReport  *receipt,
           char         **unit_name,
           char         **label,
           GError       **error)
{
  g_autofree char *title = NULL;
  g_autofree char *recurrence_text = NULL;
  DnRecurrence recurrence = DN_RECURRENCE_NONE;
  DnReportPeriod period;
  GDate due;
  sqlite3_stmt *stmt;
  int rc;

  g_date_clear (&due, 1);
  stmt = _dn_store_prepare_with (self,
                                 "SELECT t.title, t.recurrence, coalesce (t.due_date, a.due_date), "
                                 "       (SELECT name FROM unit WHERE id = ?2), a.id IS NOT NULL "
                                 "FROM task t LEFT JOIN assignment a ON a.task_id = t.id AND a.unit_id = ?2 "
                                 "WHERE t.id = ?1 AND t.deleted = 0",
                                 error, DN_INT (receipt->task_id), DN_INT (receipt->unit_id), DN_END);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      title = _dn_column_text (stmt, 0);
      recurrence_text = _dn_column_text (stmt, 1);
      _dn_column_date (stmt, 2, &due);
      *unit_name = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL : _dn_column_text (stmt, 3);
      if (sqlite3_column_int (stmt, 4) == 0)
        g_date_clear (&due, 1);  /* not assigned: said below */
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return FALSE;
  if (rc != SQLITE_ROW)
    return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("Task #%lld does not exist."),
                       (long long) receipt->task_id);
  if (*unit_name == NULL)
    return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("Unit #%lld does not exist."),
                       (long long) receipt->unit_id);
  dn_recurrence_from_string (recurrence_text, &recurrence);
  if (recurrence == DN_RECURRENCE_NONE || !dn_report_title_asks_for_report (title))
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Task #%lld does not ask the units for a periodic report."),
                       (long long) receipt->task_id);
  if (!g_date_valid (&due))
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("%s is not assigned to task #%lld."), *unit_name,
                       (long long) receipt->task_id);
  dn_report_period_for_occurrence (recurrence, title, &due, &period);
  receipt->kind = period.kind;
  g_free (receipt->period);
  receipt->period = dn_report_period_to_string (&period);
  *label = dn_report_period_describe (&period);
  return TRUE;
}

/* An incoming document for the report: type report, issued by the unit,
 * arrived the day it was received, numbered in the register. */
static gint64
register_document (DnStore       *self,
                   DnOwedReport  *receipt,
                   const char    *unit_name,
                   const char    *label,
                   GError       **error)
{
  g_autoptr(DnDocument) doc = dn_document_new ();

  doc->direction = DN_DIRECTION_INCOMING;
  doc->type = DN_DOCUMENT_TYPE_REPORT;
  _dn_set_text (&doc->issuer, unit_name);
  /* the register's words: Vietnamese whatever the interface language */
  g_free (doc->subject);
  doc->subject = g_strdup_printf ("Báo cáo %s", label);
  doc->arrival_date = receipt->received_on;
  if (!dn_store_register_document (self, doc, TRUE, error))
    return 0;
  return doc->id;
}

/* The file the store keeps as @id is a PDF */
static gboolean
check_kept_pdf (DnStore  *self,
                gint64    id,
                GError  **error)
{
  g_autoptr(DnAttachment) attachment = dn_store_get_attachment (self, id, error);

  if (attachment == NULL)
    return FALSE;
  if (g_strcmp0 (attachment->mime_type, "application/pdf") != 0)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("“%s” is not a PDF file."), attachment->file_name);
  return TRUE;
}

/* With @pdf, or the file kept as @kept (0: none) */
static gboolean
record_received (DnStore       *self,
                 DnOwedReport  *receipt,
                 GFile         *pdf,
                 gint64         kept,
                 GError       **error)
{
  g_autofree char *unit_name = NULL;
  g_autofree char *label = NULL;
  gint64 existing = 0;
  gboolean with_file = pdf != NULL || kept > 0;
  gboolean ok;

  if (!g_date_valid (&receipt->received_on))
    dn_date_today (&receipt->received_on);
  if (!_dn_check_date (&receipt->received_on, TRUE, error, _("The day the report came must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR) ||
      !_dn_normalize_field (&receipt->note, "report_receipt", "note", _("note"), FALSE, error) ||
      (pdf != NULL && !check_pdf (pdf, error)))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  if (kept > 0 && !check_kept_pdf (self, kept, error))
    return _dn_store_finish (self, FALSE, error);
  ok = read_owed (self, receipt, &unit_name, &label, error) &&
       _dn_store_read_int (self, "SELECT id FROM report_receipt WHERE task_id = ? AND unit_id = ?", &existing, error,
                           DN_INT (receipt->task_id), DN_INT (receipt->unit_id), DN_END);
  if (ok && existing != 0)
    ok = _dn_refuse (error, DN_STORE_ERROR_DUPLICATE, _("The report of %s for %s is already recorded (#%lld)."),
                     unit_name, label, (long long) existing);
  if (ok && receipt->document_id > 0)
    {
      g_autoptr(DnDocument) doc = dn_store_get_document (self, receipt->document_id, error);

      ok = doc != NULL;
    }
  else if (ok && with_file)
    {
      receipt->document_id = register_document (self, receipt, unit_name, label, error);
      ok = receipt->document_id != 0;
    }
  if (ok && pdf != NULL)
    {
      g_autoptr(DnAttachment) attachment = dn_store_attach_file (self, DN_RECORD_DOCUMENT, receipt->document_id,
                                                                 pdf, NULL, error);

      ok = attachment != NULL;
    }
  else if (ok && kept > 0)
    ok = dn_store_attach (self, DN_RECORD_DOCUMENT, receipt->document_id, kept, NULL, error);
  ok = ok && _dn_store_save (self,
                             "INSERT INTO report_receipt (id, task_id, unit_id, kind, period, received_on, "
                             "document_id, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, dn_actor())",
                             &receipt->id, TRUE, NULL, error, DN_INT (receipt->task_id), DN_INT (receipt->unit_id),
                             DN_TEXT (dn_report_kind_to_string (receipt->kind)), DN_TEXT (receipt->period),
                             DN_DATE (&receipt->received_on), DN_ID (receipt->document_id), DN_TEXT (receipt->note),
                             DN_END);
  if (!_dn_store_finish (self, ok, error))
    {
      receipt->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_record_report_received (DnStore       *self,
                                 DnOwedReport  *receipt,
                                 GFile         *pdf,
                                 GError       **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_OWED_REPORT (receipt), FALSE);
  g_return_val_if_fail (pdf == NULL || G_IS_FILE (pdf), FALSE);

  return record_received (self, receipt, pdf, 0, error);
}

gboolean
dn_store_record_report_received_kept (DnStore       *self,
                                      DnOwedReport  *receipt,
                                      gint64         attachment_id,
                                      GError       **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_OWED_REPORT (receipt), FALSE);
  g_return_val_if_fail (attachment_id >= 0, FALSE);

  return record_received (self, receipt, NULL, attachment_id, error);
}

gboolean
dn_store_remind_owed_reports (DnStore         *self,
                              GPtrArray       *owed,
                              DnReminderKind   kind,
                              guint           *n_sent,
                              GError         **error)
{
  GDate today;
  guint sent = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (owed != NULL, FALSE);

  if ((guint) kind >= DN_REMINDER_N)
    return _dn_invalid (error, _("Unknown kind of reminder."));
  dn_date_today (&today);
  if (!dn_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < owed->len; i++)
    {
      DnOwedReport *report = owed->pdata[i];
      g_autoptr(DnReminder) reminder = NULL;
      g_autofree char *due = NULL;
      gint64 again = 0, received = 0;

      ok = _dn_store_read_int (self,
                               "SELECT 1 FROM reminder WHERE task_id = ? AND unit_id = ? AND kind = ? AND sent_on = ?",
                               &again, error, DN_INT (report->task_id), DN_INT (report->unit_id),
                               DN_TEXT (dn_reminder_kind_to_string (kind)), DN_DATE (&today), DN_END) &&
           _dn_store_read_int (self, "SELECT 1 FROM report_receipt WHERE task_id = ? AND unit_id = ?", &received,
                               error, DN_INT (report->task_id), DN_INT (report->unit_id), DN_END);
      if (!ok || again || received)
        continue;
      reminder = dn_reminder_new ();
      reminder->task_id = report->task_id;
      reminder->unit_id = report->unit_id;
      reminder->kind = kind;
      reminder->sent_on = today;
      due = _dn_format_date (&report->due_date);
      /* what the unit reads: Vietnamese whatever the interface language */
      g_free (reminder->note);
      reminder->note = g_strdup_printf ("Đề nghị gửi báo cáo %s (hạn %s).", report->period_label, due);
      ok = dn_store_add_reminder (self, reminder, error);
      sent += ok;
    }
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  if (n_sent != NULL)
    *n_sent = sent;
  return TRUE;
}
