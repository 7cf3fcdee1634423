/* dn-store-units.c: units (the tree of offices, schools, centres)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

gboolean
dn_store_add_unit (DnStore  *self,
                   DnUnit   *unit,
                   GError  **error)
{
  return save_unit (self, unit, TRUE, error);
}

gboolean
dn_store_update_unit (DnStore  *self,
                      DnUnit   *unit,
                      GError  **error)
{
  return save_unit (self, unit, FALSE, error);
}

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
