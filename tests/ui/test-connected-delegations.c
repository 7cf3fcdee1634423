/* test-connected-delegations.c: a delegation's steps and its passports
 * from the windows of two desktops connected to one department server
 * (dn-desktop-test-utils.h): each form waits for the server, a conflict
 * and a warning told in the form, a step outside the caller's rights
 * refused with the input kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-chooser.h"
#include "dn-date-entry.h"
#include "dn-delegation-actions.h"
#include "dn-desktop-test-utils.h"
#include "dn-form-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"

static gboolean
abroad_in_replica (gpointer data)
{
  DnDesktop *d = data;

  return dn_test_query_int (d->replica, "SELECT count(*) FROM delegation WHERE status = 'ongoing'") == 1;
}

/* A delegation's steps and passports from the windows of two desktops:
 * the department approves it (told first that someone changed it
 * meanwhile), hands out its passports (a warning, then Hand Out Anyway);
 * the school's officer records its departure and return but may not take
 * the passports back, which the department does */
static void
test_connected_delegation_steps (DnDesktopFixture *f,
                                 gconstpointer     data)
{
  DnStore *server = f->server_store.store;
  DnDesktop department = { 0 }, school = { 0 };
  gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->school);
  gint64 decision = dn_test_add_document (server, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
  DnFormDialog *form;
  gint64 trip;

  dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                        "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2019-01-01', '2026-06-01')", teacher);
  dn_test_exec (server, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status) VALUES "
                        "('outbound', 'Đoàn ra Hàn Quốc', %" G_GINT64_FORMAT ", '2026-04-01', '2026-04-05', "
                        "'planned')", f->school);
  trip = dn_test_query_int (server, "SELECT max(id) FROM delegation");
  dn_test_exec (server, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES (%"
                G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", (SELECT id FROM passport WHERE number = 'C1000001'))",
                trip, teacher);
  dn_desktop_open (f, &department, "so");
  dn_desktop_open (f, &school, "thbx");

  form = dn_delegation_change_status (GTK_WIDGET (department.window), department.replica, trip,
                                      DN_DELEGATION_APPROVED);
  dn_ui_spin (0);
  dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (form, "Decision")), decision);
  dn_test_exec (server, "UPDATE delegation SET notes = 'Thêm lịch làm việc' WHERE id = %" G_GINT64_FORMAT, trip);
  g_assert_false (dn_desktop_save_and_wait (form));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (form), "changed"));
  dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT status FROM delegation"), ==, "planned");
  g_assert_true (dn_desktop_save_and_wait (form));
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM delegation WHERE status = 'approved' AND "
                                      "decision_document_id = %" G_GINT64_FORMAT, decision), ==, 1);

  form = dn_delegation_hand_out_passports (GTK_WIDGET (department.window), department.replica, trip);
  dn_ui_spin (0);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (form, "Day handed out")),
                          (GDate[]) { dn_test_date (2026, 3, 25) });
  dn_ui_set_text (form, "Handed by", "Lê Thị Hoa");
  g_assert_false (dn_desktop_save_and_wait (form));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (form), "C1000001"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (form))), ==,
                   "Hand Out _Anyway");
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan"), ==, 0);
  g_assert_true (dn_desktop_save_and_wait (form));
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan WHERE delegation_id = %"
                                      G_GINT64_FORMAT " AND handed_by = 'Lê Thị Hoa'", trip), ==, 1);

  /* the school's officer: departed (no form), then back a day late */
  dn_desktop_sync (&school);
  g_assert_null (dn_delegation_change_status (GTK_WIDGET (school.window), school.replica, trip,
                                              DN_DELEGATION_ABROAD));
  g_assert_true (dn_ui_wait_until (abroad_in_replica, &school, 10000));
  dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT status FROM delegation"), ==, "ongoing");
  form = dn_delegation_change_status (GTK_WIDGET (school.window), school.replica, trip, DN_DELEGATION_RETURNED);
  dn_ui_spin (0);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (form, "Day of return")),
                          (GDate[]) { dn_test_date (2026, 4, 6) });
  g_assert_true (dn_desktop_save_and_wait (form));
  dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT end_date FROM delegation"), ==, "2026-04-06");
  /* the passports are the department's to take in: said, the input kept */
  form = dn_delegation_take_back_passports (GTK_WIDGET (school.window), school.replica, trip);
  dn_ui_spin (0);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (form, "Return date")),
                          (GDate[]) { dn_test_date (2026, 4, 8) });
  g_assert_false (dn_desktop_save_and_wait (form));
  gtk_window_destroy (GTK_WINDOW (form));
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan WHERE returned_on IS NULL"), ==, 1);

  dn_desktop_sync (&department);
  form = dn_delegation_take_back_passports (GTK_WIDGET (department.window), department.replica, trip);
  dn_ui_spin (0);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (form, "Return date")),
                          (GDate[]) { dn_test_date (2026, 4, 8) });
  dn_ui_set_text (form, "Taken in by", "Lê Thị Hoa");
  g_assert_true (dn_desktop_save_and_wait (form));
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan WHERE returned_on = '2026-04-08' "
                                      "AND received_by = 'Lê Thị Hoa'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM passport_loan WHERE "
                                      "returned_on = '2026-04-08'"), ==, 1);

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
  g_test_add ("/connected-delegations/steps", DnDesktopFixture, NULL, dn_desktop_fixture_setup,
              test_connected_delegation_steps, dn_desktop_fixture_teardown);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
