/* dn-delegation-list-page.h: the sections "Outbound delegations" (Đoàn ra)
 * and "Inbound delegations" (Đoàn vào)
 *
 * One DnListPage of delegations of one direction (property "direction",
 * set at construction): dates, countries by their Vietnamese names,
 * members, status, the day the results report is due (marked when
 * overdue, with a filter for those) and the name. Actions, on the
 * selected delegation: delegation.new, delegation.edit, delegation.open
 * (its details), delegation.approve, delegation.depart, delegation.return,
 * delegation.record-report, delegation.cancel, delegation.delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-page.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_LIST_PAGE (dn_delegation_list_page_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationListPage, dn_delegation_list_page, DN, DELEGATION_LIST_PAGE, DnListPage)

GtkWidget             *dn_delegation_list_page_new           (DnDelegationDirection  direction);
DnDelegationDirection  dn_delegation_list_page_get_direction (DnDelegationListPage  *self);
void                   dn_delegation_list_page_set_store     (DnDelegationListPage  *self,
                                                              DnStore               *store);
/* Only the delegations whose results report is overdue (the filter's
 * toggle). */
void                   dn_delegation_list_page_show_overdue  (DnDelegationListPage  *self,
                                                              gboolean               overdue);
/* Opens the details window of the delegation @id (one per delegation),
 * whatever its direction, over the page's window. */
void                   dn_delegation_list_page_open_delegation (DnDelegationListPage *self,
                                                                gint64                id);
/* The editor of a new delegation (or of the selected one), as
 * delegation.new and delegation.edit open it. */
GtkWindow             *dn_delegation_list_page_new_delegation (DnDelegationListPage *self);
GtkWindow             *dn_delegation_list_page_edit_selected  (DnDelegationListPage *self);
/* The status form the action opened last (NULL when it asked nothing). */
GtkWindow             *dn_delegation_list_page_get_last_form  (DnDelegationListPage *self);

G_END_DECLS
