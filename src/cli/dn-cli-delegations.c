/* dn-cli-delegations.c: doingoai-cli delegations, delegation-add,
 * delegation-member, delegation-status: outbound and inbound delegations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-text.h"

static struct
{
  /* as typed */
  char     *direction;
  char     *status;
  char     *abroad_on;
  char     *title;
  char     *from;
  char     *to;
  char     *countries;
  char     *purpose;
  char     *inviting_party;
  char     *funding;
  char     *role;
  char     *passport;
  char     *position;
  char     *grade;
  char     *guest;
  char     *nationality;
  char     *guest_passport;
  char     *organisation;
  char     *date;
  gint64    budget;
  gint64    person;
  gint64    decision;
  gint64    proposal;
  gint64    report_document;
  gboolean  overdue;
  gboolean  not_in_plan;
  gboolean  confirm;
  /* checked */
  int                  direction_value;
  int                  status_value;
  GDate                abroad_on_date;
  GDate                from_date;
  GDate                to_date;
  GDate                date_value;
  DnFundingSource      funding_value;
  DnMemberRole         role_value;
  GPtrArray           *country_list;
  gint64               id;
  gint64               passport_id;
} dopt = { .budget = -1 };

static char **const dopt_texts[] = {
  &dopt.title, &dopt.purpose, &dopt.inviting_party, &dopt.passport, &dopt.position, &dopt.grade, &dopt.guest,
  &dopt.guest_passport, &dopt.organisation,
};

void
dn_cli_delegations_clear (void)
{
  char **const all[] = {
    &dopt.direction, &dopt.status, &dopt.abroad_on, &dopt.title, &dopt.from, &dopt.to, &dopt.countries,
    &dopt.purpose, &dopt.inviting_party, &dopt.funding, &dopt.role, &dopt.passport, &dopt.position, &dopt.grade,
    &dopt.guest, &dopt.nationality, &dopt.guest_passport, &dopt.organisation, &dopt.date,
  };

  clear_texts (all, G_N_ELEMENTS (all));
  g_clear_pointer (&dopt.country_list, g_ptr_array_unref);
}

static void
set_text (char       **field,
          const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* The passport of @person_id whose number is @number. */
static gboolean
find_passport (DnStore     *store,
               gint64       person_id,
               const char  *number,
               gint64      *id,
               GError     **error)
{
  g_autoptr(GPtrArray) passports = dn_store_list_member_passports (store, person_id, error);

  if (passports == NULL)
    return FALSE;
  for (guint i = 0; i < passports->len; i++)
    if (g_ascii_strcasecmp (DN_PASSPORT (passports->pdata[i])->number, number) == 0)
      {
        *id = DN_PASSPORT (passports->pdata[i])->id;
        return TRUE;
      }
  g_set_error (error, CLI_ERROR, CLI_ERROR_REFUSED,
               _("Person #%lld has no valid passport numbered “%s”."), (long long) person_id, number);
  return FALSE;
}

/* A usage error with @message as it is. */
static gboolean
usage (GError     **error,
       int          code,
       const char  *message)
{
  return cli_refuse (error, code, "%s", message);
}

static gboolean
check_date (const char  *text,
            const char  *option,
            GDate       *date,
            GError     **error)
{
  g_autofree char *shown = NULL;

  g_date_clear (date, 1);
  if (text == NULL || dn_date_parse_iso (text, date))
    return TRUE;
  shown = dn_text_escape_for_display (text, 40);
  g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE_BRIEF, _("“%s” is not a date: write %s YYYY-MM-DD."), shown, option);
  return FALSE;
}

static gboolean
check_direction (gboolean   required,
                 GError   **error)
{
  DnDelegationDirection direction;

  dopt.direction_value = -1;
  if (dopt.direction == NULL)
    return !required || usage (error, CLI_ERROR_USAGE, _("Say which delegation: --direction out or --direction in."));
  if (!dn_delegation_direction_from_string (dopt.direction, &direction))
    return usage (error, CLI_ERROR_USAGE_BRIEF, _("The direction is “out” (going abroad) or “in” (visiting)."));
  dopt.direction_value = direction;
  return TRUE;
}

static gboolean
check_id (const char  *word,
          GError     **error)
{
  return parse_id (word, &dopt.id) ||
         refuse_value (error, CLI_ERROR_USAGE, word, _("“%s” is not a delegation number."));
}

/* "KR:5,JP,US:3" */
static gboolean
check_countries (GError **error)
{
  g_auto(GStrv) items = NULL;

  if (dopt.countries == NULL)
    return TRUE;
  dopt.country_list = g_ptr_array_new_with_free_func (g_object_unref);
  items = g_strsplit (dopt.countries, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (items[i]), ":", 2);
      DnDelegationCountry *country;
      guint64 days = 0;

      if (parts[0] == NULL || parts[0][0] == '\0')
        continue;
      if (parts[1] != NULL && !g_ascii_string_to_unsigned (parts[1], 10, 1, 366, &days, NULL))
        return refuse_value (error, CLI_ERROR_USAGE_BRIEF, items[i],
                             _("“%s”: write a country as CODE or CODE:DAYS, days from 1 to 366."));
      country = dn_delegation_country_new ();
      g_free (country->country_code);
      country->country_code = g_ascii_strup (parts[0], -1);
      country->days = (guint) days;
      g_ptr_array_add (dopt.country_list, country);
    }
  return TRUE;
}

/* delegations ------------------------------------------------------------ */

const GOptionEntry dn_cli_delegations_options[] = {
  { "direction", 'd', 0, G_OPTION_ARG_FILENAME, &dopt.direction, N_("out (going abroad) or in (visiting)"), "out|in" },
  { "status", 's', 0, G_OPTION_ARG_FILENAME, &dopt.status,
    N_("proposed, approved, abroad, returned, reported or cancelled"), "S" },
  { "abroad-on", 0, 0, G_OPTION_ARG_FILENAME, &dopt.abroad_on,
    N_("Only delegations approved or abroad on that day"), N_("YYYY-MM-DD") },
  { "overdue", 'o', 0, G_OPTION_ARG_NONE, &dopt.overdue, N_("Only those whose results report is overdue"), NULL },
  G_OPTION_ENTRY_NULL
};

gboolean
dn_cli_check_delegations (Run     *run,
                          GError **error)
{
  DnDelegationStatus status;

  dopt.status_value = -1;
  if (dopt.status != NULL)
    {
      if (!dn_delegation_status_from_string (dopt.status, &status))
        return usage (error, CLI_ERROR_USAGE_BRIEF,
                      _("The status is proposed, approved, abroad, returned, reported or cancelled."));
      dopt.status_value = status;
    }
  return check_direction (FALSE, error) && check_date (dopt.abroad_on, "--abroad-on", &dopt.abroad_on_date, error);
}

static GPtrArray *
read_delegations (Run           *run,
                  gconstpointer  query,
                  gpointer       after,
                  guint          limit,
                  GError       **error)
{
  return dn_store_list_delegations (run->store, query, after, limit, error);
}

static void
print_delegation (gpointer record)
{
  DnDelegation *d = record;
  g_autofree char *start = dn_date_format_iso (&d->start_date);
  g_autofree char *end = dn_date_format_iso (&d->end_date);
  g_autofree char *title = tsv_field (d->title);

  out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%u\t%s\n", d->id,
       dn_delegation_direction_to_string (d->direction), start, end,
       dn_delegation_status_to_string (d->status), d->country_codes, d->n_members, title);
}

gboolean
dn_cli_delegations_query (Run      *run,
                          gpointer  query,
                          GError  **error)
{
  DnDelegationQuery *q = query;

  dn_delegation_query_init (q);
  q->direction = dopt.direction_value;
  q->status = dopt.status_value;
  q->abroad_on = dopt.abroad_on_date;
  q->report_overdue = dopt.overdue;
  dn_date_today (&q->today);
  return TRUE;
}

gboolean
dn_cli_run_delegations (Run     *run,
                        GError **error)
{
  DnDelegationQuery query;

  dn_cli_delegations_query (run, &query, error);
  return print_pages (run, read_delegations, &query, 256, print_delegation, error);
}

/* delegation-add ----------------------------------------------------------- */

const GOptionEntry dn_cli_delegation_add_options[] = {
  { "direction", 'd', 0, G_OPTION_ARG_FILENAME, &dopt.direction, N_("out (going abroad) or in (visiting)"), "out|in" },
  { "title", 't', 0, G_OPTION_ARG_FILENAME, &dopt.title, N_("The delegation's name"), N_("TEXT") },
  { "from", 0, 0, G_OPTION_ARG_FILENAME, &dopt.from, N_("The first day"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &dopt.to, N_("The last day"), N_("YYYY-MM-DD") },
  { "countries", 'c', 0, G_OPTION_ARG_FILENAME, &dopt.countries,
    N_("Countries as ISO codes, each with its days: KR:5,JP:3"), N_("CODE[:DAYS],…") },
  { "purpose", 0, 0, G_OPTION_ARG_FILENAME, &dopt.purpose, N_("What the trip is for"), N_("TEXT") },
  { "inviting-party", 0, 0, G_OPTION_ARG_FILENAME, &dopt.inviting_party,
    N_("Who invites (outbound) or the foreign organisation (inbound)"), N_("TEXT") },
  { "funding", 0, 0, G_OPTION_ARG_FILENAME, &dopt.funding,
    N_("state_budget, partner, project, self or other"), "F" },
  { "budget", 0, 0, G_OPTION_ARG_INT64, &dopt.budget, N_("The budget in đồng"), "N" },
  { "proposal", 0, 0, G_OPTION_ARG_INT64, &dopt.proposal, N_("The document id of its đề án"), N_("DOC-ID") },
  { "not-in-plan", 0, 0, G_OPTION_ARG_NONE, &dopt.not_in_plan, N_("Not in the year's external-affairs plan"), NULL },
  { "confirm", 0, 0, G_OPTION_ARG_NONE, &dopt.confirm, N_("Go past the local limits' warnings"), NULL },
  G_OPTION_ENTRY_NULL
};

gboolean
dn_cli_check_delegation_add (Run     *run,
                             GError **error)
{
  DnFundingSource funding = DN_FUNDING_STATE_BUDGET;

  if (dopt.title == NULL || dopt.from == NULL || dopt.to == NULL)
    return usage (error, CLI_ERROR_USAGE,
                  _("Give the delegation's direction, name and dates: --direction out|in --title TEXT "
                    "--from YYYY-MM-DD --to YYYY-MM-DD."));
  if (dopt.funding != NULL && !dn_funding_source_from_string (dopt.funding, &funding))
    return usage (error, CLI_ERROR_USAGE_BRIEF,
                  _("The funding is state_budget, partner, project, self or other."));
  dopt.funding_value = funding;
  if (dopt.budget < -1)
    return usage (error, CLI_ERROR_USAGE_BRIEF, _("The budget cannot be negative."));
  return check_direction (TRUE, error) && check_date (dopt.from, "--from", &dopt.from_date, error) &&
         check_date (dopt.to, "--to", &dopt.to_date, error) && check_countries (error) && text_options (dopt_texts, G_N_ELEMENTS (dopt_texts), error);
}

gboolean
dn_cli_run_delegation_add (Run     *run,
                           GError **error)
{
  g_autoptr(DnDelegation) d = dn_delegation_new ();
  gboolean ok;

  d->direction = dopt.direction_value;
  g_free (d->title);
  d->title = g_strdup (dopt.title);
  if (dopt.purpose != NULL)
    {
      g_free (d->purpose);
      d->purpose = g_strdup (dopt.purpose);
    }
  if (dopt.inviting_party != NULL)
    {
      g_free (d->inviting_party);
      d->inviting_party = g_strdup (dopt.inviting_party);
    }
  d->start_date = dopt.from_date;
  d->end_date = dopt.to_date;
  d->funding = dopt.funding_value;
  d->budget = dopt.budget;
  d->in_plan = !dopt.not_in_plan;
  d->proposal_document_id = dopt.proposal;
  ok = dn_store_add_delegation (run->store, d, dopt.country_list, dopt.confirm, error);
  if (ok)
    out ("%" G_GINT64_FORMAT "\n", d->id);
  return ok;
}

/* delegation-member -------------------------------------------------------- */

const GOptionEntry dn_cli_delegation_member_options[] = {
  { "person", 'p', 0, G_OPTION_ARG_INT64, &dopt.person, N_("One of the staff (the id “people” lists)"), N_("ID") },
  { "role", 'r', 0, G_OPTION_ARG_FILENAME, &dopt.role, N_("head, deputy or member (default)"), N_("ROLE") },
  { "passport", 0, 0, G_OPTION_ARG_FILENAME, &dopt.passport, N_("The passport the member uses: its number"),
    N_("NUMBER") },
  { "position", 0, 0, G_OPTION_ARG_FILENAME, &dopt.position, N_("Position (default: the person's)"), N_("TEXT") },
  { "grade", 0, 0, G_OPTION_ARG_FILENAME, &dopt.grade, N_("Civil-service grade (mã ngạch)"), N_("CODE") },
  { "guest", 'g', 0, G_OPTION_ARG_FILENAME, &dopt.guest, N_("A guest of a visiting delegation: the name"),
    N_("NAME") },
  { "nationality", 0, 0, G_OPTION_ARG_FILENAME, &dopt.nationality, N_("The guest's nationality (ISO code)"),
    N_("CODE") },
  { "guest-passport", 0, 0, G_OPTION_ARG_FILENAME, &dopt.guest_passport, N_("The guest's passport number"),
    N_("NUMBER") },
  { "organisation", 0, 0, G_OPTION_ARG_FILENAME, &dopt.organisation, N_("The guest's organisation"), N_("TEXT") },
  { "confirm", 0, 0, G_OPTION_ARG_NONE, &dopt.confirm, N_("Go past the local limits' warnings"), NULL },
  G_OPTION_ENTRY_NULL
};

gboolean
dn_cli_check_delegation_member (Run     *run,
                                GError **error)
{
  DnMemberRole role = DN_MEMBER_MEMBER;

  if (!check_id (run->words[0], error))
    return FALSE;
  if ((dopt.person > 0) == (dopt.guest != NULL))
    return usage (error, CLI_ERROR_USAGE, _("Give either one of the staff (--person ID) or a guest (--guest NAME)."));
  if (dopt.passport != NULL && dopt.person <= 0)
    return usage (error, CLI_ERROR_USAGE_BRIEF, _("--passport goes with --person; a guest's is --guest-passport."));
  if (dopt.role != NULL && !dn_member_role_from_string (dopt.role, &role))
    return usage (error, CLI_ERROR_USAGE_BRIEF, _("The role is head, deputy or member."));
  dopt.role_value = role;
  return text_options (dopt_texts, G_N_ELEMENTS (dopt_texts), error);
}

gboolean
dn_cli_run_delegation_member (Run     *run,
                              GError **error)
{
  g_autoptr(DnDelegationMember) m = dn_delegation_member_new ();
  gboolean ok = TRUE;

  m->delegation_id = dopt.id;
  m->person_id = dopt.person;
  m->role = dopt.role_value;
  if (dopt.guest != NULL)
    set_text (&m->name, dopt.guest);
  set_text (&m->position, dopt.position);
  set_text (&m->grade, dopt.grade);
  set_text (&m->guest_nationality, dopt.nationality);
  set_text (&m->guest_passport, dopt.guest_passport);
  set_text (&m->guest_organisation, dopt.organisation);
  if (dopt.passport != NULL)
    {
      gint64 passport_id = 0;

      ok = m->person_id > 0 && find_passport (run->store, m->person_id, dopt.passport, &passport_id, error);
      m->passport_id = passport_id;
    }
  ok = ok && dn_store_add_delegation_member (run->store, m, dopt.confirm, error);
  if (ok)
    out ("%" G_GINT64_FORMAT "\n", m->id);
  return ok;
}

/* delegation-status --------------------------------------------------------- */

const GOptionEntry dn_cli_delegation_status_options[] = {
  { "decision", 0, 0, G_OPTION_ARG_INT64, &dopt.decision,
    N_("With approve: the document id of the decision (quyết định cử)"), N_("DOC-ID") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &dopt.date,
    N_("With return: the day it came back (default: the planned end); with report: the day the report came "
       "(default: today)"), N_("YYYY-MM-DD") },
  { "report-document", 0, 0, G_OPTION_ARG_INT64, &dopt.report_document,
    N_("With report: the document id of the results report"), N_("DOC-ID") },
  { "confirm", 0, 0, G_OPTION_ARG_NONE, &dopt.confirm, N_("Go past the local limits' warnings"), NULL },
  G_OPTION_ENTRY_NULL
};

static const char *const status_actions[] = { "approve", "depart", "return", "report", "cancel", NULL };

gboolean
dn_cli_check_delegation_status (Run     *run,
                                GError **error)
{
  if (!check_id (run->words[0], error))
    return FALSE;
  if (!g_strv_contains (status_actions, run->words[1]))
    return refuse_value (error, CLI_ERROR_USAGE, run->words[1],
                         _("Unknown change “%s”: use approve, depart, return, report or cancel."));
  return check_date (dopt.date, "--date", &dopt.date_value, error);
}

gboolean
dn_cli_run_delegation_status (Run     *run,
                              GError **error)
{
  const char *action = run->words[1];
  g_autoptr(DnDelegation) d = NULL;
  gboolean ok;

  if (g_str_equal (action, "approve"))
    ok = dn_store_approve_delegation (run->store, dopt.id, dopt.decision, error);
  else if (g_str_equal (action, "depart"))
    ok = dn_store_depart_delegation (run->store, dopt.id, error);
  else if (g_str_equal (action, "return"))
    ok = dn_store_return_delegation (run->store, dopt.id, &dopt.date_value, error);
  else if (g_str_equal (action, "report"))
    {
      if (!g_date_valid (&dopt.date_value))
        dn_date_today (&dopt.date_value);
      ok = dn_store_record_delegation_report (run->store, dopt.id, dopt.report_document, &dopt.date_value, error);
    }
  else
    ok = dn_store_cancel_delegation (run->store, dopt.id, error);
  if (!ok || (d = dn_store_get_delegation (run->store, dopt.id, error)) == NULL)
    return FALSE;
  /* ID, the new status, and the day the results report is due (once returned) */
  {
    g_autofree char *due = g_date_valid (&d->report_due_date) ? dn_date_format_iso (&d->report_due_date)
                                                               : g_strdup ("");
    out ("%" G_GINT64_FORMAT "\t%s\t%s\n", d->id, dn_delegation_status_to_string (d->status), due);
  }
  return TRUE;
}
