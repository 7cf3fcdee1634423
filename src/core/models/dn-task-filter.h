/* dn-task-filter.h: what the task list shows, as one object
 *
 * The filters of the task list (search text, unit, status, due period,
 * overdue, source document) and its order. The list opens on its default
 * view: the unfinished tasks of the officer's unit ("my-unit-id", with its
 * sub-units; every unit when none is set), most urgent first
 * (DN_TASK_SORT_URGENCY), or, when the officer chose so ("show-all"),
 * every task. The list's widgets are bound to
 * its properties; the list's query is made from it (dn_task_filter_to_query).
 * "changed" is emitted once after each change (one set_* call, a reset or a
 * preset), the properties are notified as usual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-filter.h"
#include "dn-period.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* the "status" property: -1 any status, -2 not finished (open or in
 * progress), else a DnStatus */
#define DN_TASK_FILTER_STATUS_ANY        (-1)
#define DN_TASK_FILTER_STATUS_UNFINISHED (-2)

#define DN_TYPE_TASK_FILTER (dn_task_filter_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskFilter, dn_task_filter, DN, TASK_FILTER, DnFilter)

DnTaskFilter *dn_task_filter_new                (void);

/* The filters are properties, as the list's widgets are bound to them:
 *  - "text": search text (title, section, unit…); NULL for none ("" counts
 *    as none);
 *  - "unit-id": tasks the unit leads or supports; 0 for any unit;
 *  - "include-sub-units": with a unit, its sub-units too (default TRUE);
 *  - "lead-only": with a unit, only the tasks it leads;
 *  - "status": DN_TASK_FILTER_STATUS_ANY, DN_TASK_FILTER_STATUS_UNFINISHED
 *    or a DnStatus;
 *  - "overdue": only unfinished tasks past their due date;
 *  - "period": due within this DnPeriod around today (dn_period_get_bounds);
 *  - "document-id": tasks taken from this document; 0 for any;
 *  - "my-unit-id": the officer's unit (0: none), "show-all": the default
 *    view is every task; setting either brings the default view (the
 *    search text cleared too).
 * The text, the unit and the period also have functions of their own. */
const char   *dn_task_filter_get_text           (DnTaskFilter *self);
void          dn_task_filter_set_text           (DnTaskFilter *self,
                                                 const char   *text);
gint64        dn_task_filter_get_unit_id        (DnTaskFilter *self);
/* A negative id counts as 0. */
void          dn_task_filter_set_unit_id        (DnTaskFilter *self,
                                                 gint64        unit_id);
DnPeriod      dn_task_filter_get_period         (DnTaskFilter *self);
/* The order: "sort" (a DnTaskSort) and "descending". */
DnTaskSort    dn_task_filter_get_sort           (DnTaskFilter *self,
                                                 gboolean     *descending);
void          dn_task_filter_set_sort           (DnTaskFilter *self,
                                                 DnTaskSort    sort,
                                                 gboolean      descending);

gint64        dn_task_filter_get_my_unit_id     (DnTaskFilter *self);
/* A negative id counts as 0. */
void          dn_task_filter_set_my_unit_id     (DnTaskFilter *self,
                                                 gint64        unit_id);
gboolean      dn_task_filter_get_show_all       (DnTaskFilter *self);
void          dn_task_filter_set_show_all       (DnTaskFilter *self,
                                                 gboolean      show_all);

/* Every filter back to the default view (the search text cleared too);
 * the order is kept. */
void          dn_task_filter_reset              (DnTaskFilter *self);
/* TRUE when the filters are those of the default view. */
gboolean      dn_task_filter_is_default         (DnTaskFilter *self);
/* TRUE when some filter or search text leaves tasks out. */
gboolean      dn_task_filter_is_active          (DnTaskFilter *self);

/* Presets, as the overview cards and the global search ask for a list:
 * "all" (or ""), "overdue", "week" (unfinished, due in the next 7 days),
 * "unit:UNIT_ID" (the unit and its sub-units, leading or supporting),
 * "lead:UNIT_ID" and "lead:UNIT_ID:PERIOD" (led by the unit alone, due in
 * the period: a dn_period_to_string() keyword such as "quarter"),
 * "document:DOCUMENT_ID". Every filter is cleared first (a preset starts
 * from every task, not from the default view); the order is kept. FALSE
 * for a preset not understood (the filters are then the default view). */
gboolean      dn_task_filter_apply_preset       (DnTaskFilter *self,
                                                 const char   *preset);

/* The store's query for these filters, periods counted from @today. The
 * query's text points into the filter: it is valid until the text
 * changes. */
void          dn_task_filter_to_query           (DnTaskFilter *self,
                                                 const GDate  *today,
                                                 DnTaskQuery  *query);

G_END_DECLS
