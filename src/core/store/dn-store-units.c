/* dn-store-units.c: units (the tree of offices, schools, centres)
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

#define UNIT_COLUMNS "u.id, u.code, u.name, u.kind, u.parent_id, u.archived, coalesce(p.code, '')"
#define UNIT_FROM    " FROM unit u LEFT JOIN unit p ON p.id = u.parent_id "

static const DnRow unit_row = {
  dn_unit_get_type,
  { DN_COLUMN (INT64, DnUnit, id), DN_COLUMN (TEXT, DnUnit, code), DN_COLUMN (TEXT, DnUnit, name),
    DN_ENUM_COLUMN (DnUnit, kind, dn_unit_kind_from_string), DN_COLUMN (INT64, DnUnit, parent_id),
    DN_COLUMN (BOOL, DnUnit, archived), DN_COLUMN (TEXT, DnUnit, parent_code) },
};

static gboolean
validate_unit (DnStore  *self,
               DnUnit   *unit,
               GError  **error)
{
  if (!_dn_normalize_field (&unit->code, "unit", "code", _("unit code"), TRUE, error) ||
      !_dn_normalize_field (&unit->name, "unit", "name", _("unit name"), TRUE, error))
    return FALSE;
  if (g_utf8_strlen (unit->code, -1) > 40 || strpbrk (unit->code, " \t\n") != NULL)
    {
      g_autofree char *shown = dn_text_escape_for_display (unit->code, 60);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("A unit code is at most 40 characters, without spaces: “%s”."), shown);
      return FALSE;
    }
  if ((guint) unit->kind >= DN_UNIT_KIND_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown kind of unit."));
      return FALSE;
    }
  if (unit->parent_id > 0)
    {
      g_autoptr(DnUnit) parent = dn_store_get_unit (self, unit->parent_id, error);
      if (parent == NULL)
        return FALSE;
      if (unit->id > 0)
        {
          /* moving a unit below itself or one of its sub-units would make a cycle */
          g_autoptr(GArray) subtree = dn_store_get_unit_subtree (self, unit->id, error);
          if (subtree == NULL)
            return FALSE;
          for (guint i = 0; i < subtree->len; i++)
            if (g_array_index (subtree, gint64, i) == unit->parent_id)
              {
                g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                             _("A unit cannot be moved below itself or one of its own sub-units."));
                return FALSE;
              }
        }
    }
  return TRUE;
}

static gboolean
save_unit (DnStore   *self,
           DnUnit    *unit,
           gboolean   is_new,
           GError   **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_UNIT (unit), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  return _dn_store_finish (self,
                           validate_unit (self, unit, error) &&
                           _dn_store_save (self,
                                           is_new
                                           ? "INSERT INTO unit (id, code, name, kind, parent_id, archived) "
                                             "VALUES (?, ?, ?, ?, ?, ?)"
                                           : "UPDATE unit SET code = ?2, name = ?3, kind = ?4, parent_id = ?5, "
                                             "archived = ?6 WHERE id = ?1",
                                           &unit->id, is_new, _("The unit no longer exists."), error,
                                           DN_TEXT (unit->code), DN_TEXT (unit->name),
                                           DN_TEXT (dn_unit_kind_to_string (unit->kind)), DN_ID (unit->parent_id),
                                           DN_INT (unit->archived ? 1 : 0), DN_END),
                           error);
}

_DN_STORE_DEFINE_ADD_UPDATE (DnUnit, unit)

gboolean
dn_store_set_unit_archived (DnStore  *self,
                            gint64    id,
                            gboolean  archived,
                            GError  **error)
{
  g_autoptr(DnUnit) unit = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  unit = dn_store_get_unit (self, id, error);
  if (unit == NULL)
    return FALSE;
  unit->archived = archived;
  return dn_store_update_unit (self, unit, error);
}

DnUnit *
dn_store_get_unit (DnStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  what = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return _dn_store_get_by_id (self, "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.id = ?", &unit_row, id, error,
                              _("There is no unit %s."), what);
}

DnUnit *
dn_store_find_unit (DnStore     *self,
                    const char  *code,
                    GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *what = NULL;
  g_autofree char *missing = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  normalized = g_utf8_normalize (code, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  shown = dn_text_escape_for_display (code, 60);
  what = g_strdup_printf ("“%s”", shown);
  missing = g_strdup_printf (_("There is no unit %s."), what);
  return _dn_store_read_one (self, "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE u.code = ?", &unit_row,
                             missing, error, DN_TEXT (normalized != NULL ? normalized : code), DN_END);
}

GPtrArray *
dn_store_list_units (DnStore  *self,
                     gint64    parent_id,
                     gboolean  include_archived,
                     GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " UNIT_COLUMNS UNIT_FROM
                             "WHERE u.parent_id IS ?1 AND (?2 OR u.archived = 0) ORDER BY u.name_key, u.id",
                             &unit_row, error,
                             DN_ID (parent_id), DN_INT (include_archived ? 1 : 0), DN_END);
}

char *
dn_store_dup_agency_name (DnStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) roots = dn_store_list_units (self, 0, FALSE, error);
  DnUnit *agency = NULL;

  if (roots == NULL)
    return NULL;
  for (guint i = 0; i < roots->len && agency == NULL; i++)
    if (((DnUnit *) roots->pdata[i])->kind == DN_UNIT_KIND_DEPARTMENT)
      agency = roots->pdata[i];
  if (agency == NULL && roots->len > 0)
    agency = roots->pdata[0];
  return agency != NULL ? g_strdup (agency->name) : NULL;
}

GPtrArray *
dn_store_list_unit_tree (DnStore  *self,
                         gboolean  include_archived,
                         GError  **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) children = NULL;   /* parent id → GPtrArray of units, in order */
  GPtrArray *roots;
  GPtrArray *stack_units;
  GArray *stack_depths;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  /* archived units hide their sub-units too */
  all = _dn_store_read_all (self,
                            "SELECT " UNIT_COLUMNS UNIT_FROM "WHERE ?1 OR u.archived = 0 ORDER BY u.name_key, u.id",
                            &unit_row, error, DN_INT (include_archived ? 1 : 0), DN_END);
  if (all == NULL)
    return NULL;

  children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < all->len; i++)
    {
      DnUnit *unit = all->pdata[i];
      gint64 key = unit->parent_id;
      GPtrArray *list = g_hash_table_lookup (children, &key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (children, g_memdup2 (&key, sizeof key), list);
        }
      g_ptr_array_add (list, unit);
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  stack_units = g_ptr_array_new ();
  stack_depths = g_array_new (FALSE, FALSE, sizeof (guint));
  {
    gint64 zero = 0;
    roots = g_hash_table_lookup (children, &zero);
  }
  if (roots != NULL)
    for (guint i = roots->len; i > 0; i--)
      {
        guint depth = 0;
        g_ptr_array_add (stack_units, roots->pdata[i - 1]);
        g_array_append_val (stack_depths, depth);
      }
  while (stack_units->len > 0)
    {
      DnUnit *unit = g_ptr_array_steal_index (stack_units, stack_units->len - 1);
      guint depth = g_array_index (stack_depths, guint, stack_depths->len - 1);
      GPtrArray *kids;

      g_array_set_size (stack_depths, stack_depths->len - 1);
      unit->depth = depth;
      g_ptr_array_add (result, g_object_ref (unit));
      kids = g_hash_table_lookup (children, &unit->id);
      if (kids != NULL)
        for (guint i = kids->len; i > 0; i--)
          {
            guint d = depth + 1;
            g_ptr_array_add (stack_units, kids->pdata[i - 1]);
            g_array_append_val (stack_depths, d);
          }
    }
  g_ptr_array_unref (stack_units);
  g_array_unref (stack_depths);
  return g_steal_pointer (&result);
}

GArray *
dn_store_get_unit_subtree (DnStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare_with (self,
                                 "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT u.id FROM unit u "
                                 "JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub",
                                 error, DN_INT (id), DN_END);
  if (stmt == NULL || !_dn_store_collect_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
dn_unit_kind_usual_below (DnUnitKind kind,
                          DnUnitKind parent_kind)
{
  if (parent_kind == DN_UNIT_KIND_SCHOOL || kind == DN_UNIT_KIND_DEPARTMENT)
    return FALSE;
  if (parent_kind == DN_UNIT_KIND_EXTERNAL)
    return kind == DN_UNIT_KIND_EXTERNAL;
  if (kind == DN_UNIT_KIND_DISTRICT_OFFICE)
    return parent_kind == DN_UNIT_KIND_DEPARTMENT;
  return TRUE;
}

/*
 * The reorganisation of units: merges and names with their dates
 */

/* The ids a merge moved, listed under @key in its record (?1: the merge). */
#define MOVED_IDS(key) \
  "(SELECT value FROM json_each((SELECT moved FROM unit_merge WHERE id = ?1), '$." key "'))"
#define MOVED_ROWS(key) \
  "json_each((SELECT moved FROM unit_merge WHERE id = ?1), '$." key "')"

/* On a task with both units, the row that goes: @into_id's when @from_id
 * leads (the lead row moves over), else @from_id's. (?1: from, ?2: into) */
#define DROPPED_ASSIGNMENT \
  "((d.unit_id = ?1 AND d.role <> 'lead' AND EXISTS " \
  "   (SELECT 1 FROM assignment b WHERE b.task_id = d.task_id AND b.unit_id = ?2)) " \
  " OR (d.unit_id = ?2 AND EXISTS " \
  "   (SELECT 1 FROM assignment a WHERE a.task_id = d.task_id AND a.unit_id = ?1 AND a.role = 'lead')))"

#define IDS_OF(table, column) \
  "(SELECT json_group_array(id) FROM (SELECT id FROM " table " WHERE " column " = ?1 ORDER BY id))"

/* What a merge will move, recorded before anything moves. The columns of
 * assignment and deadline_extension are listed: a migration that adds one
 * adds it here. */
static const char merge_record_sql[] =
  "INSERT INTO unit_merge (from_id, into_id, moved) VALUES (?1, ?2, json_object("
  " 'archived', (SELECT archived FROM unit WHERE id = ?1),"
  " 'unit', " IDS_OF ("unit", "parent_id") ","
  " 'person', " IDS_OF ("person", "unit_id") ","
  " 'progress', " IDS_OF ("progress", "unit_id") ","
  " 'reminder', " IDS_OF ("reminder", "unit_id") ","
  " 'project', " IDS_OF ("project", "unit_id") ","
  " 'delegation', " IDS_OF ("delegation", "unit_id") ","
  /* a report received from both units for one task stays where it is */
  " 'report_receipt', (SELECT json_group_array(id) FROM (SELECT r.id FROM report_receipt r WHERE r.unit_id = ?1"
  "   AND NOT EXISTS (SELECT 1 FROM report_receipt o WHERE o.task_id = r.task_id AND o.unit_id = ?2) ORDER BY r.id)),"
  " 'assignment', (SELECT json_group_array(id) FROM (SELECT d.id FROM assignment d"
  "   WHERE d.unit_id = ?1 AND NOT " DROPPED_ASSIGNMENT " ORDER BY d.id)),"
  " 'dropped', (SELECT json_group_array(json_object('id', id, 'task_id', task_id, 'unit_id', unit_id,"
  "   'role', role, 'due_date', due_date, 'status', status, 'reply_document_id', reply_document_id,"
  "   'reply_reference', reply_reference))"
  "   FROM (SELECT d.* FROM assignment d WHERE " DROPPED_ASSIGNMENT " ORDER BY d.id)),"
  " 'extension', (SELECT json_group_array(json_object('id', id, 'assignment_id', assignment_id,"
  "   'old_due_date', old_due_date, 'new_due_date', new_due_date, 'reason', reason,"
  "   'extended_at', extended_at, 'extended_by', extended_by))"
  "   FROM (SELECT e.* FROM deadline_extension e WHERE e.assignment_id IN"
  "     (SELECT d.id FROM assignment d WHERE " DROPPED_ASSIGNMENT ") ORDER BY e.id))))";

/* The moves of a merge, in order (?1: the merge, ?2: from, ?3: into). */
static const char *const merge_steps[] = {
  /* the rows that cannot stay (UNIQUE (task_id, unit_id)) go first;
   * their extensions go with them (kept in the record) */
  "DELETE FROM assignment WHERE id IN (SELECT json_extract(value, '$.id') FROM " MOVED_ROWS ("dropped") ")",
  "UPDATE assignment SET unit_id = ?3 WHERE id IN " MOVED_IDS ("assignment"),
  "UPDATE person SET unit_id = ?3 WHERE id IN " MOVED_IDS ("person"),
  "UPDATE progress SET unit_id = ?3 WHERE id IN " MOVED_IDS ("progress"),
  "UPDATE reminder SET unit_id = ?3 WHERE id IN " MOVED_IDS ("reminder"),
  "UPDATE project SET unit_id = ?3 WHERE id IN " MOVED_IDS ("project"),
  "UPDATE delegation SET unit_id = ?3 WHERE id IN " MOVED_IDS ("delegation"),
  "UPDATE report_receipt SET unit_id = ?3 WHERE id IN " MOVED_IDS ("report_receipt"),
  "UPDATE unit SET parent_id = ?3 WHERE id IN " MOVED_IDS ("unit"),
  "UPDATE unit SET archived = 1 WHERE id = ?2",
};

/* Back again: only the rows still at the surviving unit move back. */
static const char *const undo_steps[] = {
  "UPDATE unit SET parent_id = ?2 WHERE parent_id = ?3 AND id IN " MOVED_IDS ("unit"),
  "UPDATE unit SET archived = (SELECT json_extract(moved, '$.archived') FROM unit_merge WHERE id = ?1) WHERE id = ?2",
  "UPDATE report_receipt SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("report_receipt"),
  "UPDATE delegation SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("delegation"),
  "UPDATE project SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("project"),
  "UPDATE reminder SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("reminder"),
  "UPDATE progress SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("progress"),
  "UPDATE person SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("person"),
  "UPDATE assignment SET unit_id = ?2 WHERE unit_id = ?3 AND id IN " MOVED_IDS ("assignment"),
  "INSERT INTO assignment (id, task_id, unit_id, role, due_date, status, reply_document_id, reply_reference) "
  "SELECT json_extract(value, '$.id'), json_extract(value, '$.task_id'), json_extract(value, '$.unit_id'), "
  "  json_extract(value, '$.role'), json_extract(value, '$.due_date'), json_extract(value, '$.status'), "
  "  (SELECT id FROM document WHERE id = json_extract(value, '$.reply_document_id')), "
  "  json_extract(value, '$.reply_reference') "
  "FROM " MOVED_ROWS ("dropped") " WHERE EXISTS (SELECT 1 FROM task WHERE id = json_extract(value, '$.task_id'))",
  "INSERT INTO deadline_extension (id, assignment_id, old_due_date, new_due_date, reason, extended_at, extended_by) "
  "SELECT json_extract(value, '$.id'), json_extract(value, '$.assignment_id'), json_extract(value, '$.old_due_date'), "
  "  json_extract(value, '$.new_due_date'), json_extract(value, '$.reason'), json_extract(value, '$.extended_at'), "
  "  json_extract(value, '$.extended_by') "
  "FROM " MOVED_ROWS ("extension") " WHERE EXISTS (SELECT 1 FROM assignment WHERE id = json_extract(value, '$.assignment_id'))",
  "DELETE FROM unit_merge WHERE id = ?1",
};

static gboolean
run_steps (DnStore            *self,
           const char *const  *steps,
           guint               n_steps,
           gint64              merge_id,
           gint64              from_id,
           gint64              into_id,
           GError            **error)
{
  for (guint i = 0; i < n_steps; i++)
    if (!_dn_store_write (self, steps[i], error, DN_INT (merge_id), DN_INT (from_id), DN_INT (into_id), DN_END))
      return FALSE;
  return TRUE;
}

static gboolean
check_merge (DnStore  *self,
             gint64    from_id,
             gint64    into_id,
             GError  **error)
{
  g_autoptr(DnUnit) from = NULL;
  g_autoptr(DnUnit) into = NULL;
  g_autoptr(GArray) subtree = NULL;

  if ((from = dn_store_get_unit (self, from_id, error)) == NULL ||
      (into = dn_store_get_unit (self, into_id, error)) == NULL)
    return FALSE;
  if (from_id == into_id)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("A unit cannot be merged into itself."));
      return FALSE;
    }
  if ((subtree = dn_store_get_unit_subtree (self, from_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < subtree->len; i++)
    if (g_array_index (subtree, gint64, i) == into_id)
      {
        g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                     _("“%s” is one of the sub-units of “%s”: a unit cannot be merged into its own sub-unit."),
                     into->name, from->name);
        return FALSE;
      }
  if (into->archived)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is archived: restore it before merging another unit into it."), into->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_merge_units (DnStore  *self,
                      gint64    from_id,
                      gint64    into_id,
                      gint64   *merge_id,
                      GError  **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = check_merge (self, from_id, into_id, error) &&
       _dn_store_write (self, merge_record_sql, error, DN_INT (from_id), DN_INT (into_id), DN_END);
  if (ok)
    {
      id = sqlite3_last_insert_rowid (_dn_store_get_db (self));
      ok = run_steps (self, merge_steps, G_N_ELEMENTS (merge_steps), id, from_id, into_id, error);
    }
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  if (merge_id != NULL)
    *merge_id = id;
  return TRUE;
}

gboolean
dn_store_undo_merge (DnStore  *self,
                     gint64    merge_id,
                     GError  **error)
{
  gint64 from_id = 0;
  gint64 into_id = 0;
  gint64 latest = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_read_int (self, "SELECT from_id FROM unit_merge WHERE id = ?", &from_id, error,
                           DN_INT (merge_id), DN_END) &&
       _dn_store_read_int (self, "SELECT into_id FROM unit_merge WHERE id = ?", &into_id, error,
                           DN_INT (merge_id), DN_END) &&
       _dn_store_read_int (self, "SELECT max(id) FROM unit_merge", &latest, error, DN_END);
  if (ok && from_id == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                   _("This merge is no longer recorded: it was undone already."));
      ok = FALSE;
    }
  else if (ok && latest != merge_id)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("Units were merged again since: only the latest merge can be undone."));
      ok = FALSE;
    }
  ok = ok && run_steps (self, undo_steps, G_N_ELEMENTS (undo_steps), merge_id, from_id, into_id, error);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_rename_unit (DnStore      *self,
                      gint64        id,
                      const char   *name,
                      const GDate  *effective,
                      GError      **error)
{
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *new_name = g_strdup (name);
  GDate until;
  gint64 later = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  if (new_name != NULL)
    g_strstrip (new_name);
  if (!_dn_normalize_field (&new_name, "unit", "name", _("unit name"), TRUE, error) ||
      !_dn_check_date (effective, TRUE, error, "%s", _("The date the new name takes effect is missing or not a real day.")))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = (unit = dn_store_get_unit (self, id, error)) != NULL;
  if (ok && g_str_equal (unit->name, new_name))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” is already the name of this unit."), new_name);
      ok = FALSE;
    }
  until = *effective;
  if (ok)
    {
      g_date_subtract_days (&until, 1);
      /* the history is a line: a new name takes effect after the last one did */
      ok = _dn_store_read_int (self, "SELECT count(*) FROM unit_name WHERE unit_id = ?1 AND valid_until >= ?2",
                               &later, error, DN_INT (id), DN_DATE (&until), DN_END);
    }
  if (ok && later > 0)
    {
      g_autofree char *shown = NULL;
      sqlite3_stmt *stmt = _dn_store_prepare_with (self,
                                                   "SELECT date(max(valid_until), '+1 day') FROM unit_name WHERE unit_id = ?",
                                                   error, DN_INT (id), DN_END);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *iso = _dn_column_text (stmt, 0);
          GDate day;

          if (dn_date_parse_iso (iso, &day))
            shown = dn_date_format_short (&day);
        }
      if (stmt != NULL)
        sqlite3_reset (stmt);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The current name took effect on %s: a new name takes effect after that day."),
                   shown != NULL ? shown : "?");
      ok = FALSE;
    }
  ok = ok &&
       _dn_store_write (self, "INSERT INTO unit_name (unit_id, name, valid_until) VALUES (?, ?, ?)", error,
                        DN_INT (id), DN_TEXT (unit->name), DN_DATE (&until), DN_END) &&
       _dn_store_write (self, "UPDATE unit SET name = ?2 WHERE id = ?1", error,
                        DN_INT (id), DN_TEXT (new_name), DN_END);
  return _dn_store_finish (self, ok, error);
}

gboolean
dn_store_rename_unit_as (DnStore      *self,
                         DnUnit       *unit,
                         const GDate  *effective,
                         GError      **error)
{
  g_autoptr(DnUnit) renamed = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_UNIT (unit), FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = dn_store_rename_unit (self, unit->id, unit->name, effective, error) &&
       (renamed = dn_store_get_unit (self, unit->id, error)) != NULL;
  if (ok)
    {
      g_free (renamed->code);
      renamed->code = g_strdup (unit->code);
      renamed->kind = unit->kind;
      ok = dn_store_update_unit (self, renamed, error);
    }
  return _dn_store_finish (self, ok, error);
}

char *
dn_store_unit_name_at (DnStore      *self,
                       gint64        id,
                       const GDate  *date,
                       GError      **error)
{
  g_autoptr(DnUnit) unit = NULL;
  sqlite3_stmt *stmt;
  char *name = NULL;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if ((unit = dn_store_get_unit (self, id, error)) == NULL)
    return NULL;
  stmt = _dn_store_prepare_with (self,
                                 "SELECT name FROM unit_name WHERE unit_id = ?1 AND valid_until >= ?2 "
                                 "ORDER BY valid_until LIMIT 1",
                                 error, DN_INT (id), DN_DATE (date), DN_END);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = _dn_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    {
      g_free (name);
      return NULL;
    }
  return name != NULL ? name : g_strdup (unit->name);
}
