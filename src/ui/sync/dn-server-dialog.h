/* dn-server-dialog.h: signing in to the department server
 *
 * The form of "Work with the department server": its address, the
 * officer's account and password. Signing in runs without freezing the
 * window; a wrong password, a server out of reach or a certificate the
 * system does not trust is said in the form, the input kept. A
 * self-signed certificate is shown (its fingerprint) and taken only once
 * the officer ticks that they checked it with the department; it is then
 * pinned in the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-connection.h"
#include "dn-form-dialog.h"

G_BEGIN_DECLS

#define DN_TYPE_SERVER_DIALOG (dn_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnServerDialog, dn_server_dialog, DN, SERVER_DIALOG, DnFormDialog)

/* @connection: sign in again on this one (its address fixed); NULL: a new
 * connection to the address typed. @settings (may be NULL) gives the
 * address, user and confirmed certificate shown and keeps them once signed
 * in. Emits "connected" (DnConnection) once signed in and the replica up to
 * date, then closes. */
DnServerDialog *dn_server_dialog_new (GSettings    *settings,
                                      DnConnection *connection);

G_END_DECLS
