/* test-connection-texts.c: the text of attached files on a connected
 * desktop: the server sends the text it read (GET
 * /attachments/{sha256}/text) to whoever may see the file, and the
 * replica's search finds the words of a file it does not hold; an answer
 * that is not the API's is refused with nothing kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connection-texts"

#include "config.h"

#include <string.h>

#include "dn-client-test-utils.h"
#include "dn-connection-test-utils.h"
#include "dn-replica-texts.h"
#include "dn-store-attachments.h"
#include "dn-store-documents.h"
#include "dn-store-search.h"
#include "dn-test-utils.h"

/* A file with the text of two pages, attached to task @task_id of the
 * server: its id */
static gint64
add_read_file (DnServerFixture *f,
               gint64           task_id,
               const char      *content)
{
  static const char *pages[] = { "Kế hoạch hợp tác với KOICA", "Trao đổi học sinh" };
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  attachment = dn_store_add_attachment_bytes (f->base.store, bytes, "ke-hoach.pdf", &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_attach (f->base.store, DN_RECORD_TASK, task_id, attachment->id, NULL, &error));
  g_assert_true (dn_store_set_attachment_pages (f->base.store, attachment->id, pages, G_N_ELEMENTS (pages), NULL,
                                                &error));
  g_assert_no_error (error);
  return attachment->id;
}

static gboolean
texts_kept (gpointer data)
{
  DnConnectionFixture *f = data;
  g_autoptr(GPtrArray) left = dn_store_list_unsearched_attachments (f->replica.store, 10, NULL);

  return left != NULL && left->len == 0;
}

static void
test_texts (DnConnectionFixture *f,
            gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_auto(DnAnswer) answer = { 0 };
  g_autofree char *batxat = NULL;
  g_autofree char *sha256 = NULL;
  gint64 mine = dn_server_test_add_task (&f->server, "Hợp tác quốc tế", f->server.office);
  gint64 theirs = dn_server_test_add_task (&f->server, "Sa Pa", f->server.other);
  gint64 file = add_read_file (&f->server, mine, "%PDF-1.4 one");
  gint64 hidden = add_read_file (&f->server, theirs, "%PDF-1.4 two");
  gint64 deadline;

  /* the route: the pages to whoever sees the file, 404 otherwise */
  batxat = dn_server_test_sign_in (&f->server, "batxat", DN_SERVER_TEST_PASSWORD);
  sha256 = dn_test_query_text (f->server.base.store, "SELECT sha256 FROM attachment WHERE id = %" G_GINT64_FORMAT,
                               file);
  dn_server_test_send_to (&f->server, "GET", batxat, NULL, &answer, "/attachments/%s/text", sha256);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer), "pages")), ==, 2);
  g_clear_pointer (&sha256, g_free);
  sha256 = dn_test_query_text (f->server.base.store, "SELECT sha256 FROM attachment WHERE id = %" G_GINT64_FORMAT,
                               hidden);
  dn_server_test_send_to (&f->server, "GET", batxat, NULL, &answer, "/attachments/%s/text", sha256);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (&f->server, "GET", batxat, NULL, &answer, "/attachments/%s/text", "nothex");
  dn_server_test_assert_error (&answer, 404, "not-found");

  /* the office's desktop: the words of its task's file found, the file
   * itself not brought */
  g_assert_true (dn_connection_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!texts_kept (f) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (texts_kept (f));
  hits = dn_store_search (f->replica.store, "koica", 20, &error);
  g_assert_no_error (error);
  {
    guint found = 0;

    for (guint i = 0; i < hits->len; i++)
      if (DN_SEARCH_HIT (hits->pdata[i])->kind == DN_RECORD_ATTACHMENT)
        {
          g_assert_cmpint (DN_SEARCH_HIT (hits->pdata[i])->id, ==, file);
          found++;
        }
    g_assert_cmpuint (found, ==, 1);
  }
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM attachment WHERE id = %"
                                      G_GINT64_FORMAT, hidden), ==, 0);
}

/* An answer about a file's text that is not the API's is refused, the
 * replica's index left as it was; a file the server no longer gives is
 * left for later */
static void
test_bad_answers (DnTestStore   *f,
                  gconstpointer  data)
{
  static const char *bad[] = { "{\"pages\": [1, 2]}", "{\"pages\": \"Kế hoạch\"}", "[\"Kế hoạch\"]",
                               "{\"sha256\": \"x\"}" };
  g_autoptr(DnRawServer) raw = dn_raw_server_new ();
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;

  dn_test_exec (f->store, "INSERT INTO attachment (sha256, file_name, mime_type, size, text_state) VALUES ("
                          "'%064d', 'ke-hoach.pdf', 'application/pdf', 10, 'indexed')", 7);
  g_assert_true (dn_store_set_replica (f->store, &error));
  g_assert_no_error (error);
  client = dn_client_new (dn_raw_server_get_uri (raw), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GAsyncResult *result = NULL;

      dn_raw_server_set_answer (raw, 200, bad[i]);
      _dn_replica_texts_fetch_async (client, f->store, NULL, dn_test_on_result, &result);
      dn_test_wait_result (&result);
      g_assert_cmpint (_dn_replica_texts_fetch_finish (result, &error), ==, -1);
      g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
      g_clear_error (&error);
      g_object_unref (result);
    }
  {
    g_autoptr(GPtrArray) left = dn_store_list_unsearched_attachments (f->store, 10, &error);

    g_assert_cmpuint (left->len, ==, 1);
  }
  {
    GAsyncResult *result = NULL;

    dn_raw_server_set_answer (raw, 404, "{\"error\": {\"code\": \"not-found\", \"message\": \"No.\"}}");
    _dn_replica_texts_fetch_async (client, f->store, NULL, dn_test_on_result, &result);
    dn_test_wait_result (&result);
    g_assert_cmpint (_dn_replica_texts_fetch_finish (result, &error), ==, 0);
    g_assert_no_error (error);
    g_object_unref (result);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_CONNECTION_TEST_ADD ("/connection-texts/search", test_texts);
  DN_TEST_ADD ("/connection-texts/bad-answers", test_bad_answers);
  return g_test_run ();
}
