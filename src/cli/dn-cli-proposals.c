/* dn-cli-proposals.c: propose-tasks, the tasks a directive gives
 *
 * "propose-tasks FILE" reads a directive (a PDF's text, or UTF-8 text) and
 * prints one proposed task a line: SECTION, LEAD-UNIT-CODE, SUPPORT-CODES
 * (comma-separated), RECURRENCE, TITLE, a field empty where nothing was
 * found. "--create --document ID" creates them, in one transaction, from
 * that document (what the window's review dialog does after the officer
 * has checked them), and prints the new tasks' ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-store-documents.h"
#include "dn-store-units.h"
#include "dn-task-proposal.h"
#include "dn-text.h"
#include "dn-text-source.h"

static struct
{
  gboolean create;
  char    *document;
  char    *due;
} popt;

static const GOptionEntry propose_options[] = {
  { "create", 0, 0, G_OPTION_ARG_NONE, &popt.create, N_("Create the proposed tasks, all in one step"), NULL },
  { "document", 0, 0, G_OPTION_ARG_FILENAME, &popt.document,
    N_("With --create: the document the tasks come from"), N_("ID") },
  { "due", 0, 0, G_OPTION_ARG_FILENAME, &popt.due,
    N_("With --create: the deadline of the tasks whose text states none"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static void
popt_clear (void)
{
  popt.create = FALSE;
  g_clear_pointer (&popt.document, g_free);
  g_clear_pointer (&popt.due, g_free);
}

static gboolean
check_propose (Run     *run,
               GError **error)
{
  gint64 id;
  GDate date;

  if ((popt.document || popt.due) && !popt.create)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, "%s", _("--document and --due go with --create."));
  if (popt.document && !parse_id (popt.document, &id))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.document, _("“%s” is not a document number."));
  return date_option (popt.due, "--due", CLI_ERROR_USAGE_BRIEF, &date, error);
}

static char *
unit_code (GPtrArray *units,
           gint64     id)
{
  for (guint i = 0; units && i < units->len; i++)
    {
      DnUnit *unit = g_ptr_array_index (units, i);

      if (unit->id == id)
        return tsv_field (unit->code);
    }
  return g_strdup ("");
}

static gboolean
run_propose (Run     *run,
             GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (run->words[0]);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  gboolean create = popt.create;
  gint64 document_id = 0;
  DnLegacyEncoding encoding = DN_LEGACY_ENCODING_NONE;
  GDate due;

  g_date_clear (&due, 1);
  if (popt.document)
    parse_id (popt.document, &document_id);
  if (!date_option (popt.due, "--due", CLI_ERROR_USAGE_BRIEF, &due, error))
    {
      popt_clear ();
      return FALSE;
    }
  popt_clear ();

  {
    /* the renderer goes after the document it opened (see dn-cli-pdf.c) */
    g_autoptr(DnPdfRenderer) renderer = dn_pdf_renderer_new ();

    text = dn_text_source_read (renderer, file, &encoding, NULL, error);
  }
  if (encoding != DN_LEGACY_ENCODING_NONE)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *shown = dn_text_escape_for_display (name, 80);

      /* TRANSLATORS: a file's name, then an encoding: "TCVN3 (ABC)" */
      g_printerr (_("“%s” is typed in %s: read converted to Unicode.\n"), shown,
                  dn_legacy_encoding_get_label (encoding));
    }
  if (text == NULL)
    return FALSE;
  units = dn_store_list_unit_tree (run->store, TRUE, error);
  if (units == NULL)
    return FALSE;
  proposals = dn_task_proposals_parse (text, units);

  if (create)
    {
      if (!dn_task_proposals_create (run->store, proposals, document_id, &due, &ids, error))
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        out ("%" G_GINT64_FORMAT "\n", g_array_index (ids, gint64, i));
      return TRUE;
    }

  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *proposal = g_ptr_array_index (proposals, i);
      g_autofree char *section = tsv_field (proposal->section);
      g_autofree char *title = tsv_field (proposal->title);
      g_autofree char *lead = unit_code (units, proposal->lead_unit_id);
      g_autoptr(GString) supports = g_string_new (NULL);

      for (guint s = 0; s < proposal->support_unit_ids->len; s++)
        {
          g_autofree char *code = unit_code (units, g_array_index (proposal->support_unit_ids, gint64, s));

          g_string_append_printf (supports, "%s%s", s ? "," : "", code);
        }
      out ("%s\t%s\t%s\t%s\t%s\n", section, lead, supports->str,
           proposal->recurrence == DN_RECURRENCE_NONE ? "" : dn_recurrence_to_string (proposal->recurrence), title);
    }
  return TRUE;
}

static const Words one_file = { 1, 1, N_("Give one file: a PDF or a text in UTF-8.") };

const Command dn_cli_proposal_commands[] = {
  { "propose-tasks", N_("Propose the tasks a directive gives, from its PDF or text"),
    N_("Read a directive, plan or guidance (a PDF with text, or a UTF-8 text file) and propose the tasks it "
       "gives, one per line: SECTION, LEAD-UNIT-CODE, SUPPORT-CODES (comma-separated), RECURRENCE, TITLE; a field "
       "is empty where the text says nothing.\n"
       "With --create, create them in one step (all or none) and print their numbers; --document ID links them "
       "to the document, --due DATE is the deadline of those whose text states none."),
    N_("FILE"), propose_options, &one_file, check_propose, DN_STORE_OPEN_NO_CREATE, run_propose, FALSE },
};
const guint dn_cli_n_proposal_commands = G_N_ELEMENTS (dn_cli_proposal_commands);
