/* dn-server-tasks.c: the tasks
 *
 *   GET    /tasks          ?after=ID&limit=N&q=TEXT&status=S: the tasks the
 *                          caller may see, by id, read by key (id > after),
 *                          those matching the window's search for TEXT (words
 *                          in any order, accents or not) and of status S
 *                          (open, in_progress, done, cancelled)
 *                          → {"tasks": […], "next": ID or null}
 *   GET    /tasks/{id}     one of them
 *   POST   /tasks/{id}/progress
 *                          {"unit_id"?, "entry_date", "percent", "note"?}: a
 *                          progress entry of a unit assigned to the task (by
 *                          default the caller's; a unit officer's within its
 *                          units) → 201 the progress record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"
#include "dn-store-tasks.h"

/* The longest search text taken (characters) */
#define SEARCH_MAX_CHARS 200

/* The query of the tasks @request asks for, within its caller's rights;
 * FALSE (and a 400 answered) when its ?q= or ?status= is not one. *@none:
 * the caller sees no task at all. */
static gboolean
read_task_query (DnRequest   *request,
                 DnTaskQuery *query,
                 gboolean    *none)
{
  SoupServerMessage *msg = request->msg;
  const char *text = request->query != NULL ? g_hash_table_lookup (request->query, "q") : NULL;
  const char *status = request->query != NULL ? g_hash_table_lookup (request->query, "status") : NULL;
  g_autoptr(GArray) scope = dn_account_dup_scope (dn_server_get_store (request->server), request->account);

  dn_task_query_init (query);
  *none = scope != NULL && scope->len == 0;
  if (scope != NULL)
    {
      /* the tasks its unit or a unit below leads or supports */
      query->unit_id = request->account->unit_id;
      query->include_sub_units = TRUE;
    }
  if (text != NULL)
    {
      if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > SEARCH_MAX_CHARS)
        {
          g_autofree char *message = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "“q” must be text of at most %d character.",
                         "“q” must be text of at most %d characters.", SEARCH_MAX_CHARS),
            SEARCH_MAX_CHARS);

          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid-query", message);
          return FALSE;
        }
      /* the window's search: words in any order, accents or not */
      query->text = text;
    }
  if (status != NULL)
    {
      DnStatus value;

      if (!dn_status_from_string (status, &value))
        {
          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid-query",
                                 _("“status” must be open, in_progress, done or cancelled."));
          return FALSE;
        }
      query->status = (int) value;
    }
  return TRUE;
}

static void
list_tasks (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  DnTaskQuery query;
  gboolean none = FALSE;
  gint64 after, limit;

  if (!_dn_server_query_number (msg, request->query, "after", 0, G_MAXINT64, 0, &after) ||
      !_dn_server_query_number (msg, request->query, "limit", 1, DN_SERVER_PAGE_MAX, DN_SERVER_PAGE_DEFAULT, &limit) ||
      !read_task_query (request, &query, &none))
    return;
  /* one more than the page: whether there is a next one */
  ids = none ? g_array_new (FALSE, FALSE, sizeof (gint64))
             : dn_store_list_task_ids_after (store, &query, after, (guint) limit + 1, &error);
  if (ids == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  _dn_server_reply_page (msg, store, "task", "tasks", ids, (guint) limit);
}

static void
get_task (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) task = NULL;

  if (!_dn_server_may_see_task (store, request->account, request->id, &error) ||
      (task = dn_exchange_row_to_json (store, "task", request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  dn_server_reply_json (msg, SOUP_STATUS_OK, task);
}

static gboolean
task_has_unit (DnTask *task,
               gint64  unit_id)
{
  return task->lead_unit_id == unit_id || _dn_server_has_id (task->support_unit_ids, unit_id);
}

static void
add_progress (DnRequest *request)
{
  static const DnField fields[] = {
    { "unit_id", DN_FIELD_INT, FALSE, TRUE },
    { "entry_date", DN_FIELD_DATE, TRUE, FALSE },
    { "percent", DN_FIELD_INT, TRUE, FALSE },
    { "note", DN_FIELD_STRING, FALSE, FALSE },
    { NULL }
  };
  SoupServerMessage *msg = request->msg;
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnProgress) progress = NULL;
  g_autoptr(GArray) scope = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  JsonNode *unit;
  gint64 percent;

  /* a task it does not see is not there for it */
  if (!_dn_server_may_see_task (store, request->account, request->id, &error) ||
      (task = dn_store_get_live_task (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  if (!dn_account_may_write (request->account))
    {
      dn_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", _("This account may read, not change."));
      return;
    }
  if (!_dn_server_check_fields (msg, request->body, fields))
    return;
  object = json_node_get_object (request->body);
  progress = dn_progress_new ();
  progress->task_id = task->id;
  /* absent: the caller's unit; null: none (the lead's row follows it) */
  unit = json_object_get_member (object, "unit_id");
  progress->unit_id = unit == NULL ? request->account->unit_id : JSON_NODE_HOLDS_NULL (unit) ? 0 : json_node_get_int (unit);
  scope = dn_account_dup_scope (store, request->account);
  if (progress->unit_id == 0 && scope != NULL)
    {
      /* a unit officer reports for a unit of its own */
      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", _("Say which unit reports the progress (“unit_id”)."));
      return;
    }
  if (progress->unit_id != 0 && scope != NULL && !_dn_server_has_id (scope, progress->unit_id))
    {
      dn_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                             _("This account may not report progress for that unit."));
      return;
    }
  if (progress->unit_id != 0 && !task_has_unit (task, progress->unit_id))
    {
      g_autofree char *message = g_strdup_printf (_("Unit #%lld is not assigned to task #%lld."),
                                                  (long long) progress->unit_id, (long long) task->id);

      dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
      return;
    }
  dn_date_parse_iso (json_object_get_string_member (object, "entry_date"), &progress->entry_date);
  percent = json_object_get_int_member (object, "percent");
  /* out of 0..100 the store refuses it, in its words */
  progress->percent = (int) CLAMP (percent, -1, 101);
  g_free (progress->note);
  progress->note = g_strdup (json_object_get_string_member_with_default (object, "note", ""));
  if (!dn_store_add_progress (store, progress, &error) ||
      (answer = dn_exchange_row_to_json (store, "progress", progress->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  dn_server_reply_json (msg, SOUP_STATUS_CREATED, answer);
}

static const DnRoute routes[] = {
  { "GET", "/tasks", TRUE, DN_ROUTE_NO_BODY, 0, list_tasks },
  { "GET", "/tasks/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_task },
  { "POST", "/tasks/{id}/progress", TRUE, DN_ROUTE_JSON, 0, add_progress },
};
const DnRouteTable dn_server_task_routes = DN_ROUTE_TABLE (routes);
