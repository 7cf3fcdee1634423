/* dn-exchange.h: the whole database as versioned JSON
 *
 * {
 *   "format": "doingoai",
 *   "version": <schema version>,
 *   "tables": { "unit": [ { "id": 1, "code": "SGD", … }, … ], "person": […], … }
 * }
 *
 * Tables come in dependency order, rows in id order, every stored column
 * (generated sort keys and the audit log left out), so that export → import
 * into an empty database → export gives the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_EXCHANGE_FORMAT "doingoai"

/* Writes the database to @file atomically (temporary file, then rename). */
gboolean dn_exchange_export       (DnStore       *store,
                                   GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Reads @file into an empty database in one transaction. A malformed,
 * truncated or wrong-version file, an unknown table or field, or a record that
 * breaks a rule is refused with the reason (line and column, or table, record
 * number and field) and the database is left unchanged. */
gboolean dn_exchange_import       (DnStore       *store,
                                   GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean dn_exchange_import_bytes (DnStore       *store,
                                   GBytes        *bytes,
                                   const char    *name,
                                   GError       **error);

/* Loads the demo data set (compiled in) into an empty database. */
gboolean dn_exchange_load_demo    (DnStore  *store,
                                   GError  **error);

G_END_DECLS
