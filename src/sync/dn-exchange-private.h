/* dn-exchange-private.h: what the export and the import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DN_EXCHANGE_N_TABLES 20
/* The tables of an export, in dependency order: a table only refers to
 * tables before it (or to itself). */
extern const char * const _dn_exchange_tables[DN_EXCHANGE_N_TABLES];
/* _dn_exchange_tables[] from this index on came with layout 3: an export
 * writes them (and says version 3) only when one of them has rows, so that
 * a database without them exports as it did with layout 2, byte for byte */
#define FIRST_LAYOUT_3_TABLE 18

G_END_DECLS
