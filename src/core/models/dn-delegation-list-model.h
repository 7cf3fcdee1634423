/* dn-delegation-list-model.h: a lazy GListModel of delegations
 *
 * A DnQueryModel whose query is a DnDelegationQuery (newest first), for
 * the "Outbound delegations" and "Inbound delegations" sections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-query-model.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_LIST_MODEL (dn_delegation_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationListModel, dn_delegation_list_model, DN, DELEGATION_LIST_MODEL, DnQueryModel)

DnDelegationListModel *dn_delegation_list_model_new             (DnStore                  *store);
/* Runs @query (copied; its text too) here and replaces the contents. */
gboolean               dn_delegation_list_model_set_query       (DnDelegationListModel    *self,
                                                                 const DnDelegationQuery  *query,
                                                                 GError                  **error);
/* The same on the store's query worker (the latest call wins); "loaded"
 * when the result is in or the query failed. */
void                   dn_delegation_list_model_set_query_async (DnDelegationListModel    *self,
                                                                 const DnDelegationQuery  *query);

G_END_DECLS
