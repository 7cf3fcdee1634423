/* test-task-filter.c: DnTaskFilter (the task list's filters as one object)
 * and the lazy query model it feeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-filter"

#include "config.h"

#include "dn-list-models.h"
#include "dn-task-filter.h"
#include "dn-test-utils.h"

static void
on_changed_cb (DnTaskFilter *filter,
               guint        *count)
{
  (*count)++;
}

/* The filters without a function of their own are read as properties. */
static gboolean
get_boolean (DnTaskFilter *filter,
             const char   *name)
{
  gboolean value = FALSE;

  g_object_get (filter, name, &value, NULL);
  return value;
}

static int
get_status (DnTaskFilter *filter)
{
  int status = 0;

  g_object_get (filter, "status", &status, NULL);
  return status;
}

static gint64
get_document_id (DnTaskFilter *filter)
{
  gint64 id = -1;

  g_object_get (filter, "document-id", &id, NULL);
  return id;
}

/* A new filter is the default view, unfinished tasks most urgent first;
 * with "show-all" it lists every task; each change is one "changed". */
static void
test_properties (void)
{
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  guint n_changed = 0;
  gboolean descending = TRUE;
  gint64 unit_id = 0;
  DnPeriod period = DN_PERIOD_ANY;

  g_assert_true (dn_task_filter_is_default (filter));
  g_assert_true (dn_task_filter_is_active (filter));
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_UNFINISHED);
  g_assert_cmpint (dn_task_filter_get_sort (filter, &descending), ==, DN_TASK_SORT_URGENCY);
  g_assert_false (descending);
  g_assert_false (dn_task_filter_get_show_all (filter));
  g_object_set (filter, "show-all", TRUE, NULL);
  g_assert_true (dn_task_filter_is_default (filter));

  g_assert_false (dn_task_filter_is_active (filter));
  g_assert_null (dn_task_filter_get_text (filter));
  g_assert_true (get_boolean (filter, "include-sub-units"));
  g_assert_false (get_boolean (filter, "lead-only"));
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_ANY);
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_ANY);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_cb), &n_changed);

  dn_task_filter_set_text (filter, "bao cao");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (dn_task_filter_is_active (filter));
  dn_task_filter_set_text (filter, "bao cao");
  g_assert_cmpuint (n_changed, ==, 1);
  /* "" is no search */
  dn_task_filter_set_text (filter, "");
  g_assert_null (dn_task_filter_get_text (filter));
  g_assert_false (dn_task_filter_is_active (filter));
  g_assert_cmpuint (n_changed, ==, 2);

  /* through the properties, as bound widgets do */
  g_object_set (filter, "unit-id", (gint64) 7, "period", DN_PERIOD_QUARTER, NULL);
  g_object_get (filter, "unit-id", &unit_id, "period", &period, NULL);
  g_assert_cmpint (unit_id, ==, 7);
  g_assert_cmpint (period, ==, DN_PERIOD_QUARTER);
  g_assert_cmpuint (n_changed, ==, 4);
  dn_task_filter_set_sort (filter, DN_TASK_SORT_TITLE, TRUE);
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpint (dn_task_filter_get_sort (filter, &descending), ==, DN_TASK_SORT_TITLE);
  g_assert_true (descending);

  /* a reset is one change, and keeps the order */
  g_object_set (filter, "overdue", TRUE, "lead-only", TRUE, "include-sub-units", FALSE, NULL);
  n_changed = 0;
  dn_task_filter_reset (filter);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (dn_task_filter_is_active (filter));
  g_assert_false (get_boolean (filter, "lead-only"));
  g_assert_true (get_boolean (filter, "include-sub-units"));
  g_assert_cmpint (dn_task_filter_get_sort (filter, &descending), ==, DN_TASK_SORT_TITLE);
  dn_task_filter_reset (filter);
  g_assert_cmpuint (n_changed, ==, 1);
}

/* Every property reads and writes the value the functions see, and a
 * write that changes nothing is no change. */
static void
test_property_values (void)
{
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  g_autofree char *text = NULL;
  gint64 unit_id = 0, document_id = 0;
  gboolean include = TRUE, lead_only = FALSE, overdue = FALSE, descending = FALSE;
  int status = 0, sort = 0;
  DnPeriod period = DN_PERIOD_ANY;
  guint n_changed = 0;

  dn_task_filter_set_show_all (filter, TRUE);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  g_object_set (filter, "text", "kế hoạch", "unit-id", (gint64) 12, "include-sub-units", FALSE,
                "lead-only", TRUE, "status", DN_TASK_FILTER_STATUS_UNFINISHED, "overdue", TRUE,
                "period", DN_PERIOD_MONTH, "document-id", (gint64) 5, "sort", DN_TASK_SORT_TITLE,
                "descending", TRUE, NULL);
  g_assert_cmpuint (n_changed, ==, 10);
  g_assert_cmpstr (dn_task_filter_get_text (filter), ==, "kế hoạch");
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 12);
  g_assert_false (get_boolean (filter, "include-sub-units"));
  g_assert_true (get_boolean (filter, "lead-only"));
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_UNFINISHED);
  g_assert_true (get_boolean (filter, "overdue"));
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_MONTH);
  g_assert_cmpint (get_document_id (filter), ==, 5);
  g_assert_cmpint (dn_task_filter_get_sort (filter, &descending), ==, DN_TASK_SORT_TITLE);
  g_assert_true (descending);

  dn_task_filter_set_unit_id (filter, 40000000000);
  g_object_set (filter, "status", DN_STATUS_DONE, NULL);
  dn_task_filter_set_sort (filter, DN_TASK_SORT_PROGRESS, FALSE);
  g_object_get (filter, "text", &text, "unit-id", &unit_id, "include-sub-units", &include,
                "lead-only", &lead_only, "status", &status, "overdue", &overdue, "period", &period,
                "document-id", &document_id, "sort", &sort, "descending", &descending, NULL);
  g_assert_cmpstr (text, ==, "kế hoạch");
  g_assert_cmpint (unit_id, ==, 40000000000);
  g_assert_false (include);
  g_assert_true (lead_only);
  g_assert_cmpint (status, ==, DN_STATUS_DONE);
  g_assert_true (overdue);
  g_assert_cmpint (period, ==, DN_PERIOD_MONTH);
  g_assert_cmpint (document_id, ==, 5);
  g_assert_cmpint (sort, ==, DN_TASK_SORT_PROGRESS);
  g_assert_false (descending);
  g_assert_cmpuint (n_changed, ==, 13);

  /* the same values again: no change; a negative id is none */
  g_object_set (filter, "unit-id", (gint64) 40000000000, "lead-only", TRUE, "period", DN_PERIOD_MONTH,
                "sort", DN_TASK_SORT_PROGRESS, "descending", FALSE, NULL);
  g_assert_cmpuint (n_changed, ==, 13);
  dn_task_filter_set_unit_id (filter, -3);
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 0);
  g_assert_cmpuint (n_changed, ==, 14);
}

static void
test_presets (void)
{
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  guint n_changed = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  g_assert_true (dn_task_filter_apply_preset (filter, "overdue"));
  g_assert_true (get_boolean (filter, "overdue"));
  g_assert_cmpuint (n_changed, ==, 1);

  g_assert_true (dn_task_filter_apply_preset (filter, "week"));
  g_assert_false (get_boolean (filter, "overdue"));
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_UNFINISHED);
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_NEXT_7_DAYS);
  g_assert_cmpuint (n_changed, ==, 2);
  /* the same preset again still counts as a change (back to the top) */
  g_assert_true (dn_task_filter_apply_preset (filter, "week"));
  g_assert_cmpuint (n_changed, ==, 3);

  g_assert_true (dn_task_filter_apply_preset (filter, "unit:12"));
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 12);
  g_assert_true (get_boolean (filter, "include-sub-units"));
  g_assert_false (get_boolean (filter, "lead-only"));
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_ANY);

  g_assert_true (dn_task_filter_apply_preset (filter, "lead:5:quarter"));
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 5);
  g_assert_false (get_boolean (filter, "include-sub-units"));
  g_assert_true (get_boolean (filter, "lead-only"));
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_QUARTER);
  g_assert_true (dn_task_filter_apply_preset (filter, "lead:5:school-year"));
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_SCHOOL_YEAR);
  g_assert_true (dn_task_filter_apply_preset (filter, "lead:5"));
  g_assert_cmpint (dn_task_filter_get_period (filter), ==, DN_PERIOD_ANY);

  g_assert_true (dn_task_filter_apply_preset (filter, "document:3"));
  g_assert_cmpint (get_document_id (filter), ==, 3);
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 0);

  g_assert_true (dn_task_filter_apply_preset (filter, ""));
  g_assert_false (dn_task_filter_is_active (filter));
  g_assert_true (dn_task_filter_apply_preset (filter, "all"));

  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_ANY);

  /* not understood: the default view */
  g_object_set (filter, "overdue", TRUE, NULL);
  g_assert_false (dn_task_filter_apply_preset (filter, "fortnight"));
  g_assert_false (dn_task_filter_apply_preset (filter, "unit:abc"));
  g_assert_false (dn_task_filter_apply_preset (filter, "unit:-4"));
  g_assert_false (dn_task_filter_apply_preset (filter, "lead:5:someday"));
  g_assert_true (dn_task_filter_is_default (filter));
  g_assert_false (get_boolean (filter, "overdue"));
}

/* The default view: the unfinished tasks of the officer's unit (with its
 * sub-units), or every task when so chosen; a reset ("Clear Filters")
 * comes back to it, and a new unit brings it without the search typed
 * before. */
static void
test_default_view (void)
{
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  guint n_changed = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  dn_task_filter_set_text (filter, "ho chieu");
  g_assert_false (dn_task_filter_is_default (filter));
  n_changed = 0;
  dn_task_filter_set_my_unit_id (filter, 6);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (dn_task_filter_get_my_unit_id (filter), ==, 6);
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 6);
  g_assert_null (dn_task_filter_get_text (filter));
  g_assert_true (get_boolean (filter, "include-sub-units"));
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_UNFINISHED);
  g_assert_true (dn_task_filter_is_default (filter));
  /* the same unit again: nothing changes */
  dn_task_filter_set_my_unit_id (filter, 6);
  g_assert_cmpuint (n_changed, ==, 1);

  /* any other filter leaves the default view; a reset comes back to it */
  g_object_set (filter, "lead-only", TRUE, NULL);
  g_assert_false (dn_task_filter_is_default (filter));
  g_object_set (filter, "lead-only", FALSE, "status", DN_TASK_FILTER_STATUS_ANY, NULL);
  g_assert_false (dn_task_filter_is_default (filter));
  dn_task_filter_set_unit_id (filter, 0);
  dn_task_filter_reset (filter);
  g_assert_true (dn_task_filter_is_default (filter));
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 6);
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_UNFINISHED);

  /* every task: one change, and the reset keeps to it */
  n_changed = 0;
  g_object_set (filter, "show-all", TRUE, NULL);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (dn_task_filter_is_active (filter));
  g_assert_true (dn_task_filter_is_default (filter));
  g_object_set (filter, "overdue", TRUE, NULL);
  dn_task_filter_reset (filter);
  g_assert_false (dn_task_filter_is_active (filter));
  g_assert_cmpint (dn_task_filter_get_my_unit_id (filter), ==, 6);
  dn_task_filter_set_show_all (filter, FALSE);
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 6);
  g_assert_true (dn_task_filter_is_default (filter));

  /* no unit: the unfinished tasks of every unit; a negative id is none */
  dn_task_filter_set_my_unit_id (filter, -2);
  g_assert_cmpint (dn_task_filter_get_my_unit_id (filter), ==, 0);
  g_assert_cmpint (dn_task_filter_get_unit_id (filter), ==, 0);
  g_assert_cmpint (get_status (filter), ==, DN_TASK_FILTER_STATUS_UNFINISHED);
  g_assert_true (dn_task_filter_is_default (filter));
}

/* The query: periods around the given day; unit options only with a unit. */
static void
test_query (void)
{
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  GDate today = dn_test_date (2024, 5, 20);
  DnTaskQuery query;

  /* the default view: unfinished tasks, most urgent first */
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_true (query.unfinished);
  g_assert_cmpint (query.sort, ==, DN_TASK_SORT_URGENCY);

  g_object_set (filter, "show-all", TRUE, "lead-only", TRUE, NULL);
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_cmpint (query.unit_id, ==, 0);
  g_assert_false (query.lead_only);
  g_assert_cmpint (query.status, ==, -1);
  g_assert_false (query.unfinished);
  g_assert_false (g_date_valid (&query.due_from));
  g_assert_null (query.text);

  dn_task_filter_set_unit_id (filter, 4);
  g_object_set (filter, "include-sub-units", FALSE, "status", DN_STATUS_DONE, "period", DN_PERIOD_QUARTER,
                "document-id", (gint64) 9, NULL);
  dn_task_filter_set_text (filter, "ho chieu");
  dn_task_filter_set_sort (filter, DN_TASK_SORT_STATUS, TRUE);
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_cmpint (query.unit_id, ==, 4);
  g_assert_true (query.lead_only);
  g_assert_false (query.include_sub_units);
  g_assert_cmpint (query.status, ==, DN_STATUS_DONE);
  {
    GDate first = dn_test_date (2024, 4, 1);
    GDate last = dn_test_date (2024, 6, 30);

    g_assert_cmpint (g_date_compare (&query.due_from, &first), ==, 0);
    g_assert_cmpint (g_date_compare (&query.due_to, &last), ==, 0);
  }
  g_assert_cmpstr (query.text, ==, "ho chieu");
  g_assert_cmpint (query.document_id, ==, 9);
  g_assert_cmpint (query.sort, ==, DN_TASK_SORT_STATUS);
  g_assert_true (query.descending);

  g_object_set (filter, "status", DN_TASK_FILTER_STATUS_UNFINISHED, NULL);
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_true (query.unfinished);
  g_assert_cmpint (query.status, ==, -1);
}

/* The filter's query in the lazy model lists what the store counts. */
static void
test_model (DnTestStore   *fixture,
            gconstpointer  data)
{
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  g_autoptr(GError) error = NULL;
  gint64 parent = dn_test_add_unit (fixture->store, "PGD", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  gint64 school = dn_test_add_unit (fixture->store, "TH1", "Trường Tiểu học 1", DN_UNIT_KIND_SCHOOL, parent);
  GDate soon = dn_test_today_plus (2);
  GDate today = dn_test_today_plus (0);
  gint64 a = dn_test_add_task (fixture->store, "Báo cáo quý", parent, &soon, NULL);
  gint64 b = dn_test_add_task (fixture->store, "Đón đoàn", school, NULL, NULL);
  gint64 c = dn_test_add_task (fixture->store, "Báo cáo năm", school, NULL, DN_TEST_UNITS (parent));
  DnTaskQuery query;

  g_assert_true (G_LIST_MODEL (model) != NULL);
  g_assert_true (DN_IS_QUERY_MODEL (model));
  g_assert_true (dn_query_model_get_store (DN_QUERY_MODEL (model)) == fixture->store);

  dn_task_filter_apply_preset (filter, "week");
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (dn_query_model_get_id (DN_QUERY_MODEL (model), 0), ==, a);
  g_assert_cmpint (dn_query_model_get_id (DN_QUERY_MODEL (model), 1), ==, 0);

  dn_task_filter_reset (filter);
  dn_task_filter_set_text (filter, "bao cao");
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (dn_query_model_find (DN_QUERY_MODEL (model), b), ==, G_MAXUINT);
  g_assert_cmpuint (dn_query_model_find (DN_QUERY_MODEL (model), c), !=, G_MAXUINT);

  /* led by the parent alone: not the school's task it supports */
  dn_task_filter_apply_preset (filter, "lead:1");
  dn_task_filter_set_unit_id (filter, parent);
  dn_task_filter_to_query (filter, &today, &query);
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(DnTask) task = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpint (task->id, ==, a);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task-filter/properties", test_properties);
  g_test_add_func ("/task-filter/property-values", test_property_values);
  g_test_add_func ("/task-filter/presets", test_presets);
  g_test_add_func ("/task-filter/default-view", test_default_view);
  g_test_add_func ("/task-filter/query", test_query);
  g_test_add ("/task-filter/model", DnTestStore, NULL, dn_test_store_setup, test_model, dn_test_store_teardown);

  return g_test_run ();
}
