/* dn-task-editor.h: the dialog that creates or edits a task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK_EDITOR (dn_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskEditor, dn_task_editor, DN, TASK_EDITOR, GtkWindow)

/* @task NULL: a new task. Emits "saved" (gint64 task id) once the task is
 * stored, then closes. Invalid input is shown inline and nothing is saved. */
DnTaskEditor *dn_task_editor_new  (DnStore  *store,
                                   DnTask   *task);
/* Tries to save as the Save button does; FALSE (with the reason shown
 * inline) when the input is invalid or the save was refused (someone
 * else saved the task meanwhile: both versions shown, and the actions
 * editor.take-theirs and editor.save-mine offered). TRUE when it saved,
 * or when the save is under way through the department server
 * (dn_task_editor_is_saving(): the editor closes when it succeeds, or
 * shows why not, the input kept). */
gboolean      dn_task_editor_save      (DnTaskEditor *self);
gboolean      dn_task_editor_is_saving (DnTaskEditor *self);

G_END_DECLS
