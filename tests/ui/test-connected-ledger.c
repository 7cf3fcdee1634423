/* test-connected-ledger.c: the department's ledgers from the window of a
 * desktop connected to the department server (dn-desktop-test-utils.h):
 * a passport's extension, a document numbered in its register by the
 * server (a duplicate saved anyway once told), a school's report received
 * with its PDF sent first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-date.h"
#include "dn-desktop-test-utils.h"
#include "dn-document-register-form.h"
#include "dn-form-dialog.h"
#include "dn-passport-forms.h"
#include "dn-report-receipt-form.h"
#include "dn-store-owed-reports.h"
#include "dn-store-passports.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"

static void
test_connected_ledgers (DnDesktopFixture *f,
                        gconstpointer     data)
{
  DnStore *server = f->server_store.store;
  DnDesktop department = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->school);
  gint64 passport_id;
  GDate today;

  dn_date_today (&today);
  dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                        "(%" G_GINT64_FORMAT ", 'official', 'C2000002', '2021-01-01', '2027-01-01')", teacher);
  passport_id = dn_test_query_int (server, "SELECT id FROM passport WHERE number = 'C2000002'");
  dn_desktop_open (f, &department, "so");

  /* the department records a passport's extension */
  {
    g_autoptr(DnPassport) passport = dn_store_get_passport (department.replica, passport_id, &error);
    DnFormDialog *form;

    g_assert_no_error (error);
    form = dn_passport_forms_extend (GTK_WIDGET (department.window), department.replica, passport);
    dn_ui_spin (0);
    dn_ui_set_text (form, "New expiry date", "1/6/2029");
    dn_ui_set_text (form, "Decision or letter", "QĐ 5/CLS");
    g_assert_true (dn_desktop_save_and_wait (form));
    dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT expiry_date FROM passport WHERE id = %"
                                                     G_GINT64_FORMAT, passport_id), ==, "2029-06-01");
    g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM passport_event WHERE kind = "
                                        "'extended' AND letter = 'QĐ 5/CLS'"), ==, 1);
  }

  /* the department registers a document: numbered by the server; the
   * same number and symbol again asks to be saved anyway */
  {
    DnFormDialog *form = dn_document_register_form_new (GTK_WINDOW (department.window), department.replica, 0,
                                                        DN_DIRECTION_OUTGOING, &today, NULL, NULL, &error);
    g_autofree char *number = NULL;

    g_assert_no_error (error);
    dn_desktop_present_over (GTK_WINDOW (form), &department);
    dn_ui_set_text (form, "Subject", "Kế hoạch hợp tác");
    dn_ui_set_text (form, "Symbol", "KH-SGDĐT");
    g_assert_true (dn_desktop_save_and_wait (form));
    number = dn_test_query_text (server, "SELECT number FROM document WHERE subject = 'Kế hoạch hợp tác'");
    g_assert_cmpstr (number, !=, "");
    dn_test_assert_owned_cmpstr (dn_test_query_text (department.replica, "SELECT number FROM document WHERE "
                                                     "subject = 'Kế hoạch hợp tác'"), ==, number);
    form = dn_document_register_form_new (GTK_WINDOW (department.window), department.replica, 0,
                                          DN_DIRECTION_OUTGOING, &today, NULL, NULL, &error);
    g_assert_no_error (error);
    dn_desktop_present_over (GTK_WINDOW (form), &department);
    dn_ui_set_text (form, "Subject", "Bản trùng");
    dn_ui_set_text (form, "Number", number);
    dn_ui_set_text (form, "Symbol", "KH-SGDĐT");
    g_assert_false (dn_desktop_save_and_wait (form));
    g_assert_nonnull (strstr (dn_form_dialog_get_error (form), "already in the register"));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (form))), ==, "Save _Anyway");
    g_assert_true (dn_desktop_save_and_wait (form));
    g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM document WHERE symbol = 'KH-SGDĐT'"), ==, 2);
  }

  /* and a school's quarterly report received with its PDF: the file sent
   * first, entered in the register on the server with the file attached */
  {
    g_autoptr(DnTask) task = dn_task_new ();
    g_autoptr(GPtrArray) owed = NULL;
    g_autofree char *pdf = g_build_filename (f->dir, "bao-cao-quy.pdf", NULL);
    DnOwedQuery query;
    DnFormDialog *form;

    g_free (task->title);
    task->title = g_strdup ("Báo cáo quý công tác đối ngoại");
    task->recurrence = DN_RECURRENCE_QUARTERLY;
    task->due_date = today;
    task->lead_unit_id = f->school;
    g_assert_true (dn_store_add_task (server, task, &error));
    g_assert_no_error (error);
    dn_desktop_sync (&department);
    dn_owed_query_init (&query);
    query.unit_id = f->school;
    owed = dn_store_list_owed_reports (department.replica, &query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (owed->len, ==, 1);
    g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n%%EOF\n", -1, NULL));
    form = dn_report_receipt_form_present (GTK_WIDGET (department.window), department.replica, owed->pdata[0]);
    dn_ui_spin (0);
    gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (form, "receipt-pdf")), pdf);
    g_assert_true (dn_desktop_save_and_wait (form));
    g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM report_receipt r JOIN document_attachment da "
                                        "ON da.document_id = r.document_id WHERE r.task_id = %" G_GINT64_FORMAT,
                                        task->id), ==, 1);
    g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM report_receipt WHERE task_id = %"
                                        G_GINT64_FORMAT " AND document_id IS NOT NULL", task->id), ==, 1);
  }

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
  g_test_add ("/connected-ledger/ledgers", DnDesktopFixture, NULL, dn_desktop_fixture_setup, test_connected_ledgers,
              dn_desktop_fixture_teardown);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
