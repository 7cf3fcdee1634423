/* dn-cli-users.c: the accounts of the department server, from doingoai-cli
 *
 * doingoai-cli [--db PATH] user add NAME --unit CODE --role ROLE
 *                          user passwd NAME
 *                          user disable NAME | user enable NAME
 *                          user list
 *
 * A password is read from the standard input, one line; on a terminal it
 * is asked for twice and not shown as it is typed. A refusal (unknown
 * account or unit, a name taken, a password too short…) exits 1 with the
 * reason and changes nothing; usage errors exit 2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#ifdef G_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

#include "dn-cli.h"
#include "dn-text.h"

/* the longest line read as a password, in bytes */
#define PASSWORD_LINE_MAX 4096

/* The options of the user commands, as typed; after the command's check,
 * UTF-8 in NFC. */
static struct
{
  char          *unit, *role;
  char          *name;        /* the account, after the options */
  DnAccountRole  role_value;
} uopt;

static char ** const uopt_texts[] = { &uopt.unit, &uopt.role };

static void
uopt_clear (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (uopt_texts); i++)
    g_clear_pointer (uopt_texts[i], g_free);
  g_clear_pointer (&uopt.name, g_free);
}

/* Frees @password after overwriting it. */
static void
password_free (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

typedef char *Password;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (Password, password_free, NULL)

/* One line of the standard input, without its line end; NULL with @error
 * when there is none, or it is too long or not UTF-8. */
static char *
read_line (GError **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean ended = FALSE;
  int c;

  while ((c = getc (stdin)) != EOF)
    {
      if (c == '\n')
        {
          ended = TRUE;
          break;
        }
      if (line->len >= PASSWORD_LINE_MAX)
        {
          memset (line->str, 0, line->len);
          cli_refuse (error, CLI_ERROR_REFUSED, "%s", _("The password is too long."));
          return NULL;
        }
      g_string_append_c (line, (char) c);
    }
  if (!ended && line->len == 0)
    {
      cli_refuse (error, CLI_ERROR_REFUSED, "%s", _("No password was given on the standard input."));
      return NULL;
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (!g_utf8_validate (line->str, line->len, NULL))
    {
      memset (line->str, 0, line->len);
      cli_refuse (error, CLI_ERROR_REFUSED, "%s", _("The password is not valid text (UTF-8)."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

#ifdef G_OS_UNIX
/* On a terminal: @prompt on stderr, the line read without echo. */
static char *
read_hidden (const char  *prompt,
             GError     **error)
{
  struct termios saved, quiet;
  gboolean hidden;
  char *line;

  fputs (prompt, stderr);
  fflush (stderr);
  hidden = tcgetattr (STDIN_FILENO, &saved) == 0;
  if (hidden)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      hidden = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
  line = read_line (error);
  if (hidden)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);
  return line;
}
#endif

/* The new password: from a terminal, typed twice without echo; else the
 * first line of the standard input. */
static char *
read_password (GError **error)
{
#ifdef G_OS_UNIX
  if (isatty (STDIN_FILENO))
    {
      g_auto(Password) first = read_hidden (_("New password: "), error);
      g_auto(Password) again = NULL;

      if (first == NULL)
        return NULL;
      again = read_hidden (_("The same password again: "), error);
      if (again == NULL)
        return NULL;
      if (!g_str_equal (first, again))
        {
          cli_refuse (error, CLI_ERROR_REFUSED, "%s", _("The two passwords differ: nothing was changed."));
          return NULL;
        }
      return g_steal_pointer (&first);
    }
#endif
  return read_line (error);
}

/* The account named after the options (run->words[0]). */
static gboolean
check_name (Run     *run,
            GError **error)
{
  char *words[] = { run->words[0], NULL };

  uopt.name = text_argument (words, error);
  return uopt.name != NULL && text_options (uopt_texts, G_N_ELEMENTS (uopt_texts), error);
}

static DnAccount *
find_account (Run     *run,
              GError **error)
{
  return dn_store_find_account (run->store, uopt.name, error);
}

/*
 * The commands
 */

static const GOptionEntry add_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &uopt.unit, N_("The unit the account belongs to"), N_("CODE") },
  { "role", 'r', 0, G_OPTION_ARG_FILENAME, &uopt.role, N_("admin, department, unit or reader"), N_("ROLE") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_add (Run     *run,
           GError **error)
{
  if (!check_name (run, error))
    return FALSE;
  if (uopt.role == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("The option %s is required."), "--role");
  if (!dn_account_role_from_string (uopt.role, &uopt.role_value))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, uopt.role,
                         _("Unknown role “%s”: use admin, department, unit or reader."));
  if (uopt.unit == NULL && (uopt.role_value == DN_ACCOUNT_ROLE_UNIT || uopt.role_value == DN_ACCOUNT_ROLE_READER))
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, "%s",
                       _("A unit officer or a reader belongs to a unit: give it with --unit CODE."));
  return TRUE;
}

static gboolean
run_add (Run     *run,
         GError **error)
{
  g_autoptr(DnAccount) account = dn_account_new ();
  g_auto(Password) password = NULL;

  g_free (account->name);
  account->name = g_strdup (uopt.name);
  account->role = uopt.role_value;
  if (!resolve_unit (run->store, uopt.unit, &account->unit_id, error))
    return FALSE;
  password = read_password (error);
  return password != NULL && dn_store_add_account (run->store, account, password, error);
}

/* A new password, and the account's sessions ended, in one transaction. */
static gboolean
run_passwd (Run     *run,
            GError **error)
{
  g_autoptr(DnAccount) account = find_account (run, error);
  g_auto(Password) password = NULL;
  gboolean ok;

  if (account == NULL)
    return FALSE;
  password = read_password (error);
  if (password == NULL || !dn_store_begin (run->store, error))
    return FALSE;
  ok = dn_store_set_account_password (run->store, account->id, password, error) &&
       dn_store_revoke_sessions (run->store, account->id, error);
  if (!ok)
    {
      dn_store_rollback (run->store);
      return FALSE;
    }
  return dn_store_commit (run->store, error);
}

static gboolean
set_disabled (Run      *run,
              gboolean  disabled,
              GError  **error)
{
  g_autoptr(DnAccount) account = find_account (run, error);

  return account != NULL && dn_store_set_account_disabled (run->store, account->id, disabled, error);
}

static gboolean
run_disable (Run     *run,
             GError **error)
{
  return set_disabled (run, TRUE, error);
}

static gboolean
run_enable (Run     *run,
            GError **error)
{
  return set_disabled (run, FALSE, error);
}

static gboolean
run_list (Run     *run,
          GError **error)
{
  g_autoptr(GPtrArray) accounts = dn_store_list_accounts (run->store, error);

  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      DnAccount *account = accounts->pdata[i];
      g_autofree char *name = tsv_field (account->name);
      g_autofree char *unit = tsv_field (account->unit_code);

      out ("%s\t%s\t%s\t%s\n", name, unit, dn_account_role_to_string (account->role),
           account->disabled ? "disabled" : "enabled");
    }
  return TRUE;
}

static const Words one_name = { 1, 1, N_("Give one account name.") };

static const Command user_commands[] = {
  { "add", N_("Add an account; its password is read from the standard input"),
    N_("Add an account of the department server, in a unit (required for the roles unit and reader) with a role: "
       "admin (manages the accounts, sees everything), department (sees and changes every unit's data), unit (its "
       "unit's and its sub-units' data), reader (reads its unit's and its sub-units' data). The password, at least "
       "8 characters, is read from the standard input: one line, typed twice and not shown on a terminal."),
    N_("ACCOUNT"), add_options, &one_name, check_add, DN_STORE_OPEN_NO_CREATE, run_add },
  { "passwd", N_("Give an account a new password, read from the standard input"),
    N_("Give an account a new password, read from the standard input as for “user add”. The account's open "
       "sessions end."),
    N_("ACCOUNT"), NULL, &one_name, check_name, DN_STORE_OPEN_NO_CREATE, run_passwd },
  { "disable", N_("Disable an account and end its sessions"),
    N_("Disable an account: it can no longer sign in, and its open sessions end."),
    N_("ACCOUNT"), NULL, &one_name, check_name, DN_STORE_OPEN_NO_CREATE, run_disable },
  { "enable", N_("Enable a disabled account again"),
    N_("Enable a disabled account again: it may sign in; the sessions that ended stay ended."),
    N_("ACCOUNT"), NULL, &one_name, check_name, DN_STORE_OPEN_NO_CREATE, run_enable },
  { "list", N_("List the accounts: NAME<TAB>UNIT-CODE<TAB>ROLE<TAB>enabled|disabled"),
    N_("List the accounts by name, one a line: NAME<TAB>UNIT-CODE<TAB>ROLE<TAB>enabled or disabled (UNIT-CODE "
       "empty for an account of no unit)."),
    NULL, NULL, &no_words, NULL, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY, run_list },
};

static int
user_usage (const char *message)
{
  g_autoptr(GString) help = g_string_new (NULL);

  if (message != NULL)
    err ("doingoai-cli: %s", message);
  g_string_append_printf (help, "%s\n  doingoai-cli user %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTIONS…] [ACCOUNT]"),
                          _("Account commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (user_commands); i++)
    g_string_append_printf (help, "  %-10s %s\n", user_commands[i].name, _(user_commands[i].summary));
  g_string_append_printf (help, "\n%s\n", _("“doingoai-cli user COMMAND --help” tells more about a command."));
  fputs (help->str, message != NULL ? stderr : stdout);
  return message != NULL ? EXIT_USAGE : EXIT_SUCCESS;
}

static int
user_main (int    argc,
           char **argv)
{
  if (argc < 2)
    return user_usage (_("Say which account command to run."));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "-?"))
    return user_usage (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (user_commands); i++)
    if (g_str_equal (argv[1], user_commands[i].name))
      {
        int status = run_command (&user_commands[i], argc - 1, argv + 1);
        uopt_clear ();
        return status;
      }
  {
    g_autofree char *shown = dn_text_escape_for_display (argv[1], 40);
    g_autofree char *message = g_strdup_printf (_("Unknown account command “%s”."), shown);
    return user_usage (message);
  }
}

const Command dn_cli_user_commands[] = {
  { "user", N_("Accounts of the department server: add, passwd, disable, enable, list"),
    NULL, NULL, NULL, &no_words, NULL, DN_STORE_OPEN_NO_CREATE, NULL, FALSE, user_main },
};
const guint dn_cli_n_user_commands = G_N_ELEMENTS (dn_cli_user_commands);
