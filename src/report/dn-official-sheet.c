/* dn-official-sheet.c: an official document's tables to a spreadsheet
 *
 * Each table of the body as the report shows it, through DnSheet: in a
 * workbook a worksheet each, named after the table's caption (or the
 * heading above it), within Excel's 31 characters and unique; in CSV one
 * after another, each after its name. A column whose cells are all
 * numbers as the report writes them ("1.234", or sums "1.234 đồng", the
 * currency then said in its header) is written as numbers, one
 * whose cells are all dates (dd/mm/yyyy) as dates; each column as wide as
 * its longest text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-amount.h"
#include "dn-date.h"
#include "dn-official-document.h"
#include "dn-official-private.h"
#include "dn-print-table.h"
#include "dn-sheet.h"

/* a column's width, in characters */
#define WIDTH_MIN 6
#define WIDTH_MAX 60

/* A number as the report writes it: "1.234", or a sum "2.000.000.000
 * đồng" (*@in_dong set) */
static gboolean
parse_number (const char *text,
              gint64     *value,
              gboolean   *in_dong)
{
  g_autofree char *digits = NULL;

  *in_dong = FALSE;
  if (dn_parse_amount (text, value))
    return TRUE;
  if (!g_str_has_suffix (text, " đồng"))
    return FALSE;
  digits = g_strndup (text, strlen (text) - strlen (" đồng"));
  *in_dong = TRUE;
  return dn_parse_amount (digits, value);
}

/* "05/01/2024" exactly, as the report writes a day */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  if (strlen (text) != 10 || text[2] != '/' || text[5] != '/')
    return FALSE;
  return dn_date_parse_user (text, date);
}

/* The kind of column @column of @table: numbers only in a column the
 * report aligns as numbers or order numbers */
static DnSheetKind
column_kind (DnPrintTable *table,
             guint         column,
             gboolean     *in_dong)
{
  PangoAlignment alignment = dn_print_table_get_alignment (table, column);
  guint n_rows = dn_print_table_get_n_rows (table), n_numbers = 0, n_days = 0, n_filled = 0, n_dong = 0;
  gint64 largest = 0;

  *in_dong = FALSE;
  for (guint row = 0; row < n_rows; row++)
    {
      const char *cell = dn_print_table_get_cell (table, row, column);
      gint64 value;
      gboolean dong;
      GDate day;

      if (*cell == '\0')
        continue;
      n_filled++;
      if (alignment != PANGO_ALIGN_LEFT && parse_number (cell, &value, &dong))
        {
          n_numbers++;
          n_dong += dong;
          largest = MAX (largest, value);
        }
      else if (parse_day (cell, &day))
        n_days++;
    }
  if (n_filled > 0 && n_numbers == n_filled)
    {
      /* sums of money: the currency said in the header */
      *in_dong = n_dong > 0;
      /* grouped by thousands when they reach them */
      return largest >= 1000 ? DN_SHEET_AMOUNT : DN_SHEET_INTEGER;
    }
  if (n_filled > 0 && n_days == n_filled)
    return DN_SHEET_DATE;
  return DN_SHEET_TEXT;
}

static guint
column_width (DnPrintTable *table,
              guint         column)
{
  glong width = g_utf8_strlen (dn_print_table_get_title (table, column), -1);

  for (guint row = 0; row < dn_print_table_get_n_rows (table); row++)
    width = MAX (width, g_utf8_strlen (dn_print_table_get_cell (table, row, column), -1));
  return (guint) CLAMP (width + 2, WIDTH_MIN, WIDTH_MAX);
}

static gboolean
write_table (DnSheet  *sheet,
             Block    *block,
             GError  **error)
{
  DnPrintTable *table = block->table;
  guint n_columns = dn_print_table_get_n_columns (table);
  g_autofree DnSheetColumn *columns = g_new0 (DnSheetColumn, n_columns);
  g_auto(GStrv) titles = g_new0 (char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean in_dong;

      columns[c].kind = column_kind (table, c, &in_dong);
      titles[c] = in_dong ? g_strdup_printf ("%s (đồng)", dn_print_table_get_title (table, c))
                          : g_strdup (dn_print_table_get_title (table, c));
      columns[c].title = titles[c];
      columns[c].width = column_width (table, c);
    }
  if (!dn_sheet_add_sheet (sheet, block->name, columns, n_columns, error))
    return FALSE;
  for (guint row = 0; row < dn_print_table_get_n_rows (table); row++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = dn_print_table_get_cell (table, row, c);
          gint64 value;
          gboolean dong;
          GDate day;

          if (*cell == '\0')
            dn_sheet_add_empty (sheet);
          else if ((columns[c].kind == DN_SHEET_INTEGER || columns[c].kind == DN_SHEET_AMOUNT) &&
                   parse_number (cell, &value, &dong))
            dn_sheet_add_integer (sheet, value);
          else if (columns[c].kind == DN_SHEET_DATE && parse_day (cell, &day))
            dn_sheet_add_date (sheet, &day);
          else
            dn_sheet_add_text (sheet, cell);
        }
      if (!dn_sheet_end_row (sheet, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dn_official_document_write_tables (DnOfficialDocument *self,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr(DnSheet) sheet = NULL;
  DnSheetFormat format;
  guint n_tables = 0;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (!dn_sheet_format_from_path (path, &format))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s”: the tables are written as an Excel workbook (.xlsx) or CSV (.csv)."), name);
      return FALSE;
    }
  sheet = dn_sheet_new_book (path, format, error);
  if (sheet == NULL)
    return FALSE;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind != BLOCK_TABLE)
        continue;
      if (!write_table (sheet, block, error))
        return FALSE;
      n_tables++;
    }
  /* a document without tables (a period without data): a file that says
   * so rather than none */
  if (n_tables == 0)
    {
      g_autofree char *title = dn_official_document_dup_title (self);
      DnSheetColumn column = { title, DN_SHEET_TEXT, WIDTH_MAX };

      if (!dn_sheet_add_sheet (sheet, self->type_name, &column, 1, error))
        return FALSE;
      dn_sheet_add_text (sheet, "Báo cáo không có bảng số liệu.");
      if (!dn_sheet_end_row (sheet, error))
        return FALSE;
    }
  return dn_sheet_finish (sheet, error);
}
