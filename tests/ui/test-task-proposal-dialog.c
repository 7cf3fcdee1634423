/* test-task-proposal-dialog.c: the tasks of a directive reviewed in a table
 * and created in one step: from the window's menu (win.propose-tasks, the
 * text pasted) and from a document's details (document.propose-tasks, one
 * row filled by hand), driven through their actions and widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-proposal-dialog"

#include "config.h"

#include <cairo-pdf.h>
#include <gtk/gtk.h>
#include <string.h>

#include "dn-chooser.h"
#include "dn-document-details.h"
#include "dn-legacy-text.h"
#include "dn-pdf-test-utils.h"
#include "dn-store-documents.h"
#include "dn-store-units.h"
#include "dn-task-proposal-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window-context.h"
#include "dn-window.h"

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static void
keep (DnTaskProposalDialog *dialog,
      guint                 row,
      gboolean              kept)
{
  g_autofree char *label = g_strdup_printf ("Keep task %u", row);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (dialog, label)), kept);
}

static gint64
unit_id (DnStore    *store,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = dn_store_find_unit (store, code, &error);

  g_assert_no_error (error);
  if (unit == NULL)
    g_error ("no unit %s", code);
  return unit->id;
}

/* The Lào Cai guidance pasted: 29 rows; three kept; a recurring one
 * without a deadline is refused, nothing written; then created, and
 * undone in one step. */
static void
test_from_window (DnTestStore   *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "directives", "huong-dan-doi-ngoai-lao-cai-2018-2019.txt", NULL);
  g_autofree char *text = NULL;
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnWindowContext *context = dn_window_context_provider_get_context (DN_WINDOW_CONTEXT_PROVIDER (window));
  DnTaskProposalDialog *dialog;
  GtkTextBuffer *buffer;
  g_autofree char *before = NULL;
  gint64 tasks;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  dn_ui_spin (50);
  tasks = dn_store_count (fixture->store, DN_RECORD_TASK, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-tasks", NULL));
  dn_ui_spin (20);
  dialog = DN_TASK_PROPOSAL_DIALOG (dn_ui_find_window (DN_TYPE_TASK_PROPOSAL_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 0);
  /* nothing to create yet */
  g_assert_false (gtk_widget_get_sensitive (dn_ui_get_named (dialog, "dialog_ok")));

  /* the text pasted (the only text view) */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dn_ui_find_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, text, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.read-text", NULL));
  dn_ui_spin (20);
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 29);
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "29 tasks found"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), "Create 29 Tasks"));
  /* what was found is shown in the row */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (dialog, "Section of task 20"))), ==, "III.1.2");
  g_assert_cmpint (dn_chooser_get_id (DN_CHOOSER (dn_ui_get_by_label (dialog, "Lead unit of task 20"))), ==,
                   unit_id (fixture->store, "VP"));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dn_ui_get_by_label (dialog, "How often task 20 repeats"))),
                    ==, DN_RECURRENCE_QUARTERLY);
  {
    g_autoptr(GArray) ids = dn_chooser_get_ids (DN_CHOOSER (dn_ui_get_by_label (dialog, "Supporting units of task 2")));

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, unit_id (fixture->store, "BTG-TU"));
  }

  /* keep rows 1, 2 and 5 */
  for (guint i = 1; i <= 29; i++)
    keep (dialog, i, i == 1 || i == 2 || i == 5);
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_kept (dialog), ==, 3);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), "Create 3 Tasks"));
  dn_ui_set_text (dialog, "Title of task 1", "Quán triệt Quy chế số 07-QC/TU");

  /* row 5 repeats twice a year and has no deadline: refused, nothing written */
  before = dn_test_row_counts (fixture->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  dn_ui_spin (20);
  g_assert_nonnull (dn_ui_find_window (DN_TYPE_TASK_PROPOSAL_DIALOG));
  /* the message names the task by its title and section */
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "(II.1): "));
  dn_test_assert_owned_cmpstr (dn_test_row_counts (fixture->store), ==, before);

  /* a deadline that is not a date: said, nothing written */
  dn_ui_set_text (dialog, "Deadline of task 5", "31/02/2027");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  dn_ui_spin (20);
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "The deadline of task 5 is not a date"));
  dn_test_assert_owned_cmpstr (dn_test_row_counts (fixture->store), ==, before);

  dn_ui_set_text (dialog, "Deadline of task 5", "15/12/2027");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  dn_ui_spin (50);
  g_assert_null (dn_ui_find_window (DN_TYPE_TASK_PROPOSAL_DIALOG));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, tasks + 3);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE title = 'Quán triệt Quy chế số 07-QC/TU' "
                                      "AND section = 'II.1' AND deleted = 0"), ==, 1);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE recurrence = 'twice_yearly' "
                                      "AND due_date = '2027-12-15' AND deleted = 0"), ==, 1);
  g_assert_cmpstr (dn_window_context_get_undo_label (context), ==, "3 tasks created.");

  /* one undo takes the three away */
  g_assert_true (dn_window_context_undo (context, NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, tasks);

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

/* An incoming document without a PDF: one row to fill by hand; the task
 * is the document's */
static void
test_from_document (DnTestStore   *fixture,
                    gconstpointer  data)
{
  gint64 so = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 vp = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, so);
  gint64 kh = dn_test_add_unit (fixture->store, "KHTC", "Phòng Kế hoạch - Tài chính", DN_UNIT_KIND_DIVISION, so);
  gint64 document = dn_test_add_document (fixture->store, "25", "CV-UBND", "Về việc đón đoàn KOICA", NULL);
  DnDocumentDetails *details = dn_document_details_new (fixture->store, document);
  DnTaskProposalDialog *dialog;
  const gint64 support[] = { kh };

  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "document.propose-tasks", NULL));
  dn_ui_spin (20);
  dialog = DN_TASK_PROPOSAL_DIALOG (dn_ui_find_window (DN_TYPE_TASK_PROPOSAL_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (dn_task_proposal_dialog_get_document (dialog), ==, document);
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 1);
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "no PDF with text"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), "Create 1 Task"));

  /* no title, then no lead: said, nothing written */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "Task 1 has no title"));
  dn_ui_set_text (dialog, "Title of task 1", "Chuẩn bị đón đoàn KOICA");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "choose the lead unit"));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);

  dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (dialog, "Lead unit of task 1")), vp);
  dn_chooser_set_ids (DN_CHOOSER (dn_ui_get_by_label (dialog, "Supporting units of task 1")), support, 1);
  dn_ui_set_text (dialog, "Deadline of task 1", "30/11/2026");
  dn_ui_set_text (dialog, "Section of task 1", "2");
  /* a second row, added and left out */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.add-row", NULL));
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 2);
  keep (dialog, 2, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  dn_ui_spin (50);
  g_assert_null (dn_ui_find_window (DN_TYPE_TASK_PROPOSAL_DIALOG));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE document_id = %" G_GINT64_FORMAT
                                      " AND title = 'Chuẩn bị đón đoàn KOICA' AND due_date = '2026-11-30' AND section = '2'",
                                      document), ==, 1);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM assignment WHERE role = 'support' AND unit_id = %"
                                      G_GINT64_FORMAT, kh), ==, 1);
  gtk_window_destroy (GTK_WINDOW (details));
  dn_ui_spin (0);
}

/* @text laid out in a one-page PDF at @path, lines broken by the layout */
static void
write_pdf (const char *path,
           const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 11");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 420 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 72, 72);
  pango_cairo_show_layout (cr, layout);
  cairo_show_page (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A document with its PDF attached: the PDF's text read, its tasks
 * proposed and created from the document */
static void
test_from_document_pdf (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "cong-van.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 so = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 vp = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, so);
  gint64 kh = dn_test_add_unit (fixture->store, "KHTC", "Phòng Kế hoạch - Tài chính", DN_UNIT_KIND_DIVISION, so);
  gint64 document = dn_test_add_document (fixture->store, "30", "KH-SGDĐT", "Kế hoạch hội nhập quốc tế", NULL);
  DnTaskProposalDialog *dialog;

  write_pdf (pdf, "KẾ HOẠCH\n"
                  "I. Mục đích, yêu cầu\n"
                  "- Nâng cao nhận thức về hội nhập quốc tế.\n"
                  "II. Nội dung\n"
                  "- Phối hợp với Phòng Kế hoạch - Tài chính tổ chức hội nghị tổng kết công tác hợp tác quốc "
                  "tế với các tổ chức phi chính phủ trước ngày 15/12/2026.\n"
                  "- Báo cáo kết quả hội nhập quốc tế theo quý.\n"
                  "III. Tổ chức thực hiện\n"
                  "1. Văn phòng Sở: Làm đầu mối theo dõi, đôn đốc các đơn vị thực hiện kế hoạch này.\n");
  attachment = dn_store_add_attachment (fixture->store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_attach_to_document (fixture->store, document, attachment->id, "cong-van.pdf", &error));
  g_assert_no_error (error);

  dialog = dn_task_proposal_dialog_new (fixture->store, document);
  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (20);
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 3);
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "3 tasks found"));
  g_assert_cmpint (dn_chooser_get_id (DN_CHOOSER (dn_ui_get_by_label (dialog, "Lead unit of task 1"))), ==, vp);
  {
    g_autoptr(GArray) ids = dn_chooser_get_ids (DN_CHOOSER (dn_ui_get_by_label (dialog, "Supporting units of task 1")));

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kh);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (dialog, "Deadline of task 1"))), ==, "15/12/2026");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dn_ui_get_by_label (dialog, "How often task 2 repeats"))),
                    ==, DN_RECURRENCE_QUARTERLY);
  dn_ui_set_text (dialog, "Deadline of task 2", "31/12/2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "proposals.create", NULL));
  dn_ui_spin (20);
  g_assert_null (dn_ui_find_window (DN_TYPE_TASK_PROPOSAL_DIALOG));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE document_id = %" G_GINT64_FORMAT,
                                      document), ==, 3);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE document_id = %" G_GINT64_FORMAT
                                      " AND section = 'II' AND due_date = '2026-12-15'", document), ==, 1);
  dn_ui_spin (0);
}

/* A file: a PDF without parts gives no proposal (one row to fill); a
 * file that cannot be read is said in the dialog */
static void
test_files (DnTestStore   *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "van-ban.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "khong-co.txt", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  DnTaskProposalDialog *dialog;

  dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  dialog = dn_task_proposal_dialog_new (fixture->store, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  dn_pdf_test_write (pdf, 2, "Hướng dẫn", FALSE);
  g_assert_true (dn_task_proposal_dialog_load_file (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 1);
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "No task was found"));
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "van-ban.pdf"));
  g_assert_false (dn_task_proposal_dialog_load_file (dialog, missing_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "Cannot read"));
  g_clear_error (&error);
  /* an old .txt typed in TCVN3: its tasks, converted, and it says so */
  {
    g_autofree char *old = g_build_filename (fixture->dir, "cu.txt", NULL);
    g_autoptr(GFile) old_file = g_file_new_for_path (old);
    g_autofree char *mojibake = dn_legacy_text_encode ("I. Nhiệm vụ\n1. Tổ chức hội nghị đối ngoại\n"
                                                       "2. Báo cáo kết quả theo quý\n", DN_LEGACY_ENCODING_TCVN3,
                                                       NULL);
    g_autofree char *bytes = g_convert (mojibake, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);

    g_assert_nonnull (bytes);
    g_assert_true (g_file_set_contents (old, bytes, -1, NULL));
    g_assert_true (dn_task_proposal_dialog_load_file (dialog, old_file, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (dn_task_proposal_dialog_get_n_rows (dialog), ==, 2);
    g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "typed in TCVN3 (ABC) and converted"));
    g_assert_nonnull (dn_ui_find_by_label (GTK_WIDGET (dialog), "Title of task 1"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_find_by_label (GTK_WIDGET (dialog),
                                                                               "Title of task 1"))),
                     ==, "Tổ chức hội nghị đối ngoại");
  }
  {
    g_autofree char *mnemonics = dn_ui_mnemonics_used_twice (GTK_WINDOW (dialog));

    g_assert_cmpstr (mnemonics, ==, "");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  dn_ui_spin (0);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/task-proposal-dialog/from-window", test_from_window);
  DN_TEST_ADD ("/task-proposal-dialog/from-document", test_from_document);
  DN_TEST_ADD ("/task-proposal-dialog/from-document-pdf", test_from_document_pdf);
  DN_TEST_ADD ("/task-proposal-dialog/files", test_files);
  return g_test_run ();
}
