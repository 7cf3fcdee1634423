/* dn-store-backup.c: backups made with SQLite's online backup API while
 * the database is in use, and restoring the database from one
 *
 * A backup reads the database through a read-only connection of its own
 * inside one read transaction (WAL: a fixed snapshot, writers go on), and
 * writes a temporary file beside the target that is checked, then renamed.
 *
 * A restore never trusts the file it is given: the store's own opening
 * checks (header, application id, version) refuse a foreign or newer file
 * before SQLite reads it; its pages are then copied into a temporary file
 * beside the database, which is opened as a store (an older version is
 * upgraded there) and checked in full (dn_store_check). Only then is the
 * database saved to "<database>.before-restore" and its pages replaced by
 * those of the checked copy through a connection of its own, in one write
 * transaction: until it commits, the old data is what every reader sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dn-sqlite-functions.h"
#include "dn-store-backup.h"
#include "dn-store-private.h"
#include "dn-text.h"

/* Pages copied per step (4 KiB pages: 512 KiB) between progress reports
 * and looks at the cancellable. */
#define STEP_PAGES 128
/* Lines of a failed check shown in the message. */
#define SHOWN_PROBLEMS 5

static const char *side_suffixes[] = { "-wal", "-shm", "-journal" };

/* A part of the whole operation's progress: [from, to]. */
typedef struct
{
  DnStoreProgressFunc  func;
  gpointer             data;
  double               from;
  double               to;
} Progress;

static void
report (Progress *progress,
        double    fraction)
{
  if (progress->func != NULL)
    progress->func (progress->from + (progress->to - progress->from) * CLAMP (fraction, 0, 1), progress->data);
}

static char *
shown_path (const char *path)
{
  return dn_text_escape_for_display (path, -1);
}

/* Removes @path and the working files SQLite may have left beside it. */
static void
remove_with_side_files (const char *path)
{
  g_remove (path);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      g_remove (side);
    }
}

static gboolean
same_path (const char *a,
           const char *b)
{
#ifdef G_OS_WIN32
  return g_ascii_strcasecmp (a, b) == 0;
#else
  return g_str_equal (a, b);
#endif
}

/* TRUE when @path is the database @db_path (by name, or the same file
 * through another name) or one of its working files. */
static gboolean
is_database_file (const char *db_path,
                  const char *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  GStatBuf db_st, st;

  if (same_path (canonical, db_path))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (db_path, side_suffixes[i], NULL);
      if (same_path (canonical, side))
        return TRUE;
    }
#ifndef G_OS_WIN32
  if (g_stat (db_path, &db_st) == 0 && g_stat (canonical, &st) == 0 &&
      db_st.st_dev == st.st_dev && db_st.st_ino == st.st_ino)
    return TRUE;
#endif
  return FALSE;
}

/* A connection of our own to @path (@flags: SQLITE_OPEN_READONLY or
 * SQLITE_OPEN_READWRITE), with the functions the schema uses. */
static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      rc = dn_sqlite_register_functions (db);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *shown = shown_path (path);
      g_autoptr(GError) local_error = NULL;

      _dn_sqlite_set_error (db, rc, &local_error);
      g_set_error (error, DN_STORE_ERROR, local_error->code, _("Cannot open “%s”: %s"), shown, local_error->message);
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _dn_sqlite_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The first column of @sql's first row as text (NULL with @error set when
 * the query fails or gives no row). */
static char *
query_text (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    _dn_sqlite_set_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  sqlite3_finalize (stmt);
  return text;
}

/* Copies every page of @src into @dest, STEP_PAGES at a time. @dest is
 * written in one transaction that commits with the last page: stopped
 * before (failure, cancel), it is rolled back. */
static gboolean
copy_pages (sqlite3       *dest,
            sqlite3       *src,
            Progress      *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  guint busy = 0;
  int rc, finish_rc;

  if (backup == NULL)
    {
      _dn_sqlite_set_error (dest, sqlite3_errcode (dest), error);
      return FALSE;
    }
  report (progress, 0);
  do
    {
      int remaining, count;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, STEP_PAGES);
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          /* the busy timeout of @dest has run out, or @src is locked:
           * wait a little more, up to 10 s */
          if (++busy > 200)
            break;
          g_usleep (50 * 1000);
          continue;
        }
      busy = 0;
      remaining = sqlite3_backup_remaining (backup);
      count = sqlite3_backup_pagecount (backup);
      if (count > 0)
        report (progress, 1.0 - (double) remaining / count);
    }
  while (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED);

  finish_rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _dn_sqlite_set_error (dest, finish_rc != SQLITE_OK ? finish_rc : rc, error);
      return FALSE;
    }
  if (finish_rc != SQLITE_OK)
    {
      _dn_sqlite_set_error (dest, finish_rc, error);
      return FALSE;
    }
  report (progress, 1);
  return TRUE;
}

/* A new empty file "<folder>/.<name>.XXXXXX" for a copy meant to become
 * @path; NULL with @error set when the folder cannot take it. */
static char *
make_temporary (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = shown_path (dir);

      g_set_error (error, DN_STORE_ERROR, saved_errno == ENOSPC ? DN_STORE_ERROR_FULL : DN_STORE_ERROR_FAILED,
                   _("Cannot write in the folder “%s”: %s"), shown, g_strerror (saved_errno));
      g_free (tmp);
      return NULL;
    }
  g_close (fd, NULL);
  return tmp;
}

/* Turns the copy in @db into one standalone file (rollback journal, no
 * -wal: the pages came with the WAL flag of the database) and checks it. */
static gboolean
finish_copy (sqlite3  *db,
             GError  **error)
{
  g_autofree char *mode = query_text (db, "PRAGMA journal_mode = DELETE", error);
  g_autofree char *check = NULL;

  if (mode == NULL)
    return FALSE;
  check = query_text (db, "PRAGMA quick_check", error);
  if (check == NULL)
    return FALSE;
  if (!g_str_equal (check, "ok"))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CORRUPT, _("The copy is damaged (%s)."), check);
      return FALSE;
    }
  return TRUE;
}

/* Writes a checked copy of the database @db_path to @target, atomically. */
static gboolean
backup_file (const char    *db_path,
             const char    *target,
             Progress      *progress,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *shown = shown_path (target);
  g_autoptr(GError) local_error = NULL;
  sqlite3 *src = NULL, *dest = NULL;
  gboolean ok;

  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is a folder: give the name of the backup file."), shown);
      return FALSE;
    }
  tmp = make_temporary (target, error);
  if (tmp == NULL)
    return FALSE;

  /* one read transaction: the copy is the database as it was at its start */
  ok = (src = open_connection (db_path, SQLITE_OPEN_READONLY, &local_error)) != NULL &&
       exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema", &local_error) &&
       (dest = open_connection (tmp, SQLITE_OPEN_READWRITE, &local_error)) != NULL &&
       copy_pages (dest, src, progress, cancellable, &local_error) &&
       finish_copy (dest, &local_error);
  if (src != NULL)
    sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (src);
  if (dest != NULL && sqlite3_close (dest) != SQLITE_OK && ok)
    {
      _dn_sqlite_set_error (dest, sqlite3_errcode (dest), &local_error);
      sqlite3_close_v2 (dest);
      ok = FALSE;
    }

  if (ok)
    {
      /* working files of a database that was at @target would be applied
       * to the copy by the next connection: they go first */
      for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
        {
          g_autofree char *side = g_strconcat (target, side_suffixes[i], NULL);
          g_remove (side);
        }
      if (g_rename (tmp, target) != 0)
        {
          int saved_errno = errno;
          g_set_error (&local_error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED, _("Cannot replace the file: %s"),
                       g_strerror (saved_errno));
          ok = FALSE;
        }
    }
  if (!ok)
    {
      remove_with_side_files (tmp);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DN_STORE_ERROR, local_error->code,
                     _("The backup “%s” could not be written: %s"), shown, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_backup (DnStore              *self,
                 const char           *path,
                 DnStoreProgressFunc   progress,
                 gpointer              user_data,
                 GCancellable         *cancellable,
                 GError              **error)
{
  Progress part = { progress, user_data, 0, 1 };

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (is_database_file (dn_store_get_path (self), path))
    {
      g_autofree char *shown = shown_path (path);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is the database in use: a backup must go to another file."), shown);
      return FALSE;
    }
  return backup_file (dn_store_get_path (self), path, &part, cancellable, error);
}

char *
dn_store_get_before_restore_path (DnStore *self)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return g_strconcat (dn_store_get_path (self), ".before-restore", NULL);
}

/* What must be true of @path before SQLite is let near it. */
static gboolean
check_restore_source (DnStore     *self,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *shown = shown_path (path);
  GStatBuf st;

  if (dn_store_is_read_only (self))
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                           _("The database in use can only be read: nothing can be restored into it."));
      return FALSE;
    }
  if (is_database_file (dn_store_get_path (self), path))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is the database in use: choose a backup to restore from."), shown);
      return FALSE;
    }
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, _("Cannot read “%s”: %s"), shown,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE, _("“%s” is not a file."), shown);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is empty: it is not a backup. It was left unchanged."), shown);
      return FALSE;
    }
  return TRUE;
}

static int
interrupt_if_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Copies the backup @path to the new file @tmp (and brings it to the page
 * size of the database, which a copy into a WAL database requires). */
static gboolean
copy_backup_pages (const char    *path,
                   const char    *tmp,
                   gint64         page_size,
                   Progress      *progress,
                   GCancellable  *cancellable,
                   GError       **error)
{
  /* the store's opening checks; they leave a refused file as it was */
  g_autoptr(DnStore) source = dn_store_open (path, DN_STORE_OPEN_READ_ONLY | DN_STORE_OPEN_NO_MIGRATE, error);
  g_autofree char *copy_page_size = NULL;
  sqlite3 *dest;
  gboolean ok;

  if (source == NULL)
    return FALSE;
  dest = open_connection (tmp, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    return FALSE;
  ok = copy_pages (dest, _dn_store_get_db (source), progress, cancellable, error) &&
       finish_copy (dest, error) &&
       (copy_page_size = query_text (dest, "PRAGMA page_size", error)) != NULL;
  if (ok && g_ascii_strtoll (copy_page_size, NULL, 10) != page_size)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA page_size = %" G_GINT64_FORMAT "; VACUUM", page_size);
      ok = exec (dest, sql, error);
    }
  sqlite3_close_v2 (dest);
  return ok;
}

/* The same, leaving no trace beside @path: reading a backup that is a WAL
 * database makes SQLite create an empty -wal and an -shm beside it, which
 * a read-only connection does not remove. Those that were not there
 * before are removed (a -wal only while empty, an -shm only with it). */
static gboolean
copy_backup (const char    *path,
             const char    *tmp,
             gint64         page_size,
             Progress      *progress,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  gboolean ok = copy_backup_pages (path, tmp, page_size, progress, cancellable, error);
  GStatBuf st;

  if (!had_wal && g_stat (wal, &st) == 0 && st.st_size == 0)
    g_remove (wal);
  if (!had_shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_remove (shm);
  return ok;
}

/* Opens the copy @tmp as a store (which upgrades an older version) and
 * checks it in full; FALSE with the problems in @error. */
static gboolean
check_copy (const char    *tmp,
            const char    *shown,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(DnStore) copy = dn_store_open (tmp, DN_STORE_OPEN_DEFAULT, error);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) shown_problems = g_string_new (NULL);
  gboolean sound;

  if (copy == NULL)
    return FALSE;
  sqlite3_progress_handler (_dn_store_get_db (copy), 10000, interrupt_if_cancelled, cancellable);
  sound = dn_store_check (copy, report, &local_error);
  sqlite3_progress_handler (_dn_store_get_db (copy), 0, NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (local_error != NULL)
    g_string_append_printf (report, "%s\n", local_error->message);
  if (sound && local_error == NULL)
    return TRUE;

  lines = g_strsplit (report->str, "\n", -1);
  for (guint i = 0, n = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (n++ == SHOWN_PROBLEMS)
        {
          g_string_append_printf (shown_problems, "  %s\n", _("(and more)"));
          break;
        }
      g_string_append_printf (shown_problems, "  %s\n", lines[i]);
    }
  g_strchomp (shown_problems->str);
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CORRUPT,
               _("“%s” is damaged; its check found:\n%s"), shown, shown_problems->str);
  return FALSE;
}

/* Removes the copy and what opening and checking it left beside it. */
static void
remove_copy (const char *tmp)
{
  remove_with_side_files (tmp);
  for (int v = 0; v <= DN_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bak = g_strdup_printf ("%s.v%d.bak", tmp, v);
      g_remove (bak);
    }
  {
    g_autofree char *mark = g_strconcat (tmp, ".damaged", NULL);
    g_remove (mark);
  }
}

/* Replaces the pages of the database @db_path by those of @tmp in one
 * write transaction of a connection of its own. */
static gboolean
replace_database (const char    *db_path,
                  const char    *tmp,
                  Progress      *progress,
                  GCancellable  *cancellable,
                  GError       **error)
{
  sqlite3 *dest = open_connection (db_path, SQLITE_OPEN_READWRITE, error);
  sqlite3 *src = dest != NULL ? open_connection (tmp, SQLITE_OPEN_READONLY, error) : NULL;
  gboolean ok = src != NULL && copy_pages (dest, src, progress, cancellable, error);

  sqlite3_close_v2 (src);
  sqlite3_close_v2 (dest);
  return ok;
}

gboolean
dn_store_restore (DnStore              *self,
                  const char           *path,
                  char                **saved_path,
                  DnStoreProgressFunc   progress,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  const char *db_path;
  g_autofree char *shown = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) local_error = NULL;
  Progress copying = { progress, user_data, 0, 0.3 };
  Progress saving = { progress, user_data, 0.5, 0.75 };
  Progress replacing = { progress, user_data, 0.75, 1 };
  gint64 page_size = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (saved_path != NULL)
    *saved_path = NULL;
  db_path = dn_store_get_path (self);
  shown = shown_path (path);
  if (!check_restore_source (self, path, error))
    return FALSE;

  {
    sqlite3 *db = open_connection (db_path, SQLITE_OPEN_READONLY, error);
    g_autofree char *text = db != NULL ? query_text (db, "PRAGMA page_size", error) : NULL;

    sqlite3_close_v2 (db);
    if (text == NULL)
      return FALSE;
    page_size = g_ascii_strtoll (text, NULL, 10);
  }

  tmp = make_temporary (db_path, error);
  if (tmp == NULL)
    return FALSE;
  /* the backup is copied and checked; only then is anything replaced */
  ok = copy_backup (path, tmp, page_size, &copying, cancellable, &local_error) &&
       check_copy (tmp, shown, cancellable, &local_error);
  before = dn_store_get_before_restore_path (self);
  ok = ok && backup_file (db_path, before, &saving, cancellable, &local_error) &&
       replace_database (db_path, tmp, &replacing, cancellable, &local_error);
  remove_copy (tmp);
  if (!ok)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Nothing was restored; the data in use is unchanged. %s"), local_error->message);
      return FALSE;
    }
  if (saved_path != NULL)
    *saved_path = g_steal_pointer (&before);
  return TRUE;
}

void
dn_store_restore_done (DnStore *self)
{
  g_return_if_fail (DN_IS_STORE (self));

  /* a mark of damage found in the old data: checked again on the new */
  if (dn_store_get_damage (self) != NULL)
    {
      g_autoptr(GString) report = g_string_new (NULL);
      dn_store_check (self, report, NULL);
    }
  g_signal_emit_by_name (self, "changed");
}
