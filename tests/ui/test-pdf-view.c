/* test-pdf-view.c: DnPdfView in a DnPdfWindow: opening, pages drawn only
 * where they are seen, page entry, zoom, keys, find, error states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pdf-view"

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "dn-pdf-export.h"
#include "dn-pdf-print.h"
#include "dn-pdf-test-utils.h"
#include "dn-pdf-window.h"
#include "dn-ui-test-utils.h"

typedef struct
{
  char        *dir;
  DnPdfWindow *window;
  DnPdfView   *view;
  DnPdfPages  *pages;
} Fixture;

static gboolean
is_open (gpointer data)
{
  DnPdfView *view = data;

  return dn_pdf_view_get_document (view) != NULL || dn_pdf_view_get_error (view) != NULL;
}

static gboolean
first_page_drawn (gpointer data)
{
  DnPdfPages *pages = data;
  g_autoptr(GArray) cached = dn_pdf_pages_dup_cached (pages);

  for (guint i = 0; i < cached->len; i++)
    if (g_array_index (cached, int, i) == dn_pdf_pages_get_page (pages))
      return TRUE;
  return FALSE;
}

static void
open_file (Fixture    *f,
           const char *name,
           int         n_pages,
           int         page)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (n_pages > 0)
    dn_pdf_test_write (path, n_pages, "Hướng dẫn", FALSE);
  f->window = dn_pdf_window_open (NULL, file, page);
  f->view = dn_pdf_window_get_view (f->window);
  f->pages = dn_pdf_view_get_pages (f->view);
  g_assert_true (dn_ui_wait_until (is_open, f->view, 20000));
}

static void
open_and_draw (Fixture    *f,
               const char *name,
               int         n_pages,
               int         page)
{
  open_file (f, name, n_pages, page);
  g_assert_nonnull (dn_pdf_view_get_document (f->view));
  g_assert_true (dn_ui_wait_until (first_page_drawn, f->pages, 20000));
  dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = dn_pdf_test_make_dir ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_ui_destroy_all_windows ();
  dn_pdf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static const char *
entry_text (Fixture    *f,
            const char *accessible)
{
  return gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (f->window, accessible)));
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  dn_ui_spin (0);
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  const char *named[] = { "Zoom in", "Zoom out", "Page number", "Find in the document", "Page thumbnails", "Pages",
                          "PDF tools", "Document menu" };
  double scale;

  open_and_draw (f, "hướng dẫn.pdf", 3, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "hướng dẫn.pdf");
  g_assert_cmpstr (entry_text (f, "Page number"), ==, "1");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), "/ 3"));
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    g_assert_nonnull (dn_ui_get_by_label (f->window, named[i]));
  /* fit width by default; drawn at the screen's scale factor */
  g_assert_cmpint (dn_pdf_pages_get_sizing (f->pages), ==, DN_PDF_SIZING_FIT_WIDTH);
  scale = dn_pdf_pages_get_zoom (f->pages) * DN_PDF_PIXELS_PER_POINT
          * gtk_widget_get_scale_factor (GTK_WIDGET (f->pages));
  g_assert_cmpfloat_with_epsilon (dn_pdf_pages_get_render_scale (f->pages), scale, 1e-9);
  /* the window opened at page 3 */
  dn_ui_destroy_all_windows ();
  open_and_draw (f, "hướng dẫn.pdf", 0, 2);
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 2);
  g_assert_cmpstr (entry_text (f, "Page number"), ==, "3");
}

/* A 500-page file: only the pages in sight and a couple either side are
 * drawn; the page entry, and pages scrolled past are never drawn. */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *entry;
  g_autoptr(GArray) cached = NULL;
  guint requested;
  gint64 start = g_get_monotonic_time ();

  open_and_draw (f, "500.pdf", 500, 0);
  g_test_message ("500 pages: first page on screen after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  requested = dn_pdf_pages_get_n_requested (f->pages);
  /* about one A4 page in sight at fit width, 2 more below */
  g_assert_cmpuint (requested, >=, 1);
  g_assert_cmpuint (requested, <=, 5);

  entry = dn_ui_get_by_label (f->window, "Page number");
  gtk_editable_set_text (GTK_EDITABLE (entry), "250");
  g_signal_emit_by_name (entry, "activate");
  dn_ui_spin (0);
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 249);
  g_assert_cmpstr (entry_text (f, "Page number"), ==, "250");
  g_assert_true (dn_ui_wait_until (first_page_drawn, f->pages, 20000));
  /* pages 4 to 246 were never asked for */
  g_assert_cmpuint (dn_pdf_pages_get_n_requested (f->pages), <=, requested + 6);
  cached = dn_pdf_pages_dup_cached (f->pages);
  for (guint i = 0; i < cached->len; i++)
    {
      int page = g_array_index (cached, int, i);
      g_assert_true (page <= 3 || (page >= 246 && page <= 253));
    }

  /* a page number out of range changes nothing */
  gtk_editable_set_text (GTK_EDITABLE (entry), "501");
  g_signal_emit_by_name (entry, "activate");
  dn_ui_spin (0);
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 249);
  g_assert_cmpstr (entry_text (f, "Page number"), ==, "250");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.go-to-page", "i", 12));
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 11);
}

/* Scrolling the whole file: the cache stays within its budget. */
static void
test_scroll_all (Fixture       *f,
                 gconstpointer  data)
{
  GtkAdjustment *adjustment;
  g_autoptr(GArray) cached = NULL;
  gint64 longest = 0;

  open_and_draw (f, "500.pdf", 500, 0);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->pages));
  while (gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_upper (adjustment)
                                                 - gtk_adjustment_get_page_size (adjustment) - 1)
    {
      gint64 before = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                            + gtk_adjustment_get_page_size (adjustment) * 10);
      longest = MAX (longest, g_get_monotonic_time () - before);
      dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
    }
  g_test_message ("longest scroll step: %.1f ms", longest / 1000.0);
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 499);
  g_assert_true (dn_ui_wait_until (first_page_drawn, f->pages, 20000));
  cached = dn_pdf_pages_dup_cached (f->pages);
  /* 48 MB of ~1 MB pages at most, not 500 */
  g_assert_cmpuint (cached->len, <, 60);
  /* pages jumped over (ten screens at a time) were never asked for */
  g_assert_cmpuint (dn_pdf_pages_get_n_requested (f->pages), <, 400);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  double fit, zoom, w, h;
  int width, height;

  open_and_draw (f, "ba-trang.pdf", 3, 0);
  fit = dn_pdf_pages_get_zoom (f->pages);
  width = gtk_widget_get_width (GTK_WIDGET (f->pages));
  height = gtk_widget_get_height (GTK_WIDGET (f->pages));
  dn_pdf_document_get_page_size (dn_pdf_view_get_document (f->view), 0, &w, &h);
  /* fit width: the page and its margins fill the width */
  g_assert_cmpfloat (fabs (w * fit * DN_PDF_PIXELS_PER_POINT + 24 - width), <, 1.5);

  activate (f, "pdf.zoom-in");
  zoom = dn_pdf_pages_get_zoom (f->pages);
  g_assert_cmpfloat_with_epsilon (zoom, fit * 1.2, 1e-6);
  g_assert_cmpint (dn_pdf_pages_get_sizing (f->pages), ==, DN_PDF_SIZING_FREE);
  g_assert_true (dn_ui_wait_until (first_page_drawn, f->pages, 20000));
  activate (f, "pdf.zoom-out");
  activate (f, "pdf.zoom-out");
  g_assert_cmpfloat_with_epsilon (dn_pdf_pages_get_zoom (f->pages), fit / 1.2, 1e-6);
  activate (f, "pdf.zoom-reset");
  g_assert_cmpfloat_with_epsilon (dn_pdf_pages_get_zoom (f->pages), 1.0, 1e-6);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), "100 %"));

  activate (f, "pdf.fit-page");
  dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
  zoom = dn_pdf_pages_get_zoom (f->pages);
  g_assert_cmpfloat (h * zoom * DN_PDF_PIXELS_PER_POINT, <=, height - 24 + 1);
  g_assert_cmpfloat (w * zoom * DN_PDF_PIXELS_PER_POINT, <=, width - 24 + 1);
  g_assert_true (dn_ui_wait_until (first_page_drawn, f->pages, 20000));

  activate (f, "pdf.fit-width");
  dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
  g_assert_cmpfloat_with_epsilon (dn_pdf_pages_get_zoom (f->pages), fit, 1e-6);

  /* limits */
  for (int i = 0; i < 40; i++)
    if (!gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.zoom-in", NULL))
      break;
  g_assert_cmpfloat (dn_pdf_pages_get_zoom (f->pages), <=, DN_PDF_ZOOM_MAX);
}

/* The keys of the view, each bound to its action. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  const struct { const char *trigger, *action; } expected[] = {
    { "Page_Down", "pdf.scroll-down" }, { "Page_Up", "pdf.scroll-up" }, { "Home", "pdf.first-page" },
    { "End", "pdf.last-page" }, { "<Control>plus", "pdf.zoom-in" }, { "<Control>minus", "pdf.zoom-out" },
    { "<Control>0", "pdf.fit-width" }, { "<Control>f", "pdf.find" }, { "F3", "pdf.find-next" },
    { "<Shift>F3", "pdf.find-previous" },
  };
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  open_and_draw (f, "ba-trang.pdf", 3, 0);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_insert (bound, gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut)),
                                 g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (bound, expected[i].trigger), ==, expected[i].action);

  /* what they do */
  activate (f, "pdf.last-page");
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 2);
  g_assert_cmpstr (entry_text (f, "Page number"), ==, "3");
  activate (f, "pdf.first-page");
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 0);
  activate (f, "pdf.scroll-down");
  dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->pages))), >, 0);
  activate (f, "pdf.scroll-up");
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->pages))), ==, 0);
  activate (f, "pdf.next-page");
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 1);
  activate (f, "pdf.previous-page");
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 0);
  activate (f, "pdf.find");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (dn_ui_find_type (GTK_WIDGET (f->view),
                                                                                  GTK_TYPE_SEARCH_BAR))));
}

static gboolean
find_done (gpointer data)
{
  return dn_pdf_view_get_find_done (data);
}

static Fixture *the_fixture;

static gboolean
page_entry_is (gpointer data)
{
  return g_strcmp0 (entry_text (the_fixture, "Page number"), data) == 0;
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  DnPdfRect rect;

  the_fixture = f;
  open_and_draw (f, "30.pdf", 30, 0);
  dn_pdf_view_find (f->view, "ho chieu");
  g_assert_true (dn_ui_wait_until (find_done, f->view, 20000));
  /* pages 2, 5, …, 29: two each */
  g_assert_cmpuint (dn_pdf_view_get_n_matches (f->view), ==, 20);
  g_assert_cmpint (dn_pdf_view_get_match (f->view), ==, 0);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), "1 of 20"));
  /* highlighted on its page, the first match current */
  g_assert_true (dn_pdf_hits_get_rect (dn_pdf_pages_get_hits (f->pages), 1, 0, &rect));
  g_assert_true (dn_pdf_hits_get_rect (dn_pdf_pages_get_hits (f->pages), 1, 1, &rect));
  g_assert_false (dn_pdf_hits_get_rect (dn_pdf_pages_get_hits (f->pages), 0, 0, &rect));
  /* the page entry names the page of the match shown (the tool bar
   * follows when the main loop is idle) */
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 1);
  g_assert_true (dn_ui_wait_until (page_entry_is, (gpointer) "2", 5000));

  activate (f, "pdf.find-next");
  g_assert_cmpint (dn_pdf_view_get_match (f->view), ==, 1);
  activate (f, "pdf.find-next");
  g_assert_cmpint (dn_pdf_view_get_match (f->view), ==, 2);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), "3 of 20"));
  /* the match on page 5 brought into sight */
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 4);
  g_assert_true (dn_ui_wait_until (page_entry_is, (gpointer) "5", 5000));
  activate (f, "pdf.find-previous");
  activate (f, "pdf.find-previous");
  activate (f, "pdf.find-previous");
  /* round to the last */
  g_assert_cmpint (dn_pdf_view_get_match (f->view), ==, 19);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), "20 of 20"));

  /* with accents, other words; then nothing */
  dn_pdf_view_find (f->view, "ĐOÀN RA");
  g_assert_true (dn_ui_wait_until (find_done, f->view, 20000));
  g_assert_cmpuint (dn_pdf_view_get_n_matches (f->view), ==, 10);
  dn_pdf_view_find (f->view, "khong co dau");
  g_assert_true (dn_ui_wait_until (find_done, f->view, 20000));
  g_assert_cmpuint (dn_pdf_view_get_n_matches (f->view), ==, 0);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), "Not found"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.find-next", NULL)
                  && dn_pdf_view_get_match (f->view) >= 0);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "good.pdf", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.pdf", NULL);
  g_autofree char *text = g_build_filename (f->dir, "text.pdf", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked.pdf", NULL);
  GtkWidget *password;

  dn_pdf_test_write (good, 3, NULL, FALSE);
  dn_pdf_test_truncate (good, cut, 0.45);
  open_file (f, "cut.pdf", 0, 0);
  g_assert_null (dn_pdf_view_get_document (f->view));
  g_assert_nonnull (strstr (dn_pdf_view_get_error (f->view), "cut.pdf"));
  /* shown where the pages would be */
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), dn_pdf_view_get_error (f->view)));
  g_assert_false (gtk_widget_is_visible (dn_ui_get_by_label (f->window, "Password")));
  g_assert_false (gtk_widget_get_sensitive (dn_ui_get_by_label (f->window, "Page number")));
  dn_ui_destroy_all_windows ();

  g_file_set_contents (text, "not a PDF at all", -1, NULL);
  open_file (f, "text.pdf", 0, 0);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (f->view), dn_pdf_view_get_error (f->view)));
  g_assert_nonnull (strstr (dn_pdf_view_get_error (f->view), "text.pdf"));
  dn_ui_destroy_all_windows ();

  if (!dn_pdf_test_encrypt (good, locked, "mk"))
    {
      g_test_message ("qpdf is not installed: no password case");
      return;
    }
  open_file (f, "locked.pdf", 0, 0);
  g_assert_null (dn_pdf_view_get_document (f->view));
  password = dn_ui_get_by_label (f->window, "Password");
  g_assert_true (gtk_widget_is_visible (password));
  gtk_editable_set_text (GTK_EDITABLE (password), "mk");
  g_signal_emit_by_name (password, "activate");
  g_assert_true (dn_ui_wait_until (first_page_drawn, f->pages, 20000));
  g_assert_cmpint (dn_pdf_pages_get_n_pages (f->pages), ==, 3);
}

static gboolean
thumbnail_drawn (gpointer data)
{
  GtkWidget *picture = dn_ui_find_type (data, GTK_TYPE_PICTURE);

  return picture != NULL && gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

static void
test_thumbnails (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *list;

  open_and_draw (f, "500.pdf", 500, 0);
  activate (f, "pdf.show-thumbnails");
  dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
  g_assert_nonnull (dn_ui_get_by_label (f->window, "Page thumbnails"));
  list = dn_ui_find_type (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_nonnull (dn_ui_find_text (list, "1"));
  /* the thumbnails in sight are drawn (on the worker) */
  g_assert_true (dn_ui_wait_until (thumbnail_drawn, list, 20000));
  /* only the rows in sight (and GTK's few extra) were made, not 500 */
  g_assert_null (dn_ui_find_text (list, "400"));
  g_signal_emit_by_name (list, "activate", 5);
  g_assert_cmpint (dn_pdf_pages_get_page (f->pages), ==, 5);
}

static gboolean
has_text (gpointer data)
{
  char **slot = data;

  return *slot != NULL;
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **slot = user_data;

  *slot = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*slot == NULL)
    *slot = g_strdup ("");
}

static char *
clipboard_text (Fixture *f)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->view)), NULL, on_clipboard_text_cb, &text);
  g_assert_true (dn_ui_wait_until (has_text, &text, 10000));
  return text;
}

static gboolean
clipboard_is (gpointer data)
{
  Fixture *f = data;
  g_autofree char *text = clipboard_text (f);

  return strstr (text, "Sở Giáo dục") != NULL;
}

/* Text selected from the second line of page 1 to the start of page 2's
 * heading is copied, in reading order, and nothing outside it */
static void
test_select_copy (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  DnPdfSelection *selection;

  open_and_draw (f, "3.pdf", 3, 0);
  selection = dn_pdf_pages_get_selection (f->pages);
  g_assert_true (dn_pdf_selection_is_empty (selection));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.copy", NULL)
                  && !dn_pdf_selection_is_empty (selection));
  /* a click (a point) selects nothing */
  dn_pdf_selection_set (selection, 0, 100, 100, 0, 100, 100);
  g_assert_true (dn_pdf_selection_is_empty (selection));
  dn_pdf_selection_set (selection, 1, DN_PDF_TEST_LEFT + 50, DN_PDF_TEST_TOP + 8, 0, DN_PDF_TEST_LEFT - 2,
                        DN_PDF_TEST_TOP + DN_PDF_TEST_LINE + 4);
  g_assert_false (dn_pdf_selection_is_empty (selection));
  dn_ui_wait_for_frame (GTK_WIDGET (f->window), 5000);
  activate (f, "pdf.copy");
  g_assert_true (dn_ui_wait_until (clipboard_is, f, 10000));
  text = clipboard_text (f);
  g_assert_nonnull (strstr (text, "Sở Giáo dục và Đào tạo tỉnh Lào Cai"));
  g_assert_nonnull (strstr (text, "Hướng dẫn công tác đối ngoại năm học 2018-2019"));
  g_assert_nonnull (strstr (text, "Trang"));
  g_assert_true (strstr (text, "Sở Giáo dục") < strstr (text, "Trang"));
  g_assert_null (strstr (text, "Trang 1"));
  g_assert_null (strstr (text, "hộ chiếu"));
  g_clear_pointer (&text, g_free);

  /* everything: the third page's words come last */
  activate (f, "pdf.select-all");
  activate (f, "pdf.copy");
  for (int i = 0; i < 200 && (text == NULL || strstr (text, "ĐOÀN RA") == NULL); i++)
    {
      g_free (text);
      dn_ui_spin (20);
      text = clipboard_text (f);
    }
  g_assert_nonnull (strstr (text, "Trang 1"));
  g_assert_nonnull (strstr (text, "Trả hộ chiếu"));
  g_assert_true (strstr (text, "Trả hộ chiếu") < strstr (text, "ĐOÀN RA"));
}

/* Printing, exported to a PDF file as a print to file does: every page,
 * its text, the landscape page on landscape paper */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *source = g_build_filename (f->dir, "in.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) printed_file = g_file_new_for_path (printed);
  DnPdfRenderer *renderer = dn_pdf_renderer_get_default ();
  g_autoptr(DnPdfDocument) doc = NULL, out = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  double width, height;

  dn_pdf_test_write (source, 3, "In", TRUE);
  doc = dn_pdf_renderer_open (renderer, source_file, NULL, NULL, &error);
  g_assert_no_error (error);
  operation = dn_pdf_print_operation_new (renderer, doc);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  out = dn_pdf_renderer_open (renderer, printed_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_pdf_document_get_n_pages (out), ==, 3);
  second = dn_pdf_renderer_get_text (renderer, out, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (second, "Trả hộ chiếu cho Đoàn công tác"));
  dn_pdf_document_get_page_size (out, 0, &width, &height);
  g_assert_cmpfloat (height, >, width);
  dn_pdf_document_get_page_size (out, 2, &width, &height);
  g_assert_cmpfloat (width, >, height);
}

static gboolean
has_part_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      return TRUE;
  return FALSE;
}

/* A copy is whole and the same bytes, replaces a file of that name, and a
 * copy that cannot be written leaves nothing behind */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = g_build_filename (f->dir, "nguồn.pdf", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "bản sao.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len, b_len;
  g_autoptr(GError) error = NULL;

  dn_pdf_test_write (source, 2, NULL, FALSE);
  g_assert_true (g_file_set_contents (copy, "old", -1, NULL));
  g_assert_true (dn_pdf_export_copy_file (source_file, copy_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (copy, &b, &b_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
  g_assert_false (has_part_files (f->dir));

  g_assert_false (dn_pdf_export_copy_file (source_file, nowhere_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_false (has_part_files (f->dir));

  /* the actions are there for an open file */
  open_and_draw (f, "nguồn.pdf", 0, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.select-all", NULL));
  g_assert_false (dn_pdf_selection_is_empty (dn_pdf_pages_get_selection (f->pages)));
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  g_test_add ("/pdf-view/open", Fixture, NULL, fixture_setup, test_open, fixture_teardown);
  g_test_add ("/pdf-view/large", Fixture, NULL, fixture_setup, test_large, fixture_teardown);
  g_test_add ("/pdf-view/scroll-all", Fixture, NULL, fixture_setup, test_scroll_all, fixture_teardown);
  g_test_add ("/pdf-view/zoom", Fixture, NULL, fixture_setup, test_zoom, fixture_teardown);
  g_test_add ("/pdf-view/keys", Fixture, NULL, fixture_setup, test_keys, fixture_teardown);
  g_test_add ("/pdf-view/find", Fixture, NULL, fixture_setup, test_find, fixture_teardown);
  g_test_add ("/pdf-view/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/pdf-view/thumbnails", Fixture, NULL, fixture_setup, test_thumbnails, fixture_teardown);
  g_test_add ("/pdf-view/select-copy", Fixture, NULL, fixture_setup, test_select_copy, fixture_teardown);
  g_test_add ("/pdf-view/print", Fixture, NULL, fixture_setup, test_print, fixture_teardown);
  g_test_add ("/pdf-view/save-copy", Fixture, NULL, fixture_setup, test_save_copy, fixture_teardown);
  return g_test_run ();
}
