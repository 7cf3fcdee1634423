/* dn-report-test-utils.h: a period's report built from a test's database,
 * as doingoai-cli report builds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-official-document.h"
#include "dn-report-builder.h"
#include "dn-store-report.h"

G_BEGIN_DECLS

/* The report of @kind and @period (as the command takes them) for the unit
 * of code @code, with its sub-units or not, judged and dated on @day, at
 * "Lào Cai", under the unit's header; its figures in *@figures (may be
 * NULL). Aborts the test on any error. */
DnOfficialDocument *dn_report_test_build (DnStore          *store,
                                          DnReportKind      kind,
                                          const char       *period,
                                          const char       *code,
                                          gboolean          with_sub_units,
                                          const GDate      *day,
                                          DnReportFigures **figures);

G_END_DECLS
