/* test-connected-reports.c: the Reports section on a desktop connected
 * to the department server (dn-desktop-test-utils.h): a report kept on
 * the server, reopened, issued into the server's outgoing register with
 * its PDF uploaded, the page waiting for each answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-date.h"
#include "dn-desktop-test-utils.h"
#include "dn-reports-page.h"
#include "dn-store-documents.h"
#include "dn-store-reports.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"

static gboolean
built_cb (gpointer data)
{
  return !dn_reports_page_is_building (data) && dn_reports_page_get_n_pages (data) > 0;
}

static gboolean
kept_cb (gpointer data)
{
  return dn_reports_page_get_report (data) > 0;
}

static gboolean
issued_cb (gpointer data)
{
  DnDesktopFixture *f = data;

  return dn_test_query_int (f->server_store.store, "SELECT count(*) FROM report WHERE document_id IS NOT NULL") == 1;
}

static void
test_connected_reports (DnDesktopFixture *f,
                        gconstpointer     data)
{
  DnStore *server = f->server_store.store;
  DnDesktop department = { 0 };
  GDate today = dn_test_date (2026, 11, 20);
  DnReportsPage *page;
  GtkWindow *dialog;
  gint64 id, document;

  dn_date_set_today (&today);
  dn_desktop_open (f, &department, "so");
  gtk_window_set_default_size (GTK_WINDOW (department.window), 1280, 900);
  dn_window_show_section (department.window, "reports");
  page = DN_REPORTS_PAGE (dn_ui_find_type (GTK_WIDGET (department.window), DN_TYPE_REPORTS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (dn_ui_wait_until (built_cb, page, 20000));

  /* kept: on the server, then in the replica */
  gtk_expander_set_expanded (GTK_EXPANDER (dn_ui_get_named (page, "report-header")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (page, "report-signer-name")), "Nguyễn Văn An");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.save", NULL));
  g_assert_true (dn_ui_wait_until (kept_cb, page, 10000));
  id = dn_reports_page_get_report (page);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM report WHERE id = %" G_GINT64_FORMAT
                                      " AND signer_name = 'Nguyễn Văn An'", id), ==, 1);
  g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM report WHERE id = %"
                                      G_GINT64_FORMAT, id), ==, 1);

  /* changed and issued: kept first, then numbered in the server's register
   * with its PDF */
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (page, "report-signer-name")), "Trần Thị Bình");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "report.issue", NULL));
  dialog = dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (dn_ui_wait_until (issued_cb, f, 20000));
  document = dn_test_query_int (server, "SELECT document_id FROM report WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM report WHERE id = %" G_GINT64_FORMAT
                                      " AND signer_name = 'Trần Thị Bình' AND report_date = '2026-11-20'", id),
                   ==, 1);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM document d JOIN document_attachment a "
                                      "ON a.document_id = d.id WHERE d.id = %" G_GINT64_FORMAT
                                      " AND d.direction = 'outgoing' AND d.type = 'report'", document), ==, 1);
  dn_desktop_sync (&department);
  g_assert_cmpint (dn_test_query_int (department.replica, "SELECT document_id FROM report WHERE id = %"
                                      G_GINT64_FORMAT, id), ==, document);
  dn_ui_spin (50);
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
  g_test_add ("/connected-reports/keep-and-issue", DnDesktopFixture, NULL, dn_desktop_fixture_setup,
              test_connected_reports, dn_desktop_fixture_teardown);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
