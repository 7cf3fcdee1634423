/* dn-connection-indicator.h: the header bar's word on the department
 * server
 *
 * Hidden in standalone mode. Connected, it says in a few words whether
 * the window shows the server's data up to date, is bringing it up to
 * date, or is offline or signed out (then read only), and opens a popover
 * with the whole story and the actions "connection.sync" (Update Now) and
 * "app.server-sign-in".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-connection.h"

G_BEGIN_DECLS

#define DN_TYPE_CONNECTION_INDICATOR (dn_connection_indicator_get_type ())
G_DECLARE_FINAL_TYPE (DnConnectionIndicator, dn_connection_indicator, DN, CONNECTION_INDICATOR, GtkWidget)

/* @connection NULL: standalone, hidden */
void          dn_connection_indicator_set_connection (DnConnectionIndicator *self,
                                                      DnConnection          *connection);
DnConnection *dn_connection_indicator_get_connection (DnConnectionIndicator *self);

G_END_DECLS
