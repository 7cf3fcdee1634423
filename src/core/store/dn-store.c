/* dn-store.c: the DnStore object, the statement cache, statements with
 * their values bound and read, transactions, the plain getters (values
 * bound and columns read into records: dn-store-row.c; SQLite's errors in
 * the store's words: dn-store-errors.c; opening, migrations and audit
 * triggers: dn-store-open.c; checks, the damage mark and counts:
 * dn-store-check.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "dn-core-resources.h"
#include "dn-store-private.h"
#include "dn-store-struct.h"


G_DEFINE_FINAL_TYPE (DnStore, dn_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (dn-store-error-quark, dn_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
dn_store_finalize (GObject *object)
{
  DnStore *self = DN_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->depth > 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->warning, g_free);
  g_clear_pointer (&self->damage, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (dn_store_parent_class)->finalize (object);
}

static void
dn_store_class_init (DnStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_store_finalize;

  /**
   * DnStore::changed:
   *
   * Emitted after a write transaction has been committed, so that views
   * read again what they show.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* the schema (and the demo data) are compiled into the library */
  dn_core_register_resource ();
}

static void
dn_store_init (DnStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->actor = g_strdup (g_get_user_name ());
  self->audit = TRUE;
}

/* TRUE when @rc is SQLITE_OK; else FALSE, with @error set. */
static gboolean
check_rc (DnStore  *self,
          int       rc,
          GError  **error)
{
  if (rc == SQLITE_OK)
    return TRUE;
  _dn_store_set_error (self, rc, error);
  return FALSE;
}

gboolean
_dn_store_check_step (DnStore  *self,
                      int       rc,
                      GError  **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  _dn_store_set_error (self, rc, error);
  return FALSE;
}

gboolean
_dn_store_exec (DnStore     *self,
                const char  *sql,
                GError     **error)
{
  return check_rc (self, sqlite3_exec (self->db, sql, NULL, NULL, NULL), error);
}

sqlite3_stmt *
_dn_store_prepare_once (DnStore     *self,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!check_rc (self, sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL), error))
    return NULL;
  return stmt;
}

sqlite3_stmt *
_dn_store_prepare (DnStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (!check_rc (self, sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL), error))
    return NULL;
  /* @sql is a string literal or lives as long as the store: key by pointer */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_dn_store_step_done (DnStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  gboolean ok = _dn_store_check_step (self, sqlite3_step (stmt), error);

  sqlite3_reset (stmt);
  return ok;
}

GPtrArray *
_dn_store_collect (DnStore       *self,
                   sqlite3_stmt  *stmt,
                   const DnRow   *row,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _dn_row_read (row, stmt));
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/*
 * Statements with bound values
 */

static void
bind_values (sqlite3_stmt *stmt,
             int           first,
             va_list       args)
{
  DnBindType type;

  for (int col = first; (type = (DnBindType) va_arg (args, int)) != DN_BIND_END; col++)
    switch (type)
      {
      case DN_BIND_TEXT:
        _dn_bind_text (stmt, col, va_arg (args, const char *));
        break;
      case DN_BIND_DATE:
        _dn_bind_date (stmt, col, va_arg (args, const GDate *));
        break;
      case DN_BIND_ID:
        _dn_bind_id (stmt, col, va_arg (args, gint64));
        break;
      case DN_BIND_INT:
        sqlite3_bind_int64 (stmt, col, va_arg (args, gint64));
        break;
      case DN_BIND_END:
      default:
        g_assert_not_reached ();
      }
}

static sqlite3_stmt *
prepare_valist (DnStore     *self,
                const char  *sql,
                int          first,
                va_list      args,
                GError     **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare (self, sql, error);

  if (stmt != NULL)
    bind_values (stmt, first, args);
  return stmt;
}

/* In a function whose values follow its GError **error: @stmt, the cached
 * statement for sql with them bound from parameter @first on. */
#define PREPARE_WITH_VALUES(stmt, first) \
  G_STMT_START { \
    va_list args_; \
    va_start (args_, error); \
    stmt = prepare_valist (self, sql, first, args_, error); \
    va_end (args_); \
  } G_STMT_END

sqlite3_stmt *
_dn_store_prepare_with (DnStore     *self,
                        const char  *sql,
                        GError     **error,
                        ...)
{
  sqlite3_stmt *stmt;

  PREPARE_WITH_VALUES (stmt, 1);
  return stmt;
}

gboolean
_dn_store_write (DnStore     *self,
                 const char  *sql,
                 GError     **error,
                 ...)
{
  sqlite3_stmt *stmt;

  PREPARE_WITH_VALUES (stmt, 1);
  return stmt != NULL && _dn_store_step_done (self, stmt, error);
}

gboolean
_dn_store_write_committed (DnStore     *self,
                           const char  *sql,
                           GError     **error,
                           ...)
{
  sqlite3_stmt *stmt;

  if (!dn_store_begin (self, error))
    return FALSE;
  PREPARE_WITH_VALUES (stmt, 1);
  return _dn_store_finish (self, stmt != NULL && _dn_store_step_done (self, stmt, error), error);
}

/* What _dn_store_save() does with @stmt, its statement with the values
 * bound from parameter 2 on (NULL: it could not be prepared). */
static gboolean
save_step (DnStore       *self,
           sqlite3_stmt  *stmt,
           gint64        *id,
           gboolean       is_new,
           const char    *not_found,
           GError       **error)
{
  if (stmt == NULL)
    return FALSE;
  _dn_bind_id (stmt, 1, is_new ? 0 : *id);
  if (!_dn_store_step_done (self, stmt, error))
    return FALSE;
  if (is_new)
    *id = sqlite3_last_insert_rowid (self->db);
  else if (not_found != NULL && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }
  return TRUE;
}

gboolean
_dn_store_save (DnStore     *self,
                const char  *sql,
                gint64      *id,
                gboolean     is_new,
                const char  *not_found,
                GError     **error,
                ...)
{
  sqlite3_stmt *stmt;

  PREPARE_WITH_VALUES (stmt, 2);
  return save_step (self, stmt, id, is_new, not_found, error);
}

gboolean
_dn_store_save_committed (DnStore     *self,
                          const char  *sql,
                          gint64      *id,
                          gboolean     is_new,
                          const char  *not_found,
                          GError     **error,
                          ...)
{
  sqlite3_stmt *stmt;

  if (!dn_store_begin (self, error))
    return FALSE;
  PREPARE_WITH_VALUES (stmt, 2);
  return _dn_store_finish (self, save_step (self, stmt, id, is_new, not_found, error), error);
}

gboolean
_dn_store_finish (DnStore   *self,
                  gboolean   ok,
                  GError   **error)
{
  if (ok)
    return dn_store_commit (self, error);
  dn_store_rollback (self);
  return FALSE;
}

gpointer
_dn_store_read_one (DnStore     *self,
                    const char  *sql,
                    const DnRow *row,
                    const char  *not_found,
                    GError     **error,
                    ...)
{
  gpointer record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  PREPARE_WITH_VALUES (stmt, 1);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = _dn_row_read (row, stmt);
  else if (rc != SQLITE_DONE)
    _dn_store_set_error (self, rc, error);
  else if (not_found != NULL)
    g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, not_found);
  sqlite3_reset (stmt);
  return record;
}

gpointer
_dn_store_get_by_id (DnStore     *self,
                     const char  *sql,
                     const DnRow *row,
                     gint64       id,
                     GError     **error,
                     const char  *missing,
                     ...)
{
  GError *local_error = NULL;
  gpointer record = _dn_store_read_one (self, sql, row, NULL, &local_error, DN_INT (id), DN_END);

  /* the message is made only when there is no row */
  if (record == NULL && local_error == NULL)
    {
      va_list args;

      va_start (args, missing);
      local_error = g_error_new_valist (DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, missing, args);
      va_end (args);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return record;
}

GPtrArray *
_dn_store_read_all (DnStore     *self,
                    const char  *sql,
                    const DnRow *row,
                    GError     **error,
                    ...)
{
  sqlite3_stmt *stmt;

  PREPARE_WITH_VALUES (stmt, 1);
  if (stmt == NULL)
    return NULL;
  return _dn_store_collect (self, stmt, row, error);
}

gboolean
_dn_store_read_int (DnStore     *self,
                    const char  *sql,
                    gint64      *value,
                    GError     **error,
                    ...)
{
  sqlite3_stmt *stmt;
  int rc;

  *value = 0;
  PREPARE_WITH_VALUES (stmt, 1);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return _dn_store_check_step (self, rc, error);
}

gboolean
_dn_store_collect_ids (DnStore       *self,
                       sqlite3_stmt  *stmt,
                       GArray        *ids,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return _dn_store_check_step (self, rc, error);
}

sqlite3 *
_dn_store_get_db (DnStore *self)
{
  return self->db;
}

void
_dn_store_set_audit (DnStore  *self,
                     gboolean  enabled)
{
  self->audit = enabled;
}

/*
 * Transactions
 */

gboolean
dn_store_begin (DnStore  *self,
                GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!_dn_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SAVEPOINT dn%u", self->depth);
      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
dn_store_commit (DnStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!_dn_store_exec (self, "COMMIT", error))
        {
          /* e.g. SQLITE_FULL while writing the WAL: nothing is kept */
          dn_store_rollback (self);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("RELEASE dn%u", self->depth - 1);
      if (!_dn_store_exec (self, sql, error))
        {
          dn_store_rollback (self);
          return FALSE;
        }
    }
  self->depth--;
  if (self->depth == 0 && self->migrated)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
dn_store_rollback (DnStore *self)
{
  g_return_if_fail (DN_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO dn%u; RELEASE dn%u", self->depth, self->depth);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
}

/*
 * Reading without the statement cache, and the plain getters
 */

gboolean
_dn_store_query_int (DnStore     *self,
                     const char  *sql,
                     gint64      *out,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  return check_rc (self, rc, error);
}

/* The plain getters: dn_store_get_path, dn_store_get_data_dir,
 * dn_store_get_warning, dn_store_is_read_only, dn_store_get_damage. */
#define DEFINE_GETTER(type, name, field, fallback) \
  type name (DnStore *self) { g_return_val_if_fail (DN_IS_STORE (self), fallback); return self->field; }

DEFINE_GETTER (const char *, dn_store_get_path, path, NULL)
DEFINE_GETTER (const char *, dn_store_get_data_dir, data_dir, NULL)
DEFINE_GETTER (const char *, dn_store_get_warning, warning, NULL)
DEFINE_GETTER (gboolean, dn_store_is_read_only, read_only, FALSE)
DEFINE_GETTER (const char *, dn_store_get_damage, damage, NULL)

int
dn_store_get_schema_version (DnStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  _dn_store_query_int (self, "PRAGMA user_version", &version, NULL);
  return (int) version;
}

void
dn_store_set_actor (DnStore    *self,
                    const char *actor)
{
  g_return_if_fail (DN_IS_STORE (self));
  g_free (self->actor);
  self->actor = g_strdup (actor != NULL ? actor : "");
}

gboolean
dn_store_set_replica (DnStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->read_only_reason == DN_READ_ONLY_REPLICA)
    return TRUE;
  if (self->read_only)
    {
      /* a file that cannot be written cannot take the server's changes */
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY, dn_store_get_warning (self) != NULL
                           ? dn_store_get_warning (self) : _("The database is open for reading only."));
      return FALSE;
    }
  if (!_dn_store_exec (self, "PRAGMA query_only = ON", error))
    return FALSE;
  self->read_only = TRUE;
  self->read_only_reason = DN_READ_ONLY_REPLICA;
  return TRUE;
}

gboolean
_dn_store_allow_replica_writes (DnStore   *self,
                                gboolean   allow,
                                GError   **error)
{
  if (self->read_only_reason != DN_READ_ONLY_REPLICA)
    return TRUE;
  return _dn_store_exec (self, allow ? "PRAGMA query_only = OFF" : "PRAGMA query_only = ON", error);
}

gboolean
dn_store_set_cache_size (DnStore  *self,
                         gsize     bytes,
                         GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  /* a negative size is in KiB */
  sql = g_strdup_printf ("PRAGMA cache_size = -%" G_GSIZE_FORMAT, MAX (bytes / 1024, 1));
  return _dn_store_exec (self, sql, error);
}

const char *
dn_store_get_actor (DnStore *self)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return self->actor;
}

GPtrArray *
_dn_store_get_by_ids (DnStore       *self,
                      const char    *select,
                      const DnRow   *row,
                      gsize          id_offset,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) sql = g_string_new (select);
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (n_ids == 0)
    return g_steal_pointer (&records);
  g_string_append (sql, " IN (");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (sql, ')');
  stmt = _dn_store_prepare_once (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  found = _dn_store_collect (self, stmt, row, error);
  sqlite3_finalize (stmt);
  if (found == NULL)
    return NULL;
  for (guint i = 0; i < found->len; i++)
    g_hash_table_insert (by_id, G_STRUCT_MEMBER_P (found->pdata[i], id_offset), found->pdata[i]);
  for (guint i = 0; i < n_ids; i++)
    {
      gpointer record = g_hash_table_lookup (by_id, &ids[i]);

      if (record != NULL)
        g_ptr_array_add (records, g_object_ref (record));
    }
  return g_steal_pointer (&records);
}
