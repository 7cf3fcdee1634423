/* dn-exchange.c: the import (the export: dn-exchange-export.c)
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
#include "dn-exchange-private.h"
#include "dn-json-check.h"
#include "dn-store-exchange.h"
#include "dn-text.h"

/* deepest nesting accepted; the format itself nests 4 deep */
#define MAX_NESTING 16

/* dependency order: a table only refers to tables before it (or to itself) */
const char * const _dn_exchange_tables[DN_EXCHANGE_N_TABLES] = {
  "unit", "person", "document", "attachment", "document_attachment", "partner", "project",
  "task", "assignment", "deadline_extension", "progress", "reminder",
  "delegation", "delegation_country", "passport", "delegation_member", "passport_loan",
  "calendar_day",
  /* layout 3 */
  "unit_name", "unit_merge",
  /* layout 4 */
  "setting", "delegation_programme", "passport_event",
  /* layout 5 */
  "task_attachment", "delegation_attachment",
  /* layout 6 */
  "report", "report_header",
  /* layout 7 */
  "report_receipt",
  /* never: account, account_session, account_attempt (dn-exchange.h) */
};

/*
 * Import
 *
 * The file is read a piece at a time through the strict reader
 * (dn-json-check.h), which checks everything it reads and hands over each
 * record (an element of a table's list) alone, once it is whole; json-glib
 * parses that record only, and it is inserted at once. Memory holds one
 * piece and one record whatever the size of the file; the whole import is
 * one transaction, rolled back at the first fault.
 */

/* the format nests 4 deep: top, tables, a table's list, a record */
#define RECORD_DEPTH 3
#define PIECE_SIZE (256 * 1024)

typedef enum
{
  MEMBER_OTHER,
  MEMBER_FORMAT,
  MEMBER_VERSION,
  MEMBER_TABLES,
} Member;

typedef struct
{
  DnStore *store;
  const char *name;
  JsonParser *parser;
  gboolean not_object;        /* the top value is not an object */
  Member member;              /* the top-level member being read */
  guint seen;                 /* 1 << Member, for each one read */
  guint32 tables_seen;        /* 1 << index in tables[], for each one read */
  const char *table;          /* the table being read */
  GArray *columns;            /* its columns */
  DnStoreInserter *inserter;
  guint n_rows;
} Import;

static void
import_clear (Import *im)
{
  g_clear_object (&im->parser);
  g_clear_pointer (&im->columns, g_array_unref);
  g_clear_pointer (&im->inserter, dn_store_inserter_free);
}

/* @value for @node, checked against its column; text is normalised into
 * *@text (freed by the caller). */
static gboolean
read_value (JsonNode             *node,
            const char           *table,
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
      /* what the store does to every text it is given (the reader let
       * through only valid UTF-8: only the length can be wrong) */
      *text = json_node_dup_string (node);
      if (!dn_store_exchange_normalize_text (table, column, text))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE, "%s, field “%s”: the text is longer than %u character.",
                                    "%s, field “%s”: the text is longer than %u characters.", column->max_chars),
                       where, column->name, column->max_chars);
          return FALSE;
        }
      /* layouts before 5 spelt mật "confidential" (one level of
       * secrecy); the value means nothing else in any layout */
      if (g_str_equal (table, "document") && g_str_equal (column->name, "classification") &&
          g_str_equal (*text, "confidential"))
        {
          g_free (*text);
          *text = g_strdup ("mat");
        }
      value->type = DN_STORE_VALUE_TEXT;
      value->text = *text;
      return TRUE;
    }
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("%s, field “%s”: expected text or null."), where, column->name);
  return FALSE;
}

gboolean
_dn_exchange_read_row (JsonNode            *node,
                       const char          *table,
                       GArray              *columns,
                       const char * const  *ignored,
                       const char          *where,
                       DnStoreValue       **values,
                       guint               *n_values,
                       GPtrArray           *texts,
                       GError             **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  *values = NULL;
  *n_values = 0;
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
  *values = g_new0 (DnStoreValue, g_list_length (members));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const DnStoreColumn *column = NULL;

      if (ignored != NULL && g_strv_contains (ignored, l->data))
        continue;
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
      (*values)[*n_values].column = column;
      (*n_values)++;
    }
  for (guint i = 0; i < *n_values; i++)
    {
      char *text = NULL;
      gboolean ok = read_value (json_object_get_member (object, (*values)[i].column->name), table,
                                (*values)[i].column, where, &(*values)[i], &text, error);

      if (text != NULL)
        g_ptr_array_add (texts, text);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_row (Import      *im,
            JsonNode    *node,
            const char  *where,
            GError     **error)
{
  g_autofree DnStoreValue *values = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_values = 0;

  if (!_dn_exchange_read_row (node, im->table, im->columns, NULL, where, &values, &n_values, texts, error))
    return FALSE;
  if (!dn_store_inserter_insert (im->inserter, values, n_values, error))
    {
      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  return TRUE;
}

/* The value of @data (checked JSON), owned by the parser. */
static JsonNode *
parse (Import      *im,
       const char  *data,
       gsize        length,
       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (im->parser, data, (gssize) length, &local_error))
    {
      /* not expected after the reader's check, but never silent */
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is not valid JSON (%s). Nothing was imported."), im->name, local_error->message);
      return NULL;
    }
  return json_parser_get_root (im->parser);
}

/* The top-level @member is missing or not what the format says. */
static gboolean
refuse_member (Import  *im,
               Member   member,
               GError **error)
{
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               member == MEMBER_FORMAT ? _("%s is not a Đối Ngoại export (field “format” missing or wrong).")
               : member == MEMBER_VERSION ? _("%s: field “version” is missing or not a number.")
                                          : _("%s: field “tables” is missing or not an object."),
               im->name);
  return FALSE;
}

static gboolean
refuse_twice (Import      *im,
              const char  *what,
              GError     **error)
{
  g_autofree char *shown = dn_text_escape_for_display (what, 60);

  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("%s: “%s” appears more than once."), im->name, shown);
  return FALSE;
}

/* A member of the top object: its name, or its value (a container's inside
 * is seen only for “tables”). */
static gboolean
top_member (Import       *im,
            DnJsonEvent   event,
            const char   *data,
            gsize         length,
            GError      **error)
{
  JsonNode *node;

  if (event == DN_JSON_MEMBER)
    {
      const char *name;

      if ((node = parse (im, data, length, error)) == NULL)
        return FALSE;
      name = json_node_get_string (node);
      im->member = g_str_equal (name, "format") ? MEMBER_FORMAT
                   : g_str_equal (name, "version") ? MEMBER_VERSION
                   : g_str_equal (name, "tables") ? MEMBER_TABLES : MEMBER_OTHER;
      if (im->member != MEMBER_OTHER && (im->seen & (1u << im->member)) != 0)
        return refuse_twice (im, name, error);
      im->seen |= 1u << im->member;
      return TRUE;
    }
  if (event == DN_JSON_END || im->member == MEMBER_OTHER)
    return TRUE;
  if (im->member == MEMBER_TABLES)
    return event == DN_JSON_BEGIN_OBJECT || refuse_member (im, MEMBER_TABLES, error);
  if (event != DN_JSON_VALUE)
    return refuse_member (im, im->member, error);
  if ((node = parse (im, data, length, error)) == NULL)
    return FALSE;
  if (im->member == MEMBER_FORMAT)
    {
      if (json_node_get_value_type (node) != G_TYPE_STRING ||
          g_strcmp0 (json_node_get_string (node), DN_EXCHANGE_FORMAT) != 0)
        return refuse_member (im, MEMBER_FORMAT, error);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse_member (im, MEMBER_VERSION, error);
  if (json_node_get_int (node) < DN_EXCHANGE_MIN_VERSION || json_node_get_int (node) > DN_EXCHANGE_VERSION)
    {
      gint64 version = json_node_get_int (node);

      g_set_error (error, DN_STORE_ERROR, version > DN_EXCHANGE_VERSION ? DN_STORE_ERROR_TOO_NEW : DN_STORE_ERROR_INVALID,
                   _("%s has version %lld; this version of Đối Ngoại reads versions %d to %d."),
                   im->name, (long long) version, DN_EXCHANGE_MIN_VERSION, DN_EXCHANGE_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* A member of “tables”: its name, the beginning or end of its list. */
static gboolean
table_member (Import       *im,
              DnJsonEvent   event,
              const char   *data,
              gsize         length,
              GError      **error)
{
  if (event == DN_JSON_MEMBER)
    {
      JsonNode *node = parse (im, data, length, error);
      const char *name;

      if (node == NULL)
        return FALSE;
      name = json_node_get_string (node);
      for (guint t = 0; t < DN_EXCHANGE_N_TABLES; t++)
        if (g_str_equal (_dn_exchange_tables[t], name))
          {
            if ((im->tables_seen & (1u << t)) != 0)
              return refuse_twice (im, name, error);
            im->tables_seen |= 1u << t;
            im->table = _dn_exchange_tables[t];
            return TRUE;
          }
      {
        g_autofree char *shown = dn_text_escape_for_display (name, 60);
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                     _("%s: unknown table “%s”."), im->name, shown);
        return FALSE;
      }
    }
  if (event == DN_JSON_END)
    {
      g_clear_pointer (&im->columns, g_array_unref);
      g_clear_pointer (&im->inserter, dn_store_inserter_free);
      return TRUE;
    }
  if (event != DN_JSON_BEGIN_ARRAY)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s: table “%s” is not a list."), im->name, im->table);
      return FALSE;
    }
  im->columns = dn_store_exchange_columns (im->store, im->table, error);
  if (im->columns == NULL)
    return FALSE;
  im->inserter = dn_store_inserter_new (im->store, im->table);
  im->n_rows = 0;
  return TRUE;
}

static gboolean
import_event (DnJsonEvent   event,
              guint         depth,
              const char   *data,
              gsize         length,
              gpointer      user_data,
              GError      **error)
{
  Import *im = user_data;

  if (depth == 0)
    {
      /* said once the whole file is known to be JSON */
      if (event != DN_JSON_BEGIN_OBJECT && event != DN_JSON_END)
        im->not_object = TRUE;
      return TRUE;
    }
  if (im->not_object)
    return TRUE;
  if (depth == 1)
    return top_member (im, event, data, length, error);
  if (im->member != MEMBER_TABLES)
    return TRUE;
  if (depth == 2)
    return table_member (im, event, data, length, error);
  /* depth 3: a record of the table being read */
  {
    g_autofree char *where = g_strdup_printf (_("%s: table “%s”, record %u"), im->name, im->table, ++im->n_rows);
    JsonNode *node = parse (im, data, length, error);

    return node != NULL && import_row (im, node, where, error);
  }
}

/* What can only be said at the end. */
static gboolean
import_complete (Import  *im,
                 GError **error)
{
  if (im->not_object)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is not a Đối Ngoại export (no JSON object at the top)."), im->name);
      return FALSE;
    }
  for (Member member = MEMBER_FORMAT; member <= MEMBER_TABLES; member++)
    if ((im->seen & (1u << member)) == 0)
      return refuse_member (im, member, error);
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
  for (guint t = 0; t < DN_EXCHANGE_N_TABLES; t++)
    {
      gboolean has_rows = FALSE;

      if (!dn_store_exchange_has_rows (store, _dn_exchange_tables[t], &has_rows, error))
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

static gboolean
cannot_read (const char  *name,
             GError      *cause,
             GError     **error)
{
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("Cannot read “%s”: %s"), name, cause->message);
  return FALSE;
}

static gssize
read_piece (GInputStream  *stream,
            char          *piece,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n = g_input_stream_read (stream, piece, PIECE_SIZE, cancellable, &local_error);

  if (n < 0)
    cannot_read (name, local_error, error);
  return n;
}

/* Reads the rest of @stream (@piece holds its first @n bytes) into the
 * database. */
static gboolean
import_pieces (Import        *im,
               GInputStream  *stream,
               char          *piece,
               gssize         n,
               GCancellable  *cancellable,
               GError       **error)
{
  /* json-glib accepts more than JSON and has no nesting limit: only strict
   * JSON within the limits reaches it, a record at a time */
  static const DnJsonLimits limits = { MAX_NESTING, DN_TEXT_MAX_LONG * 8, DN_EXCHANGE_MAX_RECORD };
  g_autoptr(DnJsonReader) reader = dn_json_reader_new (&limits, im->name, RECORD_DEPTH, import_event, im);

  while (n > 0)
    {
      if (!dn_json_reader_feed (reader, piece, (gsize) n, error))
        return FALSE;
      n = read_piece (stream, piece, im->name, cancellable, error);
    }
  return n == 0 && dn_json_reader_finish (reader, error) && import_complete (im, error);
}

gboolean
dn_exchange_import_stream (DnStore       *store,
                           GInputStream  *stream,
                           const char    *name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *piece = NULL;
  Import im = { store, name, NULL, FALSE, MEMBER_OTHER, 0, 0, NULL, NULL, NULL, 0 };
  gboolean ok;
  gssize n;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  piece = g_malloc (PIECE_SIZE);
  n = read_piece (stream, piece, name, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s is empty."), name);
      return FALSE;
    }

  /* The emptiness check runs inside the write transaction: a second import
   * started at the same time waits for the first and then finds data. */
  if (!dn_store_exchange_begin_import (store, error))
    return FALSE;
  im.parser = json_parser_new_immutable ();
  ok = database_is_empty (store, error) &&
       import_pieces (&im, stream, piece, n, cancellable, error) &&
       check_references (store, name, error) &&
       check_rules (store, name, error);
  import_clear (&im);
  return dn_store_exchange_end_import (store, ok, error);
}

gboolean
dn_exchange_import_bytes (DnStore     *store,
                          GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  return dn_exchange_import_stream (store, stream, name, NULL, error);
}

gboolean
dn_exchange_import (DnStore       *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  parse_name = g_file_get_parse_name (file);
  name = dn_text_escape_for_display (parse_name, 200);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    return cannot_read (name, local_error, error);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is not a regular file (a device, a folder or a pipe cannot be imported)."), name);
      return FALSE;
    }
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return cannot_read (name, local_error, error);
  return dn_exchange_import_stream (store, G_INPUT_STREAM (stream), name, cancellable, error);
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
