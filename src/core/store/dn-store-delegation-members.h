/* dn-store-delegation-members.h: the members of a delegation
 *
 * Part of the store's API: include "dn-store.h".
 *
 * Refused (DN_STORE_ERROR_INVALID, nothing written): one of the staff in
 * two outbound delegations (not cancelled) whose dates overlap; a passport
 * that is not the member's. The local limits on members and trips a year
 * (DN_SETTING_LIMIT_*, outbound only) warn (DN_STORE_ERROR_WARNING) unless
 * @confirmed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation-member.h"
#include "dn-store.h"

G_BEGIN_DECLS

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

G_END_DECLS
