/* dn-exchange-rows.h: records of the exchange one at a time, as the
 * department server's API sends them, and the changes after a revision
 *
 * A record is the object the JSON export writes for its row (the same
 * fields, names and values: one function reads them for both,
 * _dn_exchange_read_value) with its "revision" added (dn-store-changes.h).
 * A task also carries the keys every list of the API shows: "due" (its
 * "due_date") and "lead_unit" (the code of its lead unit, or null). A link
 * table without an id of its own (document_attachment, task_attachment,
 * delegation_attachment, delegation_country) is read by its owner's id: the
 * owner's links, an array of such objects (empty when it has none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* The record @id of @table (a table with a revision: the tables the API
 * serves), a JSON object (an array for a link table). DN_STORE_ERROR_INVALID
 * for a table that is not served, DN_STORE_ERROR_NOT_FOUND when there is
 * no such record. */
JsonNode *dn_exchange_row_to_json     (DnStore     *store,
                                       const char  *table,
                                       gint64       id,
                                       GError     **error);

/* The records @ids of @table, in that order, as a JSON array (a page of
 * a list: the table's columns are read once for all); the errors of
 * dn_exchange_row_to_json() for the first that fails. */
JsonNode *dn_exchange_rows_to_json    (DnStore      *store,
                                       const char   *table,
                                       const gint64 *ids,
                                       guint         n_ids,
                                       GError      **error);

/* What GET /api/v1/changes?since=@since answers, read in one snapshot:
 * {"revision": M, "changes": [{"table", "id", "op", "revision", "row"}…]}
 * — the rows changed after @since, each once with its last change, oldest
 * first, at most @limit (0: all), "row" the record now (null for a
 * deletion); M is where the next read starts (dn_store_read_changes()). */
JsonNode *dn_exchange_changes_to_json (DnStore     *store,
                                       gint64       since,
                                       guint        limit,
                                       GError     **error);

G_END_DECLS
