/* screenshots.c: writes a PNG of each section of the main window, on the
 * demo data, into <build>/screenshots/<language>/ (run twice by meson: in
 * Vietnamese and in English). The pictures are for people to look at; the
 * test fails when a section cannot be drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "screenshots"

#include "config.h"

#include <gtk/gtk.h>

#include "dn-exchange.h"
#include "dn-i18n.h"
#include "dn-test-utils.h"
#include "dn-window.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_sections (void)
{
  const char *language = g_getenv ("DN_SCREENSHOT_LANGUAGE");
  const char *root = g_getenv ("DN_BUILD_ROOT");
  g_autofree char *dir = g_build_filename (root != NULL ? root : ".", "screenshots",
                                           language != NULL ? language : "default", NULL);
  g_autofree char *tmp = dn_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (tmp, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_DEFAULT, &error);
  const char *sections[] = { "overview", "tasks", "units" };
  DnWindow *window;

  g_assert_no_error (error);
  g_assert_true (dn_exchange_load_demo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  window = dn_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", sections[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      dn_window_show_section (window, sections[i]);
      spin (400);
      save_window (GTK_WINDOW (window), path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_test_message ("wrote %s", path);
    }

  /* the global search, as typed */
  dn_window_show_section (window, "tasks");
  dn_window_search (window, "ho chieu");
  spin (400);
  {
    g_autofree char *path = g_build_filename (dir, "search.png", NULL);
    save_window (GTK_WINDOW (window), path);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  dn_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  dn_i18n_init ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/screenshots/sections", test_sections);
  return g_test_run ();
}
