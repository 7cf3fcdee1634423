/* test-backup.c: backups made while the database is in use, and restoring
 * one (every refused file leaves both the file and the database as they were)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-generator.h"
#include "dn-store-backup.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ------------------------------------------------------------- helpers */

/* A digest of every row of every table (shadow tables of the search index
 * included): two databases with the same digest hold the same data. */
static char *
content_digest (DnStore *store)
{
  sqlite3 *db = _dn_store_get_db (store);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                       "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 5);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);

      g_checksum_update (checksum, tables->pdata[i], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);
            char type = (char) ('0' + sqlite3_column_type (stmt, c));

            g_checksum_update (checksum, (const guchar *) &type, 1);
            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
fill (DnStore *store,
      guint    n_tasks)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_generate (store, n_tasks, n_tasks / 10, n_tasks / 4, 7, &error));
  g_assert_no_error (error);
}

static DnStore *
open_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = dn_store_open (path, DN_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Names in @dir, sorted, "a b c". */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct
{
  GArray       *fractions;
  DnStore      *writer;         /* writes a unit at each report, or NULL */
  GCancellable *cancellable;
  double        cancel_at;      /* cancels once the fraction reaches this (> 1: never) */
} Watch;

static void
watch_init (Watch *watch)
{
  memset (watch, 0, sizeof *watch);
  watch->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  watch->cancellable = g_cancellable_new ();
  watch->cancel_at = 2;
}

static void
watch_clear (Watch *watch)
{
  g_array_unref (watch->fractions);
  g_object_unref (watch->cancellable);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Watch *watch = user_data;

  g_array_append_val (watch->fractions, fraction);
  if (watch->writer != NULL)
    {
      g_autofree char *code = g_strdup_printf ("W%u", watch->fractions->len);
      dn_test_add_unit (watch->writer, code, "Đơn vị thêm trong lúc sao lưu", DN_UNIT_KIND_SCHOOL, 0);
    }
  if (fraction >= watch->cancel_at)
    g_cancellable_cancel (watch->cancellable);
}

static void
assert_progress_complete (Watch *watch)
{
  g_assert_cmpuint (watch->fractions->len, >=, 2);
  for (guint i = 1; i < watch->fractions->len; i++)
    g_assert_cmpfloat (g_array_index (watch->fractions, double, i), >=,
                       g_array_index (watch->fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (watch->fractions, double, 0), >=, 0);
  g_assert_cmpfloat (g_array_index (watch->fractions, double, watch->fractions->len - 1), ==, 1);
}

/* ------------------------------------------------------------- backup */

/* The copy holds the same data, is one file of its own (rollback journal,
 * no -wal), and progress goes from 0 to 1. */
static void
test_backup_copy (DnTestStore   *fixture,
                  gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "sao-lưu.db", NULL);
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *digest = NULL, *counts = NULL, *copy_digest = NULL, *copy_counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) copy = NULL;
  guchar header[20];
  FILE *file;
  Watch watch;

  fill (fixture->store, 2000);
  digest = content_digest (fixture->store);
  counts = dn_test_row_counts (fixture->store);

  watch_init (&watch);
  g_assert_true (dn_store_backup (fixture->store, target, on_progress, &watch, NULL, &error));
  g_assert_no_error (error);
  assert_progress_complete (&watch);
  /* several steps: the progress means something */
  g_assert_cmpuint (watch.fractions->len, >, 3);
  watch_clear (&watch);

  /* a rollback-journal file (header bytes 18 and 19 are 1), nothing beside it */
  file = g_fopen (target, "rb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fread (header, 1, sizeof header, file), ==, sizeof header);
  fclose (file);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *files = list_dir (fixture->dir);
    g_assert_cmpstr (files, ==, "doingoai.db doingoai.db-shm doingoai.db-wal sao-lưu.db");
  }

  copy = open_read_only (target);
  copy_digest = content_digest (copy);
  copy_counts = dn_test_row_counts (copy);
  g_assert_cmpstr (copy_counts, ==, counts);
  g_assert_cmpstr (copy_digest, ==, digest);
  g_assert_cmpint (dn_store_get_schema_version (copy), ==, DN_STORE_SCHEMA_VERSION);
}

/* Writes by the application between the backup's steps: the copy is the
 * database as it was when the backup started, whole. */
static void
test_backup_while_writing (DnTestStore   *fixture,
                           gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *digest = NULL, *copy_digest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) copy = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gint64 units_before;
  Watch watch;

  fill (fixture->store, 2000);
  digest = content_digest (fixture->store);
  units_before = dn_test_query_int (fixture->store, "SELECT count(*) FROM unit");

  watch_init (&watch);
  watch.writer = fixture->store;
  g_assert_true (dn_store_backup (fixture->store, target, on_progress, &watch, NULL, &error));
  g_assert_no_error (error);
  /* the writes happened, and were committed */
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM unit"), ==,
                   units_before + watch.fractions->len);
  g_assert_cmpuint (watch.fractions->len, >, 3);
  watch_clear (&watch);

  copy = dn_store_open (target, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_check (copy, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (copy, "SELECT count(*) FROM unit"), ==, units_before);
  g_assert_cmpint (dn_test_query_int (copy, "SELECT count(*) FROM unit WHERE code LIKE 'W%%'"), ==, 0);
  copy_digest = content_digest (copy);
  g_assert_cmpstr (copy_digest, ==, digest);
}

/* Another connection writes from another thread all along. */
typedef struct
{
  const char *path;
  gint        stop;
  guint       written;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = dn_store_open (writer->path, DN_STORE_OPEN_NO_CREATE, &error);

  g_assert_no_error (error);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_autofree char *code = g_strdup_printf ("T%u", writer->written);
      g_autoptr(DnUnit) unit = dn_unit_new ();

      _dn_set_text (&unit->code, code);
      _dn_set_text (&unit->name, "Trường thêm từ luồng khác");
      unit->kind = DN_UNIT_KIND_SCHOOL;
      g_assert_true (dn_store_begin (store, &error));
      g_assert_true (dn_store_add_unit (store, unit, &error));
      g_assert_true (dn_test_add_person (store, "Nguyễn", "Văn", "An", unit->id) > 0);
      g_assert_true (dn_store_commit (store, &error));
      g_assert_no_error (error);
      writer->written++;
    }
  return NULL;
}

static void
test_backup_other_thread_writing (DnTestStore   *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Writer writer = { fixture->path, 0, 0 };
  GThread *thread;

  fill (fixture->store, 2000);
  thread = g_thread_new ("writer", writer_thread, &writer);
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *target = g_strdup_printf ("%s/copy-%u.db", fixture->dir, round);
      g_autoptr(DnStore) copy = NULL;
      g_autoptr(GString) report = g_string_new (NULL);

      g_assert_true (dn_store_backup (fixture->store, target, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      copy = dn_store_open (target, DN_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (dn_store_check (copy, report, &error));
      /* each write is a unit and a person in it: never one without the other */
      g_assert_cmpint (dn_test_query_int (copy, "SELECT count(*) FROM unit WHERE code LIKE 'T%%'"), ==,
                       dn_test_query_int (copy, "SELECT count(*) FROM person p JOIN unit u ON u.id = p.unit_id "
                                                "WHERE u.code LIKE 'T%%'"));
    }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_assert_cmpuint (writer.written, >, 0);
}

static void
test_backup_refuses_database (DnTestStore   *fixture,
                              gconstpointer  data)
{
  g_autofree char *checksum = NULL;
  g_autofree char *files = NULL;
  g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
  const char *names[] = { "doingoai.db", "./doingoai.db", "sub/../doingoai.db", "doingoai.db-wal",
                          "doingoai.db-shm", "doingoai.db-journal", "link.db" };

  fill (fixture->store, 50);
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  checksum = dn_test_file_checksum (fixture->path);
  files = list_dir (fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *target = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (dn_store_backup (fixture->store, target, NULL, NULL, NULL, &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "database in use"));
    }
  {
    g_autofree char *checksum_after = dn_test_file_checksum (fixture->path);
    g_autofree char *files_after = list_dir (fixture->dir);
    g_assert_cmpstr (checksum_after, ==, checksum);
    g_assert_cmpstr (files_after, ==, files);
  }
}

/* Cancelled: no partial file, and a file that was there stays as it was. */
static void
test_backup_cancel (DnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *files = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch;

  fill (fixture->store, 2000);
  files = list_dir (fixture->dir);
  watch_init (&watch);
  watch.cancel_at = 0.2;
  g_assert_false (dn_store_backup (fixture->store, target, on_progress, &watch, watch.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (g_array_index (watch.fractions, double, watch.fractions->len - 1), <, 1);
  {
    g_autofree char *files_after = list_dir (fixture->dir);
    g_assert_cmpstr (files_after, ==, files);
  }
  watch_clear (&watch);
  g_clear_error (&error);

  dn_test_write_file (target, "an older backup", -1);
  watch_init (&watch);
  watch.cancel_at = 0.5;
  g_assert_false (dn_store_backup (fixture->store, target, on_progress, &watch, watch.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  watch_clear (&watch);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "an older backup");
  }
}

/* A file already there is replaced whole, and the working files of the
 * database that was there go with it. */
static void
test_backup_replaces (DnTestStore   *fixture,
                      gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) copy = NULL;

  fill (fixture->store, 100);
  dn_test_write_file (target, "old", -1);
  dn_test_write_file (wal, "stale pages of another database", -1);
  g_assert_true (dn_store_backup (fixture->store, target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy = open_read_only (target);
  g_assert_cmpint (dn_store_count (copy, DN_RECORD_TASK, NULL), ==, dn_store_count (fixture->store, DN_RECORD_TASK, NULL));

  /* a folder that does not exist, a folder as the file */
  g_assert_false (dn_store_backup (fixture->store, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_assert_false (dn_store_backup (fixture->store, fixture->dir, NULL, NULL, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
}

/* ------------------------------------------------------------- restore */

/* Backup, changes, restore: the data of the backup is back, the changed
 * data is in "<db>.before-restore", the store's own connection sees it. */
static void
test_restore_round_trip (DnTestStore   *fixture,
                         gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *digest = NULL, *changed_digest = NULL, *restored = NULL, *saved_digest = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected_saved = g_strconcat (fixture->path, ".before-restore", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) before = NULL;
  guint changed = 0;
  gint64 tasks;
  Watch watch;

  fill (fixture->store, 1000);
  digest = content_digest (fixture->store);
  tasks = dn_store_count (fixture->store, DN_RECORD_TASK, NULL);
  g_assert_true (dn_store_backup (fixture->store, target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  dn_test_exec (fixture->store, "UPDATE task SET deleted = 1");
  dn_test_add_unit (fixture->store, "MOI", "Đơn vị mới", DN_UNIT_KIND_SCHOOL, 0);
  changed_digest = content_digest (fixture->store);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);

  watch_init (&watch);
  g_assert_true (dn_store_restore (fixture->store, target, &saved, on_progress, &watch, NULL, &error));
  g_assert_no_error (error);
  assert_progress_complete (&watch);
  watch_clear (&watch);
  g_assert_cmpstr (saved, ==, expected_saved);

  /* the store's own connection (and its cached statements) sees the data */
  g_signal_connect_swapped (fixture->store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  dn_store_restore_done (fixture->store);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, tasks);
  restored = content_digest (fixture->store);
  g_assert_cmpstr (restored, ==, digest);
  g_assert_null (dn_store_find_unit (fixture->store, "MOI", NULL));

  /* the data it replaced */
  before = open_read_only (saved);
  saved_digest = content_digest (before);
  g_assert_cmpstr (saved_digest, ==, changed_digest);

  /* nothing else left in the folder */
  {
    g_autofree char *now = list_dir (fixture->dir);
    g_assert_cmpstr (now, ==, "copy.db doingoai.db doingoai.db-shm doingoai.db-wal doingoai.db.before-restore");
  }

  /* the store writes on as before, and the next open finds it sound */
  dn_test_add_unit (fixture->store, "SAU", "Sau khôi phục", DN_UNIT_KIND_SCHOOL, 0);
  dn_test_store_reopen (fixture);
  {
    g_autoptr(GString) report = g_string_new (NULL);
    g_assert_true (dn_store_check (fixture->store, report, &error));
    g_assert_no_error (error);
  }
}

/* A backup of an older version is upgraded on its copy, then restored. */
static void
test_restore_older_version (DnTestStore   *fixture,
                            gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.db", NULL);
  g_autofree char *old_checksum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  {
    g_autoptr(DnStore) old = _dn_store_open_at_version (old_path, 1, &error);
    g_assert_no_error (error);
    dn_test_add_unit (old, "PGD", "Phòng Giáo dục Đầm Hà", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
    dn_test_store_close (&old);
  }
  old_checksum = dn_test_file_checksum (old_path);
  g_assert_true (dn_store_restore (fixture->store, old_path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  dn_store_restore_done (fixture->store);
  g_assert_cmpint (dn_store_get_schema_version (fixture->store), ==, DN_STORE_SCHEMA_VERSION);
  hits = dn_store_search (fixture->store, "dam ha", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  /* the backup itself is untouched, and nothing of the upgrade is left */
  {
    g_autofree char *checksum_after = dn_test_file_checksum (old_path);
    g_assert_cmpstr (checksum_after, ==, old_checksum);
  }
  {
    g_autofree char *now = list_dir (fixture->dir);
    g_assert_cmpstr (now, ==, "doingoai.db doingoai.db-shm doingoai.db-wal doingoai.db.before-restore old.db");
  }
}

typedef enum
{
  BAD_MISSING,
  BAD_FOLDER,
  BAD_EMPTY,
  BAD_TEXT,
  BAD_CUT,
  BAD_CUT_AT_PAGE,
  BAD_NEWER,
  BAD_FOREIGN,
  BAD_DAMAGED_ROWS,
  BAD_SELF,
  BAD_N,
} BadFile;

/* Makes the bad file @kind in @dir (a copy of @good where one is needed);
 * returns its path. */
static char *
make_bad_file (BadFile     kind,
               const char *dir,
               const char *good,
               const char *self)
{
  g_autofree char *path = g_strdup_printf ("%s/bad-%d.db", dir, kind);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (kind == BAD_SELF)
    return g_strdup (self);
  if (kind == BAD_MISSING)
    return g_steal_pointer (&path);
  if (kind == BAD_FOLDER)
    {
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      return g_steal_pointer (&path);
    }
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  switch (kind)
    {
    case BAD_EMPTY:
      dn_test_write_file (path, "", 0);
      break;
    case BAD_TEXT:
      dn_test_write_file (path, "Danh sách đoàn ra năm 2024\nKhông phải cơ sở dữ liệu.\n", -1);
      break;
    case BAD_CUT:
      dn_test_write_file (path, contents, length / 2 + 100);
      break;
    case BAD_CUT_AT_PAGE:
      g_assert_cmpuint (length, >, 4096 * 8);
      dn_test_write_file (path, contents, 4096 * 4);
      break;
    case BAD_NEWER:
      dn_test_write_file (path, contents, length);
      dn_test_exec_file (path, "PRAGMA user_version = 99");
      break;
    case BAD_FOREIGN:
      dn_test_exec_file (path, "CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT); "
                               "INSERT INTO photo (name) VALUES ('ha-long.jpg')");
      break;
    case BAD_DAMAGED_ROWS:
      /* a sound SQLite file that breaks the store's rules: a reference to
       * a unit that does not exist */
      dn_test_write_file (path, contents, length);
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DnStore) store = dn_store_open (path, DN_STORE_OPEN_NO_CREATE, &error);

        g_assert_no_error (error);
        dn_test_exec (store, "PRAGMA foreign_keys = OFF; UPDATE person SET unit_id = 999999");
        dn_test_store_close (&store);
      }
      break;
    case BAD_MISSING:
    case BAD_FOLDER:
    case BAD_SELF:
    case BAD_N:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&path);
}

/* Every bad file is refused with a message; the database, the file and
 * both folders stay as they were. */
static void
test_restore_refuses (DnTestStore   *fixture,
                      gconstpointer  data)
{
  g_autofree char *other = dn_test_make_tmp_dir ();
  g_autofree char *good = g_build_filename (other, "good.db", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  static const char *expected[] = {
    [BAD_MISSING] = "Cannot read",
    [BAD_FOLDER] = "is not a file",
    [BAD_EMPTY] = "is empty",
    [BAD_TEXT] = "is not a Đối Ngoại database",
    [BAD_CUT] = "or it is damaged",
    [BAD_CUT_AT_PAGE] = "is damaged",
    [BAD_NEWER] = "newer version",
    [BAD_FOREIGN] = "another program",
    [BAD_DAMAGED_ROWS] = "is damaged",
    [BAD_SELF] = "database in use",
  };

  fill (fixture->store, 300);
  g_assert_true (dn_store_backup (fixture->store, good, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  digest = content_digest (fixture->store);

  for (BadFile kind = 0; kind < BAD_N; kind++)
    {
      g_autofree char *path = make_bad_file (kind, other, good, fixture->path);
      g_autofree char *checksum = kind != BAD_SELF && kind != BAD_FOLDER ? dn_test_file_checksum (path) : NULL;
      g_autofree char *files_here = list_dir (fixture->dir);
      g_autofree char *files_there = list_dir (other);
      g_autofree char *now = NULL;
      g_autofree char *saved = NULL;

      g_assert_false (dn_store_restore (fixture->store, path, &saved, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("bad file %d: %s", kind, error->message);
      g_assert_null (saved);
      if (strstr (error->message, expected[kind]) == NULL)
        g_error ("bad file %d: “%s” does not say “%s”", kind, error->message, expected[kind]);
      /* a file SQLite was let near says that nothing changed */
      if (kind >= BAD_TEXT && kind < BAD_SELF)
        g_assert_nonnull (strstr (error->message, "Nothing was restored; the data in use is unchanged."));
      g_clear_error (&error);

      now = content_digest (fixture->store);
      g_assert_cmpstr (now, ==, digest);
      if (kind != BAD_SELF && kind != BAD_FOLDER)
        {
          g_autofree char *checksum_after = dn_test_file_checksum (path);
          g_assert_cmpstr (checksum_after, ==, checksum);
        }
      {
        g_autofree char *here = list_dir (fixture->dir);
        g_autofree char *there = list_dir (other);
        g_assert_cmpstr (here, ==, files_here);
        g_assert_cmpstr (there, ==, files_there);
      }
    }
  dn_test_remove_tree (other);
}

/* Cancelled at any point: the data in use stays, nothing is left behind. */
static void
test_restore_cancel (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  const double points[] = { 0.1, 0.3, 0.6, 0.8 };

  fill (fixture->store, 2000);
  g_assert_true (dn_store_backup (fixture->store, backup, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  dn_test_exec (fixture->store, "UPDATE task SET deleted = 1");
  digest = content_digest (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *files = list_dir (fixture->dir);
      g_autofree char *now = NULL;
      Watch watch;

      watch_init (&watch);
      watch.cancel_at = points[i];
      g_assert_false (dn_store_restore (fixture->store, backup, NULL, on_progress, &watch, watch.cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      watch_clear (&watch);
      now = content_digest (fixture->store);
      g_assert_cmpstr (now, ==, digest);
      g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);
      /* the saved copy may have been made; nothing else */
      {
        g_autofree char *after = list_dir (fixture->dir);
        if (!g_str_equal (after, files))
          g_assert_cmpstr (after, ==, "copy.db doingoai.db doingoai.db-shm doingoai.db-wal doingoai.db.before-restore");
      }
    }
}

/* ----------------------------------------------------------------- main */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/backup/copy", test_backup_copy);
  DN_TEST_ADD ("/backup/while-writing", test_backup_while_writing);
  DN_TEST_ADD ("/backup/other-thread-writing", test_backup_other_thread_writing);
  DN_TEST_ADD ("/backup/refuses-database", test_backup_refuses_database);
  DN_TEST_ADD ("/backup/cancel", test_backup_cancel);
  DN_TEST_ADD ("/backup/replaces", test_backup_replaces);
  DN_TEST_ADD ("/restore/round-trip", test_restore_round_trip);
  DN_TEST_ADD ("/restore/older-version", test_restore_older_version);
  DN_TEST_ADD ("/restore/refuses", test_restore_refuses);
  DN_TEST_ADD ("/restore/cancel", test_restore_cancel);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
