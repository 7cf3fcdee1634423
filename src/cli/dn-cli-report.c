/* dn-cli-report.c: report, the period's report on external affairs as a
 * PDF, an ODT file and its tables as a spreadsheet
 *
 * "report --kind KIND --period PERIOD --unit CODE [--with-sub-units]
 * [--out FILE.pdf] [--odt FILE.odt] [--xlsx FILE.xlsx|FILE.csv]" (one
 * output at least) reads the figures of the period for the unit, takes
 * the header the unit's last report was kept with (or its name and the
 * agency's symbol) and writes the document: every output to a temporary
 * file beside it first, all put in place at the end, so a malformed
 * period, an unknown unit or an unwritable path exits 1 with the reason
 * and leaves none of them. "--report ID" builds a report kept in the
 * database, with what the officer wrote in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-report-builder.h"
#include "dn-sheet.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"

static struct
{
  char     *kind;
  char     *period;
  char     *unit;
  gboolean  with_sub_units;
  char     *out;
  char     *odt;
  char     *tables;
  gint64    report_id;
} ropt;

static const GOptionEntry report_options[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &ropt.kind,
    N_("quarter, semester, school-year, year, tt19-half, tt19-year or custom"), N_("KIND") },
  { "period", 0, 0, G_OPTION_ARG_STRING, &ropt.period,
    N_("2024-Q1, 2024-2025-HK1, 2024-2025, 2024 or 2024-01-01..2024-03-31, as the kind takes it"), N_("PERIOD") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, &ropt.unit, N_("The unit reported on, by its code"), N_("CODE") },
  { "with-sub-units", 0, 0, G_OPTION_ARG_NONE, &ropt.with_sub_units, N_("Count its sub-units' work too"), NULL },
  { "report", 0, 0, G_OPTION_ARG_INT64, &ropt.report_id, N_("A report kept in the database, by its number"),
    N_("ID") },
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &ropt.out, N_("The PDF file to write"), N_("FILE.pdf") },
  { "odt", 0, 0, G_OPTION_ARG_FILENAME, &ropt.odt,
    N_("The same document as an OpenDocument text file, to finish in a word processor"), N_("FILE.odt") },
  { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &ropt.tables,
    N_("The report's tables as an Excel workbook (a sheet each) or CSV"), N_("FILE.xlsx|FILE.csv") },
  G_OPTION_ENTRY_NULL
};

void
dn_cli_report_clear (void)
{
  char **const texts[] = { &ropt.kind, &ropt.period, &ropt.unit, &ropt.out, &ropt.odt, &ropt.tables };

  clear_texts (texts, G_N_ELEMENTS (texts));
  ropt.with_sub_units = FALSE;
  ropt.report_id = 0;
}

static gboolean
check_report (Run     *run,
              GError **error)
{
  DnReportKind kind;
  DnSheetFormat format;

  if (ropt.out == NULL && ropt.odt == NULL && ropt.tables == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Say where to write the report: --out FILE.pdf, --odt FILE.odt or --xlsx FILE.xlsx."));
  if (ropt.out != NULL && !g_str_has_suffix (ropt.out, ".pdf") && !g_str_has_suffix (ropt.out, ".PDF"))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, ropt.out, _("“%s”: the report is written as a PDF file (.pdf)."));
  if (ropt.odt != NULL && !g_str_has_suffix (ropt.odt, ".odt") && !g_str_has_suffix (ropt.odt, ".ODT"))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, ropt.odt,
                         _("“%s”: --odt writes an OpenDocument text file (.odt)."));
  if (ropt.tables != NULL && !dn_sheet_format_from_path (ropt.tables, &format))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, ropt.tables,
                         _("“%s”: the tables are written as an Excel workbook (.xlsx) or CSV (.csv)."));
  if (ropt.report_id != 0)
    {
      if (ropt.kind != NULL || ropt.period != NULL || ropt.unit != NULL)
        return cli_refuse (error, CLI_ERROR_USAGE_BRIEF,
                           _("A kept report (--report) has its own kind, period and unit."));
      return TRUE;
    }
  if (ropt.kind == NULL || ropt.period == NULL || ropt.unit == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say which report: --kind KIND --period PERIOD --unit CODE."));
  if (!dn_report_kind_from_string (ropt.kind, &kind))
    return refuse_option (error, CLI_ERROR_USAGE_BRIEF, "--kind", ropt.kind,
                          _("%s: “%s” is not a kind of report (quarter, semester, school-year, year, tt19-half, "
                            "tt19-year, custom)."));
  return TRUE;
}

/* The report to build: the kept one, or a new one with its unit's header. */
static DnReport *
report_to_build (Run     *run,
                 GError **error)
{
  g_autoptr(DnReport) report = NULL;
  DnReportPeriod period;

  if (ropt.report_id != 0)
    return dn_store_get_report (run->store, ropt.report_id, error);
  report = dn_report_new ();
  dn_report_kind_from_string (ropt.kind, &report->kind);
  if (!dn_report_period_parse (report->kind, ropt.period, &period, error) ||
      !resolve_unit (run->store, ropt.unit, &report->unit_id, error) ||
      !dn_store_fill_report_header (run->store, report, error))
    return NULL;
  g_free (report->period);
  report->period = dn_report_period_to_string (&period);
  report->with_sub_units = ropt.with_sub_units;
  return g_steal_pointer (&report);
}

/* A file to write: where, the temporary file beside it, and the file that
 * was there, moved aside until all are in place */
typedef struct
{
  char     *path;
  char     *temporary;
  char     *previous;
  gboolean  written;
} Output;

static void
output_init (Output     *output,
             const char *arg)
{
  g_autoptr(GFile) file = NULL;
  const char *dot;
  guint32 tag = g_random_int ();

  if (arg == NULL)
    return;
  file = g_file_new_for_commandline_arg (arg);
  output->path = g_file_get_path (file);
  /* the extension kept: it says the format */
  dot = strrchr (output->path, '.');
  output->temporary = g_strdup_printf ("%s.%08x.part%s", output->path, tag, dot != NULL ? dot : "");
  output->previous = g_strdup_printf ("%s.%08x.old", output->path, tag);
}

static void
output_clear (Output *output)
{
  if (output->temporary != NULL)
    g_unlink (output->temporary);
  g_clear_pointer (&output->temporary, g_free);
  g_clear_pointer (&output->previous, g_free);
  g_clear_pointer (&output->path, g_free);
}

/* An error about @output's temporary file as one about the file itself */
static gboolean
output_failed (Output  *output,
               GError **error)
{
  g_autofree char *shown = g_filename_display_name (output->temporary);
  g_autofree char *target = g_filename_display_name (output->path);

  if (error != NULL && *error != NULL && strstr ((*error)->message, shown) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit ((*error)->message, shown, -1);
      char *message = g_strjoinv (target, parts);

      g_free ((*error)->message);
      (*error)->message = message;
    }
  return FALSE;
}

/* Puts every output in place, a file already there moved aside first; when
 * one cannot be, those this run put in place are removed and the files
 * moved aside put back: all or none. */
static gboolean
outputs_commit (Output   *outputs,
                guint     n_outputs,
                GError  **error)
{
  guint i;
  int saved = 0;

  for (i = 0; i < n_outputs; i++)
    {
      Output *o = &outputs[i];

      if (o->path == NULL)
        continue;
      if (g_file_test (o->path, G_FILE_TEST_IS_REGULAR) && g_rename (o->path, o->previous) != 0)
        {
          saved = errno;
          break;
        }
      if (g_rename (o->temporary, o->path) != 0)
        {
          saved = errno;
          g_rename (o->previous, o->path);
          break;
        }
      o->written = TRUE;
    }
  for (guint j = 0; j < n_outputs; j++)
    {
      Output *o = &outputs[j];

      if (!o->written)
        continue;
      if (saved != 0)
        {
          g_unlink (o->path);
          g_rename (o->previous, o->path);
        }
      else
        g_unlink (o->previous);
    }
  if (saved != 0)
    {
      g_autofree char *name = g_filename_display_name (outputs[i].path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Cannot write “%s”: %s"), name,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_report (Run     *run,
            GError **error)
{
  g_autoptr(DnReport) report = report_to_build (run, error);
  g_autoptr(DnReportFigures) figures = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *note = NULL;
  Output outputs[3] = { { NULL } };
  Output *pdf = &outputs[0], *odt = &outputs[1], *tables = &outputs[2];
  DnReportPeriod period;
  GDate today;
  guint n_pages = 0;
  gboolean ok;

  if (report == NULL || !dn_report_get_period (report, &period, error))
    return FALSE;
  dn_date_today (&today);
  figures = dn_store_read_report_figures (run->store, &period, report->unit_id, report->with_sub_units, &today,
                                          error);
  if (figures == NULL)
    return FALSE;
  doc = dn_report_build (report, figures);
  if (!dn_official_document_check_font (doc, &note, error))
    return FALSE;
  output_init (pdf, ropt.out);
  output_init (odt, ropt.odt);
  output_init (tables, ropt.tables);
  ok = (pdf->path == NULL || dn_official_document_write_pdf (doc, pdf->temporary, NULL, &n_pages, error) ||
        output_failed (pdf, error)) &&
       (odt->path == NULL || dn_official_document_write_odt (doc, odt->temporary, NULL, error) ||
        output_failed (odt, error)) &&
       (tables->path == NULL || dn_official_document_write_tables (doc, tables->temporary, error) ||
        output_failed (tables, error)) &&
       outputs_commit (outputs, G_N_ELEMENTS (outputs), error);
  if (ok)
    {
      if (pdf->path != NULL)
        out (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", n_pages), pdf->path, n_pages);
      if (odt->path != NULL)
        out ("%s\n", odt->path);
      if (tables->path != NULL)
        out ("%s\n", tables->path);
      /* a face standing in for Times New Roman is said, not hidden */
      if (note != NULL)
        err ("%s", note);
    }
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    output_clear (&outputs[i]);
  return ok;
}

const Command dn_cli_report_commands[] = {
  { "report", N_("Write a period's report on external affairs as a PDF, an ODT file or a spreadsheet"),
    N_("Write the report of a period for a unit, with or without its sub-units, as an official document (Decree "
       "30/2020): its tasks, delegations, passports, projects and documents, read from the database, under the "
       "header the unit's last report was kept with. --out writes it as a PDF, --odt as an OpenDocument text file "
       "to finish in a word processor, --xlsx its tables as an Excel workbook (a sheet each) or CSV; one of them at "
       "least. A malformed period, an unknown unit or a path that cannot be written exits 1 and leaves none of the "
       "files."),
    NULL, report_options, &no_words, check_report, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY, run_report },
};
const guint dn_cli_n_report_commands = G_N_ELEMENTS (dn_cli_report_commands);
