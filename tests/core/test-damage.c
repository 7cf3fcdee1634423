/* test-damage.c: a database that can only be read, and damage remembered
 * until repaired
 *
 * Read-only for real, also as root (who ignores permissions): chattr +i on
 * the file or on its folder (skipped where chattr cannot do it), plus
 * DN_STORE_OPEN_READ_ONLY and, for other users, chmod. Damage for real: a
 * reference broken behind SQLite's back, an index page overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-damage"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ------------------------------------------------------------- helpers */

static void
add_some_data (DnStore *store)
{
  GDate due = dn_test_date (2024, 6, 30);
  gint64 sgd = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 vp = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, sgd);

  dn_test_add_person (store, "Lê", "Thị", "Lan", vp);
  dn_test_add_task (store, "Báo cáo công tác đối ngoại", vp, &due, DN_TEST_UNITS (sgd));
}

static gboolean
sibling_exists (const char *path,
                const char *suffix)
{
  g_autofree char *sibling = g_strconcat (path, suffix, NULL);
  return g_file_test (sibling, G_FILE_TEST_EXISTS);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* chattr +i / -i: the file or folder cannot be changed, even by root.
 * FALSE where chattr is missing or the file system or the user cannot. */
static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
#ifdef G_OS_UNIX
  const char *argv[] = { "chattr", immutable ? "+i" : "-i", path, NULL };
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
#else
  return FALSE;
#endif
}

static gboolean
skip_without_immutable (const char *path)
{
  if (set_immutable (path, TRUE))
    return FALSE;
  g_test_skip ("chattr +i is not possible here (no chattr, no CAP_LINUX_IMMUTABLE, or the file system)");
  return TRUE;
}

/* Every kind of write fails with DN_STORE_ERROR_READ_ONLY, its message
 * containing @needle, and leaves no transaction open. */
static void
assert_writes_refused (DnStore    *store,
                       const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = dn_store_find_unit (store, "VP", &error);
  g_autoptr(DnUnit) other = dn_unit_new ();
  g_autoptr(DnPerson) person = dn_person_new ();
  g_autofree char *before = dn_test_row_counts (store);
  g_autofree char *after = NULL;
  gint64 task_id = dn_test_query_int (store, "SELECT min(id) FROM task");

  g_assert_no_error (error);
  g_assert_nonnull (unit);

  g_free (other->code);
  other->code = g_strdup ("HTQT");
  g_free (other->name);
  other->name = g_strdup ("Phòng Hợp tác quốc tế");
  other->kind = DN_UNIT_KIND_DIVISION;
  g_assert_false (dn_store_add_unit (store, other, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, needle));
  g_clear_error (&error);

  g_free (person->family_name);
  person->family_name = g_strdup ("Trần");
  g_free (person->given_name);
  person->given_name = g_strdup ("Minh");
  g_assert_false (dn_store_add_person (store, person, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_free (unit->name);
  unit->name = g_strdup ("Văn phòng");
  g_assert_false (dn_store_update_unit (store, unit, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (dn_store_set_task_status (store, task_id, DN_STATUS_DONE, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (dn_store_delete_task (store, task_id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  {
    /* an attachment is copied before its row is written: no copy either */
    g_autofree char *dir = g_path_get_dirname (dn_store_get_path (store));
    g_autofree char *attachments = g_build_filename (dir, "attachments", NULL);
    g_autofree char *source_dir = dn_test_make_tmp_dir ();
    g_autofree char *source = g_build_filename (source_dir, "cong-van.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (source);
    g_autoptr(DnAttachment) att = NULL;
    guint n_files = dn_test_count_files (attachments);

    dn_test_write_file (source, "%PDF-1.4\n%%EOF\n", -1);
    att = dn_store_add_attachment (store, file, NULL, &error);
    g_assert_null (att);
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_cmpuint (dn_test_count_files (attachments), ==, n_files);
    dn_test_remove_tree (source_dir);
  }

  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (store)));
  after = dn_test_row_counts (store);
  g_assert_cmpstr (after, ==, before);
}

/* Reading works: records, lists, search, a check (only a note in its report). */
static void
assert_reads_work (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  DnTaskQuery query;

  g_assert_cmpint (dn_store_count (store, DN_RECORD_UNIT, &error), ==, 2);
  g_assert_no_error (error);
  hits = dn_store_search (store, "van phong", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  dn_task_query_init (&query);
  tasks = dn_store_list_tasks (store, &query, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 1);

  g_assert_true (dn_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "full check needs write access"));
  g_assert_null (strstr (report->str, "records missing"));
}

/* ------------------------------------------------------------ read-only */

static void
test_read_only_asked (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_some_data (f->store);
  dn_test_store_close (&f->store);
  before = dn_test_file_checksum (f->path);

  f->store = dn_store_open (f->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_is_read_only (f->store));
  /* asked for: nothing to warn about */
  g_assert_null (dn_store_get_warning (f->store));
  assert_reads_work (f->store);
  assert_writes_refused (f->store, "open for reading only");
  g_assert_false (sibling_exists (f->path, ".damaged"));
  dn_test_store_close (&f->store);

  after = dn_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_read_only_immutable_file (DnTestStore   *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DnStore *store;

  add_some_data (f->store);
  dn_test_store_close (&f->store);
  if (skip_without_immutable (f->path))
    return;
  /* only the opening needs the file locked: the store then stays read-only */
  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_true (set_immutable (f->path, FALSE));
  g_assert_no_error (error);
  g_assert_true (dn_store_is_read_only (f->store));
  g_assert_nonnull (dn_store_get_warning (f->store));
  g_assert_nonnull (strstr (dn_store_get_warning (f->store), "can only be read: the file cannot be written"));
  assert_reads_work (f->store);
  assert_writes_refused (f->store, "its file cannot be written");
  dn_test_store_close (&f->store);

  /* an old version cannot be upgraded: refused, untouched; a check still opens it */
  store = _dn_store_open_at_version (old, 1, &error);
  g_assert_no_error (error);
  dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  dn_test_store_close (&store);
  before = dn_test_file_checksum (old);
  g_assert_true (set_immutable (old, TRUE));
  store = dn_store_open (old, DN_STORE_OPEN_DEFAULT, &error);
  {
    g_autoptr(GError) check_error = NULL;
    g_autoptr(DnStore) check = dn_store_open (old, DN_STORE_OPEN_NO_MIGRATE, &check_error);

    g_assert_true (set_immutable (old, FALSE));
    g_assert_no_error (check_error);
    g_assert_true (dn_store_is_read_only (check));
    g_assert_cmpint (dn_store_get_schema_version (check), ==, 1);
  }
  g_assert_null (store);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  {
    g_autofree char *upgrade = g_strdup_printf ("must be upgraded from database version 1 to %d",
                                                DN_STORE_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, upgrade));
  }
  after = dn_test_file_checksum (old);
  g_assert_cmpstr (after, ==, before);
}

static void
test_read_only_immutable_folder (DnTestStore   *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *wal_contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize wal_length = 0;
  DnStore *store;

  add_some_data (f->store);
  dn_test_store_close (&f->store);
  /* closed cleanly: no -wal, no -shm, and the folder takes none */
  g_assert_false (sibling_exists (f->path, "-wal"));
  g_assert_false (sibling_exists (f->path, "-shm"));
  if (skip_without_immutable (f->dir))
    return;
  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_true (set_immutable (f->dir, FALSE));
  g_assert_no_error (error);
  g_assert_true (dn_store_is_read_only (f->store));
  g_assert_nonnull (strstr (dn_store_get_warning (f->store), "can only be read: its folder"));
  assert_reads_work (f->store);
  assert_writes_refused (f->store, "its folder cannot be written");
  dn_test_store_close (&f->store);

  /* changes still waiting in the -wal: reading without it would show old
   * data, so the database is refused, untouched */
  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  dn_test_exec (f->store, "PRAGMA wal_autocheckpoint = 0");
  dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (g_file_get_contents (wal, &wal_contents, &wal_length, NULL));
  g_assert_cmpuint (wal_length, >, 0);
  dn_test_store_close (&f->store);
  dn_test_write_file (wal, wal_contents, (gssize) wal_length);
  g_remove (shm);
  before = dn_test_file_checksum (f->path);
  g_assert_true (set_immutable (f->dir, TRUE));
  store = dn_store_open (f->path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_true (set_immutable (f->dir, FALSE));
  g_assert_null (store);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "-wal"));
  after = dn_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_read_only_permissions (DnTestStore   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

#ifndef G_OS_UNIX
  g_test_skip ("chmod 444/555 means nothing for folders on Windows");
  return;
#endif

  add_some_data (f->store);
  dn_test_store_close (&f->store);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  if (g_access (f->dir, 2 /* W_OK */) == 0)
    {
      g_chmod (f->dir, 0700);
      g_test_skip ("permissions do not stop this user (root): see the chattr cases");
      return;
    }
  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_is_read_only (f->store));
  g_assert_nonnull (dn_store_get_warning (f->store));
  assert_reads_work (f->store);
  assert_writes_refused (f->store, "can only be read");
  dn_test_store_close (&f->store);
  g_chmod (f->dir, 0700);
}

/* --------------------------------------------------------------- damage */

static void
test_damage_mark (DnTestStore   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *mark = g_strconcat (f->path, ".damaged", NULL);
  g_autofree char *contents = NULL;

  add_some_data (f->store);
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_null (dn_store_get_damage (f->store));
  g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));

  /* a reference broken behind SQLite's back: the quick check finds it too */
  dn_test_exec (f->store,
                "PRAGMA foreign_keys = OFF;"
                "INSERT INTO person (family_name, given_name, unit_id) VALUES ('Mồ', 'Côi', 4242);"
                "PRAGMA foreign_keys = ON;");
  g_assert_false (dn_store_check_depth (f->store, DN_STORE_CHECK_QUICK, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "Broken reference: person"));
  g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
  g_string_truncate (report, 0);
  g_assert_false (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "Broken reference: person"));

  contents = read_text (mark);
  g_assert_true (g_str_has_prefix (contents, "found="));
  g_assert_nonnull (strstr (contents, "\nby=check\n\n"));
  g_assert_nonnull (strstr (contents, "Broken reference: person"));
  g_assert_nonnull (dn_store_get_damage (f->store));

  /* every later opening says so */
  dn_test_store_reopen (f);
  g_assert_nonnull (dn_store_get_damage (f->store));
  g_assert_nonnull (strstr (dn_store_get_damage (f->store), "“doingoai-cli check” found this database damaged"));
  g_assert_nonnull (strstr (dn_store_get_damage (f->store), "Broken reference: person"));
  g_assert_nonnull (strstr (dn_store_get_damage (f->store), "restore a backup"));

  /* repaired: a check on a read-only store cannot check everything and
   * keeps the mark; a full check removes it */
  dn_test_exec (f->store, "DELETE FROM person WHERE unit_id = 4242");
  dn_test_store_close (&f->store);
  f->store = dn_store_open (f->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_string_truncate (report, 0);
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
  dn_test_store_reopen (f);
  /* a quick check finding nothing keeps it too: it does not look at
   * everything a full one does */
  g_assert_true (dn_store_check_depth (f->store, DN_STORE_CHECK_QUICK, report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
  g_assert_nonnull (dn_store_get_damage (f->store));
  g_string_truncate (report, 0);
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));
  g_assert_null (dn_store_get_damage (f->store));
  dn_test_store_reopen (f);
  g_assert_null (dn_store_get_damage (f->store));
}

static void
test_damage_old_version (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  /* an old version is not damage: nothing marked */
  f->store = _dn_store_open_at_version (f->path, 1, &error);
  g_assert_no_error (error);
  dn_test_store_close (&f->store);
  f->store = dn_store_open (f->path, DN_STORE_OPEN_NO_MIGRATE, &error);
  g_assert_no_error (error);
  g_assert_false (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  {
    g_autofree char *expected = g_strdup_printf ("Database version 1, expected %d.\n", DN_STORE_SCHEMA_VERSION);

    g_assert_cmpstr (report->str, ==, expected);
  }
  g_assert_null (dn_store_get_damage (f->store));
  g_assert_false (sibling_exists (f->path, ".damaged"));
}

static void
test_damage_at_run_time (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *mark = g_strconcat (f->path, ".damaged", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *file = NULL;
  gint64 root, page_size;
  gsize length = 0;

  add_some_data (f->store);
  root = dn_test_query_int (f->store, "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_unit_1'");
  page_size = dn_test_query_int (f->store, "PRAGMA page_size");
  g_assert_cmpint (root, >, 1);
  dn_test_store_close (&f->store);

  /* the index of unit codes overwritten with zeros */
  g_assert_true (g_file_get_contents (f->path, &file, &length, NULL));
  g_assert_cmpint ((gint64) length, >=, root * page_size);
  memset (file + (root - 1) * page_size, 0, (gsize) page_size);
  dn_test_write_file (f->path, file, (gssize) length);

  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (dn_store_get_damage (f->store));
  unit = dn_store_find_unit (f->store, "VP", &error);
  g_assert_null (unit);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  contents = read_text (mark);
  g_assert_nonnull (strstr (contents, "\nby=error\n\n"));
  g_assert_nonnull (dn_store_get_damage (f->store));

  dn_test_store_reopen (f);
  g_assert_nonnull (strstr (dn_store_get_damage (f->store), "reported damage while in use"));

  /* a check tells more, and the mark says what it found */
  g_assert_false (dn_store_check (f->store, report, &error));
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  contents = read_text (mark);
  g_assert_nonnull (strstr (contents, "\nby=check\n\n"));
  g_assert_nonnull (strstr (dn_store_get_damage (f->store), "found this database damaged"));
}

/* ----------------------------------------------------------------- main */


int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/damage/read-only/asked", test_read_only_asked);
  DN_TEST_ADD ("/damage/read-only/immutable-file", test_read_only_immutable_file);
  DN_TEST_ADD ("/damage/read-only/immutable-folder", test_read_only_immutable_folder);
  DN_TEST_ADD ("/damage/read-only/permissions", test_read_only_permissions);
  DN_TEST_ADD ("/damage/mark/check", test_damage_mark);
  DN_TEST_ADD_EMPTY ("/damage/mark/old-version-is-no-damage", test_damage_old_version);
  DN_TEST_ADD ("/damage/mark/at-run-time", test_damage_at_run_time);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
