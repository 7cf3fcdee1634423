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
 * The accounts of the department server, their sessions and failed
 * sign-ins (schema version 10: account, account_session, account_attempt)
 * are not part of an export: they belong to the database they were made
 * in (a backup keeps them), and an import neither reads nor writes them
 * (a database holding only accounts counts as empty).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_EXCHANGE_FORMAT "doingoai"
/* The layout of the tables in an export: 3 added the names of units with
 * their dates (unit_name) and the merges of units (unit_merge); 4 the
 * department's settings, the programmes of visits, the events of passports
 * and the columns the delegation and passport rules need (schema version
 * 5); 5 the columns of the document registers (schema version 6:
 * urgency, receiver, file copy holder, copies, date passed on, notes),
 * secrecy in three levels (an older file's "confidential" is "mat"), the
 * files attached to tasks and delegations and where the text of each
 * attached file stands (schema version 7); 6 the reports kept and each
 * unit's report header (schema version 8); 7 the periodic reports
 * received from the units (schema version 9). An export is written in the
 * latest layout; import reads every one (the columns and tables an older
 * file lacks take their defaults). */
#define DN_EXCHANGE_VERSION 7
#define DN_EXCHANGE_MIN_VERSION 2

/* The longest record (one element of a table's list, as written) an import
 * takes: 16 MiB. The file itself may be of any size: it is read a piece at
 * a time, with one record in memory. */
#define DN_EXCHANGE_MAX_RECORD (16 << 20)

/* Writes the database to @file as it reads it (memory does not grow with
 * the data), atomically: a temporary file renamed over @file at the end; on
 * failure @file is left as it was. The output is strict JSON: every control
 * character escaped; a value JSON cannot hold (a number that is not finite)
 * is refused with the record that holds it. */
gboolean dn_exchange_export       (DnStore       *store,
                                   GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);

/* Reads @file into an empty database in one transaction, a piece at a
 * time: memory does not grow with the file. Only strict JSON is read
 * (dn-json-check.h: no comments, no single quotes, no \u0000, numbers in
 * range, nesting within limits, records of at most DN_EXCHANGE_MAX_RECORD
 * bytes), and only from a regular file. A malformed, truncated or
 * wrong-version file, an unknown table or field, a table or top-level field
 * given twice, a value of the wrong type, a text longer than its field
 * takes, or records that break a rule of the store (a loop of parent units,
 * an id that is not positive, a task without lead…) are refused with the
 * reason (line and column, or table, record number and field) and the
 * database is left unchanged. The emptiness check and the writes are one
 * transaction: of two imports at once, the second is refused. */
gboolean dn_exchange_import       (DnStore       *store,
                                   GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);
/* The same from @stream (named @name in messages), or from @bytes. */
gboolean dn_exchange_import_stream (DnStore       *store,
                                    GInputStream  *stream,
                                    const char    *name,
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
