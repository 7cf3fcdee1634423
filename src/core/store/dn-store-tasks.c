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

  task->id = sqlite3_column_int64 (stmt, 0);
  task->document_id = sqlite3_column_int64 (stmt, 1);
  _dn_column_take_text (stmt, 2, &task->section);
  _dn_column_take_text (stmt, 3, &task->title);
  _dn_column_take_text (stmt, 4, &task->description);
  _dn_column_date (stmt, 5, &task->due_date);
  dn_recurrence_from_string ((const char *) sqlite3_column_text (stmt, 6), &task->recurrence);
  dn_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &task->status);
  task->parent_id = sqlite3_column_int64 (stmt, 8);
  task->lead_unit_id = sqlite3_column_int64 (stmt, 9);
  _dn_column_take_text (stmt, 10, &task->lead_unit_code);
  _dn_column_take_text (stmt, 11, &task->lead_unit_name);
  _dn_column_take_text (stmt, 12, &task->support_unit_codes);
  task->progress = sqlite3_column_int (stmt, 13);
  task->n_children = (guint) sqlite3_column_int (stmt, 14);
  _dn_column_take_text (stmt, 15, &task->document_label);

  support = _dn_store_prepare_with (self,
                                    "SELECT a.unit_id FROM assignment a JOIN unit u ON u.id = a.unit_id "
                                    "WHERE a.task_id = ? AND a.role = 'support' ORDER BY u.name_key",
                                    error, DN_INT (task->id), DN_END);
  if (support == NULL || !_dn_store_collect_ids (self, support, task->support_unit_ids, error))
    {
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
  sqlite3_stmt *stmt = _dn_store_prepare_once (self, sql, error);

  if (stmt == NULL)
    return NULL;
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

/* The ids @query selects, in its order; @suffix (LIMIT …) may be NULL. */
static GArray *
query_task_ids (DnStore            *self,
                const DnTaskQuery  *query,
                const char         *suffix,
                GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  stmt = prepare_task_query (self, query, "SELECT t.id", TRUE, suffix, error);
  if (stmt == NULL)
    return NULL;
  ok = _dn_store_collect_ids (self, stmt, ids, error);
  sqlite3_finalize (stmt);
  return ok ? g_steal_pointer (&ids) : NULL;
}

GArray *
dn_store_list_task_ids (DnStore            *self,
                        const DnTaskQuery  *query,
                        GError            **error)
{
  return query_task_ids (self, query, NULL, error);
}

GPtrArray *
dn_store_list_tasks (DnStore            *self,
                     const DnTaskQuery  *query,
                     guint               offset,
                     guint               limit,
                     GError            **error)
{
  g_autofree char *suffix = g_strdup_printf (" LIMIT %u OFFSET %u", limit, offset);
  g_autoptr(GArray) ids = query_task_ids (self, query, suffix, error);

  if (ids == NULL)
    return NULL;
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
  return _dn_store_write (self, "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (?, ?, ?, ?)",
                          error, DN_INT (task_id), DN_INT (unit_id), DN_TEXT (dn_role_to_string (role)), DN_DATE (due),
                          DN_END);
}

static gboolean
insert_task_row (DnStore  *self,
                 DnTask   *task,
                 gint64    previous_id,
                 GError  **error)
{
  if (!_dn_store_save (self,
                       "INSERT INTO task (id, document_id, section, title, description, due_date, recurrence, "
                       "status, parent_id, previous_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       &task->id, TRUE, NULL, error,
                       DN_ID (task->document_id), DN_TEXT (task->section), DN_TEXT (task->title),
                       DN_TEXT (task->description), DN_DATE (&task->due_date),
                       DN_TEXT (dn_recurrence_to_string (task->recurrence)), DN_TEXT (dn_status_to_string (task->status)),
                       DN_ID (task->parent_id), DN_ID (previous_id), DN_END) ||
      !insert_assignment (self, task->id, task->lead_unit_id, DN_ROLE_LEAD, &task->due_date, error))
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

/* Saves the fields of @task and reconciles its assignments, in the caller's
 * transaction; *@old_status: the status it had. */
static gboolean
update_task_row (DnStore   *self,
                 DnTask    *task,
                 DnStatus  *old_status,
                 GError   **error)
{
  g_autoptr(DnTask) old = dn_store_get_task (self, task->id, error);
  g_autofree char *old_due = NULL;
  g_autoptr(GString) keep = g_string_new ("");
  g_autofree char *drop = NULL;

  if (old == NULL || !validate_task (self, task, old, error))
    return FALSE;
  *old_status = old->status;
  old_due = g_date_valid (&old->due_date) ? dn_date_format_iso (&old->due_date) : NULL;
  /* supporting units that are no longer listed (or now lead) go */
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (task->support_unit_ids, gint64, i));
  drop = g_strdup_printf ("DELETE FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                          " AND role = 'support' AND unit_id NOT IN (%s)", task->id, keep->str);

  if (!_dn_store_write (self,
                        "UPDATE task SET document_id = ?, section = ?, title = ?, description = ?, due_date = ?, "
                        "recurrence = ?, status = ?, parent_id = ?, "
                        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                        error,
                        DN_ID (task->document_id), DN_TEXT (task->section), DN_TEXT (task->title),
                        DN_TEXT (task->description), DN_DATE (&task->due_date),
                        DN_TEXT (dn_recurrence_to_string (task->recurrence)), DN_TEXT (dn_status_to_string (task->status)),
                        DN_ID (task->parent_id), DN_INT (task->id), DN_END) ||
      /* assignments that followed the task's deadline follow the new one;
       * extended ones keep theirs */
      !_dn_store_write (self,
                        "UPDATE assignment SET due_date = ?1 WHERE task_id = ?2 AND due_date IS ?3 "
                        "AND NOT EXISTS (SELECT 1 FROM deadline_extension e WHERE e.assignment_id = assignment.id)",
                        error, DN_DATE (&task->due_date), DN_INT (task->id), DN_TEXT (old_due), DN_END) ||
      !_dn_store_exec (self, drop, error))
    return FALSE;
  if (old->lead_unit_id != task->lead_unit_id &&
      !_dn_store_write (self, "UPDATE assignment SET unit_id = ? WHERE task_id = ? AND role = 'lead'", error,
                        DN_INT (task->lead_unit_id), DN_INT (task->id), DN_END))
    return FALSE;
  for (guint i = 0; i < task->support_unit_ids->len; i++)
    if (!_dn_store_write (self,
                          "INSERT INTO assignment (task_id, unit_id, role, due_date) VALUES (?, ?, 'support', ?) "
                          "ON CONFLICT (task_id, unit_id) DO NOTHING",
                          error, DN_INT (task->id), DN_INT (g_array_index (task->support_unit_ids, gint64, i)),
                          DN_DATE (&task->due_date), DN_END))
      return FALSE;
  return TRUE;
}

/* A new open task, not recurring, with the document, section, title and
 * description of @model, due on @due, below @parent_id, led by @lead_unit_id. */
static DnTask *
new_open_task_like (const DnTask  *model,
                    const GDate   *due,
                    gint64         parent_id,
                    gint64         lead_unit_id)
{
  DnTask *task = dn_task_new ();

  task->document_id = model->document_id;
  _dn_set_text (&task->section, model->section);
  _dn_set_text (&task->title, model->title);
  _dn_set_text (&task->description, model->description);
  task->due_date = *due;
  task->recurrence = DN_RECURRENCE_NONE;
  task->status = DN_STATUS_OPEN;
  task->parent_id = parent_id;
  task->lead_unit_id = lead_unit_id;
  return task;
}

/* In the caller's transaction, for a task just marked done: when it
 * recurs, its next occurrence, unless it has one (done → open → done makes
 * no second one). *@next_id: that occurrence, else 0; *@made_id: the same
 * when it was made now, else 0. */
static gboolean
add_next_occurrence (DnStore  *self,
                     gint64    id,
                     gint64   *next_id,
                     gint64   *made_id,
                     GError  **error)
{
  g_autoptr(DnTask) task = dn_store_get_task (self, id, error);
  g_autoptr(DnTask) next = NULL;
  GDate due;

  if (task == NULL)
    return FALSE;
  if (task->recurrence == DN_RECURRENCE_NONE || !g_date_valid (&task->due_date))
    return TRUE;
  if (!_dn_store_read_int (self, "SELECT id FROM task WHERE previous_id = ?", next_id, error, DN_INT (id), DN_END))
    return FALSE;
  if (*next_id != 0 || !dn_recurrence_next_due (task->recurrence, &task->due_date, &due))
    return TRUE;

  next = new_open_task_like (task, &due, task->parent_id, task->lead_unit_id);
  next->recurrence = task->recurrence;
  g_array_append_vals (next->support_unit_ids, task->support_unit_ids->data, task->support_unit_ids->len);
  if (!insert_task_row (self, next, id, error))
    return FALSE;
  *next_id = *made_id = next->id;
  return TRUE;
}

gboolean
dn_store_update_task (DnStore  *self,
                      DnTask   *task,
                      GError  **error)
{
  DnStatus old_status;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  return _dn_store_finish (self, update_task_row (self, task, &old_status, error), error);
}

gboolean
dn_store_update_task_full (DnStore   *self,
                           DnTask    *task,
                           gint64    *next_id,
                           gint64    *made_id,
                           GError   **error)
{
  DnStatus old_status = DN_STATUS_OPEN;
  gint64 next = 0, made = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (task), FALSE);

  if (next_id != NULL)
    *next_id = 0;
  if (made_id != NULL)
    *made_id = 0;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = update_task_row (self, task, &old_status, error) &&
       (task->status != DN_STATUS_DONE || old_status == DN_STATUS_DONE ||
        add_next_occurrence (self, task->id, &next, &made, error));
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  if (next_id != NULL)
    *next_id = next;
  if (made_id != NULL)
    *made_id = made;
  return TRUE;
}

gboolean
dn_store_revert_task (DnStore   *self,
                      DnTask    *old,
                      gint64     made_id,
                      GError   **error)
{
  DnStatus status;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_TASK (old), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  /* the occurrence goes with its assignments and progress; one that has
   * received reminders since cannot go (they are kept for good) */
  return _dn_store_finish (self,
                           update_task_row (self, old, &status, error) &&
                           (made_id <= 0 ||
                            _dn_store_write (self, "DELETE FROM task WHERE id = ? AND previous_id = ?", error,
                                             DN_INT (made_id), DN_INT (old->id), DN_END)),
                           error);
}

static gboolean
set_deleted (DnStore  *self,
             gint64    id,
             gboolean  deleted,
             GError  **error)
{
  g_autofree char *missing = g_strdup_printf (_("There is no task #%lld."), (long long) id);

  if (!dn_store_begin (self, error))
    return FALSE;
  /* a task goes (and comes back) with its sub-assigned children */
  return _dn_store_finish (self,
                           _dn_store_save (self,
                                           "UPDATE task SET deleted = ?2, "
                                           "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                           "WHERE id IN (WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT t.id "
                                           "FROM task t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub)",
                                           &id, FALSE, missing, error, DN_INT (deleted ? 1 : 0), DN_END),
                           error);
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
  gint64 next = 0, made = 0;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < DN_STATUS_N, FALSE);
  if (next_id != NULL)
    *next_id = 0;

  if (!dn_store_begin (self, error))
    return FALSE;
  task = dn_store_get_task (self, id, error);
  if (!_dn_store_finish (self,
                         task != NULL &&
                         _dn_store_write (self,
                                          "UPDATE task SET status = ?, "
                                          "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                                          error, DN_TEXT (dn_status_to_string (status)), DN_INT (id), DN_END) &&
                         (status != DN_STATUS_DONE || add_next_occurrence (self, id, &next, &made, error)),
                         error))
    return FALSE;
  if (next_id != NULL)
    *next_id = next;
  return TRUE;
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
      g_autoptr(DnTask) child = NULL;
      gboolean below = FALSE;
      gint64 passed;

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
      if (!_dn_store_read_int (self,
                               "SELECT 1 FROM task c JOIN assignment a ON a.task_id = c.id AND a.role = 'lead' "
                               "WHERE c.parent_id = ? AND a.unit_id = ? AND c.deleted = 0",
                               &passed, error, DN_INT (task_id), DN_INT (unit_ids[i]), DN_END))
        goto fail;
      if (passed)
        {
          g_autoptr(DnUnit) unit = dn_store_get_unit (self, unit_ids[i], NULL);
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE,
                       _("This task has already been passed down to “%s”."), unit != NULL ? unit->name : "?");
          goto fail;
        }

      child = new_open_task_like (parent, &parent->due_date, task_id, unit_ids[i]);
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
  _dn_column_take_text (stmt, 7, &a->reply_reference);
  _dn_column_take_text (stmt, 8, &a->unit_code);
  _dn_column_take_text (stmt, 9, &a->unit_name);
  a->n_extensions = (guint) sqlite3_column_int (stmt, 10);
  return a;
}

GPtrArray *
dn_store_list_assignments (DnStore  *self,
                           gint64    task_id,
                           GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " ASSIGNMENT_COLUMNS " FROM assignment a JOIN unit u ON u.id = a.unit_id "
                             "WHERE a.task_id = ? ORDER BY a.role = 'support', u.name_key",
                             (DnRowFunc) assignment_from_row, error, DN_INT (task_id), DN_END);
}

DnAssignment *
dn_store_get_assignment (DnStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autofree char *missing = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  missing = g_strdup_printf (_("There is no assignment #%lld."), (long long) id);
  return _dn_store_read_one (self,
                             "SELECT " ASSIGNMENT_COLUMNS " FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?",
                             (DnRowFunc) assignment_from_row, missing, error, DN_INT (id), DN_END);
}

gboolean
dn_store_update_assignment (DnStore       *self,
                            DnAssignment  *assignment,
                            GError       **error)
{
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
  return _dn_store_finish (self,
                           _dn_store_save (self,
                                           "UPDATE assignment SET due_date = ?2, status = ?3, reply_document_id = ?4, "
                                           "reply_reference = ?5 WHERE id = ?1",
                                           &assignment->id, FALSE, _("The assignment no longer exists."), error,
                                           DN_DATE (&assignment->due_date),
                                           DN_TEXT (dn_status_to_string (assignment->status)),
                                           DN_ID (assignment->reply_document_id), DN_TEXT (assignment->reply_reference),
                                           DN_END),
                           error);
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
  return _dn_store_finish (self,
                           _dn_store_write (self,
                                            "INSERT INTO deadline_extension (assignment_id, old_due_date, new_due_date, "
                                            "reason, extended_by) VALUES (?, ?, ?, ?, dn_actor())",
                                            error, DN_INT (assignment_id), DN_DATE (&a->due_date), DN_DATE (new_due),
                                            DN_TEXT (clean_reason), DN_END) &&
                           _dn_store_write (self, "UPDATE assignment SET due_date = ? WHERE id = ?", error,
                                            DN_DATE (new_due), DN_INT (assignment_id), DN_END),
                           error);

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
  _dn_column_take_text (stmt, 4, &e->reason);
  _dn_column_take_text (stmt, 5, &e->extended_at);
  _dn_column_take_text (stmt, 6, &e->extended_by);
  return e;
}

GPtrArray *
dn_store_list_extensions (DnStore  *self,
                          gint64    assignment_id,
                          GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT id, assignment_id, old_due_date, new_due_date, reason, extended_at, extended_by "
                             "FROM deadline_extension WHERE assignment_id = ? ORDER BY id",
                             (DnRowFunc) extension_from_row, error, DN_INT (assignment_id), DN_END);
}

gboolean
dn_store_add_progress (DnStore     *self,
                       DnProgress  *progress,
                       GError     **error)
{
  g_autoptr(DnTask) task = NULL;

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
  return _dn_store_finish (self,
                           task != NULL &&
                           _dn_store_save (self,
                                           "INSERT INTO progress (id, task_id, unit_id, entry_date, percent, note, "
                                           "attachment_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                           &progress->id, TRUE, NULL, error,
                                           DN_INT (progress->task_id), DN_ID (progress->unit_id),
                                           DN_DATE (&progress->entry_date), DN_INT (progress->percent),
                                           DN_TEXT (progress->note), DN_ID (progress->attachment_id), DN_END) &&
                           /* reporting progress on a task not started yet starts it */
                           (task->status != DN_STATUS_OPEN || progress->percent <= 0 ||
                            _dn_store_write (self, "UPDATE task SET status = 'in_progress' WHERE id = ?", error,
                                             DN_INT (task->id), DN_END)),
                           error);
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
  _dn_column_take_text (stmt, 5, &p->note);
  p->attachment_id = sqlite3_column_int64 (stmt, 6);
  _dn_column_take_text (stmt, 7, &p->unit_code);
  return p;
}

GPtrArray *
dn_store_list_progress (DnStore  *self,
                        gint64    task_id,
                        GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT p.id, p.task_id, p.unit_id, p.entry_date, p.percent, p.note, p.attachment_id, "
                             "coalesce(u.code, '') FROM progress p LEFT JOIN unit u ON u.id = p.unit_id "
                             "WHERE p.task_id = ? ORDER BY p.entry_date, p.id",
                             (DnRowFunc) progress_from_row, error, DN_INT (task_id), DN_END);
}
