/* dn-delegation-filter.h: what a list of delegations shows, as one object
 *
 * The filters of the "Outbound delegations" and "Inbound delegations"
 * sections, as properties the widgets are bound to:
 *  - "direction": a DnDelegationDirection, or -1 for both;
 *  - "status": a DnDelegationStatus, or -1 for any;
 *  - "text": words of the title, purpose or inviting party, accents
 *    ignored; NULL or "" for none;
 *  - "abroad-on": a GDate (boxed); when valid, only delegations approved or
 *    abroad on that day (start ≤ day ≤ end);
 *  - "report-overdue": only returned delegations whose results report is
 *    due before "today" and not recorded;
 *  - "today": the day overdue is judged on (GDate, boxed).
 * "changed" is emitted once after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-filter.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_FILTER (dn_delegation_filter_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationFilter, dn_delegation_filter, DN, DELEGATION_FILTER, DnFilter)

DnDelegationFilter *dn_delegation_filter_new                (void);
void                dn_delegation_filter_set_direction      (DnDelegationFilter *self,
                                                             int                 direction);
void                dn_delegation_filter_set_status         (DnDelegationFilter *self,
                                                             int                 status);
void                dn_delegation_filter_set_text           (DnDelegationFilter *self,
                                                             const char         *text);
/* NULL or an invalid date: no such filter. */
void                dn_delegation_filter_set_abroad_on      (DnDelegationFilter *self,
                                                             const GDate        *day);
void                dn_delegation_filter_set_report_overdue (DnDelegationFilter *self,
                                                             gboolean            overdue);
void                dn_delegation_filter_set_today          (DnDelegationFilter *self,
                                                             const GDate        *today);
/* TRUE when a filter other than the direction leaves delegations out. */
gboolean            dn_delegation_filter_is_active          (DnDelegationFilter *self);
/* The store's query; its text points into the filter (valid until the
 * text changes). */
void                dn_delegation_filter_to_query           (DnDelegationFilter *self,
                                                             DnDelegationQuery  *query);

G_END_DECLS
