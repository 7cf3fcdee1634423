/* dn-store-passport-ledger.c: the custody ledger (sổ theo dõi giao, nhận
 * hộ chiếu): passports handed out for a delegation and taken back
 *
 * A valid passport is out while a ledger line of it is open (returned_on
 * NULL); its due-back date is counted in working days on the store's
 * calendar (dn-store-calendar.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-delegation.h"
#include "dn-store-private.h"
#include "dn-store-struct.h"

#define LOAN_COLUMNS \
  "l.id, l.passport_id, p.number, " DN_SQL_FULL_NAME ("h") ", coalesce(l.delegation_id, 0), coalesce(d.title, ''), " \
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

static const DnRow trip_row = {
  dn_delegation_get_type,
  { DN_COLUMN (INT64, DnDelegation, id), DN_COLUMN (TEXT, DnDelegation, title),
    DN_ENUM_COLUMN (DnDelegation, status, dn_delegation_status_from_string),
    DN_COLUMN (DATE, DnDelegation, start_date), DN_COLUMN (DATE, DnDelegation, end_date),
    DN_COLUMN (INT64, DnDelegation, decision_document_id) },
};

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
    return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no delegation #%lld."), (long long) delegation_id);
  if (!g_str_equal (trip->status, "approved") && !g_str_equal (trip->status, "ongoing"))
    return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                       _("The delegation “%s” is not approved: a passport is handed out only for an approved trip."),
                       trip->title);
  if (trip->decision_id <= 0)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID,
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
        g_autofree char *since = _dn_format_date (&passport->handed_out_on);
        return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                           _("Passport %s (%s) is already handed out, since %s: take it back first."),
                           passport->number, passport->holder_name, since);
      }
    case DN_PASSPORT_LOST:
      return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s (%s) was reported lost: it cannot be handed out."),
                         passport->number, passport->holder_name);
    case DN_PASSPORT_TRANSFERRED:
      return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                         _("Passport %s (%s) was transferred to another agency: it cannot be handed out."),
                         passport->number, passport->holder_name);
    case DN_PASSPORT_CANCELLED:
      return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                         _("Passport %s (%s) was sent for cancellation: it cannot be handed out."),
                         passport->number, passport->holder_name);
    case DN_PASSPORT_IN_OFFICE:
    case DN_PASSPORT_STATE_N:
    default:
      break;
    }
  if (g_date_compare (&passport->expiry_date, date) < 0)
    {
      g_autofree char *expiry = _dn_format_date (&passport->expiry_date);
      return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                         _("Passport %s (%s) expired on %s: it cannot be handed out."),
                         passport->number, passport->holder_name, expiry);
    }
  if (g_date_compare (date, &trip->end) > 0)
    {
      g_autofree char *end = _dn_format_date (&trip->end);
      return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                         _("The delegation “%s” came back on %s: a passport is not handed out after the trip."),
                         trip->title, end);
    }
  if (!_dn_store_read_int (self, "SELECT count(*) FROM delegation_member WHERE delegation_id = ? AND person_id = ?",
                           &member, error, DN_INT (delegation_id), DN_INT (passport->person_id), DN_END))
    return FALSE;
  if (member == 0)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID,
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
    return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                       _("%s already has passport %s handed out for the delegation “%s”: only one passport is used "
                         "per trip (Luật 49/2019, Điều 23.2)."), passport->holder_name, other, trip->title);
  months = dn_store_get_setting (self, DN_SETTING_PASSPORT_VALIDITY_MONTHS);
  limit = trip->end;
  if (months > 0)
    g_date_add_months (&limit, (guint) months);
  if (g_date_compare (&passport->expiry_date, &limit) < 0)
    {
      g_autofree char *expiry = _dn_format_date (&passport->expiry_date);
      g_autofree char *end = _dn_format_date (&trip->end);

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
    ok = _dn_refuse (error, DN_STORE_ERROR_WARNING, "%s", warnings->str);
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
                                         "SELECT coalesce(m.passport_id, 0), " DN_SQL_FULL_NAME ("h")
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
          ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
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
    ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
                     _("The delegation “%s” has no member of the staff: there is no passport to hand out."), trip.title);
  for (guint i = 0; ok && i < passports->len; i++)
    ok = check_hand_out (self, passports->pdata[i], delegation_id, &trip, date, warnings, error);
  if (ok && warnings->len > 0 && !confirmed)
    ok = _dn_refuse (error, DN_STORE_ERROR_WARNING, "%s", warnings->str);
  for (guint i = 0; ok && i < passports->len; i++)
    ok = write_hand_out (self, passports->pdata[i], delegation_id, &trip, date, by, NULL, TRUE, error) > 0;
  trip_clear (&trip);
  return _dn_store_finish (self, ok, error);
}

_DN_STORE_DEFINE_LIST_BY (hand_out_delegations, person_id,
                          "SELECT d.id, d.title, CASE d.status WHEN 'ongoing' THEN 'abroad' ELSE d.status END, "
                          "d.start_date, d.end_date, d.decision_document_id FROM delegation d "
                          "WHERE d.direction = 'outbound' AND d.status IN ('approved', 'ongoing') "
                          "AND d.decision_document_id IS NOT NULL AND (?1 = 0 OR EXISTS (SELECT 1 FROM "
                          "delegation_member m WHERE m.delegation_id = d.id AND m.person_id = ?1)) "
                          "ORDER BY d.start_date DESC, d.id DESC",
                          &trip_row)

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
    ok = _dn_refuse (error, DN_STORE_ERROR_INVALID, _("Passport %s (%s) is not handed out: there is nothing to take back."),
                     passport->number, passport->holder_name);
  if (ok && g_date_compare (date, &passport->handed_out_on) < 0)
    {
      g_autofree char *out = _dn_format_date (&passport->handed_out_on);
      ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
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
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("The day the passport came back is missing or not a real day."));
  if (!dn_store_begin (self, error))
    return FALSE;
  stmt = _dn_store_prepare_with (self,
                                 "SELECT passport_id FROM passport_loan WHERE delegation_id = ? AND returned_on IS NULL "
                                 "ORDER BY id",
                                 error, DN_ID (delegation_id), DN_END);
  ok = stmt != NULL && _dn_store_collect_ids (self, stmt, ids, error);
  if (ok && ids->len == 0)
    ok = _dn_refuse (error, DN_STORE_ERROR_INVALID,
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
