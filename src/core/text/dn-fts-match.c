/* dn-fts-match.c: dn_fts_match(typed, text, …), the search index's rule for
 * one row
 *
 * TRUE when every word of @typed begins a word of one of the texts, the
 * words cut and folded by the index's own tokenizer ("dn"): what
 * "search MATCH dn_text_fts_query (typed)" finds, told for one row without
 * reading the index. A list sorted by an index and filtered by a word most
 * rows hold ("h") gets its first rows by testing rows in order, instead of
 * first collecting every row the index holds for that word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-sqlite"

#include "config.h"

#include <string.h>

#include "dn-fts-match.h"
#include "dn-text.h"

typedef struct
{
  fts5_tokenizer  methods;
  Fts5Tokenizer  *tokenizer;
} Matcher;

/* One row against the words of the query (query_words()): which it holds. */
typedef struct
{
  GPtrArray *words;
  guint8    *found;
  guint      n_found;
} RowMatch;

static int
add_word (void       *ctx,
          int         tflags,
          const char *token,
          int         n_token,
          int         start,
          int         end)
{
  if (n_token > 0)
    g_ptr_array_add (ctx, g_strndup (token, (gsize) n_token));
  return SQLITE_OK;
}

/* "ho"* "chieu"* (dn_text_fts_query()) → its words (char *, folded), each
 * cut by the tokenizer as FTS5 cuts a query's strings. */
static GPtrArray *
query_words (Matcher    *matcher,
             const char *typed)
{
  g_autofree char *fts = dn_text_fts_query (typed);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = fts != NULL ? fts : ""; *p != '\0'; p++)
    {
      if (*p != '"')
        continue;
      /* a string: up to the next lone quote ("" stands for one) */
      g_string_truncate (word, 0);
      for (p++; *p != '\0'; p++)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (word, *p++);
          else if (*p == '"')
            break;
          else
            g_string_append_c (word, *p);
        }
      matcher->methods.xTokenize (matcher->tokenizer, words, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                                  word->str, (int) word->len, add_word);
      if (*p == '\0')
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

static int
check_token (void       *ctx,
             int         tflags,
             const char *token,
             int         n_token,
             int         start,
             int         end)
{
  RowMatch *row = ctx;

  for (guint i = 0; i < row->words->len; i++)
    {
      const char *word = row->words->pdata[i];
      gsize n = strlen (word);

      if (!row->found[i] && (gsize) n_token >= n && memcmp (token, word, n) == 0)
        {
          row->found[i] = 1;
          if (++row->n_found == row->words->len)
            return SQLITE_DONE;   /* every word found: no need to go on */
        }
    }
  return SQLITE_OK;
}

static void
sql_fts_match (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  Matcher *matcher = sqlite3_user_data (context);
  GPtrArray *words = sqlite3_get_auxdata (context, 0);
  GPtrArray *made = NULL;
  RowMatch row = { 0 };
  int rc = SQLITE_OK;

  /* the words are cut once per statement (kept as the argument's aux data) */
  if (words == NULL)
    words = made = query_words (matcher, (const char *) sqlite3_value_text (argv[0]));
  row.words = words;
  row.found = g_newa (guint8, words->len + 1);
  memset (row.found, 0, words->len);
  for (int i = 1; i < argc && words->len > 0 && row.n_found < words->len; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text != NULL)
        rc = matcher->methods.xTokenize (matcher->tokenizer, &row, FTS5_TOKENIZE_DOCUMENT, text,
                                         sqlite3_value_bytes (argv[i]), check_token);
      if (rc != SQLITE_OK && rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    sqlite3_result_error_code (context, rc);
  else
    /* nothing searchable typed: the index finds nothing either */
    sqlite3_result_int (context, words->len > 0 && row.n_found == words->len);
  if (made != NULL)
    sqlite3_set_auxdata (context, 0, made, (GDestroyNotify) g_ptr_array_unref);
}

static void
matcher_free (void *data)
{
  Matcher *matcher = data;

  if (matcher->tokenizer != NULL)
    matcher->methods.xDelete (matcher->tokenizer);
  g_free (matcher);
}

int
_dn_fts_match_register (sqlite3  *db,
                        fts5_api *api)
{
  Matcher *matcher = g_new0 (Matcher, 1);
  void *user_data = NULL;
  int rc;

  rc = api->xFindTokenizer (api, "dn", &user_data, &matcher->methods);
  if (rc == SQLITE_OK)
    rc = matcher->methods.xCreate (user_data, NULL, 0, &matcher->tokenizer);
  if (rc != SQLITE_OK)
    {
      matcher_free (matcher);
      return rc;
    }
  return sqlite3_create_function_v2 (db, "dn_fts_match", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     matcher, sql_fts_match, NULL, NULL, matcher_free);
}
