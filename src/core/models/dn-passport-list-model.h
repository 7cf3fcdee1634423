/* dn-passport-list-model.h: a lazy GListModel of passports over the store
 *
 * A DnQueryModel whose query is a DnPassportQuery (the passport list of the
 * window): the ids of the matching passports, rows read a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-query-model.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORT_LIST_MODEL (dn_passport_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportListModel, dn_passport_list_model, DN, PASSPORT_LIST_MODEL, DnQueryModel)

DnPassportListModel *dn_passport_list_model_new             (DnStore               *store);
/* Runs @query (copied, its text too) here and replaces the contents. */
gboolean             dn_passport_list_model_set_query       (DnPassportListModel   *self,
                                                             const DnPassportQuery *query,
                                                             GError               **error);
/* Runs @query on the store's query worker, the first rows read there too;
 * the contents are replaced when the result arrives (signal "loaded"). A
 * newer call interrupts an older one: only the latest result is applied. */
void                 dn_passport_list_model_set_query_async (DnPassportListModel   *self,
                                                             const DnPassportQuery *query);
const DnPassportQuery *dn_passport_list_model_get_query     (DnPassportListModel   *self);

G_END_DECLS
