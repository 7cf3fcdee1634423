/* dn-store-delegation-edit.h: a delegation saved whole, as its editor
 * changes it
 *
 * Part of the store's API: include "dn-store.h".
 *
 * The delegation editor changes a delegation's fields, its countries, its
 * members and a visit's programme at once; they are written together or
 * not at all, locally (DnStoreWriter) as on the department server (POST
 * /delegations and PATCH /delegations/{id} with the same parts).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-delegation.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* What the editor changes besides the delegation's own fields */
typedef struct _DnDelegationParts
{
  GPtrArray *countries;         /* DnDelegationCountry; NULL: those it has
                                 * are kept (a new one: none) */
  GPtrArray *new_members;       /* DnDelegationMember to add (id 0) */
  GArray    *removed_members;   /* gint64: its members to remove */
  GPtrArray *new_programme;     /* DnProgrammeItem to add (id 0) */
  GArray    *removed_programme; /* gint64: its programme items to remove */
} DnDelegationParts;

/* Countries kept (NULL), nothing added or removed */
DnDelegationParts *dn_delegation_parts_new   (void);
void               dn_delegation_parts_free  (DnDelegationParts *parts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnDelegationParts, dn_delegation_parts_free)
/* Nothing to write besides the delegation's fields */
gboolean           dn_delegation_parts_is_empty (const DnDelegationParts *parts);

/* Saves @delegation (id 0: a new one, its id stored in it) with @parts
 * (NULL: its fields only) in one transaction: the members and programme
 * items removed first (each must be this delegation's, else
 * DN_STORE_ERROR_NOT_FOUND), then those added, checked as
 * dn_store_add_delegation_member() and dn_store_add_programme_item() check
 * them. @confirmed accepts the local limits' warnings (countries, days,
 * members, trips a year). When anything is refused nothing is written,
 * and the new records (the delegation too) have id 0 again. */
gboolean dn_store_save_delegation (DnStore            *self,
                                   DnDelegation       *delegation,
                                   DnDelegationParts  *parts,
                                   gboolean            confirmed,
                                   GError            **error);

G_END_DECLS
