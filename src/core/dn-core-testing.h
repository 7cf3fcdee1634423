/* dn-core-testing.h: functions of the core library that only the tests and
 * the benchmarks use (they tell how the code did something, not what the
 * application needs); not part of its API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-list-models.h"
#include "dn-query-model.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Opens (creating or migrating) at exactly schema @version: databases as
 * older versions left them, for tests of migrations. */
DnStore *_dn_store_open_at_version (const char *path, int version, GError **error);

/* Number of records read from the store so far (tests of laziness). */
guint dn_query_model_get_n_fetched (DnQueryModel *self);
guint dn_task_list_model_get_n_fetched (DnTaskListModel *self);

/* Accounts: the limits of the password hash (still argon2id; 0, 0: the
 * interactive ones), a clock in seconds since 1970 (0: the real one), and
 * how many passwords were checked so far. */
void  _dn_accounts_set_hash_limits (guint64 opslimit, gsize memlimit);
void  _dn_accounts_set_clock (gint64 unix_seconds);
guint _dn_accounts_get_n_verified (void);

G_END_DECLS
