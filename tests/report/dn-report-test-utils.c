/* dn-report-test-utils.c: a period's report built from a test's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-report-test-utils.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"

DnOfficialDocument *
dn_report_test_build (DnStore          *store,
                      DnReportKind      kind,
                      const char       *period_text,
                      const char       *code,
                      gboolean          with_sub_units,
                      const GDate      *day,
                      DnReportFigures **figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReport) report = dn_report_new ();
  g_autoptr(DnUnit) unit = dn_store_find_unit (store, code, &error);
  g_autoptr(DnReportFigures) f = NULL;
  DnOfficialDocument *doc;
  DnReportPeriod period;

  g_assert_no_error (error);
  report->kind = kind;
  g_assert_true (dn_report_period_parse (kind, period_text, &period, &error));
  g_assert_no_error (error);
  report->unit_id = unit->id;
  report->with_sub_units = with_sub_units;
  g_assert_true (dn_store_fill_report_header (store, report, &error));
  g_assert_no_error (error);
  g_free (report->period);
  report->period = dn_report_period_to_string (&period);
  g_free (report->place);
  report->place = g_strdup ("Lào Cai");
  report->report_date = *day;
  f = dn_store_read_report_figures (store, &period, unit->id, with_sub_units, day, &error);
  g_assert_no_error (error);
  doc = dn_report_build (report, f);
  if (figures != NULL)
    *figures = g_steal_pointer (&f);
  return doc;
}
