/* dn-task-details.h: a task with its assignments, history and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-details-window.h"
#include "dn-store.h"
#include "dn-window-context.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK_DETAILS (dn_task_details_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskDetails, dn_task_details, DN, TASK_DETAILS, DnDetailsWindow)

/* Shows the task: its fields, parent (a link) and sub-assigned children with
 * the roll-up of their progress; each assignment (lead and supporting) with
 * its own deadline and status, extensions (gia hạn) with reasons; progress
 * history; reminders (đôn đốc). Actions (group "task"): edit, delete,
 * mark-done, add-progress, pass-down, extend-deadline and remind (the
 * assignment id, "x"), open-attachment (the attachment id, "x"). */
DnTaskDetails *dn_task_details_new      (DnStore  *store,
                                         gint64    task_id);
gint64         dn_task_details_get_task (DnTaskDetails *self);
/* Shows @message in the details' message bar, as an error or not (the
 * small dialogs of dn-task-forms.c say so what they recorded). */
void           dn_task_details_show_message (DnTaskDetails *self,
                                             const char    *message,
                                             gboolean       error);
/* Deletes @task (kept hidden, so that Undo brings it back) and returns the
 * message that says so ("Task “…” deleted.", a long title shortened); the
 * Undo goes to @context, when there is one. NULL with @error set when the
 * task could not be deleted. */
char          *dn_task_details_delete_task (DnStore         *store,
                                            DnTask          *task,
                                            DnWindowContext *context,
                                            GError         **error);
/* Offers Undo of a change to a task in @context, with @message: Undo
 * puts back @snapshot (taken before the change; this takes it) and removes
 * the occurrence @made_id the change made (0: none). */
void           dn_task_details_push_undo   (DnWindowContext *context,
                                            const char      *message,
                                            DnTaskSnapshot  *snapshot,
                                            gint64           made_id);

G_END_DECLS
