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
/* The name of the agency that keeps this database, printed at the top of
 * its forms: the first department (Sở) at the top of the tree, else the
 * first unit there; NULL when there is none. */
char *dn_store_dup_agency_name (DnStore *self, GError **error);
/* The whole tree, depth first, siblings in Vietnamese order; depth filled. */
GPtrArray *dn_store_list_unit_tree (DnStore *self, gboolean include_archived, GError **error);
/* @id and all units below it (gint64). */
GArray *dn_store_get_unit_subtree (DnStore *self, gint64 id, GError **error);

/* Whether a unit of @kind usually sits below one of @parent_kind: nothing
 * below a school, a department at the top, a district office below a
 * department, only external bodies below an external one. The store does
 * not refuse the rest: the window asks first. */
gboolean dn_unit_kind_usual_below (DnUnitKind kind, DnUnitKind parent_kind);

/* The reorganisation of units --------------------------------------------
 *
 * Merging @from_id into @into_id moves, in one transaction, everything that
 * refers to @from_id to @into_id: its tasks (when both units are on one
 * task, the task keeps one row: the lead's, else @into_id's), staff,
 * progress, reminders, projects, delegations and sub-units; @from_id is
 * archived (kept, with its code and name, for the records). The merge is
 * recorded (table unit_merge, and every row changed in the audit log);
 * its id goes to *@merge_id (may be NULL). Refused, changing nothing:
 * a unit into itself or into one of its own sub-units, an unknown or
 * archived target. */
gboolean dn_store_merge_units (DnStore *self, gint64 from_id, gint64 into_id, gint64 *merge_id, GError **error);
/* Puts back what the merge @merge_id moved (rows since moved elsewhere
 * stay where they are), restores the merged unit's archived flag and
 * forgets the merge, in one transaction. Only the latest merge can be
 * undone. */
gboolean dn_store_undo_merge (DnStore *self, gint64 merge_id, GError **error);

/* Gives @id the name @name from @effective on: the current name is kept
 * as the name used until the day before. @effective must come after the
 * day the current name took effect. */
gboolean dn_store_rename_unit (DnStore *self, gint64 id, const char *name, const GDate *effective, GError **error);
/* Gives the unit @unit->id the name @unit->name from @effective on
 * (dn_store_rename_unit()), then @unit's code and kind, in one
 * transaction: all or nothing. */
gboolean dn_store_rename_unit_as (DnStore *self, DnUnit *unit, const GDate *effective, GError **error);
/* The name @id had on @date (for reports of an earlier period): an earlier
 * name if it was renamed since, else its current name. */
char *dn_store_unit_name_at (DnStore *self, gint64 id, const GDate *date, GError **error);

G_END_DECLS
