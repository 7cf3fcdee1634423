/* dn-unit-chooser.h: a button showing the chosen unit(s); it opens the unit
 * tree with a search field (accent-insensitive, on name and code)
 *
 * Single mode picks one unit; multiple mode (property "multiple") ticks any
 * number. Archived units are not offered. Emits "changed" (and notifies
 * "selected-id") when the choice changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_UNIT_CHOOSER (dn_unit_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitChooser, dn_unit_chooser, DN, UNIT_CHOOSER, GtkWidget)

GtkWidget *dn_unit_chooser_new          (DnStore       *store,
                                         gboolean       multiple);
void       dn_unit_chooser_set_store    (DnUnitChooser *self,
                                         DnStore       *store);
gboolean   dn_unit_chooser_get_multiple (DnUnitChooser *self);
void       dn_unit_chooser_set_multiple (DnUnitChooser *self,
                                         gboolean       multiple);

/* Single mode: the chosen unit, 0 for none. In multiple mode the first
 * ticked one. */
gint64     dn_unit_chooser_get_unit     (DnUnitChooser *self);
void       dn_unit_chooser_set_unit     (DnUnitChooser *self,
                                         gint64         unit_id);
/* The ticked units (gint64), in tree order; a new array. */
GArray    *dn_unit_chooser_get_units    (DnUnitChooser *self);
void       dn_unit_chooser_set_units    (DnUnitChooser *self,
                                         const gint64  *unit_ids,
                                         guint          n_units);
/* Ticks or unticks one unit (multiple mode), as clicking its row does. */
void       dn_unit_chooser_toggle_unit  (DnUnitChooser *self,
                                         gint64         unit_id);
/* The name shown for a unit id ("" when unknown). */
const char *dn_unit_chooser_get_unit_name (DnUnitChooser *self,
                                           gint64         unit_id);

/* The search text, as typed in the popover's search field, and the number
 * of units it leaves in the list. */
void       dn_unit_chooser_set_search   (DnUnitChooser *self,
                                         const char    *text);
guint      dn_unit_chooser_get_n_shown  (DnUnitChooser *self);
/* Opens the list (as clicking the button does). */
void       dn_unit_chooser_popup        (DnUnitChooser *self);

G_END_DECLS
