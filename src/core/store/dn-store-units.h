/* dn-store-units.h: units (the tree of offices, schools, centres)
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-unit.h"
#include "dn-store.h"

G_BEGIN_DECLS

gboolean dn_store_add_unit (DnStore *self, DnUnit *unit, GError **error);
gboolean dn_store_update_unit (DnStore *self, DnUnit *unit, GError **error);
gboolean dn_store_set_unit_archived (DnStore *self, gint64 id, gboolean archived, GError **error);
DnUnit *dn_store_get_unit (DnStore *self, gint64 id, GError **error);
DnUnit *dn_store_find_unit (DnStore *self, const char *code, GError **error);
/* Children of @parent_id (0: the roots) in Vietnamese order. */
GPtrArray *dn_store_list_units (DnStore *self, gint64 parent_id, gboolean include_archived, GError **error);
/* The whole tree, depth first, siblings in Vietnamese order; depth filled. */
GPtrArray *dn_store_list_unit_tree (DnStore *self, gboolean include_archived, GError **error);
/* @id and all units below it (gint64). */
GArray *dn_store_get_unit_subtree (DnStore *self, gint64 id, GError **error);

G_END_DECLS
