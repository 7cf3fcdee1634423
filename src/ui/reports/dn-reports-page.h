/* dn-reports-page.h: the Reports section
 *
 * A report on external affairs for a period and a unit: its kind, period
 * and unit, what the officer writes, its header (DnReportForm) on the
 * left; on the right the report as it will be printed, built on a worker
 * of its own (progress, cancel) and shown in the PDF viewer. The actions
 * (group "report"): new, open (x: a kept report), save, delete, issue,
 * print, save-pdf, save-odt, export-tables, refresh (build the preview
 * now), cancel (the build running).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_REPORTS_PAGE (dn_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (DnReportsPage, dn_reports_page, DN, REPORTS_PAGE, GtkWidget)

void     dn_reports_page_set_store   (DnReportsPage *self,
                                      DnStore       *store);
/* The report shown (0: a new one not kept yet) */
gint64   dn_reports_page_get_report  (DnReportsPage *self);
/* TRUE while a preview is being built */
gboolean dn_reports_page_is_building (DnReportsPage *self);
/* The pages of the preview shown (0: none yet) */
guint    dn_reports_page_get_n_pages (DnReportsPage *self);

G_END_DECLS
