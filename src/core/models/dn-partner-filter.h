/* dn-partner-filter.h: what the list of partners shows, as one object
 *
 * The filters of the partners' list as properties the window's widgets
 * are bound to:
 *  - "text": words of the name, short name, paper number, contact or
 *    notes, accents and case ignored; NULL or "" for none;
 *  - "kind": a DnPartnerKind, or -1 for any;
 *  - "country-code": an ISO 3166-1 code; NULL or "" for any;
 *  - "expiring-before": only papers expiring before this day (expired ones
 *    too); an invalid date for any;
 *  - "expiring-soon": only papers expired or expiring before "today" +
 *    "warning-days", as the overview's alert counts them (the window's
 *    filter; it wins over "expiring-before");
 *  - "today": the day "soon" is counted from (the caller's, never the
 *    clock: the window's today, the command line's --today);
 *  - "warning-days": DN_SETTING_REGISTRATION_WARNING_DAYS (default 90).
 * "changed" is emitted once after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-filter.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PARTNER_FILTER (dn_partner_filter_get_type ())
G_DECLARE_FINAL_TYPE (DnPartnerFilter, dn_partner_filter, DN, PARTNER_FILTER, DnFilter)

DnPartnerFilter *dn_partner_filter_new                 (void);

const char      *dn_partner_filter_get_text            (DnPartnerFilter *self);
void             dn_partner_filter_set_text            (DnPartnerFilter *self,
                                                        const char      *text);
int              dn_partner_filter_get_kind            (DnPartnerFilter *self);
void             dn_partner_filter_set_kind            (DnPartnerFilter *self,
                                                        int              kind);
const char      *dn_partner_filter_get_country_code    (DnPartnerFilter *self);
void             dn_partner_filter_set_country_code    (DnPartnerFilter *self,
                                                        const char      *code);
gboolean         dn_partner_filter_get_expiring_soon   (DnPartnerFilter *self);
void             dn_partner_filter_set_expiring_soon   (DnPartnerFilter *self,
                                                        gboolean         soon);
const GDate     *dn_partner_filter_get_today           (DnPartnerFilter *self);
void             dn_partner_filter_set_today           (DnPartnerFilter *self,
                                                        const GDate     *today);
guint            dn_partner_filter_get_warning_days    (DnPartnerFilter *self);
void             dn_partner_filter_set_warning_days    (DnPartnerFilter *self,
                                                        guint            days);

/* Every filter back to "any" (today and the warning days kept). */
void             dn_partner_filter_reset               (DnPartnerFilter *self);
/* The filters a link names (the overview's cards: "partners:expiring"):
 * "all" (or "") every partner, "expiring" the papers expired or expiring
 * soon; every filter is cleared first. FALSE (nothing changed) for a
 * preset not understood. */
gboolean         dn_partner_filter_apply_preset        (DnPartnerFilter *self,
                                                        const char      *preset);
/* TRUE when some filter leaves partners out. */
gboolean         dn_partner_filter_is_active           (DnPartnerFilter *self);

/* The store's query for these filters. Its text and country point into
 * the filter: valid until they change. */
void             dn_partner_filter_to_query            (DnPartnerFilter *self,
                                                        DnPartnerQuery  *query);

G_END_DECLS
