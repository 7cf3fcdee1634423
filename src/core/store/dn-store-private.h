/* dn-store-private.h: what the store's own files (and the data generator,
 * the list models and the tests) share; the JSON exchange has its own,
 * narrower header, dn-store-exchange.h
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
/* A statement of its own, for SQL made at run time (not cached: finalize
 * it); NULL with @error set when @sql cannot be prepared. */
sqlite3_stmt *_dn_store_prepare_once       (DnStore     *self,
                                            const char  *sql,
                                            GError     **error);
/* Sets @error from the connection's last error (translated message). */
void          _dn_store_set_error          (DnStore     *self,
                                            int          rc,
                                            GError     **error);
/* The same for a connection of its own (@db may be NULL: from @rc alone),
 * for instance a backup's. */
void          _dn_sqlite_set_error         (sqlite3     *db,
                                            int          rc,
                                            GError     **error);
gboolean      _dn_store_exec               (DnStore     *self,
                                            const char  *sql,
                                            GError     **error);
/* TRUE when @rc, what sqlite3_step() returned, is SQLITE_ROW or
 * SQLITE_DONE; else FALSE with @error set from the connection. */
gboolean      _dn_store_check_step         (DnStore     *self,
                                            int          rc,
                                            GError     **error);
/* Step a prepared write statement to completion. */
gboolean      _dn_store_step_done          (DnStore       *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
void          _dn_store_set_audit          (DnStore  *self,
                                            gboolean  enabled);
/* The change log (dn-store-changes.c): the triggers made from the tables
 * with a "revision" column (after every upgrade), and one "insert" entry
 * per row already there (per owner of a link table), for the rows there
 * before the log: the upgrade to version 11. */
gboolean      _dn_store_rebuild_change_triggers (DnStore  *self,
                                                 GError  **error);
gboolean      _dn_store_log_existing_rows  (DnStore  *self,
                                            GError  **error);
/* Drops the triggers named @names (dn-store-open.c), to make them again
 * from the schema as it is now. */
gboolean      _dn_store_drop_triggers      (DnStore    *self,
                                            GPtrArray  *names,
                                            GError    **error);
/* The first column of @sql's first row in *@out (left as is when there is
 * no row), with a statement of its own: no cache, no bound values. */
gboolean      _dn_store_query_int          (DnStore     *self,
                                            const char  *sql,
                                            gint64      *out,
                                            GError     **error);
/* Reads the damage mark beside the database into dn_store_get_damage(). */
void          _dn_store_read_damage_mark   (DnStore     *self);
/* Marks the database damaged (by=error) unless a mark is there already. */
void          _dn_store_record_runtime_damage (DnStore    *self,
                                               const char *message);

/* Reading rows into records ---------------------------------------------
 *
 * A DnRow says which record a row makes and where each column goes: column
 * i of the row fills columns[i], a field given by its offset in the record:
 *
 *   static const DnRow unit_row = {
 *     dn_unit_get_type,
 *     { DN_COLUMN (INT64, DnUnit, id), DN_COLUMN (TEXT, DnUnit, code), … },
 *   };
 *
 * The column list ends at the first DN_COLUMN_END (an empty entry). */
typedef enum
{
  DN_COLUMN_END,
  DN_COLUMN_INT64,  /* gint64 */
  DN_COLUMN_INT,    /* int or guint */
  DN_COLUMN_BOOL,   /* gboolean: TRUE for any value but 0 */
  DN_COLUMN_TEXT,   /* char *, replaced (_dn_column_take_text) */
  DN_COLUMN_DATE,   /* GDate, invalid for NULL (_dn_column_date) */
  DN_COLUMN_ENUM,   /* an enumeration, from its keyword by @parse (dn_*_from_string);
                     * an unknown keyword leaves the field as it is */
} DnColumnKind;

typedef gboolean (*DnEnumParser) (const char *text, int *out);

typedef struct
{
  DnColumnKind  kind;
  gsize         offset;
  DnEnumParser  parse;
} DnColumn;

#define DN_ROW_MAX_COLUMNS 28

typedef struct
{
  GType     (*get_type) (void);
  DnColumn    columns[DN_ROW_MAX_COLUMNS];
} DnRow;

#define DN_COLUMN(kind, Type, field) { DN_COLUMN_##kind, G_STRUCT_OFFSET (Type, field), NULL }
#define DN_ENUM_COLUMN(Type, field, parse) \
  { DN_COLUMN_ENUM, G_STRUCT_OFFSET (Type, field), (DnEnumParser) (parse) }

/* A new record of @row's type filled from the current row of @stmt. */
gpointer      _dn_row_read                 (const DnRow   *row,
                                            sqlite3_stmt  *stmt);
/* The same into @record, a record of @row's type (its fields replaced). */
void          _dn_row_fill                 (const DnRow   *row,
                                            sqlite3_stmt  *stmt,
                                            gpointer       record);
/* Steps @stmt (a cached statement) to the end, adding a record (@row) for
 * each row; resets it. NULL (with @error set) when a step fails. */
GPtrArray    *_dn_store_collect            (DnStore       *self,
                                            sqlite3_stmt  *stmt,
                                            const DnRow   *row,
                                            GError       **error);

/* The records (@row) of @ids (@n_ids of them) in the order of @ids, those
 * that exist: @select ends "WHERE x.id" and is completed with "IN (…)";
 * @id_offset is where a record keeps its id (G_STRUCT_OFFSET). */
GPtrArray    *_dn_store_get_by_ids         (DnStore       *self,
                                            const char    *select,
                                            const DnRow   *row,
                                            gsize          id_offset,
                                            const gint64  *ids,
                                            guint          n_ids,
                                            GError       **error);

/* Writing and reading with bound values ---------------------------------
 *
 * The values of a statement's parameters 1, 2, … follow its SQL, each as
 * DN_TEXT (…), DN_DATE (…), DN_ID (…) or DN_INT (…), ended by DN_END:
 *
 *   _dn_store_write (self, "UPDATE task SET status = ? WHERE id = ?", error,
 *                    DN_TEXT ("done"), DN_INT (id), DN_END);
 *
 * Statements are cached by the address of @sql: give a string literal. */
typedef enum
{
  DN_BIND_END,
  DN_BIND_TEXT,   /* const char *; NULL: SQL NULL */
  DN_BIND_DATE,   /* const GDate *; NULL or invalid: SQL NULL */
  DN_BIND_ID,     /* gint64; 0 or less: SQL NULL */
  DN_BIND_INT,    /* gint64 */
} DnBindType;

#define DN_TEXT(value) DN_BIND_TEXT, (const char *) (value)
#define DN_DATE(value) DN_BIND_DATE, (const GDate *) (value)
#define DN_ID(value)   DN_BIND_ID, (gint64) (value)
#define DN_INT(value)  DN_BIND_INT, (gint64) (value)
#define DN_END         DN_BIND_END

/* The cached statement for @sql with the values bound; NULL (with @error
 * set) when @sql cannot be prepared. */
sqlite3_stmt *_dn_store_prepare_with       (DnStore     *self,
                                            const char  *sql,
                                            GError     **error,
                                            ...);
/* Runs a write statement in the caller's transaction. */
gboolean      _dn_store_write              (DnStore     *self,
                                            const char  *sql,
                                            GError     **error,
                                            ...);
/* Saves one record with a statement whose parameter 1 is the record's id
 * (the values given bind parameters 2, 3, …): with @is_new, an INSERT that
 * binds ?1 to NULL and stores the new row's id in *@id; else an UPDATE or
 * DELETE … WHERE id = ?1 of *@id, which fails with DN_STORE_ERROR_NOT_FOUND
 * and @not_found when it changes no row (@not_found NULL: no check). */
gboolean      _dn_store_save               (DnStore     *self,
                                            const char  *sql,
                                            gint64      *id,
                                            gboolean     is_new,
                                            const char  *not_found,
                                            GError     **error,
                                            ...);
/* _dn_store_write() and _dn_store_save() in a write transaction of their
 * own (dn_store_begin(): a savepoint inside an open one), committed when
 * the statement succeeds (then "changed" is emitted), else rolled back. */
gboolean      _dn_store_write_committed    (DnStore     *self,
                                            const char  *sql,
                                            GError     **error,
                                            ...);
gboolean      _dn_store_save_committed     (DnStore     *self,
                                            const char  *sql,
                                            gint64      *id,
                                            gboolean     is_new,
                                            const char  *not_found,
                                            GError     **error,
                                            ...);
/* Ends a transaction opened with dn_store_begin(): commits when @ok, else
 * rolls back and returns FALSE (@error is then already set by what failed). */
gboolean      _dn_store_finish             (DnStore     *self,
                                            gboolean     ok,
                                            GError     **error);
/* The first row as a record (@row). No row: NULL, with
 * DN_STORE_ERROR_NOT_FOUND and @not_found, or without error when
 * @not_found is NULL. */
gpointer      _dn_store_read_one           (DnStore     *self,
                                            const char  *sql,
                                            const DnRow *row,
                                            const char  *not_found,
                                            GError     **error,
                                            ...);
/* The record (@row) that @sql reads with its one parameter bound to @id.
 * No row: NULL, with DN_STORE_ERROR_NOT_FOUND and the message @missing
 * formats (printf) with the values after it. */
gpointer      _dn_store_get_by_id          (DnStore     *self,
                                            const char  *sql,
                                            const DnRow *row,
                                            gint64       id,
                                            GError     **error,
                                            const char  *missing,
                                            ...) G_GNUC_PRINTF (6, 7);
/* Every row as a record (@row; _dn_store_collect). */
GPtrArray    *_dn_store_read_all           (DnStore     *self,
                                            const char  *sql,
                                            const DnRow *row,
                                            GError     **error,
                                            ...);
/* The public functions of a record kind that only pass their arguments on,
 * defined once here (the kind's header declares them):
 * dn_store_add_NAME() and dn_store_update_NAME() over the kind's static
 * save_NAME (self, record, is_new, error); */
#define _DN_STORE_DEFINE_ADD_UPDATE(Type, name)                         \
  gboolean                                                              \
  dn_store_add_##name (DnStore *self, Type *record, GError **error)     \
  {                                                                     \
    return save_##name (self, record, TRUE, error);                     \
  }                                                                     \
  gboolean                                                              \
  dn_store_update_##name (DnStore *self, Type *record, GError **error)  \
  {                                                                     \
    return save_##name (self, record, FALSE, error);                    \
  }
/* dn_store_delete_NAME(): the row of @table with that id; */
#define _DN_STORE_DEFINE_DELETE(name, table)                                    \
  gboolean                                                                      \
  dn_store_delete_##name (DnStore *self, gint64 id, GError **error)             \
  {                                                                             \
    g_return_val_if_fail (DN_IS_STORE (self), FALSE);                           \
    return _dn_store_write_committed (self, "DELETE FROM " table " WHERE id = ?", \
                                      error, DN_INT (id), DN_END);              \
  }
/* The same, refused (DN_STORE_ERROR_NOT_FOUND, @missing) when there is no
 * such row; */
#define _DN_STORE_DEFINE_DELETE_EXISTING(name, table, missing)                  \
  gboolean                                                                      \
  dn_store_delete_##name (DnStore *self, gint64 id, GError **error)             \
  {                                                                             \
    g_return_val_if_fail (DN_IS_STORE (self), FALSE);                           \
    return _dn_store_save_committed (self, "DELETE FROM " table " WHERE id = ?1", \
                                     &id, FALSE, missing, error, DN_END);       \
  }
/* Type *dn_store_get_NAME(): the record (@row) that @sql reads by its id,
 * else NULL with DN_STORE_ERROR_NOT_FOUND and @missing ("… #%lld");
 * (_dn_store_get_by_id) */
#define _DN_STORE_DEFINE_GET(Type, name, sql, row, missing)                     \
  Type *                                                                        \
  dn_store_get_##name (DnStore *self, gint64 id, GError **error)                \
  {                                                                             \
    g_return_val_if_fail (DN_IS_STORE (self), NULL);                            \
    return _dn_store_get_by_id (self, sql, row, id, error, missing, (long long) id); \
  }
/* GPtrArray *dn_store_get_NAMES (self, ids, n_ids, error): the records
 * (@row, of @Type) of @ids that @select ("SELECT … WHERE x.id") reads, in
 * the order of @ids, missing ones skipped (_dn_store_get_by_ids); */
#define _DN_STORE_DEFINE_GET_BY_IDS(Type, names, select, row)                   \
  GPtrArray *                                                                   \
  dn_store_get_##names (DnStore *self, const gint64 *ids, guint n_ids,          \
                        GError **error)                                         \
  {                                                                             \
    g_return_val_if_fail (DN_IS_STORE (self), NULL);                            \
    return _dn_store_get_by_ids (self, select, row, G_STRUCT_OFFSET (Type, id), \
                                 ids, n_ids, error);                            \
  }
/* dn_store_list_NAME (self, gint64 @key, error): every record (@row) that
 * @sql reads with its one parameter bound to @key (_dn_store_read_all). */
#define _DN_STORE_DEFINE_LIST_BY(name, key, sql, row)                           \
  GPtrArray *                                                                   \
  dn_store_list_##name (DnStore *self, gint64 key, GError **error)              \
  {                                                                             \
    g_return_val_if_fail (DN_IS_STORE (self), NULL);                            \
    return _dn_store_read_all (self, sql, row, error, DN_INT (key), DN_END);    \
  }
/* An attachment read as a record: the columns of the table "a" (attachment),
 * the file name given by @name (the link's, or a.file_name). */
#define _DN_ATTACHMENT_COLUMNS(name) "a.id, a.sha256, " name ", a.mime_type, a.size, a.text_state"
extern const DnRow _dn_attachment_row;

/* Pages of attached files matching @match (an FTS5 query made by
 * dn_text_fts_query()), at most @limit, appended to @hits as
 * DN_RECORD_ATTACHMENT hits: the newest file first, its pages in order.
 * (dn_store_search()) */
gboolean      _dn_store_search_attachments   (DnStore     *self,
                                              const char  *match,
                                              guint        limit,
                                              GPtrArray   *hits,
                                              GError     **error);

/* The first column of the first row in *@value (0 when there is no row). */
gboolean      _dn_store_read_int           (DnStore     *self,
                                            const char  *sql,
                                            gint64      *value,
                                            GError     **error,
                                            ...);
/* Steps @stmt to the end, appending its first column to @ids (gint64);
 * resets it. FALSE (with @error set) when a step fails. */
gboolean      _dn_store_collect_ids        (DnStore       *self,
                                            sqlite3_stmt  *stmt,
                                            GArray        *ids,
                                            GError       **error);

/* Binding helpers: NULL/invalid/0 become SQL NULL. */
void          _dn_bind_text                (sqlite3_stmt *stmt, int col, const char *text);
void          _dn_bind_date                (sqlite3_stmt *stmt, int col, const GDate *date);
void          _dn_bind_id                  (sqlite3_stmt *stmt, int col, gint64 id);
/* Text of a column, "" for NULL, always valid UTF-8 (a damaged file may
 * hold anything). */
char         *_dn_column_text              (sqlite3_stmt *stmt, int col);
void          _dn_column_date              (sqlite3_stmt *stmt, int col, GDate *out);
/* Replaces the string *@field (freed) by the text of a column (_dn_column_text). */
void          _dn_column_take_text         (sqlite3_stmt *stmt, int col, char **field);
/* Replaces the string *@field (freed) by a copy of @value. */
void          _dn_set_text                 (char **field, const char *value);

/* NFC-normalises a string field of @table.@column in place; FALSE (with
 * @error naming it by @label) when it is not valid UTF-8, longer than the
 * column allows (_dn_store_text_limit), or empty while @required. */
gboolean      _dn_normalize_field          (char       **field,
                                            const char  *table,
                                            const char  *column,
                                            const char  *label,
                                            gboolean     required,
                                            GError     **error);
/* FALSE (with DN_STORE_ERROR_INVALID and the message @format makes of the
 * values after it) when @date is set with a year outside DN_DATE_MIN_YEAR..
 * DN_DATE_MAX_YEAR, or when it is NULL or not set while @required. */
gboolean      _dn_check_date               (const GDate *date,
                                            gboolean     required,
                                            GError     **error,
                                            const char  *format,
                                            ...) G_GNUC_PRINTF (4, 5);
/* FALSE, with DN_STORE_ERROR @code and the message @format makes of the
 * values after it: a refusal. */
gboolean      _dn_refuse                   (GError     **error,
                                            int          code,
                                            const char  *format,
                                            ...) G_GNUC_PRINTF (3, 4);
/* The same with DN_STORE_ERROR_INVALID and @message as it is. */
gboolean      _dn_invalid                  (GError     **error,
                                            const char  *message);
/* Replaces the country code *@code by its ISO 3166-1 form (capitals, no
 * spaces); FALSE with DN_STORE_ERROR_INVALID when it is none. */
gboolean      _dn_normalize_country        (char       **code,
                                            GError     **error);
/* "30/06/2024" for messages; "" for an invalid date. */
char         *_dn_format_date              (const GDate *date);
/* SQL: the full name of the person row @p, "family middle given" */
#define DN_SQL_FULL_NAME(p) \
  p ".family_name || ' ' || CASE WHEN " p ".middle_name = '' THEN '' ELSE " p ".middle_name || ' ' END || " p ".given_name"
/* FALSE with DN_STORE_ERROR_INVALID when one of the staff would be in two
 * outbound delegations (not cancelled) at once: @person_id (0: every staff
 * member of @delegation_id) against the other delegations, over
 * @start..@end (dn-store-delegations.c). */
gboolean      _dn_store_check_delegation_overlap (DnStore      *self,
                                                  gint64        delegation_id,
                                                  gint64        person_id,
                                                  const GDate  *start,
                                                  const GDate  *end,
                                                  GError      **error);
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

/* For the replica's own writes (the server's changes): lifts its
 * read-only state while @allow (dn_store_set_replica()); nothing for
 * another store */
gboolean _dn_store_allow_replica_writes (DnStore   *self,
                                         gboolean   allow,
                                         GError   **error);

G_END_DECLS
