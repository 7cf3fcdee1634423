/* test-global-search.c: the header bar's search driven from the keyboard
 * (its actions, and the keys bound to them), what each hit shows and
 * says, and what a hit opens: a task its details, a document its details
 * with its tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-global-search"

#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>
#include <string.h>

#include "dn-date.h"
#include "dn-document-details.h"
#include "dn-global-search.h"
#include "dn-pdf-renderer.h"
#include "dn-task-details.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

#define TIMEOUT_MS 30000
#define RECURRING "Báo cáo định kỳ công tác đối ngoại"

typedef struct
{
  gint64 unit;
  gint64 q1;        /* done, due 31/03/2025 */
  gint64 q2;        /* its next occurrence, due 30/06/2025, in progress */
  gint64 document;  /* Kế hoạch hợp tác giáo dục với tỉnh Hủa Phăn */
  gint64 doc_tasks[2];
  gint64 empty_document;
} Data;

static gint64
add_task (DnStore      *store,
          const char   *title,
          gint64        unit,
          gint64        document,
          const GDate  *due,
          DnRecurrence  recurrence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  task->lead_unit_id = unit;
  task->document_id = document;
  task->recurrence = recurrence;
  if (due != NULL)
    task->due_date = *due;
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);
  return task->id;
}

static void
fill (DnStore *store,
      Data    *d)
{
  g_autoptr(GError) error = NULL;
  GDate date = dn_test_date (2025, 4, 1);

  /* the day deadlines are judged on */
  dn_date_set_today (&date);
  date = dn_test_date (2025, 3, 31);
  d->unit = dn_test_add_unit (store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  d->q1 = add_task (store, RECURRING, d->unit, 0, &date, DN_RECURRENCE_QUARTERLY);
  g_assert_true (dn_store_set_task_status (store, d->q1, DN_STATUS_DONE, &d->q2, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_set_task_status (store, d->q2, DN_STATUS_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);

  date = dn_test_date (2025, 1, 10);
  d->document = dn_test_add_document (store, "25", "KH-SGDĐT", "Kế hoạch hợp tác giáo dục với tỉnh Hủa Phăn", &date);
  date = dn_test_date (2025, 5, 15);
  d->doc_tasks[0] = add_task (store, "Đón đoàn Sở Giáo dục Hủa Phăn", d->unit, d->document, &date, DN_RECURRENCE_NONE);
  d->doc_tasks[1] = add_task (store, "Tổng kết năm học với Hủa Phăn", d->unit, d->document, NULL, DN_RECURRENCE_NONE);
  d->empty_document = dn_test_add_document (store, "26", "CV-SGDĐT", "Công văn về trao đổi giáo viên", &date);
}

static GtkWidget *
search_entry (DnWindow *window)
{
  return dn_ui_get_by_label (window, "Search everything");
}

static gboolean
results_in (gpointer data)
{
  DnWindow *window = data;

  return !dn_global_search_is_searching (dn_window_get_global_search (window)) && g_list_model_get_n_items (dn_global_search_get_results (dn_window_get_global_search (window))) > 0;
}

/* Types @text in the search entry, as the officer does, and waits for the
 * hits. */
static void
type_search (DnWindow   *window,
             const char *text)
{
  g_list_store_remove_all (G_LIST_STORE (dn_global_search_get_results (dn_window_get_global_search (window))));
  gtk_editable_set_text (GTK_EDITABLE (search_entry (window)), text);
  g_assert_true (dn_ui_wait_until (results_in, window, TIMEOUT_MS));
  dn_ui_spin (50);
}

static GtkWidget *
focus_of (DnWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The hit the keyboard focus is on, or NULL (the focus is elsewhere). */
static DnSearchHit *
focused_hit (DnWindow *window)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  return row != NULL ? g_object_get_data (G_OBJECT (row), "hit") : NULL;
}

static GtkPopover *
popover_of (GtkWidget *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (entry); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);
  g_assert_not_reached ();
}

/* The action a key sends from @widget, through the shortcuts the search
 * put there; NULL when none. */
static char *
action_of_key (GtkWidget *widget,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static void
assert_key (GtkWidget  *widget,
            guint       keyval,
            const char *action)
{
  g_autofree char *found = action_of_key (widget, keyval);

  g_assert_cmpstr (found, ==, action);
}

static void
test_keyboard (DnTestStore   *fixture,
               gconstpointer  data)
{
  Data d;
  DnWindow *window;
  GtkWidget *entry, *list;
  GtkPopover *popover;
  DnSearchHit *hit;
  DnTaskDetails *details;

  fill (fixture->store, &d);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  entry = search_entry (window);
  popover = popover_of (entry);
  list = dn_ui_get_by_label (GTK_WIDGET (popover), "Search results");

  /* the keys, each bound to what the actions below do */
  assert_key (entry, GDK_KEY_Down, "search.next");
  assert_key (list, GDK_KEY_Down, "search.next");
  assert_key (list, GDK_KEY_Up, "search.previous");
  assert_key (list, GDK_KEY_Return, "search.open");
  assert_key (list, GDK_KEY_KP_Enter, "search.open");
  assert_key (list, GDK_KEY_Escape, "search.close");

  /* Ctrl+F, then typing: the hits drop down, the best one selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));
  type_search (window, "bao cao dinh ky");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));
  hit = dn_global_search_get_selected (dn_window_get_global_search (window));
  g_assert_nonnull (hit);
  /* the occurrence still to do ranks above the one done */
  g_assert_cmpint (hit->id, ==, d.q2);

  /* Down moves into the hits, then through them; the selection follows */
  g_assert_true (gtk_widget_activate_action (entry, "search.next", NULL));
  g_assert_nonnull (focused_hit (window));
  g_assert_cmpint (focused_hit (window)->id, ==, d.q2);
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.next", NULL));
  g_assert_cmpint (focused_hit (window)->id, ==, d.q1);
  g_assert_true (dn_global_search_get_selected (dn_window_get_global_search (window)) == focused_hit (window));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (focus_of (window))));
  /* Down on the last hit stays there */
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.next", NULL));
  g_assert_cmpint (focused_hit (window)->id, ==, d.q1);
  /* Up goes back, and from the first hit to the entry */
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.previous", NULL));
  g_assert_cmpint (focused_hit (window)->id, ==, d.q2);
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.previous", NULL));
  g_assert_null (focused_hit (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Escape closes the hits and gives the entry the focus, its text kept */
  g_assert_true (gtk_widget_activate_action (entry, "search.next", NULL));
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.close", NULL));
  dn_ui_spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "bao cao dinh ky");

  /* Down opens them again; Enter opens the selected hit: the task done */
  g_assert_true (gtk_widget_activate_action (entry, "search.next", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.next", NULL));
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.open", NULL));
  dn_ui_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  details = DN_TASK_DETAILS (dn_ui_find_window (DN_TYPE_TASK_DETAILS));
  g_assert_nonnull (details);
  g_assert_cmpint (dn_task_details_get_task (details), ==, d.q1);
  gtk_window_destroy (GTK_WINDOW (details));

  /* Enter in the entry opens the best hit */
  type_search (window, "bao cao dinh ky cong tac");
  g_signal_emit_by_name (entry, "activate");
  dn_ui_spin (50);
  details = DN_TASK_DETAILS (dn_ui_find_window (DN_TYPE_TASK_DETAILS));
  g_assert_nonnull (details);
  g_assert_cmpint (dn_task_details_get_task (details), ==, d.q2);

  dn_ui_destroy_all_windows ();
}

/* Each task hit shows its deadline and status, and says them to a screen
 * reader; the occurrences of one title are told apart by their dates. */
static void
test_rows (DnTestStore   *fixture,
           gconstpointer  data)
{
  Data d;
  DnWindow *window;
  GListModel *results;
  guint n_tasks = 0;

  fill (fixture->store, &d);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  type_search (window, "bao cao dinh ky");

  results = dn_global_search_get_results (dn_window_get_global_search (window));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, i);

      if (hit->kind == DN_RECORD_TASK && hit->id > 0)
        n_tasks++;
    }
  g_assert_cmpuint (n_tasks, ==, 2);
  g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (window), "Task: " RECURRING ", due 30/06/2025, in progress"));
  g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (window), "Task: " RECURRING ", due 31/03/2025, done"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "due 30/06/2025 · In progress"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "due 31/03/2025 · Done"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "Tasks"));

  /* a deadline past says by how much */
  {
    GDate today = dn_test_date (2025, 7, 2);

    dn_date_set_today (&today);
    type_search (window, "bao cao dinh ky cong tac");
    g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "due 30/06/2025 (overdue by 2 days) · In progress"));
    g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "due 31/03/2025 · Done"));
  }

  /* a task without a deadline says so; other kinds say their kind */
  type_search (window, "hua phan");
  g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (window), "Task: Tổng kết năm học với Hủa Phăn, no deadline, not started"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "no deadline · Not started"));
  g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (window), "Document: Kế hoạch hợp tác giáo dục với tỉnh Hủa Phăn"));

  /* nothing found: a message, no hit to move to */
  type_search (window, "zzzz khong co");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "Nothing found"));
  g_assert_null (dn_global_search_get_selected (dn_window_get_global_search (window)));
  {
    GtkWidget *entry = search_entry (window);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
    g_assert_true (gtk_widget_activate_action (entry, "search.next", NULL));
    g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));
    g_signal_emit_by_name (entry, "activate");
    dn_ui_spin (20);
    g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_TASK_DETAILS), ==, 0);
    g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_DOCUMENT_DETAILS), ==, 0);
  }
  dn_ui_destroy_all_windows ();
}

static gboolean
first_task_done (gpointer data)
{
  g_autoptr(DnTask) task = g_list_model_get_item (dn_document_details_get_tasks (data), 0);

  return task != NULL && task->status == DN_STATUS_DONE;
}

/* A document hit opens the document: its fields and its tasks, never an
 * empty filtered list; a task there opens its details. */
static void
test_document (DnTestStore   *fixture,
               gconstpointer  data)
{
  Data d;
  DnWindow *window;
  GtkWidget *entry;
  DnDocumentDetails *details;
  GListModel *tasks;
  DnSearchHit *hit;
  const char *section;

  fill (fixture->store, &d);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  section = dn_window_get_section (window);
  entry = search_entry (window);

  type_search (window, "ke hoach hop tac hua phan");
  g_assert_true (gtk_widget_activate_action (entry, "search.next", NULL));
  while ((hit = focused_hit (window)) != NULL && hit->kind != DN_RECORD_DOCUMENT)
    {
      gint64 before = hit->id;

      g_assert_true (gtk_widget_activate_action (focus_of (window), "search.next", NULL));
      g_assert_true (focused_hit (window)->id != before);
    }
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->id, ==, d.document);
  g_assert_true (gtk_widget_activate_action (focus_of (window), "search.open", NULL));
  dn_ui_spin (50);

  details = DN_DOCUMENT_DETAILS (dn_ui_find_window (DN_TYPE_DOCUMENT_DETAILS));
  g_assert_nonnull (details);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (details)) == GTK_WINDOW (window));
  g_assert_cmpint (dn_document_details_get_document (details), ==, d.document);
  /* the window's section did not change */
  g_assert_cmpstr (dn_window_get_section (window), ==, section);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (details)), ==, "25/KH-SGDĐT");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (details), "Kế hoạch hợp tác giáo dục với tỉnh Hủa Phăn"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (details), "10/01/2025"));
  tasks = dn_document_details_get_tasks (details);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  {
    g_autoptr(DnTask) first = g_list_model_get_item (tasks, 0);

    g_assert_cmpint (first->id, ==, d.doc_tasks[0]);
  }
  g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (details), "Đón đoàn Sở Giáo dục Hủa Phăn, due 15/05/2025, not started"));
  g_assert_false (gtk_widget_get_visible (dn_ui_find_text (GTK_WIDGET (details), "No task is taken from this document.")));

  /* its handling slip, written as a PDF, names the document and its tasks */
  {
    g_autofree char *dir = dn_test_make_tmp_dir ();
    g_autofree char *path = g_build_filename (dir, "phieu.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(DnPdfDocument) pdf = NULL;
    g_autofree char *text = NULL;

    g_assert_true (gtk_widget_is_sensitive (dn_ui_get_by_label (details, "Print the handling slip")));
    g_assert_true (dn_document_details_print_slip (details, path, &error));
    g_assert_no_error (error);
    pdf = dn_pdf_renderer_open (dn_pdf_renderer_get_default (), file, NULL, NULL, &error);
    g_assert_no_error (error);
    text = dn_pdf_renderer_get_text (dn_pdf_renderer_get_default (), pdf, 0, NULL, &error);
    g_assert_no_error (error);
    g_strdelimit (text, "\n", ' ');
    g_assert_nonnull (strstr (text, "25/KH-SGDĐT"));
    g_assert_nonnull (strstr (text, "Đón đoàn Sở Giáo dục Hủa Phăn"));
    g_assert_nonnull (strstr (text, "Tổng kết năm học với Hủa Phăn"));
    g_assert_nonnull (strstr (text, "15/05/2025"));
    dn_test_remove_tree (dir);
  }

  /* opening it again brings the same window to the front */
  dn_window_open_document (window, d.document);
  dn_ui_spin (20);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_DOCUMENT_DETAILS), ==, 1);

  /* a task of the document opens its details */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "document.open-task", "x", d.doc_tasks[1]));
  dn_ui_spin (50);
  {
    DnTaskDetails *task = DN_TASK_DETAILS (dn_ui_find_window (DN_TYPE_TASK_DETAILS));

    g_assert_nonnull (task);
    g_assert_cmpint (dn_task_details_get_task (task), ==, d.doc_tasks[1]);
    gtk_window_destroy (GTK_WINDOW (task));
  }

  /* a change to its tasks shows */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (dn_store_set_task_status (fixture->store, d.doc_tasks[0], DN_STATUS_DONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (dn_ui_wait_until (first_task_done, details, TIMEOUT_MS));
    g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (details), "Đón đoàn Sở Giáo dục Hủa Phăn, due 15/05/2025, done"));
  }
  gtk_window_destroy (GTK_WINDOW (details));

  /* a document without tasks says so */
  dn_window_open_document (window, d.empty_document);
  dn_ui_spin (50);
  details = DN_DOCUMENT_DETAILS (dn_ui_find_window (DN_TYPE_DOCUMENT_DETAILS));
  g_assert_cmpuint (g_list_model_get_n_items (dn_document_details_get_tasks (details)), ==, 0);
  g_assert_true (gtk_widget_get_visible (dn_ui_find_text (GTK_WIDGET (details), "No task is taken from this document.")));
  g_assert_true (gtk_widget_get_visible (dn_ui_find_text (GTK_WIDGET (details), "Công văn về trao đổi giáo viên")));
  gtk_window_destroy (GTK_WINDOW (details));

  /* one that no longer exists says so, and shows nothing else */
  details = dn_document_details_new (fixture->store, 999999);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (50);
  g_assert_true (gtk_widget_get_visible (dn_ui_find_text (GTK_WIDGET (details), "This document no longer exists.")));
  g_assert_false (gtk_widget_get_visible (dn_ui_find_text (GTK_WIDGET (details), "Tasks from this document")));
  g_assert_cmpuint (g_list_model_get_n_items (dn_document_details_get_tasks (details)), ==, 0);

  dn_ui_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/global-search/keyboard", test_keyboard);
  DN_TEST_ADD ("/global-search/rows", test_rows);
  DN_TEST_ADD ("/global-search/document", test_document);
  return g_test_run ();
}
