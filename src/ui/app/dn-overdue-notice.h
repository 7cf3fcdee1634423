/* dn-overdue-notice.h: the desktop notification at start-up when
 * something is overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_OVERDUE_NOTICE_ID "overdue"

/* What the notification says for @counts, and the list it opens (a link
 * of win.show-list); FALSE when nothing is overdue. */
gboolean       dn_overdue_notice_describe (const gint64   counts[DN_ALERT_N],
                                           char         **body,
                                           char         **link);

/* The notification for @counts (dn_store_count_alerts), or NULL when no
 * passport is overdue and no trip report is late. Its default action is
 * app.show-list with the list to open: the overdue passports, the late
 * reports, or the overview when both are. */
GNotification *dn_overdue_notice_new   (const gint64    counts[DN_ALERT_N]);

/* Counts the alerts of today on the query worker of @store, then sends the
 * notification through @application when there is one. */
void           dn_overdue_notice_send  (GApplication   *application,
                                        DnStore        *store);

G_END_DECLS
