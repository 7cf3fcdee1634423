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

static const DnRow reminder_row = {
  dn_reminder_get_type,
  { DN_COLUMN (INT64, DnReminder, id), DN_COLUMN (INT64, DnReminder, task_id), DN_COLUMN (INT64, DnReminder, unit_id),
    DN_ENUM_COLUMN (DnReminder, kind, dn_reminder_kind_from_string), DN_COLUMN (DATE, DnReminder, sent_on),
    DN_COLUMN (TEXT, DnReminder, note), DN_COLUMN (TEXT, DnReminder, sent_by), DN_COLUMN (TEXT, DnReminder, unit_code),
    DN_COLUMN (TEXT, DnReminder, unit_name) },
};

_DN_STORE_DEFINE_LIST_BY (reminders, task_id,
                          "SELECT r.id, r.task_id, r.unit_id, r.kind, r.sent_on, r.note, r.sent_by, u.code, u.name "
                          "FROM reminder r JOIN unit u ON u.id = r.unit_id WHERE r.task_id = ? ORDER BY r.sent_on, r.id",
                          &reminder_row)

G_STATIC_ASSERT (DN_REMINDER_N == 3);

static const DnRow unit_stat_row = {
  dn_unit_stat_get_type,
  { DN_COLUMN (INT64, DnUnitStat, unit_id), DN_COLUMN (TEXT, DnUnitStat, unit_code),
    DN_COLUMN (TEXT, DnUnitStat, unit_name), DN_COLUMN (INT, DnUnitStat, n_tasks), DN_COLUMN (INT, DnUnitStat, n_done),
    DN_COLUMN (INT, DnUnitStat, n_overdue), DN_COLUMN (INT, DnUnitStat, n_reminders[DN_REMINDER_NOTICE]),
    DN_COLUMN (INT, DnUnitStat, n_reminders[DN_REMINDER_CRITICISM]),
    DN_COLUMN (INT, DnUnitStat, n_reminders[DN_REMINDER_REVIEW]) },
};

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
                             &unit_stat_row, error, DN_DATE (from), DN_DATE (to), DN_DATE (&today),
                             DN_END);
}
