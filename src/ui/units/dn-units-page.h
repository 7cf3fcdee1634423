/* dn-units-page.h: the Đơn vị section: the unit tree and the staff of a unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_UNITS_PAGE (dn_units_page_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitsPage, dn_units_page, DN, UNITS_PAGE, GtkWidget)

void   dn_units_page_set_store     (DnUnitsPage *self,
                                    DnStore     *store);
/* Selects the unit in the tree (expanding its parents) and shows its staff;
 * when the page's reading of the store is under way (or waits for the page
 * to be shown), once it is done. */
void     dn_units_page_select_unit   (DnUnitsPage *self,
                                      gint64       unit_id);
gint64   dn_units_page_get_selected  (DnUnitsPage *self);
/* Property "loading": TRUE while what the page shows waits for a read of
 * the store (off the main loop). */
gboolean dn_units_page_is_loading    (DnUnitsPage *self);

G_END_DECLS
