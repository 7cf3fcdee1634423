/* dn-store.h: the SQLite store
 *
 * One SQLite file holds everything. Every write runs in BEGIN IMMEDIATE …
 * COMMIT; list queries return one page at a time. All text is stored in NFC.
 *
 * This header opens, checks and counts; each area's records have their own
 * header (dn-store-units.h, -people, -documents, -tasks, -reminders,
 * -search), included at the end of this one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_STORE_SCHEMA_VERSION 11
#define DN_STORE_APPLICATION_ID 0x444e4731 /* "DNG1" */

/* Longest text a field takes, in characters: codes, names and numbers;
 * titles, subjects and other one-line texts; free text (descriptions, notes,
 * reasons). Longer text is refused with a message naming the field. */
#define DN_TEXT_MAX_SHORT 200
#define DN_TEXT_MAX_LINE  2000
#define DN_TEXT_MAX_LONG  100000

#define DN_STORE_ERROR (dn_store_error_quark ())
GQuark dn_store_error_quark (void);

typedef enum
{
  DN_STORE_ERROR_FAILED,
  DN_STORE_ERROR_NOT_DATABASE,  /* not a doingoai database (garbage, another program's) */
  DN_STORE_ERROR_TOO_NEW,       /* written by a newer version of the application */
  DN_STORE_ERROR_CORRUPT,
  DN_STORE_ERROR_FULL,
  DN_STORE_ERROR_BUSY,
  DN_STORE_ERROR_READ_ONLY,
  DN_STORE_ERROR_NOT_FOUND,
  DN_STORE_ERROR_INVALID,       /* the input breaks a rule; the message says which */
  DN_STORE_ERROR_DUPLICATE,
  DN_STORE_ERROR_IN_USE,        /* still referenced by other records */
  DN_STORE_ERROR_NOT_EMPTY,
  /* a rule that warns (a local limit, a passport that expires soon): the
   * message says what; nothing was written, and the caller may ask the
   * officer and do it again, confirmed (the function's "confirmed" flag) */
  DN_STORE_ERROR_WARNING,
  /* a sign-in refused (unknown name or wrong password alike, a disabled
   * account) or a session no longer valid */
  DN_STORE_ERROR_DENIED,
  /* too many failed sign-ins for a name or from a peer: refused without
   * checking the password until the window has passed */
  DN_STORE_ERROR_TOO_MANY_ATTEMPTS,
  /* the record was changed by someone else since the revision a write
   * was made on (dn_store_check_revision): nothing written */
  DN_STORE_ERROR_CONFLICT,
} DnStoreError;

typedef enum
{
  DN_STORE_OPEN_DEFAULT   = 0,       /* create when missing, migrate to the current schema */
  DN_STORE_OPEN_NO_CREATE = 1 << 0,  /* the file must exist */
  DN_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write (no migration either) */
  DN_STORE_OPEN_NO_MIGRATE = 1 << 2, /* open as it is, at whatever version (for checks) */
} DnStoreOpenFlags;

#define DN_TYPE_STORE (dn_store_get_type ())
G_DECLARE_FINAL_TYPE (DnStore, dn_store, DN, STORE, GObject)

/* g_get_user_data_dir()/doingoai/doingoai.db */
char       *dn_store_default_path          (void);

DnStore    *dn_store_open                  (const char        *path,
                                            DnStoreOpenFlags   flags,
                                            GError           **error);
const char *dn_store_get_path              (DnStore *self);
/* Folder of the database file; attachments live in its "attachments" subfolder. */
const char *dn_store_get_data_dir          (DnStore *self);
/* A warning about where the database lives (a network share) or that it can
 * only be read (and why), one line each, translated; or NULL. */
const char *dn_store_get_warning           (DnStore *self);
/* TRUE when the store never writes: opened with DN_STORE_OPEN_READ_ONLY, or
 * found that the file (or its folder, for SQLite's working files) cannot be
 * written. Every write then fails with DN_STORE_ERROR_READ_ONLY. */
gboolean    dn_store_is_read_only          (DnStore *self);
/* Makes the store the replica of a department server's data (connected
 * mode): it is then read only (dn_store_is_read_only()) except for the
 * server's changes applied to it (dn-store-exchange.h: begin_import …
 * end_apply); any other write is refused with DN_STORE_ERROR_READ_ONLY and
 * a message saying that the change must go through the server. */
gboolean    dn_store_set_replica           (DnStore    *self,
                                            GError    **error);
/* When a check (or an operation) found the database damaged: when, what
 * and what to do, translated; NULL otherwise. Kept in "<database>.damaged"
 * beside the file until dn_store_check() finds the database sound. */
const char *dn_store_get_damage            (DnStore *self);
int         dn_store_get_schema_version    (DnStore *self);
/* Who is recorded in the audit log (default: the login name). */
void        dn_store_set_actor             (DnStore    *self,
                                            const char *actor);
const char *dn_store_get_actor             (DnStore    *self);
/* How much of the database's pages the connection keeps in memory, in
 * bytes (SQLite's own default: 2 MiB); a server reading the same pages
 * request after request keeps more. */
gboolean    dn_store_set_cache_size        (DnStore    *self,
                                            gsize       bytes,
                                            GError    **error);

/* Transactions: BEGIN IMMEDIATE … COMMIT. They nest (inner levels are
 * savepoints). Every dn_store_* write opens its own when none is open. */
gboolean    dn_store_begin                 (DnStore  *self,
                                            GError  **error);
gboolean    dn_store_commit                (DnStore  *self,
                                            GError  **error);
void        dn_store_rollback              (DnStore  *self);

/* PRAGMA integrity_check, foreign_key_check, schema version and search index.
 * Appends one line per problem to @report; TRUE when sound. Damage found is
 * recorded beside the database (dn_store_get_damage()) and forgotten when a
 * later check finds none. On a read-only store the search index is only
 * compared with the records, and a line of @report says so. */
gboolean    dn_store_check                 (DnStore  *self,
                                            GString  *report,
                                            GError  **error);
typedef enum
{
  DN_STORE_CHECK_QUICK, /* every page and row, references, rules: seconds at a province's size */
  DN_STORE_CHECK_FULL,  /* also every index entry and the search index (dn_store_check()) */
} DnStoreCheckDepth;
/* dn_store_check() to a depth. A quick check records damage it finds but
 * forgets none: only a full one finding the database sound does. */
gboolean    dn_store_check_depth           (DnStore            *self,
                                            DnStoreCheckDepth   depth,
                                            GString            *report,
                                            GError            **error);
/* TRUE when no unit, person, document or task exists. */
gboolean    dn_store_is_empty              (DnStore  *self,
                                            GError  **error);
/* Number of live rows of a kind of record (tasks exclude deleted ones). */
gint64      dn_store_count                 (DnStore      *self,
                                            DnRecordKind  kind,
                                            GError      **error);

G_END_DECLS

/* The API of each area of the store */
#include "dn-store-units.h"
#include "dn-store-people.h"
#include "dn-store-documents.h"
#include "dn-store-attachments.h"
#include "dn-store-tasks.h"
#include "dn-store-reminders.h"
#include "dn-store-owed-reports.h"
#include "dn-store-search.h"
#include "dn-store-settings.h"
#include "dn-store-alerts.h"
#include "dn-store-partners.h"
#include "dn-store-calendar.h"
#include "dn-store-passports.h"
#include "dn-store-passport-ledger.h"
#include "dn-store-delegations.h"
#include "dn-store-delegation-members.h"
#include "dn-store-delegation-status.h"
#include "dn-store-delegation-edit.h"
#include "dn-store-accounts.h"
#include "dn-store-changes.h"
#include "dn-store-pages.h"
