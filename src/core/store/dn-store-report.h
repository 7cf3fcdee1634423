/* dn-store-report.h: the figures of a period's report, read from the store
 *
 * What a report on external affairs counts for one period and one unit
 * (with or without its sub-units; the whole agency when no unit is given):
 *
 * - tasks whose deadline falls in the period, cancelled ones left out, by
 *   their lead unit: done, in progress, not started, overdue (unfinished
 *   with a deadline before the report's day);
 * - delegations whose trip starts in the period, cancelled ones left out,
 *   sent or received by a unit in scope: their members, countries and
 *   stated budgets;
 * - passports of the staff of units in scope: handed out and returned in
 *   the period, returned after their due day, still out past it on the
 *   report's day;
 * - projects led by a unit in scope that run on some day of the period
 *   (new ones: started in it) and their budgets in đồng;
 * - documents issued (outgoing, by date) and received (incoming, by
 *   arrival date) in the period: the agency's registers, whatever the unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-report-period.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef struct
{
  DnReportPeriod period;
  gint64         unit_id;         /* 0: the whole agency */
  gboolean       with_sub_units;
  char          *unit_name;       /* "" for the whole agency */
  GDate          day;             /* the day "overdue" is judged on */

  guint          n_tasks;
  guint          n_done;
  guint          n_in_progress;
  guint          n_not_started;
  guint          n_overdue;
  GPtrArray     *tasks;           /* DnTask: by lead unit (Vietnamese order), deadline */
  GPtrArray     *lead_units;      /* DnUnitStat of each lead unit of those (reminders not counted) */

  GPtrArray     *outbound;        /* DnDelegation, by start */
  GPtrArray     *inbound;
  guint          n_outbound_members;
  guint          n_inbound_members;
  gint64         outbound_budget; /* đồng, the budgets stated */

  guint          n_handed_out;
  guint          n_returned;
  guint          n_returned_late;
  guint          n_passports_overdue;

  GPtrArray     *projects;        /* DnProject, by start */
  guint          n_new_projects;
  gint64         projects_budget; /* đồng: the budgets stated in VND */

  guint          n_documents_issued;
  guint          n_documents_received;
} DnReportFigures;

/* The figures of @period for @unit_id (0: the whole agency), judged on
 * @day (NULL: today); NULL with @error when a read fails or the unit does
 * not exist (DN_STORE_ERROR_NOT_FOUND). */
DnReportFigures *dn_store_read_report_figures (DnStore              *self,
                                               const DnReportPeriod *period,
                                               gint64                unit_id,
                                               gboolean              with_sub_units,
                                               const GDate          *day,
                                               GError              **error);
void             dn_report_figures_free       (DnReportFigures      *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnReportFigures, dn_report_figures_free)

G_END_DECLS
