/* dn-store-delegation-edit.c: a delegation saved whole
 * (dn-store-delegation-edit.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"

DnDelegationParts *
dn_delegation_parts_new (void)
{
  DnDelegationParts *parts = g_new0 (DnDelegationParts, 1);

  parts->new_members = g_ptr_array_new_with_free_func (g_object_unref);
  parts->removed_members = g_array_new (FALSE, FALSE, sizeof (gint64));
  parts->new_programme = g_ptr_array_new_with_free_func (g_object_unref);
  parts->removed_programme = g_array_new (FALSE, FALSE, sizeof (gint64));
  return parts;
}

void
dn_delegation_parts_free (DnDelegationParts *parts)
{
  if (parts == NULL)
    return;
  g_clear_pointer (&parts->countries, g_ptr_array_unref);
  g_ptr_array_unref (parts->new_members);
  g_array_unref (parts->removed_members);
  g_ptr_array_unref (parts->new_programme);
  g_array_unref (parts->removed_programme);
  g_free (parts);
}

gboolean
dn_delegation_parts_is_empty (const DnDelegationParts *parts)
{
  return parts == NULL ||
         (parts->countries == NULL && parts->new_members->len == 0 && parts->removed_members->len == 0 &&
          parts->new_programme->len == 0 && parts->removed_programme->len == 0);
}

/* Deletes each row of @ids from @sql's table, where it is the delegation's */
static gboolean
remove_rows (DnStore     *self,
             const char  *sql,
             gint64       delegation_id,
             GArray      *ids,
             const char  *not_found,
             GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (!_dn_store_save (self, sql, &g_array_index (ids, gint64, i), FALSE, not_found, error,
                         DN_ID (delegation_id), DN_END))
      return FALSE;
  return TRUE;
}

/* The records of @records the failed transaction took back are new again */
static void
unsave (GPtrArray *records)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      if (DN_IS_DELEGATION_MEMBER (records->pdata[i]))
        DN_DELEGATION_MEMBER (records->pdata[i])->id = 0;
      else
        DN_PROGRAMME_ITEM (records->pdata[i])->id = 0;
    }
}

gboolean
dn_store_save_delegation (DnStore            *self,
                          DnDelegation       *delegation,
                          DnDelegationParts  *parts,
                          gboolean            confirmed,
                          GError            **error)
{
  gboolean is_new;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DELEGATION (delegation), FALSE);

  is_new = delegation->id <= 0;
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = is_new ? dn_store_add_delegation (self, delegation, parts != NULL ? parts->countries : NULL, confirmed, error)
              : dn_store_update_delegation (self, delegation, parts != NULL ? parts->countries : NULL, confirmed,
                                            error);
  if (ok && parts != NULL)
    ok = remove_rows (self, "DELETE FROM delegation_member WHERE id = ?1 AND delegation_id = ?2", delegation->id,
                      parts->removed_members, _("The member is not one of this delegation's."), error) &&
         remove_rows (self, "DELETE FROM delegation_programme WHERE id = ?1 AND delegation_id = ?2",
                      delegation->id, parts->removed_programme,
                      _("The programme item is not one of this delegation's."), error);
  for (guint i = 0; ok && parts != NULL && i < parts->new_members->len; i++)
    {
      DnDelegationMember *member = parts->new_members->pdata[i];

      member->delegation_id = delegation->id;
      ok = dn_store_add_delegation_member (self, member, confirmed, error);
    }
  for (guint i = 0; ok && parts != NULL && i < parts->new_programme->len; i++)
    {
      DnProgrammeItem *item = parts->new_programme->pdata[i];

      item->delegation_id = delegation->id;
      ok = dn_store_add_programme_item (self, item, error);
    }
  if (_dn_store_finish (self, ok, error))
    return TRUE;
  if (is_new)
    delegation->id = 0;
  if (parts != NULL)
    {
      unsave (parts->new_members);
      unsave (parts->new_programme);
    }
  return FALSE;
}
