/* test-window.c: the main window: welcome page, sections, settings, global
 * search, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <gtk/gtk.h>

#include "dn-application.h"
#include "dn-test-utils.h"
#include "dn-window.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static DnApplication *
make_application (void)
{
  g_autoptr(GError) error = NULL;
  DnApplication *app = dn_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dn_application_get_settings (app));
  return app;
}

static const char *
main_page (DnWindow *window)
{
  GtkWidget *stack = gtk_window_get_child (GTK_WINDOW (window));

  /* overlay → box → [banner, main_stack] */
  stack = gtk_widget_get_first_child (stack);
  stack = gtk_widget_get_last_child (stack);
  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_welcome_demo (DnTestStore   *fixture,
                   gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  g_assert_cmpstr (main_page (window), ==, "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  spin (50);
  g_assert_cmpstr (main_page (window), ==, "main");
  g_assert_cmpstr (dn_window_get_section (window), ==, "overview");
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), >, 0);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_UNIT, NULL), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_welcome_empty (DnTestStore   *fixture,
                    gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  spin (50);
  g_assert_cmpstr (main_page (window), ==, "main");
  g_assert_cmpstr (dn_window_get_section (window), ==, "units");
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_UNIT, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_settings_remembered (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(DnApplication) app = make_application ();
  GSettings *settings = dn_application_get_settings (app);
  DnWindow *window;

  dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_settings_set_string (settings, "last-section", "units");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = dn_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpstr (dn_window_get_section (window), ==, "units");
  {
    int w, h;
    gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
    g_assert_cmpint (w, ==, 900);
    g_assert_cmpint (h, ==, 640);
  }

  /* choosing a section and resizing are kept when the window closes */
  dn_window_show_section (window, "tasks");
  {
    g_autofree char *last = g_settings_get_string (settings, "last-section");
    g_assert_cmpstr (last, ==, "tasks");
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  /* a new window opens where the officer left */
  window = dn_window_new (app, fixture->store);
  g_assert_cmpstr (dn_window_get_section (window), ==, "tasks");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_global_search (DnTestStore   *fixture,
                    gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  GListModel *results = dn_window_get_search_results (window);
  gint64 unit = dn_test_add_unit (fixture->store, "TCCB", "Phòng Tổ chức Cán bộ", DN_UNIT_KIND_DIVISION, 0);
  gint64 task;
  guint n;
  DnRecordKind last_kind = DN_RECORD_N;
  guint n_headers = 0, n_hits = 0;

  dn_test_add_person (fixture->store, "Trần", "Hộ", "Chiếu", unit);
  task = dn_test_add_task (fixture->store, "Quản lý hộ chiếu sau chuyến đi", unit, NULL, NULL);
  dn_test_add_task (fixture->store, "Báo cáo đoàn ra", unit, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);

  dn_window_search (window, "ho chieu");
  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, >=, 4);
  /* grouped: a heading (id 0) before the hits of each kind, tasks first */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, i);

      if (hit->id == 0)
        {
          n_headers++;
          g_assert_true (hit->kind != last_kind);
          last_kind = hit->kind;
          if (i == 0)
            g_assert_cmpint (hit->kind, ==, DN_RECORD_TASK);
        }
      else
        {
          n_hits++;
          g_assert_cmpint (hit->kind, ==, last_kind);
          if (i == 1)
            g_assert_cmpint (hit->id, ==, task);
        }
    }
  g_assert_cmpuint (n_headers, ==, 2);   /* a task, a person */
  g_assert_cmpuint (n_hits, ==, 2);

  dn_window_search (window, "zzzz khong co");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(DnSearchHit) none = g_list_model_get_item (results, 0);
    g_assert_cmpint (none->id, ==, 0);
  }
  dn_window_search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
restore_task (DnStore   *store,
              gpointer   data,
              GError   **error)
{
  return dn_store_restore_task (store, *(gint64 *) data, error);
}

static void
test_undo (DnTestStore   *fixture,
           gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  gint64 task = dn_test_add_task (fixture->store, "Tổng hợp báo cáo năm", unit, NULL, NULL);
  gint64 *id = g_new (gint64, 1);

  *id = task;
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  /* nothing to undo yet: nothing happens */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 1);

  g_assert_true (dn_store_delete_task (fixture->store, task, NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);
  dn_window_push_undo (window, "deleted", restore_task, id, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 1);
  /* one undo step: a second Ctrl+Z does nothing */
  g_assert_true (dn_store_delete_task (fixture->store, task, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, DnTestStore, NULL, dn_test_store_setup, func, dn_test_store_teardown)
  ADD ("/window/welcome/load-demo", test_welcome_demo);
  ADD ("/window/welcome/start-empty", test_welcome_empty);
  ADD ("/window/settings-remembered", test_settings_remembered);
  ADD ("/window/global-search", test_global_search);
  ADD ("/window/undo", test_undo);
#undef ADD
  return g_test_run ();
}
