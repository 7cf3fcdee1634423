/* dn-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dn-exchange.h"
#include "dn-store-private.h"
#include "dn-text.h"

#define MAX_NESTING 16

/* dependency order: a table only refers to tables before it (or to itself) */
static const char *tables[] = {
  "unit", "person", "document", "attachment", "document_attachment", "partner", "project",
  "task", "assignment", "deadline_extension", "progress", "reminder",
  "delegation", "delegation_country", "passport", "delegation_member", "passport_loan",
  "calendar_day",
};

/* Stored (non-generated) columns of @table, in schema order. */
static GPtrArray *
table_columns (DnStore     *store,
               const char  *table,
               GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_xinfo(\"%s\")", table);
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _dn_store_set_error (store, rc, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_int (stmt, 6) == 0)
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return g_steal_pointer (&columns);
}

/*
 * Export
 */

gboolean
dn_exchange_export (DnStore       *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* one read transaction: a consistent snapshot */
  if (!_dn_store_exec (store, "BEGIN", error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, DN_EXCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DN_STORE_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GPtrArray) columns = table_columns (store, tables[t], error);
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      sqlite3_stmt *stmt;
      int rc;

      if (columns == NULL)
        goto out;
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", (char *) columns->pdata[c]);
      g_string_append_printf (sql, " FROM \"%s\" ORDER BY rowid", tables[t]);
      rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _dn_store_set_error (store, rc, error);
          goto out;
        }

      json_builder_set_member_name (builder, tables[t]);
      json_builder_begin_array (builder);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          for (guint c = 0; c < columns->len; c++)
            {
              json_builder_set_member_name (builder, columns->pdata[c]);
              switch (sqlite3_column_type (stmt, (int) c))
                {
                case SQLITE_INTEGER:
                  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, (int) c));
                  break;
                case SQLITE_FLOAT:
                  json_builder_add_double_value (builder, sqlite3_column_double (stmt, (int) c));
                  break;
                case SQLITE_NULL:
                  json_builder_add_null_value (builder);
                  break;
                default:
                  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, (int) c));
                  break;
                }
            }
          json_builder_end_object (builder);
        }
      sqlite3_finalize (stmt);
      json_builder_end_array (builder);
      if (rc != SQLITE_DONE)
        {
          _dn_store_set_error (store, rc, error);
          goto out;
        }
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  {
    /* end with a newline, as text files do */
    char *with_newline = g_strconcat (text, "\n", NULL);
    g_free (text);
    text = with_newline;
    length++;
  }
  if (!g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
    goto out;
  ok = TRUE;

out:
  _dn_store_exec (store, "COMMIT", NULL);
  return ok;
}

/*
 * Import
 */

/* json-glib 1.6 has no nesting limit and overflows its stack on very deep
 * input: refuse anything nested deeper than the format ever is. */
static gboolean
check_nesting (const char  *data,
               gsize        length,
               const char  *name,
               GError     **error)
{
  int depth = 0;
  gboolean in_string = FALSE;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                           _("%s, line %u: the data is nested too deeply; this is not a Đối Ngoại export."),
                           name, line);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        depth--;
    }
  return TRUE;
}

static gboolean
bind_value (sqlite3_stmt  *stmt,
            int            col,
            JsonNode      *node,
            const char    *where,
            const char    *field,
            GError       **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, col);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          sqlite3_bind_int64 (stmt, col, json_node_get_int (node));
          return TRUE;
        }
      if (type == G_TYPE_BOOLEAN)
        {
          sqlite3_bind_int (stmt, col, json_node_get_boolean (node) ? 1 : 0);
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          sqlite3_bind_double (stmt, col, json_node_get_double (node));
          return TRUE;
        }
      if (type == G_TYPE_STRING)
        {
          g_autofree char *text = dn_text_normalize (json_node_get_string (node), -1, FALSE);
          if (text == NULL)
            {
              g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                           _("%s, field “%s”: the text is not valid UTF-8."), where, field);
              return FALSE;
            }
          sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
          return TRUE;
        }
    }
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("%s, field “%s”: expected a number, text or null."), where, field);
  return FALSE;
}

static gboolean
import_table (DnStore     *store,
              const char  *table,
              JsonArray   *rows,
              const char  *name,
              GError     **error)
{
  g_autoptr(GPtrArray) columns = table_columns (store, table, error);
  guint n_rows = json_array_get_length (rows);

  if (columns == NULL)
    return FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      JsonNode *node = json_array_get_element (rows, r);
      g_autofree char *where = g_strdup_printf (_("%s: table “%s”, record %u"), name, table, r + 1);
      g_autoptr(GString) sql = NULL;
      g_autoptr(GString) values = NULL;
      g_autoptr(GList) members = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonObject *object;
      sqlite3_stmt *stmt;
      int col = 0;
      int rc;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s: expected an object."), where);
          return FALSE;
        }
      object = json_node_get_object (node);
      members = json_object_get_members (object);
      if (members == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s: the record is empty."), where);
          return FALSE;
        }
      sql = g_string_new (NULL);
      values = g_string_new (NULL);
      g_string_printf (sql, "INSERT INTO \"%s\" (", table);
      for (GList *l = members; l != NULL; l = l->next)
        {
          gboolean known = FALSE;

          for (guint c = 0; c < columns->len && !known; c++)
            known = g_str_equal (columns->pdata[c], l->data);
          if (!known)
            {
              g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                           _("%s: unknown field “%s”."), where, (const char *) l->data);
              return FALSE;
            }
          g_string_append_printf (sql, "%s\"%s\"", l != members ? ", " : "", (const char *) l->data);
          g_string_append (values, l != members ? ", ?" : "?");
        }
      g_string_append_printf (sql, ") VALUES (%s)", values->str);

      rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _dn_store_set_error (store, rc, error);
          return FALSE;
        }
      for (GList *l = members; l != NULL; l = l->next)
        if (!bind_value (stmt, ++col, json_object_get_member (object, l->data), where, l->data, error))
          {
            sqlite3_finalize (stmt);
            return FALSE;
          }
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _dn_store_set_error (store, rc, &local_error);
          sqlite3_finalize (stmt);
          g_set_error (error, DN_STORE_ERROR, local_error->code, "%s: %s", where, local_error->message);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

static gboolean
import_root (DnStore     *store,
             JsonNode    *root,
             const char  *name,
             GError     **error)
{
  JsonObject *object, *table_object;
  JsonNode *node;
  g_autoptr(GList) names = NULL;
  gint64 version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is not a Đối Ngoại export (no JSON object at the top)."), name);
      return FALSE;
    }
  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), DN_EXCHANGE_FORMAT) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is not a Đối Ngoại export (field “format” missing or wrong)."), name);
      return FALSE;
    }
  node = json_object_get_member (object, "version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s: field “version” is missing or not a number."), name);
      return FALSE;
    }
  version = json_node_get_int (node);
  if (version != DN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DN_STORE_ERROR, version > DN_STORE_SCHEMA_VERSION ? DN_STORE_ERROR_TOO_NEW : DN_STORE_ERROR_INVALID,
                   _("%s has version %lld; this version of Đối Ngoại reads version %d."),
                   name, (long long) version, DN_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  node = json_object_get_member (object, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s: field “tables” is missing or not an object."), name);
      return FALSE;
    }
  table_object = json_node_get_object (node);
  names = json_object_get_members (table_object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (tables) && !known; t++)
        known = g_str_equal (tables[t], l->data);
      if (!known)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("%s: unknown table “%s”."), name, (const char *) l->data);
          return FALSE;
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      node = json_object_get_member (table_object, tables[t]);
      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("%s: table “%s” is not a list."), name, tables[t]);
          return FALSE;
        }
      if (!import_table (store, tables[t], json_node_get_array (node), name, error))
        return FALSE;
    }
  return TRUE;
}

/* Names the first broken reference, if any. */
static gboolean
check_references (DnStore     *store,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (_dn_store_get_db (store), "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return TRUE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s: table “%s”, record with id %lld refers to a missing record in “%s”."),
                   name, (const char *) sqlite3_column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 2));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  /* every task has its lead unit (at most one is enforced by the schema, at
   * least one by the store, so here too) */
  if (sqlite3_prepare_v2 (_dn_store_get_db (store),
                          "SELECT t.id FROM task t WHERE NOT EXISTS "
                          "(SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.role = 'lead') ORDER BY t.id LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return TRUE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s: table “task”, record with id %lld has no lead unit (no “assignment” with role “lead”)."),
                   name, (long long) sqlite3_column_int64 (stmt, 0));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Empty means no row in any table an export holds: dn_store_is_empty() only
 * looks at units, people, documents and tasks, and an import into a database
 * with, say, partners or calendar days would silently merge into them. */
static gboolean
database_is_empty (DnStore  *store,
                   gboolean *empty,
                   GError  **error)
{
  *empty = TRUE;
  for (guint t = 0; t < G_N_ELEMENTS (tables) && *empty; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\")", tables[t]);
      sqlite3_stmt *stmt;
      int rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql, -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              *empty = sqlite3_column_int (stmt, 0) == 0;
              rc = SQLITE_OK;
            }
          sqlite3_finalize (stmt);
        }
      if (rc != SQLITE_OK)
        {
          _dn_store_set_error (store, rc, error);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
dn_exchange_import_bytes (DnStore     *store,
                          GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data;
  gboolean empty;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!database_is_empty (store, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_EMPTY,
                   _("The database already holds data; import only goes into an empty database."));
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || data == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s is empty."), name);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s is not UTF-8 text."), name);
      return FALSE;
    }
  if (!check_nesting (data, length, name, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
      const char *message = local_error->message;
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is not valid JSON (line:column %s). Nothing was imported."), name, message);
      return FALSE;
    }

  if (!dn_store_begin (store, error))
    return FALSE;
  _dn_store_set_audit (store, FALSE);
  if (!_dn_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) ||
      !import_root (store, json_parser_get_root (parser), name, error) ||
      !check_references (store, name, error))
    {
      _dn_store_set_audit (store, TRUE);
      dn_store_rollback (store);
      return FALSE;
    }
  _dn_store_set_audit (store, TRUE);
  return dn_store_commit (store, error);
}

gboolean
dn_exchange_import (DnStore       *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("Cannot read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return dn_exchange_import_bytes (store, bytes, name, error);
}

gboolean
dn_exchange_load_demo (DnStore  *store,
                       GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  /* registered by the store */
  bytes = g_resources_lookup_data ("/io/github/doingoai/DoiNgoai/core/demo.json", G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  return dn_exchange_import_bytes (store, bytes, _("The demo data"), error);
}
