/* dn-store-report.c: the figures of a period's report, read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include "dn-date.h"
#include "dn-delegation.h"
#include "dn-project.h"
#include "dn-store-alerts.h"
#include "dn-store-delegations.h"
#include "dn-store-partners.h"
#include "dn-store-private.h"
#include "dn-store-report.h"
#include "dn-store-tasks.h"
#include "dn-store-units.h"
#include "dn-unit-stat.h"

/* The rows listed (the counts are of all): a report lists what an officer
 * reads, a province's year counts more. */
#define MAX_LISTED 2000

/* The units in scope, from the parameters @unit (the unit's id; NULL: the
 * whole agency, then nothing is filtered) and @sub (1: with its sub-units) */
#define SCOPE(unit, sub) \
  "WITH RECURSIVE scope(id) AS (SELECT " unit " UNION SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id " \
  "WHERE " sub ") "
#define IN_SCOPE(unit, column) "(" unit " IS NULL OR " column " IN (SELECT id FROM scope))"

/* tasks of the period (?3 to ?4), their lead unit in scope */
#define TASKS_OF_PERIOD \
  " FROM task t JOIN assignment a ON a.task_id = t.id AND a.role = 'lead' JOIN unit u ON u.id = a.unit_id " \
  "WHERE t.deleted = 0 AND t.status <> 'cancelled' AND t.due_date BETWEEN ?3 AND ?4 AND " IN_SCOPE ("?1", "a.unit_id")
/* unfinished, its deadline before the report's day (?5) */
#define TASK_OVERDUE "(t.status IN ('open', 'in_progress') AND t.due_date < ?5)"

void
dn_report_figures_free (DnReportFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->unit_name);
  g_clear_pointer (&figures->tasks, g_ptr_array_unref);
  g_clear_pointer (&figures->lead_units, g_ptr_array_unref);
  g_clear_pointer (&figures->outbound, g_ptr_array_unref);
  g_clear_pointer (&figures->inbound, g_ptr_array_unref);
  g_clear_pointer (&figures->projects, g_ptr_array_unref);
  g_free (figures);
}

/* Every id @sql reads. */
static GArray *
read_ids (DnStore      *self,
          sqlite3_stmt *stmt,
          GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL || !_dn_store_collect_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* The tasks of the period in one pass, in the order they are listed (by
 * lead unit, then deadline): the counts, each lead unit's figures, the
 * ids of the first MAX_LISTED */
static gboolean
read_tasks (DnStore         *self,
            DnReportFigures *f,
            GError         **error)
{
  const DnReportPeriod *p = &f->period;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DnUnitStat *stat = NULL;
  sqlite3_stmt *stmt;
  int rc;

  f->lead_units = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = _dn_store_prepare_with (self,
                                 SCOPE ("?1", "?2") "SELECT t.id, u.id, u.code, u.name, t.status, " TASK_OVERDUE
                                 TASKS_OF_PERIOD " ORDER BY u.name_key, u.id, t.due_date, t.id",
                                 error, DN_ID (f->unit_id), DN_INT (f->with_sub_units), DN_DATE (&p->start),
                                 DN_DATE (&p->end), DN_DATE (&f->day), DN_END);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0), unit_id = sqlite3_column_int64 (stmt, 1);
      const char *status = (const char *) sqlite3_column_text (stmt, 4);
      gboolean done = g_strcmp0 (status, "done") == 0, overdue = sqlite3_column_int (stmt, 5) != 0;

      if (stat == NULL || stat->unit_id != unit_id)
        {
          stat = dn_unit_stat_new ();
          stat->unit_id = unit_id;
          g_free (stat->unit_code);
          stat->unit_code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          g_free (stat->unit_name);
          stat->unit_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          g_ptr_array_add (f->lead_units, stat);
        }
      stat->n_tasks++;
      stat->n_done += done;
      stat->n_overdue += overdue;
      f->n_tasks++;
      f->n_done += done;
      f->n_in_progress += g_strcmp0 (status, "in_progress") == 0;
      f->n_not_started += g_strcmp0 (status, "open") == 0;
      f->n_overdue += overdue;
      if (ids->len < MAX_LISTED)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return FALSE;
  f->tasks = dn_store_get_tasks (self, (const gint64 *) (gpointer) ids->data, ids->len, error);
  return f->tasks != NULL;
}

static GPtrArray *
read_delegations (DnStore               *self,
                  DnReportFigures       *f,
                  DnDelegationDirection  direction,
                  guint                 *n_members,
                  gint64                *budget,
                  GError               **error)
{
  const DnReportPeriod *p = &f->period;
  g_autoptr(GArray) ids = NULL;
  GPtrArray *delegations;

  ids = read_ids (self,
                  _dn_store_prepare_with (self,
                                          SCOPE ("?1", "?2") "SELECT d.id FROM delegation d WHERE d.direction = ?5 "
                                          "AND d.status <> 'cancelled' AND d.start_date BETWEEN ?3 AND ?4 AND "
                                          IN_SCOPE ("?1", "d.unit_id") " ORDER BY d.start_date, d.id LIMIT ?6",
                                          error, DN_ID (f->unit_id), DN_INT (f->with_sub_units),
                                          DN_DATE (&p->start), DN_DATE (&p->end),
                                          DN_TEXT (direction == DN_DELEGATION_INBOUND ? "inbound" : "outbound"),
                                          DN_INT (MAX_LISTED), DN_END),
                  error);
  if (ids == NULL)
    return NULL;
  delegations = dn_store_get_delegations (self, (const gint64 *) (gpointer) ids->data, ids->len, error);
  for (guint i = 0; delegations != NULL && i < delegations->len; i++)
    {
      DnDelegation *d = delegations->pdata[i];

      *n_members += d->n_members;
      if (budget != NULL && d->budget > 0)
        *budget += d->budget;
    }
  return delegations;
}

static gboolean
read_passports (DnStore         *self,
                DnReportFigures *f,
                GError         **error)
{
  const DnReportPeriod *p = &f->period;
  gint64 handed_out = 0, returned = 0, late = 0, overdue = 0;

#define LOANS_IN_SCOPE(unit) \
  " FROM passport_loan l JOIN passport lpp ON lpp.id = l.passport_id JOIN person pe ON pe.id = lpp.person_id " \
  "WHERE " IN_SCOPE (unit, "pe.unit_id")
  if (!_dn_store_read_int (self, SCOPE ("?1", "?2") "SELECT count(*)" LOANS_IN_SCOPE ("?1")
                           " AND l.handed_out_on BETWEEN ?3 AND ?4",
                           &handed_out, error, DN_ID (f->unit_id), DN_INT (f->with_sub_units),
                           DN_DATE (&p->start), DN_DATE (&p->end), DN_END) ||
      !_dn_store_read_int (self, SCOPE ("?1", "?2") "SELECT count(*)" LOANS_IN_SCOPE ("?1")
                           " AND l.returned_on BETWEEN ?3 AND ?4",
                           &returned, error, DN_ID (f->unit_id), DN_INT (f->with_sub_units),
                           DN_DATE (&p->start), DN_DATE (&p->end), DN_END) ||
      !_dn_store_read_int (self, SCOPE ("?1", "?2") "SELECT count(*)" LOANS_IN_SCOPE ("?1")
                           " AND l.returned_on BETWEEN ?3 AND ?4 AND l.returned_on > l.due_back_on",
                           &late, error, DN_ID (f->unit_id), DN_INT (f->with_sub_units),
                           DN_DATE (&p->start), DN_DATE (&p->end), DN_END) ||
      /* the overview's rule, on the report's day (?1) */
      !_dn_store_read_int (self, SCOPE ("?2", "?3") "SELECT count(*)" LOANS_IN_SCOPE ("?2")
                           " AND " DN_ALERT_SQL_PASSPORT_OVERDUE,
                           &overdue, error, DN_DATE (&f->day), DN_ID (f->unit_id), DN_INT (f->with_sub_units),
                           DN_END))
    return FALSE;
#undef LOANS_IN_SCOPE
  f->n_handed_out = (guint) handed_out;
  f->n_returned = (guint) returned;
  f->n_returned_late = (guint) late;
  f->n_passports_overdue = (guint) overdue;
  return TRUE;
}

static gboolean
read_projects (DnStore         *self,
               DnReportFigures *f,
               GError         **error)
{
  const DnReportPeriod *p = &f->period;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) running = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) all = NULL;

  ids = read_ids (self,
                  _dn_store_prepare_with (self,
                                          SCOPE ("?1", "?2") "SELECT j.id FROM project j WHERE j.status <> 'proposed' "
                                          "AND (j.start_date IS NULL OR j.start_date <= ?4) "
                                          "AND (j.end_date IS NULL OR j.end_date >= ?3) AND "
                                          IN_SCOPE ("?1", "j.unit_id"),
                                          error, DN_ID (f->unit_id), DN_INT (f->with_sub_units),
                                          DN_DATE (&p->start), DN_DATE (&p->end), DN_END),
                  error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (running, &g_array_index (ids, gint64, i));
  /* (projects are few: hundreds in a province) */
  all = dn_store_list_projects (self, 0, error);
  if (all == NULL)
    return FALSE;
  f->projects = g_ptr_array_new_with_free_func (g_object_unref);
  /* listed latest start first: the report reads them in order */
  for (guint i = all->len; i > 0; i--)
    {
      DnProject *project = all->pdata[i - 1];

      if (!g_hash_table_contains (running, &project->id))
        continue;
      g_ptr_array_add (f->projects, g_object_ref (project));
      if (g_date_valid (&project->start_date) && g_date_compare (&project->start_date, &p->start) >= 0)
        f->n_new_projects++;
      if (project->budget > 0 && g_strcmp0 (project->currency, "VND") == 0)
        f->projects_budget += project->budget;
    }
  return TRUE;
}

static gboolean
read_documents (DnStore         *self,
                DnReportFigures *f,
                GError         **error)
{
  gint64 issued = 0, received = 0;

  if (!_dn_store_read_int (self, "SELECT count(*) FROM document WHERE direction = 'outgoing' "
                           "AND issue_date BETWEEN ?1 AND ?2",
                           &issued, error, DN_DATE (&f->period.start), DN_DATE (&f->period.end), DN_END) ||
      !_dn_store_read_int (self, "SELECT count(*) FROM document WHERE direction = 'incoming' "
                           "AND arrival_date BETWEEN ?1 AND ?2",
                           &received, error, DN_DATE (&f->period.start), DN_DATE (&f->period.end), DN_END))
    return FALSE;
  f->n_documents_issued = (guint) issued;
  f->n_documents_received = (guint) received;
  return TRUE;
}

DnReportFigures *
dn_store_read_report_figures (DnStore              *self,
                              const DnReportPeriod *period,
                              gint64                unit_id,
                              gboolean              with_sub_units,
                              const GDate          *day,
                              GError              **error)
{
  g_autoptr(DnReportFigures) f = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->start) && g_date_valid (&period->end), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  f = g_new0 (DnReportFigures, 1);
  f->period = *period;
  f->unit_id = MAX (unit_id, 0);
  f->with_sub_units = with_sub_units;
  if (day != NULL && g_date_valid (day))
    f->day = *day;
  else
    dn_date_today (&f->day);
  if (f->unit_id > 0)
    {
      g_autoptr(DnUnit) unit = dn_store_get_unit (self, f->unit_id, error);

      if (unit == NULL)
        return NULL;
      f->unit_name = g_strdup (unit->name);
    }
  else
    f->unit_name = g_strdup ("");

  if (!read_tasks (self, f, error))
    return NULL;
  f->outbound = read_delegations (self, f, DN_DELEGATION_OUTBOUND, &f->n_outbound_members, &f->outbound_budget,
                                  error);
  if (f->outbound == NULL)
    return NULL;
  f->inbound = read_delegations (self, f, DN_DELEGATION_INBOUND, &f->n_inbound_members, NULL, error);
  if (f->inbound == NULL || !read_passports (self, f, error) || !read_projects (self, f, error) ||
      !read_documents (self, f, error))
    return NULL;
  return g_steal_pointer (&f);
}
