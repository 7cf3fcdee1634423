/* dn-list-row.h: one row of a DnListPage's table, standing for a position
 *
 * The item a row stands for is the item at its position in the list shown
 * now (see DnListRows): after a new result the same row shows another
 * record. The item is read when first asked for, once per result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DN_TYPE_LIST_ROW (dn_list_row_get_type ())
G_DECLARE_FINAL_TYPE (DnListRow, dn_list_row, DN, LIST_ROW, GObject)

/* The record at the row's position now, or NULL once the position is gone.
 * (transfer none) */
gpointer dn_list_row_get_item     (DnListRow *self);
guint    dn_list_row_get_position (DnListRow *self);

G_END_DECLS
