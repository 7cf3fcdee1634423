/* dn-write.c: one write the window makes, as a value (dn-write.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-delegation.h"
#include "dn-store.h"
#include "dn-writable.h"
#include "dn-write.h"

typedef struct
{
  DnWrite        write;
  gatomicrefcount ref_count;
} DnWriteReal;

G_DEFINE_BOXED_TYPE (DnWrite, dn_write, dn_write_ref, dn_write_unref)

DnWrite *
dn_write_new (DnWriteKind kind)
{
  DnWriteReal *real = g_new0 (DnWriteReal, 1);

  g_atomic_ref_count_init (&real->ref_count);
  real->write.kind = kind;
  real->write.revision = -1;
  real->write.status = DN_STATUS_OPEN;
  g_date_clear (&real->write.date, 1);
  return &real->write;
}

DnWrite *
dn_write_ref (DnWrite *write)
{
  DnWriteReal *real = (DnWriteReal *) write;

  g_return_val_if_fail (write != NULL, NULL);
  g_atomic_ref_count_inc (&real->ref_count);
  return write;
}

void
dn_write_unref (DnWrite *write)
{
  DnWriteReal *real = (DnWriteReal *) write;

  g_return_if_fail (write != NULL);
  if (!g_atomic_ref_count_dec (&real->ref_count))
    return;
  g_clear_object (&write->task);
  g_clear_object (&write->progress);
  g_clear_object (&write->reminder);
  g_clear_object (&write->record);
  g_clear_pointer (&write->parts, dn_delegation_parts_free);
  g_clear_object (&write->file);
  g_clear_pointer (&write->keep_open, g_array_unref);
  g_clear_pointer (&write->units, g_array_unref);
  g_clear_pointer (&write->made_ids, g_array_unref);
  g_clear_pointer (&write->values, g_array_unref);
  g_clear_pointer (&write->tasks, g_ptr_array_unref);
  g_free (write->reason);
  g_free (real);
}

DnWrite *
dn_write_new_save (gpointer record,
                   gint64   revision)
{
  DnWrite *write;

  g_return_val_if_fail (dn_writable_for_record (record) != NULL, NULL);
  write = dn_write_new (DN_WRITE_SAVE_RECORD);
  write->record = g_object_ref (record);
  write->revision = revision;
  return write;
}

DnWrite *
dn_write_new_delete (const DnWritable *writable,
                     gint64            id,
                     gint64            revision)
{
  DnWrite *write;

  g_return_val_if_fail (writable != NULL && writable->remove != NULL, NULL);
  write = dn_write_new (DN_WRITE_DELETE_RECORD);
  write->writable = writable;
  write->id = id;
  write->revision = revision;
  return write;
}

const char *
dn_write_get_table (const DnWrite *write)
{
  switch (write->kind)
    {
    case DN_WRITE_ADD_TASK:
    case DN_WRITE_UPDATE_TASK:
    case DN_WRITE_SET_TASK_STATUS:
    case DN_WRITE_MARK_TASK_DONE:
    case DN_WRITE_DELETE_TASK:
    case DN_WRITE_PASS_DOWN:
      return "task";
    case DN_WRITE_ADD_PROGRESS:
      return "progress";
    case DN_WRITE_EXTEND_ASSIGNMENT:
    case DN_WRITE_SET_ASSIGNMENT_STATUS:
      return "assignment";
    case DN_WRITE_ADD_REMINDER:
      return "reminder";
    case DN_WRITE_ATTACH:
    case DN_WRITE_DETACH:
      return "attachment";
    case DN_WRITE_HAND_OUT_PASSPORT:
    case DN_WRITE_TAKE_BACK_PASSPORT:
      return "passport_loan";
    case DN_WRITE_DELETE_RECORD:
      return write->writable->table;
    case DN_WRITE_ISSUE_REPORT:
      return "report";
    case DN_WRITE_SET_RULES:
      return "setting";
    case DN_WRITE_ADD_TASKS:
      return "task";
    case DN_WRITE_SAVE_RECORD:
      return dn_writable_for_record (write->record)->table;
    case DN_WRITE_MOVE_DELEGATION:
    case DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS:
    case DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS:
      return "delegation";
    case DN_WRITE_ADD_PASSPORT_EVENT:
    case DN_WRITE_EXTEND_PASSPORT:
      return "passport";
    case DN_WRITE_REGISTER_DOCUMENT:
      return "document";
    case DN_WRITE_RECORD_REPORT_RECEIVED:
      return "report_receipt";
    case DN_WRITE_RENAME_UNIT:
    case DN_WRITE_ARCHIVE_UNIT:
    case DN_WRITE_MERGE_UNITS:
      return "unit";
    default:
      g_return_val_if_reached ("");
    }
}

DnWrite *
dn_write_new_delegation_step (gint64              id,
                              DnDelegationStatus  to,
                              gint64              revision)
{
  DnWrite *write = dn_write_new (DN_WRITE_MOVE_DELEGATION);
  DnDelegation *step = dn_delegation_new ();

  step->id = id;
  step->status = to;
  write->record = G_OBJECT (step);
  write->revision = revision;
  return write;
}
