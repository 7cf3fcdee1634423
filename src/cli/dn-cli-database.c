/* dn-cli-database.c: the commands on the database as a whole (init, check,
 * demo, export, import, generate, backup, restore) and its first lists
 * (search, tasks, people); their table, the first of the list, also names
 * the units, settings and delegation commands, in the order of the help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-generator.h"
#include "dn-store.h"
#include "dn-store-backup.h"
#include "dn-text.h"

#ifdef G_OS_UNIX
#include <glib-unix.h>
#include <signal.h>
#include <unistd.h>
#else
#include <io.h>
#define isatty _isatty
#endif

/*
 * Commands: entries of dn_cli_database_commands[] (see dn-cli.h), their
 * options read into opt
 */

/* The options of every command, as parsed. */
static struct
{
  int       limit;
  char     *unit;      /* as typed */
  char     *status;    /* as typed */
  gboolean  overdue;
  gboolean  full;
  gboolean  secret;    /* search: secret documents too */
  int       n_tasks, n_delegations, n_people, n_passports, seed;
  char     *text;      /* the words or options above as checked text */
  char     *unit_code;
  char     *status_text;
} opt = { .limit = 50, .seed = 1 };

void
dn_cli_database_clear (void)
{
  char **const texts[] = { &opt.unit, &opt.status, &opt.text, &opt.unit_code, &opt.status_text };

  clear_texts (texts, G_N_ELEMENTS (texts));
  /* the units and delegation commands of the table */
  dn_cli_units_clear ();
  dn_cli_delegations_clear ();
}

static gboolean
run_init (Run *run, GError **error)
{
  out (_("Database ready: %s (version %d)\n"), dn_store_get_path (run->store), dn_store_get_schema_version (run->store));
  return TRUE;
}

static const GOptionEntry check_options[] = {
  { "full", 'f', 0, G_OPTION_ARG_NONE, &opt.full,
    N_("Also check every index entry and the search index (slower; the only check that clears a damage warning)"),
    NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
run_check (Run *run, GError **error)
{
  g_autoptr(GString) report = g_string_new (NULL);

  if (!dn_store_check_depth (run->store, opt.full ? DN_STORE_CHECK_FULL : DN_STORE_CHECK_QUICK, report, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      fputs (report->str, stdout);
      err (_("The database has problems (listed above)."));
      return FALSE;
    }
  /* notes of a sound check (e.g. what a read-only database could not check) */
  fputs (report->str, stdout);
  out (_("The database is sound (version %d).\n"), dn_store_get_schema_version (run->store));
  if (!opt.full)
    out ("%s\n", _("Quick check: “check --full” also checks every index entry and the search index."));
  return TRUE;
}

static gboolean
run_demo (Run *run, GError **error)
{
  if (!dn_exchange_load_demo (run->store, error))
    return FALSE;
  out (_("Demo data loaded: %lld units, %lld people, %lld tasks.\n"),
       (long long) dn_store_count (run->store, DN_RECORD_UNIT, NULL),
       (long long) dn_store_count (run->store, DN_RECORD_PERSON, NULL),
       (long long) dn_store_count (run->store, DN_RECORD_TASK, NULL));
  return TRUE;
}

static const GOptionEntry search_options[] = {
  { "limit", 'n', 0, G_OPTION_ARG_INT, &opt.limit, N_("At most N results (default 50)"), "N" },
  { "secret", 0, 0, G_OPTION_ARG_NONE, &opt.secret, N_("List secret documents (mật and above) too"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_search (Run *run, GError **error)
{
  if (opt.limit <= 0)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("The limit must be a positive number."));
      return FALSE;
    }
  opt.text = text_argument (run->words, error);
  return opt.text != NULL;
}

static gboolean
run_search (Run *run, GError **error)
{
  g_autoptr(GPtrArray) hits = dn_store_search (run->store, opt.text, (guint) opt.limit, error);

  if (hits == NULL)
    return FALSE;
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];
      g_autofree char *title = NULL;

      /* as in the lists: secret documents only when asked */
      if (hit->secret && !opt.secret)
        continue;
      title = tsv_field (hit->title);
      if (hit->kind == DN_RECORD_ATTACHMENT)
        {
          /* a page of an attached file: where, and the words around */
          g_autofree char *snippet = tsv_field (hit->detail);

          out ("%s\t%s:%d\t%s — %s\n", dn_record_kind_to_string (hit->kind), hit->sha256, hit->page, title, snippet);
        }
      else
        out ("%s\t%" G_GINT64_FORMAT "\t%s\n", dn_record_kind_to_string (hit->kind), hit->id, title);
    }
  return TRUE;
}

static const GOptionEntry tasks_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &opt.unit, N_("Tasks the unit (or one of its sub-units) leads or supports"), N_("CODE") },
  { "status", 's', 0, G_OPTION_ARG_FILENAME, &opt.status, N_("open, in_progress, done or cancelled"), "S" },
  { "overdue", 'o', 0, G_OPTION_ARG_NONE, &opt.overdue, N_("Only tasks past their due date and not finished"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_tasks (Run *run, GError **error)
{
  DnStatus status;

  if (!text_option (opt.unit, &opt.unit_code, error) || !text_option (opt.status, &opt.status_text, error))
    return FALSE;
  if (opt.status_text != NULL && !dn_status_from_string (opt.status_text, &status))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, opt.status_text,
                         _("Unknown status “%s”: use open, in_progress, done or cancelled."));
  return TRUE;
}

static gboolean
print_task (DnTask    *task,
            gpointer   user_data,
            GError   **error)
{
  g_autofree char *due = g_date_valid (&task->due_date) ? dn_date_format_iso (&task->due_date) : g_strdup ("");
  g_autofree char *title = tsv_field (task->title);
  g_autofree char *lead = tsv_field (task->lead_unit_code);

  out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", task->id, due, dn_status_to_string (task->status), lead, title);
  return TRUE;
}

gboolean
dn_cli_tasks_query (Run      *run,
                    gpointer  query,
                    GError  **error)
{
  DnTaskQuery *q = query;
  DnStatus status;

  dn_task_query_init (q);
  if (opt.status_text != NULL && dn_status_from_string (opt.status_text, &status))
    q->status = (int) status;
  q->overdue = opt.overdue;
  q->include_sub_units = TRUE;
  return resolve_unit (run->store, opt.unit_code, &q->unit_id, error);
}

static gboolean
run_tasks (Run *run, GError **error)
{
  DnTaskQuery query;

  if (!dn_cli_tasks_query (run, &query, error))
    return FALSE;
  return dn_store_foreach_task (run->store, &query, print_task, NULL, error);
}

static const GOptionEntry people_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &opt.unit, N_("Only the staff of this unit"), N_("CODE") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_people (Run *run, GError **error)
{
  return text_option (opt.unit, &opt.unit_code, error);
}

static GPtrArray *
read_people (Run           *run,
             gconstpointer  unit_id,
             gpointer       after,
             guint          limit,
             GError       **error)
{
  return dn_store_list_people (run->store, *(const gint64 *) unit_id, after, limit, error);
}

static void
print_person (gpointer record)
{
  DnPerson *person = record;
  g_autofree char *full_name = dn_person_dup_full_name (person);
  g_autofree char *name = tsv_field (full_name);
  g_autofree char *unit = tsv_field (person->unit_code);
  g_autofree char *position = tsv_field (person->position);

  out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", person->id, name, unit, position);
}

static gboolean
run_people (Run *run, GError **error)
{
  gint64 unit_id = 0;

  if (!resolve_unit (run->store, opt.unit_code, &unit_id, error))
    return FALSE;
  return print_pages (run, read_people, &unit_id, 500, print_person, error);
}

static gboolean
run_export (Run *run, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (run->words[0]);

  return dn_exchange_export (run->store, file, NULL, error);
}

static gboolean
run_import (Run *run, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (run->words[0]);

  return dn_exchange_import (run->store, file, NULL, error);
}

static const GOptionEntry generate_options[] = {
  { "tasks", 0, 0, G_OPTION_ARG_INT, &opt.n_tasks, N_("Number of tasks"), "N" },
  { "delegations", 0, 0, G_OPTION_ARG_INT, &opt.n_delegations, N_("Number of delegations"), "N" },
  { "people", 0, 0, G_OPTION_ARG_INT, &opt.n_people, N_("Number of people"), "N" },
  { "passports", 0, 0, G_OPTION_ARG_INT, &opt.n_passports, N_("Number of passports (of the people, with their hand-outs)"), "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt.seed, N_("Random seed (same seed, same data)"), "S" },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_generate (Run *run, GError **error)
{
  int counts[] = { opt.n_tasks, opt.n_delegations, opt.n_people, opt.n_passports };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] < 0 || counts[i] > 10000000)
      {
        g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE, _("Counts must be between 0 and 10 000 000."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
run_generate (Run *run, GError **error)
{
  if (!dn_generate (run->store, (guint) opt.n_tasks, (guint) opt.n_delegations, (guint) opt.n_people,
                    (guint32) opt.seed, error) ||
      !dn_generate_passports (run->store, (guint) opt.n_passports, (guint32) opt.seed, error))
    return FALSE;
  out (_("Generated %d tasks, %d delegations, %d people.\n"), opt.n_tasks, opt.n_delegations, opt.n_people);
  if (opt.n_passports > 0)
    out (g_dngettext (GETTEXT_PACKAGE, "Generated %d passport.\n", "Generated %d passports.\n", (gulong) opt.n_passports),
         opt.n_passports);
  return TRUE;
}

/* backup and restore: the work runs in a thread while the main loop waits
 * for it, so that Ctrl+C cancels it cleanly (no partial file, the data
 * unchanged); the progress goes to stderr when it is a terminal. */
typedef struct
{
  Run          *run;
  gboolean      restore;
  const char   *label;      /* before the percentage */
  gboolean      show;       /* stderr is a terminal */
  int           percent;    /* last shown, -1: none yet */
  GCancellable *cancellable;
  GMainLoop    *loop;
  gboolean      ok;
  char         *saved;      /* restore: where the replaced data went */
  GError       *error;
} CopyJob;

static void
copy_progress (double   fraction,
               gpointer user_data)
{
  CopyJob *job = user_data;
  int percent = (int) (fraction * 100);

  if (!job->show || percent == job->percent)
    return;
  job->percent = percent;
  fprintf (stderr, "\r%s %3d%%", job->label, percent);
  fflush (stderr);
}

static gpointer
copy_thread (gpointer data)
{
  CopyJob *job = data;

  if (job->restore)
    job->ok = dn_store_restore (job->run->store, job->run->words[0], &job->saved, copy_progress, job,
                                job->cancellable, &job->error);
  else
    job->ok = dn_store_backup (job->run->store, job->run->words[0], copy_progress, job, job->cancellable,
                               &job->error);
  /* quit from the loop itself: it may not be running yet */
  g_idle_add_once ((GSourceOnceFunc) g_main_loop_quit, job->loop);
  return NULL;
}

#ifdef G_OS_UNIX
static gboolean
copy_interrupted (gpointer data)
{
  g_cancellable_cancel (((CopyJob *) data)->cancellable);
  return G_SOURCE_CONTINUE;
}
#endif

static gboolean
run_copy (Run      *run,
          gboolean  restore,
          GError  **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  CopyJob job = { run, restore, restore ? _("Restoring…") : _("Backing up…"), isatty (fileno (stderr)), -1,
                  cancellable, loop, FALSE, NULL, NULL };
  g_autofree char *shown = dn_text_escape_for_display (run->words[0], -1);
  GThread *thread;
#ifdef G_OS_UNIX
  guint interrupt = g_unix_signal_add (SIGINT, copy_interrupted, &job);
#endif

  thread = g_thread_new ("copy", copy_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);
#ifdef G_OS_UNIX
  g_source_remove (interrupt);
#endif
  if (job.percent >= 0)
    fputc ('\n', stderr);
  if (!job.ok)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&job.error);
          g_set_error_literal (&job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled: nothing was changed."));
        }
      g_propagate_error (error, job.error);
      return FALSE;
    }
  if (restore)
    {
      g_autofree char *saved = dn_text_escape_for_display (job.saved, -1);
      out (_("Restored from “%s”. The data it replaced was saved to “%s”.\n"), shown, saved);
      g_free (job.saved);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (run->words[0]);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                     NULL, NULL);
      g_autofree char *size = g_format_size (info != NULL ? g_file_info_get_size (info) : 0);
      out (_("Backup written to “%s” (%s).\n"), shown, size);
    }
  return TRUE;
}

static gboolean
run_backup (Run *run, GError **error)
{
  return run_copy (run, FALSE, error);
}

static gboolean
run_restore (Run *run, GError **error)
{
  return run_copy (run, TRUE, error);
}

static const Words one_file = { 1, 1, N_("Give one file name.") };
static const Words some_text = { 1, -1, N_("Say what to search for.") };
static const Words units_words = { 0, 3, N_("Too many arguments.") };
static const Words settings_words = { 0, 2, N_("Too many arguments.") };
static const Words delegation_id = { 1, 1, N_("Give the delegation's number.") };
static const Words delegation_change = { 2, 2, N_("Give the delegation's number and the change: approve, depart, return, report or cancel.") };

const Command dn_cli_database_commands[] = {
  { "init", N_("Create the database or bring it to the current version"),
    N_("Create the database, or bring it to the current version."),
    NULL, NULL, &no_words, NULL, DN_STORE_OPEN_DEFAULT, run_init },
  { "check", N_("Check integrity and schema (exit 0 only when sound)"),
    N_("Check the integrity and the version of the database. Exit status 0 only when it is sound."),
    NULL, check_options, &no_words, NULL, DN_STORE_OPEN_NO_MIGRATE, run_check },
  { "demo", N_("Load the demo data into an empty database"),
    N_("Load the demo data into an empty database."),
    NULL, NULL, &no_words, NULL, DN_STORE_OPEN_DEFAULT, run_demo },
  { "search", N_("Search all records, ignoring accents"),
    N_("Search every record, ignoring accents. One hit per line: KIND, ID, TITLE; best first. "
       "Then pages of attached PDF files: “attachment”, HASH:PAGE, FILE NAME — the words around."),
    N_("TEXT"), search_options, &some_text, check_search, DN_STORE_OPEN_NO_CREATE, run_search },
  { "tasks", N_("List tasks"),
    N_("List tasks by due date, one per line: ID, DUE, STATUS, LEAD-UNIT-CODE, TITLE."),
    NULL, tasks_options, &no_words, check_tasks, DN_STORE_OPEN_NO_CREATE, run_tasks },
  { "people", N_("List staff in Vietnamese order"),
    N_("List staff in Vietnamese order (given name, middle name, family name), "
       "one per line: ID, FULL NAME, UNIT-CODE, POSITION."),
    NULL, people_options, &no_words, check_people, DN_STORE_OPEN_NO_CREATE, run_people },
  { "units", N_("List the unit tree; merge or rename units"),
    N_("List the unit tree, depth first, siblings in Vietnamese order, one per line: CODE, PARENT-CODE, KIND, NAME.\n"
       "“units merge FROM_CODE INTO_CODE” moves the tasks, staff and history of a unit to another and archives it.\n"
       "“units rename CODE --name NAME --from YYYY-MM-DD” renames a unit from that day on; "
       "reports of earlier days keep the old name."),
    N_("[merge FROM_CODE INTO_CODE | rename CODE]"), dn_cli_units_options, &units_words, dn_cli_check_units,
    DN_STORE_OPEN_NO_CREATE, dn_cli_run_units },
  { "settings", N_("List the department's rules, or change one"),
    N_("List the department's rules an officer may change, one per line: KEY, VALUE, DEFAULT, RANGE, WHAT IT IS.\n"
       "“settings KEY VALUE” changes one (the default value removes the change)."),
    N_("[KEY VALUE]"), NULL, &settings_words, dn_cli_check_settings, DN_STORE_OPEN_DEFAULT, dn_cli_run_settings },
  { "delegations", N_("List outbound and inbound delegations"),
    N_("List delegations, newest first, one per line: ID, DIRECTION (out/in), START, END, STATUS, COUNTRIES, "
       "MEMBERS, TITLE."),
    NULL, dn_cli_delegations_options, &no_words, dn_cli_check_delegations, DN_STORE_OPEN_NO_CREATE,
    dn_cli_run_delegations },
  { "delegation-add", N_("Add an outbound or inbound delegation"),
    N_("Add a delegation, proposed; prints its number. A local limit passed is refused unless --confirm."),
    NULL, dn_cli_delegation_add_options, &no_words, dn_cli_check_delegation_add, DN_STORE_OPEN_NO_CREATE,
    dn_cli_run_delegation_add },
  { "delegation-member", N_("Add a member (one of the staff) or a guest to a delegation"),
    N_("Add one of the staff (with role and passport) to an outbound delegation, or a guest to an inbound one; "
       "prints the member's number."),
    N_("DELEGATION-ID"), dn_cli_delegation_member_options, &delegation_id, dn_cli_check_delegation_member,
    DN_STORE_OPEN_NO_CREATE, dn_cli_run_delegation_member },
  { "delegation-status", N_("Approve, depart, return, report or cancel a delegation"),
    N_("Move a delegation on: approve (needs its decision), depart, return (sets the day the results report is "
       "due), report (the results report came), cancel. Prints ID, STATUS, REPORT-DUE."),
    N_("ID approve|depart|return|report|cancel"), dn_cli_delegation_status_options, &delegation_change,
    dn_cli_check_delegation_status, DN_STORE_OPEN_NO_CREATE, dn_cli_run_delegation_status },
  { "export", N_("Write the whole database to a JSON file"),
    N_("Write the whole database to a JSON file."),
    N_("FILE.json"), NULL, &one_file, NULL, DN_STORE_OPEN_NO_CREATE, run_export },
  { "import", N_("Read a JSON export into an empty database"),
    N_("Read a JSON export into an empty database. A bad file is refused and the database left unchanged."),
    N_("FILE.json"), NULL, &one_file, NULL, DN_STORE_OPEN_DEFAULT, run_import },
  { "generate", N_("Fill the database with synthetic data for benchmarks"),
    N_("Fill the database with realistic synthetic data, for benchmarks."),
    NULL, generate_options, &no_words, check_generate, DN_STORE_OPEN_DEFAULT, run_generate },
  { "backup", N_("Copy the whole database to a file, even while it is in use"),
    N_("Copy the whole database to a file (checked, then put in place), even while the application is using it."),
    N_("FILE"), NULL, &one_file, NULL, DN_STORE_OPEN_NO_CREATE, run_backup },
  { "restore", N_("Replace the whole database by a backup"),
    N_("Replace the whole database by a backup. The file is checked first: a damaged, newer or foreign file is "
       "refused and nothing changes. The replaced data is saved beside the database (.before-restore)."),
    N_("FILE"), NULL, &one_file, NULL, DN_STORE_OPEN_DEFAULT, run_restore },
};

const guint dn_cli_n_database_commands = G_N_ELEMENTS (dn_cli_database_commands);
