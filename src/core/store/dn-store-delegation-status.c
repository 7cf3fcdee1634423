/* dn-store-delegation-status.c: a delegation's status changes, each with
 * its check (proposed → approved → abroad → returned → reported, or
 * cancelled before departure), and the results report's due day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-calendar.h"
#include "dn-store-private.h"

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

/* Opens a write transaction and reads the delegation @id in it when it may
 * move to @to (end it with _dn_store_finish()); else NULL with the reason,
 * nothing left open. */
static DnDelegation *
begin_change (DnStore             *self,
              gint64               id,
              DnDelegationStatus   to,
              GError             **error)
{
  g_autoptr(DnDelegation) d = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (!dn_store_begin (self, error))
    return NULL;
  d = dn_store_get_delegation (self, id, error);
  if (d != NULL && !dn_delegation_status_can_change (d->status, to))
    {
      _dn_refuse (error, DN_STORE_ERROR_INVALID,
                  /* Translators: "The delegation is Returned: it cannot become Proposed." */
                  _("The delegation is “%s”: it cannot become “%s”."),
                  dn_delegation_status_get_label (d->status), dn_delegation_status_get_label (to));
      g_clear_object (&d);
    }
  if (d == NULL)
    _dn_store_finish (self, FALSE, error);
  return g_steal_pointer (&d);
}

/* A change that only writes the new status: @sql, whose one parameter (?1)
 * is the id. */
static gboolean
move_to (DnStore             *self,
         gint64               id,
         DnDelegationStatus   to,
         const char          *sql,
         GError             **error)
{
  g_autoptr(DnDelegation) d = begin_change (self, id, to, error);

  return d != NULL &&
         _dn_store_finish (self, _dn_store_save (self, sql, &id, FALSE, _("The delegation no longer exists."), error,
                                                 DN_END), error);
}

gboolean
dn_store_approve_delegation (DnStore  *self,
                             gint64    id,
                             gint64    decision_document_id,
                             GError  **error)
{
  g_autoptr(DnDelegation) d = begin_change (self, id, DN_DELEGATION_APPROVED, error);
  gboolean ok = TRUE;

  if (d == NULL)
    return FALSE;
  if (decision_document_id > 0)
    d->decision_document_id = decision_document_id;
  if (d->decision_document_id <= 0)
    ok = _dn_invalid (error, d->direction == DN_DELEGATION_OUTBOUND
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
  return move_to (self, id, DN_DELEGATION_ABROAD, "UPDATE delegation SET status = 'ongoing' WHERE id = ?1", error);
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
  gboolean ok = TRUE;

  g_date_clear (&due, 1);
  if (returned_on != NULL &&
      !_dn_check_date (returned_on, FALSE, error, "%s", _("The day of the return is not a real day.")))
    return FALSE;
  d = begin_change (self, id, DN_DELEGATION_RETURNED, error);
  if (d == NULL)
    return FALSE;
  end = returned_on != NULL && g_date_valid (returned_on) ? *returned_on : d->end_date;
  if (g_date_compare (&end, &d->start_date) < 0)
    ok = _dn_invalid (error, _("The end date is before the start date."));
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
  gboolean ok = TRUE;

  if (!_dn_check_date (submitted_on, TRUE, error, "%s", _("The day the results report came is missing or not a real day.")))
    return FALSE;
  d = begin_change (self, id, DN_DELEGATION_REPORTED, error);
  if (d == NULL)
    return FALSE;
  if (g_date_compare (submitted_on, &d->end_date) < 0)
    ok = _dn_invalid (error, _("The results report cannot come before the return."));
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
  return move_to (self, id, DN_DELEGATION_CANCELLED, "UPDATE delegation SET status = 'cancelled' WHERE id = ?1",
                  error);
}
