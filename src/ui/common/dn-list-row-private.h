/* dn-list-row-private.h: what DnListRow and DnListRows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-list-row.h"
#include "dn-list-rows.h"

G_BEGIN_DECLS

/* A row of @rows (not a reference) standing for @position. */
DnListRow *_dn_list_row_new              (DnListRows *rows,
                                          guint       position);
/* The row stands for nothing any more: its position is gone. */
void       _dn_list_row_detach           (DnListRow  *row);

/* Bumped with each new result shown: an item read before is stale. */
guint      _dn_list_rows_get_generation  (DnListRows *rows);
/* A row going away is no longer the row of its position. */
void       _dn_list_rows_row_finalized   (DnListRows *rows,
                                          DnListRow  *row);

G_END_DECLS
