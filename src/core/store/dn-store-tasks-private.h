/* dn-store-tasks-private.h: the task rules the store's task files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store-tasks.h"

G_BEGIN_DECLS

/* The rule every query relies on: a task's deadline is its lead unit's
 * current one, extensions included. In the caller's transaction, after the
 * lead's deadline of @task_id changed; does nothing when they agree. */
gboolean _dn_store_follow_lead_due (DnStore  *self,
                                    gint64    task_id,
                                    GError  **error);
/* The task rules over all the data, for data that arrives in bulk (an
 * import): every task's deadline is its lead's, and a task done or
 * cancelled has no unit row still open. In the caller's transaction. */
gboolean _dn_store_apply_task_rules (DnStore  *self,
                                     GError  **error);
/* Saves the fields of @task and reconciles its assignments, in the caller's
 * transaction: the lead takes the task's deadline, the unit rows follow a
 * new status (done closes the rows still open); *@old_status: the status it
 * had. */
gboolean _dn_store_update_task_row (DnStore   *self,
                                    DnTask    *task,
                                    DnStatus  *old_status,
                                    GError   **error);

G_END_DECLS
