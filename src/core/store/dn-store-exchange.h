/* dn-store-exchange.h: what the JSON exchange (src/sync/dn-exchange.c) may
 * do with the store beyond its public API
 *
 * The exchange reads and writes whole tables, column by column, without
 * knowing SQLite: it learns a table's stored columns, reads its rows in id
 * order through a cursor, inserts rows given as name/value pairs, and runs
 * an import as one transaction with the audit log off and foreign keys
 * checked at the end, followed by the store's rules over everything read.
 * Nothing else outside the store uses these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

/* A stored (not generated) column of a table. */
typedef struct
{
  char     *name;
  gboolean  integer;    /* INTEGER affinity; otherwise TEXT */
  guint     max_chars;  /* longest text it takes (_dn_store_text_limit) */
} DnStoreColumn;

/* The stored columns of @table, in schema order (DnStoreColumn, cleared
 * with the array). */
GArray     *dn_store_exchange_columns      (DnStore     *store,
                                            const char  *table,
                                            GError     **error);
/* *@has_rows: whether @table holds any row. */
gboolean    dn_store_exchange_has_rows     (DnStore     *store,
                                            const char  *table,
                                            gboolean    *has_rows,
                                            GError     **error);

/* Reading: one read transaction around the cursors, for a consistent
 * snapshot. */
gboolean    dn_store_exchange_begin_read   (DnStore  *store,
                                            GError  **error);
void        dn_store_exchange_end_read     (DnStore  *store);

typedef enum
{
  DN_STORE_VALUE_NULL,
  DN_STORE_VALUE_INTEGER,
  DN_STORE_VALUE_FLOAT,
  DN_STORE_VALUE_TEXT,   /* text, or anything else (bytes) read as text */
} DnStoreValueType;

/* The rows of a table in rowid order, the values of @columns. */
typedef struct _DnStoreCursor DnStoreCursor;

DnStoreCursor   *dn_store_cursor_new        (DnStore     *store,
                                             const char  *table,
                                             GArray      *columns,
                                             GError     **error);
/* The rows of @table whose @key_column is @key (a column the store named:
 * dn_store_is_logged_table()), in rowid order: one record by its id, or
 * the links of one owner. */
DnStoreCursor   *dn_store_cursor_new_for_key (DnStore     *store,
                                              const char  *table,
                                              GArray      *columns,
                                              const char  *key_column,
                                              gint64       key,
                                              GError     **error);
/* Moves to the next row: TRUE on a row; FALSE at the end, or with @error
 * set when reading fails. */
gboolean         dn_store_cursor_next       (DnStoreCursor  *cursor,
                                             GError        **error);
DnStoreValueType dn_store_cursor_get_type   (DnStoreCursor *cursor,
                                             guint          column);
gint64           dn_store_cursor_get_int64  (DnStoreCursor *cursor,
                                             guint          column);
double           dn_store_cursor_get_double (DnStoreCursor *cursor,
                                             guint          column);
/* The bytes of a text value as stored (not checked: may hold NUL bytes or
 * be invalid UTF-8), @length set to their number. */
const char      *dn_store_cursor_get_text   (DnStoreCursor *cursor,
                                             guint          column,
                                             gsize         *length);
void             dn_store_cursor_free       (DnStoreCursor *cursor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnStoreCursor, dn_store_cursor_free)

/* Writing: dn_store_exchange_begin_import() opens the transaction
 * (BEGIN IMMEDIATE), turns the audit log off and defers foreign keys to the
 * end; dn_store_exchange_end_import() turns the audit log back on and
 * commits when @ok, else rolls back. The change log stays on: each row read
 * is an "insert" of its own (dn-store-changes.h). A table's columns
 * (dn_store_exchange_columns) leave the rows' "revision" out: it is the
 * server's state, not the data's. */
gboolean    dn_store_exchange_begin_import (DnStore  *store,
                                            GError  **error);
gboolean    dn_store_exchange_end_import   (DnStore   *store,
                                            gboolean   ok,
                                            GError   **error);

/* A value to insert: NULL, a whole number or text (already normalised and
 * checked against the column). */
typedef struct
{
  const DnStoreColumn *column;
  DnStoreValueType     type;   /* NULL, INTEGER or TEXT */
  gint64               integer;
  const char          *text;
} DnStoreValue;

/* Text read for @table.@column made ready to insert, as every input path
 * of the store does (_dn_normalize_field): *@text NFC-normalised in place;
 * FALSE when it is not UTF-8 or longer than @column->max_chars. */
gboolean    dn_store_exchange_normalize_text (const char           *table,
                                              const DnStoreColumn  *column,
                                              char                **text);

/* Inserts rows into @table, one at a time; rows that give the same
 * columns in the same order share one statement. */
typedef struct _DnStoreInserter DnStoreInserter;

DnStoreInserter *dn_store_inserter_new     (DnStore     *store,
                                            const char  *table);
gboolean         dn_store_inserter_insert  (DnStoreInserter     *inserter,
                                            const DnStoreValue  *values,
                                            guint                n_values,
                                            GError             **error);
void             dn_store_inserter_free    (DnStoreInserter *inserter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnStoreInserter, dn_store_inserter_free)

/* Applying a department server's changes to a replica of the same schema
 * (src/sync/dn-exchange-apply.c): dn_store_exchange_begin_import() opens
 * the transaction as for an import (audit log off, foreign keys checked at
 * the commit); dn_store_exchange_end_apply() commits when @ok (a broken
 * reference then fails the commit: nothing is kept), else rolls back. It
 * does not apply the import's task rules: the server's rows obey them. */
gboolean    dn_store_exchange_end_apply    (DnStore   *store,
                                            gboolean   ok,
                                            GError   **error);
/* Deletes the rows of @table whose @key_column (a column the store named:
 * "id", or a link table's owner column, dn_store_is_logged_table()) is
 * @key: one record by its id, or the links of one owner. Deleting what is
 * not there does nothing. */
gboolean    dn_store_exchange_delete_rows  (DnStore     *store,
                                            const char  *table,
                                            const char  *key_column,
                                            gint64       key,
                                            GError     **error);
/* Writes one row of @table given as name/value pairs: with an "id" among
 * @values, the row with that id has its columns updated in place (never
 * deleted and inserted again: the rows that refer to it stay), or is
 * inserted when there is none; without an "id" (a link), inserted. Its
 * revision is then set to @revision, the server's (the change log's
 * triggers set the replica's own otherwise). */
gboolean    dn_store_exchange_write_row    (DnStore             *store,
                                            const char          *table,
                                            const DnStoreValue  *values,
                                            guint                n_values,
                                            gint64               revision,
                                            GError             **error);

/* The first row that refers to a missing record (PRAGMA
 * foreign_key_check): TRUE with its table, rowid and the table it refers
 * to (free the names), FALSE when there is none. */
gboolean    dn_store_exchange_find_broken_reference (DnStore  *store,
                                                     char    **table,
                                                     gint64   *rowid,
                                                     char    **parent);
/* The rules the C API applies record by record, over all the data: FALSE
 * with @error (DN_STORE_ERROR_INVALID, the finding prefixed by @prefix) at
 * the first one broken (_dn_store_check_rules). */
gboolean    dn_store_exchange_check_rules  (DnStore     *store,
                                            const char  *prefix,
                                            GError     **error);

/* A column of a table that refers to a record of another (its foreign
 * keys): the server leaves out, or empties, a reference to a record the
 * caller may not see. */
typedef struct
{
  char     *column;
  char     *parent;       /* the table referred to */
  gboolean  nullable;
  /* the column the table's CHECK demands in its place when it is empty,
   * CHECK ((column IS NULL) <> (alternative IS NULL)): a delegation's
   * member is a person or a guest; NULL when none */
  char     *alternative;
} DnStoreReference;

void        dn_store_reference_free        (DnStoreReference *reference);
/* The references of @table's rows (DnStoreReference), in schema order,
 * each with its alternative read from the table's CHECK constraints */
GPtrArray  *dn_store_exchange_references   (DnStore     *store,
                                            const char  *table,
                                            GError     **error);
/* Whether a row whose @reference is emptied is still whole: the column may
 * be empty and none stands in its place (with one set, the alternative is
 * empty: the row would be neither). A reference that may not be emptied
 * keeps its row out of what the caller sees when it names a record the
 * caller does not see. */
gboolean    dn_store_reference_may_empty   (const DnStoreReference *reference);

G_END_DECLS
