/* dn-store-search.c: accent-insensitive search over every kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-store-private.h"
#include "dn-text.h"

/* How many title matches are read to choose the best ones from. A search
 * as you type must answer within a keystroke whatever the first letters
 * match, so the work is bounded: when more titles match than this, the
 * newest are ranked (the officer is still typing); when fewer match, the
 * ranking is exact. */
#define TITLE_CANDIDATES 100

typedef struct
{
  DnSearchHit *hit;
  int          exact_words;  /* typed words found as whole words of the title */
  int          first;        /* position (in words) of the first typed word in the title */
  int          length;       /* words in the title */
} Candidate;

/* Ranks a title match: more typed words matching whole title words, then
 * the earlier they come, then the shorter the title (the more specific). */
static void
score (Candidate   *candidate,
       char       **typed)
{
  g_autofree char *folded = dn_text_fold (candidate->hit->title, -1);
  g_auto(GStrv) words = NULL;
  guint n_words;

  candidate->exact_words = 0;
  candidate->first = G_MAXINT;
  if (folded == NULL)
    return;
  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && !((guchar) *p & 0x80))
      *p = ' ';
  words = g_strsplit (folded, " ", -1);
  n_words = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      for (guint t = 0; typed[t] != NULL; t++)
        {
          if (g_str_equal (words[i], typed[t]))
            candidate->exact_words++;
          if (candidate->first == G_MAXINT && g_str_has_prefix (words[i], typed[t]))
            candidate->first = (int) n_words;
        }
      n_words++;
    }
  candidate->length = (int) n_words;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->exact_words != y->exact_words)
    return y->exact_words - x->exact_words;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->length != y->length)
    return x->length - y->length;
  return x->hit->id < y->hit->id ? 1 : (x->hit->id > y->hit->id ? -1 : 0);
}

static DnSearchHit *
hit_from_row (sqlite3_stmt *stmt)
{
  DnSearchHit *hit = dn_search_hit_new ();
  gint64 rowid = sqlite3_column_int64 (stmt, 0);

  hit->kind = (DnRecordKind) (rowid % 8);
  hit->id = rowid / 8;
  _dn_column_take_text (stmt, 1, &hit->title);
  g_free (hit->detail);
  hit->detail = dn_text_normalize ((const char *) sqlite3_column_text (stmt, 2), -1, TRUE);
  if (hit->detail == NULL)
    hit->detail = g_strdup ("");
  return hit;
}

/* The FTS5 rowid encodes the record: id * 8 + DnRecordKind (002-search.sql).
 * Results: records whose title matches every typed word (ranked as above),
 * then records that match only through their other text, newest first. Each
 * step reads the index in rowid order with a LIMIT, so the cost does not grow
 * with the number of matches. Deleted tasks are not in the index. */
GPtrArray *
dn_store_search (DnStore     *self,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *match = NULL;
  g_autofree char *title_match = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) typed = NULL;
  g_autofree gint64 *seen_ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);

  /* what the caller typed is used twice (the index query and the ranking):
   * both must see the same, valid text */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The search text is not valid UTF-8."));
      return NULL;
    }
  match = text != NULL ? dn_text_fts_query (text) : NULL;
  if (match == NULL || limit == 0)
    return g_steal_pointer (&hits);
  title_match = g_strdup_printf ("title : (%s)", match);
  folded = dn_text_fold (text, -1);
  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && !((guchar) *p & 0x80))
      *p = ' ';
  typed = g_strsplit (g_strstrip (folded), " ", -1);
  {
    /* drop empty words; rank by the words the index was asked for */
    guint j = 0;
    for (guint i = 0; typed[i] != NULL; i++)
      if (typed[i][0] != '\0' && j < DN_TEXT_FTS_MAX_WORDS)
        typed[j++] = typed[i];
      else
        g_free (typed[i]);
    typed[j] = NULL;
  }

  /* 1. title matches, ranked */
  stmt = _dn_store_prepare (self,
                            "SELECT rowid, title, body FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;
  _dn_bind_text (stmt, 1, title_match);
  sqlite3_bind_int (stmt, 2, TITLE_CANDIDATES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { hit_from_row (stmt), 0, 0, 0 };
      score (&c, typed);
      g_array_append_val (candidates, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < candidates->len; i++)
        g_object_unref (g_array_index (candidates, Candidate, i).hit);
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  g_array_sort (candidates, compare_candidates);
  seen_ids = g_new (gint64, candidates->len + 1);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      seen_ids[i] = c->hit->id * 8 + c->hit->kind;
      g_hash_table_add (seen, &seen_ids[i]);
      if (hits->len < limit)
        g_ptr_array_add (hits, c->hit);
      else
        g_object_unref (c->hit);
    }

  /* 2. matches through the other text, newest first */
  if (hits->len < limit)
    {
      stmt = _dn_store_prepare (self,
                                "SELECT rowid, title, body FROM search WHERE search MATCH ?1 "
                                "ORDER BY rowid DESC LIMIT ?2",
                                error);
      if (stmt == NULL)
        return NULL;
      _dn_bind_text (stmt, 1, match);
      sqlite3_bind_int (stmt, 2, (int) MIN ((guint64) limit + candidates->len, G_MAXINT));
      while (hits->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          if (!g_hash_table_contains (seen, &rowid))
            g_ptr_array_add (hits, hit_from_row (stmt));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          _dn_store_set_error (self, rc, error);
          return NULL;
        }
    }

  for (guint i = 0; i < hits->len; i++)
    ((DnSearchHit *) hits->pdata[i])->rank = i;
  return g_steal_pointer (&hits);
}
