/* dn-ui-testing.h: functions of the interface library that only the tests
 * and the benchmarks use, to drive widgets as a person does; not part of
 * its API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-list-page.h"
#include "dn-task-list-view.h"

G_BEGIN_DECLS

/* The search field and the "Overdue" toggle of the task list. */
GtkWidget *dn_task_list_view_get_search_entry (DnTaskListView *self);
GtkWidget *dn_task_list_view_get_overdue_toggle (DnTaskListView *self);

/* list.export writes @path (NULL: asks again) without a file chooser, and
 * whether it is writing. */
void       dn_list_page_set_export_file (DnListPage *self,
                                         const char *path);
gboolean   dn_list_page_is_exporting    (DnListPage *self);

G_END_DECLS
