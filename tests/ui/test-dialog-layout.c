/* test-dialog-layout.c: every editor and dialog places its buttons as
 * DnFormDialog does: Cancel at the start of the header bar, the default
 * button (Save, Back Up, Restore…) at its end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialog-layout"

#include "config.h"

#include <gtk/gtk.h>

#include "dn-backup-dialog.h"
#include "dn-form-dialog.h"
#include "dn-person-editor.h"
#include "dn-task-editor.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-unit-dialog.h"

/* Shows @window and asserts its layout: both buttons in the header bar,
 * Cancel left of the other one; then destroys it. */
static void
assert_layout (GtkWindow *window)
{
  GtkWidget *header = gtk_window_get_titlebar (window);
  GtkWidget *cancel;
  GtkWidget *ok;
  graphene_rect_t cancel_bounds, ok_bounds;

  g_assert_nonnull (window);
  gtk_window_present (window);
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  g_assert_true (GTK_IS_HEADER_BAR (header));
  g_assert_false (gtk_header_bar_get_show_title_buttons (GTK_HEADER_BAR (header)));
  cancel = dn_ui_find_named (header, "dialog_cancel");
  ok = dn_ui_find_named (header, "dialog_ok");
  g_assert_true (GTK_IS_BUTTON (cancel));
  g_assert_true (GTK_IS_BUTTON (ok));
  g_assert_true (gtk_widget_get_visible (cancel));
  g_assert_true (gtk_widget_get_visible (ok));
  g_assert_true (gtk_widget_compute_bounds (cancel, GTK_WIDGET (window), &cancel_bounds));
  g_assert_true (gtk_widget_compute_bounds (ok, GTK_WIDGET (window), &ok_bounds));
  /* Cancel at the left edge, the default button at the right edge, on one line */
  g_assert_cmpfloat (cancel_bounds.origin.x + cancel_bounds.size.width, <, ok_bounds.origin.x);
  g_assert_cmpfloat (cancel_bounds.origin.x, <, gtk_widget_get_width (GTK_WIDGET (window)) / 2.0);
  g_assert_cmpfloat (ok_bounds.origin.x, >, gtk_widget_get_width (GTK_WIDGET (window)) / 2.0);
  g_assert_cmpfloat (ABS (cancel_bounds.origin.y - ok_bounds.origin.y), <, 1.0);
  gtk_window_destroy (window);
  dn_ui_spin (10);
}

static void
test_layout (DnTestStore   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);

  assert_layout (GTK_WINDOW (dn_form_dialog_new ("Form", "_Save")));
  assert_layout (GTK_WINDOW (dn_task_editor_new (fixture->store, NULL)));
  assert_layout (GTK_WINDOW (dn_unit_dialog_new (fixture->store, DN_UNIT_DIALOG_ADD, 0, &error)));
  g_assert_no_error (error);
  assert_layout (GTK_WINDOW (dn_person_editor_new (fixture->store, 0, unit, &error)));
  g_assert_no_error (error);
  assert_layout (GTK_WINDOW (dn_backup_dialog_new (fixture->store, FALSE)));
  assert_layout (GTK_WINDOW (dn_backup_dialog_new (fixture->store, TRUE)));
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);

  DN_TEST_ADD ("/dialog-layout/buttons", test_layout);
  return g_test_run ();
}
