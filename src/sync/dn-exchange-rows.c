/* dn-exchange-rows.c: records of the exchange one at a time, and the
 * changes after a revision (dn-exchange-rows.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-exchange-private.h"
#include "dn-exchange-rows.h"
#include "dn-store-exchange.h"

/* How the records of one table are read: the export's columns and the
 * revision, and the column a record is found by. */
typedef struct
{
  char     *table;
  char     *key;       /* "id", or a link table's owner column */
  GArray   *columns;   /* DnStoreColumn: the export's, then "revision" */
} TableReader;

static void
table_reader_free (TableReader *reader)
{
  g_free (reader->table);
  g_free (reader->key);
  g_clear_pointer (&reader->columns, g_array_unref);
  g_free (reader);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableReader, table_reader_free)

static gboolean
is_exchange_table (const char *table)
{
  for (guint t = 0; t < DN_EXCHANGE_N_TABLES; t++)
    if (g_strcmp0 (_dn_exchange_tables[t], table) == 0)
      return TRUE;
  return FALSE;
}

static TableReader *
table_reader_new (DnStore     *store,
                  const char  *table,
                  GError     **error)
{
  g_autoptr(TableReader) reader = g_new0 (TableReader, 1);
  DnStoreColumn revision = { NULL, TRUE, 0 };

  if (!is_exchange_table (table) || !dn_store_is_logged_table (store, table, &reader->key))
    {
      g_autofree char *shown = g_utf8_make_valid (table != NULL ? table : "", -1);

      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("There is no kind of record “%s”."), shown);
      return NULL;
    }
  reader->table = g_strdup (table);
  reader->columns = dn_store_exchange_columns (store, table, error);
  if (reader->columns == NULL)
    return NULL;
  revision.name = g_strdup ("revision");
  g_array_append_val (reader->columns, revision);
  return g_steal_pointer (&reader);
}

static gboolean
is_link (const TableReader *reader)
{
  return !g_str_equal (reader->key, "id");
}

/* The row under @cursor as an object, with the export's values. */
static JsonNode *
read_object (DnStoreCursor  *cursor,
             TableReader    *reader,
             GError        **error)
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint c = 0; c < reader->columns->len; c++)
    {
      const char *name = g_array_index (reader->columns, DnStoreColumn, c).name;
      DnExchangeValue value;

      if (!_dn_exchange_read_value (cursor, c, reader->table, name, &value, error))
        return NULL;
      switch (value.type)
        {
        case DN_STORE_VALUE_INTEGER:
          json_object_set_int_member (object, name, value.integer);
          break;
        case DN_STORE_VALUE_FLOAT:
          json_object_set_double_member (object, name, value.number);
          break;
        case DN_STORE_VALUE_TEXT:
          json_object_set_string_member (object, name, value.text);
          break;
        case DN_STORE_VALUE_NULL:
        default:
          json_object_set_null_member (object, name);
          break;
        }
    }
  return json_node_init_object (json_node_alloc (), object);
}

/* The keys of the API's task lists beside the export's fields. */
static gboolean
add_task_keys (DnStore     *store,
               JsonObject  *object,
               gint64       id,
               GError     **error)
{
  g_autoptr(DnTask) task = dn_store_get_task (store, id, error);
  JsonNode *due = json_object_get_member (object, "due_date");

  if (task == NULL)
    return FALSE;
  json_object_set_member (object, "due", due != NULL ? json_node_copy (due) : json_node_new (JSON_NODE_NULL));
  if (task->lead_unit_code != NULL && *task->lead_unit_code != '\0')
    json_object_set_string_member (object, "lead_unit", task->lead_unit_code);
  else
    json_object_set_null_member (object, "lead_unit");
  return TRUE;
}

static JsonNode *
reader_read (DnStore      *store,
             TableReader  *reader,
             gint64        id,
             GError      **error)
{
  g_autoptr(DnStoreCursor) cursor = NULL;
  g_autoptr(JsonArray) links = json_array_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = NULL;

  cursor = dn_store_cursor_new_for_key (store, reader->table, reader->columns, reader->key, id, error);
  if (cursor == NULL)
    return NULL;
  while (dn_store_cursor_next (cursor, &local_error))
    {
      node = read_object (cursor, reader, error);
      if (node == NULL)
        return NULL;
      if (!is_link (reader))
        break;
      json_array_add_element (links, g_steal_pointer (&node));
    }
  if (local_error != NULL)
    {
      g_clear_pointer (&node, json_node_unref);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (is_link (reader))
    return json_node_init_array (json_node_alloc (), links);
  if (node == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no record with id %lld in “%s”."), (long long) id, reader->table);
      return NULL;
    }
  if (g_str_equal (reader->table, "task") && !add_task_keys (store, json_node_get_object (node), id, error))
    {
      json_node_unref (node);
      return NULL;
    }
  return node;
}

JsonNode *
dn_exchange_row_to_json (DnStore     *store,
                         const char  *table,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(TableReader) reader = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  reader = table_reader_new (store, table, error);
  if (reader == NULL)
    return NULL;
  return reader_read (store, reader, id, error);
}

JsonNode *
dn_exchange_rows_to_json (DnStore      *store,
                          const char   *table,
                          const gint64 *ids,
                          guint         n_ids,
                          GError      **error)
{
  g_autoptr(TableReader) reader = NULL;
  g_autoptr(JsonArray) rows = json_array_new ();

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  /* the table's columns read once for the whole list */
  reader = table_reader_new (store, table, error);
  if (reader == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      JsonNode *row = reader_read (store, reader, ids[i], error);

      if (row == NULL)
        return NULL;
      json_array_add_element (rows, row);
    }
  return json_node_init_array (json_node_alloc (), rows);
}

static JsonNode *
changes_node (DnStore     *store,
              gint64       since,
              guint        limit,
              GError     **error)
{
  g_autoptr(GHashTable) readers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) table_reader_free);
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(GPtrArray) changes = NULL;
  gint64 last = since;

  changes = dn_store_read_changes (store, since, limit, &last, error);
  if (changes == NULL)
    return NULL;
  for (guint i = 0; i < changes->len; i++)
    {
      const DnChange *change = changes->pdata[i];
      g_autoptr(JsonObject) item = json_object_new ();
      JsonNode *row = NULL;

      json_object_set_string_member (item, "table", change->table);
      json_object_set_int_member (item, "id", change->row_id);
      json_object_set_string_member (item, "op", dn_change_op_to_string (change->op));
      json_object_set_int_member (item, "revision", change->revision);
      if (change->op != DN_CHANGE_DELETE)
        {
          TableReader *reader = g_hash_table_lookup (readers, change->table);

          if (reader == NULL)
            {
              reader = table_reader_new (store, change->table, error);
              if (reader == NULL)
                return NULL;
              g_hash_table_insert (readers, reader->table, reader);
            }
          row = reader_read (store, reader, change->row_id, error);
          if (row == NULL)
            return NULL;
        }
      json_object_set_member (item, "row", row != NULL ? row : json_node_new (JSON_NODE_NULL));
      json_array_add_object_element (list, g_steal_pointer (&item));
    }
  json_object_set_int_member (answer, "revision", last);
  json_object_set_array_member (answer, "changes", g_steal_pointer (&list));
  return json_node_init_object (json_node_alloc (), answer);
}

JsonNode *
dn_exchange_changes_to_json (DnStore     *store,
                             gint64       since,
                             guint        limit,
                             GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  /* one read transaction: the log and the rows of the same snapshot */
  if (!dn_store_exchange_begin_read (store, error))
    return NULL;
  node = changes_node (store, since, limit, error);
  dn_store_exchange_end_read (store);
  return node;
}
