/* dn-store-delegations.h: delegations abroad (đoàn ra) and visiting
 * delegations (đoàn vào)
 *
 * Part of the store's API: include "dn-store.h".
 *
 * A delegation with its countries and a visit's programme; its members
 * (dn-store-delegation-members.h) and status changes
 * (dn-store-delegation-status.h) have headers of their own.
 *
 * Refused (DN_STORE_ERROR_INVALID, nothing written): an end before the
 * start; new dates that put one of the staff in two outbound delegations
 * (not cancelled) at once. The local limits on countries and days
 * (DN_SETTING_LIMIT_*, outbound only) warn (DN_STORE_ERROR_WARNING) unless
 * @confirmed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation.h"
#include "dn-delegation-country.h"
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
