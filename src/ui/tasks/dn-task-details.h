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
/* What deleting a task from @widget came to: the message that says so
 * ("Task “…” deleted.", a long title shortened), or @error */
typedef void (*DnTaskDeletedFunc) (GtkWidget    *widget,
                                   const char   *message,
                                   const GError *error);
/* Deletes @task with the writer of @widget's window (in @store outside a
 * window): kept hidden, so that the window's Undo brings it back when the
 * writer can undo; at once in the local database, when the server answers
 * when connected. @done is called then, unless @widget is gone. */
void           dn_task_details_delete_task (GtkWidget         *widget,
                                            DnStore           *store,
                                            DnTask            *task,
                                            DnTaskDeletedFunc  done);
/* Offers Undo of a change to a task in @context, with @message: Undo
 * puts back @snapshot (taken before the change; this takes it) and removes
 * the occurrence @made_id the change made (0: none). */
void           dn_task_details_push_undo   (DnWindowContext *context,
                                            const char      *message,
                                            DnTaskSnapshot  *snapshot,
                                            gint64           made_id);

G_END_DECLS
