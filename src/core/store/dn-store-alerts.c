/* dn-store-alerts.c: what is late or close to its limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include "dn-store-alerts.h"
#include "dn-store-private.h"

static const char *alert_sql[DN_ALERT_N] = {
  [DN_ALERT_STAFF_ABROAD] =
    "SELECT count(DISTINCT m.person_id) FROM delegation d JOIN delegation_member m ON m.delegation_id = d.id "
    "WHERE m.person_id IS NOT NULL AND " DN_ALERT_SQL_STAFF_ABROAD,
  [DN_ALERT_PASSPORTS_OVERDUE] =
    "SELECT count(*) FROM passport_loan l WHERE " DN_ALERT_SQL_PASSPORT_OVERDUE,
  [DN_ALERT_REPORTS_OVERDUE] =
    "SELECT count(*) FROM delegation d WHERE d.direction = 'outbound' AND " DN_ALERT_SQL_REPORT_OVERDUE,
  [DN_ALERT_VISIT_REPORTS_OVERDUE] =
    "SELECT count(*) FROM delegation d WHERE d.direction = 'inbound' AND " DN_ALERT_SQL_REPORT_OVERDUE,
  [DN_ALERT_PASSPORTS_EXPIRING] =
    "SELECT count(*) FROM passport p WHERE " DN_ALERT_SQL_PASSPORT_EXPIRING,
  [DN_ALERT_REGISTRATIONS_EXPIRING] =
    "SELECT count(*) FROM partner r WHERE " DN_ALERT_SQL_REGISTRATION_EXPIRING,
};

void
dn_alert_get_limit (DnStore     *store,
                    DnAlert      alert,
                    const GDate *today,
                    GDate       *limit)
{
  g_return_if_fail (DN_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (limit != NULL);

  *limit = *today;
  if (alert == DN_ALERT_PASSPORTS_EXPIRING)
    g_date_add_months (limit, (guint) dn_store_get_setting (store, DN_SETTING_PASSPORT_VALIDITY_MONTHS));
  else if (alert == DN_ALERT_REGISTRATIONS_EXPIRING)
    g_date_add_days (limit, (guint) dn_store_get_setting (store, DN_SETTING_REGISTRATION_WARNING_DAYS));
}

gboolean
dn_store_count_alerts (DnStore      *self,
                       const GDate  *today,
                       gint64        counts[DN_ALERT_N],
                       GError      **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  for (guint i = 0; i < DN_ALERT_N; i++)
    {
      GDate limit;

      dn_alert_get_limit (self, i, today, &limit);
      counts[i] = 0;
      if (!_dn_store_read_int (self, alert_sql[i], &counts[i], error, DN_DATE (today), DN_DATE (&limit), DN_END))
        return FALSE;
    }
  return TRUE;
}
