/* dn-server-sessions.c: signing in and out
 *
 *   POST   /session        {"user", "password"} → {"token", "user": {…}}
 *   DELETE /session        ends the caller's session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-server-private.h"
#include "dn-store-accounts.h"
#include "dn-store-units.h"

static JsonNode *
account_to_json (DnStore   *store,
                 DnAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DnUnit) unit = dn_store_get_unit (store, account->unit_id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, account->name);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit != NULL ? unit->code : "");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, dn_account_role_to_string (account->role));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A sign-in whose password is being checked on a worker thread; the
 * message waits, paused */
typedef struct
{
  DnServer          *server;
  SoupServerMessage *msg;
  DnSignIn          *sign_in;
  GMainContext      *context;  /* where it is answered */
} SignInJob;

#define N_WAITING_KEY "dn-sign-ins-waiting"

static void
count_waiting (DnServer *server,
               int       delta)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (server), N_WAITING_KEY));

  g_object_set_data (G_OBJECT (server), N_WAITING_KEY, GUINT_TO_POINTER (delta > 0 ? n + 1 : n - 1));
}

guint
dn_server_get_n_waiting (DnServer *self)
{
  g_return_val_if_fail (DN_IS_SERVER (self), 0);
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), N_WAITING_KEY));
}

static void
sign_in_job_free (SignInJob *job)
{
  count_waiting (job->server, -1);
  g_clear_pointer (&job->sign_in, dn_sign_in_free);
  g_clear_object (&job->msg);
  g_clear_object (&job->server);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static void
reply_sign_in_error (SoupServerMessage *msg,
                     const GError      *error)
{
  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED))
    dn_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "denied", error->message);
  else if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS))
    dn_server_reply_error (msg, DN_SERVER_TOO_MANY_REQUESTS, "too-many-attempts", error->message);
  else
    _dn_server_reply_store_error (msg, error);
}

static void on_password_checked (SignInJob *job);

static gboolean
on_password_checked_cb (gpointer data)
{
  on_password_checked (data);
  return G_SOURCE_REMOVE;
}

/* On a worker: libsodium only, no store; then back to the main loop */
static void
check_password_thread (gpointer data,
                       gpointer pool_data)
{
  SignInJob *job = data;
  g_autoptr(GSource) source = g_idle_source_new ();

  dn_sign_in_check (job->sign_in);
  /* answered as a request is, not when the loop is idle: under load it
   * never is, and the sign-ins waited a minute for the others to stop */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_password_checked_cb, job, NULL);
  g_source_attach (source, job->context);
}

/* The passwords are checked on fewer threads than there are processors
 * (one on two): a burst of sign-ins (argon2id: 64 MiB and about 0.2 s of
 * a processor each) leaves one for the main loop and its other requests,
 * and takes that much memory at most that many times */
static void
check_password (SignInJob *job)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (check_password_thread, NULL,
                                                 MAX (1, (int) g_get_num_processors () - 1), FALSE, NULL));
  g_thread_pool_push (pool, job, NULL);
}

/* Back on the main loop: the outcome recorded, the session opened */
static void
on_password_checked (SignInJob *job)
{
  SoupServerMessage *msg = job->msg;
  DnStore *store = dn_server_get_store (job->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *token = NULL;
  g_autofree char *own = g_strdup (dn_store_get_actor (store));

  /* the pipeline's actor was put back when the route returned */
  dn_store_set_actor (store, dn_sign_in_get_name (job->sign_in));
  token = dn_store_finish_sign_in (store, job->sign_in, &error);
  dn_store_set_actor (store, own);
  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT) && dn_sign_in_get_tries (job->sign_in) < 3)
    {
      /* its hash changed meanwhile: checked again, on the worker too */
      check_password (job);
      return;
    }
  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED, _("Wrong account name or password."));
    }
  if (token != NULL)
    account = dn_store_check_session (store, token, &error);
  if (account == NULL)
    reply_sign_in_error (msg, error);
  else
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, token);
      json_builder_set_member_name (builder, "user");
      json_builder_add_value (builder, account_to_json (store, account));
      json_builder_end_object (builder);
      answer = json_builder_get_root (builder);
      dn_server_reply_json (msg, SOUP_STATUS_CREATED, answer);
    }
  soup_server_message_unpause (msg);
  sign_in_job_free (job);
}

static void
open_session (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  static const DnField fields[] = {
    { "user", DN_FIELD_STRING, TRUE, FALSE },
    { "password", DN_FIELD_STRING, TRUE, FALSE },
    { NULL }
  };
  DnStore *store = dn_server_get_store (request->server);
  JsonObject *object;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnSignIn) sign_in = NULL;
  g_autofree char *peer = NULL;
  SignInJob *job;

  if (!_dn_server_check_fields (msg, request->body, fields))
    return;
  object = json_node_get_object (request->body);
  peer = _dn_server_dup_peer (msg);
  sign_in = dn_store_begin_sign_in (store, json_object_get_string_member (object, "user"),
                                    json_object_get_string_member (object, "password"), peer,
                                    DN_SESSION_LIFETIME, &error);
  if (sign_in == NULL)
    {
      reply_sign_in_error (msg, error);
      return;
    }
  /* the password is checked off the main loop (about 0.2 s of argon2id),
   * which answers other requests meanwhile */
  job = g_new0 (SignInJob, 1);
  job->server = g_object_ref (request->server);
  count_waiting (job->server, +1);
  job->msg = g_object_ref (msg);
  job->sign_in = g_steal_pointer (&sign_in);
  job->context = g_main_context_ref_thread_default ();
  soup_server_message_pause (msg);
  check_password (job);
}

static void
close_session (DnRequest *request)
{
  SoupServerMessage *msg = request->msg;
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "Authorization");
  g_autoptr(GError) error = NULL;

  /* the pipeline checked it: "Bearer TOKEN" */
  if (!dn_store_close_session (dn_server_get_store (request->server), header + 7, &error))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static const DnRoute routes[] = {
  { "POST", "/session", FALSE, DN_ROUTE_JSON, 0, open_session },
  { "DELETE", "/session", TRUE, DN_ROUTE_NO_BODY, 0, close_session },
};
const DnRouteTable dn_server_session_routes = DN_ROUTE_TABLE (routes);
