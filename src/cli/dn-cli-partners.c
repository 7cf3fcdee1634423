/* dn-cli-partners.c: partners and their aid projects from the command line
 *
 *   partners [--expiring-before DATE] [--kind K] [--country CC] [--search TEXT]
 *   partner-add --name NAME [--kind K] [--country CC] [--registration KIND
 *               --number N --expires DATE] [--short-name S] [--contact T]
 *               [--notes T] [--confirm]
 *   partner-edit ID [the same options: only those given change]
 *   partner-delete ID
 *   projects [--partner ID]
 *   project-add --partner ID --name NAME [--code C] [--lead CODE]
 *               [--start DATE] [--end DATE] [--budget AMOUNT]
 *               [--currency CUR] [--status S] [--description T]
 *   project-edit ID [the same options]
 *   project-delete ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-amount.h"
#include "dn-cli.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-text.h"

/* The options of every partner and project command, as typed. */
static struct
{
  char     *search, *kind, *country, *expiring_before;
  char     *name, *short_name, *registration, *number, *expires, *contact, *notes;
  char     *partner, *code, *lead, *start, *end, *budget, *currency, *status, *description;
  gboolean  confirm;
} popt;

/* What check_* made of them. */
static struct
{
  gint64          id;       /* the record of an -edit or -delete */
  DnPartnerQuery  query;
  char           *search;
  char           *country;
} pchecked;

void
dn_cli_partners_clear (void)
{
  char **const fields[] = {
    &popt.search, &popt.kind, &popt.country, &popt.expiring_before, &popt.name, &popt.short_name,
    &popt.registration, &popt.number, &popt.expires, &popt.contact, &popt.notes, &popt.partner, &popt.code,
    &popt.lead, &popt.start, &popt.end, &popt.budget, &popt.currency, &popt.status, &popt.description,
  };

  clear_texts (fields, G_N_ELEMENTS (fields));
  g_clear_pointer (&pchecked.search, g_free);
  g_clear_pointer (&pchecked.country, g_free);
}

/* A usage error (exit 2) or a refusal (exit 1) whose message shows what
 * was typed, escaped. */

/* The record number that is the command's one word. */
static gboolean
check_id (Run     *run,
          GError **error)
{
  return parse_id (run->words[0], &pchecked.id) ||
         refuse_value (error, CLI_ERROR_USAGE_BRIEF, run->words[0], _("“%s” is not a record number."));
}

static gboolean
take_date (const char  *raw,
           const char  *option,
           GDate       *date,
           GError     **error)
{
  /* "": none */
  if (raw != NULL && raw[0] == '\0')
    {
      g_date_clear (date, 1);
      return TRUE;
    }
  return date_option (raw, option, CLI_ERROR_REFUSED, date, error);
}

/* A partner's kind, a paper's kind, a country: from their keywords. */
static gboolean
parse_kind (const char     *raw,
            DnPartnerKind  *kind)
{
  return dn_partner_kind_from_string (raw, kind);
}

/*
 * partners
 */

static const GOptionEntry dn_cli_partners_options[] = {
  { "expiring-before", 'e', 0, G_OPTION_ARG_FILENAME, &popt.expiring_before,
    N_("Only partners whose registration paper expires before this day (expired ones too)"), N_("DATE") },
  { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &popt.kind,
    N_("ngo, un_agency, government_agency, university, company or other"), N_("KIND") },
  { "country", 'c', 0, G_OPTION_ARG_FILENAME, &popt.country, N_("Only partners of this country (ISO code: KR)"),
    N_("CODE") },
  { "search", 's', 0, G_OPTION_ARG_FILENAME, &popt.search, N_("Only partners whose name or notes hold these words"),
    N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
dn_cli_check_partners (Run     *run,
                       GError **error)
{
  dn_partner_query_init (&pchecked.query);
  if (popt.expiring_before != NULL && !dn_date_parse_user (popt.expiring_before, &pchecked.query.expiring_before))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.expiring_before,
                         _("“%s” is not a date: write --expiring-before YYYY-MM-DD."));
  if (popt.kind != NULL)
    {
      DnPartnerKind kind;

      if (!parse_kind (popt.kind, &kind))
        return refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.kind,
                             _("Unknown kind of partner “%s”: use ngo, un_agency, government_agency, university, "
                               "company or other."));
      pchecked.query.kind = (int) kind;
    }
  if (popt.country != NULL)
    {
      pchecked.country = g_ascii_strup (popt.country, -1);
      if (!dn_country_is_valid (pchecked.country))
        return refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.country,
                             _("“%s” is not a country code (two letters of ISO 3166-1, such as KR)."));
      pchecked.query.country_code = pchecked.country;
    }
  if (!take_text (popt.search, &pchecked.search, error))
    return FALSE;
  pchecked.query.text = pchecked.search;
  return TRUE;
}

static gboolean
print_partner (DnPartner *partner,
               gpointer   user_data)
{
  g_autofree char *expiry = g_date_valid (&partner->registration_expiry)
                            ? dn_date_format_iso (&partner->registration_expiry) : g_strdup ("");
  g_autofree char *name = tsv_field (partner->name);

  out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", partner->id, dn_partner_kind_to_string (partner->kind),
       partner->country_code, expiry, name);
  return TRUE;
}

gboolean
dn_cli_partners_query (Run      *run,
                       gpointer  query,
                       GError  **error)
{
  *(DnPartnerQuery *) query = pchecked.query;
  return TRUE;
}

static gboolean
dn_cli_run_partners (Run     *run,
                     GError **error)
{
  return dn_store_foreach_partner (run->store, &pchecked.query, print_partner, NULL, error);
}

/*
 * partner-add, partner-edit, partner-delete
 */

static const GOptionEntry dn_cli_partner_options[] = {
  { "name", 'n', 0, G_OPTION_ARG_FILENAME, &popt.name, N_("The partner's full name"), N_("NAME") },
  { "short-name", 0, 0, G_OPTION_ARG_FILENAME, &popt.short_name, N_("A short name or abbreviation (KOICA)"),
    N_("NAME") },
  { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &popt.kind,
    N_("ngo, un_agency, government_agency, university, company or other"), N_("KIND") },
  { "country", 'c', 0, G_OPTION_ARG_FILENAME, &popt.country, N_("The partner's country (ISO code: KR; \"\" for none)"),
    N_("CODE") },
  { "registration", 'r', 0, G_OPTION_ARG_FILENAME, &popt.registration,
    N_("The registration paper: none, operation, representative_office, project or other"), N_("KIND") },
  { "number", 0, 0, G_OPTION_ARG_FILENAME, &popt.number, N_("The registration paper's number"), N_("NUMBER") },
  { "expires", 0, 0, G_OPTION_ARG_FILENAME, &popt.expires, N_("The day the registration paper expires (\"\" for none)"),
    N_("DATE") },
  { "contact", 0, 0, G_OPTION_ARG_FILENAME, &popt.contact, N_("Who to contact, and how"), N_("TEXT") },
  { "notes", 0, 0, G_OPTION_ARG_FILENAME, &popt.notes, N_("Notes"), N_("TEXT") },
  { "confirm", 'y', 0, G_OPTION_ARG_NONE, &popt.confirm,
    N_("Save even when a rule warns (a paper expiring later than it can last)"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
dn_cli_check_partner_add (Run     *run,
                          GError **error)
{
  if (popt.name == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Give the partner's name: partner-add --name NAME."));
  return TRUE;
}

static gboolean
dn_cli_check_record (Run     *run,
                     GError **error)
{
  return check_id (run, error);
}

/* The options given, onto @partner. */
static gboolean
apply_partner_options (DnPartner  *partner,
                       GError    **error)
{
  if (popt.kind != NULL && !parse_kind (popt.kind, &partner->kind))
    return refuse_option (error, CLI_ERROR_REFUSED, "--kind", popt.kind,
                          _("%s: unknown kind “%s”: use ngo, un_agency, government_agency, university, company or "
                            "other."));
  if (popt.registration != NULL && !dn_registration_kind_from_string (popt.registration, &partner->registration_kind))
    return refuse_option (error, CLI_ERROR_REFUSED, "--registration", popt.registration,
                          _("%s: unknown paper “%s”: use none, operation, representative_office, project or other."));
  return take_text (popt.name, &partner->name, error) &&
         take_text (popt.short_name, &partner->short_name, error) &&
         take_text (popt.country, &partner->country_code, error) &&
         take_text (popt.number, &partner->registration_number, error) &&
         take_text (popt.contact, &partner->contact, error) &&
         take_text (popt.notes, &partner->notes, error) &&
         take_date (popt.expires, "--expires", &partner->registration_expiry, error);
}

/* A warning the officer did not confirm: say how to. */
static void
explain_warning (GError **error)
{
  if (error != NULL && *error != NULL && g_error_matches (*error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    g_prefix_error (error, "%s ", _("Nothing was saved (run again with --confirm to save it anyway):"));
}

static gboolean
save_partner (Run       *run,
              DnPartner *partner,
              gboolean   is_new,
              GError   **error)
{
  GDate today;
  gboolean ok;

  dn_date_today (&today);
  ok = apply_partner_options (partner, error) &&
       (is_new ? dn_store_add_partner (run->store, partner, &today, popt.confirm, error)
               : dn_store_update_partner (run->store, partner, &today, popt.confirm, error));
  explain_warning (error);
  return ok;
}

static gboolean
dn_cli_run_partner_add (Run     *run,
                        GError **error)
{
  g_autoptr(DnPartner) partner = dn_partner_new ();

  partner->kind = DN_PARTNER_OTHER;
  if (!save_partner (run, partner, TRUE, error))
    return FALSE;
  out ("%" G_GINT64_FORMAT "\n", partner->id);
  return TRUE;
}

static gboolean
dn_cli_run_partner_edit (Run     *run,
                         GError **error)
{
  g_autoptr(DnPartner) partner = dn_store_get_partner (run->store, pchecked.id, error);

  if (partner == NULL)
    return FALSE;
  return save_partner (run, partner, FALSE, error);
}

static gboolean
dn_cli_run_partner_delete (Run     *run,
                           GError **error)
{
  return dn_store_delete_partner (run->store, pchecked.id, error);
}

/*
 * projects, project-add, project-edit, project-delete
 */

static const GOptionEntry dn_cli_projects_options[] = {
  { "partner", 'p', 0, G_OPTION_ARG_FILENAME, &popt.partner, N_("Only the projects of this partner"), N_("ID") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry dn_cli_project_options[] = {
  { "partner", 'p', 0, G_OPTION_ARG_FILENAME, &popt.partner, N_("The partner's number (see “partners”)"), N_("ID") },
  { "name", 'n', 0, G_OPTION_ARG_FILENAME, &popt.name, N_("The project's name"), N_("NAME") },
  { "code", 0, 0, G_OPTION_ARG_FILENAME, &popt.code, N_("The project's code"), N_("CODE") },
  { "lead", 'l', 0, G_OPTION_ARG_FILENAME, &popt.lead, N_("The code of the unit that leads it (\"\" for none)"),
    N_("CODE") },
  { "start", 0, 0, G_OPTION_ARG_FILENAME, &popt.start, N_("The day it starts (\"\" for none)"), N_("DATE") },
  { "end", 0, 0, G_OPTION_ARG_FILENAME, &popt.end, N_("The day it ends (\"\" for none)"), N_("DATE") },
  { "budget", 'b', 0, G_OPTION_ARG_FILENAME, &popt.budget,
    N_("Its budget in whole units of the currency, 1.234.567 or 1234567 (\"\" for not stated)"), N_("AMOUNT") },
  { "currency", 0, 0, G_OPTION_ARG_FILENAME, &popt.currency, N_("The budget's currency (ISO 4217: VND, USD)"),
    N_("CUR") },
  { "status", 's', 0, G_OPTION_ARG_FILENAME, &popt.status, N_("proposed, active or closed"), "S" },
  { "description", 0, 0, G_OPTION_ARG_FILENAME, &popt.description, N_("What it does"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
dn_cli_check_projects (Run     *run,
                       GError **error)
{
  pchecked.id = 0;
  return popt.partner == NULL || parse_id (popt.partner, &pchecked.id) ||
         refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.partner, _("“%s” is not a partner number."));
}

static gboolean
dn_cli_check_project_add (Run     *run,
                          GError **error)
{
  if (popt.partner == NULL || popt.name == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Give the partner and the project's name: project-add --partner ID --name NAME."));
  return TRUE;
}

/* The code of unit @id, from @codes or read once. */
static const char *
unit_code (DnStore    *store,
           GHashTable *codes,
           gint64      id)
{
  char *code;

  if (id <= 0)
    return "";
  code = g_hash_table_lookup (codes, &id);
  if (code == NULL)
    {
      g_autoptr(DnUnit) unit = dn_store_get_unit (store, id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      code = g_strdup (unit != NULL ? unit->code : "");
      g_hash_table_insert (codes, key, code);
    }
  return code;
}

static gboolean
dn_cli_run_projects (Run     *run,
                     GError **error)
{
  g_autoptr(GPtrArray) projects = dn_store_list_projects (run->store, pchecked.id, error);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      DnProject *project = projects->pdata[i];
      g_autofree char *start = g_date_valid (&project->start_date) ? dn_date_format_iso (&project->start_date)
                                                                   : g_strdup ("");
      g_autofree char *end = g_date_valid (&project->end_date) ? dn_date_format_iso (&project->end_date)
                                                               : g_strdup ("");
      g_autofree char *budget = project->budget >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, project->budget)
                                                     : g_strdup ("");
      g_autofree char *name = tsv_field (project->name);
      g_autofree char *lead = tsv_field (unit_code (run->store, codes, project->unit_id));

      out ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", project->id,
           project->partner_id, dn_project_status_to_string (project->status), start, end, budget,
           project->currency, lead, name);
    }
  return TRUE;
}

static gboolean
apply_project_options (Run        *run,
                       DnProject  *project,
                       GError    **error)
{
  if (popt.partner != NULL && !parse_id (popt.partner, &project->partner_id))
    return refuse_option (error, CLI_ERROR_REFUSED, "--partner", popt.partner, _("%s: “%s” is not a partner number."));
  if (popt.status != NULL && !dn_project_status_from_string (popt.status, &project->status))
    return refuse_option (error, CLI_ERROR_REFUSED, "--status", popt.status,
                          _("%s: unknown status “%s”: use proposed, active or closed."));
  if (popt.budget != NULL)
    {
      if (popt.budget[0] == '\0')
        project->budget = -1;
      else if (!dn_parse_amount (popt.budget, &project->budget))
        return refuse_option (error, CLI_ERROR_REFUSED, "--budget", popt.budget,
                              _("%s: “%s” is not an amount: write whole units, such as 1.234.567 or 1234567."));
    }
  if (popt.lead != NULL)
    {
      g_autofree char *code = NULL;

      if (!text_option (popt.lead, &code, error))
        return FALSE;
      project->unit_id = 0;
      if (code[0] != '\0' && !resolve_unit (run->store, code, &project->unit_id, error))
        return FALSE;
    }
  return take_text (popt.name, &project->name, error) &&
         take_text (popt.code, &project->code, error) &&
         take_text (popt.currency, &project->currency, error) &&
         take_text (popt.description, &project->description, error) &&
         take_date (popt.start, "--start", &project->start_date, error) &&
         take_date (popt.end, "--end", &project->end_date, error);
}

static gboolean
dn_cli_run_project_add (Run     *run,
                        GError **error)
{
  g_autoptr(DnProject) project = dn_project_new ();
  gboolean ok;

  project->status = DN_PROJECT_ACTIVE;
  project->budget = -1;
  ok = apply_project_options (run, project, error) && dn_store_add_project (run->store, project, error);
  if (ok)
    out ("%" G_GINT64_FORMAT "\n", project->id);
  return ok;
}

static gboolean
dn_cli_run_project_edit (Run     *run,
                         GError **error)
{
  g_autoptr(DnProject) project = dn_store_get_project (run->store, pchecked.id, error);

  return project != NULL && apply_project_options (run, project, error) &&
         dn_store_update_project (run->store, project, error);
}

static gboolean
dn_cli_run_project_delete (Run     *run,
                           GError **error)
{
  return dn_store_delete_project (run->store, pchecked.id, error);
}

/*
 * The commands
 */

static const Words one_record = { 1, 1, N_("Give the record's number.") };

const Command dn_cli_partner_commands[] = {
  { "partners", N_("List partners, or those whose registration paper expires soon"),
    N_("List partners in Vietnamese order, one per line: ID, KIND, COUNTRY (ISO code), REGISTRATION-EXPIRY, NAME."),
    NULL, dn_cli_partners_options, &no_words, dn_cli_check_partners, DN_STORE_OPEN_NO_CREATE, dn_cli_run_partners },
  { "partner-add", N_("Add a partner; prints its number"),
    N_("Add a partner (NGO, United Nations agency, government agency, university, company) and print its number. "
       "A paper expiring later than Decree 58/2022 lets it last is saved only with --confirm."),
    NULL, dn_cli_partner_options, &no_words, dn_cli_check_partner_add, DN_STORE_OPEN_NO_CREATE,
    dn_cli_run_partner_add },
  { "partner-edit", N_("Change a partner"),
    N_("Change the fields of a partner given as options; the others stay."),
    N_("ID"), dn_cli_partner_options, &one_record, dn_cli_check_record, DN_STORE_OPEN_NO_CREATE,
    dn_cli_run_partner_edit },
  { "partner-delete", N_("Delete a partner without projects or delegations"),
    N_("Delete a partner. A partner with projects, or named by delegations, is kept."),
    N_("ID"), NULL, &one_record, dn_cli_check_record, DN_STORE_OPEN_NO_CREATE, dn_cli_run_partner_delete },
  { "projects", N_("List aid projects"),
    N_("List aid projects, latest start first, one per line: ID, PARTNER-ID, STATUS, START, END, BUDGET, CURRENCY, "
       "LEAD-UNIT-CODE, NAME."),
    NULL, dn_cli_projects_options, &no_words, dn_cli_check_projects, DN_STORE_OPEN_NO_CREATE, dn_cli_run_projects },
  { "project-add", N_("Add an aid project of a partner; prints its number"),
    N_("Add an aid project of a partner and print its number."),
    NULL, dn_cli_project_options, &no_words, dn_cli_check_project_add, DN_STORE_OPEN_NO_CREATE,
    dn_cli_run_project_add },
  { "project-edit", N_("Change an aid project"),
    N_("Change the fields of an aid project given as options; the others stay."),
    N_("ID"), dn_cli_project_options, &one_record, dn_cli_check_record, DN_STORE_OPEN_NO_CREATE,
    dn_cli_run_project_edit },
  { "project-delete", N_("Delete an aid project"),
    N_("Delete an aid project."),
    N_("ID"), NULL, &one_record, dn_cli_check_record, DN_STORE_OPEN_NO_CREATE, dn_cli_run_project_delete },
};

const guint dn_cli_n_partner_commands = G_N_ELEMENTS (dn_cli_partner_commands);
