/* dn-server-routes.c: the routes of the API under /api/v1/
 *
 *   POST   /session        {"user", "password"} → {"token", "expires", "user": {…}}
 *   DELETE /session        ends the caller's session
 *   GET    /tasks          ?after=ID&limit=N: the tasks the caller may see,
 *                          by id → {"tasks": […], "next": ID or null}
 *   GET    /tasks/{id}     one of them
 *   GET    /changes        ?since=N&limit=N → {"revision": M, "changes": […]}:
 *                          what changed after revision N that the caller may see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"
#include "dn-store-tasks.h"
#include "dn-store-units.h"

/* Lists page by this many records unless asked for fewer */
#define PAGE_DEFAULT 100
#define PAGE_MAX     500

/* Reading what a request gives ----------------------------------------------- */

/* @body's members are those of @known only, each a string: FALSE (and the
 * answer given) otherwise */
static gboolean
check_members (SoupServerMessage  *msg,
               JsonNode           *body,
               const char * const *known)
{
  JsonObject *object = json_node_get_object (body);
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      g_autofree char *message = NULL;

      if (!g_strv_contains (known, l->data))
        {
          message = g_strdup_printf (_("Unknown field “%s”."), (const char *) l->data);
          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "unknown-field", message);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          message = g_strdup_printf (_("The field “%s” must be a string."), (const char *) l->data);
          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "wrong-type", message);
          return FALSE;
        }
    }
  for (guint i = 0; known[i] != NULL; i++)
    if (!json_object_has_member (object, known[i]))
      {
        g_autofree char *missing = g_strdup_printf (_("The field “%s” is missing."), known[i]);

        dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "missing-field", missing);
        return FALSE;
      }
  return TRUE;
}

/* The query's @name as a number from @min (absent: @fallback); FALSE (and
 * the answer given) when it is not one */
static gboolean
query_number (SoupServerMessage *msg,
              GHashTable        *query,
              const char        *name,
              gint64             min,
              gint64             max,
              gint64             fallback,
              gint64            *out)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  g_autofree char *message = NULL;
  guint64 number;

  *out = fallback;
  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &number, NULL))
    {
      *out = (gint64) number;
      return TRUE;
    }
  message = g_strdup_printf (_("“%s” must be a number from %lld to %lld."), name, (long long) min, (long long) max);
  dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid-query", message);
  return FALSE;
}

/* Sessions -------------------------------------------------------------------- */

static JsonNode *
account_to_json (DnStore   *store,
                 DnAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DnUnit) unit = dn_store_get_unit (store, account->unit_id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, account->name);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit != NULL ? unit->code : "");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, dn_account_role_to_string (account->role));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
open_session (DnServer          *self,
              SoupServerMessage *msg,
              DnAccount         *unused,
              gint64             id,
              GHashTable        *query,
              JsonNode          *body)
{
  static const char * const known[] = { "user", "password", NULL };
  DnStore *store = dn_server_get_store (self);
  JsonObject *object;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *peer = NULL;
  g_autofree char *token = NULL;

  if (!check_members (msg, body, known))
    return;
  object = json_node_get_object (body);
  peer = _dn_server_dup_peer (msg);
  token = dn_store_open_session (store, json_object_get_string_member (object, "user"),
                                 json_object_get_string_member (object, "password"), peer, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED))
        dn_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "denied", error->message);
      else if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS))
        dn_server_reply_error (msg, DN_SERVER_TOO_MANY_REQUESTS, "too-many-attempts", error->message);
      else
        _dn_server_reply_store_error (msg, error);
      return;
    }
  account = dn_store_check_session (store, token, &error);
  if (account == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, account_to_json (store, account));
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_CREATED, answer);
}

static void
close_session (DnServer          *self,
               SoupServerMessage *msg,
               DnAccount         *account,
               gint64             id,
               GHashTable        *query,
               JsonNode          *body)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "Authorization");
  g_autoptr(GError) error = NULL;

  /* the pipeline checked it: "Bearer TOKEN" */
  if (!dn_store_close_session (dn_server_get_store (self), header + 7, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

/* Tasks -------------------------------------------------------------------------- */

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The tasks @account may see, by id */
static GArray *
visible_task_ids (DnStore    *store,
                  DnAccount  *account,
                  GError    **error)
{
  g_autoptr(GArray) scope = dn_account_dup_scope (store, account);
  DnTaskQuery query;
  GArray *ids;

  dn_task_query_init (&query);
  if (scope != NULL && scope->len == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (scope != NULL)
    {
      /* the tasks its unit or a unit below leads or supports */
      query.unit_id = account->unit_id;
      query.include_sub_units = TRUE;
    }
  ids = dn_store_list_task_ids (store, &query, error);
  if (ids != NULL)
    g_array_sort (ids, compare_ids);
  return ids;
}

/* Whether @account sees task @id: one of the units assigned to it (lead or
 * support) is in its scope; else "no such task", as for one that is not */
static gboolean
may_see_task (DnStore    *store,
              DnAccount  *account,
              gint64      id,
              GError    **error)
{
  g_autoptr(DnTask) task = dn_store_get_live_task (store, id, error);
  g_autoptr(GArray) scope = NULL;

  if (task == NULL)
    return FALSE;
  scope = dn_account_dup_scope (store, account);
  if (scope == NULL || has_id (scope, task->lead_unit_id))
    return TRUE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (has_id (scope, g_array_index (task->support_unit_ids, gint64, i)))
      return TRUE;
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, _("Task #%lld does not exist."), (long long) id);
  return FALSE;
}

static void
list_tasks (DnServer          *self,
            SoupServerMessage *msg,
            DnAccount         *account,
            gint64             id,
            GHashTable        *query,
            JsonNode          *body)
{
  DnStore *store = dn_server_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  gint64 after, limit, last = 0;
  guint start = 0, n = 0;

  if (!query_number (msg, query, "after", 0, G_MAXINT64, 0, &after) ||
      !query_number (msg, query, "limit", 1, PAGE_MAX, PAGE_DEFAULT, &limit))
    return;
  ids = visible_task_ids (store, account, &error);
  if (ids == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  while (start < ids->len && g_array_index (ids, gint64, start) <= after)
    start++;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = start; i < ids->len && n < (guint) limit; i++, n++)
    {
      JsonNode *task;

      last = g_array_index (ids, gint64, i);
      task = dn_exchange_row_to_json (store, "task", last, &error);
      if (task == NULL)
        {
          _dn_server_reply_store_error (msg, error);
          return;
        }
      json_builder_add_value (builder, task);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next");
  if (start + n < ids->len)
    json_builder_add_int_value (builder, last);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

static void
get_task (DnServer          *self,
          SoupServerMessage *msg,
          DnAccount         *account,
          gint64             id,
          GHashTable        *query,
          JsonNode          *body)
{
  DnStore *store = dn_server_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) task = NULL;

  if (!may_see_task (store, account, id, &error) ||
      (task = dn_exchange_row_to_json (store, "task", id, &error)) == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  dn_server_reply_json (msg, SOUP_STATUS_OK, task);
}

/* Changes ------------------------------------------------------------------------- */

/* Whether a change of the changes' JSON is one @account may see: every
 * change for an account that sees every unit; else the unit tree, the
 * tasks it sees and what hangs on them, the records of its units, the
 * documents that are not secret (unless it may see those), and nothing
 * else (a kind of record not judged yet is left out, never shown) */
typedef struct
{
  DnStore    *store;
  DnAccount  *account;
  GArray     *scope;       /* unit ids seen */
  GArray     *task_ids;    /* the tasks seen, read when a change asks */
  GHashTable *tasks;       /* the same as a set */
  gboolean    secret;
  gboolean    failed;      /* reading them failed: nothing judged on them is seen */
} Rights;

static gboolean
member_in (JsonObject *row,
           const char *member,
           gboolean  (*seen) (const Rights *rights, gint64 id),
           const Rights *rights,
           gboolean    *judged)
{
  JsonNode *value = row != NULL ? json_object_get_member (row, member) : NULL;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  *judged = TRUE;
  return seen (rights, json_node_get_int (value));
}

static gboolean
task_seen (const Rights *rights,
           gint64        id)
{
  Rights *lazy = (Rights *) rights;

  /* read once, and only when a change needs it: a poll with nothing new
   * reads nothing */
  if (lazy->tasks == NULL && !lazy->failed)
    {
      lazy->task_ids = visible_task_ids (lazy->store, lazy->account, NULL);
      lazy->failed = lazy->task_ids == NULL;
      lazy->tasks = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; !lazy->failed && i < lazy->task_ids->len; i++)
        g_hash_table_add (lazy->tasks, &g_array_index (lazy->task_ids, gint64, i));
    }
  return !lazy->failed && g_hash_table_contains (lazy->tasks, &id);
}

static gboolean
unit_seen (const Rights *rights,
           gint64        id)
{
  return has_id (rights->scope, id);
}

static gboolean
change_seen (const Rights *rights,
             JsonObject   *change)
{
  const char *table = json_object_get_string_member_with_default (change, "table", "");
  gint64 id = json_object_get_int_member_with_default (change, "id", 0);
  JsonNode *row_node = json_object_get_member (change, "row");
  JsonObject *row = row_node != NULL && JSON_NODE_HOLDS_OBJECT (row_node) ? json_node_get_object (row_node) : NULL;
  gboolean judged = FALSE, seen;

  if (g_str_equal (table, "unit") || g_str_equal (table, "unit_name"))
    return TRUE;
  if (g_str_equal (table, "task") || g_str_equal (table, "task_attachment"))
    return row_node == NULL || JSON_NODE_HOLDS_NULL (row_node) || task_seen (rights, id);
  if (g_str_equal (table, "document"))
    return row == NULL ||
           rights->secret ||
           g_strcmp0 (json_object_get_string_member_with_default (row, "classification", ""), "normal") == 0;
  seen = member_in (row, "task_id", task_seen, rights, &judged);
  if (judged)
    return seen;
  seen = member_in (row, "unit_id", unit_seen, rights, &judged);
  return judged && seen;
}

static void
list_changes (DnServer          *self,
              SoupServerMessage *msg,
              DnAccount         *account,
              gint64             id,
              GHashTable        *query,
              JsonNode          *body)
{
  DnStore *store = dn_server_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GArray) scope = NULL;
  gint64 since, limit;

  if (!query_number (msg, query, "since", 0, G_MAXINT64, 0, &since) ||
      !query_number (msg, query, "limit", 1, PAGE_MAX * 10, PAGE_MAX * 10, &limit))
    return;
  answer = dn_exchange_changes_to_json (store, since, (guint) limit, &error);
  if (answer == NULL)
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  scope = dn_account_dup_scope (store, account);
  if (scope != NULL)
    {
      JsonArray *changes = json_object_get_array_member (json_node_get_object (answer), "changes");
      Rights rights = { store, account, scope, NULL, NULL, dn_account_may_see_secret (account), FALSE };

      /* the caller's cursor still moves past what it may not see */
      for (guint i = json_array_get_length (changes); i > 0; i--)
        if (!change_seen (&rights, json_array_get_object_element (changes, i - 1)))
          json_array_remove_element (changes, i - 1);
      g_clear_pointer (&rights.tasks, g_hash_table_unref);
      g_clear_pointer (&rights.task_ids, g_array_unref);
    }
  dn_server_reply_json (msg, SOUP_STATUS_OK, answer);
}

const DnRoute dn_server_routes[] = {
  { "POST", "/session", FALSE, TRUE, open_session },
  { "DELETE", "/session", TRUE, FALSE, close_session },
  { "GET", "/tasks", TRUE, FALSE, list_tasks },
  { "GET", "/tasks/{id}", TRUE, FALSE, get_task },
  { "GET", "/changes", TRUE, FALSE, list_changes },
};
const guint dn_server_n_routes = G_N_ELEMENTS (dn_server_routes);
