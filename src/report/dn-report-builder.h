/* dn-report-builder.h: a report on external affairs as an official document
 *
 * The figures of the period (dn_store_read_report_figures()) and what the
 * officer wrote (DnReport) become a "BÁO CÁO" laid out as Nghị định
 * 30/2020 asks (DnOfficialDocument): its header from the report, then
 *
 *   I.   Kết quả thực hiện: 1. tasks (counts, by lead unit, the list);
 *        2. outbound and 3. inbound delegations; 4. passports; 5. partners
 *        and projects; 6. documents; 7. the general assessment;
 *   II.  Khó khăn, vướng mắc;
 *   III. Phương hướng, nhiệm vụ kỳ tới;
 *   IV.  Đề xuất, kiến nghị.
 *
 * Every figure is said in words too, so a period without any data gives a
 * valid report that says so. The text is Vietnamese whatever the
 * interface language: it is the document's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-official-document.h"
#include "dn-report.h"
#include "dn-store-report.h"

G_BEGIN_DECLS

/* "Kết quả công tác đối ngoại, hội nhập và hợp tác quốc tế quý I năm 2024" */
char               *dn_report_dup_subject   (const DnReportPeriod  *period);
/* The document of @report with @figures (read for its period and unit);
 * its number stays to be given when it is issued. */
DnOfficialDocument *dn_report_build         (DnReport              *report,
                                             const DnReportFigures *figures);

/* Reads the figures of @report's period on @store, judged on @day (NULL:
 * today), and builds its document numbered @number when above 0, else
 * with the number it was issued under (its entry in the outgoing
 * register), else with the number left to be given. *@figures (may be
 * NULL) gets the figures read. */
DnOfficialDocument *dn_report_build_from_store (DnStore           *store,
                                                DnReport          *report,
                                                int                number,
                                                const GDate       *day,
                                                DnReportFigures  **figures,
                                                GError           **error);

G_END_DECLS
