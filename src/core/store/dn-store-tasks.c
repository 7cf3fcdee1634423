/* dn-store-tasks.c: writing tasks (adding, updating, reverting, deleting,
 * status, repeating tasks) and sub-assignment; reading them:
 * dn-store-tasks-read.c; assignments, extensions, progress:
 * dn-store-assignments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-store-tasks-private.h"


gboolean
dn_recurrence_next_due (DnRecurrence  recurrence,
                        const GDate  *due,
                        GDate        *out)
{
  guint months;
  gboolean month_end;

  g_return_val_if_fail (due != NULL && g_date_valid (due), FALSE);
  switch (recurrence)
    {
    case DN_RECURRENCE_MONTHLY: months = 1; break;
    case DN_RECURRENCE_QUARTERLY: months = 3; break;
    case DN_RECURRENCE_TWICE_YEARLY:
    case DN_RECURRENCE_SEMESTER: months = 6; break;
    case DN_RECURRENCE_ANNUAL: months = 12; break;
    case DN_RECURRENCE_NONE:
    case DN_RECURRENCE_N:
    default:
      return FALSE;
    }
  /* a deadline on the last day of a month stays on the last day (31/3 → 30/6 → 30/9 → 31/12) */
  month_end = g_date_is_last_of_month (due);
  *out = *due;
  g_date_add_months (out, months);
  if (month_end)
    g_date_set_day (out, g_date_get_days_in_month (g_date_get_month (out), g_date_get_year (out)));
  return g_date_get_year (out) <= DN_DATE_MAX_YEAR;
}

/*
 * Writing
 */

/* TRUE when @unit_id leads or supports @old (NULL: a new task) */
static gboolean
was_assigned (const DnTask *old,
              gint64        unit_id)
{
  if (old == NULL)
    return FALSE;
  if (old->lead_unit_id == unit_id)
    return TRUE;
  for (guint i = 0; i < old->support_unit_ids->len; i++)
    if (g_array_index (old->support_unit_ids, gint64, i) == unit_id)
      return TRUE;
  return FALSE;
}

/* An archived unit may keep the tasks it already has (@old), not get new ones. */
static gboolean
check_unit_usable (DnStore       *self,
                   gint64         unit_id,
                   const char    *role_label,
                   const DnTask  *old,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_id, &local_error);

  if (unit == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The %s does not exist (unit #%lld)."), role_label, (long long) unit_id);
      return FALSE;
    }
  if (unit->archived && !was_assigned (old, unit_id))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The unit “%s” is archived and cannot be given new tasks."), unit->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_task (DnStore       *self,
               DnTask        *task,
               const DnTask  *old,
               GError       **error)
{
  if (!_dn_normalize_field (&task->title, "task", "title", _("title"), TRUE, error) ||
      !_dn_normalize_field (&task->section, "task", "section", _("section"), FALSE, error) ||
      !_dn_normalize_field (&task->description, "task", "description", _("description"), FALSE, error))
    return FALSE;
  if ((guint) task->recurrence >= DN_RECURRENCE_N || (guint) task->status >= DN_STATUS_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown recurrence or status."));
      return FALSE;
    }
  if (!_dn_check_date (&task->due_date, FALSE, error, _("The due date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR))
    return FALSE;
  if (task->recurrence != DN_RECURRENCE_NONE && !g_date_valid (&task->due_date))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("A recurring task needs a due date."));
      return FALSE;
    }
  if (task->lead_unit_id <= 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Choose the lead unit of the task."));
      return FALSE;
    }
  if (!check_unit_usable (self, task->lead_unit_id, _("lead unit"), old, error))
    return FALSE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    {
      gint64 id = g_array_index (task->support_unit_ids, gint64, i);

      if (id == task->lead_unit_id)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("A unit cannot both lead a task and support it."));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (task->support_unit_ids, gint64, j) == id)
          {
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                         _("A supporting unit is listed twice."));
            return FALSE;
          }
      if (!check_unit_usable (self, id, _("supporting unit"), old, error))
        return FALSE;
    }
  if (task->document_id > 0)
    {
      g_autoptr(DnDocument) doc = dn_store_get_document (self, task->document_id, NULL);

      if (doc == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The source document does not exist."));
          return FALSE;
        }
      if (g_date_valid (&task->due_date) && g_date_valid (&doc->issue_date) &&
          g_date_compare (&task->due_date, &doc->issue_date) < 0)
        {
          g_autofree char *when = dn_date_format_short (&doc->issue_date);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("The due date is before the date of the source document (%s)."), when);
          return FALSE;
        }
    }
  if (task->parent_id > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DnTask) parent = NULL;

      if (task->parent_id == task->id)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("A task cannot be its own parent."));
          return FALSE;
        }
      parent = dn_store_get_task (self, task->parent_id, &local_error);
      if (parent == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The parent task does not exist."));
          return FALSE;
        }
      /* no loop: the task must not be above its new parent */
      if (task->id > 0)
        {
          gint64 above = parent->parent_id;

          for (guint depth = 0; above > 0 && depth < 1000; depth++)
            {
              g_autoptr(DnTask) ancestor = NULL;

              if (above == task->id)
                {
                  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                               _("A task cannot be placed below one of its own sub-tasks."));
                  return FALSE;
                }
              ancestor = dn_store_get_task (self, above, NULL);
              above = ancestor != NULL ? ancestor->parent_id : 0;
            }
        }
    }
  return TRUE;
}

static gboolean
insert_assignment (DnStore      *self,
                   gint64        task_id,
                   gint64        unit_id,
                   DnRole        role,
                   const GDate  *due,
                   GError      **error)
{
  return _dn_store_write (self, "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (?, ?, ?, ?)",
                          error, DN_INT (task_id), DN_INT (unit_id), DN_TEXT (dn_role_to_string (role)), DN_DATE (due),
                          DN_END);
}

static gboolean
insert_task_row (DnStore  *self,
                 DnTask   *task,
                 gint64    previous_id,
                 GError  **error)
{
  if (!_dn_store_save (self,
                       "INSERT INTO task (id, document_id, section, title, description, due_date, recurrence, "
                       "status, parent_id, previous_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       &task->id, TRUE, NULL, error,
                       DN_ID (task->document_id), DN_TEXT (task->section), DN_TEXT (task->title),
                       DN_TEXT (task->description), DN_DATE (&task->due_date),
                       DN_TEXT (dn_recurrence_to_string (task->recurrence)), DN_TEXT (dn_status_to_string (task->status)),
                       DN_ID (task->parent_id), DN_ID (previous_id), DN_END) ||
      !insert_assignment (self, task->id, task->lead_unit_id, DN_ROLE_LEAD, &task->due_date, error))
    return FALSE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (!insert_assignment (self, task->id, g_array_index (task->support_unit_ids, gint64, i),
                            DN_ROLE_SUPPORT, &task->due_date, error))
      return FALSE;
  return TRUE;
}

gboolean
dn_store_add_task (DnStore  *self,
                   DnTask   *task,
                   GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  if (!validate_task (self, task, NULL, error) || !insert_task_row (self, task, 0, error))
    {
      dn_store_rollback (self);
      task->id = 0;
      return FALSE;
    }
  return dn_store_commit (self, error);
}

/* In the caller's transaction: the unit rows follow the task's new status.
 * Done closes every row still open or in progress, except those of the
 * supporting units in @keep_open (@n_keep unit ids); cancelled cancels
 * them; other statuses leave them as they are. */
static gboolean
rows_follow_status (DnStore       *self,
                    gint64         task_id,
                    DnStatus       status,
                    const gint64  *keep_open,
                    guint          n_keep,
                    GError       **error)
{
  g_autoptr(GString) keep = g_string_new (",");

  if (status != DN_STATUS_DONE && status != DN_STATUS_CANCELLED)
    return TRUE;
  for (guint i = 0; i < n_keep; i++)
    g_string_append_printf (keep, "%" G_GINT64_FORMAT ",", keep_open[i]);
  return _dn_store_write (self,
                          "UPDATE assignment SET status = ?1 WHERE task_id = ?2 AND status IN ('open', 'in_progress') "
                          "AND (role = 'lead' OR instr(?3, ',' || unit_id || ',') = 0)",
                          error, DN_TEXT (dn_status_to_string (status)), DN_INT (task_id), DN_TEXT (keep->str),
                          DN_END);
}

gboolean
_dn_store_update_task_row (DnStore   *self,
                           DnTask    *task,
                           DnStatus  *old_status,
                           GError   **error)
{
  g_autoptr(DnTask) old = dn_store_get_task (self, task->id, error);
  g_autofree char *old_due = NULL;
  g_autoptr(GString) keep = g_string_new ("");
  g_autofree char *drop = NULL;

  if (old == NULL || !validate_task (self, task, old, error))
    return FALSE;
  *old_status = old->status;
  old_due = g_date_valid (&old->due_date) ? dn_date_format_iso (&old->due_date) : NULL;
  /* supporting units that are no longer listed (or now lead) go */
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (task->support_unit_ids, gint64, i));
  drop = g_strdup_printf ("DELETE FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                          " AND role = 'support' AND unit_id NOT IN (%s)", task->id, keep->str);

  if (!_dn_store_write (self,
                        "UPDATE task SET document_id = ?, section = ?, title = ?, description = ?, due_date = ?, "
                        "recurrence = ?, status = ?, parent_id = ?, "
                        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                        error,
                        DN_ID (task->document_id), DN_TEXT (task->section), DN_TEXT (task->title),
                        DN_TEXT (task->description), DN_DATE (&task->due_date),
                        DN_TEXT (dn_recurrence_to_string (task->recurrence)), DN_TEXT (dn_status_to_string (task->status)),
                        DN_ID (task->parent_id), DN_INT (task->id), DN_END) ||
      /* the task's deadline is its lead's: the lead takes the new one, and
       * supporting units that followed the task's deadline follow it;
       * extended ones keep theirs */
      !_dn_store_write (self,
                        "UPDATE assignment SET due_date = ?1 WHERE task_id = ?2 AND (role = 'lead' OR "
                        "(due_date IS ?3 AND NOT EXISTS (SELECT 1 FROM deadline_extension e "
                        "WHERE e.assignment_id = assignment.id)))",
                        error, DN_DATE (&task->due_date), DN_INT (task->id), DN_TEXT (old_due), DN_END) ||
      !_dn_store_exec (self, drop, error))
    return FALSE;
  if (old->lead_unit_id != task->lead_unit_id &&
      !_dn_store_write (self, "UPDATE assignment SET unit_id = ? WHERE task_id = ? AND role = 'lead'", error,
                        DN_INT (task->lead_unit_id), DN_INT (task->id), DN_END))
    return FALSE;
  if (old->status != task->status && !rows_follow_status (self, task->id, task->status, NULL, 0, error))
    return FALSE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (!_dn_store_write (self,
                          "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (?, ?, 'support', ?) "
                          "ON CONFLICT (task_id, unit_id) DO NOTHING",
                          error, DN_INT (task->id), DN_INT (g_array_index (task->support_unit_ids, gint64, i)),
                          DN_DATE (&task->due_date), DN_END))
      return FALSE;
  return TRUE;
}

/* A new open task, not recurring, with the document, section, title and
 * description of @model, due on @due, below @parent_id, led by @lead_unit_id. */
static DnTask *
new_open_task_like (const DnTask  *model,
                    const GDate   *due,
                    gint64         parent_id,
                    gint64         lead_unit_id)
{
  DnTask *task = dn_task_new ();

  task->document_id = model->document_id;
  _dn_set_text (&task->section, model->section);
  _dn_set_text (&task->title, model->title);
  _dn_set_text (&task->description, model->description);
  task->due_date = *due;
  task->recurrence = DN_RECURRENCE_NONE;
  task->status = DN_STATUS_OPEN;
  task->parent_id = parent_id;
  task->lead_unit_id = lead_unit_id;
  return task;
}

/* In the caller's transaction, for a task just marked done: when it
 * recurs, its next occurrence, unless it has one (done → open → done makes
 * no second one). *@next_id: that occurrence, else 0; *@made_id: the same
 * when it was made now, else 0. */
static gboolean
add_next_occurrence (DnStore  *self,
                     gint64    id,
                     gint64   *next_id,
                     gint64   *made_id,
                     GError  **error)
{
  g_autoptr(DnTask) task = dn_store_get_task (self, id, error);
  g_autoptr(DnTask) next = NULL;
  GDate due;

  if (task == NULL)
    return FALSE;
  if (task->recurrence == DN_RECURRENCE_NONE || !g_date_valid (&task->due_date))
    return TRUE;
  if (!_dn_store_read_int (self, "SELECT id FROM task WHERE previous_id = ?", next_id, error, DN_INT (id), DN_END))
    return FALSE;
  if (*next_id != 0 || !dn_recurrence_next_due (task->recurrence, &task->due_date, &due))
    return TRUE;

  next = new_open_task_like (task, &due, task->parent_id, task->lead_unit_id);
  next->recurrence = task->recurrence;
  g_array_append_vals (next->support_unit_ids, task->support_unit_ids->data, task->support_unit_ids->len);
  if (!insert_task_row (self, next, id, error))
    return FALSE;
  *next_id = *made_id = next->id;
  return TRUE;
}

gboolean
dn_store_update_task (DnStore  *self,
                      DnTask   *task,
                      GError  **error)
{
  DnStatus old_status;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  return _dn_store_finish (self, _dn_store_update_task_row (self, task, &old_status, error), error);
}

gboolean
dn_store_update_task_full (DnStore   *self,
                           DnTask    *task,
                           gint64    *next_id,
                           gint64    *made_id,
                           GError   **error)
{
  DnStatus old_status = DN_STATUS_OPEN;
  gint64 next = 0, made = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (next_id != NULL)
    *next_id = 0;
  if (made_id != NULL)
    *made_id = 0;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_update_task_row (self, task, &old_status, error) &&
       (task->status != DN_STATUS_DONE || old_status == DN_STATUS_DONE ||
        add_next_occurrence (self, task->id, &next, &made, error));
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  if (next_id != NULL)
    *next_id = next;
  if (made_id != NULL)
    *made_id = made;
  return TRUE;
}

static gboolean
set_deleted (DnStore  *self,
             gint64    id,
             gboolean  deleted,
             GError  **error)
{
  g_autofree char *missing = g_strdup_printf (_("There is no task #%lld."), (long long) id);

  /* a task goes (and comes back) with its sub-assigned children */
  return _dn_store_save_committed (self,
                                   "UPDATE task SET deleted = ?2, "
                                   "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                   "WHERE id IN (WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT t.id "
                                   "FROM task t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub)",
                                   &id, FALSE, missing, error, DN_INT (deleted ? 1 : 0), DN_END);
}

gboolean
dn_store_delete_task (DnStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
dn_store_restore_task (DnStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

static gboolean
set_status (DnStore       *self,
            gint64         id,
            DnStatus       status,
            const gint64  *keep_open,
            guint          n_keep,
            gint64        *next_id,
            gint64        *made_id,
            GError       **error)
{
  g_autoptr(DnTask) task = NULL;
  gint64 next = 0, made = 0;

  if (next_id != NULL)
    *next_id = 0;
  if (made_id != NULL)
    *made_id = 0;
  if (!dn_store_begin (self, error))
    return FALSE;
  task = dn_store_get_task (self, id, error);
  if (!_dn_store_finish (self,
                         task != NULL &&
                         _dn_store_write (self,
                                          "UPDATE task SET status = ?, "
                                          "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                                          error, DN_TEXT (dn_status_to_string (status)), DN_INT (id), DN_END) &&
                         rows_follow_status (self, id, status, keep_open, n_keep, error) &&
                         (status != DN_STATUS_DONE || add_next_occurrence (self, id, &next, &made, error)),
                         error))
    return FALSE;
  if (next_id != NULL)
    *next_id = next;
  if (made_id != NULL)
    *made_id = made;
  return TRUE;
}

gboolean
dn_store_set_task_status (DnStore   *self,
                          gint64     id,
                          DnStatus   status,
                          gint64    *next_id,
                          GError   **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < DN_STATUS_N, FALSE);
  return set_status (self, id, status, NULL, 0, next_id, NULL, error);
}

gboolean
dn_store_add_task_full (DnStore  *self,
                        DnTask   *task,
                        gint64   *next_id,
                        GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (next_id != NULL)
    *next_id = 0;
  if (!dn_store_begin (self, error))
    return FALSE;
  if (!dn_store_add_task (self, task, error) ||
      (task->status == DN_STATUS_DONE && !set_status (self, task->id, DN_STATUS_DONE, NULL, 0, next_id, NULL, error)))
    {
      dn_store_rollback (self);
      task->id = 0;
      if (next_id != NULL)
        *next_id = 0;
      return FALSE;
    }
  return dn_store_commit (self, error);
}

gboolean
dn_store_mark_task_done (DnStore       *self,
                         gint64         id,
                         const gint64  *keep_open,
                         guint          n_keep,
                         gint64        *next_id,
                         gint64        *made_id,
                         GError       **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep_open != NULL || n_keep == 0, FALSE);
  return set_status (self, id, DN_STATUS_DONE, keep_open, n_keep, next_id, made_id, error);
}

GArray *
dn_store_subassign_task (DnStore       *self,
                         gint64         task_id,
                         const gint64  *unit_ids,
                         guint          n_units,
                         const GDate   *due,
                         GError       **error)
{
  g_autoptr(DnTask) parent = NULL;
  g_autoptr(GArray) subtree = NULL;
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (n_units == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Choose at least one sub-unit."));
      return NULL;
    }
  if (due != NULL && !_dn_check_date (due, TRUE, error, _("Give a valid deadline for the sub-units.")))
    return NULL;
  if (!dn_store_begin (self, error))
    return NULL;
  parent = dn_store_get_task (self, task_id, error);
  if (parent == NULL)
    goto fail;
  subtree = dn_store_get_unit_subtree (self, parent->lead_unit_id, error);
  if (subtree == NULL)
    goto fail;

  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(DnTask) child = NULL;
      gboolean below = FALSE;
      gint64 passed;

      for (guint j = 0; j < subtree->len; j++)
        if (g_array_index (subtree, gint64, j) == unit_ids[i] && unit_ids[i] != parent->lead_unit_id)
          below = TRUE;
      if (!below)
        {
          g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_ids[i], NULL);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("“%s” is not a sub-unit of %s, the lead unit of this task."),
                       unit != NULL ? unit->name : "?", parent->lead_unit_name);
          goto fail;
        }
      if (!_dn_store_read_int (self,
                               "SELECT 1 FROM task c JOIN assignment a ON a.task_id = c.id AND a.role = 'lead' "
                               "WHERE c.parent_id = ? AND a.unit_id = ? AND c.deleted = 0",
                               &passed, error, DN_INT (task_id), DN_INT (unit_ids[i]), DN_END))
        goto fail;
      if (passed)
        {
          g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_ids[i], NULL);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                       _("This task has already been passed down to “%s”."), unit != NULL ? unit->name : "?");
          goto fail;
        }

      /* by default the parent's current deadline (its lead's, extensions
       * included) */
      child = new_open_task_like (parent, due != NULL ? due : &parent->due_date, task_id, unit_ids[i]);
      if (!validate_task (self, child, NULL, error) || !insert_task_row (self, child, 0, error))
        goto fail;
      g_array_append_val (created, child->id);
    }
  if (!dn_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&created);

fail:
  dn_store_rollback (self);
  return NULL;
}
