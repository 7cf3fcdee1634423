/* dn-server.c: the department server's HTTP side: listening, the
 * pipeline every request goes through, the error answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <gio/gnetworking.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "dn-exchange-rows.h"
#include "dn-json-check.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"

#define API_PREFIX "/api/v1"

struct _DnServer
{
  GObject     parent_instance;

  DnStore    *store;
  SoupServer *soup;
};

G_DEFINE_FINAL_TYPE (DnServer, dn_server, G_TYPE_OBJECT)

/* Answers ----------------------------------------------------------------- */

void
dn_server_reply_json (SoupServerMessage *msg,
                      guint              status,
                      JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, status != 0 ? status : SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, text, length);
}

void
dn_server_reply_error (SoupServerMessage *msg,
                       guint              status,
                       const char        *code,
                       const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  dn_server_reply_json (msg, status, node);
}

void
_dn_server_reply_store_error (SoupServerMessage *msg,
                              const GError      *error)
{
  guint status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  const char *code = "failed";

  if (error->domain == DN_STORE_ERROR)
    switch ((DnStoreError) error->code)
      {
      case DN_STORE_ERROR_NOT_FOUND:
        status = SOUP_STATUS_NOT_FOUND;
        code = "not-found";
        break;
      case DN_STORE_ERROR_INVALID:
        status = SOUP_STATUS_BAD_REQUEST;
        code = "invalid";
        break;
      case DN_STORE_ERROR_WARNING:
        /* sent again with "confirmed": true, it is written */
        status = SOUP_STATUS_BAD_REQUEST;
        code = "warning";
        break;
      case DN_STORE_ERROR_DUPLICATE:
        status = SOUP_STATUS_CONFLICT;
        code = "duplicate";
        break;
      case DN_STORE_ERROR_IN_USE:
      case DN_STORE_ERROR_NOT_EMPTY:
        status = SOUP_STATUS_CONFLICT;
        code = "in-use";
        break;
      case DN_STORE_ERROR_BUSY:
        status = SOUP_STATUS_SERVICE_UNAVAILABLE;
        code = "busy";
        break;
      case DN_STORE_ERROR_DENIED:
        status = SOUP_STATUS_FORBIDDEN;
        code = "forbidden";
        break;
      case DN_STORE_ERROR_TOO_MANY_ATTEMPTS:
        status = DN_SERVER_TOO_MANY_REQUESTS;
        code = "too-many-attempts";
        break;
      case DN_STORE_ERROR_READ_ONLY:
        status = SOUP_STATUS_FORBIDDEN;
        code = "read-only";
        break;
      case DN_STORE_ERROR_CONFLICT:
        status = SOUP_STATUS_CONFLICT;
        code = "conflict";
        break;
      default:
        break;
      }
  dn_server_reply_error (msg, status, code, error->message);
}

void
_dn_server_reply_conflict (SoupServerMessage *msg,
                           DnStore           *store,
                           const char        *table,
                           gint64             id,
                           const GError      *error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (!g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
    {
      _dn_server_reply_store_error (msg, error);
      return;
    }
  current = dn_exchange_row_to_json (store, table, id, &read_error);
  if (current == NULL)
    {
      _dn_server_reply_store_error (msg, read_error);
      return;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, "conflict");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "current");
  json_builder_add_value (builder, g_steal_pointer (&current));
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  dn_server_reply_json (msg, SOUP_STATUS_CONFLICT, answer);
}

char *
_dn_server_dup_peer (SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);
  const char *forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                         "X-Forwarded-For");
  g_autoptr(GInetAddress) address = host != NULL ? g_inet_address_new_from_string (host) : NULL;

  /* behind a proxy on this computer (nginx), the address it saw: the last
   * one it added; from anywhere else the header is not believed */
  if (forwarded != NULL && address != NULL && g_inet_address_get_is_loopback (address))
    {
      const char *last = strrchr (forwarded, ',');
      g_autofree char *peer = g_strdup (last != NULL ? last + 1 : forwarded);

      g_strstrip (peer);
      if (peer[0] != '\0' && strlen (peer) <= 64)
        return g_steal_pointer (&peer);
    }
  return g_strdup (host != NULL ? host : "");
}

/* The body's size ------------------------------------------------------------ */

/* The most @msg's route takes: DN_SERVER_MAX_BODY unless it says more */
static gsize
max_body_of (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = g_uri_get_path (uri);
  g_autofree char *key = NULL;
  const DnRoute *route = NULL;
  gboolean known;
  gint64 id;

  if (g_str_has_prefix (path, API_PREFIX "/"))
    route = _dn_server_find_route (soup_server_message_get_method (msg), path + strlen (API_PREFIX), &id,
                                   &key, &known);
  return route != NULL && route->max_body > 0 ? route->max_body : DN_SERVER_MAX_BODY;
}

static void
refuse_too_large (SoupServerMessage *msg,
                  gsize              max)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *limit = g_format_size (max);
  g_autofree char *message = NULL;

  if (soup_server_message_get_status (msg) == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
    return;
  /* the rest is read off the connection, not kept; then it closes */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                       "close");
  message = g_strdup_printf (_("The request is larger than %s."), limit);
  dn_server_reply_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large", message);
}

static void
on_got_headers_cb (SoupServerMessage *msg,
                   gpointer           data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  gsize max = max_body_of (msg);

  g_object_set_data (G_OBJECT (msg), "dn-max-body", GSIZE_TO_POINTER (max));
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) max)
    refuse_too_large (msg, max);
}

static void
on_got_chunk_cb (SoupServerMessage *msg,
                 GBytes            *chunk,
                 gpointer           data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  gsize max = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), "dn-max-body"));

  if (max == 0)
    max = DN_SERVER_MAX_BODY;
  if ((gsize) body->length > max)
    refuse_too_large (msg, max);
}

static void
on_request_started_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       gpointer           data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers_cb), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk_cb), NULL);
}

/* The body as JSON ------------------------------------------------------------ */

JsonNode *
dn_server_parse_body (const char  *data,
                      gsize        length,
                      GError     **error)
{
  const DnJsonLimits limits = { DN_SERVER_MAX_DEPTH, DN_SERVER_MAX_BODY, 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!dn_json_check_strict (data, length, &limits, _("The request"), &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, local_error->message);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The request is not JSON: %s"),
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The request must be a JSON object."));
      return NULL;
    }
  return json_node_ref (root);
}

/* Routes -------------------------------------------------------------------------- */

static const DnRouteTable * const route_tables[] = {
  &dn_server_session_routes,
  &dn_server_task_routes,
  &dn_server_change_routes,
  &dn_server_unit_routes,
  &dn_server_people_routes,
  &dn_server_record_routes,
  &dn_server_record_write_routes,
  &dn_server_document_routes,
  &dn_server_passport_routes,
  &dn_server_member_routes,
  &dn_server_report_routes,
  &dn_server_setting_routes,
  &dn_server_task_write_routes,
  &dn_server_deadline_routes,
  &dn_server_attachment_routes,
  &dn_server_delegation_step_routes,
  &dn_server_unit_step_routes,
};

/* TRUE when @path matches @pattern, a "{id}" in it standing for a record
 * number (1 or more) given in *@id, a "{key}" for a word of letters,
 * digits, '-', '_' and '.' (at most 128) given in *@key */
static gboolean
path_matches (const char  *pattern,
              const char  *path,
              gint64      *id,
              char       **key)
{
  const char *hole = strstr (pattern, "{id}");
  gsize head;
  char *end = NULL;
  guint64 number;

  *id = 0;
  if (hole == NULL && (hole = strstr (pattern, "{key}")) != NULL)
    {
      gsize length = 0;

      head = (gsize) (hole - pattern);
      if (strncmp (pattern, path, head) != 0)
        return FALSE;
      while (path[head + length] != '\0' &&
             (g_ascii_isalnum (path[head + length]) || strchr ("-_.", path[head + length]) != NULL))
        if (++length > 128)
          return FALSE;
      if (length == 0 || !g_str_equal (path + head + length, hole + strlen ("{key}")))
        return FALSE;
      *key = g_strndup (path + head, length);
      return TRUE;
    }
  if (hole == NULL)
    return g_str_equal (pattern, path);
  head = (gsize) (hole - pattern);
  if (strncmp (pattern, path, head) != 0 || !g_ascii_isdigit (path[head]) || path[head] == '0')
    return FALSE;
  number = g_ascii_strtoull (path + head, &end, 10);
  if (number == 0 || number > G_MAXINT64 || end == path + head || !g_str_equal (end, hole + strlen ("{id}")))
    return FALSE;
  *id = (gint64) number;
  return TRUE;
}

const DnRoute *
_dn_server_find_route (const char  *method,
                       const char  *path,
                       gint64      *id,
                       char       **key,
                       gboolean    *path_known)
{
  *path_known = FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (route_tables); t++)
    for (guint i = 0; i < route_tables[t]->n_routes; i++)
      {
        const DnRoute *route = &route_tables[t]->routes[i];
        g_autofree char *found = NULL;

        if (!path_matches (route->path, path, id, &found))
          continue;
        *path_known = TRUE;
        if (g_str_equal (route->method, method))
          {
            g_free (*key);
            *key = g_steal_pointer (&found);
            return route;
          }
      }
  return NULL;
}

static DnAccount *
account_of (DnServer          *self,
            SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "Authorization");
  g_autoptr(GError) error = NULL;
  DnAccount *account;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0 || header[7] == '\0')
    {
      dn_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                             _("Sign in first: send “Authorization: Bearer TOKEN” with the token of POST "
                               "/api/v1/session."));
      return NULL;
    }
  account = dn_store_check_session (self->store, header + 7, &error);
  if (account == NULL)
    dn_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                           error != NULL ? error->message : _("The session has ended: sign in again."));
  return account;
}

static void
handle_api_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           data)
{
  DnServer *self = data;
  const char *method = soup_server_message_get_method (msg);
  const DnRoute *route;
  gboolean path_known = FALSE;
  g_autoptr(DnAccount) account = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  gint64 id = 0;
  DnRequest request;

  if (soup_server_message_get_status (msg) != 0)
    return;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control",
                                       "no-store");
  route = _dn_server_find_route (method, path + strlen (API_PREFIX), &id, &key, &path_known);
  if (route == NULL)
    {
      if (path_known)
        dn_server_reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                               _("This address does not take that method."));
      else
        dn_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found", _("There is nothing at this address."));
      return;
    }
  if (route->needs_account && (account = account_of (self, msg)) == NULL)
    return;
  if (route->body != DN_ROUTE_NO_BODY)
    bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (route->body == DN_ROUTE_JSON)
    {
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      const char *text = g_bytes_get_data (bytes, &length);

      body = dn_server_parse_body (text != NULL ? text : "", length, &error);
      if (body == NULL)
        {
          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed", error->message);
          return;
        }
      g_clear_pointer (&bytes, g_bytes_unref);
    }
  request = (DnRequest) { self, msg, account, id, key, query, body, bytes };
  if (account == NULL)
    {
      route->func (&request);
      return;
    }
  /* what it writes is audited with the caller's name (a handler that
   * writes later, off this call, sets it again around its write) */
  {
    g_autofree char *own = g_strdup (dn_store_get_actor (self->store));

    dn_store_set_actor (self->store, account->name);
    route->func (&request);
    dn_store_set_actor (self->store, own);
  }
}

/* Listening ------------------------------------------------------------------- */

static GSocketAddress *
parse_address (const char  *address,
               GError     **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  const char *colon = strrchr (address, ':');
  char *end = NULL;
  guint64 port;

  if (colon == NULL || colon == address || colon[1] == '\0')
    goto bad;
  port = g_ascii_strtoull (colon + 1, &end, 10);
  if (*end != '\0' || port > 65535)
    goto bad;
  host = g_strndup (address, (gsize) (colon - address));
  if (host[0] == '[' && g_str_has_suffix (host, "]"))
    {
      memmove (host, host + 1, strlen (host) - 2);
      host[strlen (host) - 2] = '\0';
    }
  if (g_str_equal (host, "localhost"))
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    goto bad;
  return g_inet_socket_address_new (inet, (guint16) port);

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not an address to listen on: write HOST:PORT, such as 127.0.0.1:8080 or [::1]:8080."),
               address);
  return NULL;
}

/* A socket bound to @address, listening with DN_SERVER_LISTEN_BACKLOG
 * (soup_server_listen() takes GIO's 10: when 200 desktops connect at
 * once, the kernel turns away the connections beyond it while the main
 * loop accepts one at a time, and their requests end reset) */
static GSocket *
listening_socket (GSocketAddress  *address,
                  GError         **error)
{
  GSocketFamily family = g_socket_address_get_family (address);
  g_autoptr(GSocket) socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);

  if (socket == NULL)
    return NULL;
  /* as libsoup does: an IPv6 address is not IPv4's too */
  if (family == G_SOCKET_FAMILY_IPV6)
    g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, NULL);
  g_socket_set_listen_backlog (socket, DN_SERVER_LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

gboolean
dn_server_listen (DnServer         *self,
                  const char       *address,
                  GTlsCertificate  *certificate,
                  gboolean          allow_plain,
                  GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupServerListenOptions options = 0;
  GInetAddress *inet;

  g_return_val_if_fail (DN_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  socket_address = parse_address (address, error);
  if (socket_address == NULL)
    return FALSE;
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (socket_address));
  if (certificate == NULL && !allow_plain && !g_inet_address_get_is_loopback (inet))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Without a certificate the server listens on this computer only (127.0.0.1): give "
                     "--tls-cert and --tls-key to listen on %s, or --allow-plain-http when a TLS proxy stands "
                     "in front of it."),
                   address);
      return FALSE;
    }
  if (certificate != NULL)
    {
      soup_server_set_tls_certificate (self->soup, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  socket = listening_socket (socket_address, error);
  return socket != NULL && soup_server_listen_socket (self->soup, socket, options, error);
}

GSList *
dn_server_get_uris (DnServer *self)
{
  g_return_val_if_fail (DN_IS_SERVER (self), NULL);
  return soup_server_get_uris (self->soup);
}

gboolean
dn_server_accept_stream (DnServer   *self,
                         GIOStream  *stream,
                         GError    **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new (loopback, 8080);
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new (loopback, 40000);

  g_return_val_if_fail (DN_IS_SERVER (self), FALSE);
  return soup_server_accept_iostream (self->soup, stream, local, remote, error);
}

void
dn_server_disconnect (DnServer *self)
{
  g_return_if_fail (DN_IS_SERVER (self));
  soup_server_disconnect (self->soup);
}

DnStore *
dn_server_get_store (DnServer *self)
{
  g_return_val_if_fail (DN_IS_SERVER (self), NULL);
  return self->store;
}

DnServer *
dn_server_new (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  DnServer *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  /* the pages every request reads again (the tasks, their assignments, the
   * change log) kept in memory, not read from the system's cache each time
   * (SQLite's 2 MiB: a third of the requests per second on 100 000 tasks,
   * bench-server) */
  if (!dn_store_set_cache_size (store, DN_SERVER_CACHE_SIZE, &error))
    g_warning ("The database's cache could not be made larger: %s", error->message);
#ifdef __GLIBC__
  /* memory freed after a request is kept for the next one, not given back
   * to the system at once: with threads beside the main loop (the
   * sign-ins' checks), giving it back and taking it again cost page faults
   * and TLB flushes on every CPU, a third of the server's time under load
   * (bench-server) */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
  return self;
}

static void
dn_server_dispose (GObject *object)
{
  DnServer *self = DN_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (dn_server_parent_class)->dispose (object);
}

static void
dn_server_class_init (DnServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dn_server_dispose;
}

static void
dn_server_init (DnServer *self)
{
  self->soup = soup_server_new ("server-header", "doingoai", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started_cb), self);
  soup_server_add_handler (self->soup, API_PREFIX, handle_api_cb, self, NULL);
}
