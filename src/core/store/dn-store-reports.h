/* dn-store-reports.h: the reports kept, and the header each unit's reports
 * reuse (schema/008-reports.sql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-report.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Saves @report (its period must be one, its unit exist) and, in the same
 * transaction, its header as its unit's header for the reports to come. */
gboolean   dn_store_add_report         (DnStore   *self,
                                        DnReport  *report,
                                        GError   **error);
gboolean   dn_store_update_report      (DnStore   *self,
                                        DnReport  *report,
                                        GError   **error);
gboolean   dn_store_delete_report      (DnStore   *self,
                                        gint64     id,
                                        GError   **error);
DnReport  *dn_store_get_report         (DnStore   *self,
                                        gint64     id,
                                        GError   **error);
/* Every report, the last changed first. */
GPtrArray *dn_store_list_reports       (DnStore   *self,
                                        GError   **error);
/* Fills the header of @report (bodies, symbol, place, recipients, signer)
 * with the header its unit's last report was saved with; for a unit
 * without one: its name in capitals as the issuing body and "BC-" and the
 * agency's abbreviation as the symbol. */
gboolean   dn_store_fill_report_header (DnStore   *self,
                                        DnReport  *report,
                                        GError   **error);

/* The number @report would take in the outgoing register if issued now:
 * the next of the year of its date (today when it has none). */
int        dn_store_next_report_number (DnStore   *self,
                                        DnReport  *report,
                                        GError   **error);
/* Issues @report (kept, and dated: its date is the document's): in one
 * transaction, enters it in the outgoing register as a "báo cáo" numbered
 * @number (the number its @pdf was written with), about @subject, with
 * @pdf attached (named @file_name), and records that document on the
 * report (report->document_id). When @number was taken in the meantime,
 * DN_STORE_ERROR_DUPLICATE and nothing is written: build it again with the
 * next one. An issued report may be issued again (corrected): it then
 * takes a new number, and the register keeps the earlier one. */
gboolean   dn_store_issue_report       (DnStore    *self,
                                        DnReport   *report,
                                        int         number,
                                        const char *subject,
                                        GFile      *pdf,
                                        const char *file_name,
                                        GError    **error);

G_END_DECLS
