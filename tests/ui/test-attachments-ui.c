/* test-attachments-ui.c: files attached in the details of a task, a
 * delegation and a document (task.attach with a path, Remove with Undo,
 * Open), and a search hit inside an attached PDF opening the viewer at its
 * page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-attachments-ui"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "dn-attachment-list.h"
#include "dn-delegation-details.h"
#include "dn-document-details.h"
#include "dn-pdf-test-utils.h"
#include "dn-pdf-window.h"
#include "dn-task-details.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

typedef struct
{
  DnTestStore base;
  char       *pdf;     /* 3 pages, "hộ chiếu" on page 2 */
  char       *docx;
  gint64      unit;
  gint64      task;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  dn_test_store_setup (&f->base, data);
  f->pdf = g_build_filename (f->base.dir, "Hướng dẫn.pdf", NULL);
  f->docx = g_build_filename (f->base.dir, "bao-cao.docx", NULL);
  dn_pdf_test_write (f->pdf, 3, NULL, FALSE);
  dn_test_write_file (f->docx, "PK\003\004 not really a document", -1);
  f->unit = dn_test_add_unit (f->base.store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->task = dn_test_add_task (f->base.store, "Báo cáo đoàn ra", f->unit, NULL, NULL);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  dn_ui_destroy_all_windows ();
  dn_ui_spin (0);
  g_free (f->pdf);
  g_free (f->docx);
  dn_test_store_teardown (&f->base, data);
}

static DnAttachmentList *
list_in (GtkWidget *window)
{
  return DN_ATTACHMENT_LIST (dn_ui_find_type (window, DN_TYPE_ATTACHMENT_LIST));
}

static guint
n_files (DnAttachmentList *list)
{
  return g_list_model_get_n_items (dn_attachment_list_get_files (list));
}

/* The task's details: task.attach with a path lists the file; the same
 * file attached again is one row; Remove (its button) unlinks it and the
 * file goes from the data folder; a missing file says why. */
static void
test_task_attach_remove (Fixture       *f,
                         gconstpointer  data)
{
  DnTaskDetails *details = dn_task_details_new (f->base.store, f->task);
  DnAttachmentList *list = list_in (GTK_WIDGET (details));
  g_autofree char *folder = g_build_filename (f->base.dir, "attachments", NULL);
  g_autofree char *missing = g_build_filename (f->base.dir, "missing.pdf", NULL);
  GtkWidget *remove;

  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (50);
  g_assert_nonnull (list);
  g_assert_cmpuint (n_files (list), ==, 0);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (details), "No file attached. Drop files on this window, or use Attach…"));

  gtk_widget_activate_action (GTK_WIDGET (details), "task.attach", "s", f->pdf);
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 1);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (details), "Hướng dẫn.pdf"));
  gtk_widget_activate_action (GTK_WIDGET (details), "task.attach", "s", f->docx);
  gtk_widget_activate_action (GTK_WIDGET (details), "task.attach", "s", f->pdf);
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 2);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM task_attachment WHERE task_id = %"
                                      G_GINT64_FORMAT, f->task), ==, 2);

  /* a file that cannot be read: said in the list, nothing added */
  gtk_widget_activate_action (GTK_WIDGET (details), "task.attach", "s", missing);
  dn_ui_spin (50);
  g_assert_nonnull (dn_attachment_list_get_message (list));
  g_assert_nonnull (strstr (dn_attachment_list_get_message (list), "Cannot read"));
  g_assert_cmpuint (n_files (list), ==, 2);

  /* files dropped on the window are attached */
  {
    g_autofree char *dropped_path = g_build_filename (f->base.dir, "ghi-chu.txt", NULL);
    g_autoptr(GFile) dropped = NULL;

    dn_test_write_file (dropped_path, "ghi chú", -1);
    dropped = g_file_new_for_path (dropped_path);
    g_assert_true (dn_ui_drop_file (GTK_WIDGET (details), dropped));
    dn_ui_spin (50);
    g_assert_cmpuint (n_files (list), ==, 3);
    dn_ui_click (dn_ui_get_by_label (details, "Remove “ghi-chu.txt”"));
    dn_ui_spin (50);
    g_assert_cmpuint (n_files (list), ==, 2);
  }

  remove = dn_ui_get_by_label (details, "Remove “Hướng dẫn.pdf”");
  dn_ui_click (remove);
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 1);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 1);
  g_assert_null (dn_attachment_list_get_message (list));
}

/* In the window, Remove offers Undo, which brings the file back even once
 * it had left the data folder. */
static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, f->base.store);
  DnWindowContext *context = dn_window_get_context (window);
  GtkWindow *details;
  DnAttachmentList *list;
  g_autofree char *folder = g_build_filename (f->base.dir, "attachments", NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  dn_window_open_task (window, f->task);
  dn_ui_spin (100);
  details = dn_ui_the_visible_window (DN_TYPE_TASK_DETAILS);
  list = list_in (GTK_WIDGET (details));
  gtk_widget_activate_action (GTK_WIDGET (details), "task.attach", "s", f->docx);
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 1);

  dn_ui_click (dn_ui_get_by_label (details, "Remove “bao-cao.docx”"));
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 0);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 0);
  g_assert_true (dn_window_context_can_undo (context));
  g_assert_cmpstr (dn_window_context_get_undo_label (context), ==, "“bao-cao.docx” removed.");
  g_assert_true (dn_window_context_undo (context, &error));
  g_assert_no_error (error);
  dn_ui_spin (100);
  g_assert_cmpuint (n_files (list), ==, 1);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 1);
  {
    g_autoptr(DnAttachment) back = g_list_model_get_item (dn_attachment_list_get_files (list), 0);

    g_assert_cmpstr (back->file_name, ==, "bao-cao.docx");
  }
}

/* The delegation's and the document's details have the same list and
 * actions; a PDF opens in the viewer. */
static void
test_delegation_and_document (Fixture       *f,
                              gconstpointer  data)
{
  gint64 document = dn_test_add_document (f->base.store, "14", "KH-SGDĐT", "Kế hoạch năm", NULL);
  gint64 delegation;
  GtkWindow *details;
  DnDocumentDetails *document_details;
  DnAttachmentList *list;
  guint viewers;

  dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, start_date, end_date) "
                               "VALUES ('outbound', 'Đoàn Hàn Quốc', '2025-03-01', '2025-03-07')");
  delegation = dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation");
  details = dn_delegation_details_new (f->base.store, delegation);
  gtk_window_present (details);
  list = list_in (GTK_WIDGET (details));
  gtk_widget_activate_action (GTK_WIDGET (details), "delegation.attach", "s", f->pdf);
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 1);

  document_details = dn_document_details_new (f->base.store, document);
  gtk_window_present (GTK_WINDOW (document_details));
  list = list_in (GTK_WIDGET (document_details));
  gtk_widget_activate_action (GTK_WIDGET (document_details), "document.attach", "s", f->pdf);
  dn_ui_spin (50);
  g_assert_cmpuint (n_files (list), ==, 1);
  /* one file, shown by both */
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM attachment"), ==, 1);

  viewers = dn_ui_count_windows (DN_TYPE_PDF_WINDOW);
  dn_ui_click (dn_ui_get_by_label (document_details, "Open “Hướng dẫn.pdf”"));
  dn_ui_spin (50);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_PDF_WINDOW), ==, viewers + 1);
}

static gboolean
indexer_idle (gpointer data)
{
  DnWindow *window = data;

  return !dn_attachment_indexer_is_running (dn_window_get_attachment_indexer (window));
}

static gboolean
viewer_open (gpointer data)
{
  GtkWindow *viewer = dn_ui_find_window (DN_TYPE_PDF_WINDOW);

  return viewer != NULL && dn_pdf_view_get_document (dn_pdf_window_get_view (DN_PDF_WINDOW (viewer))) != NULL;
}

/* The window reads the attached PDF in the background; the global search
 * then shows the page under "In attached files", and opening the hit
 * opens the viewer at that page. */
static void
test_search_hit_opens_page (Fixture       *f,
                            gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, f->base.store);
  DnGlobalSearch *search = dn_window_get_global_search (window);
  GListModel *results = dn_global_search_get_results (search);
  g_autoptr(GFile) file = g_file_new_for_path (f->pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAttachment) attachment = NULL;
  DnSearchHit *found = NULL;
  gint64 end;
  GtkWindow *viewer;

  gtk_window_present (GTK_WINDOW (window));
  attachment = dn_store_attach_file (f->base.store, DN_RECORD_TASK, f->task, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dn_ui_wait_until (indexer_idle, window, 20000));
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM attachment WHERE text_state = 'indexed'"),
                   ==, 1);

  dn_global_search_search (search, "ho chieu");
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (dn_global_search_is_searching (search) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, i);

      if (hit->id == 0 && hit->kind == DN_RECORD_ATTACHMENT)
        g_assert_cmpstr (hit->title, ==, "In attached files");
      if (hit->id > 0 && hit->kind == DN_RECORD_ATTACHMENT && found == NULL)
        found = g_object_ref (hit);
    }
  g_assert_nonnull (found);
  g_assert_cmpint (found->page, ==, 2);
  g_assert_cmpint (found->id, ==, attachment->id);
  {
    g_autofree char *spoken = dn_global_search_describe_hit (found);

    g_assert_cmpstr (spoken, ==, "Hướng dẫn.pdf, page 2");
  }

  g_signal_emit_by_name (search, "open-hit", found);
  g_assert_true (dn_ui_wait_until (viewer_open, NULL, 20000));
  viewer = dn_ui_find_window (DN_TYPE_PDF_WINDOW);
  dn_ui_spin (100);
  /* the second page, counted from 0 */
  g_assert_cmpint (dn_pdf_pages_get_page (dn_pdf_view_get_pages (dn_pdf_window_get_view (DN_PDF_WINDOW (viewer)))),
                   ==, 1);
  g_object_unref (found);
}

/* A task's source document and a delegation's decision are read in the
 * viewer (their PDF, named as attached); a document without a file opens
 * its details, where one is attached */
static void
test_read_source (Fixture       *f,
                  gconstpointer  data)
{
  gint64 document = dn_test_add_document (f->base.store, "5", "QĐ-UBND", "Quyết định cử đoàn", NULL);
  gint64 bare = dn_test_add_document (f->base.store, "6", "CV-SGDĐT", "Công văn chưa có tệp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (f->pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAttachment) attachment = NULL;
  GtkWindow *details, *viewer;
  gint64 delegation;

  attachment = dn_store_attach_file (f->base.store, DN_RECORD_DOCUMENT, document, file, NULL, &error);
  g_assert_no_error (error);
  dn_test_exec (f->base.store, "UPDATE task SET document_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                document, f->task);

  details = GTK_WINDOW (dn_task_details_new (f->base.store, f->task));
  gtk_window_present (details);
  dn_ui_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.open-document", NULL));
  g_assert_true (dn_ui_wait_until (viewer_open, NULL, 20000));
  viewer = dn_ui_find_window (DN_TYPE_PDF_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (viewer), ==, "Hướng dẫn.pdf");
  g_assert_true (gtk_window_get_transient_for (viewer) == details);
  dn_ui_destroy_all_windows ();

  dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, start_date, end_date) "
                               "VALUES ('outbound', 'Đoàn Hàn Quốc', '2025-03-01', '2025-03-07')");
  delegation = dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation");
  details = dn_delegation_details_new (f->base.store, delegation);
  gtk_window_present (details);
  dn_ui_spin (50);
  /* no decision yet: nothing to read */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.open-decision", NULL)
                  && dn_ui_count_windows (DN_TYPE_PDF_WINDOW) > 0);
  gtk_window_destroy (details);
  dn_test_exec (f->base.store, "UPDATE delegation SET decision_document_id = %" G_GINT64_FORMAT " WHERE id = %"
                G_GINT64_FORMAT, bare, delegation);
  details = dn_delegation_details_new (f->base.store, delegation);
  gtk_window_present (details);
  dn_ui_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.open-decision", NULL));
  dn_ui_spin (50);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_PDF_WINDOW), ==, 0);
  g_assert_cmpint (dn_document_details_get_document (DN_DOCUMENT_DETAILS (dn_ui_find_window (DN_TYPE_DOCUMENT_DETAILS))),
                   ==, bare);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  ADD ("/attachments-ui/task-attach-remove", test_task_attach_remove);
  ADD ("/attachments-ui/remove-undo", test_remove_undo);
  ADD ("/attachments-ui/delegation-and-document", test_delegation_and_document);
  ADD ("/attachments-ui/search-hit-opens-page", test_search_hit_opens_page);
  ADD ("/attachments-ui/read-source", test_read_source);
  return g_test_run ();
}
