/* test-changes-json.c: records one at a time as the API sends them, the
 * changes after a revision as JSON, and the change log of an import and of
 * the upgrade to schema version 11 (dn-exchange-rows.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-changes-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "dn-core-testing.h"
#include "dn-exchange.h"
#include "dn-exchange-rows.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* ---------------------------------------------------------------- helpers */

static void
load_demo (DnStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_exchange_load_demo (store, &error));
  g_assert_no_error (error);
}

/* The export of @store, parsed. */
static JsonNode *
export_node (DnTestStore *f)
{
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_exchange_export (f->store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The record @id of @table in an export. */
static JsonObject *
exported_record (JsonNode   *export,
                 const char *table,
                 gint64      id)
{
  JsonObject *tables = json_object_get_object_member (json_node_get_object (export), "tables");
  JsonArray *rows = json_object_get_array_member (tables, table);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      if (json_object_get_int_member (row, "id") == id)
        return row;
    }
  g_assert_not_reached ();
}

static JsonNode *
row_json (DnStore    *store,
          const char *table,
          gint64      id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = dn_exchange_row_to_json (store, table, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonObject *
changes_json (DnStore *store,
              gint64   since,
              guint    limit,
              JsonNode **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = dn_exchange_changes_to_json (store, since, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*keep);
  return json_node_get_object (*keep);
}

/* ---------------------------------------------------------------- tests */

/* A task's object: every field the export writes for that row, the same
 * values, its revision, and the keys of the API's lists. */
static void
test_row_task (DnTestStore   *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *exported, *object;
  gint64 task_id;
  g_autofree char *lead = NULL;

  load_demo (f->store);
  task_id = dn_test_query_int (f->store, "SELECT min(t.id) FROM task t JOIN assignment a ON a.task_id = t.id "
                                         "AND a.role = 'lead' WHERE t.due_date IS NOT NULL");
  dn_test_exec (f->store, "UPDATE task SET description = 'Dòng một\nDòng \"hai\"' WHERE id = %" G_GINT64_FORMAT,
                task_id);
  export = export_node (f);
  exported = exported_record (export, "task", task_id);
  node = row_json (f->store, "task", task_id);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  /* the export's fields, equal */
  members = json_object_get_members (exported);
  g_assert_cmpuint (g_list_length (members), >, 5);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_assert_true (json_object_has_member (object, l->data));
      if (!json_node_equal (json_object_get_member (exported, l->data), json_object_get_member (object, l->data)))
        g_error ("field %s differs", (char *) l->data);
    }
  /* and only these besides */
  g_assert_cmpuint (json_object_get_size (object), ==, json_object_get_size (exported) + 3);
  g_assert_false (json_object_has_member (exported, "revision"));
  g_assert_cmpint (json_object_get_int_member (object, "revision"), ==,
                   dn_test_query_int (f->store, "SELECT revision FROM task WHERE id = %" G_GINT64_FORMAT, task_id));
  g_assert_cmpint (json_object_get_int_member (object, "revision"), >, 0);

  /* the fixed keys of the API's lists */
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, task_id);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   json_object_get_string_member (exported, "title"));
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==,
                   json_object_get_string_member (exported, "due_date"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==,
                   json_object_get_string_member (exported, "status"));
  lead = dn_test_query_text (f->store, "SELECT u.code FROM assignment a JOIN unit u ON u.id = a.unit_id "
                                       "WHERE a.task_id = %" G_GINT64_FORMAT " AND a.role = 'lead'", task_id);
  g_assert_cmpstr (json_object_get_string_member (object, "lead_unit"), ==, lead);
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==, "Dòng một\nDòng \"hai\"");

  /* a unit: the export's fields and its revision, no task keys */
  {
    g_autoptr(JsonNode) unit = row_json (f->store, "unit", 1);
    JsonObject *exported_unit = exported_record (export, "unit", 1);

    g_assert_cmpuint (json_object_get_size (json_node_get_object (unit)), ==,
                      json_object_get_size (exported_unit) + 1);
    g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (unit), "name"),
                                    json_object_get_member (exported_unit, "name")));
    g_assert_false (json_object_has_member (json_node_get_object (unit), "lead_unit"));
  }
}

/* The changes after a revision: each row once with its last change and the
 * record now; a deletion has no row; a link table gives the owner's links. */
static void
test_changes (DnTestStore   *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) keep = NULL;
  g_autoptr(JsonNode) keep2 = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer;
  JsonArray *list;
  gint64 since, unit_id, task_id;

  load_demo (f->store);
  since = dn_store_get_revision (f->store);
  unit_id = dn_test_add_unit (f->store, "TAM", "Đơn vị tạm", DN_UNIT_KIND_DIVISION, 0);
  task_id = dn_test_query_int (f->store, "SELECT min(id) FROM task");
  dn_test_exec (f->store, "UPDATE task SET title = 'Nhiệm vụ đã sửa' WHERE id = %" G_GINT64_FORMAT, task_id);
  dn_test_exec (f->store, "UPDATE task SET section = 'II.1' WHERE id = %" G_GINT64_FORMAT, task_id);
  dn_test_exec (f->store, "DELETE FROM unit WHERE id = %" G_GINT64_FORMAT, unit_id);
  dn_test_exec (f->store, "INSERT INTO delegation_country (delegation_id, country_code) "
                          "SELECT min(id), 'LA' FROM delegation");

  answer = changes_json (f->store, since, 0, &keep);
  g_assert_cmpint (json_object_get_int_member (answer, "revision"), ==, dn_store_get_revision (f->store));
  list = json_object_get_array_member (answer, "changes");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  {
    JsonObject *task = json_array_get_object_element (list, 0);
    JsonObject *gone = json_array_get_object_element (list, 1);
    JsonObject *links = json_array_get_object_element (list, 2);
    JsonObject *row = json_object_get_object_member (task, "row");
    g_autoptr(JsonNode) now = row_json (f->store, "task", task_id);

    g_assert_cmpstr (json_object_get_string_member (task, "table"), ==, "task");
    g_assert_cmpint (json_object_get_int_member (task, "id"), ==, task_id);
    g_assert_cmpstr (json_object_get_string_member (task, "op"), ==, "update");
    g_assert_cmpstr (json_object_get_string_member (row, "title"), ==, "Nhiệm vụ đã sửa");
    g_assert_cmpstr (json_object_get_string_member (row, "section"), ==, "II.1");
    g_assert_cmpint (json_object_get_int_member (row, "revision"), ==, json_object_get_int_member (task, "revision"));
    g_assert_true (json_node_equal (json_object_get_member (task, "row"), now));

    g_assert_cmpstr (json_object_get_string_member (gone, "table"), ==, "unit");
    g_assert_cmpint (json_object_get_int_member (gone, "id"), ==, unit_id);
    g_assert_cmpstr (json_object_get_string_member (gone, "op"), ==, "delete");
    g_assert_true (json_object_get_null_member (gone, "row"));

    g_assert_cmpstr (json_object_get_string_member (links, "table"), ==, "delegation_country");
    g_assert_cmpstr (json_object_get_string_member (links, "op"), ==, "update");
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (links, "row")));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (links, "row")), ==,
                      dn_test_query_int (f->store, "SELECT count(*) FROM delegation_country WHERE delegation_id = "
                                                   "(SELECT min(id) FROM delegation)"));
  }

  /* a page of one, then the rest from its revision */
  answer = changes_json (f->store, since, 1, &keep2);
  list = json_object_get_array_member (answer, "changes");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (json_object_get_int_member (answer, "revision"), ==,
                   json_object_get_int_member (json_array_get_object_element (list, 0), "revision"));
}

/* Bad tables and missing records are refused with a message. */
static void
test_refused (DnTestStore   *f,
              gconstpointer  data)
{
  static const char * const bad[] = { "nothing", "change_log", "audit_log", "setting", "calendar_day",
                                      "search", "task; DROP TABLE task", "" };
  g_autoptr(GError) error = NULL;

  load_demo (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (dn_exchange_row_to_json (f->store, bad[i], 1, &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "kind of record"));
      g_clear_error (&error);
    }
  g_assert_null (dn_exchange_row_to_json (f->store, "task", 987654321, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dn_exchange_row_to_json (f->store, "unit", -1, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task"), >, 0);
}

/* An import logs each row it writes as an insert, each row's revision its
 * entry's, and the export carries no revision (an import starts a new
 * history). */
static void
test_import_log (DnTestStore   *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) keep = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *text = NULL;
  JsonObject *answer;
  gint64 n_rows;

  load_demo (f->store);
  n_rows = dn_test_query_int (f->store, "SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM task) + "
                                        "(SELECT count(*) FROM assignment) + (SELECT count(*) FROM person)");
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE table_name IN "
                                                "('unit', 'task', 'assignment', 'person') AND op = 'insert'"),
                   ==, n_rows);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log"), ==, dn_store_get_revision (f->store));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task t WHERE t.revision <> "
                                                "(SELECT max(revision) FROM change_log c "
                                                " WHERE c.table_name = 'task' AND c.row_id = t.id)"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE revision = 0"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, 0);

  /* a reader from 0 gets every row once */
  answer = changes_json (f->store, 0, 0, &keep);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "changes")), ==,
                    dn_test_query_int (f->store, "SELECT count(*) FROM (SELECT DISTINCT table_name, row_id "
                                                 "FROM change_log)"));

  g_clear_pointer (&keep, json_node_unref);
  keep = export_node (f);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, "\"revision\""));
}

/* Schema version 9 to 11 on the demo data: every row at revision 0 with one
 * entry, the database sound, and the triggers at work. */
static void
test_migration_demo (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new ("");
  g_autoptr(JsonNode) keep = NULL;
  g_autoptr(JsonNode) task = NULL;
  DnStore *store = _dn_store_open_at_version (f->path, 9, &error);
  gint64 n_tasks, revision;
  JsonObject *answer;

  g_assert_no_error (error);
  load_demo (store);
  n_tasks = dn_test_query_int (store, "SELECT count(*) FROM task");
  dn_test_store_close (&store);

  f->store = dn_store_open (f->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE revision = 0"), ==, n_tasks);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM change_log WHERE table_name = 'task' "
                                                "AND op = 'insert'"), ==, n_tasks);
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");

  answer = changes_json (f->store, 0, 0, &keep);
  g_assert_cmpint (json_object_get_int_member (answer, "revision"), ==, dn_store_get_revision (f->store));

  /* a write after the upgrade is logged and moves the row's revision */
  revision = dn_store_get_revision (f->store);
  dn_test_exec (f->store, "UPDATE task SET title = 'Đã sửa sau nâng cấp' WHERE id = (SELECT min(id) FROM task)");
  g_assert_cmpint (dn_store_get_revision (f->store), ==, revision + 1);
  task = row_json (f->store, "task", dn_test_query_int (f->store, "SELECT min(id) FROM task"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (task), "revision"), ==, revision + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/changes-json/row/task", test_row_task);
  DN_TEST_ADD ("/changes-json/changes", test_changes);
  DN_TEST_ADD ("/changes-json/refused", test_refused);
  DN_TEST_ADD ("/changes-json/import", test_import_log);
  DN_TEST_ADD_EMPTY ("/migrations/changes-demo", test_migration_demo);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
