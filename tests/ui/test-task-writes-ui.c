/* test-task-writes-ui.c: the task forms write through the window's writer
 *
 * A writer that holds each write until the test lets it go (as the
 * department server's does while a request is under way) shows what an
 * officer sees: the form says it is saving and cannot be sent twice; a
 * write that fails leaves the form open with the officer's input and
 * why; one that succeeds closes it. The task editor, when someone else
 * saved the task after it was opened, shows their version and lets the
 * officer keep theirs or save their own over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-form-dialog.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window-context.h"

/* A writer that holds its writes ------------------------------------------------ */

#define TEST_TYPE_HELD_WRITER (test_held_writer_get_type ())
G_DECLARE_FINAL_TYPE (TestHeldWriter, test_held_writer, TEST, HELD_WRITER, GObject)

struct _TestHeldWriter
{
  GObject  parent_instance;

  DnStore *store;
  GTask   *held;    /* the write waiting */
};

static void test_held_writer_iface_init (DnWriterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestHeldWriter, test_held_writer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DN_TYPE_WRITER, test_held_writer_iface_init))

static void
held_write_async (DnWriter            *writer,
                  DnWrite             *write,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  TestHeldWriter *self = TEST_HELD_WRITER (writer);

  g_assert_null (self->held);
  self->held = g_task_new (self, cancellable, callback, user_data);
  g_task_set_task_data (self->held, dn_write_ref (write), (GDestroyNotify) dn_write_unref);
}

static gboolean
held_write_finish (DnWriter      *writer,
                   GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
held_can_undo (DnWriter *writer)
{
  return FALSE;
}

static void
test_held_writer_iface_init (DnWriterInterface *iface)
{
  iface->write_async = held_write_async;
  iface->write_finish = held_write_finish;
  iface->can_undo = held_can_undo;
}

static void
test_held_writer_finalize (GObject *object)
{
  TestHeldWriter *self = TEST_HELD_WRITER (object);

  g_assert_null (self->held);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (test_held_writer_parent_class)->finalize (object);
}

static void
test_held_writer_class_init (TestHeldWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_held_writer_finalize;
}

static void
test_held_writer_init (TestHeldWriter *self)
{
}

/* Lets the held write go: written in the store, or refused with @error */
static void
release (TestHeldWriter *self,
         GError         *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->held);
  GError *write_error = NULL;

  g_assert_nonnull (task);
  if (error != NULL)
    g_task_return_error (task, error);
  else if (dn_store_write (self->store, g_task_get_task_data (task), &write_error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, write_error);
  dn_ui_spin (0);
}

/* Helpers ----------------------------------------------------------------------- */

static GtkWindow *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && DN_IS_FORM_DIALOG (window))
        return window;
    }
  return NULL;
}

static gboolean
label_has (GtkWidget  *label,
           const char *text)
{
  return gtk_widget_get_visible (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL;
}

static gint64
count_progress (DnStore *store,
                gint64   task_id)
{
  return dn_test_query_int (store, "SELECT count(*) FROM progress WHERE task_id = %" G_GINT64_FORMAT, task_id);
}

/* Forms through a writer that waits -------------------------------------------- */

static void
test_progress_held (DnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, NULL);
  g_autoptr(TestHeldWriter) writer = g_object_new (TEST_TYPE_HELD_WRITER, NULL);
  gint64 office = dn_test_add_unit (fixture->store, "PGDBT", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  GDate due = dn_test_date (2026, 12, 31);
  gint64 id = dn_test_add_task (fixture->store, "Báo cáo công tác hội nhập quốc tế", office, &due, NULL);
  DnTaskDetails *details;
  GtkWindow *dialog;
  GtkWidget *note;

  writer->store = g_object_ref (fixture->store);
  dn_window_context_set_writer (context, DN_WRITER (writer));
  details = dn_task_details_new (fixture->store, id);
  dn_window_context_attach (GTK_WIDGET (details), context);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.add-progress", NULL));
  dn_ui_spin (0);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dn_ui_get_named (dialog, "dialog_percent")), 60);
  note = dn_ui_get_named (dialog, "dialog_note");
  gtk_editable_set_text (GTK_EDITABLE (note), "Đã gửi kế hoạch");

  /* sent: the form says so and waits, nothing written yet */
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_form_dialog_is_saving (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (writer->held);
  g_assert_false (gtk_widget_get_sensitive (dn_ui_get_named (dialog, "dialog_ok")));
  g_assert_true (label_has (dn_ui_get_named (dialog, "dialog_error"), "Saving"));
  g_assert_cmpint (count_progress (fixture->store, id), ==, 0);
  /* pressing Save again sends nothing more (the writer holds one) */
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));

  /* refused: the form stays, with the input and why */
  release (writer, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE,
                                        "Không kết nối được máy chủ của Sở."));
  g_assert_true (find_dialog (GTK_WINDOW (details)) == dialog);
  g_assert_false (dn_form_dialog_is_saving (DN_FORM_DIALOG (dialog)));
  g_assert_true (label_has (dn_ui_get_named (dialog, "dialog_error"), "Không kết nối được"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "Đã gửi kế hoạch");
  g_assert_true (gtk_widget_get_sensitive (dn_ui_get_named (dialog, "dialog_ok")));
  g_assert_cmpint (count_progress (fixture->store, id), ==, 0);

  /* sent again and written: the form closes, the details show it */
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  release (writer, NULL);
  g_assert_null (find_dialog (GTK_WINDOW (details)));
  g_assert_cmpint (count_progress (fixture->store, id), ==, 1);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT percent FROM progress WHERE task_id = %" G_GINT64_FORMAT,
                                      id), ==, 60);

  /* closing a form while its write is under way stops waiting for it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.add-progress", NULL));
  dn_ui_spin (0);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  dn_ui_spin (0);
  release (writer, NULL);

  /* the writer cannot undo: no undo offered */
  g_assert_false (dn_window_context_can_undo (context));
  dn_ui_destroy_all_windows ();
}

/* The editor and someone else's save ------------------------------------------- */

static gint64 saved_id;

static void
on_saved_cb (DnTaskEditor *editor,
             gint64        id)
{
  saved_id = id;
}

static void
test_editor_conflict (DnTestStore   *fixture,
                      gconstpointer  data)
{
  gint64 office = dn_test_add_unit (fixture->store, "PGDBT", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  GDate due = dn_test_date (2026, 12, 31);
  gint64 id = dn_test_add_task (fixture->store, "Đón đoàn KOICA", office, &due, NULL);
  g_autoptr(DnTask) task = dn_store_get_task (fixture->store, id, NULL);
  g_autoptr(DnTask) after = NULL;
  DnTaskEditor *editor = dn_task_editor_new (fixture->store, task);
  GtkWidget *title = dn_ui_get_by_label (editor, "Title");
  GtkWidget *error = dn_ui_get_named (editor, "store_error");
  gint64 revision;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), NULL);
  gtk_window_present (GTK_WINDOW (editor));
  dn_ui_spin (0);
  g_object_ref (editor);
  gtk_editable_set_text (GTK_EDITABLE (title), "Đón đoàn KOICA tháng 5");

  /* another officer saves first */
  dn_test_exec (fixture->store, "UPDATE task SET title = 'Đón và làm việc với đoàn KOICA', due_date = '2026-11-30' "
                "WHERE id = %" G_GINT64_FORMAT, id);
  revision = dn_store_get_revision (fixture->store);
  g_assert_false (dn_task_editor_save (editor));
  g_assert_cmpint (dn_store_get_revision (fixture->store), ==, revision);
  g_assert_cmpint (saved_id, ==, 0);
  /* both versions: theirs in the message, mine in the form */
  g_assert_true (label_has (error, "Someone else saved this task"));
  g_assert_true (label_has (error, "Đón và làm việc với đoàn KOICA"));
  g_assert_true (label_has (error, "30/11/2026"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Đón đoàn KOICA tháng 5");
  g_assert_true (gtk_widget_is_visible (dn_ui_get_named (editor, "take_theirs")));

  /* keep theirs: the form shows it, and saving it again is no conflict */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.take-theirs", NULL));
  dn_ui_spin (0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Đón và làm việc với đoàn KOICA");
  g_assert_false (gtk_widget_is_visible (dn_ui_get_named (editor, "take_theirs")));

  /* another change by them, then mine saved over it, knowingly */
  gtk_editable_set_text (GTK_EDITABLE (title), "Đón đoàn KOICA (bản của tôi)");
  dn_test_exec (fixture->store, "UPDATE task SET description = 'Ghi chú của họ' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_false (dn_task_editor_save (editor));
  g_assert_true (label_has (error, "The description"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-mine", NULL));
  dn_ui_spin (0);
  g_assert_cmpint (saved_id, ==, id);
  after = dn_store_get_task (fixture->store, id, NULL);
  g_assert_cmpstr (after->title, ==, "Đón đoàn KOICA (bản của tôi)");
  /* theirs was taken into the form before: their deadline stays */
  g_assert_cmpint (g_date_get_month (&after->due_date), ==, 11);
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/task-writes/progress-held", test_progress_held);
  DN_TEST_ADD ("/task-writes/editor-conflict", test_editor_conflict);

  return g_test_run ();
}
