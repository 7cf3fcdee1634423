/* test-connected-units.c: a unit's new name from a day, its archiving and
 * its merging from the windows of desktops connected to one department
 * server (dn-desktop-test-utils.h): each waits for the server, a conflict
 * told in the form, a school's officer refused with the input kept, no
 * Undo offered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-date-entry.h"
#include "dn-desktop-test-utils.h"
#include "dn-form-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-unit-chooser.h"
#include "dn-unit-dialog.h"
#include "dn-units-page.h"
#include "dn-window-context.h"

typedef struct
{
  DnStore    *store;
  const char *sql;
} Query;

static gboolean
query_holds (gpointer data)
{
  Query *query = data;

  return dn_test_query_int (query->store, "%s", query->sql) == 1;
}

static gboolean
question_open (gpointer data)
{
  return dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A rename dialog of @unit on @d, the new name from 01/07/2026 */
static DnUnitDialog *
rename_dialog (DnDesktop  *d,
               gint64      unit,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  DnUnitDialog *dialog = dn_unit_dialog_new (d->replica, DN_UNIT_DIALOG_RENAME, unit, &error);

  g_assert_no_error (error);
  dn_desktop_present_over (GTK_WINDOW (dialog), d);
  dn_ui_set_text (dialog, "Unit name", name);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (GTK_WIDGET (dialog), "New name effective from")),
                          (GDate[]) { dn_test_date (2026, 7, 1) });
  return dialog;
}

static void
test_connected_unit_steps (DnDesktopFixture *f,
                           gconstpointer     data)
{
  DnStore *server = f->server_store.store;
  DnDesktop department = { 0 }, school = { 0 };
  gint64 branch = dn_test_add_unit (server, "THBX-BV", "Điểm trường Bản Vược", DN_UNIT_KIND_SCHOOL, f->department);
  DnUnitDialog *dialog;
  DnWindowContext *context;
  GtkWidget *page;
  DnFormDialog *merge;
  GDate june = dn_test_date (2026, 6, 30);
  gint64 log;

  dn_desktop_open (f, &department, "so");
  dn_desktop_open (f, &school, "thbx");

  /* the school's officer may not rename a unit: said, the input kept */
  dialog = rename_dialog (&school, f->school, "Trường TH&THCS Bát Xát");
  log = dn_store_get_revision (server);
  g_assert_false (dn_desktop_save_and_wait (dialog));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (GTK_WIDGET (dialog), "Unit name"))), ==,
                   "Trường TH&THCS Bát Xát");
  g_assert_cmpint (dn_store_get_revision (server), ==, log);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the department renames it from July: told first that it changed
   * meanwhile, then saved over it */
  dialog = rename_dialog (&department, f->school, "Trường TH&THCS Bát Xát");
  dn_test_exec (server, "UPDATE unit SET code = 'THBX1' WHERE id = %" G_GINT64_FORMAT, f->school);
  g_assert_false (dn_desktop_save_and_wait (dialog));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)), "changed"));
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM unit_name"), ==, 0);
  g_assert_true (dn_desktop_save_and_wait (dialog));
  dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT name FROM unit WHERE id = %" G_GINT64_FORMAT,
                                                   f->school), ==, "Trường TH&THCS Bát Xát");
  dn_test_assert_owned_cmpstr (dn_store_unit_name_at (department.replica, f->school, &june, NULL), ==,
                               "Trường Tiểu học Bát Xát");

  /* archived from the units page after the question; no Undo offered */
  context = dn_window_context_from_widget (GTK_WIDGET (department.window));
  dn_window_show_section (department.window, "units");
  page = dn_window_get_section_page (department.window, "units");
  dn_ui_spin (50);
  dn_units_page_select_unit (DN_UNITS_PAGE (page), branch);
  dn_ui_spin (50);
  g_assert_cmpint (dn_units_page_get_selected (DN_UNITS_PAGE (page)), ==, branch);
  g_assert_true (gtk_widget_activate_action (page, "units.archive", NULL));
  g_assert_true (dn_ui_wait_until (question_open, NULL, 10000));
  gtk_dialog_response (GTK_DIALOG (dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG)), GTK_RESPONSE_ACCEPT);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT, branch);
    Query archived = { department.replica, sql };

    g_assert_true (dn_ui_wait_until (query_holds, &archived, 10000));
    g_assert_cmpint (dn_test_query_int (server, "%s", sql), ==, 1);
  }
  g_assert_false (dn_window_context_can_undo (context));

  /* restored (selected again, the archived units shown): no question */
  dn_units_page_select_unit (DN_UNITS_PAGE (page), branch);
  dn_ui_spin (50);
  g_assert_cmpint (dn_units_page_get_selected (DN_UNITS_PAGE (page)), ==, branch);
  g_assert_true (gtk_widget_activate_action (page, "units.archive", NULL));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT archived = 0 FROM unit WHERE id = %" G_GINT64_FORMAT, branch);
    Query restored = { department.replica, sql };

    g_assert_true (dn_ui_wait_until (query_holds, &restored, 10000));
    g_assert_cmpint (dn_test_query_int (server, "%s", sql), ==, 1);
  }

  /* the branch merged into the school */
  dn_units_page_select_unit (DN_UNITS_PAGE (page), branch);
  dn_ui_spin (50);
  g_assert_true (gtk_widget_activate_action (page, "units.merge", NULL));
  dn_ui_spin (30);
  merge = DN_FORM_DIALOG (dn_ui_the_visible_window (DN_TYPE_FORM_DIALOG));
  g_assert_true (dn_unit_chooser_pick (DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (merge),
                                                                            "Unit that takes over")), f->school));
  g_assert_true (dn_desktop_save_and_wait (merge));
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM unit_merge WHERE from_id = %" G_GINT64_FORMAT
                                      " AND into_id = %" G_GINT64_FORMAT, branch, f->school), ==, 1);
  g_assert_cmpint (dn_test_query_int (department.replica, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      branch), ==, 1);
  g_assert_false (dn_window_context_can_undo (context));

  dn_desktop_close (&school);
  dn_desktop_close (&department);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = NULL;
  int status;

  dn_ui_test_init_accessible (&argc, &argv);
  user_dirs = dn_test_isolate_user_dirs ();
  g_test_add ("/connected-units/steps", DnDesktopFixture, NULL, dn_desktop_fixture_setup,
              test_connected_unit_steps, dn_desktop_fixture_teardown);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
