/* dn-connection-test-utils.h: a desktop's connection (DnConnection) to
 * the server of the test (dn-server-test-utils.h), on a replica of its
 * own, for the connection's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-connection.h"
#include "dn-server-test-utils.h"

G_BEGIN_DECLS

typedef struct
{
  DnServerFixture  server;
  DnTestStore      replica;
  DnConnection    *connection;
} DnConnectionFixture;

/* The server, an empty replica and a connection to it, not signed in */
void     dn_connection_fixture_setup    (DnConnectionFixture *f,
                                         gconstpointer        data);
/* What was under way ends (cancelled) before the stores close */
void     dn_connection_fixture_teardown (DnConnectionFixture *f,
                                         gconstpointer        data);
/* Signs in as @user, waiting for the answer (the replica filled) */
gboolean dn_connection_test_sign_in     (DnConnectionFixture *f,
                                         const char          *user,
                                         const char          *password,
                                         GError             **error);
/* Makes @write through the connection (never at once), waiting for it */
gboolean dn_connection_test_write       (DnConnectionFixture *f,
                                         DnWrite             *write,
                                         GError             **error);

/* Adds the test @func, run on a DnConnectionFixture of its own */
#define DN_CONNECTION_TEST_ADD(path, func)                                              \
  g_test_add ((path), DnConnectionFixture, NULL, dn_connection_fixture_setup, (func), \
              dn_connection_fixture_teardown)

G_END_DECLS
