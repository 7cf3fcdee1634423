/* bench-scale.c: how the paths that read a whole database grow with it
 *
 *   bench-scale [--sizes 10000,100000,1000000] [--dir DIR] [--runs N] [--no-import]
 *
 * For each size, on a database of that many tasks (with 20 000 delegations
 * and 50 000 people, made once by "doingoai-cli generate" as DIR/scale-N.db
 * and reused: the 1 000 000-task one takes about 25 minutes to make), it
 * runs each path as its own process, beside its floor in the same run:
 *
 *   tasks --overdue, people   the same SELECT in the sqlite3 shell
 *   export                    ".dump" in the sqlite3 shell
 *   import                    (no floor: peak memory is what counts)
 *   check, check --full       "PRAGMA quick_check" in the sqlite3 shell
 *   backup                    ".backup" in the sqlite3 shell
 *
 * and, in this process, the task list filtered by "h": its first rows
 * (dn_store_list_tasks(), what the window shows first) and all its ids
 * (what the count waits for). Each figure is the median wall time of N
 * runs with the ratio to its floor, and the peak memory (maximum resident
 * set, getrusage) of the process. Overdue is judged on a fixed day
 * (--today) so that every run lists the same rows.
 *
 * The floor queries copy the store's own SQL (src/core/store): keep them in
 * step. Built, not run by "meson test"; needs the sqlite3 shell for the
 * floors. POSIX only (peak memory of a child through wait4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-scale"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#ifdef G_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#endif

#include "dn-store.h"
#include "dn-store-tasks.h"

#define TODAY "2026-12-07"

#define PROGRESS(t) \
  "CASE WHEN " t ".status = 'done' THEN 100 ELSE coalesce((SELECT p.percent FROM progress p WHERE p.task_id = " t ".id " \
  "ORDER BY p.entry_date DESC, p.id DESC LIMIT 1), 0) END"

/* dn-store-tasks-read.c: TASK_COLUMNS, TASK_FROM and the overdue filter */
static const char floor_overdue[] =
  "SELECT t.id, t.document_id, t.section, t.title, t.description, t.due_date, t.recurrence, t.status, t.parent_id, "
  "la.unit_id, coalesce(lu.code, ''), coalesce(lu.name, ''), "
  "coalesce((SELECT group_concat(code, ', ') FROM (SELECT su.code FROM assignment sa JOIN unit su ON su.id = sa.unit_id "
  "  WHERE sa.task_id = t.id AND sa.role = 'support' ORDER BY su.name_key)), ''), "
  "coalesce((SELECT CAST(round(avg(" PROGRESS ("c") ")) AS INTEGER) FROM task c "
  "  WHERE c.parent_id = t.id AND c.deleted = 0), " PROGRESS ("t") "), "
  "(SELECT count(*) FROM task c WHERE c.parent_id = t.id AND c.deleted = 0), "
  "coalesce(CASE WHEN d.number = '' THEN d.symbol WHEN d.symbol = '' THEN d.number ELSE d.number || '/' || d.symbol END, '') "
  "FROM task t LEFT JOIN assignment la ON la.task_id = t.id AND la.role = 'lead' "
  "LEFT JOIN unit lu ON lu.id = la.unit_id LEFT JOIN document d ON d.id = t.document_id "
  "WHERE t.deleted = 0 AND t.due_date < '" TODAY "' AND t.status IN ('open', 'in_progress') "
  "ORDER BY t.due_date IS NULL, t.due_date ASC, t.id ASC;\n";

/* dn-store-people.c: PERSON_COLUMNS, PERSON_FROM, by key */
static const char floor_people[] =
  "SELECT p.id, p.family_name, p.middle_name, p.given_name, p.gender, p.birth_date, p.unit_id, p.position, "
  "p.email, p.phone, coalesce(u.code, '') FROM person p LEFT JOIN unit u ON u.id = p.unit_id "
  "ORDER BY p.sort_key, p.id;\n";

typedef struct
{
  double   seconds;   /* median */
  double   peak_mb;   /* largest of the runs */
  gboolean ok;
} Figure;

static char *cli_path;
static char *sqlite3_path;
static guint runs = 3;
static gboolean no_import;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

#ifdef G_OS_UNIX
/* Runs @argv once with @input (a file, or NULL) on its standard input and
 * its output thrown away: wall seconds and peak memory (MB). */
static gboolean
run_once (const char * const *argv,
          const char         *input,
          double             *seconds,
          double             *peak_mb)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int in_fd = -1, status = 0;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int out_fd = g_open ("/dev/null", O_WRONLY, 0);

  if (input != NULL)
    in_fd = g_open (input, O_RDONLY, 0);
  if (!g_spawn_async_with_fds (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                               in_fd, out_fd, -1, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;
  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  *peak_mb = usage.ru_maxrss / 1024.0;
  g_spawn_close_pid (pid);
  if (in_fd >= 0)
    close (in_fd);
  close (out_fd);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n", argv[0], argv[1] != NULL ? argv[1] : "", error->message);
      return FALSE;
    }
  return TRUE;
}
#else
static gboolean
run_once (const char * const *argv,
          const char         *input,
          double             *seconds,
          double             *peak_mb)
{
  g_printerr ("bench-scale measures child processes on POSIX systems only\n");
  return FALSE;
}
#endif

/* @runs runs of @argv; @before (may be NULL) is called before each one
 * (e.g. to remove what the last one wrote). */
static Figure
measure (const char * const *argv,
         const char         *input,
         void              (*before) (gpointer),
         gpointer            data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  Figure figure = { 0, 0, TRUE };

  for (guint i = 0; i < runs; i++)
    {
      double seconds, peak;

      if (before != NULL)
        before (data);
      if (!run_once (argv, input, &seconds, &peak))
        {
          figure.ok = FALSE;
          return figure;
        }
      g_array_append_val (times, seconds);
      figure.peak_mb = MAX (figure.peak_mb, peak);
    }
  g_array_sort (times, compare_doubles);
  figure.seconds = g_array_index (times, double, runs / 2);
  return figure;
}

static void
remove_file (gpointer path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static void
print_row (const char *path,
           Figure      figure,
           Figure      floor_figure,
           const char *floor_name)
{
  if (!figure.ok)
    {
      printf ("  %-34s failed\n", path);
      return;
    }
  printf ("  %-34s %9.2f s %8.1f MB", path, figure.seconds, figure.peak_mb);
  if (floor_name != NULL && floor_figure.ok && floor_figure.seconds > 0)
    printf ("   %-22s %8.2f s   ×%.2f", floor_name, floor_figure.seconds, figure.seconds / floor_figure.seconds);
  printf ("\n");
  fflush (stdout);
}

static gboolean
ensure_database (const char *path,
                 guint       n_tasks)
{
  g_autofree char *tasks = g_strdup_printf ("%u", n_tasks);
  const char *argv[] = { cli_path, "--db", path, "generate", "--tasks", tasks, "--delegations", "20000",
                         "--people", "50000", "--seed", "7", NULL };
  double seconds, peak;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  printf ("  making %s (%u tasks)…\n", path, n_tasks);
  fflush (stdout);
  if (!run_once (argv, NULL, &seconds, &peak))
    return FALSE;
  printf ("  made in %.0f s\n", seconds);
  return TRUE;
}

static char *
write_sql (const char *dir,
           const char *name,
           const char *sql)
{
  char *path = g_build_filename (dir, name, NULL);

  if (!g_file_set_contents (path, sql, -1, NULL))
    g_error ("cannot write %s", path);
  return path;
}

/* In this process: the first rows of the task list filtered by "h" and all
 * its ids, median ms. */
static void
measure_list (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE, &error);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_ids = 0;
  DnTaskQuery query;

  if (store == NULL)
    g_error ("%s", error->message);
  dn_task_query_init (&query);
  query.text = "h";
  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) tasks = dn_store_list_tasks (store, &query, 256, &error);
      double first_ms = (g_get_monotonic_time () - start) / 1000.0;
      g_autoptr(GArray) ids = NULL;
      double all_ms;

      start = g_get_monotonic_time ();
      ids = dn_store_list_task_ids (store, &query, &error);
      all_ms = (g_get_monotonic_time () - start) / 1000.0;
      if (tasks == NULL || ids == NULL)
        g_error ("%s", error->message);
      n_ids = ids->len;
      if (i == 0)
        continue;   /* warm-up */
      g_array_append_val (first, first_ms);
      g_array_append_val (all, all_ms);
    }
  g_array_sort (first, compare_doubles);
  g_array_sort (all, compare_doubles);
  printf ("  %-34s %9.1f ms   (all %u ids: %.1f ms)\n", "task list \"h\": first 256 rows",
          g_array_index (first, double, first->len / 2), n_ids, g_array_index (all, double, all->len / 2));
}

static void
bench_size (const char *dir,
            guint       n_tasks)
{
  g_autofree char *name = g_strdup_printf ("scale-%u.db", n_tasks);
  g_autofree char *db = g_build_filename (dir, name, NULL);
  g_autofree char *json = g_build_filename (dir, "scale-export.json", NULL);
  g_autofree char *dump = g_build_filename (dir, "scale-dump.sql", NULL);
  g_autofree char *imported = g_build_filename (dir, "scale-import.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "scale-backup.db", NULL);
  g_autofree char *overdue_sql = write_sql (dir, "scale-overdue.sql", floor_overdue);
  g_autofree char *people_sql = write_sql (dir, "scale-people.sql", floor_people);
  g_autofree char *quick_sql = write_sql (dir, "scale-quick.sql", "PRAGMA quick_check;\n");
  g_autofree char *dump_cmd = g_strdup_printf (".output %s\n.dump\n", dump);
  g_autofree char *dump_sql = write_sql (dir, "scale-dump-cmd.sql", dump_cmd);
  g_autofree char *backup_cmd = g_strdup_printf (".backup '%s'\n", backup);
  g_autofree char *backup_sql = write_sql (dir, "scale-backup-cmd.sql", backup_cmd);
  const char *sqlite3_argv[] = { sqlite3_path, "-readonly", db, NULL };
  const char *sqlite3_rw_argv[] = { sqlite3_path, db, NULL };
  Figure none = { 0, 0, FALSE };

  printf ("\n%u tasks, 20 000 delegations, 50 000 people (%s)\n", n_tasks, db);
  if (!ensure_database (db, n_tasks))
    return;

  {
    const char *argv[] = { cli_path, "--db", db, "--today", TODAY, "tasks", "--overdue", NULL };
    Figure f = measure (argv, NULL, NULL, NULL);
    Figure floor_f = sqlite3_path != NULL ? measure (sqlite3_argv, overdue_sql, NULL, NULL) : none;
    print_row ("tasks --overdue", f, floor_f, "the same SELECT");
  }
  {
    const char *argv[] = { cli_path, "--db", db, "people", NULL };
    Figure f = measure (argv, NULL, NULL, NULL);
    Figure floor_f = sqlite3_path != NULL ? measure (sqlite3_argv, people_sql, NULL, NULL) : none;
    print_row ("people", f, floor_f, "the same SELECT");
  }
  {
    const char *argv[] = { cli_path, "--db", db, "export", json, NULL };
    Figure f = measure (argv, NULL, remove_file, json);
    Figure floor_f = sqlite3_path != NULL ? measure (sqlite3_argv, dump_sql, remove_file, dump) : none;
    print_row ("export", f, floor_f, ".dump");
  }
  if (!no_import)
    {
      const char *argv[] = { cli_path, "--db", imported, "import", json, NULL };
      Figure f = measure (argv, NULL, remove_file, imported);
      print_row ("import (of that export)", f, none, NULL);
      remove_file (imported);
    }
  {
    const char *argv[] = { cli_path, "--db", db, "check", NULL };
    const char *full_argv[] = { cli_path, "--db", db, "check", "--full", NULL };
    Figure floor_f = sqlite3_path != NULL ? measure (sqlite3_argv, quick_sql, NULL, NULL) : none;
    print_row ("check", measure (argv, NULL, NULL, NULL), floor_f, "PRAGMA quick_check");
    print_row ("check --full", measure (full_argv, NULL, NULL, NULL), floor_f, "PRAGMA quick_check");
  }
  {
    const char *argv[] = { cli_path, "--db", db, "backup", backup, NULL };
    Figure f = measure (argv, NULL, remove_file, backup);
    Figure floor_f = sqlite3_path != NULL ? measure (sqlite3_rw_argv, backup_sql, remove_file, backup) : none;
    print_row ("backup", f, floor_f, ".backup");
    remove_file (backup);
  }
  measure_list (db);
  remove_file (json);
  remove_file (dump);
}

int
main (int    argc,
      char  *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *sizes_text = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) sizes = NULL;
  int n_runs = 3;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "Numbers of tasks, comma-separated (10000,100000,1000000)", "N,N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder of the databases (default: this program's)", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each path (median)", "N" },
    { "no-import", 0, 0, G_OPTION_ARG_NONE, &no_import, "Leave out the import (about 19 minutes at 1 000 000 tasks)", NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = (guint) CLAMP (n_runs, 1, 99);
  if (dir == NULL)
    dir = g_strdup (BENCH_BUILD_DIR);
  cli_path = g_strdup (BENCH_CLI);
  sqlite3_path = g_find_program_in_path ("sqlite3");
  sizes = g_strsplit (sizes_text != NULL ? sizes_text : "10000,100000,1000000", ",", -1);

  printf ("bench-scale: median of %u runs; peak memory: the process's maximum resident set\n", runs);
  if (sqlite3_path == NULL)
    printf ("(no sqlite3 shell: floors not measured)\n");
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (sizes[i], 10, 1, 10000000, &n, NULL))
        {
          g_printerr ("not a size: %s\n", sizes[i]);
          return 2;
        }
      bench_size (dir, (guint) n);
    }
  g_free (cli_path);
  g_free (sqlite3_path);
  return 0;
}
