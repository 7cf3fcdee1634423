/* dn-partner-details.h: a partner with its aid projects and delegations
 *
 * A window: the partner's kind, country, contact, its registration paper
 * (marked when it has expired or expires within the warning days), its
 * projects (dates, lead unit, budget as 1.234.567 đồng, status) and the
 * delegations that name it. Read on the query worker when shown, and
 * again after each change of the store (DnStaleReader; property
 * "loading").
 *
 * Actions: partner.edit, project.new, project.edit, project.delete (the
 * project selected in the list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-details-window.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PARTNER_DETAILS (dn_partner_details_get_type ())
G_DECLARE_FINAL_TYPE (DnPartnerDetails, dn_partner_details, DN, PARTNER_DETAILS, DnDetailsWindow)

/* (transfer none), like gtk_window_new(). @today: the day the paper's
 * expiry is judged from. */
DnPartnerDetails *dn_partner_details_new          (DnStore          *store,
                                                   gint64            partner_id,
                                                   const GDate      *today);
gint64            dn_partner_details_get_partner  (DnPartnerDetails *self);
/* The id of the selected project, 0 when none. */
gint64            dn_partner_details_get_selected_project (DnPartnerDetails *self);
/* Selects the project's row; FALSE when it is not listed. */
gboolean          dn_partner_details_select_project (DnPartnerDetails *self,
                                                     gint64            project_id);
/* TRUE while what it shows waits for a read. */
gboolean          dn_partner_details_is_loading   (DnPartnerDetails *self);
/* The error of the last read, or NULL. */
const char       *dn_partner_details_get_error    (DnPartnerDetails *self);

G_END_DECLS
