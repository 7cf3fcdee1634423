/* dn-store-private.h: what the store's own files, the importer and the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dn-store.h"

G_BEGIN_DECLS

sqlite3      *_dn_store_get_db             (DnStore *self);
/* Prepared statement from the store's cache (reset, bindings cleared). */
sqlite3_stmt *_dn_store_prepare            (DnStore     *self,
                                            const char  *sql,
                                            GError     **error);
/* Sets @error from the connection's last error (translated message). */
void          _dn_store_set_error          (DnStore     *self,
                                            int          rc,
                                            GError     **error);
gboolean      _dn_store_exec               (DnStore     *self,
                                            const char  *sql,
                                            GError     **error);
/* Step a prepared write statement to completion. */
gboolean      _dn_store_step_done          (DnStore       *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
void          _dn_store_set_audit          (DnStore  *self,
                                            gboolean  enabled);
/* Opens at exactly schema @version (tests of migrations). */
DnStore      *_dn_store_open_at_version    (const char  *path,
                                            int          version,
                                            GError     **error);

/* Steps @stmt (a cached statement) to the end, adding @from_row (stmt) for
 * each row; resets it. NULL (with @error set) when a step fails. */
typedef gpointer (*DnRowFunc) (sqlite3_stmt *stmt);
GPtrArray    *_dn_store_collect            (DnStore       *self,
                                            sqlite3_stmt  *stmt,
                                            DnRowFunc      from_row,
                                            GError       **error);

/* Binding helpers: NULL/invalid/0 become SQL NULL. */
void          _dn_bind_text                (sqlite3_stmt *stmt, int col, const char *text);
void          _dn_bind_date                (sqlite3_stmt *stmt, int col, const GDate *date);
void          _dn_bind_id                  (sqlite3_stmt *stmt, int col, gint64 id);
/* Text of a column, "" for NULL, always valid UTF-8 (a damaged file may
 * hold anything). */
char         *_dn_column_text              (sqlite3_stmt *stmt, int col);
void          _dn_column_date              (sqlite3_stmt *stmt, int col, GDate *out);

/* NFC-normalises a string field of @table.@column in place; FALSE (with
 * @error naming it by @label) when it is not valid UTF-8, longer than the
 * column allows (_dn_store_text_limit), or empty while @required. */
gboolean      _dn_normalize_field          (char       **field,
                                            const char  *table,
                                            const char  *column,
                                            const char  *label,
                                            gboolean     required,
                                            GError     **error);
/* Longest text, in characters, that @table.@column takes. */
guint         _dn_store_text_limit         (const char  *table,
                                            const char  *column);
/* Checks the rules the C API applies record by record over the whole data
 * set (ids positive, unit codes, no loop in the unit or task tree, one lead
 * per task, …). With @report, appends one line per finding (prefixed by
 * @prefix) and returns FALSE when there is any; without, stops at the first
 * and sets @error (DN_STORE_ERROR_INVALID). @error is also set when a query
 * fails. */
gboolean      _dn_store_check_rules        (DnStore     *self,
                                            GString     *report,
                                            const char  *prefix,
                                            GError     **error);

G_END_DECLS
