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

_DN_STORE_DEFINE_GET (DnDelegation, delegation, "SELECT " DELEGATION_COLUMNS DELEGATION_FROM "WHERE d.id = ?",
                      &delegation_row, _("There is no delegation #%lld."))

_DN_STORE_DEFINE_LIST_BY (delegation_countries, delegation_id,
                          "SELECT delegation_id, country_code, coalesce(days, 0) FROM delegation_country "
                          "WHERE delegation_id = ? ORDER BY rowid",
                          &country_row)

_DN_STORE_DEFINE_LIST_BY (programme, delegation_id,
                          "SELECT " PROGRAMME_COLUMNS PROGRAMME_FROM "WHERE i.delegation_id = ? "
                          "ORDER BY i.day, i.id",
                          &programme_row)

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
    return _dn_invalid (error, _("The end date is before the start date."));
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
    return _dn_invalid (error, _("Unknown direction of a delegation."));
  if ((guint) d->funding >= DN_FUNDING_N)
    return _dn_invalid (error, _("Unknown source of funding."));
  if (d->budget < -1)
    return _dn_invalid (error, _("The budget cannot be negative."));
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
      const char *code;

      if (!_dn_normalize_country (&country->country_code, error))
        return FALSE;
      code = country->country_code;
      if (country->days > 366)
        return _dn_invalid (error, _("A delegation spends at most 366 days in one country."));
      for (guint j = 0; j < i; j++)
        if (g_str_equal (DN_DELEGATION_COUNTRY (countries->pdata[j])->country_code, code))
          return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("%s is listed twice among the countries."),
                             dn_country_name (code));
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
    return _dn_refuse (error, DN_STORE_ERROR_WARNING,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The delegation goes to %u countries; the local limit is %d country.",
                                    "The delegation goes to %u countries; the local limit is %d countries.",
                                    most_countries),
                       countries->len, most_countries);
  for (guint i = 0; most_days > 0 && i < countries->len; i++)
    {
      DnDelegationCountry *country = countries->pdata[i];

      if (country->days > (guint) most_days)
        return _dn_refuse (error, DN_STORE_ERROR_WARNING,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u days in %s; the local limit is %d day in one country.",
                                        "%u days in %s; the local limit is %d days in one country.",
                                        most_days),
                           country->days, dn_country_name (country->country_code), most_days);
    }
  return TRUE;
}

gboolean
_dn_store_check_delegation_overlap (DnStore      *self,
                                    gint64        delegation_id,
                                    gint64        person_id,
                                    const GDate  *start,
                                    const GDate  *end,
                                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dn_store_prepare_with (self,
                                 "SELECT " DN_SQL_FULL_NAME ("p") ", o.title, o.start_date, o.end_date "
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
      from = _dn_format_date (&other_start);
      to = _dn_format_date (&other_end);
      return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                         _("%s is already a member of the delegation “%s” (%s–%s), whose dates overlap."),
                         name, title, from, to);
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
        ok = _dn_invalid (error, _("The members of a delegation are staff going abroad or guests visiting: "
                                   "remove them before changing its direction."));
      if (ok && old->status != DN_DELEGATION_PROPOSED && old->status != DN_DELEGATION_CANCELLED &&
          d->decision_document_id <= 0)
        ok = _dn_invalid (error, _("An approved delegation keeps its decision."));
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
    ok = _dn_store_check_delegation_overlap (self, d->id, 0, &d->start_date, &d->end_date, error);
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
    ok = _dn_invalid (error, _("Passports handed out for this delegation have not come back yet."));
  ok = ok && _dn_store_save (self, "DELETE FROM delegation WHERE id = ?1", &id, FALSE,
                             _("The delegation no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
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

_DN_STORE_DEFINE_ADD_UPDATE (DnProgrammeItem, programme_item)
_DN_STORE_DEFINE_DELETE_EXISTING (programme_item, "delegation_programme", _("The programme item no longer exists."))
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

_DN_STORE_DEFINE_GET_BY_IDS (DnDelegation, delegations, "SELECT " DELEGATION_COLUMNS DELEGATION_FROM "WHERE d.id",
                             &delegation_row)

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
