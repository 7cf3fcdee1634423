/* test-server-record-writes.c: partners, projects, documents and
 * delegations written through the API on loopback: who may write which,
 * the revision check, the store's warnings confirmed, every bad input
 * answered with a JSON error and nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-record-writes"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

/* Partners and projects: the department's */
static void
test_partners (DnServerFixture *f,
               gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 log = dn_store_get_revision (f->base.store), partner, revision;

  dn_server_test_send (f, "POST", batxat, &answer, "/partners", "{\"name\": \"KOICA\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, "/partners", "{\"name\": \"KOICA\", \"kind\": \"club\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/partners", "{\"name\": \"KOICA\", \"kind\": null}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, "/partners", "{\"name\": \"KOICA\", \"revision\": 3}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send (f, "POST", so, &answer, "/partners", "{\"kind\": \"ngo\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, "/partners", "{\"name\": \"KOICA\", \"country_code\": \"Korea\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", so, &answer, "/partners",
                       "{\"name\": \"Cơ quan Hợp tác Quốc tế Hàn Quốc\", "
                       "\"short_name\": \"KOICA\", \"kind\": \"government_agency\", "
                       "\"country_code\": \"KR\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  partner = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "country_code"), ==, "KR");
  path = g_strdup_printf ("/partners/%" G_GINT64_FORMAT, partner);
  dn_server_test_send (f, "PATCH", batxat, &answer, path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"notes\": \"x\"}", revision);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "PATCH", so, &answer, path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"notes\": \"Đối tác lâu năm\"}",
                       revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "notes"), ==, "Đối tác lâu năm");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "short_name"), ==, "KOICA");
  dn_server_test_send (f, "PATCH", so, &answer, path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"notes\": \"cũ\"}", revision);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                                  "notes"), ==, "Đối tác lâu năm");

  /* what the store warns about is written once confirmed */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, "/partners", "{\"name\": \"Plan International\", \"registration_kind\": "
                                                            "\"operation\", \"registration_number\": \"12/GĐK\", "
                                                            "\"registration_expiry\": \"2199-01-01\"}");
  dn_server_test_assert_error (&answer, 400, "warning");
  dn_server_test_send (f, "POST", so, &answer, "/partners",
                       "{\"name\": \"Plan International\", \"confirmed\": \"yes\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  dn_server_test_send (f, "POST", so, &answer, "/partners",
                       "{\"name\": \"Plan International\", \"registration_kind\": "
                       "\"operation\", \"registration_number\": \"12/GĐK\", "
                       "\"registration_expiry\": \"2199-01-01\", \"confirmed\": true}");
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "registration_expiry"), ==, "2199-01-01");

  /* a project of a partner that is not: refused by the store */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, "/projects", "{\"partner_id\": 999, \"name\": \"Thư viện xanh\"}");
  g_assert_cmpuint (answer.status / 100, ==, 4);
  dn_server_test_send (f, "POST", so, &answer, "/projects",
                       "{\"partner_id\": %" G_GINT64_FORMAT ", \"name\": \"Thư viện xanh\", "
                       "\"budget\": -5}", partner);
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  dn_server_test_send (f, "POST", so, &answer, "/projects",
                       "{\"partner_id\": %" G_GINT64_FORMAT ", \"name\": \"Thư viện xanh\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"budget\": 500000000, "
                       "\"start_date\": \"2026-01-01\"}", partner, f->school);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "budget"), ==, 500000000);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "currency"), ==, "VND");
}

/* Documents: the department's; a confidential one is not there for the
 * others, not even to be refused */
static void
test_documents (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *secret_path = NULL;
  g_autofree char *open_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 log = dn_store_get_revision (f->base.store), secret, open, revision;

  dn_server_test_send (f, "POST", so, &answer, "/documents", "{\"direction\": \"incoming\", \"type\": \"plan\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, "/documents",
                       "{\"direction\": \"sideways\", \"type\": \"plan\", \"subject\": \"A\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/documents",
                       "{\"direction\": \"incoming\", \"type\": \"plan\", \"subject\": \"A\", "
                       "\"copies\": -1}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/documents",
                       "{\"direction\": \"incoming\", \"type\": \"plan\", \"subject\": \"A\", "
                       "\"issue_date\": \"2026-02-30\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", batxat, &answer, "/documents", "{\"direction\": \"incoming\", \"type\": \"plan\", "
                                                                 "\"subject\": \"A\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", so, &answer, "/documents",
                       "{\"direction\": \"incoming\", \"type\": \"official_letter\", "
                       "\"subject\": \"Danh sách đề thi\", \"classification\": \"mat\", "
                       "\"issue_date\": \"2026-03-02\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  secret = json_object_get_int_member (dn_answer_object (&answer), "id");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "issue_date"), ==, "2026-03-02");
  dn_server_test_send (f, "POST", so, &answer, "/documents", "{\"direction\": \"outgoing\", \"type\": \"plan\", "
                                                             "\"subject\": \"Kế hoạch năm học\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  open = json_object_get_int_member (dn_answer_object (&answer), "id");
  secret_path = g_strdup_printf ("/documents/%" G_GINT64_FORMAT, secret);
  open_path = g_strdup_printf ("/documents/%" G_GINT64_FORMAT, open);

  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "PATCH", batxat, &answer, secret_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"subject\": \"B\"}",
                       dn_server_test_row_revision (f, "document", secret));
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "PATCH", batxat, &answer, open_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"subject\": \"B\"}",
                       dn_server_test_row_revision (f, "document", open));
  dn_server_test_assert_error (&answer, 403, "forbidden");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  revision = dn_server_test_row_revision (f, "document", secret);
  dn_server_test_send (f, "PATCH", so, &answer, secret_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"issue_date\": null, "
                       "\"notes\": \"Lưu tại văn thư\"}", revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (dn_answer_object (&answer), "issue_date")));
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "classification"), ==, "mat");
  dn_server_test_send (f, "PATCH", so, &answer, secret_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"notes\": \"\"}", revision);
  dn_server_test_assert_error (&answer, 409, "conflict");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT notes FROM document WHERE id = %"
                                                   G_GINT64_FORMAT, secret), ==, "Lưu tại văn thư");
}

/* Delegations: a unit officer for its units */
static void
test_delegations (DnServerFixture *f,
                  gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *own_path = NULL;
  g_autofree char *other_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 log, own, other, revision;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  dn_server_test_send (f, "POST", so, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Nhật Bản\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": \"2026-03-01\", "
                       "\"end_date\": \"2026-03-05\"}", f->other);
  g_assert_cmpuint (answer.status, ==, 201);
  other = json_object_get_int_member (dn_answer_object (&answer), "id");
  other_path = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT, other);

  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-04-01\", \"end_date\": \"2026-04-03\"}", f->other);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra\", "
                       "\"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", reader, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-04-01\", \"end_date\": \"2026-04-03\"}", f->school);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-04-05\", \"end_date\": \"2026-04-03\"}", f->school);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-04-01\", \"end_date\": \"2026-04-03\", \"in_plan\": 2}",
                       f->school);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/delegations",
                       "{\"direction\": \"out\", \"title\": \"Đoàn ra\", "
                       "\"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "PATCH", batxat, &answer, other_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"B\"}",
                       dn_server_test_row_revision (f, "delegation", other));
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"budget\": 120000000, \"funding_source\": \"partner\"}",
                       f->school);
  g_assert_cmpuint (answer.status, ==, 201);
  own = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "funding_source"), ==, "partner");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "direction"), ==, "outbound");
  own_path = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT, own);
  /* moved to another office: refused */
  dn_server_test_send (f, "PATCH", batxat, &answer, own_path, "{\"revision\": %" G_GINT64_FORMAT ", \"unit_id\": %"
                                                              G_GINT64_FORMAT "}", revision, f->other);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "PATCH", reader, &answer, own_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"B\"}", revision);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "PATCH", batxat, &answer, own_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"budget\": null}", revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (dn_answer_object (&answer), "budget")));
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "title"), ==, "Đoàn ra Hàn Quốc");
  dn_server_test_send (f, "PATCH", so, &answer, own_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"budget\": 1}", revision);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_object_get_object_member (dn_answer_object (&answer),
                                                                                              "current"), "budget")));
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT actor FROM change_log WHERE table_name = "
                                                                  "'delegation' ORDER BY revision DESC"), ==, "batxat");
  /* the other office's delegation, seen once a teacher of the school goes
   * with it, is still not the unit officer's to change */
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, guest_name, unit_id) VALUES (%"
                G_GINT64_FORMAT ", 'Lê Minh Cường', %" G_GINT64_FORMAT ")", other, f->school);
  dn_server_test_send (f, "GET", batxat, &answer, other_path, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "PATCH", batxat, &answer, other_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"B\"}",
                       dn_server_test_row_revision (f, "delegation", other));
  dn_server_test_assert_error (&answer, 403, "forbidden");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
}

/* Passports: kept by the department; a unit officer reads its people's */
static void
test_passports (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *events = NULL;
  g_autofree char *loans = NULL;
  g_autofree char *back = NULL;
  g_autofree char *other_loans = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  gint64 stranger = dn_test_add_person (f->base.store, "Trần", "Thị", "Bình", f->other);
  gint64 decision = dn_test_add_document (f->base.store, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
  gint64 passport, other_passport, trip, loan, log;

  dn_test_exec (f->base.store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                               "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2024-01-01', '2034-01-01'), "
                               "(%" G_GINT64_FORMAT ", 'official', 'C1000002', '2024-01-01', '2034-01-01')",
                teacher, stranger);
  passport = dn_test_query_int (f->base.store, "SELECT id FROM passport WHERE number = 'C1000001'");
  other_passport = dn_test_query_int (f->base.store, "SELECT id FROM passport WHERE number = 'C1000002'");
  dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status, "
                               "decision_document_id) VALUES ('outbound', 'Đoàn ra Hàn Quốc', %" G_GINT64_FORMAT
                               ", '2026-04-01', '2026-04-05', 'approved', %" G_GINT64_FORMAT ")", f->school, decision);
  trip = dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation");
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES (%"
                G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", trip, teacher, passport);
  events = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/events", passport);
  loans = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/loans", passport);
  back = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/return", passport);
  other_loans = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/loans", other_passport);

  /* refused, nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, loans,
                       "{\"delegation_id\": %" G_GINT64_FORMAT ", \"handed_out_on\": "
                       "\"2026-03-25\"}", trip);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", batxat, &answer, other_loans,
                       "{\"delegation_id\": %" G_GINT64_FORMAT ", \"handed_out_on\": "
                       "\"2026-03-25\"}", trip);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", so, &answer, loans, "{\"delegation_id\": %" G_GINT64_FORMAT "}", trip);
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, loans, "{\"delegation_id\": %" G_GINT64_FORMAT ", \"handed_out_on\": "
                                                      "\"2026-03-25\", \"receipt_signed\": 3}", trip);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, loans, "{\"delegation_id\": \"1\", \"handed_out_on\": \"2026-03-25\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, back, "{\"returned_on\": \"2026-04-08\"}");
  dn_server_test_assert_error (&answer, 409, "not-handed-out");
  dn_server_test_send (f, "POST", so, &answer, events, "{\"kind\": \"extended\", \"on_date\": \"2026-03-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", batxat, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-03-01\", "
                                                           "\"letter\": \"CV 3\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  /* handed out by the department, then back */
  dn_server_test_send (f, "POST", so, &answer, loans, "{\"delegation_id\": %" G_GINT64_FORMAT ", \"handed_out_on\": "
                                                      "\"2026-03-25\", \"receipt_signed\": 1}", trip);
  g_assert_cmpuint (answer.status, ==, 201);
  loan = json_object_get_int_member (dn_answer_object (&answer), "id");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "handed_by"), ==, "so");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "passport_id"), ==, passport);
  /* out already: the store's rule */
  dn_server_test_send (f, "POST", so, &answer, loans, "{\"delegation_id\": %" G_GINT64_FORMAT ", \"handed_out_on\": "
                                                      "\"2026-03-26\"}", trip);
  g_assert_cmpuint (answer.status, ==, 400);
  /* the unit officer reads it */
  dn_server_test_send (f, "GET", batxat, &answer, loans, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer), "loans")), ==, 1);
  dn_server_test_send (f, "POST", so, &answer, back,
                       "{\"returned_on\": \"2026-04-08\", \"returned_by\": \"Lê Minh Cường\"}");
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "id"), ==, loan);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "returned_on"), ==, "2026-04-08");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "received_by"), ==, "so");

  /* an event: the passport lost */
  dn_server_test_send (f, "POST", so, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                       "\"letter\": \"Công văn 21/CA\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "kind"), ==, "lost");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT status FROM passport WHERE id = %"
                                                   G_GINT64_FORMAT, passport), ==, "lost");
}

/* A delegation's members: with the delegation */
static void
test_members (DnServerFixture *f,
              gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *own_members = NULL;
  g_autofree char *other_members = NULL;
  g_autofree char *member_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  gint64 own, other, member, revision, log;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-04-01\", \"end_date\": \"2026-04-03\"}", f->school);
  g_assert_cmpuint (answer.status, ==, 201);
  own = json_object_get_int_member (dn_answer_object (&answer), "id");
  dn_server_test_send (f, "POST", so, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Nhật Bản\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"start_date\": "
                       "\"2026-05-01\", \"end_date\": \"2026-05-03\"}", f->other);
  g_assert_cmpuint (answer.status, ==, 201);
  other = json_object_get_int_member (dn_answer_object (&answer), "id");
  own_members = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT "/members", own);
  other_members = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT "/members", other);

  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, other_members, "{\"person_id\": %" G_GINT64_FORMAT "}", teacher);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", reader, &answer, own_members, "{\"person_id\": %" G_GINT64_FORMAT "}", teacher);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", batxat, &answer, own_members, "{\"person_id\": \"%" G_GINT64_FORMAT "\"}", teacher);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", batxat, &answer, own_members,
                       "{\"person_id\": %" G_GINT64_FORMAT ", \"role\": \"boss\"}",
                       teacher);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", batxat, &answer, own_members,
                       "{\"person_id\": %" G_GINT64_FORMAT ", \"salary\": 1}", teacher);
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send (f, "POST", batxat, &answer, own_members, "{\"person_id\": 999}");
  g_assert_cmpuint (answer.status / 100, ==, 4);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", batxat, &answer, own_members,
                       "{\"person_id\": %" G_GINT64_FORMAT ", \"role\": \"head\"}",
                       teacher);
  g_assert_cmpuint (answer.status, ==, 201);
  member = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "role"), ==, "head");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "delegation_id"), ==, own);
  member_path = g_strdup_printf ("/delegation-members/%" G_GINT64_FORMAT, member);
  dn_server_test_send (f, "PATCH", reader, &answer, member_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"grade\": \"15a.202\"}",
                       revision);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "PATCH", batxat, &answer, member_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"grade\": \"15a.202\"}",
                       revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "grade"), ==, "15a.202");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "role"), ==, "head");
  dn_server_test_send (f, "PATCH", so, &answer, member_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"role\": \"member\"}",
                       revision);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                                  "grade"), ==, "15a.202");
  dn_server_test_send (f, "PATCH", batxat, &answer, "/delegation-members/999", "{\"revision\": 1}");
  dn_server_test_assert_error (&answer, 404, "not-found");
}

/* A delegation with what its editor changes: countries, members and a
 * visit's programme in the same request, all written or nothing */
static void
test_delegation_parts (DnServerFixture *f,
                       gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *own_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  gint64 head = dn_test_add_person (f->base.store, "Phạm", "Thị", "Hoa", f->school);
  gint64 own, other, other_member, first, revision, log, visit;

  dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date) "
                               "VALUES ('outbound', 'Đoàn khác', %" G_GINT64_FORMAT ", '2026-09-01', '2026-09-03')",
                f->other);
  other = dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation");
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, guest_name, unit_id) VALUES (%"
                               G_GINT64_FORMAT ", 'Khách', %" G_GINT64_FORMAT ")", other, f->other);
  other_member = dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation_member");

  /* bad parts: answered 400, nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", \"unit_id\": %"
                       G_GINT64_FORMAT ", \"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"countries\": \"KR\"}", f->school);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", \"unit_id\": %"
                       G_GINT64_FORMAT ", \"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"new_members\": [%" G_GINT64_FORMAT "]}", f->school, teacher);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", \"unit_id\": %"
                       G_GINT64_FORMAT ", \"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"new_members\": [{\"person_id\": %" G_GINT64_FORMAT ", \"salary\": 1}]}",
                       f->school, teacher);
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", \"unit_id\": %"
                       G_GINT64_FORMAT ", \"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"countries\": [{\"days\": 2}]}", f->school);
  dn_server_test_assert_error (&answer, 400, "missing-field");
  /* a guest cannot go abroad: the delegation is not written either */
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", \"unit_id\": %"
                       G_GINT64_FORMAT ", \"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"new_members\": [{\"guest_name\": \"Kim\"}]}", f->school);
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  /* the school's trip with its country and two of its staff */
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations",
                       "{\"direction\": \"outbound\", \"title\": \"Đoàn ra Hàn Quốc\", \"unit_id\": %"
                       G_GINT64_FORMAT ", \"start_date\": \"2026-04-01\", \"end_date\": \"2026-04-03\", "
                       "\"countries\": [{\"country_code\": \"KR\", \"days\": 3}], \"new_members\": "
                       "[{\"person_id\": %" G_GINT64_FORMAT ", \"role\": \"head\"}, {\"person_id\": %"
                       G_GINT64_FORMAT "}], \"removed_members\": [], \"new_programme\": [], "
                       "\"removed_programme\": []}", f->school, head, teacher);
  g_assert_cmpuint (answer.status, ==, 201);
  own = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM delegation_member WHERE delegation_id = %"
                                      G_GINT64_FORMAT, own), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT days FROM delegation_country WHERE delegation_id = %"
                                      G_GINT64_FORMAT " AND country_code = 'KR'", own), ==, 3);
  first = dn_test_query_int (f->base.store, "SELECT id FROM delegation_member WHERE person_id = %" G_GINT64_FORMAT,
                             teacher);

  /* another delegation's member is not this one's: 404, nothing written */
  own_path = g_strdup_printf ("/delegations/%" G_GINT64_FORMAT, own);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "PATCH", batxat, &answer, own_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"Đoàn ra Seoul\", "
                       "\"removed_members\": [%" G_GINT64_FORMAT "]}", revision, other_member);
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM delegation_member WHERE id = %"
                                      G_GINT64_FORMAT, other_member), ==, 1);

  /* its own: removed with the new title, the countries kept */
  dn_server_test_send (f, "PATCH", batxat, &answer, own_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"title\": \"Đoàn ra Seoul\", "
                       "\"removed_members\": [%" G_GINT64_FORMAT "]}", revision, first);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "title"), ==, "Đoàn ra Seoul");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM delegation_member WHERE delegation_id = %"
                                      G_GINT64_FORMAT, own), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM delegation_country WHERE delegation_id = %"
                                      G_GINT64_FORMAT, own), ==, 1);
  /* the same revision again: a conflict */
  dn_server_test_send (f, "PATCH", batxat, &answer, own_path,
                       "{\"revision\": %" G_GINT64_FORMAT ", \"new_members\": [{\"person_id\": %"
                       G_GINT64_FORMAT "}]}", revision, teacher);
  dn_server_test_assert_error (&answer, 409, "conflict");

  /* the department's visit, its guest and its programme */
  dn_server_test_send (f, "POST", so, &answer, "/delegations",
                       "{\"direction\": \"inbound\", \"title\": \"Đoàn KOICA\", \"start_date\": "
                       "\"2026-06-01\", \"end_date\": \"2026-06-02\", \"new_members\": [{\"guest_name\": "
                       "\"Kim Min-jun\", \"guest_nationality\": \"KR\"}], \"new_programme\": [{\"day\": "
                       "\"2026-06-01\", \"time\": \"08:00\", \"description\": \"Làm việc với Sở\"}]}");
  g_assert_cmpuint (answer.status, ==, 201);
  visit = json_object_get_int_member (dn_answer_object (&answer), "id");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM delegation_programme "
                                      "WHERE delegation_id = %" G_GINT64_FORMAT " AND time = '08:00'", visit), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM delegation_member WHERE delegation_id = %"
                                      G_GINT64_FORMAT " AND guest_nationality = 'KR'", visit), ==, 1);
}

/* Deleting a record written whole: by whoever may change it, at the
 * revision read; refused with nothing deleted otherwise */
static void
test_deletes (DnServerFixture *f,
              gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 partner, mine, stranger;
  g_autofree char *partner_path = NULL;
  g_autofree char *mine_path = NULL;
  g_autofree char *stranger_path = NULL;
  gint64 log;

  dn_test_exec (f->base.store, "INSERT INTO partner (name) VALUES ('KOICA')");
  partner = dn_test_query_int (f->base.store, "SELECT id FROM partner WHERE name = 'KOICA'");
  mine = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  stranger = dn_test_add_person (f->base.store, "Trần", "Thị", "Bình", f->other);
  partner_path = g_strdup_printf ("/partners/%" G_GINT64_FORMAT "?revision=%" G_GINT64_FORMAT, partner,
                                  dn_server_test_row_revision (f, "partner", partner));
  mine_path = g_strdup_printf ("/people/%" G_GINT64_FORMAT "?revision=%" G_GINT64_FORMAT, mine,
                               dn_server_test_row_revision (f, "person", mine));
  stranger_path = g_strdup_printf ("/people/%" G_GINT64_FORMAT "?revision=%" G_GINT64_FORMAT, stranger,
                                   dn_server_test_row_revision (f, "person", stranger));

  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "DELETE", batxat, &answer, partner_path, NULL);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "DELETE", so, &answer, "/partners/1", NULL);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "DELETE", so, &answer, "/partners/1?revision=x", NULL);
  dn_server_test_assert_error (&answer, 400, "invalid-query");
  dn_server_test_send (f, "DELETE", batxat, &answer, stranger_path, NULL);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "DELETE", so, &answer, "/units/1?revision=1", NULL);
  g_assert_cmpuint (answer.status, ==, 405);
  dn_server_test_send (f, "DELETE", so, &answer, "/partners/99999?revision=1", NULL);
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  /* changed after it was read */
  dn_test_exec (f->base.store, "UPDATE partner SET notes = 'Đối tác lâu năm' WHERE id = %" G_GINT64_FORMAT, partner);
  dn_server_test_send (f, "DELETE", so, &answer, partner_path, NULL);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM partner"), ==, 1);

  g_clear_pointer (&partner_path, g_free);
  partner_path = g_strdup_printf ("/partners/%" G_GINT64_FORMAT "?revision=%" G_GINT64_FORMAT, partner,
                                  dn_server_test_row_revision (f, "partner", partner));
  dn_server_test_send (f, "DELETE", so, &answer, partner_path, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_true (json_object_get_boolean_member (dn_answer_object (&answer), "deleted"));
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM partner"), ==, 0);
  /* a unit officer removes a person of its units */
  dn_server_test_send (f, "DELETE", batxat, &answer, mine_path, NULL);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT,
                                      mine), ==, 0);
}

/* A passport's own record: the department's; its number and dates checked
 * by the store; deleted only while it is not in the ledger */
static void
test_passport_records (DnServerFixture *f,
                       gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  g_autofree char *body = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"official\", "
                                           "\"number\": \"c2000001\", \"issue_date\": \"2024-01-01\", "
                                           "\"expiry_date\": \"2034-01-01\"}", teacher);
  g_autofree char *path = NULL;
  gint64 log = dn_store_get_revision (f->base.store);
  gint64 id;

  dn_server_test_send (f, "POST", batxat, &answer, "/passports", "%s", body);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, "/passports", "{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"blue\", "
                                                 "\"number\": \"C2000001\", \"issue_date\": \"2024-01-01\", "
                                                 "\"expiry_date\": \"2034-01-01\"}", teacher);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/passports", "{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"official\", "
                                                 "\"number\": \"C2000001\", \"issue_date\": \"2034-01-01\", "
                                                 "\"expiry_date\": \"2024-01-01\"}", teacher);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/passports", "{\"kind\": \"official\", \"number\": \"C2000001\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", so, &answer, "/passports", "%s", body);
  g_assert_cmpuint (answer.status, ==, 201);
  id = json_object_get_int_member (dn_answer_object (&answer), "id");
  /* kept in capitals, as the store keeps numbers */
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "number"), ==, "C2000001");
  path = g_strdup_printf ("/passports/%" G_GINT64_FORMAT, id);
  dn_server_test_send (f, "PATCH", so, &answer, path, "{\"revision\": %" G_GINT64_FORMAT ", \"issuing_authority\": "
                                          "\"Cục Lãnh sự\"}", dn_server_test_row_revision (f, "passport", id));
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "issuing_authority"), ==, "Cục Lãnh sự");
  dn_server_test_send (f, "PATCH", so, &answer, path, "{\"revision\": 1, \"issuing_authority\": \"X\"}");
  dn_server_test_assert_error (&answer, 409, "conflict");
  {
    g_autofree char *gone = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "?revision=%" G_GINT64_FORMAT, id,
                                             dn_server_test_row_revision (f, "passport", id));

    dn_server_test_send (f, "DELETE", so, &answer, gone, NULL);
    g_assert_cmpuint (answer.status, ==, 200);
    g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM passport"), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-record-writes/partners", test_partners);
  DN_SERVER_TEST_ADD ("/server-record-writes/documents", test_documents);
  DN_SERVER_TEST_ADD ("/server-record-writes/delegations", test_delegations);
  DN_SERVER_TEST_ADD ("/server-record-writes/passports", test_passports);
  DN_SERVER_TEST_ADD ("/server-record-writes/members", test_members);
  DN_SERVER_TEST_ADD ("/server-record-writes/delegation-parts", test_delegation_parts);
  DN_SERVER_TEST_ADD ("/server-record-writes/deletes", test_deletes);
  DN_SERVER_TEST_ADD ("/server-record-writes/passport-records", test_passport_records);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
