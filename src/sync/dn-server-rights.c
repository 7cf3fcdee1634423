/* dn-server-rights.c: what the caller of a request may see
 *
 * The rules themselves (which units an account sees, whether it sees
 * secret documents) are core's (dn-account.h); here they are applied to
 * the tasks and the changes the API answers with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-exchange-rows.h"
#include "dn-server-private.h"
#include "dn-store-exchange.h"
#include "dn-store-accounts.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"

gboolean
_dn_server_has_id (GArray *ids,
                   gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

GArray *
_dn_server_visible_task_ids (DnStore    *store,
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
  /* by id, read by key: the unit's tasks found from its assignments, not
   * by testing every task in the deadline's order (on 100 000 tasks, half
   * the server's time under load went there) */
  ids = dn_store_list_task_ids_after (store, &query, 0, G_MAXUINT, error);
  return ids;
}

gboolean
_dn_server_may_see_task (DnStore    *store,
                         DnAccount  *account,
                         gint64      id,
                         GError    **error)
{
  g_autoptr(DnTask) task = dn_store_get_live_task (store, id, error);
  g_autoptr(GArray) scope = NULL;

  if (task == NULL)
    return FALSE;
  scope = dn_account_dup_scope (store, account);
  if (scope == NULL || _dn_server_has_id (scope, task->lead_unit_id))
    return TRUE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (_dn_server_has_id (scope, g_array_index (task->support_unit_ids, gint64, i)))
      return TRUE;
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, _("Task #%lld does not exist."), (long long) id);
  return FALSE;
}

/* Writes ---------------------------------------------------------------------- */

gboolean
_dn_server_check_writer (DnAccount  *account,
                         GError    **error)
{
  if (dn_account_may_write (account))
    return TRUE;
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED, _("Your account may read but not change anything."));
  return FALSE;
}

gboolean
_dn_server_check_unit (GArray  *scope,
                       gint64   unit_id,
                       GError **error)
{
  if (scope == NULL || _dn_server_has_id (scope, unit_id))
    return TRUE;
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED,
               _("Unit #%lld is not yours to give work to: only your unit and the units below it are."),
               (long long) unit_id);
  return FALSE;
}

gboolean
_dn_server_made_by_unit (DnStore    *store,
                         DnAccount  *account,
                         const char *table,
                         gint64      id)
{
  g_autofree char *creator = dn_store_dup_creator (store, table, id, NULL);
  g_autoptr(DnAccount) maker = NULL;

  if (creator == NULL)
    return FALSE;
  if (g_str_equal (creator, account->name))
    return TRUE;
  maker = dn_store_find_account (store, creator, NULL);
  return maker != NULL && account->unit_id != 0 && maker->unit_id == account->unit_id;
}

/* Changes --------------------------------------------------------------------- */

struct _DnRights
{
  DnStore    *store;
  DnAccount  *account;
  GArray     *scope;       /* unit ids seen; NULL: every unit */
  GArray     *task_ids;    /* the tasks seen, read when a change asks */
  GHashTable *tasks;       /* the same as a set */
  gboolean    secret;
  gboolean    failed;      /* reading them failed: nothing judged on them is seen */
  GHashTable *seen;        /* "table:id" → whether the record referred to is seen */
  GHashTable *references;  /* table → its DnStoreReferences */
};

DnRights *
_dn_server_rights_new (DnStore   *store,
                       DnAccount *account)
{
  DnRights *rights = g_new0 (DnRights, 1);

  rights->store = g_object_ref (store);
  rights->account = g_object_ref (account);
  rights->scope = dn_account_dup_scope (store, account);
  rights->secret = dn_account_may_see_secret (account);
  return rights;
}

void
_dn_server_rights_free (DnRights *rights)
{
  g_clear_pointer (&rights->tasks, g_hash_table_unref);
  g_clear_pointer (&rights->task_ids, g_array_unref);
  g_clear_pointer (&rights->seen, g_hash_table_unref);
  g_clear_pointer (&rights->references, g_hash_table_unref);
  g_clear_pointer (&rights->scope, g_array_unref);
  g_clear_object (&rights->account);
  g_clear_object (&rights->store);
  g_free (rights);
}

static gboolean
task_seen (DnRights *rights,
           gint64    id)
{
  /* read once, and only when a change needs it: a poll with nothing new
   * reads nothing */
  if (rights->tasks == NULL && !rights->failed)
    {
      rights->task_ids = _dn_server_visible_task_ids (rights->store, rights->account, NULL);
      rights->failed = rights->task_ids == NULL;
      rights->tasks = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; !rights->failed && i < rights->task_ids->len; i++)
        g_hash_table_add (rights->tasks, &g_array_index (rights->task_ids, gint64, i));
    }
  return !rights->failed && g_hash_table_contains (rights->tasks, &id);
}

static gboolean
unit_seen (DnRights *rights,
           gint64    id)
{
  return _dn_server_has_id (rights->scope, id);
}

static gboolean
member_in (JsonObject *row,
           const char *member,
           gboolean  (*seen) (DnRights *rights, gint64 id),
           DnRights   *rights,
           gboolean   *judged)
{
  JsonNode *value = row != NULL ? json_object_get_member (row, member) : NULL;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  *judged = TRUE;
  return seen (rights, json_node_get_int (value));
}

/* A link table's change: seen with its owner @id */
static gboolean
owner_seen (DnRights       *rights,
            const DnServed *owner,
            gint64          id)
{
  g_autoptr(JsonNode) row = dn_exchange_row_to_json (rights->store, owner->table, id, NULL);

  return row != NULL && JSON_NODE_HOLDS_OBJECT (row) &&
         _dn_server_row_seen (rights->store, rights->scope, rights->secret, owner, json_node_get_object (row));
}

gboolean
_dn_server_rights_see_change (DnRights   *rights,
                              JsonObject *change)
{
  const char *table = json_object_get_string_member_with_default (change, "table", "");
  gint64 id = json_object_get_int_member_with_default (change, "id", 0);
  JsonNode *row_node = json_object_get_member (change, "row");
  JsonObject *row = row_node != NULL && JSON_NODE_HOLDS_OBJECT (row_node) ? json_node_get_object (row_node) : NULL;
  const DnServed *served;
  gboolean judged = FALSE, seen;

  if (rights->scope == NULL)
    return TRUE;
  if (g_str_equal (table, "unit") || g_str_equal (table, "unit_name"))
    return TRUE;
  if (g_str_equal (table, "task") || g_str_equal (table, "task_attachment"))
    return row_node == NULL || JSON_NODE_HOLDS_NULL (row_node) || task_seen (rights, id);
  /* the records of dn-server-records.c, judged as their GET judges them;
   * a deletion names only an id */
  if ((served = _dn_server_find_served (table)) != NULL)
    return row == NULL || _dn_server_row_seen (rights->store, rights->scope, rights->secret, served, row);
  if (g_str_equal (table, "document_attachment"))
    return owner_seen (rights, &dn_served_document, id);
  if (g_str_equal (table, "delegation_attachment") || g_str_equal (table, "delegation_country"))
    return owner_seen (rights, &dn_served_delegation, id);
  if (g_str_equal (table, "attachment"))
    return row_node == NULL || JSON_NODE_HOLDS_NULL (row_node) ||
           _dn_server_may_see_attachment (rights->store, rights->account, id, NULL);
  seen = member_in (row, "task_id", task_seen, rights, &judged);
  if (judged)
    return seen;
  seen = member_in (row, "unit_id", unit_seen, rights, &judged);
  return judged && seen;
}

/* What a record refers to ------------------------------------------------------ */

/* Whether the caller sees record @id of @table, judged as its change would
 * be; once per record */
static gboolean
record_seen (DnRights   *rights,
             const char *table,
             gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%lld", table, (long long) id);
  gpointer cached;
  gboolean seen;

  if (g_str_equal (table, "task"))
    return task_seen (rights, id);
  if (g_str_equal (table, "unit"))
    return TRUE;
  if (rights->seen == NULL)
    rights->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (rights->seen, key, NULL, &cached))
    return GPOINTER_TO_INT (cached);
  {
    g_autoptr(JsonNode) row = dn_exchange_row_to_json (rights->store, table, id, NULL);
    g_autoptr(JsonObject) change = json_object_new ();

    json_object_set_string_member (change, "table", table);
    json_object_set_int_member (change, "id", id);
    /* a kind of record that is not served, or not there: not seen */
    seen = row != NULL && JSON_NODE_HOLDS_OBJECT (row);
    if (seen)
      {
        json_object_set_member (change, "row", g_steal_pointer (&row));
        seen = _dn_server_rights_see_change (rights, change);
      }
  }
  g_hash_table_insert (rights->seen, g_steal_pointer (&key), GINT_TO_POINTER (seen));
  return seen;
}

static GPtrArray *
references_of (DnRights   *rights,
               const char *table)
{
  GPtrArray *references;

  if (rights->references == NULL)
    rights->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  references = g_hash_table_lookup (rights->references, table);
  if (references == NULL)
    {
      references = dn_store_exchange_references (rights->store, table, NULL);
      if (references == NULL)
        references = g_ptr_array_new ();
      g_hash_table_insert (rights->references, g_strdup (table), references);
    }
  return references;
}

/* FALSE when @object refers, in a column the row cannot do without
 * (dn_store_reference_may_empty), to a record the caller does not see;
 * such a reference that may be emptied is emptied */
static gboolean
redact_object (DnRights   *rights,
               const char *table,
               JsonObject *object)
{
  GPtrArray *references = references_of (rights, table);

  for (guint i = 0; i < references->len; i++)
    {
      const DnStoreReference *reference = references->pdata[i];
      JsonNode *value = json_object_get_member (object, reference->column);

      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
        continue;
      if (record_seen (rights, reference->parent, json_node_get_int (value)))
        continue;
      if (!dn_store_reference_may_empty (reference))
        return FALSE;
      json_object_set_null_member (object, reference->column);
    }
  return TRUE;
}

gboolean
_dn_server_rights_redact (DnRights   *rights,
                          const char *table,
                          JsonNode   *row)
{
  if (rights->scope == NULL || row == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (row))
    {
      JsonArray *links = json_node_get_array (row);

      /* an owner's links: those to what the caller does not see left out */
      for (guint i = json_array_get_length (links); i > 0; i--)
        {
          JsonNode *link = json_array_get_element (links, i - 1);

          if (JSON_NODE_HOLDS_OBJECT (link) && !redact_object (rights, table, json_node_get_object (link)))
            json_array_remove_element (links, i - 1);
        }
      return TRUE;
    }
  return !JSON_NODE_HOLDS_OBJECT (row) || redact_object (rights, table, json_node_get_object (row));
}
