/* dn-store-partners.h: partners and their aid projects
 *
 * Part of the store's API: include "dn-store.h".
 *
 * A partner (NGO, United Nations agency, foreign government agency,
 * university, company) with its country, its registration paper and a
 * contact; a foreign NGO's paper (Nghị định 58/2022/NĐ-CP) lasts at most
 * 3 years (Giấy đăng ký hoạt động) or 5 years (Giấy đăng ký lập văn phòng
 * đại diện). Projects belong to one partner and may have a lead unit.
 * A partner still referred to by a project or a delegation cannot be
 * deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation.h"
#include "dn-partner.h"
#include "dn-project.h"
#include "dn-store.h"
#include "dn-store-alerts.h"

G_BEGIN_DECLS

/* The years a paper of @kind lasts at most (3, 5), 0 when no rule is
 * known for it. */
guint      dn_registration_kind_get_max_years  (DnRegistrationKind kind);

/* TRUE when @partner's paper expires before @today + @warning_days (the
 * first day no longer "expiring", as the overview's alert counts:
 * DN_ALERT_REGISTRATIONS_EXPIRING), already expired included; FALSE
 * without a paper expiry. */
gboolean   dn_partner_registration_is_expiring (DnPartner    *partner,
                                                const GDate  *today,
                                                guint         warning_days);

/* Refused (DN_STORE_ERROR_INVALID, nothing written): no name, an unknown
 * kind, a country code that is not ISO 3166-1, a paper number or expiry
 * without the kind of paper, an expiry outside the years dates take.
 * Warned (DN_STORE_ERROR_WARNING, nothing written, unless @confirmed): an
 * operation paper expiring more than 3 years after @today, a
 * representative office's more than 5 (a paper issued by @today cannot
 * last that long). On success the new id is in partner->id. */
gboolean   dn_store_add_partner        (DnStore      *self,
                                        DnPartner    *partner,
                                        const GDate  *today,
                                        gboolean      confirmed,
                                        GError      **error);
gboolean   dn_store_update_partner     (DnStore      *self,
                                        DnPartner    *partner,
                                        const GDate  *today,
                                        gboolean      confirmed,
                                        GError      **error);
/* Refused (DN_STORE_ERROR_IN_USE) while projects or delegations refer to
 * it. */
gboolean   dn_store_delete_partner     (DnStore      *self,
                                        gint64        id,
                                        GError      **error);
/* With its numbers of projects and delegations. */
DnPartner *dn_store_get_partner        (DnStore      *self,
                                        gint64        id,
                                        GError      **error);

/* What a list of partners shows: fields left at their "any" value filter
 * nothing (dn_partner_query_init). */
typedef struct
{
  const char *text;             /* words of the name, short name, paper number, contact, notes;
                                 * accents and case ignored; NULL or "": any */
  int         kind;             /* a DnPartnerKind, or -1 for any */
  const char *country_code;     /* ISO code; NULL or "": any */
  GDate       expiring_before;  /* a paper expiring before this day (expired ones too); invalid: any */
} DnPartnerQuery;

void       dn_partner_query_init       (DnPartnerQuery *query);

/* Partners of @query in Vietnamese order of their names: the @limit after
 * @after (NULL: the first @limit). Pages by key (name, id). */
GPtrArray *dn_store_list_partners      (DnStore               *self,
                                        const DnPartnerQuery  *query,
                                        DnPartner             *after,
                                        guint                  limit,
                                        GError               **error);
/* Every partner of @query, in the same order, one statement to the end:
 * @func for each (stop by returning FALSE). */
typedef gboolean (*DnPartnerFunc) (DnPartner *partner,
                                   gpointer   user_data);
gboolean   dn_store_foreach_partner    (DnStore               *self,
                                        const DnPartnerQuery  *query,
                                        DnPartnerFunc          func,
                                        gpointer               user_data,
                                        GError               **error);
/* The ids of @query, in the same order (gint64). */
GArray    *dn_store_list_partner_ids   (DnStore               *self,
                                        const DnPartnerQuery  *query,
                                        GError               **error);
/* The partners of @ids, in that order, missing ones skipped. */
GPtrArray *dn_store_get_partners       (DnStore               *self,
                                        const gint64          *ids,
                                        guint                  n_ids,
                                        GError               **error);

/* The papers of the overview's alert DN_ALERT_REGISTRATIONS_EXPIRING told
 * apart: those valid on @today that expire before @today + @warning_days
 * in *@expiring, those expired before @today in *@expired. @warning_days
 * < 0: the department's setting (DN_SETTING_REGISTRATION_WARNING_DAYS). */
gboolean   dn_store_count_partner_registrations (DnStore      *self,
                                                 const GDate  *today,
                                                 int           warning_days,
                                                 guint        *expiring,
                                                 guint        *expired,
                                                 GError      **error);

/* The delegations of a partner (delegation.partner_id), newest first:
 * DnDelegation records with id, direction, title, start and end dates. */
GPtrArray *dn_store_list_partner_delegations (DnStore   *self,
                                              gint64     partner_id,
                                              GError   **error);

/* Projects ---------------------------------------------------------------
 *
 * Refused (DN_STORE_ERROR_INVALID, nothing written): no name, no partner
 * or one that does not exist, a lead unit that does not exist, an end
 * before the start, a negative budget (-1: not stated), a currency that
 * is not an ISO 4217 code (three capital letters), an unknown status. */
gboolean   dn_store_add_project        (DnStore    *self,
                                        DnProject  *project,
                                        GError    **error);
gboolean   dn_store_update_project     (DnStore    *self,
                                        DnProject  *project,
                                        GError    **error);
gboolean   dn_store_delete_project     (DnStore    *self,
                                        gint64      id,
                                        GError    **error);
DnProject *dn_store_get_project        (DnStore    *self,
                                        gint64      id,
                                        GError    **error);
/* The projects of @partner_id (0: of every partner), latest start first,
 * those without a start last. */
GPtrArray *dn_store_list_projects      (DnStore    *self,
                                        gint64      partner_id,
                                        GError    **error);

G_END_DECLS
