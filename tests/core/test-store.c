/* test-store.c: tests for the SQLite store (dn-store*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ---------------------------------------------------------------- helpers */

/* The unit tree most tests use:
 *
 *   Công an tỉnh (CA)
 *   Sở Giáo dục và Đào tạo (SGD)
 *     Phòng GD&ĐT huyện Cam Lộ (PGD-CL)
 *       Trường Tiểu học Dương Quỳ (TH-DQ)
 *     Phòng GD&ĐT huyện Đông Hà (PGD-ĐH)
 *       Trường Tiểu học An Bình (TH-AB)
 *       Trường Tiểu học Ánh Dương (TH-AD)
 *       Trường Tiểu học Đông Hà (TH-ĐH)
 *     Văn phòng Sở (VP)
 *
 * added in another order, so that ids do not already give the right order. */
typedef struct
{
  gint64 ca;
  gint64 sgd;
  gint64 vp;
  gint64 pgd_dh;
  gint64 pgd_cl;
  gint64 th_ab;
  gint64 th_ad;
  gint64 th_dh;
  gint64 th_dq;
} Units;

static void
add_units (DnStore *store,
           Units   *u)
{
  u->sgd = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  u->vp = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, u->sgd);
  u->pgd_dh = dn_test_add_unit (store, "PGD-ĐH", "Phòng GD&ĐT huyện Đông Hà", DN_UNIT_KIND_DISTRICT_OFFICE, u->sgd);
  u->th_dh = dn_test_add_unit (store, "TH-ĐH", "Trường Tiểu học Đông Hà", DN_UNIT_KIND_SCHOOL, u->pgd_dh);
  u->th_ad = dn_test_add_unit (store, "TH-AD", "Trường Tiểu học Ánh Dương", DN_UNIT_KIND_SCHOOL, u->pgd_dh);
  u->ca = dn_test_add_unit (store, "CA", "Công an tỉnh", DN_UNIT_KIND_EXTERNAL, 0);
  u->pgd_cl = dn_test_add_unit (store, "PGD-CL", "Phòng GD&ĐT huyện Cam Lộ", DN_UNIT_KIND_DISTRICT_OFFICE, u->sgd);
  u->th_dq = dn_test_add_unit (store, "TH-DQ", "Trường Tiểu học Dương Quỳ", DN_UNIT_KIND_SCHOOL, u->pgd_cl);
  u->th_ab = dn_test_add_unit (store, "TH-AB", "Trường Tiểu học An Bình", DN_UNIT_KIND_SCHOOL, u->pgd_dh);
}

static DnUnit *
new_unit (const char *code,
          const char *name,
          gint64      parent_id)
{
  DnUnit *unit = dn_unit_new ();

  g_free (unit->code);
  unit->code = g_strdup (code);
  g_free (unit->name);
  unit->name = g_strdup (name);
  unit->kind = DN_UNIT_KIND_DIVISION;
  unit->parent_id = parent_id;
  return unit;
}

static DnPerson *
new_person (const char *family_name,
            const char *middle_name,
            const char *given_name)
{
  DnPerson *person = dn_person_new ();

  g_free (person->family_name);
  person->family_name = g_strdup (family_name);
  g_free (person->middle_name);
  person->middle_name = g_strdup (middle_name);
  g_free (person->given_name);
  person->given_name = g_strdup (given_name);
  return person;
}

static DnTask *
new_task (const char   *title,
          gint64        lead_unit_id,
          const GDate  *due,
          const gint64 *supports)
{
  DnTask *task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  task->lead_unit_id = lead_unit_id;
  if (due != NULL)
    task->due_date = *due;
  for (guint i = 0; supports != NULL && supports[i] != 0; i++)
    g_array_append_val (task->support_unit_ids, supports[i]);
  return task;
}

static void
set_supports (DnTask       *task,
              const gint64 *supports)
{
  g_array_set_size (task->support_unit_ids, 0);
  for (guint i = 0; supports != NULL && supports[i] != 0; i++)
    g_array_append_val (task->support_unit_ids, supports[i]);
}

static void
assert_dates_equal (const GDate *a,
                    const GDate *b)
{
  g_assert_true (g_date_valid (a));
  g_assert_true (g_date_valid (b));
  if (g_date_compare (a, b) != 0)
    {
      g_autofree char *x = dn_date_format_iso (a);
      g_autofree char *y = dn_date_format_iso (b);
      g_error ("date %s, expected %s", x, y);
    }
}

#define assert_date(date, y, m, d) \
  G_STMT_START { GDate expected_ = dn_test_date (y, m, d); assert_dates_equal (date, &expected_); } G_STMT_END

/* "lead:PGD-ĐH support:CA …": the assignments of a task, in list order */
static char *
assignments_string (DnStore *store,
                    gint64   task_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dn_store_list_assignments (store, task_id, &error);
  GString *s = g_string_new ("");

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      DnAssignment *a = list->pdata[i];
      g_string_append_printf (s, "%s%s:%s", i > 0 ? " " : "", dn_role_to_string (a->role), a->unit_code);
    }
  return g_string_free (s, FALSE);
}

static DnAssignment *
find_assignment (DnStore *store,
                 gint64   task_id,
                 gint64   unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dn_store_list_assignments (store, task_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DnAssignment *a = list->pdata[i];
      if (a->unit_id == unit_id)
        return g_object_ref (a);
    }
  g_error ("task %" G_GINT64_FORMAT " has no assignment for unit %" G_GINT64_FORMAT, task_id, unit_id);
  return NULL;
}

static char *
unit_names (GPtrArray *units)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", ((DnUnit *) units->pdata[i])->name);
  return g_string_free (s, FALSE);
}

static char *
search_task_ids (DnStore    *store,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dn_store_search (store, text, 100, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *unsorted = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];
      if (hit->kind == DN_RECORD_TASK)
        g_array_append_val (ids, hit->id);
    }
  unsorted = dn_test_ids_of_array (ids);
  return dn_test_ids_sorted (unsorted);
}

#define assert_ids_set(got, ...) \
  G_STMT_START { \
    g_autofree char *expected0_ = DN_TEST_IDS (__VA_ARGS__); \
    g_autofree char *expected_ = dn_test_ids_sorted (expected0_); \
    g_autofree char *got_ = dn_test_ids_sorted (got); \
    g_assert_cmpstr (got_, ==, expected_); \
  } G_STMT_END

static gboolean
sibling_exists (const char *path,
                const char *suffix)
{
  g_autofree char *sibling = g_strconcat (path, suffix, NULL);

  return g_file_test (sibling, G_FILE_TEST_EXISTS);
}

/* ---------------------------------------------------------------- opening */

static void
test_open_new (DnTestStore   *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = dn_test_query_text (f->store, "PRAGMA journal_mode");
  g_autofree char *canonical = g_canonicalize_filename (f->path, NULL);
  g_autofree char *canonical_dir = g_canonicalize_filename (f->dir, NULL);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA user_version"), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA application_id"), ==, DN_STORE_APPLICATION_ID);
  g_assert_cmpstr (dn_store_get_path (f->store), ==, canonical);
  g_assert_cmpstr (dn_store_get_data_dir (f->store), ==, canonical_dir);

  g_assert_true (dn_store_is_empty (f->store, &error));
  g_assert_no_error (error);
  for (int kind = 0; kind < DN_RECORD_N; kind++)
    {
      g_assert_cmpint (dn_store_count (f->store, kind, &error), ==, 0);
      g_assert_no_error (error);
    }

  /* foreign keys are enforced, not only switched on */
  g_assert_cmpint (sqlite3_exec (_dn_store_get_db (f->store),
                                 "INSERT INTO person (family_name, given_name, unit_id) VALUES ('Lê', 'Lan', 999)",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM person"), ==, 0);
}

static void
test_open_reopen (DnTestStore   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *mode = NULL;
  gint64 id = dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);

  dn_test_store_reopen (f);
  /* the last connection closed: the WAL was checkpointed and removed */
  dn_test_store_close (&f->store);
  g_assert_false (sibling_exists (f->path, "-wal"));
  dn_test_store_reopen (f);

  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  mode = dn_test_query_text (f->store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  unit = dn_store_find_unit (f->store, "VP", &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit->id, ==, id);
  g_assert_cmpstr (unit->name, ==, "Văn phòng Sở");
  g_assert_false (dn_store_is_empty (f->store, &error));
  g_assert_no_error (error);
}

static void
test_open_default_path (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dn_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "doingoai", "doingoai.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  DnStore *store;

  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "doingoai" G_DIR_SEPARATOR_S "doingoai.db"));

  /* main() pointed the user folders at a temporary one (the data folder
   * itself does not exist yet). Opening creates the missing folders. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (dn_store_get_schema_version (store), ==, DN_STORE_SCHEMA_VERSION);
  dn_test_store_close (&store);
  dn_test_remove_tree (folder);
}

/* Byte 18 of an SQLite header: 2 for a database in WAL mode */
static gboolean
is_wal_database (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length > 100 && memcmp (contents, "SQLite format 3", 16) == 0 && contents[18] == 2;
}

/* Opening @path must fail with @code and leave the file exactly as it was,
 * with no journal next to it. */
static void
assert_refused_unchanged (const char       *path,
                          DnStoreOpenFlags  flags,
                          int               code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_file_checksum (path);
  g_autofree char *after = NULL;
  DnStore *store;

  g_assert_nonnull (before);
  store = dn_store_open (path, flags, &error);
  g_assert_error (error, DN_STORE_ERROR, code);
  g_assert_null (store);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  after = dn_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (sibling_exists (path, "-journal"));
  if ((flags & DN_STORE_OPEN_READ_ONLY) != 0 && is_wal_database (path))
    {
      /* A read-only SQLite connection to a WAL database leaves the WAL and
       * shared-memory files behind (it may not checkpoint); nothing may
       * have been written to the WAL. */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      GStatBuf st;

      if (g_stat (wal, &st) == 0)
        g_assert_cmpint (st.st_size, ==, 0);
      g_remove (wal);
      g_remove (shm);
    }
  g_assert_false (sibling_exists (path, "-wal"));
  g_assert_false (sibling_exists (path, "-shm"));
}

static void
assert_refused_all_flags (const char *path,
                          int         code)
{
  assert_refused_unchanged (path, DN_STORE_OPEN_DEFAULT, code);
  assert_refused_unchanged (path, DN_STORE_OPEN_NO_CREATE, code);
  assert_refused_unchanged (path, DN_STORE_OPEN_NO_MIGRATE, code);
  assert_refused_unchanged (path, DN_STORE_OPEN_READ_ONLY, code);
}

static void
test_open_garbage (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240331);
  guint8 bytes[16384];

  for (gsize i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  bytes[0] = 'X';
  dn_test_write_file (f->path, bytes, sizeof bytes);
  assert_refused_all_flags (f->path, DN_STORE_ERROR_NOT_DATABASE);

  /* shorter than an SQLite header */
  dn_test_write_file (f->path, "hello", -1);
  assert_refused_all_flags (f->path, DN_STORE_ERROR_NOT_DATABASE);

  /* an SQLite header followed by garbage (impossible page size 3) */
  memcpy (bytes, "SQLite format 3", 16);
  bytes[16] = 0;
  bytes[17] = 3;
  dn_test_write_file (f->path, bytes, 4096);
  assert_refused_all_flags (f->path, DN_STORE_ERROR_NOT_DATABASE);
}

static void
test_open_other_program (DnTestStore   *f,
                         gconstpointer  data)
{
  dn_test_exec_file (f->path,
                     "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);"
                     "INSERT INTO note (body) VALUES ('ghi chú');");
  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA application_id"), ==, 0);
  assert_refused_all_flags (f->path, DN_STORE_ERROR_NOT_DATABASE);
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM note"), ==, 1);

  /* an empty database that another program has marked as its own */
  g_remove (f->path);
  dn_test_exec_file (f->path, "PRAGMA application_id = 1234; PRAGMA user_version = 1;");
  assert_refused_all_flags (f->path, DN_STORE_ERROR_NOT_DATABASE);
}

static void
test_open_too_new (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", DN_STORE_SCHEMA_VERSION + 1);

  dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  dn_test_store_close (&f->store);
  dn_test_exec_file (f->path, sql);
  g_assert_false (sibling_exists (f->path, "-wal"));

  assert_refused_all_flags (f->path, DN_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA user_version"), ==, DN_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM unit"), ==, 1);
}

static void
test_open_zero_length (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  dn_test_write_file (f->path, "", 0);
  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA application_id"), ==, DN_STORE_APPLICATION_ID);
  dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  dn_test_store_reopen (f);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 1);
}

static void
test_open_no_create (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "doingoai.db", NULL);
  DnStore *store;

  store = dn_store_open (f->path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = dn_store_open (f->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* without the flag, missing folders are created too */
  store = dn_store_open (nested, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  dn_test_store_close (&store);
}

static void
test_open_read_only (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(DnUnit) other = new_unit ("HTQT", "Phòng Hợp tác quốc tế", 0);
  g_autoptr(DnPerson) person = new_person ("Lê", "Thị", "Lan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  dn_test_store_close (&f->store);
  before = dn_test_file_checksum (f->path);

  f->store = dn_store_open (f->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  unit = dn_store_find_unit (f->store, "VP", &error);
  g_assert_no_error (error);
  g_assert_nonnull (unit);

  g_assert_false (dn_store_add_unit (f->store, other, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (dn_store_add_person (f->store, person, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_free (unit->name);
  unit->name = g_strdup ("Văn phòng");
  g_assert_false (dn_store_update_unit (f->store, unit, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* no transaction was left open */
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));

  dn_test_store_close (&f->store);
  after = dn_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
  dn_test_store_reopen (f);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 1);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_PERSON, NULL), ==, 0);
}

/* ---------------------------------------------------------------- units */

static void
test_units_add_get (DnTestStore   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = new_unit ("VP", "Văn phòng Sở", 0);
  g_autoptr(DnUnit) got = NULL;
  g_autoptr(DnUnit) missing = NULL;
  gint64 sgd = dn_test_add_unit (f->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);

  unit->parent_id = sgd;
  unit->kind = DN_UNIT_KIND_DIVISION;
  g_assert_true (dn_store_add_unit (f->store, unit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (unit->id, >, 0);
  g_assert_cmpint (unit->id, !=, sgd);

  got = dn_store_get_unit (f->store, unit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, unit->id);
  g_assert_cmpstr (got->code, ==, "VP");
  g_assert_cmpstr (got->name, ==, "Văn phòng Sở");
  g_assert_cmpint (got->kind, ==, DN_UNIT_KIND_DIVISION);
  g_assert_cmpint (got->parent_id, ==, sgd);
  g_assert_cmpstr (got->parent_code, ==, "SGD");
  g_assert_false (got->archived);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 2);

  missing = dn_store_get_unit (f->store, unit->id + 100, &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_units_find (DnTestStore   *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nfd_code = g_utf8_normalize ("PGD-ĐÔNG", -1, G_NORMALIZE_NFD);
  gint64 id = dn_test_add_unit (f->store, "PGD-ĐÔNG", "Phòng GD&ĐT huyện Đông Hà", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  gint64 vp = dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_autoptr(DnUnit) by_code = dn_store_find_unit (f->store, "VP", &error);
  g_autoptr(DnUnit) by_nfd = NULL;
  g_autoptr(DnUnit) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (by_code->id, ==, vp);
  g_assert_cmpstr (by_code->name, ==, "Văn phòng Sở");

  g_assert_cmpstr (nfd_code, !=, "PGD-ĐÔNG");
  by_nfd = dn_store_find_unit (f->store, nfd_code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_nfd->id, ==, id);

  missing = dn_store_find_unit (f->store, "vp-x", &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_units_update (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Units u;
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(DnUnit) got = NULL;
  g_autoptr(DnUnit) ghost = new_unit ("GHOST", "Không có", 0);

  add_units (f->store, &u);
  unit = dn_store_get_unit (f->store, u.th_ab, &error);
  g_assert_no_error (error);
  g_free (unit->code);
  unit->code = g_strdup ("THCS-AB");
  g_free (unit->name);
  unit->name = g_strdup ("Trường THCS An Bình");
  unit->kind = DN_UNIT_KIND_CENTRE;
  unit->parent_id = u.pgd_cl;
  g_assert_true (dn_store_update_unit (f->store, unit, &error));
  g_assert_no_error (error);

  got = dn_store_get_unit (f->store, u.th_ab, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->code, ==, "THCS-AB");
  g_assert_cmpstr (got->name, ==, "Trường THCS An Bình");
  g_assert_cmpint (got->kind, ==, DN_UNIT_KIND_CENTRE);
  g_assert_cmpint (got->parent_id, ==, u.pgd_cl);
  g_assert_cmpstr (got->parent_code, ==, "PGD-CL");
  g_clear_object (&got);
  got = dn_store_find_unit (f->store, "TH-AB", &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* to the top level */
  unit->parent_id = 0;
  g_assert_true (dn_store_update_unit (f->store, unit, &error));
  g_assert_no_error (error);
  got = dn_store_get_unit (f->store, u.th_ab, &error);
  g_assert_cmpint (got->parent_id, ==, 0);
  g_assert_cmpstr (got->parent_code, ==, "");

  ghost->id = 9999;
  g_assert_false (dn_store_update_unit (f->store, ghost, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_units_archive (DnTestStore   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visible = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(DnUnit) got = NULL;
  g_autofree char *visible_ids = NULL;
  g_autofree char *all_ids = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_all = NULL;
  Units u;

  add_units (f->store, &u);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 9);
  g_assert_true (dn_store_set_unit_archived (f->store, u.pgd_cl, TRUE, &error));
  g_assert_no_error (error);

  got = dn_store_get_unit (f->store, u.pgd_cl, &error);
  g_assert_no_error (error);
  g_assert_true (got->archived);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 8);

  visible = dn_store_list_units (f->store, u.sgd, FALSE, &error);
  g_assert_no_error (error);
  visible_ids = dn_test_ids_of_records (visible);
  expected = DN_TEST_IDS (u.pgd_dh, u.vp);
  g_assert_cmpstr (visible_ids, ==, expected);
  all = dn_store_list_units (f->store, u.sgd, TRUE, &error);
  g_assert_no_error (error);
  all_ids = dn_test_ids_of_records (all);
  expected_all = DN_TEST_IDS (u.pgd_cl, u.pgd_dh, u.vp);
  g_assert_cmpstr (all_ids, ==, expected_all);

  g_assert_true (dn_store_set_unit_archived (f->store, u.pgd_cl, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = dn_store_get_unit (f->store, u.pgd_cl, &error);
  g_assert_false (got->archived);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 9);

  g_assert_false (dn_store_set_unit_archived (f->store, 9999, TRUE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_units_duplicate (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) dup = new_unit ("VP", "Văn phòng khác", 0);
  g_autoptr(DnUnit) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  before = dn_test_row_counts (f->store);

  g_assert_false (dn_store_add_unit (f->store, dup, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  other = dn_store_find_unit (f->store, "HTQT", &error);
  g_assert_no_error (error);
  g_free (other->code);
  other->code = g_strdup ("VP");
  g_assert_false (dn_store_update_unit (f->store, other, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&other);
  other = dn_store_find_unit (f->store, "HTQT", NULL);
  g_assert_nonnull (other);
}

static void
test_units_invalid (DnTestStore   *f,
                    gconstpointer  data)
{
  static const struct { const char *code; const char *name; } cases[] = {
    { "VP", "" },
    { "VP", "   " },
    { "", "Văn phòng Sở" },
    { "V P", "Văn phòng Sở" },
    { " VP", "Văn phòng Sở" },
    { "VP\t", "Văn phòng Sở" },
    { "VP", "Văn phòng \xff Sở" },
    { "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDE", "Mã quá dài" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_row_counts (f->store);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DnUnit) unit = new_unit (cases[i].code, cases[i].name, 0);
      g_autofree char *code = g_strescape (cases[i].code, NULL);
      g_autofree char *name = g_strescape (cases[i].name, NULL);

      g_test_message ("case %u: code \"%s\", name \"%s\"", i, code, name);
      g_assert_false (dn_store_add_unit (f->store, unit, &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* a parent that does not exist */
  {
    g_autoptr(DnUnit) orphan = new_unit ("MO", "Mồ côi", 4242);

    g_assert_false (dn_store_add_unit (f->store, orphan, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == DN_STORE_ERROR);
    g_clear_error (&error);
  }
  /* an unknown kind */
  {
    g_autoptr(DnUnit) odd = new_unit ("ODD", "Lạ", 0);

    odd->kind = DN_UNIT_KIND_N;
    g_assert_false (dn_store_add_unit (f->store, odd, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));

  /* 40 characters are fine, even when they take more bytes */
  dn_test_add_unit (f->store, "ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ", "Dài", DN_UNIT_KIND_CENTRE, 0);
}

static void
test_units_cycle (DnTestStore   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) sgd = NULL;
  g_autoptr(DnUnit) pgd = NULL;
  g_autoptr(DnUnit) school = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Units u;

  add_units (f->store, &u);
  before = dn_test_row_counts (f->store);

  /* the root below a school of its own sub-unit */
  sgd = dn_store_get_unit (f->store, u.sgd, &error);
  sgd->parent_id = u.th_ab;
  g_assert_false (dn_store_update_unit (f->store, sgd, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* below its direct child */
  pgd = dn_store_get_unit (f->store, u.pgd_dh, &error);
  pgd->parent_id = u.th_dh;
  g_assert_false (dn_store_update_unit (f->store, pgd, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* below itself */
  pgd->parent_id = u.pgd_dh;
  g_assert_false (dn_store_update_unit (f->store, pgd, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&pgd);
  pgd = dn_store_get_unit (f->store, u.pgd_dh, &error);
  g_assert_cmpint (pgd->parent_id, ==, u.sgd);

  /* a real move is fine */
  school = dn_store_get_unit (f->store, u.th_ab, &error);
  school->parent_id = u.pgd_cl;
  g_assert_true (dn_store_update_unit (f->store, school, &error));
  g_assert_no_error (error);
}

static void
test_units_sibling_order (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autofree char *names = NULL;
  g_autofree char *root_names = NULL;
  gint64 pgd = dn_test_add_unit (f->store, "PGD", "Phòng GD&ĐT thành phố", DN_UNIT_KIND_DISTRICT_OFFICE, 0);

  dn_test_add_unit (f->store, "TH-AD", "Trường Tiểu học Ánh Dương", DN_UNIT_KIND_SCHOOL, pgd);
  dn_test_add_unit (f->store, "TH-ĐH", "Trường Tiểu học Đông Hà", DN_UNIT_KIND_SCHOOL, pgd);
  dn_test_add_unit (f->store, "TH-AB", "Trường Tiểu học An Bình", DN_UNIT_KIND_SCHOOL, pgd);
  dn_test_add_unit (f->store, "TH-DQ", "Trường Tiểu học Dương Quỳ", DN_UNIT_KIND_SCHOOL, pgd);
  dn_test_add_unit (f->store, "ĐT", "Đoàn thanh niên", DN_UNIT_KIND_EXTERNAL, 0);
  dn_test_add_unit (f->store, "BV", "bệnh viện tỉnh", DN_UNIT_KIND_EXTERNAL, 0);
  dn_test_add_unit (f->store, "DL", "Du lịch", DN_UNIT_KIND_EXTERNAL, 0);

  schools = dn_store_list_units (f->store, pgd, FALSE, &error);
  g_assert_no_error (error);
  names = unit_names (schools);
  g_assert_cmpstr (names, ==,
                   "Trường Tiểu học An Bình|Trường Tiểu học Ánh Dương|"
                   "Trường Tiểu học Dương Quỳ|Trường Tiểu học Đông Hà");
  for (guint i = 0; i < schools->len; i++)
    {
      g_assert_cmpint (((DnUnit *) schools->pdata[i])->parent_id, ==, pgd);
      g_assert_cmpstr (((DnUnit *) schools->pdata[i])->parent_code, ==, "PGD");
    }

  /* the roots: case does not come first (b < D < Đ < P) */
  roots = dn_store_list_units (f->store, 0, FALSE, &error);
  g_assert_no_error (error);
  root_names = unit_names (roots);
  g_assert_cmpstr (root_names, ==, "bệnh viện tỉnh|Du lịch|Đoàn thanh niên|Phòng GD&ĐT thành phố");
}

static void
test_units_tree_order (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tree = NULL;
  GString *s = g_string_new ("");
  g_autofree char *got = NULL;
  Units u;

  add_units (f->store, &u);
  tree = dn_store_list_unit_tree (f->store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tree->len; i++)
    {
      DnUnit *unit = tree->pdata[i];
      g_string_append_printf (s, "%s%u:%s", i > 0 ? " " : "", unit->depth, unit->code);
    }
  got = g_string_free (s, FALSE);
  g_assert_cmpstr (got, ==,
                   "0:CA 0:SGD 1:PGD-CL 2:TH-DQ 1:PGD-ĐH 2:TH-AB 2:TH-AD 2:TH-ĐH 1:VP");
}

static char *
tree_string (DnStore  *store,
             gboolean  include_archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tree = dn_store_list_unit_tree (store, include_archived, &error);
  GString *s = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < tree->len; i++)
    {
      DnUnit *unit = tree->pdata[i];
      g_string_append_printf (s, "%s%u:%s", i > 0 ? " " : "", unit->depth, unit->code);
    }
  return g_string_free (s, FALSE);
}

static void
test_units_archived_hidden (DnTestStore   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) all_schools = NULL;
  g_autofree char *visible = NULL;
  g_autofree char *all = NULL;
  Units u;

  add_units (f->store, &u);
  g_assert_true (dn_store_set_unit_archived (f->store, u.pgd_dh, TRUE, &error));
  g_assert_true (dn_store_set_unit_archived (f->store, u.th_dq, TRUE, &error));
  g_assert_no_error (error);

  /* an archived unit hides its sub-units too */
  visible = tree_string (f->store, FALSE);
  g_assert_cmpstr (visible, ==, "0:CA 0:SGD 1:PGD-CL 1:VP");
  all = tree_string (f->store, TRUE);
  g_assert_cmpstr (all, ==, "0:CA 0:SGD 1:PGD-CL 2:TH-DQ 1:PGD-ĐH 2:TH-AB 2:TH-AD 2:TH-ĐH 1:VP");

  /* list_units filters the archived units themselves */
  schools = dn_store_list_units (f->store, u.pgd_cl, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 0);
  all_schools = dn_store_list_units (f->store, u.pgd_cl, TRUE, &error);
  g_assert_cmpuint (all_schools->len, ==, 1);
  g_assert_true (((DnUnit *) all_schools->pdata[0])->archived);
}

static void
test_units_subtree (DnTestStore   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Units u;

  add_units (f->store, &u);
  {
    g_autoptr(GArray) ids = dn_store_get_unit_subtree (f->store, u.pgd_dh, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, u.pgd_dh);
    assert_ids_set (got, u.pgd_dh, u.th_ab, u.th_ad, u.th_dh);
  }
  {
    g_autoptr(GArray) ids = dn_store_get_unit_subtree (f->store, u.sgd, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    g_assert_no_error (error);
    assert_ids_set (got, u.sgd, u.vp, u.pgd_dh, u.pgd_cl, u.th_ab, u.th_ad, u.th_dh, u.th_dq);
  }
  {
    g_autoptr(GArray) ids = dn_store_get_unit_subtree (f->store, u.th_dq, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, u.th_dq);
  }
  /* archived units still belong to the subtree (their history counts) */
  g_assert_true (dn_store_set_unit_archived (f->store, u.th_ab, TRUE, &error));
  {
    g_autoptr(GArray) ids = dn_store_get_unit_subtree (f->store, u.pgd_dh, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    assert_ids_set (got, u.pgd_dh, u.th_ab, u.th_ad, u.th_dh);
  }
}

/* ---------------------------------------------------------------- people */

static void
test_people_nfc (DnTestStore   *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *family = g_utf8_normalize ("Nguyễn", -1, G_NORMALIZE_NFD);
  g_autofree char *given = g_utf8_normalize ("Đức", -1, G_NORMALIZE_NFD);
  g_autofree char *position = g_utf8_normalize ("Phó Trưởng phòng", -1, G_NORMALIZE_NFD);
  g_autoptr(DnPerson) person = new_person (family, "Văn", given);
  g_autoptr(DnPerson) got = NULL;
  g_autofree char *raw_family = NULL;
  g_autofree char *raw_given = NULL;
  g_autofree char *raw_position = NULL;

  g_assert_cmpstr (family, !=, "Nguyễn");
  g_free (person->position);
  person->position = g_strdup (position);
  g_assert_true (dn_store_add_person (f->store, person, &error));
  g_assert_no_error (error);

  raw_family = dn_test_query_text (f->store, "SELECT family_name FROM person WHERE id = %" G_GINT64_FORMAT, person->id);
  raw_given = dn_test_query_text (f->store, "SELECT given_name FROM person WHERE id = %" G_GINT64_FORMAT, person->id);
  raw_position = dn_test_query_text (f->store, "SELECT position FROM person WHERE id = %" G_GINT64_FORMAT, person->id);
  g_assert_cmpstr (raw_family, ==, "Nguy\xe1\xbb\x85n");   /* precomposed U+1EC5 */
  g_assert_cmpstr (raw_given, ==, "\xc4\x90\xe1\xbb\xa9" "c");  /* U+0110 U+1EE9 */
  g_assert_cmpstr (raw_position, ==, "Phó Trưởng phòng");

  got = dn_store_get_person (f->store, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->family_name, ==, "Nguyễn");
  g_assert_cmpstr (got->middle_name, ==, "Văn");
  g_assert_cmpstr (got->given_name, ==, "Đức");
  {
    g_autofree char *full = dn_person_dup_full_name (got);
    g_assert_cmpstr (full, ==, "Nguyễn Văn Đức");
  }

  /* updates are normalised too */
  g_free (got->given_name);
  got->given_name = g_utf8_normalize ("Dũng", -1, G_NORMALIZE_NFD);
  g_assert_true (dn_store_update_person (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&raw_given, g_free);
  raw_given = dn_test_query_text (f->store, "SELECT given_name FROM person WHERE id = %" G_GINT64_FORMAT, person->id);
  g_assert_cmpstr (raw_given, ==, "D\xc5\xa9ng");  /* U+0169 */
}

/* Given name, middle name, family name; two namesakes. */
static const char * const people_in_order[][3] = {
  { "Nguyễn", "Văn", "An" },
  { "Nguyễn", "Văn", "An" },
  { "Trần", "Thị", "Ánh" },
  { "Phạm", "Thị", "Bình" },
  { "Hoàng", "Văn", "Bình" },
  { "Lê", "Văn", "Bình" },
  { "Đinh", "Thị", "Dung" },
  { "Đỗ", "Thị", "Dung" },
  { "Vũ", "Đức", "Dũng" },
  { "Bùi", "Thị", "Đào" },
  { "Trịnh", "Văn", "Hà" },
  { "Ngô", "Quang", "Hải" },
  { "Lê", "", "Long" },
  { "Mai", "Anh", "Tuấn" },
};
/* the order they are added in */
static const guint people_added[] = { 9, 4, 12, 0, 7, 2, 13, 5, 10, 3, 1, 8, 11, 6 };
G_STATIC_ASSERT (G_N_ELEMENTS (people_added) == G_N_ELEMENTS (people_in_order));

static char *
people_names (GPtrArray *people)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *name = dn_person_dup_full_name (people->pdata[i]);
      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", name);
    }
  return g_string_free (s, FALSE);
}

static void
test_people_order_paging (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) beyond = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *expected = g_string_new ("");
  g_autofree char *expected_names = NULL;
  g_autofree char *names = NULL;
  g_autofree char *all_ids = NULL;
  g_autofree char *page_ids = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people_added); i++)
    {
      const char * const *p = people_in_order[people_added[i]];
      dn_test_add_person (f->store, p[0], p[1], p[2], 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (people_in_order); i++)
    {
      const char * const *p = people_in_order[i];
      if (*p[1] != '\0')
        g_string_append_printf (expected, "%s%s %s %s", i > 0 ? "|" : "", p[0], p[1], p[2]);
      else
        g_string_append_printf (expected, "%s%s %s", i > 0 ? "|" : "", p[0], p[2]);
    }
  expected_names = g_string_free (expected, FALSE);

  all = dn_store_list_people (f->store, 0, NULL, 100, &error);
  g_assert_no_error (error);
  names = people_names (all);
  g_assert_cmpstr (names, ==, expected_names);

  /* pages of 4 by key (and a last, shorter one) give the same list */
  for (guint offset = 0; offset < all->len + 4; offset += 4)
    {
      DnPerson *last = pages->len > 0 ? pages->pdata[pages->len - 1] : NULL;
      g_autoptr(GPtrArray) page = dn_store_list_people (f->store, 0, last, 4, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (4, all->len > offset ? all->len - offset : 0));
      for (guint i = 0; i < page->len; i++)
        {
          DnPerson *person = page->pdata[i];
          g_assert_false (g_hash_table_contains (seen, &person->id));
          g_hash_table_add (seen, &person->id);
          g_ptr_array_add (pages, g_object_ref (person));
        }
    }
  all_ids = dn_test_ids_of_records (all);
  page_ids = dn_test_ids_of_records (pages);
  g_assert_cmpstr (page_ids, ==, all_ids);

  /* after the last one: nothing */
  beyond = dn_store_list_people (f->store, 0, all->pdata[all->len - 1], 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beyond->len, ==, 0);

  /* the key is the person's own: a page after someone deleted meanwhile
   * goes on where that person stood */
  {
    DnPerson *third = all->pdata[2];
    g_autoptr(GPtrArray) rest = NULL;
    g_autoptr(GPtrArray) tail = g_ptr_array_new ();
    g_autofree char *rest_ids = NULL;
    g_autofree char *tail_ids = NULL;

    g_assert_true (dn_store_delete_person (f->store, third->id, &error));
    g_assert_no_error (error);
    rest = dn_store_list_people (f->store, 0, third, 100, &error);
    g_assert_no_error (error);
    for (guint i = 3; i < all->len; i++)
      g_ptr_array_add (tail, all->pdata[i]);
    rest_ids = dn_test_ids_of_records (rest);
    tail_ids = dn_test_ids_of_records (tail);
    g_assert_cmpstr (rest_ids, ==, tail_ids);
  }
}

static void
test_people_by_unit (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vp = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autofree char *vp_names = NULL;
  gint64 unit_vp = dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  gint64 unit_qt = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 unit_empty = dn_test_add_unit (f->store, "TTr", "Thanh tra Sở", DN_UNIT_KIND_DIVISION, 0);

  dn_test_add_person (f->store, "Trần", "Văn", "Cường", unit_vp);
  dn_test_add_person (f->store, "Lê", "Thị", "Bích", unit_qt);
  dn_test_add_person (f->store, "Phạm", "Minh", "An", unit_vp);
  dn_test_add_person (f->store, "Hồ", "", "Xuân", 0);
  dn_test_add_person (f->store, "Võ", "Thị", "Bích", unit_vp);

  vp = dn_store_list_people (f->store, unit_vp, NULL, 100, &error);
  g_assert_no_error (error);
  vp_names = people_names (vp);
  g_assert_cmpstr (vp_names, ==, "Phạm Minh An|Võ Thị Bích|Trần Văn Cường");
  for (guint i = 0; i < vp->len; i++)
    {
      g_assert_cmpint (((DnPerson *) vp->pdata[i])->unit_id, ==, unit_vp);
      g_assert_cmpstr (((DnPerson *) vp->pdata[i])->unit_code, ==, "VP");
    }
  other = dn_store_list_people (f->store, unit_empty, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 0);
  everyone = dn_store_list_people (f->store, 0, NULL, 100, &error);
  g_assert_cmpuint (everyone->len, ==, 5);
  {
    g_autoptr(GPtrArray) page = dn_store_list_people (f->store, unit_vp, vp->pdata[0], 1, &error);
    g_autofree char *page_names = people_names (page);
    g_assert_cmpstr (page_names, ==, "Võ Thị Bích");
  }
}

static void
test_people_invalid (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_row_counts (f->store);
  g_autofree char *after = NULL;
  const GDate bad_dates[] = { dn_test_date (1899, 12, 31), dn_test_date (2201, 1, 1), dn_test_date (1, 1, 1) };

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(DnPerson) person = new_person ("Lê", "Văn", "Tám");

      person->birth_date = bad_dates[i];
      g_assert_false (dn_store_add_person (f->store, person, &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr(DnPerson) person = new_person ("Lê", "Văn", "T\xe1m");   /* Latin-1, not UTF-8 */

    g_assert_false (dn_store_add_person (f->store, person, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(DnPerson) person = new_person ("L\xc3", "Văn", "Tám");   /* truncated sequence */

    g_assert_false (dn_store_add_person (f->store, person, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(DnPerson) person = new_person ("", "Văn", "Tám");

    g_assert_false (dn_store_add_person (f->store, person, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(DnPerson) person = new_person ("Lê", "Văn", "");

    g_assert_false (dn_store_add_person (f->store, person, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);

  /* the limits themselves are fine */
  {
    g_autoptr(DnPerson) person = new_person ("Lê", "Văn", "Tám");
    g_autoptr(DnPerson) got = NULL;

    person->birth_date = dn_test_date (1900, 1, 1);
    g_assert_true (dn_store_add_person (f->store, person, &error));
    g_assert_no_error (error);
    got = dn_store_get_person (f->store, person->id, &error);
    assert_date (&got->birth_date, 1900, 1, 1);
    g_clear_object (&got);

    /* an update with a bad date is refused and changes nothing */
    person->birth_date = dn_test_date (2201, 1, 1);
    g_assert_false (dn_store_update_person (f->store, person, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    got = dn_store_get_person (f->store, person->id, &error);
    assert_date (&got->birth_date, 1900, 1, 1);
  }
}

/* ---------------------------------------------------------------- documents */

static void
test_documents_crud (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) doc = dn_document_new ();
  g_autoptr(DnDocument) got = NULL;

  doc->direction = DN_DIRECTION_OUTGOING;
  doc->type = DN_DOCUMENT_TYPE_DECISION;
  g_free (doc->number);
  doc->number = g_strdup ("14");
  g_free (doc->symbol);
  doc->symbol = g_strdup ("QĐ/SGD&ĐT-VP");
  doc->issue_date = dn_test_date (2024, 3, 15);
  g_free (doc->issuer);
  doc->issuer = g_strdup ("Sở Giáo dục và Đào tạo");
  g_free (doc->subject);
  doc->subject = g_strdup ("Cử cán bộ đi công tác Nhật Bản");
  g_free (doc->signer);
  doc->signer = g_strdup ("Nguyễn Văn Đức");
  g_free (doc->recipients);
  doc->recipients = g_strdup ("Như Điều 3;\nLưu: VT, HTQT.");
  doc->classification = DN_CLASSIFICATION_CONFIDENTIAL;
  doc->arrival_number = 0;
  g_assert_true (dn_store_add_document (f->store, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (doc->id, >, 0);

  got = dn_store_get_document (f->store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->direction, ==, DN_DIRECTION_OUTGOING);
  g_assert_cmpint (got->type, ==, DN_DOCUMENT_TYPE_DECISION);
  g_assert_cmpstr (got->number, ==, "14");
  g_assert_cmpstr (got->symbol, ==, "QĐ/SGD&ĐT-VP");
  assert_date (&got->issue_date, 2024, 3, 15);
  g_assert_cmpstr (got->issuer, ==, "Sở Giáo dục và Đào tạo");
  g_assert_cmpstr (got->subject, ==, "Cử cán bộ đi công tác Nhật Bản");
  g_assert_cmpstr (got->signer, ==, "Nguyễn Văn Đức");
  g_assert_cmpstr (got->recipients, ==, "Như Điều 3;\nLưu: VT, HTQT.");
  g_assert_cmpint (got->classification, ==, DN_CLASSIFICATION_CONFIDENTIAL);
  g_assert_cmpint (got->arrival_number, ==, 0);
  g_assert_false (g_date_valid (&got->arrival_date));

  /* update: an incoming copy with its arrival number */
  got->direction = DN_DIRECTION_INCOMING;
  got->arrival_number = 125;
  got->arrival_date = dn_test_date (2024, 3, 18);
  g_free (got->subject);
  got->subject = g_strdup ("Cử cán bộ đi công tác Hàn Quốc");
  g_assert_true (dn_store_update_document (f->store, got, &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = dn_store_get_document (f->store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->direction, ==, DN_DIRECTION_INCOMING);
  g_assert_cmpint (got->arrival_number, ==, 125);
  assert_date (&got->arrival_date, 2024, 3, 18);
  g_assert_cmpstr (got->subject, ==, "Cử cán bộ đi công tác Hàn Quốc");

  /* an empty subject is refused */
  g_free (got->subject);
  got->subject = g_strdup ("");
  g_assert_false (dn_store_update_document (f->store, got, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_DOCUMENT, NULL), ==, 1);
  g_assert_true (dn_store_delete_document (f->store, doc->id, &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = dn_store_get_document (f->store, doc->id, &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_DOCUMENT, NULL), ==, 0);
}

static void
test_documents_reference (void)
{
  g_autoptr(DnDocument) doc = dn_document_new ();
  g_autofree char *both = NULL;
  g_autofree char *number_only = NULL;
  g_autofree char *symbol_only = NULL;
  g_autofree char *none = NULL;

  g_free (doc->number);
  doc->number = g_strdup ("14");
  g_free (doc->symbol);
  doc->symbol = g_strdup ("QĐ/SGD&ĐT-VP");
  both = dn_document_dup_reference (doc);
  g_assert_cmpstr (both, ==, "14/QĐ/SGD&ĐT-VP");

  g_free (doc->symbol);
  doc->symbol = g_strdup ("");
  number_only = dn_document_dup_reference (doc);
  g_assert_cmpstr (number_only, ==, "14");

  g_free (doc->number);
  doc->number = g_strdup ("");
  g_free (doc->symbol);
  doc->symbol = g_strdup ("KH-SGDĐT");
  symbol_only = dn_document_dup_reference (doc);
  g_assert_cmpstr (symbol_only, ==, "KH-SGDĐT");

  g_free (doc->symbol);
  doc->symbol = g_strdup ("");
  none = dn_document_dup_reference (doc);
  g_assert_cmpstr (none, ==, "");
}

static void
test_documents_list_order (DnTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *paged = NULL;
  GDate d1 = dn_test_date (2024, 1, 5);
  GDate d2 = dn_test_date (2024, 3, 1);
  GDate d3 = dn_test_date (2023, 12, 31);
  gint64 a = dn_test_add_document (f->store, "1", "KH-SGDĐT", "Kế hoạch năm", &d1);
  gint64 b = dn_test_add_document (f->store, "2", "CV-SGDĐT", "Công văn tháng ba", &d2);
  gint64 c = dn_test_add_document (f->store, "3", "TB-SGDĐT", "Thông báo cuối năm", &d3);
  gint64 d = dn_test_add_document (f->store, "", "", "Không ngày", NULL);
  gint64 e = dn_test_add_document (f->store, "4", "BC-SGDĐT", "Báo cáo cùng ngày", &d2);

  all = dn_store_list_documents (f->store, NULL, 100, &error);
  g_assert_no_error (error);
  got = dn_test_ids_of_records (all);
  /* newest first; the same day: the later record first; undated last */
  expected = DN_TEST_IDS (e, b, a, c, d);
  g_assert_cmpstr (got, ==, expected);

  for (guint offset = 0; offset < 6; offset += 2)
    {
      DnDocument *last = pages->len > 0 ? pages->pdata[pages->len - 1] : NULL;
      g_autoptr(GPtrArray) page = dn_store_list_documents (f->store, last, 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 2);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (pages, g_object_ref (page->pdata[i]));
    }
  paged = dn_test_ids_of_records (pages);
  g_assert_cmpstr (paged, ==, expected);
}

static GFile *
write_source (DnTestStore *f,
              const char  *name,
              const char  *content)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  dn_test_write_file (path, content, -1);
  return g_file_new_for_path (path);
}

static void
test_attachments_copy (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char content[] = "%PDF-1.4\nKế hoạch đón đoàn\n%%EOF\n";
  g_autoptr(GFile) source = write_source (f, "ke-hoach.pdf", content);
  g_autoptr(DnAttachment) att = NULL;
  g_autoptr(DnAttachment) got = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autofree char *prefix = g_strndup (sha, 2);
  g_autofree char *expected_path = g_build_filename (dn_store_get_data_dir (f->store), "attachments", prefix, sha, NULL);
  g_autofree char *stored_path = NULL;
  g_autofree char *copy = NULL;
  gsize length = 0;

  att = dn_store_add_attachment (f->store, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (att);
  g_assert_cmpint (att->id, >, 0);
  g_assert_cmpstr (att->sha256, ==, sha);
  g_assert_cmpint (att->size, ==, (gint64) strlen (content));
  g_assert_cmpstr (att->file_name, ==, "ke-hoach.pdf");
  g_assert_cmpstr (att->mime_type, !=, "");

  stored = dn_store_get_attachment_file (f->store, att);
  stored_path = g_file_get_path (stored);
  g_assert_cmpstr (stored_path, ==, expected_path);
  g_assert_true (g_file_get_contents (expected_path, &copy, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (copy, length, content, strlen (content));

  got = dn_store_get_attachment (f->store, att->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->sha256, ==, sha);
  g_assert_cmpstr (got->file_name, ==, "ke-hoach.pdf");
  g_assert_cmpint (got->size, ==, att->size);
  g_assert_cmpstr (got->mime_type, ==, att->mime_type);
  g_clear_object (&got);

  got = dn_store_get_attachment (f->store, att->id + 1, &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
}

static void
test_attachments_dedup (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = write_source (f, "bao-cao.docx", "nội dung báo cáo");
  g_autoptr(GFile) renamed = write_source (f, "bản sao.docx", "nội dung báo cáo");
  g_autoptr(GFile) different = write_source (f, "khac.docx", "nội dung khác");
  g_autoptr(DnAttachment) first = NULL;
  g_autoptr(DnAttachment) again = NULL;
  g_autoptr(DnAttachment) copy = NULL;
  g_autoptr(DnAttachment) other = NULL;
  g_autofree char *folder = g_build_filename (dn_store_get_data_dir (f->store), "attachments", NULL);

  first = dn_store_add_attachment (f->store, source, NULL, &error);
  g_assert_no_error (error);
  again = dn_store_add_attachment (f->store, source, NULL, &error);
  g_assert_no_error (error);
  copy = dn_store_add_attachment (f->store, renamed, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (again->id, ==, first->id);
  g_assert_cmpint (copy->id, ==, first->id);
  g_assert_cmpstr (copy->sha256, ==, first->sha256);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 1);

  other = dn_store_add_attachment (f->store, different, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other->id, !=, first->id);
  g_assert_cmpstr (other->sha256, !=, first->sha256);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 2);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 2);
}

static void
test_attachments_unreadable (DnTestStore   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_path = g_build_filename (f->dir, "khong-co.pdf", NULL);
  g_autofree char *folder_path = g_build_filename (f->dir, "thu-muc", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *attachments = g_build_filename (dn_store_get_data_dir (f->store), "attachments", NULL);
  g_autofree char *before = dn_test_row_counts (f->store);
  g_autofree char *after = NULL;
  DnAttachment *att;

  att = dn_store_add_attachment (f->store, missing, NULL, &error);
  g_assert_null (att);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  att = dn_store_add_attachment (f->store, folder, NULL, &error);
  g_assert_null (att);
  g_assert_nonnull (error);
  g_clear_error (&error);

#ifdef G_OS_UNIX
  if (geteuid () != 0)
    {
      g_autoptr(GFile) locked = write_source (f, "bi-khoa.pdf", "bí mật");
      g_autofree char *locked_path = g_file_get_path (locked);

      g_assert_cmpint (g_chmod (locked_path, 0), ==, 0);
      att = dn_store_add_attachment (f->store, locked, NULL, &error);
      g_assert_null (att);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  else
    g_test_message ("running as root: a file without read permission is still readable, not tested");
#endif

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (dn_test_count_files (attachments), ==, 0);
}

static void
test_attachments_attach (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) plan = write_source (f, "ke-hoach.pdf", "kế hoạch");
  g_autoptr(GFile) list = write_source (f, "danh-sach.xlsx", "danh sách");
  g_autoptr(DnAttachment) a = NULL;
  g_autoptr(DnAttachment) b = NULL;
  g_autoptr(GPtrArray) attached = NULL;
  g_autoptr(GPtrArray) other_list = NULL;
  GDate date = dn_test_date (2024, 4, 1);
  gint64 doc = dn_test_add_document (f->store, "15", "KH-SGDĐT", "Kế hoạch đón đoàn", &date);
  gint64 other = dn_test_add_document (f->store, "16", "KH-SGDĐT", "Kế hoạch khác", &date);

  a = dn_store_add_attachment (f->store, plan, NULL, &error);
  g_assert_no_error (error);
  b = dn_store_add_attachment (f->store, list, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (dn_store_attach_to_document (f->store, doc, b->id, "Danh sách đoàn.xlsx", &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_attach_to_document (f->store, doc, a->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_attach_to_document (f->store, other, a->id, "Phụ lục.pdf", &error));
  g_assert_no_error (error);

  attached = dn_store_list_document_attachments (f->store, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attached->len, ==, 2);
  g_assert_cmpint (((DnAttachment *) attached->pdata[0])->id, ==, b->id);
  g_assert_cmpstr (((DnAttachment *) attached->pdata[0])->file_name, ==, "Danh sách đoàn.xlsx");
  g_assert_cmpstr (((DnAttachment *) attached->pdata[0])->sha256, ==, b->sha256);
  g_assert_cmpint (((DnAttachment *) attached->pdata[1])->id, ==, a->id);
  g_assert_cmpstr (((DnAttachment *) attached->pdata[1])->file_name, ==, "ke-hoach.pdf");
  g_clear_pointer (&attached, g_ptr_array_unref);

  /* attaching again renames, it does not duplicate */
  g_assert_true (dn_store_attach_to_document (f->store, doc, b->id, "Danh sách.xlsx", &error));
  g_assert_no_error (error);
  attached = dn_store_list_document_attachments (f->store, doc, &error);
  g_assert_cmpuint (attached->len, ==, 2);
  g_assert_cmpstr (((DnAttachment *) attached->pdata[0])->file_name, ==, "Danh sách.xlsx");
  g_clear_pointer (&attached, g_ptr_array_unref);

  /* an attachment that does not exist */
  g_assert_false (dn_store_attach_to_document (f->store, doc, b->id + 100, "x.pdf", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* deleting the document removes its links, not the shared file */
  g_assert_true (dn_store_delete_document (f->store, doc, &error));
  g_assert_no_error (error);
  attached = dn_store_list_document_attachments (f->store, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attached->len, ==, 0);
  other_list = dn_store_list_document_attachments (f->store, other, &error);
  g_assert_cmpuint (other_list->len, ==, 1);
  g_assert_cmpstr (((DnAttachment *) other_list->pdata[0])->file_name, ==, "Phụ lục.pdf");
  /* the file only the deleted document showed leaves the store (its copy
   * stays in the data folder, for the backups that still name it) */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT id FROM attachment"), ==, a->id);
}

/* ---------------------------------------------------------------- tasks */

static void
test_tasks_add (DnTestStore   *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nfd_title = g_utf8_normalize ("Báo cáo công tác đối ngoại quý II", -1, G_NORMALIZE_NFD);
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTask) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *supports = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  Units u;

  add_units (f->store, &u);
  task = new_task (nfd_title, u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_cl));
  g_free (task->section);
  task->section = g_strdup ("II.3");
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (task->id, >, 0);

  /* one assignment per unit, the lead first, all with the task's deadline */
  roles = assignments_string (f->store, task->id);
  g_assert_cmpstr (roles, ==, "lead:PGD-ĐH support:PGD-CL support:VP");
  list = dn_store_list_assignments (f->store, task->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DnAssignment *a = list->pdata[i];

      g_assert_cmpint (a->task_id, ==, task->id);
      assert_date (&a->due_date, 2024, 6, 30);
      g_assert_cmpint (a->status, ==, DN_STATUS_OPEN);
      g_assert_cmpuint (a->n_extensions, ==, 0);
      g_assert_cmpstr (a->reply_reference, ==, "");
    }
  g_assert_cmpint (dn_test_query_int (f->store,
                                      "SELECT count(*) FROM assignment WHERE role = 'lead' AND task_id = %" G_GINT64_FORMAT,
                                      task->id), ==, 1);

  got = dn_test_get_task (f->store, task->id);
  g_assert_cmpstr (got->title, ==, "Báo cáo công tác đối ngoại quý II");
  g_assert_cmpstr (got->section, ==, "II.3");
  assert_date (&got->due_date, 2024, 6, 30);
  g_assert_cmpint (got->status, ==, DN_STATUS_OPEN);
  g_assert_cmpint (got->recurrence, ==, DN_RECURRENCE_NONE);
  g_assert_cmpint (got->lead_unit_id, ==, u.pgd_dh);
  g_assert_cmpstr (got->lead_unit_code, ==, "PGD-ĐH");
  g_assert_cmpstr (got->lead_unit_name, ==, "Phòng GD&ĐT huyện Đông Hà");
  supports = dn_test_ids_of_array (got->support_unit_ids);
  assert_ids_set (supports, u.vp, u.pgd_cl);
  g_assert_cmpstr (got->support_unit_codes, ==, "PGD-CL, VP");
  g_assert_cmpstr (got->support_unit_names, ==, "Phòng GD&ĐT huyện Cam Lộ, Văn phòng Sở");
  g_assert_cmpint (got->parent_id, ==, 0);
  g_assert_cmpint (got->document_id, ==, 0);
  g_assert_cmpstr (got->document_label, ==, "");
  g_assert_cmpuint (got->n_children, ==, 0);
  g_assert_cmpint (got->progress, ==, 0);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 1);
}

/* A read task names its supporting units in Vietnamese order (D before Đ,
 * A before Á), their codes in the same order. */
static void
test_tasks_support_names (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTask) got = NULL;
  g_autoptr(DnTask) alone = NULL;
  g_autoptr(DnTask) got_alone = NULL;
  Units u;

  add_units (f->store, &u);
  task = new_task ("Tổng hợp báo cáo", u.pgd_cl, NULL, DN_TEST_UNITS (u.vp, u.th_dh, u.th_dq, u.th_ad, u.th_ab));
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
  got = dn_test_get_task (f->store, task->id);
  g_assert_cmpstr (got->support_unit_names, ==,
                   "Trường Tiểu học An Bình, Trường Tiểu học Ánh Dương, Trường Tiểu học Dương Quỳ, "
                   "Trường Tiểu học Đông Hà, Văn phòng Sở");
  g_assert_cmpstr (got->support_unit_codes, ==, "TH-AB, TH-AD, TH-DQ, TH-ĐH, VP");

  /* none: both empty */
  alone = new_task ("Việc riêng", u.pgd_cl, NULL, NULL);
  g_assert_true (dn_store_add_task (f->store, alone, &error));
  g_assert_no_error (error);
  got_alone = dn_test_get_task (f->store, alone->id);
  g_assert_cmpstr (got_alone->support_unit_names, ==, "");
  g_assert_cmpstr (got_alone->support_unit_codes, ==, "");
}

/* @task must be refused as INVALID, with nothing written. */
static void
assert_task_refused (DnTestStore *f,
                     DnTask      *task,
                     const char  *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_row_counts (f->store);
  g_autofree char *after = NULL;

  g_test_message ("refused: %s", what);
  g_assert_false (dn_store_add_task (f->store, task, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (task->id, ==, 0);
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
}

static void
test_tasks_invalid (DnTestStore   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate issued = dn_test_date (2024, 5, 10);
  GDate due = dn_test_date (2024, 6, 30);
  GDate early = dn_test_date (2024, 5, 9);
  gint64 doc;
  Units u;

  add_units (f->store, &u);
  doc = dn_test_add_document (f->store, "20", "KH-SGDĐT", "Kế hoạch hợp tác", &issued);
  g_assert_true (dn_store_set_unit_archived (f->store, u.ca, TRUE, &error));
  g_assert_no_error (error);

  {
    g_autoptr(DnTask) task = new_task ("", u.pgd_dh, &due, NULL);
    assert_task_refused (f, task, "no title");
  }
  {
    g_autoptr(DnTask) task = new_task ("   ", u.pgd_dh, &due, NULL);
    assert_task_refused (f, task, "a blank title");
  }
  {
    g_autoptr(DnTask) task = new_task ("B\xe1o c\xe1o", u.pgd_dh, &due, NULL);
    assert_task_refused (f, task, "a title that is not UTF-8");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", 0, &due, DN_TEST_UNITS (u.vp));
    assert_task_refused (f, task, "no lead unit");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.ca, &due, NULL);
    assert_task_refused (f, task, "an archived lead unit");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", 4242, &due, NULL);
    assert_task_refused (f, task, "a lead unit that does not exist");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_dh));
    assert_task_refused (f, task, "the lead unit also supports");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_cl, u.vp));
    assert_task_refused (f, task, "a supporting unit twice");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.ca));
    assert_task_refused (f, task, "an archived supporting unit");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (4242));
    assert_task_refused (f, task, "a supporting unit that does not exist");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &early, NULL);
    task->document_id = doc;
    assert_task_refused (f, task, "due before the source document was issued");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &due, NULL);
    task->document_id = 4242;
    assert_task_refused (f, task, "a source document that does not exist");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo quý", u.pgd_dh, NULL, NULL);
    task->recurrence = DN_RECURRENCE_QUARTERLY;
    assert_task_refused (f, task, "recurring without a due date");
  }
  {
    GDate far = dn_test_date (2201, 1, 1);
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &far, NULL);
    assert_task_refused (f, task, "a due date after 2200");
  }
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &due, NULL);
    task->parent_id = 4242;
    assert_task_refused (f, task, "a parent task that does not exist");
  }

  /* due on the very day the document was issued is fine */
  {
    g_autoptr(DnTask) task = new_task ("Báo cáo", u.pgd_dh, &issued, NULL);

    task->document_id = doc;
    g_assert_true (dn_store_add_task (f->store, task, &error));
    g_assert_no_error (error);
  }
}

static void
test_tasks_update_assignments (DnTestStore   *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnAssignment) kept = NULL;
  g_autoptr(DnAssignment) kept_after = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;
  g_autofree char *step4 = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Tổng hợp báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_cl));

  /* the Cam Lộ office has already answered */
  kept = find_assignment (f->store, id, u.pgd_cl);
  kept->status = DN_STATUS_DONE;
  g_free (kept->reply_reference);
  kept->reply_reference = g_strdup ("12/BC-PGDĐT");
  g_assert_true (dn_store_update_assignment (f->store, kept, &error));
  g_assert_no_error (error);

  /* 1. VP no longer supports, the police do */
  task = dn_test_get_task (f->store, id);
  set_supports (task, DN_TEST_UNITS (u.pgd_cl, u.ca));
  g_free (task->title);
  task->title = g_strdup ("Tổng hợp báo cáo năm");
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  step1 = assignments_string (f->store, id);
  g_assert_cmpstr (step1, ==, "lead:PGD-ĐH support:CA support:PGD-CL");
  kept_after = find_assignment (f->store, id, u.pgd_cl);
  g_assert_cmpint (kept_after->id, ==, kept->id);
  g_assert_cmpint (kept_after->status, ==, DN_STATUS_DONE);
  g_assert_cmpstr (kept_after->reply_reference, ==, "12/BC-PGDĐT");
  g_clear_object (&task);
  task = dn_test_get_task (f->store, id);
  g_assert_cmpstr (task->title, ==, "Tổng hợp báo cáo năm");

  /* 2. another lead unit */
  task->lead_unit_id = u.vp;
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  step2 = assignments_string (f->store, id);
  g_assert_cmpstr (step2, ==, "lead:VP support:CA support:PGD-CL");

  /* 3. the lead and a supporting unit swap */
  g_clear_object (&task);
  task = dn_test_get_task (f->store, id);
  task->lead_unit_id = u.pgd_cl;
  set_supports (task, DN_TEST_UNITS (u.ca, u.vp));
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  step3 = assignments_string (f->store, id);
  g_assert_cmpstr (step3, ==, "lead:PGD-CL support:CA support:VP");
  g_clear_object (&task);
  task = dn_test_get_task (f->store, id);
  g_assert_cmpint (task->lead_unit_id, ==, u.pgd_cl);
  g_assert_cmpstr (task->support_unit_codes, ==, "CA, VP");

  /* 4. no supporting unit left */
  set_supports (task, NULL);
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  step4 = assignments_string (f->store, id);
  g_assert_cmpstr (step4, ==, "lead:PGD-CL");

  /* a refused update changes nothing */
  set_supports (task, DN_TEST_UNITS (u.pgd_cl));
  g_assert_false (dn_store_update_task (f->store, task, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&step4, g_free);
  step4 = assignments_string (f->store, id);
  g_assert_cmpstr (step4, ==, "lead:PGD-CL");

  /* a task that does not exist */
  task->id = 4242;
  set_supports (task, NULL);
  g_assert_false (dn_store_update_task (f->store, task, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_tasks_update_keeps_extension (DnTestStore   *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnAssignment) vp = NULL;
  g_autoptr(DnAssignment) cl = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  GDate extended = dn_test_date (2024, 7, 15);
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Báo cáo sơ kết", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_cl));
  vp = find_assignment (f->store, id, u.vp);
  g_assert_true (dn_store_extend_assignment (f->store, vp->id, &extended, "Chờ số liệu của các trường", &error));
  g_assert_no_error (error);

  task = dn_test_get_task (f->store, id);
  task->due_date = dn_test_date (2024, 7, 31);
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DnAssignment) lead = find_assignment (f->store, id, u.pgd_dh);
    g_autoptr(DnAssignment) a_vp = find_assignment (f->store, id, u.vp);
    g_autoptr(DnAssignment) a_cl = find_assignment (f->store, id, u.pgd_cl);

    assert_date (&lead->due_date, 2024, 7, 31);
    assert_date (&a_cl->due_date, 2024, 7, 31);
    assert_date (&a_vp->due_date, 2024, 7, 15);   /* extended: keeps its own */
  }

  /* a deadline set by hand on one assignment is kept too */
  cl = find_assignment (f->store, id, u.pgd_cl);
  cl->due_date = dn_test_date (2024, 8, 15);
  g_assert_true (dn_store_update_assignment (f->store, cl, &error));
  g_assert_no_error (error);
  task->due_date = dn_test_date (2024, 9, 30);
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DnAssignment) lead = find_assignment (f->store, id, u.pgd_dh);
    g_autoptr(DnAssignment) a_vp = find_assignment (f->store, id, u.vp);
    g_autoptr(DnAssignment) a_cl = find_assignment (f->store, id, u.pgd_cl);

    assert_date (&lead->due_date, 2024, 9, 30);
    assert_date (&a_cl->due_date, 2024, 8, 15);
    assert_date (&a_vp->due_date, 2024, 7, 15);
  }

  /* no deadline any more */
  task->due_date = dn_test_no_date ();
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DnAssignment) lead = find_assignment (f->store, id, u.pgd_dh);
    g_autoptr(DnTask) got = dn_test_get_task (f->store, id);

    g_assert_false (g_date_valid (&lead->due_date));
    g_assert_false (g_date_valid (&got->due_date));
  }
}

static void
test_tasks_update_archived_units (DnTestStore   *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autofree char *roles = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Báo cáo năm học", u.th_ab, &due, DN_TEST_UNITS (u.th_ad));
  /* the schools merged afterwards */
  g_assert_true (dn_store_set_unit_archived (f->store, u.th_ab, TRUE, &error));
  g_assert_true (dn_store_set_unit_archived (f->store, u.th_ad, TRUE, &error));
  g_assert_true (dn_store_set_unit_archived (f->store, u.th_dh, TRUE, &error));
  g_assert_no_error (error);

  /* the old task can still be edited: its units are kept, not newly given it */
  task = dn_test_get_task (f->store, id);
  g_free (task->title);
  task->title = g_strdup ("Báo cáo năm học 2023-2024");
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  task = dn_test_get_task (f->store, id);
  g_assert_cmpstr (task->title, ==, "Báo cáo năm học 2023-2024");

  /* an archived unit cannot be added to it, though, as lead or support */
  set_supports (task, DN_TEST_UNITS (u.th_ad, u.th_dh));
  g_assert_false (dn_store_update_task (f->store, task, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  set_supports (task, DN_TEST_UNITS (u.th_ad));
  task->lead_unit_id = u.th_dh;
  g_assert_false (dn_store_update_task (f->store, task, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  roles = assignments_string (f->store, id);
  g_assert_cmpstr (roles, ==, "lead:TH-AB support:TH-AD");

  /* the archived support may be swapped in as lead: it already has the task */
  task->lead_unit_id = u.th_ad;
  set_supports (task, DN_TEST_UNITS (u.vp));
  g_assert_true (dn_store_update_task (f->store, task, &error));
  g_assert_no_error (error);
  g_clear_pointer (&roles, g_free);
  roles = assignments_string (f->store, id);
  g_assert_cmpstr (roles, ==, "lead:TH-AD support:VP");
}

/* Runs @query through dn_store_list_task_ids(), dn_store_list_tasks() and
 * dn_store_count_tasks(), checks that they agree and returns the ids in order. */
static char *
query_ids (DnStore           *store,
           const DnTaskQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = dn_store_list_task_ids (store, query, &error);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *from_ids = NULL;
  g_autofree char *from_tasks = NULL;
  gint64 count;

  g_assert_no_error (error);
  tasks = dn_store_list_tasks (store, query, 10000, &error);
  g_assert_no_error (error);
  count = dn_store_count_tasks (store, query, &error);
  g_assert_no_error (error);

  from_ids = dn_test_ids_of_array (ids);
  from_tasks = dn_test_ids_of_records (tasks);
  g_assert_cmpstr (from_tasks, ==, from_ids);
  g_assert_cmpint (count, ==, (gint64) ids->len);
  return g_steal_pointer (&from_ids);
}

#define assert_query_set(store, query, ...) \
  G_STMT_START { g_autofree char *got_q_ = query_ids (store, query); assert_ids_set (got_q_, __VA_ARGS__); } G_STMT_END
#define assert_query_order(store, query, ...) \
  G_STMT_START { \
    g_autofree char *got_q_ = query_ids (store, query); \
    g_autofree char *expected_q_ = DN_TEST_IDS (__VA_ARGS__); \
    g_assert_cmpstr (got_q_, ==, expected_q_); \
  } G_STMT_END

/* A small set of tasks around today:
 *   a  Báo cáo tổng kết năm học       lead PGD-ĐH, support VP      due yesterday  open
 *   b  Kế hoạch đón đoàn Nhật Bản     lead VP, support TH-AB       due in 10 days in progress, from doc
 *   c  Báo cáo quý II                 lead TH-AB                   due yesterday  done
 *   d  Tổng hợp hộ chiếu công vụ      lead PGD-CL                  no due date    open
 *   e  Rà soát dự án phi chính phủ    lead VP, support PGD-CL      30 days ago    cancelled
 *   f  (a passed down to TH-AD)       lead TH-AD, parent a         due yesterday  open */
typedef struct
{
  Units  u;
  gint64 doc;
  gint64 a, b, c, d, e, f;
} TaskSet;

static void
add_task_set (DnStore *store,
              TaskSet *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) b = NULL;
  g_autoptr(GArray) children = NULL;
  GDate yesterday = dn_test_today_plus (-1);
  GDate soon = dn_test_today_plus (10);
  GDate long_ago = dn_test_today_plus (-30);
  GDate doc_date = dn_test_today_plus (-60);

  add_units (store, &s->u);
  s->doc = dn_test_add_document (store, "14", "KH-SGDĐT", "Kế hoạch đón đoàn Nhật Bản", &doc_date);
  s->a = dn_test_add_task (store, "Báo cáo tổng kết năm học", s->u.pgd_dh, &yesterday, DN_TEST_UNITS (s->u.vp));
  b = new_task ("Kế hoạch đón đoàn Nhật Bản", s->u.vp, &soon, DN_TEST_UNITS (s->u.th_ab));
  b->document_id = s->doc;
  b->status = DN_STATUS_IN_PROGRESS;
  g_assert_true (dn_store_add_task (store, b, &error));
  g_assert_no_error (error);
  s->b = b->id;
  s->c = dn_test_add_task (store, "Báo cáo quý II", s->u.th_ab, &yesterday, NULL);
  g_assert_true (dn_store_set_task_status (store, s->c, DN_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);
  s->d = dn_test_add_task (store, "Tổng hợp hộ chiếu công vụ", s->u.pgd_cl, NULL, NULL);
  s->e = dn_test_add_task (store, "Rà soát dự án phi chính phủ", s->u.vp, &long_ago, DN_TEST_UNITS (s->u.pgd_cl));
  g_assert_true (dn_store_set_task_status (store, s->e, DN_STATUS_CANCELLED, NULL, &error));
  g_assert_no_error (error);
  children = dn_store_subassign_task (store, s->a, DN_TEST_UNITS (s->u.th_ad), 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 1);
  s->f = g_array_index (children, gint64, 0);
}

static void
test_tasks_delete_restore (DnTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) children = NULL;
  DnTaskQuery q;
  GDate due = dn_test_date (2024, 9, 5);
  gint64 t1, t2, c1, c2;
  Units u;

  add_units (f->store, &u);
  t1 = dn_test_add_task (f->store, "Chuẩn bị đón đoàn Hàn Quốc", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  t2 = dn_test_add_task (f->store, "Tổng kết năm học", u.vp, &due, NULL);
  children = dn_store_subassign_task (f->store, t1, DN_TEST_UNITS (u.th_ab, u.th_ad), 2, NULL, &error);
  g_assert_no_error (error);
  c1 = g_array_index (children, gint64, 0);
  c2 = g_array_index (children, gint64, 1);

  dn_task_query_init (&q);
  assert_query_set (f->store, &q, t1, t2, c1, c2);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 4);
  {
    g_autofree char *found = search_task_ids (f->store, "han quoc");
    assert_ids_set (found, t1, c1, c2);
  }

  /* the task goes with its sub-assigned children */
  g_assert_true (dn_store_delete_task (f->store, t1, &error));
  g_assert_no_error (error);
  assert_query_set (f->store, &q, t2);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 1);
  q.unit_id = u.th_ab;
  assert_query_set (f->store, &q, 0);
  dn_task_query_init (&q);
  {
    g_autofree char *found = search_task_ids (f->store, "han quoc");
    g_assert_cmpstr (found, ==, "");
  }
  /* kept for undo, but no longer a task to name by its id */
  {
    g_autoptr(DnTask) kept = dn_test_get_task (f->store, t1);
    g_autoptr(DnTask) live = dn_store_get_live_task (f->store, t1, &error);

    g_assert_null (live);
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* undo */
  g_assert_true (dn_store_restore_task (f->store, t1, &error));
  g_assert_no_error (error);
  assert_query_set (f->store, &q, t1, t2, c1, c2);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 4);
  {
    g_autofree char *found = search_task_ids (f->store, "han quoc");
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, t1);

    g_autoptr(DnTask) live = dn_store_get_live_task (f->store, t1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (live->id, ==, t1);
    assert_ids_set (found, t1, c1, c2);
    g_assert_cmpuint (parent->n_children, ==, 2);
  }

  /* a child alone; the parent counts only live children */
  g_assert_true (dn_store_delete_task (f->store, c1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, t1);
    g_assert_cmpuint (parent->n_children, ==, 1);
  }
  assert_query_set (f->store, &q, t1, t2, c2);

  g_assert_false (dn_store_delete_task (f->store, 4242, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dn_store_restore_task (f->store, 4242, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dn_store_get_live_task (f->store, 4242, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_tasks_filter_unit (DnTestStore   *f,
                        gconstpointer  data)
{
  DnTaskQuery q;
  TaskSet s;

  add_task_set (f->store, &s);
  dn_task_query_init (&q);
  assert_query_set (f->store, &q, s.a, s.b, s.c, s.d, s.e, s.f);

  q.unit_id = s.u.pgd_dh;
  assert_query_set (f->store, &q, s.a);
  q.include_sub_units = TRUE;
  assert_query_set (f->store, &q, s.a, s.b, s.c, s.f);
  q.lead_only = TRUE;
  assert_query_set (f->store, &q, s.a, s.c, s.f);
  q.include_sub_units = FALSE;
  assert_query_set (f->store, &q, s.a);

  dn_task_query_init (&q);
  q.unit_id = s.u.vp;
  assert_query_set (f->store, &q, s.a, s.b, s.e);
  q.lead_only = TRUE;
  assert_query_set (f->store, &q, s.b, s.e);

  dn_task_query_init (&q);
  q.unit_id = s.u.th_ab;
  assert_query_set (f->store, &q, s.b, s.c);
  q.lead_only = TRUE;
  assert_query_set (f->store, &q, s.c);

  dn_task_query_init (&q);
  q.unit_id = s.u.sgd;
  assert_query_set (f->store, &q, 0);
  q.include_sub_units = TRUE;
  assert_query_set (f->store, &q, s.a, s.b, s.c, s.d, s.e, s.f);

  dn_task_query_init (&q);
  q.unit_id = s.u.ca;
  q.include_sub_units = TRUE;
  assert_query_set (f->store, &q, 0);
}

static void
test_tasks_filter_status (DnTestStore   *f,
                          gconstpointer  data)
{
  DnTaskQuery q;
  TaskSet s;

  add_task_set (f->store, &s);
  dn_task_query_init (&q);
  q.status = DN_STATUS_DONE;
  assert_query_set (f->store, &q, s.c);
  q.status = DN_STATUS_IN_PROGRESS;
  assert_query_set (f->store, &q, s.b);
  q.status = DN_STATUS_OPEN;
  assert_query_set (f->store, &q, s.a, s.d, s.f);
  q.status = DN_STATUS_CANCELLED;
  assert_query_set (f->store, &q, s.e);
  q.status = DN_STATUS_OPEN;
  q.unit_id = s.u.vp;
  assert_query_set (f->store, &q, s.a);
}

static void
test_tasks_filter_overdue (DnTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today = dn_test_today_plus (0);
  DnTaskQuery q;
  TaskSet s;

  add_task_set (f->store, &s);
  /* due today is not late yet */
  dn_test_add_task (f->store, "Hạn hôm nay", s.u.vp, &today, NULL);

  dn_task_query_init (&q);
  q.overdue = TRUE;
  assert_query_set (f->store, &q, s.a, s.f);
  q.unit_id = s.u.vp;
  assert_query_set (f->store, &q, s.a);

  /* in progress still counts; done does not */
  g_assert_true (dn_store_set_task_status (f->store, s.f, DN_STATUS_IN_PROGRESS, NULL, &error));
  g_assert_true (dn_store_set_task_status (f->store, s.a, DN_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);
  dn_task_query_init (&q);
  q.overdue = TRUE;
  assert_query_set (f->store, &q, s.f);
}

static void
test_tasks_filter_due_range (DnTestStore   *f,
                             gconstpointer  data)
{
  DnTaskQuery q;
  TaskSet s;

  add_task_set (f->store, &s);
  dn_task_query_init (&q);
  q.due_from = dn_test_today_plus (-1);
  q.due_to = dn_test_today_plus (10);
  assert_query_set (f->store, &q, s.a, s.b, s.c, s.f);

  /* both bounds are included */
  dn_task_query_init (&q);
  q.due_from = dn_test_today_plus (10);
  assert_query_set (f->store, &q, s.b);
  q.due_from = dn_test_today_plus (11);
  assert_query_set (f->store, &q, 0);

  dn_task_query_init (&q);
  q.due_to = dn_test_today_plus (-2);
  assert_query_set (f->store, &q, s.e);

  dn_task_query_init (&q);
  q.due_from = dn_test_today_plus (-1);
  q.due_to = dn_test_today_plus (-1);
  assert_query_set (f->store, &q, s.a, s.c, s.f);
}

static void
test_tasks_filter_document (DnTestStore   *f,
                            gconstpointer  data)
{
  GDate date = dn_test_date (2024, 1, 2);
  DnTaskQuery q;
  TaskSet s;
  gint64 other;

  add_task_set (f->store, &s);
  other = dn_test_add_document (f->store, "1", "CV-SGDĐT", "Không có nhiệm vụ", &date);
  dn_task_query_init (&q);
  q.document_id = s.doc;
  assert_query_set (f->store, &q, s.b);
  q.document_id = other;
  assert_query_set (f->store, &q, 0);
}

static void
test_tasks_filter_parent (DnTestStore   *f,
                          gconstpointer  data)
{
  DnTaskQuery q;
  TaskSet s;

  add_task_set (f->store, &s);
  dn_task_query_init (&q);
  q.parent_id = -1;
  assert_query_set (f->store, &q, s.a, s.b, s.c, s.d, s.e);
  q.parent_id = s.a;
  assert_query_set (f->store, &q, s.f);
  q.parent_id = s.b;
  assert_query_set (f->store, &q, 0);
}

static void
test_tasks_filter_text (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autofree char *nfd = g_utf8_normalize ("Báo Cáo", -1, G_NORMALIZE_NFD);
  DnTaskQuery q;
  TaskSet s;

  add_task_set (f->store, &s);
  dn_task_query_init (&q);
  q.text = "bao cao";
  assert_query_set (f->store, &q, s.a, s.c, s.f);
  q.text = "BÁO CÁO";
  assert_query_set (f->store, &q, s.a, s.c, s.f);
  q.text = nfd;
  assert_query_set (f->store, &q, s.a, s.c, s.f);
  q.text = "ho chieu";
  assert_query_set (f->store, &q, s.d);
  q.text = "nhat ban";
  assert_query_set (f->store, &q, s.b);
  q.text = "đoàn nh";   /* the last word is a prefix */
  assert_query_set (f->store, &q, s.b);
  /* units and documents match too in the search index, but they are no tasks */
  q.text = "van phong";
  assert_query_set (f->store, &q, 0);
  q.text = "";
  assert_query_set (f->store, &q, s.a, s.b, s.c, s.d, s.e, s.f);

  q.text = "bao cao";
  q.parent_id = -1;
  assert_query_set (f->store, &q, s.a, s.c);
  q.parent_id = 0;
  q.status = DN_STATUS_DONE;
  assert_query_set (f->store, &q, s.c);
}

static void
test_tasks_sort_due (DnTestStore   *f,
                     gconstpointer  data)
{
  GDate d1 = dn_test_date (2024, 5, 1);
  GDate d2 = dn_test_date (2024, 3, 1);
  GDate d4 = dn_test_date (2024, 4, 15);
  DnTaskQuery q;
  gint64 t1, t2, t3, t4, t5, t6;
  Units u;

  add_units (f->store, &u);
  t1 = dn_test_add_task (f->store, "Một", u.vp, &d1, NULL);
  t2 = dn_test_add_task (f->store, "Hai", u.vp, &d2, NULL);
  t3 = dn_test_add_task (f->store, "Ba", u.vp, NULL, NULL);
  t4 = dn_test_add_task (f->store, "Bốn", u.vp, &d4, NULL);
  t5 = dn_test_add_task (f->store, "Năm", u.vp, NULL, NULL);
  t6 = dn_test_add_task (f->store, "Sáu", u.vp, &d2, NULL);

  dn_task_query_init (&q);
  g_assert_cmpint (q.sort, ==, DN_TASK_SORT_DUE);
  assert_query_order (f->store, &q, t2, t6, t4, t1, t3, t5);

  /* descending: the latest deadline first */
  q.descending = TRUE;
  q.due_from = dn_test_date (1900, 1, 1);
  assert_query_order (f->store, &q, t1, t4, t6, t2);
}

static void
test_tasks_sort_title (DnTestStore   *f,
                       gconstpointer  data)
{
  static const char * const titles_in_order[] = {
    "An toàn trường học",
    "Ăn uống bán trú",
    "Ban",
    "Bàn",
    "Bán",
    "Bạn",
    "Báo cáo quý",
    "Báo cáo quý",
    "Dự hội nghị",
    "Đón đoàn Hàn Quốc",
  };
  static const guint added[] = { 9, 3, 7, 0, 5, 8, 1, 6, 2, 4 };
  gint64 ids[G_N_ELEMENTS (titles_in_order)];
  GString *expected = g_string_new ("");
  GString *reversed = g_string_new ("");
  g_autofree char *expected_s = NULL;
  g_autofree char *reversed_s = NULL;
  g_autofree char *got = NULL;
  g_autofree char *got_desc = NULL;
  DnTaskQuery q;
  Units u;

  G_STATIC_ASSERT (G_N_ELEMENTS (added) == G_N_ELEMENTS (titles_in_order));
  add_units (f->store, &u);
  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    ids[added[i]] = dn_test_add_task (f->store, titles_in_order[added[i]], u.vp, NULL, NULL);
  /* namesakes: the older first */
  if (ids[6] > ids[7])
    {
      gint64 t = ids[6];
      ids[6] = ids[7];
      ids[7] = t;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_string_append_printf (expected, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
      g_string_append_printf (reversed, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[G_N_ELEMENTS (ids) - 1 - i]);
    }
  expected_s = g_string_free (expected, FALSE);
  reversed_s = g_string_free (reversed, FALSE);

  dn_task_query_init (&q);
  q.sort = DN_TASK_SORT_TITLE;
  got = query_ids (f->store, &q);
  g_assert_cmpstr (got, ==, expected_s);
  q.descending = TRUE;
  got_desc = query_ids (f->store, &q);
  g_assert_cmpstr (got_desc, ==, reversed_s);
}

typedef struct
{
  GHashTable *seen;
  GPtrArray *tasks;
} CollectTasks;

static gboolean
collect_unique_task (DnTask    *task,
                     gpointer   user_data,
                     GError   **error)
{
  CollectTasks *collect = user_data;

  g_assert_false (g_hash_table_contains (collect->seen, &task->id));
  g_hash_table_add (collect->seen, &task->id);
  g_ptr_array_add (collect->tasks, g_object_ref (task));
  return TRUE;
}

static gboolean
stop_at_third (DnTask    *task,
               gpointer   user_data,
               GError   **error)
{
  guint *n = user_data;

  if (++*n < 3)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "stopped");
  return FALSE;
}

/* A callback that fails stops the walk with its error. */
static void
test_tasks_foreach_stops (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnTaskQuery q;
  guint n = 0;
  gint64 unit = dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);

  for (int i = 0; i < 5; i++)
    dn_test_add_task (f->store, "Nhiệm vụ", unit, NULL, NULL);
  dn_task_query_init (&q);
  g_assert_false (dn_store_foreach_task (f->store, &q, stop_at_third, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_tasks_paging (DnTestStore   *f,
                   gconstpointer  data)
{
  static const char * const titles[] = {
    "Kế hoạch", "Báo cáo", "Đoàn ra", "Đoàn vào", "Hộ chiếu", "Dự án", "báo cáo",
  };
  static const DnTaskSort sorts[] = {
    DN_TASK_SORT_DUE, DN_TASK_SORT_TITLE, DN_TASK_SORT_SECTION, DN_TASK_SORT_STATUS,
    DN_TASK_SORT_LEAD_UNIT, DN_TASK_SORT_RECURRENCE, DN_TASK_SORT_PROGRESS, DN_TASK_SORT_URGENCY,
  };
  g_autoptr(GError) error = NULL;
  Units u;

  add_units (f->store, &u);
  for (int i = 0; i < 23; i++)
    {
      GDate due = dn_test_date (2024, 1, 1 + i % 5);
      g_autoptr(DnTask) task = new_task (titles[i % G_N_ELEMENTS (titles)],
                                         i % 3 == 0 ? u.vp : i % 3 == 1 ? u.pgd_dh : u.th_ab,
                                         i % 4 == 0 ? NULL : &due, NULL);

      g_free (task->section);
      task->section = g_strdup_printf ("%d", i % 3);
      if (i % 6 == 1)
        task->recurrence = DN_RECURRENCE_MONTHLY;
      task->status = i % 5 == 0 ? DN_STATUS_DONE : DN_STATUS_OPEN;
      g_assert_true (dn_store_add_task (f->store, task, &error));
      g_assert_no_error (error);
      if (i % 7 == 2)
        {
          g_autoptr(DnProgress) p = dn_progress_new ();

          p->task_id = task->id;
          p->entry_date = dn_test_date (2024, 1, 1);
          p->percent = 10 * (i % 10);
          g_assert_true (dn_store_add_progress (f->store, p, &error));
          g_assert_no_error (error);
        }
    }

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int desc = 0; desc <= 1; desc++)
      for (int filtered = 0; filtered <= 1; filtered++)
        {
          g_autoptr(GArray) ids = NULL;
          g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
          g_autoptr(GPtrArray) paged = g_ptr_array_new_with_free_func (g_object_unref);
          g_autofree char *all = NULL;
          g_autofree char *pages = NULL;
          DnTaskQuery q;

          dn_task_query_init (&q);
          q.sort = sorts[s];
          q.descending = desc;
          if (filtered)
            q.status = DN_STATUS_OPEN;
          ids = dn_store_list_task_ids (f->store, &q, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (ids->len, ==, filtered ? 15 : 23);  /* 5 done, 3 started by progress */
          g_assert_cmpint (dn_store_count_tasks (f->store, &q, &error), ==, (gint64) ids->len);
          g_assert_no_error (error);

          /* the whole list in one pass, and its first rows */
          g_assert_true (dn_store_foreach_task (f->store, &q, collect_unique_task, &(CollectTasks) { seen, paged },
                                                &error));
          g_assert_no_error (error);
          {
            g_autoptr(GPtrArray) first = dn_store_list_tasks (f->store, &q, 5, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (first->len, ==, 5);
            for (guint i = 0; i < first->len; i++)
              g_assert_cmpint (((DnTask *) first->pdata[i])->id, ==, g_array_index (ids, gint64, i));
          }
          all = dn_test_ids_of_array (ids);
          pages = dn_test_ids_of_records (paged);
          if (g_strcmp0 (all, pages) != 0)
            g_error ("sort %d%s%s: pages %s, list %s", sorts[s], desc ? " descending" : "",
                     filtered ? " filtered" : "", pages, all);
        }
}

static void
test_tasks_get_tasks (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GArray) children = NULL;
  g_autoptr(GPtrArray) got = NULL;
  GDate issued = dn_test_date (2024, 2, 1);
  GDate due = dn_test_date (2024, 6, 30);
  gint64 doc, plain, ids[3];
  Units u;

  add_units (f->store, &u);
  doc = dn_test_add_document (f->store, "14", "KH-SGDĐT", "Kế hoạch hợp tác quốc tế", &issued);
  task = new_task ("Triển khai kế hoạch hợp tác", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_cl));
  task->document_id = doc;
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
  children = dn_store_subassign_task (f->store, task->id, DN_TEST_UNITS (u.th_ab, u.th_ad), 2, NULL, &error);
  g_assert_no_error (error);
  plain = dn_test_add_task (f->store, "Việc không có văn bản", u.ca, NULL, NULL);

  ids[0] = plain;
  ids[1] = 4242;   /* missing: skipped */
  ids[2] = task->id;
  got = dn_store_get_tasks (f->store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 2);
  {
    DnTask *t = got->pdata[0];

    g_assert_cmpint (t->id, ==, plain);
    g_assert_cmpstr (t->lead_unit_code, ==, "CA");
    g_assert_cmpstr (t->support_unit_codes, ==, "");
    g_assert_cmpuint (t->support_unit_ids->len, ==, 0);
    g_assert_cmpstr (t->document_label, ==, "");
    g_assert_cmpuint (t->n_children, ==, 0);
    g_assert_false (g_date_valid (&t->due_date));
  }
  {
    DnTask *t = got->pdata[1];
    g_autofree char *supports = dn_test_ids_of_array (t->support_unit_ids);

    g_assert_cmpint (t->id, ==, task->id);
    g_assert_cmpint (t->lead_unit_id, ==, u.pgd_dh);
    g_assert_cmpstr (t->lead_unit_code, ==, "PGD-ĐH");
    g_assert_cmpstr (t->lead_unit_name, ==, "Phòng GD&ĐT huyện Đông Hà");
    g_assert_cmpstr (t->support_unit_codes, ==, "PGD-CL, VP");
    assert_ids_set (supports, u.vp, u.pgd_cl);
    g_assert_cmpint (t->document_id, ==, doc);
    g_assert_cmpstr (t->document_label, ==, "14/KH-SGDĐT");
    g_assert_cmpuint (t->n_children, ==, 2);
    g_assert_cmpint (t->progress, ==, 0);
  }
  {
    g_autoptr(DnTask) child = dn_test_get_task (f->store, g_array_index (children, gint64, 0));

    g_assert_cmpstr (child->document_label, ==, "14/KH-SGDĐT");
    g_assert_cmpint (child->parent_id, ==, task->id);
  }

  /* no ids, no tasks */
  {
    g_autoptr(GPtrArray) none = dn_store_get_tasks (f->store, ids, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
add_progress (DnStore *store,
              gint64   task_id,
              int      percent,
              int      year,
              int      month,
              int      day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnProgress) p = dn_progress_new ();

  p->task_id = task_id;
  p->percent = percent;
  p->entry_date = dn_test_date (year, month, day);
  g_assert_true (dn_store_add_progress (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, >, 0);
}

static void
test_tasks_progress_value (DnTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Báo cáo tiến độ", u.vp, NULL, NULL);
  add_progress (f->store, id, 40, 2024, 3, 1);
  {
    g_autoptr(DnTask) t = dn_test_get_task (f->store, id);
    g_assert_cmpint (t->progress, ==, 40);
  }
  add_progress (f->store, id, 70, 2024, 3, 20);
  /* an older entry, added later, is not the latest */
  add_progress (f->store, id, 90, 2024, 2, 1);
  {
    g_autoptr(DnTask) t = dn_test_get_task (f->store, id);
    g_assert_cmpint (t->progress, ==, 70);
  }
  g_assert_true (dn_store_set_task_status (f->store, id, DN_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DnTask) t = dn_test_get_task (f->store, id);
    g_assert_cmpint (t->progress, ==, 100);
  }
}

/* ---------------------------------------------------------------- recurrence */

static void
assert_next_due (DnRecurrence recurrence,
                 int y, int m, int d,
                 int ny, int nm, int nd)
{
  GDate due = dn_test_date (y, m, d);
  GDate next;

  g_date_clear (&next, 1);
  g_assert_true (dn_recurrence_next_due (recurrence, &due, &next));
  assert_date (&next, ny, nm, nd);
}

static void
test_recurrence_next_due (void)
{
  GDate due = dn_test_date (2024, 3, 31);
  GDate out;

  /* the last day of a month stays the last day */
  assert_next_due (DN_RECURRENCE_QUARTERLY, 2024, 3, 31, 2024, 6, 30);
  assert_next_due (DN_RECURRENCE_QUARTERLY, 2024, 6, 30, 2024, 9, 30);
  assert_next_due (DN_RECURRENCE_QUARTERLY, 2024, 9, 30, 2024, 12, 31);
  assert_next_due (DN_RECURRENCE_QUARTERLY, 2024, 12, 31, 2025, 3, 31);
  assert_next_due (DN_RECURRENCE_QUARTERLY, 2024, 1, 15, 2024, 4, 15);
  assert_next_due (DN_RECURRENCE_MONTHLY, 2024, 1, 31, 2024, 2, 29);
  assert_next_due (DN_RECURRENCE_MONTHLY, 2023, 1, 31, 2023, 2, 28);
  assert_next_due (DN_RECURRENCE_MONTHLY, 2024, 1, 15, 2024, 2, 15);
  assert_next_due (DN_RECURRENCE_MONTHLY, 2024, 12, 20, 2025, 1, 20);
  assert_next_due (DN_RECURRENCE_TWICE_YEARLY, 2024, 6, 30, 2024, 12, 31);
  assert_next_due (DN_RECURRENCE_SEMESTER, 2024, 1, 15, 2024, 7, 15);
  assert_next_due (DN_RECURRENCE_ANNUAL, 2023, 12, 15, 2024, 12, 15);
  assert_next_due (DN_RECURRENCE_ANNUAL, 2024, 2, 29, 2025, 2, 28);

  g_assert_false (dn_recurrence_next_due (DN_RECURRENCE_NONE, &due, &out));
  /* nothing after the last year the database accepts */
  due = dn_test_date (2200, 12, 1);
  g_assert_false (dn_recurrence_next_due (DN_RECURRENCE_MONTHLY, &due, &out));
}

static void
test_recurrence_done_creates_next (DnTestStore   *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTask) next = NULL;
  g_autoptr(DnTask) done = NULL;
  g_autofree char *supports = NULL;
  g_autofree char *roles = NULL;
  GDate issued = dn_test_date (2024, 1, 10);
  GDate due = dn_test_date (2024, 3, 31);
  gint64 doc, next_id = -1, next2_id = -1;
  Units u;

  add_units (f->store, &u);
  doc = dn_test_add_document (f->store, "5", "KH-SGDĐT", "Chế độ báo cáo định kỳ", &issued);
  task = new_task ("Báo cáo công tác đối ngoại hằng quý", u.pgd_dh, &due, DN_TEST_UNITS (u.vp, u.pgd_cl));
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  task->document_id = doc;
  g_free (task->section);
  task->section = g_strdup ("III.2");
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);

  g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_DONE, &next_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next_id, >, 0);
  g_assert_cmpint (next_id, !=, task->id);

  done = dn_test_get_task (f->store, task->id);
  g_assert_cmpint (done->status, ==, DN_STATUS_DONE);

  next = dn_test_get_task (f->store, next_id);
  assert_date (&next->due_date, 2024, 6, 30);
  g_assert_cmpint (next->recurrence, ==, DN_RECURRENCE_QUARTERLY);
  g_assert_cmpint (next->status, ==, DN_STATUS_OPEN);
  g_assert_cmpstr (next->title, ==, "Báo cáo công tác đối ngoại hằng quý");
  g_assert_cmpstr (next->section, ==, "III.2");
  g_assert_cmpint (next->document_id, ==, doc);
  g_assert_cmpint (next->lead_unit_id, ==, u.pgd_dh);
  supports = dn_test_ids_of_array (next->support_unit_ids);
  assert_ids_set (supports, u.vp, u.pgd_cl);
  roles = assignments_string (f->store, next_id);
  g_assert_cmpstr (roles, ==, "lead:PGD-ĐH support:PGD-CL support:VP");
  {
    g_autoptr(GPtrArray) list = dn_store_list_assignments (f->store, next_id, &error);

    for (guint i = 0; i < list->len; i++)
      assert_date (&((DnAssignment *) list->pdata[i])->due_date, 2024, 6, 30);
  }
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT previous_id FROM task WHERE id = %" G_GINT64_FORMAT, next_id),
                   ==, task->id);

  /* and the one after */
  g_assert_true (dn_store_set_task_status (f->store, next_id, DN_STATUS_DONE, &next2_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next2_id, >, 0);
  {
    g_autoptr(DnTask) next2 = dn_test_get_task (f->store, next2_id);
    assert_date (&next2->due_date, 2024, 9, 30);
  }
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 3);
}

static void
test_recurrence_done_twice (DnTestStore   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  GDate due = dn_test_date (2024, 1, 31);
  gint64 first = 0, second = 0;
  Units u;

  add_units (f->store, &u);
  task = new_task ("Báo cáo tháng", u.vp, &due, NULL);
  task->recurrence = DN_RECURRENCE_MONTHLY;
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);

  g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_DONE, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_OPEN, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_DONE, &second, &error));
  g_assert_no_error (error);

  g_assert_cmpint (second, ==, first);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE previous_id = %" G_GINT64_FORMAT,
                                      task->id), ==, 1);
  {
    g_autoptr(DnTask) next = dn_test_get_task (f->store, first);
    assert_date (&next->due_date, 2024, 2, 29);
  }
}

static void
test_recurrence_none (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate due = dn_test_date (2024, 3, 31);
  gint64 id, next_id = -1;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Một lần", u.vp, &due, NULL);
  g_assert_true (dn_store_set_task_status (f->store, id, DN_STATUS_DONE, &next_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next_id, ==, 0);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 1);

  /* other statuses of a recurring task create nothing either */
  {
    g_autoptr(DnTask) task = new_task ("Hằng năm", u.vp, &due, NULL);

    task->recurrence = DN_RECURRENCE_ANNUAL;
    g_assert_true (dn_store_add_task (f->store, task, &error));
    g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_IN_PROGRESS, &next_id, &error));
    g_assert_cmpint (next_id, ==, 0);
    g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_CANCELLED, &next_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (next_id, ==, 0);
    g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 2);
  }

  g_assert_false (dn_store_set_task_status (f->store, 4242, DN_STATUS_DONE, &next_id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

/* An edit that marks a recurring task done makes its next occurrence in the
 * same transaction, and undoing the edit takes both back. */
static void
test_recurrence_edit_undo (DnTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTaskSnapshot) old = NULL;
  GDate due = dn_test_date (2024, 3, 31);
  gint64 next_id = -1, made_id = -1, again = 0;
  guint n_changed = 0;
  Units u;

  add_units (f->store, &u);
  task = new_task ("Báo cáo quý", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
  old = dn_store_snapshot_task (f->store, task->id, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (dn_test_count_changed), &n_changed);

  /* the edit and the next occurrence: one transaction */
  g_free (task->title);
  task->title = g_strdup ("Báo cáo quý I");
  task->status = DN_STATUS_DONE;
  g_assert_true (dn_store_update_task_full (f->store, task, &next_id, &made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (made_id, >, 0);
  g_assert_cmpint (next_id, ==, made_id);
  {
    g_autoptr(DnTask) next = dn_test_get_task (f->store, made_id);

    assert_date (&next->due_date, 2024, 6, 30);
    g_assert_cmpstr (next->title, ==, "Báo cáo quý I");
    g_assert_cmpint (next->status, ==, DN_STATUS_OPEN);
  }
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 2);

  /* undo: the task as it was, and no next occurrence, also not hidden */
  g_assert_true (dn_store_restore_task_snapshot (f->store, old, made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  {
    g_autoptr(DnTask) back = dn_test_get_task (f->store, task->id);

    g_assert_cmpint (back->status, ==, DN_STATUS_OPEN);
    g_assert_cmpstr (back->title, ==, "Báo cáo quý");
  }
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT,
                                      made_id), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search WHERE rowid = %" G_GINT64_FORMAT,
                                      made_id * 8 + DN_RECORD_TASK), ==, 0);

  /* marked done again, it gets a next occurrence again */
  g_assert_true (dn_store_set_task_status (f->store, task->id, DN_STATUS_DONE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again, >, 0);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 2);

  /* an edit of a task that is done already makes none */
  {
    g_autoptr(DnTask) done = dn_test_get_task (f->store, task->id);

    g_free (done->description);
    done->description = g_strdup ("Gửi qua hệ thống điện tử");
    g_assert_true (dn_store_update_task_full (f->store, done, &next_id, &made_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (made_id, ==, 0);
    g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 2);
  }
}

/* When the next occurrence cannot be made, the edit is not kept either; an
 * occurrence that has received reminders is not taken back. */
static void
test_recurrence_edit_atomic (DnTestStore   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTaskSnapshot) old = NULL;
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  GDate due = dn_test_date (2024, 1, 31);
  gint64 made_id = -1;
  Units u;

  add_units (f->store, &u);
  task = new_task ("Báo cáo tháng", u.vp, &due, NULL);
  task->recurrence = DN_RECURRENCE_MONTHLY;
  g_assert_true (dn_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
  old = dn_store_snapshot_task (f->store, task->id, &error);
  g_assert_no_error (error);

  dn_test_exec (f->store, "CREATE TEMP TRIGGER refuse_next BEFORE INSERT ON task WHEN new.previous_id IS NOT NULL "
                          "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  task->status = DN_STATUS_DONE;
  g_assert_false (dn_store_update_task_full (f->store, task, NULL, &made_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (made_id, ==, 0);
  {
    g_autoptr(DnTask) kept = dn_test_get_task (f->store, task->id);
    g_assert_cmpint (kept->status, ==, DN_STATUS_OPEN);
  }
  dn_test_exec (f->store, "DROP TRIGGER refuse_next");

  g_assert_true (dn_store_update_task_full (f->store, task, NULL, &made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (made_id, >, 0);
  reminder->task_id = made_id;
  reminder->unit_id = u.vp;
  g_assert_true (dn_store_add_reminder (f->store, reminder, &error));
  g_assert_no_error (error);
  g_assert_false (dn_store_restore_task_snapshot (f->store, old, made_id, &error));
  g_assert_nonnull (error);
  {
    g_autoptr(DnTask) kept = dn_test_get_task (f->store, task->id);
    g_assert_cmpint (kept->status, ==, DN_STATUS_DONE);
  }
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 2);
}

/* ---------------------------------------------------------------- sub-assignment */

static void
test_subassign_create (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) children = NULL;
  g_autoptr(DnTask) parent = NULL;
  GDate due = dn_test_date (2024, 10, 15);
  DnTaskQuery q;
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Khảo sát giáo viên ngoại ngữ", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_ab, u.th_dh), 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DnTask) child = dn_test_get_task (f->store, g_array_index (children, gint64, i));
      g_autofree char *roles = assignments_string (f->store, child->id);

      g_assert_cmpint (child->parent_id, ==, id);
      g_assert_cmpint (child->lead_unit_id, ==, i == 0 ? u.th_ab : u.th_dh);
      g_assert_cmpstr (roles, ==, i == 0 ? "lead:TH-AB" : "lead:TH-ĐH");
      g_assert_cmpstr (child->title, ==, "Khảo sát giáo viên ngoại ngữ");
      assert_date (&child->due_date, 2024, 10, 15);
      g_assert_cmpint (child->status, ==, DN_STATUS_OPEN);
    }
  parent = dn_test_get_task (f->store, id);
  g_assert_cmpuint (parent->n_children, ==, 2);

  dn_task_query_init (&q);
  q.parent_id = id;
  {
    g_autofree char *got = query_ids (f->store, &q);
    g_autofree char *expected = dn_test_ids_of_array (children);
    g_autofree char *got_sorted = dn_test_ids_sorted (got);
    g_autofree char *expected_sorted = dn_test_ids_sorted (expected);

    g_assert_cmpstr (got_sorted, ==, expected_sorted);
  }
}

static void
test_subassign_not_below (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate due = dn_test_date (2024, 10, 15);
  GArray *children;
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Khảo sát", u.pgd_dh, &due, NULL);
  before = dn_test_row_counts (f->store);

  /* a school of another district */
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_dq), 1, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* the lead unit itself, and a unit above it */
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.pgd_dh), 1, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.sgd), 1, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* none at all */
  children = dn_store_subassign_task (f->store, id, NULL, 0, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
}

static void
test_subassign_all_or_nothing (DnTestStore   *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DnTask) parent = NULL;
  GDate due = dn_test_date (2024, 10, 15);
  GArray *children;
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Khảo sát", u.pgd_dh, &due, NULL);
  before = dn_test_row_counts (f->store);

  /* the first one is fine, the second is not below the lead unit */
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_ab, u.vp), 2, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);
  parent = dn_test_get_task (f->store, id);
  g_assert_cmpuint (parent->n_children, ==, 0);
}

static void
test_subassign_duplicate (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate due = dn_test_date (2024, 10, 15);
  GArray *children;
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Khảo sát", u.pgd_dh, &due, NULL);
  first = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_ab), 1, NULL, &error);
  g_assert_no_error (error);
  before = dn_test_row_counts (f->store);

  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_ab), 1, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* twice in one call */
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_dh, u.th_dh), 2, NULL, &error);
  g_assert_null (children);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);

  /* once the child is deleted the unit can be given the task again */
  g_assert_true (dn_store_delete_task (f->store, g_array_index (first, gint64, 0), &error));
  g_assert_no_error (error);
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_ab), 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (children->len, ==, 1);
  g_array_unref (children);
}

static void
test_subassign_progress (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) children = NULL;
  GDate due = dn_test_date (2024, 10, 15);
  gint64 id, c1, c2;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Khảo sát", u.pgd_dh, &due, NULL);
  children = dn_store_subassign_task (f->store, id, DN_TEST_UNITS (u.th_ab, u.th_ad), 2, NULL, &error);
  g_assert_no_error (error);
  c1 = g_array_index (children, gint64, 0);
  c2 = g_array_index (children, gint64, 1);

  /* the parent keeps its own entry; its children's average is beside it */
  add_progress (f->store, id, 80, 2024, 9, 1);
  add_progress (f->store, c1, 100, 2024, 9, 2);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, id);
    g_autoptr(DnTask) child = dn_test_get_task (f->store, c1);

    g_assert_cmpint (child->progress, ==, 100);
    g_assert_cmpint (child->children_progress, ==, -1);
    g_assert_cmpint (parent->progress, ==, 80);
    g_assert_cmpint (parent->children_progress, ==, 50);
  }
  add_progress (f->store, c2, 25, 2024, 9, 3);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, id);
    g_assert_cmpint (parent->children_progress, ==, 63);   /* (100 + 25) / 2, rounded */
  }
  g_assert_true (dn_store_set_task_status (f->store, c2, DN_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DnTask) parent = dn_test_get_task (f->store, id);
    g_assert_cmpint (parent->children_progress, ==, 100);
    g_assert_cmpint (parent->progress, ==, 80);
  }
}

/* ---------------------------------------------------------------- assignments */

static void
test_assignments_list (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *roles = NULL;
  GDate due = dn_test_date (2024, 5, 20);
  gint64 id;
  Units u;

  add_units (f->store, &u);
  /* the lead comes first even though its name sorts last */
  id = dn_test_add_task (f->store, "Đón đoàn", u.th_dh, &due, DN_TEST_UNITS (u.vp, u.th_ab, u.ca));
  roles = assignments_string (f->store, id);
  g_assert_cmpstr (roles, ==, "lead:TH-ĐH support:CA support:TH-AB support:VP");
  list = dn_store_list_assignments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((DnAssignment *) list->pdata[0])->role, ==, DN_ROLE_LEAD);
  g_assert_cmpstr (((DnAssignment *) list->pdata[0])->unit_name, ==, "Trường Tiểu học Đông Hà");
  g_assert_cmpint (((DnAssignment *) list->pdata[1])->unit_id, ==, u.ca);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dn_store_list_assignments (f->store, 4242, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_assignments_update (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAssignment) a = NULL;
  g_autoptr(DnAssignment) got = NULL;
  g_autoptr(DnAssignment) ghost = dn_assignment_new ();
  g_autofree char *nfd = g_utf8_normalize ("25/BC-ĐTN", -1, G_NORMALIZE_NFD);
  g_autofree char *raw = NULL;
  GDate due = dn_test_date (2024, 5, 20);
  GDate reply_date = dn_test_date (2024, 5, 18);
  gint64 id, reply;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Đón đoàn", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  reply = dn_test_add_document (f->store, "30", "BC-VP", "Báo cáo kết quả", &reply_date);
  a = find_assignment (f->store, id, u.vp);
  a->status = DN_STATUS_DONE;
  g_free (a->reply_reference);
  a->reply_reference = g_strdup (nfd);
  a->reply_document_id = reply;
  g_assert_true (dn_store_update_assignment (f->store, a, &error));
  g_assert_no_error (error);

  got = dn_store_get_assignment (f->store, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->status, ==, DN_STATUS_DONE);
  g_assert_cmpstr (got->reply_reference, ==, "25/BC-ĐTN");
  g_assert_cmpint (got->reply_document_id, ==, reply);
  g_assert_cmpint (got->role, ==, DN_ROLE_SUPPORT);
  g_assert_cmpstr (got->unit_code, ==, "VP");
  raw = dn_test_query_text (f->store, "SELECT reply_reference FROM assignment WHERE id = %" G_GINT64_FORMAT, a->id);
  g_assert_cmpstr (raw, ==, "25/BC-ĐTN");
  /* the lead's assignment is untouched */
  {
    g_autoptr(DnAssignment) lead = find_assignment (f->store, id, u.pgd_dh);
    g_assert_cmpint (lead->status, ==, DN_STATUS_OPEN);
    g_assert_cmpstr (lead->reply_reference, ==, "");
  }

  ghost->id = 4242;
  g_assert_false (dn_store_update_assignment (f->store, ghost, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&got);
  got = dn_store_get_assignment (f->store, 4242, &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
}

static void
test_assignments_extend (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAssignment) a = NULL;
  g_autoptr(DnAssignment) got = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  GDate same = dn_test_date (2024, 6, 30);
  GDate earlier = dn_test_date (2024, 6, 1);
  GDate first = dn_test_date (2024, 7, 15);
  GDate second = dn_test_date (2024, 8, 1);
  GDate none = dn_test_no_date ();
  gint64 id;
  Units u;

  add_units (f->store, &u);
  dn_store_set_actor (f->store, "chuyên viên HTQT");
  id = dn_test_add_task (f->store, "Báo cáo đoàn ra", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  a = find_assignment (f->store, id, u.pgd_dh);
  before = dn_test_row_counts (f->store);

  g_assert_false (dn_store_extend_assignment (f->store, a->id, &first, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_extend_assignment (f->store, a->id, &first, "", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_extend_assignment (f->store, a->id, &first, "  ", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_extend_assignment (f->store, a->id, &same, "Chưa xong", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_extend_assignment (f->store, a->id, &earlier, "Chưa xong", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_extend_assignment (f->store, a->id, &none, "Chưa xong", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_extend_assignment (f->store, 4242, &first, "Chưa xong", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (dn_store_extend_assignment (f->store, a->id, &first, "Chờ số liệu của các trường", &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_extend_assignment (f->store, a->id, &second, "Bổ sung danh sách đoàn", &error));
  g_assert_no_error (error);
  /* not before the new deadline either */
  g_assert_false (dn_store_extend_assignment (f->store, a->id, &first, "Lùi lại", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  got = dn_store_get_assignment (f->store, a->id, &error);
  g_assert_no_error (error);
  assert_date (&got->due_date, 2024, 8, 1);
  g_assert_cmpuint (got->n_extensions, ==, 2);

  history = dn_store_list_extensions (f->store, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  {
    DnExtension *e1 = history->pdata[0];
    DnExtension *e2 = history->pdata[1];

    g_assert_cmpint (e1->assignment_id, ==, a->id);
    assert_date (&e1->old_due_date, 2024, 6, 30);
    assert_date (&e1->new_due_date, 2024, 7, 15);
    g_assert_cmpstr (e1->reason, ==, "Chờ số liệu của các trường");
    g_assert_cmpstr (e1->extended_by, ==, "chuyên viên HTQT");
    g_assert_cmpstr (e1->extended_at, !=, "");
    assert_date (&e2->old_due_date, 2024, 7, 15);
    assert_date (&e2->new_due_date, 2024, 8, 1);
    g_assert_cmpstr (e2->reason, ==, "Bổ sung danh sách đoàn");
  }
  /* the other assignment keeps its deadline; the task's is its lead's */
  {
    g_autoptr(DnAssignment) vp = find_assignment (f->store, id, u.vp);
    g_autoptr(DnTask) task = dn_test_get_task (f->store, id);

    assert_date (&vp->due_date, 2024, 6, 30);
    g_assert_cmpuint (vp->n_extensions, ==, 0);
    assert_date (&task->due_date, 2024, 8, 1);
  }
}

/* ---------------------------------------------------------------- progress */

static void
test_progress_add_list (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(DnProgress) with_unit = dn_progress_new ();
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Tiến độ", u.pgd_dh, NULL, NULL);
  add_progress (f->store, id, 30, 2024, 3, 10);
  add_progress (f->store, id, 10, 2024, 2, 1);
  with_unit->task_id = id;
  with_unit->unit_id = u.pgd_dh;
  with_unit->percent = 50;
  with_unit->entry_date = dn_test_date (2024, 3, 10);
  g_free (with_unit->note);
  with_unit->note = g_strdup ("Đã gửi công văn cho các trường");
  g_assert_true (dn_store_add_progress (f->store, with_unit, &error));
  g_assert_no_error (error);

  list = dn_store_list_progress (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  {
    DnProgress *p0 = list->pdata[0], *p1 = list->pdata[1], *p2 = list->pdata[2];

    g_assert_cmpint (p0->percent, ==, 10);
    assert_date (&p0->entry_date, 2024, 2, 1);
    g_assert_cmpint (p1->percent, ==, 30);
    g_assert_cmpstr (p1->unit_code, ==, "");
    g_assert_cmpint (p2->percent, ==, 50);
    g_assert_cmpint (p2->id, ==, with_unit->id);
    g_assert_cmpint (p2->unit_id, ==, u.pgd_dh);
    g_assert_cmpstr (p2->unit_code, ==, "PGD-ĐH");
    g_assert_cmpstr (p2->note, ==, "Đã gửi công văn cho các trường");
    g_assert_cmpint (p2->task_id, ==, id);
  }
}

static void
test_progress_invalid (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const int bad_percents[] = { 101, -1, 1000 };
  gint64 id;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Tiến độ", u.pgd_dh, NULL, NULL);
  before = dn_test_row_counts (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_percents); i++)
    {
      g_autoptr(DnProgress) p = dn_progress_new ();

      p->task_id = id;
      p->percent = bad_percents[i];
      p->entry_date = dn_test_date (2024, 3, 1);
      g_assert_false (dn_store_add_progress (f->store, p, &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr(DnProgress) p = dn_progress_new ();

    p->task_id = id;
    p->percent = 20;
    g_date_clear (&p->entry_date, 1);
    g_assert_false (dn_store_add_progress (f->store, p, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);

    p->entry_date = dn_test_date (1899, 12, 31);
    g_assert_false (dn_store_add_progress (f->store, p, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(DnProgress) p = dn_progress_new ();

    p->task_id = 4242;
    p->percent = 20;
    p->entry_date = dn_test_date (2024, 3, 1);
    g_assert_false (dn_store_add_progress (f->store, p, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);

  /* 0 and 100 are fine */
  add_progress (f->store, id, 0, 2024, 3, 1);
  add_progress (f->store, id, 100, 2024, 3, 2);
}

static void
test_progress_starts_task (DnTestStore   *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id, done;
  Units u;

  add_units (f->store, &u);
  id = dn_test_add_task (f->store, "Tiến độ", u.pgd_dh, NULL, NULL);
  add_progress (f->store, id, 0, 2024, 3, 1);
  {
    g_autoptr(DnTask) t = dn_test_get_task (f->store, id);
    g_assert_cmpint (t->status, ==, DN_STATUS_OPEN);
  }
  add_progress (f->store, id, 20, 2024, 3, 2);
  {
    g_autoptr(DnTask) t = dn_test_get_task (f->store, id);
    g_assert_cmpint (t->status, ==, DN_STATUS_IN_PROGRESS);
  }

  /* a finished task stays finished */
  done = dn_test_add_task (f->store, "Đã xong", u.pgd_dh, NULL, NULL);
  g_assert_true (dn_store_set_task_status (f->store, done, DN_STATUS_DONE, NULL, &error));
  g_assert_no_error (error);
  add_progress (f->store, done, 60, 2024, 3, 2);
  {
    g_autoptr(DnTask) t = dn_test_get_task (f->store, done);
    g_assert_cmpint (t->status, ==, DN_STATUS_DONE);
  }
}

/* ---------------------------------------------------------------- transactions */

static gboolean
unit_exists (DnStore    *store,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = dn_store_find_unit (store, code, &error);

  if (unit == NULL)
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  return unit != NULL;
}

static void
test_transactions_nested (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnStore *other;

  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "A", "Đơn vị A", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "B", "Đơn vị B", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (dn_store_commit (f->store, &error));
  g_assert_false (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
  g_assert_true (dn_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));

  /* committed: another connection sees both */
  other = dn_store_open (f->path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (unit_exists (other, "A"));
  g_assert_true (unit_exists (other, "B"));
  dn_test_store_close (&other);

  /* an inner rollback undoes the inner level only */
  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "C", "Đơn vị C", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "D", "Đơn vị D", DN_UNIT_KIND_DIVISION, 0);
  dn_store_rollback (f->store);
  g_assert_true (dn_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (unit_exists (f->store, "C"));
  g_assert_false (unit_exists (f->store, "D"));

  /* a failing call inside a transaction undoes only itself */
  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "E", "Đơn vị E", DN_UNIT_KIND_DIVISION, 0);
  {
    g_autoptr(DnUnit) dup = new_unit ("E", "Trùng mã", 0);

    g_assert_false (dn_store_add_unit (f->store, dup, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
  dn_test_add_unit (f->store, "F", "Đơn vị F", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (dn_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (unit_exists (f->store, "E"));
  g_assert_true (unit_exists (f->store, "F"));
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 5);
}

static void
test_transactions_rollback_outer (DnTestStore   *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_row_counts (f->store);
  g_autofree char *after = NULL;

  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "A", "Đơn vị A", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_add_unit (f->store, "B", "Đơn vị B", DN_UNIT_KIND_DIVISION, 0);
  dn_test_add_person (f->store, "Lê", "Văn", "Bình", 0);
  g_assert_true (dn_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (unit_exists (f->store, "B"));

  dn_store_rollback (f->store);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
  g_assert_false (unit_exists (f->store, "A"));
  g_assert_false (unit_exists (f->store, "B"));
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, before);

  /* the store is usable again, in autocommit mode */
  dn_test_add_unit (f->store, "C", "Đơn vị C", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
  dn_test_store_reopen (f);
  g_assert_true (unit_exists (f->store, "C"));
  g_assert_false (unit_exists (f->store, "A"));
}

typedef struct
{
  sqlite3 *db;
  guint    writes;
  guint    writes_outside;  /* writes not in a write transaction */
  guint    begins;          /* BEGIN IMMEDIATE */
  guint    other_begins;    /* BEGIN, BEGIN DEFERRED */
} Trace;

static int
trace_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  Trace *trace = data;
  sqlite3_stmt *stmt = p;
  const char *sql = x;

  if (type != SQLITE_TRACE_STMT || g_str_has_prefix (sql, "--"))   /* triggers */
    return 0;
  if (g_ascii_strncasecmp (sql, "BEGIN IMMEDIATE", 15) == 0)
    trace->begins++;
  else if (g_ascii_strncasecmp (sql, "BEGIN", 5) == 0)
    trace->other_begins++;
  else if (!sqlite3_stmt_readonly (stmt))
    {
      trace->writes++;
      if (sqlite3_txn_state (trace->db, "main") != SQLITE_TXN_WRITE)
        {
          g_test_message ("write outside a write transaction: %s", sql);
          trace->writes_outside++;
        }
    }
  return 0;
}

static void
test_transactions_immediate (DnTestStore   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(DnDocument) doc = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnAttachment) att = NULL;
  g_autoptr(DnAssignment) a = NULL;
  g_autoptr(DnProgress) p = dn_progress_new ();
  g_autoptr(GArray) children = NULL;
  g_autoptr(GFile) source = write_source (f, "ke-hoach.pdf", "kế hoạch");
  GDate issued = dn_test_date (2024, 1, 2);
  GDate due = dn_test_date (2024, 3, 31);
  GDate later = dn_test_date (2024, 4, 30);
  Trace trace = { _dn_store_get_db (f->store), 0, 0, 0, 0 };
  gint64 next_id = 0;
  guint calls = 0;
  Units u;

  add_units (f->store, &u);
  sqlite3_trace_v2 (trace.db, SQLITE_TRACE_STMT, trace_statement, &trace);

#define CALL(expr) G_STMT_START { g_assert_true (expr); g_assert_no_error (error); calls++; \
                                  g_assert_true (sqlite3_get_autocommit (trace.db)); } G_STMT_END
  unit = new_unit ("HTQT", "Phòng Hợp tác quốc tế", u.sgd);
  CALL (dn_store_add_unit (f->store, unit, &error));
  g_free (unit->name);
  unit->name = g_strdup ("Phòng Hợp tác Quốc tế");
  CALL (dn_store_update_unit (f->store, unit, &error));
  CALL (dn_store_set_unit_archived (f->store, unit->id, TRUE, &error));
  person = new_person ("Lê", "Thị", "Hoa");
  CALL (dn_store_add_person (f->store, person, &error));
  g_free (person->position);
  person->position = g_strdup ("Chuyên viên");
  CALL (dn_store_update_person (f->store, person, &error));
  CALL (dn_store_delete_person (f->store, person->id, &error));
  doc = dn_document_new ();
  g_free (doc->subject);
  doc->subject = g_strdup ("Kế hoạch");
  doc->issue_date = issued;
  CALL (dn_store_add_document (f->store, doc, &error));
  CALL (dn_store_update_document (f->store, doc, &error));
  CALL ((att = dn_store_add_attachment (f->store, source, NULL, &error)) != NULL);
  CALL (dn_store_attach_to_document (f->store, doc->id, att->id, "Kế hoạch.pdf", &error));
  task = new_task ("Báo cáo quý", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  task->document_id = doc->id;
  CALL (dn_store_add_task (f->store, task, &error));
  set_supports (task, DN_TEST_UNITS (u.pgd_cl));
  CALL (dn_store_update_task (f->store, task, &error));
  CALL ((children = dn_store_subassign_task (f->store, task->id, DN_TEST_UNITS (u.th_ab), 1, NULL, &error)) != NULL);
  a = find_assignment (f->store, task->id, u.pgd_cl);
  a->status = DN_STATUS_IN_PROGRESS;
  CALL (dn_store_update_assignment (f->store, a, &error));
  CALL (dn_store_extend_assignment (f->store, a->id, &later, "Chờ số liệu", &error));
  p->task_id = task->id;
  p->percent = 30;
  p->entry_date = issued;
  CALL (dn_store_add_progress (f->store, p, &error));
  CALL (dn_store_set_task_status (f->store, task->id, DN_STATUS_DONE, &next_id, &error));
  g_assert_cmpint (next_id, >, 0);
  CALL (dn_store_delete_task (f->store, task->id, &error));
  CALL (dn_store_restore_task (f->store, task->id, &error));
  CALL (dn_store_delete_document (f->store, doc->id, &error));
#undef CALL

  /* failures leave no transaction open either */
  {
    g_autoptr(DnTask) bad = new_task ("Sai", 0, NULL, NULL);
    g_autoptr(DnUnit) dup = new_unit ("HTQT", "Trùng", 0);

    g_assert_false (dn_store_add_task (f->store, bad, &error));
    g_clear_error (&error);
    g_assert_true (sqlite3_get_autocommit (trace.db));
    g_assert_false (dn_store_add_unit (f->store, dup, &error));
    g_clear_error (&error);
    g_assert_true (sqlite3_get_autocommit (trace.db));
    g_assert_null (dn_store_subassign_task (f->store, task->id, DN_TEST_UNITS (u.vp), 1, NULL, &error));
    g_clear_error (&error);
    g_assert_true (sqlite3_get_autocommit (trace.db));
  }
  sqlite3_trace_v2 (trace.db, 0, NULL, NULL);

  g_test_message ("%u calls: %u BEGIN IMMEDIATE, %u writes", calls, trace.begins, trace.writes);
  g_assert_cmpuint (trace.writes, >=, calls);
  g_assert_cmpuint (trace.begins, >=, calls);
  g_assert_cmpuint (trace.other_begins, ==, 0);
  g_assert_cmpuint (trace.writes_outside, ==, 0);
}

static void
test_transactions_busy (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = new_unit ("B", "Đơn vị B", 0);
  DnStore *b;
  gint64 start, elapsed;

  b = dn_store_open (f->path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (_dn_store_get_db (b), 100);

  g_assert_true (dn_store_begin (f->store, &error));
  g_assert_no_error (error);

  /* even before A has written anything, B cannot write */
  start = g_get_monotonic_time ();
  g_assert_false (dn_store_add_unit (b, unit, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_test_message ("BUSY after %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (b)));

  dn_test_add_unit (f->store, "A", "Đơn vị A", DN_UNIT_KIND_DIVISION, 0);
  g_assert_false (dn_store_begin (b, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_BUSY);
  g_clear_error (&error);

  /* B still reads (what was committed) */
  g_assert_cmpint (dn_store_count (b, DN_RECORD_UNIT, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (dn_store_commit (f->store, &error));
  g_assert_no_error (error);
  unit->id = 0;
  g_assert_true (dn_store_add_unit (b, unit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_count (b, DN_RECORD_UNIT, NULL), ==, 2);
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_UNIT, NULL), ==, 2);
  dn_test_store_close (&b);
}

/* ---------------------------------------------------------------- audit, reminders, check */

static void
test_audit_person (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPerson) person = new_person ("Nguyễn", "Thị", "An");
  g_autofree char *actions = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *s = NULL;
  gint64 id;

  dn_store_set_actor (f->store, "cán bộ Văn phòng");
  g_assert_true (dn_store_add_person (f->store, person, &error));
  g_assert_no_error (error);
  id = person->id;
  g_free (person->given_name);
  person->given_name = g_strdup ("Anh");
  g_free (person->position);
  person->position = g_strdup ("Chuyên viên");
  g_assert_true (dn_store_update_person (f->store, person, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_delete_person (f->store, id, &error));
  g_assert_no_error (error);

#define ROW_SQL "FROM audit_log WHERE table_name = 'person' AND row_id = %" G_GINT64_FORMAT
  actions = dn_test_query_text (f->store, "SELECT group_concat(action, ',') FROM (SELECT action " ROW_SQL " ORDER BY id)", id);
  g_assert_cmpstr (actions, ==, "insert,update,delete");
  actors = dn_test_query_text (f->store, "SELECT group_concat(DISTINCT actor) " ROW_SQL, id);
  g_assert_cmpstr (actors, ==, "cán bộ Văn phòng");

  /* insert: after only */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT before IS NULL " ROW_SQL " AND action = 'insert'", id), ==, 1);
  s = dn_test_query_text (f->store, "SELECT json_extract(after, '$.given_name') " ROW_SQL " AND action = 'insert'", id);
  g_assert_cmpstr (s, ==, "An");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT json_extract(after, '$.id') " ROW_SQL " AND action = 'insert'", id),
                   ==, id);
  /* the generated sort key is left out */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT json_type(after, '$.sort_key') IS NULL " ROW_SQL " AND action = 'insert'", id),
                   ==, 1);

  /* update: before and after */
  s = dn_test_query_text (f->store, "SELECT json_extract(before, '$.given_name') || '→' || json_extract(after, '$.given_name') "
                          ROW_SQL " AND action = 'update'", id);
  g_assert_cmpstr (s, ==, "An→Anh");
  g_clear_pointer (&s, g_free);
  s = dn_test_query_text (f->store, "SELECT json_extract(before, '$.position') || '→' || json_extract(after, '$.position') "
                          ROW_SQL " AND action = 'update'", id);
  g_assert_cmpstr (s, ==, "→Chuyên viên");
  g_clear_pointer (&s, g_free);

  /* delete: before only */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT after IS NULL " ROW_SQL " AND action = 'delete'", id), ==, 1);
  s = dn_test_query_text (f->store, "SELECT json_extract(before, '$.family_name') || ' ' || json_extract(before, '$.given_name') "
                          ROW_SQL " AND action = 'delete'", id);
  g_assert_cmpstr (s, ==, "Nguyễn Anh");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) " ROW_SQL " AND at <> ''", id), ==, 3);
#undef ROW_SQL

  /* another actor is recorded from then on */
  dn_store_set_actor (f->store, "admin");
  id = dn_test_add_person (f->store, "Trần", "", "Bình", 0);
  g_free (actors);
  actors = dn_test_query_text (f->store, "SELECT actor || ' ' || action FROM audit_log WHERE table_name = 'person' "
                               "AND row_id = %" G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1", id);
  g_assert_cmpstr (actors, ==, "admin insert");
}

static void
test_reminders_immutable (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  sqlite3 *db = _dn_store_get_db (f->store);
  gint64 task_id;
  Units u;

  add_units (f->store, &u);
  task_id = dn_test_add_task (f->store, "Báo cáo chậm", u.pgd_dh, NULL, NULL);
  dn_test_exec (f->store,
                "INSERT INTO reminder (task_id, unit_id, kind, sent_on, note, sent_by) "
                "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'notice', '2024-05-02', 'Nhắc lần 1', 'VP')",
                task_id, u.pgd_dh);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE reminder SET note = 'Đã sửa'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE reminder SET kind = 'review'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM reminder", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_false (_dn_store_exec (f->store, "DELETE FROM reminder", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (_dn_store_exec (f->store, "UPDATE reminder SET note = ''", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);

  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM reminder"), ==, 1);
  note = dn_test_query_text (f->store, "SELECT kind || ' ' || note FROM reminder");
  g_assert_cmpstr (note, ==, "notice Nhắc lần 1");
}

static void
test_check_sound (DnTestStore   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new ("");
  GDate due = dn_test_date (2024, 6, 30);
  Units u;

  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");

  add_units (f->store, &u);
  dn_test_add_person (f->store, "Lê", "Văn", "Tám", u.vp);
  dn_test_add_task (f->store, "Báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");

  /* a broken reference, slipped in behind the store's back, is reported */
  dn_test_exec (f->store,
                "PRAGMA foreign_keys = OFF;"
                "INSERT INTO person (family_name, given_name, unit_id) VALUES ('Mồ', 'Côi', 4242);"
                "PRAGMA foreign_keys = ON;");
  g_assert_false (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "person"));
}

static void
test_check_read_only (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new ("");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  Units u;

  add_units (f->store, &u);
  dn_test_add_task (f->store, "Báo cáo", u.pgd_dh, &due, DN_TEST_UNITS (u.vp));
  dn_test_store_close (&f->store);
  before = dn_test_file_checksum (f->path);

  /* checking a database opened read-only is no reason to report it broken */
  f->store = dn_store_open (f->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  /* one line, a note: the full check of the search index needs write access */
  g_assert_true (g_str_has_prefix (report->str, "Search index: only compared with the records"));
  g_assert_true (strchr (report->str, '\n') == report->str + report->len - 1);
  dn_test_store_close (&f->store);
  after = dn_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_open_empty_sqlite (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* what a first migration that failed leaves: an SQLite header, nothing else */
  dn_test_exec_file (f->path, "PRAGMA journal_mode = WAL");
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA application_id"), ==, 0);
  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA application_id"), ==, DN_STORE_APPLICATION_ID);
  dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
}

/* ---------------------------------------------------------------- one-statement writes and reads by id */

/* A statement in a transaction of its own: committed (one "changed") when it
 * succeeds, rolled back (nothing changed, no transaction left open) when it
 * fails, a savepoint inside a transaction that is open. */
static void
test_write_committed (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 unit = dn_test_add_unit (f->store, "A", "Đơn vị A", DN_UNIT_KIND_DIVISION, 0);
  gint64 doc = dn_test_add_document (f->store, "12", "KH-UBND", "Kế hoạch", NULL);
  gint64 id = 0;
  guint n_changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (dn_test_count_changed), &n_changed);
  g_assert_true (_dn_store_write_committed (f->store, "UPDATE unit SET name = ? WHERE id = ?", &error,
                                            DN_TEXT ("Đơn vị Một"), DN_INT (unit), DN_END));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));

  /* a duplicate code: the error of the statement, nothing kept */
  g_assert_false (_dn_store_write_committed (f->store, "INSERT INTO unit (code, name, kind) VALUES (?, ?, 'division')",
                                             &error, DN_TEXT ("A"), DN_TEXT ("Trùng"), DN_END));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit"), ==, 1);

  /* inside an open transaction: kept only if that one commits */
  g_assert_true (dn_store_begin (f->store, &error));
  g_assert_true (_dn_store_save_committed (f->store, "INSERT INTO unit (id, code, name, kind) VALUES (?, ?, ?, 'division')",
                                           &id, TRUE, NULL, &error, DN_TEXT ("B"), DN_TEXT ("Đơn vị B"), DN_END));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, unit);
  g_assert_false (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
  g_assert_cmpuint (n_changed, ==, 1);
  dn_store_rollback (f->store);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE code = 'B'"), ==, 0);

  /* an update that finds no row: the message given, nothing kept */
  id = unit + 1000;
  g_assert_false (_dn_store_save_committed (f->store, "UPDATE document SET subject = ?2 WHERE id = ?1", &id, FALSE,
                                            "gone", &error, DN_TEXT ("Khác"), DN_END));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "gone");
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (_dn_store_get_db (f->store)));
  g_assert_true (_dn_store_save_committed (f->store, "UPDATE document SET subject = ?2 WHERE id = ?1", &doc, FALSE,
                                           "gone", &error, DN_TEXT ("Kế hoạch năm"), DN_END));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_signal_handlers_disconnect_by_func (f->store, dn_test_count_changed, &n_changed);
}

static const DnRow unit_code_row = {
  dn_unit_get_type,
  { DN_COLUMN (INT64, DnUnit, id), DN_COLUMN (TEXT, DnUnit, code) },
};

/* The public deletes and getters by id over those helpers: the message
 * names the id, a deletion is one "changed". */
static void
test_get_by_id (DnTestStore   *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) document = NULL;
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *missing_unit = NULL;
  gint64 unit_id = dn_test_add_unit (f->store, "A", "Đơn vị A", DN_UNIT_KIND_DIVISION, 0);
  gint64 person_id = dn_test_add_person (f->store, "Nguyễn", "Văn", "An", unit_id);
  gint64 doc_id = dn_test_add_document (f->store, "12", "KH-UBND", "Kế hoạch", NULL);
  guint n_changed = 0;

  document = dn_store_get_document (f->store, doc_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->subject, ==, "Kế hoạch");
  person = dn_store_get_person (f->store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->given_name, ==, "An");

  g_signal_connect (f->store, "changed", G_CALLBACK (dn_test_count_changed), &n_changed);
  g_assert_true (dn_store_delete_document (f->store, doc_id, &error));
  g_assert_true (dn_store_delete_person (f->store, person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_signal_handlers_disconnect_by_func (f->store, dn_test_count_changed, &n_changed);

  g_assert_null (dn_store_get_document (f->store, doc_id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "document #"));
  g_clear_error (&error);
  g_assert_null (dn_store_get_person (f->store, person_id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dn_store_get_attachment (f->store, 4242, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "#4242"));
  g_clear_error (&error);
  g_assert_null (dn_store_get_unit (f->store, unit_id + 7, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  missing_unit = g_strdup_printf ("There is no unit #%" G_GINT64_FORMAT ".", unit_id + 7);
  g_assert_cmpstr (error->message, ==, missing_unit);
  g_clear_error (&error);

  /* the message is formatted with the values given; a failing query is
   * its own error, not "there is no …" */
  g_assert_null (_dn_store_get_by_id (f->store, "SELECT id, code FROM unit WHERE id = ?", &unit_code_row,
                                      unit_id + 7, &error, "No %s %d.", "unit", 8));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No unit 8.");
  g_clear_error (&error);
  g_assert_null (_dn_store_get_by_id (f->store, "SELECT id, code FROM unit WHERE id = ? AND nosuchcolumn",
                                      &unit_code_row, unit_id, &error, "No unit %d.", 1));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  unit = _dn_store_get_by_id (f->store, "SELECT id, code FROM unit WHERE id = ?", &unit_code_row,
                              unit_id, &error, "No unit %d.", 1);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->code, ==, "A");
}

/* A date outside DN_DATE_MIN_YEAR..DN_DATE_MAX_YEAR is refused with the
 * message given; no date passes unless one is required. */
static void
test_check_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate ok = dn_test_date (2024, 6, 30);
  GDate early = dn_test_date (DN_DATE_MIN_YEAR - 1, 12, 31);
  GDate late = dn_test_date (DN_DATE_MAX_YEAR + 1, 1, 1);
  GDate none = dn_test_no_date ();

  g_assert_true (_dn_check_date (&ok, TRUE, &error, "between %d and %d", 1, 2));
  g_assert_true (_dn_check_date (&none, FALSE, &error, "between %d and %d", 1, 2));
  g_assert_true (_dn_check_date (NULL, FALSE, &error, "between %d and %d", 1, 2));
  g_assert_no_error (error);
  g_assert_false (_dn_check_date (&early, FALSE, &error, "between %d and %d", DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "between 1900 and 2200");
  g_clear_error (&error);
  g_assert_false (_dn_check_date (&late, FALSE, &error, "late"));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (_dn_check_date (&none, TRUE, &error, "required"));
  g_assert_cmpstr (error->message, ==, "required");
  g_clear_error (&error);
  g_assert_false (_dn_check_date (NULL, TRUE, &error, "required"));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
}

/* What a step returned: a row or the end is no error, anything else is the
 * store's error for it. */
static void
test_check_step (DnTestStore   *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_dn_store_check_step (f->store, SQLITE_ROW, &error));
  g_assert_true (_dn_store_check_step (f->store, SQLITE_DONE, &error));
  g_assert_no_error (error);
  g_assert_false (_dn_store_check_step (f->store, SQLITE_FULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_false (_dn_store_check_step (f->store, SQLITE_BUSY, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_BUSY);
}

/* ---------------------------------------------------------------- main */


/* The page cache is set in bytes (SQLite counts KiB when negative). */
static void
test_cache_size (DnTestStore   *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_store_set_cache_size (f->store, 128 * 1024 * 1024, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA cache_size"), ==, -131072);
  g_assert_true (dn_store_set_cache_size (f->store, 10, &error));
  g_assert_cmpint (dn_test_query_int (f->store, "PRAGMA cache_size"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/store/open/new", test_open_new);
  DN_TEST_ADD ("/store/cache-size", test_cache_size);
  DN_TEST_ADD ("/store/open/reopen", test_open_reopen);
  DN_TEST_ADD_EMPTY ("/store/open/default-path", test_open_default_path);
  DN_TEST_ADD_EMPTY ("/store/open/garbage", test_open_garbage);
  DN_TEST_ADD_EMPTY ("/store/open/other-program", test_open_other_program);
  DN_TEST_ADD ("/store/open/too-new", test_open_too_new);
  DN_TEST_ADD_EMPTY ("/store/open/zero-length", test_open_zero_length);
  DN_TEST_ADD_EMPTY ("/store/open/empty-sqlite", test_open_empty_sqlite);
  DN_TEST_ADD_EMPTY ("/store/open/no-create", test_open_no_create);
  DN_TEST_ADD ("/store/open/read-only", test_open_read_only);

  DN_TEST_ADD ("/store/units/add-get", test_units_add_get);
  DN_TEST_ADD ("/store/units/find-by-code", test_units_find);
  DN_TEST_ADD ("/store/units/update", test_units_update);
  DN_TEST_ADD ("/store/units/archive", test_units_archive);
  DN_TEST_ADD ("/store/units/duplicate-code", test_units_duplicate);
  DN_TEST_ADD ("/store/units/invalid", test_units_invalid);
  DN_TEST_ADD ("/store/units/cycle", test_units_cycle);
  DN_TEST_ADD ("/store/units/sibling-order", test_units_sibling_order);
  DN_TEST_ADD ("/store/units/tree-order", test_units_tree_order);
  DN_TEST_ADD ("/store/units/archived-hidden", test_units_archived_hidden);
  DN_TEST_ADD ("/store/units/subtree", test_units_subtree);

  DN_TEST_ADD ("/store/people/nfc", test_people_nfc);
  DN_TEST_ADD ("/store/people/order-paging", test_people_order_paging);
  DN_TEST_ADD ("/store/people/by-unit", test_people_by_unit);
  DN_TEST_ADD ("/store/people/invalid", test_people_invalid);

  DN_TEST_ADD ("/store/documents/crud", test_documents_crud);
  g_test_add_func ("/store/documents/reference", test_documents_reference);
  DN_TEST_ADD ("/store/documents/list-order", test_documents_list_order);
  DN_TEST_ADD ("/store/attachments/copy", test_attachments_copy);
  DN_TEST_ADD ("/store/attachments/dedup", test_attachments_dedup);
  DN_TEST_ADD ("/store/attachments/unreadable", test_attachments_unreadable);
  DN_TEST_ADD ("/store/attachments/attach", test_attachments_attach);

  DN_TEST_ADD ("/store/tasks/add", test_tasks_add);
  DN_TEST_ADD ("/store/tasks/support-names", test_tasks_support_names);
  DN_TEST_ADD ("/store/tasks/invalid", test_tasks_invalid);
  DN_TEST_ADD ("/store/tasks/update/assignments", test_tasks_update_assignments);
  DN_TEST_ADD ("/store/tasks/update/keeps-extension", test_tasks_update_keeps_extension);
  DN_TEST_ADD ("/store/tasks/update/archived-units", test_tasks_update_archived_units);
  DN_TEST_ADD ("/store/tasks/delete-restore", test_tasks_delete_restore);
  DN_TEST_ADD ("/store/tasks/filter/unit", test_tasks_filter_unit);
  DN_TEST_ADD ("/store/tasks/filter/status", test_tasks_filter_status);
  DN_TEST_ADD ("/store/tasks/filter/overdue", test_tasks_filter_overdue);
  DN_TEST_ADD ("/store/tasks/filter/due-range", test_tasks_filter_due_range);
  DN_TEST_ADD ("/store/tasks/filter/document", test_tasks_filter_document);
  DN_TEST_ADD ("/store/tasks/filter/parent", test_tasks_filter_parent);
  DN_TEST_ADD ("/store/tasks/filter/text", test_tasks_filter_text);
  DN_TEST_ADD ("/store/tasks/sort/due", test_tasks_sort_due);
  DN_TEST_ADD ("/store/tasks/sort/title", test_tasks_sort_title);
  DN_TEST_ADD ("/store/tasks/paging", test_tasks_paging);
  DN_TEST_ADD ("/store/tasks/foreach-stops", test_tasks_foreach_stops);
  DN_TEST_ADD ("/store/tasks/get-tasks", test_tasks_get_tasks);
  DN_TEST_ADD ("/store/tasks/progress-value", test_tasks_progress_value);

  g_test_add_func ("/store/recurrence/next-due", test_recurrence_next_due);
  DN_TEST_ADD ("/store/recurrence/done-creates-next", test_recurrence_done_creates_next);
  DN_TEST_ADD ("/store/recurrence/done-twice", test_recurrence_done_twice);
  DN_TEST_ADD ("/store/recurrence/none", test_recurrence_none);
  DN_TEST_ADD ("/store/recurrence/edit-undo", test_recurrence_edit_undo);
  DN_TEST_ADD ("/store/recurrence/edit-atomic", test_recurrence_edit_atomic);

  DN_TEST_ADD ("/store/subassign/create", test_subassign_create);
  DN_TEST_ADD ("/store/subassign/not-below", test_subassign_not_below);
  DN_TEST_ADD ("/store/subassign/all-or-nothing", test_subassign_all_or_nothing);
  DN_TEST_ADD ("/store/subassign/duplicate", test_subassign_duplicate);
  DN_TEST_ADD ("/store/subassign/progress", test_subassign_progress);

  DN_TEST_ADD ("/store/assignments/list", test_assignments_list);
  DN_TEST_ADD ("/store/assignments/update", test_assignments_update);
  DN_TEST_ADD ("/store/assignments/extend", test_assignments_extend);

  DN_TEST_ADD ("/store/progress/add-list", test_progress_add_list);
  DN_TEST_ADD ("/store/progress/invalid", test_progress_invalid);
  DN_TEST_ADD ("/store/progress/starts-task", test_progress_starts_task);

  DN_TEST_ADD ("/store/transactions/nested", test_transactions_nested);
  DN_TEST_ADD ("/store/transactions/rollback-outer", test_transactions_rollback_outer);
  DN_TEST_ADD ("/store/transactions/immediate", test_transactions_immediate);
  DN_TEST_ADD ("/store/transactions/busy", test_transactions_busy);

  DN_TEST_ADD ("/store/audit/person", test_audit_person);
  DN_TEST_ADD ("/store/reminders/immutable", test_reminders_immutable);
  DN_TEST_ADD ("/store/check/sound", test_check_sound);
  DN_TEST_ADD ("/store/check/read-only", test_check_read_only);

  DN_TEST_ADD ("/store/write/committed", test_write_committed);
  DN_TEST_ADD ("/store/read/get-by-id", test_get_by_id);
  g_test_add_func ("/store/rules/check-date", test_check_date);
  DN_TEST_ADD ("/store/read/check-step", test_check_step);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
