/* test-changes.c: revisions and the change log (dn-store-changes.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-changes"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-store-exchange.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ---------------------------------------------------------------- helpers */

static gint64
n_entries (DnStore *store)
{
  return dn_test_query_int (store, "SELECT count(*) FROM change_log");
}

/* "op table:row actor" of the last entry */
static char *
last_entry (DnStore *store)
{
  return dn_test_query_text (store, "SELECT op || ' ' || table_name || ':' || row_id || ' ' || ifnull(actor, '-') "
                                    "FROM change_log ORDER BY revision DESC LIMIT 1");
}

static gint64
row_revision (DnStore    *store,
              const char *table,
              gint64      id)
{
  return dn_test_query_int (store, "SELECT revision FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
}

/* "op table:row" of each change, in order */
static char *
changes_string (GPtrArray *changes)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < changes->len; i++)
    {
      const DnChange *c = changes->pdata[i];
      g_string_append_printf (s, "%s%s %s:%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              dn_change_op_to_string (c->op), c->table, c->row_id);
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
read_changes (DnStore *store,
              gint64   since,
              guint    limit,
              gint64  *last)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = dn_store_read_changes (store, since, limit, last, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

/* ---------------------------------------------------------------- tests */

/* Each kind of write is one entry with its op, its row and who; the row's
 * revision is the entry's. */
static void
test_changes_writes (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *entry = NULL;
  gint64 unit_id, person_id, before;

  g_assert_cmpint (n_entries (f->store), ==, 0);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, 0);
  dn_store_set_actor (f->store, "Nguyễn Thị Lan");

  unit_id = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  g_assert_cmpint (n_entries (f->store), ==, 1);
  entry = last_entry (f->store);
  dn_test_assert_owned_cmpstr (g_strdup_printf ("insert unit:%" G_GINT64_FORMAT " Nguyễn Thị Lan", unit_id), ==, entry);
  g_assert_cmpint (row_revision (f->store, "unit", unit_id), ==, 1);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, 1);
  g_clear_pointer (&entry, g_free);

  /* an update through the C API: one entry, the row's revision moves */
  unit = dn_store_get_unit (f->store, unit_id, &error);
  g_assert_no_error (error);
  g_free (unit->name);
  unit->name = g_strdup ("Phòng Hợp tác Quốc tế");
  before = n_entries (f->store);
  g_assert_true (dn_store_update_unit (f->store, unit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE table_name = 'unit' "
                                                "AND op = 'update'"), ==, 1);
  g_assert_cmpint (row_revision (f->store, "unit", unit_id), ==,
                   dn_test_query_int (f->store, "SELECT max(revision) FROM change_log WHERE table_name = 'unit'"));
  g_assert_cmpint (row_revision (f->store, "unit", unit_id), >, 1);
  g_assert_cmpint (n_entries (f->store), >, before);

  /* insert, update and delete of a person, plain SQL too */
  person_id = dn_test_add_person (f->store, "Trần", "Văn", "Minh", unit_id);
  entry = last_entry (f->store);
  dn_test_assert_owned_cmpstr (g_strdup_printf ("insert person:%" G_GINT64_FORMAT " Nguyễn Thị Lan", person_id), ==, entry);
  g_clear_pointer (&entry, g_free);
  before = n_entries (f->store);
  dn_test_exec (f->store, "UPDATE person SET position = 'Chuyên viên' WHERE id = %" G_GINT64_FORMAT, person_id);
  g_assert_cmpint (n_entries (f->store), ==, before + 1);
  g_assert_cmpint (row_revision (f->store, "person", person_id), ==, dn_store_get_revision (f->store));
  dn_store_set_actor (f->store, "Lê Văn Hùng");
  g_assert_true (dn_store_delete_person (f->store, person_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_entries (f->store), ==, before + 2);
  entry = last_entry (f->store);
  dn_test_assert_owned_cmpstr (g_strdup_printf ("delete person:%" G_GINT64_FORMAT " Lê Văn Hùng", person_id), ==, entry);

  /* revisions are the log's, in order; the audit log still has one entry
   * per write, none for setting a revision */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE revision > 0"), ==,
                   dn_store_get_revision (f->store));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'person'"), ==, 3);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE table_name = 'person'"), ==, 3);
}

/* Setting the revision is an update that logs nothing, whether SQLite's
 * recursive triggers are off (its default) or on. */
static void
test_changes_no_recursion (DnTestStore   *f,
                           gconstpointer  data)
{
  gint64 unit_id = dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);

  for (int recursive = 0; recursive <= 1; recursive++)
    {
      gint64 before = n_entries (f->store);
      gint64 audit_before = dn_test_query_int (f->store, "SELECT count(*) FROM audit_log");

      dn_test_exec (f->store, "PRAGMA recursive_triggers = %s", recursive ? "ON" : "OFF");
      dn_test_exec (f->store, "UPDATE unit SET name = 'Văn phòng %d' WHERE id = %" G_GINT64_FORMAT, recursive, unit_id);
      g_assert_cmpint (n_entries (f->store), ==, before + 1);
      g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, audit_before + 1);
      g_assert_cmpint (row_revision (f->store, "unit", unit_id), ==, before + 1);

      /* a new row too: one entry, its revision set */
      dn_test_add_unit (f->store, recursive ? "TC" : "KH", "Phòng", DN_UNIT_KIND_DIVISION, 0);
      g_assert_cmpint (n_entries (f->store), ==, before + 2);
    }
  dn_test_exec (f->store, "PRAGMA recursive_triggers = OFF");
}

/* Reading: each row once with its last change, oldest first; pages by
 * limit, a row changed again after its page comes again. */
static void
test_changes_read (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *text = NULL;
  gint64 a, b, c, last = -1, since, start;

  a = dn_test_add_unit (f->store, "A", "Phòng A", DN_UNIT_KIND_DIVISION, 0);
  b = dn_test_add_unit (f->store, "B", "Phòng B", DN_UNIT_KIND_DIVISION, 0);
  start = dn_store_get_revision (f->store);
  for (int i = 0; i < 5; i++)
    dn_test_exec (f->store, "UPDATE unit SET name = 'Phòng A%d' WHERE id = %" G_GINT64_FORMAT, i, a);
  c = dn_test_add_unit (f->store, "C", "Phòng C", DN_UNIT_KIND_DIVISION, 0);
  dn_test_exec (f->store, "DELETE FROM unit WHERE id = %" G_GINT64_FORMAT, c);
  dn_test_exec (f->store, "UPDATE unit SET name = 'Phòng B1' WHERE id = %" G_GINT64_FORMAT, b);

  /* from the start: b's last change is its update, a's the fifth update,
   * c inserted and deleted is a delete */
  all = read_changes (f->store, 0, 0, &last);
  text = changes_string (all);
  dn_test_assert_owned_cmpstr (g_strdup_printf ("update unit:%" G_GINT64_FORMAT ", delete unit:%" G_GINT64_FORMAT
                                              ", update unit:%" G_GINT64_FORMAT, a, c, b), ==, text);
  g_assert_cmpint (last, ==, dn_store_get_revision (f->store));
  g_assert_cmpint (((DnChange *) all->pdata[2])->revision, ==, last);
  g_assert_cmpint (((DnChange *) all->pdata[0])->revision, ==, start + 5);
  g_clear_pointer (&text, g_free);

  /* after the last revision: nothing, and the cursor stays */
  none = read_changes (f->store, last, 0, &since);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (since, ==, last);

  /* pages of one: the same three, then the cursor at the end */
  {
    g_autoptr(GString) paged = g_string_new ("");
    guint n_pages = 0;

    since = 0;
    for (;;)
      {
        g_autoptr(GPtrArray) page = read_changes (f->store, since, 1, &last);
        g_autofree char *one = changes_string (page);

        if (page->len == 0)
          break;
        g_assert_cmpuint (page->len, ==, 1);
        g_assert_cmpint (last, ==, ((DnChange *) page->pdata[0])->revision);
        g_string_append_printf (paged, "%s%s", paged->len > 0 ? ", " : "", one);
        since = last;
        n_pages++;
        /* a row already read, changed again between pages, comes again */
        if (n_pages == 1)
          dn_test_exec (f->store, "UPDATE unit SET name = 'Phòng A9' WHERE id = %" G_GINT64_FORMAT, a);
        g_assert_cmpuint (n_pages, <, 10);
      }
    dn_test_assert_owned_cmpstr (g_strdup_printf ("update unit:%" G_GINT64_FORMAT ", delete unit:%" G_GINT64_FORMAT
                                      ", update unit:%" G_GINT64_FORMAT ", update unit:%" G_GINT64_FORMAT,
                                      a, c, b, a), ==, paged->str);
    g_assert_cmpint (since, ==, dn_store_get_revision (f->store));
  }

  /* a page of two of three: the cursor at the second */
  {
    g_autoptr(GPtrArray) page = read_changes (f->store, 0, 2, &last);

    g_assert_cmpuint (page->len, ==, 2);
    g_assert_cmpint (last, ==, ((DnChange *) page->pdata[1])->revision);
    g_assert_cmpint (last, <, dn_store_get_revision (f->store));
  }
}

static void
test_changes_check_revision (DnTestStore   *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 unit_id = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 task_id = dn_test_add_task (f->store, "Gia hạn hộ chiếu", unit_id, NULL, NULL);
  gint64 read_at = row_revision (f->store, "task", task_id);

  g_assert_cmpint (read_at, >, 0);
  g_assert_cmpint (dn_store_get_row_revision (f->store, "task", task_id, &error), ==, read_at);
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_row_revision (f->store, "task", task_id + 100, &error), ==, -1);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (dn_store_check_revision (f->store, "task", task_id, read_at, &error));
  g_assert_no_error (error);

  /* someone else changes it */
  dn_test_exec (f->store, "UPDATE task SET title = 'Gia hạn hộ chiếu công vụ' WHERE id = %" G_GINT64_FORMAT, task_id);
  g_assert_false (dn_store_check_revision (f->store, "task", task_id, read_at, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (dn_store_check_revision (f->store, "task", task_id, row_revision (f->store, "task", task_id), &error));
  g_assert_no_error (error);

  /* gone */
  g_assert_false (dn_store_check_revision (f->store, "unit", 9999, 0, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* not a table with revisions, or no id of its own */
  {
    static const char * const bad[] = { "setting", "calendar_day", "change_log", "audit_log", "nothing",
                                        "task\"; DROP TABLE task; --", "delegation_country" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_false (dn_store_check_revision (f->store, bad[i], 1, 0, &error));
        g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
        g_clear_error (&error);
        g_assert_cmpint (dn_store_get_row_revision (f->store, bad[i], 1, &error), ==, -1);
        g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task"), ==, 1);
  }
}

/* A write rolled back leaves no entry, and its revision is not used. */
static void
test_changes_rollback (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 unit_id = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 revision = dn_store_get_revision (f->store);

  g_assert_true (dn_store_begin (f->store, &error));
  dn_test_exec (f->store, "UPDATE unit SET name = 'Tạm' WHERE id = %" G_GINT64_FORMAT, unit_id);
  dn_test_exec (f->store, "INSERT INTO unit (code, name, kind) VALUES ('TAM', 'Tạm', 'division')");
  g_assert_cmpint (n_entries (f->store), ==, 3);
  dn_store_rollback (f->store);
  g_assert_cmpint (n_entries (f->store), ==, 1);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, revision);
  g_assert_cmpint (row_revision (f->store, "unit", unit_id), ==, revision);

  /* a write the store refuses (a duplicate code) logs nothing either */
  g_assert_cmpint (sqlite3_exec (_dn_store_get_db (f->store),
                                 "INSERT INTO unit (code, name, kind) VALUES ('HTQT', 'Trùng', 'division')",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (n_entries (f->store), ==, 1);

  /* the next write takes the next revision */
  dn_test_add_unit (f->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, revision + 1);
}

/* A link table without an id logs an update of its owner's links; a
 * reminder (never edited) still takes its revision; cascades log too. */
static void
test_changes_links (DnTestStore   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  g_autofree char *entry = NULL;
  gint64 unit_id = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 task_id = dn_test_add_task (f->store, "Gia hạn hộ chiếu", unit_id, NULL, NULL);
  gint64 since;

  dn_test_exec (f->store, "INSERT INTO delegation (id, direction, title, start_date, end_date) "
                          "VALUES (7, 'outbound', 'Đoàn Nhật Bản', '2024-05-01', '2024-05-10')");
  since = dn_store_get_revision (f->store);
  dn_test_exec (f->store, "INSERT INTO delegation_country (delegation_id, country_code) VALUES (7, 'JP'), (7, 'KR')");
  g_assert_cmpint (n_entries (f->store), ==, since + 2);
  entry = last_entry (f->store);
  g_assert_true (g_str_has_prefix (entry, "update delegation_country:7 "));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT min(revision) FROM delegation_country"), >, since);
  {
    g_autoptr(GPtrArray) changes = read_changes (f->store, since, 0, NULL);
    g_autofree char *text = changes_string (changes);

    g_assert_cmpstr (text, ==, "update delegation_country:7");
  }

  /* deleting the delegation takes its countries: their owner's links
   * change, and the delegation is deleted */
  since = dn_store_get_revision (f->store);
  dn_test_exec (f->store, "DELETE FROM delegation WHERE id = 7");
  {
    g_autoptr(GPtrArray) changes = read_changes (f->store, since, 0, NULL);
    g_autofree char *text = changes_string (changes);

    g_assert_true (g_str_equal (text, "update delegation_country:7, delete delegation:7") ||
                   g_str_equal (text, "delete delegation:7, update delegation_country:7"));
  }

  reminder->task_id = task_id;
  reminder->unit_id = unit_id;
  reminder->kind = DN_REMINDER_NOTICE;
  reminder->sent_on = dn_test_date (2024, 6, 3);
  g_assert_true (dn_store_add_reminder (f->store, reminder, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row_revision (f->store, "reminder", reminder->id), ==, dn_store_get_revision (f->store));
  /* and it still cannot be edited */
  g_assert_cmpint (sqlite3_exec (_dn_store_get_db (f->store), "UPDATE reminder SET note = 'x'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
}

/* ------------------------------------------------ a server's rows applied */

/* A value of @table's column @name, for dn_store_exchange_write_row */
static DnStoreValue
column_value (GArray     *columns,
              const char *name,
              const char *text,
              gint64      integer)
{
  DnStoreValue value = { NULL, DN_STORE_VALUE_NULL, 0, NULL };

  for (guint c = 0; c < columns->len; c++)
    if (g_str_equal (g_array_index (columns, DnStoreColumn, c).name, name))
      value.column = &g_array_index (columns, DnStoreColumn, c);
  g_assert_nonnull (value.column);
  value.type = text != NULL ? DN_STORE_VALUE_TEXT : DN_STORE_VALUE_INTEGER;
  value.text = text;
  value.integer = integer;
  return value;
}

/* A row written by id is updated in place (what refers to it stays) or
 * inserted, with the server's revision, not audited; deleting by key takes
 * a task's assignments with it; a broken reference fails the commit and
 * nothing is kept. */
static void
test_changes_apply_rows (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) units = dn_store_exchange_columns (f->store, "unit", &error);
  g_autoptr(GArray) people = dn_store_exchange_columns (f->store, "person", &error);
  gint64 unit = dn_test_add_unit (f->store, "PGD", "Phòng GD&ĐT", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  gint64 task = dn_test_add_task (f->store, "Báo cáo", unit, NULL, NULL);
  gint64 audited = dn_test_query_int (f->store, "SELECT count(*) FROM audit_log");
  DnStoreValue row[4];

  g_assert_no_error (error);
  g_assert_true (dn_store_exchange_begin_import (f->store, &error));
  row[0] = column_value (units, "id", NULL, unit);
  row[1] = column_value (units, "code", "PGDBX", 0);
  row[2] = column_value (units, "name", "Phòng GD&ĐT Bát Xát", 0);
  row[3] = column_value (units, "kind", "district_office", 0);
  g_assert_true (dn_store_exchange_write_row (f->store, "unit", row, 4, 500, &error));
  g_assert_no_error (error);
  row[0] = column_value (units, "id", NULL, 99);
  row[1] = column_value (units, "code", "THBX", 0);
  row[2] = column_value (units, "name", "Trường Tiểu học", 0);
  g_assert_true (dn_store_exchange_write_row (f->store, "unit", row, 4, 7, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_exchange_end_apply (f->store, TRUE, &error));
  g_assert_no_error (error);

  g_autofree char *code = dn_test_query_text (f->store, "SELECT code FROM unit WHERE id = %" G_GINT64_FORMAT, unit);
  g_assert_cmpstr (code, ==, "PGDBX");
  g_assert_cmpint (row_revision (f->store, "unit", unit), ==, 500);
  g_assert_cmpint (row_revision (f->store, "unit", 99), ==, 7);
  /* updated in place: the task's lead assignment still refers to it */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT,
                                      unit), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, audited);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM setting"), ==, 0);

  /* deleting a task by its id takes its assignments */
  g_assert_true (dn_store_exchange_begin_import (f->store, &error));
  g_assert_true (dn_store_exchange_delete_rows (f->store, "task", "id", task, &error));
  g_assert_true (dn_store_exchange_delete_rows (f->store, "task", "id", 12345, &error));
  g_assert_true (dn_store_exchange_end_apply (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment"), ==, 0);

  /* a person in a unit that is not there: the commit fails, nothing kept */
  g_assert_true (dn_store_exchange_begin_import (f->store, &error));
  row[0] = column_value (people, "id", NULL, 5);
  row[1] = column_value (people, "family_name", "Nguyễn", 0);
  row[2] = column_value (people, "given_name", "An", 0);
  row[3] = column_value (people, "unit_id", NULL, 4242);
  g_assert_true (dn_store_exchange_write_row (f->store, "person", row, 4, 9, &error));
  g_assert_true (dn_store_exchange_delete_rows (f->store, "unit", "id", 99, &error));
  g_assert_no_error (error);
  g_assert_false (dn_store_exchange_end_apply (f->store, TRUE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE id = 99"), ==, 1);
}

/* Who made a row: the actor of its insert, not of a later update; none
 * for a row the log does not know */
static void
test_changes_creator (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *none = NULL;
  gint64 unit, task;

  unit = dn_test_add_unit (f->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  dn_store_set_actor (f->store, "batxat");
  task = dn_test_add_task (f->store, "Kế hoạch hợp tác", unit, NULL, NULL);
  dn_store_set_actor (f->store, "so");
  dn_test_exec (f->store, "UPDATE task SET title = 'Kế hoạch khác' WHERE id = %" G_GINT64_FORMAT, task);
  creator = dn_store_dup_creator (f->store, "task", task, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (creator, ==, "batxat");
  none = dn_store_dup_creator (f->store, "task", task + 1000, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* the next occurrence of a recurring task: made by whoever gave the
   * first, not by whoever completed the one before */
  {
    GDate due = dn_test_date (2026, 1, 31);
    g_autofree char *next_creator = NULL;
    gint64 recurring, next = 0;

    dn_store_set_actor (f->store, "so");
    recurring = dn_test_add_task (f->store, "Báo cáo tháng", unit, &due, NULL);
    dn_test_exec (f->store, "UPDATE task SET recurrence = 'monthly' WHERE id = %" G_GINT64_FORMAT, recurring);
    dn_store_set_actor (f->store, "batxat");
    g_assert_true (dn_store_set_task_status (f->store, recurring, DN_STATUS_DONE, &next, &error));
    g_assert_no_error (error);
    g_assert_cmpint (next, !=, 0);
    g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE table_name = 'task' AND "
                                        "row_id = %" G_GINT64_FORMAT " AND op = 'insert' AND actor = 'batxat'", next),
                     ==, 1);
    next_creator = dn_store_dup_creator (f->store, "task", next, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (next_creator, ==, "so");
  }
}

/* What a table's rows refer to: the column, the table, whether it may be
 * empty */
static void
test_changes_references (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) task = dn_store_exchange_references (f->store, "task", &error);
  g_autoptr(GPtrArray) progress = dn_store_exchange_references (f->store, "progress", &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < task->len; i++)
    {
      DnStoreReference *r = task->pdata[i];

      g_string_append_printf (text, "%s>%s%s ", r->column, r->parent, r->nullable ? "?" : "");
    }
  g_string_append (text, "| ");
  for (guint i = 0; i < progress->len; i++)
    {
      DnStoreReference *r = progress->pdata[i];

      g_string_append_printf (text, "%s>%s%s ", r->column, r->parent, r->nullable ? "?" : "");
    }
  g_assert_nonnull (strstr (text->str, "document_id>document? "));
  g_assert_nonnull (strstr (text->str, "parent_id>task? "));
  g_assert_nonnull (strstr (text->str, "task_id>task "));
  g_assert_nonnull (strstr (text->str, "attachment_id>attachment? "));
  /* a table without references, and one that is not there */
  g_clear_pointer (&task, g_ptr_array_unref);
  task = dn_store_exchange_references (f->store, "partner", &error);
  g_assert_no_error (error);
  g_clear_pointer (&task, g_ptr_array_unref);
  task = dn_store_exchange_references (f->store, "nothing", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (task->len, ==, 0);
}

static const DnStoreReference *
find_reference (GPtrArray  *references,
                const char *column)
{
  for (guint i = 0; i < references->len; i++)
    if (g_str_equal (((DnStoreReference *) references->pdata[i])->column, column))
      return references->pdata[i];
  g_assert_not_reached ();
}

/* Which references a row cannot do without: those that cannot be empty,
 * and those the table's CHECK pairs with another column, one of the two
 * set (a delegation's member is a person or a guest) */
static void
test_changes_reference_alternatives (DnTestStore   *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = dn_store_exchange_references (f->store, "delegation_member", &error);
  g_autoptr(GPtrArray) visits = NULL;
  const DnStoreReference *r;

  g_assert_no_error (error);
  r = find_reference (members, "delegation_id");
  g_assert_false (r->nullable);
  g_assert_null (r->alternative);
  g_assert_false (dn_store_reference_may_empty (r));
  r = find_reference (members, "person_id");
  g_assert_true (r->nullable);
  g_assert_cmpstr (r->alternative, ==, "guest_name");
  g_assert_false (dn_store_reference_may_empty (r));
  r = find_reference (members, "passport_id");
  g_assert_null (r->alternative);
  g_assert_true (dn_store_reference_may_empty (r));
  r = find_reference (members, "unit_id");
  g_assert_true (dn_store_reference_may_empty (r));

  /* read from the schema, however the CHECK is written, not from a list
   * of names: a table of this test's own */
  dn_test_exec (f->store, "CREATE TABLE probe_visit (id INTEGER PRIMARY KEY, "
                          "\"host_id\" INTEGER REFERENCES unit(id), place TEXT, "
                          "guide_id INTEGER REFERENCES person(id), "
                          "check ( ( \"host_id\" is null ) != (place IS NULL)))");
  visits = dn_store_exchange_references (f->store, "probe_visit", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  r = find_reference (visits, "host_id");
  g_assert_cmpstr (r->alternative, ==, "place");
  g_assert_false (dn_store_reference_may_empty (r));
  r = find_reference (visits, "guide_id");
  g_assert_null (r->alternative);
  g_assert_true (dn_store_reference_may_empty (r));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/changes/writes", test_changes_writes);
  DN_TEST_ADD ("/changes/no-recursion", test_changes_no_recursion);
  DN_TEST_ADD ("/changes/read", test_changes_read);
  DN_TEST_ADD ("/changes/check-revision", test_changes_check_revision);
  DN_TEST_ADD ("/changes/rollback", test_changes_rollback);
  DN_TEST_ADD ("/changes/links", test_changes_links);
  DN_TEST_ADD ("/changes/apply-rows", test_changes_apply_rows);
  DN_TEST_ADD ("/changes/creator", test_changes_creator);
  DN_TEST_ADD ("/changes/references", test_changes_references);
  DN_TEST_ADD ("/changes/reference-alternatives", test_changes_reference_alternatives);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
