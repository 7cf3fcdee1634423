/* fuzz-search.c: the input as what a user types in the search field
 *
 * One database with the demo data is made once. The input (cut at its first
 * NUL, possibly not UTF-8) goes to dn_text_fts_query(), dn_store_search() and
 * the text filter of the task list.
 *
 * Invariants: dn_text_fts_query() gives NULL or UTF-8 made only of quoted
 * prefix terms ("word"* separated by single spaces, inner quotes doubled),
 * as its documentation promises; the store answers with hits or a GError,
 * never both (dn_fuzz_check_search); the task count and the list of task
 * ids agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <string.h>

#include "dn-exchange.h"
#include "dn-fuzz.h"
#include "dn-text.h"

static DnStore *store;

static void
init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return;
  dn_fuzz_init ();
  path = g_build_filename (dn_fuzz_tmp_dir (), "demo.db", NULL);
  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  dn_fuzz_assert (store != NULL, "cannot make the database: %s", error->message);
  dn_fuzz_assert (dn_exchange_load_demo (store, &error), "cannot load the demo data: %s", error->message);
}

/* "\"ho\"* \"chi\"*": terms only, nothing FTS5 would read as an operator */
static gboolean
fts_query_is_terms (const char *query)
{
  const char *p = query;

  if (*p == '\0')
    return FALSE;
  for (;;)
    {
      gboolean empty = TRUE;

      if (*p++ != '"')
        return FALSE;
      for (;;)
        {
          if (*p == '\0')
            return FALSE;
          if (*p == '"' && p[1] == '"')
            p += 2;
          else if (*p == '"')
            break;
          else
            p++;
          empty = FALSE;
        }
      p++; /* closing quote */
      if (empty || *p++ != '*')
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (*p++ != ' ')
        return FALSE;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *query = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  DnTaskQuery task_query;
  gint64 n_tasks;

  init ();

  query = dn_text_fts_query (text);
  if (query != NULL)
    {
      dn_fuzz_assert (g_utf8_validate (query, -1, NULL), "dn_text_fts_query gave invalid UTF-8");
      dn_fuzz_assert (fts_query_is_terms (query), "dn_text_fts_query gave more than quoted terms: %s", query);
    }

  dn_fuzz_check_search (store, text, 20);
  dn_fuzz_check_search (store, text, 1);

  dn_task_query_init (&task_query);
  task_query.text = text;
  n_tasks = dn_store_count_tasks (store, &task_query, &error);
  if (n_tasks < 0)
    {
      dn_fuzz_assert (error != NULL, "dn_store_count_tasks failed without an error");
      dn_fuzz_note ("task filter refused: %s", error->message);
      dn_fuzz_outcome = DN_FUZZ_REFUSED;
      return 0;
    }
  ids = dn_store_list_task_ids (store, &task_query, &error);
  dn_fuzz_assert (ids != NULL, "dn_store_list_task_ids: %s", error != NULL ? error->message : "(no error)");
  dn_fuzz_assert ((gint64) ids->len == n_tasks, "%" G_GINT64_FORMAT " tasks counted, %u listed", n_tasks, ids->len);
  dn_fuzz_outcome = DN_FUZZ_ACCEPTED;
  return 0;
}
