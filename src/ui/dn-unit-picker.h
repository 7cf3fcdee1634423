/* dn-unit-picker.h: a drop-down button to pick one unit, or none
 *
 * The popup lists the units in tree order, indented, with a search entry
 * that matches names and codes accent-insensitively ("truong" finds
 * "Trường"). Archived units are left out. Unlike DnUnitChooser it offers a
 * "none" entry and can leave a subtree out (a unit cannot move below
 * itself).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_UNIT_PICKER (dn_unit_picker_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitPicker, dn_unit_picker, DN, UNIT_PICKER, GtkWidget)

GtkWidget  *dn_unit_picker_new           (void);
/* Lists the units of @store (tree order, archived ones left out; @store may
 * be NULL: nothing listed). The first entry is @none_label (id 0) unless it
 * is NULL. The units of the subtree of @exclude_id (0: none) are left out;
 * @keep_id (0: none) is listed even when archived (a record's current
 * unit). The selected unit is kept when it is still listed, else the first
 * entry is selected. */
gboolean    dn_unit_picker_fill          (DnUnitPicker  *self,
                                          DnStore       *store,
                                          const char    *none_label,
                                          gint64         exclude_id,
                                          gint64         keep_id,
                                          GError       **error);
/* The picked unit's id (0: the none entry, or nothing listed). Notifies
 * "selected-id" when it changes. */
gint64      dn_unit_picker_get_selected  (DnUnitPicker  *self);
/* FALSE (and no change) when @unit_id is not listed. */
gboolean    dn_unit_picker_set_selected  (DnUnitPicker  *self,
                                          gint64         unit_id);
/* The listed entries (DnUnit; the none entry has id 0). */
GListModel *dn_unit_picker_get_model     (DnUnitPicker  *self);
/* What the popup's search entry does: the number of entries it leaves. */
guint       dn_unit_picker_search        (DnUnitPicker  *self,
                                          const char    *text);

G_END_DECLS
