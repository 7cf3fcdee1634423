/* dn-fts-match.h: dn_fts_match(), the search index's rule for one row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>


G_BEGIN_DECLS

/* Registers dn_fts_match(typed, text, …) on @db, once the "dn" tokenizer is
 * registered with @api (dn_sqlite_register_functions() does both). */
int _dn_fts_match_register (sqlite3  *db,
                            fts5_api *api);

G_END_DECLS
