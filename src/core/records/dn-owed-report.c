/* dn-owed-report.c: the type is defined with the other records' in
 * dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-owed-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-owed-report.h"

DnOwedReport *
dn_owed_report_new (void)
{
  return g_object_new (DN_TYPE_OWED_REPORT, NULL);
}

gboolean
dn_owed_report_get_period (DnOwedReport    *owed,
                           DnReportPeriod  *period,
                           GError         **error)
{
  g_return_val_if_fail (DN_IS_OWED_REPORT (owed), FALSE);
  return dn_report_period_parse (owed->kind, owed->period, period, error);
}

gboolean
dn_owed_report_is_outstanding (DnOwedReport *owed)
{
  g_return_val_if_fail (DN_IS_OWED_REPORT (owed), FALSE);
  return owed->state == DN_OWED_PENDING || owed->state == DN_OWED_LATE;
}

const char *
dn_owed_state_to_string (DnOwedState state)
{
  static const char * const keywords[DN_OWED_STATE_N] = { "pending", "late", "received", "received-late" };

  g_return_val_if_fail ((guint) state < DN_OWED_STATE_N, NULL);
  return keywords[state];
}

const char *
dn_owed_state_get_label (DnOwedState state)
{
  static const char * const labels[DN_OWED_STATE_N] = {
    N_("Not yet due"), N_("Late"), N_("Received on time"), N_("Received late"),
  };

  g_return_val_if_fail ((guint) state < DN_OWED_STATE_N, "");
  return _(labels[state]);
}
