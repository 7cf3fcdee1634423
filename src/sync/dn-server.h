/* dn-server.h: the department server's HTTP side (libsoup 3)
 *
 * A DnServer answers the JSON API under /api/v1/ over a DnStore, on the
 * thread-default main context of the thread that made it. Every request
 * goes through one pipeline before its route's handler sees it:
 *
 * - the body's size is capped as its headers arrive (Content-Length) and
 *   as its pieces arrive (chunked): 413, the rest of it not kept;
 * - the route (method and path) is found, else 404 or 405;
 * - the caller is known from "Authorization: Bearer TOKEN" (every route
 *   but POST /session), else 401;
 * - a JSON body is checked as strict JSON within a small nesting depth
 *   (dn_json_check_strict()) before json-glib parses it, else 400.
 *
 * Errors are {"error": {"code": "…", "message": "…"}} with a 4xx status,
 * the message translated in the server's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* The largest request body read, in bytes */
#define DN_SERVER_MAX_BODY  (1024 * 1024)
/* The deepest nesting of a request's JSON */
#define DN_SERVER_MAX_DEPTH 16
/* The database's pages the server keeps in memory (bytes) */
#define DN_SERVER_CACHE_SIZE (128 * 1024 * 1024)
/* Connections waiting to be accepted: GIO's 10 turned away some of 200
 * desktops connecting at once (bench-server) */
#define DN_SERVER_LISTEN_BACKLOG 1024
/* HTTP 429, which libsoup 3.2 does not name */
#define DN_SERVER_TOO_MANY_REQUESTS 429

#define DN_TYPE_SERVER (dn_server_get_type ())
G_DECLARE_FINAL_TYPE (DnServer, dn_server, DN, SERVER, GObject)

DnServer   *dn_server_new          (DnStore           *store);
DnStore    *dn_server_get_store    (DnServer          *self);
/* Listens on @address, "HOST:PORT" with HOST an IP address ("127.0.0.1",
 * "[::1]", "0.0.0.0") or "localhost"; port 0 takes a free one. With
 * @certificate, HTTPS. Without one, a HOST other than loopback is refused
 * unless @allow_plain (the server is then meant to sit behind a TLS proxy
 * on a network the department controls). */
gboolean    dn_server_listen       (DnServer          *self,
                                    const char        *address,
                                    GTlsCertificate   *certificate,
                                    gboolean           allow_plain,
                                    GError           **error);
/* The base addresses listened on ("http://127.0.0.1:40613/"), as GUri. */
GSList     *dn_server_get_uris     (DnServer          *self);
void        dn_server_disconnect   (DnServer          *self);
/* Serves one connection given as @stream (a test's or the fuzz target's
 * bytes in memory), as if accepted from 127.0.0.1. */
gboolean    dn_server_accept_stream (DnServer         *self,
                                     GIOStream        *stream,
                                     GError          **error);

/* The requests being answered off the main loop (sign-ins whose password
 * is being checked on a worker thread): their answers come on a later
 * iteration of the main context. */
guint       dn_server_get_n_waiting (DnServer         *self);

/* What the pipeline does with a request body, alone (also the fuzz
 * target's entry): NULL with @error (a translated message) when @data is
 * not strict JSON within DN_SERVER_MAX_DEPTH or not an object. */
JsonNode   *dn_server_parse_body   (const char        *data,
                                    gsize              length,
                                    GError           **error);

/* Answers @msg with @status and {"error": {"code": @code, "message":
 * @message}}. */
void        dn_server_reply_error  (SoupServerMessage *msg,
                                    guint              status,
                                    const char        *code,
                                    const char        *message);
/* Answers @msg with 200 (or @status) and @node as JSON. */
void        dn_server_reply_json   (SoupServerMessage *msg,
                                    guint              status,
                                    JsonNode          *node);

G_END_DECLS
