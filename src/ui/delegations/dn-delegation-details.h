/* dn-delegation-details.h: one delegation, with its members, countries,
 * documents and programme, and its status actions
 *
 * A window (like the task details) showing the delegation as it is in the
 * store, read again whenever the store changes. Actions: delegation.approve,
 * delegation.depart, delegation.return, delegation.record-report,
 * delegation.cancel, delegation.edit, delegation.hand-out-passports (an
 * outbound delegation, approved or abroad: every member's chosen passport
 * handed out in one transaction), each enabled when the status allows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-details-window.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_DETAILS (dn_delegation_details_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationDetails, dn_delegation_details, DN, DELEGATION_DETAILS, DnDetailsWindow)

/* Like gtk_window_new(). */
GtkWindow *dn_delegation_details_new            (DnStore             *store,
                                                 gint64               id);
gint64     dn_delegation_details_get_delegation (DnDelegationDetails *self);
/* The status line as shown: "Approved". */
const char *dn_delegation_details_get_status_text (DnDelegationDetails *self);

G_END_DECLS
