/* dn-task-progress-bar.h: the progress cell of the task table
 *
 * One widget drawing the bar and the percentage ("42%"), with the
 * progress bar's accessible role and values. A GtkProgressBar is three
 * widgets, a box with a label two more, and the table keeps about 200 rows
 * alive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DN_TYPE_TASK_PROGRESS_BAR (dn_task_progress_bar_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskProgressBar, dn_task_progress_bar, DN, TASK_PROGRESS_BAR, GtkWidget)

GtkWidget *dn_task_progress_bar_new         (void);
/* 0 to 100 (clamped). */
void       dn_task_progress_bar_set_percent (DnTaskProgressBar *self,
                                             int                percent);
/* The average of the task's sub-tasks (passed down), drawn as a thin line
 * under its own bar; -1: none (the default). */
void       dn_task_progress_bar_set_children_percent (DnTaskProgressBar *self,
                                                      int                percent);

G_END_DECLS
