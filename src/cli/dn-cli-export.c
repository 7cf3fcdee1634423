/* dn-cli-export.c: a list to a spreadsheet
 *
 *   export-list tasks|delegations|passports|documents|partners [OPTIONS] --out FILE.xlsx|FILE.csv
 *
 * The options are those of the list's own command (tasks, delegations…),
 * read and checked by it; the rows are those of the query it makes, as the
 * window's list shows them (dn_list_export()): the same rows in the same
 * order, the section's columns with their headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-cli.h"
#include "dn-list-export.h"
#include "dn-text.h"

typedef gboolean (*MakeQuery) (Run *run, gpointer query, GError **error);

static const struct
{
  const char       *name;     /* the list, and its command */
  DnListExportKind  kind;
  MakeQuery         make_query;
} lists[] = {
  { "tasks", DN_LIST_EXPORT_TASKS, dn_cli_tasks_query },
  { "delegations", DN_LIST_EXPORT_DELEGATIONS, dn_cli_delegations_query },
  { "passports", DN_LIST_EXPORT_PASSPORTS, dn_cli_passports_query },
  { "documents", DN_LIST_EXPORT_DOCUMENTS, dn_cli_documents_query },
  { "partners", DN_LIST_EXPORT_PARTNERS, dn_cli_partners_query },
};

/* what the list's command, run for the export, writes */
static struct
{
  guint       list;
  const char *path;
} export;

static gboolean
run_export (Run     *run,
            GError **error)
{
  union
  {
    DnTaskQuery       task;
    DnDelegationQuery delegation;
    DnPassportQuery   passport;
    DnDocumentQuery   document;
    DnPartnerQuery    partner;
  } query;
  g_autofree char *shown = NULL;
  guint n_rows = 0;

  if (!lists[export.list].make_query (run, &query, error))
    return FALSE;
  if (!dn_list_export (run->store, lists[export.list].kind, &query, export.path, &n_rows, NULL, error))
    return FALSE;
  shown = g_filename_display_name (export.path);
  out (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to %s", "Exported %u rows to %s", n_rows), n_rows, shown);
  out ("\n");
  return TRUE;
}

static int
export_main (int    argc,
             char **argv)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  void (*clear) (void) = NULL;
  const Command *list_command;
  Command command;
  const char *path = NULL;
  DnSheetFormat format;
  guint list = G_N_ELEMENTS (lists);
  int status;

  if (argc < 2 || argv[1][0] == '-')
    {
      const char *text = _("Write a list, as its command lists it with the same options, to a spreadsheet:\n"
                           "  export-list tasks|delegations|passports|documents|partners [OPTIONS] --out FILE\n"
                           "FILE ends in .xlsx (Excel) or .csv (UTF-8). “doingoai-cli tasks --help” and the other "
                           "lists' help give their options.");

      if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
        {
          out ("%s\n", text);
          return EXIT_SUCCESS;
        }
      return usage_error (NULL, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_str_equal (argv[1], lists[i].name))
      list = i;
  if (list == G_N_ELEMENTS (lists))
    {
      g_autofree char *shown = dn_text_escape_for_display (argv[1], 40);
      g_autofree char *message = g_strdup_printf (
        _("Unknown list “%s”: use tasks, delegations, passports, documents or partners."), shown);

      return usage_error (NULL, message);
    }

  /* the list's command with its own options, --out taken out */
  g_ptr_array_add (words, argv[1]);
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--out") && i + 1 < argc)
        path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--out="))
        path = argv[i] + strlen ("--out=");
      else if (g_str_equal (argv[i], "--out"))
        return usage_error (NULL, _("Say where to write the list: --out FILE.xlsx or --out FILE.csv."));
      else
        g_ptr_array_add (words, argv[i]);
    }
  if (path == NULL || path[0] == '\0')
    return usage_error (NULL, _("Say where to write the list: --out FILE.xlsx or --out FILE.csv."));
  if (!dn_sheet_format_from_path (path, &format))
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (_("“%s” is neither an .xlsx nor a .csv file."), shown);

      err ("doingoai-cli: %s", message);
      return EXIT_FAILURE;
    }
  g_ptr_array_add (words, NULL);

  list_command = dn_cli_find_command (lists[list].name, &clear);
  g_return_val_if_fail (list_command != NULL, EXIT_FAILURE);
  command = *list_command;
  command.run = run_export;
  export.list = list;
  export.path = path;
  status = run_command (&command, (int) words->len - 1, (char **) words->pdata);
  if (clear != NULL)
    clear ();
  return status;
}

const Command dn_cli_export_commands[] = {
  { "export-list", N_("Write a list (tasks, delegations, passports, documents, partners) to .xlsx or CSV"),
    NULL, NULL, NULL, &no_words, NULL, DN_STORE_OPEN_NO_CREATE, NULL, FALSE, export_main },
};
const guint dn_cli_n_export_commands = G_N_ELEMENTS (dn_cli_export_commands);
