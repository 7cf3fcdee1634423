/* test-task-list.c: the Nhiệm vụ section: the lazy table, search, filters,
 * presets, sorting, marks of late tasks, delete and undo, dialogs
 *
 * Set DN_TEST_BIG_DB to a database made by
 *   doingoai-cli --db X generate --tasks 100000 --people 1000 --delegations 100
 * to also time the section on it (/task-list/big-database).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-list"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-core-testing.h"
#include "dn-date.h"
#include "dn-document-chooser.h"
#include "dn-generator.h"
#include "dn-period.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-task-columns.h"
#include "dn-task-list-view.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-text.h"
#include "dn-ui-testing.h"
#include "dn-unit-chooser.h"
#include "dn-window.h"

/*
 * Helpers
 */

/* every drawn widget called @name, in tree order */
static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *out)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, out);
}

/* With DN_TEST_SCREENSHOT_DIR set, writes @window to DIR/@name.png. */
static void
maybe_screenshot (GtkWindow  *window,
                  const char *name)
{
  const char *dir = g_getenv ("DN_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

typedef struct
{
  GtkWindow      *window;
  DnTaskListView *view;
} Shown;

/* Filters changed in the view itself apply when their query (on a worker
 * thread) returns. */
static void
wait_loaded (DnTaskListView *view)
{
  /* a hang deadline, long enough for a sanitizer build on a busy machine */
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (dn_task_list_view_is_loading (view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (dn_task_list_view_is_loading (view));
}

/* The view alone in a plain window of @width × @height, with @store,
 * drawn with its first result (read on the worker when first shown): its
 * default view, or every task when @all. */
static Shown
show_view_full (DnStore  *store,
                gboolean  all,
                int       width,
                int       height)
{
  Shown shown;

  shown.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown.window, width, height);
  shown.view = g_object_new (DN_TYPE_TASK_LIST_VIEW, NULL);
  gtk_window_set_child (shown.window, GTK_WIDGET (shown.view));
  dn_task_list_view_set_store (shown.view, store);
  if (all)
    dn_task_list_view_apply_preset (shown.view, "all");
  gtk_window_present (shown.window);
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 5000);
  wait_loaded (shown.view);
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 5000);
  return shown;
}

/* Every task, in a 1200 × 700 window. */
static Shown
show_view (DnStore *store)
{
  return show_view_full (store, TRUE, 1200, 700);
}

/* What the list shows once the refresh that follows a write (on the
 * worker, the old rows kept in sight meanwhile) has come. */
static guint
n_rows (DnTaskListView *view)
{
  wait_loaded (view);
  return g_list_model_get_n_items (G_LIST_MODEL (dn_task_list_view_get_model (view)));
}

static DnTask *
row (DnTaskListView *view,
     guint           position)
{
  wait_loaded (view);
  return g_list_model_get_item (G_LIST_MODEL (dn_task_list_view_get_model (view)), position);
}

/* the titles of the listed tasks, joined with "|" */
static char *
titles (DnTaskListView *view)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < n_rows (view); i++)
    {
      g_autoptr(DnTask) task = row (view, i);
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, task->title);
    }
  return g_string_free (s, FALSE);
}

static gint64
count_tasks (DnStore     *store,
             DnTaskQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 n = dn_store_count_tasks (store, query, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
add_task_full (DnStore     *store,
               const char  *title,
               gint64       lead,
               const GDate *due,
               DnStatus     status,
               gint64       document_id)
{
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(GError) error = NULL;

  g_free (task->title);
  task->title = g_strdup (title);
  task->lead_unit_id = lead;
  task->document_id = document_id;
  if (due != NULL)
    task->due_date = *due;
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);
  if (status != DN_STATUS_OPEN)
    {
      g_assert_true (dn_store_set_task_status (store, task->id, status, NULL, &error));
      g_assert_no_error (error);
    }
  return task->id;
}

/*
 * Cases
 */

/* The table lists every task but reads only the rows it draws. */
static void
test_lazy (DnTestStore   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnTaskListModel *model;
  Shown shown;
  gint64 n;
  gint64 start, elapsed;
  g_autofree char *expected = NULL;

  g_assert_true (dn_generate (fixture->store, 2000, 0, 50, 7, &error));
  g_assert_no_error (error);
  n = dn_store_count (fixture->store, DN_RECORD_TASK, NULL);
  g_assert_cmpint (n, ==, 2000);

  start = g_get_monotonic_time ();
  shown = show_view (fixture->store);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("first frame of 2000 tasks: %.1f ms", elapsed / 1000.0);

  model = dn_task_list_view_get_model (shown.view);
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  /* rows were read for the visible part only: a few pages of 64 */
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), >, 0);
  g_assert_cmpuint (dn_task_list_model_get_n_fetched (model), <=, 320);
  /* the section fits a 1024 pixels wide screen next to the sidebar */
  {
    int minimum, natural;

    gtk_widget_measure (GTK_WIDGET (shown.view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("minimum width %d, natural %d", minimum, natural);
    g_assert_cmpint (minimum, <=, 680);
  }
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " tasks", n);
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (shown.view)), ==, expected);
  {
    GtkWidget *label = dn_ui_find_named (GTK_WIDGET (shown.view), "task-count");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  }
  maybe_screenshot (shown.window, "task-list-wide");
  gtk_window_set_default_size (shown.window, 620, 600);
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 2000);
  dn_ui_spin (50);
  maybe_screenshot (shown.window, "task-list-narrow");

  /* the most urgent first, in SQL, no header's order: unfinished tasks
   * by due date */
  {
    gboolean descending = TRUE;
    g_autoptr(DnTask) first = row (shown.view, 0);
    g_autoptr(DnTask) second = row (shown.view, 1);
    GtkColumnView *table = GTK_COLUMN_VIEW (dn_ui_find_named (GTK_WIDGET (shown.view), "task-table"));

    g_assert_cmpint (dn_task_list_view_get_sort (shown.view, &descending), ==, DN_TASK_SORT_URGENCY);
    g_assert_false (descending);
    g_assert_cmpint (gtk_sorter_get_order (gtk_column_view_get_sorter (table)), ==, GTK_SORTER_ORDER_NONE);
    g_assert_true (first->status == DN_STATUS_OPEN || first->status == DN_STATUS_IN_PROGRESS);
    g_assert_true (second->status == DN_STATUS_OPEN || second->status == DN_STATUS_IN_PROGRESS);
    g_assert_true (g_date_valid (&first->due_date));
    g_assert_cmpint (g_date_compare (&first->due_date, &second->due_date), <=, 0);
  }
  gtk_window_destroy (shown.window);
}

/* Searching ignores accents; it applies at once from the API and after the
 * entry's short delay when typed. */
static void
test_search (DnTestStore   *fixture,
             gconstpointer  data)
{
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  Shown shown;
  GtkWidget *entry;
  gint64 end;
  g_autoptr(GPtrArray) first_cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  dn_test_add_task (fixture->store, "Báo cáo tổng kết năm học", unit, NULL, NULL);
  dn_test_add_task (fixture->store, "Kế hoạch hội nhập quốc tế", unit, NULL, NULL);
  dn_test_add_task (fixture->store, "BÁO CÁO đoàn ra", unit, NULL, NULL);
  dn_test_add_task (fixture->store, "Bảo đảm an toàn", unit, NULL, NULL);
  shown = show_view (fixture->store);
  g_assert_cmpuint (n_rows (shown.view), ==, 4);

  dn_task_list_view_set_search (shown.view, "bao cao");
  entry = dn_ui_find_named (GTK_WIDGET (shown.view), "task-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "bao cao");
  g_assert_cmpuint (n_rows (shown.view), ==, 2);
  for (guint i = 0; i < n_rows (shown.view); i++)
    {
      g_autoptr(DnTask) task = row (shown.view, i);
      g_autofree char *folded = dn_text_fold (task->title, -1);
      g_assert_nonnull (strstr (folded, "bao cao"));
    }
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (shown.view)), ==, "2 tasks");

  /* typing in the field */
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 2000);
  collect_named (GTK_WIDGET (shown.view), "due-cell", first_cells);
  g_assert_cmpuint (first_cells->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ke hoach");
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while ((n_rows (shown.view) != 1 || dn_task_list_view_is_loading (shown.view)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_rows (shown.view), ==, 1);
  {
    g_autoptr(DnTask) task = row (shown.view, 0);
    g_assert_cmpstr (task->title, ==, "Kế hoạch hội nhập quốc tế");
  }
  /* the table kept the widgets of its first row, which show the new task
   * (building the rows anew is what made typing stall on a big list) */
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 2000);
  collect_named (GTK_WIDGET (shown.view), "due-cell", cells);
  g_assert_cmpuint (cells->len, ==, 1);
  g_assert_true (cells->pdata[0] == first_cells->pdata[0]);
  {
    /* due cell → its column view cell → the row, whose second cell is the title */
    GtkWidget *table_row = gtk_widget_get_parent (gtk_widget_get_parent (cells->pdata[0]));
    GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (table_row)));

    g_assert_true (GTK_IS_INSCRIPTION (title));
    g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (title)), ==, "Kế hoạch hội nhập quốc tế");
  }
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (shown.view)), ==, "1 task");

  /* nothing found: a message with a way out */
  dn_task_list_view_set_search (shown.view, "khong co gi");
  g_assert_cmpuint (n_rows (shown.view), ==, 0);
  {
    GtkStack *stack = GTK_STACK (dn_ui_find_named (GTK_WIDGET (shown.view), "task-content"));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "tasks.clear-filters", NULL));
    wait_loaded (shown.view);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  }
  g_assert_cmpuint (n_rows (shown.view), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_window_destroy (shown.window);
}

typedef struct
{
  gint64 parent;     /* a district office */
  gint64 child;      /* a school below it */
  gint64 other;
  gint64 document;
  gint64 late;       /* led by child, overdue */
  gint64 late_done;  /* past due but done */
  gint64 soon;       /* led by parent, due in 3 days */
  gint64 later;      /* led by other, due in 40 days, from the document */
  gint64 none;       /* no due date, other leads, child supports */
} Data;

static Data
make_data (DnStore *store)
{
  Data d;
  GDate past = dn_test_today_plus (-5);
  GDate soon = dn_test_today_plus (3);
  GDate later = dn_test_today_plus (40);

  d.parent = dn_test_add_unit (store, "PGD-BT", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  d.child = dn_test_add_unit (store, "TH-BT1", "Trường Tiểu học Bảo Thắng 1", DN_UNIT_KIND_SCHOOL, d.parent);
  d.other = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  d.document = dn_test_add_document (store, "14", "KH-SGDĐT", "Kế hoạch hợp tác quốc tế năm 2024", NULL);
  d.late = add_task_full (store, "Nộp báo cáo quý", d.child, &past, DN_STATUS_OPEN, 0);
  d.late_done = add_task_full (store, "Báo cáo đã xong", d.child, &past, DN_STATUS_DONE, 0);
  d.soon = add_task_full (store, "Chuẩn bị đón đoàn", d.parent, &soon, DN_STATUS_IN_PROGRESS, 0);
  d.later = add_task_full (store, "Triển khai kế hoạch", d.other, &later, DN_STATUS_OPEN, d.document);
  {
    g_autoptr(DnTask) task = dn_task_new ();
    g_autoptr(GError) error = NULL;
    g_free (task->title);
    task->title = g_strdup ("Tổng hợp ý kiến");
    task->lead_unit_id = d.other;
    g_array_append_val (task->support_unit_ids, d.child);
    g_assert_true (dn_store_add_task (store, task, &error));
    d.none = task->id;
  }
  return d;
}

static char *
listed_ids (DnTaskListView *view)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *s = NULL;

  for (guint i = 0; i < n_rows (view); i++)
    {
      g_autoptr(DnTask) task = row (view, i);
      g_array_append_val (ids, task->id);
    }
  s = dn_test_ids_of_array (ids);
  return dn_test_ids_sorted (s);
}

#define assert_listed(view, ...) \
  G_STMT_START { \
    g_autofree char *_got = listed_ids (view); \
    g_autofree char *_ids = DN_TEST_IDS (__VA_ARGS__); \
    g_autofree char *_want = dn_test_ids_sorted (_ids); \
    g_assert_cmpstr (_got, ==, _want); \
  } G_STMT_END

static void
test_presets (DnTestStore   *fixture,
              gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  GtkWidget *view = GTK_WIDGET (shown.view);
  GtkToggleButton *overdue = GTK_TOGGLE_BUTTON (dn_ui_find_named (view, "task-overdue"));
  GtkDropDown *status = GTK_DROP_DOWN (dn_ui_find_named (view, "task-status"));
  GtkDropDown *period = GTK_DROP_DOWN (dn_ui_find_named (view, "task-period"));
  DnUnitChooser *unit = DN_UNIT_CHOOSER (dn_ui_find_named (view, "task-unit"));
  DnChooser *document = DN_CHOOSER (dn_ui_find_named (view, "task-document"));
  GtkCheckButton *lead_only = GTK_CHECK_BUTTON (dn_ui_find_named (view, "task-lead-only"));
  GtkCheckButton *sub_units = GTK_CHECK_BUTTON (dn_ui_find_named (view, "task-sub-units"));
  g_autofree char *preset = NULL;
  DnTaskQuery query;

  g_assert_cmpuint (n_rows (shown.view), ==, 5);

  /* overdue: the store's own count, and the toggle shows it */
  dn_task_list_view_apply_preset (shown.view, "overdue");
  dn_task_query_init (&query);
  query.overdue = TRUE;
  g_assert_cmpuint (n_rows (shown.view), ==, count_tasks (fixture->store, &query));
  assert_listed (shown.view, d.late);
  g_assert_true (gtk_toggle_button_get_active (overdue));

  /* the next 7 days, unfinished */
  dn_task_list_view_apply_preset (shown.view, "week");
  assert_listed (shown.view, d.soon);
  g_assert_false (gtk_toggle_button_get_active (overdue));
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 1);

  /* a unit and its sub-units, as lead or support */
  preset = g_strdup_printf ("unit:%" G_GINT64_FORMAT, d.parent);
  dn_task_list_view_apply_preset (shown.view, preset);
  assert_listed (shown.view, d.late, d.late_done, d.soon, d.none);
  g_assert_cmpint (dn_unit_chooser_get_unit (unit), ==, d.parent);
  g_assert_true (gtk_check_button_get_active (sub_units));
  g_assert_false (gtk_check_button_get_active (lead_only));
  g_clear_pointer (&preset, g_free);

  /* led by a unit, due this quarter (the overview's per-unit figures) */
  preset = g_strdup_printf ("lead:%" G_GINT64_FORMAT ":quarter", d.child);
  dn_task_list_view_apply_preset (shown.view, preset);
  {
    GDate from, late = dn_test_today_plus (-5);
    int quarter;

    dn_date_today (&from);
    quarter = dn_date_get_quarter (&from);
    g_assert_cmpint (dn_unit_chooser_get_unit (unit), ==, d.child);
    g_assert_true (gtk_check_button_get_active (lead_only));
    g_assert_cmpuint (gtk_drop_down_get_selected (period), ==, 4);
    /* a task 5 days late may fall in the previous quarter */
    if (dn_date_get_quarter (&late) == quarter && g_date_get_year (&late) == g_date_get_year (&from))
      assert_listed (shown.view, d.late, d.late_done);
    else
      g_assert_cmpuint (n_rows (shown.view), ==, 0);
  }
  g_clear_pointer (&preset, g_free);

  preset = g_strdup_printf ("document:%" G_GINT64_FORMAT, d.document);
  dn_task_list_view_apply_preset (shown.view, preset);
  assert_listed (shown.view, d.later);
  g_assert_cmpint (dn_chooser_get_id (document), ==, d.document);
  g_assert_cmpuint (dn_unit_chooser_get_unit (unit), ==, 0);

  /* an empty preset is "all" too */
  dn_task_list_view_apply_preset (shown.view, "overdue");
  dn_task_list_view_apply_preset (shown.view, "");
  g_assert_cmpuint (n_rows (shown.view), ==, 5);
  g_assert_false (gtk_toggle_button_get_active (overdue));

  dn_task_list_view_apply_preset (shown.view, "all");
  g_assert_cmpuint (n_rows (shown.view), ==, 5);
  g_assert_cmpint (dn_chooser_get_id (document), ==, 0);
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (shown.view)), ==, "5 tasks");

  /* the periods of the drop-down are those of dn-period, counted from today */
  for (DnPeriod p = DN_PERIOD_NEXT_7_DAYS; p <= DN_PERIOD_SCHOOL_YEAR; p++)
    {
      GDate today;

      gtk_drop_down_set_selected (period, p);
      wait_loaded (shown.view);
      g_assert_cmpint (dn_task_filter_get_period (dn_task_list_view_get_filter (shown.view)), ==, p);
      dn_date_today (&today);
      dn_task_query_init (&query);
      g_assert_true (dn_period_get_bounds (p, &today, &query.due_from, &query.due_to));
      g_assert_cmpuint (n_rows (shown.view), ==, count_tasks (fixture->store, &query));
    }
  /* the source document is chosen as units are: searched by words */
  dn_chooser_set_search (document, "2024 ke hoach");
  g_assert_cmpuint (dn_chooser_get_n_shown (document), ==, 1);
  g_assert_true (dn_chooser_pick (document, d.document));
  wait_loaded (shown.view);
  assert_listed (shown.view, d.later);
  gtk_window_destroy (shown.window);
}

/* Choosing a unit in the drop-down includes its sub-units unless unticked;
 * "My unit" is on when the officer's unit is known. */
static void
test_unit_filter (DnTestStore   *fixture,
                  gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  GtkWidget *view = GTK_WIDGET (shown.view);
  DnUnitChooser *unit = DN_UNIT_CHOOSER (dn_ui_find_named (view, "task-unit"));
  GtkCheckButton *sub_units = GTK_CHECK_BUTTON (dn_ui_find_named (view, "task-sub-units"));
  GtkCheckButton *lead_only = GTK_CHECK_BUTTON (dn_ui_find_named (view, "task-lead-only"));
  GtkToggleButton *my_unit = GTK_TOGGLE_BUTTON (dn_ui_find_named (view, "task-my-unit"));
  GListModel *units = dn_chooser_get_model (DN_CHOOSER (unit));
  guint parent_position = GTK_INVALID_LIST_POSITION;

  /* "All units", then the tree depth first, indented by depth */
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(DnUnit) u = g_list_model_get_item (units, i);
      if (u->id == d.parent)
        parent_position = i;
      if (u->id == d.child)
        {
          g_assert_cmpuint (i, ==, parent_position + 1);
          g_assert_cmpuint (u->depth, ==, 1);
        }
    }
  g_assert_cmpuint (parent_position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sub_units)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (my_unit)));

  /* "All units", then the chosen unit */
  {
    g_autoptr(DnUnit) all = g_list_model_get_item (units, 0);
    g_assert_cmpint (all->id, ==, 0);
    g_assert_cmpstr (all->name, ==, "All units");
  }
  g_assert_true (dn_unit_chooser_pick (unit, d.parent));
  wait_loaded (shown.view);
  assert_listed (shown.view, d.late, d.late_done, d.soon, d.none);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sub_units)));
  gtk_check_button_set_active (sub_units, FALSE);
  wait_loaded (shown.view);
  assert_listed (shown.view, d.soon);
  gtk_check_button_set_active (sub_units, TRUE);
  wait_loaded (shown.view);
  gtk_check_button_set_active (lead_only, TRUE);
  wait_loaded (shown.view);
  assert_listed (shown.view, d.late, d.late_done, d.soon);
  gtk_check_button_set_active (lead_only, FALSE);
  wait_loaded (shown.view);

  /* filters combine with the search */
  dn_task_list_view_set_search (shown.view, "bao cao");
  assert_listed (shown.view, d.late, d.late_done);
  dn_task_list_view_set_search (shown.view, NULL);

  /* my unit: the default view, its unfinished tasks, shown in the
   * drop-down; another unit leaves it */
  dn_task_list_view_set_my_unit (shown.view, d.child);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (my_unit)));
  g_assert_true (gtk_toggle_button_get_active (my_unit));
  g_assert_cmpint (dn_unit_chooser_get_unit (unit), ==, d.child);
  assert_listed (shown.view, d.late, d.none);
  gtk_toggle_button_set_active (my_unit, FALSE);
  wait_loaded (shown.view);
  g_assert_cmpint (dn_unit_chooser_get_unit (unit), ==, 0);
  g_assert_cmpuint (n_rows (shown.view), ==, 4);
  gtk_toggle_button_set_active (my_unit, TRUE);
  wait_loaded (shown.view);
  assert_listed (shown.view, d.late, d.none);
  g_assert_true (dn_unit_chooser_pick (unit, d.parent));
  wait_loaded (shown.view);
  g_assert_false (gtk_toggle_button_get_active (my_unit));
  g_assert_cmpuint (n_rows (shown.view), ==, 3);

  /* a new unit is offered (the list is read again when next needed); the
   * choice is kept */
  dn_test_add_unit (fixture->store, "THCS-BT", "Trường THCS Bảo Thắng", DN_UNIT_KIND_SCHOOL, d.parent);
  g_assert_cmpuint (g_list_model_get_n_items (dn_chooser_get_model (DN_CHOOSER (unit))), ==, 5);
  g_assert_cmpint (dn_unit_chooser_get_unit (unit), ==, d.parent);

  /* the chooser's search: words from the middle of a name, any order, no
   * accents, on names and codes */
  dn_chooser_set_search (DN_CHOOSER (unit), "bao thang 1");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (unit)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (unit), "THANG bao");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (unit)), ==, 3);
  dn_chooser_set_search (DN_CHOOSER (unit), "bt1");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (unit)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (unit), "");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (unit)), ==, 5);

  dn_task_list_view_set_my_unit (shown.view, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (my_unit)));
  g_assert_false (gtk_toggle_button_get_active (my_unit));
  gtk_window_destroy (shown.window);
}

/* Column sorting happens in SQL, in Vietnamese order. */
static void
test_sort (DnTestStore   *fixture,
           gconstpointer  data)
{
  gint64 a = dn_test_add_unit (fixture->store, "DT", "Đoàn Thanh niên", DN_UNIT_KIND_EXTERNAL, 0);
  gint64 b = dn_test_add_unit (fixture->store, "DH", "Dạy học", DN_UNIT_KIND_DIVISION, 0);
  gint64 c = dn_test_add_unit (fixture->store, "AN", "Ăn uống", DN_UNIT_KIND_DIVISION, 0);
  Shown shown;
  g_autofree char *asc = NULL;
  g_autofree char *desc = NULL;
  gboolean descending;
  gint64 selected;

  dn_test_add_task (fixture->store, "Đào tạo giáo viên", a, NULL, NULL);
  dn_test_add_task (fixture->store, "Zô ta", b, NULL, NULL);
  dn_test_add_task (fixture->store, "Ấn phẩm tuyên truyền", c, NULL, NULL);
  dn_test_add_task (fixture->store, "Ăn ở của đoàn", a, NULL, NULL);
  dn_test_add_task (fixture->store, "An toàn trường học", b, NULL, NULL);
  dn_test_add_task (fixture->store, "Dạy học ngoại ngữ", c, NULL, NULL);
  dn_test_add_task (fixture->store, "Bồi dưỡng cán bộ", a, NULL, NULL);
  shown = show_view (fixture->store);

  dn_task_list_view_sort_by (shown.view, DN_TASK_SORT_TITLE, FALSE);
  g_assert_cmpint (dn_task_list_view_get_sort (shown.view, &descending), ==, DN_TASK_SORT_TITLE);
  g_assert_false (descending);
  asc = titles (shown.view);
  g_assert_cmpstr (asc, ==, "An toàn trường học|Ăn ở của đoàn|Ấn phẩm tuyên truyền|Bồi dưỡng cán bộ|"
                            "Dạy học ngoại ngữ|Đào tạo giáo viên|Zô ta");

  /* the selection follows its task */
  {
    g_autoptr(DnTask) t = row (shown.view, 1);
    g_assert_true (dn_list_page_select_id (DN_LIST_PAGE (shown.view), t->id));
  }
  selected = dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view));
  dn_task_list_view_sort_by (shown.view, DN_TASK_SORT_TITLE, TRUE);
  g_assert_cmpint (dn_task_list_view_get_sort (shown.view, &descending), ==, DN_TASK_SORT_TITLE);
  g_assert_true (descending);
  desc = titles (shown.view);
  g_assert_cmpstr (desc, ==, "Zô ta|Đào tạo giáo viên|Dạy học ngoại ngữ|Bồi dưỡng cán bộ|"
                             "Ấn phẩm tuyên truyền|Ăn ở của đoàn|An toàn trường học");
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view)), ==, selected);
  {
    g_autoptr(DnTask) t = row (shown.view, 5);
    g_assert_cmpint (t->id, ==, selected);
  }

  /* by lead unit: Ăn uống < Dạy học < Đoàn Thanh niên */
  dn_task_list_view_sort_by (shown.view, DN_TASK_SORT_LEAD_UNIT, FALSE);
  g_assert_cmpint (dn_task_list_view_get_sort (shown.view, NULL), ==, DN_TASK_SORT_LEAD_UNIT);
  for (guint i = 0; i < n_rows (shown.view); i++)
    {
      g_autoptr(DnTask) t = row (shown.view, i);
      gint64 want = i < 2 ? c : i < 4 ? b : a;
      g_assert_cmpint (t->lead_unit_id, ==, want);
    }

  /* the header the user clicks: the column view's own sorter */
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (dn_ui_find_named (GTK_WIDGET (shown.view), "task-table"));
    GListModel *columns = gtk_column_view_get_columns (table);
    g_autoptr(GtkColumnViewColumn) status = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        if (g_str_equal (gtk_column_view_column_get_title (column), "Status"))
          status = g_object_ref (column);
      }
    g_assert_nonnull (status);
    gtk_column_view_sort_by_column (table, status, GTK_SORT_DESCENDING);
    g_assert_cmpint (dn_task_list_view_get_sort (shown.view, &descending), ==, DN_TASK_SORT_STATUS);
    g_assert_true (descending);
    /* applied when the worker's query returns; the table showed the old
     * order meanwhile */
    g_assert_true (dn_task_list_view_is_loading (shown.view));
    wait_loaded (shown.view);
    {
      g_autoptr(DnTask) first = row (shown.view, 0);
      g_autoptr(DnTask) last = row (shown.view, n_rows (shown.view) - 1);
      g_assert_cmpint (first->status, >=, last->status);
    }
  }
  gtk_window_destroy (shown.window);
}

/* Late rows carry a colour and an icon in the due cell. */
static void
test_overdue_marked (DnTestStore   *fixture,
                     gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n_overdue = 0, n_soon = 0, n_plain = 0;

  (void) d;
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 2000);
  collect_named (GTK_WIDGET (shown.view), "due-cell", cells);
  g_assert_cmpuint (cells->len, ==, 5);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      GtkWidget *image = gtk_widget_get_first_child (cell);

      g_assert_true (GTK_IS_IMAGE (image));
      if (gtk_widget_has_css_class (cell, "dn-overdue"))
        {
          n_overdue++;
          g_assert_true (gtk_widget_get_visible (image));
          g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "dialog-warning-symbolic");
          g_assert_true (gtk_widget_get_has_tooltip (cell));
        }
      else if (gtk_widget_has_css_class (cell, "dn-due-soon"))
        {
          n_soon++;
          g_assert_true (gtk_widget_get_visible (image));
          g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "alarm-symbolic");
          g_assert_true (gtk_widget_get_has_tooltip (cell));
        }
      else
        {
          n_plain++;
          g_assert_false (gtk_widget_get_visible (image));
        }
    }
  /* the done task past its date is not late */
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpuint (n_soon, ==, 1);
  g_assert_cmpuint (n_plain, ==, 3);
  gtk_window_destroy (shown.window);
}

/* Supporting units show their names, as the lead unit does; the tooltip
 * gives each name with its code. */
static void
test_support_names (DnTestStore   *fixture,
                    gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(DnTask) task = dn_store_get_task (fixture->store, d.none, NULL);
  g_autofree char *tooltip = NULL;
  guint n_named = 0;

  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 2000);
  collect_named (GTK_WIDGET (shown.view), "support-cell", cells);
  g_assert_cmpuint (cells->len, ==, 5);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cells->pdata[i]));

      g_assert_cmpstr (text, !=, "TH-BT1");
      if (g_strcmp0 (text, "Trường Tiểu học Bảo Thắng 1") == 0)
        n_named++;
    }
  g_assert_cmpuint (n_named, ==, 1);
  tooltip = dn_task_columns_dup_tooltip (DN_TASK_COLUMN_SUPPORT, task);
  g_assert_cmpstr (tooltip, ==, "Trường Tiểu học Bảo Thắng 1 (TH-BT1)");
  gtk_window_destroy (shown.window);
}

/* A query that fails shows its error, never an empty list; Try Again
 * reads the list again. */
static void
test_error_state (DnTestStore   *fixture,
                  gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  GtkStack *stack = GTK_STACK (dn_ui_find_named (GTK_WIDGET (shown.view), "task-content"));
  GtkLabel *count = GTK_LABEL (dn_ui_find_named (GTK_WIDGET (shown.view), "task-count"));
  const GError *error;

  (void) d;
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_null (dn_list_page_get_error (DN_LIST_PAGE (shown.view)));
  /* a table of this connection's own hides the tasks from its queries */
  dn_test_exec (fixture->store, "CREATE TEMP TABLE task (x INTEGER)");
  dn_task_list_view_set_search (shown.view, "bao cao");
  error = dn_list_page_get_error (DN_LIST_PAGE (shown.view));
  g_assert_nonnull (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "");
  g_assert_true (dn_ui_find_named (GTK_WIDGET (shown.view), "task-table") != NULL);

  dn_test_exec (fixture->store, "DROP TABLE temp.task");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "list.reload", NULL));
  g_assert_null (dn_list_page_get_error (DN_LIST_PAGE (shown.view)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (n_rows (shown.view), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2 tasks");
  gtk_window_destroy (shown.window);
}

static DnTaskListView *
window_view (DnWindow *window)
{
  GtkWidget *view = dn_window_get_section_page (window, "tasks");

  g_assert_true (DN_IS_TASK_LIST_VIEW (view));
  return DN_TASK_LIST_VIEW (view);
}

static void
on_message_cb (DnWindowContext *context,
               const char      *text,
               gboolean         with_undo,
               GString         *log)
{
  g_string_append_printf (log, "%s;", text);
}

/* Delete (the key's action) is soft and undone by the window's Ctrl+Z. */
static void
test_delete_undo (DnTestStore   *fixture,
                  gconstpointer  data)
{
  Data d = make_data (fixture->store);
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnTaskListView *view = window_view (window);
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  guint bound = 0;
  GtkWindow *editor;

  /* hidden behind another section, the list waits to be shown to read the
   * store again */
  dn_window_show_section (window, "overview");
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_wait_for_frame (GTK_WIDGET (window), 5000);
  dn_test_add_task (fixture->store, "Việc thêm khi danh sách bị ẩn", d.other, NULL, NULL);
  dn_window_show_section (window, "tasks");
  dn_ui_wait_for_frame (GTK_WIDGET (window), 5000);
  /* shown, it reads on the worker: its default view, the 5 unfinished
   * tasks of the 6 */
  wait_loaded (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (dn_ui_find_named (GTK_WIDGET (view), "task-table"))))), ==, 5);
  g_assert_cmpuint (n_rows (view), ==, 5);

  /* the Delete keys are bound to tasks.delete */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if ((g_str_equal (trigger, "Delete") || g_str_equal (trigger, "KP_Delete")) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "tasks.delete"))
            bound++;
        }
    }
  g_assert_cmpuint (bound, ==, 2);
  /* typing in the table must not go to the search field: the field would
   * take the Delete key too */
  g_assert_null (gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (dn_ui_find_named (GTK_WIDGET (view),
                                                                                      "task-search"))));

  /* nothing selected: nothing deleted */
  gtk_widget_activate_action (GTK_WIDGET (view), "tasks.delete", NULL);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 6);

  g_assert_true (dn_list_page_select_id (DN_LIST_PAGE (view), d.soon));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tasks.delete", NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 5);
  g_assert_cmpuint (n_rows (view), ==, 4);
  g_assert_cmpuint (dn_task_list_model_find (dn_task_list_view_get_model (view), d.soon), ==, G_MAXUINT);
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (view)), ==, 0);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT deleted FROM task WHERE id = %" G_GINT64_FORMAT,
                                      d.soon), !=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 6);
  g_assert_cmpuint (n_rows (view), ==, 5);
  g_assert_cmpuint (dn_task_list_model_find (dn_task_list_view_get_model (view), d.soon), !=, G_MAXUINT);

  /* a task saved that the filters hide: the window says so */
  g_signal_connect (dn_window_context_from_widget (GTK_WIDGET (view)), "message", G_CALLBACK (on_message_cb),
                    messages);
  dn_task_list_view_apply_preset (view, "overdue");
  wait_loaded (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tasks.new", NULL));
  editor = dn_ui_find_window (DN_TYPE_TASK_EDITOR);
  g_assert_nonnull (editor);
  g_signal_emit_by_name (editor, "saved", d.later);
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (view)), ==, 0);
  g_assert_cmpstr (messages->str, ==, "The task was saved. The filters hide it: clear them to see it.;");
  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reload (after any write) keeps the selected task selected. */
static void
test_reload_keeps_selection (DnTestStore   *fixture,
                             gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GDate earliest = dn_test_today_plus (-30);

  g_assert_true (dn_list_page_select_id (DN_LIST_PAGE (shown.view), d.later));
  /* a new task sorted before it moves it down */
  add_task_full (fixture->store, "Việc mới", d.other, &earliest, DN_STATUS_OPEN, 0);
  g_assert_cmpuint (n_rows (shown.view), ==, 6);
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view)), ==, d.later);

  task = dn_store_get_task (fixture->store, d.later, &error);
  g_assert_no_error (error);
  g_free (task->title);
  task->title = g_strdup ("Triển khai kế hoạch (sửa)");
  g_assert_true (dn_store_update_task (fixture->store, task, &error));
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view)), ==, d.later);
  {
    g_autoptr(DnTask) listed = row (shown.view, dn_task_list_model_find (dn_task_list_view_get_model (shown.view),
                                                                          d.later));
    g_assert_cmpstr (listed->title, ==, "Triển khai kế hoạch (sửa)");
  }

  /* filtered out: nothing selected, so Edit and Delete do nothing */
  dn_task_list_view_apply_preset (shown.view, "overdue");
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view)), ==, 0);
  gtk_window_destroy (shown.window);
}

/* New task opens the editor; once saved, the task is listed and selected.
 * Activating a row opens its details, once. */
static void
test_dialogs (DnTestStore   *fixture,
              gconstpointer  data)
{
  Data d = make_data (fixture->store);
  Shown shown = show_view (fixture->store);
  GtkWindow *editor;
  GtkWindow *details;
  gint64 id;

  g_assert_null (dn_ui_find_window (DN_TYPE_TASK_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "tasks.new", NULL));
  editor = dn_ui_find_window (DN_TYPE_TASK_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == shown.window);
  /* as the editor does on Save */
  id = add_task_full (fixture->store, "Việc vừa thêm", d.other, NULL, DN_STATUS_OPEN, 0);
  g_signal_emit_by_name (editor, "saved", id);
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view)), ==, id);
  gtk_window_destroy (editor);

  /* Enter or a double click on a row */
  g_signal_emit_by_name (dn_ui_find_named (GTK_WIDGET (shown.view), "task-table"), "activate",
                         dn_task_list_model_find (dn_task_list_view_get_model (shown.view), d.late));
  details = dn_ui_find_window (DN_TYPE_TASK_DETAILS);
  g_assert_nonnull (details);
  g_assert_cmpint (dn_task_details_get_task (DN_TASK_DETAILS (details)), ==, d.late);
  g_assert_true (gtk_window_get_transient_for (details) == shown.window);
  g_assert_cmpint (dn_list_page_get_selected_id (DN_LIST_PAGE (shown.view)), ==, d.late);
  dn_task_list_view_open_task (shown.view, d.late);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_TASK_DETAILS), ==, 1);
  gtk_window_destroy (details);

  /* Edit opens the editor on the selected task */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "tasks.edit", NULL));
  editor = dn_ui_find_window (DN_TYPE_TASK_EDITOR);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
  gtk_window_destroy (shown.window);
  dn_ui_spin (10);
}

/* The settings the task list keeps, back to their defaults (the memory
 * backend lasts as long as the test program). */
static void
reset_list_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.doingoai.DoiNgoai");

  g_settings_reset (settings, "task-list-show-all");
  g_settings_reset (settings, "task-list-hidden-columns");
}

/* "Clear Filters" can be clicked (its button follows its action) */
static gboolean
can_clear (DnTaskListView *view)
{
  return gtk_widget_is_sensitive (dn_ui_find_named (GTK_WIDGET (view), "task-clear-filters"));
}

/* the ids listed, in order, as "3,1,2" */
static char *
listed_in_order (DnTaskListView *view)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_rows (view); i++)
    {
      g_autoptr(DnTask) task = row (view, i);
      g_array_append_val (ids, task->id);
    }
  return dn_test_ids_of_array (ids);
}

/* The first screen, as in the demo data (an office's finished tasks of
 * last years, a few unfinished ones): the unfinished tasks of my unit,
 * overdue first, then by deadline; "Clear Filters" comes back to it; "All"
 * shows every task, and the next window opens on it. */
static void
test_first_screen (DnTestStore   *fixture,
                   gconstpointer  data)
{
  Data d = make_data (fixture->store);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.doingoai.DoiNgoai");
  GDate old = dn_test_date (2018, 10, 31);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  GtkToggleButton *all;
  GtkToggleButton *my_unit;
  DnTaskFilter *filter;
  Shown shown;

  reset_list_settings ();
  for (int i = 0; i < 12; i++)
    add_task_full (fixture->store, "Việc đã xong năm 2018", i % 2 ? d.child : d.parent, &old, DN_STATUS_DONE, 0);
  shown = show_view_full (fixture->store, FALSE, 1200, 700);
  all = GTK_TOGGLE_BUTTON (dn_ui_find_named (GTK_WIDGET (shown.view), "task-show-all"));
  my_unit = GTK_TOGGLE_BUTTON (dn_ui_find_named (GTK_WIDGET (shown.view), "task-my-unit"));
  filter = dn_task_list_view_get_filter (shown.view);
  g_assert_false (gtk_toggle_button_get_active (all));

  /* no unit chosen yet: the unfinished tasks of every unit */
  first = listed_in_order (shown.view);
  expected = DN_TEST_IDS (d.late, d.soon, d.later, d.none);
  g_assert_cmpstr (first, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* a search typed before does not combine with the unit set in
   * Preferences: the unit's default view */
  dn_task_list_view_set_search (shown.view, "trien khai");
  dn_task_list_view_set_my_unit (shown.view, d.parent);
  g_assert_null (dn_task_filter_get_text (filter));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_find_named (GTK_WIDGET (shown.view), "task-search"))),
                   ==, "");
  g_assert_true (gtk_toggle_button_get_active (my_unit));
  g_clear_pointer (&first, g_free);
  first = listed_in_order (shown.view);
  /* overdue, then due soon, then no deadline (a task the school supports) */
  expected = DN_TEST_IDS (d.late, d.soon, d.none);
  g_assert_cmpstr (first, ==, expected);
  g_assert_false (can_clear (shown.view));

  /* other filters, then "Clear Filters": back to that view, not to all */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dn_ui_find_named (GTK_WIDGET (shown.view), "task-overdue")), TRUE);
  gtk_toggle_button_set_active (my_unit, FALSE);
  wait_loaded (shown.view);
  g_assert_true (can_clear (shown.view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "tasks.clear-filters", NULL));
  again = listed_in_order (shown.view);
  g_assert_cmpstr (again, ==, first);
  g_assert_true (gtk_toggle_button_get_active (my_unit));

  /* All: every task, one click; remembered */
  gtk_toggle_button_set_active (all, TRUE);
  wait_loaded (shown.view);
  g_assert_cmpuint (n_rows (shown.view), ==, 17);
  g_assert_true (g_settings_get_boolean (settings, "task-list-show-all"));
  {
    /* still the most urgent first, the finished ones after */
    g_autoptr(DnTask) top = row (shown.view, 0);
    g_autoptr(DnTask) bottom = row (shown.view, 16);

    g_assert_cmpint (top->id, ==, d.late);
    g_assert_cmpint (bottom->status, ==, DN_STATUS_DONE);
  }
  g_assert_false (can_clear (shown.view));
  gtk_window_destroy (shown.window);

  /* a new window opens on every task; unticking comes back to unfinished */
  shown = show_view_full (fixture->store, FALSE, 1200, 700);
  all = GTK_TOGGLE_BUTTON (dn_ui_find_named (GTK_WIDGET (shown.view), "task-show-all"));
  g_assert_true (gtk_toggle_button_get_active (all));
  g_assert_cmpuint (n_rows (shown.view), ==, 17);
  gtk_toggle_button_set_active (all, FALSE);
  wait_loaded (shown.view);
  g_assert_cmpuint (n_rows (shown.view), ==, 4);
  g_assert_false (g_settings_get_boolean (settings, "task-list-show-all"));
  gtk_window_destroy (shown.window);
  reset_list_settings ();
}

/* the drawn cells under @widget showing @text (GtkInscriptions) */
static void
collect_inscriptions (GtkWidget  *widget,
                      const char *text,
                      GPtrArray  *out)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, text, out);
}

/* Every drawn cell showing @text has the room for all of it: its width
 * against the text's natural width. Returns the number of such cells. */
static guint
assert_not_cut (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_inscriptions (root, text, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (cell, text);
      int natural;

      pango_layout_get_pixel_size (layout, &natural, NULL);
      if (gtk_widget_get_width (cell) < natural)
        g_error ("“%s” cut: %d pixels for %d", text, gtk_widget_get_width (cell), natural);
    }
  return cells->len;
}

static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  gtk_window_set_default_size (window, width, height);
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  dn_ui_spin (50);
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
}

/* In a small window (1024 × 600, and the window's minimum), columns give
 * way by priority: the title keeps its room, the status is never cut. */
static void
test_small_window (DnTestStore   *fixture,
                   gconstpointer  data)
{
  Data d = make_data (fixture->store);
  DnWindow *window;
  DnTaskListView *view;
  GtkWidget *table;
  int minimum;

  (void) d;
  reset_list_settings ();
  window = dn_window_new (NULL, fixture->store);
  view = window_view (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  dn_window_show_section (window, "tasks");
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_wait_for_frame (GTK_WIDGET (window), 5000);
  dn_task_list_view_apply_preset (view, "all");
  wait_loaded (view);
  resize (GTK_WINDOW (window), 1024, 600);
  table = dn_ui_find_named (GTK_WIDGET (view), "task-table");

  for (int size = 0; size < 2; size++)
    {
      if (size == 1)
        {
          gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_test_message ("the window's minimum width: %d", minimum);
          resize (GTK_WINDOW (window), minimum, 600);
        }
      g_test_message ("table %d px wide", gtk_widget_get_width (table));
      /* the statuses shown in full */
      g_assert_cmpuint (assert_not_cut (table, dn_status_get_label (DN_STATUS_IN_PROGRESS)) +
                        assert_not_cut (table, dn_status_get_label (DN_STATUS_OPEN)), >, 0);
      g_assert_true (dn_list_page_get_column_shown (DN_LIST_PAGE (view), DN_TASK_COLUMN_TITLE));
      g_assert_true (dn_list_page_get_column_shown (DN_LIST_PAGE (view), DN_TASK_COLUMN_STATUS));
      g_assert_true (dn_list_page_get_column_shown (DN_LIST_PAGE (view), DN_TASK_COLUMN_DUE));
      /* the least needed gave way, and stay chosen */
      g_assert_false (dn_list_page_get_column_shown (DN_LIST_PAGE (view), DN_TASK_COLUMN_RECURRENCE));
      g_assert_true (dn_list_page_get_column_chosen (DN_LIST_PAGE (view), DN_TASK_COLUMN_RECURRENCE));
      /* no column runs out of the table */
      g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (table))), <=,
                         gtk_widget_get_width (table) + 1);
    }
  maybe_screenshot (GTK_WINDOW (window), "task-list-small");

  /* wide again: every column back */
  resize (GTK_WINDOW (window), 1700, 900);
  g_assert_true (dn_list_page_get_column_shown (DN_LIST_PAGE (view), DN_TASK_COLUMN_RECURRENCE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The "Columns" menu hides and shows a column, remembered for the next
 * window; the title cannot be hidden. */
static void
test_columns_menu (DnTestStore   *fixture,
                   gconstpointer  data)
{
  Data d = make_data (fixture->store);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.doingoai.DoiNgoai");
  g_auto(GStrv) hidden = NULL;
  GtkMenuButton *button;
  Shown shown;

  (void) d;
  reset_list_settings ();
  shown = show_view (fixture->store);
  button = GTK_MENU_BUTTON (dn_ui_find_named (GTK_WIDGET (shown.view), "task-columns"));
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), ==, DN_TASK_COLUMN_N - 1);
  g_assert_true (dn_list_page_get_column_shown (DN_LIST_PAGE (shown.view), DN_TASK_COLUMN_SUPPORT));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "columns.support", NULL));
  g_assert_false (dn_list_page_get_column_shown (DN_LIST_PAGE (shown.view), DN_TASK_COLUMN_SUPPORT));
  g_assert_false (dn_list_page_get_column_chosen (DN_LIST_PAGE (shown.view), DN_TASK_COLUMN_SUPPORT));
  hidden = g_settings_get_strv (settings, "task-list-hidden-columns");
  g_assert_true (g_strv_contains ((const char * const *) hidden, "support"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (shown.view), "columns.title", NULL));
  gtk_window_destroy (shown.window);

  shown = show_view (fixture->store);
  g_assert_false (dn_list_page_get_column_shown (DN_LIST_PAGE (shown.view), DN_TASK_COLUMN_SUPPORT));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.view), "columns.support", NULL));
  g_assert_true (dn_list_page_get_column_shown (DN_LIST_PAGE (shown.view), DN_TASK_COLUMN_SUPPORT));
  g_clear_pointer (&hidden, g_strfreev);
  hidden = g_settings_get_strv (settings, "task-list-hidden-columns");
  g_assert_cmpuint (g_strv_length (hidden), ==, 0);
  gtk_window_destroy (shown.window);
  reset_list_settings ();
}

/* The empty list shows the tasks icon, not a magnifier. */
static void
test_empty_icon (DnTestStore   *fixture,
                 gconstpointer  data)
{
  Shown shown;
  GtkWidget *content;
  GtkWidget *image;

  reset_list_settings ();
  shown = show_view_full (fixture->store, FALSE, 1200, 700);
  content = dn_ui_find_named (GTK_WIDGET (shown.view), "task-content");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content)), ==, "empty");
  image = dn_ui_find_type (gtk_stack_get_visible_child (GTK_STACK (content)), GTK_TYPE_IMAGE);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "checkbox-checked-symbolic");
  gtk_window_destroy (shown.window);
}

typedef void (*Step) (DnTaskListView *view);

static void step_search (DnTaskListView *view) { dn_task_list_view_set_search (view, "bao cao"); }
static void step_no_search (DnTaskListView *view) { dn_task_list_view_set_search (view, NULL); }
static void step_title (DnTaskListView *view) { dn_task_list_view_sort_by (view, DN_TASK_SORT_TITLE, FALSE); }
static void step_lead (DnTaskListView *view) { dn_task_list_view_sort_by (view, DN_TASK_SORT_LEAD_UNIT, TRUE); }
static void step_overdue (DnTaskListView *view) { dn_task_list_view_apply_preset (view, "overdue"); }
static void step_all (DnTaskListView *view) { dn_task_list_view_apply_preset (view, "all"); }

/* Runs @step, then waits for the frame showing it; reports both times. */
static void
time_step (Shown      *shown,
           const char *name,
           Step        step)
{
  gint64 start = g_get_monotonic_time ();
  gint64 done, frame;

  step (shown->view);
  done = g_get_monotonic_time () - start;
  frame = dn_ui_wait_for_frame (GTK_WIDGET (shown->window), 5000);
  g_printerr ("# %-24s %6u rows  %6.1f ms + frame %5.1f ms\n", name, n_rows (shown->view),
              done / 1000.0, frame / 1000.0);
}

typedef struct
{
  gint64 last;
  gint64 worst;
} Stall;

static gboolean
stall_tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  stall->worst = MAX (stall->worst, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* As typing or clicking does: the query runs on a worker thread. Reports
 * the time until the result is drawn and the longest time the main loop
 * (the user) waited meanwhile. */
static void
time_interactive (Shown      *shown,
                  const char *name,
                  GtkWidget  *widget)
{
  Stall stall = { g_get_monotonic_time (), 0 };
  guint id = g_timeout_add (5, stall_tick_cb, &stall);
  gint64 start = g_get_monotonic_time ();
  gint64 total;

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), "") == 0
                                                  ? "bao cao" : "");
  else if (GTK_IS_TOGGLE_BUTTON (widget))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget),
                                  !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));
  /* the entry's own delay, then the query */
  while (!dn_task_list_view_is_loading (shown->view) && g_get_monotonic_time () - start < G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  wait_loaded (shown->view);
  dn_ui_wait_for_frame (GTK_WIDGET (shown->window), 5000);
  total = g_get_monotonic_time () - start;
  g_source_remove (id);
  g_printerr ("# %-24s %6u rows  drawn after %6.1f ms, main loop blocked at most %5.1f ms\n", name,
              n_rows (shown->view), total / 1000.0, stall.worst / 1000.0);
}

/* With DN_TEST_BIG_DB: times the section on a large database. */
/* First shown, the list is read on the worker: the first page, then the
 * rest and the count, which reach the table as rows added behind the first
 * ones. A short wait shows no spinner (a spinning one redraws the window
 * each frame). */
static void
test_first_rows_then_rest (DnTestStore   *fixture,
                           gconstpointer  data)
{
  guint n = DN_QUERY_MODEL_PREFETCHED + 57;
  GtkWindow *window;
  DnTaskListView *view;
  GtkColumnView *table;
  GtkWidget *spinner;
  GtkWidget *entry;
  g_autofree char *count = g_strdup_printf ("%u tasks", n);
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ số %u", i);
      add_task_full (fixture->store, title, unit, NULL, DN_STATUS_OPEN, 0);
    }
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 700);
  view = g_object_new (DN_TYPE_TASK_LIST_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  dn_task_list_view_set_store (view, fixture->store);
  table = GTK_COLUMN_VIEW (dn_ui_find_named (GTK_WIDGET (view), "task-table"));
  spinner = dn_ui_find_type (GTK_WIDGET (view), GTK_TYPE_SPINNER);
  g_assert_nonnull (spinner);
  gtk_window_present (window);
  /* mapped: the query runs on the worker, nothing was read on the way */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (dn_task_list_view_is_loading (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 0);
  g_assert_false (gtk_widget_get_visible (spinner));

  wait_loaded (view);
  /* the rest came after the first page: the table has every row */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dn_task_list_view_get_model (view))), ==, n);
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (view)), ==, count);
  {
    g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), n - 1);
    g_assert_nonnull (last);
  }
  dn_ui_wait_for_frame (GTK_WIDGET (window), 5000);
  g_assert_false (gtk_widget_get_visible (spinner));

  /* a new search, typed: no spinner for a short wait */
  entry = dn_task_list_view_get_search_entry (view);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "so 1");
  g_assert_true (dn_ui_wait_until ((DnUiCondition) dn_task_list_view_is_loading, view, 5000));
  g_assert_false (gtk_widget_get_visible (spinner));
  wait_loaded (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (dn_task_list_view_get_model (view))));
  gtk_window_destroy (window);
}

static void
count_paint (GdkFrameClock *clock,
             guint         *n_paints)
{
  (*n_paints)++;
}

static void
note_paints_at_complete (guint       *paints_at_complete,
                         GParamSpec  *pspec,
                         DnQueryModel *model)
{
  guint *n_paints = g_object_get_data (G_OBJECT (model), "n-paints");

  if (dn_query_model_is_complete (model))
    *paints_at_complete = *n_paints;
}

/* A page about to be shown reads its first rows at once (prefetch), and
 * the rest of a list (every id, the count) is read only once the frame
 * showing its first rows is drawn: the worker does not take the processor
 * from that frame. A hidden page reads the rest at once. */
static void
test_rest_after_first_frame (DnTestStore   *fixture,
                             gconstpointer  data)
{
  guint n = DN_QUERY_MODEL_PREFETCHED + 40;
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_autofree char *count = g_strdup_printf ("%u tasks", n);
  GtkWindow *window;
  DnTaskListView *view;
  DnQueryModel *model;
  guint n_paints = 0, paints_with_rows, paints_at_complete = G_MAXUINT;
  gint64 end;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ số %u", i);
      add_task_full (fixture->store, title, unit, NULL, DN_STATUS_OPEN, 0);
    }

  /* hidden: prefetched, then the rest at once */
  window = GTK_WINDOW (gtk_window_new ());
  view = g_object_new (DN_TYPE_TASK_LIST_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  dn_task_list_view_set_store (view, fixture->store);
  g_assert_false (dn_task_list_view_is_loading (view));
  dn_list_page_prefetch (DN_LIST_PAGE (view));
  g_assert_true (dn_task_list_view_is_loading (view));
  wait_loaded (view);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (view)), ==, count);
  gtk_window_destroy (window);

  /* shown: the first rows come, a frame shows them, then the rest */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 700);
  view = g_object_new (DN_TYPE_TASK_LIST_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  dn_task_list_view_set_store (view, fixture->store);
  dn_list_page_prefetch (DN_LIST_PAGE (view));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (count_paint),
                    &n_paints);
  gtk_window_present (window);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (G_LIST_MODEL (dn_task_list_view_get_model (view))) == 0 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  model = dn_list_page_get_model (DN_LIST_PAGE (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, DN_QUERY_MODEL_FIRST_ROWS);
  g_assert_false (dn_query_model_is_complete (model));
  paints_with_rows = n_paints;
  g_object_set_data (G_OBJECT (model), "n-paints", &n_paints);
  g_signal_connect_swapped (model, "notify::complete", G_CALLBACK (note_paints_at_complete), &paints_at_complete);
  wait_loaded (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (view)), ==, count);
  /* at least one frame was drawn with the first rows before the rest came */
  g_assert_cmpuint (paints_at_complete, !=, G_MAXUINT);
  g_assert_cmpuint (paints_at_complete, >, paints_with_rows);
  g_signal_handlers_disconnect_by_func (model, note_paints_at_complete, &paints_at_complete);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), count_paint, &n_paints);
  gtk_window_destroy (window);
}

static void
test_big_database (void)
{
  const char *path = g_getenv ("DN_TEST_BIG_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  Shown shown;
  GtkAdjustment *adjustment;
  gint64 start, set_store, first_frame, n;
  gint64 worst = 0, total = 0;
  guint steps = 0, fetched;
  DnTaskListModel *model;

  if (path == NULL)
    {
      g_test_skip ("DN_TEST_BIG_DB is not set");
      return;
    }
  store = dn_store_open (path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  n = dn_store_count (store, DN_RECORD_TASK, NULL);

  /* GTK's own start-up (theme, fonts) is not the list's */
  {
    GtkWindow *warm = GTK_WINDOW (gtk_window_new ());
    gtk_window_set_child (warm, gtk_label_new ("Nhiệm vụ"));
    gtk_window_present (warm);
    dn_ui_wait_for_frame (GTK_WIDGET (warm), 5000);
    gtk_window_destroy (warm);
  }
  start = g_get_monotonic_time ();
  shown.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown.window, 1200, 700);
  shown.view = g_object_new (DN_TYPE_TASK_LIST_VIEW, NULL);
  gtk_window_set_child (shown.window, GTK_WIDGET (shown.view));
  dn_task_list_view_set_store (shown.view, store);
  set_store = g_get_monotonic_time () - start;
  gtk_window_present (shown.window);
  dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 5000);
  first_frame = g_get_monotonic_time () - start;
  wait_loaded (shown.view);
  model = dn_task_list_view_get_model (shown.view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_printerr ("# %" G_GINT64_FORMAT " tasks: view with its store %.1f ms, first frame at %.1f ms, %u rows read\n",
              n, set_store / 1000.0, first_frame / 1000.0, dn_task_list_model_get_n_fetched (model));

  /* scrolling: a page at a time, then jumps across the list */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (dn_ui_find_named (GTK_WIDGET (shown.view), "task-table")));
  fetched = dn_task_list_model_get_n_fetched (model);
  for (int i = 0; i < 60; i++)
    {
      double value = i < 40 ? gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
                            : (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
                              * (i - 40) / 19.0;
      gint64 t;

      gtk_adjustment_set_value (adjustment, value);
      t = dn_ui_wait_for_frame (GTK_WIDGET (shown.window), 5000);
      worst = MAX (worst, t);
      total += t;
      steps++;
    }
  g_printerr ("# scrolling: %u frames (40 pages down, 20 jumps), mean %.1f ms, worst %.1f ms, %u rows read\n",
              steps, total / 1000.0 / steps, worst / 1000.0, dn_task_list_model_get_n_fetched (model) - fetched);

  /* as a user does it (worker thread), by due date */
  time_interactive (&shown, "typed “bao cao”", dn_ui_find_named (GTK_WIDGET (shown.view), "task-search"));
  time_interactive (&shown, "search field cleared", dn_ui_find_named (GTK_WIDGET (shown.view), "task-search"));
  time_interactive (&shown, "Overdue toggled on", dn_ui_find_named (GTK_WIDGET (shown.view), "task-overdue"));
  time_interactive (&shown, "Overdue toggled off", dn_ui_find_named (GTK_WIDGET (shown.view), "task-overdue"));
  /* through the API (at once) */
  time_step (&shown, "search “bao cao”", step_search);
  time_step (&shown, "search cleared", step_no_search);
  time_step (&shown, "preset overdue", step_overdue);
  time_step (&shown, "preset all", step_all);
  time_step (&shown, "sort by title", step_title);
  time_step (&shown, "sort by lead unit, desc", step_lead);
  gtk_window_destroy (shown.window);
  dn_ui_spin (10);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);

  DN_TEST_ADD ("/task-list/lazy", test_lazy);
  DN_TEST_ADD ("/task-list/search", test_search);
  DN_TEST_ADD ("/task-list/presets", test_presets);
  DN_TEST_ADD ("/task-list/unit-filter", test_unit_filter);
  DN_TEST_ADD ("/task-list/sort", test_sort);
  DN_TEST_ADD ("/task-list/overdue-marked", test_overdue_marked);
  DN_TEST_ADD ("/task-list/support-names", test_support_names);
  DN_TEST_ADD ("/task-list/error-state", test_error_state);
  DN_TEST_ADD ("/task-list/delete-undo", test_delete_undo);
  DN_TEST_ADD ("/task-list/reload-keeps-selection", test_reload_keeps_selection);
  DN_TEST_ADD ("/task-list/dialogs", test_dialogs);
  DN_TEST_ADD ("/task-list/first-rows-then-rest", test_first_rows_then_rest);
  DN_TEST_ADD ("/task-list/rest-after-first-frame", test_rest_after_first_frame);
  DN_TEST_ADD ("/task-list/first-screen", test_first_screen);
  DN_TEST_ADD ("/task-list/small-window", test_small_window);
  DN_TEST_ADD ("/task-list/columns-menu", test_columns_menu);
  DN_TEST_ADD ("/task-list/empty-icon", test_empty_icon);
  g_test_add_func ("/task-list/big-database", test_big_database);
  return g_test_run ();
}
