/* dn-unit-chooser.h: a button showing the chosen unit(s); it opens the unit
 * tree with a search field (dn_text_match on name and code)
 *
 * A DnChooser of units: what is said here of units holds for any chooser,
 * and the chooser's functions (dn_chooser_get_model(), _set_multiple(),
 * _set_none_label(), _toggle_id(), _set_search(), _popup(), …) serve it.
 * The rows offered are DnUnit (the none row has id 0).
 *
 * Single mode picks one unit; multiple mode (property "multiple") ticks any
 * number. Archived units are not offered. Emits "changed" (and notifies
 * "selected-id") when the choice changes.
 *
 * Options, for a record that has one unit (all off by default):
 * "none-label" adds a first row choosing no unit (id 0), also shown on the
 * button while no unit is chosen; "exclude-id" leaves a unit out with all
 * its sub-units (a unit cannot go below itself); "keep-id" offers a unit
 * even when it is archived (a record's current unit), last and marked
 * "(archived)". The list is read when it is first needed, and again after
 * the store or an option changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-chooser.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_UNIT_CHOOSER (dn_unit_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitChooser, dn_unit_chooser, DN, UNIT_CHOOSER, DnChooser)

GtkWidget *dn_unit_chooser_new          (DnStore       *store,
                                         gboolean       multiple);
void       dn_unit_chooser_set_store    (DnUnitChooser *self,
                                         DnStore       *store);
/* Reads the list now (it is otherwise read when needed, with a warning
 * when that fails). */
gboolean   dn_unit_chooser_reload       (DnUnitChooser *self,
                                         GError       **error);
gint64     dn_unit_chooser_get_exclude_id (DnUnitChooser *self);
void       dn_unit_chooser_set_exclude_id (DnUnitChooser *self,
                                           gint64         unit_id);
gint64     dn_unit_chooser_get_keep_id  (DnUnitChooser *self);
void       dn_unit_chooser_set_keep_id  (DnUnitChooser *self,
                                         gint64         unit_id);

/* Single mode: the chosen unit, 0 for none. In multiple mode the first
 * ticked one. */
gint64     dn_unit_chooser_get_unit     (DnUnitChooser *self);
/* Chooses @unit_id (0: none), offered or not: a record's archived unit is
 * shown by its name. */
void       dn_unit_chooser_set_unit     (DnUnitChooser *self,
                                         gint64         unit_id);
/* What activating the row of @unit_id does (0: the none row): single mode
 * chooses it, multiple mode ticks or unticks it (the none row clears).
 * FALSE, and no change, when the list does not offer it. */
gboolean   dn_unit_chooser_pick         (DnUnitChooser *self,
                                         gint64         unit_id);
/* The ticked units (gint64), in tree order; a new array. */
GArray    *dn_unit_chooser_get_units    (DnUnitChooser *self);
void       dn_unit_chooser_set_units    (DnUnitChooser *self,
                                         const gint64  *unit_ids,
                                         guint          n_units);
/* The name shown for a unit id ("" when unknown). */
const char *dn_unit_chooser_get_unit_name (DnUnitChooser *self,
                                           gint64         unit_id);

G_END_DECLS
