/* dn-store-open.c: opening a database (the file's header and identity,
 * read-only detection, the connection), migrations, the audit triggers
 * (the change log's are made by dn-store-changes.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-sqlite-functions.h"
#include "dn-store-private.h"
#include "dn-store-struct.h"
#include "dn-text.h"

#define RESOURCE_SCHEMA "/io/github/doingoai/DoiNgoai/core/schema/"


static const char *migration_files[] = {
  NULL,
  "001-domain.sql",
  "002-search.sql",
  "003-task-rules.sql",
  "004-unit-names.sql",
  "005-delegations.sql",
  "006-document-register.sql",
  "007-attachments.sql",
  "008-reports.sql",
  "009-report-receipts.sql",
  "010-accounts.sql",
  "011-changes.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migration_files) == DN_STORE_SCHEMA_VERSION + 1);

/*
 * Connection-level SQL functions used by the audit triggers
 */

static void
sql_audit_enabled (sqlite3_context  *ctx,
                   int               argc,
                   sqlite3_value   **argv)
{
  DnStore *self = sqlite3_user_data (ctx);
  sqlite3_result_int (ctx, self->audit ? 1 : 0);
}

static void
sql_actor (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  DnStore *self = sqlite3_user_data (ctx);
  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

gboolean
_dn_store_drop_triggers (DnStore    *self,
                         GPtrArray  *names,
                         GError    **error)
{
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) names->pdata[i]);

      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* One AFTER INSERT/UPDATE/DELETE trigger per table and action, writing the
 * row as JSON (generated sort-key columns left out). Rebuilt after every
 * migration so that new columns are covered. Sign-ins are not changes of
 * the data: sessions and failed attempts are not audited, and an account's
 * password hash is never written to the log. */
static gboolean
rebuild_audit_triggers (DnStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dn_store_prepare_once (self,
                                 "SELECT name, type, tbl_name FROM sqlite_schema "
                                 "WHERE (type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                                 "       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%' "
                                 "       AND name NOT IN ('audit_log', 'change_log', 'account_session', 'account_attempt')) "
                                 "   OR (type = 'trigger' AND name LIKE 'audit_%') ORDER BY name",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *type = (const char *) sqlite3_column_text (stmt, 1);
      g_ptr_array_add (g_str_equal (type, "table") ? tables : drops, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return FALSE;

  if (!_dn_store_drop_triggers (self, drops, error))
    return FALSE;

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      g_autoptr(GString) old_json = g_string_new ("json_object(");
      g_autoptr(GString) new_json = g_string_new ("json_object(");
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_xinfo(\"%s\")", table);
      g_autofree char *sql = NULL;
      gboolean first = TRUE;
      gboolean has_revision = FALSE;

      stmt = _dn_store_prepare_once (self, info_sql, error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 1);
          int hidden = sqlite3_column_int (stmt, 6);

          if (hidden != 0)   /* generated sort keys */
            continue;
          /* an account's password hash stays in its row only */
          if (g_str_equal (column, "password_hash"))
            continue;
          has_revision |= g_str_equal (column, "revision");
          if (!first)
            {
              g_string_append (old_json, ", ");
              g_string_append (new_json, ", ");
            }
          first = FALSE;
          g_string_append_printf (old_json, "'%s', old.\"%s\"", column, column);
          g_string_append_printf (new_json, "'%s', new.\"%s\"", column, column);
        }
      sqlite3_finalize (stmt);
      g_string_append_c (old_json, ')');
      g_string_append_c (new_json, ')');

      sql = g_strdup_printf (
        "CREATE TRIGGER audit_%1$s_insert AFTER INSERT ON \"%1$s\" WHEN dn_audit_enabled() BEGIN "
        "  INSERT INTO audit_log (actor, action, table_name, row_id, after) "
        "  VALUES (dn_actor(), 'insert', '%1$s', new.rowid, %3$s); END;"
        "CREATE TRIGGER audit_%1$s_update AFTER UPDATE ON \"%1$s\" WHEN dn_audit_enabled()%4$s BEGIN "
        "  INSERT INTO audit_log (actor, action, table_name, row_id, before, after) "
        "  VALUES (dn_actor(), 'update', '%1$s', new.rowid, %2$s, %3$s); END;"
        "CREATE TRIGGER audit_%1$s_delete AFTER DELETE ON \"%1$s\" WHEN dn_audit_enabled() BEGIN "
        "  INSERT INTO audit_log (actor, action, table_name, row_id, before) "
        "  VALUES (dn_actor(), 'delete', '%1$s', old.rowid, %2$s); END;",
        table, old_json->str, new_json->str,
        /* the revision the change log sets is not a change of its own */
        has_revision ? " AND new.revision IS old.revision" : "");
      if (!_dn_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * Opening and migrations
 */

static gboolean
apply_migration (DnStore  *self,
                 int       version,
                 GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  gboolean ok;

  {
    g_autofree char *resource = g_strconcat (RESOURCE_SCHEMA, migration_files[version], NULL);

    bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
    if (bytes == NULL)
      return FALSE;
    sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 version, DN_STORE_APPLICATION_ID);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_exec (self, sql, error) &&
       _dn_store_exec (self, set_version, error) &&
       /* the rows there before the change log: one entry each */
       (version != 11 || _dn_store_log_existing_rows (self, error)) &&
       rebuild_audit_triggers (self, error) &&
       _dn_store_rebuild_change_triggers (self, error);
  if (!ok)
    g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
  return _dn_store_finish (self, ok, error);
}

static gboolean
migrate (DnStore  *self,
         int       from,
         int       to,
         GError  **error)
{
  if (from >= to)
    return TRUE;

  /* keep a copy of a database that already holds data before changing it */
  if (from >= 1)
    {
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", self->path, from);
      g_autofree char *sql = NULL;
      char *quoted = sqlite3_mprintf ("VACUUM INTO %Q", backup);

      sql = g_strdup (quoted);
      sqlite3_free (quoted);
      g_remove (backup);
      if (!_dn_store_exec (self, sql, error))
        {
          g_prefix_error (error, _("Could not back up the database before upgrading it: "));
          return FALSE;
        }
    }

  for (int v = from + 1; v <= to; v++)
    if (!apply_migration (self, v, error))
      return FALSE;
  return TRUE;
}

static gboolean
is_network_filesystem (const char *dir,
                       char      **type_out)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;
  static const char *network_types[] = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "afs", "ncpfs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "ceph", "glusterfs", "lustre",
  };

  info = g_file_query_filesystem_info (file,
                                       G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_TYPE,
                                       NULL, NULL);
  if (info == NULL)
    return FALSE;
  type = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE);
  if (type_out != NULL)
    *type_out = g_strdup (type != NULL ? type : "");
  if (g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE))
    return TRUE;
  if (type != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
      if (g_ascii_strcasecmp (type, network_types[i]) == 0)
        return TRUE;
  return FALSE;
}

/* What the first 100 bytes of an SQLite file say (https://sqlite.org/fileformat.html §1.3). */
typedef struct
{
  gboolean is_new;     /* missing or empty: a new database is made there */
  gboolean trusted;    /* no -wal with data: the header is up to date */
  gboolean empty;      /* one page only: not a single table */
  gint64 app_id;
  gint64 version;
} FileHeader;

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks an existing file without SQLite, so that a file refused here is
 * never opened by it (a read-only connection to a WAL database leaves
 * -wal and -shm behind): the magic string, the fixed fields of a valid
 * header, and — when no -wal holds newer pages — the application id and the
 * schema version that check_identity() judges. */
static gboolean
check_file_header (const char  *path,
                   FileHeader  *header,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = dn_text_escape_for_display (path, -1);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 bytes[100];
  gsize n_read = 0;
  guint page_size;
  GStatBuf st;

  memset (header, 0, sizeof *header);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          header->is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), shown, local_error->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes, sizeof bytes, &n_read, NULL, &local_error))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), shown, local_error->message);
      return FALSE;
    }
  if (n_read == 0)
    {
      header->is_new = TRUE;
      return TRUE;
    }
  if (n_read < 16 || memcmp (bytes, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database. It was left unchanged."), shown);
      return FALSE;
    }
  page_size = ((guint) bytes[16] << 8 | bytes[17]) == 1 ? 65536 : ((guint) bytes[16] << 8 | bytes[17]);
  if (n_read < sizeof bytes || page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      bytes[18] < 1 || bytes[18] > 2 || bytes[19] < 1 || bytes[19] > 2 ||
      bytes[21] != 64 || bytes[22] != 32 || bytes[23] != 32)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database, or it is damaged. It was left unchanged."), shown);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  /* SQLite writes whole pages: a shorter or cut file is damaged */
  if (info != NULL && g_file_info_get_size (info) % page_size != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database, or it is damaged. It was left unchanged."), shown);
      return FALSE;
    }
  header->empty = info != NULL && g_file_info_get_size (info) <= (goffset) page_size;
  header->version = (gint32) be32 (bytes + 60);
  header->app_id = (gint32) be32 (bytes + 68);
  header->trusted = g_stat (wal, &st) != 0 || st.st_size == 0;
  return TRUE;
}

/* The file's application id and schema version (from its header, or from
 * SQLite once open) against this version of the application. An SQLite file
 * without a single table holds nothing, e.g. one left at version 0 when the
 * first migration failed: it is set up like a new one. */
static gboolean
check_identity (const char  *shown_path,
                gint64       app_id,
                gint64       version,
                gboolean     empty,
                GError     **error)
{
  if (app_id != DN_STORE_APPLICATION_ID && !(app_id == 0 && version == 0 && empty))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a database of another program, not of Đối Ngoại. It was left unchanged."), shown_path);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” has an impossible database version (%lld): it is damaged or was changed by another "
                     "program. It was left unchanged."),
                   shown_path, (long long) version);
      return FALSE;
    }
  if (version > DN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Đối Ngoại (database version %d; this version knows up to %d). "
                     "Update the application. The file was left unchanged."),
                   shown_path, (int) MIN (version, G_MAXINT), DN_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* FALSE only when GIO knows that @path cannot be written (read-only file or
 * mount, chattr +i, no permission); unknown counts as writable, SQLite then
 * tells (Windows reports no such thing for folders). */
static gboolean
path_can_write (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return TRUE;
  return g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* An SQLite URI for a read-only connection to @path, every byte that could
 * be taken for URI syntax escaped: "file:///home/…/x.db?mode=ro",
 * "file:///C:/…/x.db?mode=ro" on Windows. immutable=1: no locks, no -shm,
 * and the -wal is ignored (only when nothing waits in it). */
static char *
read_only_uri (const char *path,
               gboolean    immutable)
{
  g_autofree char *slashed = g_strdup (path);
  g_autofree char *escaped = NULL;

#ifdef G_OS_WIN32
  g_strdelimit (slashed, "\\", '/');
#endif
  escaped = g_uri_escape_string (slashed, "/:", FALSE);
  return g_strdup_printf ("file:%s%s?mode=ro%s", escaped[0] == '/' ? "//" : "///", escaped,
                          immutable ? "&immutable=1" : "");
}

/* (Re)opens self->db: read-write (creating the file when @create), or, on a
 * read-only store, through a read-only URI. */
static int
open_connection (DnStore  *self,
                 gboolean  create,
                 gboolean  immutable)
{
  int rc;

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->read_only)
    {
      g_autofree char *uri = read_only_uri (self->path, immutable);
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    }
  else
    rc = sqlite3_open_v2 (self->path, &self->db,
                          SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  dn_sqlite_register_functions (self->db);
  sqlite3_create_function (self->db, "dn_audit_enabled", 0, SQLITE_UTF8, self, sql_audit_enabled, NULL, NULL);
  sqlite3_create_function (self->db, "dn_actor", 0, SQLITE_UTF8, self, sql_actor, NULL, NULL);
  return SQLITE_OK;
}

/* The first reads, before anything could write; the first read is also
 * where SQLite opens (or fails to create) a WAL database's side files.
 * Returns SQLite's (extended) result code. */
static int
read_header_fields (DnStore *self,
                    gint64  *app_id,
                    gint64  *version,
                    gint64  *n_objects)
{
  const char *queries[] = { "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_schema" };
  gint64 *outs[] = { app_id, version, n_objects };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt;
      int rc = sqlite3_prepare_v2 (self->db, queries[i], -1, &stmt, NULL);

      if (rc != SQLITE_OK)
        return rc;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *outs[i] = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

/* What SQLite says when it cannot write the file or create a side file
 * (e.g. SQLITE_READONLY_CANTINIT, SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN
 * for a -shm in a read-only folder). */
static gboolean
is_cannot_write_code (int rc)
{
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN;
}

/* TRUE when "<path>-wal" holds changes not yet copied into the database. */
static gboolean
wal_has_data (DnStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static void
append_warning (DnStore *self,
                char    *text)
{
  if (self->warning == NULL)
    self->warning = text;
  else
    {
      char *joined = g_strconcat (self->warning, "\n", text, NULL);
      g_free (self->warning);
      g_free (text);
      self->warning = joined;
    }
}

static DnStore *
open_internal (const char        *path,
               DnStoreOpenFlags   flags,
               int                target_version,
               GError           **error)
{
  g_autoptr(DnStore) self = NULL;
  gboolean is_new = FALSE;
  gint64 app_id = 0, version = 0, n_objects = 0;
  g_autofree char *shown_path = NULL;
  FileHeader header;
  int rc;
  char *fs_type = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DN_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->data_dir = g_path_get_dirname (self->path);
  /* a name with control or direction characters is shown escaped */
  shown_path = dn_text_escape_for_display (self->path, -1);
  self->read_only = (flags & DN_STORE_OPEN_READ_ONLY) != 0;

  if (!check_file_header (self->path, &header, error))
    return NULL;
  is_new = header.is_new;
  /* refused before SQLite ever opens the file, when the header can tell */
  if (!is_new && header.trusted &&
      !check_identity (shown_path, header.app_id, header.version, header.empty, error))
    return NULL;
  if (is_new && (flags & (DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY | DN_STORE_OPEN_NO_MIGRATE)) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), shown_path);
      return NULL;
    }
  if (is_new && g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot create the folder “%s”."), self->data_dir);
      return NULL;
    }

  if (is_network_filesystem (self->data_dir, &fs_type))
    self->warning = g_strdup_printf (_("The database is on a network share (%s). SQLite cannot keep it safe there "
                                       "when several computers use it: keep the database on this computer's own disk."),
                                     fs_type != NULL && *fs_type != '\0' ? fs_type : _("remote"));
  g_free (fs_type);

  /* A file that cannot be written (read-only file or mount, chattr +i) or a
   * folder where SQLite cannot create its -wal/-shm files: opened for
   * reading only, and the warning says why. */
  if (!self->read_only && !is_new)
    {
      if (!path_can_write (self->path))
        self->read_only_reason = DN_READ_ONLY_FILE;
      else if (!path_can_write (self->data_dir))
        self->read_only_reason = DN_READ_ONLY_FOLDER;
      self->read_only = self->read_only_reason != DN_READ_ONLY_NONE;
    }

  rc = open_connection (self, is_new, FALSE);
  if (rc == SQLITE_OK && !self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      /* SQLite could not open the file for writing and fell back to reading */
      self->read_only = TRUE;
      self->read_only_reason = DN_READ_ONLY_FILE;
      rc = open_connection (self, FALSE, FALSE);
    }
  if (rc != SQLITE_OK)
    {
      _dn_store_set_error (self, rc, error);
      g_prefix_error (error, _("Cannot open “%s”: "), shown_path);
      return NULL;
    }

  /* Read-only checks before anything could write to the file. */
  rc = read_header_fields (self, &app_id, &version, &n_objects);
  if (is_cannot_write_code (rc) && !self->read_only && !is_new)
    {
      /* the side files of the WAL cannot be created: the folder is read-only
       * although GIO did not say so (e.g. Windows permissions) */
      self->read_only = TRUE;
      self->read_only_reason = DN_READ_ONLY_FOLDER;
      rc = open_connection (self, FALSE, FALSE);
      if (rc == SQLITE_OK)
        rc = read_header_fields (self, &app_id, &version, &n_objects);
    }
  if (is_cannot_write_code (rc) && self->read_only)
    {
      /* A WAL database in a folder where its -shm cannot be created: SQLite
       * reads it only as immutable, which ignores the -wal, so only when
       * nothing waits there (after a clean close there is no -wal). */
      if (wal_has_data (self))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                       _("“%s” cannot be read here: its last changes are still in “%s-wal” and its folder cannot be "
                         "written. Open it once where its folder can be written, or copy the database together with "
                         "its -wal file to such a folder. It was left unchanged."),
                       shown_path, shown_path);
          return NULL;
        }
      rc = open_connection (self, FALSE, TRUE);
      if (rc == SQLITE_OK)
        rc = read_header_fields (self, &app_id, &version, &n_objects);
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      _dn_store_set_error (self, rc, error);
      g_prefix_error (error, _("Cannot open “%s”: "), shown_path);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Đối Ngoại database, or it is damaged. It was left unchanged."), shown_path);
      return NULL;
    }
  if (!is_new && !check_identity (shown_path, app_id, version, n_objects == 0, error))
    return NULL;
  /* found read-only (not asked for) but it must be set up or upgraded */
  if (self->read_only_reason != DN_READ_ONLY_NONE && (flags & DN_STORE_OPEN_NO_MIGRATE) == 0 &&
      version < target_version)
    {
      if (version == 0)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("“%s” cannot be set up as a new database: the file or its folder cannot be written. "
                       "It was left unchanged."),
                     shown_path);
      else
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("“%s” must be upgraded from database version %d to %d before it can be used, but it can only "
                       "be read: the file or its folder cannot be written. It was left unchanged: make both writable, "
                       "then open it again."),
                     shown_path, (int) version, target_version);
      return NULL;
    }
  if (self->read_only_reason == DN_READ_ONLY_FILE)
    append_warning (self, g_strdup_printf (_("The database “%s” can only be read: the file cannot be written "
                                             "(read-only file or disk). You can look at everything, but no change "
                                             "can be saved."),
                                           shown_path));
  else if (self->read_only_reason == DN_READ_ONLY_FOLDER)
    append_warning (self, g_strdup_printf (_("The database “%s” can only be read: its folder “%s” cannot be written, "
                                             "and SQLite must keep its working files there. You can look at "
                                             "everything, but no change can be saved."),
                                           shown_path, self->data_dir));

  if (!self->read_only)
    {
      gint64 dummy;
      if (!_dn_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error) ||
          !_dn_store_query_int (self, "PRAGMA journal_mode = WAL", &dummy, error))
        return NULL;
      if ((flags & DN_STORE_OPEN_NO_MIGRATE) == 0 &&
          !migrate (self, (int) version, target_version, error))
        return NULL;
    }
  else
    {
      if (!_dn_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;", error))
        return NULL;
    }

  _dn_store_read_damage_mark (self);
  self->migrated = TRUE;
  return g_steal_pointer (&self);
}

/* A file refused after SQLite opened it (damage the header does not show)
 * keeps no trace of the attempt: the side files that SQLite made for it
 * (an empty -wal, its -shm, an empty -journal) are removed once the
 * connection is closed. Side files that were there before are left alone. */
static DnStore *
open_leaving_no_trace (const char        *path,
                       DnStoreOpenFlags   flags,
                       int                target_version,
                       GError           **error)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  gboolean existed[G_N_ELEMENTS (suffixes)];
  gboolean wal_kept = FALSE;
  DnStore *store;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (canonical, suffixes[i], NULL);
      existed[i] = g_file_test (side, G_FILE_TEST_EXISTS);
    }
  store = open_internal (path, flags, target_version, error);
  if (store != NULL)
    return store;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (canonical, suffixes[i], NULL);
      GStatBuf st;

      if (existed[i] || g_stat (side, &st) != 0)
        continue;
      /* an -shm only goes with its -wal */
      if ((i == 1 && wal_kept) || (i != 1 && st.st_size != 0))
        {
          wal_kept |= i == 0;
          continue;
        }
      g_remove (side);
    }
  return NULL;
}

DnStore *
dn_store_open (const char        *path,
               DnStoreOpenFlags   flags,
               GError           **error)
{
  return open_leaving_no_trace (path, flags, DN_STORE_SCHEMA_VERSION, error);
}

DnStore *
_dn_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= DN_STORE_SCHEMA_VERSION, NULL);
  return open_leaving_no_trace (path, DN_STORE_OPEN_DEFAULT, version, error);
}

char *
dn_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "doingoai", "doingoai.db", NULL);
}
