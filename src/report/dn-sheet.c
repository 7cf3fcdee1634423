/* dn-sheet.c: a table written to an .xlsx or CSV file, a row at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-sheet"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "dn-date.h"
#include "dn-sheet.h"

/* Excel's limits: the characters of a cell, of a worksheet's name */
#define CELL_MAX_BYTES   32767
#define NAME_MAX_CHARS   31

struct _DnSheet
{
  DnSheetFormat   format;
  char           *path;
  char           *tmp_path;     /* NULL once renamed */
  DnSheetColumn  *columns;
  char          **titles;       /* the columns' titles, owned */
  guint           n_columns;
  guint           column;       /* the next cell of the current row */
  guint           n_rows;
  guint           row;          /* rows written in the current table */
  guint           n_sheets;     /* tables started */
  GHashTable     *names;        /* the worksheets' names, folded */

  /* CSV */
  GOutputStream  *stream;
  GString        *line;

  /* XLSX */
  lxw_workbook   *workbook;
  lxw_worksheet  *worksheet;
  lxw_format     *bold;
  lxw_format     *date;
  lxw_format     *amount;
  lxw_error       xlsx_error;   /* the first error of the row, or LXW_NO_ERROR */
};

gboolean
dn_sheet_format_from_path (const char    *path,
                           DnSheetFormat *format)
{
  g_autofree char *base = NULL;
  g_autofree char *folded = NULL;

  if (path == NULL)
    return FALSE;
  base = g_path_get_basename (path);
  folded = g_ascii_strdown (base, -1);
  if (g_str_has_suffix (folded, ".xlsx") && strlen (folded) > 5)
    *format = DN_SHEET_XLSX;
  else if (g_str_has_suffix (folded, ".csv") && strlen (folded) > 4)
    *format = DN_SHEET_CSV;
  else
    return FALSE;
  return TRUE;
}

char *
dn_sheet_dup_safe_name (const char *name)
{
  GString *safe = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name != NULL ? name : ""; *p != '\0' && n < NAME_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' || c < 0x20)
        g_string_append_c (safe, ' ');
      else
        g_string_append_unichar (safe, c);
    }
  /* nor may it start or end with an apostrophe */
  while (safe->len > 0 && (safe->str[0] == '\'' || safe->str[0] == ' '))
    g_string_erase (safe, 0, 1);
  while (safe->len > 0 && (safe->str[safe->len - 1] == '\'' || safe->str[safe->len - 1] == ' '))
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0)
    g_string_assign (safe, "Sheet1");
  return g_string_free (safe, FALSE);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *shown = g_filename_display_name (path);

  /* TRANSLATORS: the file, then why (a system message) */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), shown, reason);
}

static void
prefix_write_error (GError     **error,
                    const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_prefix_error (error, _("Could not write “%s”: "), shown);
}

/* CSV ---------------------------------------------------------------------- */

static void
csv_append (DnSheet    *self,
            const char *text,
            gboolean    guard)
{
  gboolean quote;

  if (self->column > 0)
    g_string_append_c (self->line, ',');
  if (text == NULL || text[0] == '\0')
    return;
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (self->line, '"');
  /* a text Excel would take for a formula */
  if (guard && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (self->line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->line, '"');
      g_string_append_c (self->line, *p);
    }
  if (quote)
    g_string_append_c (self->line, '"');
}

static gboolean
csv_write_line (DnSheet  *self,
                GError  **error)
{
  g_string_append (self->line, "\r\n");
  if (!g_output_stream_write_all (self->stream, self->line->str, self->line->len, NULL, NULL, error))
    {
      prefix_write_error (error, self->path);
      return FALSE;
    }
  g_string_truncate (self->line, 0);
  return TRUE;
}

/* XLSX --------------------------------------------------------------------- */

static void
xlsx_note (DnSheet   *self,
           lxw_error  result)
{
  if (result != LXW_NO_ERROR && self->xlsx_error == LXW_NO_ERROR)
    self->xlsx_error = result;
}

static void
xlsx_text (DnSheet    *self,
           const char *text,
           lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  if (strlen (text) > CELL_MAX_BYTES)
    {
      const char *end = text + CELL_MAX_BYTES;

      /* whole characters */
      while (end > text && (*end & 0xC0) == 0x80)
        end--;
      cut = g_strndup (text, end - text);
      text = cut;
    }
  /* a string, never a formula, whatever it starts with */
  xlsx_note (self, worksheet_write_string (self->worksheet, self->row + 1, self->column, text, format));
}

/* The sheet ---------------------------------------------------------------- */

static char *
temporary_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

  return g_build_filename (dir, name, NULL);
}

/* Makes the temporary file (never an existing one) and, for a workbook,
 * the workbook and its formats; no worksheet yet. */
static DnSheet *
sheet_open (const char     *path,
            DnSheetFormat   format,
            GError        **error)
{
  g_autoptr(DnSheet) self = g_new0 (DnSheet, 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  self->format = format;
  self->path = g_strdup (path);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint attempt = 0; stream == NULL; attempt++)
    {
      g_autoptr(GError) local = NULL;

      g_clear_pointer (&self->tmp_path, g_free);
      g_clear_object (&file);
      self->tmp_path = temporary_path (path);
      file = g_file_new_for_path (self->tmp_path);
      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local);
      if (stream == NULL)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS) && attempt < 16)
            continue;
          g_clear_pointer (&self->tmp_path, g_free);
          set_write_error (error, path, local->message);
          return NULL;
        }
    }

  if (format == DN_SHEET_CSV)
    {
      /* buffered: a write a line would cost a system call each */
      self->stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);
      self->line = g_string_new ("\xEF\xBB\xBF");   /* the byte-order mark */
      return g_steal_pointer (&self);
    }

  /* libxlsxwriter writes the file itself, over the one reserved here */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      prefix_write_error (error, path);
      return NULL;
    }
  {
    lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };

    self->workbook = workbook_new_opt (self->tmp_path, &options);
    if (self->workbook == NULL)
      {
        set_write_error (error, path, _("the workbook could not be made"));
        return NULL;
      }
    self->bold = workbook_add_format (self->workbook);
    format_set_bold (self->bold);
    self->date = workbook_add_format (self->workbook);
    format_set_num_format (self->date, "dd/mm/yyyy");
    self->amount = workbook_add_format (self->workbook);
    format_set_num_format (self->amount, "#,##0");
  }
  return g_steal_pointer (&self);
}

/* @name made safe and unlike the names of the worksheets before it (Excel
 * takes two names differing in case for the same) */
static char *
unique_name (DnSheet    *self,
             const char *name)
{
  g_autofree char *safe = dn_sheet_dup_safe_name (name);
  char *unique = g_strdup (safe);

  for (guint n = 2; ; n++)
    {
      g_autofree char *key = g_utf8_casefold (unique, -1);
      g_autofree char *suffix = NULL, *stem = NULL;

      if (g_hash_table_add (self->names, g_steal_pointer (&key)))
        return unique;
      g_free (unique);
      suffix = g_strdup_printf (" (%u)", n);
      /* the name cut to leave room for the suffix, in whole characters */
      stem = g_utf8_substring (safe, 0, MIN (g_utf8_strlen (safe, -1), NAME_MAX_CHARS - (glong) strlen (suffix)));
      unique = g_strconcat (g_strchomp (stem), suffix, NULL);
    }
}

/* Starts a table: a worksheet named @name in a workbook; in CSV, after a
 * blank line when one came before, @name on a line of its own when
 * @caption; then the header row. */
static gboolean
sheet_start (DnSheet              *self,
             const char           *name,
             const DnSheetColumn  *columns,
             guint                 n_columns,
             gboolean              caption,
             GError              **error)
{
  g_strfreev (self->titles);
  g_free (self->columns);
  self->n_columns = n_columns;
  self->columns = g_new0 (DnSheetColumn, n_columns);
  self->titles = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      self->columns[i] = columns[i];
      self->titles[i] = g_strdup (columns[i].title != NULL ? columns[i].title : "");
      self->columns[i].title = self->titles[i];
    }
  self->column = 0;
  self->row = 0;
  self->n_sheets++;

  if (self->format == DN_SHEET_CSV)
    {
      if (self->n_sheets > 1 && !csv_write_line (self, error))
        return FALSE;
      if (caption)
        {
          csv_append (self, name, TRUE);
          if (!csv_write_line (self, error))
            return FALSE;
        }
      for (guint i = 0; i < n_columns; i++, self->column++)
        csv_append (self, self->titles[i], TRUE);
      self->column = 0;
      return csv_write_line (self, error);
    }

  {
    g_autofree char *sheet_name = unique_name (self, name);

    self->worksheet = workbook_add_worksheet (self->workbook, sheet_name);
  }
  if (self->worksheet == NULL)
    {
      set_write_error (error, self->path, _("the workbook could not be made"));
      return FALSE;
    }
  for (guint i = 0; i < n_columns; i++)
    xlsx_note (self, worksheet_set_column (self->worksheet, i, i, MAX (self->columns[i].width, 4), NULL));
  worksheet_freeze_panes (self->worksheet, 1, 0);
  for (guint i = 0; i < n_columns; i++)
    xlsx_note (self, worksheet_write_string (self->worksheet, 0, i, self->titles[i], self->bold));
  if (self->xlsx_error != LXW_NO_ERROR)
    {
      set_write_error (error, self->path, lxw_strerror (self->xlsx_error));
      return FALSE;
    }
  return TRUE;
}

DnSheet *
dn_sheet_new (const char          *path,
              DnSheetFormat        format,
              const char          *name,
              const DnSheetColumn *columns,
              guint                n_columns,
              GError             **error)
{
  g_autoptr(DnSheet) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_columns > 0 && n_columns < 16384, NULL);

  self = sheet_open (path, format, error);
  if (self == NULL || !sheet_start (self, name, columns, n_columns, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

DnSheet *
dn_sheet_new_book (const char     *path,
                   DnSheetFormat   format,
                   GError        **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return sheet_open (path, format, error);
}

gboolean
dn_sheet_add_sheet (DnSheet              *self,
                    const char           *name,
                    const DnSheetColumn  *columns,
                    guint                 n_columns,
                    GError              **error)
{
  g_return_val_if_fail (self != NULL && self->tmp_path != NULL, FALSE);
  g_return_val_if_fail (n_columns > 0 && n_columns < 16384, FALSE);
  g_return_val_if_fail (self->column == 0, FALSE);

  return sheet_start (self, name, columns, n_columns, TRUE, error);
}

static gboolean
next_cell (DnSheet *self)
{
  if (self->column >= self->n_columns)
    {
      g_critical ("dn_sheet: more cells than the %u columns", self->n_columns);
      return FALSE;
    }
  return self->tmp_path != NULL;
}

void
dn_sheet_add_text (DnSheet    *self,
                   const char *text)
{
  g_return_if_fail (self != NULL);
  if (!next_cell (self))
    return;
  if (self->format == DN_SHEET_CSV)
    csv_append (self, text, TRUE);
  else
    xlsx_text (self, text, NULL);
  self->column++;
}

void
dn_sheet_add_date (DnSheet     *self,
                   const GDate *date)
{
  g_return_if_fail (self != NULL);
  if (!next_cell (self))
    return;
  if (date == NULL || !g_date_valid (date))
    dn_sheet_add_empty (self);
  else if (self->format == DN_SHEET_CSV)
    {
      char text[16];

      /* as offices write them */
      g_snprintf (text, sizeof text, "%02d/%02d/%04d", g_date_get_day (date), g_date_get_month (date),
                  g_date_get_year (date));
      csv_append (self, text, FALSE);
      self->column++;
    }
  else
    {
      lxw_datetime day = { .year = g_date_get_year (date), .month = g_date_get_month (date),
                           .day = g_date_get_day (date) };

      xlsx_note (self, worksheet_write_datetime (self->worksheet, self->row + 1, self->column, &day, self->date));
      self->column++;
    }
}

void
dn_sheet_add_integer (DnSheet *self,
                      gint64   value)
{
  g_return_if_fail (self != NULL);
  if (!next_cell (self))
    return;
  if (self->format == DN_SHEET_CSV)
    {
      char text[32];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      csv_append (self, text, FALSE);
    }
  else
    xlsx_note (self, worksheet_write_number (self->worksheet, self->row + 1, self->column, (double) value,
                                             self->columns[self->column].kind == DN_SHEET_AMOUNT ? self->amount
                                                                                                : NULL));
  self->column++;
}

void
dn_sheet_add_empty (DnSheet *self)
{
  g_return_if_fail (self != NULL);
  if (!next_cell (self))
    return;
  if (self->format == DN_SHEET_CSV)
    csv_append (self, NULL, FALSE);
  self->column++;
}

gboolean
dn_sheet_end_row (DnSheet  *self,
                  GError  **error)
{
  g_return_val_if_fail (self != NULL && self->tmp_path != NULL, FALSE);

  if (self->format == DN_SHEET_CSV)
    {
      while (self->column < self->n_columns)
        dn_sheet_add_empty (self);
      if (!csv_write_line (self, error))
        return FALSE;
    }
  else if (self->xlsx_error != LXW_NO_ERROR)
    {
      set_write_error (error, self->path, lxw_strerror (self->xlsx_error));
      return FALSE;
    }
  self->column = 0;
  self->row++;
  self->n_rows++;
  return TRUE;
}

guint
dn_sheet_get_n_rows (DnSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

gboolean
dn_sheet_finish (DnSheet  *self,
                 GError  **error)
{
  g_return_val_if_fail (self != NULL && self->tmp_path != NULL, FALSE);

  if (self->format == DN_SHEET_CSV)
    {
      gboolean closed = g_output_stream_close (self->stream, NULL, error);

      g_clear_object (&self->stream);
      if (!closed)
        {
          prefix_write_error (error, self->path);
          return FALSE;
        }
    }
  else
    {
      lxw_error result = workbook_close (g_steal_pointer (&self->workbook));

      if (result != LXW_NO_ERROR)
        {
          set_write_error (error, self->path, lxw_strerror (result));
          return FALSE;
        }
    }
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      int saved = errno;

      set_write_error (error, self->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

void
dn_sheet_free (DnSheet *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL)
    g_output_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
  if (self->workbook != NULL)
    workbook_close (self->workbook);   /* frees it; the file is removed below */
  if (self->tmp_path != NULL)
    g_remove (self->tmp_path);
  if (self->line != NULL)
    g_string_free (self->line, TRUE);
  g_strfreev (self->titles);
  g_free (self->columns);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}
