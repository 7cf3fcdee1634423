/* dn-exchange-apply.h: what the department server sends, applied to a
 * replica
 *
 * A replica is a store of the same schema as the server's that holds what
 * one account may see (src/sync/dn-replica.h). The server's records come in
 * the shape dn-exchange-rows.h makes: a record of a table with an id is an
 * object of the export's fields and its "revision" (a task also carries
 * "due" and "lead_unit", which are read from its fields and not stored);
 * a link table without an id comes as the array of one owner's links.
 *
 * The server is outside input: every value is checked as the import checks
 * it (an unknown table or field, a wrong type, text too long, a reference
 * to a record the replica does not hold → DN_STORE_ERROR_INVALID or
 * _IN_USE), and what one call applies is one transaction: nothing is
 * applied when anything is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* Applies a GET /changes answer, {"revision": M, "changes": [{"table",
 * "id", "op", "revision", "row"}…]}: its deletions first, then each record
 * inserted or replaced by its key (a row by its id, in place; an owner's
 * links all replaced), and the replica's revision
 * (dn_store_get_replica_revision()) moved to M, in one transaction. An
 * answer older than the replica's revision is refused. */
gboolean dn_exchange_apply_changes (DnStore     *replica,
                                    JsonNode    *answer,
                                    GError     **error);

/* Applies one record of @table as a write's answer gives it (an object; a
 * link table's non-empty array of one owner's links) in one transaction,
 * without moving the replica's revision: the changes before it still come
 * with the next /changes. */
gboolean dn_exchange_apply_record  (DnStore     *replica,
                                    const char  *table,
                                    JsonNode    *record,
                                    GError     **error);

G_END_DECLS
