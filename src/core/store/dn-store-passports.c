/* dn-store-passports.c: passports, the custody ledger, passport events and
 * the holiday calendar the due-back dates are counted on
 *
 * A passport's state is not a column of its own: lost, transferred and
 * cancelled are passport.status (set by the events), and a valid passport
 * is out while a ledger line of it is open (returned_on NULL), else kept by
 * the office.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-delegation.h"
#include "dn-store-private.h"
#include "dn-store-struct.h"
#include "dn-text.h"

/* at most three years more for the one extension (Luật 49/2019 Điều 7) */
#define EXTENSION_MAX_YEARS 3

#define HOLDER_NAME(p) \
  p ".family_name || ' ' || CASE WHEN " p ".middle_name = '' THEN '' ELSE " p ".middle_name || ' ' END || " p ".given_name"

#define PASSPORT_STATE \
  "CASE WHEN p.status <> 'valid' THEN p.status WHEN l.id IS NULL THEN 'in_office' ELSE 'out' END"

#define PASSPORT_COLUMNS \
  "p.id, p.person_id, " HOLDER_NAME ("h") ", coalesce(u.name, ''), p.kind, p.number, p.issue_date, " \
  "p.expiry_date, p.issuing_authority, p.extension_count, p.expiry_before_extension, p.extended_on, " \
  PASSPORT_STATE ", coalesce(l.id, 0), l.handed_out_on, l.due_back_on, coalesce(l.delegation_id, 0), " \
  "coalesce(d.title, '')"
#define PASSPORT_JOINS \
  "LEFT JOIN unit u ON u.id = h.unit_id " \
  "LEFT JOIN passport_loan l ON l.passport_id = p.id AND l.returned_on IS NULL " \
  "LEFT JOIN delegation d ON d.id = l.delegation_id "
#define PASSPORT_FROM \
  " FROM passport p JOIN person h ON h.id = p.person_id " PASSPORT_JOINS
/* A list reads the holders in their index's order, each holder's passports
 * through theirs (CROSS JOIN keeps that order of the loops): its rows come
 * in the list's order, never sorted (SQLite, left to choose, scanned the
 * passports and sorted them all: 0.3 s for the first page of 50 000). */
#define PASSPORT_LIST_FROM \
  " FROM person h CROSS JOIN passport p ON p.person_id = h.id " PASSPORT_JOINS

static const DnRow passport_row = {
  dn_passport_get_type,
  { DN_COLUMN (INT64, DnPassport, id), DN_COLUMN (INT64, DnPassport, person_id),
    DN_COLUMN (TEXT, DnPassport, holder_name), DN_COLUMN (TEXT, DnPassport, holder_unit_name),
    DN_ENUM_COLUMN (DnPassport, kind, dn_passport_kind_from_string), DN_COLUMN (TEXT, DnPassport, number),
    DN_COLUMN (DATE, DnPassport, issue_date), DN_COLUMN (DATE, DnPassport, expiry_date),
    DN_COLUMN (TEXT, DnPassport, issuing_authority), DN_COLUMN (INT, DnPassport, extension_count),
    DN_COLUMN (DATE, DnPassport, expiry_before_extension), DN_COLUMN (DATE, DnPassport, extended_on),
    DN_ENUM_COLUMN (DnPassport, state, dn_passport_state_from_string), DN_COLUMN (INT64, DnPassport, loan_id),
    DN_COLUMN (DATE, DnPassport, handed_out_on), DN_COLUMN (DATE, DnPassport, due_back_on),
    DN_COLUMN (INT64, DnPassport, delegation_id), DN_COLUMN (TEXT, DnPassport, delegation_title) },
};

#define LOAN_COLUMNS \
  "l.id, l.passport_id, p.number, " HOLDER_NAME ("h") ", coalesce(l.delegation_id, 0), coalesce(d.title, ''), " \
  "l.handed_out_on, l.handed_by, l.handed_to, l.receipt_signed, l.due_back_on, l.returned_on, l.returned_by, " \
  "l.received_by, l.return_receipt_signed, l.exemption_reason, l.excused_by, l.notes"
#define LOAN_FROM \
  " FROM passport_loan l JOIN passport p ON p.id = l.passport_id JOIN person h ON h.id = p.person_id " \
  "LEFT JOIN delegation d ON d.id = l.delegation_id "

static const DnRow loan_row = {
  dn_passport_loan_get_type,
  { DN_COLUMN (INT64, DnPassportLoan, id), DN_COLUMN (INT64, DnPassportLoan, passport_id),
    DN_COLUMN (TEXT, DnPassportLoan, passport_number), DN_COLUMN (TEXT, DnPassportLoan, holder_name),
    DN_COLUMN (INT64, DnPassportLoan, delegation_id), DN_COLUMN (TEXT, DnPassportLoan, delegation_title),
    DN_COLUMN (DATE, DnPassportLoan, handed_out_on), DN_COLUMN (TEXT, DnPassportLoan, handed_by),
    DN_COLUMN (TEXT, DnPassportLoan, handed_to), DN_COLUMN (BOOL, DnPassportLoan, receipt_signed),
    DN_COLUMN (DATE, DnPassportLoan, due_back_on), DN_COLUMN (DATE, DnPassportLoan, returned_on),
    DN_COLUMN (TEXT, DnPassportLoan, returned_by), DN_COLUMN (TEXT, DnPassportLoan, received_by),
    DN_COLUMN (BOOL, DnPassportLoan, return_receipt_signed), DN_COLUMN (TEXT, DnPassportLoan, exemption_reason),
    DN_COLUMN (TEXT, DnPassportLoan, excused_by), DN_COLUMN (TEXT, DnPassportLoan, notes) },
};

#define EVENT_COLUMNS \
  "id, passport_id, kind, on_date, letter, coalesce(document_id, 0), notes, recorded_by"

static const DnRow trip_row = {
  dn_delegation_get_type,
  { DN_COLUMN (INT64, DnDelegation, id), DN_COLUMN (TEXT, DnDelegation, title),
    DN_ENUM_COLUMN (DnDelegation, status, dn_delegation_status_from_string),
    DN_COLUMN (DATE, DnDelegation, start_date), DN_COLUMN (DATE, DnDelegation, end_date),
    DN_COLUMN (INT64, DnDelegation, decision_document_id) },
};

static const DnRow event_row = {
  dn_passport_event_get_type,
  { DN_COLUMN (INT64, DnPassportEvent, id), DN_COLUMN (INT64, DnPassportEvent, passport_id),
    DN_ENUM_COLUMN (DnPassportEvent, kind, dn_passport_event_kind_from_string),
    DN_COLUMN (DATE, DnPassportEvent, on_date), DN_COLUMN (TEXT, DnPassportEvent, letter),
    DN_COLUMN (INT64, DnPassportEvent, document_id), DN_COLUMN (TEXT, DnPassportEvent, notes),
    DN_COLUMN (TEXT, DnPassportEvent, recorded_by) },
};

static gboolean
refuse (GError     **error,
        int          code,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError     **error,
        int          code,
        const char  *format,
        ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DN_STORE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

/*
 * The holiday calendar
 */

DnCalendar *
dn_store_get_calendar (DnStore  *self,
                       GError  **error)
{
  g_autoptr(DnCalendar) calendar = dn_calendar_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare (self, "SELECT day, off, name FROM calendar_day ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = _dn_column_text (stmt, 2);
      GDate day;

      _dn_column_date (stmt, 0, &day);
      if (g_date_valid (&day))
        dn_calendar_set_override (calendar, &day, sqlite3_column_int (stmt, 1) != 0, name[0] != '\0' ? name : NULL);
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  return g_steal_pointer (&calendar);
}

gboolean
dn_store_set_calendar_day (DnStore      *self,
                           const GDate  *day,
                           gboolean      off,
                           const char   *name,
                           GError      **error)
{
  g_autofree char *text = g_strdup (name);

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!_dn_check_date (day, TRUE, error, "%s", _("The day is missing or not a real day.")) ||
      !_dn_normalize_field (&text, "calendar_day", "name", _("name of the day"), FALSE, error))
    return FALSE;
  return _dn_store_write_committed (self,
                                    "INSERT INTO calendar_day (day, off, name) VALUES (?, ?, ?) "
                                    "ON CONFLICT (day) DO UPDATE SET off = excluded.off, name = excluded.name",
                                    error, DN_DATE (day), DN_INT (off ? 1 : 0), DN_TEXT (g_strstrip (text)), DN_END);
}

gboolean
dn_store_clear_calendar_day (DnStore      *self,
                             const GDate  *day,
                             GError      **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return _dn_store_write_committed (self, "DELETE FROM calendar_day WHERE day = ?", error, DN_DATE (day), DN_END);
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const DnHoliday *x = *(DnHoliday * const *) a;
  const DnHoliday *y = *(DnHoliday * const *) b;

  return g_date_compare (&x->date, &y->date);
}

GPtrArray *
dn_store_list_holidays (DnStore  *self,
                        int       year,
                        GError  **error)
{
  g_autoptr(DnCalendar) calendar = NULL;
  g_autoptr(GPtrArray) statutory = NULL;
  GPtrArray *days;
  sqlite3_stmt *stmt;
  char from[16], to[16];
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  calendar = dn_store_get_calendar (self, error);
  if (calendar == NULL)
    return NULL;
  days = g_ptr_array_new_with_free_func ((GDestroyNotify) dn_holiday_free);
  statutory = dn_calendar_statutory_holidays (year);
  for (guint i = 0; i < statutory->len; i++)
    {
      DnHoliday *holiday = statutory->pdata[i];

      /* a statutory day the officer made a working day is not off */
      if (dn_calendar_is_working_day (calendar, &holiday->date))
        continue;
      g_ptr_array_add (days, g_steal_pointer (&statutory->pdata[i]));
    }
  g_snprintf (from, sizeof from, "%04d-01-01", year);
  g_snprintf (to, sizeof to, "%04d-12-31", year);
  stmt = _dn_store_prepare_with (self, "SELECT day, name FROM calendar_day WHERE off = 1 AND day BETWEEN ? AND ?",
                                 error, DN_TEXT (from), DN_TEXT (to), DN_END);
  if (stmt == NULL)
    {
      g_ptr_array_unref (days);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DnHoliday *holiday = g_new0 (DnHoliday, 1);
      gboolean known = FALSE;

      _dn_column_date (stmt, 0, &holiday->date);
      holiday->name = _dn_column_text (stmt, 1);
      for (guint i = 0; i < days->len && !known; i++)
        known = g_date_compare (&((DnHoliday *) days->pdata[i])->date, &holiday->date) == 0;
      if (known || !g_date_valid (&holiday->date))
        {
          dn_holiday_free (holiday);
          continue;
        }
      if (holiday->name[0] == '\0')
        {
          g_free (holiday->name);
          holiday->name = g_strdup (_("Day off"));
        }
      g_ptr_array_add (days, holiday);
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    {
      g_ptr_array_unref (days);
      return NULL;
    }
  g_ptr_array_sort (days, compare_holidays);
  return days;
}

/*
 * Passports
 */

static gboolean
validate_passport (DnStore     *self,
                   DnPassport  *passport,
                   GError     **error)
{
  GString *number;
  gint64 found = 0;

  if (!_dn_normalize_field (&passport->number, "passport", "number", _("passport number"), TRUE, error) ||
      !_dn_normalize_field (&passport->issuing_authority, "passport", "issuing_authority", _("issuing authority"),
                            FALSE, error))
    return FALSE;
  /* the number as printed: capitals, no spaces */
  number = g_string_new (NULL);
  for (const char *c = passport->number; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (!g_unichar_isspace (ch))
        g_string_append_unichar (number, g_unichar_toupper (ch));
    }
  g_free (passport->number);
  passport->number = g_string_free (number, FALSE);
  g_strstrip (passport->issuing_authority);
  if (g_utf8_strlen (passport->number, -1) < 5 || g_utf8_strlen (passport->number, -1) > 20)
    return refuse (error, DN_STORE_ERROR_INVALID,
                   _("A passport number has 5 to 20 letters and digits (“%s” has not)."), passport->number);
  if ((guint) passport->kind >= DN_PASSPORT_KIND_N)
    return refuse (error, DN_STORE_ERROR_INVALID, "%s", _("Say which kind of passport it is."));
  if (!_dn_check_date (&passport->issue_date, TRUE, error, "%s", _("The issue date is missing or not a real day.")) ||
      !_dn_check_date (&passport->expiry_date, TRUE, error, "%s", _("The expiry date is missing or not a real day.")))
    return FALSE;
  if (g_date_compare (&passport->expiry_date, &passport->issue_date) <= 0)
    return refuse (error, DN_STORE_ERROR_INVALID, "%s", _("A passport expires after the day it was issued."));
  if (passport->person_id <= 0)
    return refuse (error, DN_STORE_ERROR_INVALID, "%s", _("Choose the holder of the passport."));
  if (!_dn_store_read_int (self, "SELECT count(*) FROM person WHERE id = ?", &found, error,
                           DN_INT (passport->person_id), DN_END))
    return FALSE;
  if (found == 0)
    return refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no person #%lld."), (long long) passport->person_id);
  return TRUE;
}

/* Reads back the joined fields and the state after a write. */
static void
reread_passport (DnStore    *self,
                 DnPassport *passport)
{
  g_autoptr(DnPassport) fresh = dn_store_get_passport (self, passport->id, NULL);

  if (fresh == NULL)
    return;
  _dn_set_text (&passport->holder_name, fresh->holder_name);
  _dn_set_text (&passport->holder_unit_name, fresh->holder_unit_name);
  passport->state = fresh->state;
  passport->extension_count = fresh->extension_count;
  passport->expiry_before_extension = fresh->expiry_before_extension;
  passport->extended_on = fresh->extended_on;
  passport->loan_id = fresh->loan_id;
  passport->handed_out_on = fresh->handed_out_on;
  passport->due_back_on = fresh->due_back_on;
  passport->delegation_id = fresh->delegation_id;
  _dn_set_text (&passport->delegation_title, fresh->delegation_title);
}

static gboolean
save_passport (DnStore     *self,
               DnPassport  *passport,
               gboolean     is_new,
               GError     **error)
{
  gint64 extended = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PASSPORT (passport), FALSE);

  if (!validate_passport (self, passport, error) || !dn_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  if (!is_new)
    {
      ok = _dn_store_read_int (self, "SELECT extension_count FROM passport WHERE id = ?", &extended, error,
                               DN_INT (passport->id), DN_END);
      if (ok && extended > 0 && passport->kind == DN_PASSPORT_ORDINARY)
        ok = refuse (error, DN_STORE_ERROR_INVALID, "%s",
                     _("This passport was extended: it cannot become an ordinary passport, which is never extended."));
    }
  ok = ok && _dn_store_save (self,
                             is_new
                             ? "INSERT INTO passport (id, person_id, kind, number, issue_date, expiry_date, "
                               "issuing_authority) VALUES (?, ?, ?, ?, ?, ?, ?)"
                             : "UPDATE passport SET person_id = ?2, kind = ?3, number = ?4, issue_date = ?5, "
                               "expiry_date = ?6, issuing_authority = ?7 WHERE id = ?1",
                             &passport->id, is_new, _("The passport no longer exists."), error,
                             DN_ID (passport->person_id), DN_TEXT (dn_passport_kind_to_string (passport->kind)),
                             DN_TEXT (passport->number), DN_DATE (&passport->issue_date),
                             DN_DATE (&passport->expiry_date), DN_TEXT (passport->issuing_authority), DN_END);
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  reread_passport (self, passport);
  return TRUE;
}

gboolean
dn_store_add_passport (DnStore     *self,
                       DnPassport  *passport,
                       GError     **error)
{
  return save_passport (self, passport, TRUE, error);
}

gboolean
dn_store_update_passport (DnStore     *self,
                          DnPassport  *passport,
                          GError     **error)
{
  return save_passport (self, passport, FALSE, error);
}

gboolean
dn_store_delete_passport (DnStore  *self,
                          gint64    id,
                          GError  **error)
{
  gint64 lines = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_read_int (self, "SELECT count(*) FROM passport_loan WHERE passport_id = ?", &lines, error,
                           DN_INT (id), DN_END);
  if (ok && lines > 0)
    ok = refuse (error, DN_STORE_ERROR_IN_USE, "%s",
                 _("The passport is in the custody ledger: it cannot be deleted. Record what became of it instead "
                   "(lost, transferred or sent for cancellation)."));
  ok = ok && _dn_store_write (self, "UPDATE delegation_member SET passport_id = NULL WHERE passport_id = ?", error,
                              DN_INT (id), DN_END);
  ok = ok && _dn_store_save (self, "DELETE FROM passport WHERE id = ?", &id, FALSE,
                             _("The passport no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
}

DnPassport *
dn_store_get_passport (DnStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_get_by_id (self, "SELECT " PASSPORT_COLUMNS PASSPORT_FROM "WHERE p.id = ?", &passport_row, id,
                              error, _("There is no passport #%lld."), (long long) id);
}

DnPassport *
dn_store_find_passport (DnStore     *self,
                        const char  *number,
                        GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GString *key;
  DnPassport *passport;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  text = dn_text_normalize (number != NULL ? number : "", -1, FALSE);
  if (text == NULL)
    {
      refuse (error, DN_STORE_ERROR_INVALID, "%s", _("The passport number is not valid text (UTF-8)."));
      return NULL;
    }
  key = g_string_new (NULL);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (key, g_unichar_toupper (g_utf8_get_char (c)));
  passport = _dn_store_read_one (self, "SELECT " PASSPORT_COLUMNS PASSPORT_FROM "WHERE p.number = ?", &passport_row,
                                 NULL, error, DN_TEXT (key->str), DN_END);
  if (passport == NULL && (error == NULL || *error == NULL))
    {
      shown = dn_text_escape_for_display (text, 40);
      refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no passport numbered “%s”."), shown);
    }
  g_string_free (key, TRUE);
  return passport;
}

GPtrArray *
dn_store_list_person_passports (DnStore  *self,
                                gint64    person_id,
                                GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " PASSPORT_COLUMNS PASSPORT_FROM
                             "WHERE p.person_id = ? ORDER BY p.issue_date DESC, p.id DESC",
                             &passport_row, error, DN_INT (person_id), DN_END);
}

/* Lists ------------------------------------------------------------------ */

void
dn_passport_query_init (DnPassportQuery *query,
                        const GDate     *today)
{
  g_return_if_fail (query != NULL);
  memset (query, 0, sizeof *query);
  query->state = -1;
  g_date_clear (&query->expiring_before, 1);
  g_date_clear (&query->today, 1);
  if (today != NULL && g_date_valid (today))
    query->today = *today;
  else
    dn_date_today (&query->today);
}

typedef struct
{
  GString   *sql;
  GPtrArray *texts;  /* the values of ?1, ?2, ?3… in order (owned strings) */
} Built;

/* Appends " ?N" for a new value. */
static void
add_value (Built      *built,
           char       *value)
{
  g_ptr_array_add (built->texts, value);
  g_string_append_printf (built->sql, "?%u", built->texts->len);
}

/* SELECT @columns … WHERE (the query's filters) [AND after] ORDER BY …
 * ?1 is the day judged on and ?2 the expiry limit, as the alerts' own
 * conditions (dn-store-alerts.h) want them: the overview's figures and the
 * lists they open count the same passports. */
static void
build_query (Built                 *built,
             const char            *columns,
             const DnPassportQuery *query,
             DnPassport            *after)
{
  g_autofree char *match = query->text != NULL && *query->text != '\0' ? dn_text_fts_query (query->text) : NULL;

  built->sql = g_string_new ("SELECT ");
  built->texts = g_ptr_array_new_with_free_func (g_free);
  g_string_append (built->sql, columns);
  g_string_append (built->sql, PASSPORT_LIST_FROM "WHERE ?1 IS NOT NULL AND ?2 IS NOT NULL");
  g_ptr_array_add (built->texts, dn_date_format_iso (&query->today));
  g_ptr_array_add (built->texts, g_date_valid (&query->expiring_before) ? dn_date_format_iso (&query->expiring_before)
                                                                        : g_strdup (""));
  if (query->text != NULL && *query->text != '\0')
    {
      if (match == NULL)
        g_string_append (built->sql, " AND 0");
      else
        {
          g_string_append (built->sql, " AND p.id * 8 + 5 IN (SELECT rowid FROM search WHERE search MATCH ");
          add_value (built, g_steal_pointer (&match));
          g_string_append (built->sql, ")");
        }
    }
  if (query->state >= 0 && query->state < DN_PASSPORT_STATE_N)
    {
      g_string_append (built->sql, " AND " PASSPORT_STATE " = ");
      add_value (built, g_strdup (dn_passport_state_to_string (query->state)));
    }
  /* the ledger's conditions in a sub-query of their own: on the joined
   * ledger line they would make the LEFT JOIN an inner one, which SQLite
   * may then read first, the holders inside it (68 s for the overdue
   * passports among 50 000); and "+p.id", a membership test: as an index
   * look-up SQLite would try every id of the list for each holder (30 s) */
  if (query->only_out)
    g_string_append (built->sql, " AND p.status = 'valid' AND +p.id IN (SELECT passport_id FROM passport_loan "
                                 "WHERE returned_on IS NULL)");
  if (query->only_overdue)
    g_string_append (built->sql, " AND +p.id IN (SELECT l.passport_id FROM passport_loan l WHERE "
                                 DN_ALERT_SQL_PASSPORT_OVERDUE ")");
  if (g_date_valid (&query->expiring_before))
    g_string_append (built->sql, " AND " DN_ALERT_SQL_PASSPORT_EXPIRING);
  if (after != NULL)
    {
      g_string_append (built->sql, " AND (h.sort_key, h.id, p.id) > ((SELECT sort_key FROM person WHERE id = ");
      add_value (built, g_strdup_printf ("%" G_GINT64_FORMAT, after->person_id));
      g_string_append (built->sql, "), ");
      add_value (built, g_strdup_printf ("%" G_GINT64_FORMAT, after->person_id));
      g_string_append (built->sql, ", ");
      add_value (built, g_strdup_printf ("%" G_GINT64_FORMAT, after->id));
      g_string_append (built->sql, ")");
    }
  /* the holders in their index's order (sort key, then id), each holder's
   * passports by id: read in order, never sorted */
  g_string_append (built->sql, " ORDER BY h.sort_key, h.id, p.id");
}

static sqlite3_stmt *
prepare_built (DnStore  *self,
               Built    *built,
               GError  **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare_once (self, built->sql->str, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < built->texts->len; i++)
    _dn_bind_text (stmt, (int) i + 1, built->texts->pdata[i]);
  return stmt;
}

static void
built_clear (Built *built)
{
  g_string_free (built->sql, TRUE);
  g_ptr_array_unref (built->texts);
}

GPtrArray *
dn_store_list_passports (DnStore               *self,
                         const DnPassportQuery *query,
                         DnPassport            *after,
                         guint                  limit,
                         GError               **error)
{
  Built built;
  sqlite3_stmt *stmt;
  GPtrArray *passports;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (after == NULL || DN_IS_PASSPORT (after), NULL);

  build_query (&built, PASSPORT_COLUMNS, query, after);
  g_string_append_printf (built.sql, " LIMIT %u", limit);
  stmt = prepare_built (self, &built, error);
  built_clear (&built);
  if (stmt == NULL)
    return NULL;
  passports = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (passports, _dn_row_read (&passport_row, stmt));
  if (!_dn_store_check_step (self, rc, error))
    g_clear_pointer (&passports, g_ptr_array_unref);
  sqlite3_finalize (stmt);
  return passports;
}

GArray *
dn_store_list_passport_ids (DnStore               *self,
                            const DnPassportQuery *query,
                            GError               **error)
{
  Built built;
  sqlite3_stmt *stmt;
  GArray *ids;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  build_query (&built, "p.id", query, NULL);
  stmt = prepare_built (self, &built, error);
  built_clear (&built);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!_dn_store_collect_ids (self, stmt, ids, error))
    g_clear_pointer (&ids, g_array_unref);
  sqlite3_finalize (stmt);
  return ids;
}

GPtrArray *
dn_store_get_passports (DnStore       *self,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  GPtrArray *passports;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  passports = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local = NULL;
      DnPassport *passport = _dn_store_read_one (self, "SELECT " PASSPORT_COLUMNS PASSPORT_FROM "WHERE p.id = ?",
                                                 &passport_row, NULL, &local, DN_INT (ids[i]), DN_END);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          g_ptr_array_unref (passports);
          return NULL;
        }
      if (passport != NULL)
        g_ptr_array_add (passports, passport);
    }
  return passports;
}

/*
 * The custody ledger
 */

gboolean
dn_store_passport_due_back (DnStore        *self,
                            DnPassportKind  kind,
                            const GDate    *trip_end,
                            GDate          *due_back,
                            GError        **error)
{
  g_autoptr(DnCalendar) calendar = NULL;
  int days;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (trip_end != NULL && g_date_valid (trip_end), FALSE);
  calendar = dn_store_get_calendar (self, error);
  if (calendar == NULL)
    return FALSE;
  days = dn_store_get_setting (self, kind == DN_PASSPORT_ORDINARY ? DN_SETTING_ORDINARY_RETURN_DAYS
                                                                  : DN_SETTING_PASSPORT_RETURN_DAYS);
  dn_calendar_add_working_days (calendar, trip_end, (guint) MAX (days, 0), due_back);
  return TRUE;
}

/* What a hand-out needs to know of the delegation. */
typedef struct
{
  char    *title;
  char    *status;
  gint64   decision_id;
  GDate    start, end;
} Trip;

static void
trip_clear (Trip *trip)
{
  g_clear_pointer (&trip->title, g_free);
  g_clear_pointer (&trip->status, g_free);
}

static gboolean
read_trip (DnStore  *self,
           gint64    delegation_id,
           Trip     *trip,
           GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (trip, 0, sizeof *trip);
  g_date_clear (&trip->start, 1);
  g_date_clear (&trip->end, 1);
  stmt = _dn_store_prepare_with (self,
                                 "SELECT title, status, coalesce(decision_document_id, 0), start_date, end_date "
                                 "FROM delegation WHERE id = ?",
                                 error, DN_INT (delegation_id), DN_END);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      trip->title = _dn_column_text (stmt, 0);
      trip->status = _dn_column_text (stmt, 1);
      trip->decision_id = sqlite3_column_int64 (stmt, 2);
      _dn_column_date (stmt, 3, &trip->start);
      _dn_column_date (stmt, 4, &trip->end);
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return FALSE;
  if (rc != SQLITE_ROW)
    return refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no delegation #%lld."), (long long) delegation_id);
  if (!g_str_equal (trip->status, "approved") && !g_str_equal (trip->status, "ongoing"))
    return refuse (error, DN_STORE_ERROR_INVALID,
                   _("The delegation “%s” is not approved: a passport is handed out only for an approved trip."),
                   trip->title);
  if (trip->decision_id <= 0)
    return refuse (error, DN_STORE_ERROR_INVALID,
                   _("The delegation “%s” has no sending decision recorded: a passport is handed out only with "
                     "the decision (Luật 49/2019, Điều 24)."), trip->title);
  return TRUE;
}

/* The rules of one hand-out. FALSE with @error when refused; a warning is
 * appended to @warnings (one line) instead, and TRUE returned. */
static gboolean
check_hand_out (DnStore     *self,
                DnPassport  *passport,
                gint64       delegation_id,
                const Trip  *trip,
                const GDate *date,
                GString     *warnings,
                GError     **error)
{
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;
  gint64 member = 0;
  int months, rc;
  GDate limit;

  switch (passport->state)
    {
    case DN_PASSPORT_OUT:
      {
        g_autofree char *since = format_date (&passport->handed_out_on);
        return refuse (error, DN_STORE_ERROR_INVALID,
                       _("Passport %s (%s) is already handed out, since %s: take it back first."),
                       passport->number, passport->holder_name, since);
      }
    case DN_PASSPORT_LOST:
      return refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s (%s) was reported lost: it cannot be handed out."),
                     passport->number, passport->holder_name);
    case DN_PASSPORT_TRANSFERRED:
      return refuse (error, DN_STORE_ERROR_INVALID,
                     _("Passport %s (%s) was transferred to another agency: it cannot be handed out."),
                     passport->number, passport->holder_name);
    case DN_PASSPORT_CANCELLED:
      return refuse (error, DN_STORE_ERROR_INVALID,
                     _("Passport %s (%s) was sent for cancellation: it cannot be handed out."),
                     passport->number, passport->holder_name);
    case DN_PASSPORT_IN_OFFICE:
    case DN_PASSPORT_STATE_N:
    default:
      break;
    }
  if (g_date_compare (&passport->expiry_date, date) < 0)
    {
      g_autofree char *expiry = format_date (&passport->expiry_date);
      return refuse (error, DN_STORE_ERROR_INVALID,
                     _("Passport %s (%s) expired on %s: it cannot be handed out."),
                     passport->number, passport->holder_name, expiry);
    }
  if (g_date_compare (date, &trip->end) > 0)
    {
      g_autofree char *end = format_date (&trip->end);
      return refuse (error, DN_STORE_ERROR_INVALID,
                     _("The delegation “%s” came back on %s: a passport is not handed out after the trip."),
                     trip->title, end);
    }
  if (!_dn_store_read_int (self, "SELECT count(*) FROM delegation_member WHERE delegation_id = ? AND person_id = ?",
                           &member, error, DN_INT (delegation_id), DN_INT (passport->person_id), DN_END))
    return FALSE;
  if (member == 0)
    return refuse (error, DN_STORE_ERROR_INVALID,
                   _("%s, the holder of passport %s, is not a member of the delegation “%s”."),
                   passport->holder_name, passport->number, trip->title);
  /* one exit document per trip (Luật 49/2019 Điều 23.2) */
  stmt = _dn_store_prepare_with (self,
                                 "SELECT p.number FROM passport_loan l JOIN passport p ON p.id = l.passport_id "
                                 "WHERE l.delegation_id = ?1 AND p.person_id = ?2 AND p.id <> ?3 "
                                 "AND l.returned_on IS NULL",
                                 error, DN_INT (delegation_id), DN_INT (passport->person_id), DN_INT (passport->id),
                                 DN_END);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    other = _dn_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return FALSE;
  if (other != NULL)
    return refuse (error, DN_STORE_ERROR_INVALID,
                   _("%s already has passport %s handed out for the delegation “%s”: only one passport is used "
                     "per trip (Luật 49/2019, Điều 23.2)."), passport->holder_name, other, trip->title);
  months = dn_store_get_setting (self, DN_SETTING_PASSPORT_VALIDITY_MONTHS);
  limit = trip->end;
  if (months > 0)
    g_date_add_months (&limit, (guint) months);
  if (g_date_compare (&passport->expiry_date, &limit) < 0)
    {
      g_autofree char *expiry = format_date (&passport->expiry_date);
      g_autofree char *end = format_date (&trip->end);

      if (warnings->len > 0)
        g_string_append_c (warnings, '\n');
      g_string_append_printf (warnings,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Passport %s (%s) expires on %s: under %d month of validity left at "
                                           "the end of the trip (%s).",
                                           "Passport %s (%s) expires on %s: under %d months of validity left at "
                                           "the end of the trip (%s).", (gulong) months),
                              passport->number, passport->holder_name, expiry, months, end);
    }
  return TRUE;
}

static gint64
write_hand_out (DnStore     *self,
                DnPassport  *passport,
                gint64       delegation_id,
                const Trip  *trip,
                const GDate *date,
                const char  *handed_by,
                const char  *handed_to,
                gboolean     receipt_signed,
                GError     **error)
{
  GDate due;
  gint64 id = 0;

  if (!dn_store_passport_due_back (self, passport->kind, &trip->end, &due, error))
    return 0;
  if (g_date_compare (&due, date) < 0)
    due = *date;
  if (!_dn_store_save (self,
                       "INSERT INTO passport_loan (id, passport_id, delegation_id, handed_out_on, handed_by, "
                       "handed_to, receipt_signed, due_back_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       &id, TRUE, NULL, error, DN_INT (passport->id), DN_ID (delegation_id), DN_DATE (date),
                       DN_TEXT (handed_by != NULL && *handed_by != '\0' ? handed_by : self->actor), DN_TEXT (handed_to != NULL && *handed_to != '\0' ? handed_to
                                                                                            : passport->holder_name),
                       DN_INT (receipt_signed ? 1 : 0), DN_DATE (&due), DN_END))
    return 0;
  /* the member travels on this passport, unless one was chosen already */
  if (!_dn_store_write (self,
                        "UPDATE delegation_member SET passport_id = ?1 "
                        "WHERE delegation_id = ?2 AND person_id = ?3 AND passport_id IS NULL",
                        error, DN_INT (passport->id), DN_INT (delegation_id), DN_INT (passport->person_id), DN_END))
    return 0;
  return id;
}

static gboolean
check_text (char       **text,
            const char  *column,
            const char  *label,
            GError     **error)
{
  if (!_dn_normalize_field (text, "passport_loan", column, label, FALSE, error))
    return FALSE;
  g_strstrip (*text);
  return TRUE;
}

static gboolean
check_hand_out_date (const GDate  *date,
                     GError      **error)
{
  return _dn_check_date (date, TRUE, error, "%s", _("The day the passport is handed out is missing or not a real day."));
}

gint64
dn_store_hand_out_passport (DnStore      *self,
                            gint64        passport_id,
                            gint64        delegation_id,
                            const GDate  *date,
                            const char   *handed_by,
                            const char   *handed_to,
                            gboolean      receipt_signed,
                            gboolean      confirmed,
                            GError      **error)
{
  g_autoptr(DnPassport) passport = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autofree char *by = g_strdup (handed_by);
  g_autofree char *to = g_strdup (handed_to);
  Trip trip = { 0 };
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), 0);
  if (!check_hand_out_date (date, error) || !check_text (&by, "handed_by", _("name of who handed it over"), error) ||
      !check_text (&to, "handed_to", _("name of who received it"), error))
    return 0;
  if (!dn_store_begin (self, error))
    return 0;
  ok = (passport = dn_store_get_passport (self, passport_id, error)) != NULL &&
       read_trip (self, delegation_id, &trip, error) &&
       check_hand_out (self, passport, delegation_id, &trip, date, warnings, error);
  if (ok && warnings->len > 0 && !confirmed)
    ok = refuse (error, DN_STORE_ERROR_WARNING, "%s", warnings->str);
  ok = ok && (id = write_hand_out (self, passport, delegation_id, &trip, date, by, to, receipt_signed, error)) > 0;
  trip_clear (&trip);
  return _dn_store_finish (self, ok, error) ? id : 0;
}

gboolean
dn_store_hand_out_delegation_passports (DnStore      *self,
                                        gint64        delegation_id,
                                        const GDate  *date,
                                        const char   *handed_by,
                                        gboolean      confirmed,
                                        GError      **error)
{
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autoptr(GPtrArray) passports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *by = g_strdup (handed_by);
  Trip trip = { 0 };
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!check_hand_out_date (date, error) || !check_text (&by, "handed_by", _("name of who handed it over"), error))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = read_trip (self, delegation_id, &trip, error);
  if (ok)
    ok = (stmt = _dn_store_prepare_with (self,
                                         "SELECT coalesce(m.passport_id, 0), " HOLDER_NAME ("h")
                                         " FROM delegation_member m JOIN person h ON h.id = m.person_id "
                                         "WHERE m.delegation_id = ? ORDER BY m.id",
                                         error, DN_INT (delegation_id), DN_END)) != NULL;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 passport_id = sqlite3_column_int64 (stmt, 0);
      DnPassport *passport;

      if (passport_id <= 0)
        {
          g_autofree char *name = _dn_column_text (stmt, 1);
          ok = refuse (error, DN_STORE_ERROR_INVALID,
                       _("No passport is chosen for %s, a member of the delegation “%s”: choose it first."),
                       name, trip.title);
          break;
        }
      passport = dn_store_get_passport (self, passport_id, error);
      if (passport == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (passports, passport);
    }
  if (stmt != NULL)
    {
      if (ok)
        ok = _dn_store_check_step (self, rc, error);
      sqlite3_reset (stmt);
    }
  if (ok && passports->len == 0)
    ok = refuse (error, DN_STORE_ERROR_INVALID,
                 _("The delegation “%s” has no member of the staff: there is no passport to hand out."), trip.title);
  for (guint i = 0; ok && i < passports->len; i++)
    ok = check_hand_out (self, passports->pdata[i], delegation_id, &trip, date, warnings, error);
  if (ok && warnings->len > 0 && !confirmed)
    ok = refuse (error, DN_STORE_ERROR_WARNING, "%s", warnings->str);
  for (guint i = 0; ok && i < passports->len; i++)
    ok = write_hand_out (self, passports->pdata[i], delegation_id, &trip, date, by, NULL, TRUE, error) > 0;
  trip_clear (&trip);
  return _dn_store_finish (self, ok, error);
}

GPtrArray *
dn_store_list_hand_out_delegations (DnStore  *self,
                                    gint64    person_id,
                                    GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT d.id, d.title, CASE d.status WHEN 'ongoing' THEN 'abroad' ELSE d.status END, "
                             "d.start_date, d.end_date, d.decision_document_id FROM delegation d "
                             "WHERE d.direction = 'outbound' AND d.status IN ('approved', 'ongoing') "
                             "AND d.decision_document_id IS NOT NULL AND (?1 = 0 OR EXISTS (SELECT 1 FROM "
                             "delegation_member m WHERE m.delegation_id = d.id AND m.person_id = ?1)) "
                             "ORDER BY d.start_date DESC, d.id DESC",
                             &trip_row, error, DN_INT (person_id), DN_END);
}

gboolean
dn_store_take_back_passport (DnStore      *self,
                             gint64        passport_id,
                             const GDate  *date,
                             const char   *returned_by,
                             const char   *received_by,
                             const char   *reason,
                             const char   *excused_by,
                             GError      **error)
{
  g_autoptr(DnPassport) passport = NULL;
  g_autofree char *returned = g_strdup (returned_by);
  g_autofree char *received = g_strdup (received_by);
  g_autofree char *why = g_strdup (reason);
  g_autofree char *excused = g_strdup (excused_by);
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!_dn_check_date (date, TRUE, error, "%s", _("The day the passport came back is missing or not a real day.")) ||
      !check_text (&returned, "returned_by", _("name of who brought it back"), error) ||
      !check_text (&received, "received_by", _("name of who took it in"), error) ||
      !check_text (&why, "exemption_reason", _("reason for the late return"), error) ||
      !check_text (&excused, "excused_by", _("name of the head who excused it"), error))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (passport = dn_store_get_passport (self, passport_id, error)) != NULL;
  if (ok && passport->loan_id == 0)
    ok = refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s (%s) is not handed out: there is nothing to take back."),
                 passport->number, passport->holder_name);
  if (ok && g_date_compare (date, &passport->handed_out_on) < 0)
    {
      g_autofree char *out = format_date (&passport->handed_out_on);
      ok = refuse (error, DN_STORE_ERROR_INVALID,
                   _("Passport %s was handed out on %s: it cannot come back before that."), passport->number, out);
    }
  ok = ok && _dn_store_save (self,
                             "UPDATE passport_loan SET returned_on = ?2, returned_by = ?3, received_by = ?4, "
                             "return_receipt_signed = 1, exemption_reason = ?5, excused_by = ?6 "
                             "WHERE id = ?1 AND returned_on IS NULL",
                             &passport->loan_id, FALSE, _("The passport was taken back meanwhile."), error,
                             DN_DATE (date),
                             DN_TEXT (returned[0] != '\0' ? returned : passport->holder_name),
                             DN_TEXT (received[0] != '\0' ? received : self->actor),
                             DN_TEXT (why), DN_TEXT (excused), DN_END);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_take_back_delegation_passports (DnStore      *self,
                                         gint64        delegation_id,
                                         const GDate  *date,
                                         const char   *received_by,
                                         const char   *reason,
                                         const char   *excused_by,
                                         GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (date == NULL || !g_date_valid (date))
    return refuse (error, DN_STORE_ERROR_INVALID, _("The day the passport came back is missing or not a real day."));
  if (!dn_store_begin (self, error))
    return FALSE;
  stmt = _dn_store_prepare_with (self,
                                 "SELECT passport_id FROM passport_loan WHERE delegation_id = ? AND returned_on IS NULL "
                                 "ORDER BY id",
                                 error, DN_ID (delegation_id), DN_END);
  ok = stmt != NULL && _dn_store_collect_ids (self, stmt, ids, error);
  if (ok && ids->len == 0)
    ok = refuse (error, DN_STORE_ERROR_INVALID,
                 _("No passport handed out for this delegation is still out: there is nothing to take back."));
  for (guint i = 0; ok && i < ids->len; i++)
    {
      gint64 passport_id = g_array_index (ids, gint64, i);
      g_autoptr(DnPassport) passport = dn_store_get_passport (self, passport_id, error);
      /* the head's reason goes to the late returns only */
      gboolean late = passport != NULL && g_date_valid (&passport->due_back_on) &&
                      g_date_compare (date, &passport->due_back_on) > 0;

      ok = passport != NULL &&
           dn_store_take_back_passport (self, passport_id, date, NULL, received_by, late ? reason : NULL,
                                        late ? excused_by : NULL, error);
    }
  return _dn_store_finish (self, ok, error);
}

GPtrArray *
dn_store_list_passport_loans (DnStore  *self,
                              gint64    passport_id,
                              gint64    delegation_id,
                              GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (passport_id > 0)
    return _dn_store_read_all (self,
                               "SELECT " LOAN_COLUMNS LOAN_FROM
                               "WHERE l.passport_id = ? ORDER BY l.handed_out_on, l.id",
                               &loan_row, error, DN_INT (passport_id), DN_END);
  if (delegation_id > 0)
    return _dn_store_read_all (self,
                               "SELECT " LOAN_COLUMNS LOAN_FROM
                               "WHERE l.delegation_id = ? ORDER BY l.handed_out_on, l.id",
                               &loan_row, error, DN_INT (delegation_id), DN_END);
  return _dn_store_read_all (self, "SELECT " LOAN_COLUMNS LOAN_FROM "ORDER BY l.handed_out_on, l.id",
                             &loan_row, error, DN_END);
}

/*
 * Events
 */

static gboolean
refuse_gone (DnPassport  *passport,
             GError     **error)
{
  switch (passport->state)
    {
    case DN_PASSPORT_LOST:
      return refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s was already reported lost."), passport->number);
    case DN_PASSPORT_TRANSFERRED:
      return refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s was already transferred to another agency."),
                     passport->number);
    case DN_PASSPORT_CANCELLED:
      return refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s was already sent for cancellation."),
                     passport->number);
    case DN_PASSPORT_IN_OFFICE:
    case DN_PASSPORT_OUT:
    case DN_PASSPORT_STATE_N:
    default:
      return TRUE;
    }
}

gint64
dn_store_add_passport_event (DnStore          *self,
                             DnPassportEvent  *event,
                             GError          **error)
{
  g_autoptr(DnPassport) passport = NULL;
  const char *status;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), 0);
  g_return_val_if_fail (DN_IS_PASSPORT_EVENT (event), 0);

  switch (event->kind)
    {
    case DN_PASSPORT_EVENT_LOST: status = "lost"; break;
    case DN_PASSPORT_EVENT_TRANSFERRED: status = "transferred"; break;
    case DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION: status = "cancelled"; break;
    case DN_PASSPORT_EVENT_EXTENDED:
    case DN_PASSPORT_EVENT_N:
    default:
      refuse (error, DN_STORE_ERROR_INVALID, "%s",
              _("Record a loss, a transfer or the sending for cancellation here; an extension is recorded as such."));
      return 0;
    }
  if (!_dn_check_date (&event->on_date, TRUE, error, "%s", _("The date of the event is missing or not a real day.")) ||
      !_dn_normalize_field (&event->letter, "passport_event", "letter", _("written notice"), FALSE, error) ||
      !_dn_normalize_field (&event->notes, "passport_event", "notes", _("notes"), FALSE, error))
    return 0;
  g_strstrip (event->letter);
  if (event->letter[0] == '\0' && event->kind != DN_PASSPORT_EVENT_TRANSFERRED)
    {
      refuse (error, DN_STORE_ERROR_INVALID, "%s",
              event->kind == DN_PASSPORT_EVENT_LOST
              ? _("A loss is reported in writing at once: give the number and date of the notice.")
              : _("A passport is sent for cancellation with a letter: give its number and date."));
      return 0;
    }
  if (!dn_store_begin (self, error))
    return 0;
  ok = (passport = dn_store_get_passport (self, event->passport_id, error)) != NULL && refuse_gone (passport, error);
  if (ok && passport->state == DN_PASSPORT_OUT && event->kind != DN_PASSPORT_EVENT_LOST)
    ok = refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s is handed out: take it back first."), passport->number);
  _dn_set_text (&event->recorded_by, self->actor);
  ok = ok && _dn_store_save (self,
                             "INSERT INTO passport_event (id, passport_id, kind, on_date, letter, document_id, notes, "
                             "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             &event->id, TRUE, NULL, error, DN_INT (event->passport_id),
                             DN_TEXT (dn_passport_event_kind_to_string (event->kind)), DN_DATE (&event->on_date),
                             DN_TEXT (event->letter), DN_ID (event->document_id), DN_TEXT (event->notes),
                             DN_TEXT (event->recorded_by), DN_END);
  ok = ok && _dn_store_write (self, "UPDATE passport SET status = ? WHERE id = ?", error, DN_TEXT (status),
                              DN_INT (event->passport_id), DN_END);
  return _dn_store_finish (self, ok, error) ? event->id : 0;
}

GPtrArray *
dn_store_list_passport_events (DnStore  *self,
                               gint64    passport_id,
                               GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " EVENT_COLUMNS " FROM passport_event WHERE passport_id = ? ORDER BY on_date, id",
                             &event_row, error, DN_INT (passport_id), DN_END);
}

gboolean
dn_store_extend_passport (DnStore      *self,
                          gint64        passport_id,
                          const GDate  *new_expiry,
                          const GDate  *on_date,
                          const char   *letter,
                          GError      **error)
{
  g_autoptr(DnPassport) passport = NULL;
  g_autofree char *text = g_strdup (letter);
  gint64 event_id = 0;
  GDate most;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!_dn_check_date (new_expiry, TRUE, error, "%s", _("The new expiry date is missing or not a real day.")) ||
      !_dn_check_date (on_date, TRUE, error, "%s", _("The day of the extension is missing or not a real day.")) ||
      !_dn_normalize_field (&text, "passport_event", "letter", _("written notice"), FALSE, error))
    return FALSE;
  g_strstrip (text);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (passport = dn_store_get_passport (self, passport_id, error)) != NULL && refuse_gone (passport, error);
  if (ok && passport->kind == DN_PASSPORT_ORDINARY)
    ok = refuse (error, DN_STORE_ERROR_INVALID,
                 _("Passport %s is an ordinary passport: an ordinary passport is never extended "
                   "(Luật 49/2019, Điều 7)."), passport->number);
  if (ok && passport->extension_count > 0)
    {
      g_autofree char *when = format_date (&passport->extended_on);
      ok = refuse (error, DN_STORE_ERROR_INVALID,
                   _("Passport %s was extended already (on %s): a diplomatic or official passport is extended "
                     "only once (Luật 49/2019, Điều 7)."), passport->number, when);
    }
  if (ok && g_date_compare (new_expiry, &passport->expiry_date) <= 0)
    {
      g_autofree char *expiry = format_date (&passport->expiry_date);
      ok = refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s expires on %s: the new expiry date must be later."),
                   passport->number, expiry);
    }
  if (ok)
    {
      most = passport->expiry_date;
      g_date_add_years (&most, EXTENSION_MAX_YEARS);
      if (g_date_compare (new_expiry, &most) > 0)
        {
          g_autofree char *limit = format_date (&most);
          ok = refuse (error, DN_STORE_ERROR_INVALID,
                       _("A passport is extended by at most 3 years: passport %s can be extended to %s at the latest."),
                       passport->number, limit);
        }
    }
  ok = ok && _dn_store_write (self,
                              "UPDATE passport SET expiry_before_extension = expiry_date, expiry_date = ?2, "
                              "extended_on = ?3, extension_count = 1 WHERE id = ?1",
                              error, DN_INT (passport_id), DN_DATE (new_expiry), DN_DATE (on_date), DN_END);
  ok = ok && _dn_store_save (self,
                             "INSERT INTO passport_event (id, passport_id, kind, on_date, letter, recorded_by) "
                             "VALUES (?, ?, 'extended', ?, ?, ?)",
                             &event_id, TRUE, NULL, error, DN_INT (passport_id), DN_DATE (on_date), DN_TEXT (text),
                             DN_TEXT (self->actor), DN_END);
  return _dn_store_finish (self, ok, error);
}

/*
 * The overview
 */

gboolean
dn_store_count_passports (DnStore      *self,
                          const GDate  *today,
                          guint        *n_out,
                          guint        *n_overdue,
                          guint        *n_expiring,
                          GError      **error)
{
  gint64 out = 0, counts[DN_ALERT_N] = { 0 };

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  if (!_dn_store_read_int (self,
                           "SELECT count(*) FROM passport_loan l JOIN passport p ON p.id = l.passport_id "
                           "WHERE l.returned_on IS NULL AND p.status = 'valid'",
                           &out, error, DN_END) ||
      !dn_store_count_alerts (self, today, counts, error))
    return FALSE;
  if (n_out != NULL)
    *n_out = (guint) out;
  if (n_overdue != NULL)
    *n_overdue = (guint) counts[DN_ALERT_PASSPORTS_OVERDUE];
  if (n_expiring != NULL)
    *n_expiring = (guint) counts[DN_ALERT_PASSPORTS_EXPIRING];
  return TRUE;
}
