/* dn-cli-report.c: report, the period's report on external affairs as a PDF
 *
 * "report --kind KIND --period PERIOD --unit CODE [--with-sub-units]
 * --out FILE.pdf" reads the figures of the period for the unit, takes the
 * header the unit's last report was kept with (or its name and the
 * agency's symbol) and writes the document atomically: a malformed period,
 * an unknown unit or an unwritable path exits 1 with the reason and leaves
 * no file. "--report ID" builds a report kept in the database, with what
 * the officer wrote in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-report-builder.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"

static struct
{
  char     *kind;
  char     *period;
  char     *unit;
  gboolean  with_sub_units;
  char     *out;
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
  G_OPTION_ENTRY_NULL
};

void
dn_cli_report_clear (void)
{
  char **const texts[] = { &ropt.kind, &ropt.period, &ropt.unit, &ropt.out };

  clear_texts (texts, G_N_ELEMENTS (texts));
  ropt.with_sub_units = FALSE;
  ropt.report_id = 0;
}

static gboolean
check_report (Run     *run,
              GError **error)
{
  DnReportKind kind;

  if (ropt.out == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say where to write the report: --out FILE.pdf."));
  if (!g_str_has_suffix (ropt.out, ".pdf") && !g_str_has_suffix (ropt.out, ".PDF"))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, ropt.out, _("“%s”: the report is written as a PDF file (.pdf)."));
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

static gboolean
run_report (Run     *run,
            GError **error)
{
  g_autoptr(DnReport) report = report_to_build (run, error);
  g_autoptr(DnReportFigures) figures = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *note = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  DnReportPeriod period;
  GDate today;
  guint n_pages = 0;

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
  file = g_file_new_for_commandline_arg (ropt.out);
  path = g_file_get_path (file);
  if (!dn_official_document_write_pdf (doc, path, NULL, &n_pages, error))
    return FALSE;
  out (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", n_pages), path, n_pages);
  /* a face standing in for Times New Roman is said, not hidden */
  if (note != NULL)
    err ("%s", note);
  return TRUE;
}

const Command dn_cli_report_commands[] = {
  { "report", N_("Write a period's report on external affairs as a PDF"),
    N_("Write the report of a period for a unit, with or without its sub-units, as an official document (Decree "
       "30/2020): its tasks, delegations, passports, projects and documents, read from the database, under the "
       "header the unit's last report was kept with. A malformed period, an unknown unit or a path that cannot be "
       "written exits 1 and leaves no file."),
    NULL, report_options, &no_words, check_report, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY, run_report },
};
const guint dn_cli_n_report_commands = G_N_ELEMENTS (dn_cli_report_commands);
