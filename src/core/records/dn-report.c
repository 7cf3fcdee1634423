/* dn-report.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-report.h"

static const char * const sign_keywords[DN_SIGN_N] = {
  "head", "deputy", "collective", "acting", "by-order", "authorised",
};

DnReport *
dn_report_new (void)
{
  DnReport *report = g_object_new (DN_TYPE_REPORT, NULL);

  report->with_sub_units = TRUE;
  return report;
}

gboolean
dn_report_get_period (DnReport        *report,
                      DnReportPeriod  *period,
                      GError         **error)
{
  g_return_val_if_fail (DN_IS_REPORT (report), FALSE);
  return dn_report_period_parse (report->kind, report->period, period, error);
}

const char *
dn_sign_kind_to_string (DnSignKind kind)
{
  g_return_val_if_fail ((guint) kind < DN_SIGN_N, NULL);
  return sign_keywords[kind];
}

gboolean
dn_sign_kind_from_string (const char *text,
                          DnSignKind *out)
{
  for (guint i = 0; text != NULL && i < DN_SIGN_N; i++)
    if (g_str_equal (text, sign_keywords[i]))
      {
        *out = (DnSignKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dn_sign_kind_get_prefix (DnSignKind kind)
{
  static const char * const prefixes[DN_SIGN_N] = { "", "KT.", "TM.", "Q.", "TL.", "TUQ." };

  g_return_val_if_fail ((guint) kind < DN_SIGN_N, "");
  return prefixes[kind];
}

const char *
dn_sign_kind_get_label (DnSignKind kind)
{
  static const char * const labels[DN_SIGN_N] = {
    N_("The head signs"), N_("For the head (KT.)"), N_("On behalf of the body (TM.)"),
    N_("Acting head (Q.)"), N_("By order (TL.)"), N_("By authorisation (TUQ.)"),
  };

  g_return_val_if_fail ((guint) kind < DN_SIGN_N, "");
  return _(labels[kind]);
}
