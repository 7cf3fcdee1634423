/* test-reads.c: the overview, the units page and the global search read the
 * store on the query worker: only while shown, once per burst of changes,
 * keeping what they showed until the new read is in, and showing a failed
 * read's error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reads"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-overview-page.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-units-page.h"
#include "dn-window.h"

#define TIMEOUT_MS 30000

typedef struct
{
  DnWindow  *window;
  GtkWidget *overview;
  GtkWidget *units;
  guint      n_reads;   /* times the overview started loading */
} Shown;

static void
on_loading_cb (GObject    *page,
               GParamSpec *pspec,
               Shown      *shown)
{
  gboolean loading;

  g_object_get (page, "loading", &loading, NULL);
  if (loading)
    shown->n_reads++;
}

static gboolean
settled_cb (gpointer page)
{
  gboolean loading;

  g_object_get (page, "loading", &loading, NULL);
  return !loading;
}

static gboolean
unmapped_cb (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
settle (gpointer page)
{
  g_assert_true (dn_ui_wait_until (settled_cb, page, TIMEOUT_MS));
}

static void
show_window (Shown      *shown,
             DnStore    *store,
             const char *section)
{
  memset (shown, 0, sizeof *shown);
  shown->window = dn_window_new (NULL, store);
  dn_window_show_section (shown->window, section);
  /* both built, the one not shown hidden behind the other */
  shown->overview = dn_window_get_section_page (shown->window, "overview");
  shown->units = dn_window_get_section_page (shown->window, "units");
  g_assert_nonnull (shown->overview);
  g_assert_nonnull (shown->units);
  g_signal_connect (shown->overview, "notify::loading", G_CALLBACK (on_loading_cb), shown);
  gtk_window_present (GTK_WINDOW (shown->window));
  dn_ui_wait_for_frame (GTK_WIDGET (shown->window), TIMEOUT_MS);
}

static gboolean
is_figure (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "dn-figure");
}

/* The number of overdue tasks the overview shows (its first figure). */
static const char *
overdue_figure (Shown *shown)
{
  GtkWidget *label = dn_ui_find (shown->overview, is_figure, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
has_prefix (GtkWidget     *widget,
            gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
contains (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* TRUE when @label is inside a revealer that shows it. */
static gboolean
revealed (GtkWidget *label)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);

  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static void
add_overdue (DnStore *store,
             gint64   unit,
             guint    n)
{
  GDate due = dn_test_today_plus (-3);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Báo cáo quá hạn %u", i);
      dn_test_add_task (store, title, unit, &due, NULL);
    }
}

static void
test_overview_when_shown (DnTestStore   *fixture,
                          gconstpointer  data)
{
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  Shown shown;

  add_overdue (fixture->store, unit, 1);
  show_window (&shown, fixture->store, "tasks");

  /* hidden: never read, whatever changes */
  add_overdue (fixture->store, unit, 3);
  dn_ui_spin (50);
  g_assert_cmpuint (shown.n_reads, ==, 0);
  g_assert_false (dn_overview_page_is_loading (DN_OVERVIEW_PAGE (shown.overview)));

  /* shown: read once, off the main loop */
  dn_window_show_section (shown.window, "overview");
  settle (shown.overview);
  g_assert_cmpuint (shown.n_reads, ==, 1);
  g_assert_cmpstr (overdue_figure (&shown), ==, "4");

  /* a burst of changes (one turn of the main loop): read once */
  add_overdue (fixture->store, unit, 5);
  g_assert_true (dn_overview_page_is_loading (DN_OVERVIEW_PAGE (shown.overview)));
  /* what was shown stays until the new figures are in */
  g_assert_cmpstr (overdue_figure (&shown), ==, "4");
  settle (shown.overview);
  g_assert_cmpuint (shown.n_reads, ==, 2);
  g_assert_cmpstr (overdue_figure (&shown), ==, "9");

  /* hidden again: changes wait for the overview to be shown */
  dn_window_show_section (shown.window, "tasks");
  /* (gone once the stack's transition is over) */
  g_assert_true (dn_ui_wait_until (unmapped_cb, shown.overview, TIMEOUT_MS));
  add_overdue (fixture->store, unit, 1);
  dn_ui_spin (50);
  g_assert_cmpuint (shown.n_reads, ==, 2);
  g_assert_cmpstr (overdue_figure (&shown), ==, "9");
  dn_window_show_section (shown.window, "overview");
  settle (shown.overview);
  g_assert_cmpuint (shown.n_reads, ==, 3);
  g_assert_cmpstr (overdue_figure (&shown), ==, "10");

  gtk_window_destroy (GTK_WINDOW (shown.window));
  dn_ui_spin (0);
}

static void
test_overview_error (DnTestStore   *fixture,
                     gconstpointer  data)
{
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  GtkWidget *message;
  Shown shown;

  add_overdue (fixture->store, unit, 2);
  show_window (&shown, fixture->store, "overview");
  settle (shown.overview);
  g_assert_cmpstr (overdue_figure (&shown), ==, "2");

  /* the figures cannot be read: said, the figures shown before kept */
  dn_test_exec (fixture->store, "ALTER TABLE reminder RENAME TO reminder_gone");
  dn_overview_page_reload (DN_OVERVIEW_PAGE (shown.overview));
  settle (shown.overview);
  message = dn_ui_find (shown.overview, has_prefix, "The overview could not be read: ");
  g_assert_nonnull (message);
  g_assert_true (revealed (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "reminder"));
  g_assert_cmpstr (overdue_figure (&shown), ==, "2");

  /* read again once it can be: the message goes */
  dn_test_exec (fixture->store, "ALTER TABLE reminder_gone RENAME TO reminder");
  add_overdue (fixture->store, unit, 1);
  settle (shown.overview);
  g_assert_false (revealed (message));
  g_assert_cmpstr (overdue_figure (&shown), ==, "3");

  gtk_window_destroy (GTK_WINDOW (shown.window));
  dn_ui_spin (0);
}

static void
test_units_when_shown (DnTestStore   *fixture,
                       gconstpointer  data)
{
  gint64 department = dn_test_add_unit (fixture->store, "SGD", "Sở GD&ĐT Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  GtkWidget *message;
  Shown shown;

  dn_test_add_person (fixture->store, "Nguyễn", "Văn", "An", department);
  show_window (&shown, fixture->store, "overview");

  /* hidden: not read yet */
  g_assert_false (dn_units_page_is_loading (DN_UNITS_PAGE (shown.units)));
  g_assert_cmpint (dn_units_page_get_selected (DN_UNITS_PAGE (shown.units)), ==, 0);
  /* shown: read, the department opened and chosen */
  dn_window_show_section (shown.window, "units");
  settle (shown.units);
  g_assert_cmpint (dn_units_page_get_selected (DN_UNITS_PAGE (shown.units)), ==, department);
  g_assert_nonnull (dn_ui_find_text (shown.units, "Nguyễn Văn An"));

  /* a read that fails says why; what was shown stays */
  dn_test_exec (fixture->store, "ALTER TABLE person RENAME COLUMN phone TO phone_gone");
  dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, department);
  settle (shown.units);
  message = dn_ui_find (shown.units, contains, "phone");
  g_assert_nonnull (message);
  g_assert_true (revealed (message));
  g_assert_nonnull (dn_ui_find_text (shown.units, "Nguyễn Văn An"));
  dn_test_exec (fixture->store, "ALTER TABLE person RENAME COLUMN phone_gone TO phone");

  gtk_window_destroy (GTK_WINDOW (shown.window));
  dn_ui_spin (0);
}

static gboolean
search_done_cb (gpointer window)
{
  return !dn_global_search_is_searching (dn_window_get_global_search (window));
}

static void
test_search_error (DnTestStore   *fixture,
                   gconstpointer  data)
{
  gint64 unit = dn_test_add_unit (fixture->store, "TCCB", "Phòng Tổ chức Cán bộ", DN_UNIT_KIND_DIVISION, 0);
  GListModel *results;
  Shown shown;

  dn_test_add_task (fixture->store, "Quản lý hộ chiếu sau chuyến đi", unit, NULL, NULL);
  show_window (&shown, fixture->store, "tasks");
  results = dn_global_search_get_results (dn_window_get_global_search (shown.window));

  dn_global_search_search (dn_window_get_global_search (shown.window), "ho chieu");
  g_assert_true (dn_global_search_is_searching (dn_window_get_global_search (shown.window)));
  g_assert_true (dn_ui_wait_until (search_done_cb, shown.window, TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);

  /* a search that fails says so in the results, never an empty list */
  dn_test_exec (fixture->store, "ALTER TABLE search RENAME TO search_gone");
  dn_global_search_search (dn_window_get_global_search (shown.window), "ho chieu sau");
  g_assert_true (dn_ui_wait_until (search_done_cb, shown.window, TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, 0);

    g_assert_cmpint (hit->id, ==, 0);
    g_assert_true (g_str_has_prefix (hit->title, "The search failed: "));
  }
  dn_test_exec (fixture->store, "ALTER TABLE search_gone RENAME TO search");

  /* a newer text wins over one still searched for */
  dn_global_search_search (dn_window_get_global_search (shown.window), "zzzz");
  dn_global_search_search (dn_window_get_global_search (shown.window), "ho chieu");
  g_assert_true (dn_ui_wait_until (search_done_cb, shown.window, TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);

  gtk_window_destroy (GTK_WINDOW (shown.window));
  dn_ui_spin (0);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);

  DN_TEST_ADD ("/reads/overview-when-shown", test_overview_when_shown);
  DN_TEST_ADD ("/reads/overview-error", test_overview_error);
  DN_TEST_ADD ("/reads/units-when-shown", test_units_when_shown);
  DN_TEST_ADD ("/reads/search-error", test_search_error);
  return g_test_run ();
}
