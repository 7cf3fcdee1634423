/* dn-store.c: connection, validation of the file, migrations, transactions, audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "dn-core-resources.h"
#include "dn-core-testing.h"
#include "dn-date.h"
#include "dn-sqlite-functions.h"
#include "dn-store-private.h"
#include "dn-text.h"

#define RESOURCE_SCHEMA "/io/github/doingoai/DoiNgoai/core/schema/"

typedef enum
{
  DN_READ_ONLY_NONE,    /* writable, or read-only because the caller asked */
  DN_READ_ONLY_FILE,    /* the file cannot be written */
  DN_READ_ONLY_FOLDER,  /* its folder cannot be written (WAL's -shm/-wal, journals) */
} DnReadOnlyReason;

struct _DnStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *data_dir;
  char        *warning;
  char        *actor;
  GHashTable  *statements;   /* const char *sql (borrowed static) → sqlite3_stmt */
  guint        depth;        /* transaction nesting */
  gboolean     audit;
  gboolean     read_only;
  DnReadOnlyReason read_only_reason;  /* why, when the store found it could not write */
  char        *damage;       /* what the mark file beside the database says, translated */
  gboolean     migrated;     /* open and ready: "changed" is emitted from then on */
};

G_DEFINE_FINAL_TYPE (DnStore, dn_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (dn-store-error-quark, dn_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *migration_files[] = {
  NULL,
  "001-domain.sql",
  "002-search.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migration_files) == DN_STORE_SCHEMA_VERSION + 1);

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

/*
 * Errors
 */

static const char *
constraint_field_label (const char *message)
{
  /* "UNIQUE constraint failed: passport.number" */
  static const struct { const char *column; const char *label; } fields[] = {
    { "unit.code", N_("unit code") },
    { "passport.number", N_("passport number") },
    { "attachment.sha256", N_("file") },
    { "assignment.task_id, assignment.unit_id", N_("unit in this task") },
    { "assignment.task_id", N_("lead unit") },
    { "calendar_day.day", N_("day") },
    { "delegation_member.delegation_id, delegation_member.person_id", N_("member") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strstr (message, fields[i].column) != NULL)
      return _(fields[i].label);
  return NULL;
}

static void record_runtime_damage (DnStore    *self,
                                   const char *message);

void
_dn_store_set_error (DnStore  *self,
                     int       rc,
                     GError  **error)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int extended = self->db != NULL ? sqlite3_extended_errcode (self->db) : rc;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FULL,
                   _("The disk is full or the database has reached its size limit: nothing was saved."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_BUSY,
                   _("The database is in use by another program; nothing was saved. Try again in a moment."));
      break;
    case SQLITE_READONLY:
      /* also what PRAGMA query_only gives to a write on a read-only store */
      if (self->read_only_reason == DN_READ_ONLY_FILE)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database can only be read (its file cannot be written): nothing was saved."));
      else if (self->read_only_reason == DN_READ_ONLY_FOLDER)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database can only be read (its folder cannot be written): nothing was saved."));
      else if (self->read_only)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database is open for reading only: nothing was saved."));
      else if (extended == SQLITE_READONLY_DBMOVED)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database file was moved or deleted while in use: nothing was saved."));
      else
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database cannot be written (read-only file or folder)."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup."), message);
      /* found while in use (not while checking a file that is being opened):
       * every later command and start says so until a check finds it sound */
      if (self->migrated)
        record_runtime_damage (self, message);
      break;
    case SQLITE_CONSTRAINT:
      if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          const char *label = constraint_field_label (message);
          if (label != NULL)
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                         _("Another record already has this %s."), label);
          else
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                         _("This record already exists (%s)."), message);
        }
      else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE,
                     _("The record refers to a record that does not exist, or is still used by other records."));
      else if (extended == SQLITE_CONSTRAINT_TRIGGER && strstr (message, "reminders") != NULL)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                     _("Reminders cannot be changed or deleted."));
      else
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                     _("A value is not allowed (%s)."), message);
      break;
    default:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Database error: %s"), message);
      break;
    }
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
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _dn_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
_dn_store_collect (DnStore       *self,
                   sqlite3_stmt  *stmt,
                   DnRowFunc      from_row,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
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
                    DnRowFunc    from_row,
                    const char  *not_found,
                    GError     **error,
                    ...)
{
  gpointer row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  PREPARE_WITH_VALUES (stmt, 1);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = from_row (stmt);
  else if (rc != SQLITE_DONE)
    _dn_store_set_error (self, rc, error);
  else if (not_found != NULL)
    g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, not_found);
  sqlite3_reset (stmt);
  return row;
}

GPtrArray *
_dn_store_read_all (DnStore     *self,
                    const char  *sql,
                    DnRowFunc    from_row,
                    GError     **error,
                    ...)
{
  sqlite3_stmt *stmt;

  PREPARE_WITH_VALUES (stmt, 1);
  if (stmt == NULL)
    return NULL;
  return _dn_store_collect (self, stmt, from_row, error);
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
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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
 * Bindings
 */

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
 * Connection-level SQL functions used by the audit triggers
 */

static void
sql_audit_enabled (sqlite3_context  *ctx,
                   int               argc,
                   sqlite3_value   **argv)
{
  DnStore *self = sqlite3_user_data (ctx);
  sqlite3_result_int (ctx, self->audit ? 1 : 0);
}

static void
sql_actor (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  DnStore *self = sqlite3_user_data (ctx);
  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

/* One AFTER INSERT/UPDATE/DELETE trigger per table and action, writing the
 * row as JSON (generated sort-key columns left out). Rebuilt after every
 * migration so that new columns are covered. */
static gboolean
rebuild_audit_triggers (DnStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dn_store_prepare_once (self,
                                 "SELECT name, type, tbl_name FROM sqlite_schema "
                                 "WHERE (type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                                 "       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%' "
                                 "       AND name <> 'audit_log') "
                                 "   OR (type = 'trigger' AND name LIKE 'audit_%') ORDER BY name",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      g_ptr_array_add (g_str_equal (type, "table") ? tables : drops, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < drops->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) drops->pdata[i]);
      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      g_autoptr(GString) old_json = g_string_new ("json_object(");
      g_autoptr(GString) new_json = g_string_new ("json_object(");
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_xinfo(\"%s\")", table);
      g_autofree char *sql = NULL;
      gboolean first = TRUE;

      stmt = _dn_store_prepare_once (self, info_sql, error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 1);
          int hidden = sqlite3_column_int (stmt, 6);

          if (hidden != 0)   /* generated sort keys */
            continue;
          if (!first)
            {
              g_string_append (old_json, ", ");
              g_string_append (new_json, ", ");
            }
          first = FALSE;
          g_string_append_printf (old_json, "'%s', old.\"%s\"", column, column);
          g_string_append_printf (new_json, "'%s', new.\"%s\"", column, column);
        }
      sqlite3_finalize (stmt);
      g_string_append_c (old_json, ')');
      g_string_append_c (new_json, ')');

      sql = g_strdup_printf (
        "CREATE TRIGGER audit_%1$s_insert AFTER INSERT ON \"%1$s\" WHEN dn_audit_enabled() BEGIN "
        "  INSERT INTO audit_log (actor, action, table_name, row_id, after) "
        "  VALUES (dn_actor(), 'insert', '%1$s', new.rowid, %3$s); END;"
        "CREATE TRIGGER audit_%1$s_update AFTER UPDATE ON \"%1$s\" WHEN dn_audit_enabled() BEGIN "
        "  INSERT INTO audit_log (actor, action, table_name, row_id, before, after) "
        "  VALUES (dn_actor(), 'update', '%1$s', new.rowid, %2$s, %3$s); END;"
        "CREATE TRIGGER audit_%1$s_delete AFTER DELETE ON \"%1$s\" WHEN dn_audit_enabled() BEGIN "
        "  INSERT INTO audit_log (actor, action, table_name, row_id, before) "
        "  VALUES (dn_actor(), 'delete', '%1$s', old.rowid, %2$s); END;",
        table, old_json->str, new_json->str);
      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Opening and migrations
 */

static gboolean
query_int (DnStore     *self,
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

static gboolean
apply_migration (DnStore  *self,
                 int       version,
                 GError  **error)
{
  g_autofree char *resource = g_strconcat (RESOURCE_SCHEMA, migration_files[version], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 version, DN_STORE_APPLICATION_ID);

  if (!dn_store_begin (self, error))
    return FALSE;
  if (!_dn_store_exec (self, sql, error) ||
      !_dn_store_exec (self, set_version, error) ||
      !rebuild_audit_triggers (self, error))
    {
      g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
      dn_store_rollback (self);
      return FALSE;
    }
  return dn_store_commit (self, error);
}

static gboolean
migrate (DnStore  *self,
         int       from,
         int       to,
         GError  **error)
{
  if (from >= to)
    return TRUE;

  /* keep a copy of a database that already holds data before changing it */
  if (from >= 1)
    {
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, from);
      g_autofree char *sql = NULL;
      char *quoted = sqlite3_mprintf ("VACUUM INTO %Q", backup);

      sql = g_strdup (quoted);
      sqlite3_free (quoted);
      g_remove (backup);
      if (!_dn_store_exec (self, sql, error))
        {
          g_prefix_error (error, _("Could not back up the database before upgrading it: "));
          return FALSE;
        }
    }

  for (int v = from + 1; v <= to; v++)
    if (!apply_migration (self, v, error))
      return FALSE;
  return TRUE;
}

static gboolean
is_network_filesystem (const char *dir,
                       char      **type_out)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;
  static const char *network_types[] = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "afs", "ncpfs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "ceph", "glusterfs", "lustre",
  };

  info = g_file_query_filesystem_info (file,
                                       G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_TYPE,
                                       NULL, NULL);
  if (info == NULL)
    return FALSE;
  type = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE);
  if (type_out != NULL)
    *type_out = g_strdup (type != NULL ? type : "");
  if (g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE))
    return TRUE;
  if (type != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
      if (g_ascii_strcasecmp (type, network_types[i]) == 0)
        return TRUE;
  return FALSE;
}

/* What the first 100 bytes of an SQLite file say (https://sqlite.org/fileformat.html §1.3). */
typedef struct
{
  gboolean is_new;     /* missing or empty: a new database is made there */
  gboolean trusted;    /* no -wal with data: the header is up to date */
  gboolean empty;      /* one page only: not a single table */
  gint64 app_id;
  gint64 version;
} FileHeader;

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks an existing file without SQLite, so that a file refused here is
 * never opened by it (a read-only connection to a WAL database leaves
 * -wal and -shm behind): the magic string, the fixed fields of a valid
 * header, and — when no -wal holds newer pages — the application id and the
 * schema version that check_identity() judges. */
static gboolean
check_file_header (const char  *path,
                   FileHeader  *header,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = dn_text_escape_for_display (path, -1);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 bytes[100];
  gsize n_read = 0;
  guint page_size;
  GStatBuf st;

  memset (header, 0, sizeof *header);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          header->is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), shown, local_error->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes, sizeof bytes, &n_read, NULL, &local_error))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), shown, local_error->message);
      return FALSE;
    }
  if (n_read == 0)
    {
      header->is_new = TRUE;
      return TRUE;
    }
  if (n_read < 16 || memcmp (bytes, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database. It was left unchanged."), shown);
      return FALSE;
    }
  page_size = ((guint) bytes[16] << 8 | bytes[17]) == 1 ? 65536 : ((guint) bytes[16] << 8 | bytes[17]);
  if (n_read < sizeof bytes || page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      bytes[18] < 1 || bytes[18] > 2 || bytes[19] < 1 || bytes[19] > 2 ||
      bytes[21] != 64 || bytes[22] != 32 || bytes[23] != 32)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database, or it is damaged. It was left unchanged."), shown);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  /* SQLite writes whole pages: a shorter or cut file is damaged */
  if (info != NULL && g_file_info_get_size (info) % page_size != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database, or it is damaged. It was left unchanged."), shown);
      return FALSE;
    }
  header->empty = info != NULL && g_file_info_get_size (info) <= (goffset) page_size;
  header->version = (gint32) be32 (bytes + 60);
  header->app_id = (gint32) be32 (bytes + 68);
  header->trusted = g_stat (wal, &st) != 0 || st.st_size == 0;
  return TRUE;
}

/* The file's application id and schema version (from its header, or from
 * SQLite once open) against this version of the application. An SQLite file
 * without a single table holds nothing, e.g. one left at version 0 when the
 * first migration failed: it is set up like a new one. */
static gboolean
check_identity (const char  *shown_path,
                gint64       app_id,
                gint64       version,
                gboolean     empty,
                GError     **error)
{
  if (app_id != DN_STORE_APPLICATION_ID && !(app_id == 0 && version == 0 && empty))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a database of another program, not of Đối Ngoại. It was left unchanged."), shown_path);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” has an impossible database version (%lld): it is damaged or was changed by another "
                     "program. It was left unchanged."),
                   shown_path, (long long) version);
      return FALSE;
    }
  if (version > DN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Đối Ngoại (database version %d; this version knows up to %d). "
                     "Update the application. The file was left unchanged."),
                   shown_path, (int) MIN (version, G_MAXINT), DN_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* FALSE only when GIO knows that @path cannot be written (read-only file or
 * mount, chattr +i, no permission); unknown counts as writable, SQLite then
 * tells (Windows reports no such thing for folders). */
static gboolean
path_can_write (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return TRUE;
  return g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* An SQLite URI for a read-only connection to @path, every byte that could
 * be taken for URI syntax escaped: "file:///home/…/x.db?mode=ro",
 * "file:///C:/…/x.db?mode=ro" on Windows. immutable=1: no locks, no -shm,
 * and the -wal is ignored (only when nothing waits in it). */
static char *
read_only_uri (const char *path,
               gboolean    immutable)
{
  g_autofree char *slashed = g_strdup (path);
  g_autofree char *escaped = NULL;

#ifdef G_OS_WIN32
  g_strdelimit (slashed, "\\", '/');
#endif
  escaped = g_uri_escape_string (slashed, "/:", FALSE);
  return g_strdup_printf ("file:%s%s?mode=ro%s", escaped[0] == '/' ? "//" : "///", escaped,
                          immutable ? "&immutable=1" : "");
}

/* (Re)opens self->db: read-write (creating the file when @create), or, on a
 * read-only store, through a read-only URI. */
static int
open_connection (DnStore  *self,
                 gboolean  create,
                 gboolean  immutable)
{
  int rc;

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->read_only)
    {
      g_autofree char *uri = read_only_uri (self->path, immutable);
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    }
  else
    rc = sqlite3_open_v2 (self->path, &self->db,
                          SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  dn_sqlite_register_functions (self->db);
  sqlite3_create_function (self->db, "dn_audit_enabled", 0, SQLITE_UTF8, self, sql_audit_enabled, NULL, NULL);
  sqlite3_create_function (self->db, "dn_actor", 0, SQLITE_UTF8, self, sql_actor, NULL, NULL);
  return SQLITE_OK;
}

/* The first reads, before anything could write; the first read is also
 * where SQLite opens (or fails to create) a WAL database's side files.
 * Returns SQLite's (extended) result code. */
static int
read_header_fields (DnStore *self,
                    gint64  *app_id,
                    gint64  *version,
                    gint64  *n_objects)
{
  const char *queries[] = { "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_schema" };
  gint64 *outs[] = { app_id, version, n_objects };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt;
      int rc = sqlite3_prepare_v2 (self->db, queries[i], -1, &stmt, NULL);

      if (rc != SQLITE_OK)
        return rc;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *outs[i] = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

/* What SQLite says when it cannot write the file or create a side file
 * (e.g. SQLITE_READONLY_CANTINIT, SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN
 * for a -shm in a read-only folder). */
static gboolean
is_cannot_write_code (int rc)
{
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN;
}

/* TRUE when "<path>-wal" holds changes not yet copied into the database. */
static gboolean
wal_has_data (DnStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static void
append_warning (DnStore *self,
                char    *text)
{
  if (self->warning == NULL)
    self->warning = text;
  else
    {
      char *joined = g_strconcat (self->warning, "\n", text, NULL);
      g_free (self->warning);
      g_free (text);
      self->warning = joined;
    }
}

/*
 * The damage mark: "<database>.damaged", UTF-8 text beside the database
 *
 *   found=2024-06-30T10:15:00+07:00
 *   by=check          (by=error: an operation met SQLITE_CORRUPT/NOTADB)
 *
 *   what was found, one problem a line
 *
 * Written atomically when dn_store_check() finds damage or an operation
 * meets it, read by every open (dn_store_get_damage()), removed by a full
 * check that finds none. A folder that cannot be written keeps no mark.
 */

#define DAMAGE_MARK_SUFFIX   ".damaged"
#define DAMAGE_SHOWN_PROBLEMS 5

static char *
damage_mark_path (DnStore *self)
{
  return g_strconcat (self->path, DAMAGE_MARK_SUFFIX, NULL);
}

/* self->damage: the mark's contents told in a sentence (translated). */
static void
set_damage_from_mark (DnStore    *self,
                      const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GDateTime) found = NULL;
  g_autofree char *when = NULL;
  const char *found_text = NULL;
  const char *by = NULL;
  guint i, shown = 0;
  gboolean more = FALSE;

  for (i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (g_str_has_prefix (lines[i], "found="))
        found_text = lines[i] + strlen ("found=");
      else if (g_str_has_prefix (lines[i], "by="))
        by = lines[i] + strlen ("by=");
    }
  for (; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (shown == DAMAGE_SHOWN_PROBLEMS)
        {
          more = TRUE;
          break;
        }
      g_string_append_printf (problems, "  %s\n", lines[i]);
      shown++;
    }
  if (more)
    g_string_append_printf (problems, "  %s\n", _("(and more: “doingoai-cli check” lists them all)"));

  if (found_text != NULL)
    found = g_date_time_new_from_iso8601 (found_text, NULL);
  if (found != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (found);
      when = g_date_time_format (local, "%d/%m/%Y %H:%M");
    }
  else
    when = g_strdup (found_text != NULL && *found_text != '\0' ? found_text : _("an unknown date"));

  g_free (self->damage);
  if (g_strcmp0 (by, "check") == 0)
    self->damage = g_strdup_printf (_("On %s, “doingoai-cli check” found this database damaged:\n%s"
                                      "Run “doingoai-cli check” again to see whether it still is. If it is, restore "
                                      "a backup, or export the data (“doingoai-cli export”) and import it into a new "
                                      "database."),
                                    when, problems->str);
  else
    self->damage = g_strdup_printf (_("On %s, this database reported damage while in use:\n%s"
                                      "Run “doingoai-cli check” to see what is damaged. If it finds problems, restore "
                                      "a backup, or export the data (“doingoai-cli export”) and import it into a new "
                                      "database."),
                                    when, problems->str);
}

static void
read_damage_mark (DnStore *self)
{
  g_autofree char *path = damage_mark_path (self);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_free (contents);
      contents = g_strdup ("");
    }
  set_damage_from_mark (self, contents);
}

/* @by: "check" or "error"; @problems: one a line. */
static void
write_damage_mark (DnStore    *self,
                   const char *by,
                   const char *problems)
{
  g_autofree char *path = damage_mark_path (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  contents = g_strdup_printf ("found=%s\nby=%s\n\n%s%s", when, by, problems,
                              g_str_has_suffix (problems, "\n") ? "" : "\n");
  /* a temporary file renamed over the mark: never half a mark */
  if (!g_file_set_contents (path, contents, -1, &local_error))
    g_debug ("cannot write the damage mark %s: %s", path, local_error->message);
  set_damage_from_mark (self, contents);
}

static void
clear_damage_mark (DnStore *self)
{
  g_autofree char *path = damage_mark_path (self);

  if (g_remove (path) != 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    g_debug ("cannot remove the damage mark %s", path);
  g_clear_pointer (&self->damage, g_free);
}

/* SQLITE_CORRUPT or SQLITE_NOTADB met by an operation: marked unless a mark
 * is there already (the first finding, often a check's full report, is kept). */
static void
record_runtime_damage (DnStore    *self,
                       const char *message)
{
  if (self->damage == NULL)
    write_damage_mark (self, "error", message);
}

static DnStore *
open_internal (const char        *path,
               DnStoreOpenFlags   flags,
               int                target_version,
               GError           **error)
{
  g_autoptr(DnStore) self = NULL;
  gboolean is_new = FALSE;
  gint64 app_id = 0, version = 0, n_objects = 0;
  g_autofree char *shown_path = NULL;
  FileHeader header;
  int rc;
  char *fs_type = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DN_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->data_dir = g_path_get_dirname (self->path);
  /* a name with control or direction characters is shown escaped */
  shown_path = dn_text_escape_for_display (self->path, -1);
  self->read_only = (flags & DN_STORE_OPEN_READ_ONLY) != 0;

  if (!check_file_header (self->path, &header, error))
    return NULL;
  is_new = header.is_new;
  /* refused before SQLite ever opens the file, when the header can tell */
  if (!is_new && header.trusted &&
      !check_identity (shown_path, header.app_id, header.version, header.empty, error))
    return NULL;
  if (is_new && (flags & (DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY | DN_STORE_OPEN_NO_MIGRATE)) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), shown_path);
      return NULL;
    }
  if (is_new && g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot create the folder “%s”."), self->data_dir);
      return NULL;
    }

  if (is_network_filesystem (self->data_dir, &fs_type))
    self->warning = g_strdup_printf (_("The database is on a network share (%s). SQLite cannot keep it safe there "
                                       "when several computers use it: keep the database on this computer's own disk."),
                                     fs_type != NULL && *fs_type != '\0' ? fs_type : _("remote"));
  g_free (fs_type);

  /* A file that cannot be written (read-only file or mount, chattr +i) or a
   * folder where SQLite cannot create its -wal/-shm files: opened for
   * reading only, and the warning says why. */
  if (!self->read_only && !is_new)
    {
      if (!path_can_write (self->path))
        self->read_only_reason = DN_READ_ONLY_FILE;
      else if (!path_can_write (self->data_dir))
        self->read_only_reason = DN_READ_ONLY_FOLDER;
      self->read_only = self->read_only_reason != DN_READ_ONLY_NONE;
    }

  rc = open_connection (self, is_new, FALSE);
  if (rc == SQLITE_OK && !self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      /* SQLite could not open the file for writing and fell back to reading */
      self->read_only = TRUE;
      self->read_only_reason = DN_READ_ONLY_FILE;
      rc = open_connection (self, FALSE, FALSE);
    }
  if (rc != SQLITE_OK)
    {
      _dn_store_set_error (self, rc, error);
      g_prefix_error (error, _("Cannot open “%s”: "), shown_path);
      return NULL;
    }

  /* Read-only checks before anything could write to the file. */
  rc = read_header_fields (self, &app_id, &version, &n_objects);
  if (is_cannot_write_code (rc) && !self->read_only && !is_new)
    {
      /* the side files of the WAL cannot be created: the folder is read-only
       * although GIO did not say so (e.g. Windows permissions) */
      self->read_only = TRUE;
      self->read_only_reason = DN_READ_ONLY_FOLDER;
      rc = open_connection (self, FALSE, FALSE);
      if (rc == SQLITE_OK)
        rc = read_header_fields (self, &app_id, &version, &n_objects);
    }
  if (is_cannot_write_code (rc) && self->read_only)
    {
      /* A WAL database in a folder where its -shm cannot be created: SQLite
       * reads it only as immutable, which ignores the -wal, so only when
       * nothing waits there (after a clean close there is no -wal). */
      if (wal_has_data (self))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                       _("“%s” cannot be read here: its last changes are still in “%s-wal” and its folder cannot be "
                         "written. Open it once where its folder can be written, or copy the database together with "
                         "its -wal file to such a folder. It was left unchanged."),
                       shown_path, shown_path);
          return NULL;
        }
      rc = open_connection (self, FALSE, TRUE);
      if (rc == SQLITE_OK)
        rc = read_header_fields (self, &app_id, &version, &n_objects);
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      _dn_store_set_error (self, rc, error);
      g_prefix_error (error, _("Cannot open “%s”: "), shown_path);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database, or it is damaged. It was left unchanged."), shown_path);
      return NULL;
    }
  if (!is_new && !check_identity (shown_path, app_id, version, n_objects == 0, error))
    return NULL;
  /* found read-only (not asked for) but it must be set up or upgraded */
  if (self->read_only_reason != DN_READ_ONLY_NONE && (flags & DN_STORE_OPEN_NO_MIGRATE) == 0 &&
      version < target_version)
    {
      if (version == 0)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("“%s” cannot be set up as a new database: the file or its folder cannot be written. "
                       "It was left unchanged."),
                     shown_path);
      else
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("“%s” must be upgraded from database version %d to %d before it can be used, but it can only "
                       "be read: the file or its folder cannot be written. It was left unchanged: make both writable, "
                       "then open it again."),
                     shown_path, (int) version, target_version);
      return NULL;
    }
  if (self->read_only_reason == DN_READ_ONLY_FILE)
    append_warning (self, g_strdup_printf (_("The database “%s” can only be read: the file cannot be written "
                                             "(read-only file or disk). You can look at everything, but no change "
                                             "can be saved."),
                                           shown_path));
  else if (self->read_only_reason == DN_READ_ONLY_FOLDER)
    append_warning (self, g_strdup_printf (_("The database “%s” can only be read: its folder “%s” cannot be written, "
                                             "and SQLite must keep its working files there. You can look at "
                                             "everything, but no change can be saved."),
                                           shown_path, self->data_dir));

  if (!self->read_only)
    {
      gint64 dummy;
      if (!_dn_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error) ||
          !query_int (self, "PRAGMA journal_mode = WAL", &dummy, error))
        return NULL;
      if ((flags & DN_STORE_OPEN_NO_MIGRATE) == 0 &&
          !migrate (self, (int) version, target_version, error))
        return NULL;
    }
  else
    {
      if (!_dn_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;", error))
        return NULL;
    }

  read_damage_mark (self);
  self->migrated = TRUE;
  return g_steal_pointer (&self);
}

/* A file refused after SQLite opened it (damage the header does not show)
 * keeps no trace of the attempt: the side files that SQLite made for it
 * (an empty -wal, its -shm, an empty -journal) are removed once the
 * connection is closed. Side files that were there before are left alone. */
static DnStore *
open_leaving_no_trace (const char        *path,
                       DnStoreOpenFlags   flags,
                       int                target_version,
                       GError           **error)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  gboolean existed[G_N_ELEMENTS (suffixes)];
  gboolean wal_kept = FALSE;
  DnStore *store;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (canonical, suffixes[i], NULL);
      existed[i] = g_file_test (side, G_FILE_TEST_EXISTS);
    }
  store = open_internal (path, flags, target_version, error);
  if (store != NULL)
    return store;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (canonical, suffixes[i], NULL);
      GStatBuf st;

      if (existed[i] || g_stat (side, &st) != 0)
        continue;
      /* an -shm only goes with its -wal */
      if ((i == 1 && wal_kept) || (i != 1 && st.st_size != 0))
        {
          wal_kept |= i == 0;
          continue;
        }
      g_remove (side);
    }
  return NULL;
}

DnStore *
dn_store_open (const char        *path,
               DnStoreOpenFlags   flags,
               GError           **error)
{
  return open_leaving_no_trace (path, flags, DN_STORE_SCHEMA_VERSION, error);
}

DnStore *
_dn_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= DN_STORE_SCHEMA_VERSION, NULL);
  return open_leaving_no_trace (path, DN_STORE_OPEN_DEFAULT, version, error);
}

char *
dn_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "doingoai", "doingoai.db", NULL);
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
  query_int (self, "PRAGMA user_version", &version, NULL);
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

/*
 * Checks and counts
 */

static gboolean
collect_rows (DnStore     *self,
              const char  *sql,
              const char  *ok_value,
              const char  *prefix,
              GString     *report,
              GError     **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare_once (self, sql, error);
  gboolean sound = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (prefix);
      const char *first = (const char *) sqlite3_column_text (stmt, 0);

      if (ok_value != NULL && first != NULL && g_str_equal (first, ok_value))
        continue;
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_autofree char *value = sqlite3_column_type (stmt, i) != SQLITE_NULL ? _dn_column_text (stmt, i) : NULL;
          g_string_append_printf (line, "%s%s", i > 0 ? " " : "", value != NULL ? value : "NULL");
        }
      g_string_append_printf (report, "%s\n", line->str);
      sound = FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (report, "%s%s\n", prefix, sqlite3_errmsg (self->db));
      return FALSE;
    }
  return sound;
}

/* The search index checked without writing (FTS5's 'integrity-check' is an
 * INSERT): its stored text (search_content) must be what the triggers of
 * schema/002-search.sql write for each record, and FTS5 must have sized
 * every entry (search_docsize). Keep in step with that file. FALSE (with a
 * line in @report) when something differs, or when the query fails. */
static gboolean
check_search_read_only (DnStore  *self,
                        GString  *report)
{
  static const char sql[] =
    "WITH expected (id, title, body) AS ("
    "  SELECT id * 8 + 0, name, code FROM unit"
    "  UNION ALL SELECT id * 8 + 1, family_name || ' ' || middle_name || ' ' || given_name,"
    "                   position || ' ' || email FROM person"
    "  UNION ALL SELECT id * 8 + 2, subject, number || '/' || symbol || ' ' || issuer || ' ' || signer FROM document"
    "  UNION ALL SELECT id * 8 + 3, title, section || ' ' || description FROM task WHERE deleted = 0"
    "  UNION ALL SELECT id * 8 + 4, title, purpose || ' ' || inviting_party FROM delegation"
    "  UNION ALL SELECT s.id * 8 + 5, s.number, p.family_name || ' ' || p.middle_name || ' ' || p.given_name"
    "            FROM passport s JOIN person p ON p.id = s.person_id"
    "  UNION ALL SELECT id * 8 + 6, name, short_name || ' ' || notes FROM partner"
    "  UNION ALL SELECT id * 8 + 7, name, code || ' ' || description FROM project) "
    "SELECT (SELECT count(*) FROM (SELECT id, title, body FROM expected EXCEPT SELECT id, c0, c1 FROM search_content)),"
    "       (SELECT count(*) FROM search_content WHERE id NOT IN (SELECT id FROM expected)),"
    "       (SELECT count(*) FROM (SELECT id FROM search_content EXCEPT SELECT id FROM search_docsize))"
    "     + (SELECT count(*) FROM (SELECT id FROM search_docsize EXCEPT SELECT id FROM search_content))";
  sqlite3_stmt *stmt;
  gint64 missing, extra, unsized;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_string_append_printf (report, _("Search index: %s\n"), sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  missing = sqlite3_column_int64 (stmt, 0);
  extra = sqlite3_column_int64 (stmt, 1);
  unsized = sqlite3_column_int64 (stmt, 2);
  sqlite3_finalize (stmt);
  if (missing > 0)
    g_string_append_printf (report, _("Search index: records missing from it or indexed with old text: %lld\n"),
                            (long long) missing);
  if (extra > 0)
    g_string_append_printf (report, _("Search index: entries of records that do not exist: %lld\n"),
                            (long long) extra);
  if (unsized > 0)
    g_string_append_printf (report, _("Search index: entries its tables disagree on: %lld\n"), (long long) unsized);
  return missing == 0 && extra == 0 && unsized == 0;
}

gboolean
dn_store_check (DnStore  *self,
                GString  *report,
                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean sound = TRUE;
  gsize damage_start;
  int version;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  version = dn_store_get_schema_version (self);
  if (version != DN_STORE_SCHEMA_VERSION)
    {
      g_string_append_printf (report, _("Database version %d, expected %d.\n"), version, DN_STORE_SCHEMA_VERSION);
      sound = FALSE;
    }
  /* An old version is no damage; every line from here on is: it goes into
   * the damage mark. */
  damage_start = report->len;
  if (!collect_rows (self, "PRAGMA integrity_check", "ok", _("Integrity: "), report, &local_error))
    sound = FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!collect_rows (self, "PRAGMA foreign_key_check", NULL, _("Broken reference: "), report, &local_error))
    sound = FALSE;
  g_clear_error (&local_error);
  /* the FTS5 check is an INSERT statement: a read-only connection refuses it */
  if (version >= 2 && !self->read_only &&
      sqlite3_exec (self->db, "INSERT INTO search(search, rank) VALUES ('integrity-check', 0)", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_string_append_printf (report, _("Search index: %s\n"), sqlite3_errmsg (self->db));
      sound = FALSE;
    }
  if (version >= 2 && self->read_only && !check_search_read_only (self, report))
    sound = FALSE;

  /* the rules the C API applies record by record (dn-store-rules.c): loops
   * of parent units or tasks, units and tasks hidden below a missing parent,
   * ids, codes, tasks without lead… */
  if (version >= 1 && !_dn_store_check_rules (self, report, _("Rule: "), &local_error))
    {
      sound = FALSE;
      if (local_error != NULL)
        {
          g_string_append_printf (report, _("Rule: %s\n"), local_error->message);
          g_clear_error (&local_error);
        }
    }

  /* Damage is remembered beside the database until a full check (one that
   * could also check the search index in full) finds none. */
  if (report->len > damage_start)
    write_damage_mark (self, "check", report->str + damage_start);
  else if (!self->read_only)
    clear_damage_mark (self);
  if (version >= 2 && self->read_only)
    g_string_append (report, _("Search index: only compared with the records, as the database can only be read; "
                               "its full check needs write access.\n"));
  return sound;
}

gboolean
dn_store_is_empty (DnStore  *self,
                   GError  **error)
{
  gint64 n = 0;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!query_int (self,
                  "SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM person) + "
                  "(SELECT count(*) FROM document) + (SELECT count(*) FROM task)",
                  &n, error))
    return FALSE;
  return n == 0;
}

gint64
dn_store_count (DnStore      *self,
                DnRecordKind  kind,
                GError      **error)
{
  static const char *queries[] = {
    "SELECT count(*) FROM unit WHERE archived = 0",
    "SELECT count(*) FROM person",
    "SELECT count(*) FROM document",
    "SELECT count(*) FROM task WHERE deleted = 0",
    "SELECT count(*) FROM delegation",
    "SELECT count(*) FROM passport",
    "SELECT count(*) FROM partner",
    "SELECT count(*) FROM project",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (queries) == DN_RECORD_N);
  gint64 n = -1;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  g_return_val_if_fail ((guint) kind < DN_RECORD_N, -1);
  if (!query_int (self, queries[kind], &n, error))
    return -1;
  return n;
}
