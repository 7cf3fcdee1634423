/* dn-store-tasks.c: tasks, their assignments (chủ trì / phối hợp), deadline
 * extensions, progress and sub-assignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-text.h"

/* progress of a task: 100 when done, else its latest entry; a parent shows
 * the average of its children */
#define LEAF_PROGRESS(t) \
  "CASE WHEN " t ".status = 'done' THEN 100 ELSE coalesce((SELECT p.percent FROM progress p WHERE p.task_id = " t ".id " \
  "ORDER BY p.entry_date DESC, p.id DESC LIMIT 1), 0) END"
#define TASK_PROGRESS \
  "coalesce((SELECT CAST(round(avg(" LEAF_PROGRESS ("c") ")) AS INTEGER) FROM task c " \
  "WHERE c.parent_id = t.id AND c.deleted = 0), " LEAF_PROGRESS ("t") ")"

void
dn_task_query_init (DnTaskQuery *query)
{
  memset (query, 0, sizeof *query);
  query->status = -1;
  g_date_clear (&query->due_from, 1);
  g_date_clear (&query->due_to, 1);
  query->sort = DN_TASK_SORT_DUE;
}

gboolean
dn_recurrence_next_due (DnRecurrence  recurrence,
                        const GDate  *due,
                        GDate        *out)
{
  guint months;
  gboolean month_end;

  g_return_val_if_fail (due != NULL && g_date_valid (due), FALSE);
  switch (recurrence)
    {
    case DN_RECURRENCE_MONTHLY: months = 1; break;
    case DN_RECURRENCE_QUARTERLY: months = 3; break;
    case DN_RECURRENCE_TWICE_YEARLY:
    case DN_RECURRENCE_SEMESTER: months = 6; break;
    case DN_RECURRENCE_ANNUAL: months = 12; break;
    case DN_RECURRENCE_NONE:
    case DN_RECURRENCE_N:
    default:
      return FALSE;
    }
  /* a deadline on the last day of a month stays on the last day (31/3 → 30/6 → 30/9 → 31/12) */
  month_end = g_date_is_last_of_month (due);
  *out = *due;
  g_date_add_months (out, months);
  if (month_end)
    g_date_set_day (out, g_date_get_days_in_month (g_date_get_month (out), g_date_get_year (out)));
  return g_date_get_year (out) <= DN_DATE_MAX_YEAR;
}

/*
 * Reading
 */

#define TASK_COLUMNS \
  "t.id, t.document_id, t.section, t.title, t.description, t.due_date, t.recurrence, t.status, t.parent_id, " \
  "la.unit_id, coalesce(lu.code, ''), coalesce(lu.name, ''), " \
  "coalesce((SELECT group_concat(code, ', ') FROM (SELECT su.code FROM assignment sa JOIN unit su ON su.id = sa.unit_id " \
  "  WHERE sa.task_id = t.id AND sa.role = 'support' ORDER BY su.name_key)), ''), " \
  TASK_PROGRESS ", " \
  "(SELECT count(*) FROM task c WHERE c.parent_id = t.id AND c.deleted = 0), " \
  "coalesce(CASE WHEN d.number = '' THEN d.symbol WHEN d.symbol = '' THEN d.number ELSE d.number || '/' || d.symbol END, '')"
#define TASK_FROM \
  " FROM task t LEFT JOIN assignment la ON la.task_id = t.id AND la.role = 'lead' " \
  "LEFT JOIN unit lu ON lu.id = la.unit_id LEFT JOIN document d ON d.id = t.document_id "

static DnTask *
task_from_row (DnStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  DnTask *task = dn_task_new ();
  sqlite3_stmt *support;
  int rc;

#define TAKE(field, col) g_free (task->field); task->field = _dn_column_text (stmt, col)
  task->id = sqlite3_column_int64 (stmt, 0);
  task->document_id = sqlite3_column_int64 (stmt, 1);
  TAKE (section, 2);
  TAKE (title, 3);
  TAKE (description, 4);
  _dn_column_date (stmt, 5, &task->due_date);
  dn_recurrence_from_string ((const char *) sqlite3_column_text (stmt, 6), &task->recurrence);
  dn_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &task->status);
  task->parent_id = sqlite3_column_int64 (stmt, 8);
  task->lead_unit_id = sqlite3_column_int64 (stmt, 9);
  TAKE (lead_unit_code, 10);
  TAKE (lead_unit_name, 11);
  TAKE (support_unit_codes, 12);
  task->progress = sqlite3_column_int (stmt, 13);
  task->n_children = (guint) sqlite3_column_int (stmt, 14);
  TAKE (document_label, 15);
#undef TAKE

  support = _dn_store_prepare (self,
                               "SELECT a.unit_id FROM assignment a JOIN unit u ON u.id = a.unit_id "
                               "WHERE a.task_id = ? AND a.role = 'support' ORDER BY u.name_key",
                               error);
  if (support == NULL)
    {
      g_object_unref (task);
      return NULL;
    }
  sqlite3_bind_int64 (support, 1, task->id);
  while ((rc = sqlite3_step (support)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (support, 0);
      g_array_append_val (task->support_unit_ids, id);
    }
  sqlite3_reset (support);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      g_object_unref (task);
      return NULL;
    }
  return task;
}

GPtrArray *
dn_store_get_tasks (DnStore       *self,
                    const gint64  *ids,
                    guint          n_ids,
                    GError       **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  for (guint i = 0; i < n_ids; i++)
    {
      /* the statement cache is keyed by this literal's address */
      sqlite3_stmt *stmt = _dn_store_prepare (self, "SELECT " TASK_COLUMNS TASK_FROM "WHERE t.id = ?", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          /* task_from_row uses another cached statement: keep this one's row until read */
          DnTask *task = task_from_row (self, stmt, error);
          sqlite3_reset (stmt);
          if (task == NULL)
            return NULL;
          g_ptr_array_add (tasks, task);
        }
      else
        {
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              _dn_store_set_error (self, rc, error);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&tasks);
}

DnTask *
dn_store_get_task (DnStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(GPtrArray) tasks = dn_store_get_tasks (self, &id, 1, error);

  if (tasks == NULL)
    return NULL;
  if (tasks->len == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no task #%lld."), (long long) id);
      return NULL;
    }
  return g_object_ref (tasks->pdata[0]);
}

/* Builds "SELECT t.id FROM … WHERE … ORDER BY …" for @query; the bindings are
 * collected in @binds (as GVariant, bound in order). */
static char *
build_task_query (DnStore            *self,
                  const DnTaskQuery  *query,
                  const char         *select,
                  gboolean            with_order,
                  GPtrArray          *binds)
{
  g_autoptr(GString) sql = g_string_new (select);
  const char *dir = query->descending ? "DESC" : "ASC";

  if (with_order && query->sort == DN_TASK_SORT_LEAD_UNIT)
    g_string_append (sql, " FROM task t LEFT JOIN assignment la ON la.task_id = t.id AND la.role = 'lead' "
                          "LEFT JOIN unit lu ON lu.id = la.unit_id");
  else
    g_string_append (sql, " FROM task t");
  g_string_append (sql, " WHERE t.deleted = 0");

  if (query->unit_id > 0)
    {
      g_string_append (sql, " AND t.id IN (SELECT a.task_id FROM assignment a WHERE a.unit_id IN (");
      if (query->include_sub_units)
        g_string_append (sql, "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) "
                              "SELECT id FROM sub");
      else
        g_string_append (sql, "?");
      g_string_append (sql, ")");
      if (query->lead_only)
        g_string_append (sql, " AND a.role = 'lead'");
      g_string_append (sql, ")");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->unit_id)));
    }
  if (query->status >= 0 && query->status < DN_STATUS_N)
    {
      g_string_append (sql, " AND t.status = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (dn_status_to_string (query->status))));
    }
  if (query->unfinished)
    g_string_append (sql, " AND t.status IN ('open', 'in_progress')");
  if (query->overdue)
    {
      GDate today;
      g_autofree char *iso = NULL;

      dn_date_today (&today);
      iso = dn_date_format_iso (&today);
      g_string_append (sql, " AND t.due_date < ? AND t.status IN ('open', 'in_progress')");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (iso)));
    }
  if (g_date_valid (&query->due_from))
    {
      g_string_append (sql, " AND t.due_date >= ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_take_string (dn_date_format_iso (&query->due_from))));
    }
  if (g_date_valid (&query->due_to))
    {
      g_string_append (sql, " AND t.due_date <= ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_take_string (dn_date_format_iso (&query->due_to))));
    }
  if (query->document_id > 0)
    {
      g_string_append (sql, " AND t.document_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->document_id)));
    }
  if (query->parent_id < 0)
    g_string_append (sql, " AND t.parent_id IS NULL");
  else if (query->parent_id > 0)
    {
      g_string_append (sql, " AND t.parent_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->parent_id)));
    }
  if (query->text != NULL && *query->text != '\0')
    {
      g_autofree char *match = dn_text_fts_query (query->text);

      if (match == NULL)
        g_string_append (sql, " AND 0");
      else
        {
          g_string_append (sql, " AND t.id * 8 + 3 IN (SELECT rowid FROM search WHERE search MATCH ?)");
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_take_string (g_steal_pointer (&match))));
        }
    }

  if (with_order)
    switch (query->sort)
      {
      case DN_TASK_SORT_TITLE:
        g_string_append_printf (sql, " ORDER BY t.title_key %s, t.id %s", dir, dir);
        break;
      case DN_TASK_SORT_SECTION:
        g_string_append_printf (sql, " ORDER BY t.section %s, t.due_date IS NULL, t.due_date, t.id", dir);
        break;
      case DN_TASK_SORT_STATUS:
        g_string_append_printf (sql, " ORDER BY CASE t.status WHEN 'open' THEN 0 WHEN 'in_progress' THEN 1 "
                                     "WHEN 'done' THEN 2 ELSE 3 END %s, t.due_date IS NULL, t.due_date, t.id", dir);
        break;
      case DN_TASK_SORT_LEAD_UNIT:
        g_string_append_printf (sql, " ORDER BY lu.name_key %s, t.due_date IS NULL, t.due_date, t.id", dir);
        break;
      case DN_TASK_SORT_RECURRENCE:
        g_string_append_printf (sql, " ORDER BY CASE t.recurrence WHEN 'none' THEN 0 WHEN 'monthly' THEN 1 "
                                     "WHEN 'quarterly' THEN 2 WHEN 'twice_yearly' THEN 3 WHEN 'semester' THEN 4 "
                                     "ELSE 5 END %s, t.due_date IS NULL, t.due_date, t.id", dir);
        break;
      case DN_TASK_SORT_PROGRESS:
        g_string_append_printf (sql, " ORDER BY " TASK_PROGRESS " %s, t.id", dir);
        break;
      case DN_TASK_SORT_DUE:
      default:
        /* ascending matches the task_due index: no sorting step; tasks
         * without a deadline come last either way */
        g_string_append_printf (sql, " ORDER BY t.due_date IS NULL, t.due_date %s, t.id %s", dir, dir);
        break;
      }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static sqlite3_stmt *
prepare_task_query (DnStore            *self,
                    const DnTaskQuery  *query,
                    const char         *select,
                    gboolean            with_order,
                    const char         *suffix,
                    GError            **error)
{
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *base = build_task_query (self, query, select, with_order, binds);
  g_autofree char *sql = g_strconcat (base, suffix != NULL ? suffix : "", NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (_dn_store_get_db (self), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  for (guint i = 0; i < binds->len; i++)
    {
      GVariant *v = binds->pdata[i];
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (v));
      else
        sqlite3_bind_text (stmt, (int) i + 1, g_variant_get_string (v, NULL), -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

GArray *
dn_store_list_task_ids (DnStore            *self,
                        const DnTaskQuery  *query,
                        GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  stmt = prepare_task_query (self, query, "SELECT t.id", TRUE, NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
dn_store_list_tasks (DnStore            *self,
                     const DnTaskQuery  *query,
                     guint               offset,
                     guint               limit,
                     GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *suffix = g_strdup_printf (" LIMIT %u OFFSET %u", limit, offset);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  stmt = prepare_task_query (self, query, "SELECT t.id", TRUE, suffix, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return NULL;
    }
  return dn_store_get_tasks (self, (const gint64 *) (gpointer) ids->data, ids->len, error);
}

gint64
dn_store_count_tasks (DnStore            *self,
                      const DnTaskQuery  *query,
                      GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  stmt = prepare_task_query (self, query, "SELECT count(*)", FALSE, NULL, error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _dn_store_set_error (self, rc, error);
  sqlite3_finalize (stmt);
  return n;
}

/*
 * Writing
 */

/* TRUE when @unit_id leads or supports @old (NULL: a new task) */
static gboolean
was_assigned (const DnTask *old,
              gint64        unit_id)
{
  if (old == NULL)
    return FALSE;
  if (old->lead_unit_id == unit_id)
    return TRUE;
  for (guint i = 0; i < old->support_unit_ids->len; i++)
    if (g_array_index (old->support_unit_ids, gint64, i) == unit_id)
      return TRUE;
  return FALSE;
}

/* An archived unit may keep the tasks it already has (@old), not get new ones. */
static gboolean
check_unit_usable (DnStore       *self,
                   gint64         unit_id,
                   const char    *role_label,
                   const DnTask  *old,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_id, &local_error);

  if (unit == NULL)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The %s does not exist (unit #%lld)."), role_label, (long long) unit_id);
      return FALSE;
    }
  if (unit->archived && !was_assigned (old, unit_id))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The unit “%s” is archived and cannot be given new tasks."), unit->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_task (DnStore       *self,
               DnTask        *task,
               const DnTask  *old,
               GError       **error)
{
  if (!_dn_normalize_field (&task->title, "task", "title", _("title"), TRUE, error) ||
      !_dn_normalize_field (&task->section, "task", "section", _("section"), FALSE, error) ||
      !_dn_normalize_field (&task->description, "task", "description", _("description"), FALSE, error))
    return FALSE;
  if ((guint) task->recurrence >= DN_RECURRENCE_N || (guint) task->status >= DN_STATUS_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown recurrence or status."));
      return FALSE;
    }
  if (g_date_valid (&task->due_date) &&
      (g_date_get_year (&task->due_date) < DN_DATE_MIN_YEAR || g_date_get_year (&task->due_date) > DN_DATE_MAX_YEAR))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The due date must be between %d and %d."), DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR);
      return FALSE;
    }
  if (task->recurrence != DN_RECURRENCE_NONE && !g_date_valid (&task->due_date))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("A recurring task needs a due date."));
      return FALSE;
    }
  if (task->lead_unit_id <= 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Choose the lead unit of the task."));
      return FALSE;
    }
  if (!check_unit_usable (self, task->lead_unit_id, _("lead unit"), old, error))
    return FALSE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    {
      gint64 id = g_array_index (task->support_unit_ids, gint64, i);

      if (id == task->lead_unit_id)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("A unit cannot both lead a task and support it."));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (task->support_unit_ids, gint64, j) == id)
          {
            g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                         _("A supporting unit is listed twice."));
            return FALSE;
          }
      if (!check_unit_usable (self, id, _("supporting unit"), old, error))
        return FALSE;
    }
  if (task->document_id > 0)
    {
      g_autoptr(DnDocument) doc = dn_store_get_document (self, task->document_id, NULL);

      if (doc == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The source document does not exist."));
          return FALSE;
        }
      if (g_date_valid (&task->due_date) && g_date_valid (&doc->issue_date) &&
          g_date_compare (&task->due_date, &doc->issue_date) < 0)
        {
          g_autofree char *when = dn_date_format_short (&doc->issue_date);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("The due date is before the date of the source document (%s)."), when);
          return FALSE;
        }
    }
  if (task->parent_id > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DnTask) parent = NULL;

      if (task->parent_id == task->id)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("A task cannot be its own parent."));
          return FALSE;
        }
      parent = dn_store_get_task (self, task->parent_id, &local_error);
      if (parent == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The parent task does not exist."));
          return FALSE;
        }
      /* no loop: the task must not be above its new parent */
      if (task->id > 0)
        {
          gint64 above = parent->parent_id;

          for (guint depth = 0; above > 0 && depth < 1000; depth++)
            {
              g_autoptr(DnTask) ancestor = NULL;

              if (above == task->id)
                {
                  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                               _("A task cannot be placed below one of its own sub-tasks."));
                  return FALSE;
                }
              ancestor = dn_store_get_task (self, above, NULL);
              above = ancestor != NULL ? ancestor->parent_id : 0;
            }
        }
    }
  return TRUE;
}

static gboolean
insert_assignment (DnStore      *self,
                   gint64        task_id,
                   gint64        unit_id,
                   DnRole        role,
                   const GDate  *due,
                   GError      **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare (self,
                                          "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  _dn_bind_text (stmt, 3, dn_role_to_string (role));
  _dn_bind_date (stmt, 4, due);
  return _dn_store_step_done (self, stmt, error);
}

static gboolean
insert_task_row (DnStore  *self,
                 DnTask   *task,
                 gint64    previous_id,
                 GError  **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare (self,
                                          "INSERT INTO task (document_id, section, title, description, due_date, recurrence, "
                                          "status, parent_id, previous_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                          error);
  if (stmt == NULL)
    return FALSE;
  _dn_bind_id (stmt, 1, task->document_id);
  _dn_bind_text (stmt, 2, task->section);
  _dn_bind_text (stmt, 3, task->title);
  _dn_bind_text (stmt, 4, task->description);
  _dn_bind_date (stmt, 5, &task->due_date);
  _dn_bind_text (stmt, 6, dn_recurrence_to_string (task->recurrence));
  _dn_bind_text (stmt, 7, dn_status_to_string (task->status));
  _dn_bind_id (stmt, 8, task->parent_id);
  _dn_bind_id (stmt, 9, previous_id);
  if (!_dn_store_step_done (self, stmt, error))
    return FALSE;
  task->id = sqlite3_last_insert_rowid (_dn_store_get_db (self));

  if (!insert_assignment (self, task->id, task->lead_unit_id, DN_ROLE_LEAD, &task->due_date, error))
    return FALSE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (!insert_assignment (self, task->id, g_array_index (task->support_unit_ids, gint64, i),
                            DN_ROLE_SUPPORT, &task->due_date, error))
      return FALSE;
  return TRUE;
}

gboolean
dn_store_add_task (DnStore  *self,
                   DnTask   *task,
                   GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  if (!validate_task (self, task, NULL, error) || !insert_task_row (self, task, 0, error))
    {
      dn_store_rollback (self);
      task->id = 0;
      return FALSE;
    }
  return dn_store_commit (self, error);
}

gboolean
dn_store_update_task (DnStore  *self,
                      DnTask   *task,
                      GError  **error)
{
  g_autoptr(DnTask) old = NULL;
  g_autofree char *old_due = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  old = dn_store_get_task (self, task->id, error);
  if (old == NULL || !validate_task (self, task, old, error))
    goto fail;
  old_due = g_date_valid (&old->due_date) ? dn_date_format_iso (&old->due_date) : NULL;

  stmt = _dn_store_prepare (self,
                            "UPDATE task SET document_id = ?, section = ?, title = ?, description = ?, due_date = ?, "
                            "recurrence = ?, status = ?, parent_id = ?, "
                            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto fail;
  _dn_bind_id (stmt, 1, task->document_id);
  _dn_bind_text (stmt, 2, task->section);
  _dn_bind_text (stmt, 3, task->title);
  _dn_bind_text (stmt, 4, task->description);
  _dn_bind_date (stmt, 5, &task->due_date);
  _dn_bind_text (stmt, 6, dn_recurrence_to_string (task->recurrence));
  _dn_bind_text (stmt, 7, dn_status_to_string (task->status));
  _dn_bind_id (stmt, 8, task->parent_id);
  sqlite3_bind_int64 (stmt, 9, task->id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;

  /* assignments that followed the task's deadline follow the new one;
   * extended ones keep theirs */
  stmt = _dn_store_prepare (self,
                            "UPDATE assignment SET due_date = ?1 WHERE task_id = ?2 AND due_date IS ?3 "
                            "AND NOT EXISTS (SELECT 1 FROM deadline_extension e WHERE e.assignment_id = assignment.id)",
                            error);
  if (stmt == NULL)
    goto fail;
  _dn_bind_date (stmt, 1, &task->due_date);
  sqlite3_bind_int64 (stmt, 2, task->id);
  _dn_bind_text (stmt, 3, old_due);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;

  /* supporting units that are no longer listed (or now lead) go */
  {
    g_autoptr(GString) keep = g_string_new ("");
    g_autofree char *sql = NULL;

    for (guint i = 0; i < task->support_unit_ids->len; i++)
      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              g_array_index (task->support_unit_ids, gint64, i));
    sql = g_strdup_printf ("DELETE FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                           " AND role = 'support' AND unit_id NOT IN (%s)", task->id, keep->str);
    if (!_dn_store_exec (self, sql, error))
      goto fail;
  }
  if (old->lead_unit_id != task->lead_unit_id)
    {
      stmt = _dn_store_prepare (self, "UPDATE assignment SET unit_id = ? WHERE task_id = ? AND role = 'lead'", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task->lead_unit_id);
      sqlite3_bind_int64 (stmt, 2, task->id);
      if (!_dn_store_step_done (self, stmt, error))
        goto fail;
    }
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    {
      stmt = _dn_store_prepare (self,
                                "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (?, ?, 'support', ?) "
                                "ON CONFLICT (task_id, unit_id) DO NOTHING",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (task->support_unit_ids, gint64, i));
      _dn_bind_date (stmt, 3, &task->due_date);
      if (!_dn_store_step_done (self, stmt, error))
        goto fail;
    }
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

static gboolean
set_deleted (DnStore  *self,
             gint64    id,
             gboolean  deleted,
             GError  **error)
{
  sqlite3_stmt *stmt;

  if (!dn_store_begin (self, error))
    return FALSE;
  /* a task goes (and comes back) with its sub-assigned children */
  stmt = _dn_store_prepare (self,
                            "UPDATE task SET deleted = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                            "WHERE id IN (WITH RECURSIVE sub(id) AS (SELECT ?2 UNION SELECT t.id FROM task t "
                            "JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (_dn_store_get_db (self)) == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no task #%lld."), (long long) id);
      goto fail;
    }
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

gboolean
dn_store_delete_task (DnStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
dn_store_restore_task (DnStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

gboolean
dn_store_set_task_status (DnStore   *self,
                          gint64     id,
                          DnStatus   status,
                          gint64    *next_id,
                          GError   **error)
{
  g_autoptr(DnTask) task = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < DN_STATUS_N, FALSE);
  if (next_id != NULL)
    *next_id = 0;

  if (!dn_store_begin (self, error))
    return FALSE;
  task = dn_store_get_task (self, id, error);
  if (task == NULL)
    goto fail;
  stmt = _dn_store_prepare (self,
                            "UPDATE task SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto fail;
  _dn_bind_text (stmt, 1, dn_status_to_string (status));
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;

  if (status == DN_STATUS_DONE && task->recurrence != DN_RECURRENCE_NONE && g_date_valid (&task->due_date))
    {
      g_autoptr(DnTask) next = NULL;
      gint64 existing = 0;
      GDate due;
      int rc;

      /* done → open → done must not make a second next occurrence */
      stmt = _dn_store_prepare (self, "SELECT id FROM task WHERE previous_id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        existing = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (existing == 0 && dn_recurrence_next_due (task->recurrence, &task->due_date, &due))
        {
          next = dn_task_new ();
          next->document_id = task->document_id;
          g_free (next->section);
          next->section = g_strdup (task->section);
          g_free (next->title);
          next->title = g_strdup (task->title);
          g_free (next->description);
          next->description = g_strdup (task->description);
          next->due_date = due;
          next->recurrence = task->recurrence;
          next->status = DN_STATUS_OPEN;
          next->parent_id = task->parent_id;
          next->lead_unit_id = task->lead_unit_id;
          g_array_append_vals (next->support_unit_ids, task->support_unit_ids->data, task->support_unit_ids->len);
          if (!insert_task_row (self, next, id, error))
            goto fail;
          existing = next->id;
        }
      if (next_id != NULL)
        *next_id = existing;
    }
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

GArray *
dn_store_subassign_task (DnStore       *self,
                         gint64         task_id,
                         const gint64  *unit_ids,
                         guint          n_units,
                         GError       **error)
{
  g_autoptr(DnTask) parent = NULL;
  g_autoptr(GArray) subtree = NULL;
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (n_units == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Choose at least one sub-unit."));
      return NULL;
    }
  if (!dn_store_begin (self, error))
    return NULL;
  parent = dn_store_get_task (self, task_id, error);
  if (parent == NULL)
    goto fail;
  subtree = dn_store_get_unit_subtree (self, parent->lead_unit_id, error);
  if (subtree == NULL)
    goto fail;

  for (guint i = 0; i < n_units; i++)
    {
      g_autoptr(DnTask) child = dn_task_new ();
      gboolean below = FALSE;
      sqlite3_stmt *stmt;
      int rc;

      for (guint j = 0; j < subtree->len; j++)
        if (g_array_index (subtree, gint64, j) == unit_ids[i] && unit_ids[i] != parent->lead_unit_id)
          below = TRUE;
      if (!below)
        {
          g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_ids[i], NULL);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("“%s” is not a sub-unit of %s, the lead unit of this task."),
                       unit != NULL ? unit->name : "?", parent->lead_unit_name);
          goto fail;
        }
      stmt = _dn_store_prepare (self,
                                "SELECT 1 FROM task c JOIN assignment a ON a.task_id = c.id AND a.role = 'lead' "
                                "WHERE c.parent_id = ? AND a.unit_id = ? AND c.deleted = 0",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task_id);
      sqlite3_bind_int64 (stmt, 2, unit_ids[i]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_ids[i], NULL);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                       _("This task has already been passed down to “%s”."), unit != NULL ? unit->name : "?");
          goto fail;
        }

      child->document_id = parent->document_id;
      g_free (child->section);
      child->section = g_strdup (parent->section);
      g_free (child->title);
      child->title = g_strdup (parent->title);
      g_free (child->description);
      child->description = g_strdup (parent->description);
      child->due_date = parent->due_date;
      child->recurrence = DN_RECURRENCE_NONE;
      child->status = DN_STATUS_OPEN;
      child->parent_id = task_id;
      child->lead_unit_id = unit_ids[i];
      if (!validate_task (self, child, NULL, error) || !insert_task_row (self, child, 0, error))
        goto fail;
      g_array_append_val (created, child->id);
    }
  if (!dn_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&created);

fail:
  dn_store_rollback (self);
  return NULL;
}

/*
 * Assignments, extensions, progress
 */

#define ASSIGNMENT_COLUMNS \
  "a.id, a.task_id, a.unit_id, a.role, a.due_date, a.status, a.reply_document_id, a.reply_reference, " \
  "u.code, u.name, (SELECT count(*) FROM deadline_extension e WHERE e.assignment_id = a.id)"

static DnAssignment *
assignment_from_row (sqlite3_stmt *stmt)
{
  DnAssignment *a = dn_assignment_new ();

  a->id = sqlite3_column_int64 (stmt, 0);
  a->task_id = sqlite3_column_int64 (stmt, 1);
  a->unit_id = sqlite3_column_int64 (stmt, 2);
  dn_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &a->role);
  _dn_column_date (stmt, 4, &a->due_date);
  dn_status_from_string ((const char *) sqlite3_column_text (stmt, 5), &a->status);
  a->reply_document_id = sqlite3_column_int64 (stmt, 6);
  g_free (a->reply_reference);
  a->reply_reference = _dn_column_text (stmt, 7);
  g_free (a->unit_code);
  a->unit_code = _dn_column_text (stmt, 8);
  g_free (a->unit_name);
  a->unit_name = _dn_column_text (stmt, 9);
  a->n_extensions = (guint) sqlite3_column_int (stmt, 10);
  return a;
}

GPtrArray *
dn_store_list_assignments (DnStore  *self,
                           gint64    task_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare (self,
                            "SELECT " ASSIGNMENT_COLUMNS " FROM assignment a JOIN unit u ON u.id = a.unit_id "
                            "WHERE a.task_id = ? ORDER BY a.role = 'support', u.name_key",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  return _dn_store_collect (self, stmt, (DnRowFunc) assignment_from_row, error);
}

DnAssignment *
dn_store_get_assignment (DnStore  *self,
                         gint64    id,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  DnAssignment *a = NULL;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare (self,
                            "SELECT " ASSIGNMENT_COLUMNS " FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    a = assignment_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                 _("There is no assignment #%lld."), (long long) id);
  else
    _dn_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return a;
}

gboolean
dn_store_update_assignment (DnStore       *self,
                            DnAssignment  *assignment,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_ASSIGNMENT (assignment), FALSE);

  if (!_dn_normalize_field (&assignment->reply_reference, "assignment", "reply_reference", _("reply reference"), FALSE, error))
    return FALSE;
  if ((guint) assignment->status >= DN_STATUS_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown status."));
      return FALSE;
    }
  if (!dn_store_begin (self, error))
    return FALSE;
  stmt = _dn_store_prepare (self,
                            "UPDATE assignment SET due_date = ?, status = ?, reply_document_id = ?, reply_reference = ? "
                            "WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto fail;
  _dn_bind_date (stmt, 1, &assignment->due_date);
  _dn_bind_text (stmt, 2, dn_status_to_string (assignment->status));
  _dn_bind_id (stmt, 3, assignment->reply_document_id);
  _dn_bind_text (stmt, 4, assignment->reply_reference);
  sqlite3_bind_int64 (stmt, 5, assignment->id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (_dn_store_get_db (self)) == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, _("The assignment no longer exists."));
      goto fail;
    }
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

gboolean
dn_store_extend_assignment (DnStore      *self,
                            gint64        assignment_id,
                            const GDate  *new_due,
                            const char   *reason,
                            GError      **error)
{
  g_autoptr(DnAssignment) a = NULL;
  g_autofree char *clean_reason = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  clean_reason = g_strdup (reason);
  if (!_dn_normalize_field (&clean_reason, "deadline_extension", "reason", _("reason"), FALSE, error))
    return FALSE;
  if (*g_strstrip (clean_reason) == '\0')
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Give the reason for the extension."));
      return FALSE;
    }
  if (new_due == NULL || !g_date_valid (new_due) ||
      g_date_get_year (new_due) < DN_DATE_MIN_YEAR || g_date_get_year (new_due) > DN_DATE_MAX_YEAR)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Give a valid new deadline."));
      return FALSE;
    }
  if (!dn_store_begin (self, error))
    return FALSE;
  a = dn_store_get_assignment (self, assignment_id, error);
  if (a == NULL)
    goto fail;
  if (g_date_valid (&a->due_date) && g_date_compare (new_due, &a->due_date) <= 0)
    {
      g_autofree char *current = dn_date_format_short (&a->due_date);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The new deadline must be after the current one (%s)."), current);
      goto fail;
    }
  stmt = _dn_store_prepare (self,
                            "INSERT INTO deadline_extension (assignment_id, old_due_date, new_due_date, reason, extended_by) "
                            "VALUES (?, ?, ?, ?, dn_actor())",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, assignment_id);
  _dn_bind_date (stmt, 2, &a->due_date);
  _dn_bind_date (stmt, 3, new_due);
  _dn_bind_text (stmt, 4, clean_reason);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  stmt = _dn_store_prepare (self, "UPDATE assignment SET due_date = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  _dn_bind_date (stmt, 1, new_due);
  sqlite3_bind_int64 (stmt, 2, assignment_id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

static DnExtension *
extension_from_row (sqlite3_stmt *stmt)
{
  DnExtension *e = dn_extension_new ();

  e->id = sqlite3_column_int64 (stmt, 0);
  e->assignment_id = sqlite3_column_int64 (stmt, 1);
  _dn_column_date (stmt, 2, &e->old_due_date);
  _dn_column_date (stmt, 3, &e->new_due_date);
  g_free (e->reason);
  e->reason = _dn_column_text (stmt, 4);
  g_free (e->extended_at);
  e->extended_at = _dn_column_text (stmt, 5);
  g_free (e->extended_by);
  e->extended_by = _dn_column_text (stmt, 6);
  return e;
}

GPtrArray *
dn_store_list_extensions (DnStore  *self,
                          gint64    assignment_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare (self,
                            "SELECT id, assignment_id, old_due_date, new_due_date, reason, extended_at, extended_by "
                            "FROM deadline_extension WHERE assignment_id = ? ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assignment_id);
  return _dn_store_collect (self, stmt, (DnRowFunc) extension_from_row, error);
}

gboolean
dn_store_add_progress (DnStore     *self,
                       DnProgress  *progress,
                       GError     **error)
{
  g_autoptr(DnTask) task = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PROGRESS (progress), FALSE);

  if (!_dn_normalize_field (&progress->note, "progress", "note", _("progress note"), FALSE, error))
    return FALSE;
  if (progress->percent < 0 || progress->percent > 100)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Progress is a percentage from 0 to 100."));
      return FALSE;
    }
  if (!g_date_valid (&progress->entry_date) ||
      g_date_get_year (&progress->entry_date) < DN_DATE_MIN_YEAR ||
      g_date_get_year (&progress->entry_date) > DN_DATE_MAX_YEAR)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Give the date of the progress entry."));
      return FALSE;
    }
  if (!dn_store_begin (self, error))
    return FALSE;
  task = dn_store_get_task (self, progress->task_id, error);
  if (task == NULL)
    goto fail;
  stmt = _dn_store_prepare (self,
                            "INSERT INTO progress (task_id, unit_id, entry_date, percent, note, attachment_id) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, progress->task_id);
  _dn_bind_id (stmt, 2, progress->unit_id);
  _dn_bind_date (stmt, 3, &progress->entry_date);
  sqlite3_bind_int (stmt, 4, progress->percent);
  _dn_bind_text (stmt, 5, progress->note);
  _dn_bind_id (stmt, 6, progress->attachment_id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  progress->id = sqlite3_last_insert_rowid (_dn_store_get_db (self));
  /* reporting progress on a task not started yet starts it */
  if (task->status == DN_STATUS_OPEN && progress->percent > 0)
    {
      stmt = _dn_store_prepare (self, "UPDATE task SET status = 'in_progress' WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, task->id);
      if (!_dn_store_step_done (self, stmt, error))
        goto fail;
    }
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

static DnProgress *
progress_from_row (sqlite3_stmt *stmt)
{
  DnProgress *p = dn_progress_new ();

  p->id = sqlite3_column_int64 (stmt, 0);
  p->task_id = sqlite3_column_int64 (stmt, 1);
  p->unit_id = sqlite3_column_int64 (stmt, 2);
  _dn_column_date (stmt, 3, &p->entry_date);
  p->percent = sqlite3_column_int (stmt, 4);
  g_free (p->note);
  p->note = _dn_column_text (stmt, 5);
  p->attachment_id = sqlite3_column_int64 (stmt, 6);
  g_free (p->unit_code);
  p->unit_code = _dn_column_text (stmt, 7);
  return p;
}

GPtrArray *
dn_store_list_progress (DnStore  *self,
                        gint64    task_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare (self,
                            "SELECT p.id, p.task_id, p.unit_id, p.entry_date, p.percent, p.note, p.attachment_id, "
                            "coalesce(u.code, '') FROM progress p LEFT JOIN unit u ON u.id = p.unit_id "
                            "WHERE p.task_id = ? ORDER BY p.entry_date, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  return _dn_store_collect (self, stmt, (DnRowFunc) progress_from_row, error);
}
