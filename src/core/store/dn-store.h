/* dn-store.h: the SQLite store
 *
 * One SQLite file holds everything. Every write runs in BEGIN IMMEDIATE …
 * COMMIT; list queries return one page at a time. All text is stored in NFC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-assignment.h"
#include "dn-attachment.h"
#include "dn-document.h"
#include "dn-extension.h"
#include "dn-person.h"
#include "dn-progress.h"
#include "dn-reminder.h"
#include "dn-search-hit.h"
#include "dn-task.h"
#include "dn-types.h"
#include "dn-unit.h"
#include "dn-unit-stat.h"

G_BEGIN_DECLS

#define DN_STORE_SCHEMA_VERSION 2
#define DN_STORE_APPLICATION_ID 0x444e4731 /* "DNG1" */

/* Longest text a field takes, in characters: codes, names and numbers;
 * titles, subjects and other one-line texts; free text (descriptions, notes,
 * reasons). Longer text is refused with a message naming the field. */
#define DN_TEXT_MAX_SHORT 200
#define DN_TEXT_MAX_LINE  2000
#define DN_TEXT_MAX_LONG  100000

#define DN_STORE_ERROR (dn_store_error_quark ())
GQuark dn_store_error_quark (void);

typedef enum
{
  DN_STORE_ERROR_FAILED,
  DN_STORE_ERROR_NOT_DATABASE,  /* not a doingoai database (garbage, another program's) */
  DN_STORE_ERROR_TOO_NEW,       /* written by a newer version of the application */
  DN_STORE_ERROR_CORRUPT,
  DN_STORE_ERROR_FULL,
  DN_STORE_ERROR_BUSY,
  DN_STORE_ERROR_READ_ONLY,
  DN_STORE_ERROR_NOT_FOUND,
  DN_STORE_ERROR_INVALID,       /* the input breaks a rule; the message says which */
  DN_STORE_ERROR_DUPLICATE,
  DN_STORE_ERROR_IN_USE,        /* still referenced by other records */
  DN_STORE_ERROR_NOT_EMPTY,
} DnStoreError;

typedef enum
{
  DN_STORE_OPEN_DEFAULT   = 0,       /* create when missing, migrate to the current schema */
  DN_STORE_OPEN_NO_CREATE = 1 << 0,  /* the file must exist */
  DN_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write (no migration either) */
  DN_STORE_OPEN_NO_MIGRATE = 1 << 2, /* open as it is, at whatever version (for checks) */
} DnStoreOpenFlags;

#define DN_TYPE_STORE (dn_store_get_type ())
G_DECLARE_FINAL_TYPE (DnStore, dn_store, DN, STORE, GObject)

/* g_get_user_data_dir()/doingoai/doingoai.db */
char       *dn_store_default_path          (void);

DnStore    *dn_store_open                  (const char        *path,
                                            DnStoreOpenFlags   flags,
                                            GError           **error);
const char *dn_store_get_path              (DnStore *self);
/* Folder of the database file; attachments live in its "attachments" subfolder. */
const char *dn_store_get_data_dir          (DnStore *self);
/* A warning about where the database lives (a network share) or that it can
 * only be read (and why), one line each, translated; or NULL. */
const char *dn_store_get_warning           (DnStore *self);
/* TRUE when the store never writes: opened with DN_STORE_OPEN_READ_ONLY, or
 * found that the file (or its folder, for SQLite's working files) cannot be
 * written. Every write then fails with DN_STORE_ERROR_READ_ONLY. */
gboolean    dn_store_is_read_only          (DnStore *self);
/* When a check (or an operation) found the database damaged: when, what
 * and what to do, translated; NULL otherwise. Kept in "<database>.damaged"
 * beside the file until dn_store_check() finds the database sound. */
const char *dn_store_get_damage            (DnStore *self);
int         dn_store_get_schema_version    (DnStore *self);
/* Who is recorded in the audit log (default: the login name). */
void        dn_store_set_actor             (DnStore    *self,
                                            const char *actor);

/* Transactions: BEGIN IMMEDIATE … COMMIT. They nest (inner levels are
 * savepoints). Every dn_store_* write opens its own when none is open. */
gboolean    dn_store_begin                 (DnStore  *self,
                                            GError  **error);
gboolean    dn_store_commit                (DnStore  *self,
                                            GError  **error);
void        dn_store_rollback              (DnStore  *self);

/* PRAGMA integrity_check, foreign_key_check, schema version and search index.
 * Appends one line per problem to @report; TRUE when sound. Damage found is
 * recorded beside the database (dn_store_get_damage()) and forgotten when a
 * later check finds none. On a read-only store the search index is only
 * compared with the records, and a line of @report says so. */
gboolean    dn_store_check                 (DnStore  *self,
                                            GString  *report,
                                            GError  **error);
/* TRUE when no unit, person, document or task exists. */
gboolean    dn_store_is_empty              (DnStore  *self,
                                            GError  **error);
/* Number of live rows of a kind of record (tasks exclude deleted ones). */
gint64      dn_store_count                 (DnStore      *self,
                                            DnRecordKind  kind,
                                            GError      **error);

/* Units ---------------------------------------------------------------- */

gboolean    dn_store_add_unit              (DnStore  *self,
                                            DnUnit   *unit,
                                            GError  **error);
gboolean    dn_store_update_unit           (DnStore  *self,
                                            DnUnit   *unit,
                                            GError  **error);
gboolean    dn_store_set_unit_archived     (DnStore  *self,
                                            gint64    id,
                                            gboolean  archived,
                                            GError  **error);
DnUnit     *dn_store_get_unit              (DnStore  *self,
                                            gint64    id,
                                            GError  **error);
DnUnit     *dn_store_find_unit            (DnStore     *self,
                                            const char  *code,
                                            GError     **error);
/* Children of @parent_id (0: the roots) in Vietnamese order. */
GPtrArray  *dn_store_list_units            (DnStore  *self,
                                            gint64    parent_id,
                                            gboolean  include_archived,
                                            GError  **error);
/* The whole tree, depth first, siblings in Vietnamese order; depth filled. */
GPtrArray  *dn_store_list_unit_tree        (DnStore  *self,
                                            gboolean  include_archived,
                                            GError  **error);
/* @id and all units below it (gint64). */
GArray     *dn_store_get_unit_subtree      (DnStore  *self,
                                            gint64    id,
                                            GError  **error);

/* People --------------------------------------------------------------- */

gboolean    dn_store_add_person            (DnStore   *self,
                                            DnPerson  *person,
                                            GError   **error);
gboolean    dn_store_update_person         (DnStore   *self,
                                            DnPerson  *person,
                                            GError   **error);
gboolean    dn_store_delete_person         (DnStore   *self,
                                            gint64     id,
                                            GError   **error);
DnPerson   *dn_store_get_person            (DnStore   *self,
                                            gint64     id,
                                            GError   **error);
/* People of @unit_id (0: everyone), in Vietnamese order (given name, middle
 * name, family name): rows @offset … @offset + @limit. */
GPtrArray  *dn_store_list_people           (DnStore  *self,
                                            gint64    unit_id,
                                            guint     offset,
                                            guint     limit,
                                            GError  **error);
char       *dn_person_dup_full_name        (DnPerson *person);

/* Documents and attachments ------------------------------------------- */

gboolean    dn_store_add_document          (DnStore     *self,
                                            DnDocument  *document,
                                            GError     **error);
gboolean    dn_store_update_document       (DnStore     *self,
                                            DnDocument  *document,
                                            GError     **error);
gboolean    dn_store_delete_document       (DnStore     *self,
                                            gint64       id,
                                            GError     **error);
DnDocument *dn_store_get_document          (DnStore     *self,
                                            gint64       id,
                                            GError     **error);
/* Newest first. */
GPtrArray  *dn_store_list_documents        (DnStore  *self,
                                            guint     offset,
                                            guint     limit,
                                            GError  **error);
/* "14/QĐ/SGD&ĐT-VP" */
char       *dn_document_dup_reference      (DnDocument *document);

/* Copies @file into the data folder under its SHA-256 (atomically, once per
 * content) and records it. Adding the same content twice returns the same
 * attachment. */
DnAttachment *dn_store_add_attachment      (DnStore       *self,
                                            GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
DnAttachment *dn_store_get_attachment      (DnStore  *self,
                                            gint64    id,
                                            GError  **error);
GFile      *dn_store_get_attachment_file   (DnStore      *self,
                                            DnAttachment *attachment);
gboolean    dn_store_attach_to_document    (DnStore     *self,
                                            gint64       document_id,
                                            gint64       attachment_id,
                                            const char  *file_name,
                                            GError     **error);
GPtrArray  *dn_store_list_document_attachments (DnStore  *self,
                                            gint64    document_id,
                                            GError  **error);

/* Tasks ---------------------------------------------------------------- */

typedef enum
{
  DN_TASK_SORT_DUE,       /* due date, tasks without one last */
  DN_TASK_SORT_TITLE,     /* Vietnamese order */
  DN_TASK_SORT_SECTION,
  DN_TASK_SORT_STATUS,
  DN_TASK_SORT_LEAD_UNIT,
  DN_TASK_SORT_RECURRENCE,
  DN_TASK_SORT_PROGRESS,
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
  const char *text;               /* search text, NULL or "" for none */
  DnTaskSort  sort;
  gboolean    descending;
} DnTaskQuery;

void        dn_task_query_init             (DnTaskQuery *query);

/* Adds a task with its lead unit (task->lead_unit_id) and supporting units
 * (task->support_unit_ids); one assignment each, with the task's due date. */
gboolean    dn_store_add_task              (DnStore  *self,
                                            DnTask   *task,
                                            GError  **error);
/* Saves the task's fields and reconciles its assignments with
 * lead_unit_id/support_unit_ids (assignments of kept units are kept). */
gboolean    dn_store_update_task           (DnStore  *self,
                                            DnTask   *task,
                                            GError  **error);
/* Deleted tasks are kept, hidden, until dn_store_restore_task() (undo). */
gboolean    dn_store_delete_task           (DnStore  *self,
                                            gint64    id,
                                            GError  **error);
gboolean    dn_store_restore_task          (DnStore  *self,
                                            gint64    id,
                                            GError  **error);
/* Sets the status; marking a recurring task done creates its next
 * occurrence (its id in @next_id, else 0). */
gboolean    dn_store_set_task_status       (DnStore   *self,
                                            gint64     id,
                                            DnStatus   status,
                                            gint64    *next_id,
                                            GError   **error);
DnTask     *dn_store_get_task              (DnStore  *self,
                                            gint64    id,
                                            GError  **error);
GPtrArray  *dn_store_list_tasks            (DnStore            *self,
                                            const DnTaskQuery  *query,
                                            guint               offset,
                                            guint               limit,
                                            GError            **error);
/* All matching ids in order (for lazy list models). */
GArray     *dn_store_list_task_ids         (DnStore            *self,
                                            const DnTaskQuery  *query,
                                            GError            **error);
gint64      dn_store_count_tasks           (DnStore            *self,
                                            const DnTaskQuery  *query,
                                            GError            **error);
/* Fills the tasks of @ids (in that order; missing ones are skipped). */
GPtrArray  *dn_store_get_tasks             (DnStore       *self,
                                            const gint64  *ids,
                                            guint          n_ids,
                                            GError       **error);
/* Sub-assignment: one child task per unit, each led by that unit, in one
 * transaction. The units must be below the parent's lead unit. Returns the
 * new ids. */
GArray     *dn_store_subassign_task        (DnStore       *self,
                                            gint64         task_id,
                                            const gint64  *unit_ids,
                                            guint          n_units,
                                            GError       **error);
/* Next due date of a recurring task after @due (FALSE for DN_RECURRENCE_NONE). */
gboolean    dn_recurrence_next_due         (DnRecurrence  recurrence,
                                            const GDate  *due,
                                            GDate        *out);

/* Assignments and progress -------------------------------------------- */

GPtrArray  *dn_store_list_assignments      (DnStore  *self,
                                            gint64    task_id,
                                            GError  **error);
DnAssignment *dn_store_get_assignment      (DnStore  *self,
                                            gint64    id,
                                            GError  **error);
/* Saves due date, status and reply reference of an assignment. */
gboolean    dn_store_update_assignment     (DnStore       *self,
                                            DnAssignment  *assignment,
                                            GError       **error);
/* Gia hạn: a new deadline with a reason; the old one stays in the history. */
gboolean    dn_store_extend_assignment     (DnStore      *self,
                                            gint64        assignment_id,
                                            const GDate  *new_due,
                                            const char   *reason,
                                            GError      **error);
GPtrArray  *dn_store_list_extensions       (DnStore  *self,
                                            gint64    assignment_id,
                                            GError  **error);
gboolean    dn_store_add_progress          (DnStore     *self,
                                            DnProgress  *progress,
                                            GError     **error);
/* Oldest first. */
GPtrArray  *dn_store_list_progress         (DnStore  *self,
                                            gint64    task_id,
                                            GError  **error);

/* Search --------------------------------------------------------------- */

/* Searches every kind of record, accent-insensitively, the last word as a
 * prefix; best matches first. */
GPtrArray  *dn_store_search                (DnStore     *self,
                                            const char  *text,
                                            guint        limit,
                                            GError     **error);

/* Reminders (đôn đốc) and figures ---------------------------------------- */

/* Records a reminder to a unit assigned to the task (lead or supporting). */
gboolean    dn_store_add_reminder          (DnStore     *self,
                                            DnReminder  *reminder,
                                            GError     **error);
/* Oldest first. */
GPtrArray  *dn_store_list_reminders        (DnStore  *self,
                                            gint64    task_id,
                                            GError  **error);
/* One DnUnitStat per unit that leads a task due in [@from, @to] or has
 * received reminders, by unit name (Vietnamese order). */
GPtrArray  *dn_store_list_unit_stats       (DnStore      *self,
                                            const GDate  *from,
                                            const GDate  *to,
                                            GError      **error);

G_END_DECLS
