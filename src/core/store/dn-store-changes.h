/* dn-store-changes.h: revisions and the change log (schema version 11)
 *
 * Every change to a table the department server's API serves (the tables
 * with a "revision" column) is one entry of the change log, written by a
 * trigger in the write's own transaction: a rolled-back write leaves none.
 * Its revision numbers the changes of the whole database in order and is
 * never reused; the changed row's "revision" becomes that number. A row
 * present when the database was upgraded to version 11 keeps revision 0
 * and has one "insert" entry, written by the upgrade, so that a reader
 * starting from 0 gets every row; an import's rows are inserts like any
 * other. A link table without an id of its own
 * (document_attachment, task_attachment, delegation_attachment,
 * delegation_country) logs every change as an "update" of its owner's
 * links: the entry's row is the document, task or delegation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_CHANGE_INSERT,
  DN_CHANGE_UPDATE,
  DN_CHANGE_DELETE,
} DnChangeOp;

/* "insert", "update", "delete" (the words of the log and of the API). */
const char *dn_change_op_to_string (DnChangeOp op);

/* The last change of one row after a given revision. */
typedef struct
{
  char       *table;
  gint64      row_id;     /* the row's id; for a link table, its owner's */
  DnChangeOp  op;
  gint64      revision;   /* of this change, in the log */
} DnChange;

void        dn_change_free           (DnChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnChange, dn_change_free)

/* The revision of the latest change (0 when none was logged). */
gint64      dn_store_get_revision    (DnStore  *self);

/* The rows changed after @since, each once with its last change (a row
 * changed five times is one update; a row inserted and deleted after
 * @since is a delete — its reader may never have held it, and deleting a
 * row one does not hold does nothing), ordered by that change's revision,
 * oldest first, at most @limit of them (0: no limit). Returns DnChange
 * records (freed with the array). *@last_revision is where the next read
 * starts: the revision of the last change returned when the page is full,
 * else the latest revision of the log (the same snapshot), or @since when
 * nothing changed. Pages are consistent: a row changed again after its
 * page comes again on a later one.
 *
 * The store does not filter what a caller may see: the server applies its
 * rights to each change read (a row outside the caller's scope dropped, or
 * sent as a deletion) and still moves the caller's cursor to
 * *@last_revision, so the log is read once whatever is kept. */
GPtrArray  *dn_store_read_changes    (DnStore  *self,
                                      gint64    since,
                                      guint     limit,
                                      gint64   *last_revision,
                                      GError  **error);

/* Whether @table is logged (has a "revision" column); *@key_column (when
 * not NULL) is set to the column a change's row_id is read from: "id", or
 * for a link table the owner's column ("document_id", "task_id",
 * "delegation_id"; free it). */
gboolean    dn_store_is_logged_table (DnStore     *self,
                                      const char  *table,
                                      char       **key_column);

/* The revision of the row @id of @table (the revision a write made on it
 * will name), or -1 with DN_STORE_ERROR_NOT_FOUND when there is no such
 * row, DN_STORE_ERROR_INVALID for a table that is not logged or has no id
 * of its own. */
gint64      dn_store_get_row_revision (DnStore     *self,
                                       const char  *table,
                                       gint64       id,
                                       GError     **error);

/* TRUE when the row @id of @table still has revision @expected: the
 * revision a write was made on. DN_STORE_ERROR_CONFLICT when someone
 * changed it since (the message says so; the caller reads the current
 * record and lets the officer choose), DN_STORE_ERROR_NOT_FOUND when it was
 * deleted, DN_STORE_ERROR_INVALID for a table that is not logged or has no
 * id of its own. Call it inside the write's transaction, before writing. */
gboolean    dn_store_check_revision  (DnStore     *self,
                                      const char  *table,
                                      gint64       id,
                                      gint64       expected,
                                      GError     **error);

/* Who made row @id of @table: the actor (dn_store_set_actor()) of the
 * row's latest insert in the change log — for a task, of the first
 * occurrence of its chain (the next occurrence of a recurring task is
 * inserted by whoever completed the one before, not by whoever gave the
 * work); NULL when the log does not say (a row from before schema version
 * 11, one imported, or none such), or on an error (@error set). The
 * department server judges by it whether a unit officer made a task. */
char       *dn_store_dup_creator     (DnStore     *self,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);

G_END_DECLS
