/* dn-store-passports.h: passports and their custody
 *
 * The passports the office keeps for its staff (hộ chiếu ngoại giao, công
 * vụ, phổ thông), the custody ledger (sổ theo dõi giao, nhận hộ chiếu,
 * Luật 49/2019 Điều 24), their events (loss, transfer, sent for
 * cancellation, the one extension) and the holiday calendar the due-back
 * date is counted on (05 working days after the trip, Điều 23.3).
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-calendar.h"
#include "dn-delegation.h"
#include "dn-passport.h"
#include "dn-passport-event.h"
#include "dn-passport-loan.h"
#include "dn-store.h"
#include "dn-store-alerts.h"

G_BEGIN_DECLS

/* The holiday calendar -------------------------------------------------- */

/* The statutory holidays with the officer's rows of table calendar_day on
 * top (days off the Prime Minister decrees, make-up working days). */
DnCalendar *dn_store_get_calendar            (DnStore      *self,
                                              GError      **error);
/* Adds or replaces the officer's row for @day: @off TRUE a day off, FALSE
 * a working day (ngày làm bù). */
gboolean    dn_store_set_calendar_day        (DnStore      *self,
                                              const GDate  *day,
                                              gboolean      off,
                                              const char   *name,
                                              GError      **error);
gboolean    dn_store_clear_calendar_day      (DnStore      *self,
                                              const GDate  *day,
                                              GError      **error);
/* The days off of @year, by date (GPtrArray of DnHoliday): the statutory
 * holidays with their compensatory days (nghỉ bù), less those the officer
 * made working days, and the officer's own days off. */
GPtrArray  *dn_store_list_holidays           (DnStore      *self,
                                              int           year,
                                              GError      **error);

/* Passports ------------------------------------------------------------- */

/* Number unique (5 to 20 characters, no spaces, kept in capitals), dates
 * set, expiry after issue, the holder one of the staff. The state is not
 * written here: it follows the ledger and the events. */
gboolean    dn_store_add_passport            (DnStore      *self,
                                              DnPassport   *passport,
                                              GError      **error);
gboolean    dn_store_update_passport         (DnStore      *self,
                                              DnPassport   *passport,
                                              GError      **error);
/* Refused (DN_STORE_ERROR_IN_USE) once the passport is in the ledger. */
gboolean    dn_store_delete_passport         (DnStore      *self,
                                              gint64        id,
                                              GError      **error);
DnPassport *dn_store_get_passport            (DnStore      *self,
                                              gint64        id,
                                              GError      **error);
/* The passport numbered @number (case and spaces ignored). */
DnPassport *dn_store_find_passport           (DnStore      *self,
                                              const char   *number,
                                              GError      **error);
/* The passports of one person, newest issue first. */
GPtrArray  *dn_store_list_person_passports   (DnStore      *self,
                                              gint64        person_id,
                                              GError      **error);

/* What a list of passports shows (DnPassportFilter makes one). */
typedef struct
{
  const char *text;            /* number or holder, accents optional; NULL: any */
  int         state;           /* a DnPassportState, or -1 for any */
  gboolean    only_out;        /* handed out now */
  gboolean    only_overdue;    /* out and due back before @today */
  GDate       expiring_before; /* not lost, transferred or cancelled, expiring before
                                * this day (expired ones too); invalid: any */
  GDate       today;           /* the day "overdue" is judged on */
} DnPassportQuery;

void        dn_passport_query_init           (DnPassportQuery *query,
                                              const GDate     *today);
/* The passports of @query in the holder's Vietnamese order: the @limit
 * after @after (NULL: the first). Pages by key. */
GPtrArray  *dn_store_list_passports          (DnStore               *self,
                                              const DnPassportQuery *query,
                                              DnPassport            *after,
                                              guint                  limit,
                                              GError               **error);
/* Their ids, in the same order (for DnPassportListModel). */
GArray     *dn_store_list_passport_ids       (DnStore               *self,
                                              const DnPassportQuery *query,
                                              GError               **error);
/* The passports of @ids, in that order, missing ones skipped. */
GPtrArray  *dn_store_get_passports           (DnStore               *self,
                                              const gint64          *ids,
                                              guint                  n_ids,
                                              GError               **error);

/* The custody ledger ---------------------------------------------------- */

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

/* Events ---------------------------------------------------------------- */

/* Records a loss, a transfer or the sending for cancellation
 * (event->kind, on_date, letter, notes): the passport's state becomes lost,
 * transferred or cancelled. A loss and a sending for cancellation need the
 * written notice (event->letter). Refused for a passport already gone, and
 * (transfer, cancellation) while it is handed out. Returns the event id. */
gint64      dn_store_add_passport_event      (DnStore          *self,
                                              DnPassportEvent  *event,
                                              GError          **error);
GPtrArray  *dn_store_list_passport_events    (DnStore      *self,
                                              gint64        passport_id,
                                              GError      **error);
/* The one extension of a diplomatic or official passport, on @on_date, to
 * @new_expiry (after the current expiry, at most 3 years later). Refused for
 * an ordinary passport and for a second extension. */
gboolean    dn_store_extend_passport         (DnStore      *self,
                                              gint64        passport_id,
                                              const GDate  *new_expiry,
                                              const GDate  *on_date,
                                              const char   *letter,
                                              GError      **error);

/* The overview's numbers on @today: passports handed out now, and the
 * alerts' figures (dn-store-alerts.h): those overdue (due back before
 * @today, not returned) and those still valid expiring within
 * DN_SETTING_PASSPORT_VALIDITY_MONTHS months (or expired). The list's
 * filters count the same ones ("expiring soon": expiring_before the limit
 * dn_alert_get_limit (DN_ALERT_PASSPORTS_EXPIRING) gives). */
gboolean    dn_store_count_passports         (DnStore      *self,
                                              const GDate  *today,
                                              guint        *n_out,
                                              guint        *n_overdue,
                                              guint        *n_expiring,
                                              GError      **error);

G_END_DECLS
