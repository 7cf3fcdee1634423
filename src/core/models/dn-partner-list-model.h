/* dn-partner-list-model.h: a lazy GListModel of partners over the store
 *
 * A DnQueryModel whose query is a DnPartnerQuery (from a DnPartnerFilter),
 * in Vietnamese order of the names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-query-model.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PARTNER_LIST_MODEL (dn_partner_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnPartnerListModel, dn_partner_list_model, DN, PARTNER_LIST_MODEL, DnQueryModel)

DnPartnerListModel *dn_partner_list_model_new             (DnStore               *store);
/* Runs @query (copied, its text and country too) here and replaces the
 * contents. */
gboolean            dn_partner_list_model_set_query       (DnPartnerListModel    *self,
                                                           const DnPartnerQuery  *query,
                                                           GError               **error);
/* The same on the store's query worker: the contents are replaced when the
 * result arrives (signal "loaded"); a newer call wins over an older one. */
void                dn_partner_list_model_set_query_async (DnPartnerListModel    *self,
                                                           const DnPartnerQuery  *query);

G_END_DECLS
