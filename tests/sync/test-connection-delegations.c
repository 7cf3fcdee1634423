/* test-connection-delegations.c: a delegation's steps and its passports
 * written through the department server by a desktop's connection
 * (dn-connection.h): each in the replica once written, a warning until
 * confirmed, a step read at an old revision a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connection-delegations"

#include "config.h"

#include <string.h>

#include "dn-connection-test-utils.h"
#include "dn-passport-loan.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

/* A delegation's steps and its passports through the server, each in the
 * replica once written; one read at an old revision is a conflict */
static void
test_connection_delegation_steps (DnConnectionFixture *f,
                                  gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) approve = NULL;
  g_autoptr(DnWrite) stale = NULL;
  g_autoptr(DnWrite) depart = NULL;
  g_autoptr(DnWrite) come_back = NULL;
  g_autoptr(DnWrite) report = NULL;
  g_autoptr(DnWrite) hand_out = dn_write_new (DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS);
  g_autoptr(DnWrite) take_back = dn_write_new (DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS);
  DnStore *server = f->server.base.store;
  gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->server.school);
  gint64 decision = dn_test_add_document (server, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
  gint64 results = dn_test_add_document (server, "2", "BC-THBX", "Báo cáo kết quả", NULL);
  gint64 trip, read_at;
  DnPassportLoan *loan;

  dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                        "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2019-01-01', '2026-06-01')", teacher);
  dn_test_exec (server, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status) VALUES "
                        "('outbound', 'Đoàn ra Hàn Quốc', %" G_GINT64_FORMAT ", '2026-04-01', '2026-04-05', "
                        "'planned')", f->server.school);
  trip = dn_test_query_int (server, "SELECT max(id) FROM delegation");
  dn_test_exec (server, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES (%"
                G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", (SELECT id FROM passport WHERE number = 'C1000001'))",
                trip, teacher);
  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  /* approved at the revision the replica read */
  read_at = dn_store_get_row_revision (f->replica.store, "delegation", trip, NULL);
  g_assert_cmpint (read_at, >, 0);
  approve = dn_write_new_delegation_step (trip, DN_DELEGATION_APPROVED, read_at);
  DN_DELEGATION (approve->record)->decision_document_id = decision;
  g_assert_true (dn_connection_test_write (f, approve, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM delegation WHERE id = %" G_GINT64_FORMAT
                                      " AND status = 'approved' AND decision_document_id = %" G_GINT64_FORMAT,
                                      trip, decision), ==, 1);
  /* a step read before that: a conflict, nothing written */
  stale = dn_write_new_delegation_step (trip, DN_DELEGATION_CANCELLED, read_at);
  g_assert_false (dn_connection_test_write (f, stale, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT status FROM delegation WHERE id = %"
                                                   G_GINT64_FORMAT, trip), ==, "approved");

  /* the passports: a warning, then confirmed */
  loan = dn_passport_loan_new ();
  hand_out->record = G_OBJECT (loan);
  loan->delegation_id = trip;
  loan->handed_out_on = dn_test_date (2026, 3, 25);
  g_free (loan->handed_by);
  loan->handed_by = g_strdup ("Nguyễn Văn An (Chuyên viên)");
  g_assert_false (dn_connection_test_write (f, hand_out, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "C1000001"));
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan"), ==, 0);
  hand_out->confirmed = TRUE;
  g_assert_true (dn_connection_test_write (f, hand_out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_loan WHERE delegation_id = %"
                                      G_GINT64_FORMAT " AND handed_by = 'Nguyễn Văn An (Chuyên viên)' AND "
                                      "returned_on IS NULL", trip), ==, 1);

  depart = dn_write_new_delegation_step (trip, DN_DELEGATION_ABROAD, -1);
  g_assert_true (dn_connection_test_write (f, depart, &error));
  g_assert_no_error (error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT status FROM delegation WHERE id = %"
                                                   G_GINT64_FORMAT, trip), ==, "ongoing");
  come_back = dn_write_new_delegation_step (trip, DN_DELEGATION_RETURNED, -1);
  DN_DELEGATION (come_back->record)->end_date = dn_test_date (2026, 4, 6);
  g_assert_true (dn_connection_test_write (f, come_back, &error));
  g_assert_no_error (error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT end_date FROM delegation WHERE id = %"
                                                   G_GINT64_FORMAT, trip), ==, "2026-04-06");

  loan = dn_passport_loan_new ();
  take_back->record = G_OBJECT (loan);
  loan->delegation_id = trip;
  loan->returned_on = dn_test_date (2026, 4, 8);
  g_assert_true (dn_connection_test_write (f, take_back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_loan WHERE delegation_id = %"
                                      G_GINT64_FORMAT " AND returned_on = '2026-04-08' AND received_by = 'so'",
                                      trip), ==, 1);

  report = dn_write_new_delegation_step (trip, DN_DELEGATION_REPORTED, dn_store_get_row_revision (f->replica.store, "delegation", trip,
                                                                                NULL));
  DN_DELEGATION (report->record)->report_document_id = results;
  DN_DELEGATION (report->record)->report_submitted_on = dn_test_date (2026, 4, 20);
  g_assert_true (dn_connection_test_write (f, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM delegation WHERE id = %" G_GINT64_FORMAT
                                      " AND report_submitted_on = '2026-04-20' AND report_document_id = %"
                                      G_GINT64_FORMAT, trip, results), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  DN_CONNECTION_TEST_ADD ("/connection-delegations/steps", test_connection_delegation_steps);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
