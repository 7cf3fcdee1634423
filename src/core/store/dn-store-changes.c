/* dn-store-changes.c: revisions and the change log (dn-store-changes.h):
 * the triggers that fill it, the entries of rows that came in bulk, and
 * reading it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-changes.h"
#include "dn-store-private.h"
#include "dn-store-struct.h"

/* the time of an entry, inside a printf format */
#define NOW_SQL "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now')"

static const char * const op_names[] = { "insert", "update", "delete" };

const char *
dn_change_op_to_string (DnChangeOp op)
{
  g_return_val_if_fail ((guint) op < G_N_ELEMENTS (op_names), NULL);
  return op_names[op];
}

static DnChangeOp
op_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (op_names); i++)
    if (g_strcmp0 (text, op_names[i]) == 0)
      return (DnChangeOp) i;
  return DN_CHANGE_UPDATE;
}

void
dn_change_free (DnChange *change)
{
  if (change == NULL)
    return;
  g_free (change->table);
  g_free (change);
}

/*
 * The logged tables
 */

/* A table with a "revision" column and the column its entries name the
 * row by. */
typedef struct
{
  char     *table;
  char     *key;      /* "id", or the owner's column of a link table */
  gboolean  link;
} Logged;

static void
logged_clear (gpointer data)
{
  Logged *logged = data;

  g_free (logged->table);
  g_free (logged->key);
}

/* The key of @table when it is logged: "id" for a table with an id of its
 * own, else the first column of its primary key (the owner of the link);
 * NULL when @table has no "revision" column (or does not exist). */
static char *
table_key (DnStore     *self,
           const char  *table,
           gboolean    *link)
{
  sqlite3_stmt *stmt;
  char *key = NULL;

  if (g_str_equal (table, "change_log"))
    return NULL;
  stmt = _dn_store_prepare (self,
                            "SELECT max(name = 'revision'), max(name = 'id' AND pk = 1), "
                            "       max(CASE WHEN pk = 1 THEN name END), max(pk) "
                            "FROM pragma_table_info(?1)",
                            NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1 &&
      sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      gboolean has_id = sqlite3_column_int (stmt, 1) == 1 && sqlite3_column_int (stmt, 3) == 1;

      key = g_strdup (has_id ? "id" : (const char *) sqlite3_column_text (stmt, 2));
      if (link != NULL)
        *link = !has_id;
    }
  sqlite3_reset (stmt);
  return key;
}

/* The logged tables, in the order the schema made them (which is the order
 * of their references). */
static GArray *
logged_tables (DnStore  *self,
               GError  **error)
{
  g_autoptr(GArray) tables = g_array_new (FALSE, TRUE, sizeof (Logged));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (tables, logged_clear);
  stmt = _dn_store_prepare (self,
                            "SELECT m.name FROM sqlite_schema m "
                            "WHERE m.type = 'table' AND m.name <> 'change_log' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c "
                            "                                  WHERE c.name = 'revision') "
                            "ORDER BY m.rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      Logged logged = { g_strdup (names->pdata[i]), NULL, FALSE };

      logged.key = table_key (self, logged.table, &logged.link);
      if (logged.key == NULL)
        {
          logged_clear (&logged);
          continue;
        }
      g_array_append_val (tables, logged);
    }
  return g_steal_pointer (&tables);
}

gboolean
dn_store_is_logged_table (DnStore     *self,
                          const char  *table,
                          char       **key_column)
{
  char *key;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (table == NULL)
    return FALSE;
  key = table_key (self, table, NULL);
  if (key_column != NULL)
    *key_column = key;
  else
    g_free (key);
  return key != NULL;
}

/*
 * The triggers, made from the schema after every upgrade
 */

/* The entry's INSERT for the row @ref (e.g. "new.id") of @table. */
static char *
entry_sql (const char *table,
           const char *ref,
           const char *op)
{
  return g_strdup_printf ("INSERT INTO change_log (table_name, row_id, op, at, actor) "
                          "VALUES ('%s', %s, '%s', " NOW_SQL ", dn_actor());",
                          table, ref, op);
}

/* Three AFTER triggers per logged table: the entry, then the row's
 * revision set to it (last_insert_rowid() is the entry's inside the
 * trigger and the caller's again after it). Setting the revision is an
 * update that changes the revision only: the update triggers (these and the
 * audit's) leave it alone by their WHEN, so nothing recurses whatever
 * recursive_triggers says. */
static char *
table_triggers (const Logged *t)
{
  g_autofree char *ins = NULL, *upd = NULL, *del = NULL, *upd_old = NULL;
  const char *op_ins = t->link ? "update" : "insert";
  const char *op_del = t->link ? "update" : "delete";
  g_autofree char *new_key = g_strdup_printf ("new.\"%s\"", t->key);
  g_autofree char *old_key = g_strdup_printf ("old.\"%s\"", t->key);
  const char *row = t->link ? "rowid" : "id";

  ins = entry_sql (t->table, new_key, op_ins);
  upd = entry_sql (t->table, new_key, "update");
  del = entry_sql (t->table, old_key, op_del);
  /* a row whose key changes leaves the old one: its entry first */
  upd_old = g_strdup_printf ("INSERT INTO change_log (table_name, row_id, op, at, actor) "
                             "SELECT '%s', %s, '%s', " NOW_SQL ", dn_actor() WHERE %s IS NOT %s;",
                             t->table, old_key, t->link ? "update" : "delete", old_key, new_key);
  return g_strdup_printf (
    "CREATE TRIGGER change_%1$s_insert AFTER INSERT ON \"%1$s\" BEGIN "
    "  %2$s UPDATE \"%1$s\" SET revision = last_insert_rowid() WHERE %6$s = new.%6$s; END;"
    "CREATE TRIGGER change_%1$s_update AFTER UPDATE ON \"%1$s\" "
    "WHEN new.revision IS old.revision BEGIN "
    "  %5$s %3$s UPDATE \"%1$s\" SET revision = last_insert_rowid() WHERE %6$s = new.%6$s; END;"
    "CREATE TRIGGER change_%1$s_delete AFTER DELETE ON \"%1$s\" BEGIN "
    "  %4$s END;",
    t->table, ins, upd, del, upd_old, row);
}

gboolean
_dn_store_rebuild_change_triggers (DnStore  *self,
                                   GError  **error)
{
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dn_store_prepare (self, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'change\\_%' "
                                  "ESCAPE '\\'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (drops, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return FALSE;
  if (!_dn_store_drop_triggers (self, drops, error))
    return FALSE;

  tables = logged_tables (self, error);
  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = table_triggers (&g_array_index (tables, Logged, i));
      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* One entry per row of every logged table (per owner of a link table), in
 * the order of the tables then of the ids; the rows keep their revision
 * (0). For the rows there before the change log (the upgrade to 11). */
gboolean
_dn_store_log_existing_rows (DnStore  *self,
                             GError  **error)
{
  g_autoptr(GArray) tables = logged_tables (self, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const Logged *t = &g_array_index (tables, Logged, i);
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO change_log (table_name, row_id, op, at, actor) "
                         "SELECT '%1$s', k, '%2$s', " NOW_SQL ", dn_actor() "
                         "FROM (SELECT DISTINCT \"%3$s\" AS k FROM \"%1$s\" ORDER BY 1)",
                         t->table, t->link ? "update" : "insert", t->key);

      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Reading
 */

gint64
dn_store_get_revision (DnStore *self)
{
  gint64 revision = 0;

  g_return_val_if_fail (DN_IS_STORE (self), 0);
  if (!_dn_store_query_int (self, "SELECT ifnull(max(revision), 0) FROM change_log", &revision, NULL))
    return 0;
  return revision;
}

GPtrArray *
dn_store_read_changes (DnStore  *self,
                       gint64    since,
                       guint     limit,
                       gint64   *last_revision,
                       GError  **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) dn_change_free);
  gint64 latest = since;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  /* one statement: the page and the latest revision of the same snapshot;
   * an entry is kept when no later one names its row */
  stmt = _dn_store_prepare (self,
                            "SELECT c.table_name, c.row_id, c.op, c.revision, "
                            "       (SELECT max(revision) FROM change_log) "
                            "FROM change_log c "
                            "WHERE c.revision > ?1 "
                            "  AND NOT EXISTS (SELECT 1 FROM change_log d "
                            "                  WHERE d.table_name = c.table_name AND d.row_id = c.row_id "
                            "                    AND d.revision > c.revision) "
                            "ORDER BY c.revision LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DnChange *change = g_new0 (DnChange, 1);

      change->table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->row_id = sqlite3_column_int64 (stmt, 1);
      change->op = op_from_string ((const char *) sqlite3_column_text (stmt, 2));
      change->revision = sqlite3_column_int64 (stmt, 3);
      latest = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  if (limit > 0 && changes->len == limit)
    latest = ((DnChange *) changes->pdata[changes->len - 1])->revision;
  if (last_revision != NULL)
    *last_revision = latest;
  return g_steal_pointer (&changes);
}

gint64
dn_store_get_row_revision (DnStore     *self,
                           const char  *table,
                           gint64       id,
                           GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 revision = -1;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  if (!dn_store_is_logged_table (self, table, &key) || !g_str_equal (key, "id"))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is not a kind of record whose revision can be checked."),
                   table != NULL ? table : "");
      return -1;
    }
  sql = g_strdup_printf ("SELECT revision FROM \"%s\" WHERE id = ?1", table);
  stmt = _dn_store_prepare_once (self, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    revision = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                 _("The record no longer exists: someone deleted it."));
  else
    _dn_store_check_step (self, rc, error);
  sqlite3_finalize (stmt);
  return revision;
}

gboolean
dn_store_check_revision (DnStore     *self,
                         const char  *table,
                         gint64       id,
                         gint64       expected,
                         GError     **error)
{
  gint64 revision;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  revision = dn_store_get_row_revision (self, table, id, error);
  if (revision < 0)
    return FALSE;
  if (revision != expected)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT,
                   _("Someone else changed this record after it was read (revision %lld, read at %lld). "
                     "Nothing was saved: look at the current record, then save again."),
                   (long long) revision, (long long) expected);
      return FALSE;
    }
  return TRUE;
}

char *
dn_store_dup_creator (DnStore     *self,
                      const char  *table,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *actor = NULL;
  gint64 first = 0;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  /* a recurring task's next occurrence is inserted by whoever completed
   * the one before: the first of the chain says who gave the work */
  if (g_str_equal (table, "task") &&
      !_dn_store_read_int (self,
                           "WITH RECURSIVE chain (id, previous_id, depth) AS ("
                           " SELECT id, previous_id, 0 FROM task WHERE id = ?1"
                           " UNION ALL SELECT t.id, t.previous_id, c.depth + 1 FROM task t"
                           " JOIN chain c ON t.id = c.previous_id WHERE c.depth < 100000) "
                           "SELECT id FROM chain ORDER BY depth DESC LIMIT 1",
                           &first, error, DN_INT (id), DN_END))
    return NULL;
  if (first != 0)
    id = first;

  /* the row's latest insert: a table without AUTOINCREMENT may give the
   * id of a row deleted for good to a new one */
  stmt = _dn_store_prepare_once (self,
                                 "SELECT actor FROM change_log WHERE table_name = ?1 AND row_id = ?2 AND op = 'insert' "
                                 "ORDER BY revision DESC LIMIT 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    actor = _dn_column_text (stmt, 0);
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _dn_store_check_step (self, rc, error);
  sqlite3_finalize (stmt);
  if (actor != NULL && *actor == '\0')
    g_clear_pointer (&actor, g_free);
  return actor;
}
