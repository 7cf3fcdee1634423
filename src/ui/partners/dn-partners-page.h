/* dn-partners-page.h: the Đối tác & dự án section
 *
 * A DnListPage of partners (DnPartnerListModel, filtered by a
 * DnPartnerFilter): name (with the short name), kind, country (its
 * Vietnamese name), registration expiry (marked when the paper has
 * expired or expires within the department's warning days: icon, style
 * class "dn-registration-expired" or "dn-registration-expiring", tooltip),
 * number of projects. Filters: search text, kind, country, "Expiring";
 * the preset "expiring" (win.show-list "partners:expiring", the
 * overview's card) shows the papers the overview counts.
 *
 * Actions: partner.new, partner.edit, partner.delete, partner.open (the
 * details: projects and delegations), project.new (of the selected
 * partner; the details window edits and deletes projects).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-page.h"
#include "dn-partner-filter.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PARTNERS_PAGE (dn_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (DnPartnersPage, dn_partners_page, DN, PARTNERS_PAGE, DnListPage)

typedef enum
{
  DN_PARTNER_COLUMN_NAME,
  DN_PARTNER_COLUMN_KIND,
  DN_PARTNER_COLUMN_COUNTRY,
  DN_PARTNER_COLUMN_EXPIRY,
  DN_PARTNER_COLUMN_PROJECTS,
  DN_PARTNER_COLUMN_N
} DnPartnerColumn;

void             dn_partners_page_set_store   (DnPartnersPage *self,
                                               DnStore        *store);
/* Opens the details of a partner (its projects and delegations). */
void             dn_partners_page_open_partner (DnPartnersPage *self,
                                                gint64          partner_id);

G_END_DECLS
