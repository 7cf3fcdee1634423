/* dn-exchange-apply.c: what the department server sends, applied to a
 * replica (dn-exchange-apply.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-exchange-apply.h"
#include "dn-exchange-private.h"
#include "dn-store-changes.h"
#include "dn-store-exchange.h"
#include "dn-store-settings.h"
#include "dn-text.h"

/* A served table: its columns and the column its records are found by */
typedef struct
{
  GArray *columns;
  char   *key;      /* "id", or a link table's owner column */
} Table;

static void
table_free (Table *table)
{
  g_clear_pointer (&table->columns, g_array_unref);
  g_free (table->key);
  g_free (table);
}

typedef struct
{
  DnStore    *store;
  GHashTable *tables;   /* name → Table */
} Apply;

static void
apply_init (Apply   *apply,
            DnStore *store)
{
  apply->store = store;
  apply->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) table_free);
}

static void
apply_clear (Apply *apply)
{
  g_clear_pointer (&apply->tables, g_hash_table_unref);
}

static gboolean
refuse (GError     **error,
        const char  *where,
        const char  *what)
{
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, "%s: %s", where, what);
  return FALSE;
}

/* @name as a table the server serves, else an error */
static const Table *
find_table (Apply       *apply,
            const char  *name,
            const char  *where,
            GError     **error)
{
  Table *table = g_hash_table_lookup (apply->tables, name);
  gboolean served = FALSE;

  if (table != NULL)
    return table;
  for (guint t = 0; t < DN_EXCHANGE_N_TABLES && !served; t++)
    served = g_str_equal (_dn_exchange_tables[t], name);
  table = g_new0 (Table, 1);
  if (!served || !dn_store_is_logged_table (apply->store, name, &table->key))
    {
      g_autofree char *shown = dn_text_escape_for_display (name, 60);
      g_autofree char *what = g_strdup_printf (_("unknown table “%s”."), shown);

      table_free (table);
      refuse (error, where, what);
      return NULL;
    }
  table->columns = dn_store_exchange_columns (apply->store, name, error);
  if (table->columns == NULL)
    {
      table_free (table);
      return NULL;
    }
  g_hash_table_insert (apply->tables, g_strdup (name), table);
  return table;
}

static gboolean
is_link (const Table *table)
{
  return !g_str_equal (table->key, "id");
}

/* The whole number @name of @object (at least 0), else an error */
static gboolean
read_number (JsonObject  *object,
             const char  *name,
             const char  *where,
             gint64      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    {
      g_autofree char *what = g_strdup_printf (_("field “%s”: expected a whole number."), name);
      return refuse (error, where, what);
    }
  *out = json_node_get_int (node);
  return TRUE;
}

/* One row of @name (an object) written with its revision; its @key column
 * must be @key. */
static gboolean
write_row (Apply        *apply,
           const char   *name,
           const Table  *table,
           JsonNode     *node,
           gint64        key,
           const char   *where,
           GError      **error)
{
  /* what a record carries beside its stored columns: its revision, and a
   * task's keys of the lists (read from its fields) */
  static const char * const task_extra[] = { "revision", "due", "lead_unit", NULL };
  static const char * const extra[] = { "revision", NULL };
  g_autofree DnStoreValue *values = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_values = 0;
  gint64 revision, own_key;

  if (!_dn_exchange_read_row (node, name, table->columns, g_str_equal (name, "task") ? task_extra : extra,
                              where, &values, &n_values, texts, error) ||
      !read_number (json_node_get_object (node), "revision", where, &revision, error) ||
      !read_number (json_node_get_object (node), table->key, where, &own_key, error))
    return FALSE;
  if (own_key != key)
    {
      g_autofree char *what = g_strdup_printf (_("field “%s” is not the record's %lld."), table->key, (long long) key);
      return refuse (error, where, what);
    }
  if (!dn_store_exchange_write_row (apply->store, name, values, n_values, revision, error))
    {
      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  return TRUE;
}

/* The record @key of @name as the server sends it: a row, or an owner's
 * links (all replaced) */
static gboolean
write_record (Apply        *apply,
              const char   *name,
              const Table  *table,
              JsonNode     *record,
              gint64        key,
              const char   *where,
              GError      **error)
{
  JsonArray *links;

  if (!is_link (table))
    return write_row (apply, name, table, record, key, where, error);
  if (!JSON_NODE_HOLDS_ARRAY (record))
    return refuse (error, where, _("expected a list of links."));
  if (!dn_store_exchange_delete_rows (apply->store, name, table->key, key, error))
    return FALSE;
  links = json_node_get_array (record);
  for (guint i = 0; i < json_array_get_length (links); i++)
    if (!write_row (apply, name, table, json_array_get_element (links, i), key, where, error))
      return FALSE;
  return TRUE;
}

typedef enum
{
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
} Op;

/* A change's table, id, op and row, checked */
typedef struct
{
  const char   *name;
  const Table  *table;
  gint64        id;
  Op            op;
  JsonNode     *row;
} Change;

static gboolean
read_change (Apply       *apply,
             JsonNode    *node,
             const char  *where,
             Change      *change,
             GError     **error)
{
  static const char * const members[] = { "table", "id", "op", "revision", "row", NULL };
  static const char * const ops[] = { "insert", "update", "delete", NULL };
  JsonObject *object;
  JsonNode *member;
  gint64 revision;
  guint op;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, where, _("expected an object."));
  object = json_node_get_object (node);
  {
    g_autoptr(GList) names = json_object_get_members (object);

    for (GList *l = names; l != NULL; l = l->next)
      if (!g_strv_contains (members, l->data))
        {
          g_autofree char *shown = dn_text_escape_for_display (l->data, 60);
          g_autofree char *what = g_strdup_printf (_("unknown field “%s”."), shown);
          return refuse (error, where, what);
        }
  }
  member = json_object_get_member (object, "table");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return refuse (error, where, _("field “table”: expected text."));
  change->name = json_node_get_string (member);
  change->table = find_table (apply, change->name, where, error);
  if (change->table == NULL || !read_number (object, "id", where, &change->id, error) ||
      !read_number (object, "revision", where, &revision, error))
    return FALSE;
  member = json_object_get_member (object, "op");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return refuse (error, where, _("field “op”: expected “insert”, “update” or “delete”."));
  for (op = 0; ops[op] != NULL && !g_str_equal (ops[op], json_node_get_string (member)); op++)
    ;
  if (ops[op] == NULL || (op == OP_DELETE && is_link (change->table)))
    return refuse (error, where, _("field “op”: expected “insert”, “update” or “delete”."));
  change->op = op;
  change->row = json_object_get_member (object, "row");
  if (change->row == NULL || (change->op == OP_DELETE) != JSON_NODE_HOLDS_NULL (change->row))
    return refuse (error, where, change->op == OP_DELETE ? _("a deletion has a record.")
                                                        : _("field “row”: the record is missing."));
  return TRUE;
}

/* The changes of @list, deletions first */
static gboolean
apply_list (Apply      *apply,
            JsonArray  *list,
            GError    **error)
{
  guint n = json_array_get_length (list);
  g_autofree Change *changes = g_new0 (Change, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf (_("The server's answer, change %u"), i + 1);

      if (!read_change (apply, json_array_get_element (list, i), where, &changes[i], error))
        return FALSE;
      if (changes[i].op == OP_DELETE &&
          !dn_store_exchange_delete_rows (apply->store, changes[i].name, "id", changes[i].id, error))
        {
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }
    }
  for (guint i = 0; i < n; i++)
    if (changes[i].op != OP_DELETE)
      {
        g_autofree char *where = g_strdup_printf (_("The server's answer, change %u"), i + 1);

        if (!write_record (apply, changes[i].name, changes[i].table, changes[i].row, changes[i].id, where, error))
          return FALSE;
      }
  return TRUE;
}

/* Ends the transaction; a reference to a record the replica lacks fails
 * the commit */
static gboolean
end_apply (DnStore   *store,
           gboolean   ok,
           GError   **error)
{
  if (dn_store_exchange_end_apply (store, ok, error))
    return TRUE;
  if (ok)
    g_prefix_error (error, _("The server's answer was not applied: "));
  return FALSE;
}

/* The department's rules an answer gives ("rules": {"report-days": 15,
 * …}, dn-store-settings.h), kept in the replica: a key this version does
 * not know is left, a value that is not a whole number in its range
 * refuses the answer */
static gboolean
apply_rules (DnStore     *replica,
             JsonObject  *object,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, "rules");
  g_autoptr(GList) keys = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, where, _("field “rules”: expected an object."));
  keys = json_object_get_members (json_node_get_object (node));
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (node), l->data);
      DnSetting setting;

      if (!dn_setting_from_key (l->data, &setting))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) < G_MININT || json_node_get_int (value) > G_MAXINT)
        return refuse (error, where, _("field “rules”: expected whole numbers."));
      if (json_node_get_int (value) != dn_store_get_setting (replica, setting) &&
          !dn_store_set_setting (replica, setting, (int) json_node_get_int (value), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dn_exchange_apply_changes (DnStore   *replica,
                           JsonNode  *answer,
                           GError   **error)
{
  const char *where = _("The server's answer");
  JsonObject *object;
  JsonNode *list;
  gint64 revision;
  Apply apply;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (replica), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (answer))
    return refuse (error, where, _("expected an object."));
  object = json_node_get_object (answer);
  if (!read_number (object, "revision", where, &revision, error))
    return FALSE;
  list = json_object_get_member (object, "changes");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return refuse (error, where, _("field “changes”: expected a list."));
  if (revision < dn_store_get_replica_revision (replica))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The server's data is older than this copy of it (revision %lld, the copy has %lld): "
                     "the server's database may have been restored from a backup. Make the copy again."),
                   (long long) revision, (long long) dn_store_get_replica_revision (replica));
      return FALSE;
    }

  if (!dn_store_exchange_begin_import (replica, error))
    return FALSE;
  apply_init (&apply, replica);
  ok = apply_list (&apply, json_node_get_array (list), error) &&
       apply_rules (replica, object, where, error) &&
       dn_store_set_replica_revision (replica, revision, error);
  apply_clear (&apply);
  return end_apply (replica, ok, error);
}

gboolean
dn_exchange_apply_record (DnStore     *replica,
                          const char  *table,
                          JsonNode    *record,
                          GError     **error)
{
  const char *where = _("The server's answer");
  const Table *info;
  Apply apply;
  gint64 key = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (replica), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  apply_init (&apply, replica);
  info = find_table (&apply, table != NULL ? table : "", where, error);
  if (info == NULL)
    {
      apply_clear (&apply);
      return FALSE;
    }
  {
    /* the key is the record's own: its id, or its first link's owner */
    JsonNode *first = record;

    if (is_link (info))
      first = JSON_NODE_HOLDS_ARRAY (record) && json_array_get_length (json_node_get_array (record)) > 0
                ? json_array_get_element (json_node_get_array (record), 0) : NULL;
    ok = first != NULL && JSON_NODE_HOLDS_OBJECT (first) &&
         read_number (json_node_get_object (first), info->key, where, &key, error);
    if (first == NULL || !JSON_NODE_HOLDS_OBJECT (first))
      ok = refuse (error, where, is_link (info) ? _("expected a list of links.") : _("expected an object."));
  }
  if (!ok || !dn_store_exchange_begin_import (replica, error))
    {
      apply_clear (&apply);
      return FALSE;
    }
  ok = write_record (&apply, table, info, record, key, where, error);
  apply_clear (&apply);
  return end_apply (replica, ok, error);
}
