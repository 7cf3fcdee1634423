/* dn-store-owed-reports.h: the periodic reports the units owe, and those
 * received (schema/009-report-receipts.sql)
 *
 * A recurring task whose title asks for a report
 * (dn_report_title_asks_for_report()) asks each unit assigned to it, lead
 * and supporting, for one report per occurrence: for the period the
 * occurrence covers (dn_report_period_for_occurrence()), due on the unit's
 * own deadline, else the task's. A cancelled task or assignment asks for
 * none. A report received is kept with its day and the incoming document
 * it was registered as, its PDF attached there.
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-owed-report.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64       unit_id;         /* 0: every unit */
  gboolean     with_sub_units;  /* with @unit_id: its sub-units' reports too */
  int          kind;            /* a DnReportKind, or -1: any */
  const char  *period;          /* the period as written ("2024-Q1"); NULL or "": any */
  GDate        due_from;        /* invalid: no bound */
  GDate        due_to;          /* invalid: no bound */
  gboolean     outstanding;     /* only those not received */
  gboolean     late;            /* only the late: not received and past due, or received after */
} DnOwedQuery;

void       dn_owed_query_init               (DnOwedQuery *query);

/* The reports owed that @query selects, their state on @today (NULL: the
 * day dn_date_today() gives), by due day, then unit name. */
GPtrArray *dn_store_list_owed_reports       (DnStore            *self,
                                             const DnOwedQuery  *query,
                                             const GDate        *today,
                                             GError            **error);

/* The occurrence of the recurring task @task_id (any occurrence of its
 * chain, linked by previous_id) whose report covers @period (text, of
 * @kind or -1: any kind): its task id, or 0 with DN_STORE_ERROR_NOT_FOUND. */
gint64     dn_store_find_report_occurrence  (DnStore     *self,
                                             gint64       task_id,
                                             int          kind,
                                             const char  *period,
                                             GError     **error);

/* Records that the report @receipt->unit_id owes for the occurrence
 * @receipt->task_id came on @receipt->received_on (invalid: today), with
 * its note, in one transaction: with @pdf (a PDF file), an incoming
 * document is registered for it (type report, issued by the unit, arrived
 * that day; or @receipt->document_id when set) and the file attached to
 * it. Refused (DN_STORE_ERROR_INVALID, nothing written) when the task asks
 * for no report, the unit is not assigned to it, the day is not valid or
 * the file is not a PDF; a report already recorded is a duplicate. Fills
 * in the record's id, kind, period and document_id. */
gboolean   dn_store_record_report_received  (DnStore       *self,
                                             DnOwedReport  *receipt,
                                             GFile         *pdf,
                                             GError       **error);
/* The same with the PDF the store keeps already as the file
 * @attachment_id (one sent to the department server; 0: none), attached
 * to the document registered for it; another kind of file is refused. */
gboolean   dn_store_record_report_received_kept (DnStore      *self,
                                                 DnOwedReport *receipt,
                                                 gint64        attachment_id,
                                                 GError      **error);

/* Sends a reminder of @kind to the unit of each report of @owed still
 * outstanding (DnOwedReport), in one transaction; a unit reminded of the
 * same task that day with that kind is not reminded again. The note says,
 * in Vietnamese, which report and by when. *@n_sent: the reminders sent. */
gboolean   dn_store_remind_owed_reports     (DnStore         *self,
                                             GPtrArray       *owed,
                                             DnReminderKind   kind,
                                             guint           *n_sent,
                                             GError         **error);

G_END_DECLS
