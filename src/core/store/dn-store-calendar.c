/* dn-store-calendar.c: the holiday calendar the store counts working days
 * on: the statutory holidays (DnCalendar) with the officer's rows of table
 * calendar_day on top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"

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
