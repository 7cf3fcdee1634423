/* dn-server-task-writes.c: making and changing tasks
 *
 *   POST   /tasks              a new task {"title", "lead_unit_id", …,
 *                              "status" (open when not given)} → 201
 *                              the task
 *   PATCH  /tasks/{id}         {"revision", the fields to change…} → 200
 *                              the task
 *   POST   /tasks/{id}/status  {"status", "revision", "keep_open" (done:
 *                              the supporting units that stay open)}
 *                              → 200 {"task", "next":
 *                              the occurrence a recurring task's completion
 *                              made, or null}
 *   DELETE /tasks/{id}         ?revision=N → 200 {"id", "deleted": true}
 *   POST   /task-batches       {"tasks": [a new task as POST /tasks takes
 *                              it, …]} (the tasks of a directive, at most
 *                              DN_SERVER_BATCH_MAX) → 201 {"tasks": their
 *                              ids}: all made in one transaction, or none
 *
 * A task's fields are the exchange's ("title", "description", "section",
 * "due_date", "recurrence", "document_id") with its units as
 * "lead_unit_id" and "support_unit_ids". Who may do what: the department
 * (and an administrator) everything; a reader nothing (403 on a task it
 * sees); a unit officer gives work down (the units it names are its own
 * and those below it), and changes, cancels and deletes the tasks its unit
 * made (the change log says who made a task); on a task it was given from
 * above it may only add or remove supporting units of its own subtree and,
 * when its unit (or one below it) leads, mark it done or reopen it: the
 * deadline is changed by an extension (POST /assignments/{id}/extension),
 * the rest by the department.
 *
 * Every change names the revision it was read at; another one in the
 * store is a 409 with the current task, nothing written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-writer.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"

/* A province has about a thousand schools */
#define MAX_SUPPORT_UNITS 2000

/* The fields of a task a body may give (besides "revision") */
#define TASK_FIELDS(required)                                     \
  { "title", DN_FIELD_STRING, required, FALSE },                  \
  { "description", DN_FIELD_STRING, FALSE, FALSE },               \
  { "section", DN_FIELD_STRING, FALSE, FALSE },                   \
  { "due_date", DN_FIELD_DATE, FALSE, TRUE },                     \
  { "recurrence", DN_FIELD_STRING, FALSE, FALSE },                \
  { "document_id", DN_FIELD_INT, FALSE, TRUE },                   \
  { "lead_unit_id", DN_FIELD_INT, required, FALSE },              \
  { "support_unit_ids", DN_FIELD_INT_ARRAY, FALSE, FALSE }

static const DnField new_task_fields[] = {
  TASK_FIELDS (TRUE),
  { "status", DN_FIELD_STRING, FALSE, FALSE },
  { NULL }
};

static const DnField task_change_fields[] = {
  { "revision", DN_FIELD_INT, TRUE, FALSE },
  TASK_FIELDS (FALSE),
  { NULL }
};

static const DnField status_fields[] = {
  { "status", DN_FIELD_STRING, TRUE, FALSE },
  { "revision", DN_FIELD_INT, TRUE, FALSE },
  /* done: the supporting units that have not replied and stay open */
  { "keep_open", DN_FIELD_INT_ARRAY, FALSE, FALSE },
  { NULL }
};

static void
reply_denied (SoupServerMessage *msg,
              const char        *message)
{
  dn_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", message);
}

static void
reply_invalid (SoupServerMessage *msg,
               const char        *message)
{
  dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* The body's fields put on @task; FALSE (and a 400 answered) for a value
 * the task cannot take */
static gboolean
apply_fields (SoupServerMessage *msg,
              JsonObject        *body,
              DnTask            *task)
{
  const char *text;

  if ((text = json_object_get_string_member_with_default (body, "title", NULL)) != NULL)
    set_text (&task->title, text);
  if ((text = json_object_get_string_member_with_default (body, "description", NULL)) != NULL)
    set_text (&task->description, text);
  if ((text = json_object_get_string_member_with_default (body, "section", NULL)) != NULL)
    set_text (&task->section, text);
  if (json_object_has_member (body, "due_date"))
    {
      g_date_clear (&task->due_date, 1);
      if (!json_object_get_null_member (body, "due_date"))
        dn_date_parse_iso (json_object_get_string_member (body, "due_date"), &task->due_date);
    }
  if ((text = json_object_get_string_member_with_default (body, "recurrence", NULL)) != NULL &&
      !dn_recurrence_from_string (text, &task->recurrence))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a recurrence: write none, monthly, quarterly, "
                                                    "twice_yearly, semester or annual."),
                                                  text);
      reply_invalid (msg, message);
      return FALSE;
    }
  if (json_object_has_member (body, "document_id"))
    task->document_id = json_object_get_null_member (body, "document_id")
                          ? 0 : json_object_get_int_member (body, "document_id");
  if (json_object_has_member (body, "lead_unit_id"))
    task->lead_unit_id = json_object_get_int_member (body, "lead_unit_id");
  if (json_object_has_member (body, "support_unit_ids"))
    {
      JsonArray *ids = json_object_get_array_member (body, "support_unit_ids");

      /* the store compares them pairwise */
      if (json_array_get_length (ids) > MAX_SUPPORT_UNITS)
        {
          g_autofree char *message = g_strdup_printf (_("A task has at most %d supporting units."),
                                                      MAX_SUPPORT_UNITS);
          reply_invalid (msg, message);
          return FALSE;
        }

      g_array_set_size (task->support_unit_ids, 0);
      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          gint64 id = json_array_get_int_element (ids, i);

          g_array_append_val (task->support_unit_ids, id);
        }
    }
  return TRUE;
}

/* Whether the caller may name document @id as a task's source: one it
 * sees (a secret one only for the roles that see them); else 404 */
static gboolean
check_document (DnRequest *request,
                gint64     id)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnDocument) document = NULL;
  g_autofree char *message = NULL;

  if (id <= 0)
    return TRUE;
  document = dn_store_get_document (store, id, NULL);
  if (document != NULL &&
      (document->classification == DN_CLASSIFICATION_NORMAL || dn_account_may_see_secret (request->account)))
    return TRUE;
  message = g_strdup_printf (_("There is no document #%lld."), (long long) id);
  dn_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
  return FALSE;
}

/* Whether the caller may give the work of @task to its units: every one of
 * them its own or below it (the department: any); else 403 */
static gboolean
check_units (DnRequest *request,
             DnTask    *task)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GArray) scope = dn_account_dup_scope (store, request->account);
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_unit (scope, task->lead_unit_id, &error))
    goto denied;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (!_dn_server_check_unit (scope, g_array_index (task->support_unit_ids, gint64, i), &error))
      goto denied;
  return TRUE;

denied:
  _dn_server_reply_store_error (request->msg, error);
  return FALSE;
}

/* The task @id as the caller may change it: one it sees (else 404), the
 * caller not a reader (else 403); *@full: the caller may change all of it
 * (the department, or the unit that made it) */
static DnTask *
task_to_change (DnRequest *request,
                gboolean  *full)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) scope = NULL;
  DnTask *task;

  if (!_dn_server_may_see_task (store, request->account, request->id, &error) ||
      !_dn_server_check_writer (request->account, &error) ||
      (task = dn_store_get_live_task (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return NULL;
    }
  scope = dn_account_dup_scope (store, request->account);
  *full = scope == NULL || _dn_server_made_by_unit (store, request->account, "task", request->id);
  return task;
}

/* Whether every unit of @a outside @scope is in @b */
static gboolean
outside_kept (GArray *scope,
              GArray *a,
              GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      gint64 id = g_array_index (a, gint64, i);

      if (!_dn_server_has_id (b, id) && !_dn_server_has_id (scope, id))
        return FALSE;
    }
  return TRUE;
}

static void
add_task (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_fields (msg, request->body, new_task_fields))
    return;
  if (!_dn_server_check_writer (request->account, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  /* a new task may be written already done (closed, its next occurrence
   * made when it recurs) */
  if (!apply_fields (msg, body, task) || !_dn_server_body_status (msg, request->body, &task->status) || !check_units (request, task) ||
      !check_document (request, task->document_id))
    return;
  if (!dn_store_add_task_full (store, task, NULL, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  _dn_server_reply_record (msg, store, "task", task->id, SOUP_STATUS_CREATED);
}

#define DN_SERVER_BATCH_MAX 500

static const DnField batch_fields[] = {
  { "tasks", DN_FIELD_OBJECT_ARRAY, TRUE, FALSE },
  { NULL }
};

static void
add_tasks (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_ADD_TASKS);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *array;

  if (!_dn_server_check_fields (msg, request->body, batch_fields))
    return;
  if (!_dn_server_check_writer (request->account, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  array = json_object_get_array_member (json_node_get_object (request->body), "tasks");
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > DN_SERVER_BATCH_MAX)
    {
      g_autofree char *message = g_strdup_printf (_("Give from 1 to %d tasks."), DN_SERVER_BATCH_MAX);

      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
      return;
    }
  write->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  /* each checked as POST /tasks checks it, before any is written */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(DnTask) task = dn_task_new ();

      if (!_dn_server_check_fields (msg, element, new_task_fields) ||
          !apply_fields (msg, json_node_get_object (element), task) ||
          !_dn_server_body_status (msg, element, &task->status) || !check_units (request, task) ||
          !check_document (request, task->document_id))
        return;
      g_ptr_array_add (write->tasks, g_steal_pointer (&task));
    }
  if (!dn_store_write (store, write, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < write->made_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (write->made_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_CREATED, answer);
}

/* What a unit officer may change of a task given from above: its
 * supporting units within its own subtree; FALSE (and a 403 answered)
 * for anything else */
static gboolean
check_change_from_above (DnRequest *request,
                         DnTask    *before,
                         DnTask    *after)
{
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(GList) names = json_object_get_members (body);
  g_autoptr(GArray) scope = dn_account_dup_scope (store, request->account);
  g_autofree char *message = NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_str_equal (name, "revision") || g_str_equal (name, "support_unit_ids"))
        continue;
      if (g_str_equal (name, "due_date"))
        message = g_strdup (_("The deadline of a task given to your unit is changed by an extension: "
                              "POST /api/v1/assignments/{id}/extension with the new date and the reason."));
      else
        message = g_strdup_printf (_("Only the department, or the unit that made the task, changes its “%s”."),
                                   name);
      reply_denied (request->msg, message);
      return FALSE;
    }
  if (scope == NULL)
    return TRUE;
  if (!outside_kept (scope, before->support_unit_ids, after->support_unit_ids) ||
      !outside_kept (scope, after->support_unit_ids, before->support_unit_ids))
    {
      reply_denied (request->msg, _("You may add or remove only supporting units of your own unit's subtree."));
      return FALSE;
    }
  return TRUE;
}

/* Writes @task if the store still has it at @revision; FALSE (and the
 * error answered: 409 with the current task for another revision) else.
 * @status: DN_STATUS_N to save @task's fields, else the status to set;
 * *@made_id: the occurrence a completion made, else 0 */
static gboolean
write_task (DnRequest    *request,
            DnTask       *task,
            gint64        revision,
            int           status,
            const GArray *keep_open,
            gint64       *made_id)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  gint64 next_id = 0;
  gboolean ok;

  *made_id = 0;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return FALSE;
    }
  ok = dn_store_check_revision (store, "task", task->id, revision, &error);
  if (ok && status == DN_STATUS_N)
    ok = dn_store_update_task_full (store, task, &next_id, made_id, &error);
  else if (ok && status == DN_STATUS_DONE)
    ok = dn_store_mark_task_done (store, task->id,
                                  keep_open != NULL ? (const gint64 *) (gpointer) keep_open->data : NULL,
                                  keep_open != NULL ? keep_open->len : 0, &next_id, made_id, &error);
  else if (ok)
    ok = dn_store_set_task_status (store, task->id, (DnStatus) status, &next_id, &error);
  if (ok)
    ok = dn_store_commit (store, &error);
  else
    dn_store_rollback (store);
  if (!ok)
    _dn_server_reply_conflict (request->msg, store, "task", task->id, error);
  return ok;
}

static void
change_task (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(DnTask) before = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean full = FALSE;
  gint64 made_id;

  if (!_dn_server_check_fields (msg, request->body, task_change_fields) ||
      (before = task_to_change (request, &full)) == NULL)
    return;
  /* the task as the body makes it, beside the one read */
  if ((task = dn_store_get_live_task (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  if (!apply_fields (msg, body, task))
    return;
  if (full ? !check_units (request, task) : !check_change_from_above (request, before, task))
    return;
  if (task->document_id != before->document_id && !check_document (request, task->document_id))
    return;
  if (!write_task (request, task, json_object_get_int_member (body, "revision"), DN_STATUS_N, NULL, &made_id))
    return;
  _dn_server_reply_record (msg, store, "task", task->id, SOUP_STATUS_OK);
}

static void
set_status (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *body = json_node_get_object (request->body);
  g_autoptr(DnTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) next = NULL;
  g_autoptr(GError) error = NULL;
  gboolean full = FALSE;
  gint64 made_id = 0;
  DnStatus status = DN_STATUS_OPEN;
  g_autoptr(GArray) keep_open = NULL;

  if (!_dn_server_check_fields (msg, request->body, status_fields))
    return;
  if (!_dn_server_body_status (msg, request->body, &status))
    return;
  if ((task = task_to_change (request, &full)) == NULL)
    return;
  /* given from above: its lead (or a unit above the lead) reports it done
   * or takes it up again; cancelling it is the department's */
  if (!full && status == DN_STATUS_CANCELLED)
    {
      reply_denied (msg, _("Only the department, or the unit that made the task, cancels it."));
      return;
    }
  if (!full && !dn_account_may_see_unit (store, request->account, task->lead_unit_id))
    {
      reply_denied (msg, _("Only the lead unit reports the task done or takes it up again."));
      return;
    }
  if (json_object_has_member (body, "keep_open"))
    {
      JsonArray *array = json_object_get_array_member (body, "keep_open");

      keep_open = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < json_array_get_length (array) && i < 2000; i++)
        {
          gint64 unit = json_array_get_int_element (array, i);

          g_array_append_val (keep_open, unit);
        }
    }
  if (!write_task (request, task, json_object_get_int_member (body, "revision"), (int) status, keep_open, &made_id))
    return;
  done = dn_exchange_row_to_json (store, "task", task->id, &error);
  if (done == NULL || (made_id != 0 && (next = dn_exchange_row_to_json (store, "task", made_id, &error)) == NULL))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "task");
  json_builder_add_value (builder, g_steal_pointer (&done));
  json_builder_set_member_name (builder, "next");
  if (next != NULL)
    json_builder_add_value (builder, g_steal_pointer (&next));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

static void
delete_task (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean full = FALSE, ok;
  gint64 revision;

  if (!_dn_server_query_number (msg, request->query, "revision", 0, G_MAXINT64, -1, &revision))
    return;
  if (revision < 0)
    {
      reply_invalid (msg, _("Give the revision of the task as it was read: DELETE /api/v1/tasks/{id}?revision=N."));
      return;
    }
  if ((task = task_to_change (request, &full)) == NULL)
    return;
  if (!full)
    {
      reply_denied (msg, _("Only the department, or the unit that made the task, deletes it."));
      return;
    }
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  ok = dn_store_check_revision (store, "task", task->id, revision, &error) &&
       dn_store_delete_task (store, task->id, &error);
  if (ok)
    ok = dn_store_commit (store, &error);
  else
    dn_store_rollback (store);
  if (!ok)
    {
      _dn_server_reply_conflict (msg, store, "task", task->id, error);
      return;
    }
  _dn_server_reply_deleted (msg, task->id);
}

static const DnRoute routes[] = {
  { "POST", "/tasks", TRUE, DN_ROUTE_JSON, 0, add_task },
  { "POST", "/task-batches", TRUE, DN_ROUTE_JSON, 0, add_tasks },
  { "PATCH", "/tasks/{id}", TRUE, DN_ROUTE_JSON, 0, change_task },
  { "POST", "/tasks/{id}/status", TRUE, DN_ROUTE_JSON, 0, set_status },
  { "DELETE", "/tasks/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_task },
};
const DnRouteTable dn_server_task_write_routes = DN_ROUTE_TABLE (routes);
