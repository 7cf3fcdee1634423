/* dn-cli-owed.c: the periodic reports the units owe
 *
 * "reports-owed" lists them (one line each, tab-separated: task, unit
 * code, kind, period, due day, state, day received, incoming document,
 * unit name, task title); "report-received" records one that came, with
 * its PDF registered as an incoming document; "remind-owed" sends a
 * reminder to each unit that has not reported. Errors exit 1 with the
 * reason and write nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-store.h"

static struct
{
  char     *kind;
  char     *period;
  char     *unit;
  gboolean  with_sub_units;
  gboolean  late;
  gboolean  outstanding;
  char     *from;
  char     *to;
  gint64    task_id;
  char     *date;
  char     *pdf;
  gint64    document_id;
  char     *note;
  char     *reminder;
  int       kind_value;     /* checked: a DnReportKind or -1 */
  DnReminderKind reminder_value;
} oopt;

#define KIND_OPTION \
  { "kind", 0, 0, G_OPTION_ARG_STRING, &oopt.kind, \
    N_("quarter, semester, school-year, year, tt19-half, tt19-year or custom (default: any)"), N_("KIND") }
#define PERIOD_OPTION(help) \
  { "period", 0, 0, G_OPTION_ARG_STRING, &oopt.period, help, N_("PERIOD") }
#define UNIT_OPTIONS \
  { "unit", 'u', 0, G_OPTION_ARG_STRING, &oopt.unit, N_("Only the reports this unit owes, by its code"), \
    N_("CODE") }, \
  { "with-sub-units", 0, 0, G_OPTION_ARG_NONE, &oopt.with_sub_units, N_("With --unit: its sub-units' reports too"), \
    NULL }

static const GOptionEntry owed_options[] = {
  KIND_OPTION,
  PERIOD_OPTION (N_("Only the reports of this period: 2024-Q1, 2024-2025-HK1, 2024-2025, 2024 or "
                    "2024-01-01..2024-01-31")),
  UNIT_OPTIONS,
  { "late", 0, 0, G_OPTION_ARG_NONE, &oopt.late, N_("Only the late ones: not received past their due day, or received "
                                                   "after it"), NULL },
  { "outstanding", 0, 0, G_OPTION_ARG_NONE, &oopt.outstanding, N_("Only those not received yet"), NULL },
  { "from", 0, 0, G_OPTION_ARG_STRING, &oopt.from, N_("Due on or after this day"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &oopt.to, N_("Due on or before this day"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry received_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_STRING, &oopt.unit, N_("The unit that sent the report, by its code"), N_("CODE") },
  { "task", 't', 0, G_OPTION_ARG_INT64, &oopt.task_id, N_("The recurring task that asks for the report"), N_("ID") },
  KIND_OPTION,
  PERIOD_OPTION (N_("The period the report covers (default: the one of the task's occurrence given)")),
  { "date", 0, 0, G_OPTION_ARG_STRING, &oopt.date, N_("The day it came (default today)"), N_("DATE") },
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &oopt.pdf, N_("The report as a PDF file, registered as an incoming document"),
    N_("FILE.pdf") },
  { "document", 0, 0, G_OPTION_ARG_INT64, &oopt.document_id,
    N_("The incoming document it was registered as already, by its number"), N_("ID") },
  { "note", 'n', 0, G_OPTION_ARG_FILENAME, &oopt.note, N_("A note"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry remind_options[] = {
  KIND_OPTION,
  PERIOD_OPTION (N_("The period whose reports are awaited")),
  UNIT_OPTIONS,
  { "late", 0, 0, G_OPTION_ARG_NONE, &oopt.late, N_("Every report past its due day (with or without --period)"),
    NULL },
  { "reminder", 'k', 0, G_OPTION_ARG_STRING, &oopt.reminder, N_("notice, criticism or review (default notice)"),
    "K" },
  G_OPTION_ENTRY_NULL
};

void
dn_cli_owed_clear (void)
{
  char **const texts[] = { &oopt.kind, &oopt.period, &oopt.unit, &oopt.from, &oopt.to, &oopt.date, &oopt.pdf,
                           &oopt.note, &oopt.reminder };

  clear_texts (texts, G_N_ELEMENTS (texts));
  oopt.with_sub_units = oopt.late = oopt.outstanding = FALSE;
  oopt.task_id = oopt.document_id = 0;
}

static gboolean
check_kind (GError **error)
{
  DnReportKind kind;

  oopt.kind_value = -1;
  if (oopt.kind == NULL)
    return TRUE;
  if (!dn_report_kind_from_string (oopt.kind, &kind))
    return refuse_option (error, CLI_ERROR_USAGE_BRIEF, "--kind", oopt.kind,
                          _("%s: “%s” is not a kind of report (quarter, semester, school-year, year, tt19-half, "
                            "tt19-year, custom)."));
  oopt.kind_value = kind;
  return TRUE;
}

/* --period in its one written form: checked against --kind when given. */
static gboolean
read_period (char   **text,
             GError **error)
{
  DnReportPeriod period;

  *text = NULL;
  if (oopt.period == NULL)
    return TRUE;
  if (oopt.kind_value >= 0)
    {
      if (!dn_report_period_parse (oopt.kind_value, oopt.period, &period, error))
        return FALSE;
      *text = dn_report_period_to_string (&period);
    }
  else
    *text = g_strdup (oopt.period);
  return TRUE;
}

/* The query of --kind, --period, --unit, --with-sub-units (and of
 * reports-owed's own options); @period keeps the period's text. */
static gboolean
fill_query (Run          *run,
            DnOwedQuery  *query,
            char        **period,
            GError      **error)
{
  dn_owed_query_init (query);
  query->kind = oopt.kind_value;
  query->late = oopt.late;
  query->outstanding = oopt.outstanding;
  query->with_sub_units = oopt.with_sub_units;
  if (!read_period (period, error) || !resolve_unit (run->store, oopt.unit, &query->unit_id, error))
    return FALSE;
  query->period = *period;
  if (oopt.from != NULL && !date_option (oopt.from, "--from", CLI_ERROR_REFUSED, &query->due_from, error))
    return FALSE;
  if (oopt.to != NULL && !date_option (oopt.to, "--to", CLI_ERROR_REFUSED, &query->due_to, error))
    return FALSE;
  return TRUE;
}

static gboolean
check_owed (Run     *run,
            GError **error)
{
  if (!check_kind (error))
    return FALSE;
  if (oopt.with_sub_units && oopt.unit == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, _("--with-sub-units goes with --unit CODE."));
  return TRUE;
}

static void
print_owed (DnOwedReport *r)
{
  g_autofree char *due = dn_date_format_iso (&r->due_date);
  g_autofree char *received = g_date_valid (&r->received_on) ? dn_date_format_iso (&r->received_on) : g_strdup ("");
  g_autofree char *document = r->document_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, r->document_id)
                                                 : g_strdup ("");
  g_autofree char *name = tsv_field (r->unit_name);
  g_autofree char *title = tsv_field (r->task_title);

  out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->task_id, r->unit_code,
       dn_report_kind_to_string (r->kind), r->period, due, dn_owed_state_to_string (r->state), received, document,
       name, title);
}

static gboolean
run_owed (Run     *run,
          GError **error)
{
  g_autofree char *period = NULL;
  g_autoptr(GPtrArray) owed = NULL;
  DnOwedQuery query;

  if (!fill_query (run, &query, &period, error))
    return FALSE;
  owed = dn_store_list_owed_reports (run->store, &query, NULL, error);
  if (owed == NULL)
    return FALSE;
  for (guint i = 0; i < owed->len; i++)
    print_owed (owed->pdata[i]);
  return TRUE;
}

static gboolean
check_received (Run     *run,
                GError **error)
{
  char **const texts[] = { &oopt.note };

  if (oopt.unit == NULL || oopt.task_id == 0)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say whose report came, for which task: --unit CODE --task ID."));
  if (oopt.task_id < 0)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, _("--task takes a task's number (1 or more)."));
  return check_kind (error) && text_options (texts, G_N_ELEMENTS (texts), error);
}

static gboolean
run_received (Run     *run,
              GError **error)
{
  g_autoptr(DnOwedReport) receipt = dn_owed_report_new ();
  g_autoptr(GFile) pdf = oopt.pdf != NULL ? g_file_new_for_commandline_arg (oopt.pdf) : NULL;
  g_autofree char *period = NULL;

  receipt->task_id = oopt.task_id;
  if (!resolve_unit (run->store, oopt.unit, &receipt->unit_id, error) || !read_period (&period, error))
    return FALSE;
  if (period != NULL)
    {
      receipt->task_id = dn_store_find_report_occurrence (run->store, oopt.task_id, oopt.kind_value, period, error);
      if (receipt->task_id == 0)
        return FALSE;
    }
  if (oopt.date != NULL && !date_option (oopt.date, "--date", CLI_ERROR_REFUSED, &receipt->received_on, error))
    return FALSE;
  receipt->document_id = oopt.document_id;
  g_free (receipt->note);
  receipt->note = g_strdup (oopt.note != NULL ? oopt.note : "");
  if (!dn_store_record_report_received (run->store, receipt, pdf, error))
    return FALSE;
  if (receipt->document_id > 0)
    out (_("Report of %s for %s recorded (#%lld), incoming document #%lld.\n"), oopt.unit, receipt->period,
         (long long) receipt->id, (long long) receipt->document_id);
  else
    out (_("Report of %s for %s recorded (#%lld).\n"), oopt.unit, receipt->period, (long long) receipt->id);
  return TRUE;
}

static gboolean
check_remind (Run     *run,
              GError **error)
{
  if (!check_owed (run, error))
    return FALSE;
  if (oopt.period == NULL && !oopt.late)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say which reports are awaited: --period PERIOD, or --late."));
  oopt.reminder_value = DN_REMINDER_NOTICE;
  if (oopt.reminder != NULL && !dn_reminder_kind_from_string (oopt.reminder, &oopt.reminder_value))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, oopt.reminder,
                         _("Unknown kind of reminder “%s”: use notice, criticism or review."));
  return TRUE;
}

static gboolean
run_remind (Run     *run,
            GError **error)
{
  g_autofree char *period = NULL;
  g_autoptr(GPtrArray) owed = NULL;
  DnOwedQuery query;
  guint sent = 0;

  if (!fill_query (run, &query, &period, error))
    return FALSE;
  query.outstanding = TRUE;
  owed = dn_store_list_owed_reports (run->store, &query, NULL, error);
  if (owed == NULL || !dn_store_remind_owed_reports (run->store, owed, oopt.reminder_value, &sent, error))
    return FALSE;
  out (_("Reports not received: %u\n"), owed->len);
  out (g_dngettext (GETTEXT_PACKAGE, "%u reminder sent.\n", "%u reminders sent.\n", sent), sent);
  return TRUE;
}

const Command dn_cli_owed_commands[] = {
  { "reports-owed", N_("List the periodic reports the units owe, received or not"),
    N_("List the reports each unit owes for the recurring tasks that ask for one, a line per unit and period: task, "
       "unit code, kind, period, due day, state (pending, late, received, received-late), day received, incoming "
       "document, unit name, task title."),
    NULL, owed_options, &no_words, check_owed, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY, run_owed },
  { "report-received", N_("Record a unit's periodic report as received"),
    N_("Record that a unit's report came, for the occurrence of the recurring task that covers the period; with "
       "--pdf the file is registered as an incoming document and attached to it, all or nothing."),
    NULL, received_options, &no_words, check_received, DN_STORE_OPEN_NO_CREATE, run_received },
  { "remind-owed", N_("Remind the units that have not sent a periodic report"),
    N_("Send a reminder to each unit whose report of the period (or any late one) has not come; a unit already "
       "reminded of it today with that kind is not reminded again."),
    NULL, remind_options, &no_words, check_remind, DN_STORE_OPEN_NO_CREATE, run_remind },
};
const guint dn_cli_n_owed_commands = G_N_ELEMENTS (dn_cli_owed_commands);
