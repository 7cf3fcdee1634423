/* test-server-delegation-steps.c: a delegation's steps and its passports
 * through the API on loopback (dn-server-delegation-steps.c): each step
 * made, who may take it, bad bodies, a stale revision, a warning then
 * confirmed; nothing written whenever refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-delegation-steps"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

/* An outbound delegation of @unit, 2026-04-01 to 2026-04-05, @status
 * (the database's word), with @decision (0: none): its id */
static gint64
add_trip (DnServerFixture *f,
          const char      *title,
          gint64           unit,
          const char      *status,
          gint64           decision)
{
  if (decision > 0)
    dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status, "
                                 "decision_document_id) VALUES ('outbound', '%s', %" G_GINT64_FORMAT ", '2026-04-01', "
                                 "'2026-04-05', '%s', %" G_GINT64_FORMAT ")", title, unit, status, decision);
  else
    dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status) "
                                 "VALUES ('outbound', '%s', %" G_GINT64_FORMAT ", '2026-04-01', '2026-04-05', '%s')",
                  title, unit, status);
  return dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation");
}

static const char *
answer_text (DnAnswer   *answer,
             const char *member)
{
  return json_object_get_string_member_with_default (dn_answer_object (answer), member, NULL);
}

/* proposed → approved → abroad → returned → reported, and a cancellation:
 * by the department and by the unit officer of the delegation's unit */
static void
test_steps (DnServerFixture *f,
            gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *sapa = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 decision = dn_test_add_document (f->base.store, "14", "QĐ-SGD", "Cử đoàn ra Hàn Quốc", NULL);
  gint64 report = dn_test_add_document (f->base.store, "2", "BC-THBX", "Báo cáo kết quả chuyến đi", NULL);
  gint64 trip = add_trip (f, "Đoàn ra Hàn Quốc", f->school, "planned", 0);
  gint64 other = add_trip (f, "Đoàn ra Nhật Bản", f->other, "planned", 0);
  gint64 secret, log, revision;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  dn_server_test_add_account (f, "sapa", f->other, DN_ACCOUNT_ROLE_UNIT);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  sapa = dn_server_test_sign_in (f, "sapa", DN_SERVER_TEST_PASSWORD);
  dn_test_exec (f->base.store, "INSERT INTO document (direction, type, subject, classification) VALUES "
                               "('incoming', 'decision', 'Quyết định mật', 'mat')");
  secret = dn_test_query_int (f->base.store, "SELECT max(id) FROM document");
  path = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT "/status", trip);
  other_path = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT "/status", other);
  revision = dn_server_test_row_revision (f, "delegation", trip);

  /* bad bodies, refused steps, no rights: nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"flying\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"proposed\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\", \"document_id\": \"14\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\", \"document_id\": -3}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"cancelled\", \"date\": \"2026-04-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"abroad\", \"document_id\": %" G_GINT64_FORMAT "}",
                       decision);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"returned\", \"date\": \"2026-02-30\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\", \"reason\": \"x\"}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  /* the store's rules: no decision yet; not approved, so not abroad */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer),
                                                                                          "error"), "message"),
                            "decision"));
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"abroad\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\", \"document_id\": 999}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  /* who may not */
  dn_server_test_send (f, "POST", reader, &answer, path, "{\"status\": \"cancelled\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", sapa, &answer, path, "{\"status\": \"cancelled\"}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", batxat, &answer, other_path, "{\"status\": \"cancelled\"}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", batxat, &answer, path, "{\"status\": \"approved\", \"document_id\": %"
                                                         G_GINT64_FORMAT "}", secret);
  dn_server_test_assert_error (&answer, 404, "not-found");
  /* read at another revision */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\", \"document_id\": %" G_GINT64_FORMAT
                                                     ", \"revision\": %" G_GINT64_FORMAT "}", decision, revision + 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                               "id"), ==, trip);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  /* the other office's delegation, seen through a teacher of the school,
   * is not the unit officer's to move */
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, guest_name, unit_id) VALUES (%"
                G_GINT64_FORMAT ", 'Lê Minh Cường', %" G_GINT64_FORMAT ")", other, f->school);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, other_path, "{\"status\": \"cancelled\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  /* the unit officer approves its school's delegation at the revision read */
  dn_server_test_send (f, "POST", batxat, &answer, path, "{\"status\": \"approved\", \"document_id\": %" G_GINT64_FORMAT
                                                         ", \"revision\": %" G_GINT64_FORMAT "}", decision, revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer_text (&answer, "status"), ==, "approved");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "decision_document_id"), ==, decision);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "revision"), >, revision);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT actor FROM change_log WHERE table_name = "
                                                                  "'delegation' ORDER BY revision DESC"), ==, "batxat");
  /* the same step again: the store refuses it */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"approved\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");

  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"abroad\"}");
  g_assert_cmpuint (answer.status, ==, 200);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT status FROM delegation WHERE id = %"
                                                   G_GINT64_FORMAT, trip), ==, "ongoing");
  /* back a day late: the end moves, the report falls due from it */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"returned\", \"date\": \"2026-04-06\"}");
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer_text (&answer, "end_date"), ==, "2026-04-06");
  g_assert_nonnull (answer_text (&answer, "report_due_date"));
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"reported\", \"date\": \"2026-04-02\", "
                                                     "\"document_id\": %" G_GINT64_FORMAT "}", report);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"reported\", \"date\": \"2026-04-20\", "
                                                     "\"document_id\": %" G_GINT64_FORMAT "}", report);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer_text (&answer, "report_submitted_on"), ==, "2026-04-20");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "report_document_id"), ==, report);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"status\": \"cancelled\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");

  /* a proposed one cancelled by the department */
  dn_server_test_send (f, "POST", so, &answer, other_path, "{\"status\": \"cancelled\", \"revision\": %"
                                                           G_GINT64_FORMAT "}",
                       dn_server_test_row_revision (f, "delegation", other));
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer_text (&answer, "status"), ==, "cancelled");
}

/* The passports of a whole delegation: the department's; a warning
 * confirmed, then every one taken back */
static void
test_passports (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *sapa = NULL;
  g_autofree char *out = NULL;
  g_autofree char *back = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  gint64 head = dn_test_add_person (f->base.store, "Phạm", "Thu", "Hà", f->school);
  gint64 decision = dn_test_add_document (f->base.store, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
  gint64 trip = add_trip (f, "Đoàn ra Hàn Quốc", f->school, "approved", decision);
  gint64 log, revision;
  JsonArray *loans;

  dn_server_test_add_account (f, "sapa", f->other, DN_ACCOUNT_ROLE_UNIT);
  sapa = dn_server_test_sign_in (f, "sapa", DN_SERVER_TEST_PASSWORD);
  /* the teacher's passport expires two months after the trip: a warning */
  dn_test_exec (f->base.store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                               "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2019-01-01', '2026-06-01'), "
                               "(%" G_GINT64_FORMAT ", 'official', 'C1000002', '2024-01-01', '2034-01-01')",
                teacher, head);
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES "
                "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", (SELECT id FROM passport WHERE number = 'C1000001')), "
                "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", (SELECT id FROM passport WHERE number = 'C1000002'))",
                trip, teacher, trip, head);
  out = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT "/passports", trip);
  back = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT "/passports/return", trip);
  revision = dn_server_test_row_revision (f, "delegation", trip);

  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, out, "{\"handed_out_on\": \"2026-03-25\", \"confirmed\": true}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", sapa, &answer, out, "{\"handed_out_on\": \"2026-03-25\", \"confirmed\": true}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", so, &answer, "/delegations/999/passports", "{\"handed_out_on\": \"2026-03-25\"}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", so, &answer, out, "{}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"25/03/2026\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"2026-03-25\", \"confirmed\": \"yes\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"2026-03-25\", \"handed_to\": \"x\"}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": \"2026-04-08\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  /* the warning names the passport; all or nothing */
  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"2026-03-25\"}");
  dn_server_test_assert_error (&answer, 400, "warning");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer),
                                                                                          "error"), "message"),
                            "C1000001"));
  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"2026-03-25\", \"confirmed\": true, "
                                                    "\"revision\": %" G_GINT64_FORMAT "}", revision + 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM passport_loan"), ==, 0);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"2026-03-25\", \"confirmed\": true, "
                                                    "\"handed_by\": \"Nguyễn Văn An (Chuyên viên)\", "
                                                    "\"revision\": %" G_GINT64_FORMAT "}", revision);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "delegation_id"), ==, trip);
  loans = json_object_get_array_member (dn_answer_object (&answer), "loans");
  g_assert_cmpuint (json_array_get_length (loans), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (loans, 0), "handed_by"), ==,
                   "Nguyễn Văn An (Chuyên viên)");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (loans, 1), "handed_out_on"), ==,
                   "2026-03-25");
  /* out already: the store refuses, nothing more written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, out, "{\"handed_out_on\": \"2026-03-26\", \"confirmed\": true}");
  dn_server_test_assert_error (&answer, 400, "invalid");

  dn_server_test_send (f, "POST", batxat, &answer, back, "{\"returned_on\": \"2026-04-08\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": null}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": \"2026-03-20\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": \"2026-04-08\", \"revision\": 1}");
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": \"2026-04-08\", \"received_by\": null, "
                                                     "\"exemption_reason\": \"Ốm\", \"excused_by\": \"Giám đốc\"}");
  g_assert_cmpuint (answer.status, ==, 200);
  loans = json_object_get_array_member (dn_answer_object (&answer), "loans");
  g_assert_cmpuint (json_array_get_length (loans), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *loan = json_array_get_object_element (loans, i);

      g_assert_cmpstr (json_object_get_string_member (loan, "returned_on"), ==, "2026-04-08");
      g_assert_cmpstr (json_object_get_string_member (loan, "received_by"), ==, "so");
    }
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM passport_loan WHERE returned_on IS NULL"),
                   ==, 0);
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": \"2026-04-09\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-delegation-steps/steps", test_steps);
  DN_SERVER_TEST_ADD ("/server-delegation-steps/passports", test_passports);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
