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

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-i18n.h"
#include "dn-store.h"
#include "dn-text.h"

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

/* The commands, area by area, in the order of the help: those of the
 * database as a whole first (with the units, settings and delegation
 * commands), then each area's, in their own files. @clear, when set, frees
 * the options a group's commands read. */
static const struct
{
  const Command *commands;
  const guint   *n;
  void         (*clear) (void);
} command_groups[] = {
  { dn_cli_database_commands, &dn_cli_n_database_commands, dn_cli_database_clear },
  { dn_cli_passport_commands, &dn_cli_n_passport_commands, dn_cli_passports_clear },
  { dn_cli_partner_commands, &dn_cli_n_partner_commands, dn_cli_partners_clear },
  { dn_cli_document_commands, &dn_cli_n_document_commands, dn_cli_documents_clear },
  { dn_cli_text_commands, &dn_cli_n_text_commands, NULL },
  { dn_cli_pdf_commands, &dn_cli_n_pdf_commands, NULL },
  { dn_cli_proposal_commands, &dn_cli_n_proposal_commands, NULL },
  { dn_cli_attach_commands, &dn_cli_n_attach_commands, NULL },
  { dn_cli_report_commands, &dn_cli_n_report_commands, dn_cli_report_clear },
  { dn_cli_reports_commands, &dn_cli_n_reports_commands, dn_cli_reports_clear },
  { dn_cli_serve_commands, &dn_cli_n_serve_commands, dn_cli_serve_clear },
  { dn_cli_owed_commands, &dn_cli_n_owed_commands, dn_cli_owed_clear },
  { dn_cli_export_commands, &dn_cli_n_export_commands, NULL },
  { dn_cli_user_commands, &dn_cli_n_user_commands, NULL },
};

const Command *
dn_cli_find_command (const char  *name,
                     void       (**clear) (void))
{
  for (guint g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (guint i = 0; i < *command_groups[g].n; i++)
      if (g_str_equal (name, command_groups[g].commands[i].name))
        {
          if (clear != NULL)
            *clear = command_groups[g].clear;
          return &command_groups[g].commands[i];
        }
  return NULL;
}

int
run_command (const Command  *command,
             int             argc,
             char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  Run run;

  if (command->main != NULL)
    return command->main (argc, argv);
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

  for (guint g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (guint i = 0; i < *command_groups[g].n; i++)
      if (g_str_equal (argv[1], command_groups[g].commands[i].name))
        {
          int status = run_command (&command_groups[g].commands[i], argc - 1, argv + 1);
          if (command_groups[g].clear != NULL)
            command_groups[g].clear ();
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
