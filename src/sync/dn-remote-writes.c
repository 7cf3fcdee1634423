/* dn-remote-writes.c: the window's writes as requests of the API
 * (dn-remote-writes.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-connection"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-delegation.h"
#include "dn-owed-report.h"
#include "dn-passport-event.h"
#include "dn-passport-loan.h"
#include "dn-record-binds.h"
#include "dn-remote-writes.h"
#include "dn-store-reports.h"
#include "dn-store-settings.h"
#include "dn-store.h"
#include "dn-unit.h"

void
_dn_remote_request_clear (DnRemoteRequest *request)
{
  g_clear_pointer (&request->path, g_free);
  g_clear_pointer (&request->body, json_node_unref);
  g_clear_object (&request->upload);
}

static void
set_date (JsonObject  *object,
          const char  *name,
          const GDate *date)
{
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = dn_date_format_iso (date);

      json_object_set_string_member (object, name, text);
    }
  else
    json_object_set_null_member (object, name);
}

static void
set_id_or_null (JsonObject *object,
                const char *name,
                gint64      id)
{
  if (id > 0)
    json_object_set_int_member (object, name, id);
  else
    json_object_set_null_member (object, name);
}

static JsonArray *
ids_array (const GArray *ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  return array;
}

/* A task's fields as POST /tasks and PATCH /tasks/{id} take them */
static JsonObject *
task_fields (DnTask *task)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "title", task->title);
  json_object_set_string_member (object, "description", task->description);
  json_object_set_string_member (object, "section", task->section);
  set_date (object, "due_date", &task->due_date);
  json_object_set_string_member (object, "recurrence", dn_recurrence_to_string (task->recurrence));
  set_id_or_null (object, "document_id", task->document_id);
  json_object_set_int_member (object, "lead_unit_id", task->lead_unit_id);
  json_object_set_array_member (object, "support_unit_ids", ids_array (task->support_unit_ids));
  return object;
}

static JsonNode *
node_of (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/* @records as @binds write them */
static JsonArray *
records_array (GPtrArray    *records,
               const DnBind *binds)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < records->len; i++)
    json_array_add_object_element (array, _dn_record_binds_write (binds, records->pdata[i]));
  return array;
}

/* What a delegation's editor changed with it (dn-server-delegation-parts.c) */
static void
set_delegation_parts (JsonObject        *object,
                      DnDelegationParts *parts)
{
  JsonArray *members;

  if (parts->countries != NULL)
    json_object_set_array_member (object, "countries", records_array (parts->countries, _dn_country_binds));
  members = records_array (parts->new_members, _dn_member_binds);
  for (guint i = 0; i < parts->new_members->len; i++)
    if (DN_DELEGATION_MEMBER (parts->new_members->pdata[i])->person_id > 0)
      {
        /* one of the staff is named by the person's record */
        JsonObject *member = json_array_get_object_element (members, i);

        json_object_remove_member (member, "guest_name");
      }
  json_object_set_array_member (object, "new_members", members);
  json_object_set_array_member (object, "removed_members", ids_array (parts->removed_members));
  json_object_set_array_member (object, "new_programme", records_array (parts->new_programme, _dn_programme_binds));
  json_object_set_array_member (object, "removed_programme", ids_array (parts->removed_programme));
}

/* A record written whole: POST to its collection, or PATCH of its fields
 * at the revision read; with @step, POST to the collection's or the
 * record's @step ("/register") instead, "confirmed" always sent */
static gboolean
save_request (DnWrite          *write,
              DnRemoteRequest  *request,
              const char       *step,
              GError          **error)
{
  const DnWritable *kind = dn_writable_for_record (write->record);
  const DnBind *binds = _dn_record_binds (kind);
  gint64 id = dn_writable_get_id (kind, write->record);
  JsonObject *object;

  if (binds == NULL || (id > 0 && write->revision < 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This change cannot be made through the department server."));
      return FALSE;
    }
  object = _dn_record_binds_write (binds, write->record);
  if (write->parts != NULL)
    set_delegation_parts (object, write->parts);
  if (kind->warns || step != NULL)
    json_object_set_boolean_member (object, "confirmed", write->confirmed);
  if (id > 0)
    {
      json_object_set_int_member (object, "revision", write->revision);
      request->method = step != NULL ? "POST" : "PATCH";
      request->path = g_strdup_printf ("%s/%lld%s", kind->collection, (long long) id, step != NULL ? step : "");
    }
  else
    {
      request->method = "POST";
      request->path = g_strconcat (kind->collection, step, NULL);
    }
  request->body = node_of (object);
  return TRUE;
}

/* What happened to a passport: POST /passports/{id}/events, or its
 * extension, POST /passports/{id}/extension */
static gboolean
passport_event_request (DnWrite         *write,
                        DnRemoteRequest *request)
{
  DnPassportEvent *event = DN_PASSPORT_EVENT (write->record);
  JsonObject *object = json_object_new ();

  set_date (object, "on_date", &event->on_date);
  json_object_set_string_member (object, "letter", event->letter);
  if (write->revision >= 0)
    json_object_set_int_member (object, "revision", write->revision);
  request->method = "POST";
  if (write->kind == DN_WRITE_EXTEND_PASSPORT)
    {
      set_date (object, "new_expiry", &write->date);
      request->path = g_strdup_printf ("/passports/%lld/extension", (long long) event->passport_id);
    }
  else
    {
      json_object_set_string_member (object, "kind", dn_passport_event_kind_to_string (event->kind));
      set_id_or_null (object, "document_id", event->document_id);
      json_object_set_string_member (object, "notes", event->notes);
      request->path = g_strdup_printf ("/passports/%lld/events", (long long) event->passport_id);
    }
  request->body = node_of (object);
  return TRUE;
}

/* A delegation's step: POST /delegations/{id}/status */
static void
move_request (DnWrite         *write,
              DnRemoteRequest *request)
{
  DnDelegation *step = DN_DELEGATION (write->record);
  JsonObject *object = json_object_new ();
  const GDate *day = step->status == DN_DELEGATION_RETURNED ? &step->end_date
                     : step->status == DN_DELEGATION_REPORTED ? &step->report_submitted_on : NULL;
  gint64 document = step->status == DN_DELEGATION_APPROVED ? step->decision_document_id
                    : step->status == DN_DELEGATION_REPORTED ? step->report_document_id : 0;

  json_object_set_string_member (object, "status", dn_delegation_status_to_string (step->status));
  if (day != NULL && g_date_valid (day))
    set_date (object, "date", day);
  if (document > 0)
    json_object_set_int_member (object, "document_id", document);
  if (write->revision >= 0)
    json_object_set_int_member (object, "revision", write->revision);
  request->method = "POST";
  request->path = g_strdup_printf ("/delegations/%lld/status", (long long) step->id);
  request->body = node_of (object);
}

/* Every passport of a delegation handed out, or taken back */
static void
passports_request (DnWrite         *write,
                   DnRemoteRequest *request)
{
  DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);
  JsonObject *object = json_object_new ();

  if (write->kind == DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS)
    {
      set_date (object, "handed_out_on", &loan->handed_out_on);
      json_object_set_string_member (object, "handed_by", loan->handed_by);
      json_object_set_boolean_member (object, "confirmed", write->confirmed);
      request->path = g_strdup_printf ("/delegations/%lld/passports", (long long) loan->delegation_id);
    }
  else
    {
      set_date (object, "returned_on", &loan->returned_on);
      json_object_set_string_member (object, "received_by", loan->received_by);
      json_object_set_string_member (object, "exemption_reason", loan->exemption_reason);
      json_object_set_string_member (object, "excused_by", loan->excused_by);
      request->path = g_strdup_printf ("/delegations/%lld/passports/return", (long long) loan->delegation_id);
    }
  if (write->revision >= 0)
    json_object_set_int_member (object, "revision", write->revision);
  request->method = "POST";
  request->body = node_of (object);
}

/* The collection of the records files are attached to through the API */
static const char *
files_of (DnRecordKind kind)
{
  switch (kind)
    {
    case DN_RECORD_TASK:
      return "tasks";
    case DN_RECORD_DOCUMENT:
      return "documents";
    case DN_RECORD_DELEGATION:
      return "delegations";
    default:
      return NULL;
    }
}

/* A unit's steps: POST /units/{id}/rename, /archive, /merge */
static gboolean
unit_request (DnWrite         *write,
              DnRemoteRequest *request)
{
  JsonObject *object = json_object_new ();
  gint64 id;

  if (write->kind == DN_WRITE_RENAME_UNIT)
    {
      DnUnit *unit = DN_UNIT (write->record);

      id = unit->id;
      json_object_set_string_member (object, "name", unit->name);
      set_date (object, "effective", &write->date);
      json_object_set_string_member (object, "code", unit->code);
      json_object_set_string_member (object, "kind", dn_unit_kind_to_string (unit->kind));
      request->path = g_strdup_printf ("/units/%lld/rename", (long long) id);
    }
  else if (write->kind == DN_WRITE_ARCHIVE_UNIT)
    {
      id = DN_UNIT (write->record)->id;
      json_object_set_boolean_member (object, "archived", DN_UNIT (write->record)->archived);
      request->path = g_strdup_printf ("/units/%lld/archive", (long long) id);
    }
  else
    {
      if (write->units == NULL || write->units->len != 1)
        {
          json_object_unref (object);
          return FALSE;
        }
      json_object_set_int_member (object, "into", g_array_index (write->units, gint64, 0));
      request->path = g_strdup_printf ("/units/%lld/merge", (long long) write->id);
    }
  if (write->revision >= 0)
    json_object_set_int_member (object, "revision", write->revision);
  request->method = "POST";
  request->body = node_of (object);
  return TRUE;
}

gboolean
_dn_remote_write_request (DnWrite          *write,
                          DnRemoteRequest  *request,
                          GError          **error)
{
  JsonObject *object;

  memset (request, 0, sizeof *request);
  switch (write->kind)
    {
    case DN_WRITE_ADD_TASK:
      object = task_fields (write->task);
      if (write->task->status != DN_STATUS_OPEN)
        json_object_set_string_member (object, "status", dn_status_to_string (write->task->status));
      request->method = "POST";
      request->path = g_strdup ("/tasks");
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_UPDATE_TASK:
      object = task_fields (write->task);
      json_object_set_int_member (object, "revision", write->revision);
      request->method = "PATCH";
      request->path = g_strdup_printf ("/tasks/%lld", (long long) write->task->id);
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_SET_TASK_STATUS:
    case DN_WRITE_MARK_TASK_DONE:
      object = json_object_new ();
      json_object_set_string_member (object, "status", write->kind == DN_WRITE_MARK_TASK_DONE
                                                         ? dn_status_to_string (DN_STATUS_DONE)
                                                         : dn_status_to_string (write->status));
      json_object_set_int_member (object, "revision", write->revision);
      if (write->kind == DN_WRITE_MARK_TASK_DONE && write->keep_open != NULL && write->keep_open->len > 0)
        json_object_set_array_member (object, "keep_open", ids_array (write->keep_open));
      request->method = "POST";
      request->path = g_strdup_printf ("/tasks/%lld/status", (long long) write->id);
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_DELETE_TASK:
      request->method = "DELETE";
      request->path = write->revision >= 0
        ? g_strdup_printf ("/tasks/%lld?revision=%lld", (long long) write->id, (long long) write->revision)
        : g_strdup_printf ("/tasks/%lld", (long long) write->id);
      return TRUE;
    case DN_WRITE_ADD_PROGRESS:
      object = json_object_new ();
      set_id_or_null (object, "unit_id", write->progress->unit_id);
      set_date (object, "entry_date", &write->progress->entry_date);
      json_object_set_int_member (object, "percent", write->progress->percent);
      json_object_set_string_member (object, "note", write->progress->note);
      request->method = "POST";
      request->path = g_strdup_printf ("/tasks/%lld/progress", (long long) write->progress->task_id);
      request->body = node_of (object);
      request->upload = write->file != NULL ? g_object_ref (write->file) : NULL;
      return TRUE;
    case DN_WRITE_EXTEND_ASSIGNMENT:
      object = json_object_new ();
      set_date (object, "due_date", &write->date);
      json_object_set_string_member (object, "reason", write->reason != NULL ? write->reason : "");
      request->method = "POST";
      request->path = g_strdup_printf ("/assignments/%lld/extension", (long long) write->id);
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_ADD_REMINDER:
      object = json_object_new ();
      json_object_set_int_member (object, "unit_id", write->reminder->unit_id);
      json_object_set_string_member (object, "kind", dn_reminder_kind_to_string (write->reminder->kind));
      set_date (object, "sent_on", &write->reminder->sent_on);
      json_object_set_string_member (object, "note", write->reminder->note);
      request->method = "POST";
      request->path = g_strdup_printf ("/tasks/%lld/reminders", (long long) write->reminder->task_id);
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_SET_ASSIGNMENT_STATUS:
      object = json_object_new ();
      json_object_set_string_member (object, "status", dn_status_to_string (write->status));
      if (write->revision >= 0)
        json_object_set_int_member (object, "revision", write->revision);
      request->method = "POST";
      request->path = g_strdup_printf ("/assignments/%lld/status", (long long) write->id);
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_PASS_DOWN:
      object = json_object_new ();
      json_object_set_array_member (object, "unit_ids", ids_array (write->units));
      set_date (object, "due_date", &write->date);
      request->method = "POST";
      request->path = g_strdup_printf ("/tasks/%lld/pass-down", (long long) write->id);
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_HAND_OUT_PASSPORT:
      {
        DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);

        object = json_object_new ();
        json_object_set_int_member (object, "delegation_id", loan->delegation_id);
        set_date (object, "handed_out_on", &loan->handed_out_on);
        json_object_set_string_member (object, "handed_to", loan->handed_to);
        json_object_set_int_member (object, "receipt_signed", loan->receipt_signed ? 1 : 0);
        json_object_set_boolean_member (object, "confirmed", write->confirmed);
        request->method = "POST";
        request->path = g_strdup_printf ("/passports/%lld/loans", (long long) loan->passport_id);
        request->body = node_of (object);
        return TRUE;
      }
    case DN_WRITE_TAKE_BACK_PASSPORT:
      {
        DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);

        /* the officer who takes it in is the account signed in */
        object = json_object_new ();
        set_date (object, "returned_on", &loan->returned_on);
        json_object_set_string_member (object, "returned_by", loan->returned_by);
        json_object_set_string_member (object, "exemption_reason", loan->exemption_reason);
        json_object_set_string_member (object, "excused_by", loan->excused_by);
        request->method = "POST";
        request->path = g_strdup_printf ("/passports/%lld/return", (long long) loan->passport_id);
        request->body = node_of (object);
        return TRUE;
      }
    case DN_WRITE_ATTACH:
      /* the file is uploaded first; its id is put in the body then */
      if (files_of (write->record_kind) == NULL)
        break;
      object = json_object_new ();
      {
        g_autofree char *name = g_file_get_basename (write->file);

        json_object_set_string_member (object, "file_name", name);
      }
      request->method = "POST";
      request->path = g_strdup_printf ("/%s/%lld/attachments", files_of (write->record_kind), (long long) write->id);
      request->body = node_of (object);
      request->upload = g_object_ref (write->file);
      return TRUE;
    case DN_WRITE_DETACH:
      if (files_of (write->record_kind) == NULL)
        break;
      request->method = "DELETE";
      request->path = g_strdup_printf ("/%s/%lld/attachments?attachment_id=%lld", files_of (write->record_kind),
                                       (long long) write->id, (long long) write->attachment_id);
      return TRUE;
    case DN_WRITE_DELETE_RECORD:
      if (write->revision < 0)
        break;
      request->method = "DELETE";
      request->path = g_strdup_printf ("%s/%lld?revision=%lld", write->writable->collection, (long long) write->id,
                                       (long long) write->revision);
      return TRUE;
    case DN_WRITE_SAVE_RECORD:
      return save_request (write, request, NULL, error);
    case DN_WRITE_ISSUE_REPORT:
      {
        DnReport *report = DN_REPORT (write->record);

        /* the PDF is uploaded first; its id is put in the body then */
        if (write->revision < 0)
          break;
        object = json_object_new ();
        json_object_set_int_member (object, "revision", write->revision);
        json_object_set_int_member (object, "number", write->number);
        json_object_set_string_member (object, "subject", write->reason != NULL ? write->reason : "");
        set_date (object, "report_date", &report->report_date);
        request->method = "POST";
        request->path = g_strdup_printf ("/reports/%lld/issue", (long long) report->id);
        request->body = node_of (object);
        request->upload = g_object_ref (write->file);
        return TRUE;
      }
    case DN_WRITE_MOVE_DELEGATION:
      move_request (write, request);
      return TRUE;
    case DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS:
    case DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS:
      passports_request (write, request);
      return TRUE;
    case DN_WRITE_ADD_PASSPORT_EVENT:
    case DN_WRITE_EXTEND_PASSPORT:
      return passport_event_request (write, request);
    case DN_WRITE_REGISTER_DOCUMENT:
      return save_request (write, request, "/register", error);
    case DN_WRITE_RECORD_REPORT_RECEIVED:
      {
        DnOwedReport *receipt = DN_OWED_REPORT (write->record);

        /* the PDF is uploaded first; its id is put in the body then */
        object = json_object_new ();
        json_object_set_int_member (object, "unit_id", receipt->unit_id);
        set_date (object, "received_on", &receipt->received_on);
        json_object_set_string_member (object, "note", receipt->note);
        set_id_or_null (object, "document_id", receipt->document_id);
        request->method = "POST";
        request->path = g_strdup_printf ("/tasks/%lld/report-receipts", (long long) receipt->task_id);
        request->body = node_of (object);
        request->upload = write->file != NULL ? g_object_ref (write->file) : NULL;
        return TRUE;
      }
    case DN_WRITE_ADD_TASKS:
      {
        JsonArray *tasks = json_array_new ();

        for (guint i = 0; write->tasks != NULL && i < write->tasks->len; i++)
          {
            DnTask *task = write->tasks->pdata[i];
            JsonObject *fields = task_fields (task);

            if (task->status != DN_STATUS_OPEN)
              json_object_set_string_member (fields, "status", dn_status_to_string (task->status));
            json_array_add_object_element (tasks, fields);
          }
        object = json_object_new ();
        json_object_set_array_member (object, "tasks", tasks);
        request->method = "POST";
        request->path = g_strdup ("/task-batches");
        request->body = node_of (object);
        return TRUE;
      }
    case DN_WRITE_SET_RULES:
      object = json_object_new ();
      for (guint i = 0; write->values != NULL && i < MIN (write->values->len, DN_SETTING_N); i++)
        json_object_set_int_member (object, dn_setting_get_key (i), g_array_index (write->values, int, i));
      request->method = "PATCH";
      request->path = g_strdup ("/settings");
      request->body = node_of (object);
      return TRUE;
    case DN_WRITE_RENAME_UNIT:
    case DN_WRITE_ARCHIVE_UNIT:
    case DN_WRITE_MERGE_UNITS:
      if (!unit_request (write, request))
        break;
      return TRUE;
    default:
      break;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This change cannot be made through the department server."));
  return FALSE;
}

static gint64
id_of (JsonNode *node)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  return object != NULL ? json_object_get_int_member_with_default (object, "id", 0) : 0;
}

void
_dn_remote_write_answer (DnWrite  *write,
                         JsonNode *answer)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;

  write->made_id = 0;
  write->next_id = 0;
  if (object == NULL)
    return;
  switch (write->kind)
    {
    case DN_WRITE_ADD_TASK:
      write->made_id = write->task->id = id_of (answer);
      break;
    case DN_WRITE_SET_TASK_STATUS:
    case DN_WRITE_MARK_TASK_DONE:
      write->next_id = id_of (json_object_get_member (object, "next"));
      break;
    case DN_WRITE_ADD_PROGRESS:
      write->made_id = write->progress->id = id_of (answer);
      break;
    case DN_WRITE_ADD_REMINDER:
      write->made_id = write->reminder->id = id_of (answer);
      break;
    case DN_WRITE_HAND_OUT_PASSPORT:
      write->made_id = id_of (answer);
      break;
    case DN_WRITE_ISSUE_REPORT:
      write->made_id = DN_REPORT (write->record)->document_id =
        json_object_get_int_member_with_default (object, "document_id", 0);
      break;
    case DN_WRITE_PASS_DOWN:
    case DN_WRITE_ADD_TASKS:
      {
        JsonNode *tasks = json_object_get_member (object, "tasks");
        JsonArray *array = tasks != NULL && JSON_NODE_HOLDS_ARRAY (tasks) ? json_node_get_array (tasks) : NULL;

        g_clear_pointer (&write->made_ids, g_array_unref);
        write->made_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            gint64 id = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64
              ? json_node_get_int (element) : 0;

            if (id > 0)
              g_array_append_val (write->made_ids, id);
          }
      }
      break;
    case DN_WRITE_SAVE_RECORD:
      {
        const DnWritable *kind = dn_writable_for_record (write->record);

        if (dn_writable_get_id (kind, write->record) == 0)
          {
            write->made_id = id_of (answer);
            dn_writable_set_id (kind, write->record, write->made_id);
          }
      }
      break;
    case DN_WRITE_ADD_PASSPORT_EVENT:
      write->made_id = id_of (answer);
      break;
    case DN_WRITE_REGISTER_DOCUMENT:
      {
        DnDocument *document = DN_DOCUMENT (write->record);
        const char *number = json_object_get_string_member_with_default (object, "number", NULL);

        if (document->id == 0)
          write->made_id = document->id = id_of (answer);
        /* the numbers the register gave */
        if (number != NULL)
          {
            g_free (document->number);
            document->number = g_strdup (number);
          }
        document->arrival_number = (int) json_object_get_int_member_with_default (object, "arrival_number",
                                                                                   document->arrival_number);
      }
      break;
    case DN_WRITE_RECORD_REPORT_RECEIVED:
      {
        DnOwedReport *receipt = DN_OWED_REPORT (write->record);

        write->made_id = receipt->id = id_of (answer);
        receipt->document_id = json_object_get_int_member_with_default (object, "document_id", 0);
      }
      break;
    case DN_WRITE_MERGE_UNITS:
      write->made_id = json_object_get_int_member_with_default (object, "merge_id", 0);
      break;
    case DN_WRITE_UPDATE_TASK:
    case DN_WRITE_EXTEND_ASSIGNMENT:
    case DN_WRITE_DELETE_TASK:
    default:
      break;
    }
}
