/* test-task-list-model.c: the lazy GListModel of tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-list-model"

#include "config.h"

#include <string.h>

#include "dn-core-testing.h"
#include "dn-generator.h"
#include "dn-list-models.h"
#include "dn-test-utils.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->n_signals++;
}

static void
test_lazy (DnTestStore   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  DnTaskQuery query;
  g_autoptr(GArray) ids = NULL;
  guint n;

  g_assert_true (dn_generate (fixture->store, 3000, 0, 50, 7, &error));
  g_assert_no_error (error);

  dn_task_query_init (&query);
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, dn_store_count_tasks (fixture->store, &query, NULL));
  g_assert_cmpuint (n, ==, 3000);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == DN_TYPE_TASK);
  /* nothing read until asked */
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), ==, 0);

  /* the row at a position is the task of the store's list at that position */
  ids = dn_store_list_task_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  for (guint pos = 0; pos < n; pos += 997)
    {
      g_autoptr(DnTask) item = g_list_model_get_item (G_LIST_MODEL (model), pos);
      g_autoptr(DnTask) task = dn_store_get_task (fixture->store, g_array_index (ids, gint64, pos), &error);

      g_assert_no_error (error);
      g_assert_cmpint (item->id, ==, task->id);
      g_assert_cmpstr (item->title, ==, task->title);
      g_assert_cmpstr (item->lead_unit_code, !=, "");
    }
  /* only the pages around those positions were read */
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), <=, 4 * 64);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
}

static void
test_query_and_signals (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  ItemsChanged record = { 0 };
  DnTaskQuery query;
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  GDate due = dn_test_date (2026, 3, 31);
  gint64 report = dn_test_add_task (fixture->store, "Báo cáo quý I", unit, &due, NULL);
  guint n_before;

  dn_test_add_task (fixture->store, "Hộ chiếu công vụ", unit, &due, NULL);
  dn_test_add_task (fixture->store, "Tiếp đoàn KOICA", unit, NULL, NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &record);

  dn_task_query_init (&query);
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (record.n_signals, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 3);

  /* the query's text is copied: the caller's buffer may go */
  {
    g_autofree char *text = g_strdup ("bao cao");
    query.text = text;
    g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  }
  g_assert_cmpstr (dn_task_list_model_get_query (model)->text, ==, "bao cao");
  g_assert_cmpuint (record.n_signals, ==, 2);
  g_assert_cmpuint (record.removed, ==, 3);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (dn_task_list_model_find (model, report), ==, 0);

  /* a deleted task goes on reload */
  n_before = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_true (dn_store_delete_task (fixture->store, report, &error));
  g_assert_true (dn_query_model_reload (DN_QUERY_MODEL (model), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_before - 1);
  g_assert_cmpuint (dn_task_list_model_find (model, report), ==, G_MAXUINT);
}

static void
on_loaded (DnTaskListModel *model,
           GError          *error,
           guint           *n_loaded)
{
  g_assert_no_error (error);
  (*n_loaded)++;
}

static void
test_async (DnTestStore   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  DnTaskQuery query;
  guint n_loaded = 0;
  gint64 deadline;

  g_assert_true (dn_generate (fixture->store, 5000, 0, 20, 3, &error));
  g_signal_connect (model, "loaded", G_CALLBACK (on_loaded), &n_loaded);

  /* as typed, quickly: only the last query's result is applied */
  dn_task_query_init (&query);
  query.text = "h";
  dn_task_list_model_set_query_async (model, &query);
  query.text = "ho";
  dn_task_list_model_set_query_async (model, &query);
  query.text = "ho chieu";
  dn_task_list_model_set_query_async (model, &query);
  g_assert_true (dn_query_model_is_loading (DN_QUERY_MODEL (model)));
  /* the main loop is free meanwhile: nothing has been replaced yet */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (dn_query_model_is_loading (DN_QUERY_MODEL (model)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dn_query_model_is_loading (DN_QUERY_MODEL (model)));
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   dn_store_count_tasks (fixture->store, &query, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < MIN (20, g_list_model_get_n_items (G_LIST_MODEL (model))); i++)
    {
      g_autoptr(DnTask) task = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (strstr (task->title, "hộ chiếu"));
    }

  /* a synchronous query after an asynchronous one wins */
  query.text = "koica";
  dn_task_list_model_set_query_async (model, &query);
  query.text = NULL;
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (dn_query_model_is_loading (DN_QUERY_MODEL (model)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5000);

  /* a finished worker task may still hold the model (and so the store) for a
   * moment after its result was delivered: wait until it lets go */
  {
    DnTaskListModel *model_ptr = model;
    g_object_add_weak_pointer (G_OBJECT (model_ptr), (gpointer *) &model_ptr);
    g_clear_object (&model);
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (model_ptr != NULL && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_null (model_ptr);
  }
}

static void
on_complete_notify (GObject    *model,
                    GParamSpec *pspec,
                    guint      *n_notified)
{
  (*n_notified)++;
}

/* A long list: its first rows come first (one "loaded"), the rest after,
 * added behind them without touching the rows in sight. */
static void
test_first_rows_then_rest (DnTestStore   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  g_autoptr(GArray) ids = NULL;
  ItemsChanged changed = { 0 };
  DnTaskQuery query;
  guint n_loaded = 0, n_notified = 0, n_fetched;
  gint64 deadline;

  g_assert_true (dn_generate (fixture->store, 3000, 0, 20, 5, &error));
  g_signal_connect (model, "loaded", G_CALLBACK (on_loaded), &n_loaded);
  g_signal_connect (model, "notify::complete", G_CALLBACK (on_complete_notify), &n_notified);
  dn_task_query_init (&query);
  ids = dn_store_list_task_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, DN_QUERY_MODEL_PREFETCHED);

  dn_task_list_model_set_query_async (model, &query);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (n_loaded == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_loaded, ==, 1);
  /* the first rows, read with them: showing them reads nothing more */
  if (!dn_query_model_is_complete (DN_QUERY_MODEL (model)))
    {
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, DN_QUERY_MODEL_FIRST_ROWS);
      g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
    }
  n_fetched = dn_task_list_model_get_n_fetched (model);
  for (guint i = 0; i < DN_QUERY_MODEL_FIRST_ROWS; i++)
    {
      g_autoptr(DnTask) task = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpint (task->id, ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), ==, n_fetched);

  while (!dn_query_model_is_complete (DN_QUERY_MODEL (model)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dn_query_model_is_complete (DN_QUERY_MODEL (model)));
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_cmpuint (n_notified, ==, 2);   /* FALSE with the first rows, TRUE with the rest */
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, DN_QUERY_MODEL_FIRST_ROWS);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, ids->len - DN_QUERY_MODEL_FIRST_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  for (guint i = 0; i < ids->len; i += 211)
    g_assert_cmpint (dn_query_model_get_id (DN_QUERY_MODEL (model), i), ==, g_array_index (ids, gint64, i));
  /* the rows read with the first ones are still there, and those a view
   * builds next came with the rest: showing them reads nothing */
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), ==, n_fetched + DN_QUERY_MODEL_PREFETCHED -
                                                                  DN_QUERY_MODEL_FIRST_ROWS);
  n_fetched = dn_task_list_model_get_n_fetched (model);
  for (guint i = 0; i < DN_QUERY_MODEL_PREFETCHED; i++)
    {
      g_autoptr(DnTask) task = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpint (task->id, ==, g_array_index (ids, gint64, i));
    }
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), ==, n_fetched);

  /* a new query replaces the whole list again, first rows first */
  query.status = DN_STATUS_DONE;
  changed.n_signals = 0;
  dn_task_list_model_set_query_async (model, &query);
  while ((dn_query_model_is_loading (DN_QUERY_MODEL (model)) || !dn_query_model_is_complete (DN_QUERY_MODEL (model))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   dn_store_count_tasks (fixture->store, &query, NULL));
  g_assert_cmpuint (changed.n_signals, >=, 1);
  /* (rows listed already: the new first result is as long as a view's
   * rows, which it rebinds) */
  g_assert_cmpuint (changed.position, ==, changed.n_signals == 1 ? 0 : DN_QUERY_MODEL_PREFETCHED);
}

/* 1 000 generated tasks; @model counts its "loaded" in @n_loaded; @query
 * lists them all: their ids in order. */
static GArray *
long_list (DnTestStore     *fixture,
           DnTaskListModel *model,
           DnTaskQuery     *query,
           guint           *n_loaded)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;

  g_assert_true (dn_generate (fixture->store, 1000, 0, 20, 9, &error));
  g_signal_connect (model, "loaded", G_CALLBACK (on_loaded), n_loaded);
  dn_task_query_init (query);
  ids = dn_store_list_task_ids (fixture->store, query, &error);
  g_assert_no_error (error);
  return ids;
}

/* The first rows at once, the rest from the worker: the window's first
 * frame does not wait for a long list. */
static void
test_set_query_first (DnTestStore   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  g_autoptr(GArray) ids = NULL;
  ItemsChanged changed = { 0 };
  DnTaskQuery query;
  guint n_loaded = 0;
  gint64 deadline;

  ids = long_list (fixture, model, &query, &n_loaded);

  g_assert_true (dn_task_list_model_set_query_first (model, &query, &error));
  g_assert_no_error (error);
  g_assert_false (dn_query_model_is_complete (DN_QUERY_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, DN_QUERY_MODEL_FIRST_ROWS);
  for (guint i = 0; i < DN_QUERY_MODEL_FIRST_ROWS; i++)
    g_assert_cmpint (dn_query_model_get_id (DN_QUERY_MODEL (model), i), ==, g_array_index (ids, gint64, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!dn_query_model_is_complete (DN_QUERY_MODEL (model)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dn_query_model_is_complete (DN_QUERY_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, DN_QUERY_MODEL_FIRST_ROWS);
  g_assert_cmpuint (changed.added, ==, ids->len - DN_QUERY_MODEL_FIRST_ROWS);
  /* synchronous: no "loaded" */
  g_assert_cmpuint (n_loaded, ==, 0);

  /* a short list is complete at once */
  query.text = "hộ chiếu";
  g_assert_true (dn_task_list_model_set_query_first (model, &query, &error));
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) < DN_QUERY_MODEL_FIRST_ROWS)
    g_assert_true (dn_query_model_is_complete (DN_QUERY_MODEL (model)));
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), <=,
                   dn_store_count_tasks (fixture->store, &query, NULL));
}

/* A model whose rest comes on demand (a view draws the first rows before
 * the worker reads on): the first rows come, the rest waits, asked for it
 * comes; a new query forgets a rest that waited. */
static void
test_rest_on_demand (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTaskListModel) model = dn_task_list_model_new (fixture->store);
  g_autoptr(GArray) ids = NULL;
  DnQueryModel *base = DN_QUERY_MODEL (model);
  DnTaskQuery query;
  guint n_loaded = 0;
  gint64 deadline;

  ids = long_list (fixture, model, &query, &n_loaded);
  g_assert_cmpuint (ids->len, >, DN_QUERY_MODEL_PREFETCHED);
  dn_query_model_set_rest_on_demand (base, TRUE);
  g_assert_false (dn_query_model_fetch_rest (base));   /* nothing waits */

  /* asynchronous: the first rows, then nothing until asked */
  dn_task_list_model_set_query_async (model, &query);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (n_loaded == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_false (dn_query_model_is_complete (base));
  g_assert_false (dn_query_model_is_loading (base));
  /* a turn of the worker later, still only the first rows */
  g_usleep (100 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (dn_query_model_is_complete (base));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, DN_QUERY_MODEL_FIRST_ROWS);
  g_assert_true (dn_query_model_fetch_rest (base));
  g_assert_false (dn_query_model_fetch_rest (base));   /* under way: not twice */
  while (!dn_query_model_is_complete (base) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dn_query_model_is_complete (base));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);

  /* synchronous first rows wait too; a new query forgets that rest */
  g_assert_true (dn_task_list_model_set_query_first (model, &query, &error));
  g_assert_false (dn_query_model_is_complete (base));
  g_assert_true (dn_task_list_model_set_query (model, &query, &error));
  g_assert_true (dn_query_model_is_complete (base));
  g_assert_false (dn_query_model_fetch_rest (base));

  /* no longer on demand: what waits is fetched */
  g_assert_true (dn_task_list_model_set_query_first (model, &query, &error));
  g_assert_false (dn_query_model_is_complete (base));
  dn_query_model_set_rest_on_demand (base, FALSE);
  while (!dn_query_model_is_complete (base) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dn_query_model_is_complete (base));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/task-list-model/lazy", DnTestStore, NULL, dn_test_store_setup, test_lazy, dn_test_store_teardown);
  g_test_add ("/task-list-model/query-and-signals", DnTestStore, NULL, dn_test_store_setup, test_query_and_signals,
              dn_test_store_teardown);
  g_test_add ("/task-list-model/async", DnTestStore, NULL, dn_test_store_setup, test_async, dn_test_store_teardown);
  g_test_add ("/task-list-model/set-query-first", DnTestStore, NULL, dn_test_store_setup, test_set_query_first,
              dn_test_store_teardown);
  g_test_add ("/task-list-model/first-rows-then-rest", DnTestStore, NULL, dn_test_store_setup, test_first_rows_then_rest,
              dn_test_store_teardown);
  g_test_add ("/task-list-model/rest-on-demand", DnTestStore, NULL, dn_test_store_setup, test_rest_on_demand,
              dn_test_store_teardown);
  return g_test_run ();
}
