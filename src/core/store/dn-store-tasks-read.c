/* dn-store-tasks-read.c: reading tasks (one, all, the lists and counts of a
 * DnTaskQuery)
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


/* progress of a task: 100 when done, else its latest entry (a task passed
 * down keeps what it reported); beside it, the average of its children,
 * -1 when it has none */
#define TASK_PROGRESS_OF(t) \
  "CASE WHEN " t ".status = 'done' THEN 100 ELSE coalesce((SELECT p.percent FROM progress p WHERE p.task_id = " t ".id " \
  "ORDER BY p.entry_date DESC, p.id DESC LIMIT 1), 0) END"
#define TASK_PROGRESS TASK_PROGRESS_OF ("t")
#define CHILDREN_PROGRESS \
  "coalesce((SELECT CAST(round(avg(" TASK_PROGRESS_OF ("c") ")) AS INTEGER) FROM task c " \
  "WHERE c.parent_id = t.id AND c.deleted = 0), -1)"

/* The order a query is read in. Over unfinished tasks only, "urgent
 * first" (overdue, then by deadline, none last) is the deadline order,
 * which the task_due index gives without sorting: at 1 000 000 tasks the
 * first page in 1 ms instead of 0.7 s. */
static DnTaskSort
order_of (const DnTaskQuery *query)
{
  gboolean unfinished_only = query->unfinished || query->overdue || query->status == DN_STATUS_OPEN ||
                             query->status == DN_STATUS_IN_PROGRESS;

  if (query->sort == DN_TASK_SORT_URGENCY && unfinished_only && !query->descending)
    return DN_TASK_SORT_DUE;
  return query->sort;
}

void
dn_task_query_init (DnTaskQuery *query)
{
  memset (query, 0, sizeof *query);
  query->status = -1;
  g_date_clear (&query->due_from, 1);
  g_date_clear (&query->due_to, 1);
  query->sort = DN_TASK_SORT_DUE;
}

/*
 * Reading
 */

#define TASK_COLUMNS \
  "t.id, t.document_id, t.section, t.title, t.description, t.due_date, t.recurrence, t.status, t.parent_id, " \
  "la.unit_id, coalesce(lu.code, ''), coalesce(lu.name, ''), " \
  "coalesce((SELECT group_concat(code, ', ') FROM (SELECT su.code FROM assignment sa JOIN unit su ON su.id = sa.unit_id " \
  "  WHERE sa.task_id = t.id AND sa.role = 'support' ORDER BY su.name_key)), ''), " \
  "coalesce((SELECT group_concat(name, ', ') FROM (SELECT su.name FROM assignment sa JOIN unit su ON su.id = sa.unit_id " \
  "  WHERE sa.task_id = t.id AND sa.role = 'support' ORDER BY su.name_key)), ''), " \
  TASK_PROGRESS ", " CHILDREN_PROGRESS ", " \
  "(SELECT count(*) FROM task c WHERE c.parent_id = t.id AND c.deleted = 0), " \
  "coalesce(CASE WHEN d.number = '' THEN d.symbol WHEN d.symbol = '' THEN d.number ELSE d.number || '/' || d.symbol END, '')"
#define TASK_FROM \
  " FROM task t LEFT JOIN assignment la ON la.task_id = t.id AND la.role = 'lead' " \
  "LEFT JOIN unit lu ON lu.id = la.unit_id LEFT JOIN document d ON d.id = t.document_id "

static const DnRow task_row = {
  dn_task_get_type,
  { DN_COLUMN (INT64, DnTask, id), DN_COLUMN (INT64, DnTask, document_id), DN_COLUMN (TEXT, DnTask, section),
    DN_COLUMN (TEXT, DnTask, title), DN_COLUMN (TEXT, DnTask, description), DN_COLUMN (DATE, DnTask, due_date),
    DN_ENUM_COLUMN (DnTask, recurrence, dn_recurrence_from_string),
    DN_ENUM_COLUMN (DnTask, status, dn_status_from_string), DN_COLUMN (INT64, DnTask, parent_id),
    DN_COLUMN (INT64, DnTask, lead_unit_id), DN_COLUMN (TEXT, DnTask, lead_unit_code),
    DN_COLUMN (TEXT, DnTask, lead_unit_name), DN_COLUMN (TEXT, DnTask, support_unit_codes),
    DN_COLUMN (TEXT, DnTask, support_unit_names), DN_COLUMN (INT, DnTask, progress), DN_COLUMN (INT, DnTask, children_progress),
    DN_COLUMN (INT, DnTask, n_children), DN_COLUMN (TEXT, DnTask, document_label) },
};

static DnTask *
task_from_row (DnStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  DnTask *task = _dn_row_read (&task_row, stmt);
  sqlite3_stmt *support;

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
          if (!_dn_store_check_step (self, rc, error))
            return NULL;
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

DnTask *
dn_store_get_live_task (DnStore  *self,
                        gint64    id,
                        GError  **error)
{
  gint64 deleted = 0;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (!_dn_store_read_int (self, "SELECT deleted FROM task WHERE id = ?", &deleted, error, DN_INT (id), DN_END))
    return NULL;
  if (deleted)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("There is no task #%lld."), (long long) id);
      return NULL;
    }
  return dn_store_get_task (self, id, error);
}

/* How a query's words are looked up (see text_plan()). */
typedef enum
{
  TEXT_IN_INDEX_ORDER, /* the list's order from its index, each row looked up in the set of the words' entries */
  TEXT_FROM_ENTRIES,   /* from the words' few entries to their tasks, then sorted */
  TEXT_BY_ROW,         /* the list's order, each row's own text tested (first rows of common words) */
} TextPlan;

/* Builds "SELECT t.id FROM … WHERE … ORDER BY …" for @query; the bindings are
 * collected in @binds (as GVariant, bound in order). @full_rows: FROM joins
 * what TASK_COLUMNS reads. */
static char *
build_task_query (DnStore            *self,
                  const DnTaskQuery  *query,
                  const char         *select,
                  gboolean            with_order,
                  gboolean            full_rows,
                  gboolean            by_id,
                  TextPlan            plan,
                  GPtrArray          *binds)
{
  g_autoptr(GString) sql = g_string_new (select);
  const char *dir = query->descending ? "DESC" : "ASC";

  g_autofree char *match = query->text != NULL && *query->text != '\0' ? dn_text_fts_query (query->text) : NULL;

  if (full_rows)
    g_string_append (sql, TASK_FROM);
  else
    {
      if (plan == TEXT_FROM_ENTRIES && match != NULL)
        {
          g_string_append (sql, " FROM (SELECT rowid AS r FROM search WHERE search MATCH ?) m "
                                "CROSS JOIN task t ON t.id = m.r / 8 AND m.r % 8 = 3");
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (match)));
        }
      else
        g_string_append (sql, " FROM task t");
      if (with_order && query->sort == DN_TASK_SORT_LEAD_UNIT)
        g_string_append (sql, " LEFT JOIN assignment la ON la.task_id = t.id AND la.role = 'lead' "
                              "LEFT JOIN unit lu ON lu.id = la.unit_id");
    }
  /* read by id: the primary key (or the unit's tasks, by id) drives, not
   * the indexes on deleted that would scan every task for a unit's few */
  g_string_append (sql, by_id ? " WHERE +t.deleted = 0" : " WHERE t.deleted = 0");

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
  if (query->finished)
    g_string_append (sql, " AND t.status IN ('done', 'cancelled')");
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
      if (match == NULL)
        g_string_append (sql, " AND 0");
      else if (plan == TEXT_FROM_ENTRIES && !full_rows)
        ;   /* joined above */
      else if (plan == TEXT_BY_ROW)
        {
          /* each row tested in the list's order (first rows of a word most
           * rows hold): the index's rule for one row */
          g_string_append (sql, " AND dn_fts_match (?, t.title, t.section || ' ' || t.description)");
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (query->text)));
        }
      else
        {
          g_string_append (sql, " AND t.id * 8 + 3 IN (SELECT rowid FROM search WHERE search MATCH ?)");
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (match)));
        }
    }

  if (with_order)
    switch (order_of (query))
      {
      case DN_TASK_SORT_TITLE:
        g_string_append_printf (sql, " ORDER BY t.title_key %s, t.id %s", dir, dir);
        break;
      case DN_TASK_SORT_SECTION:
        g_string_append_printf (sql, " ORDER BY t.section = '', dn_section_key (t.section) %s, "
                                     "t.due_date IS NULL, t.due_date, t.id", dir);
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
      case DN_TASK_SORT_URGENCY:
        /* descending: the same groups the other way round, each reversed */
        g_string_append_printf (sql, " ORDER BY t.status NOT IN ('open', 'in_progress') %s, "
                                     "CASE WHEN t.status IN ('open', 'in_progress') THEN t.due_date IS NULL END %s, "
                                     "CASE WHEN t.status IN ('open', 'in_progress') THEN t.due_date END %s, "
                                     "t.due_date IS NULL %s, t.due_date %s, t.id %s",
                                dir, dir, dir, dir, query->descending ? "ASC" : "DESC", dir);
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
                    gboolean            by_id,
                    const char         *suffix,
                    TextPlan            plan,
                    GError            **error)
{
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  gboolean full_rows = g_str_has_prefix (select, "SELECT " TASK_COLUMNS);
  g_autofree char *base = build_task_query (self, query, select, with_order, full_rows, by_id, plan, binds);
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

/* How to look up the words of @query, from the search index's first 20 000
 * entries for them:
 * - fewer: from those entries to their tasks (a few ms, where scanning the
 *   list's order would test every task: 0.3 s at 1 000 000 tasks);
 * - for the first rows (@first_rows) of a list ordered by an index
 *   (deadline, title), when tasks are dense among them (one task in four
 *   or more): each row of the list in order tested by the index's own rule
 *   (dn_fts_match()), a few hundred rows ("h" at 1 000 000 tasks: 27 ms,
 *   where collecting every entry of the index for it takes 0.6 s);
 * - otherwise the list's order, each row looked up in the entries. */
static int
text_probe (DnStore            *self,
            const DnTaskQuery  *query)
{
  g_autofree char *match = NULL;
  gint64 found = 0;

  if (query->text == NULL || *query->text == '\0' || (match = dn_text_fts_query (query->text)) == NULL)
    return -1;
  /* 0: few entries; 1: tasks dense among them (task rowids are id * 8 + 3:
   * the tasks among the entries, against the tasks their rowids span);
   * 2: neither. A failed probe only means the usual way. */
  if (!_dn_store_read_int (self,
                           "SELECT CASE WHEN count(*) < 20000 THEN 0 "
                           "WHEN 32 * count(*) FILTER (WHERE rowid % 8 = 3) >= max(rowid) THEN 1 ELSE 2 END "
                           "FROM (SELECT rowid FROM search WHERE search MATCH ? LIMIT 20000)",
                           &found, NULL, DN_TEXT (match), DN_END))
    return -1;
  return (int) found;
}

static TextPlan
text_plan (DnStore            *self,
           const DnTaskQuery  *query,
           gboolean            first_rows)
{
  int found = text_probe (self, query);

  if (found == 0)
    return TEXT_FROM_ENTRIES;
  if (found == 1 && first_rows &&
      ((query->sort == DN_TASK_SORT_DUE && !query->descending) || query->sort == DN_TASK_SORT_TITLE))
    return TEXT_BY_ROW;
  return TEXT_IN_INDEX_ORDER;
}

/* The ids @query selects, in its order; @suffix (LIMIT …) may be NULL. */
static GArray *
query_task_ids (DnStore            *self,
                const DnTaskQuery  *query,
                const char         *suffix,
                TextPlan            plan,
                GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  stmt = prepare_task_query (self, query, "SELECT t.id", TRUE, FALSE, suffix, plan, error);
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
  return query_task_ids (self, query, NULL, text_plan (self, query, FALSE), error);
}

GArray *
dn_store_list_task_ids_after (DnStore            *self,
                              const DnTaskQuery  *query,
                              gint64              after,
                              guint               limit,
                              GError            **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  TextPlan plan;
  int found, n;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);
  /* the words' few entries to their tasks; or, where tasks are dense
   * among the entries, the tasks by id each tested by the index's rule
   * (the primary key is the order: the page ends after a few hundred
   * rows); else by id, each looked up in the entries */
  found = text_probe (self, query);
  plan = found == 0 ? TEXT_FROM_ENTRIES : found == 1 ? TEXT_BY_ROW : TEXT_IN_INDEX_ORDER;
  stmt = prepare_task_query (self, query, "SELECT t.id", FALSE, TRUE, " AND t.id > ? ORDER BY t.id LIMIT ?", plan, error);
  if (stmt == NULL)
    return NULL;
  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, n - 1, after);
  sqlite3_bind_int64 (stmt, n, limit);
  ok = _dn_store_collect_ids (self, stmt, ids, error);
  sqlite3_finalize (stmt);
  return ok ? g_steal_pointer (&ids) : NULL;
}

gboolean
dn_store_foreach_task (DnStore            *self,
                       const DnTaskQuery  *query,
                       DnTaskFunc          func,
                       gpointer            user_data,
                       GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  /* one statement stepped to the end: each row is read once, whatever the
   * number of rows (no paging that reads again the rows before a page) */
  stmt = prepare_task_query (self, query, "SELECT " TASK_COLUMNS, TRUE, FALSE, NULL, TEXT_IN_INDEX_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DnTask) task = task_from_row (self, stmt, error);

      if (task == NULL || !func (task, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return _dn_store_check_step (self, rc, error);
}

GPtrArray *
dn_store_list_tasks (DnStore            *self,
                     const DnTaskQuery  *query,
                     guint               limit,
                     GError            **error)
{
  g_autofree char *suffix = g_strdup_printf (" LIMIT %u", limit);
  g_autoptr(GArray) ids = NULL;
  DnTaskQuery part;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (order_of (query) != DN_TASK_SORT_URGENCY || query->descending || query->status >= 0 || query->finished)
    ids = query_task_ids (self, query, suffix, text_plan (self, query, TRUE), error);
  else
    {
      /* urgent first over every task: the unfinished ones by the deadline
       * index, then, only when they do not fill the page, the finished
       * ones (sorting all of them would hold the first page for a second
       * at 1 000 000 tasks) */
      part = *query;
      part.unfinished = TRUE;
      ids = query_task_ids (self, &part, suffix, text_plan (self, &part, TRUE), error);
      if (ids != NULL && ids->len < limit)
        {
          g_autofree char *rest_suffix = g_strdup_printf (" LIMIT %u", limit - ids->len);
          g_autoptr(GArray) rest = NULL;

          part = *query;
          part.finished = TRUE;
          rest = query_task_ids (self, &part, rest_suffix, text_plan (self, &part, TRUE), error);
          if (rest == NULL)
            g_clear_pointer (&ids, g_array_unref);
          else
            g_array_append_vals (ids, rest->data, rest->len);
        }
    }
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
  stmt = prepare_task_query (self, query, "SELECT count(*)", FALSE, FALSE, NULL, text_plan (self, query, FALSE), error);
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
