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
#include "dn-store-exchange.h"
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
write_row (GString        *out,
           DnStoreCursor  *cursor,
           GArray         *columns,
           const char     *table,
           GError        **error)
{
  g_string_append (out, "   {\n");
  for (guint c = 0; c < columns->len; c++)
    {
      const char *name = g_array_index (columns, DnStoreColumn, c).name;

      g_string_append (out, "    ");
      write_string (out, name);
      g_string_append (out, " : ");
      switch (dn_store_cursor_get_type (cursor, c))
        {
        case DN_STORE_VALUE_INTEGER:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, dn_store_cursor_get_int64 (cursor, c));
          break;
        case DN_STORE_VALUE_FLOAT:
          {
            char number[G_ASCII_DTOSTR_BUF_SIZE];
            double value = dn_store_cursor_get_double (cursor, c);

            if (!isfinite (value))
              {
                g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                             _("Table “%s”, record with id %lld, field “%s” holds a number that is not finite; "
                               "correct it before exporting."),
                             table, (long long) dn_store_cursor_get_int64 (cursor, 0), name);
                return FALSE;
              }
            g_ascii_dtostr (number, sizeof number, value);
            g_string_append (out, number);
            if (strpbrk (number, ".e") == NULL)
              g_string_append (out, ".0");
          }
          break;
        case DN_STORE_VALUE_NULL:
          g_string_append (out, "null");
          break;
        case DN_STORE_VALUE_TEXT:
        default:
          {
            gsize bytes = 0;
            const char *text = dn_store_cursor_get_text (cursor, c, &bytes);

            if (text == NULL || memchr (text, '\0', bytes) != NULL || !g_utf8_validate_len (text, bytes, NULL))
              {
                g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                             _("Table “%s”, record with id %lld, field “%s” is not valid text; "
                               "run “doingoai-cli check”."),
                             table, (long long) dn_store_cursor_get_int64 (cursor, 0), name);
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
      g_autoptr(GArray) columns = dn_store_exchange_columns (store, tables[t], error);
      g_autoptr(DnStoreCursor) cursor = NULL;
      g_autoptr(GError) local_error = NULL;
      guint n_rows = 0;

      if (columns == NULL)
        return FALSE;
      cursor = dn_store_cursor_new (store, tables[t], columns, error);
      if (cursor == NULL)
        return FALSE;
      g_string_append_printf (w->buffer, "  \"%s\" : [", tables[t]);
      while (dn_store_cursor_next (cursor, &local_error))
        {
          g_string_append (w->buffer, n_rows++ > 0 ? ",\n" : "\n");
          if (!write_row (w->buffer, cursor, columns, tables[t], error) ||
              !writer_flush (w, FALSE, error))
            return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
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
  if (!dn_store_exchange_begin_read (store, error))
    ok = FALSE;
  else
    {
      ok = write_tables (store, &w, error);
      dn_store_exchange_end_read (store);
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

/* @value for @node, checked against its column; text is normalised into
 * *@text (freed by the caller). */
static gboolean
read_value (JsonNode             *node,
            const DnStoreColumn  *column,
            const char           *where,
            DnStoreValue         *value,
            char                **text,
            GError              **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  value->column = column;
  value->type = DN_STORE_VALUE_NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (column->integer)
    {
      value->type = DN_STORE_VALUE_INTEGER;
      if (type == G_TYPE_INT64)
        {
          value->integer = json_node_get_int (node);
          return TRUE;
        }
      if (type == G_TYPE_BOOLEAN)
        {
          value->integer = json_node_get_boolean (node) ? 1 : 0;
          return TRUE;
        }
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s, field “%s”: expected a whole number or null."), where, column->name);
      return FALSE;
    }
  if (type == G_TYPE_STRING)
    {
      const char *string = json_node_get_string (node);

      /* refuse text far too long before normalising it; the bound leaves
       * room for decomposed (NFD) input, as _dn_normalize_field does */
      if (strlen (string) <= (gsize) column->max_chars * 8)
        *text = dn_text_normalize (string, -1, FALSE);
      if (*text == NULL || g_utf8_strlen (*text, -1) > (glong) column->max_chars)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE, "%s, field “%s”: the text is longer than %u character.",
                                    "%s, field “%s”: the text is longer than %u characters.", column->max_chars),
                       where, column->name, column->max_chars);
          return FALSE;
        }
      value->type = DN_STORE_VALUE_TEXT;
      value->text = *text;
      return TRUE;
    }
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("%s, field “%s”: expected text or null."), where, column->name);
  return FALSE;
}

static gboolean
import_row (DnStoreInserter  *inserter,
            GArray           *columns,
            JsonNode         *node,
            const char       *where,
            GError          **error)
{
  g_autoptr(GList) members = NULL;
  g_autofree DnStoreValue *values = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  guint n_values = 0;

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
  values = g_new0 (DnStoreValue, g_list_length (members));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const DnStoreColumn *column = NULL;

      for (guint c = 0; c < columns->len && column == NULL; c++)
        if (g_str_equal (g_array_index (columns, DnStoreColumn, c).name, l->data))
          column = &g_array_index (columns, DnStoreColumn, c);
      if (column == NULL)
        {
          g_autofree char *shown = dn_text_escape_for_display (l->data, 60);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("%s: unknown field “%s”."), where, shown);
          return FALSE;
        }
      values[n_values].column = column;
      n_values++;
    }
  for (guint i = 0; i < n_values; i++)
    {
      char *text = NULL;
      gboolean ok = read_value (json_object_get_member (object, values[i].column->name), values[i].column, where,
                                &values[i], &text, error);

      if (text != NULL)
        g_ptr_array_add (texts, text);
      if (!ok)
        return FALSE;
    }
  if (!dn_store_inserter_insert (inserter, values, n_values, error))
    {
      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_table (DnStore     *store,
              const char  *table,
              JsonArray   *rows,
              const char  *name,
              GError     **error)
{
  g_autoptr(GArray) columns = dn_store_exchange_columns (store, table, error);
  g_autoptr(DnStoreInserter) inserter = NULL;
  guint n_rows = json_array_get_length (rows);

  if (columns == NULL)
    return FALSE;
  inserter = dn_store_inserter_new (store, table);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *where = g_strdup_printf (_("%s: table “%s”, record %u"), name, table, r + 1);

      if (!import_row (inserter, columns, json_array_get_element (rows, r), where, error))
        return FALSE;
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
  g_autofree char *table = NULL;
  g_autofree char *parent = NULL;
  gint64 rowid = 0;

  if (!dn_store_exchange_find_broken_reference (store, &table, &rowid, &parent))
    return TRUE;
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("%s: table “%s”, record with id %lld refers to a missing record in “%s”."),
               name, table, (long long) rowid, parent);
  return FALSE;
}

/* The rules the C API applies record by record, over what was imported. */
static gboolean
check_rules (DnStore     *store,
             const char  *name,
             GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);
  return dn_store_exchange_check_rules (store, prefix, error);
}

/* Empty means no row in any table an export holds: dn_store_is_empty() only
 * looks at units, people, documents and tasks, and an import into a database
 * with, say, partners or calendar days would silently merge into them. */
static gboolean
database_is_empty (DnStore  *store,
                   GError  **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      gboolean has_rows = FALSE;

      if (!dn_store_exchange_has_rows (store, tables[t], &has_rows, error))
        return FALSE;
      if (has_rows)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_EMPTY,
                       _("The database already holds data; import only goes into an empty database."));
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
  static const DnJsonLimits limits = { MAX_NESTING, DN_TEXT_MAX_LONG * 8 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data;

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
  if (!dn_store_exchange_begin_import (store, error))
    return FALSE;
  return dn_store_exchange_end_import (store,
                                       database_is_empty (store, error) &&
                                       import_root (store, json_parser_get_root (parser), name, error) &&
                                       check_references (store, name, error) &&
                                       check_rules (store, name, error),
                                       error);
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
