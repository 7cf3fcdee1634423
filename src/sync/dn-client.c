/* dn-client.c: the desktop's side of the department server's API
 * (dn-client.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "dn-client.h"
#include "dn-json-check.h"
#include "dn-text.h"

/* What an error of the domain carries beside its message */
typedef struct
{
  JsonNode        *current;
  GTlsCertificate *certificate;
} DnClientErrorPrivate;

static void
dn_client_error_private_init (DnClientErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  priv->current = NULL;
  priv->certificate = NULL;
}

static void
dn_client_error_private_copy (const DnClientErrorPrivate *src,
                              DnClientErrorPrivate       *dest)
{
  if (src == NULL || dest == NULL)
    return;
  dest->current = src->current != NULL ? json_node_copy (src->current) : NULL;
  dest->certificate = src->certificate != NULL ? g_object_ref (src->certificate) : NULL;
}

static void
dn_client_error_private_clear (DnClientErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  g_clear_pointer (&priv->current, json_node_unref);
  g_clear_object (&priv->certificate);
}

G_DEFINE_EXTENDED_ERROR (DnClientError, dn_client_error)

JsonNode *
dn_client_error_get_current (const GError *error)
{
  DnClientErrorPrivate *priv = error != NULL ? dn_client_error_get_private (error) : NULL;

  return priv != NULL ? priv->current : NULL;
}

GTlsCertificate *
dn_client_error_get_certificate (const GError *error)
{
  DnClientErrorPrivate *priv = error != NULL ? dn_client_error_get_private (error) : NULL;

  return priv != NULL ? priv->certificate : NULL;
}

char *
dn_client_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);
  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&der));
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

struct _DnClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_uri;   /* ends with "/" */
  char        *pinned;     /* lower-case hexadecimal, or NULL */
  char        *token;
  char        *user_name;
  char        *unit_code;
  char        *role;
};

G_DEFINE_FINAL_TYPE (DnClient, dn_client, G_TYPE_OBJECT)

static void
forget_session (DnClient *self)
{
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->unit_code, g_free);
  g_clear_pointer (&self->role, g_free);
}

static void
dn_client_finalize (GObject *object)
{
  DnClient *self = DN_CLIENT (object);

  forget_session (self);
  g_clear_object (&self->session);
  g_free (self->base_uri);
  g_free (self->pinned);
  G_OBJECT_CLASS (dn_client_parent_class)->finalize (object);
}

static void
dn_client_class_init (DnClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_client_finalize;
}

static void
dn_client_init (DnClient *self)
{
  self->session = soup_session_new_with_options ("timeout", DN_CLIENT_TIMEOUT, "idle-timeout", 60, NULL);
}

DnClient *
dn_client_new (const char  *base_uri,
               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  DnClient *self;

  g_return_val_if_fail (base_uri != NULL, NULL);
  uri = g_uri_parse (base_uri, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_autofree char *shown = dn_text_escape_for_display (base_uri, 200);

      g_set_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_INVALID,
                   _("“%s” is not a server's address (https://HOST:PORT/)."), shown);
      return NULL;
    }
  self = g_object_new (DN_TYPE_CLIENT, NULL);
  self->base_uri = g_str_has_suffix (base_uri, "/") ? g_strdup (base_uri) : g_strconcat (base_uri, "/", NULL);
  return self;
}

const char *
dn_client_get_base_uri (DnClient *self)
{
  g_return_val_if_fail (DN_IS_CLIENT (self), NULL);
  return self->base_uri;
}

gboolean
dn_client_set_pinned_certificate (DnClient   *self,
                                  const char *fingerprint)
{
  g_return_val_if_fail (DN_IS_CLIENT (self), FALSE);
  if (fingerprint != NULL)
    {
      if (strlen (fingerprint) != 64)
        return FALSE;
      for (const char *p = fingerprint; *p != '\0'; p++)
        if (!g_ascii_isxdigit (*p))
          return FALSE;
    }
  g_free (self->pinned);
  self->pinned = fingerprint != NULL ? g_ascii_strdown (fingerprint, -1) : NULL;
  return TRUE;
}

const char *
dn_client_get_pinned_certificate (DnClient *self)
{
  g_return_val_if_fail (DN_IS_CLIENT (self), NULL);
  return self->pinned;
}

void
dn_client_set_timeout (DnClient *self,
                       guint     seconds)
{
  g_return_if_fail (DN_IS_CLIENT (self));
  soup_session_set_timeout (self->session, MAX (seconds, 1));
}

/* The plain getters: dn_client_get_token, dn_client_get_user_name,
 * dn_client_get_unit_code, dn_client_get_role */
#define DEFINE_GETTER(type, name, field) \
  type name (DnClient *self) { g_return_val_if_fail (DN_IS_CLIENT (self), NULL); return self->field; }

DEFINE_GETTER (const char *, dn_client_get_token, token)
DEFINE_GETTER (const char *, dn_client_get_user_name, user_name)
DEFINE_GETTER (const char *, dn_client_get_unit_code, unit_code)
DEFINE_GETTER (const char *, dn_client_get_role, role)

/*
 * One request
 */

typedef struct
{
  DnClient        *client;
  SoupMessage     *msg;
  GInputStream    *stream;
  GByteArray      *answer;
  GTlsCertificate *refused;    /* a certificate not accepted */
  gboolean         mismatch;   /* … because another one is pinned */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->client);
  if (request->msg != NULL)
    g_signal_handlers_disconnect_by_data (request->msg, request);
  g_clear_object (&request->msg);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->answer, g_byte_array_unref);
  g_clear_object (&request->refused);
  g_free (request);
}

static GError *
client_error (DnClientError  code,
              const char    *message)
{
  return g_error_new_literal (DN_CLIENT_ERROR, code, message);
}

/* Only for a certificate the system does not trust */
static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              data)
{
  Request *request = data;
  g_autofree char *fingerprint = dn_client_certificate_fingerprint (certificate);
  const char *pinned = request->client->pinned;

  if (pinned != NULL && fingerprint != NULL && g_str_equal (pinned, fingerprint))
    return TRUE;
  g_set_object (&request->refused, certificate);
  request->mismatch = pinned != NULL;
  return FALSE;
}

static GError *
certificate_error (Request *request)
{
  g_autofree char *fingerprint = dn_client_certificate_fingerprint (request->refused);
  g_autofree char *subject = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *until = NULL;
  GError *error;

  g_object_get (request->refused, "subject-name", &subject, "not-valid-after", &after, NULL);
  until = after != NULL ? g_date_time_format (after, "%d/%m/%Y") : g_strdup ("?");
  if (request->mismatch)
    error = g_error_new (DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE_CHANGED,
                         _("The server's certificate is not the one confirmed before (SHA-256 %s, %s). "
                           "Someone may be intercepting the connection: do not go on unless the "
                           "department has changed its certificate."),
                         fingerprint, subject != NULL ? subject : "?");
  else
    error = g_error_new (DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE,
                         _("The server's certificate is not one this computer trusts: %s, valid until %s, "
                           "SHA-256 %s. Confirm it only if the department gave you this fingerprint."),
                         subject != NULL ? subject : "?", until, fingerprint);
  {
    DnClientErrorPrivate *priv = dn_client_error_get_private (error);

    if (priv != NULL)
      priv->certificate = g_object_ref (request->refused);
  }
  return error;
}

/* A failure before any answer, in the domain's words */
static GError *
transport_error (Request *request,
                 GError  *cause)
{
  if (request->refused != NULL)
    return certificate_error (request);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (cause);
  if (cause->domain == G_TLS_ERROR)
    return g_error_new (DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE,
                        _("No secure connection could be made with the server: %s"), cause->message);
  return g_error_new (DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE,
                      _("The server cannot be reached (%s). Check the network and the server's address."),
                      cause->message);
}

JsonNode *
dn_client_parse_answer (const char  *data,
                        gsize        length,
                        GError     **error)
{
  static const DnJsonLimits limits = { DN_CLIENT_MAX_DEPTH, 0, 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!dn_json_check_strict (data, length, &limits, _("The server's answer"), &local_error) ||
      !json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER,
                   _("The server's answer is not valid: %s"), local_error->message);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* An error answer ({"error": {"code", "message"}}, a 409's "current") as
 * the domain's error */
static GError *
status_error (guint     status,
              JsonNode *answer)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonNode *member = object != NULL ? json_object_get_member (object, "error") : NULL;
  JsonObject *detail = member != NULL && JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
  JsonNode *text = detail != NULL ? json_object_get_member (detail, "message") : NULL;
  JsonNode *word = detail != NULL ? json_object_get_member (detail, "code") : NULL;
  const char *message = text != NULL && JSON_NODE_HOLDS_VALUE (text) &&
                        json_node_get_value_type (text) == G_TYPE_STRING ? json_node_get_string (text) : NULL;
  DnClientError code;
  GError *error;

  if (status >= 500 || status < 400)
    {
      code = DN_CLIENT_ERROR_SERVER;
      error = g_error_new (DN_CLIENT_ERROR, code, _("The server failed to answer (HTTP %u)."), status);
      return error;
    }
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED: code = DN_CLIENT_ERROR_UNAUTHORIZED; break;
    case SOUP_STATUS_FORBIDDEN: code = DN_CLIENT_ERROR_FORBIDDEN; break;
    case SOUP_STATUS_NOT_FOUND: code = DN_CLIENT_ERROR_NOT_FOUND; break;
    case SOUP_STATUS_CONFLICT: code = DN_CLIENT_ERROR_CONFLICT; break;
    default: code = DN_CLIENT_ERROR_INVALID; break;
    }
  if (status == SOUP_STATUS_BAD_REQUEST && word != NULL && JSON_NODE_HOLDS_VALUE (word) &&
      json_node_get_value_type (word) == G_TYPE_STRING && g_strcmp0 (json_node_get_string (word), "warning") == 0)
    code = DN_CLIENT_ERROR_WARNING;
  if (message == NULL || *message == '\0')
    message = code == DN_CLIENT_ERROR_UNAUTHORIZED ? _("The session has ended: sign in again.")
              : code == DN_CLIENT_ERROR_FORBIDDEN ? _("Your account may not do this.")
              : code == DN_CLIENT_ERROR_NOT_FOUND ? _("The record is not on the server.")
              : code == DN_CLIENT_ERROR_CONFLICT ? _("Someone else changed the record first.")
                                                 : _("The server refused the request.");
  error = client_error (code, message);
  if (code == DN_CLIENT_ERROR_CONFLICT && object != NULL && json_object_has_member (object, "current"))
    {
      DnClientErrorPrivate *priv = dn_client_error_get_private (error);

      if (priv != NULL)
        priv->current = json_node_copy (json_object_get_member (object, "current"));
    }
  return error;
}

static void
request_done (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  guint status = soup_message_get_status (request->msg);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  /* a file's bytes as they came */
  if (status >= 200 && status < 300 && g_task_get_source_tag (task) == (gpointer) dn_client_download_async)
    {
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&request->answer)),
                             (GDestroyNotify) g_bytes_unref);
      return;
    }
  if (request->answer->len > 0)
    answer = dn_client_parse_answer ((const char *) request->answer->data, request->answer->len, &error);
  if (status >= 200 && status < 300)
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, answer != NULL ? g_steal_pointer (&answer) : json_node_new (JSON_NODE_NULL),
                               (GDestroyNotify) json_node_unref);
      return;
    }
  g_task_return_error (task, status_error (status, answer));
}

static void on_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data);

/* Reads the answer's next piece; @task is passed on */
static void
read_more (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_input_stream_read_bytes_async (request->stream, 64 * 1024, G_PRIORITY_DEFAULT, cancellable, on_read, task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) piece = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (piece == NULL)
    {
      g_task_return_error (task, transport_error (request, error));
      return;
    }
  if (g_bytes_get_size (piece) == 0)
    {
      request_done (task);
      return;
    }
  if (request->answer->len + g_bytes_get_size (piece) > DN_CLIENT_MAX_ANSWER)
    {
      g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_error (task, g_error_new (DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER,
                                              _("The server's answer is larger than %u MB."),
                                              DN_CLIENT_MAX_ANSWER / (1024 * 1024)));
      return;
    }
  g_byte_array_append (request->answer, g_bytes_get_data (piece, NULL), (guint) g_bytes_get_size (piece));
  read_more (g_steal_pointer (&task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      g_task_return_error (task, transport_error (request, error));
      return;
    }
  request->answer = g_byte_array_new ();
  read_more (g_steal_pointer (&task));
}

/* The task of a call of the client's API, tagged with @source_tag (the
 * public function that starts it) */
static GTask *
client_task_new (DnClient            *self,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
start_request (DnClient            *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               GBytes              *raw,
               const char          *file_name,
               GCancellable        *cancellable,
               gpointer             source_tag,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = client_task_new (self, cancellable, callback, user_data, source_tag);
  g_autofree char *uri = g_strconcat (self->base_uri, "api/v1", path, NULL);
  Request *request;

  request = g_new0 (Request, 1);
  request->client = g_object_ref (self);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  request->msg = soup_message_new (method, uri);
  if (request->msg == NULL)
    {
      g_autofree char *shown = dn_text_escape_for_display (uri, 200);

      g_task_return_new_error (task, DN_CLIENT_ERROR, DN_CLIENT_ERROR_INVALID,
                               _("“%s” is not a server's address (https://HOST:PORT/)."), shown);
      return;
    }
  if (self->token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (request->msg), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;
      gsize length = 0;
      GBytes *content;

      json_generator_set_root (generator, body);
      text = json_generator_to_data (generator, &length);
      content = g_bytes_new_take (g_steal_pointer (&text), length);
      soup_message_set_request_body_from_bytes (request->msg, "application/json", content);
      g_bytes_unref (content);
    }
  if (raw != NULL)
    {
      /* a file's bytes: its name percent-encoded when it is not ASCII */
      g_autofree char *name = g_uri_escape_string (file_name != NULL ? file_name : "", NULL, FALSE);

      soup_message_set_request_body_from_bytes (request->msg, "application/octet-stream", raw);
      soup_message_headers_replace (soup_message_get_request_headers (request->msg), "X-File-Name", name);
    }
  soup_message_headers_replace (soup_message_get_request_headers (request->msg), "Accept", "application/json");
  g_signal_connect (request->msg, "accept-certificate", G_CALLBACK (on_accept_certificate), request);
  soup_session_send_async (self->session, request->msg, G_PRIORITY_DEFAULT, cancellable, on_sent,
                           g_steal_pointer (&task));
}

void
dn_client_request_async (DnClient            *self,
                         const char          *method,
                         const char          *path,
                         JsonNode            *body,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (DN_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');
  start_request (self, method, path, body, NULL, NULL, cancellable, dn_client_request_async, callback, user_data);
}

JsonNode *
dn_client_request_finish (DnClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The answer of a request made for a call (@data, its task) given to that
 * call: the error, or the answer itself (signing out: TRUE) */
static void
on_part_answered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;

  answer = dn_client_request_finish (DN_CLIENT (source), result, &error);
  if (answer == NULL)
    g_task_return_error (task, error);
  else if (g_task_get_source_tag (task) == (gpointer) dn_client_sign_out_async)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, g_steal_pointer (&answer), (GDestroyNotify) json_node_unref);
}

static void
on_upload_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  DnClient *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  GError *error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  start_request (self, "POST", g_task_get_task_data (task), NULL, bytes, name, g_task_get_cancellable (task),
                 dn_client_request_async, on_part_answered, g_object_ref (task));
}

void
dn_client_upload_async (DnClient            *self,
                        const char          *path,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DN_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (G_IS_FILE (file));
  task = client_task_new (self, cancellable, callback, user_data, dn_client_upload_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_file_load_bytes_async (file, cancellable, on_upload_loaded, task);
}

JsonNode *
dn_client_upload_finish (DnClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
dn_client_download_async (DnClient            *self,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (DN_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  start_request (self, "GET", path, NULL, NULL, NULL, cancellable, dn_client_download_async, callback, user_data);
}

GBytes *
dn_client_download_finish (DnClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Signing in and out
 */

/* The text member @name of @object, else NULL */
static const char *
text_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  DnClient *self = DN_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = g_task_propagate_pointer (G_TASK (result), &error);
  JsonObject *object, *user = NULL;
  const char *token, *name, *unit, *role;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (object != NULL && json_object_has_member (object, "user") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "user")))
    user = json_object_get_object_member (object, "user");
  token = text_member (object, "token");
  name = text_member (user, "name");
  unit = text_member (user, "unit");
  role = text_member (user, "role");
  if (token == NULL || *token == '\0' || name == NULL || unit == NULL || role == NULL)
    {
      g_task_return_new_error (task, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER,
                               _("The server's answer is not valid: %s"), _("no session was given."));
      return;
    }
  forget_session (self);
  self->token = g_strdup (token);
  self->user_name = g_strdup (name);
  self->unit_code = g_strdup (unit);
  self->role = g_strdup (role);
  g_task_return_boolean (task, TRUE);
}

void
dn_client_sign_in_async (DnClient            *self,
                         const char          *user,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (DN_IS_CLIENT (self));
  g_return_if_fail (user != NULL && password != NULL);
  task = client_task_new (self, cancellable, callback, user_data, dn_client_sign_in_async);
  json_object_set_string_member (object, "user", user);
  json_object_set_string_member (object, "password", password);
  body = json_node_init_object (json_node_alloc (), object);
  /* a new session: the old one is forgotten, its token not sent */
  forget_session (self);
  start_request (self, "POST", "/session", body, NULL, NULL, cancellable, dn_client_sign_in_async, on_signed_in, task);
}

gboolean
dn_client_sign_in_finish (DnClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
dn_client_sign_out_async (DnClient            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DN_IS_CLIENT (self));
  task = client_task_new (self, cancellable, callback, user_data, dn_client_sign_out_async);
  if (self->token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  /* the message holds the token; the client forgets it now */
  start_request (self, "DELETE", "/session", NULL, NULL, NULL, cancellable, dn_client_sign_out_async, on_part_answered,
                 task);
  forget_session (self);
}

gboolean
dn_client_sign_out_finish (DnClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
