/* dn-owed-reports-card.h: the overview's card of the periodic reports the
 * units have not sent, and the report deadlines to come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_OWED_REPORTS_CARD (dn_owed_reports_card_get_type ())
G_DECLARE_FINAL_TYPE (DnOwedReportsCard, dn_owed_reports_card, DN, OWED_REPORTS_CARD, GtkWidget)

/* Shows, read on the query worker while shown (DnStaleReader): the reports
 * not received that are due by the end of this quarter (a year of late
 * ones included), each unit and period a row that opens its task
 * (win.open-task); the report deadlines to come — the department's own
 * under Circular 19 and the units' — and "Send Reminders". */
void     dn_owed_reports_card_set_store  (DnOwedReportsCard *self,
                                          DnStore           *store);
void     dn_owed_reports_card_reload     (DnOwedReportsCard *self);
/* Property "loading": TRUE while what is shown waits for a read. */
gboolean dn_owed_reports_card_is_loading (DnOwedReportsCard *self);
/* Sends a reminder (notice) to each unit of the reports shown as not
 * received, says how many in the card and in the window's message; FALSE
 * when nothing could be sent (the error said the same ways). */
gboolean dn_owed_reports_card_remind     (DnOwedReportsCard *self);
/* The number of reports shown as not received. */
guint    dn_owed_reports_card_get_n_owed (DnOwedReportsCard *self);

G_END_DECLS
