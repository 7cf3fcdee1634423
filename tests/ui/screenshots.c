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

#include "dn-delegation-editor.h"
#include "dn-document-details.h"
#include "dn-exchange.h"
#include "dn-i18n.h"
#include "dn-list-page.h"
#include "dn-legacy-paste-dialog.h"
#include "dn-pdf-test-utils.h"
#include "dn-pdf-window.h"
#include "dn-rules-dialog.h"
#include "dn-task-list-view.h"
#include "dn-task-proposal-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

/* Nothing here sleeps for a fixed time: each step waits for what it needs
 * (the window mapped, a frame drawn, the rows read, idle work done), with a
 * deadline generous enough for a loaded machine. */
#define DEADLINE_S 60

/* Iterates the main loop until @done (@data); fails saying @what was
 * awaited when the deadline passes. */
static void
wait_until (DnUiCondition  done,
            gpointer       data,
            const char    *what)
{
  if (!dn_ui_wait_until (done, data, DEADLINE_S * 1000))
    g_error ("waited %d s for %s", DEADLINE_S, what);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Until @window is mapped and has drawn a new frame: its render node,
 * which the screenshot reads, then shows its current content. */
static void
wait_for_frame (GtkWidget  *window,
                const char *what)
{
  g_autofree char *mapped = g_strdup_printf ("the window to be mapped (%s)", what);

  wait_until (is_mapped, window, mapped);
  dn_ui_wait_for_frame (window, DEADLINE_S * 1000);
}

static gboolean
no_pending_work (gpointer data)
{
  /* dispatch what is ready (idle chunks of the views) until nothing is */
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  return !g_main_context_pending (NULL);
}

/* TRUE when no stack or revealer in sight is still animating */
static gboolean
transitions_done (gpointer widget)
{
  if (!gtk_widget_get_mapped (widget))
    return TRUE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (widget))
    return FALSE;
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_child_revealed (widget) != gtk_revealer_get_reveal_child (widget))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!transitions_done (child))
      return FALSE;
  return TRUE;
}

static gboolean
task_rows_read (gpointer view)
{
  return !dn_task_list_view_is_loading (view) &&
         g_list_model_get_n_items (G_LIST_MODEL (dn_task_list_view_get_model (view))) > 0;
}

/* Until @window shows @section in full: its data read, idle work done, drawn. */
/* A section that reads the store off the main loop says so with its
 * "loading" property. */
static gboolean
page_read (gpointer page)
{
  gboolean loading = FALSE;

  if (DN_IS_LIST_PAGE (page))
    return !dn_list_page_is_loading (page) && dn_list_page_get_model (page) != NULL;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "loading") != NULL)
    g_object_get (page, "loading", &loading, NULL);
  return !loading;
}

static gboolean
search_done (gpointer window)
{
  return !dn_global_search_is_searching (dn_window_get_global_search (window));
}

/* The window's stack of sections: the one whose children include "units". */
static GtkStack *
section_stack (DnWindow *window)
{
  GPtrArray *todo = g_ptr_array_new ();
  GtkStack *found = NULL;

  g_ptr_array_add (todo, window);
  while (todo->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (todo, todo->len - 1);

      if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "units") != NULL)
        found = GTK_STACK (widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (todo, child);
    }
  g_ptr_array_unref (todo);
  g_assert_nonnull (found);
  return found;
}

static void
wait_until_shown (DnWindow   *window,
                  const char *section)
{
  g_autofree char *settled = g_strdup_printf ("the idle work of the section “%s” to end", section);

  if (g_str_equal (section, "tasks"))
    {
      GtkWidget *view = dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_TASK_LIST_VIEW);

      g_assert_nonnull (view);
      wait_until (task_rows_read, view, "the task list to read its rows");
    }
  else
    {
      /* the overview and the units read the store off the main loop */
      GtkWidget *page = gtk_stack_get_child_by_name (section_stack (window), section);

      g_assert_nonnull (page);
      wait_until (page_read, page, "the section to read the store");
    }
  wait_until (transitions_done, window, "the window's transitions to end");
  wait_until (no_pending_work, NULL, settled);
  wait_for_frame (GTK_WIDGET (window), section);
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
  const char *sections[] = { "overview", "tasks", "delegations-out", "delegations-in", "passports", "partners",
                             "units", "documents" };
  DnWindow *window;

  g_assert_no_error (error);
  g_assert_true (dn_exchange_load_demo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  window = dn_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window), "first frame");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", sections[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      dn_window_show_section (window, sections[i]);
      wait_until_shown (window, sections[i]);
      dn_ui_save_png (GTK_WINDOW (window), path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_test_message ("wrote %s", path);
    }

  /* the global search, as typed */
  dn_window_show_section (window, "tasks");
  dn_global_search_search (dn_window_get_global_search (window), "ho chieu");
  wait_until (search_done, window, "the global search");
  wait_until_shown (window, "tasks");
  {
    g_autofree char *path = g_build_filename (dir, "search.png", NULL);
    dn_ui_save_png (GTK_WINDOW (window), path);
  }
  /* an incoming document with the task it gives: print the slip, give
   * tasks, its files */
  {
    g_autofree char *path = g_build_filename (dir, "document-details.png", NULL);
    g_autoptr(GPtrArray) documents = dn_store_list_documents (store, NULL, 100, NULL);
    gint64 incoming = 0;
    DnDocumentDetails *details;

    for (guint i = 0; documents != NULL && i < documents->len && incoming == 0; i++)
      if (((DnDocument *) documents->pdata[i])->direction == DN_DIRECTION_INCOMING
          && ((DnDocument *) documents->pdata[i])->arrival_number > 0)
        incoming = ((DnDocument *) documents->pdata[i])->id;
    g_assert_cmpint (incoming, >, 0);
    details = dn_document_details_show (GTK_WINDOW (window), store, incoming);
    wait_for_frame (GTK_WIDGET (details), "the document's first frame");
    wait_until (no_pending_work, NULL, "the document to settle");
    dn_ui_save_png (GTK_WINDOW (details), path);
    gtk_window_destroy (GTK_WINDOW (details));
  }
  /* tasks proposed from the Đầm Hà plan, for the officer to check */
  {
    g_autofree char *path = g_build_filename (dir, "task-proposals.png", NULL);
    g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "directives",
                                                     "ke-hoach-hoi-nhap-quoc-te-dam-ha-2024.md", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (sample);
    DnTaskProposalDialog *proposals = dn_task_proposal_dialog_new (store, 0);

    gtk_window_set_transient_for (GTK_WINDOW (proposals), GTK_WINDOW (window));
    gtk_window_set_default_size (GTK_WINDOW (proposals), 1200, 760);
    g_assert_true (dn_task_proposal_dialog_load_file (proposals, file, NULL));
    gtk_window_present (GTK_WINDOW (proposals));
    wait_for_frame (GTK_WIDGET (proposals), "the proposals' first frame");
    wait_until (no_pending_work, NULL, "the proposals to settle");
    dn_ui_save_png (GTK_WINDOW (proposals), path);
    gtk_window_destroy (GTK_WINDOW (proposals));
  }
  /* a visit in its editor: its host unit, guests and programme */
  {
    g_autofree char *path = g_build_filename (dir, "delegation-editor.png", NULL);
    gint64 visit = dn_test_query_int (store, "SELECT id FROM delegation WHERE direction = 'inbound' "
                                             "ORDER BY (unit_id IS NULL), id LIMIT 1");
    GtkWindow *editor;

    g_assert_cmpint (visit, >, 0);
    editor = dn_delegation_editor_new (store, DN_DELEGATION_INBOUND, visit, &error);
    g_assert_no_error (error);
    gtk_window_set_transient_for (editor, GTK_WINDOW (window));
    gtk_window_present (editor);
    wait_for_frame (GTK_WIDGET (editor), "the editor's first frame");
    wait_until (no_pending_work, NULL, "the editor to settle");
    dn_ui_save_png (editor, path);
    gtk_window_destroy (editor);
  }
  /* the department's rules */
  {
    g_autofree char *path = g_build_filename (dir, "rules.png", NULL);
    DnFormDialog *rules = dn_rules_dialog_new (store);

    gtk_window_set_transient_for (GTK_WINDOW (rules), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (rules));
    wait_for_frame (GTK_WIDGET (rules), "the rules' first frame");
    dn_ui_save_png (GTK_WINDOW (rules), path);
    gtk_window_destroy (GTK_WINDOW (rules));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (no_pending_work, NULL, "the window to go");

  /* the PDF viewer, a word found in it */
  {
    g_autofree char *pdf_path = g_build_filename (tmp, "ke-hoach.pdf", NULL);
    g_autofree char *path = g_build_filename (dir, "pdf-viewer.png", NULL);
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
    DnPdfWindow *viewer;
    DnPdfView *view;

    dn_pdf_test_write (pdf_path, 12, "Kế hoạch công tác đối ngoại", FALSE);
    viewer = dn_pdf_window_open (NULL, pdf, 0);
    gtk_window_set_default_size (GTK_WINDOW (viewer), 1100, 800);
    view = dn_pdf_window_get_view (viewer);
    wait_for_frame (GTK_WIDGET (viewer), "the viewer's first frame");
    dn_pdf_view_find (view, "ho chieu");
    wait_until ((DnUiCondition) dn_pdf_view_get_find_done, view, "the search in the PDF");
    dn_ui_spin (500);
    wait_for_frame (GTK_WIDGET (viewer), "the pages drawn");
    dn_ui_save_png (GTK_WINDOW (viewer), path);
    gtk_window_destroy (GTK_WINDOW (viewer));
    wait_until (no_pending_work, NULL, "the viewer to go");
  }
  /* text pasted in TCVN3, offered converted */
  {
    g_autofree char *path = g_build_filename (dir, "legacy-paste.png", NULL);
    g_autofree char *pasted = dn_legacy_text_encode ("Công văn số 15/SGDĐT-VP về việc nộp lại hộ chiếu sau "
                                                     "chuyến công tác", DN_LEGACY_ENCODING_TCVN3, NULL);
    g_autoptr(DnLegacyPreview) preview = dn_legacy_text_preview (pasted, DN_LEGACY_ENCODING_NONE, NULL);
    DnLegacyPasteDialog *dialog;

    g_assert_nonnull (preview);
    g_assert_cmpint (preview->encoding, ==, DN_LEGACY_ENCODING_TCVN3);
    dialog = dn_legacy_paste_dialog_new (NULL, preview);
    gtk_window_present (GTK_WINDOW (dialog));
    wait_for_frame (GTK_WIDGET (dialog), "the dialog's first frame");
    dn_ui_save_png (GTK_WINDOW (dialog), path);
    gtk_window_destroy (GTK_WINDOW (dialog));
    wait_until (no_pending_work, NULL, "the dialog to go");
  }
  dn_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  dn_i18n_init ();
  dn_ui_test_init (&argc, &argv);
  g_test_add_func ("/screenshots/sections", test_sections);
  return g_test_run ();
}
