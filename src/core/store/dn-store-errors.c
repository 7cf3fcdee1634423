/* dn-store-errors.c: SQLite's errors in the store's words (DnStoreError,
 * the field a constraint names, damage kept for the banner)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-store-private.h"
#include "dn-store-struct.h"

static const char *
constraint_field_label (const char *message)
{
  /* "UNIQUE constraint failed: passport.number" */
  static const struct { const char *column; const char *label; } fields[] = {
    { "unit.code", N_("unit code") },
    { "passport.number", N_("passport number") },
    { "attachment.sha256", N_("file") },
    { "assignment.task_id, assignment.unit_id", N_("unit in this task") },
    { "assignment.task_id", N_("lead unit") },
    { "calendar_day.day", N_("day") },
    { "delegation_member.delegation_id, delegation_member.person_id", N_("member") },
    { "account.name", N_("account name") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strstr (message, fields[i].column) != NULL)
      return _(fields[i].label);
  return NULL;
}

/* @self: NULL for a connection that is not the store's (@db may be NULL). */
static void
set_error (DnStore  *self,
           sqlite3  *db,
           int       rc,
           GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int extended = db != NULL ? sqlite3_extended_errcode (db) : rc;
  DnReadOnlyReason read_only_reason = self != NULL ? self->read_only_reason : DN_READ_ONLY_NONE;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FULL,
                   _("The disk is full or the database has reached its size limit: nothing was saved."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_BUSY,
                   _("The database is in use by another program; nothing was saved. Try again in a moment."));
      break;
    case SQLITE_READONLY:
      /* also what PRAGMA query_only gives to a write on a read-only store */
      if (read_only_reason == DN_READ_ONLY_REPLICA)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("This window shows the department server's data, and this change cannot be sent to the "
                       "server yet: nothing was saved."));
      else if (read_only_reason == DN_READ_ONLY_FILE)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database can only be read (its file cannot be written): nothing was saved."));
      else if (read_only_reason == DN_READ_ONLY_FOLDER)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database can only be read (its folder cannot be written): nothing was saved."));
      else if (self != NULL && self->read_only)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database is open for reading only: nothing was saved."));
      else if (extended == SQLITE_READONLY_DBMOVED)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database file was moved or deleted while in use: nothing was saved."));
      else
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                     _("The database cannot be written (read-only file or folder)."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      /* a file being backed up or restored may itself be the backup */
      if (self == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CORRUPT, _("The database file is damaged (%s)."), message);
          break;
        }
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup."), message);
      /* found while in use (not while checking a file that is being opened):
       * every later command and start says so until a check finds it sound */
      if (self->migrated)
        _dn_store_record_runtime_damage (self, message);
      break;
    case SQLITE_CONSTRAINT:
      if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          const char *label = constraint_field_label (message);
          if (label != NULL)
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                         _("Another record already has this %s."), label);
          else
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                         _("This record already exists (%s)."), message);
        }
      else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE,
                     _("The record refers to a record that does not exist, or is still used by other records."));
      else if (extended == SQLITE_CONSTRAINT_TRIGGER && strstr (message, "reminders") != NULL)
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                     _("Reminders cannot be changed or deleted."));
      else
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                     _("A value is not allowed (%s)."), message);
      break;
    default:
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Database error: %s"), message);
      break;
    }
}

void
_dn_store_set_error (DnStore  *self,
                     int       rc,
                     GError  **error)
{
  set_error (self, self->db, rc, error);
}

void
_dn_sqlite_set_error (sqlite3  *db,
                      int       rc,
                      GError  **error)
{
  set_error (NULL, db, rc, error);
}

