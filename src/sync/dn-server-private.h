/* dn-server-private.h: the server's pipeline and its routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-account.h"
#include "dn-server.h"

G_BEGIN_DECLS

/* What a route's handler is given: the request, the caller (NULL for a
 * route that needs none), the number in its path ("/tasks/{id}": 0 when
 * none), the query's fields (may be NULL) and the body parsed (an object;
 * NULL for a route without one). It answers @msg. */
typedef void (*DnRouteFunc) (DnServer          *self,
                             SoupServerMessage *msg,
                             DnAccount         *account,
                             gint64             id,
                             GHashTable        *query,
                             JsonNode          *body);

typedef struct
{
  const char  *method;         /* "GET", "POST"… */
  const char  *path;           /* below /api/v1: "/tasks", "/tasks/{id}" */
  gboolean     needs_account;  /* a session's token */
  gboolean     takes_body;     /* a JSON object */
  DnRouteFunc  func;
} DnRoute;

/* The routes (dn-server-routes.c) */
extern const DnRoute dn_server_routes[];
extern const guint   dn_server_n_routes;

/* The peer of @msg as a text ("127.0.0.1"), for the login attempts */
char *_dn_server_dup_peer (SoupServerMessage *msg);

/* Answers @msg with the store's @error: its code as a status (not found:
 * 404, conflict: 409, invalid or duplicate: 400 or 409, denied: 403…) */
void  _dn_server_reply_store_error (SoupServerMessage *msg,
                                    const GError      *error);

G_END_DECLS
