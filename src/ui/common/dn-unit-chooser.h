/* dn-unit-chooser.h: a button showing the chosen unit(s); it opens the unit
 * tree with a search field (dn_text_match on name and code)
 *
 * A DnChooser of units: what is said here of units holds for any chooser,
 * and the chooser's functions (dn_chooser_set_store(), _reload(), _get_id(),
 * _set_id(), _get_ids(), _set_ids(), _get_name(), _pick(), _set_multiple(),
 * _set_none_label(), _popup(), …) serve it.
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
gint64     dn_unit_chooser_get_exclude_id (DnUnitChooser *self);
void       dn_unit_chooser_set_exclude_id (DnUnitChooser *self,
                                           gint64         unit_id);
gint64     dn_unit_chooser_get_keep_id  (DnUnitChooser *self);
void       dn_unit_chooser_set_keep_id  (DnUnitChooser *self,
                                         gint64         unit_id);

/* dn_chooser_get_id() and dn_chooser_pick() */
gint64     dn_unit_chooser_get_unit     (DnUnitChooser *self);
gboolean   dn_unit_chooser_pick         (DnUnitChooser *self,
                                         gint64         unit_id);

G_END_DECLS
