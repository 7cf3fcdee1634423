/* dn-exchange-private.h: what the export and the import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DN_EXCHANGE_N_TABLES 28
/* The tables of an export, in dependency order: a table only refers to
 * tables before it (or to itself). */
extern const char * const _dn_exchange_tables[DN_EXCHANGE_N_TABLES];
G_END_DECLS
