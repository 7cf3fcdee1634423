/* dn-list-models.h: lazy GListModels of tasks, delegations, partners and
 * passports over the store
 *
 * Each is a DnQueryModel (the ids of one query, rows read a page at a time;
 * whether an asynchronous query is running and re-reading after an edit
 * are the parent's: dn_query_model_is_loading(), dn_query_model_reload())
 * whose query is the kind's: DnTaskQuery, DnDelegationQuery (newest first,
 * for the "Outbound delegations" and "Inbound delegations" sections),
 * DnPartnerQuery, DnPassportQuery (the window's passport list). Run
 * asynchronously, a query runs on the store's query worker, the first rows
 * read there too; the contents are replaced when the result arrives
 * (signal "loaded"), and a newer call interrupts an older one: only the
 * latest result is applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-query-model.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK_LIST_MODEL (dn_task_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskListModel, dn_task_list_model, DN, TASK_LIST_MODEL, DnQueryModel)

/* The model holds only the ids of the matching tasks (one indexed query);
 * rows are read from the store a page at a time when a view asks for them,
 * and a bounded number are kept. */
DnTaskListModel *dn_task_list_model_new        (DnStore            *store);
DnStore         *dn_task_list_model_get_store  (DnTaskListModel    *self);
/* Runs @query (copied; its text too) and replaces the contents. */
gboolean         dn_task_list_model_set_query  (DnTaskListModel    *self,
                                                const DnTaskQuery  *query,
                                                GError            **error);
/* Like dn_task_list_model_set_query(), but reads here only the first rows
 * (those a view shows first: a few ms on the list's index whatever the
 * size), and the rest on the query worker: the model is not "complete"
 * until they are in (then rows are added after those shown). For a
 * window's first frame. */
gboolean         dn_task_list_model_set_query_first (DnTaskListModel    *self,
                                                     const DnTaskQuery  *query,
                                                     GError            **error);
const DnTaskQuery *dn_task_list_model_get_query (DnTaskListModel   *self);
/* Runs @query on the store's query worker (dn_query_worker_get_for_store():
 * a thread with a read-only connection of its own), so that typing or
 * changing a filter never waits for the database; the
 * contents are replaced when the result arrives (signal "loaded"), with
 * the first rows (those a view shows first) read on that thread too. A
 * newer call interrupts an older one still running: only the latest
 * query's result is applied. */
void             dn_task_list_model_set_query_async (DnTaskListModel   *self,
                                                     const DnTaskQuery *query);
/* Position of a task, or G_MAXUINT. */
guint            dn_task_list_model_find       (DnTaskListModel    *self,
                                                gint64              task_id);

#define DN_TYPE_DELEGATION_LIST_MODEL (dn_delegation_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationListModel, dn_delegation_list_model, DN, DELEGATION_LIST_MODEL, DnQueryModel)

DnDelegationListModel *dn_delegation_list_model_new             (DnStore                  *store);
/* Runs @query (copied; its text too) here and replaces the contents. */
gboolean               dn_delegation_list_model_set_query       (DnDelegationListModel    *self,
                                                                 const DnDelegationQuery  *query,
                                                                 GError                  **error);
void                   dn_delegation_list_model_set_query_async (DnDelegationListModel    *self,
                                                                 const DnDelegationQuery  *query);

#define DN_TYPE_PARTNER_LIST_MODEL (dn_partner_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnPartnerListModel, dn_partner_list_model, DN, PARTNER_LIST_MODEL, DnQueryModel)

DnPartnerListModel *dn_partner_list_model_new             (DnStore               *store);
/* Runs @query (copied, its text and country too) here and replaces the
 * contents. */
gboolean            dn_partner_list_model_set_query       (DnPartnerListModel    *self,
                                                           const DnPartnerQuery  *query,
                                                           GError               **error);
void                dn_partner_list_model_set_query_async (DnPartnerListModel    *self,
                                                           const DnPartnerQuery  *query);

#define DN_TYPE_PASSPORT_LIST_MODEL (dn_passport_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportListModel, dn_passport_list_model, DN, PASSPORT_LIST_MODEL, DnQueryModel)

DnPassportListModel *dn_passport_list_model_new             (DnStore               *store);
/* Runs @query (copied, its text too) here and replaces the contents. */
gboolean             dn_passport_list_model_set_query       (DnPassportListModel   *self,
                                                             const DnPassportQuery *query,
                                                             GError               **error);
void                 dn_passport_list_model_set_query_async (DnPassportListModel   *self,
                                                             const DnPassportQuery *query);

#define DN_TYPE_DOCUMENT_LIST_MODEL (dn_document_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DnDocumentListModel, dn_document_list_model, DN, DOCUMENT_LIST_MODEL, DnQueryModel)

DnDocumentListModel *dn_document_list_model_new             (DnStore               *store);
gboolean             dn_document_list_model_set_query       (DnDocumentListModel   *self,
                                                             const DnDocumentQuery *query,
                                                             GError               **error);
void                 dn_document_list_model_set_query_async (DnDocumentListModel   *self,
                                                             const DnDocumentQuery *query);

G_END_DECLS
