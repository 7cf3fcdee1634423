/* test-backup-dialog.c: the window's backup and restore (win.backup, win.restore)
 * through their dialog, the file set as the file chooser would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-backup-dialog"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "dn-backup-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"
#include "dn-window-context.h"

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_idle (gpointer dialog)
{
  return !dn_backup_dialog_is_running (dialog);
}

/* The button showing @text (its label without the access key). */
static GtkWidget *
button_showing (GtkWidget  *root,
                const char *text)
{
  GtkWidget *label = dn_ui_find_text (root, text);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

/* Opens the dialog of @action, chooses @path, starts; confirms when asked.
 * Returns the dialog once the work is over. */
static DnBackupDialog *
run_dialog (DnWindow   *window,
            const char *action,
            const char *path,
            const char *start_text)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DnBackupDialog *dialog;
  GtkWidget *start;
  GtkWindow *confirm;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dn_ui_spin (50);
  dialog = DN_BACKUP_DIALOG (dn_ui_find_window (DN_TYPE_BACKUP_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* its title is also its heading */
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), gtk_window_get_title (GTK_WINDOW (dialog))));
  start = button_showing (GTK_WIDGET (dialog), start_text);
  /* nothing to start before a file is chosen */
  g_assert_false (gtk_widget_get_sensitive (start));
  g_object_set (dialog, "file", file, NULL);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), path));
  dn_ui_click (start);

  confirm = dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG);
  if (g_str_equal (action, "win.restore"))
    {
      /* what will be replaced is said first, and nothing runs yet */
      g_assert_nonnull (confirm);
      g_assert_false (dn_backup_dialog_is_running (dialog));
      g_assert_nonnull (dn_ui_find (GTK_WIDGET (confirm), label_contains, ".before-restore"));
      gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
    }
  else
    g_assert_null (confirm);
  g_assert_true (dn_ui_wait_until (is_idle, dialog, 30000));
  dn_ui_spin (50);
  return dialog;
}

static void
count_changed (guint *count)
{
  (*count)++;
}

/* An undo step of the data before a restore: never to be run after it. */
static gboolean
undo_not_after_restore (DnStore  *store,
                        gpointer  data,
                        GError  **error)
{
  g_assert_not_reached ();
  return FALSE;
}

static void
test_backup_restore (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "sao-luu.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "ghi-chu.txt", NULL);
  g_autofree char *before = g_strconcat (fixture->path, ".before-restore", NULL);
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnWindowContext *context = dn_window_context_provider_get_context (DN_WINDOW_CONTEXT_PROVIDER (window));
  DnBackupDialog *dialog;
  guint changed = 0;
  gint64 tasks;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  dn_ui_spin (50);
  tasks = dn_store_count (fixture->store, DN_RECORD_TASK, NULL);
  g_assert_cmpint (tasks, >, 0);
  dn_window_context_push_undo (context, "Task deleted", undo_not_after_restore, NULL, NULL);

  /* back up */
  dialog = run_dialog (window, "win.backup", backup, "Back Up");
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "The backup was written to"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  /* a backup changes no data: the undo step stays */
  g_assert_true (dn_window_context_can_undo (context));
  /* done: only Close is left */
  dn_ui_click (button_showing (GTK_WIDGET (dialog), "Close"));
  g_assert_null (dn_ui_find_window (DN_TYPE_BACKUP_DIALOG));

  /* the data changes, then comes back */
  dn_test_exec (fixture->store, "UPDATE task SET deleted = 1");
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);
  g_signal_connect_swapped (fixture->store, "changed", G_CALLBACK (count_changed), &changed);
  dialog = run_dialog (window, "win.restore", backup, "Restore…");
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "The data was restored from"));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, tasks);
  /* the window was told to read everything again, and its undo step, of
   * the data replaced, is gone */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (dn_window_context_can_undo (context));
  g_assert_true (g_file_test (before, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a file that is no backup: said in the dialog, nothing changes */
  dn_test_write_file (text, "Không phải bản sao lưu", -1);
  dn_test_exec (fixture->store, "UPDATE task SET deleted = 1 WHERE id = (SELECT min(id) FROM task)");
  changed = 0;
  dialog = run_dialog (window, "win.restore", text, "Restore…");
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "is not a Đối Ngoại database"));
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "Nothing was restored"));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, tasks - 1);
  g_assert_cmpuint (changed, ==, 0);
  /* it can be tried again with another file */
  g_assert_true (gtk_widget_get_sensitive (button_showing (GTK_WIDGET (dialog), "Restore…")));
  {
    g_autofree char *mnemonics = dn_ui_mnemonics_used_twice (GTK_WINDOW (dialog));
    g_assert_cmpstr (mnemonics, ==, "");
  }

  g_signal_handlers_disconnect_by_func (fixture->store, count_changed, &changed);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

/* The database itself is refused as the backup file. */
static void
test_backup_refuses_database (DnTestStore   *fixture,
                              gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnBackupDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  dialog = run_dialog (window, "win.backup", fixture->path, "Back Up");
  g_assert_nonnull (dn_ui_find (GTK_WIDGET (dialog), label_contains, "is the database in use"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);

  DN_TEST_ADD ("/backup/dialog/backup-restore", test_backup_restore);
  DN_TEST_ADD ("/backup/dialog/refuses-database", test_backup_refuses_database);
  return g_test_run ();
}
