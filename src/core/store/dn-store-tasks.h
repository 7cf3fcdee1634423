/* dn-store-tasks.h: tasks, their assignments (chủ trì / phối hợp),
 * deadline extensions, progress and sub-assignment
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-assignment.h"
#include "dn-extension.h"
#include "dn-progress.h"
#include "dn-task.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_TASK_SORT_DUE,       /* due date, tasks without one last */
  DN_TASK_SORT_TITLE,     /* Vietnamese order */
  DN_TASK_SORT_SECTION,   /* natural order (dn_text_section_key), tasks without one last */
  DN_TASK_SORT_STATUS,
  DN_TASK_SORT_LEAD_UNIT,
  DN_TASK_SORT_RECURRENCE,
  DN_TASK_SORT_PROGRESS,
  DN_TASK_SORT_URGENCY,   /* unfinished first, overdue first then by due date (none last); then
                           * finished ones, latest due date first */
} DnTaskSort;

typedef struct
{
  gint64      unit_id;            /* 0: any; else tasks where the unit leads or supports */
  gboolean    include_sub_units;  /* with unit_id: its sub-units too */
  gboolean    lead_only;          /* with unit_id: only where it leads */
  int         status;             /* -1: any, else a DnStatus */
  gboolean    overdue;            /* due before today and not done/cancelled */
  GDate       due_from;           /* invalid: no bound */
  GDate       due_to;             /* invalid: no bound */
  gint64      document_id;        /* 0: any */
  gint64      parent_id;          /* 0: any; -1: top-level tasks only */
  gboolean    unfinished;         /* only tasks not done nor cancelled */
  gboolean    finished;           /* only tasks done or cancelled */
  const char *text;               /* search text, NULL or "" for none */
  DnTaskSort  sort;
  gboolean    descending;
} DnTaskQuery;

void dn_task_query_init (DnTaskQuery *query);

/* Adds a task with its lead unit (task->lead_unit_id) and supporting units
 * (task->support_unit_ids); one assignment each, with the task's due date. */
gboolean dn_store_add_task (DnStore *self, DnTask *task, GError **error);
/* dn_store_add_task() of a task the officer may already have marked done:
 * its unit rows are then closed and, recurring, its next occurrence made
 * (@next_id, else 0; may be NULL), in the same transaction */
gboolean dn_store_add_task_full (DnStore *self, DnTask *task, gint64 *next_id, GError **error);
/* Saves the task's fields and reconciles its assignments with
 * lead_unit_id/support_unit_ids (assignments of kept units are kept). */
gboolean dn_store_update_task (DnStore *self, DnTask *task, GError **error);
/* dn_store_update_task() that also, when it marks a recurring task done,
 * creates the next occurrence as dn_store_set_task_status() does, in the
 * same transaction. @next_id: the next occurrence (made now or before),
 * else 0; @made_id: the occurrence this call made, else 0. Both may be NULL.
 * To undo the edit, take a snapshot before it and give it with @made_id to
 * dn_store_restore_task_snapshot(). */
gboolean dn_store_update_task_full (DnStore *self, DnTask *task, gint64 *next_id, gint64 *made_id, GError **error);

/* What undoing a change to a task puts back: its fields and its unit rows
 * (deadline and status of each) as they were when it was taken. */
typedef struct _DnTaskSnapshot DnTaskSnapshot;
DnTaskSnapshot *dn_store_snapshot_task (DnStore *self, gint64 id, GError **error);
gint64 dn_task_snapshot_get_id (const DnTaskSnapshot *snapshot);
void dn_task_snapshot_free (DnTaskSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnTaskSnapshot, dn_task_snapshot_free)
/* Undoes a change in one transaction: puts back @snapshot and deletes the
 * occurrence @made_id (0: none) that the change made, with its assignments
 * and progress. Fails, changing nothing, when that occurrence has received
 * reminders since. */
gboolean dn_store_restore_task_snapshot (DnStore *self, DnTaskSnapshot *snapshot, gint64 made_id, GError **error);
/* Deleted tasks are kept, hidden, until dn_store_restore_task() (undo). */
gboolean dn_store_delete_task (DnStore *self, gint64 id, GError **error);
gboolean dn_store_restore_task (DnStore *self, gint64 id, GError **error);
/* Sets the status; the unit rows follow it (done closes every row still
 * open, cancelled cancels them). Marking a recurring task done creates its
 * next occurrence (its id in @next_id, else 0). */
gboolean dn_store_set_task_status (DnStore *self, gint64 id, DnStatus status, gint64 *next_id, GError **error);
/* Marks the task done and closes its unit rows still open, except those of
 * the supporting units in @keep_open (unit ids: they have not replied and
 * stay open). @next_id as dn_store_set_task_status(); @made_id: the
 * occurrence this call made, else 0 (for dn_store_restore_task_snapshot()). */
gboolean dn_store_mark_task_done (DnStore *self, gint64 id, const gint64 *keep_open, guint n_keep, gint64 *next_id,
                                  gint64 *made_id, GError **error);
DnTask *dn_store_get_task (DnStore *self, gint64 id, GError **error);
/* dn_store_get_task() for a task that is not deleted: a deleted task, kept
 * only for undo, is "no task" like a missing one (DN_STORE_ERROR_NOT_FOUND).
 * For a task named by its id from outside (the command line). */
DnTask *dn_store_get_live_task (DnStore *self, gint64 id, GError **error);
/* The first @limit tasks of @query, in its order. */
GPtrArray *dn_store_list_tasks (DnStore *self, const DnTaskQuery *query, guint limit, GError **error);
/* Calls @func for each task of @query, in its order, reading each row once
 * (a whole list costs what its rows cost); stops with FALSE when @func
 * returns FALSE (with @error set). */
typedef gboolean (*DnTaskFunc) (DnTask *task, gpointer user_data, GError **error);
gboolean dn_store_foreach_task (DnStore *self, const DnTaskQuery *query, DnTaskFunc func, gpointer user_data,
                                GError **error);
/* All matching ids in order (for lazy list models). */
GArray *dn_store_list_task_ids (DnStore *self, const DnTaskQuery *query, GError **error);
/* A page by key: the ids of @query's tasks above @after, by id (whatever
 * the query's sort), at most @limit; reads no row before the page. */
GArray *dn_store_list_task_ids_after (DnStore *self, const DnTaskQuery *query, gint64 after, guint limit,
                                      GError **error);
gint64 dn_store_count_tasks (DnStore *self, const DnTaskQuery *query, GError **error);
/* Fills the tasks of @ids (in that order; missing ones are skipped). */
GPtrArray *dn_store_get_tasks (DnStore *self, const gint64 *ids, guint n_ids, GError **error);
/* Pass-down (sub-assignment): one child task per unit, each led by that
 * unit and due on @due (NULL: the parent's current deadline), in one
 * transaction. The units must be below the parent's lead unit. The parent
 * keeps its own progress; its children's average is read beside it.
 * Returns the new ids. */
GArray *dn_store_subassign_task (DnStore *self, gint64 task_id, const gint64 *unit_ids, guint n_units,
                                 const GDate *due, GError **error);
/* Undoes a pass-down in one transaction: deletes the sub-tasks @child_ids
 * of @task_id that it made, with their assignments and progress. Fails,
 * changing nothing, when one is gone or has received reminders since. */
gboolean dn_store_undo_pass_down (DnStore *self, gint64 task_id, const gint64 *child_ids, guint n_children,
                                  GError **error);
/* Next due date of a recurring task after @due (FALSE for DN_RECURRENCE_NONE). */
gboolean dn_recurrence_next_due (DnRecurrence recurrence, const GDate *due, GDate *out);

/* Assignments and progress -------------------------------------------- */

GPtrArray *dn_store_list_assignments (DnStore *self, gint64 task_id, GError **error);
DnAssignment *dn_store_get_assignment (DnStore *self, gint64 id, GError **error);
/* A unit's part of a task (the assignment @id) set to @status */
gboolean dn_store_set_assignment_status (DnStore *self, gint64 id, DnStatus status, GError **error);
/* Saves due date, status and reply reference of an assignment. */
gboolean dn_store_update_assignment (DnStore *self, DnAssignment *assignment, GError **error);
/* Gia hạn: a new deadline with a reason; the old one stays in the history.
 * The lead's new deadline is the task's. */
gboolean dn_store_extend_assignment (DnStore *self, gint64 assignment_id, const GDate *new_due, const char *reason,
                                     GError **error);
GPtrArray *dn_store_list_extensions (DnStore *self, gint64 assignment_id, GError **error);
gboolean dn_store_add_progress (DnStore *self, DnProgress *progress, GError **error);
/* Oldest first. */
GPtrArray *dn_store_list_progress (DnStore *self, gint64 task_id, GError **error);

G_END_DECLS
