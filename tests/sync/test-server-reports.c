/* test-server-reports.c: reports kept and issued through the API: a
 * unit officer keeps its units' reports, the department numbers them in
 * the outgoing register; every bad request answered with nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-reports"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

static void
test_reports (DnServerFixture *f,
              gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *issue = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 report, revision, log, file, document;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);

  /* refused: nothing written */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, "/reports", "{\"kind\": \"quarter\", \"period\": \"2026-Q1\", "
                       "\"unit_id\": %" G_GINT64_FORMAT "}", f->other);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", reader, &answer, "/reports", "{\"kind\": \"quarter\", \"period\": \"2026-Q1\", "
                       "\"unit_id\": %" G_GINT64_FORMAT "}", f->office);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", batxat, &answer, "/reports", "{\"kind\": \"decade\", \"period\": \"2026-Q1\", "
                       "\"unit_id\": %" G_GINT64_FORMAT "}", f->office);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", batxat, &answer, "/reports", "{\"kind\": \"quarter\", \"unit_id\": %"
                       G_GINT64_FORMAT "}", f->office);
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", batxat, &answer, "/reports", "{\"kind\": \"quarter\", \"period\": \"2026-Q1\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"document_id\": 1}", f->office);
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  /* the office keeps its quarter's report, and corrects it */
  dn_server_test_send (f, "POST", batxat, &answer, "/reports", "{\"kind\": \"quarter\", \"period\": \"2026-Q1\", "
                       "\"unit_id\": %" G_GINT64_FORMAT ", \"assessment\": \"Hoàn thành kế hoạch.\", "
                       "\"symbol\": \"BC-PGDĐT\", \"sign\": \"deputy\"}", f->office);
  g_assert_cmpuint (answer.status, ==, 201);
  report = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "sign"), ==, "deputy");
  path = g_strdup_printf ("/reports/%" G_GINT64_FORMAT, report);
  dn_server_test_send_to (f, "PATCH", batxat, "{\"revision\": 0, \"proposals\": \"Không\"}", &answer, "%s", path);
  dn_server_test_assert_error (&answer, 409, "conflict");
  {
    g_autofree char *body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"proposals\": \"Không\"}",
                                             revision);

    dn_server_test_send_to (f, "PATCH", batxat, body, &answer, "%s", path);
    g_assert_cmpuint (answer.status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "proposals"), ==, "Không");
    g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "assessment"), ==,
                     "Hoàn thành kế hoạch.");
    revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  }

  /* issuing: the department's register */
  {
    g_auto(DnAnswer) uploaded = { 0 };

    dn_server_test_upload (f, so, "bao-cao.pdf", pdf, strlen (pdf), &uploaded);
    g_assert_cmpuint (uploaded.status, ==, 201);
    file = json_object_get_int_member (dn_answer_object (&uploaded), "id");
  }
  issue = g_strdup_printf ("%s/issue", path);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", batxat, &answer, issue, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": 5, "
                       "\"subject\": \"Báo cáo quý I\", \"report_date\": \"2026-04-02\", \"attachment_id\": %"
                       G_GINT64_FORMAT "}", revision, file);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "POST", so, &answer, issue, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": 0, "
                       "\"subject\": \"Báo cáo quý I\", \"report_date\": \"2026-04-02\", \"attachment_id\": %"
                       G_GINT64_FORMAT "}", revision, file);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, issue, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": 5, "
                       "\"subject\": \"Báo cáo quý I\", \"report_date\": \"2026-04-02\", \"attachment_id\": 99999}",
                       revision);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send (f, "POST", so, &answer, issue, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": 5, "
                       "\"subject\": \"Báo cáo quý I\", \"attachment_id\": %" G_GINT64_FORMAT "}", revision, file);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, "/reports/99999/issue", "{\"revision\": 1, \"number\": 5, "
                       "\"subject\": \"x\", \"attachment_id\": %" G_GINT64_FORMAT "}", file);
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  dn_server_test_send (f, "POST", so, &answer, issue, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": 5, "
                       "\"subject\": \"Báo cáo quý I\", \"report_date\": \"2026-04-02\", \"attachment_id\": %"
                       G_GINT64_FORMAT "}", revision, file);
  g_assert_cmpuint (answer.status, ==, 200);
  document = json_object_get_int_member (dn_answer_object (&answer), "document_id");
  g_assert_cmpint (document, >, 0);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "report_date"), ==, "2026-04-02");
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM document WHERE id = %" G_GINT64_FORMAT
                                      " AND number = '05' AND direction = 'outgoing'", document), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM document_attachment WHERE document_id = %"
                                      G_GINT64_FORMAT, document), ==, 1);
  /* the same number again: taken */
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  dn_server_test_send (f, "POST", so, &answer, issue, "{\"revision\": %" G_GINT64_FORMAT ", \"number\": 5, "
                       "\"subject\": \"Báo cáo quý I\", \"attachment_id\": %" G_GINT64_FORMAT "}", revision, file);
  dn_server_test_assert_error (&answer, 409, "duplicate");

  /* deleted at the revision read */
  dn_server_test_send_to (f, "DELETE", reader, NULL, &answer, "%s?revision=%" G_GINT64_FORMAT, path, revision);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "%s?revision=%" G_GINT64_FORMAT, path, revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM report"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-reports/keep-and-issue", test_reports);
  return g_test_run ();
}
