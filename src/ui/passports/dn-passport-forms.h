/* dn-passport-forms.h: the small dialogs of the passport section
 *
 * Each is a DnFormDialog whose apply step calls the store and keeps the
 * dialog open with the store's message when it refuses. A warning
 * (DN_STORE_ERROR_WARNING: a passport expiring soon) is shown in the
 * dialog's error line and its action button becomes "Confirm": choosing it
 * does the same again, confirmed. What was done is said through the
 * window's messages. Each opens over the window of @over and returns the
 * dialog (transfer none), already presented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Add (@passport NULL) or edit a passport. */
DnFormDialog *dn_passport_forms_edit      (GtkWidget           *over,
                                           DnStore             *store,
                                           DnPassport          *passport);
/* Hand out for an approved delegation (with its sending decision); shows
 * the due-back date of the delegation chosen. */
DnFormDialog *dn_passport_forms_hand_out  (GtkWidget           *over,
                                           DnStore             *store,
                                           DnPassport          *passport);
/* Take back: the day, who brought it and who took it in, and when it is
 * late, the reason and the head who excused it. */
DnFormDialog *dn_passport_forms_take_back (GtkWidget           *over,
                                           DnStore             *store,
                                           DnPassport          *passport);
/* The one extension of a diplomatic or official passport. */
DnFormDialog *dn_passport_forms_extend    (GtkWidget           *over,
                                           DnStore             *store,
                                           DnPassport          *passport);
/* A loss, a transfer or the sending for cancellation, with its letter. */
DnFormDialog *dn_passport_forms_event     (GtkWidget           *over,
                                           DnStore             *store,
                                           DnPassport          *passport,
                                           DnPassportEventKind  kind);

G_END_DECLS
