/* dn-write.h: one write the window makes, as a value
 *
 * Every change an officer makes in the window is described by a DnWrite
 * and handed to the window's DnWriter (dn-writer.h), which makes it:
 * in the local database (DnStoreWriter), or through the department
 * server (DnRemoteWriter, src/sync). What a write needs is in its fields;
 * what it made (a new id, the next occurrence of a recurring task) is
 * filled in when it succeeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-progress.h"
#include "dn-reminder.h"
#include "dn-task.h"

G_BEGIN_DECLS

typedef enum
{
  DN_WRITE_ADD_TASK,          /* task: a new task (its id filled in; one
                               * already done closed, its next occurrence
                               * made) */
  DN_WRITE_UPDATE_TASK,       /* task, revision: the task's new fields */
  DN_WRITE_SET_TASK_STATUS,   /* id, status, revision */
  DN_WRITE_MARK_TASK_DONE,    /* id, keep_open, revision */
  DN_WRITE_DELETE_TASK,       /* id, revision */
  DN_WRITE_ADD_PROGRESS,      /* progress (its id filled in), file (may be NULL) */
  DN_WRITE_EXTEND_ASSIGNMENT, /* id (of the assignment), date, reason */
  DN_WRITE_ADD_REMINDER,      /* reminder (its id filled in) */
  DN_WRITE_SET_ASSIGNMENT_STATUS, /* id (of the assignment), status: a
                                   * unit's own part of a task */
  DN_WRITE_PASS_DOWN,         /* id (of the task), units (gint64 unit ids),
                               * date (their deadline; unset: the task's):
                               * one sub-task each, their ids in made_ids */
  DN_WRITE_HAND_OUT_PASSPORT, /* record: a DnPassportLoan (passport_id,
                               * delegation_id, handed_out_on, handed_to,
                               * receipt_signed), confirmed; the loan's id
                               * in made_id */
  DN_WRITE_TAKE_BACK_PASSPORT, /* record: a DnPassportLoan (passport_id,
                                * returned_on, returned_by, received_by,
                                * exemption_reason, excused_by) */
  DN_WRITE_ATTACH,            /* file attached to the record id of
                               * record_kind (its attachment's id in
                               * made_id) */
  DN_WRITE_DELETE_RECORD,     /* writable, id, revision: a record of a kind
                               * of dn-writable.h deleted */
  DN_WRITE_SAVE_RECORD,       /* record (a kind of dn-writable.h: id 0, a new
                               * one, its id filled in; else all its fields
                               * written), revision, confirmed, date (the
                               * day its warnings are judged on; unset:
                               * today); a delegation's parts with it */
  DN_WRITE_DETACH,            /* attachment_id taken off the record id of
                               * record_kind (the stored file goes too when
                               * nothing shows it any more) */
  DN_WRITE_ISSUE_REPORT,      /* record: a kept DnReport (its date the
                               * document's), number (in the outgoing
                               * register), reason (the subject), file (its
                               * PDF): the document made in made_id */
  DN_WRITE_MOVE_DELEGATION,   /* record: a DnDelegation naming the step (its
                               * id, status: the one it moves to, approved
                               * with its decision_document_id (0: the one
                               * it has), returned on its end_date (unset:
                               * the planned end), reported with its
                               * report_document_id (0: none) on its
                               * report_submitted_on), revision */
  DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS, /* record: a DnPassportLoan
                                           * (delegation_id, handed_out_on,
                                           * handed_by), confirmed, revision
                                           * (of the delegation): the
                                           * chosen passport of every member */
  DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS, /* record: a DnPassportLoan
                                            * (delegation_id, returned_on,
                                            * received_by, exemption_reason,
                                            * excused_by), revision (of the
                                            * delegation): every one still
                                            * out */
  DN_WRITE_ADD_PASSPORT_EVENT, /* record: a DnPassportEvent (passport_id,
                                * kind: lost, transferred or sent for
                                * cancellation, on_date, letter,
                                * document_id, notes), revision (of the
                                * passport); the event's id in made_id */
  DN_WRITE_EXTEND_PASSPORT,   /* record: a DnPassportEvent (passport_id,
                               * on_date: the day of the extension,
                               * letter), date (the new expiry), revision
                               * (of the passport) */
  DN_WRITE_REGISTER_DOCUMENT, /* record: a DnDocument (id 0: a new one, its
                               * id filled in; else all its fields
                               * written), revision, confirmed: numbered in
                               * its register (dn_store_register_document),
                               * the numbers given set in it */
  DN_WRITE_RECORD_REPORT_RECEIVED, /* record: a DnOwedReport (task_id,
                                    * unit_id, received_on, note,
                                    * document_id), file (its PDF, or
                                    * NULL): a unit's periodic report
                                    * received; its id in made_id */
  DN_WRITE_SET_RULES,         /* values: the department's rules, one int
                               * per DnSetting (dn-store-settings.h) in its
                               * order; those that differ are written */
  DN_WRITE_ADD_TASKS,         /* tasks: new tasks (DnTask) made together or
                               * none (the tasks of a directive), their ids
                               * in made_ids */
  DN_WRITE_RENAME_UNIT,       /* record: a DnUnit (id, name: the new one,
                               * code, kind), date (the day the new name
                               * takes effect; the old one kept for the
                               * days before), revision:
                               * dn_store_rename_unit_as() */
  DN_WRITE_ARCHIVE_UNIT,      /* record: a DnUnit (id, archived: archived or
                               * restored), revision */
  DN_WRITE_MERGE_UNITS,       /* id (the unit merged), units (one id: the
                               * unit that takes over), revision (of the
                               * unit merged): the merge's id in made_id
                               * (dn_store_undo_merge() puts it back) */
} DnWriteKind;

typedef struct
{
  DnWriteKind  kind;

  /* what to write */
  DnTask      *task;
  DnProgress  *progress;
  DnReminder  *reminder;
  GObject     *record;      /* DN_WRITE_SAVE_RECORD's, a passport's loan,
                             * a delegation's step, a unit renamed or
                             * archived */
  const struct _DnWritable *writable; /* DN_WRITE_DELETE_RECORD's kind */
  struct _DnDelegationParts *parts;   /* a delegation's countries, members
                                       * and programme saved with it, or
                                       * NULL (dn-store-delegation-edit.h) */
  GFile       *file;        /* a file attached with it, or NULL */
  gint64       id;          /* the record written to */
  DnRecordKind record_kind; /* DN_WRITE_ATTACH's and DN_WRITE_DETACH's record */
  gint64       attachment_id; /* DN_WRITE_DETACH's file */
  int          number;      /* DN_WRITE_ISSUE_REPORT's number */
  GArray      *values;      /* int: DN_WRITE_SET_RULES's */
  GPtrArray   *tasks;       /* DnTask: DN_WRITE_ADD_TASKS's */
  gint64       revision;    /* the revision it was read at: a change made
                             * by someone else since is a conflict; -1: not
                             * checked */
  DnStatus     status;
  GArray      *keep_open;   /* gint64 unit ids */
  GArray      *units;       /* gint64 unit ids */
  GDate        date;
  char        *reason;
  gboolean     confirmed;   /* what the store only warns about
                             * (DN_STORE_ERROR_WARNING) is accepted */

  /* what it made */
  gint64       made_id;     /* a new record's id */
  gint64       next_id;     /* the next occurrence of a recurring task, or 0 */
  GArray      *made_ids;    /* gint64: the sub-tasks a pass-down made */
} DnWrite;

#define DN_TYPE_WRITE (dn_write_get_type ())
GType    dn_write_get_type (void) G_GNUC_CONST;

/* A write of @kind with nothing set, revision -1 */
DnWrite *dn_write_new     (DnWriteKind kind);
DnWrite *dn_write_ref     (DnWrite    *write);
void     dn_write_unref   (DnWrite    *write);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnWrite, dn_write_unref)

/* A DN_WRITE_SAVE_RECORD of @record (a kind of dn-writable.h) read at
 * @revision (-1: not checked) */
DnWrite *dn_write_new_save (gpointer    record,
                            gint64      revision);

/* A DN_WRITE_DELETE_RECORD of the record @id of @writable's kind, read at
 * @revision (-1: not checked) */
DnWrite *dn_write_new_delete (const struct _DnWritable *writable,
                              gint64                    id,
                              gint64                    revision);

/* A DN_WRITE_MOVE_DELEGATION of the delegation @id to @to (the step's
 * day and document left to set in @write->record), read at @revision (-1:
 * not checked) */
DnWrite *dn_write_new_delegation_step (gint64              id,
                                       DnDelegationStatus  to,
                                       gint64              revision);

/* The kind of record it writes, as the database and the API name it
 * ("task", "progress", "assignment", "reminder", "partner"…); for a
 * delegation's passports, "delegation": what its revision is of */
const char *dn_write_get_table (const DnWrite *write);

G_END_DECLS
