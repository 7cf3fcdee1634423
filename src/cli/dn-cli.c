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

#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-generator.h"
#include "dn-i18n.h"
#include "dn-store.h"
#include "dn-text.h"

#define EXIT_USAGE 2

static char *db_path;

/* Output is UTF-8 whatever the locale: it is read by programs and pipes. */
static void
out (const char *format, ...) G_GNUC_PRINTF (1, 2);
static void
out (const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stdout);
}

static void
err (const char *format, ...) G_GNUC_PRINTF (1, 2);
static void
err (const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stderr);
  fputc ('\n', stderr);
}

static int
fail (GError *error)
{
  err ("doingoai-cli: %s", error->message);
  return EXIT_FAILURE;
}

static int
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

/* Parses command options; FALSE (after printing) on a usage error. */
static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

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
  return store;
}

/* Text from the command line, as UTF-8 in NFC: the one place where a
 * command's words are checked. NULL (after a usage error) when they are not
 * text in the locale's encoding. */
static char *
text_argument (GOptionContext  *context,
               char           **words)
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
      g_autofree char *message = g_strdup_printf (_("“%s” is not valid text (UTF-8)."), shown);
      usage_error (context, message);
    }
  return text;
}

/* An option's value through text_argument(); NULL stays NULL. */
static gboolean
text_option (const char  *raw,
             char       **text)
{
  char *words[] = { (char *) raw, NULL };

  *text = NULL;
  if (raw == NULL)
    return TRUE;
  *text = text_argument (NULL, words);
  return *text != NULL;
}

static char *
tsv_field (const char *text)
{
  /* a field never breaks the line or the columns */
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  return g_strdelimit (g_steal_pointer (&copy), "\t\r\n", ' ');
}

/*
 * Commands
 */

static int
cmd_init (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;

  g_option_context_set_summary (context, _("Create the database, or bring it to the current version."));
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));
  store = open_store (DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  out (_("Database ready: %s (version %d)\n"), dn_store_get_path (store), dn_store_get_schema_version (store));
  return EXIT_SUCCESS;
}

static int
cmd_check (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  g_option_context_set_summary (context, _("Check the integrity and the version of the database. "
                                           "Exit status 0 only when it is sound."));
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));
  store = open_store (DN_STORE_OPEN_NO_MIGRATE, &error);
  if (store == NULL)
    return fail (error);
  if (!dn_store_check (store, report, &error))
    {
      if (error != NULL)
        return fail (error);
      fputs (report->str, stdout);
      err (_("The database has problems (listed above)."));
      return EXIT_FAILURE;
    }
  /* notes of a sound check (e.g. what a read-only database could not check) */
  fputs (report->str, stdout);
  out (_("The database is sound (version %d).\n"), dn_store_get_schema_version (store));
  return EXIT_SUCCESS;
}

static int
cmd_demo (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;

  g_option_context_set_summary (context, _("Load the demo data into an empty database."));
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));
  store = open_store (DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !dn_exchange_load_demo (store, &error))
    return fail (error);
  out (_("Demo data loaded: %lld units, %lld people, %lld tasks.\n"),
       (long long) dn_store_count (store, DN_RECORD_UNIT, NULL), (long long) dn_store_count (store, DN_RECORD_PERSON, NULL),
       (long long) dn_store_count (store, DN_RECORD_TASK, NULL));
  return EXIT_SUCCESS;
}

static int
cmd_search (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("TEXT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *text = NULL;
  int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 50)"), "N" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Search every record, ignoring accents. "
                                           "One hit per line: KIND, ID, TITLE; best first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    return usage_error (context, _("Say what to search for."));
  if (limit <= 0)
    return usage_error (context, _("The limit must be a positive number."));
  text = text_argument (NULL, argv + 1);
  if (text == NULL)
    return EXIT_USAGE;
  store = open_store (DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return fail (error);
  hits = dn_store_search (store, text, (guint) limit, &error);
  if (hits == NULL)
    return fail (error);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];
      g_autofree char *title = tsv_field (hit->title);
      out ("%s\t%" G_GINT64_FORMAT "\t%s\n", dn_record_kind_to_string (hit->kind), hit->id, title);
    }
  return EXIT_SUCCESS;
}

static gboolean
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

static int
cmd_tasks (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autofree char *raw_unit = NULL;
  g_autofree char *raw_status = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *status = NULL;
  gboolean overdue = FALSE;
  DnTaskQuery query;
  DnStatus status_value;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &raw_unit, N_("Tasks the unit (or one of its sub-units) leads or supports"), N_("CODE") },
    { "status", 's', 0, G_OPTION_ARG_FILENAME, &raw_status, N_("open, in_progress, done or cancelled"), "S" },
    { "overdue", 'o', 0, G_OPTION_ARG_NONE, &overdue, N_("Only tasks past their due date and not finished"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List tasks by due date, one per line: ID, DUE, STATUS, LEAD-UNIT-CODE, TITLE."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));

  if (!text_option (raw_unit, &unit_code) || !text_option (raw_status, &status))
    return EXIT_USAGE;

  dn_task_query_init (&query);
  if (status != NULL)
    {
      if (!dn_status_from_string (status, &status_value))
        {
          g_autofree char *shown = dn_text_escape_for_display (status, 40);
          g_autofree char *message = g_strdup_printf (_("Unknown status “%s”: use open, in_progress, done or cancelled."), shown);
          return usage_error (NULL, message);
        }
      query.status = (int) status_value;
    }
  query.overdue = overdue;
  query.include_sub_units = TRUE;

  store = open_store (DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL || !resolve_unit (store, unit_code, &query.unit_id, &error))
    return fail (error);

  for (guint offset = 0;; offset += 500)
    {
      g_autoptr(GPtrArray) tasks = dn_store_list_tasks (store, &query, offset, 500, &error);

      if (tasks == NULL)
        return fail (error);
      for (guint i = 0; i < tasks->len; i++)
        {
          DnTask *task = tasks->pdata[i];
          g_autofree char *due = g_date_valid (&task->due_date) ? dn_date_format_iso (&task->due_date) : g_strdup ("");
          g_autofree char *title = tsv_field (task->title);
          g_autofree char *lead = tsv_field (task->lead_unit_code);

          out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", task->id, due, dn_status_to_string (task->status),
               lead, title);
        }
      if (tasks->len < 500)
        break;
    }
  return EXIT_SUCCESS;
}

static int
cmd_people (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autofree char *raw_unit = NULL;
  g_autofree char *unit_code = NULL;
  gint64 unit_id = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &raw_unit, N_("Only the staff of this unit"), N_("CODE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("List staff in Vietnamese order (given name, middle name, family name), "
                                           "one per line: ID, FULL NAME, UNIT-CODE, POSITION."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));
  if (!text_option (raw_unit, &unit_code))
    return EXIT_USAGE;
  store = open_store (DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL || !resolve_unit (store, unit_code, &unit_id, &error))
    return fail (error);

  for (guint offset = 0;; offset += 500)
    {
      g_autoptr(GPtrArray) people = dn_store_list_people (store, unit_id, offset, 500, &error);

      if (people == NULL)
        return fail (error);
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
        break;
    }
  return EXIT_SUCCESS;
}

static int
cmd_units (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GPtrArray) units = NULL;
  gboolean archived = FALSE;
  GOptionEntry entries[] = {
    { "archived", 'a', 0, G_OPTION_ARG_NONE, &archived, N_("Include archived units"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List the unit tree, depth first, siblings in Vietnamese order, "
                                           "one per line: CODE, PARENT-CODE, KIND, NAME."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));
  store = open_store (DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return fail (error);
  units = dn_store_list_unit_tree (store, archived, &error);
  if (units == NULL)
    return fail (error);
  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = units->pdata[i];
      g_autofree char *code = tsv_field (unit->code);
      g_autofree char *parent_code = tsv_field (unit->parent_code);
      g_autofree char *name = tsv_field (unit->name);
      out ("%s\t%s\t%s\t%s\n", code, parent_code, dn_unit_kind_to_string (unit->kind), name);
    }
  return EXIT_SUCCESS;
}

static int
cmd_export (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GFile) file = NULL;

  g_option_context_set_summary (context, _("Write the whole database to a JSON file."));
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error (context, _("Give one file name."));
  store = open_store (DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    return fail (error);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!dn_exchange_export (store, file, NULL, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static int
cmd_import (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GFile) file = NULL;

  g_option_context_set_summary (context, _("Read a JSON export into an empty database. "
                                           "A bad file is refused and the database left unchanged."));
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return usage_error (context, _("Give one file name."));
  store = open_store (DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!dn_exchange_import (store, file, NULL, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static int
cmd_generate (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  int n_tasks = 0, n_delegations = 0, n_people = 0, seed = 1;
  GOptionEntry entries[] = {
    { "tasks", 0, 0, G_OPTION_ARG_INT, &n_tasks, N_("Number of tasks"), "N" },
    { "delegations", 0, 0, G_OPTION_ARG_INT, &n_delegations, N_("Number of delegations"), "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, N_("Number of people"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (same seed, same data)"), "S" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Fill the database with realistic synthetic data, for benchmarks."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("Too many arguments."));
  if (n_tasks < 0 || n_delegations < 0 || n_people < 0 || n_tasks > 10000000 || n_delegations > 10000000 || n_people > 10000000)
    return usage_error (context, _("Counts must be between 0 and 10 000 000."));
  store = open_store (DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !dn_generate (store, (guint) n_tasks, (guint) n_delegations, (guint) n_people, (guint32) seed, &error))
    return fail (error);
  out (_("Generated %d tasks, %d delegations, %d people.\n"), n_tasks, n_delegations, n_people);
  return EXIT_SUCCESS;
}

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "init", cmd_init, N_("Create the database or bring it to the current version") },
  { "check", cmd_check, N_("Check integrity and schema (exit 0 only when sound)") },
  { "demo", cmd_demo, N_("Load the demo data into an empty database") },
  { "search", cmd_search, N_("Search all records, ignoring accents") },
  { "tasks", cmd_tasks, N_("List tasks") },
  { "people", cmd_people, N_("List staff in Vietnamese order") },
  { "units", cmd_units, N_("List the unit tree") },
  { "export", cmd_export, N_("Write the whole database to a JSON file") },
  { "import", cmd_import, N_("Read a JSON export into an empty database") },
  { "generate", cmd_generate, N_("Fill the database with synthetic data for benchmarks") },
};

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Database file (default: in the user data folder)"), N_("PATH") },
    { NULL }
  };

  dn_i18n_init ();

  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Đối Ngoại: external affairs of education departments, from the command line."));
  g_string_append (description, _("Commands:"));
  g_string_append_c (description, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (description, "\n%s", _("“doingoai-cli COMMAND --help” tells more about a command."));
  g_option_context_set_description (context, description->str);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (argc < 2)
    return usage_error (context, _("Say which command to run."));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        int status = commands[i].run (argc - 1, argv + 1);
        g_free (db_path);
        return status;
      }

  {
    g_autofree char *shown = dn_text_escape_for_display (argv[1], 40);
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), shown);
    return usage_error (context, message);
  }
}
