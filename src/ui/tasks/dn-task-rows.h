/* dn-task-rows.h: the rows of the task details' lists, and the texts of
 * dates and deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* "30/06/2024", or "none" for an invalid date. */
char      *dn_task_rows_format_date     (const GDate  *date);
/* Days @due is past, when the work is not finished; else 0. */
int        dn_task_rows_days_overdue    (const GDate  *due,
                                         DnStatus      status);
/* The date, with how many days it is overdue. */
char      *dn_task_rows_format_deadline (const GDate  *due,
                                         DnStatus      status);

/* A sub-assigned task; the row's "task-id" data is its id (gint64 *). */
GtkWidget *dn_task_rows_child           (DnTask       *child,
                                         GtkSizeGroup *status_group,
                                         GtkSizeGroup *due_group);
/* An assignment with its extensions. @on_status_changed is connected to
 * "notify::selected" of the status drop-down, whose "assignment" data is
 * @a. */
GtkWidget *dn_task_rows_assignment      (DnStore      *store,
                                         DnAssignment *a,
                                         GCallback     on_status_changed,
                                         gpointer      user_data);
GtkWidget *dn_task_rows_progress        (DnStore      *store,
                                         DnProgress   *p);
GtkWidget *dn_task_rows_reminder        (DnReminder   *r);

G_END_DECLS
