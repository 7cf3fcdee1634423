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
  int          phase;        /* 0: the title matches, 1: only the other text */
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

/* The order of the hits (the rule every view shows): unfinished work
 * before tasks done or cancelled; then title matches before matches through
 * the other text, ranked as score() says; then, among equals (the
 * occurrences of a recurring task share their title), unfinished tasks by
 * their deadline, the nearest first, finished ones the latest first, tasks
 * without a deadline after; then the newest record. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;
  gboolean x_finished = dn_search_hit_is_finished (x->hit);
  gboolean x_dated = g_date_valid (&x->hit->due_date);
  gboolean y_dated = g_date_valid (&y->hit->due_date);
  gint64 x_row = x->hit->id * 8 + x->hit->kind;
  gint64 y_row = y->hit->id * 8 + y->hit->kind;

  if (x_finished != dn_search_hit_is_finished (y->hit))
    return x_finished ? 1 : -1;
  if (x->phase != y->phase)
    return x->phase - y->phase;
  if (x->exact_words != y->exact_words)
    return y->exact_words - x->exact_words;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->length != y->length)
    return x->length - y->length;
  if (x_dated != y_dated)
    return x_dated ? -1 : 1;
  if (x_dated && g_date_compare (&x->hit->due_date, &y->hit->due_date) != 0)
    return g_date_compare (&x->hit->due_date, &y->hit->due_date) * (x_finished ? -1 : 1);
  return x_row < y_row ? 1 : (x_row > y_row ? -1 : 0);
}

/* A task's deadline and status, which rank it and which its row shows; a
 * document's secrecy. */
static gboolean
read_task_fields (DnStore      *self,
                  DnSearchHit  *hit,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (hit->kind == DN_RECORD_DOCUMENT)
    {
      gint64 secret = 0;

      stmt = _dn_store_prepare_with (self, "SELECT classification <> 'normal' FROM document WHERE id = ?", error,
                                     DN_INT (hit->id), DN_END);
      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        secret = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _dn_store_set_error (self, rc, error);
          return FALSE;
        }
      hit->secret = secret != 0;
      return TRUE;
    }
  if (hit->kind != DN_RECORD_TASK)
    return TRUE;
  stmt = _dn_store_prepare (self, "SELECT due_date, status FROM task WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hit->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      _dn_column_date (stmt, 0, &hit->due_date);
      if (!dn_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &hit->status))
        hit->status = DN_STATUS_OPEN;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
clear_candidates (GArray *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    g_clear_object (&g_array_index (candidates, Candidate, i).hit);
  g_array_set_size (candidates, 0);
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
 * Results: records whose title matches every typed word (ranked by
 * score()), then records that match only through their other text, newest
 * first; unfinished work before tasks done or cancelled (compare_candidates).
 * Each step reads the index in rowid order with a LIMIT, so the cost does
 * not grow with the number of matches. Deleted tasks are not in the index. */
static GPtrArray *
search_records (DnStore     *self,
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
  guint n_titles, n_unfinished = 0;
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  int rc;

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

  /* 1. title matches, scored */
  stmt = _dn_store_prepare (self,
                            "SELECT rowid, title, body FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return NULL;
  _dn_bind_text (stmt, 1, title_match);
  sqlite3_bind_int (stmt, 2, TITLE_CANDIDATES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { hit_from_row (stmt), 0, 0, 0, 0 };
      score (&c, typed);
      g_array_append_val (candidates, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      clear_candidates (candidates);
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  n_titles = candidates->len;
  seen_ids = g_new (gint64, n_titles + 1);
  for (guint i = 0; i < n_titles; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      seen_ids[i] = c->hit->id * 8 + c->hit->kind;
      g_hash_table_add (seen, &seen_ids[i]);
      if (!read_task_fields (self, c->hit, error))
        {
          clear_candidates (candidates);
          return NULL;
        }
      if (!dn_search_hit_is_finished (c->hit))
        n_unfinished++;
    }

  /* 2. matches through the other text, newest first: read only while they
   * can still be among the first @limit (unfinished ones rank above the
   * finished title matches) */
  if (n_unfinished < limit)
    {
      stmt = _dn_store_prepare (self,
                                "SELECT rowid, title, body FROM search WHERE search MATCH ?1 "
                                "ORDER BY rowid DESC LIMIT ?2",
                                error);
      if (stmt == NULL)
        {
          clear_candidates (candidates);
          return NULL;
        }
      _dn_bind_text (stmt, 1, match);
      sqlite3_bind_int (stmt, 2, (int) MIN ((guint64) limit + n_titles, G_MAXINT));
      while (n_unfinished < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          Candidate c = { NULL, 1, 0, 0, 0 };

          if (g_hash_table_contains (seen, &rowid))
            continue;
          c.hit = hit_from_row (stmt);
          g_array_append_val (candidates, c);
          if (!read_task_fields (self, c.hit, error))
            {
              ok = FALSE;
              break;
            }
          if (!dn_search_hit_is_finished (c.hit))
            n_unfinished++;
        }
      if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          _dn_store_set_error (self, rc, error);
          ok = FALSE;
        }
      sqlite3_reset (stmt);
      if (!ok)
        {
          clear_candidates (candidates);
          return NULL;
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (hits->len < limit)
        {
          c->hit->rank = hits->len;
          g_ptr_array_add (hits, g_steal_pointer (&c->hit));
        }
      else
        g_clear_object (&c->hit);
    }
  return g_steal_pointer (&hits);
}

/* Records first (search_records()), then pages of attached PDF files
 * (_dn_store_search_attachments()): those keep up to a quarter of @limit
 * whatever the records, and take what the records leave. */
GPtrArray *
dn_store_search (DnStore     *self,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *match = NULL;
  guint kept;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    match = dn_text_fts_query (text);
  if (match != NULL && limit > 0 && !_dn_store_search_attachments (self, match, limit, pages, error))
    return NULL;
  kept = MIN (pages->len, limit / 4);
  hits = search_records (self, text, limit - kept, error);
  if (hits == NULL)
    return NULL;
  for (guint i = 0; i < pages->len && hits->len < limit; i++)
    {
      DnSearchHit *hit = pages->pdata[i];

      hit->rank = hits->len;
      g_ptr_array_add (hits, g_object_ref (hit));
    }
  return g_steal_pointer (&hits);
}
