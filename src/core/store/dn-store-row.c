/* dn-store-row.c: one value bound to a statement's parameter (text,
 * date, id: none as NULL), one column read back (text always valid UTF-8,
 * a date), and a whole row read into a record through its DnRow, the
 * table of its columns' kinds and offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include "dn-date.h"
#include "dn-store-private.h"

void
_dn_bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

void
_dn_bind_date (sqlite3_stmt *stmt, int col, const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    sqlite3_bind_null (stmt, col);
  else
    {
      g_autofree char *iso = dn_date_format_iso (date);
      sqlite3_bind_text (stmt, col, iso, -1, SQLITE_TRANSIENT);
    }
}

void
_dn_bind_id (sqlite3_stmt *stmt, int col, gint64 id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, id);
}

char *
_dn_column_text (sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text == NULL)
    return g_strdup ("");
  /* every write stores valid UTF-8, but a damaged file can hold anything:
   * what reaches the interface is always text (check reports the damage) */
  if (G_UNLIKELY (!g_utf8_validate (text, -1, NULL)))
    return g_utf8_make_valid (text, -1);
  return g_strdup (text);
}

void
_dn_column_take_text (sqlite3_stmt *stmt, int col, char **field)
{
  g_free (*field);
  *field = _dn_column_text (stmt, col);
}

void
_dn_set_text (char **field, const char *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

void
_dn_column_date (sqlite3_stmt *stmt, int col, GDate *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_date_clear (out, 1);
  if (text != NULL)
    dn_date_parse_iso (text, out);
}

gpointer
_dn_row_read (const DnRow   *row,
              sqlite3_stmt  *stmt)
{
  gpointer record = g_object_new (row->get_type (), NULL);

  _dn_row_fill (row, stmt, record);
  return record;
}

void
_dn_row_fill (const DnRow   *row,
              sqlite3_stmt  *stmt,
              gpointer       record)
{
  for (int col = 0; col < DN_ROW_MAX_COLUMNS && row->columns[col].kind != DN_COLUMN_END; col++)
    {
      const DnColumn *column = &row->columns[col];
      gpointer field = G_STRUCT_MEMBER_P (record, column->offset);

      switch (column->kind)
        {
        case DN_COLUMN_INT64:
          *(gint64 *) field = sqlite3_column_int64 (stmt, col);
          break;
        case DN_COLUMN_INT:
          *(int *) field = sqlite3_column_int (stmt, col);
          break;
        case DN_COLUMN_BOOL:
          *(gboolean *) field = sqlite3_column_int (stmt, col) != 0;
          break;
        case DN_COLUMN_TEXT:
          _dn_column_take_text (stmt, col, field);
          break;
        case DN_COLUMN_DATE:
          _dn_column_date (stmt, col, field);
          break;
        case DN_COLUMN_ENUM:
          column->parse ((const char *) sqlite3_column_text (stmt, col), field);
          break;
        case DN_COLUMN_END:
        default:
          g_assert_not_reached ();
        }
    }
}
