/* dn-store-delegation-status.h: a delegation's status changes
 *
 * Part of the store's API: include "dn-store.h".
 *
 * A delegation goes proposed → approved (needs its decision: the sending
 * decision of an outbound delegation, the approval of a visit) → abroad
 * (visiting) → returned → reported (its results report recorded), or is
 * cancelled while proposed or approved. Returning sets the day the results
 * report is due: DN_SETTING_REPORT_DAYS after the return, in calendar days
 * or, with DN_SETTING_REPORT_WORKING_DAYS, in working days of the holiday
 * calendar (statutory holidays and the officer's calendar_day rows).
 *
 * Refused (DN_STORE_ERROR_INVALID, nothing written): approving without a
 * decision; a status change the current status does not allow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* proposed → approved. @decision_document_id (0: the one it has) becomes
 * its decision; refused when it has none. */
gboolean      dn_store_approve_delegation       (DnStore      *self,
                                                 gint64        id,
                                                 gint64        decision_document_id,
                                                 GError      **error);
/* approved → abroad (visiting). */
gboolean      dn_store_depart_delegation        (DnStore      *self,
                                                 gint64        id,
                                                 GError      **error);
/* abroad → returned, on @returned_on (NULL: the planned end; another day
 * becomes the end date); the report's due date is computed from it. */
gboolean      dn_store_return_delegation        (DnStore      *self,
                                                 gint64        id,
                                                 const GDate  *returned_on,
                                                 GError      **error);
/* returned → reported: the results report (@report_document_id, 0 for
 * none) came on @submitted_on. */
gboolean      dn_store_record_delegation_report (DnStore      *self,
                                                 gint64        id,
                                                 gint64        report_document_id,
                                                 const GDate  *submitted_on,
                                                 GError      **error);
/* proposed or approved → cancelled. */
gboolean      dn_store_cancel_delegation        (DnStore      *self,
                                                 gint64        id,
                                                 GError      **error);
/* The day the results report of a delegation back on @returned_on is due,
 * under the settings and the holiday calendar. */
gboolean      dn_store_compute_report_due       (DnStore      *self,
                                                 const GDate  *returned_on,
                                                 GDate        *due,
                                                 GError      **error);
/* TRUE when @status may follow @from (the status actions' sensitivity). */
gboolean      dn_delegation_status_can_change   (DnDelegationStatus from,
                                                 DnDelegationStatus to);

G_END_DECLS
