/* dn-store-alerts.h: what is late or close to its limit, for the overview
 * and the notification at start-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_ALERT_STAFF_ABROAD,           /* staff members of an approved or departed outbound delegation whose trip covers the day */
  DN_ALERT_PASSPORTS_OVERDUE,      /* handed out, not back, due back before the day (not lost, transferred or cancelled meanwhile) */
  DN_ALERT_REPORTS_OVERDUE,        /* returned outbound delegations whose results report was due before the day and is not recorded */
  DN_ALERT_VISIT_REPORTS_OVERDUE,  /* the same of inbound delegations (the report on a visit received) */
  DN_ALERT_PASSPORTS_EXPIRING,     /* kept or handed out, expiring within DN_SETTING_PASSPORT_VALIDITY_MONTHS of the day (or expired) */
  DN_ALERT_REGISTRATIONS_EXPIRING, /* partners whose registration paper expires within DN_SETTING_REGISTRATION_WARNING_DAYS (or has) */
  DN_ALERT_N
} DnAlert;

/* The SQL condition each alert counts, over the table aliases the comment
 * names, with ?1 the day (ISO text) and ?2 its limit day where it has one
 * (dn_alert_get_limit). The list filters use the same conditions. */
#define DN_ALERT_SQL_STAFF_ABROAD /* d: delegation */ \
  "(d.direction = 'outbound' AND d.status IN ('approved', 'ongoing') AND d.start_date <= ?1 AND d.end_date >= ?1)"
#define DN_ALERT_SQL_PASSPORT_OVERDUE /* l: passport_loan */ \
  "(l.returned_on IS NULL AND l.due_back_on < ?1 AND NOT EXISTS (SELECT 1 FROM passport lp " \
  "WHERE lp.id = l.passport_id AND lp.status <> 'valid'))"
#define DN_ALERT_SQL_REPORT_OVERDUE /* d: delegation */ \
  "(d.status = 'completed' AND d.report_submitted_on IS NULL AND d.report_due_date < ?1)"
#define DN_ALERT_SQL_PASSPORT_EXPIRING /* p: passport */ \
  "(p.status = 'valid' AND p.expiry_date < ?2)"
#define DN_ALERT_SQL_REGISTRATION_EXPIRING /* r: partner */ \
  "(r.registration_expiry IS NOT NULL AND r.registration_expiry < ?2)"

/* The limit day of an alert judged on @today: today + the validity months
 * for passports, today + the warning days for registrations (the first day
 * that is no longer "expiring"); @today itself for the others. */
void     dn_alert_get_limit       (DnStore      *store,
                                   DnAlert       alert,
                                   const GDate  *today,
                                   GDate        *limit);

/* Each alert's count on @today into @counts. */
gboolean dn_store_count_alerts    (DnStore      *self,
                                   const GDate  *today,
                                   gint64        counts[DN_ALERT_N],
                                   GError      **error);

G_END_DECLS
