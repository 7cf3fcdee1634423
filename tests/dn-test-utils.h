/* dn-test-utils.h: helpers shared by the tests: a fresh temporary database
 * per test case, SQL peeks into it, files, dates and records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* Fixture for g_test_add():
 *
 *   g_test_add ("/store/x", DnTestStore, NULL,
 *               dn_test_store_setup, test_x, dn_test_store_teardown);
 *
 * Every case gets its own temporary folder; teardown closes the store
 * (asserting that nothing else still holds it) and deletes the folder with
 * everything in it. */
typedef struct
{
  char    *dir;    /* the temporary folder */
  char    *path;   /* dir/doingoai.db */
  DnStore *store;  /* open on path, or NULL (dn_test_store_setup_empty) */
} DnTestStore;

/* A case on a fresh database (DN_TEST_ADD) or on a folder only
 * (DN_TEST_ADD_EMPTY). */
#define DN_TEST_ADD(path, func) \
  g_test_add (path, DnTestStore, NULL, dn_test_store_setup, func, dn_test_store_teardown)
#define DN_TEST_ADD_EMPTY(path, func) \
  g_test_add (path, DnTestStore, NULL, dn_test_store_setup_empty, func, dn_test_store_teardown)

/* A folder and a new database in it, opened with dn_store_open(). */
void      dn_test_store_setup          (DnTestStore   *fixture,
                                        gconstpointer  data);
/* Only the folder: path does not exist yet and store is NULL. */
void      dn_test_store_setup_empty    (DnTestStore   *fixture,
                                        gconstpointer  data);
void      dn_test_store_teardown       (DnTestStore   *fixture,
                                        gconstpointer  data);
/* Closes fixture->store (when open) and opens fixture->path again. */
void      dn_test_store_reopen         (DnTestStore   *fixture);
/* Drops the last reference to *@store, asserting it is finalized (no other
 * reference leaked), and sets it to NULL. NULL is fine. */
void      dn_test_store_close          (DnStore      **store);

/* Points HOME and the XDG user folders (data, config, cache, state) into a
 * new temporary folder, so that nothing of the user's is read or written;
 * returns that folder, for dn_test_remove_tree() once g_test_run() is done.
 * Call it first in main(), before anything asks GLib for those folders.
 * (G_TEST_OPTION_ISOLATE_DIRS does this per test case, but GLib then leaks
 * the old names on purpose, which LeakSanitizer reports.) */
char     *dn_test_isolate_user_dirs    (void);

/* Files ----------------------------------------------------------------- */

/* A new, empty temporary folder (g_dir_make_tmp); free with g_free(). */
char     *dn_test_make_tmp_dir         (void);
/* Deletes @path and, for a folder, everything below it (permissions are
 * restored first, so read-only files and folders go too). */
void      dn_test_remove_tree          (const char *path);
/* SHA-256 (hex) of the content of @path, or NULL when it does not exist. */
char     *dn_test_file_checksum        (const char *path);
/* Writes @len bytes (@len < 0: NUL-terminated @data) to @path. */
void      dn_test_write_file           (const char *path,
                                        const void *data,
                                        gssize      len);
/* Number of regular files below @dir (recursively); 0 when it is missing. */
guint     dn_test_count_files          (const char *dir);

/* SQL ------------------------------------------------------------------- */

/* These run on the store's own connection and abort the test on failure.
 * The formats are printf formats: write %% for a literal %. */
void      dn_test_exec                 (DnStore    *store,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (2, 3);
/* The first column of the first row as an integer (0 when NULL); aborts
 * when there is no row. */
gint64    dn_test_query_int            (DnStore    *store,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (2, 3);
/* The first column of the first row as text, NULL for SQL NULL; aborts
 * when there is no row. */
char     *dn_test_query_text           (DnStore    *store,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (2, 3);
/* Runs @sql on @path through a plain SQLite connection of its own (no store,
 * no Vietnamese functions); aborts on failure. */
void      dn_test_exec_file            (const char *path,
                                        const char *sql);
/* The first column of the first row of @sql on @path (plain connection). */
/* Takes schema version 11's change log out of @store — its triggers, the
 * table, the "revision" columns — with the audit triggers (every migration
 * makes them again), for a test that brings a database back to an older
 * layout by hand. */
void      dn_test_undo_change_log      (DnStore    *store);
gint64    dn_test_query_file_int       (const char *path,
                                        const char *sql);

/* "unit=3 person=0 …": the number of rows of every table of the database
 * (the search index included), to check that a failed call wrote nothing. */
char     *dn_test_row_counts           (DnStore    *store);

/* Dates ----------------------------------------------------------------- */

/* A valid date. */
GDate     dn_test_date                 (int year,
                                        int month,
                                        int day);
/* Today in Vietnam (dn_date_today()) plus @days (may be negative). */
GDate     dn_test_today_plus           (int days);
/* An invalid (cleared) date. */
GDate     dn_test_no_date              (void);
/* Fails the test unless @date is @year-@month-@day (saying both). */
void      dn_test_assert_date          (const GDate *date,
                                        int          year,
                                        int          month,
                                        int          day);

/* Records --------------------------------------------------------------- */

/* These add one record through the store, assert success and return its id. */
gint64    dn_test_add_unit             (DnStore    *store,
                                        const char *code,
                                        const char *name,
                                        DnUnitKind  kind,
                                        gint64      parent_id);
gint64    dn_test_add_person           (DnStore    *store,
                                        const char *family_name,
                                        const char *middle_name,
                                        const char *given_name,
                                        gint64      unit_id);
/* @issue_date may be NULL. */
gint64    dn_test_add_document        (DnStore     *store,
                                        const char  *number,
                                        const char  *symbol,
                                        const char  *subject,
                                        const GDate *issue_date);
/* @due may be NULL; @supports: the supporting unit ids, ended by 0, or
 * NULL: DN_TEST_UNITS (a, b) makes such a list. */
gint64    dn_test_add_task             (DnStore      *store,
                                        const char   *title,
                                        gint64        lead_unit_id,
                                        const GDate  *due,
                                        const gint64 *supports);
#define DN_TEST_UNITS(...) ((const gint64[]) { __VA_ARGS__, 0 })

/* The task @id, asserting it is read. */
DnTask   *dn_test_get_task             (DnStore      *store,
                                        gint64        id);
/* A DnStore::changed handler counting into the guint at @count. */
void      dn_test_count_changed        (DnStore      *store,
                                        guint        *count);

/* Ids --------------------------------------------------------------------- */

/* The ids of records (DnUnit, DnPerson, DnDocument, DnTask, DnAssignment…:
 * any object whose first field after the GObject is "gint64 id"), in order,
 * as a string "3,1,2" for readable assertions. */
char     *dn_test_ids_of_records       (GPtrArray *records);
/* The same for a GArray of gint64. */
char     *dn_test_ids_of_array         (GArray    *ids);
/* "3,1,2" from a list of ids ended by 0; DN_TEST_IDS (3, 1, 2) makes one. */
char     *dn_test_ids                  (const gint64 *ids);
#define DN_TEST_IDS(...) dn_test_ids ((const gint64[]) { __VA_ARGS__, 0 })
/* g_assert_cmpstr() of a string the test owns (freed after) against
 * another: the result of dn_test_query_text(), DN_TEST_IDS()… */
#define dn_test_assert_owned_cmpstr(owned, cmp, other) \
  G_STMT_START { \
    g_autofree char *dn_owned_ = (owned); \
    g_assert_cmpstr (dn_owned_, cmp, other); \
  } G_STMT_END
/* The same ids as @ids ("3,1,2"), in ascending order: for comparing sets. */
char     *dn_test_ids_sorted           (const char *ids);

G_END_DECLS
