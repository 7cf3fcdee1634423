/* dn-store-assignments.c: a task's assignments (chủ trì / phối hợp),
 * deadline extensions and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-store-tasks-private.h"


#define ASSIGNMENT_COLUMNS \
  "a.id, a.task_id, a.unit_id, a.role, a.due_date, a.status, a.reply_document_id, a.reply_reference, " \
  "u.code, u.name, (SELECT count(*) FROM deadline_extension e WHERE e.assignment_id = a.id)"

static const DnRow assignment_row = {
  dn_assignment_get_type,
  { DN_COLUMN (INT64, DnAssignment, id), DN_COLUMN (INT64, DnAssignment, task_id),
    DN_COLUMN (INT64, DnAssignment, unit_id), DN_ENUM_COLUMN (DnAssignment, role, dn_role_from_string),
    DN_COLUMN (DATE, DnAssignment, due_date), DN_ENUM_COLUMN (DnAssignment, status, dn_status_from_string),
    DN_COLUMN (INT64, DnAssignment, reply_document_id), DN_COLUMN (TEXT, DnAssignment, reply_reference),
    DN_COLUMN (TEXT, DnAssignment, unit_code), DN_COLUMN (TEXT, DnAssignment, unit_name),
    DN_COLUMN (INT, DnAssignment, n_extensions) },
};

/* The deadline rule over one task (@task_id) or all (0). */
static gboolean
follow_lead_due (DnStore  *self,
                 gint64    task_id,
                 GError  **error)
{
  return _dn_store_write (self,
                          "UPDATE task SET due_date = a.due_date "
                          "FROM assignment a WHERE a.task_id = task.id AND a.role = 'lead' "
                          "AND (?1 = 0 OR task.id = ?1) "
                          "AND a.due_date IS NOT NULL AND a.due_date IS NOT task.due_date",
                          error, DN_INT (task_id), DN_END);
}

gboolean
_dn_store_follow_lead_due (DnStore  *self,
                           gint64    task_id,
                           GError  **error)
{
  g_return_val_if_fail (task_id > 0, FALSE);
  return follow_lead_due (self, task_id, error);
}

/* The statements of 003-task-rules.sql, which brought the data of schema
 * version 2 under these rules. */
gboolean
_dn_store_apply_task_rules (DnStore  *self,
                            GError  **error)
{
  return follow_lead_due (self, 0, error) &&
         _dn_store_write (self,
                          "UPDATE assignment SET status = t.status FROM task t "
                          "WHERE t.id = assignment.task_id AND t.status IN ('done', 'cancelled') "
                          "AND assignment.status IN ('open', 'in_progress')",
                          error, DN_END);
}

_DN_STORE_DEFINE_LIST_BY (assignments, task_id,
                          "SELECT " ASSIGNMENT_COLUMNS " FROM assignment a JOIN unit u ON u.id = a.unit_id "
                          "WHERE a.task_id = ? ORDER BY a.role = 'support', u.name_key",
                          &assignment_row)
_DN_STORE_DEFINE_GET (DnAssignment, assignment,
                      "SELECT " ASSIGNMENT_COLUMNS " FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?",
                      &assignment_row, _("There is no assignment #%lld."))

gboolean
dn_store_update_assignment (DnStore       *self,
                            DnAssignment  *assignment,
                            GError       **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_ASSIGNMENT (assignment), FALSE);

  if (!_dn_normalize_field (&assignment->reply_reference, "assignment", "reply_reference", _("reply reference"), FALSE, error))
    return FALSE;
  if ((guint) assignment->status >= DN_STATUS_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown status."));
      return FALSE;
    }
  if (!dn_store_begin (self, error))
    return FALSE;
  return _dn_store_finish (self,
                           _dn_store_save (self,
                                           "UPDATE assignment SET due_date = ?2, status = ?3, reply_document_id = ?4, "
                                           "reply_reference = ?5 WHERE id = ?1",
                                           &assignment->id, FALSE, _("The assignment no longer exists."), error,
                                           DN_DATE (&assignment->due_date),
                                           DN_TEXT (dn_status_to_string (assignment->status)),
                                           DN_ID (assignment->reply_document_id), DN_TEXT (assignment->reply_reference),
                                           DN_END) &&
                           _dn_store_follow_lead_due (self, assignment->task_id, error),
                           error);
}

gboolean
dn_store_set_assignment_status (DnStore   *self,
                                gint64     id,
                                DnStatus   status,
                                GError   **error)
{
  g_autoptr(DnAssignment) assignment = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if ((assignment = dn_store_get_assignment (self, id, error)) == NULL)
    return FALSE;
  assignment->status = status;
  return dn_store_update_assignment (self, assignment, error);
}

gboolean
dn_store_extend_assignment (DnStore      *self,
                            gint64        assignment_id,
                            const GDate  *new_due,
                            const char   *reason,
                            GError      **error)
{
  g_autoptr(DnAssignment) a = NULL;
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  clean_reason = g_strdup (reason);
  if (!_dn_normalize_field (&clean_reason, "deadline_extension", "reason", _("reason"), FALSE, error))
    return FALSE;
  if (*g_strstrip (clean_reason) == '\0')
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Give the reason for the extension."));
      return FALSE;
    }
  if (!_dn_check_date (new_due, TRUE, error, _("Give a valid new deadline.")))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  a = dn_store_get_assignment (self, assignment_id, error);
  if (a == NULL)
    goto fail;
  if (g_date_valid (&a->due_date) && g_date_compare (new_due, &a->due_date) <= 0)
    {
      g_autofree char *current = dn_date_format_short (&a->due_date);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The new deadline must be after the current one (%s)."), current);
      goto fail;
    }
  return _dn_store_finish (self,
                           _dn_store_write (self,
                                            "INSERT INTO deadline_extension (assignment_id, old_due_date, new_due_date, "
                                            "reason, extended_by) VALUES (?, ?, ?, ?, dn_actor())",
                                            error, DN_INT (assignment_id), DN_DATE (&a->due_date), DN_DATE (new_due),
                                            DN_TEXT (clean_reason), DN_END) &&
                           _dn_store_write (self, "UPDATE assignment SET due_date = ? WHERE id = ?", error,
                                            DN_DATE (new_due), DN_INT (assignment_id), DN_END) &&
                           _dn_store_follow_lead_due (self, a->task_id, error),
                           error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

static const DnRow extension_row = {
  dn_extension_get_type,
  { DN_COLUMN (INT64, DnExtension, id), DN_COLUMN (INT64, DnExtension, assignment_id),
    DN_COLUMN (DATE, DnExtension, old_due_date), DN_COLUMN (DATE, DnExtension, new_due_date),
    DN_COLUMN (TEXT, DnExtension, reason), DN_COLUMN (TEXT, DnExtension, extended_at),
    DN_COLUMN (TEXT, DnExtension, extended_by) },
};

_DN_STORE_DEFINE_LIST_BY (extensions, assignment_id,
                          "SELECT id, assignment_id, old_due_date, new_due_date, reason, extended_at, extended_by "
                          "FROM deadline_extension WHERE assignment_id = ? ORDER BY id",
                          &extension_row)

gboolean
dn_store_add_progress (DnStore     *self,
                       DnProgress  *progress,
                       GError     **error)
{
  g_autoptr(DnTask) task = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PROGRESS (progress), FALSE);

  if (!_dn_normalize_field (&progress->note, "progress", "note", _("progress note"), FALSE, error))
    return FALSE;
  if (progress->percent < 0 || progress->percent > 100)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Progress is a percentage from 0 to 100."));
      return FALSE;
    }
  if (!_dn_check_date (&progress->entry_date, TRUE, error, _("Give the date of the progress entry.")))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  task = dn_store_get_task (self, progress->task_id, error);
  return _dn_store_finish (self,
                           task != NULL &&
                           _dn_store_save (self,
                                           "INSERT INTO progress (id, task_id, unit_id, entry_date, percent, note, "
                                           "attachment_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                           &progress->id, TRUE, NULL, error,
                                           DN_INT (progress->task_id), DN_ID (progress->unit_id),
                                           DN_DATE (&progress->entry_date), DN_INT (progress->percent),
                                           DN_TEXT (progress->note), DN_ID (progress->attachment_id), DN_END) &&
                           /* reporting progress on a task not started yet starts it, and
                            * the row of the unit that reports it (the lead's when none) */
                           (task->status != DN_STATUS_OPEN || progress->percent <= 0 ||
                            _dn_store_write (self, "UPDATE task SET status = 'in_progress' WHERE id = ?", error,
                                             DN_INT (task->id), DN_END)) &&
                           (progress->percent <= 0 ||
                            _dn_store_write (self,
                                             "UPDATE assignment SET status = 'in_progress' WHERE task_id = ?1 "
                                             "AND status = 'open' AND unit_id = coalesce(?2, (SELECT unit_id "
                                             "FROM assignment WHERE task_id = ?1 AND role = 'lead'))",
                                             error, DN_INT (task->id), DN_ID (progress->unit_id), DN_END)),
                           error);
}

static const DnRow progress_row = {
  dn_progress_get_type,
  { DN_COLUMN (INT64, DnProgress, id), DN_COLUMN (INT64, DnProgress, task_id), DN_COLUMN (INT64, DnProgress, unit_id),
    DN_COLUMN (DATE, DnProgress, entry_date), DN_COLUMN (INT, DnProgress, percent), DN_COLUMN (TEXT, DnProgress, note),
    DN_COLUMN (INT64, DnProgress, attachment_id), DN_COLUMN (TEXT, DnProgress, unit_code),
    DN_COLUMN (TEXT, DnProgress, unit_name) },
};

_DN_STORE_DEFINE_LIST_BY (progress, task_id,
                          "SELECT p.id, p.task_id, p.unit_id, p.entry_date, p.percent, p.note, p.attachment_id, "
                          "coalesce(u.code, ''), coalesce(u.name, '') FROM progress p LEFT JOIN unit u ON u.id = p.unit_id "
                          "WHERE p.task_id = ? ORDER BY p.entry_date, p.id",
                          &progress_row)
