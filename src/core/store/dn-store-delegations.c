/* dn-store-delegations.c: delegations abroad and visiting delegations
 *
 * The statuses keep version 1's words in the database: 'planned' is
 * proposed, 'ongoing' abroad, 'completed' returned, and a completed
 * delegation whose results report came (report_submitted_on) is reported.
 * The mapping lives here only (STATUS_KEYWORD, db_status).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-calendar.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-text.h"

/* the DnDelegationStatus keyword of a row of "delegation d" */
#define STATUS_KEYWORD \
  "(CASE d.status WHEN 'planned' THEN 'proposed' WHEN 'ongoing' THEN 'abroad' " \
  "WHEN 'completed' THEN (CASE WHEN d.report_submitted_on IS NULL THEN 'returned' ELSE 'reported' END) " \
  "ELSE d.status END)"

#define DELEGATION_COLUMNS \
  "d.id, CASE d.direction WHEN 'outbound' THEN 'out' ELSE 'in' END, " STATUS_KEYWORD ", " \
  "d.title, d.purpose, d.inviting_party, d.partner_id, coalesce(pa.name, ''), d.unit_id, coalesce(u.name, ''), " \
  "d.start_date, d.end_date, d.funding_source, coalesce(d.budget, -1), d.in_plan, d.proposal_document_id, " \
  "d.decision_document_id, " \
  "coalesce((SELECT CASE WHEN doc.number = '' THEN doc.symbol WHEN doc.symbol = '' THEN doc.number " \
  "ELSE doc.number || '/' || doc.symbol END " \
  "|| coalesce(', ' || strftime('%d/%m/%Y', doc.issue_date), '') FROM document doc " \
  "WHERE doc.id = d.decision_document_id), ''), " \
  "d.report_document_id, d.report_due_date, d.report_submitted_on, d.police_informed_on, " \
  "d.foreign_affairs_informed_on, d.notes, " \
  "coalesce((SELECT group_concat(country_code, ',') FROM (SELECT country_code FROM delegation_country " \
  "WHERE delegation_id = d.id ORDER BY rowid)), ''), " \
  "(SELECT count(*) FROM delegation_member WHERE delegation_id = d.id)"
#define DELEGATION_FROM \
  " FROM delegation d LEFT JOIN partner pa ON pa.id = d.partner_id LEFT JOIN unit u ON u.id = d.unit_id "

static const DnRow delegation_row = {
  dn_delegation_get_type,
  { DN_COLUMN (INT64, DnDelegation, id),
    DN_ENUM_COLUMN (DnDelegation, direction, dn_delegation_direction_from_string),
    DN_ENUM_COLUMN (DnDelegation, status, dn_delegation_status_from_string),
    DN_COLUMN (TEXT, DnDelegation, title), DN_COLUMN (TEXT, DnDelegation, purpose),
    DN_COLUMN (TEXT, DnDelegation, inviting_party), DN_COLUMN (INT64, DnDelegation, partner_id),
    DN_COLUMN (TEXT, DnDelegation, partner_name), DN_COLUMN (INT64, DnDelegation, unit_id),
    DN_COLUMN (TEXT, DnDelegation, unit_name), DN_COLUMN (DATE, DnDelegation, start_date),
    DN_COLUMN (DATE, DnDelegation, end_date),
    DN_ENUM_COLUMN (DnDelegation, funding, dn_funding_source_from_string),
    DN_COLUMN (INT64, DnDelegation, budget), DN_COLUMN (BOOL, DnDelegation, in_plan),
    DN_COLUMN (INT64, DnDelegation, proposal_document_id), DN_COLUMN (INT64, DnDelegation, decision_document_id),
    DN_COLUMN (TEXT, DnDelegation, decision_label), DN_COLUMN (INT64, DnDelegation, report_document_id),
    DN_COLUMN (DATE, DnDelegation, report_due_date), DN_COLUMN (DATE, DnDelegation, report_submitted_on),
    DN_COLUMN (DATE, DnDelegation, police_informed_on), DN_COLUMN (DATE, DnDelegation, foreign_affairs_informed_on),
    DN_COLUMN (TEXT, DnDelegation, notes), DN_COLUMN (TEXT, DnDelegation, country_codes),
    DN_COLUMN (INT, DnDelegation, n_members) },
};

static const DnRow country_row = {
  dn_delegation_country_get_type,
  { DN_COLUMN (INT64, DnDelegationCountry, delegation_id), DN_COLUMN (TEXT, DnDelegationCountry, country_code),
    DN_COLUMN (INT, DnDelegationCountry, days) },
};

#define MEMBER_COLUMNS \
  "m.id, m.delegation_id, m.person_id, " \
  "CASE WHEN m.person_id IS NULL THEN m.guest_name " \
  "WHEN p.middle_name = '' THEN p.family_name || ' ' || p.given_name " \
  "ELSE p.family_name || ' ' || p.middle_name || ' ' || p.given_name END, " \
  "m.unit_id, coalesce(u.name, ''), m.position, m.grade, m.role, m.passport_id, coalesce(pp.number, ''), " \
  "coalesce(m.guest_nationality, ''), m.guest_passport, m.guest_organisation"
#define MEMBER_FROM \
  " FROM delegation_member m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN unit u ON u.id = m.unit_id " \
  "LEFT JOIN passport pp ON pp.id = m.passport_id "

static const DnRow member_row = {
  dn_delegation_member_get_type,
  { DN_COLUMN (INT64, DnDelegationMember, id), DN_COLUMN (INT64, DnDelegationMember, delegation_id),
    DN_COLUMN (INT64, DnDelegationMember, person_id), DN_COLUMN (TEXT, DnDelegationMember, name),
    DN_COLUMN (INT64, DnDelegationMember, unit_id), DN_COLUMN (TEXT, DnDelegationMember, unit_name),
    DN_COLUMN (TEXT, DnDelegationMember, position), DN_COLUMN (TEXT, DnDelegationMember, grade),
    DN_ENUM_COLUMN (DnDelegationMember, role, dn_member_role_from_string),
    DN_COLUMN (INT64, DnDelegationMember, passport_id), DN_COLUMN (TEXT, DnDelegationMember, passport_number),
    DN_COLUMN (TEXT, DnDelegationMember, guest_nationality), DN_COLUMN (TEXT, DnDelegationMember, guest_passport),
    DN_COLUMN (TEXT, DnDelegationMember, guest_organisation) },
};

#define PROGRAMME_COLUMNS \
  "i.id, i.delegation_id, i.day, i.time, i.place, i.host_unit_id, coalesce(u.name, ''), i.description"
#define PROGRAMME_FROM " FROM delegation_programme i LEFT JOIN unit u ON u.id = i.host_unit_id "

static const DnRow programme_row = {
  dn_programme_item_get_type,
  { DN_COLUMN (INT64, DnProgrammeItem, id), DN_COLUMN (INT64, DnProgrammeItem, delegation_id),
    DN_COLUMN (DATE, DnProgrammeItem, day), DN_COLUMN (TEXT, DnProgrammeItem, time),
    DN_COLUMN (TEXT, DnProgrammeItem, place), DN_COLUMN (INT64, DnProgrammeItem, host_unit_id),
    DN_COLUMN (TEXT, DnProgrammeItem, host_unit_name), DN_COLUMN (TEXT, DnProgrammeItem, description) },
};

static const char *
db_direction (DnDelegationDirection direction)
{
  return direction == DN_DELEGATION_INBOUND ? "inbound" : "outbound";
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
set_warning (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING, message);
  return FALSE;
}

void
dn_delegation_query_init (DnDelegationQuery *query)
{
  g_return_if_fail (query != NULL);
  memset (query, 0, sizeof *query);
  query->direction = -1;
  query->status = -1;
  g_date_clear (&query->abroad_on, 1);
  g_date_clear (&query->today, 1);
}

/* Reading ------------------------------------------------------------------ */

DnDelegation *
dn_store_get_delegation (DnStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_get_by_id (self, "SELECT " DELEGATION_COLUMNS DELEGATION_FROM "WHERE d.id = ?",
                              &delegation_row, id, error, _("There is no delegation #%lld."), (long long) id);
}

GPtrArray *
dn_store_list_delegation_countries (DnStore  *self,
                                    gint64    delegation_id,
                                    GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT delegation_id, country_code, coalesce(days, 0) FROM delegation_country "
                             "WHERE delegation_id = ? ORDER BY rowid",
                             &country_row, error, DN_INT (delegation_id), DN_END);
}

GPtrArray *
dn_store_list_delegation_members (DnStore  *self,
                                  gint64    delegation_id,
                                  GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " MEMBER_COLUMNS MEMBER_FROM "WHERE m.delegation_id = ? "
                             "ORDER BY CASE m.role WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, m.id",
                             &member_row, error, DN_INT (delegation_id), DN_END);
}

GPtrArray *
dn_store_list_programme (DnStore  *self,
                         gint64    delegation_id,
                         GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " PROGRAMME_COLUMNS PROGRAMME_FROM "WHERE i.delegation_id = ? "
                             "ORDER BY i.day, i.id",
                             &programme_row, error, DN_INT (delegation_id), DN_END);
}

/* Rules -------------------------------------------------------------------- */

static gboolean
check_dates (const GDate  *start,
             const GDate  *end,
             GError      **error)
{
  if (!_dn_check_date (start, TRUE, error, "%s", _("The start date is missing or not a real day.")) ||
      !_dn_check_date (end, TRUE, error, "%s", _("The end date is missing or not a real day.")))
    return FALSE;
  if (g_date_compare (end, start) < 0)
    return set_invalid (error, _("The end date is before the start date."));
  return TRUE;
}

static gboolean
validate_delegation (DnDelegation  *d,
                     GError       **error)
{
  g_strstrip (d->title);
  g_strstrip (d->inviting_party);
  if (!_dn_normalize_field (&d->title, "delegation", "title", _("name of the delegation"), TRUE, error) ||
      !_dn_normalize_field (&d->purpose, "delegation", "purpose", _("purpose"), FALSE, error) ||
      !_dn_normalize_field (&d->inviting_party, "delegation", "inviting_party", _("inviting party"), FALSE, error) ||
      !_dn_normalize_field (&d->notes, "delegation", "notes", _("notes"), FALSE, error))
    return FALSE;
  if ((guint) d->direction >= DN_DELEGATION_DIRECTION_N)
    return set_invalid (error, _("Unknown direction of a delegation."));
  if ((guint) d->funding >= DN_FUNDING_N)
    return set_invalid (error, _("Unknown source of funding."));
  if (d->budget < -1)
    return set_invalid (error, _("The budget cannot be negative."));
  if (!check_dates (&d->start_date, &d->end_date, error))
    return FALSE;
  return _dn_check_date (&d->police_informed_on, FALSE, error, "%s",
                         _("The day the provincial police were informed is not a real day.")) &&
         _dn_check_date (&d->foreign_affairs_informed_on, FALSE, error, "%s",
                         _("The day the Department of Foreign Affairs was informed is not a real day."));
}

static gboolean
validate_countries (GPtrArray  *countries,
                    GError    **error)
{
  for (guint i = 0; countries != NULL && i < countries->len; i++)
    {
      DnDelegationCountry *country = countries->pdata[i];
      g_autofree char *code = g_ascii_strup (country->country_code, -1);

      g_strstrip (code);
      if (!dn_country_is_valid (code))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("“%s” is not a country code (ISO 3166-1, two letters)."), country->country_code);
          return FALSE;
        }
      _dn_set_text (&country->country_code, code);
      if (country->days > 366)
        return set_invalid (error, _("A delegation spends at most 366 days in one country."));
      for (guint j = 0; j < i; j++)
        if (g_str_equal (DN_DELEGATION_COUNTRY (countries->pdata[j])->country_code, code))
          {
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                         _("%s is listed twice among the countries."), dn_country_name (code));
            return FALSE;
          }
    }
  return TRUE;
}

/* The local limits on the countries of an outbound delegation. */
static gboolean
check_country_limits (DnStore    *self,
                      GPtrArray  *countries,
                      GError    **error)
{
  int most_countries = dn_store_get_setting (self, DN_SETTING_LIMIT_COUNTRIES);
  int most_days = dn_store_get_setting (self, DN_SETTING_LIMIT_DAYS_PER_COUNTRY);

  if (countries == NULL)
    return TRUE;
  if (most_countries > 0 && countries->len > (guint) most_countries)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The delegation goes to %u countries; the local limit is %d country.",
                                      "The delegation goes to %u countries; the local limit is %d countries.",
                                      most_countries),
                         countries->len, most_countries);
      return set_warning (error, message);
    }
  for (guint i = 0; most_days > 0 && i < countries->len; i++)
    {
      DnDelegationCountry *country = countries->pdata[i];

      if (country->days > (guint) most_days)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u days in %s; the local limit is %d day in one country.",
                                          "%u days in %s; the local limit is %d days in one country.",
                                          most_days),
                             country->days, dn_country_name (country->country_code), most_days);
          return set_warning (error, message);
        }
    }
  return TRUE;
}

/* Refused when one of the staff would be in two outbound delegations (not
 * cancelled) at once: @person_id (0: every staff member of @delegation_id)
 * against the other delegations, over @start..@end. */
static gboolean
check_overlap (DnStore      *self,
               gint64        delegation_id,
               gint64        person_id,
               const GDate  *start,
               const GDate  *end,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dn_store_prepare_with (self,
                                 "SELECT CASE WHEN p.middle_name = '' THEN p.family_name || ' ' || p.given_name "
                                 "ELSE p.family_name || ' ' || p.middle_name || ' ' || p.given_name END, "
                                 "o.title, o.start_date, o.end_date "
                                 "FROM person p JOIN delegation_member om ON om.person_id = p.id "
                                 "JOIN delegation o ON o.id = om.delegation_id "
                                 "WHERE o.id <> ?1 AND o.direction = 'outbound' AND o.status <> 'cancelled' "
                                 "AND o.start_date <= ?4 AND o.end_date >= ?3 "
                                 "AND (p.id = ?2 OR (?2 IS NULL AND p.id IN "
                                 "(SELECT person_id FROM delegation_member WHERE delegation_id = ?1))) "
                                 "ORDER BY o.start_date, o.id LIMIT 1",
                                 error, DN_INT (delegation_id), DN_ID (person_id), DN_DATE (start), DN_DATE (end),
                                 DN_END);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = _dn_column_text (stmt, 0);
      g_autofree char *title = _dn_column_text (stmt, 1);
      GDate other_start, other_end;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      _dn_column_date (stmt, 2, &other_start);
      _dn_column_date (stmt, 3, &other_end);
      sqlite3_reset (stmt);
      from = dn_date_format_short (&other_start);
      to = dn_date_format_short (&other_end);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("%s is already a member of the delegation “%s” (%s–%s), whose dates overlap."),
                   name, title, from, to);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return _dn_store_check_step (self, rc, error);
}

static gboolean
write_countries (DnStore    *self,
                 gint64      delegation_id,
                 GPtrArray  *countries,
                 GError    **error)
{
  if (countries == NULL)
    return TRUE;
  if (!_dn_store_write (self, "DELETE FROM delegation_country WHERE delegation_id = ?", error,
                        DN_INT (delegation_id), DN_END))
    return FALSE;
  for (guint i = 0; i < countries->len; i++)
    {
      DnDelegationCountry *country = countries->pdata[i];

      country->delegation_id = delegation_id;
      if (!_dn_store_write (self, "INSERT INTO delegation_country (delegation_id, country_code, days) VALUES (?, ?, ?)",
                            error, DN_INT (delegation_id), DN_TEXT (country->country_code),
                            DN_ID (country->days), DN_END))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_delegation (DnStore       *self,
                 DnDelegation  *d,
                 GPtrArray     *countries,
                 gboolean       confirmed,
                 gboolean       is_new,
                 GError       **error)
{
  g_autoptr(DnDelegation) old = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DELEGATION (d), FALSE);

  if (!validate_delegation (d, error) || !validate_countries (countries, error))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  if (!is_new)
    {
      ok = (old = dn_store_get_delegation (self, d->id, error)) != NULL;
      if (ok && old->direction != d->direction && old->n_members > 0)
        ok = set_invalid (error, _("The members of a delegation are staff going abroad or guests visiting: "
                                   "remove them before changing its direction."));
      if (ok && old->status != DN_DELEGATION_PROPOSED && old->status != DN_DELEGATION_CANCELLED &&
          d->decision_document_id <= 0)
        ok = set_invalid (error, _("An approved delegation keeps its decision."));
    }
  if (ok && !confirmed && d->direction == DN_DELEGATION_OUTBOUND)
    ok = check_country_limits (self, countries, error);
  ok = ok &&
       _dn_store_save (self,
                       is_new
                       ? "INSERT INTO delegation (id, direction, title, purpose, inviting_party, partner_id, unit_id, "
                         "start_date, end_date, funding_source, budget, in_plan, proposal_document_id, "
                         "decision_document_id, police_informed_on, foreign_affairs_informed_on, notes) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif (?, -1), ?, ?, ?, ?, ?, ?)"
                       : "UPDATE delegation SET direction = ?2, title = ?3, purpose = ?4, inviting_party = ?5, "
                         "partner_id = ?6, unit_id = ?7, start_date = ?8, end_date = ?9, funding_source = ?10, "
                         "budget = nullif (?11, -1), in_plan = ?12, proposal_document_id = ?13, decision_document_id = ?14, "
                         "police_informed_on = ?15, foreign_affairs_informed_on = ?16, notes = ?17 WHERE id = ?1",
                       &d->id, is_new, _("The delegation no longer exists."), error,
                       DN_TEXT (db_direction (d->direction)), DN_TEXT (d->title), DN_TEXT (d->purpose),
                       DN_TEXT (d->inviting_party), DN_ID (d->partner_id), DN_ID (d->unit_id),
                       DN_DATE (&d->start_date), DN_DATE (&d->end_date),
                       DN_TEXT (dn_funding_source_to_string (d->funding)),
                       DN_INT (d->budget), DN_INT (d->in_plan ? 1 : 0),
                       DN_ID (d->proposal_document_id), DN_ID (d->decision_document_id),
                       DN_DATE (&d->police_informed_on), DN_DATE (&d->foreign_affairs_informed_on),
                       DN_TEXT (d->notes), DN_END) &&
       write_countries (self, d->id, countries, error);
  /* new dates: none of its staff may be in another delegation meanwhile */
  if (ok && !is_new && d->direction == DN_DELEGATION_OUTBOUND && old->status != DN_DELEGATION_CANCELLED)
    ok = check_overlap (self, d->id, 0, &d->start_date, &d->end_date, error);
  if (!_dn_store_finish (self, ok, error))
    {
      if (is_new)
        d->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_add_delegation (DnStore       *self,
                         DnDelegation  *delegation,
                         GPtrArray     *countries,
                         gboolean       confirmed,
                         GError       **error)
{
  return save_delegation (self, delegation, countries, confirmed, TRUE, error);
}

gboolean
dn_store_update_delegation (DnStore       *self,
                            DnDelegation  *delegation,
                            GPtrArray     *countries,
                            gboolean       confirmed,
                            GError       **error)
{
  return save_delegation (self, delegation, countries, confirmed, FALSE, error);
}

gboolean
dn_store_delete_delegation (DnStore  *self,
                            gint64    id,
                            GError  **error)
{
  gint64 loans = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_read_int (self, "SELECT count(*) FROM passport_loan WHERE delegation_id = ? AND returned_on IS NULL",
                           &loans, error, DN_INT (id), DN_END);
  if (ok && loans > 0)
    ok = set_invalid (error, _("Passports handed out for this delegation have not come back yet."));
  ok = ok && _dn_store_save (self, "DELETE FROM delegation WHERE id = ?1", &id, FALSE,
                             _("The delegation no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
}

/* Members ------------------------------------------------------------------ */

static gboolean
validate_member (DnDelegationMember  *m,
                 GError             **error)
{
  if (!_dn_normalize_field (&m->position, "delegation_member", "position", _("position"), FALSE, error) ||
      !_dn_normalize_field (&m->grade, "delegation_member", "grade", _("civil-service grade"), FALSE, error) ||
      !_dn_normalize_field (&m->guest_passport, "delegation_member", "guest_passport", _("passport number"), FALSE,
                            error) ||
      !_dn_normalize_field (&m->guest_organisation, "delegation_member", "guest_organisation", _("organisation"),
                            FALSE, error))
    return FALSE;
  if ((guint) m->role >= DN_MEMBER_ROLE_N)
    return set_invalid (error, _("Unknown role in a delegation."));
  if (m->person_id > 0)
    return TRUE;
  g_strstrip (m->name);
  if (!_dn_normalize_field (&m->name, "delegation_member", "guest_name", _("guest's name"), TRUE, error))
    return FALSE;
  if (m->guest_nationality[0] != '\0')
    {
      g_autofree char *code = g_ascii_strup (m->guest_nationality, -1);

      g_strstrip (code);
      if (!dn_country_is_valid (code))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("“%s” is not a country code (ISO 3166-1, two letters)."), m->guest_nationality);
          return FALSE;
        }
      _dn_set_text (&m->guest_nationality, code);
    }
  return TRUE;
}

/* The rules of a member in its delegation (in the caller's transaction). */
static gboolean
check_member (DnStore             *self,
              DnDelegationMember  *m,
              gboolean             is_new,
              gboolean             confirmed,
              GError             **error)
{
  g_autoptr(DnDelegation) d = dn_store_get_delegation (self, m->delegation_id, error);

  if (d == NULL)
    return FALSE;
  if (d->direction == DN_DELEGATION_OUTBOUND && m->person_id <= 0)
    return set_invalid (error, _("The members of a delegation going abroad are chosen among the staff."));
  if (d->direction == DN_DELEGATION_INBOUND && m->person_id > 0)
    return set_invalid (error, _("The members of a visiting delegation are its guests."));
  if (m->person_id <= 0)
    return TRUE;

  if (m->passport_id > 0)
    {
      gint64 holder = 0;

      if (!_dn_store_read_int (self, "SELECT person_id FROM passport WHERE id = ?", &holder, error,
                               DN_INT (m->passport_id), DN_END))
        return FALSE;
      if (holder != m->person_id)
        return set_invalid (error, _("This passport is not the member's own."));
    }
  if (d->status != DN_DELEGATION_CANCELLED &&
      !check_overlap (self, d->id, m->person_id, &d->start_date, &d->end_date, error))
    return FALSE;
  /* the same person in the same delegation */
  {
    gint64 twice = 0;

    if (!_dn_store_read_int (self,
                             "SELECT count(*) FROM delegation_member WHERE delegation_id = ? AND person_id = ? "
                             "AND id <> ?",
                             &twice, error, DN_INT (m->delegation_id), DN_INT (m->person_id), DN_INT (m->id), DN_END))
      return FALSE;
    if (twice > 0)
      return set_invalid (error, _("This person is already a member of the delegation."));
  }
  if (!confirmed)
    {
      int most_members = dn_store_get_setting (self, DN_SETTING_LIMIT_MEMBERS);
      int most_trips = dn_store_get_setting (self, DN_SETTING_LIMIT_TRIPS_PER_YEAR);

      if (is_new && most_members > 0 && d->n_members + 1 > (guint) most_members)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The delegation would have %u members; the local limit is %d member.",
                                          "The delegation would have %u members; the local limit is %d members.",
                                          most_members),
                             d->n_members + 1, most_members);
          return set_warning (error, message);
        }
      if (most_trips > 0)
        {
          gint64 trips = 0;
          char year[8];

          g_snprintf (year, sizeof year, "%04d", g_date_get_year (&d->start_date));
          if (!_dn_store_read_int (self,
                                   "SELECT count(DISTINCT o.id) FROM delegation_member om "
                                   "JOIN delegation o ON o.id = om.delegation_id "
                                   "WHERE om.person_id = ? AND o.id <> ? AND o.direction = 'outbound' "
                                   "AND o.status <> 'cancelled' AND substr(o.start_date, 1, 4) = ?",
                                   &trips, error, DN_INT (m->person_id), DN_INT (d->id), DN_TEXT (year), DN_END))
            return FALSE;
          if (trips + 1 > most_trips)
            {
              g_autofree char *message =
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "This would be trip %d abroad in %s for this person; the local limit is %d trip a year.",
                                              "This would be trip %d abroad in %s for this person; the local limit is %d trips a year.",
                                              most_trips),
                                 (int) trips + 1, year, most_trips);
              return set_warning (error, message);
            }
        }
    }
  return TRUE;
}

/* A member's unit and position default to the person's. */
static gboolean
fill_from_person (DnStore             *self,
                  DnDelegationMember  *m,
                  GError             **error)
{
  g_autoptr(DnPerson) person = NULL;

  if (m->person_id <= 0)
    return TRUE;
  person = dn_store_get_person (self, m->person_id, error);
  if (person == NULL)
    return FALSE;
  if (m->unit_id <= 0)
    m->unit_id = person->unit_id;
  if (m->position[0] == '\0')
    _dn_set_text (&m->position, person->position);
  return TRUE;
}

static gboolean
write_member (DnStore             *self,
              DnDelegationMember  *m,
              gboolean             is_new,
              GError             **error)
{
  gboolean guest = m->person_id <= 0;

  return _dn_store_save (self,
                         is_new
                         ? "INSERT INTO delegation_member (id, delegation_id, person_id, guest_name, "
                           "guest_nationality, guest_passport, position, role, passport_id, grade, unit_id, "
                           "guest_organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         : "UPDATE delegation_member SET delegation_id = ?2, person_id = ?3, guest_name = ?4, "
                           "guest_nationality = ?5, guest_passport = ?6, position = ?7, role = ?8, "
                           "passport_id = ?9, grade = ?10, unit_id = ?11, guest_organisation = ?12 WHERE id = ?1",
                         &m->id, is_new, _("The member no longer exists."), error,
                         DN_INT (m->delegation_id), DN_ID (m->person_id), DN_TEXT (guest ? m->name : NULL),
                         DN_TEXT (guest && m->guest_nationality[0] != '\0' ? m->guest_nationality : NULL),
                         DN_TEXT (m->guest_passport), DN_TEXT (m->position),
                         DN_TEXT (dn_member_role_to_string (m->role)), DN_ID (guest ? 0 : m->passport_id),
                         DN_TEXT (m->grade), DN_ID (m->unit_id), DN_TEXT (m->guest_organisation), DN_END);
}

static gboolean
save_member (DnStore             *self,
             DnDelegationMember  *m,
             gboolean             confirmed,
             gboolean             is_new,
             GError             **error)
{
  gint64 old_id = m->id;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DELEGATION_MEMBER (m), FALSE);

  if (!validate_member (m, error))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  if (is_new)
    m->id = 0;
  ok = fill_from_person (self, m, error) &&
       check_member (self, m, is_new, confirmed, error) &&
       write_member (self, m, is_new, error);
  if (!_dn_store_finish (self, ok, error))
    {
      m->id = old_id;
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_add_delegation_member (DnStore             *self,
                                DnDelegationMember  *member,
                                gboolean             confirmed,
                                GError             **error)
{
  return save_member (self, member, confirmed, TRUE, error);
}

gboolean
dn_store_update_delegation_member (DnStore             *self,
                                   DnDelegationMember  *member,
                                   gboolean             confirmed,
                                   GError             **error)
{
  return save_member (self, member, confirmed, FALSE, error);
}

gboolean
dn_store_remove_delegation_member (DnStore  *self,
                                   gint64    member_id,
                                   GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return _dn_store_save_committed (self, "DELETE FROM delegation_member WHERE id = ?1", &member_id, FALSE,
                                   _("The member no longer exists."), error, DN_END);
}

GPtrArray *
dn_store_list_member_passports (DnStore  *self,
                                gint64    person_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) passports = NULL;
  GPtrArray *usable;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  passports = dn_store_list_person_passports (self, person_id, error);
  if (passports == NULL)
    return NULL;
  usable = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < passports->len; i++)
    {
      DnPassport *passport = passports->pdata[i];

      if (passport->state == DN_PASSPORT_IN_OFFICE || passport->state == DN_PASSPORT_OUT)
        g_ptr_array_add (usable, g_object_ref (passport));
    }
  return usable;
}

gboolean
dn_store_add_delegation_guests (DnStore    *self,
                                gint64      delegation_id,
                                GPtrArray  *guests,
                                GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (guests != NULL, FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < guests->len; i++)
    {
      DnDelegationMember *guest = guests->pdata[i];

      guest->delegation_id = delegation_id;
      guest->person_id = 0;
      guest->id = 0;
      ok = validate_member (guest, error) && check_member (self, guest, TRUE, TRUE, error) &&
           write_member (self, guest, TRUE, error);
    }
  if (!_dn_store_finish (self, ok, error))
    {
      for (guint i = 0; i < guests->len; i++)
        DN_DELEGATION_MEMBER (guests->pdata[i])->id = 0;
      return FALSE;
    }
  return TRUE;
}

/* Programme ---------------------------------------------------------------- */

static gboolean
save_programme_item (DnStore          *self,
                     DnProgrammeItem  *item,
                     gboolean          is_new,
                     GError          **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PROGRAMME_ITEM (item), FALSE);

  if (!_dn_normalize_field (&item->description, "delegation_programme", "description", _("programme item"), TRUE,
                            error) ||
      !_dn_normalize_field (&item->time, "delegation_programme", "time", _("time"), FALSE, error) ||
      !_dn_normalize_field (&item->place, "delegation_programme", "place", _("place"), FALSE, error) ||
      !_dn_check_date (&item->day, TRUE, error, "%s", _("The day of a programme item is missing or not a real day.")))
    return FALSE;
  return _dn_store_save_committed (self,
                                   is_new
                                   ? "INSERT INTO delegation_programme (id, delegation_id, day, time, place, "
                                     "host_unit_id, description) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                   : "UPDATE delegation_programme SET delegation_id = ?2, day = ?3, time = ?4, "
                                     "place = ?5, host_unit_id = ?6, description = ?7 WHERE id = ?1",
                                   &item->id, is_new, _("The programme item no longer exists."), error,
                                   DN_INT (item->delegation_id), DN_DATE (&item->day), DN_TEXT (item->time),
                                   DN_TEXT (item->place), DN_ID (item->host_unit_id), DN_TEXT (item->description),
                                   DN_END);
}

gboolean
dn_store_add_programme_item (DnStore          *self,
                             DnProgrammeItem  *item,
                             GError          **error)
{
  return save_programme_item (self, item, TRUE, error);
}

gboolean
dn_store_update_programme_item (DnStore          *self,
                                DnProgrammeItem  *item,
                                GError          **error)
{
  return save_programme_item (self, item, FALSE, error);
}

gboolean
dn_store_delete_programme_item (DnStore  *self,
                                gint64    id,
                                GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return _dn_store_save_committed (self, "DELETE FROM delegation_programme WHERE id = ?1", &id, FALSE,
                                   _("The programme item no longer exists."), error, DN_END);
}

/* Status ------------------------------------------------------------------- */

gboolean
dn_delegation_status_can_change (DnDelegationStatus from,
                                 DnDelegationStatus to)
{
  switch (to)
    {
    case DN_DELEGATION_APPROVED:
      return from == DN_DELEGATION_PROPOSED;
    case DN_DELEGATION_ABROAD:
      return from == DN_DELEGATION_APPROVED;
    case DN_DELEGATION_RETURNED:
      return from == DN_DELEGATION_ABROAD;
    case DN_DELEGATION_REPORTED:
      return from == DN_DELEGATION_RETURNED;
    case DN_DELEGATION_CANCELLED:
      return from == DN_DELEGATION_PROPOSED || from == DN_DELEGATION_APPROVED;
    case DN_DELEGATION_PROPOSED:
    case DN_DELEGATION_STATUS_N:
    default:
      return FALSE;
    }
}

/* The delegation @id, read in the caller's transaction, when it may move
 * to @to; else NULL with the reason. */
static DnDelegation *
get_for_change (DnStore             *self,
                gint64               id,
                DnDelegationStatus   to,
                GError             **error)
{
  g_autoptr(DnDelegation) d = dn_store_get_delegation (self, id, error);

  if (d == NULL)
    return NULL;
  if (!dn_delegation_status_can_change (d->status, to))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   /* Translators: "The delegation is Returned: it cannot become Proposed." */
                   _("The delegation is “%s”: it cannot become “%s”."),
                   dn_delegation_status_get_label (d->status), dn_delegation_status_get_label (to));
      return NULL;
    }
  return g_steal_pointer (&d);
}

gboolean
dn_store_approve_delegation (DnStore  *self,
                             gint64    id,
                             gint64    decision_document_id,
                             GError  **error)
{
  g_autoptr(DnDelegation) d = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (d = get_for_change (self, id, DN_DELEGATION_APPROVED, error)) != NULL;
  if (ok && decision_document_id > 0)
    d->decision_document_id = decision_document_id;
  if (ok && d->decision_document_id <= 0)
    ok = set_invalid (error, d->direction == DN_DELEGATION_OUTBOUND
                             ? _("A delegation is approved by its sending decision: choose the decision first.")
                             : _("A visit is approved by its decision: choose the decision first."));
  ok = ok && _dn_store_save (self, "UPDATE delegation SET status = 'approved', decision_document_id = ?2 WHERE id = ?1",
                             &id, FALSE, _("The delegation no longer exists."), error,
                             DN_INT (d->decision_document_id), DN_END);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_depart_delegation (DnStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(DnDelegation) d = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (d = get_for_change (self, id, DN_DELEGATION_ABROAD, error)) != NULL &&
       _dn_store_save (self, "UPDATE delegation SET status = 'ongoing' WHERE id = ?1", &id, FALSE,
                       _("The delegation no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_compute_report_due (DnStore      *self,
                             const GDate  *returned_on,
                             GDate        *due,
                             GError      **error)
{
  int days;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (returned_on != NULL && g_date_valid (returned_on), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  days = dn_store_get_setting (self, DN_SETTING_REPORT_DAYS);
  if (dn_store_get_setting (self, DN_SETTING_REPORT_WORKING_DAYS) != 0)
    {
      g_autoptr(DnCalendar) calendar = dn_store_get_calendar (self, error);

      if (calendar == NULL)
        return FALSE;
      dn_calendar_add_working_days (calendar, returned_on, (guint) days, due);
      return TRUE;
    }
  *due = *returned_on;
  g_date_add_days (due, (guint) days);
  return TRUE;
}

gboolean
dn_store_return_delegation (DnStore      *self,
                            gint64        id,
                            const GDate  *returned_on,
                            GError      **error)
{
  g_autoptr(DnDelegation) d = NULL;
  GDate end, due;
  gboolean ok;

  g_date_clear (&end, 1);
  g_date_clear (&due, 1);

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (returned_on != NULL &&
      !_dn_check_date (returned_on, FALSE, error, "%s", _("The day of the return is not a real day.")))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (d = get_for_change (self, id, DN_DELEGATION_RETURNED, error)) != NULL;
  if (ok)
    {
      end = returned_on != NULL && g_date_valid (returned_on) ? *returned_on : d->end_date;
      if (g_date_compare (&end, &d->start_date) < 0)
        ok = set_invalid (error, _("The end date is before the start date."));
    }
  ok = ok && dn_store_compute_report_due (self, &end, &due, error) &&
       _dn_store_save (self, "UPDATE delegation SET status = 'completed', end_date = ?2, report_due_date = ?3 "
                             "WHERE id = ?1",
                       &id, FALSE, _("The delegation no longer exists."), error, DN_DATE (&end), DN_DATE (&due),
                       DN_END);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_record_delegation_report (DnStore      *self,
                                   gint64        id,
                                   gint64        report_document_id,
                                   const GDate  *submitted_on,
                                   GError      **error)
{
  g_autoptr(DnDelegation) d = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!_dn_check_date (submitted_on, TRUE, error, "%s", _("The day the results report came is missing or not a real day.")))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (d = get_for_change (self, id, DN_DELEGATION_REPORTED, error)) != NULL;
  if (ok && g_date_compare (submitted_on, &d->end_date) < 0)
    ok = set_invalid (error, _("The results report cannot come before the return."));
  ok = ok && _dn_store_save (self, "UPDATE delegation SET report_submitted_on = ?2, "
                                   "report_document_id = coalesce(?3, report_document_id) WHERE id = ?1",
                             &id, FALSE, _("The delegation no longer exists."), error, DN_DATE (submitted_on),
                             DN_ID (report_document_id), DN_END);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_cancel_delegation (DnStore  *self,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(DnDelegation) d = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (d = get_for_change (self, id, DN_DELEGATION_CANCELLED, error)) != NULL &&
       _dn_store_save (self, "UPDATE delegation SET status = 'cancelled' WHERE id = ?1", &id, FALSE,
                       _("The delegation no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
}

/* Lists -------------------------------------------------------------------- */

/* ?1 direction, ?2 status keyword, ?3 FTS query, ?4 abroad-on day, ?5
 * report overdue before this day; NULL for none. The last two are the
 * conditions of DN_ALERT_SQL_STAFF_ABROAD (without the direction: a visit
 * under way is listed too) and DN_ALERT_SQL_REPORT_OVERDUE, with their own
 * parameters. */
typedef struct
{
  const char *direction;
  const char *status;
  char       *match;
  const GDate *abroad_on;
  const GDate *overdue_before;
} ListValues;

static void
list_values (const DnDelegationQuery *query,
             ListValues              *values)
{
  values->direction = query->direction >= 0 ? db_direction (query->direction) : NULL;
  values->status = query->status >= 0 ? dn_delegation_status_to_string (query->status) : NULL;
  values->match = query->text != NULL ? dn_text_fts_query (query->text) : NULL;
  values->abroad_on = g_date_valid (&query->abroad_on) ? &query->abroad_on : NULL;
  values->overdue_before = query->report_overdue && g_date_valid (&query->today) ? &query->today : NULL;
}

/* The list's SQL with only the filters @v uses (a filter written as "?N IS
 * NULL OR …" keeps SQLite from the direction's index): parameters ?1 to ?5
 * the filters, ?6 and ?7 the key of the record before the page, ?8 its
 * length. */
static char *
list_sql (const char       *select,
          const ListValues *v,
          gboolean          after,
          gboolean          page)
{
  GString *sql = g_string_new (select);

  /* late reports are few: read them through their partial index and sort
   * them, rather than every delegation in its order (36 → 0.1 ms on
   * 20 000) */
  if (v->overdue_before != NULL)
    g_string_replace (sql, "FROM delegation d", "FROM delegation d INDEXED BY delegation_report_due", 1);
  g_string_append (sql, " WHERE 1");
  if (v->direction != NULL)
    g_string_append (sql, " AND d.direction = ?1");
  if (v->status != NULL)
    g_string_append (sql, " AND " STATUS_KEYWORD " = ?2");
  if (v->match != NULL)
    g_string_append (sql, " AND d.id IN (SELECT rowid / 8 FROM search WHERE search MATCH ?3 AND rowid % 8 = 4)");
  if (v->abroad_on != NULL)
    g_string_append (sql, " AND d.status IN ('approved', 'ongoing') AND d.start_date <= ?4 AND d.end_date >= ?4");
  if (v->overdue_before != NULL)
    g_string_append (sql, " AND d.status = 'completed' AND d.report_submitted_on IS NULL AND d.report_due_date < ?5");
  if (after)
    g_string_append (sql, " AND (d.start_date, d.id) < (?6, ?7)");
  g_string_append (sql, " ORDER BY d.start_date DESC, d.id DESC");
  if (page)
    g_string_append (sql, " LIMIT ?8");
  return g_string_free (sql, FALSE);
}

/* A statement of its own for list_sql() with its values bound; NULL with
 * @error set when it cannot be prepared. */
static sqlite3_stmt *
prepare_list (DnStore          *self,
              const char       *select,
              const ListValues *v,
              DnDelegation     *after,
              gint64            limit,
              GError          **error)
{
  g_autofree char *sql = list_sql (select, v, after != NULL, limit > 0);
  sqlite3_stmt *stmt = _dn_store_prepare_once (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (v->direction != NULL)
    _dn_bind_text (stmt, 1, v->direction);
  if (v->status != NULL)
    _dn_bind_text (stmt, 2, v->status);
  if (v->match != NULL)
    _dn_bind_text (stmt, 3, v->match);
  if (v->abroad_on != NULL)
    _dn_bind_date (stmt, 4, v->abroad_on);
  if (v->overdue_before != NULL)
    _dn_bind_date (stmt, 5, v->overdue_before);
  if (after != NULL)
    {
      _dn_bind_date (stmt, 6, &after->start_date);
      sqlite3_bind_int64 (stmt, 7, after->id);
    }
  if (limit > 0)
    sqlite3_bind_int64 (stmt, 8, limit);
  return stmt;
}

GPtrArray *
dn_store_list_delegations (DnStore                  *self,
                           const DnDelegationQuery  *query,
                           DnDelegation             *after,
                           guint                     limit,
                           GError                  **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  ListValues v;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (after == NULL || DN_IS_DELEGATION (after), NULL);

  if (limit == 0)
    return g_steal_pointer (&found);
  list_values (query, &v);
  stmt = prepare_list (self, "SELECT " DELEGATION_COLUMNS DELEGATION_FROM, &v, after, limit, error);
  g_free (v.match);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, _dn_row_read (&delegation_row, stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

GArray *
dn_store_list_delegation_ids (DnStore                  *self,
                              const DnDelegationQuery  *query,
                              GError                  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ListValues v;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  list_values (query, &v);
  stmt = prepare_list (self, "SELECT d.id FROM delegation d", &v, NULL, 0, error);
  g_free (v.match);
  ok = stmt != NULL && _dn_store_collect_ids (self, stmt, ids, error);
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  return ok ? g_steal_pointer (&ids) : NULL;
}

GPtrArray *
dn_store_get_delegations (DnStore       *self,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = _dn_store_prepare (self, "SELECT " DELEGATION_COLUMNS DELEGATION_FROM "WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (found, _dn_row_read (&delegation_row, stmt));
      sqlite3_reset (stmt);
      if (!_dn_store_check_step (self, rc, error))
        return NULL;
    }
  return g_steal_pointer (&found);
}

gint64
dn_store_count_staff_abroad (DnStore      *self,
                             const GDate  *day,
                             GError      **error)
{
  gint64 count = 0;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  g_return_val_if_fail (day != NULL && g_date_valid (day), -1);
  if (!_dn_store_read_int (self,
                           "SELECT count(DISTINCT m.person_id) FROM delegation d "
                           "JOIN delegation_member m ON m.delegation_id = d.id "
                           "WHERE " DN_ALERT_SQL_STAFF_ABROAD " AND m.person_id IS NOT NULL",
                           &count, error, DN_DATE (day), DN_END))
    return -1;
  return count;
}

gint64
dn_store_count_reports_overdue (DnStore      *self,
                                const GDate  *today,
                                GError      **error)
{
  gint64 count = 0;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);
  if (!_dn_store_read_int (self,
                           "SELECT count(*) FROM delegation d WHERE " DN_ALERT_SQL_REPORT_OVERDUE,
                           &count, error, DN_DATE (today), DN_END))
    return -1;
  return count;
}
