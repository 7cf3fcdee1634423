/* bench-sections.c: the lists of the delegation, passport and partner
 * sections beside the task list, on a province's worth of data
 *
 * bench-sections [--runs N] [DBPATH]
 *
 * On the database of bench-core (100 000 tasks, 20 000 delegations, 50 000
 * people; made once and reused), to which 50 000 passports with their
 * hand-outs (dn_generate_passports) and 2 000 partners are added the first
 * time, prints the median time over N runs of what a section's list reads
 * when it is shown or filtered: its first 256 rows (what the window shows
 * first) and all its ids (read after, on the worker), for the task list and
 * for each new list, unfiltered, with a text typed in its search, and with
 * its own filter (overdue, report overdue, expiring). The task list is the
 * peer: a new list is as fast when its figures are within 2× of the task
 * list's on the same kind of query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-sections"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "dn-generator.h"
#include "dn-store-private.h"

#define N_TASKS       100000
#define N_DELEGATIONS 20000
#define N_PEOPLE      50000
#define N_PASSPORTS   50000
#define N_PARTNERS    2000
#define FIRST_ROWS    256

typedef enum { TASKS, DELEGATIONS, PASSPORTS, PARTNERS } Kind;

typedef struct
{
  const char *name;
  Kind kind;
  const char *text;       /* typed in the search, or NULL */
  int filter;             /* 1: the list's own filter */
} Case;

static const Case cases[] = {
  { "tasks, all", TASKS, NULL, 0 },
  { "tasks, “ha”", TASKS, "ha", 0 },
  { "tasks, overdue", TASKS, NULL, 1 },
  { "delegations out, all", DELEGATIONS, NULL, 0 },
  { "delegations out, “ha”", DELEGATIONS, "ha", 0 },
  { "delegations out, report overdue", DELEGATIONS, NULL, 1 },
  { "passports, all", PASSPORTS, NULL, 0 },
  { "passports, “ng”", PASSPORTS, "ng", 0 },
  { "passports, overdue", PASSPORTS, NULL, 1 },
  { "partners, all", PARTNERS, NULL, 0 },
  { "partners, “ha”", PARTNERS, "ha", 0 },
  { "partners, expiring", PARTNERS, NULL, 1 },
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* One run of @c: the first rows (*@first_ms, their number in *@n_first) and
 * all the ids (*@ids_ms, their number in *@n_ids). */
static void
run_case (DnStore    *store,
          const Case *c,
          double     *first_ms,
          double     *ids_ms,
          guint      *n_first,
          guint      *n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  GDate today;
  gint64 start;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, 11, 2026);
  switch (c->kind)
    {
    case TASKS:
      {
        DnTaskQuery query;

        dn_task_query_init (&query);
        query.text = c->text;
        query.overdue = c->filter;
        start = g_get_monotonic_time ();
        rows = dn_store_list_tasks (store, &query, FIRST_ROWS, &error);
        *first_ms = ms_since (start);
        start = g_get_monotonic_time ();
        ids = rows != NULL ? dn_store_list_task_ids (store, &query, &error) : NULL;
        *ids_ms = ms_since (start);
      }
      break;
    case DELEGATIONS:
      {
        DnDelegationQuery query;

        dn_delegation_query_init (&query);
        query.direction = DN_DELEGATION_OUTBOUND;
        query.text = c->text;
        query.report_overdue = c->filter;
        query.today = today;
        start = g_get_monotonic_time ();
        rows = dn_store_list_delegations (store, &query, NULL, FIRST_ROWS, &error);
        *first_ms = ms_since (start);
        start = g_get_monotonic_time ();
        ids = rows != NULL ? dn_store_list_delegation_ids (store, &query, &error) : NULL;
        *ids_ms = ms_since (start);
      }
      break;
    case PASSPORTS:
      {
        DnPassportQuery query;

        dn_passport_query_init (&query, &today);
        query.text = c->text;
        query.only_overdue = c->filter;
        start = g_get_monotonic_time ();
        rows = dn_store_list_passports (store, &query, NULL, FIRST_ROWS, &error);
        *first_ms = ms_since (start);
        start = g_get_monotonic_time ();
        ids = rows != NULL ? dn_store_list_passport_ids (store, &query, &error) : NULL;
        *ids_ms = ms_since (start);
      }
      break;
    case PARTNERS:
    default:
      {
        DnPartnerQuery query;

        dn_partner_query_init (&query);
        query.text = c->text;
        if (c->filter)
          dn_alert_get_limit (store, DN_ALERT_REGISTRATIONS_EXPIRING, &today, &query.expiring_before);
        start = g_get_monotonic_time ();
        rows = dn_store_list_partners (store, &query, NULL, FIRST_ROWS, &error);
        *first_ms = ms_since (start);
        start = g_get_monotonic_time ();
        ids = rows != NULL ? dn_store_list_partner_ids (store, &query, &error) : NULL;
        *ids_ms = ms_since (start);
      }
      break;
    }
  if (rows == NULL || ids == NULL)
    g_error ("%s: %s", c->name, error->message);
  *n_first = rows->len;
  *n_ids = ids->len;
}

/* Passports and partners, the first time (bench-core's database has
 * neither). */
static void
add_passports_and_partners (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;
  gint64 start = g_get_monotonic_time ();

  if (!_dn_store_read_int (store, "SELECT count(*) FROM passport", &n, &error, DN_END))
    g_error ("%s", error->message);
  if (n > 0)
    return;
  printf ("Adding %d passports and %d partners… ", N_PASSPORTS, N_PARTNERS);
  fflush (stdout);
  if (!dn_generate_passports (store, N_PASSPORTS, 1, &error))
    g_error ("%s", error->message);
  if (!dn_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < N_PARTNERS; i++)
    {
      static const char *names[] = { "Quỹ hỗ trợ giáo dục", "Tổ chức tình nguyện", "Đại học", "Hiệp hội giáo viên",
                                     "Trung tâm hợp tác", "Tổ chức Hành động vì trẻ em" };
      static const char *countries[] = { "KR", "JP", "AU", "US", "GB", "FR", "DE", "SG", "TH", "LA" };
      g_autofree char *name = g_strdup_printf ("%s %s số %u", names[i % G_N_ELEMENTS (names)],
                                               countries[i % G_N_ELEMENTS (countries)], i + 1);
      g_autofree char *expiry = g_strdup_printf ("%04u-%02u-15", 2025 + i % 4, 1 + i % 12);

      if (!_dn_store_write (store,
                            "INSERT INTO partner (name, kind, country_code, registration_kind, registration_number, "
                            "registration_expiry) VALUES (?, 'ngo', ?, 'operation', ?, ?)",
                            &error, DN_TEXT (name), DN_TEXT (countries[i % G_N_ELEMENTS (countries)]),
                            DN_TEXT (name), DN_TEXT (expiry), DN_END))
        g_error ("%s", error->message);
    }
  if (!dn_store_commit (store, &error))
    g_error ("%s", error->message);
  printf ("%.1f s\n", ms_since (start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[DBPATH]");
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autofree char *path = NULL;
  int runs = 11;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs per measure (default 11)", "N" },
    { NULL }
  };
  double peer_first[2] = { 0 }, peer_ids[2] = { 0 };

  g_option_context_set_summary (context, "Times the lists of the delegation, passport and partner sections beside the task list.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);
  path = g_canonicalize_filename (argc > 1 ? argv[1] : BENCH_DEFAULT_DB, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(DnStore) made = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);

      printf ("Generating %s… ", path);
      fflush (stdout);
      if (made == NULL || !dn_generate (made, N_TASKS, N_DELEGATIONS, N_PEOPLE, 1, &error))
        g_error ("%s", error->message);
      printf ("done\n");
    }
  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  add_passports_and_partners (store);

  printf ("Database: %s\n  %" G_GINT64_FORMAT " tasks, %" G_GINT64_FORMAT " delegations, %" G_GINT64_FORMAT
          " passports, %" G_GINT64_FORMAT " partners; median of %d runs (after one warm-up), ms\n\n",
          path, dn_store_count (store, DN_RECORD_TASK, NULL), dn_store_count (store, DN_RECORD_DELEGATION, NULL),
          dn_store_count (store, DN_RECORD_PASSPORT, NULL), dn_store_count (store, DN_RECORD_PARTNER, NULL), runs);
  printf ("%-34s %12s %8s %12s %8s   %s\n", "list", "first 256", "rows", "all ids", "ids", "vs the task list");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) idss = g_array_new (FALSE, FALSE, sizeof (double));
      double first = 0, ids = 0;
      guint n_first = 0, n_ids = 0;
      const char *same;

      run_case (store, &cases[c], &first, &ids, &n_first, &n_ids);
      for (int r = 0; r < runs; r++)
        {
          run_case (store, &cases[c], &first, &ids, &n_first, &n_ids);
          g_array_append_val (firsts, first);
          g_array_append_val (idss, ids);
        }
      g_array_sort (firsts, compare_doubles);
      g_array_sort (idss, compare_doubles);
      first = g_array_index (firsts, double, runs / 2);
      ids = g_array_index (idss, double, runs / 2);
      if (cases[c].kind == TASKS)
        {
          /* the peer of the unfiltered and of the typed lists */
          guint slot = cases[c].text != NULL ? 1 : 0;

          if (!cases[c].filter)
            {
              peer_first[slot] = first;
              peer_ids[slot] = ids;
            }
          same = "(peer)";
        }
      else
        {
          guint slot = cases[c].text != NULL ? 1 : 0;
          gboolean ok = first <= 2 * MAX (peer_first[slot], 1.0) && ids <= 2 * MAX (peer_ids[slot], 1.0);

          same = cases[c].filter ? (first <= 2 * MAX (peer_first[0], 1.0) ? "within 2× (first rows)" : "SLOWER")
                                 : ok ? "within 2×" : "SLOWER";
        }
      printf ("%-34s %12.2f %8u %12.2f %8u   %s\n", cases[c].name, first, n_first, ids, n_ids, same);
    }
  return 0;
}
