/* dn-passport-details.h: one passport, with its lines of the custody
 * ledger and its events (loss, transfer, cancellation, extension)
 *
 * A window that reads the passport again when the store changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-details-window.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORT_DETAILS (dn_passport_details_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportDetails, dn_passport_details, DN, PASSPORT_DETAILS, DnDetailsWindow)

DnPassportDetails *dn_passport_details_new          (DnStore           *store,
                                                     gint64             passport_id);
gint64             dn_passport_details_get_passport (DnPassportDetails *self);
/* Reads the passport, its ledger and events again. */
void               dn_passport_details_refresh      (DnPassportDetails *self);

G_END_DECLS
