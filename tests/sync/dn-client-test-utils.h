/* dn-client-test-utils.h: what the tests of the client and the replica
 * share beside the server's fixture: a server that answers hand-written
 * bytes, a self-signed certificate, waiting for an async call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An HTTP server on 127.0.0.1 (a thread of its own) that answers every
 * request with the status and body it was last given, then closes */
typedef struct _DnRawServer DnRawServer;

DnRawServer     *dn_raw_server_new        (void);
/* "http://127.0.0.1:PORT/" */
const char      *dn_raw_server_get_uri    (DnRawServer *server);
void             dn_raw_server_set_answer (DnRawServer *server,
                                           guint        status,
                                           const char  *body);
void             dn_raw_server_free       (DnRawServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnRawServer, dn_raw_server_free)

/* A self-signed certificate for 127.0.0.1 made by openssl in @dir; NULL
 * (the case skipped) without openssl or a TLS backend */
GTlsCertificate *dn_test_make_certificate (const char  *dir);

/* A GAsyncReadyCallback that keeps a reference to its result in the
 * GAsyncResult * @data points to */
void             dn_test_on_result        (GObject       *source,
                                           GAsyncResult  *result,
                                           gpointer       data);
/* Iterates the default main context until *@result is set (by
 * dn_test_on_result()) */
void             dn_test_wait_result      (GAsyncResult **result);

/* Iterates the default main context until *@done */
void             dn_test_wait             (gboolean    *done);

G_END_DECLS
