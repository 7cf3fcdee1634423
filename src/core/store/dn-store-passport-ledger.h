/* dn-store-passport-ledger.h: the custody ledger of passports
 *
 * The ledger (sổ theo dõi giao, nhận hộ chiếu, Luật 49/2019 Điều 24):
 * passports handed out for a delegation and taken back, the due-back date
 * counted on the holiday calendar (dn-store-calendar.h).
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation.h"
#include "dn-passport.h"
#include "dn-passport-loan.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* When a passport of @kind handed out for a trip ending @trip_end comes
 * back: DN_SETTING_PASSPORT_RETURN_DAYS (DN_SETTING_ORDINARY_RETURN_DAYS for
 * an ordinary passport) working days after it, on the store's calendar. */
gboolean    dn_store_passport_due_back       (DnStore       *self,
                                              DnPassportKind kind,
                                              const GDate   *trip_end,
                                              GDate         *due_back,
                                              GError       **error);

/* Hands @passport_id out on @date for @delegation_id (approved or abroad,
 * with its sending decision; the holder a member). Refused
 * (DN_STORE_ERROR_INVALID) when the passport is out already, expired, lost,
 * transferred or cancelled; a warning (DN_STORE_ERROR_WARNING) unless
 * @confirmed when it has under DN_SETTING_PASSPORT_VALIDITY_MONTHS months of
 * validity left at the end of the trip. @handed_to "" or NULL: the holder.
 * Returns the ledger line's id, 0 on error (nothing written). */
gint64      dn_store_hand_out_passport       (DnStore      *self,
                                              gint64        passport_id,
                                              gint64        delegation_id,
                                              const GDate  *date,
                                              const char   *handed_by,
                                              const char   *handed_to,
                                              gboolean      receipt_signed,
                                              gboolean      confirmed,
                                              GError      **error);
/* Hands out the chosen passport (delegation_member.passport_id) of every
 * member of the staff in the delegation, each to its holder, in one
 * transaction: all, or nothing when any is refused (or warns, unless
 * @confirmed). */
gboolean    dn_store_hand_out_delegation_passports (DnStore      *self,
                                                    gint64        delegation_id,
                                                    const GDate  *date,
                                                    const char   *handed_by,
                                                    gboolean      confirmed,
                                                    GError      **error);
/* The delegations a passport of @person_id may be handed out for:
 * outbound, approved or abroad, with their sending decision, the person a
 * member (0: any person), latest start first. DnDelegation records with
 * their id, title, status, dates and decision. */
GPtrArray  *dn_store_list_hand_out_delegations (DnStore    *self,
                                                gint64      person_id,
                                                GError    **error);
/* Takes the passport back on @date (not before it was handed out). A late
 * return keeps @reason and the head who excused it (@excused_by). */
gboolean    dn_store_take_back_passport      (DnStore      *self,
                                              gint64        passport_id,
                                              const GDate  *date,
                                              const char   *returned_by,
                                              const char   *received_by,
                                              const char   *reason,
                                              const char   *excused_by,
                                              GError      **error);
/* Every passport of @delegation_id still out taken back on @date, in one
 * transaction (all or none), each as dn_store_take_back_passport() does;
 * @reason and @excused_by are recorded on the late ones only. Refused when
 * none is out. */
gboolean    dn_store_take_back_delegation_passports (DnStore      *self,
                                                     gint64        delegation_id,
                                                     const GDate  *date,
                                                     const char   *received_by,
                                                     const char   *reason,
                                                     const char   *excused_by,
                                                     GError      **error);
/* The ledger's lines by hand-out date: every one (both ids 0), those of a
 * passport, or those of a delegation. */
GPtrArray  *dn_store_list_passport_loans     (DnStore      *self,
                                              gint64        passport_id,
                                              gint64        delegation_id,
                                              GError      **error);

G_END_DECLS
