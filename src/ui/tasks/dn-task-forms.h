/* dn-task-forms.h: the small dialogs of the task details
 *
 * Each opens a DnFormDialog over @details for the task it shows; on
 * success the dialog closes and the details' message bar says what was
 * recorded. The store's "changed" signal brings the details up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"
#include "dn-task-details.h"

G_BEGIN_DECLS

/* Extends the deadline of @assignment (gia hạn), with the reason. */
void dn_task_forms_extend_deadline (DnTaskDetails *details,
                                    DnStore       *store,
                                    DnAssignment  *assignment);
/* Records a reminder (đôn đốc) to the unit of @assignment. */
void dn_task_forms_remind          (DnTaskDetails *details,
                                    DnStore       *store,
                                    DnAssignment  *assignment);
/* Records progress of @task (may be NULL: no intro, 0 %), with a file. */
void dn_task_forms_add_progress    (DnTaskDetails *details,
                                    DnStore       *store,
                                    DnTask        *task);
/* Asks before marking @task done: its lead's part is closed with it, and
 * the supporting units that have not finished are closed or left open as
 * ticked. Undo puts them back. */
void dn_task_forms_mark_done       (DnTaskDetails *details,
                                    DnStore       *store,
                                    DnTask        *task);
/* Passes @task down to sub-units of its lead unit, due on a date asked
 * (the task's deadline by default); Undo removes what it made. Nothing
 * when @task is NULL. */
void dn_task_forms_pass_down       (DnTaskDetails *details,
                                    DnStore       *store,
                                    DnTask        *task);

G_END_DECLS
