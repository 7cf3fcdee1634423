/* test-migrations.c: tests for the schema migrations of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ---------------------------------------------------------------- helpers */

/* Rows written with plain SQL at schema version 1 (the search tables do not
 * exist yet, so the store's own calls cannot be used for everything). */
static const char v1_rows[] =
  "INSERT INTO unit (id, code, name, kind) VALUES (1, 'SGD', 'Sở Giáo dục và Đào tạo', 'department');"
  "INSERT INTO unit (id, code, name, kind, parent_id) VALUES (2, 'HTQT', 'Phòng Hợp tác quốc tế', 'division', 1);"
  "INSERT INTO person (id, family_name, middle_name, given_name, unit_id, position) "
  "  VALUES (1, 'Nguyễn', 'Văn', 'Đức', 2, 'Chuyên viên');"
  "INSERT INTO document (id, direction, type, number, symbol, issue_date, subject) "
  "  VALUES (1, 'incoming', 'plan', '14', 'KH-SGDĐT', '2024-01-05', 'Kế hoạch đoàn ra Nhật Bản');"
  "INSERT INTO task (id, document_id, title, due_date) VALUES (1, 1, 'Gia hạn hộ chiếu công vụ', '2024-06-30');"
  "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (1, 2, 'lead', '2024-06-30');"
  "INSERT INTO task (id, title, deleted) VALUES (2, 'Nhiệm vụ đã xoá', 1);"
  "INSERT INTO assignment (task_id, unit_id, role) VALUES (2, 2, 'lead');";

static DnStore *
open_at (const char *path,
         int         version)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = _dn_store_open_at_version (path, version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (dn_store_get_schema_version (store), ==, version);
  return store;
}

static DnStore *
open_latest (const char *path)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (dn_store_get_schema_version (store), ==, DN_STORE_SCHEMA_VERSION);
  return store;
}

static gboolean
has_object (DnStore    *store,
            const char *type,
            const char *name)
{
  g_autofree char *quoted = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = '%s' AND name = '%s'",
                                             type, name);
  return dn_test_query_int (store, "%s", quoted) > 0;
}

/* "kind:id" of every hit of @text, in order */
static char *
search_string (DnStore    *store,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dn_store_search (store, text, 50, &error);
  GString *s = g_string_new ("");

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];
      g_string_append_printf (s, "%s%s:%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              dn_record_kind_to_string (hit->kind), hit->id);
    }
  return g_string_free (s, FALSE);
}

static void
assert_sound (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new ("");

  g_assert_true (dn_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

/* What every database at the latest version has. */
static void
assert_latest_schema (DnStore *store)
{
  static const char * const audited[] = { "unit", "person", "document", "task", "assignment", "reminder" };

  g_assert_cmpint (dn_test_query_int (store, "PRAGMA user_version"), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (store, "PRAGMA application_id"), ==, DN_STORE_APPLICATION_ID);
  g_assert_true (has_object (store, "table", "search"));
  g_assert_true (has_object (store, "trigger", "search_unit_ins"));
  g_assert_true (has_object (store, "trigger", "search_task_upd"));
  for (guint i = 0; i < G_N_ELEMENTS (audited); i++)
    {
      g_autofree char *insert = g_strdup_printf ("audit_%s_insert", audited[i]);
      g_autofree char *update = g_strdup_printf ("audit_%s_update", audited[i]);
      g_autofree char *delete = g_strdup_printf ("audit_%s_delete", audited[i]);

      g_assert_true (has_object (store, "trigger", insert));
      g_assert_true (has_object (store, "trigger", update));
      g_assert_true (has_object (store, "trigger", delete));
    }
  /* the change log's triggers on the tables the API serves, none on the log */
  g_assert_true (has_object (store, "table", "change_log"));
  g_assert_true (has_object (store, "trigger", "change_task_insert"));
  g_assert_true (has_object (store, "trigger", "change_report_receipt_delete"));
  g_assert_true (has_object (store, "trigger", "change_delegation_country_update"));
  g_assert_false (has_object (store, "trigger", "change_change_log_insert"));
  g_assert_false (has_object (store, "trigger", "audit_change_log_insert"));
  g_assert_false (has_object (store, "trigger", "change_setting_insert"));
  /* no audit of the audit log nor of the search index */
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                             "AND (name LIKE 'audit\\_audit%%' ESCAPE '\\' "
                                             "OR name LIKE 'audit\\_search%%' ESCAPE '\\')"), ==, 0);
  assert_sound (store);
}

/* ---------------------------------------------------------------- tests */

static void
test_migrations_v1_to_latest (DnTestStore   *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v1.bak", NULL);
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(DnTask) task = NULL;
  DnStore *store;

  store = open_at (f->path, 1);
  g_assert_false (has_object (store, "table", "search"));
  g_assert_true (has_object (store, "trigger", "audit_unit_insert"));
  dn_test_exec (store, "%s", v1_rows);
  /* the store reads fine at version 1 */
  unit = dn_store_get_unit (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->parent_code, ==, "SGD");
  g_clear_object (&unit);
  dn_test_store_close (&store);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);

  /* a copy of the version 1 database was kept */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (dn_test_query_file_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (dn_test_query_file_int (backup, "PRAGMA application_id"), ==, DN_STORE_APPLICATION_ID);
  g_assert_cmpint (dn_test_query_file_int (backup, "SELECT count(*) FROM unit"), ==, 2);
  g_assert_cmpint (dn_test_query_file_int (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'search'"), ==, 0);

  /* the rows are there */
  unit = dn_store_get_unit (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->code, ==, "HTQT");
  g_assert_cmpstr (unit->parent_code, ==, "SGD");
  person = dn_store_get_person (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->given_name, ==, "Đức");
  task = dn_store_get_task (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (task->lead_unit_code, ==, "HTQT");
  g_assert_cmpstr (task->document_label, ==, "14/KH-SGDĐT");
  g_assert_cmpint (dn_store_count (f->store, DN_RECORD_TASK, NULL), ==, 1);

  /* … and the search index was filled from them (not the deleted task) */
  {
    g_autofree char *passport = search_string (f->store, "ho chieu");
    g_autofree char *duc = search_string (f->store, "van duc");
    g_autofree char *hop_tac = search_string (f->store, "hợp tác");
    g_autofree char *japan = search_string (f->store, "nhat ban");
    g_autofree char *deleted = search_string (f->store, "da xoa");
    g_autofree char *code = search_string (f->store, "htqt");

    g_assert_cmpstr (passport, ==, "task:1");
    g_assert_cmpstr (duc, ==, "person:1");
    g_assert_cmpstr (hop_tac, ==, "unit:2");
    g_assert_cmpstr (japan, ==, "document:1");
    g_assert_cmpstr (deleted, ==, "");
    g_assert_cmpstr (code, ==, "unit:2");
  }
  {
    DnTaskQuery q;
    g_autoptr(GArray) ids = NULL;

    dn_task_query_init (&q);
    q.text = "hộ chiếu";
    ids = dn_store_list_task_ids (f->store, &q, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  }

  /* restoring the deleted task puts it into the index */
  g_assert_true (dn_store_restore_task (f->store, 2, &error));
  g_assert_no_error (error);
  {
    g_autofree char *restored = search_string (f->store, "da xoa");
    g_assert_cmpstr (restored, ==, "task:2");
  }

  /* new rows are indexed and audited */
  dn_test_add_unit (f->store, "ĐTN", "Đoàn Thanh niên", DN_UNIT_KIND_EXTERNAL, 0);
  {
    g_autofree char *youth = search_string (f->store, "thanh nien");
    g_assert_cmpstr (youth, ==, "unit:3");
  }
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' AND row_id = 3"),
                   ==, 1);

  /* opening again migrates nothing and keeps the backup as it was */
  {
    g_autofree char *backup_sum = dn_test_file_checksum (backup);
    g_autofree char *after = NULL;

    dn_test_store_reopen (f);
    g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
    after = dn_test_file_checksum (backup);
    g_assert_cmpstr (after, ==, backup_sum);
  }
}

static void
test_migrations_empty_to_latest (DnTestStore   *f,
                                 gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_true (dn_store_is_empty (f->store, NULL));

  /* nothing to back up */
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".bak"));

  /* an empty file too */
  dn_test_store_close (&f->store);
  g_remove (f->path);
  dn_test_write_file (f->path, "", 0);
  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
}

static void
test_migrations_every_version (DnTestStore   *f,
                               gconstpointer  data)
{
  for (int v = 0; v < DN_STORE_SCHEMA_VERSION; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("v%d.db", v);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, v);
      DnStore *store;

      g_test_message ("from version %d", v);
      store = open_at (path, v);
      if (v >= 1)
        dn_test_exec (store, "INSERT INTO unit (id, code, name, kind) VALUES (1, 'HTQT', 'Phòng Hợp tác quốc tế', 'division')");
      dn_test_store_close (&store);

      store = open_latest (path);
      assert_latest_schema (store);
      if (v >= 1)
        {
          g_autoptr(DnUnit) unit = dn_store_find_unit (store, "HTQT", &error);
          g_autofree char *found = search_string (store, "hop tac");

          g_assert_no_error (error);
          g_assert_cmpint (unit->id, ==, 1);
          g_assert_cmpstr (found, ==, "unit:1");
          g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
          g_assert_cmpint (dn_test_query_file_int (backup, "PRAGMA user_version"), ==, v);
        }
      else
        g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

      /* and it can be written */
      dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
      dn_test_store_close (&store);
    }
}

static void
test_migrations_step_by_step (DnTestStore   *f,
                              gconstpointer  data)
{
  for (int v = 0; v <= DN_STORE_SCHEMA_VERSION; v++)
    {
      DnStore *store = open_at (f->path, v);

      if (v == 1)
        dn_test_exec (store, "INSERT INTO unit (id, code, name, kind) VALUES (1, 'HTQT', 'Phòng Hợp tác quốc tế', 'division')");
      dn_test_store_close (&store);
    }
  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  {
    g_autofree char *found = search_string (f->store, "quoc te");
    g_assert_cmpstr (found, ==, "unit:1");
  }
}

static void
test_migrations_no_migrate (DnTestStore   *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = open_at (f->path, 1);

  dn_test_exec (store, "%s", v1_rows);
  dn_test_store_close (&store);

  /* opened as it is, for checks */
  store = dn_store_open (f->path, DN_STORE_OPEN_NO_MIGRATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_schema_version (store), ==, 1);
  {
    g_autoptr(GString) report = g_string_new ("");

    /* sound, but not at the current version */
    g_assert_false (dn_store_check (store, report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report->str, !=, "");
  }
  dn_test_store_close (&store);

  /* read-only never migrates */
  store = dn_store_open (f->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_schema_version (store), ==, 1);
  g_assert_cmpint (dn_store_count (store, DN_RECORD_UNIT, &error), ==, 2);
  g_assert_no_error (error);
  dn_test_store_close (&store);

  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'search'"), ==, 0);
}

/* Migration 2 fails on @obstacle (SQL run at version 1); the database must be
 * left at version 1 with its data, and open once the obstacle is gone. */
static void
assert_failed_migration (DnTestStore *f,
                         const char  *obstacle,
                         const char  *removal)
{
  g_autoptr(GError) error = NULL;
  const char *expected = "version 2";
  g_autoptr(GString) report = g_string_new ("");
  DnStore *store = open_at (f->path, 1);
  gint64 n_search_objects;

  dn_test_exec (store, "%s", v1_rows);
  dn_test_exec (store, "%s", obstacle);
  n_search_objects = dn_test_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search%%'");
  dn_test_store_close (&store);

  store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DN_STORE_ERROR);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_nonnull (strstr (error->message, "search"));
  g_clear_error (&error);

  /* rolled back: still version 1, the data intact, nothing of version 2 */
  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA application_id"), ==, DN_STORE_APPLICATION_ID);
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM unit"), ==, 2);
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM task"), ==, 2);
  g_assert_cmpint (dn_test_query_file_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search%'"),
                   ==, n_search_objects);
  store = dn_store_open (f->path, DN_STORE_OPEN_NO_MIGRATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_schema_version (store), ==, 1);
  g_assert_false (dn_store_check (store, report, NULL));   /* not at the current version */
  {
    g_autoptr(DnTask) task = dn_store_get_task (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (task->title, ==, "Gia hạn hộ chiếu công vụ");
  }
  dn_test_store_close (&store);

  /* trying again fails the same way */
  store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_file_int (f->path, "PRAGMA user_version"), ==, 1);

  /* without the obstacle the migration goes through */
  dn_test_exec_file (f->path, removal);
  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  {
    g_autofree char *found = search_string (f->store, "ho chieu");
    g_assert_cmpstr (found, ==, "task:1");
  }
}

static void
test_migrations_failure_table (DnTestStore   *f,
                               gconstpointer  data)
{
  /* fails on the first statement of 002-search.sql */
  assert_failed_migration (f,
                           "CREATE TABLE search (x TEXT); INSERT INTO search VALUES ('tay');",
                           "DROP TABLE search;");
}

static void
test_migrations_failure_late (DnTestStore   *f,
                              gconstpointer  data)
{
  /* fails after the index and most triggers were created: all of it must go */
  assert_failed_migration (f,
                           "CREATE TRIGGER search_project_del AFTER DELETE ON project BEGIN SELECT 1; END;",
                           "DROP TRIGGER search_project_del;");
}

/* Version 3 brings the data written before under the task rules: a task's
 * deadline is its lead's current one, a task done or cancelled has no unit
 * row still open; the rest is left as it was. */
static void
test_migrations_task_rules (DnTestStore   *f,
                            gconstpointer  data)
{
  DnStore *store = open_at (f->path, 2);

  dn_test_exec (store, "%s", v1_rows);
  dn_test_exec (store,
                "INSERT INTO unit (id, code, name, kind, parent_id) VALUES (3, 'VP', 'Văn phòng', 'division', 1);"
                /* task 1: its lead extended to 31/12 without the task following */
                "INSERT INTO deadline_extension (assignment_id, old_due_date, new_due_date, reason) "
                "  SELECT id, '2024-06-30', '2024-12-31', 'Chờ Bộ' FROM assignment WHERE task_id = 1;"
                "UPDATE assignment SET due_date = '2024-12-31' WHERE task_id = 1;"
                "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (1, 3, 'support', '2024-06-30');"
                /* task 3: done, its rows still open; task 4: open, rows untouched */
                "INSERT INTO task (id, title, due_date, status) VALUES (3, 'Tiếp đoàn KOICA', '2024-03-31', 'done');"
                "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (3, 2, 'lead', '2024-03-31');"
                "INSERT INTO assignment (task_id, unit_id, role, due_date, status) "
                "  VALUES (3, 3, 'support', '2024-03-31', 'in_progress');"
                "INSERT INTO task (id, title, due_date) VALUES (4, 'Báo cáo quý', '2024-09-30');"
                "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (4, 2, 'lead', '2024-09-30');"
                "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (4, 3, 'support', '2024-08-31');");
  dn_test_store_close (&store);

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT due_date = '2024-12-31' FROM task WHERE id = 1"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = 1 AND unit_id = 3 "
                                                "AND due_date = '2024-06-30'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = 3 "
                                                "AND status = 'done'"), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT due_date = '2024-09-30' FROM task WHERE id = 4"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = 4 "
                                                "AND status = 'open'"), ==, 2);
}

/* Version 4 adds the names of units with their dates and the merges;
 * reminders stay unchangeable, but a merge may move them. Data written at
 * version 3 is left as it was. */
static void
test_migrations_unit_names (DnTestStore   *f,
                            gconstpointer  data)
{
  DnStore *store = open_at (f->path, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GDate day = dn_test_date (2025, 7, 1);
  gint64 merge_id = 0;

  dn_test_exec (store, "%s", v1_rows);
  dn_test_exec (store,
                "INSERT INTO unit (id, code, name, kind) VALUES (3, 'PGD-BT', 'Phòng GD&ĐT Bảo Thắng', 'district_office');"
                "INSERT INTO reminder (task_id, unit_id, kind, sent_on) VALUES (1, 2, 'notice', '2024-06-01');");
  g_assert_false (has_object (store, "table", "unit_name"));
  dn_test_store_close (&store);

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_true (has_object (f->store, "table", "unit_name"));
  g_assert_true (has_object (f->store, "table", "unit_merge"));
  g_assert_true (has_object (f->store, "trigger", "audit_unit_name_insert"));
  g_assert_true (has_object (f->store, "trigger", "audit_unit_merge_delete"));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit_name"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM reminder WHERE unit_id = 2"), ==, 1);

  /* a reminder still cannot be edited by hand … */
  g_assert_false (_dn_store_exec (f->store, "UPDATE reminder SET note = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (_dn_store_exec (f->store, "UPDATE reminder SET unit_id = 3", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* … but a merge moves it, and its undo moves it back */
  g_assert_true (dn_store_merge_units (f->store, 2, 1, &merge_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT unit_id FROM reminder"), ==, 1);
  g_assert_true (dn_store_undo_merge (f->store, merge_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT unit_id FROM reminder"), ==, 2);

  /* names with their dates work on a migrated database */
  g_assert_true (dn_store_rename_unit (f->store, 3, "Phòng Văn hoá – Xã hội xã Bảo Thắng", &day, &error));
  g_assert_no_error (error);
  day = dn_test_date (2024, 9, 5);
  name = dn_store_unit_name_at (f->store, 3, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Phòng GD&ĐT Bảo Thắng");
  assert_sound (f->store);
}

/* Version 6 brings the registers of Nghị định 30/2020: the one level of
 * secrecy of version 1 ("confidential") becomes mật of three, the new
 * columns take their defaults, the numbers go on from those there. */
static void
test_migrations_document_register (DnTestStore   *f,
                                   gconstpointer  data)
{
  DnStore *store = open_at (f->path, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) old = NULL;
  g_autoptr(DnDocument) next = dn_document_new ();

  dn_test_exec (store, "%s", v1_rows);
  dn_test_exec (store,
                "INSERT INTO document (id, direction, type, number, symbol, issue_date, subject, classification) "
                "  VALUES (2, 'outgoing', 'decision', '07', 'QĐ-SGDĐT', '2024-03-01', 'Quyết định mật', 'confidential');"
                "INSERT INTO document (id, direction, type, number, symbol, issue_date, subject) "
                "  VALUES (3, 'outgoing', 'decision', '09', 'QĐ-SGDĐT', '2024-03-02', 'Quyết định cử đoàn');");
  dn_test_store_close (&store);

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM document"), ==, 3);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM document WHERE classification = 'mat'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM document WHERE classification = 'normal' "
                                                "AND urgency = 'normal' AND receiver = '' AND notes = '' "
                                                "AND copies IS NULL AND passed_on IS NULL"), ==, 2);
  /* the task still points at its document */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT document_id FROM task WHERE id = 1"), ==, 1);
  g_assert_true (has_object (f->store, "trigger", "audit_document_update"));
  g_assert_true (has_object (f->store, "trigger", "search_document_upd"));

  old = dn_store_get_document (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->classification, ==, DN_CLASSIFICATION_CONFIDENTIAL);
  g_assert_cmpstr (old->subject, ==, "Quyết định mật");

  /* the year's register goes on after 09 */
  next->direction = DN_DIRECTION_OUTGOING;
  next->type = DN_DOCUMENT_TYPE_DECISION;
  next->issue_date = dn_test_date (2024, 4, 1);
  g_free (next->subject);
  next->subject = g_strdup ("Quyết định tiếp theo");
  g_assert_true (dn_store_register_document (f->store, next, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (next->number, ==, "10");
  /* the audit log sees the new columns */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'document' "
                                                "AND json_extract (after, '$.urgency') = 'normal'"), ==, 1);
  assert_sound (f->store);
}

/* Version 8 to 9: the receipts of the units' periodic reports; a
 * quarterly report task written before owes its reports at once. */
static void
test_migrations_report_receipts (DnTestStore   *f,
                                 gconstpointer  data)
{
  DnStore *store = open_at (f->path, 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) owed = NULL;
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  GDate today = dn_test_date (2024, 7, 20);

  g_assert_false (has_object (store, "table", "report_receipt"));
  dn_test_exec (store, "%s", v1_rows);
  dn_test_exec (store,
                "INSERT INTO task (id, title, due_date, recurrence) "
                "  VALUES (3, 'Báo cáo quý công tác đối ngoại', '2024-06-30', 'quarterly');"
                "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (3, 2, 'lead', '2024-06-30');");
  dn_test_store_close (&store);

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_true (has_object (f->store, "table", "report_receipt"));
  g_assert_true (has_object (f->store, "trigger", "audit_report_receipt_insert"));
  owed = dn_store_list_owed_reports (f->store, NULL, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (owed->len, ==, 1);
  g_assert_cmpstr (((DnOwedReport *) owed->pdata[0])->period, ==, "2024-Q2");
  g_assert_cmpint (((DnOwedReport *) owed->pdata[0])->state, ==, DN_OWED_LATE);

  receipt->task_id = 3;
  receipt->unit_id = 2;
  receipt->received_on = dn_test_date (2024, 7, 2);
  g_assert_true (dn_store_record_report_received (f->store, receipt, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM report_receipt WHERE period = '2024-Q2'"),
                   ==, 1);
  assert_sound (f->store);
}

/* Version 9 to 10: the accounts of the department server; their sessions
 * and failed sign-ins are not audited, nor a password hash. */
static void
test_migrations_accounts (DnTestStore   *f,
                          gconstpointer  data)
{
  DnStore *store = open_at (f->path, 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autofree char *token = NULL;
  g_autoptr(DnAccount) signed_in = NULL;
  g_autofree char *audit_sql = NULL;

  g_assert_false (has_object (store, "table", "account"));
  dn_test_exec (store, "%s", v1_rows);
  dn_test_store_close (&store);

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_true (has_object (f->store, "table", "account"));
  g_assert_true (has_object (f->store, "table", "account_session"));
  g_assert_true (has_object (f->store, "table", "account_attempt"));
  g_assert_true (has_object (f->store, "trigger", "audit_account_update"));
  g_assert_false (has_object (f->store, "trigger", "audit_account_session_insert"));
  g_assert_false (has_object (f->store, "trigger", "audit_account_attempt_insert"));
  audit_sql = dn_test_query_text (f->store, "SELECT sql FROM sqlite_schema WHERE name = 'audit_account_update'");
  g_assert_nonnull (strstr (audit_sql, "'disabled'"));
  g_assert_null (strstr (audit_sql, "password_hash"));

  g_free (account->name);
  account->name = g_strdup ("duc");
  account->unit_id = 2;
  account->role = DN_ACCOUNT_ROLE_UNIT;
  g_assert_true (dn_store_add_account (f->store, account, "mật khẩu dài", &error));
  g_assert_no_error (error);
  token = dn_store_open_session (f->store, "duc", "mật khẩu dài", NULL, &error);
  g_assert_no_error (error);
  signed_in = dn_store_check_session (f->store, token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signed_in->unit_code, ==, "HTQT");
  assert_sound (f->store);
}

/* Version 9 to 11 (through 10, the accounts): every row served takes revision 0 and one "insert" entry, and the
 * triggers log what is written after. */
static void
test_migrations_changes (DnTestStore   *f,
                         gconstpointer  data)
{
  DnStore *store = open_at (f->path, 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 last = 0;

  dn_test_exec (store, "%s", v1_rows);
  g_assert_false (has_object (store, "table", "change_log"));
  dn_test_store_close (&store);

  f->store = open_latest (f->path);
  assert_latest_schema (f->store);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE revision = 0"), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE revision = 0"), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE revision = 0"), ==, 2);
  /* units 2, person 1, document 1, tasks 2, assignments 2 */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE op = 'insert' "
                                                "AND actor IS NOT NULL"), ==, 8);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log"), ==, 8);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, 8);
  /* referenced rows come first: the units before the tasks */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT max(revision) FROM change_log WHERE table_name = 'unit'"),
                   <, dn_test_query_int (f->store, "SELECT min(revision) FROM change_log WHERE table_name = 'task'"));
  g_assert_true (dn_store_check_revision (f->store, "task", 1, 0, &error));
  g_assert_no_error (error);

  /* a write after the upgrade */
  dn_test_exec (f->store, "UPDATE task SET title = 'Gia hạn hộ chiếu ngoại giao' WHERE id = 1");
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT revision FROM task WHERE id = 1"), ==, 9);
  changes = dn_store_read_changes (f->store, 0, 0, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 8);
  g_assert_cmpint (last, ==, 9);
  g_assert_cmpstr (((DnChange *) changes->pdata[7])->table, ==, "task");
  g_assert_cmpint (((DnChange *) changes->pdata[7])->op, ==, DN_CHANGE_UPDATE);
  assert_sound (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  /* still argon2id, at its lowest cost */
  _dn_accounts_set_hash_limits (1, 8192);

  DN_TEST_ADD_EMPTY ("/migrations/v1-to-latest", test_migrations_v1_to_latest);
  DN_TEST_ADD_EMPTY ("/migrations/empty-to-latest", test_migrations_empty_to_latest);
  DN_TEST_ADD_EMPTY ("/migrations/every-version", test_migrations_every_version);
  DN_TEST_ADD_EMPTY ("/migrations/step-by-step", test_migrations_step_by_step);
  DN_TEST_ADD_EMPTY ("/migrations/no-migrate", test_migrations_no_migrate);
  DN_TEST_ADD_EMPTY ("/migrations/task-rules", test_migrations_task_rules);
  DN_TEST_ADD_EMPTY ("/migrations/unit-names", test_migrations_unit_names);
  DN_TEST_ADD_EMPTY ("/migrations/document-register", test_migrations_document_register);
  DN_TEST_ADD_EMPTY ("/migrations/report-receipts", test_migrations_report_receipts);
  DN_TEST_ADD_EMPTY ("/migrations/accounts", test_migrations_accounts);
  DN_TEST_ADD_EMPTY ("/migrations/changes", test_migrations_changes);
  DN_TEST_ADD_EMPTY ("/migrations/failure/table", test_migrations_failure_table);
  DN_TEST_ADD_EMPTY ("/migrations/failure/late", test_migrations_failure_late);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
