/* dn-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "dn-exchange.h"
#include "dn-json-check.h"
#include "dn-store-private.h"
#include "dn-text.h"

/* deepest nesting accepted; the format itself nests 4 deep */
#define MAX_NESTING 16

/* dependency order: a table only refers to tables before it (or to itself) */
static const char *tables[] = {
  "unit", "person", "document", "attachment", "document_attachment", "partner", "project",
  "task", "assignment", "deadline_extension", "progress", "reminder",
  "delegation", "delegation_country", "passport", "delegation_member", "passport_loan",
  "calendar_day",
};

typedef struct
{
  char *name;
  gboolean integer;  /* INTEGER affinity; otherwise TEXT */
  guint max_chars;   /* for text */
} Column;

static void
column_clear (gpointer data)
{
  g_free (((Column *) data)->name);
}

/* Stored (non-generated) columns of @table, in schema order. */
static GArray *
table_columns (DnStore     *store,
               const char  *table,
               GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_xinfo(\"%s\")", table);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (columns, column_clear);
  rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _dn_store_set_error (store, rc, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_int (stmt, 6) == 0)
      {
        const char *type = (const char *) sqlite3_column_text (stmt, 2);
        Column column = {
          g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
          type != NULL && strstr (type, "INT") != NULL,
          0,
        };
        column.max_chars = _dn_store_text_limit (table, column.name);
        g_array_append_val (columns, column);
      }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&columns);
}

/*
 * Export: written as it is read, row by row, in the layout json-glib's
 * pretty printer (indent 1) gave to earlier versions, so that exports stay
 * byte for byte the same; but every control character is escaped and a
 * value that JSON cannot hold is refused.
 */

typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GString *buffer;
} Writer;

static gboolean
writer_flush (Writer   *w,
              gboolean  all,
              GError  **error)
{
  if (w->buffer->len == 0 || (!all && w->buffer->len < 64 * 1024))
    return TRUE;
  if (!g_output_stream_write_all (w->stream, w->buffer->str, w->buffer->len, NULL, w->cancellable, error))
    return FALSE;
  g_string_truncate (w->buffer, 0);
  return TRUE;
}

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\b': g_string_append (out, "\\b"); break;
      case '\f': g_string_append (out, "\\f"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default:
        if (*p < 0x20 || *p == 0x7f)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, (char) *p);
      }
  g_string_append_c (out, '"');
}

static gboolean
write_row (GString       *out,
           sqlite3_stmt  *stmt,
           GArray        *columns,
           const char    *table,
           GError       **error)
{
  g_string_append (out, "   {\n");
  for (guint c = 0; c < columns->len; c++)
    {
      const char *name = g_array_index (columns, Column, c).name;

      g_string_append (out, "    ");
      write_string (out, name);
      g_string_append (out, " : ");
      switch (sqlite3_column_type (stmt, (int) c))
        {
        case SQLITE_INTEGER:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, (int) c));
          break;
        case SQLITE_FLOAT:
          {
            char number[G_ASCII_DTOSTR_BUF_SIZE];
            double value = sqlite3_column_double (stmt, (int) c);

            if (!isfinite (value))
              {
                g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                             _("Table “%s”, record with id %lld, field “%s” holds a number that is not finite; "
                               "correct it before exporting."),
                             table, (long long) sqlite3_column_int64 (stmt, 0), name);
                return FALSE;
              }
            g_ascii_dtostr (number, sizeof number, value);
            g_string_append (out, number);
            if (strpbrk (number, ".e") == NULL)
              g_string_append (out, ".0");
          }
          break;
        case SQLITE_NULL:
          g_string_append (out, "null");
          break;
        default:
          {
            const char *text = (const char *) sqlite3_column_text (stmt, (int) c);
            int bytes = sqlite3_column_bytes (stmt, (int) c);

            if (text == NULL || memchr (text, '\0', (gsize) bytes) != NULL ||
                !g_utf8_validate_len (text, (gsize) bytes, NULL))
              {
                g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                             _("Table “%s”, record with id %lld, field “%s” is not valid text; "
                               "run “doingoai-cli check”."),
                             table, (long long) sqlite3_column_int64 (stmt, 0), name);
                return FALSE;
              }
            write_string (out, text);
          }
          break;
        }
      g_string_append (out, c + 1 < columns->len ? ",\n" : "\n");
    }
  g_string_append (out, "   }");
  return TRUE;
}

static gboolean
write_tables (DnStore  *store,
              Writer   *w,
              GError  **error)
{
  g_string_append_printf (w->buffer, "{\n \"format\" : \"%s\",\n \"version\" : %d,\n \"tables\" : {\n",
                          DN_EXCHANGE_FORMAT, DN_STORE_SCHEMA_VERSION);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GArray) columns = table_columns (store, tables[t], error);
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      sqlite3_stmt *stmt;
      guint n_rows = 0;
      int rc;

      if (columns == NULL)
        return FALSE;
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", g_array_index (columns, Column, c).name);
      g_string_append_printf (sql, " FROM \"%s\" ORDER BY rowid", tables[t]);
      rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _dn_store_set_error (store, rc, error);
          return FALSE;
        }
      g_string_append_printf (w->buffer, "  \"%s\" : [", tables[t]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_append (w->buffer, n_rows++ > 0 ? ",\n" : "\n");
          if (!write_row (w->buffer, stmt, columns, tables[t], error) ||
              !writer_flush (w, FALSE, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _dn_store_set_error (store, rc, error);
          return FALSE;
        }
      g_string_append (w->buffer, n_rows > 0 ? "\n  ]" : "]");
      g_string_append (w->buffer, t + 1 < G_N_ELEMENTS (tables) ? ",\n" : "\n");
    }
  g_string_append (w->buffer, " }\n}\n");
  return writer_flush (w, TRUE, error);
}

gboolean
dn_exchange_export (DnStore       *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autoptr(GString) buffer = g_string_sized_new (128 * 1024);
  Writer w = { NULL, cancellable, buffer };
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* a temporary file beside the target, renamed over it when closed */
  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (file_stream == NULL)
    return FALSE;
  w.stream = G_OUTPUT_STREAM (file_stream);

  /* one read transaction: a consistent snapshot */
  if (!_dn_store_exec (store, "BEGIN", error))
    ok = FALSE;
  else
    {
      ok = write_tables (store, &w, error);
      _dn_store_exec (store, "COMMIT", NULL);
    }
  if (!ok)
    {
      /* closing with a cancelled cancellable leaves the old file (if any) as it was */
      g_cancellable_cancel (abandon);
      g_output_stream_close (w.stream, abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (w.stream, cancellable, error);
}

/*
 * Import
 */

static gboolean
bind_value (sqlite3_stmt  *stmt,
            int            col,
            JsonNode      *node,
            const Column  *column,
            const char    *where,
            GError       **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, col);
      return TRUE;
    }
  if (column->integer)
    {
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
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s, field “%s”: expected a whole number or null."), where, column->name);
      return FALSE;
    }
  if (type == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);
      g_autofree char *text = NULL;

      /* at most 4 bytes a character in NFC: refuse long text before normalising it */
      if (strlen (value) <= (gsize) column->max_chars * 4)
        text = dn_text_normalize (value, -1, FALSE);
      if (text == NULL || g_utf8_strlen (text, -1) > (glong) column->max_chars)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE, "%s, field “%s”: the text is longer than %u character.",
                                    "%s, field “%s”: the text is longer than %u characters.", column->max_chars),
                       where, column->name, column->max_chars);
          return FALSE;
        }
      sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
      return TRUE;
    }
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("%s, field “%s”: expected text or null."), where, column->name);
  return FALSE;
}

static gboolean
import_table (DnStore     *store,
              const char  *table,
              JsonArray   *rows,
              const char  *name,
              GError     **error)
{
  g_autoptr(GArray) columns = table_columns (store, table, error);
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
      g_autofree const Column **bound = NULL;
      JsonObject *object;
      sqlite3_stmt *stmt;
      guint n_bound = 0;
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
      bound = g_new0 (const Column *, g_list_length (members));
      g_string_printf (sql, "INSERT INTO \"%s\" (", table);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const Column *column = NULL;

          for (guint c = 0; c < columns->len && column == NULL; c++)
            if (g_str_equal (g_array_index (columns, Column, c).name, l->data))
              column = &g_array_index (columns, Column, c);
          if (column == NULL)
            {
              g_autofree char *shown = dn_text_escape_for_display (l->data, 60);
              g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                           _("%s: unknown field “%s”."), where, shown);
              return FALSE;
            }
          bound[n_bound++] = column;
          g_string_append_printf (sql, "%s\"%s\"", l != members ? ", " : "", column->name);
          g_string_append (values, l != members ? ", ?" : "?");
        }
      g_string_append_printf (sql, ") VALUES (%s)", values->str);

      rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _dn_store_set_error (store, rc, error);
          return FALSE;
        }
      for (guint i = 0; i < n_bound; i++)
        if (!bind_value (stmt, (int) i + 1, json_object_get_member (object, bound[i]->name), bound[i], where, error))
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
          g_autofree char *shown = dn_text_escape_for_display (l->data, 60);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("%s: unknown table “%s”."), name, shown);
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
  return ok;
}

/* The rules the C API applies record by record, over what was imported. */
static gboolean
check_rules (DnStore     *store,
             const char  *name,
             GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);
  return _dn_store_check_rules (store, NULL, prefix, error);
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
  /* the format nests 4 deep: top, tables, a table's list, a record */
  static const DnJsonLimits limits = { MAX_NESTING, DN_TEXT_MAX_LONG * 4 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data;
  gboolean empty;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || data == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s is empty."), name);
      return FALSE;
    }
  if (length > DN_EXCHANGE_MAX_SIZE)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is larger than %d MB, the most an import takes."), name, DN_EXCHANGE_MAX_SIZE >> 20);
      return FALSE;
    }
  /* json-glib accepts more than JSON and has no nesting limit: only strict
   * JSON within the limits reaches it */
  if (!dn_json_check_strict (data, length, &limits, name, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* not expected after the check above, but never silent */
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is not valid JSON (%s). Nothing was imported."), name, local_error->message);
      return FALSE;
    }

  /* The emptiness check runs inside the write transaction: a second import
   * started at the same time waits for the first and then finds data. */
  if (!dn_store_begin (store, error))
    return FALSE;
  if (!database_is_empty (store, &empty, error))
    {
      dn_store_rollback (store);
      return FALSE;
    }
  if (!empty)
    {
      dn_store_rollback (store);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_EMPTY,
                   _("The database already holds data; import only goes into an empty database."));
      return FALSE;
    }
  _dn_store_set_audit (store, FALSE);
  if (!_dn_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) ||
      !import_root (store, json_parser_get_root (parser), name, error) ||
      !check_references (store, name, error) ||
      !check_rules (store, name, error))
    {
      _dn_store_set_audit (store, TRUE);
      dn_store_rollback (store);
      return FALSE;
    }
  _dn_store_set_audit (store, TRUE);
  return dn_store_commit (store, error);
}

/* Reads at most DN_EXCHANGE_MAX_SIZE bytes of a regular file. */
static GBytes *
read_bounded (GFile         *file,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gsize chunk = 256 * 1024;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is not a regular file (a device, a folder or a pipe cannot be imported)."), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > DN_EXCHANGE_MAX_SIZE)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is larger than %d MB, the most an import takes."), name, DN_EXCHANGE_MAX_SIZE >> 20);
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  /* the file may grow after it was measured: read with the bound anyway */
  for (;;)
    {
      gsize before = data->len;
      gssize n;

      g_byte_array_set_size (data, before + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + before, chunk, cancellable, &local_error);
      if (n < 0)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("Cannot read “%s”: %s"), name, local_error->message);
          return NULL;
        }
      g_byte_array_set_size (data, before + (gsize) n);
      if (n == 0)
        break;
      if (data->len > DN_EXCHANGE_MAX_SIZE)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("%s is larger than %d MB, the most an import takes."), name, DN_EXCHANGE_MAX_SIZE >> 20);
          return NULL;
        }
      chunk = MIN (chunk * 2, 16 * 1024 * 1024);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
dn_exchange_import (DnStore       *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  parse_name = g_file_get_parse_name (file);
  name = dn_text_escape_for_display (parse_name, 200);
  bytes = read_bounded (file, name, cancellable, error);
  if (bytes == NULL)
    return FALSE;
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
