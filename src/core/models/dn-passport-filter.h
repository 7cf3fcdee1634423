/* dn-passport-filter.h: what the passport list shows, as one object
 *
 * The filters of the passport list, as properties the list's widgets are
 * bound to:
 *  - "text": number or holder, accents optional (the search index); NULL or
 *    "" for none;
 *  - "state": a DnPassportState, or -1 for any;
 *  - "only-out": only the passports handed out now;
 *  - "only-overdue": only those handed out and due back before "today";
 *  - "expiring-before" (GDate, boxed): only valid passports expiring before
 *    that day; an invalid or NULL date for none;
 *  - "today" (GDate, boxed): the day "overdue" is judged on.
 * "changed" is emitted once after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-filter.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORT_FILTER (dn_passport_filter_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportFilter, dn_passport_filter, DN, PASSPORT_FILTER, DnFilter)

DnPassportFilter *dn_passport_filter_new                 (void);

const char       *dn_passport_filter_get_text            (DnPassportFilter *self);
void              dn_passport_filter_set_text            (DnPassportFilter *self,
                                                          const char       *text);
void              dn_passport_filter_set_only_out        (DnPassportFilter *self,
                                                          gboolean          only_out);
void              dn_passport_filter_set_only_overdue    (DnPassportFilter *self,
                                                          gboolean          only_overdue);
/* NULL or invalid: none. */
void              dn_passport_filter_set_expiring_before (DnPassportFilter *self,
                                                          const GDate      *day);
void              dn_passport_filter_get_expiring_before (DnPassportFilter *self,
                                                          GDate            *day);
void              dn_passport_filter_set_today           (DnPassportFilter *self,
                                                          const GDate      *today);
/* Every filter back to none (today kept). */
void              dn_passport_filter_reset               (DnPassportFilter *self);
gboolean          dn_passport_filter_is_active           (DnPassportFilter *self);

/* The store's query for these filters; its text points into the filter:
 * valid until the text changes. */
void              dn_passport_filter_to_query            (DnPassportFilter *self,
                                                          DnPassportQuery  *query);

G_END_DECLS
