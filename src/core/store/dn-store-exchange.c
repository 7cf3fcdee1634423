/* dn-store-exchange.c: tables, rows and the import transaction for the JSON
 * exchange (dn-store-exchange.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <string.h>

#include "dn-store-exchange.h"
#include "dn-store-private.h"
#include "dn-store-tasks-private.h"

static void
column_clear (gpointer data)
{
  g_free (((DnStoreColumn *) data)->name);
}

GArray *
dn_store_exchange_columns (DnStore     *store,
                           const char  *table,
                           GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (DnStoreColumn));
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_xinfo(\"%s\")", table);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_array_set_clear_func (columns, column_clear);
  stmt = _dn_store_prepare_once (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    /* generated sort keys are hidden; a row's revision is the server's
     * state, not the data's: an import starts a history of its own */
    if (sqlite3_column_int (stmt, 6) == 0 &&
        g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "revision") != 0)
      {
        const char *type = (const char *) sqlite3_column_text (stmt, 2);
        DnStoreColumn column = {
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

gboolean
dn_store_exchange_has_rows (DnStore     *store,
                            const char  *table,
                            gboolean    *has_rows,
                            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\")", table);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  *has_rows = FALSE;
  stmt = _dn_store_prepare_once (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *has_rows = sqlite3_column_int (stmt, 0) != 0;
  else
    _dn_store_set_error (store, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/*
 * Reading
 */

gboolean
dn_store_exchange_begin_read (DnStore  *store,
                              GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  return _dn_store_exec (store, "BEGIN", error);
}

void
dn_store_exchange_end_read (DnStore *store)
{
  g_return_if_fail (DN_IS_STORE (store));
  _dn_store_exec (store, "COMMIT", NULL);
}

/* A statement and its store, as a cursor or an inserter holds them. */
typedef struct
{
  DnStore      *store;
  sqlite3_stmt *stmt;
} Held;

static void
held_clear (Held *held)
{
  g_clear_pointer (&held->stmt, sqlite3_finalize);
  g_clear_object (&held->store);
}

struct _DnStoreCursor
{
  Held held;
};

DnStoreCursor *
dn_store_cursor_new (DnStore     *store,
                     const char  *table,
                     GArray      *columns,
                     GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  DnStoreCursor *cursor;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", g_array_index (columns, DnStoreColumn, c).name);
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY rowid", table);
  stmt = _dn_store_prepare_once (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  cursor = g_new0 (DnStoreCursor, 1);
  cursor->held.store = g_object_ref (store);
  cursor->held.stmt = stmt;
  return cursor;
}

DnStoreCursor *
dn_store_cursor_new_for_key (DnStore     *store,
                             const char  *table,
                             GArray      *columns,
                             const char  *key_column,
                             gint64       key,
                             GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  DnStoreCursor *cursor;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", g_array_index (columns, DnStoreColumn, c).name);
  g_string_append_printf (sql, " FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY rowid", table, key_column);
  stmt = _dn_store_prepare_once (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  cursor = g_new0 (DnStoreCursor, 1);
  cursor->held.store = g_object_ref (store);
  cursor->held.stmt = stmt;
  return cursor;
}

gboolean
dn_store_cursor_next (DnStoreCursor  *cursor,
                      GError        **error)
{
  int rc = sqlite3_step (cursor->held.stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _dn_store_set_error (cursor->held.store, rc, error);
  return FALSE;
}

DnStoreValueType
dn_store_cursor_get_type (DnStoreCursor *cursor,
                          guint          column)
{
  switch (sqlite3_column_type (cursor->held.stmt, (int) column))
    {
    case SQLITE_INTEGER: return DN_STORE_VALUE_INTEGER;
    case SQLITE_FLOAT: return DN_STORE_VALUE_FLOAT;
    case SQLITE_NULL: return DN_STORE_VALUE_NULL;
    default: return DN_STORE_VALUE_TEXT;
    }
}

gint64
dn_store_cursor_get_int64 (DnStoreCursor *cursor,
                           guint          column)
{
  return sqlite3_column_int64 (cursor->held.stmt, (int) column);
}

double
dn_store_cursor_get_double (DnStoreCursor *cursor,
                            guint          column)
{
  return sqlite3_column_double (cursor->held.stmt, (int) column);
}

const char *
dn_store_cursor_get_text (DnStoreCursor *cursor,
                          guint          column,
                          gsize         *length)
{
  const char *text = (const char *) sqlite3_column_text (cursor->held.stmt, (int) column);

  *length = (gsize) sqlite3_column_bytes (cursor->held.stmt, (int) column);
  return text;
}

void
dn_store_cursor_free (DnStoreCursor *cursor)
{
  if (cursor != NULL)
    held_clear (&cursor->held);
  g_free (cursor);
}

/*
 * Writing
 */

gboolean
dn_store_exchange_begin_import (DnStore  *store,
                                GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  /* a replica takes the server's changes (and nothing else) */
  if (!_dn_store_allow_replica_writes (store, TRUE, error))
    return FALSE;
  if (!dn_store_begin (store, error))
    {
      _dn_store_allow_replica_writes (store, FALSE, NULL);
      return FALSE;
    }
  _dn_store_set_audit (store, FALSE);
  if (!_dn_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    return dn_store_exchange_end_import (store, FALSE, error);
  return TRUE;
}

gboolean
dn_store_exchange_end_import (DnStore   *store,
                              gboolean   ok,
                              GError   **error)
{
  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  /* an export written before the task rules comes under them */
  ok = ok && _dn_store_apply_task_rules (store, error);
  _dn_store_set_audit (store, TRUE);
  ok = _dn_store_finish (store, ok, error);
  _dn_store_allow_replica_writes (store, FALSE, NULL);
  return ok;
}

gboolean
dn_store_exchange_normalize_text (const char           *table,
                                  const DnStoreColumn  *column,
                                  char                **text)
{
  return _dn_normalize_field (text, table, column->name, column->name, FALSE, NULL);
}

static void
bind_value (sqlite3_stmt        *stmt,
            int                  index,
            const DnStoreValue  *value)
{
  switch (value->type)
    {
    case DN_STORE_VALUE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->integer);
      break;
    case DN_STORE_VALUE_TEXT:
      sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_TRANSIENT);
      break;
    case DN_STORE_VALUE_NULL:
    case DN_STORE_VALUE_FLOAT:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

struct _DnStoreInserter
{
  Held       held;      /* the statement for the columns of the last row */
  char      *table;
  GPtrArray *columns;   /* const DnStoreColumn *, of the last row */
};

DnStoreInserter *
dn_store_inserter_new (DnStore     *store,
                       const char  *table)
{
  DnStoreInserter *inserter = g_new0 (DnStoreInserter, 1);

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  inserter->held.store = g_object_ref (store);
  inserter->table = g_strdup (table);
  inserter->columns = g_ptr_array_new ();
  return inserter;
}

void
dn_store_inserter_free (DnStoreInserter *inserter)
{
  if (inserter == NULL)
    return;
  held_clear (&inserter->held);
  g_ptr_array_unref (inserter->columns);
  g_free (inserter->table);
  g_free (inserter);
}

/* The statement for the columns of @values: the last one when they are the
 * same, else a new one. */
static sqlite3_stmt *
inserter_prepare (DnStoreInserter     *inserter,
                  const DnStoreValue  *values,
                  guint                n_values,
                  GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  gboolean same = inserter->held.stmt != NULL && inserter->columns->len == n_values;

  for (guint i = 0; i < n_values && same; i++)
    same = inserter->columns->pdata[i] == values[i].column;
  if (same)
    return inserter->held.stmt;

  g_clear_pointer (&inserter->held.stmt, sqlite3_finalize);
  g_ptr_array_set_size (inserter->columns, 0);
  g_string_printf (sql, "INSERT INTO \"%s\" (", inserter->table);
  for (guint i = 0; i < n_values; i++)
    {
      g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", values[i].column->name);
      g_string_append (marks, i > 0 ? ", ?" : "?");
      g_ptr_array_add (inserter->columns, (gpointer) values[i].column);
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);
  inserter->held.stmt = _dn_store_prepare_once (inserter->held.store, sql->str, error);
  if (inserter->held.stmt == NULL)
    g_ptr_array_set_size (inserter->columns, 0);
  return inserter->held.stmt;
}

gboolean
dn_store_inserter_insert (DnStoreInserter     *inserter,
                          const DnStoreValue  *values,
                          guint                n_values,
                          GError             **error)
{
  sqlite3_stmt *stmt = inserter_prepare (inserter, values, n_values, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_clear_bindings (stmt);
  for (guint i = 0; i < n_values; i++)
    bind_value (stmt, (int) i + 1, &values[i]);
  return _dn_store_step_done (inserter->held.store, stmt, error);
}

/*
 * Applying a server's changes to a replica
 */

gboolean
dn_store_exchange_end_apply (DnStore   *store,
                             gboolean   ok,
                             GError   **error)
{
  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  _dn_store_set_audit (store, TRUE);
  /* the deferred foreign keys are checked by the commit */
  ok = _dn_store_finish (store, ok, error);
  _dn_store_allow_replica_writes (store, FALSE, NULL);
  return ok;
}

/* Runs a statement of its own (_dn_store_prepare_once) and finalizes it. */
static gboolean
step_once (DnStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean ok = _dn_store_step_done (store, stmt, error);

  sqlite3_finalize (stmt);
  return ok;
}

gboolean
dn_store_exchange_delete_rows (DnStore     *store,
                               const char  *table,
                               const char  *key_column,
                               gint64       key,
                               GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" = ?1", table, key_column);
  stmt = _dn_store_prepare_once (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  return step_once (store, stmt, error);
}

gboolean
dn_store_exchange_write_row (DnStore             *store,
                             const char          *table,
                             const DnStoreValue  *values,
                             guint                n_values,
                             gint64               revision,
                             GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);
  g_autofree char *set_revision = NULL;
  const DnStoreValue *id = NULL;
  sqlite3_stmt *stmt;
  gint64 rowid;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_values > 0, FALSE);
  for (guint i = 0; i < n_values; i++)
    {
      const char *name = values[i].column->name;

      g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", name);
      g_string_append_printf (marks, "%s?%u", i > 0 ? ", " : "", i + 1);
      if (g_str_equal (name, "id"))
        id = &values[i];
      else
        g_string_append_printf (updates, "%s\"%s\" = excluded.\"%s\"", updates->len > 0 ? ", " : "", name, name);
    }
  g_string_prepend (sql, "\" (");
  g_string_prepend (sql, table);
  g_string_prepend (sql, "INSERT INTO \"");
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);
  if (id != NULL && id->type == DN_STORE_VALUE_INTEGER)
    g_string_append_printf (sql, " ON CONFLICT (id) DO %s%s", updates->len > 0 ? "UPDATE SET " : "NOTHING",
                            updates->str);
  stmt = _dn_store_prepare_once (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_values; i++)
    bind_value (stmt, (int) i + 1, &values[i]);
  if (!step_once (store, stmt, error))
    return FALSE;
  rowid = id != NULL && id->type == DN_STORE_VALUE_INTEGER ? id->integer
                                                           : sqlite3_last_insert_rowid (_dn_store_get_db (store));
  /* not when it is already that one: the triggers would log the update */
  set_revision = g_strdup_printf ("UPDATE \"%s\" SET revision = ?1 WHERE rowid = ?2 AND revision IS NOT ?1", table);
  stmt = _dn_store_prepare_once (store, set_revision, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision);
  sqlite3_bind_int64 (stmt, 2, rowid);
  return step_once (store, stmt, error);
}

gboolean
dn_store_exchange_find_broken_reference (DnStore  *store,
                                         char    **table,
                                         gint64   *rowid,
                                         char    **parent)
{
  sqlite3_stmt *stmt = _dn_store_prepare_once (store, "PRAGMA foreign_key_check", NULL);
  gboolean found = FALSE;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *rowid = sqlite3_column_int64 (stmt, 1);
      *parent = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      found = TRUE;
    }
  sqlite3_finalize (stmt);
  return found;
}

gboolean
dn_store_exchange_check_rules (DnStore     *store,
                               const char  *prefix,
                               GError     **error)
{
  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  return _dn_store_check_rules (store, NULL, prefix, error);
}

void
dn_store_reference_free (DnStoreReference *reference)
{
  g_free (reference->column);
  g_free (reference->parent);
  g_free (reference->alternative);
  g_free (reference);
}

gboolean
dn_store_reference_may_empty (const DnStoreReference *reference)
{
  g_return_val_if_fail (reference != NULL, FALSE);
  return reference->nullable && reference->alternative == NULL;
}

/* The pairs of columns of @table one of which, and one only, is set: its
 * CHECK ((a IS NULL) <> (b IS NULL)) constraints, read from the table's
 * schema as SQLite keeps it; column → the other column, both ways */
static GHashTable *
either_or_columns (DnStore     *store,
                   const char  *table,
                   GError     **error)
{
  static GRegex *pattern = NULL;
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (g_once_init_enter (&pattern))
    {
      /* a name, bare or quoted as SQL quotes it */
      const char *name = "[\\[\"`]?(\\w+)[\\]\"`]?";
      g_autofree char *text = g_strdup_printf ("CHECK\\s*\\(\\s*\\(\\s*%s\\s+IS\\s+NULL\\s*\\)\\s*(?:<>|!=)\\s*"
                                               "\\(\\s*%s\\s+IS\\s+NULL\\s*\\)\\s*\\)",
                                               name, name);

      g_once_init_leave (&pattern, g_regex_new (text, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }
  stmt = _dn_store_prepare_once (store, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _dn_store_check_step (store, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  if (sql == NULL)
    return g_steal_pointer (&pairs);
  g_regex_match (pattern, sql, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *first = g_match_info_fetch (match, 1);
      g_autofree char *second = g_match_info_fetch (match, 2);

      g_hash_table_replace (pairs, g_strdup (first), g_strdup (second));
      g_hash_table_replace (pairs, g_strdup (second), g_strdup (first));
    }
  return g_steal_pointer (&pairs);
}

GPtrArray *
dn_store_exchange_references (DnStore     *store,
                              const char  *table,
                              GError     **error)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func ((GDestroyNotify) dn_store_reference_free);
  g_autoptr(GHashTable) pairs = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  pairs = either_or_columns (store, table, error);
  if (pairs == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT f.\"from\", f.\"table\", i.\"notnull\" FROM pragma_foreign_key_list (?1) f "
                         "JOIN pragma_table_info (?1) i ON i.name = f.\"from\" ORDER BY f.id");
  stmt = _dn_store_prepare_once (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DnStoreReference *reference = g_new0 (DnStoreReference, 1);

      reference->column = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      reference->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      reference->nullable = sqlite3_column_int (stmt, 2) == 0;
      reference->alternative = g_strdup (g_hash_table_lookup (pairs, reference->column));
      g_ptr_array_add (references, reference);
    }
  if (rc != SQLITE_DONE)
    {
      _dn_store_check_step (store, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&references);
}
