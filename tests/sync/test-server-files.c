/* test-server-files.c: files attached to documents and delegations
 * through the API, and files taken off a task, a document or a
 * delegation: who may, every bad request answered with nothing changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-files"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

/* A file uploaded by the account of @token: its id */
static gint64
upload (DnServerFixture *f,
        const char      *token,
        const char      *name,
        const char      *data)
{
  g_auto(DnAnswer) answer = { 0 };

  dn_server_test_upload (f, token, name, data, strlen (data), &answer);
  g_assert_cmpuint (answer.status / 100, ==, 2);
  return json_object_get_int_member (dn_answer_object (&answer), "id");
}

static gint64
count_links (DnServerFixture *f,
             const char      *table,
             const char      *column,
             gint64           id)
{
  return dn_test_query_int (f->base.store, "SELECT count(*) FROM %s WHERE %s = %" G_GINT64_FORMAT, table, column, id);
}

/* A document's files are the department's; a delegation's, whoever's
 * delegation it is */
static void
test_record_files (DnServerFixture *f,
                   gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *link = NULL;
  g_auto(DnAnswer) answer = { 0 };
  GDate issued = dn_test_date (2026, 3, 2);
  gint64 document = dn_test_add_document (f->base.store, "15", "KH-SGDĐT", "Kế hoạch hợp tác quốc tế", &issued);
  gint64 own, other, mine, theirs, log;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  dn_test_exec (f->base.store, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date) VALUES "
                               "('outbound', 'Đoàn của phòng', %" G_GINT64_FORMAT ", '2026-04-01', '2026-04-03'), "
                               "('outbound', 'Đoàn khác', %" G_GINT64_FORMAT ", '2026-05-01', '2026-05-03')",
                f->office, f->other);
  own = dn_test_query_int (f->base.store, "SELECT id FROM delegation WHERE title = 'Đoàn của phòng'");
  other = dn_test_query_int (f->base.store, "SELECT id FROM delegation WHERE title = 'Đoàn khác'");
  mine = upload (f, batxat, "Bao-cao-doan.pdf", pdf);
  theirs = upload (f, so, "Quyet-dinh.txt", "quyết định");
  link = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT ", \"file_name\": \"Báo cáo đoàn.pdf\"}", mine);

  /* refused: nothing linked */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send_to (f, "POST", batxat, link, &answer, "/documents/%" G_GINT64_FORMAT "/attachments", document);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", batxat, link, &answer, "/delegations/%" G_GINT64_FORMAT "/attachments", other);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "POST", reader, link, &answer, "/delegations/%" G_GINT64_FORMAT "/attachments", own);
  g_assert_cmpuint (answer.status / 100, ==, 4);
  dn_server_test_send (f, "POST", batxat, &answer, "/delegations/999999/attachments", "%s", link);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "POST", batxat, "{\"attachment_id\": \"1\"}", &answer,
                          "/delegations/%" G_GINT64_FORMAT "/attachments", own);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send_to (f, "POST", batxat, "{}", &answer, "/delegations/%" G_GINT64_FORMAT "/attachments", own);
  dn_server_test_assert_error (&answer, 400, "missing-field");
  /* the department's file is not the office's to attach */
  {
    g_autofree char *link_theirs = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT "}", theirs);

    dn_server_test_send_to (f, "POST", batxat, link_theirs, &answer, "/delegations/%" G_GINT64_FORMAT
                            "/attachments", own);
    dn_server_test_assert_error (&answer, 404, "not-found");
  }
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  /* the office's report on its delegation; the department's decision on
   * the document */
  dn_server_test_send_to (f, "POST", batxat, link, &answer, "/delegations/%" G_GINT64_FORMAT "/attachments", own);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer),
                                                                         "delegation_attachment")), ==, 1);
  g_assert_cmpint (count_links (f, "delegation_attachment", "delegation_id", own), ==, 1);
  {
    g_autofree char *link_theirs = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT "}", theirs);

    dn_server_test_send_to (f, "POST", so, link_theirs, &answer, "/documents/%" G_GINT64_FORMAT "/attachments",
                            document);
  }
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpint (count_links (f, "document_attachment", "document_id", document), ==, 1);

  /* taken off: by who may, a file that is the record's */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT "/attachments", own);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=abc", own);
  dn_server_test_assert_error (&answer, 400, "invalid-query");
  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "/documents/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, document, theirs);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "DELETE", reader, NULL, &answer, "/delegations/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, own, mine);
  g_assert_cmpuint (answer.status / 100, ==, 4);
  /* not attached to it */
  dn_server_test_send_to (f, "DELETE", so, NULL, &answer, "/delegations/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, own, theirs);
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (count_links (f, "delegation_attachment", "delegation_id", own), ==, 1);

  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, own, mine);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer),
                                                                         "delegation_attachment")), ==, 0);
  g_assert_cmpint (count_links (f, "delegation_attachment", "delegation_id", own), ==, 0);
  /* shown nowhere any more: the stored file went too */
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM attachment WHERE id = %" G_GINT64_FORMAT,
                                      mine), ==, 0);
  dn_server_test_send_to (f, "DELETE", so, NULL, &answer, "/documents/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, document, theirs);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (count_links (f, "document_attachment", "document_id", document), ==, 0);
}

/* A task's file: the office takes off what it sent, not the department's */
static void
test_task_files (DnServerFixture *f,
                 gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 task = dn_server_test_add_task (f, "Báo cáo quý", f->office);
  gint64 mine = upload (f, batxat, "Bao-cao.pdf", pdf);
  gint64 theirs = upload (f, so, "Huong-dan.txt", "hướng dẫn");

  g_autofree char *link_mine = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT "}", mine);
  g_autofree char *link_theirs = g_strdup_printf ("{\"attachment_id\": %" G_GINT64_FORMAT "}", theirs);

  dn_server_test_send_to (f, "POST", batxat, link_mine, &answer, "/tasks/%" G_GINT64_FORMAT "/attachments", task);
  g_assert_cmpuint (answer.status, ==, 201);
  dn_server_test_send_to (f, "POST", so, link_theirs, &answer, "/tasks/%" G_GINT64_FORMAT "/attachments", task);
  g_assert_cmpuint (answer.status, ==, 201);
  g_assert_cmpint (count_links (f, "task_attachment", "task_id", task), ==, 2);

  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "/tasks/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, task, theirs);
  dn_server_test_assert_error (&answer, 404, "not-found");
  g_assert_cmpint (count_links (f, "task_attachment", "task_id", task), ==, 2);
  dn_server_test_send_to (f, "DELETE", batxat, NULL, &answer, "/tasks/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, task, mine);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer),
                                                                         "task_attachment")), ==, 1);
  dn_server_test_send_to (f, "DELETE", so, NULL, &answer, "/tasks/%" G_GINT64_FORMAT
                          "/attachments?attachment_id=%" G_GINT64_FORMAT, task, theirs);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (count_links (f, "task_attachment", "task_id", task), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-files/records", test_record_files);
  DN_SERVER_TEST_ADD ("/server-files/tasks", test_task_files);
  return g_test_run ();
}
