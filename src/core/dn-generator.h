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

/* Adds @n_passports passports of people already there (diplomatic, official
 * and ordinary; a few lost), and for about a third of them a hand-out for
 * an outbound delegation (the holder then a member of it): most returned in
 * time, some late, some still out. Numbers follow those already there. */
gboolean dn_generate_passports (DnStore  *store,
                                guint     n_passports,
                                guint32   seed,
                                GError  **error);

G_END_DECLS
