/* dn-cli.c: doingoai-cli, the headless tool
 *
 * doingoai-cli [--db PATH] COMMAND [OPTIONS]
 * Errors go to stderr, translated; exit 1 on error, 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-generator.h"
#include "dn-i18n.h"
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

static char *db_path;
static char *today_text;
static char *officer;   /* checked text, or NULL */

void
say (FILE       *stream,
     gboolean    line,
     const char *format,
     ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stream);
  if (line)
    fputc ('\n', stream);
}
static int
fail (GError *error)
{
  err ("doingoai-cli: %s", error->message);
  return EXIT_FAILURE;
}

int
usage_error (GOptionContext *context,
             const char     *message)
{
  err ("doingoai-cli: %s", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fputs (help, stderr);
    }
  return EXIT_USAGE;
}

G_DEFINE_QUARK (dn-cli-error-quark, cli_error)

static DnStore *
open_store (DnStoreOpenFlags   flags,
            GError           **error)
{
  g_autofree char *path = db_path != NULL ? g_strdup (db_path) : dn_store_default_path ();
  DnStore *store = dn_store_open (path, flags, error);

  if (store != NULL && dn_store_get_warning (store) != NULL)
    err (_("Warning: %s"), dn_store_get_warning (store));
  /* damage found earlier by "check" (or met by a command): said on every
   * command until a check finds the database sound */
  if (store != NULL && dn_store_get_damage (store) != NULL)
    err (_("Warning: %s"), dn_store_get_damage (store));
  /* who extensions, reminders and the audit log name */
  if (store != NULL && officer != NULL)
    dn_store_set_actor (store, officer);
  return store;
}

/* Text from the command line, as UTF-8 in NFC: the one place where a
 * command's words are checked. NULL (with a brief usage error) when they
 * are not text in the locale's encoding. */
char *
text_argument (char    **words,
               GError  **error)
{
  g_autofree char *joined = g_strjoinv (" ", words);
  g_autofree char *utf8 = NULL;
  char *text;

  /* UTF-8 whatever the locale says (a terminal under LC_ALL=C still sends
   * it); otherwise text in the locale's own encoding */
  if (g_utf8_validate (joined, -1, NULL))
    utf8 = g_strdup (joined);
  else if (!g_get_charset (NULL))
    utf8 = g_locale_to_utf8 (joined, -1, NULL, NULL, NULL);
  text = utf8 != NULL ? dn_text_normalize (utf8, -1, FALSE) : NULL;
  if (text == NULL)
    {
      g_autofree char *shown = dn_text_escape_for_display (joined, 80);
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE_BRIEF, _("“%s” is not valid text (UTF-8)."), shown);
    }
  return text;
}

/* An option's value through text_argument(); NULL stays NULL. */
gboolean
text_option (const char  *raw,
             char       **text,
             GError     **error)
{
  char *words[] = { (char *) raw, NULL };

  *text = NULL;
  if (raw == NULL)
    return TRUE;
  *text = text_argument (words, error);
  return *text != NULL;
}

gboolean
take_text (const char  *raw,
           char       **field,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (raw == NULL)
    return TRUE;
  if (!text_option (raw, &text, error))
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&text);
  return TRUE;
}

gboolean
refuse_value (GError    **error,
              int         code,
              const char *value,
              const char *format)
{
  g_autofree char *shown = dn_text_escape_for_display (value, 40);

  /* @format is checked where it is written (G_GNUC_PRINTF (4, 0)) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, CLI_ERROR, code, format, shown);
#pragma GCC diagnostic pop
  return FALSE;
}

gboolean
cli_refuse (GError    **error,
            int         code,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CLI_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

gboolean
text_options (char  **const fields[],
              guint        n_fields,
              GError     **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *raw = g_steal_pointer (fields[i]);

      if (!text_option (raw, fields[i], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
date_option (const char  *raw,
             const char  *option,
             int          code,
             GDate       *date,
             GError     **error)
{
  g_autofree char *shown = NULL;

  if (raw == NULL || dn_date_parse_user (raw, date))
    return TRUE;
  shown = dn_text_escape_for_display (raw, 40);
  return cli_refuse (error, code,
                     _("%s: “%s” is not a date. Write the day, month and year, for example 30/6/2024 or 2024-06-30."),
                     option, shown);
}

gboolean
parse_id (const char *raw,
          gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (raw, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

char *
tsv_field (const char *text)
{
  /* a field never breaks the line or the columns */
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  return g_strdelimit (g_steal_pointer (&copy), "\t\r\n", ' ');
}

gboolean
resolve_unit (DnStore     *store,
              const char  *code,
              gint64      *id,
              GError     **error)
{
  g_autoptr(DnUnit) unit = NULL;

  *id = 0;
  if (code == NULL)
    return TRUE;
  unit = dn_store_find_unit (store, code, error);
  if (unit == NULL)
    return FALSE;
  *id = unit->id;
  return TRUE;
}

/*
 * Commands: entries of commands[] (see dn-cli.h), their options read into
 * opt
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

static void
opt_clear (void)
{
  g_clear_pointer (&opt.unit, g_free);
  g_clear_pointer (&opt.status, g_free);
  g_clear_pointer (&opt.text, g_free);
  g_clear_pointer (&opt.unit_code, g_free);
  g_clear_pointer (&opt.status_text, g_free);
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

static gboolean
run_tasks (Run *run, GError **error)
{
  DnTaskQuery query;
  DnStatus status;

  dn_task_query_init (&query);
  if (opt.status_text != NULL && dn_status_from_string (opt.status_text, &status))
    query.status = (int) status;
  query.overdue = opt.overdue;
  query.include_sub_units = TRUE;
  if (!resolve_unit (run->store, opt.unit_code, &query.unit_id, error))
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

static gboolean
run_people (Run *run, GError **error)
{
  gint64 unit_id = 0;

  if (!resolve_unit (run->store, opt.unit_code, &unit_id, error))
    return FALSE;
  /* pages by key: each page starts after the last person of the one before */
  for (g_autoptr(DnPerson) last = NULL;;)
    {
      g_autoptr(GPtrArray) people = dn_store_list_people (run->store, unit_id, last, 500, error);

      if (people == NULL)
        return FALSE;
      for (guint i = 0; i < people->len; i++)
        {
          DnPerson *person = people->pdata[i];
          g_autofree char *full_name = dn_person_dup_full_name (person);
          g_autofree char *name = tsv_field (full_name);
          g_autofree char *unit = tsv_field (person->unit_code);
          g_autofree char *position = tsv_field (person->position);

          out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", person->id, name, unit, position);
        }
      if (people->len < 500)
        return TRUE;
      g_set_object (&last, people->pdata[people->len - 1]);
    }
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

static const Words no_words = { 0, 0, N_("Too many arguments.") };
static const Words one_file = { 1, 1, N_("Give one file name.") };
static const Words some_text = { 1, -1, N_("Say what to search for.") };
static const Words units_words = { 0, 3, N_("Too many arguments.") };
static const Words settings_words = { 0, 2, N_("Too many arguments.") };
static const Words delegation_id = { 1, 1, N_("Give the delegation's number.") };
static const Words delegation_change = { 2, 2, N_("Give the delegation's number and the change: approve, depart, return, report or cancel.") };

static const Command commands[] = {
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

/* The commands of each area, in their own files, after those above */
static const struct
{
  const Command *commands;
  const guint   *n;
} command_groups[] = {
  { dn_cli_passport_commands, &dn_cli_n_passport_commands },
  { dn_cli_partner_commands, &dn_cli_n_partner_commands },
  { dn_cli_document_commands, &dn_cli_n_document_commands },
  { dn_cli_text_commands, &dn_cli_n_text_commands },
  { dn_cli_pdf_commands, &dn_cli_n_pdf_commands },
  { dn_cli_proposal_commands, &dn_cli_n_proposal_commands },
  { dn_cli_attach_commands, &dn_cli_n_attach_commands },
};

int
run_command (const Command  *command,
             int             argc,
             char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  Run run;

  context = g_option_context_new (command->parameter != NULL ? _(command->parameter) : NULL);
  g_option_context_set_summary (context, _(command->help));
  if (command->options != NULL)
    g_option_context_add_main_entries (context, command->options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  run.words = argv + 1;
  run.n_words = argc - 1;
  run.store = NULL;
  if (run.n_words < command->words->min || (command->words->max >= 0 && run.n_words > command->words->max))
    return usage_error (context, _(command->words->message));
  if (command->check != NULL && !command->check (&run, &error))
    return usage_error (error->code == CLI_ERROR_USAGE ? context : NULL, error->message);

  if (command->no_database)
    return command->run (&run, &error) ? EXIT_SUCCESS : error != NULL ? fail (error) : EXIT_FAILURE;
  store = open_store (command->open_flags, &error);
  if (store == NULL)
    return fail (error);
  run.store = store;
  if (!command->run (&run, &error))
    return error != NULL ? fail (error) : EXIT_FAILURE;
  return EXIT_SUCCESS;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *officer_raw = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Database file (default: in the user data folder)"), N_("PATH") },
    { "today", 0, 0, G_OPTION_ARG_FILENAME, &today_text,
      N_("The day “overdue” is judged on (default: today in Vietnam, UTC+7)"), N_("YYYY-MM-DD") },
    { "officer", 0, 0, G_OPTION_ARG_FILENAME, &officer_raw,
      N_("The officer named on extensions, reminders and in the change log (default: the login name)"),
      N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  dn_i18n_init ();

  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Đối Ngoại: external affairs of education departments, from the command line."));
  g_string_append (description, _("Commands:"));
  g_string_append_c (description, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  for (guint g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (guint i = 0; i < *command_groups[g].n; i++)
      g_string_append_printf (description, "  %-10s %s\n", command_groups[g].commands[i].name,
                              _(command_groups[g].commands[i].summary));
  g_string_append_printf (description, "  %-10s %s\n", "task",
                          _("Add a task, extend, report progress, remind, pass down, mark done, show one"));
  g_string_append_printf (description, "\n%s", _("“doingoai-cli COMMAND --help” tells more about a command."));
  g_option_context_set_description (context, description->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say which command to run."));
  if (today_text != NULL)
    {
      g_autofree char *today = g_steal_pointer (&today_text);
      GDate day;

      if (!dn_date_parse_iso (today, &day))
        {
          g_autofree char *shown = dn_text_escape_for_display (today, 40);
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write --today YYYY-MM-DD."), shown);
          return usage_error (NULL, message);
        }
      dn_date_set_today (&day);
    }
  if (officer_raw != NULL)
    {
      if (!text_option (officer_raw, &officer, &error))
        return usage_error (NULL, error->message);
      g_strstrip (officer);
      if (officer[0] == '\0')
        return usage_error (NULL, _("Give the officer's name after --officer."));
    }

  if (g_str_equal (argv[1], "task"))
    {
      int status = dn_cli_task_main (argc - 1, argv + 1);
      g_free (officer);
      g_free (db_path);
      return status;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        int status = run_command (&commands[i], argc - 1, argv + 1);
        opt_clear ();
        g_free (officer);
        g_free (db_path);
        return status;
      }

  for (guint g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (guint i = 0; i < *command_groups[g].n; i++)
      if (g_str_equal (argv[1], command_groups[g].commands[i].name))
        {
          int status = run_command (&command_groups[g].commands[i], argc - 1, argv + 1);
          g_free (officer);
          g_free (db_path);
          return status;
        }

  {
    g_autofree char *shown = dn_text_escape_for_display (argv[1], 40);
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), shown);
    return usage_error (context, message);
  }
}
