/* dn-connected-mode.h: the application working with the department server
 *
 * The actions app.server-connect (the form of "Work with the department
 * server"), app.server-sign-in (sign in again, e.g. after a night) and
 * app.server-disconnect (back to this computer's own database), and the
 * start of the application when a server is set: a window on the
 * server's replica, read only until the officer signs in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-application.h"
#include "dn-connection.h"
#include "dn-window.h"

G_BEGIN_DECLS

void      dn_connected_mode_add_actions (DnApplication  *app);
/* Whether the settings name a server to work with */
gboolean  dn_connected_mode_is_set      (DnApplication  *app);
/* A window on the replica of the server the settings name, with its
 * connection, signed out; the sign-in form over it. */
DnWindow *dn_connected_mode_open        (DnApplication  *app,
                                         GError        **error);
/* A window on @connection's replica (signed in or not); the other main
 * windows closed. */
DnWindow *dn_connected_mode_show        (DnApplication  *app,
                                         DnConnection   *connection);

G_END_DECLS
