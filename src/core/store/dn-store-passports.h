/* dn-store-passports.h: passports
 *
 * The passports the office keeps for its staff (hộ chiếu ngoại giao, công
 * vụ, phổ thông), their lists and events (loss, transfer, sent for
 * cancellation, the one extension). Their custody, the ledger (sổ theo dõi
 * giao, nhận hộ chiếu), has a header of its own: dn-store-passport-ledger.h.
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-passport.h"
#include "dn-passport-event.h"
#include "dn-store.h"
#include "dn-store-alerts.h"

G_BEGIN_DECLS

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
