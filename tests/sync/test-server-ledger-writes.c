/* test-server-ledger-writes.c: what happens to a passport (lost,
 * transferred, sent for cancellation, extended), a document's register
 * numbers and a unit's periodic report received, written through the API
 * on loopback: who may write them, the passport's or the document's
 * revision, the store's rules and warnings, every bad input answered with
 * a JSON error and nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-ledger-writes"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-store-tasks.h"
#include "dn-test-utils.h"

typedef struct
{
  char   *so, *batxat, *reader;
  gint64  passport, ordinary, other_passport;
} Passports;

static void
passports_clear (Passports *p)
{
  g_free (p->so);
  g_free (p->batxat);
  g_free (p->reader);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Passports, passports_clear)

/* An official and an ordinary passport of a teacher of the school, an
 * official one of someone of the other office; the department's officer,
 * the office's and a reader of the office signed in */
static void
passports_init (DnServerFixture *f,
                Passports       *p)
{
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  gint64 stranger = dn_test_add_person (f->base.store, "Trần", "Thị", "Bình", f->other);

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  p->so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  p->batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  p->reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  dn_test_exec (f->base.store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                               "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2024-01-01', '2029-01-01'), "
                               "(%" G_GINT64_FORMAT ", 'ordinary', 'P1000001', '2024-01-01', '2034-01-01'), "
                               "(%" G_GINT64_FORMAT ", 'official', 'C1000002', '2024-01-01', '2029-01-01')",
                teacher, teacher, stranger);
  p->passport = dn_test_query_int (f->base.store, "SELECT id FROM passport WHERE number = 'C1000001'");
  p->ordinary = dn_test_query_int (f->base.store, "SELECT id FROM passport WHERE number = 'P1000001'");
  p->other_passport = dn_test_query_int (f->base.store, "SELECT id FROM passport WHERE number = 'C1000002'");
}

static gint64
count_events (DnServerFixture *f,
              gint64           passport)
{
  return dn_test_query_int (f->base.store, "SELECT count(*) FROM passport_event WHERE passport_id = %" G_GINT64_FORMAT,
                            passport);
}

/* Lost, transferred, sent for cancellation: the department's, at the
 * passport's revision when one is given */
static void
test_passport_events (DnServerFixture *f,
                      gconstpointer    data)
{
  g_auto(Passports) p = { 0 };
  g_auto(DnAnswer) answer = { 0 };
  g_autofree char *events = NULL;
  g_autofree char *other = NULL;
  gint64 log, revision;

  passports_init (f, &p);
  events = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/events", p.passport);
  other = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/events", p.other_passport);
  revision = dn_server_test_row_revision (f, "passport", p.passport);

  /* refused, nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", p.reader, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                             "\"letter\": \"CV 21\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", p.batxat, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                             "\"letter\": \"CV 21\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", p.batxat, &answer, other, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                            "\"letter\": \"CV 21\"}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"lost\", \"letter\": \"CV 21\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"stolen\", \"on_date\": \"2026-05-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                         "\"letter\": \"CV 21\", \"revision\": \"3\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                         "\"letter\": \"CV 21\", \"new_expiry\": \"2030-01-01\"}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  /* the store's rule: a loss is reported in writing */
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  /* someone changed the passport since it was read */
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"lost\", \"on_date\": \"2026-05-01\", "
                                                         "\"letter\": \"CV 21\", \"revision\": %" G_GINT64_FORMAT "}",
                       revision - 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                                  "number"), ==, "C1000001");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (count_events (f, p.passport), ==, 0);

  /* at the revision read */
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"sent_for_cancellation\", \"on_date\": "
                                                         "\"2026-05-01\", \"letter\": \"CV 21/SGD\", \"notes\": "
                                                         "\"Nghỉ hưu\", \"revision\": %" G_GINT64_FORMAT "}", revision);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "kind"), ==, "sent_for_cancellation");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "letter"), ==, "CV 21/SGD");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "notes"), ==, "Nghỉ hưu");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT status FROM passport WHERE id = %"
                                                   G_GINT64_FORMAT, p.passport), ==, "cancelled");
  /* gone: nothing more happens to it */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", p.so, &answer, events, "{\"kind\": \"transferred\", \"on_date\": \"2026-05-02\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (count_events (f, p.passport), ==, 1);
}

/* A diplomatic or official passport's one extension: the department's */
static void
test_passport_extension (DnServerFixture *f,
                         gconstpointer    data)
{
  g_auto(Passports) p = { 0 };
  g_auto(DnAnswer) answer = { 0 };
  g_autofree char *extension = NULL;
  g_autofree char *ordinary = NULL;
  g_autofree char *other = NULL;
  gint64 log, revision;

  passports_init (f, &p);
  extension = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/extension", p.passport);
  ordinary = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/extension", p.ordinary);
  other = g_strdup_printf ("/passports/%" G_GINT64_FORMAT "/extension", p.other_passport);
  revision = dn_server_test_row_revision (f, "passport", p.passport);

  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", p.reader, &answer, extension, "{\"new_expiry\": \"2031-01-01\", \"on_date\": "
                                                                "\"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", p.batxat, &answer, extension, "{\"new_expiry\": \"2031-01-01\", \"on_date\": "
                                                                "\"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", p.batxat, &answer, other, "{\"new_expiry\": \"2031-01-01\", \"on_date\": "
                                                            "\"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"on_date\": \"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"new_expiry\": \"2031-02-30\", \"on_date\": "
                                                            "\"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"new_expiry\": \"2031-01-01\", \"on_date\": "
                                                            "\"2026-06-01\", \"kind\": \"extended\"}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  /* the store's rules: never an ordinary passport, at most 3 years */
  dn_server_test_send (f, "POST", p.so, &answer, ordinary, "{\"new_expiry\": \"2036-01-01\", \"on_date\": "
                                                           "\"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"new_expiry\": \"2032-01-02\", \"on_date\": "
                                                            "\"2026-06-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"new_expiry\": \"2031-01-01\", \"on_date\": "
                                                            "\"2026-06-01\", \"revision\": %" G_GINT64_FORMAT "}",
                       revision - 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                                  "expiry_date"), ==, "2029-01-01");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (count_events (f, p.passport) + count_events (f, p.ordinary), ==, 0);

  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"new_expiry\": \"2031-01-01\", \"on_date\": "
                                                            "\"2026-06-01\", \"letter\": \"QĐ 5/CLS\", \"revision\": %"
                                                            G_GINT64_FORMAT "}", revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "id"), ==, p.passport);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "expiry_date"), ==, "2031-01-01");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT kind || ' ' || on_date || ' ' || letter "
                                                   "FROM passport_event WHERE passport_id = %" G_GINT64_FORMAT,
                                                   p.passport), ==, "extended 2026-06-01 QĐ 5/CLS");
  /* only once */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", p.so, &answer, extension, "{\"new_expiry\": \"2032-01-01\", \"on_date\": "
                                                            "\"2026-07-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
}

/* A document numbered in its register: the department's, its numbers
 * given by the store, a duplicate only warned about */
static void
test_document_register (DnServerFixture *f,
                        gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *secret_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  const char *plan = "{\"direction\": \"outgoing\", \"type\": \"plan\", \"subject\": \"Kế hoạch hợp tác\", "
                     "\"symbol\": \"KH-SGDĐT\", \"issuer\": \"Sở GDĐT\", \"issue_date\": \"2026-03-02\"";
  gint64 log, first, secret, revision;

  dn_server_test_add_account (f, "docgia", f->department, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);

  /* refused, nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, "/documents/register", "%s}", plan);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", reader, &answer, "/documents/register", "%s}", plan);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "{\"direction\": \"outgoing\", "
                                                                    "\"type\": \"plan\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "%s, \"revision\": 4}", plan);
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "%s, \"confirmed\": 1}", plan);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "%s, \"urgency\": \"soon\"}", plan);
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM document"), ==, 0);

  /* numbered: the first of its year, then the next */
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "%s}", plan);
  g_assert_cmpuint (answer.status, ==, 201);
  first = json_object_get_int_member (dn_answer_object (&answer), "id");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "number"), ==, "01");
  dn_server_test_send (f, "POST", so, &answer, "/documents/register",
                       "{\"direction\": \"outgoing\", \"type\": \"plan\", \"subject\": \"Kế hoạch khác\", "
                       "\"issue_date\": \"2026-04-01\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "number"), ==, "02");
  dn_server_test_send (f, "POST", so, &answer, "/documents/register",
                       "{\"direction\": \"incoming\", \"type\": \"official_letter\", \"subject\": \"Công văn\", "
                       "\"number\": \"7\", \"arrival_date\": \"2026-04-02\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "arrival_number"), ==, 1);

  /* the same number, symbol and issuer in the year: a warning first */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "%s, \"number\": \"01\"}", plan);
  dn_server_test_assert_error (&answer, 400, "warning");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  dn_server_test_send (f, "POST", so, &answer, "/documents/register", "%s, \"number\": \"01\", "
                                                                    "\"confirmed\": true}", plan);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM document WHERE number = '01'"), ==, 2);

  /* a change at the revision read */
  path = g_strdup_printf ("/documents/%" G_GINT64_FORMAT "/register", first);
  revision = dn_server_test_row_revision (f, "document", first);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"subject\": \"Kế hoạch mới\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", batxat, &answer, path, "{\"revision\": %" G_GINT64_FORMAT ", \"subject\": "
                                                         "\"Kế hoạch mới\"}", revision);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"revision\": %" G_GINT64_FORMAT ", \"subject\": "
                                                     "\"Kế hoạch mới\"}", revision - 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                                  "subject"), ==, "Kế hoạch hợp tác");
  /* emptied, the number its register gives now: the next of the year */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": \"\", "
                                                     "\"subject\": \"\"}", revision);
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": \"\", "
                                                     "\"subject\": \"Kế hoạch mới\"}", revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "subject"), ==, "Kế hoạch mới");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "number"), ==, "03");

  /* a confidential document is not there for those who may not see it */
  dn_server_test_send (f, "POST", so, &answer, "/documents/register",
                       "{\"direction\": \"incoming\", \"type\": \"official_letter\", \"subject\": \"Đề thi\", "
                       "\"classification\": \"mat\", \"arrival_date\": \"2026-04-03\"}");
  g_assert_cmpuint (answer.status, ==, 201);
  secret = json_object_get_int_member (dn_answer_object (&answer), "id");
  /* secret ones have their own sequence */
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "arrival_number"), ==, 1);
  secret_path = g_strdup_printf ("/documents/%" G_GINT64_FORMAT "/register", secret);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, secret_path, "{\"revision\": %" G_GINT64_FORMAT ", \"subject\": "
                                                                "\"X\"}", dn_server_test_row_revision (f, "document",
                                                                                                       secret));
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
}

/* A unit's periodic report received: the department's; its PDF, sent
 * first, registered as an incoming document with the file attached */
static void
test_report_receipts (DnServerFixture *f,
                      gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *unseen_path = NULL;
  g_auto(DnAnswer) answer = { 0 };
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(GError) error = NULL;
  static const char pdf[] = "%PDF-1.4\n%%EOF\n";
  gint64 unseen = dn_server_test_add_task (f, "Tập huấn", f->other);
  gint64 log, pdf_id, text_id, document;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  g_free (task->title);
  task->title = g_strdup ("Báo cáo quý công tác đối ngoại");
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  task->due_date = dn_test_date (2026, 3, 25);
  task->lead_unit_id = f->office;
  g_array_append_val (task->support_unit_ids, f->other);
  g_assert_true (dn_store_add_task (f->base.store, task, &error));
  g_assert_no_error (error);
  path = g_strdup_printf ("/tasks/%" G_GINT64_FORMAT "/report-receipts", task->id);
  unseen_path = g_strdup_printf ("/tasks/%" G_GINT64_FORMAT "/report-receipts", unseen);
  dn_server_test_upload (f, so, "bao-cao.pdf", pdf, strlen (pdf), &answer);
  g_assert_cmpuint (answer.status, ==, 201);
  pdf_id = json_object_get_int_member (dn_answer_object (&answer), "id");
  dn_server_test_upload (f, so, "bao-cao.txt", "báo cáo", strlen ("báo cáo"), &answer);
  g_assert_cmpuint (answer.status, ==, 201);
  text_id = json_object_get_int_member (dn_answer_object (&answer), "id");

  /* refused, nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT "}", f->office);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", reader, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT "}", f->office);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", batxat, &answer, unseen_path, "{\"unit_id\": %" G_GINT64_FORMAT "}", f->other);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", so, &answer, "/tasks/999999/report-receipts", "{\"unit_id\": %" G_GINT64_FORMAT "}",
                       f->office);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"note\": \"x\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"received_on\": "
                                                     "\"2026-02-30\"}", f->office);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"attachment_id\": 0}",
                       f->office);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"period\": "
                                                     "\"2026-Q1\"}", f->office);
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  /* the store's rules: a unit assigned, a PDF */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT "}", f->school);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"attachment_id\": %"
                                                     G_GINT64_FORMAT "}", f->office, text_id);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"attachment_id\": "
                                                     "999999}", f->office);
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM report_receipt"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM document"), ==, 0);

  /* with its PDF: an incoming document, the file attached to it */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"received_on\": "
                                                     "\"2026-03-20\", \"note\": \"Bản ký số\", \"attachment_id\": %"
                                                     G_GINT64_FORMAT "}", f->office, pdf_id);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "received_on"), ==, "2026-03-20");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "period"), ==, "2026-Q1");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "recorded_by"), ==, "so");
  document = json_object_get_int_member (dn_answer_object (&answer), "document_id");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT direction || ' ' || type FROM document "
                                                   "WHERE id = %" G_GINT64_FORMAT, document), ==, "incoming report");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT attachment_id FROM document_attachment WHERE "
                                      "document_id = %" G_GINT64_FORMAT, document), ==, pdf_id);
  /* once only */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT "}", f->office);
  g_assert_cmpuint (answer.status / 100, ==, 4);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  /* a paper copy only: no document */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"unit_id\": %" G_GINT64_FORMAT ", \"document_id\": null}",
                       f->other);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_true (json_object_get_null_member (dn_answer_object (&answer), "document_id"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-ledger-writes/passport-events", test_passport_events);
  DN_SERVER_TEST_ADD ("/server-ledger-writes/passport-extension", test_passport_extension);
  DN_SERVER_TEST_ADD ("/server-ledger-writes/document-register", test_document_register);
  DN_SERVER_TEST_ADD ("/server-ledger-writes/report-receipts", test_report_receipts);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
