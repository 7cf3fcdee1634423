/* test-store.c: tests for the SQLite store (dn-store*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

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

static DnTask *
get_task (DnStore *store,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  DnTask *task = dn_store_get_task (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (task);
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
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
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

  /* G_TEST_OPTION_ISOLATE_DIRS: the user data folder is a temporary one.
   * Opening creates the missing folder. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (dn_store_get_schema_version (store), ==, DN_STORE_SCHEMA_VERSION);
  dn_test_store_close (&store);
}

/* Opening @path must fail with @code and leave the file exactly as it was,
 * with no journal next to it. */
static void
assert_refused_unchanged (const char       *path,
                          DnStoreOpenFlags  flags,
                          DnStoreError      code)
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
  g_assert_false (sibling_exists (path, "-wal"));
  g_assert_false (sibling_exists (path, "-shm"));
  g_assert_false (sibling_exists (path, "-journal"));
}

static void
assert_refused_all_flags (const char   *path,
                          DnStoreError  code)
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

      g_test_message ("case %u: code “%s”, name “%s”", i, cases[i].code, cases[i].name);
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

  all = dn_store_list_people (f->store, 0, 0, 100, &error);
  g_assert_no_error (error);
  names = people_names (all);
  g_assert_cmpstr (names, ==, expected_names);

  /* pages of 4 (and a last, shorter one) give the same list */
  for (guint offset = 0; offset < all->len + 4; offset += 4)
    {
      g_autoptr(GPtrArray) page = dn_store_list_people (f->store, 0, offset, 4, &error);

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

  beyond = dn_store_list_people (f->store, 0, 100, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beyond->len, ==, 0);
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

  vp = dn_store_list_people (f->store, unit_vp, 0, 100, &error);
  g_assert_no_error (error);
  vp_names = people_names (vp);
  g_assert_cmpstr (vp_names, ==, "Phạm Minh An|Võ Thị Bích|Trần Văn Cường");
  for (guint i = 0; i < vp->len; i++)
    {
      g_assert_cmpint (((DnPerson *) vp->pdata[i])->unit_id, ==, unit_vp);
      g_assert_cmpstr (((DnPerson *) vp->pdata[i])->unit_code, ==, "VP");
    }
  other = dn_store_list_people (f->store, unit_empty, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 0);
  everyone = dn_store_list_people (f->store, 0, 0, 100, &error);
  g_assert_cmpuint (everyone->len, ==, 5);
  {
    g_autoptr(GPtrArray) page = dn_store_list_people (f->store, unit_vp, 1, 1, &error);
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

  all = dn_store_list_documents (f->store, 0, 100, &error);
  g_assert_no_error (error);
  got = dn_test_ids_of_records (all);
  /* newest first; the same day: the later record first; undated last */
  expected = DN_TEST_IDS (e, b, a, c, d);
  g_assert_cmpstr (got, ==, expected);

  for (guint offset = 0; offset < 6; offset += 2)
    {
      g_autoptr(GPtrArray) page = dn_store_list_documents (f->store, offset, 2, &error);

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
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 2);
}
