/* bench-core.c: how fast the store answers on a province's worth of data
 *
 * bench-core [--runs N] [--explain] [DBPATH]
 *
 * On a database made by dn_generate (100 000 tasks, 20 000 delegations,
 * 50 000 people; made once and reused: DBPATH, by default bench-core.db in
 * the build folder), prints the median time over N runs of: opening the
 * store, the first page of the task list and of the people list, and, for
 * each prefix of "ho chieu" as typed, dn_store_search(), the task list
 * filtered by the same text, and the same search done as a plain LIKE scan
 * over the folded text of every record (for comparison).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dn-generator.h"
#include "dn-store-private.h"
#include "dn-text.h"

#define N_TASKS       100000
#define N_DELEGATIONS 20000
#define N_PEOPLE      50000
#define PAGE          50
#define TYPED         "ho chieu"

/* aims (milliseconds, median) */
#define AIM_OPEN    50.0
#define AIM_PAGE    5.0
#define AIM_PREFIX  10.0
#define AIM_RATIO   20.0

typedef double (*Measure) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

typedef struct
{
  double median;
  double min;
  double max;
} Timing;

/* Runs @measure @runs times (after one warm-up run); each returns its time
 * in milliseconds. */
static Timing
time_runs (Measure   measure,
           gpointer  data,
           guint     runs)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
  Timing timing;

  measure (data);
  for (guint i = 0; i < runs; i++)
    {
      double ms = measure (data);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  timing.min = g_array_index (times, double, 0);
  timing.max = g_array_index (times, double, runs - 1);
  timing.median = runs % 2 == 1 ? g_array_index (times, double, runs / 2)
                                : (g_array_index (times, double, runs / 2 - 1) + g_array_index (times, double, runs / 2)) / 2;
  return timing;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* ------------------------------------------------------------- measures */

typedef struct
{
  const char *path;
  DnStore *store;
  const char *text;
  guint n_results;      /* of the last run */
  sqlite3_stmt *scan;
} Bench;

static double
measure_open (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  store = dn_store_open (bench->path, DN_STORE_OPEN_DEFAULT, &error);
  ms = ms_since (start);
  if (store == NULL)
    g_error ("%s", error->message);
  return ms;
}

static double
measure_tasks_page (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  DnTaskQuery query;
  gint64 start = g_get_monotonic_time ();
  double ms;

  dn_task_query_init (&query);
  query.text = bench->text;
  tasks = dn_store_list_tasks (bench->store, &query, PAGE, &error);
  ms = ms_since (start);
  if (tasks == NULL)
    g_error ("%s", error->message);
  bench->n_results = tasks->len;
  return ms;
}

static double
measure_people_page (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  people = dn_store_list_people (bench->store, 0, NULL, PAGE, &error);
  ms = ms_since (start);
  if (people == NULL)
    g_error ("%s", error->message);
  bench->n_results = people->len;
  return ms;
}

static double
measure_search (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  hits = dn_store_search (bench->store, bench->text, PAGE, &error);
  ms = ms_since (start);
  if (hits == NULL)
    g_error ("%s", error->message);
  bench->n_results = hits->len;
  return ms;
}

/* The plain way: every record's folded text scanned with LIKE, all matches
 * ordered (as a ranking would), the first page kept. */
static double
measure_scan (gpointer data)
{
  Bench *bench = data;
  g_autofree char *folded = dn_text_fold (bench->text, -1);
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", folded);
  gint64 start = g_get_monotonic_time ();
  guint n = 0;
  int rc;

  sqlite3_reset (bench->scan);
  sqlite3_bind_text (bench->scan, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (bench->scan)) == SQLITE_ROW)
    n++;
  if (rc != SQLITE_DONE)
    g_error ("scan: %s", sqlite3_errmsg (_dn_store_get_db (bench->store)));
  bench->n_results = n;
  return ms_since (start);
}

static double
measure_unranked (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;
  int rc;

  sqlite3_reset (bench->scan);
  sqlite3_bind_text (bench->scan, 1, bench->text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (bench->scan)) == SQLITE_ROW)
    n++;
  if (rc != SQLITE_DONE)
    g_error ("unranked: %s", sqlite3_errmsg (_dn_store_get_db (bench->store)));
  bench->n_results = n;
  return ms_since (start);
}

/* ------------------------------------------------------------ the data */

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  gint64 start = g_get_monotonic_time ();

  printf ("Generating %s (%d tasks, %d delegations, %d people)… ", path, N_TASKS, N_DELEGATIONS, N_PEOPLE);
  fflush (stdout);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *side = g_strconcat (tmp, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_remove (side);
    }
  {
    g_autoptr(DnStore) store = dn_store_open (tmp, DN_STORE_OPEN_DEFAULT, &error);

    /* as the application leaves it (it never runs ANALYZE) */
    if (store == NULL || !dn_generate (store, N_TASKS, N_DELEGATIONS, N_PEOPLE, 1, &error))
      g_error ("%s", error->message);
  }
  if (g_rename (tmp, path) != 0)
    g_error ("cannot rename %s to %s", tmp, path);
  printf ("%.1f s\n", ms_since (start) / 1000.0);
}

/* A temporary table with the folded title and body of every record in the
 * search index: the same text the search looks at. */
static void
make_folded_table (DnStore *store)
{
  sqlite3 *db = _dn_store_get_db (store);
  sqlite3_stmt *read = NULL, *write = NULL;
  int rc;

  if (sqlite3_exec (db, "CREATE TEMP TABLE folded (id INTEGER PRIMARY KEY, text TEXT NOT NULL); BEGIN",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT rowid, title || ' ' || body FROM search", -1, &read, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO folded (id, text) VALUES (?, ?)", -1, &write, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      g_autofree char *folded = dn_text_fold ((const char *) sqlite3_column_text (read, 1), -1);

      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_text (write, 2, folded != NULL ? folded : "", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (write) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (write);
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (rc != SQLITE_DONE || sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
}

static void
explain (DnStore    *store,
         const char *title,
         const char *sql,
         const char *arg)
{
  sqlite3 *db = _dn_store_get_db (store);
  g_autofree char *full = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;

  printf ("\n%s\n  %s\n", title, sql);
  if (sqlite3_prepare_v2 (db, full, -1, &stmt, NULL) != SQLITE_OK)
    {
      printf ("  (%s)\n", sqlite3_errmsg (db));
      return;
    }
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      if (i == 1 && arg != NULL)
        sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int (stmt, i, PAGE);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    printf ("  %3d %3d  %s\n", sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
            (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
}

/* ------------------------------------------------------------------ main */

static const char *
verdict (gboolean ok)
{
  return ok ? "ok" : "MISSED";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[DBPATH]");
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autofree char *path = NULL;
  int runs = 21;
  gboolean show_plans = FALSE;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs per measure (default 21)", "N" },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &show_plans, "Print the query plans of the searches", NULL },
    { NULL }
  };
  Bench bench = { 0 };
  Timing open_t, tasks_t, people_t;
  gboolean all_ok = TRUE;
#define UNITS_ROW "%-34s %9.3f %9.3f %9.3f   < %-6.0f %s\n"

  g_option_context_set_summary (context, "Times the store on 100 000 tasks, 20 000 delegations, 50 000 people.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (runs < 1)
    runs = 1;
  path = g_canonicalize_filename (argc > 1 ? argv[1] : BENCH_DEFAULT_DB, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    make_database (path);
  bench.path = path;

  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  printf ("Database: %s\n", path);
  printf ("  %" G_GINT64_FORMAT " tasks, %" G_GINT64_FORMAT " delegations, %" G_GINT64_FORMAT " people, "
          "%" G_GINT64_FORMAT " units; SQLite %s; median of %d runs (after one warm-up)\n\n",
          dn_store_count (store, DN_RECORD_TASK, NULL), dn_store_count (store, DN_RECORD_DELEGATION, NULL),
          dn_store_count (store, DN_RECORD_PERSON, NULL), dn_store_count (store, DN_RECORD_UNIT, NULL),
          sqlite3_libversion (), runs);
  bench.store = store;

  printf ("%-34s %9s %9s %9s   %-8s\n", "Operation (ms)", "median", "min", "max", "aim");
  open_t = time_runs (measure_open, &bench, (guint) runs);
  printf (UNITS_ROW, "open the store", open_t.median, open_t.min, open_t.max, AIM_OPEN,
          verdict (open_t.median < AIM_OPEN));
  all_ok &= open_t.median < AIM_OPEN;
  bench.text = NULL;
  tasks_t = time_runs (measure_tasks_page, &bench, (guint) runs);
  g_assert_cmpuint (bench.n_results, ==, PAGE);
  printf (UNITS_ROW, "task list, first page (50)", tasks_t.median, tasks_t.min, tasks_t.max, AIM_PAGE,
          verdict (tasks_t.median < AIM_PAGE));
  all_ok &= tasks_t.median < AIM_PAGE;
  people_t = time_runs (measure_people_page, &bench, (guint) runs);
  g_assert_cmpuint (bench.n_results, ==, PAGE);
  printf (UNITS_ROW, "people list, first page (50)", people_t.median, people_t.min, people_t.max, AIM_PAGE,
          verdict (people_t.median < AIM_PAGE));
  all_ok &= people_t.median < AIM_PAGE;

  make_folded_table (store);
  if (sqlite3_prepare_v2 (_dn_store_get_db (store),
                          "SELECT id FROM folded WHERE text LIKE ?1 ORDER BY length(text), id",
                          -1, &bench.scan, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (_dn_store_get_db (store)));

  printf ("\nSearch as you type “%s” (medians, ms; aim: search < %.0f, scan/search ≥ %.0f×).\n"
          "The task filter (first page of the task list filtered by the text, which needs every\n"
          "match to sort them by deadline; the interface runs it off the main loop) is shown\n"
          "for information.\n",
          TYPED, AIM_PREFIX, AIM_RATIO);
  printf ("%-11s %8s %6s %12s %6s %12s %9s %8s  %s\n",
          "typed", "search", "hits", "task filter", "rows", "LIKE scan", "matches", "ratio", "");
  for (gsize len = 1; len <= strlen (TYPED); len++)
    {
      g_autofree char *typed = g_strndup (TYPED, len);
      g_autofree char *quoted = g_strdup_printf ("“%s”", typed);
      Timing search_t, filter_t, scan_t;
      guint hits, rows, matches;
      double ratio;
      gboolean ok;

      bench.text = typed;
      search_t = time_runs (measure_search, &bench, (guint) runs);
      hits = bench.n_results;
      filter_t = time_runs (measure_tasks_page, &bench, (guint) runs);
      rows = bench.n_results;
      scan_t = time_runs (measure_scan, &bench, (guint) MIN (runs, 7));
      matches = bench.n_results;
      ratio = scan_t.median / search_t.median;
      ok = search_t.median < AIM_PREFIX && ratio >= AIM_RATIO;
      all_ok &= ok;
      printf ("%s%*s %8.3f %6u %12.3f %6u %12.3f %9u %7.1f×  %s\n", quoted,
              (int) (11 - g_utf8_strlen (quoted, -1)), "", search_t.median, hits,
              filter_t.median, rows, scan_t.median, matches, ratio,
              ok ? "ok" : search_t.median >= AIM_PREFIX ? "MISSED (search)" : "MISSED (ratio)");
    }
  sqlite3_finalize (bench.scan);

  if (show_plans)
    {
      g_autofree char *match = dn_text_fts_query ("h");

      /* for comparison: the same matches in index order, without ranking */
      printf ("\nThe same searches without ranking (ORDER BY rowid DESC LIMIT %d), medians, ms:\n", PAGE);
      if (sqlite3_prepare_v2 (_dn_store_get_db (store),
                              "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 50",
                              -1, &bench.scan, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (_dn_store_get_db (store)));
      for (gsize len = 1; len <= strlen (TYPED); len++)
        {
          g_autofree char *typed = g_strndup (TYPED, len);
          g_autofree char *fts = dn_text_fts_query (typed);
          Timing t;

          bench.text = fts;
          t = time_runs (measure_unranked, &bench, (guint) runs);
          printf ("  “%s”%*s %8.3f\n", typed, (int) (9 - len), "", t.median);
        }
      sqlite3_finalize (bench.scan);

      explain (store, "dn_store_search (\"h\")",
               "SELECT rowid, title, body, bm25(search, 10.0, 1.0) AS score FROM search "
               "WHERE search MATCH ? ORDER BY score, rowid LIMIT ?", match);
      explain (store, "dn_store_list_tasks, query.text = \"h\" (ids of the first page)",
               "SELECT t.id FROM task t WHERE t.deleted = 0 AND t.id * 8 + 3 IN "
               "(SELECT rowid FROM search WHERE search MATCH ?) "
               "ORDER BY t.due_date IS NULL ASC, t.due_date ASC, t.id ASC LIMIT 50 OFFSET 0", match);
      explain (store, "dn_store_list_tasks, no filter (ids of the first page)",
               "SELECT t.id FROM task t WHERE t.deleted = 0 "
               "ORDER BY t.due_date IS NULL ASC, t.due_date ASC, t.id ASC LIMIT 50 OFFSET 0", NULL);
    }

  printf ("\n%s\n", all_ok ? "All aims met." : "Some aims were missed (see MISSED above).");
  return 0;
}
