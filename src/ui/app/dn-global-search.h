/* dn-global-search.h: the header bar's search over every kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* A search entry whose hits, grouped by kind under headings, drop down
 * below it as the officer types. Keyboard: Down (in the entry) moves into
 * the hits, Up and Down move through them (Up on the first goes back to the
 * entry), Enter opens the selected hit, Escape closes the hits and gives the
 * entry the focus again (in the entry, Escape also clears it). Each hit
 * reads to a screen reader as "Task: title, due 30/06/2025, in progress".
 *
 * Actions (group "search"): next, previous, open, close — what those keys
 * do. Signal "open-hit" (DnSearchHit *hit): the officer chose @hit (a
 * record: its id is positive); the hits are closed already. */
#define DN_TYPE_GLOBAL_SEARCH (dn_global_search_get_type ())
G_DECLARE_FINAL_TYPE (DnGlobalSearch, dn_global_search, DN, GLOBAL_SEARCH, GtkWidget)

void         dn_global_search_set_store    (DnGlobalSearch *self,
                                            DnStore        *store);
/* Runs the search for @text (as typing it does): off the main loop;
 * dn_global_search_get_results() changes once its results are in (an
 * empty text clears them at once). */
void         dn_global_search_search       (DnGlobalSearch *self,
                                            const char     *text);
/* TRUE while a search runs. */
gboolean     dn_global_search_is_searching (DnGlobalSearch *self);
/* The hits offered (DnSearchHit, headings included: a heading has id 0,
 * and a message — nothing found, the search failed — kind DN_RECORD_N). */
GListModel  *dn_global_search_get_results  (DnGlobalSearch *self);
/* The hit selected (the one Enter opens), or NULL. (transfer none) */
DnSearchHit *dn_global_search_get_selected (DnGlobalSearch *self);
/* What a screen reader says for @hit ("Task: title, due 30/06/2025, in
 * progress"). */
char        *dn_global_search_describe_hit (DnSearchHit    *hit);

G_END_DECLS
