/* test-connection-ledger.c: a passport's extension and events and a
 * document numbered in its register, written through the department
 * server by a desktop's connection (dn-connection.h): each in the replica
 * once written, a write read at an old revision a conflict, a duplicate
 * number a warning until confirmed; a report kept, then issued into the
 * outgoing register with its PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connection-ledger"

#include "config.h"

#include <string.h>

#include "dn-connection-test-utils.h"
#include "dn-passport-event.h"
#include "dn-store-changes.h"
#include "dn-store-documents.h"
#include "dn-store-reports.h"
#include "dn-test-utils.h"

/* What happens to a passport, through the server: its extension, then its
 * loss; a write made on an old reading of the passport is a conflict, the
 * replica then showing the passport now */
static void
test_connection_passport_events (DnConnectionFixture *f,
                                 gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) extend = dn_write_new (DN_WRITE_EXTEND_PASSPORT);
  g_autoptr(DnWrite) lose = dn_write_new (DN_WRITE_ADD_PASSPORT_EVENT);
  DnStore *server = f->server.base.store;
  gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->server.school);
  DnPassportEvent *event;
  gint64 passport, read_at;

  dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                        "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2024-01-01', '2029-01-01')", teacher);
  passport = dn_test_query_int (server, "SELECT id FROM passport WHERE number = 'C1000001'");
  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  read_at = dn_store_get_row_revision (f->replica.store, "passport", passport, &error);
  g_assert_no_error (error);

  event = dn_passport_event_new ();
  extend->record = G_OBJECT (event);
  event->passport_id = passport;
  event->kind = DN_PASSPORT_EVENT_EXTENDED;
  event->on_date = dn_test_date (2026, 6, 1);
  g_free (event->letter);
  event->letter = g_strdup ("QĐ 5/CLS");
  extend->date = dn_test_date (2031, 1, 1);
  extend->revision = read_at;
  g_assert_true (dn_connection_test_write (f, extend, &error));
  g_assert_no_error (error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT expiry_date || ' ' || extension_count "
                                                   "FROM passport WHERE id = %" G_GINT64_FORMAT, passport),
                               ==, "2031-01-01 1");
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_event WHERE kind = 'extended' "
                                      "AND letter = 'QĐ 5/CLS' AND recorded_by = 'so'"), ==, 1);

  /* the loss written on the reading before the extension */
  event = dn_passport_event_new ();
  lose->record = G_OBJECT (event);
  event->passport_id = passport;
  event->kind = DN_PASSPORT_EVENT_LOST;
  event->on_date = dn_test_date (2026, 7, 1);
  g_free (event->letter);
  event->letter = g_strdup ("CV 21/CA");
  lose->revision = read_at;
  g_assert_false (dn_connection_test_write (f, lose, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_event WHERE kind = 'lost'"), ==, 0);
  lose->revision = dn_store_get_row_revision (f->replica.store, "passport", passport, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lose->revision, >, read_at);
  g_assert_true (dn_connection_test_write (f, lose, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lose->made_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_event WHERE id = %"
                                      G_GINT64_FORMAT " AND kind = 'lost'", lose->made_id), ==, 1);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT status FROM passport WHERE id = %"
                                                   G_GINT64_FORMAT, passport), ==, "lost");
}

/* A document numbered in its register by the server: the number it gave
 * comes back in the record and in the replica; a duplicate waits for its
 * confirmation */
static void
test_connection_document_register (DnConnectionFixture *f,
                                   gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) plan = dn_document_new ();
  g_autoptr(DnDocument) again = dn_document_new ();
  g_autoptr(DnWrite) first = dn_write_new (DN_WRITE_REGISTER_DOCUMENT);
  g_autoptr(DnWrite) second = dn_write_new (DN_WRITE_REGISTER_DOCUMENT);
  DnDocument *docs[] = { plan, again };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      docs[i]->direction = DN_DIRECTION_OUTGOING;
      docs[i]->type = DN_DOCUMENT_TYPE_PLAN;
      g_free (docs[i]->subject);
      docs[i]->subject = g_strdup ("Kế hoạch hợp tác");
      g_free (docs[i]->symbol);
      docs[i]->symbol = g_strdup ("KH-SGDĐT");
      docs[i]->issue_date = dn_test_date (2026, 3, 2);
    }
  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  first->record = G_OBJECT (g_object_ref (plan));
  g_assert_true (dn_connection_test_write (f, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan->id, >, 0);
  g_assert_cmpint (first->made_id, ==, plan->id);
  g_assert_cmpstr (plan->number, ==, "01");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT number FROM document WHERE id = %"
                                                   G_GINT64_FORMAT, plan->id), ==, "01");

  g_free (again->number);
  again->number = g_strdup ("01");
  second->record = G_OBJECT (g_object_ref (again));
  g_assert_false (dn_connection_test_write (f, second, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_clear_error (&error);
  g_assert_cmpint (again->id, ==, 0);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM document"), ==, 1);
  second->confirmed = TRUE;
  g_assert_true (dn_connection_test_write (f, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM document WHERE number = '01'"), ==, 2);
}

/* A report kept and issued through the server: its id and its entry in
 * the outgoing register come back, the register's entry and its PDF in
 * the replica; issued again on an old reading, a conflict */
static void
test_connection_report (DnConnectionFixture *f,
                        gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReport) report = dn_report_new ();
  g_autoptr(DnWrite) keep = NULL;
  g_autoptr(DnWrite) issue = dn_write_new (DN_WRITE_ISSUE_REPORT);
  g_autoptr(DnWrite) again = dn_write_new (DN_WRITE_ISSUE_REPORT);
  g_autofree char *dir = dn_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "bao-cao.pdf", NULL);
  gint64 read_at;
  int number;

  dn_test_write_file (path, "%PDF-1.4\n%%EOF\n", -1);
  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  report->kind = DN_REPORT_QUARTER;
  g_free (report->period);
  report->period = g_strdup ("2026-Q1");
  report->unit_id = f->server.department;
  g_free (report->symbol);
  report->symbol = g_strdup ("BC-SGDĐT");
  g_free (report->assessment);
  report->assessment = g_strdup ("Hoàn thành kế hoạch.");
  keep = dn_write_new_save (report, -1);
  g_assert_true (dn_connection_test_write (f, keep, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM report WHERE id = %" G_GINT64_FORMAT
                                      " AND assessment = 'Hoàn thành kế hoạch.'", report->id), ==, 1);

  read_at = dn_store_get_row_revision (f->replica.store, "report", report->id, &error);
  g_assert_no_error (error);
  report->report_date = dn_test_date (2026, 4, 2);
  number = dn_store_next_report_number (f->replica.store, report, &error);
  g_assert_no_error (error);
  issue->record = G_OBJECT (g_object_ref (report));
  issue->number = number;
  issue->reason = g_strdup ("Báo cáo công tác đối ngoại quý I năm 2026");
  issue->file = g_file_new_for_path (path);
  issue->revision = read_at;
  g_assert_true (dn_connection_test_write (f, issue, &error));
  g_assert_no_error (error);
  g_assert_cmpint (issue->made_id, >, 0);
  g_assert_cmpint (report->document_id, ==, issue->made_id);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM document d JOIN document_attachment a "
                                      "ON a.document_id = d.id WHERE d.id = %" G_GINT64_FORMAT " AND d.direction = "
                                      "'outgoing' AND d.issue_date = '2026-04-02'", issue->made_id), ==, 1);

  again->record = G_OBJECT (g_object_ref (report));
  again->number = number + 1;
  again->reason = g_strdup ("Báo cáo công tác đối ngoại quý I năm 2026");
  again->file = g_file_new_for_path (path);
  again->revision = read_at;
  g_assert_false (dn_connection_test_write (f, again, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM document"), ==, 1);
  dn_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_CONNECTION_TEST_ADD ("/connection-ledger/passport-events", test_connection_passport_events);
  DN_CONNECTION_TEST_ADD ("/connection-ledger/document-register", test_connection_document_register);
  DN_CONNECTION_TEST_ADD ("/connection-ledger/report", test_connection_report);
  return g_test_run ();
}
