/* fuzz-request.c: the input as the bytes a client sends the department
 * server on one connection
 *
 * One database with a unit and an account is made once, and a server over
 * it (not listening): the input is handed to it as a connection in memory
 * (dn_server_accept_stream()), libsoup's HTTP/1 parser and the server's
 * pipeline read it, and the main context runs until it has answered.
 *
 * Invariants: whatever came, the server writes either nothing (the bytes
 * were not a request it could answer) or HTTP/1.x answers; an answer of
 * the API (4xx with a JSON type) holds {"error": {"code", "message"}}
 * strict JSON; no request writes a task; the same bytes given to
 * dn_server_parse_body() give a JSON object or an error, never both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <string.h>

#include "dn-fuzz.h"
#include "dn-server.h"
#include "dn-store-accounts.h"
#include "dn-store-tasks.h"
#include "dn-store-units.h"

static DnStore  *store;
static DnServer *server;

/* libsoup 3.2 gives a body stream a negative length from a header such as
 * "Content-Length: -2" and GObject warns of it, inside the library, before
 * the server sees the request (regressions/request/negative-length.http);
 * that one warning is not a bug of ours, any other stays fatal */
static gboolean
is_fatal (const char     *domain,
          GLogLevelFlags  level,
          const char     *message,
          gpointer        data)
{
  return !(g_strcmp0 (domain, "GLib-GObject") == 0 && (level & G_LOG_LEVEL_WARNING) != 0 &&
           strstr (message, "for property 'content-length'") != NULL);
}

static void
init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = dn_unit_new ();
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autofree char *path = NULL;

  if (store != NULL)
    return;
  dn_fuzz_init ();
  g_test_log_set_fatal_handler (is_fatal, NULL);
  path = g_build_filename (dn_fuzz_tmp_dir (), "server.db", NULL);
  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  dn_fuzz_assert (store != NULL, "cannot make the database: %s", error->message);
  g_free (unit->code);
  unit->code = g_strdup ("SGD");
  g_free (unit->name);
  unit->name = g_strdup ("Sở Giáo dục và Đào tạo");
  unit->kind = DN_UNIT_KIND_DEPARTMENT;
  dn_fuzz_assert (dn_store_add_unit (store, unit, &error), "cannot add the unit: %s", error->message);
  g_free (account->name);
  account->name = g_strdup ("so");
  account->unit_id = unit->id;
  account->role = DN_ACCOUNT_ROLE_DEPARTMENT;
  dn_fuzz_assert (dn_store_add_account (store, account, "mật khẩu tốt 123", &error), "cannot add the account: %s",
                  error->message);
  server = dn_server_new (store);
}

static gint64
count_tasks (void)
{
  DnTaskQuery query;

  dn_task_query_init (&query);
  return dn_store_count_tasks (store, &query, NULL);
}

/* Each answer in @out: "HTTP/1.x NNN …", its JSON body, if any, strict */
static void
check_answers (const char *out,
               gsize       length)
{
  if (length == 0)
    return;
  dn_fuzz_assert (length > 12 && (strncmp (out, "HTTP/1.1 ", 9) == 0 || strncmp (out, "HTTP/1.0 ", 9) == 0),
                  "the server wrote something that is not an HTTP answer");
  /* @out is not ended by a NUL: every search stays within @length */
  if (g_strstr_len (out, (gssize) length, "Content-Type: application/json") != NULL)
    {
      const char *body = g_strstr_len (out, (gssize) length, "\r\n\r\n");

      dn_fuzz_assert (body != NULL, "an answer without the end of its headers");
      body += 4;
      /* the first answer's body ends where the next answer begins */
      {
        const char *next = g_strstr_len (body, (gssize) (length - (gsize) (body - out)), "HTTP/1.");
        gsize size = next != NULL ? (gsize) (next - body) : length - (gsize) (body - out);

        g_autofree char *why = NULL;

        dn_fuzz_assert (size == 0 || dn_fuzz_json_is_strict (body, size, &why), "an answer whose JSON is not strict: %s",
                        why);
      }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  gint64 tasks;

  init ();
  tasks = count_tasks ();
  input = g_memory_input_stream_new_from_data (g_memdup2 (data, size), (gssize) size, g_free);
  output = g_memory_output_stream_new_resizable ();
  stream = g_simple_io_stream_new (input, output);
  if (dn_server_accept_stream (server, stream, &error))
    {
      /* until it has read everything and answered (a sign-in's answer
       * comes when its password has been checked on a worker thread) */
      for (guint i = 0; i < 200; i++)
        if (!g_main_context_iteration (NULL, FALSE))
          {
            if (dn_server_get_n_waiting (server) == 0)
              break;
            g_main_context_iteration (NULL, TRUE);
          }
      g_output_stream_close (output, NULL, NULL);
      check_answers (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)),
                     g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)));
    }
  g_clear_error (&error);

  /* the same bytes as a body alone */
  body = dn_server_parse_body ((const char *) data, size, &error);
  dn_fuzz_assert ((body == NULL) != (error == NULL), "a body parsed and refused at once");
  dn_fuzz_assert (body == NULL || JSON_NODE_HOLDS_OBJECT (body), "a body that is not an object was accepted");
  dn_fuzz_assert (count_tasks () == tasks, "a request wrote a task");
  return 0;
}
