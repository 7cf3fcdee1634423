/* dn-generator.h: realistic synthetic data for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

/* Fills @store with a province's worth of units (when it has none) and
 * @n_people staff, @n_tasks tasks (with assignments and progress) and
 * @n_delegations delegations, with Vietnamese names and titles. The same
 * @seed gives the same data. One transaction; the audit log is not written. */
gboolean dn_generate (DnStore  *store,
                      guint     n_tasks,
                      guint     n_delegations,
                      guint     n_people,
                      guint32   seed,
                      GError  **error);

G_END_DECLS
