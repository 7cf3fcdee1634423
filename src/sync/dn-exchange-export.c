/* dn-exchange-export.c: the export, written as it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dn-exchange.h"
#include "dn-exchange-private.h"
#include "dn-store-exchange.h"
#include "dn-text.h"

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

/* The value of column @c of the row under @cursor, as every record of the
 * exchange carries it (the export's rows and the API's objects): a number
 * that is not finite and text that is not valid UTF-8 (or holds a NUL)
 * are refused, naming the record and the field. */
gboolean
_dn_exchange_read_value (DnStoreCursor  *cursor,
                         guint           c,
                         const char     *table,
                         const char     *name,
                         DnExchangeValue *value,
                         GError        **error)
{
  memset (value, 0, sizeof *value);
  value->type = dn_store_cursor_get_type (cursor, c);
  switch (value->type)
    {
    case DN_STORE_VALUE_INTEGER:
      value->integer = dn_store_cursor_get_int64 (cursor, c);
      break;
    case DN_STORE_VALUE_FLOAT:
      value->number = dn_store_cursor_get_double (cursor, c);
      if (!isfinite (value->number))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("Table “%s”, record with id %lld, field “%s” holds a number that is not finite; "
                         "correct it before exporting."),
                       table, (long long) dn_store_cursor_get_int64 (cursor, 0), name);
          return FALSE;
        }
      break;
    case DN_STORE_VALUE_NULL:
      break;
    case DN_STORE_VALUE_TEXT:
    default:
      {
        gsize bytes = 0;

        value->type = DN_STORE_VALUE_TEXT;
        value->text = dn_store_cursor_get_text (cursor, c, &bytes);
        if (value->text == NULL || memchr (value->text, '\0', bytes) != NULL ||
            !g_utf8_validate_len (value->text, bytes, NULL))
          {
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                         _("Table “%s”, record with id %lld, field “%s” is not valid text; "
                           "run “doingoai-cli check”."),
                         table, (long long) dn_store_cursor_get_int64 (cursor, 0), name);
            return FALSE;
          }
      }
      break;
    }
  return TRUE;
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
      DnExchangeValue value;

      if (!_dn_exchange_read_value (cursor, c, table, name, &value, error))
        return FALSE;
      g_string_append (out, "    ");
      write_string (out, name);
      g_string_append (out, " : ");
      switch (value.type)
        {
        case DN_STORE_VALUE_INTEGER:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, value.integer);
          break;
        case DN_STORE_VALUE_FLOAT:
          {
            char number[G_ASCII_DTOSTR_BUF_SIZE];

            g_ascii_dtostr (number, sizeof number, value.number);
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
          write_string (out, value.text);
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
  guint n_tables = DN_EXCHANGE_N_TABLES;

  g_string_append_printf (w->buffer, "{\n \"format\" : \"%s\",\n \"version\" : %d,\n \"tables\" : {\n",
                          DN_EXCHANGE_FORMAT, DN_EXCHANGE_VERSION);
  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GArray) columns = dn_store_exchange_columns (store, _dn_exchange_tables[t], error);
      g_autoptr(DnStoreCursor) cursor = NULL;
      g_autoptr(GError) local_error = NULL;
      guint n_rows = 0;

      if (columns == NULL)
        return FALSE;
      cursor = dn_store_cursor_new (store, _dn_exchange_tables[t], columns, error);
      if (cursor == NULL)
        return FALSE;
      g_string_append_printf (w->buffer, "  \"%s\" : [", _dn_exchange_tables[t]);
      while (dn_store_cursor_next (cursor, &local_error))
        {
          g_string_append (w->buffer, n_rows++ > 0 ? ",\n" : "\n");
          if (!write_row (w->buffer, cursor, columns, _dn_exchange_tables[t], error) ||
              !writer_flush (w, FALSE, error))
            return FALSE;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_string_append (w->buffer, n_rows > 0 ? "\n  ]" : "]");
      g_string_append (w->buffer, t + 1 < n_tables ? ",\n" : "\n");
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

