/* dn-store-passports.c: passports, their lists, events and the one
 * extension (the custody ledger: dn-store-passport-ledger.c)
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

#define PASSPORT_STATE \
  "CASE WHEN p.status <> 'valid' THEN p.status WHEN l.id IS NULL THEN 'in_office' ELSE 'out' END"

#define PASSPORT_COLUMNS \
  "p.id, p.person_id, " DN_SQL_FULL_NAME ("h") ", coalesce(u.name, ''), p.kind, p.number, p.issue_date, " \
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

#define EVENT_COLUMNS \
  "id, passport_id, kind, on_date, letter, coalesce(document_id, 0), notes, recorded_by"

static const DnRow event_row = {
  dn_passport_event_get_type,
  { DN_COLUMN (INT64, DnPassportEvent, id), DN_COLUMN (INT64, DnPassportEvent, passport_id),
    DN_ENUM_COLUMN (DnPassportEvent, kind, dn_passport_event_kind_from_string),
    DN_COLUMN (DATE, DnPassportEvent, on_date), DN_COLUMN (TEXT, DnPassportEvent, letter),
    DN_COLUMN (INT64, DnPassportEvent, document_id), DN_COLUMN (TEXT, DnPassportEvent, notes),
    DN_COLUMN (TEXT, DnPassportEvent, recorded_by) },
};

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
    return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                       _("A passport number has 5 to 20 letters and digits (“%s” has not)."), passport->number);
  if ((guint) passport->kind >= DN_PASSPORT_KIND_N)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s", _("Say which kind of passport it is."));
  if (!_dn_check_date (&passport->issue_date, TRUE, error, "%s", _("The issue date is missing or not a real day.")) ||
      !_dn_check_date (&passport->expiry_date, TRUE, error, "%s", _("The expiry date is missing or not a real day.")))
    return FALSE;
  if (g_date_compare (&passport->expiry_date, &passport->issue_date) <= 0)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s", _("A passport expires after the day it was issued."));
  if (passport->person_id <= 0)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s", _("Choose the holder of the passport."));
  if (!_dn_store_read_int (self, "SELECT count(*) FROM person WHERE id = ?", &found, error,
                           DN_INT (passport->person_id), DN_END))
    return FALSE;
  if (found == 0)
    return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no person #%lld."), (long long) passport->person_id);
  return TRUE;
}

/* Reads the row written back into @passport: its joined fields (holder,
 * unit, hand-out) and its state come with it. */
static void
reread_passport (DnStore    *self,
                 DnPassport *passport)
{
  sqlite3_stmt *stmt = _dn_store_prepare_with (self, "SELECT " PASSPORT_COLUMNS PASSPORT_FROM "WHERE p.id = ?", NULL,
                                               DN_INT (passport->id), DN_END);

  if (stmt == NULL)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    _dn_row_fill (&passport_row, stmt, passport);
  sqlite3_reset (stmt);
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
        ok = _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s",
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

_DN_STORE_DEFINE_ADD_UPDATE (DnPassport, passport)

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
    ok = _dn_refuse (error, DN_STORE_ERROR_IN_USE, "%s",
                     _("The passport is in the custody ledger: it cannot be deleted. Record what became of it instead "
                       "(lost, transferred or sent for cancellation)."));
  ok = ok && _dn_store_write (self, "UPDATE delegation_member SET passport_id = NULL WHERE passport_id = ?", error,
                              DN_INT (id), DN_END);
  ok = ok && _dn_store_save (self, "DELETE FROM passport WHERE id = ?", &id, FALSE,
                             _("The passport no longer exists."), error, DN_END);
  return _dn_store_finish (self, ok, error);
}

_DN_STORE_DEFINE_GET (DnPassport, passport, "SELECT " PASSPORT_COLUMNS PASSPORT_FROM "WHERE p.id = ?", &passport_row,
                      _("There is no passport #%lld."))

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
      _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s", _("The passport number is not valid text (UTF-8)."));
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
      _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no passport numbered “%s”."), shown);
    }
  g_string_free (key, TRUE);
  return passport;
}

_DN_STORE_DEFINE_LIST_BY (person_passports, person_id,
                          "SELECT " PASSPORT_COLUMNS PASSPORT_FROM
                          "WHERE p.person_id = ? ORDER BY p.issue_date DESC, p.id DESC",
                          &passport_row)

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

_DN_STORE_DEFINE_GET_BY_IDS (DnPassport, passports, "SELECT " PASSPORT_COLUMNS PASSPORT_FROM "WHERE p.id",
                             &passport_row)

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
      return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s was already reported lost."), passport->number);
    case DN_PASSPORT_TRANSFERRED:
      return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s was already transferred to another agency."),
                         passport->number);
    case DN_PASSPORT_CANCELLED:
      return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s was already sent for cancellation."),
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
      _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s",
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
      _dn_refuse (error, DN_STORE_ERROR_INVALID, "%s",
                  event->kind == DN_PASSPORT_EVENT_LOST
                  ? _("A loss is reported in writing at once: give the number and date of the notice.")
                  : _("A passport is sent for cancellation with a letter: give its number and date."));
      return 0;
    }
  if (!dn_store_begin (self, error))
    return 0;
  ok = (passport = dn_store_get_passport (self, event->passport_id, error)) != NULL && refuse_gone (passport, error);
  if (ok && passport->state == DN_PASSPORT_OUT && event->kind != DN_PASSPORT_EVENT_LOST)
    ok = _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s is handed out: take it back first."), passport->number);
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

_DN_STORE_DEFINE_LIST_BY (passport_events, passport_id,
                          "SELECT " EVENT_COLUMNS " FROM passport_event WHERE passport_id = ? ORDER BY on_date, id",
                          &event_row)

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
    ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
                     _("Passport %s is an ordinary passport: an ordinary passport is never extended "
                       "(Luật 49/2019, Điều 7)."), passport->number);
  if (ok && passport->extension_count > 0)
    {
      g_autofree char *when = _dn_format_date (&passport->extended_on);
      ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
                       _("Passport %s was extended already (on %s): a diplomatic or official passport is extended "
                         "only once (Luật 49/2019, Điều 7)."), passport->number, when);
    }
  if (ok && g_date_compare (new_expiry, &passport->expiry_date) <= 0)
    {
      g_autofree char *expiry = _dn_format_date (&passport->expiry_date);
      ok = _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s expires on %s: the new expiry date must be later."),
                       passport->number, expiry);
    }
  if (ok)
    {
      most = passport->expiry_date;
      g_date_add_years (&most, EXTENSION_MAX_YEARS);
      if (g_date_compare (new_expiry, &most) > 0)
        {
          g_autofree char *limit = _dn_format_date (&most);
          ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
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
