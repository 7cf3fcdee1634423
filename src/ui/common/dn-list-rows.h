/* dn-list-rows.h: the model of a DnListPage's table: one DnListRow per
 * position of the list shown
 *
 * On GTK 4.8, a change replacing the items of a list's model makes the
 * list throw away the widgets of every row it keeps (about 200 rows of 8
 * cells), build as many anew, and look for the rows it tracks (selection,
 * focus) among all the new items, reading each one from the store. Even
 * when the list's widgets are moved over to the new items instead, every
 * row is bound again, and the one row it must build anew (its focus stays
 * on an old row until that row goes) makes it measure every row again.
 * With the rows standing for positions, a new result changes no item: only
 * the number of rows, at the end, and the page shows the new records in the
 * cells it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DN_TYPE_LIST_ROWS (dn_list_rows_get_type ())
G_DECLARE_FINAL_TYPE (DnListRows, dn_list_rows, DN, LIST_ROWS, GObject)

DnListRows *dn_list_rows_new        (void);
/* Shows @model (may be NULL). In place, the rows keep standing for their
 * positions, and only rows added or removed at the end are reported;
 * otherwise every row goes and new ones come. */
void        dn_list_rows_set_shown  (DnListRows *self,
                                     GListModel *model,
                                     gboolean    in_place);
/* (transfer none) */
GListModel *dn_list_rows_get_shown  (DnListRows *self);

G_END_DECLS
