/* dn-store-writer.c: the window's writes made in the local database
 * (dn-store-writer.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-attachments.h"
#include "dn-store-changes.h"
#include "dn-store-delegation-edit.h"
#include "dn-store-documents.h"
#include "dn-store-owed-reports.h"
#include "dn-store-passport-ledger.h"
#include "dn-store-passports.h"
#include "dn-store-reminders.h"
#include "dn-store-reports.h"
#include "dn-store-settings.h"
#include "dn-store-tasks.h"
#include "dn-store-writer.h"
#include "dn-writable.h"

struct _DnStoreWriter
{
  GObject  parent_instance;

  DnStore *store;
};

static void dn_store_writer_iface_init (DnWriterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DnStoreWriter, dn_store_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DN_TYPE_WRITER, dn_store_writer_iface_init))

static gboolean
save_record (DnStore  *store,
             DnWrite  *write,
             GError  **error)
{
  const DnWritable *kind = dn_writable_for_record (write->record);
  gboolean is_new = dn_writable_get_id (kind, write->record) == 0;
  GDate today;

  if (g_date_valid (&write->date))
    today = write->date;
  else
    dn_date_today (&today);
  if (write->parts != NULL)
    {
      /* a delegation with its parts: made new again when refused */
      g_return_val_if_fail (kind == &dn_writable_delegation, FALSE);
      if (!dn_store_save_delegation (store, DN_DELEGATION (write->record), write->parts, write->confirmed, error))
        return FALSE;
    }
  else if (!kind->save (store, write->record, is_new, write->confirmed, &today, error))
    {
      /* a new record the transaction took back is new again */
      if (is_new)
        dn_writable_set_id (kind, write->record, 0);
      return FALSE;
    }
  if (is_new)
    write->made_id = dn_writable_get_id (kind, write->record);
  return TRUE;
}

/* A delegation's step (DN_WRITE_MOVE_DELEGATION) */
static gboolean
move_delegation (DnStore       *store,
                 DnDelegation  *step,
                 GError       **error)
{
  switch (step->status)
    {
    case DN_DELEGATION_APPROVED:
      return dn_store_approve_delegation (store, step->id, step->decision_document_id, error);
    case DN_DELEGATION_ABROAD:
      return dn_store_depart_delegation (store, step->id, error);
    case DN_DELEGATION_RETURNED:
      return dn_store_return_delegation (store, step->id, g_date_valid (&step->end_date) ? &step->end_date : NULL,
                                         error);
    case DN_DELEGATION_REPORTED:
      return dn_store_record_delegation_report (store, step->id, step->report_document_id,
                                                &step->report_submitted_on, error);
    case DN_DELEGATION_CANCELLED:
      return dn_store_cancel_delegation (store, step->id, error);
    case DN_DELEGATION_PROPOSED:
    case DN_DELEGATION_STATUS_N:
    default:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   /* Translators: "A delegation cannot be moved back to Proposed." */
                   _("A delegation cannot be moved back to “%s”."), dn_delegation_status_get_label (step->status));
      return FALSE;
    }
}

static gboolean
write_in_transaction (DnStore  *store,
                      DnWrite  *write,
                      GError  **error)
{
  switch (write->kind)
    {
    case DN_WRITE_ADD_TASK:
      if (!dn_store_add_task_full (store, write->task, &write->next_id, error))
        return FALSE;
      write->made_id = write->task->id;
      return TRUE;
    case DN_WRITE_UPDATE_TASK:
      return dn_store_update_task_full (store, write->task, &write->next_id, &write->made_id, error);
    case DN_WRITE_SET_TASK_STATUS:
      return dn_store_set_task_status (store, write->id, write->status, &write->next_id, error);
    case DN_WRITE_MARK_TASK_DONE:
      return dn_store_mark_task_done (store, write->id,
                                      write->keep_open != NULL ? (const gint64 *) (gpointer) write->keep_open->data : NULL,
                                      write->keep_open != NULL ? write->keep_open->len : 0,
                                      &write->next_id, &write->made_id, error);
    case DN_WRITE_DELETE_TASK:
      return dn_store_delete_task (store, write->id, error);
    case DN_WRITE_ADD_PROGRESS:
      if (write->file != NULL)
        {
          g_autoptr(DnAttachment) attachment = dn_store_add_attachment (store, write->file, NULL, error);

          if (attachment == NULL)
            return FALSE;
          write->progress->attachment_id = attachment->id;
        }
      if (!dn_store_add_progress (store, write->progress, error))
        return FALSE;
      write->made_id = write->progress->id;
      return TRUE;
    case DN_WRITE_EXTEND_ASSIGNMENT:
      return dn_store_extend_assignment (store, write->id, &write->date, write->reason, error);
    case DN_WRITE_ADD_REMINDER:
      if (!dn_store_add_reminder (store, write->reminder, error))
        return FALSE;
      write->made_id = write->reminder->id;
      return TRUE;
    case DN_WRITE_SET_ASSIGNMENT_STATUS:
      return dn_store_set_assignment_status (store, write->id, write->status, error);
    case DN_WRITE_PASS_DOWN:
      g_clear_pointer (&write->made_ids, g_array_unref);
      write->made_ids = dn_store_subassign_task (store, write->id,
                                                 write->units != NULL ? (const gint64 *) (gpointer) write->units->data
                                                                      : NULL,
                                                 write->units != NULL ? write->units->len : 0,
                                                 g_date_valid (&write->date) ? &write->date : NULL, error);
      return write->made_ids != NULL;
    case DN_WRITE_HAND_OUT_PASSPORT:
      {
        DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);

        write->made_id = dn_store_hand_out_passport (store, loan->passport_id, loan->delegation_id,
                                                     &loan->handed_out_on, NULL, loan->handed_to,
                                                     loan->receipt_signed, write->confirmed, error);
        return write->made_id > 0;
      }
    case DN_WRITE_TAKE_BACK_PASSPORT:
      {
        DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);

        return dn_store_take_back_passport (store, loan->passport_id, &loan->returned_on, loan->returned_by,
                                            loan->received_by, loan->exemption_reason, loan->excused_by, error);
      }
    case DN_WRITE_ATTACH:
      {
        g_autoptr(DnAttachment) attachment = dn_store_attach_file (store, write->record_kind, write->id, write->file,
                                                                   NULL, error);

        if (attachment == NULL)
          return FALSE;
        write->made_id = attachment->id;
        return TRUE;
      }
    case DN_WRITE_DELETE_RECORD:
      return write->writable->remove (store, write->id, error);
    case DN_WRITE_SAVE_RECORD:
      return save_record (store, write, error);
    case DN_WRITE_ISSUE_REPORT:
      if (!dn_store_issue_report (store, DN_REPORT (write->record), write->number, write->reason, write->file, NULL,
                                  error))
        return FALSE;
      write->made_id = DN_REPORT (write->record)->document_id;
      return TRUE;
    case DN_WRITE_MOVE_DELEGATION:
      return move_delegation (store, DN_DELEGATION (write->record), error);
    case DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS:
      {
        DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);

        return dn_store_hand_out_delegation_passports (store, loan->delegation_id, &loan->handed_out_on,
                                                       loan->handed_by, write->confirmed, error);
      }
    case DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS:
      {
        DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);

        return dn_store_take_back_delegation_passports (store, loan->delegation_id, &loan->returned_on,
                                                        loan->received_by, loan->exemption_reason,
                                                        loan->excused_by, error);
      }
    case DN_WRITE_ADD_PASSPORT_EVENT:
      write->made_id = dn_store_add_passport_event (store, DN_PASSPORT_EVENT (write->record), error);
      return write->made_id > 0;
    case DN_WRITE_EXTEND_PASSPORT:
      {
        DnPassportEvent *event = DN_PASSPORT_EVENT (write->record);

        return dn_store_extend_passport (store, event->passport_id, &write->date, &event->on_date, event->letter,
                                         error);
      }
    case DN_WRITE_REGISTER_DOCUMENT:
      {
        DnDocument *document = DN_DOCUMENT (write->record);
        gboolean is_new = document->id == 0;

        if (!dn_store_register_document (store, document, write->confirmed, error))
          return FALSE;
        if (is_new)
          write->made_id = document->id;
        return TRUE;
      }
    case DN_WRITE_RECORD_REPORT_RECEIVED:
      if (!dn_store_record_report_received (store, DN_OWED_REPORT (write->record), write->file, error))
        return FALSE;
      write->made_id = DN_OWED_REPORT (write->record)->id;
      return TRUE;
    case DN_WRITE_ADD_TASKS:
      g_clear_pointer (&write->made_ids, g_array_unref);
      write->made_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; write->tasks != NULL && i < write->tasks->len; i++)
        {
          DnTask *task = write->tasks->pdata[i];
          g_autoptr(GError) local = NULL;

          if (!dn_store_add_task_full (store, task, NULL, &local))
            {
              /* Translators: a task of several written together (its title
               * and its section in the directive), and why it is refused */
              g_set_error (error, local->domain, local->code, _("“%s” (%s): %s"), task->title, task->section,
                           local->message);
              /* the tasks the transaction took back are new again */
              for (guint j = 0; j <= i; j++)
                DN_TASK (write->tasks->pdata[j])->id = 0;
              g_clear_pointer (&write->made_ids, g_array_unref);
              return FALSE;
            }
          g_array_append_val (write->made_ids, task->id);
        }
      return TRUE;
    case DN_WRITE_SET_RULES:
      for (guint i = 0; write->values != NULL && i < MIN (write->values->len, DN_SETTING_N); i++)
        {
          int value = g_array_index (write->values, int, i);

          if (value != dn_store_get_setting (store, i) && !dn_store_set_setting (store, i, value, error))
            return FALSE;
        }
      return TRUE;
    case DN_WRITE_RENAME_UNIT:
      return dn_store_rename_unit_as (store, DN_UNIT (write->record), &write->date, error);
    case DN_WRITE_ARCHIVE_UNIT:
      return dn_store_set_unit_archived (store, DN_UNIT (write->record)->id, DN_UNIT (write->record)->archived,
                                         error);
    case DN_WRITE_MERGE_UNITS:
      return dn_store_merge_units (store, write->id,
                                   write->units != NULL && write->units->len == 1
                                     ? g_array_index (write->units, gint64, 0) : 0,
                                   &write->made_id, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The record a write's revision is of (of dn_write_get_table()), or 0:
 * nothing checked */
static gint64
checked_id (DnWrite *write)
{
  if (write->revision < 0)
    return 0;
  if (write->kind == DN_WRITE_SAVE_RECORD || write->kind == DN_WRITE_ISSUE_REPORT)
    return dn_writable_get_id (dn_writable_for_record (write->record), write->record);
  if (write->kind == DN_WRITE_UPDATE_TASK)
    return write->task->id;
  if (write->kind == DN_WRITE_SET_TASK_STATUS || write->kind == DN_WRITE_MARK_TASK_DONE ||
      write->kind == DN_WRITE_DELETE_TASK || write->kind == DN_WRITE_SET_ASSIGNMENT_STATUS ||
      write->kind == DN_WRITE_PASS_DOWN || write->kind == DN_WRITE_DELETE_RECORD)
    return write->id;
  if (write->kind == DN_WRITE_MOVE_DELEGATION)
    return DN_DELEGATION (write->record)->id;
  if (write->kind == DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS || write->kind == DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS)
    return DN_PASSPORT_LOAN (write->record)->delegation_id;
  if (write->kind == DN_WRITE_ADD_PASSPORT_EVENT || write->kind == DN_WRITE_EXTEND_PASSPORT)
    return DN_PASSPORT_EVENT (write->record)->passport_id;
  if (write->kind == DN_WRITE_REGISTER_DOCUMENT)
    return DN_DOCUMENT (write->record)->id;
  if (write->kind == DN_WRITE_RENAME_UNIT || write->kind == DN_WRITE_ARCHIVE_UNIT)
    return DN_UNIT (write->record)->id;
  if (write->kind == DN_WRITE_MERGE_UNITS)
    return write->id;
  return 0;
}

gboolean
dn_store_write (DnStore  *store,
                DnWrite  *write,
                GError  **error)
{
  gint64 id = checked_id (write);

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  write->made_id = 0;
  write->next_id = 0;
  /* in a transaction of its own: the stored file is deleted after it */
  if (write->kind == DN_WRITE_DETACH)
    return dn_store_detach (store, write->record_kind, write->id, write->attachment_id, error);
  if (!dn_store_begin (store, error))
    return FALSE;
  if ((id > 0 && !dn_store_check_revision (store, dn_write_get_table (write), id, write->revision, error)) ||
      !write_in_transaction (store, write, error))
    {
      dn_store_rollback (store);
      return FALSE;
    }
  return dn_store_commit (store, error);
}

static void
dn_store_writer_write_async (DnWriter            *writer,
                             DnWrite             *write,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  DnStoreWriter *self = DN_STORE_WRITER (writer);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, dn_store_writer_write_async);
  g_task_set_task_data (task, dn_write_ref (write), (GDestroyNotify) dn_write_unref);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (dn_store_write (self->store, write, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
dn_store_writer_write_finish (DnWriter      *writer,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, writer), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
dn_store_writer_write_now (DnWriter  *writer,
                           DnWrite   *write,
                           GError   **error)
{
  return dn_store_write (DN_STORE_WRITER (writer)->store, write, error);
}

static void
dn_store_writer_iface_init (DnWriterInterface *iface)
{
  iface->write_async = dn_store_writer_write_async;
  iface->write_finish = dn_store_writer_write_finish;
  iface->write_now = dn_store_writer_write_now;
}

DnWriter *
dn_store_writer_new (DnStore *store)
{
  DnStoreWriter *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  self = g_object_new (DN_TYPE_STORE_WRITER, NULL);
  self->store = g_object_ref (store);
  return DN_WRITER (self);
}

static void
dn_store_writer_finalize (GObject *object)
{
  DnStoreWriter *self = DN_STORE_WRITER (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (dn_store_writer_parent_class)->finalize (object);
}

static void
dn_store_writer_class_init (DnStoreWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_store_writer_finalize;
}

static void
dn_store_writer_init (DnStoreWriter *self)
{
}
