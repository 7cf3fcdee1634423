/* dn-test-utils.c: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ------------------------------------------------------------ fixture */

void
dn_test_store_setup_empty (DnTestStore   *fixture,
                           gconstpointer  data)
{
  fixture->dir = dn_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "doingoai.db", NULL);
  fixture->store = NULL;
}

void
dn_test_store_setup (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  dn_test_store_setup_empty (fixture, data);
  fixture->store = dn_store_open (fixture->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
dn_test_store_teardown (DnTestStore   *fixture,
                        gconstpointer  data)
{
  dn_test_store_close (&fixture->store);
  if (fixture->dir != NULL)
    dn_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
dn_test_store_close (DnStore **store)
{
  DnStore *s = *store;

  *store = NULL;
  if (s != NULL)
    g_assert_finalize_object (s);
}

void
dn_test_store_reopen (DnTestStore *fixture)
{
  g_autoptr(GError) error = NULL;

  dn_test_store_close (&fixture->store);
  fixture->store = dn_store_open (fixture->path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

/* ------------------------------------------------------------ user folders */

char *
dn_test_isolate_user_dirs (void)
{
  static const char * const variables[][2] = {
    { "HOME", "home" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };
  char *root = dn_test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (root, variables[i][1], NULL);
      g_assert_true (g_setenv (variables[i][0], dir, TRUE));
    }
  return root;
}

/* ------------------------------------------------------------ files */

char *
dn_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("doingoai-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
dn_test_remove_tree (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        while ((name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *child = g_build_filename (path, name, NULL);
            dn_test_remove_tree (child);
          }
      if (g_rmdir (path) != 0)
        g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
    }
  else
    {
      g_chmod (path, 0600);
      if (g_unlink (path) != 0)
        g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
    }
}

char *
dn_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
dn_test_write_file (const char *path,
                    const void *data,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

guint
dn_test_count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir_path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += dn_test_count_files (child);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        n++;
    }
  return n;
}

/* ------------------------------------------------------------ SQL */

static sqlite3_stmt *
prepare_one_row (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("“%s” gave no row (%d: %s)", sql, rc, sqlite3_errmsg (db));
  return stmt;
}

void
dn_test_exec (DnStore    *store,
              const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  if (sqlite3_exec (_dn_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

gint64
dn_test_query_int (DnStore    *store,
                   const char *format,
                   ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 value;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  stmt = prepare_one_row (_dn_store_get_db (store), sql);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
dn_test_query_text (DnStore    *store,
                    const char *format,
                    ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *value;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  stmt = prepare_one_row (_dn_store_get_db (store), sql);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static sqlite3 *
open_file (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    g_error ("Cannot open %s: %s", path, db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return db;
}

void
dn_test_exec_file (const char *path,
                   const char *sql)
{
  sqlite3 *db = open_file (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” on %s failed: %s", sql, path, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
dn_test_undo_change_log (DnStore *store)
{
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = _dn_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT 'DROP TRIGGER \"' || name || '\"' FROM sqlite_schema "
                                       "WHERE type = 'trigger' AND (name LIKE 'change\\_%' ESCAPE '\\' "
                                       "                            OR name LIKE 'audit\\_%' ESCAPE '\\') "
                                       "UNION ALL SELECT 'DROP TABLE change_log' "
                                       "UNION ALL SELECT 'ALTER TABLE \"' || m.name || '\" DROP COLUMN revision' "
                                       "FROM sqlite_schema m WHERE m.type = 'table' AND m.name <> 'change_log' "
                                       "  AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'revision')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (sql, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < sql->len; i++)
    dn_test_exec (store, "%s", (char *) sql->pdata[i]);
}

gint64
dn_test_query_file_int (const char *path,
                        const char *sql)
{
  sqlite3 *db = open_file (path);
  sqlite3_stmt *stmt = prepare_one_row (db, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

char *
dn_test_row_counts (DnStore *store)
{
  sqlite3 *db = _dn_store_get_db (store);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *counts = g_string_new ("");
  sqlite3_stmt *stmt = NULL;

  /* real tables and FTS5 tables, not their shadow tables */
  if (sqlite3_prepare_v2 (db,
                          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                          "AND name NOT IN (SELECT v.name || s.suffix FROM sqlite_schema v, "
                          "  (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL SELECT '_content' "
                          "   UNION ALL SELECT '_docsize' UNION ALL SELECT '_config') s "
                          "  WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%') ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot list the tables: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      g_string_append_printf (counts, "%s%s=%" G_GINT64_FORMAT, i > 0 ? " " : "", table,
                              dn_test_query_int (store, "SELECT count(*) FROM \"%s\"", table));
    }
  return g_string_free (counts, FALSE);
}

/* ------------------------------------------------------------ dates */

GDate
dn_test_date (int year,
              int month,
              int day)
{
  GDate date;

  g_assert_true (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

GDate
dn_test_today_plus (int days)
{
  GDate date;

  dn_date_today (&date);
  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  return date;
}

GDate
dn_test_no_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  return date;
}

/* ------------------------------------------------------------ records */

gint64
dn_test_add_unit (DnStore    *store,
                  const char *code,
                  const char *name,
                  DnUnitKind  kind,
                  gint64      parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = dn_unit_new ();

  g_free (unit->code);
  unit->code = g_strdup (code);
  g_free (unit->name);
  unit->name = g_strdup (name);
  unit->kind = kind;
  unit->parent_id = parent_id;
  g_assert_true (dn_store_add_unit (store, unit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit->id, >, 0);
  return unit->id;
}

gint64
dn_test_add_person (DnStore    *store,
                    const char *family_name,
                    const char *middle_name,
                    const char *given_name,
                    gint64      unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPerson) person = dn_person_new ();

  g_free (person->family_name);
  person->family_name = g_strdup (family_name);
  g_free (person->middle_name);
  person->middle_name = g_strdup (middle_name);
  g_free (person->given_name);
  person->given_name = g_strdup (given_name);
  person->unit_id = unit_id;
  g_assert_true (dn_store_add_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, >, 0);
  return person->id;
}

gint64
dn_test_add_document (DnStore     *store,
                      const char  *number,
                      const char  *symbol,
                      const char  *subject,
                      const GDate *issue_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) doc = dn_document_new ();

  doc->direction = DN_DIRECTION_INCOMING;
  doc->type = DN_DOCUMENT_TYPE_PLAN;
  g_free (doc->number);
  doc->number = g_strdup (number);
  g_free (doc->symbol);
  doc->symbol = g_strdup (symbol);
  g_free (doc->subject);
  doc->subject = g_strdup (subject);
  if (issue_date != NULL)
    doc->issue_date = *issue_date;
  g_assert_true (dn_store_add_document (store, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (doc->id, >, 0);
  return doc->id;
}

gint64
dn_test_add_task (DnStore      *store,
                  const char   *title,
                  gint64        lead_unit_id,
                  const GDate  *due,
                  const gint64 *supports)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  task->lead_unit_id = lead_unit_id;
  if (due != NULL)
    task->due_date = *due;
  for (guint i = 0; supports != NULL && supports[i] != 0; i++)
    g_array_append_val (task->support_unit_ids, supports[i]);
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (task->id, >, 0);
  return task->id;
}

/* ------------------------------------------------------------ ids */

typedef struct
{
  GObject parent_instance;
  gint64  id;
} Record;

char *
dn_test_ids_of_records (GPtrArray *records)
{
  GString *s = g_string_new ("");

  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      g_assert_true (G_IS_OBJECT (record));
      g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", record->id);
    }
  return g_string_free (s, FALSE);
}

char *
dn_test_ids_of_array (GArray *ids)
{
  GString *s = g_string_new ("");

  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (s, FALSE);
}

char *
dn_test_ids (const gint64 *ids)
{
  GString *s = g_string_new ("");

  for (guint i = 0; ids[i] != 0; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  return g_string_free (s, FALSE);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

char *
dn_test_ids_sorted (const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 v;

      if (*parts[i] == '\0')
        continue;
      v = g_ascii_strtoll (parts[i], NULL, 10);
      g_array_append_val (values, v);
    }
  g_array_sort (values, compare_int64);
  return dn_test_ids_of_array (values);
}

void
dn_test_assert_date (const GDate *date,
                     int          year,
                     int          month,
                     int          day)
{
  GDate expected = dn_test_date (year, month, day);

  if (!g_date_valid (date) || g_date_compare (date, &expected) != 0)
    {
      g_autofree char *got = g_date_valid (date) ? dn_date_format_iso (date) : g_strdup ("(none)");
      g_autofree char *want = dn_date_format_iso (&expected);
      g_error ("date %s, expected %s", got, want);
    }
}

DnTask *
dn_test_get_task (DnStore *store,
                  gint64   id)
{
  g_autoptr(GError) error = NULL;
  DnTask *task = dn_store_get_task (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (task);
  return task;
}

void
dn_test_count_changed (DnStore *store,
                       guint   *count)
{
  (*count)++;
}
