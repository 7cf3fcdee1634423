/* dn-store-reminders.c: reminders (đôn đốc) and per-unit figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-private.h"

gboolean
dn_store_add_reminder (DnStore     *self,
                       DnReminder  *reminder,
                       GError     **error)
{
  gint64 assigned = 0;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_REMINDER (reminder), FALSE);

  if (!_dn_normalize_field (&reminder->note, "reminder", "note", _("reminder note"), FALSE, error))
    return FALSE;
  if ((guint) reminder->kind >= DN_REMINDER_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown kind of reminder."));
      return FALSE;
    }
  if (!g_date_valid (&reminder->sent_on))
    dn_date_today (&reminder->sent_on);
  if (!dn_store_begin (self, error))
    return FALSE;
  if (!_dn_store_read_int (self,
                           "SELECT 1 FROM assignment a JOIN task t ON t.id = a.task_id "
                           "WHERE a.task_id = ? AND a.unit_id = ? AND t.deleted = 0",
                           &assigned, error, DN_INT (reminder->task_id), DN_INT (reminder->unit_id), DN_END))
    return _dn_store_finish (self, FALSE, error);
  if (!assigned)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("A reminder goes to a unit assigned to the task."));
      return _dn_store_finish (self, FALSE, error);
    }
  return _dn_store_finish (self,
                           _dn_store_save (self,
                                           "INSERT INTO reminder (id, task_id, unit_id, kind, sent_on, note, sent_by) "
                                           "VALUES (?, ?, ?, ?, ?, ?, dn_actor())",
                                           &reminder->id, TRUE, NULL, error,
                                           DN_INT (reminder->task_id), DN_INT (reminder->unit_id),
                                           DN_TEXT (dn_reminder_kind_to_string (reminder->kind)),
                                           DN_DATE (&reminder->sent_on), DN_TEXT (reminder->note), DN_END),
                           error);
}

static DnReminder *
reminder_from_row (sqlite3_stmt *stmt)
{
  DnReminder *r = dn_reminder_new ();

  r->id = sqlite3_column_int64 (stmt, 0);
  r->task_id = sqlite3_column_int64 (stmt, 1);
  r->unit_id = sqlite3_column_int64 (stmt, 2);
  dn_reminder_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &r->kind);
  _dn_column_date (stmt, 4, &r->sent_on);
  _dn_column_take_text (stmt, 5, &r->note);
  _dn_column_take_text (stmt, 6, &r->sent_by);
  _dn_column_take_text (stmt, 7, &r->unit_code);
  _dn_column_take_text (stmt, 8, &r->unit_name);
  return r;
}

GPtrArray *
dn_store_list_reminders (DnStore  *self,
                         gint64    task_id,
                         GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT r.id, r.task_id, r.unit_id, r.kind, r.sent_on, r.note, r.sent_by, u.code, u.name "
                             "FROM reminder r JOIN unit u ON u.id = r.unit_id WHERE r.task_id = ? ORDER BY r.sent_on, r.id",
                             (DnRowFunc) reminder_from_row, error, DN_INT (task_id), DN_END);
}

static DnUnitStat *
unit_stat_from_row (sqlite3_stmt *stmt)
{
  DnUnitStat *s = dn_unit_stat_new ();

  s->unit_id = sqlite3_column_int64 (stmt, 0);
  _dn_column_take_text (stmt, 1, &s->unit_code);
  _dn_column_take_text (stmt, 2, &s->unit_name);
  s->n_tasks = (guint) sqlite3_column_int (stmt, 3);
  s->n_done = (guint) sqlite3_column_int (stmt, 4);
  s->n_overdue = (guint) sqlite3_column_int (stmt, 5);
  for (int k = 0; k < DN_REMINDER_N; k++)
    s->n_reminders[k] = (guint) sqlite3_column_int (stmt, 6 + k);
  return s;
}

GPtrArray *
dn_store_list_unit_stats (DnStore      *self,
                          const GDate  *from,
                          const GDate  *to,
                          GError      **error)
{
  GDate today;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  dn_date_today (&today);
  return _dn_store_read_all (self,
                             "WITH due AS ("
                             "  SELECT a.unit_id, count(*) AS n, sum(t.status = 'done') AS done, "
                             "         sum(t.status IN ('open','in_progress') AND t.due_date < ?3) AS late "
                             "  FROM task t JOIN assignment a ON a.task_id = t.id AND a.role = 'lead' "
                             "  WHERE t.deleted = 0 AND t.status <> 'cancelled' AND t.due_date BETWEEN ?1 AND ?2 "
                             "  GROUP BY a.unit_id), "
                             "rem AS (SELECT unit_id, sum(kind = 'notice') AS notice, sum(kind = 'criticism') AS criticism, "
                             "        sum(kind = 'review') AS review FROM reminder GROUP BY unit_id) "
                             "SELECT u.id, u.code, u.name, coalesce(due.n, 0), coalesce(due.done, 0), coalesce(due.late, 0), "
                             "       coalesce(rem.notice, 0), coalesce(rem.criticism, 0), coalesce(rem.review, 0) "
                             "FROM unit u LEFT JOIN due ON due.unit_id = u.id LEFT JOIN rem ON rem.unit_id = u.id "
                             "WHERE due.unit_id IS NOT NULL OR rem.unit_id IS NOT NULL ORDER BY u.name_key",
                             (DnRowFunc) unit_stat_from_row, error, DN_DATE (from), DN_DATE (to), DN_DATE (&today),
                             DN_END);
}
