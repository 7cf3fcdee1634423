/* dn-task-list-view.h: the Nhiệm vụ section: filters, search, the task table
 *
 * A DnListPage of tasks: its columns (dn-task-columns.h), its filters (a
 * DnTaskFilter the filter widgets are bound to) and its actions (tasks.new,
 * tasks.edit, tasks.open, tasks.delete, tasks.clear-filters; columns.KEY,
 * a column chosen or not, KEY as dn_task_columns_get_key()). It opens on
 * the filter's default view ("All" remembered in the settings), most
 * urgent first; the columns hidden are remembered too. The count
 * and the selection are DnListPage's (dn_list_page_get_count_text(),
 * dn_list_page_get_selected_id(), dn_list_page_select_id()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-models.h"
#include "dn-list-page.h"
#include "dn-store.h"
#include "dn-task-filter.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK_LIST_VIEW (dn_task_list_view_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskListView, dn_task_list_view, DN, TASK_LIST_VIEW, DnListPage)

void             dn_task_list_view_set_store    (DnTaskListView *self,
                                                 DnStore        *store);
/* Presets used by the overview cards and the global search (see
 * dn_task_filter_apply_preset): "all", "overdue", "week", "unit:UNIT_ID",
 * "lead:UNIT_ID:quarter", "document:DOCUMENT_ID". */
void             dn_task_list_view_apply_preset (DnTaskListView *self,
                                                 const char     *preset);
/* The officer's own unit (0 for none): the list then shows its default
 * view, the unfinished tasks of that unit (unless "All" was chosen), the
 * search text cleared. The "My unit" filter uses it. */
void             dn_task_list_view_set_my_unit  (DnTaskListView *self,
                                                 gint64          unit_id);
/* Opens the task's details (and selects its row when it is listed). */
void             dn_task_list_view_open_task    (DnTaskListView *self,
                                                 gint64          task_id);
/* Opens the editor on a new task. */
void             dn_task_list_view_new_task     (DnTaskListView *self);
/* Sets the list's search text (as typing in its search field). */
void             dn_task_list_view_set_search   (DnTaskListView *self,
                                                 const char     *text);
DnTaskListModel *dn_task_list_view_get_model    (DnTaskListView *self);
/* The filters the list shows; setting them from code applies at once (when
 * the view is shown, else when it is). (transfer none) */
DnTaskFilter    *dn_task_list_view_get_filter   (DnTaskListView *self);

/* Sorts as a click on the column header does (the sorting runs in SQL);
 * DN_TASK_SORT_URGENCY is the order of no header. */
void             dn_task_list_view_sort_by      (DnTaskListView *self,
                                                 DnTaskSort      sort,
                                                 gboolean        descending);
DnTaskSort       dn_task_list_view_get_sort     (DnTaskListView *self,
                                                 gboolean       *descending);
/* TRUE while the result of a filter, search or sort change made in the
 * view is awaited (the query runs on a worker thread; the API calls above
 * apply at once). */
gboolean         dn_task_list_view_is_loading   (DnTaskListView *self);

G_END_DECLS
