/* dn-window-hits.h: where a hit of the header bar's search opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-query-worker.h"
#include "dn-store.h"
#include "dn-window.h"

G_BEGIN_DECLS

/* Opens @hit in @window: its record in its section or its own window, a
 * page of an attached file in the viewer; a person in its unit and a
 * project in its partner, read on the query worker through *@owner_slot
 * (made here on first use; the window frees it). A kind whose section
 * does not exist yet says what was found; an error is said through the
 * window's context. */
void dn_window_open_hit (DnWindow     *window,
                         DnQuerySlot **owner_slot,
                         DnSearchHit  *hit);

G_END_DECLS
