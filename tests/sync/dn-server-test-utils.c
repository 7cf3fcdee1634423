/* dn-server-test-utils.c: the API's tests' server and client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-tasks.h"

void
dn_answer_clear (DnAnswer *answer)
{
  g_clear_pointer (&answer->json, json_node_unref);
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GBytes **bytes = data;
  g_autoptr(GError) error = NULL;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* Sends @msg and waits for its answer */
static void
send_message (DnServerFixture *f,
              SoupMessage     *msg,
              DnAnswer        *answer)
{
  GBytes *bytes = NULL;
  const char *type;

  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  answer->status = soup_message_get_status (msg);
  answer->json = NULL;
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (type, ==, "application/json");
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                 (gssize) g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
      answer->json = json_node_ref (json_parser_get_root (parser));
    }
  g_bytes_unref (bytes);
}

/* Sends @method @path (below /api/v1) with @token (may be NULL) and @body
 * (may be NULL; @length -1: a string) and waits for the answer */
void
dn_server_test_request (DnServerFixture    *f,
         const char *method,
         const char *path,
         const char *token,
         const char *body,
         gssize      length,
         DnAnswer     *answer)
{
  g_autofree char *uri = g_strconcat (f->base_uri, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);

      soup_message_set_request_body_from_bytes (msg, "application/json", content);
    }
  send_message (f, msg, answer);
}

void
dn_server_test_send (DnServerFixture *f,
                     const char      *method,
                     const char      *token,
                     DnAnswer        *answer,
                     const char      *path,
                     const char      *format,
                     ...)
{
  g_autofree char *body = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      body = g_strdup_vprintf (format, args);
      va_end (args);
    }
  dn_answer_clear (answer);
  dn_server_test_request (f, method, path, token, body, -1, answer);
}

void
dn_server_test_send_to (DnServerFixture *f,
                        const char      *method,
                        const char      *token,
                        const char      *body,
                        DnAnswer        *answer,
                        const char      *format,
                        ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  dn_answer_clear (answer);
  dn_server_test_request (f, method, path, token, body, -1, answer);
}

JsonObject *
dn_answer_object (DnAnswer *answer)
{
  g_assert_nonnull (answer->json);
  return json_node_get_object (answer->json);
}

gint64
dn_server_test_row_revision (DnServerFixture *f,
                             const char      *table,
                             gint64           id)
{
  return dn_test_query_int (f->base.store, "SELECT revision FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
}

char *
dn_server_test_dup_url (DnServerFixture *f)
{
  g_assert_true (g_str_has_suffix (f->base_uri, "api/v1"));
  return g_strndup (f->base_uri, strlen (f->base_uri) - strlen ("api/v1"));
}

/* A 4xx answer with {"error": {"code": @code, "message": non-empty}} */
void
dn_server_test_assert_error (DnAnswer     *answer,
              guint       status,
              const char *code)
{
  JsonObject *error;

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_nonnull (answer->json);
  error = json_object_get_object_member (json_node_get_object (answer->json), "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "message")), >, 0);
}

char *
dn_server_test_sign_in (DnServerFixture    *f,
         const char *user,
         const char *password)
{
  g_auto(DnAnswer) answer = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\"}", user, password);

  dn_server_test_request (f, "POST", "/session", NULL, body, -1, &answer);
  g_assert_cmpuint (answer.status, ==, 201);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer.json), "token"));
}

gint64
dn_server_test_add_task (DnServerFixture    *f,
          const char *title,
          gint64      lead)
{
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(GError) error = NULL;

  g_free (task->title);
  task->title = g_strdup (title);
  task->lead_unit_id = lead;
  task->due_date = dn_test_date (2026, 12, 31);
  g_assert_true (dn_store_add_task (f->base.store, task, &error));
  g_assert_no_error (error);
  return task->id;
}

void
dn_server_test_add_account (DnServerFixture    *f,
             const char *name,
             gint64      unit,
             DnAccountRole role)
{
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit;
  account->role = role;
  g_assert_true (dn_store_add_account (f->base.store, account, DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
}

void
dn_server_fixture_setup (DnServerFixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  dn_test_store_setup (&f->base, data);
  f->department = dn_test_add_unit (f->base.store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->office = dn_test_add_unit (f->base.store, "PGDBX", "Phòng GD&ĐT Bát Xát", DN_UNIT_KIND_DISTRICT_OFFICE,
                                f->department);
  f->school = dn_test_add_unit (f->base.store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL, f->office);
  f->other = dn_test_add_unit (f->base.store, "PGDSP", "Phòng GD&ĐT Sa Pa", DN_UNIT_KIND_DISTRICT_OFFICE,
                               f->department);
  dn_server_test_add_account (f, "so", f->department, DN_ACCOUNT_ROLE_DEPARTMENT);
  dn_server_test_add_account (f, "batxat", f->office, DN_ACCOUNT_ROLE_UNIT);
  f->server = dn_server_new (f->base.store);
  g_assert_true (dn_server_listen (f->server, "127.0.0.1:0", NULL, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (f->server);
  g_assert_nonnull (uris);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);

    f->base_uri = g_strconcat (uri, "api/v1", NULL);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->session = soup_session_new ();
}

void
dn_server_fixture_teardown (DnServerFixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->server);
  g_free (f->base_uri);
  dn_test_store_teardown (&f->base, data);
}


void
dn_server_test_upload (DnServerFixture *f,
                       const char      *token,
                       const char      *file_name,
                       const void      *data,
                       gsize            length,
                       DnAnswer        *answer)
{
  g_autofree char *uri = g_strconcat (f->base_uri, "/attachments", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) content = g_bytes_new (data, length);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", header);
    }
  if (file_name != NULL)
    soup_message_headers_replace (headers, "X-File-Name", file_name);
  soup_message_set_request_body_from_bytes (msg, "application/octet-stream", content);
  send_message (f, msg, answer);
}
