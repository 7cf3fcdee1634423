/* dn-store-task-undo.c: what undoing a change to a task puts back: the
 * task with its unit rows as they were (an edit, marking done), and the
 * sub-tasks a pass-down made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"
#include "dn-store-tasks-private.h"

typedef struct
{
  gint64   unit_id;
  GDate    due_date;
  DnStatus status;
} SavedRow;

struct _DnTaskSnapshot
{
  DnTask *task;
  GArray *rows; /* SavedRow */
};

void
dn_task_snapshot_free (DnTaskSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_object (&snapshot->task);
  g_clear_pointer (&snapshot->rows, g_array_unref);
  g_free (snapshot);
}

gint64
dn_task_snapshot_get_id (const DnTaskSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);
  return snapshot->task->id;
}

DnTaskSnapshot *
dn_store_snapshot_task (DnStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  DnTaskSnapshot *snapshot;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);

  task = dn_store_get_task (self, id, error);
  if (task == NULL)
    return NULL;
  assignments = dn_store_list_assignments (self, id, error);
  if (assignments == NULL)
    return NULL;
  snapshot = g_new0 (DnTaskSnapshot, 1);
  snapshot->task = g_steal_pointer (&task);
  snapshot->rows = g_array_sized_new (FALSE, FALSE, sizeof (SavedRow), assignments->len);
  for (guint i = 0; i < assignments->len; i++)
    {
      DnAssignment *a = assignments->pdata[i];
      SavedRow row = { a->unit_id, a->due_date, a->status };

      g_array_append_val (snapshot->rows, row);
    }
  return snapshot;
}

gboolean
dn_store_restore_task_snapshot (DnStore         *self,
                                DnTaskSnapshot  *snapshot,
                                gint64           made_id,
                                GError         **error)
{
  DnStatus status;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_update_task_row (self, snapshot->task, &status, error);
  for (guint i = 0; ok && i < snapshot->rows->len; i++)
    {
      SavedRow *row = &g_array_index (snapshot->rows, SavedRow, i);

      ok = _dn_store_write (self, "UPDATE assignment SET due_date = ?, status = ? WHERE task_id = ? AND unit_id = ?",
                            error, DN_DATE (&row->due_date), DN_TEXT (dn_status_to_string (row->status)),
                            DN_INT (snapshot->task->id), DN_INT (row->unit_id), DN_END);
    }
  /* the occurrence goes with its assignments and progress; one that has
   * received reminders since cannot go (they are kept for good) */
  ok = ok && (made_id <= 0 ||
              _dn_store_write (self, "DELETE FROM task WHERE id = ? AND previous_id = ?", error,
                               DN_INT (made_id), DN_INT (snapshot->task->id), DN_END));
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_undo_pass_down (DnStore       *self,
                         gint64         task_id,
                         const gint64  *child_ids,
                         guint          n_children,
                         GError       **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (child_ids != NULL || n_children == 0, FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  /* each with its assignments, progress and own sub-tasks; one that has
   * received reminders since cannot go (they are kept for good) */
  for (guint i = 0; ok && i < n_children; i++)
    {
      gint64 id = child_ids[i];

      ok = _dn_store_save (self, "DELETE FROM task WHERE id = ?1 AND parent_id = ?2", &id, FALSE,
                           _("A sub-task of this pass-down no longer exists."), error, DN_INT (task_id), DN_END);
    }
  return _dn_store_finish (self, ok, error);
}
