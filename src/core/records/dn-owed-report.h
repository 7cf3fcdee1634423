/* dn-owed-report.h: OwedReport record, a report a unit owes for a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-report-period.h"
#include "dn-types.h"

G_BEGIN_DECLS

/* Where a report owed stands on a day. */
typedef enum
{
  DN_OWED_PENDING,        /* not received, not due yet */
  DN_OWED_LATE,           /* not received, past its due day */
  DN_OWED_RECEIVED,       /* received by its due day */
  DN_OWED_RECEIVED_LATE,  /* received after its due day */
  DN_OWED_STATE_N
} DnOwedState;

/* "pending", "late", "received", "received-late" */
const char *dn_owed_state_to_string (DnOwedState state);
/* In the interface language ("Not yet due", "Late"…). */
const char *dn_owed_state_get_label (DnOwedState state);

#define DN_TYPE_OWED_REPORT (dn_owed_report_get_type ())
G_DECLARE_FINAL_TYPE (DnOwedReport, dn_owed_report, DN, OWED_REPORT, GObject)

/* One periodic report one unit owes: an occurrence of a recurring task
 * that asks for a report (dn_report_title_asks_for_report()), one of the
 * units assigned to it, the period the occurrence covers
 * (dn_report_period_for_occurrence()), and its receipt when it came.
 * Fields are public; strings are owned and never NULL after
 * dn_owed_report_new(). */
struct _DnOwedReport
{
  GObject parent_instance;

  gint64 id;            /* the receipt's id; 0 while not received */
  gint64 task_id;       /* the occurrence */
  gint64 unit_id;
  DnReportKind kind;
  char *period;         /* as dn_report_period_to_string() writes it */
  GDate due_date;       /* the unit's own deadline, else the task's */
  GDate received_on;    /* invalid while not received */
  gint64 document_id;   /* the incoming document it came as, 0 when none */
  char *note;
  DnOwedState state;    /* filled on reads, on the day given */
  DnRecurrence recurrence; /* filled on reads */
  char *task_title;     /* filled on reads */
  char *unit_code;      /* filled on reads */
  char *unit_name;      /* filled on reads */
  char *period_label;   /* filled on reads: dn_report_period_describe() */
};

DnOwedReport *dn_owed_report_new        (void);
/* The period the report covers (from kind and period). */
gboolean      dn_owed_report_get_period (DnOwedReport    *owed,
                                         DnReportPeriod  *period,
                                         GError         **error);
/* Not received yet (pending or late). */
gboolean      dn_owed_report_is_outstanding (DnOwedReport *owed);

G_END_DECLS
