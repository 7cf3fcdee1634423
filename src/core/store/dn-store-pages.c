/* dn-store-pages.c: the records of a served table page by page, by id
 * (dn-store-pages.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"

/* A table or column name the program gives: lower-case letters and '_' */
static gboolean
is_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
check_one (const DnStorePageFilter *filter)
{
  if (!is_name (filter->column) || (filter->ids == NULL) == (filter->text == NULL))
    return FALSE;
  if (filter->via_table != NULL)
    return is_name (filter->via_table) && is_name (filter->via_column) && filter->ids != NULL &&
           (filter->via_key == NULL || is_name (filter->via_key));
  return TRUE;
}

static gboolean
check_filter (const DnStorePageFilter *filter)
{
  if (filter == NULL || filter->column == NULL)
    return filter == NULL || filter->or_else == NULL;
  return check_one (filter) &&
         (filter->or_else == NULL || (check_one (filter->or_else) && filter->or_else->or_else == NULL));
}

/* @filter's condition on a row, its values numbered from *@n on */
static void
append_condition (GString                 *sql,
                  const DnStorePageFilter *filter,
                  int                     *n)
{
  g_string_append_printf (sql, "\"%s\" ", filter->column);
  if (filter->text != NULL)
    {
      g_string_append_printf (sql, "= ?%d", (*n)++);
      return;
    }
  if (filter->via_table != NULL)
    g_string_append_printf (sql, "IN (SELECT \"%s\" FROM \"%s\" WHERE \"%s\" ",
                            filter->via_key != NULL ? filter->via_key : "id", filter->via_table, filter->via_column);
  /* the units a caller sees are few: one value each */
  g_string_append (sql, "IN (NULL");
  for (guint i = 0; i < filter->ids->len; i++)
    g_string_append_printf (sql, ", ?%d", (*n)++);
  g_string_append (sql, filter->via_table != NULL ? "))" : ")");
}

static void
bind_values (sqlite3_stmt            *stmt,
             const DnStorePageFilter *filter,
             int                     *n)
{
  if (filter->text != NULL)
    sqlite3_bind_text (stmt, (*n)++, filter->text, -1, SQLITE_TRANSIENT);
  else
    for (guint i = 0; i < filter->ids->len; i++)
      sqlite3_bind_int64 (stmt, (*n)++, g_array_index (filter->ids, gint64, i));
}

GArray *
dn_store_page_ids (DnStore                  *self,
                   const char               *table,
                   const DnStorePageFilter  *filter,
                   gint64                    after,
                   guint                     limit,
                   GError                  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *key = NULL;
  gboolean filtered = filter != NULL && filter->column != NULL;
  sqlite3_stmt *stmt;
  int rc, n = 3;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);
  if (!is_name (table) || !dn_store_is_logged_table (self, table, &key) || !g_str_equal (key, "id") ||
      !check_filter (filter))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("There is no kind of record “%s”."),
                   table != NULL && g_utf8_validate (table, -1, NULL) ? table : "");
      return NULL;
    }
  g_string_append_printf (sql, "SELECT id FROM \"%s\" WHERE id > ?1", table);
  if (filtered)
    {
      g_string_append (sql, " AND (");
      append_condition (sql, filter, &n);
      if (filter->or_else != NULL)
        {
          g_string_append (sql, " OR ");
          append_condition (sql, filter->or_else, &n);
        }
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY id LIMIT ?2");
  stmt = _dn_store_prepare_once (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit);
  n = 3;
  if (filtered)
    {
      bind_values (stmt, filter, &n);
      if (filter->or_else != NULL)
        bind_values (stmt, filter->or_else, &n);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}
