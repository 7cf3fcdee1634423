/* dn-store-delegations.h: delegations abroad (đoàn ra) and visiting
 * delegations (đoàn vào)
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
 * Refused (DN_STORE_ERROR_INVALID, nothing written): an end before the
 * start; approving without a decision; a status change the current status
 * does not allow; one of the staff in two outbound delegations (not
 * cancelled) whose dates overlap; a passport that is not the member's.
 * The local limits (DN_SETTING_LIMIT_*, outbound only) warn
 * (DN_STORE_ERROR_WARNING) unless @confirmed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation.h"
#include "dn-delegation-country.h"
#include "dn-delegation-member.h"
#include "dn-passport.h"
#include "dn-programme-item.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* What a list of delegations shows (DnDelegationFilter makes one). */
typedef struct
{
  int          direction;      /* a DnDelegationDirection, or -1 for both */
  int          status;         /* a DnDelegationStatus, or -1 for any */
  const char  *text;           /* words of the title, purpose or inviting
                                * party, accents ignored; NULL or "" for none */
  GDate        abroad_on;      /* when valid: approved or abroad, start ≤ day ≤ end */
  gboolean     report_overdue; /* returned, not reported, report due before @today */
  GDate        today;          /* the day "overdue" is judged on */
} DnDelegationQuery;

void          dn_delegation_query_init          (DnDelegationQuery *query);

/* @countries: DnDelegationCountry (their delegation_id is ignored), or
 * NULL to keep those it has (on add: none). The record's status, report
 * fields and joined fields are not written: status changes have their own
 * functions. On add, the new id is stored in @delegation->id. */
gboolean      dn_store_add_delegation           (DnStore       *self,
                                                 DnDelegation  *delegation,
                                                 GPtrArray     *countries,
                                                 gboolean       confirmed,
                                                 GError       **error);
gboolean      dn_store_update_delegation        (DnStore       *self,
                                                 DnDelegation  *delegation,
                                                 GPtrArray     *countries,
                                                 gboolean       confirmed,
                                                 GError       **error);
/* With its countries, members and programme. */
gboolean      dn_store_delete_delegation        (DnStore       *self,
                                                 gint64         id,
                                                 GError       **error);
DnDelegation *dn_store_get_delegation           (DnStore       *self,
                                                 gint64         id,
                                                 GError       **error);
/* DnDelegationCountry, in the order they were given. */
GPtrArray    *dn_store_list_delegation_countries (DnStore      *self,
                                                  gint64        delegation_id,
                                                  GError      **error);

/* Members: one of the staff (person_id; an outbound delegation has only
 * those) or a guest (guest_name; a visiting delegation has only those).
 * A member's unit and position default to the person's. */
gboolean      dn_store_add_delegation_member    (DnStore             *self,
                                                 DnDelegationMember  *member,
                                                 gboolean             confirmed,
                                                 GError             **error);
gboolean      dn_store_update_delegation_member (DnStore             *self,
                                                 DnDelegationMember  *member,
                                                 gboolean             confirmed,
                                                 GError             **error);
gboolean      dn_store_remove_delegation_member (DnStore             *self,
                                                 gint64               member_id,
                                                 GError             **error);
/* Heads first, then deputies, then members, each in the order added. */
GPtrArray    *dn_store_list_delegation_members  (DnStore             *self,
                                                 gint64               delegation_id,
                                                 GError             **error);
/* The passports of @person_id a member may use: those
 * dn_store_list_person_passports() gives that are in the office or handed
 * out (not lost, transferred or sent for cancellation). */
GPtrArray    *dn_store_list_member_passports    (DnStore             *self,
                                                 gint64               person_id,
                                                 GError             **error);
/* Several guests at once (a pasted list), in one transaction. */
gboolean      dn_store_add_delegation_guests    (DnStore             *self,
                                                 gint64               delegation_id,
                                                 GPtrArray           *guests,
                                                 GError             **error);

/* A visit's programme, by day, then in the order added. */
gboolean      dn_store_add_programme_item       (DnStore          *self,
                                                 DnProgrammeItem  *item,
                                                 GError          **error);
gboolean      dn_store_update_programme_item    (DnStore          *self,
                                                 DnProgrammeItem  *item,
                                                 GError          **error);
gboolean      dn_store_delete_programme_item    (DnStore          *self,
                                                 gint64            id,
                                                 GError          **error);
GPtrArray    *dn_store_list_programme           (DnStore          *self,
                                                 gint64            delegation_id,
                                                 GError          **error);

/* Status changes --------------------------------------------------------- */

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

/* Lists ------------------------------------------------------------------- */

/* Newest first (start date, then id, descending): the @limit after
 * @after (NULL: the first @limit). Pages by key. */
GPtrArray    *dn_store_list_delegations         (DnStore                  *self,
                                                 const DnDelegationQuery  *query,
                                                 DnDelegation             *after,
                                                 guint                     limit,
                                                 GError                  **error);
/* The ids of the whole list, in the same order. */
GArray       *dn_store_list_delegation_ids      (DnStore                  *self,
                                                 const DnDelegationQuery  *query,
                                                 GError                  **error);
/* The delegations of @ids, in that order; missing ones are skipped. */
GPtrArray    *dn_store_get_delegations          (DnStore       *self,
                                                 const gint64  *ids,
                                                 guint          n_ids,
                                                 GError       **error);
/* Distinct members of outbound delegations approved or abroad on @day
 * (start ≤ day ≤ end). */
gint64        dn_store_count_staff_abroad       (DnStore      *self,
                                                 const GDate  *day,
                                                 GError      **error);
/* Returned delegations whose results report is due before @today. */
gint64        dn_store_count_reports_overdue    (DnStore      *self,
                                                 const GDate  *today,
                                                 GError      **error);

G_END_DECLS
