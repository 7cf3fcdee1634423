/* dn-delegation-actions.h: what the status actions of a delegation do,
 * shared by the list sections and the details window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Moves the delegation @id to @to. What the change needs is asked in a
 * small form over @parent's window: approving, its decision (DnDocumentChooser,
 * the one it has chosen); returning, the day it came back (the planned
 * end); the results report, its document and the day it came (today).
 * Departing and cancelling are written at once; a refusal is then shown
 * as the window's message. Every step is a DN_WRITE_MOVE_DELEGATION made
 * by the window's writer (on a connected desktop, through the department
 * server: the form waits for it), at the revision read. Returns the form
 * (owned by GTK, like a window), or NULL when nothing was asked. */
DnFormDialog *dn_delegation_change_status (GtkWidget           *parent,
                                           DnStore             *store,
                                           gint64               id,
                                           DnDelegationStatus   to);

/* Hands out the chosen passport of every member of the outbound
 * delegation @id (dn_store_hand_out_delegation_passports) from a small
 * form over @parent's window: the day (today) and who hands them over
 * (the officer). A warning (a passport expiring soon…) is shown in the
 * form and written when the officer saves again. Returns the form. */
DnFormDialog *dn_delegation_hand_out_passports (GtkWidget *parent,
                                                DnStore   *store,
                                                gint64     id);

/* Takes back every passport of the delegation @id still out
 * (dn_store_take_back_delegation_passports) from a small form over
 * @parent's window: the day (today), who takes them in (the officer), and
 * for the late ones the head's reason. Returns the form. */
DnFormDialog *dn_delegation_take_back_passports (GtkWidget *parent,
                                                 DnStore   *store,
                                                 gint64     id);

/* "Abroad" reads "Visiting" for an inbound delegation. */
const char   *dn_delegation_status_label  (DnDelegationDirection direction,
                                           DnDelegationStatus    status);

G_END_DECLS
