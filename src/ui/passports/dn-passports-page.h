/* dn-passports-page.h: the Hộ chiếu section: who holds which passport now
 *
 * A DnListPage of passports (DnPassportListModel): number, holder, kind,
 * expiry, state and due back. A return past its due date and a passport
 * expiring within DN_SETTING_PASSPORT_VALIDITY_MONTHS months (or expired)
 * are marked by colour (CSS classes dn-overdue, dn-expiring), an icon and
 * its tooltip; filters show only those, only the passports handed out, or
 * one state, and a search (number or holder, accents optional).
 *
 * Actions: passport.new, passport.edit, passport.open (details),
 * passport.delete, passport.hand-out, passport.take-back, passport.extend,
 * passport.record-loss, passport.record-transfer,
 * passport.record-cancellation, passport.print-ledger,
 * passport.clear-filters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-page.h"
#include "dn-passport-filter.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORTS_PAGE (dn_passports_page_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportsPage, dn_passports_page, DN, PASSPORTS_PAGE, DnListPage)

void              dn_passports_page_set_store     (DnPassportsPage *self,
                                                   DnStore         *store);
/* Opens the passport's details (and selects its row when listed). */
void              dn_passports_page_open_passport (DnPassportsPage *self,
                                                   gint64           passport_id);

G_END_DECLS
