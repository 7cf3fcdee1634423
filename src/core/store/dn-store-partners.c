/* dn-store-partners.c: partners and their aid projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-amount.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-text.h"

#define PARTNER_COLUMNS \
  "p.id, p.name, p.short_name, p.kind, coalesce (p.country_code, ''), p.registration_kind, " \
  "p.registration_number, p.registration_expiry, p.contact, p.notes, " \
  "(SELECT count(*) FROM project j WHERE j.partner_id = p.id), " \
  "(SELECT count(*) FROM delegation d WHERE d.partner_id = p.id)"

static const DnRow partner_row = {
  dn_partner_get_type,
  { DN_COLUMN (INT64, DnPartner, id), DN_COLUMN (TEXT, DnPartner, name), DN_COLUMN (TEXT, DnPartner, short_name),
    DN_ENUM_COLUMN (DnPartner, kind, dn_partner_kind_from_string), DN_COLUMN (TEXT, DnPartner, country_code),
    DN_ENUM_COLUMN (DnPartner, registration_kind, dn_registration_kind_from_string),
    DN_COLUMN (TEXT, DnPartner, registration_number), DN_COLUMN (DATE, DnPartner, registration_expiry),
    DN_COLUMN (TEXT, DnPartner, contact), DN_COLUMN (TEXT, DnPartner, notes),
    DN_COLUMN (INT, DnPartner, n_projects), DN_COLUMN (INT, DnPartner, n_delegations) },
};

/* The filters of a DnPartnerQuery as parameters ?2 (text), ?3 (kind),
 * ?4 (country), ?5 (expiring before); the key of the page before as ?6
 * (name) and ?7 (id). The text is matched as the search index matches
 * (dn_fts_match): a few hundred partners are read in their order. The
 * kind is its keyword. */
#define PARTNER_WHERE \
  " FROM partner p " \
  "WHERE (?2 IS NULL OR dn_fts_match (?2, p.name, p.short_name || ' ' || p.registration_number || ' ' || " \
  "                                   p.contact || ' ' || p.notes)) " \
  "AND (?3 IS NULL OR p.kind = ?3) " \
  "AND (?4 IS NULL OR p.country_code = ?4) " \
  "AND (?5 IS NULL OR p.registration_expiry < ?5) " \
  "AND (?6 IS NULL OR (p.name_key, p.id) > (dn_collate_key (?6), ?7)) " \
  "ORDER BY p.name_key, p.id"

#define PROJECT_COLUMNS \
  "j.id, j.partner_id, pa.name, j.name, j.code, j.unit_id, coalesce (u.name, ''), j.start_date, j.end_date, " \
  "coalesce (j.budget, -1), j.currency, j.status, j.description"
#define PROJECT_FROM " FROM project j JOIN partner pa ON pa.id = j.partner_id LEFT JOIN unit u ON u.id = j.unit_id "

static const DnRow project_row = {
  dn_project_get_type,
  { DN_COLUMN (INT64, DnProject, id), DN_COLUMN (INT64, DnProject, partner_id),
    DN_COLUMN (TEXT, DnProject, partner_name), DN_COLUMN (TEXT, DnProject, name),
    DN_COLUMN (TEXT, DnProject, code), DN_COLUMN (INT64, DnProject, unit_id),
    DN_COLUMN (TEXT, DnProject, unit_name), DN_COLUMN (DATE, DnProject, start_date),
    DN_COLUMN (DATE, DnProject, end_date), DN_COLUMN (INT64, DnProject, budget),
    DN_COLUMN (TEXT, DnProject, currency),
    DN_ENUM_COLUMN (DnProject, status, dn_project_status_from_string),
    DN_COLUMN (TEXT, DnProject, description) },
};

/* Only what a partner's details show of its delegations: the delegation
 * store reads the rest. The direction's words in the database are those
 * of version 1 ('outbound', 'inbound'). */
static const DnRow partner_delegation_row = {
  dn_delegation_get_type,
  { DN_COLUMN (INT64, DnDelegation, id),
    DN_ENUM_COLUMN (DnDelegation, direction, dn_delegation_direction_from_string),
    DN_COLUMN (TEXT, DnDelegation, title), DN_COLUMN (DATE, DnDelegation, start_date),
    DN_COLUMN (DATE, DnDelegation, end_date) },
};

guint
dn_registration_kind_get_max_years (DnRegistrationKind kind)
{
  switch (kind)
    {
    case DN_REGISTRATION_OPERATION:
      return 3;
    case DN_REGISTRATION_REPRESENTATIVE_OFFICE:
      return 5;
    case DN_REGISTRATION_NONE:
    case DN_REGISTRATION_PROJECT:
    case DN_REGISTRATION_OTHER:
    case DN_REGISTRATION_KIND_N:
    default:
      return 0;
    }
}

gboolean
dn_partner_registration_is_expiring (DnPartner   *partner,
                                     const GDate *today,
                                     guint        warning_days)
{
  GDate limit;

  g_return_val_if_fail (DN_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!g_date_valid (&partner->registration_expiry))
    return FALSE;
  /* as DN_ALERT_SQL_REGISTRATION_EXPIRING: before the first day that is
   * no longer "expiring", today + the warning days */
  limit = *today;
  g_date_add_days (&limit, warning_days);
  return g_date_compare (&partner->registration_expiry, &limit) < 0;
}

/*
 * Partners
 */

static gboolean
validate_partner (DnPartner    *partner,
                  const GDate  *today,
                  gboolean      confirmed,
                  GError      **error)
{
  guint max_years;

  if (!_dn_normalize_field (&partner->name, "partner", "name", _("name"), TRUE, error) ||
      !_dn_normalize_field (&partner->short_name, "partner", "short_name", _("short name"), FALSE, error) ||
      !_dn_normalize_field (&partner->registration_number, "partner", "registration_number",
                            _("registration number"), FALSE, error) ||
      !_dn_normalize_field (&partner->contact, "partner", "contact", _("contact"), FALSE, error) ||
      !_dn_normalize_field (&partner->notes, "partner", "notes", _("notes"), FALSE, error))
    return FALSE;
  if ((guint) partner->kind >= DN_PARTNER_KIND_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown kind of partner."));
      return FALSE;
    }
  if ((guint) partner->registration_kind >= DN_REGISTRATION_KIND_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown kind of registration paper."));
      return FALSE;
    }

  if (partner->country_code == NULL)
    partner->country_code = g_strdup ("");
  g_strstrip (partner->country_code);
  if (partner->country_code[0] != '\0')
    {
      g_autofree char *upper = g_ascii_strup (partner->country_code, -1);

      if (!dn_country_is_valid (upper))
        {
          g_autofree char *shown = dn_text_escape_for_display (partner->country_code, 20);

          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("“%s” is not a country code (two letters of ISO 3166-1, such as KR)."), shown);
          return FALSE;
        }
      _dn_set_text (&partner->country_code, upper);
    }

  if (partner->registration_kind == DN_REGISTRATION_NONE &&
      (partner->registration_number[0] != '\0' || g_date_valid (&partner->registration_expiry)))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("Choose the kind of registration paper for its number and expiry date."));
      return FALSE;
    }
  if (!_dn_check_date (&partner->registration_expiry, FALSE, error,
                       _("The registration expiry date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR))
    return FALSE;

  /* Nghị định 58/2022: a paper issued by today lasts at most 3 (operation)
   * or 5 (representative office) years; the issue date is not recorded,
   * so a later expiry is only suspicious (an extension may be recorded
   * early) */
  max_years = dn_registration_kind_get_max_years (partner->registration_kind);
  if (!confirmed && max_years > 0 && g_date_valid (&partner->registration_expiry))
    {
      GDate limit = *today;
      g_autofree char *shown = NULL;

      g_date_add_years (&limit, max_years);
      if (g_date_compare (&partner->registration_expiry, &limit) > 0)
        {
          shown = dn_date_format_short (&partner->registration_expiry);
          if (partner->registration_kind == DN_REGISTRATION_OPERATION)
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING,
                         _("The registration expires on %s, more than 3 years from today, but an operation "
                           "registration lasts at most 3 years (Decree 58/2022/NĐ-CP). Check the date."),
                         shown);
          else
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING,
                         _("The registration expires on %s, more than 5 years from today, but a representative "
                           "office registration lasts at most 5 years (Decree 58/2022/NĐ-CP). Check the date."),
                         shown);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_partner (DnStore      *self,
              DnPartner    *partner,
              const GDate  *today,
              gboolean      confirmed,
              gboolean      is_new,
              GError      **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return validate_partner (partner, today, confirmed, error) &&
         _dn_store_save_committed (self,
                                   is_new
                                   ? "INSERT INTO partner (id, name, short_name, kind, country_code, "
                                     "registration_kind, registration_number, registration_expiry, contact, notes) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                   : "UPDATE partner SET name = ?2, short_name = ?3, kind = ?4, country_code = ?5, "
                                     "registration_kind = ?6, registration_number = ?7, registration_expiry = ?8, "
                                     "contact = ?9, notes = ?10 WHERE id = ?1",
                                   &partner->id, is_new, _("The partner no longer exists."), error,
                                   DN_TEXT (partner->name), DN_TEXT (partner->short_name),
                                   DN_TEXT (dn_partner_kind_to_string (partner->kind)),
                                   DN_TEXT (partner->country_code[0] != '\0' ? partner->country_code : NULL),
                                   DN_TEXT (dn_registration_kind_to_string (partner->registration_kind)),
                                   DN_TEXT (partner->registration_number), DN_DATE (&partner->registration_expiry),
                                   DN_TEXT (partner->contact), DN_TEXT (partner->notes), DN_END);
}

gboolean
dn_store_add_partner (DnStore      *self,
                      DnPartner    *partner,
                      const GDate  *today,
                      gboolean      confirmed,
                      GError      **error)
{
  return save_partner (self, partner, today, confirmed, TRUE, error);
}

gboolean
dn_store_update_partner (DnStore      *self,
                         DnPartner    *partner,
                         const GDate  *today,
                         gboolean      confirmed,
                         GError      **error)
{
  return save_partner (self, partner, today, confirmed, FALSE, error);
}

gboolean
dn_store_delete_partner (DnStore  *self,
                         gint64    id,
                         GError  **error)
{
  gint64 n_projects = 0, n_delegations = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_read_int (self, "SELECT count(*) FROM project WHERE partner_id = ?", &n_projects, error,
                           DN_INT (id), DN_END) &&
       _dn_store_read_int (self, "SELECT count(*) FROM delegation WHERE partner_id = ?", &n_delegations, error,
                           DN_INT (id), DN_END);
  if (ok && n_projects > 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The partner still has %u project: delete it first.",
                                "The partner still has %u projects: delete them first.", (gulong) n_projects),
                   (guint) n_projects);
      ok = FALSE;
    }
  else if (ok && n_delegations > 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u delegation refers to the partner: change it first.",
                                "%u delegations refer to the partner: change them first.", (gulong) n_delegations),
                   (guint) n_delegations);
      ok = FALSE;
    }
  ok = ok && _dn_store_save (self, "DELETE FROM partner WHERE id = ?1", &id, FALSE,
                             _("The partner no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
}

_DN_STORE_DEFINE_GET (DnPartner, partner, "SELECT " PARTNER_COLUMNS " FROM partner p WHERE p.id = ?", &partner_row,
                      _("There is no partner #%lld."))

void
dn_partner_query_init (DnPartnerQuery *query)
{
  g_return_if_fail (query != NULL);
  memset (query, 0, sizeof *query);
  query->kind = -1;
  g_date_clear (&query->expiring_before, 1);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* The statement of @query after @after (NULL: from the first). */
static sqlite3_stmt *
prepare_partner_query (DnStore               *self,
                       const char            *sql,
                       const DnPartnerQuery  *query,
                       DnPartner             *after,
                       gint64                 limit,
                       GError               **error)
{
  DnPartnerQuery any;

  if (query == NULL)
    {
      dn_partner_query_init (&any);
      query = &any;
    }
  return _dn_store_prepare_with (self, sql, error, DN_INT (limit), DN_TEXT (nonempty (query->text)),
                                 DN_TEXT (query->kind >= 0 && query->kind < DN_PARTNER_KIND_N
                                          ? dn_partner_kind_to_string ((DnPartnerKind) query->kind) : NULL),
                                 DN_TEXT (nonempty (query->country_code)),
                                 DN_DATE (&query->expiring_before),
                                 DN_TEXT (after != NULL ? after->name : NULL),
                                 DN_INT (after != NULL ? after->id : 0), DN_END);
}

GPtrArray *
dn_store_list_partners (DnStore               *self,
                        const DnPartnerQuery  *query,
                        DnPartner             *after,
                        guint                  limit,
                        GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (after == NULL || DN_IS_PARTNER (after), NULL);

  stmt = prepare_partner_query (self, "SELECT " PARTNER_COLUMNS PARTNER_WHERE " LIMIT ?1", query, after, limit, error);
  return stmt != NULL ? _dn_store_collect (self, stmt, &partner_row, error) : NULL;
}

gboolean
dn_store_foreach_partner (DnStore               *self,
                          const DnPartnerQuery  *query,
                          DnPartnerFunc          func,
                          gpointer               user_data,
                          GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare_partner_query (self, "SELECT " PARTNER_COLUMNS PARTNER_WHERE " LIMIT ?1", query, NULL, -1, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DnPartner) partner = _dn_row_read (&partner_row, stmt);

      if (!func (partner, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  if (!_dn_store_check_step (self, rc, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GArray *
dn_store_list_partner_ids (DnStore               *self,
                           const DnPartnerQuery  *query,
                           GError               **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);

  stmt = prepare_partner_query (self, "SELECT p.id" PARTNER_WHERE " LIMIT ?1", query, NULL, -1, error);
  if (stmt == NULL || !_dn_store_collect_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

_DN_STORE_DEFINE_GET_BY_IDS (DnPartner, partners, "SELECT " PARTNER_COLUMNS " FROM partner p WHERE p.id", &partner_row)

gboolean
dn_store_count_partner_registrations (DnStore      *self,
                                      const GDate  *today,
                                      int           warning_days,
                                      guint        *expiring,
                                      guint        *expired,
                                      GError      **error)
{
  gint64 n_expiring = 0, n_expired = 0;
  GDate limit;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  /* the overview's alert (dn-store-alerts.h), told apart: expired before
   * @today, or still valid and expiring */
  if (warning_days < 0)
    dn_alert_get_limit (self, DN_ALERT_REGISTRATIONS_EXPIRING, today, &limit);
  else
    {
      limit = *today;
      g_date_add_days (&limit, (guint) warning_days);
    }
  if (!_dn_store_read_int (self,
                           "SELECT count(*) FROM partner r WHERE " DN_ALERT_SQL_REGISTRATION_EXPIRING
                           " AND r.registration_expiry >= ?1",
                           &n_expiring, error, DN_DATE (today), DN_DATE (&limit), DN_END) ||
      !_dn_store_read_int (self, "SELECT count(*) FROM partner r WHERE r.registration_expiry < ?1",
                           &n_expired, error, DN_DATE (today), DN_END))
    return FALSE;
  if (expiring != NULL)
    *expiring = (guint) n_expiring;
  if (expired != NULL)
    *expired = (guint) n_expired;
  return TRUE;
}

_DN_STORE_DEFINE_LIST_BY (partner_delegations, partner_id,
                          "SELECT d.id, CASE d.direction WHEN 'outbound' THEN 'out' ELSE 'in' END, d.title, "
                          "d.start_date, d.end_date FROM delegation d WHERE d.partner_id = ? "
                          "ORDER BY d.start_date DESC, d.id DESC",
                          &partner_delegation_row)

/*
 * Projects
 */

static gboolean
validate_project (DnStore    *self,
                  DnProject  *project,
                  GError    **error)
{
  gint64 found = 0;

  if (!_dn_normalize_field (&project->name, "project", "name", _("name"), TRUE, error) ||
      !_dn_normalize_field (&project->code, "project", "code", _("code"), FALSE, error) ||
      !_dn_normalize_field (&project->description, "project", "description", _("description"), FALSE, error))
    return FALSE;
  if ((guint) project->status >= DN_PROJECT_STATUS_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown project status."));
      return FALSE;
    }
  if (project->currency == NULL || project->currency[0] == '\0')
    _dn_set_text (&project->currency, "VND");
  else
    {
      g_autofree char *upper = g_ascii_strup (g_strstrip (project->currency), -1);

      _dn_set_text (&project->currency, upper);
    }
  if (!dn_currency_is_valid (project->currency))
    {
      g_autofree char *shown = dn_text_escape_for_display (project->currency, 20);

      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is not a currency code (three letters of ISO 4217, such as VND or USD)."), shown);
      return FALSE;
    }
  if (project->budget < -1)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The budget cannot be negative."));
      return FALSE;
    }
  if (!_dn_check_date (&project->start_date, FALSE, error, _("The start date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR) ||
      !_dn_check_date (&project->end_date, FALSE, error, _("The end date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR))
    return FALSE;
  if (g_date_valid (&project->start_date) && g_date_valid (&project->end_date) &&
      g_date_compare (&project->end_date, &project->start_date) < 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The project cannot end before it starts."));
      return FALSE;
    }

  if (project->partner_id <= 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Choose the partner of the project."));
      return FALSE;
    }
  if (!_dn_store_read_int (self, "SELECT count(*) FROM partner WHERE id = ?", &found, error,
                           DN_INT (project->partner_id), DN_END))
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("There is no partner #%lld."),
                   (long long) project->partner_id);
      return FALSE;
    }
  if (project->unit_id > 0)
    {
      if (!_dn_store_read_int (self, "SELECT count(*) FROM unit WHERE id = ?", &found, error,
                               DN_INT (project->unit_id), DN_END))
        return FALSE;
      if (found == 0)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("There is no unit #%lld."),
                       (long long) project->unit_id);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_project (DnStore    *self,
              DnProject  *project,
              gboolean    is_new,
              GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PROJECT (project), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = validate_project (self, project, error) &&
       _dn_store_save (self,
                       is_new
                       ? "INSERT INTO project (id, partner_id, name, code, unit_id, start_date, end_date, budget, "
                         "currency, status, description) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?8 >= 0 THEN ?8 END, ?9, ?10, ?11)"
                       : "UPDATE project SET partner_id = ?2, name = ?3, code = ?4, unit_id = ?5, start_date = ?6, "
                         "end_date = ?7, budget = CASE WHEN ?8 >= 0 THEN ?8 END, currency = ?9, status = ?10, description = ?11 WHERE id = ?1",
                       &project->id, is_new, _("The project no longer exists."), error,
                       DN_ID (project->partner_id), DN_TEXT (project->name), DN_TEXT (project->code),
                       DN_ID (project->unit_id), DN_DATE (&project->start_date), DN_DATE (&project->end_date),
                       DN_INT (project->budget),
                       DN_TEXT (project->currency),
                       DN_TEXT (dn_project_status_to_string (project->status)), DN_TEXT (project->description),
                       DN_END);
  return _dn_store_finish (self, ok, error);
}

_DN_STORE_DEFINE_ADD_UPDATE (DnProject, project)
_DN_STORE_DEFINE_DELETE_EXISTING (project, "project", _("The project no longer exists."))
_DN_STORE_DEFINE_GET (DnProject, project, "SELECT " PROJECT_COLUMNS PROJECT_FROM "WHERE j.id = ?", &project_row,
                      _("There is no project #%lld."))

GPtrArray *
dn_store_list_projects (DnStore  *self,
                        gint64    partner_id,
                        GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (partner_id > 0)
    return _dn_store_read_all (self,
                               "SELECT " PROJECT_COLUMNS PROJECT_FROM
                               "WHERE j.partner_id = ? ORDER BY j.start_date IS NULL, j.start_date DESC, j.id DESC",
                               &project_row, error, DN_INT (partner_id), DN_END);
  return _dn_store_read_all (self,
                             "SELECT " PROJECT_COLUMNS PROJECT_FROM
                             "ORDER BY j.start_date IS NULL, j.start_date DESC, j.id DESC",
                             &project_row, error, DN_END);
}
