/* dn-overview-page.h: the Tổng quan section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_OVERVIEW_PAGE (dn_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (DnOverviewPage, dn_overview_page, DN, OVERVIEW_PAGE, GtkWidget)

void dn_overview_page_set_store (DnOverviewPage *self,
                                 DnStore        *store);
/* Reads the figures again (off the main loop; when the page is hidden,
 * once it is shown). The page does so itself when the store changes. */
void     dn_overview_page_reload     (DnOverviewPage *self);
/* TRUE while the figures shown (the reports owed included) wait for a
 * read. */
gboolean dn_overview_page_is_loading (DnOverviewPage *self);

/* Actions (group "overview"): remind-owed, a reminder to each unit listed
 * under "Reports not received" (dn_owed_reports_card_remind()). */

G_END_DECLS
