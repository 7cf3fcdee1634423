/* dn-cli-reports.c: the reports kept in the database, from the command line
 *
 *   reports
 *   report-save [ID] [--kind K --period P --unit CODE] [--with-sub-units |
 *               --without-sub-units] [--assessment T] [--difficulties T]
 *               [--directions T] [--proposals T] [--parent-body T]
 *               [--issuing-body T] [--symbol T] [--place T] [--date DATE]
 *               [--recipient T]… [--sign HOW] [--head-title T]
 *               [--signer-title T] [--signer-name T]
 *   report-delete ID
 *   report-issue ID [--date DATE] [--out FILE.pdf]
 *
 * What the window's Reports section does: a new report starts from the
 * header its unit's last one was kept with; an edit changes only what is
 * given; issuing numbers it in the outgoing register and attaches its PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-report-builder.h"
#include "dn-store-documents.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"

static struct
{
  char     *kind, *period, *unit;
  gboolean  with_sub_units, without_sub_units;
  char     *assessment, *difficulties, *directions, *proposals;
  char     *parent_body, *issuing_body, *symbol, *place, *date;
  char    **recipients;
  char     *sign, *head_title, *signer_title, *signer_name;
  char     *out;
} sopt;

static gint64 report_id;

void
dn_cli_reports_clear (void)
{
  char **const texts[] = {
    &sopt.kind, &sopt.period, &sopt.unit, &sopt.assessment, &sopt.difficulties, &sopt.directions, &sopt.proposals,
    &sopt.parent_body, &sopt.issuing_body, &sopt.symbol, &sopt.place, &sopt.date, &sopt.sign, &sopt.head_title,
    &sopt.signer_title, &sopt.signer_name, &sopt.out,
  };

  clear_texts (texts, G_N_ELEMENTS (texts));
  g_clear_pointer (&sopt.recipients, g_strfreev);
  sopt.with_sub_units = sopt.without_sub_units = FALSE;
  report_id = 0;
}

static const Words id_word = { 1, 1, N_("Give the report's number (see “reports”).") };
static const Words maybe_id_word = { 0, 1, N_("Give at most one report number.") };

static gboolean
check_id (Run     *run,
          GError **error)
{
  if (run->n_words == 0)
    return TRUE;
  return parse_id (run->words[0], &report_id) ||
         refuse_value (error, CLI_ERROR_USAGE_BRIEF, run->words[0], _("“%s” is not a record number."));
}

/*
 * reports
 */

static gboolean
run_reports (Run     *run,
             GError **error)
{
  g_autoptr(GPtrArray) reports = dn_store_list_reports (run->store, error);

  if (reports == NULL)
    return FALSE;
  for (guint i = 0; i < reports->len; i++)
    {
      DnReport *report = g_ptr_array_index (reports, i);
      g_autofree char *unit = tsv_field (report->unit_name);
      g_autofree char *issued = NULL;

      if (report->document_id != 0)
        {
          g_autoptr(DnDocument) document = dn_store_get_document (run->store, report->document_id, NULL);

          if (document != NULL)
            issued = dn_document_dup_reference (document);
        }
      /* id, kind, period, unit, with sub-units, issued as (or "-") */
      out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", report->id, dn_report_kind_to_string (report->kind),
           report->period, unit, report->with_sub_units ? "sub-units" : "-", issued != NULL ? issued : "-");
    }
  return TRUE;
}

/*
 * report-save
 */

static const GOptionEntry save_options[] = {
  { "kind", 0, 0, G_OPTION_ARG_FILENAME, &sopt.kind,
    N_("quarter, semester, school-year, year, tt19-half, tt19-year or custom"), N_("KIND") },
  { "period", 0, 0, G_OPTION_ARG_FILENAME, &sopt.period,
    N_("2024-Q1, 2024-2025-HK1, 2024-2025, 2024 or 2024-01-01..2024-03-31, as the kind takes it"), N_("PERIOD") },
  { "unit", 0, 0, G_OPTION_ARG_FILENAME, &sopt.unit, N_("The unit reported on, by its code"), N_("CODE") },
  { "with-sub-units", 0, 0, G_OPTION_ARG_NONE, &sopt.with_sub_units, N_("Count its sub-units' work too"), NULL },
  { "without-sub-units", 0, 0, G_OPTION_ARG_NONE, &sopt.without_sub_units, N_("Count the unit's own work only"),
    NULL },
  { "assessment", 0, 0, G_OPTION_ARG_FILENAME, &sopt.assessment, N_("The general assessment"), N_("TEXT") },
  { "difficulties", 0, 0, G_OPTION_ARG_FILENAME, &sopt.difficulties, N_("Difficulties and obstacles"), N_("TEXT") },
  { "directions", 0, 0, G_OPTION_ARG_FILENAME, &sopt.directions, N_("Directions and tasks for the next period"),
    N_("TEXT") },
  { "proposals", 0, 0, G_OPTION_ARG_FILENAME, &sopt.proposals, N_("Proposals and recommendations"), N_("TEXT") },
  { "parent-body", 0, 0, G_OPTION_ARG_FILENAME, &sopt.parent_body, N_("The parent body (“UBND TỈNH LÀO CAI”)"),
    N_("TEXT") },
  { "issuing-body", 0, 0, G_OPTION_ARG_FILENAME, &sopt.issuing_body,
    N_("The issuing body (“SỞ GIÁO DỤC VÀ ĐÀO TẠO”)"), N_("TEXT") },
  { "symbol", 0, 0, G_OPTION_ARG_FILENAME, &sopt.symbol, N_("The symbol of its number (“BC-SGDĐT”)"), N_("TEXT") },
  { "place", 0, 0, G_OPTION_ARG_FILENAME, &sopt.place, N_("The place of the date line (“Lào Cai”)"), N_("TEXT") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &sopt.date, N_("The report's date (empty: dated when issued)"),
    N_("DATE") },
  { "recipient", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sopt.recipients,
    N_("A recipient (“Bộ GD&ĐT (để b/c)”); repeat it, in order"), N_("TEXT") },
  { "sign", 0, 0, G_OPTION_ARG_FILENAME, &sopt.sign,
    N_("How it is signed: head, deputy, collective, acting, by-order or authorised"), N_("HOW") },
  { "head-title", 0, 0, G_OPTION_ARG_FILENAME, &sopt.head_title, N_("The head's title (“GIÁM ĐỐC”)"), N_("TEXT") },
  { "signer-title", 0, 0, G_OPTION_ARG_FILENAME, &sopt.signer_title, N_("The signer's own title (“PHÓ GIÁM ĐỐC”)"),
    N_("TEXT") },
  { "signer-name", 0, 0, G_OPTION_ARG_FILENAME, &sopt.signer_name, N_("The signer's name"), N_("NAME") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_save (Run     *run,
            GError **error)
{
  DnReportKind kind;
  DnSignKind sign;

  if (!check_id (run, error))
    return FALSE;
  if (report_id == 0 && (sopt.kind == NULL || sopt.period == NULL || sopt.unit == NULL))
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say which report: --kind KIND --period PERIOD --unit CODE."));
  if (sopt.with_sub_units && sopt.without_sub_units)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, _("Give --with-sub-units or --without-sub-units, not both."));
  if (sopt.kind != NULL && !dn_report_kind_from_string (sopt.kind, &kind))
    return refuse_option (error, CLI_ERROR_USAGE_BRIEF, "--kind", sopt.kind,
                          _("%s: “%s” is not a kind of report (quarter, semester, school-year, year, tt19-half, "
                            "tt19-year, custom)."));
  if (sopt.sign != NULL && !dn_sign_kind_from_string (sopt.sign, &sign))
    return refuse_option (error, CLI_ERROR_USAGE_BRIEF, "--sign", sopt.sign,
                          _("%s: “%s” is not a way of signing (head, deputy, collective, acting, by-order, "
                            "authorised)."));
  return TRUE;
}

static gboolean
apply_save_options (Run       *run,
                    DnReport  *report,
                    GError   **error)
{
  char *const raw[] = {
    sopt.assessment, sopt.difficulties, sopt.directions, sopt.proposals, sopt.parent_body, sopt.issuing_body,
    sopt.symbol, sopt.place, sopt.head_title, sopt.signer_title, sopt.signer_name,
  };
  char **const fields[] = {
    &report->assessment, &report->difficulties, &report->directions, &report->proposals, &report->parent_body,
    &report->issuing_body, &report->symbol, &report->place, &report->head_title, &report->signer_title,
    &report->signer_name,
  };

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    if (!take_text (raw[i], fields[i], error))
      return FALSE;
  if (sopt.kind != NULL)
    dn_report_kind_from_string (sopt.kind, &report->kind);
  if (sopt.period != NULL && !take_text (sopt.period, &report->period, error))
    return FALSE;
  if (sopt.unit != NULL && !resolve_unit (run->store, sopt.unit, &report->unit_id, error))
    return FALSE;
  if (sopt.with_sub_units || sopt.without_sub_units)
    report->with_sub_units = sopt.with_sub_units;
  if (sopt.date != NULL)
    {
      if (sopt.date[0] == '\0')
        g_date_clear (&report->report_date, 1);
      else if (!date_option (sopt.date, "--date", CLI_ERROR_REFUSED, &report->report_date, error))
        return FALSE;
    }
  if (sopt.recipients != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", sopt.recipients);

      if (!take_text (joined, &report->recipients, error))
        return FALSE;
    }
  if (sopt.sign != NULL)
    dn_sign_kind_from_string (sopt.sign, &report->sign);
  return TRUE;
}

static gboolean
run_save (Run     *run,
          GError **error)
{
  g_autoptr(DnReport) report = NULL;

  if (report_id != 0)
    {
      report = dn_store_get_report (run->store, report_id, error);
      if (report == NULL || !apply_save_options (run, report, error) ||
          !dn_store_update_report (run->store, report, error))
        return FALSE;
    }
  else
    {
      report = dn_report_new ();
      /* as "report" counts: the unit's own work unless asked */
      report->with_sub_units = FALSE;
      /* the unit's header first, then what was given over it */
      if (!resolve_unit (run->store, sopt.unit, &report->unit_id, error) ||
          !dn_store_fill_report_header (run->store, report, error) ||
          !apply_save_options (run, report, error) || !dn_store_add_report (run->store, report, error))
        return FALSE;
    }
  out ("%" G_GINT64_FORMAT "\n", report->id);
  return TRUE;
}

/*
 * report-delete
 */

static gboolean
run_delete (Run     *run,
            GError **error)
{
  g_autoptr(DnReport) report = dn_store_get_report (run->store, report_id, error);

  return report != NULL && dn_store_delete_report (run->store, report_id, error);
}

/*
 * report-issue
 */

static const GOptionEntry issue_options[] = {
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &sopt.date, N_("The date it is issued on (default: its own date, or today)"),
    N_("DATE") },
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &sopt.out, N_("Also write the issued PDF there"), N_("FILE.pdf") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_issue (Run     *run,
             GError **error)
{
  if (sopt.out != NULL && !g_str_has_suffix (sopt.out, ".pdf") && !g_str_has_suffix (sopt.out, ".PDF"))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, sopt.out, _("“%s”: the report is written as a PDF file (.pdf)."));
  return check_id (run, error);
}

static gboolean
run_issue (Run     *run,
           GError **error)
{
  g_autoptr(DnReport) report = dn_store_get_report (run->store, report_id, error);
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autoptr(DnDocument) issued = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *note = NULL;
  DnReportPeriod period;
  guint n_pages = 0;
  gboolean ok;
  int fd;
  int number;

  if (report == NULL)
    return FALSE;
  if (sopt.date != NULL && !date_option (sopt.date, "--date", CLI_ERROR_REFUSED, &report->report_date, error))
    return FALSE;
  if (!g_date_valid (&report->report_date))
    dn_date_today (&report->report_date);
  if (!dn_report_get_period (report, &period, error))
    return FALSE;
  number = dn_store_next_report_number (run->store, report, error);
  if (number <= 0)
    return FALSE;
  doc = dn_report_build_from_store (run->store, report, number, NULL, NULL, error);
  if (doc == NULL || !dn_official_document_check_font (doc, &note, error))
    return FALSE;
  fd = g_file_open_tmp ("doingoai-report-XXXXXX.pdf", &temp_path, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);
  subject = dn_report_dup_subject (&period);
  pdf = g_file_new_for_path (temp_path);
  ok = dn_official_document_write_pdf (doc, temp_path, NULL, &n_pages, error) &&
       dn_store_issue_report (run->store, report, number, subject, pdf, NULL, error);
  if (ok && sopt.out != NULL)
    {
      g_autoptr(GFile) dest = g_file_new_for_commandline_arg (sopt.out);
      g_autofree char *dest_path = g_file_get_path (dest);

      /* issued whatever happens to the copy: say so if it fails */
      ok = dn_official_document_write_pdf (doc, dest_path, NULL, NULL, error);
      if (!ok)
        g_prefix_error (error, _("The report was issued, but its copy was not written: "));
    }
  g_unlink (temp_path);
  if (report->document_id != 0 && (issued = dn_store_get_document (run->store, report->document_id, NULL)) != NULL)
    reference = dn_document_dup_reference (issued);
  if (reference != NULL)
    out (g_dngettext (GETTEXT_PACKAGE, "Issued as %s: %u page\n", "Issued as %s: %u pages\n", n_pages), reference,
         n_pages);
  if (note != NULL)
    err ("%s", note);
  return ok;
}

const Command dn_cli_reports_commands[] = {
  { "reports", N_("List the reports kept"),
    N_("List the reports kept in the database, the last changed first: number, kind, period, unit, whether its "
       "sub-units are counted, and the reference it was issued under (“-” for a draft)."),
    NULL, NULL, &no_words, NULL, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY, run_reports },
  { "report-save", N_("Keep a report, or change a kept one"),
    N_("Without a number, keep a new report for --kind, --period and --unit, its header taken from that unit's "
       "last report; with one, change only what is given. Prints the report's number."),
    N_("[ID]"), save_options, &maybe_id_word, check_save, DN_STORE_OPEN_NO_CREATE, run_save },
  { "report-delete", N_("Delete a kept report"),
    N_("Delete a kept report. If it was issued, its entry in the outgoing register stays."), N_("ID"), NULL,
    &id_word, check_id, DN_STORE_OPEN_NO_CREATE, run_delete },
  { "report-issue", N_("Issue a kept report: number it and register it with its PDF"),
    N_("Date the report (--date, else its own date, else today), give it the next number of that year's outgoing "
       "register, write its PDF and enter it in the register with the PDF attached. A report issued before is "
       "issued again under a new number; the register keeps the earlier one."),
    N_("ID"), issue_options, &id_word, check_issue, DN_STORE_OPEN_NO_CREATE, run_issue },
};
const guint dn_cli_n_reports_commands = G_N_ELEMENTS (dn_cli_reports_commands);
