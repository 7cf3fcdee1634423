/* dn-ui-test-utils.c: helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dn-i18n.h"
#include "dn-list-page.h"
#include "dn-ui-test-utils.h"

void
dn_ui_test_init (int    *argc,
                 char ***argv)
{
  if (!gtk_init_check ())
    {
      /* build-aux/dev test brings a display: not having one is an error */
      if (g_getenv ("DN_TEST_NO_SKIP") != NULL)
        {
          g_print ("Bail out! no display (DN_TEST_NO_SKIP is set)\n");
          exit (EXIT_FAILURE);
        }
      /* TAP: a plan of no tests with a reason is a skipped program */
      g_print ("1..0 # SKIP no display\n");
      exit (EXIT_SUCCESS);
    }
  g_test_init (argc, argv, NULL);
}

static void
print_cb (const char *text)
{
  if (g_str_has_prefix (text, "Accessible state changed"))
    return;
  fputs (text, stdout);
  fflush (stdout);
}

void
dn_ui_test_init_accessible (int    *argc,
                            char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_set_print_handler (print_cb);
  dn_ui_test_init (argc, argv);
}

/* ------------------------------------------------------------ main loop */

void
dn_ui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  if (ms == 0)
    {
      for (guint i = 0; i < 500 && g_main_context_pending (NULL); i++)
        g_main_context_iteration (NULL, FALSE);
      return;
    }
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
dn_ui_wait_until (DnUiCondition  condition,
                  gpointer       data,
                  guint          timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       flag)
{
  *(gboolean *) flag = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

gint64
dn_ui_wait_for_frame (GtkWidget *widget,
                      guint      timeout_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 start = g_get_monotonic_time ();
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  dn_ui_wait_until (is_true, &painted, timeout_ms);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
  return g_get_monotonic_time () - start;
}

/* ------------------------------------------------------------ widgets */

GtkWidget *
dn_ui_find (GtkWidget     *root,
            DnUiMatch      match,
            gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dn_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  g_autofree char *mismatch = NULL;

  if (GTK_IS_LABEL (widget) ||
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
dn_ui_find_named (GtkWidget  *root,
                  const char *name)
{
  return dn_ui_find (root, is_named, name);
}

GtkWidget *
dn_ui_find_type (GtkWidget *root,
                 GType      type)
{
  return dn_ui_find (root, is_of_type, &type);
}

GtkWidget *
dn_ui_find_by_label (GtkWidget  *root,
                     const char *label)
{
  return dn_ui_find (root, has_label, label);
}

GtkWidget *
dn_ui_find_text (GtkWidget  *root,
                 const char *text)
{
  return dn_ui_find (root, shows_text, text);
}

GtkWidget *
dn_ui_get_named (gpointer    root,
                 const char *name)
{
  GtkWidget *widget = dn_ui_find_named (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("no widget named “%s”", name);
  return widget;
}

GtkWidget *
dn_ui_get_by_label (gpointer    root,
                    const char *label)
{
  GtkWidget *widget = dn_ui_find_by_label (GTK_WIDGET (root), label);

  if (widget == NULL)
    g_error ("no widget labelled “%s”", label);
  return widget;
}

void
dn_ui_set_text (gpointer    root,
                const char *label,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_by_label (root, label)), text);
}

void
dn_ui_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dn_ui_spin (0);
}

/* Adds to @twice each access key of what is shown below @root that another
 * one shown already uses; @seen: key → label. */
static void
collect_mnemonics (GtkWidget  *root,
                   GHashTable *seen,
                   GString    *twice)
{
  /* a stack's pages not shown are not child-visible */
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return;
  if (GTK_IS_LABEL (root) && gtk_label_get_use_underline (GTK_LABEL (root)))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (root)));
      const char *label = gtk_label_get_label (GTK_LABEL (root));

      if (key != GDK_KEY_VoidSymbol && g_hash_table_contains (seen, GUINT_TO_POINTER (key)))
        g_string_append_printf (twice, "%s: “%s” and “%s”; ", gdk_keyval_name (key),
                                (const char *) g_hash_table_lookup (seen, GUINT_TO_POINTER (key)), label);
      else if (key != GDK_KEY_VoidSymbol)
        g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) label);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen, twice);
}

char *
dn_ui_mnemonics_used_twice (GtkWindow *window)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *twice = g_string_new (NULL);

  collect_mnemonics (GTK_WIDGET (window), seen, twice);
  return g_string_free (twice, FALSE);
}

/* ------------------------------------------------------------ windows */

GtkWindow *
dn_ui_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

GtkWindow *
dn_ui_the_visible_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = window;
        }
    }
  g_assert_nonnull (found);
  return found;
}

guint
dn_ui_count_windows (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        n++;
    }
  return n;
}

void
dn_ui_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  dn_ui_spin (0);
}

gboolean
dn_ui_use_vietnamese (void)
{
  g_setenv ("LANGUAGE", "vi", TRUE);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL && setlocale (LC_ALL, "C.UTF-8") == NULL)
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, dn_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "_Cancel"), "_Cancel") != 0;
}

gboolean
dn_ui_drop_file (GtkWidget *widget,
                 GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);
  return accepted;
}

gboolean
dn_ui_list_page_loaded (gpointer page)
{
  return !dn_list_page_is_loading (page) && dn_list_page_get_model (page) != NULL;
}

typedef struct
{
  DnListPage *page;
  guint       n;
} ListRows;

static gboolean
list_rows_cb (gpointer data)
{
  ListRows *rows = data;

  return dn_ui_list_page_loaded (rows->page) &&
         g_list_model_get_n_items (G_LIST_MODEL (dn_list_page_get_model (rows->page))) == rows->n;
}

void
dn_ui_wait_for_list_rows (gpointer page,
                          guint    n)
{
  ListRows rows = { page, n };

  if (!dn_ui_wait_until (list_rows_cb, &rows, 5000))
    g_error ("expected %u rows, the list shows %u", n,
             g_list_model_get_n_items (G_LIST_MODEL (dn_list_page_get_model (page))));
}

void
dn_ui_save_png (GtkWindow  *window,
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
