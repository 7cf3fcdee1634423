/* dn-store-struct.h: the DnStore instance, shared by the files that make up
 * the object (dn-store.c, dn-store-open.c, dn-store-check.c) and no others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dn-store.h"

G_BEGIN_DECLS


typedef enum
{
  DN_READ_ONLY_NONE,    /* writable, or read-only because the caller asked */
  DN_READ_ONLY_FILE,    /* the file cannot be written */
  DN_READ_ONLY_FOLDER,  /* its folder cannot be written (WAL's -shm/-wal, journals) */
  DN_READ_ONLY_REPLICA, /* a department server's data: only its changes are written */
} DnReadOnlyReason;

struct _DnStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *data_dir;
  char        *warning;
  char        *actor;
  GHashTable  *statements;   /* const char *sql (borrowed static) → sqlite3_stmt */
  guint        depth;        /* transaction nesting */
  gboolean     audit;
  gboolean     read_only;
  DnReadOnlyReason read_only_reason;  /* why, when the store found it could not write */
  char        *damage;       /* what the mark file beside the database says, translated */
  gboolean     migrated;     /* open and ready: "changed" is emitted from then on */
};

G_END_DECLS
