/* dn-task-columns.h: the columns of the task table
 *
 * What each column of the Nhiệm vụ list shows of a task, how its cells are
 * made (GtkInscriptions: their size does not depend on their text), its
 * tooltips and the order its header sorts by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-page.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_TASK_COLUMN_SECTION,
  DN_TASK_COLUMN_TITLE,
  DN_TASK_COLUMN_LEAD,
  DN_TASK_COLUMN_SUPPORT,
  DN_TASK_COLUMN_DUE,
  DN_TASK_COLUMN_RECURRENCE,
  DN_TASK_COLUMN_STATUS,
  DN_TASK_COLUMN_PROGRESS,
  DN_TASK_COLUMN_N
} DnTaskColumn;

/* unfinished tasks due within this many days are "due soon" */
#define DN_TASK_DUE_SOON_DAYS 7

/* Adds the columns to @page, in order. */
void        dn_task_columns_add          (DnListPage   *page);
GtkWidget  *dn_task_columns_create_cell  (DnTaskColumn  column);
/* Shows @task in @cell; the due cell marks late tasks as of @today. */
void        dn_task_columns_show         (DnTaskColumn  column,
                                          GtkWidget    *cell,
                                          DnTask       *task,
                                          const GDate  *today);
/* The tooltip of a cell, or NULL. */
char       *dn_task_columns_dup_tooltip  (DnTaskColumn  column,
                                          DnTask       *task);
/* The order a column's header sorts by (-1, no column: the default order,
 * DN_TASK_SORT_URGENCY), and the column of an order (-1 for that one). */
DnTaskSort  dn_task_columns_get_sort     (int           column);
int         dn_task_columns_for_sort     (DnTaskSort    sort);
/* The column's name in settings ("section", "lead"…), and back (-1: none). */
const char *dn_task_columns_get_key      (DnTaskColumn  column);
int         dn_task_columns_from_key     (const char   *key);
/* The column's title, as its header shows it. */
const char *dn_task_columns_get_title    (DnTaskColumn  column);

G_END_DECLS
