/* dn-store-search.c: accent-insensitive search over every kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"
#include "dn-text.h"

/* The FTS5 rowid encodes the record: id * 8 + DnRecordKind (002-search.sql).
 * Titles weigh more than bodies in the BM25 rank. Deleted tasks are not in
 * the index. */
GPtrArray *
dn_store_search (DnStore     *self,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);

  match = text != NULL ? dn_text_fts_query (text) : NULL;
  if (match == NULL)
    return g_steal_pointer (&hits);

  stmt = _dn_store_prepare (self,
                            "SELECT rowid, title, body, bm25(search, 10.0, 1.0) AS score FROM search "
                            "WHERE search MATCH ? ORDER BY score, rowid LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;
  _dn_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DnSearchHit *hit = dn_search_hit_new ();
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      hit->kind = (DnRecordKind) (rowid % 8);
      hit->id = rowid / 8;
      g_free (hit->title);
      hit->title = _dn_column_text (stmt, 1);
      g_free (hit->detail);
      hit->detail = dn_text_normalize ((const char *) sqlite3_column_text (stmt, 2), -1, TRUE);
      if (hit->detail == NULL)
        hit->detail = g_strdup ("");
      hit->rank = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
