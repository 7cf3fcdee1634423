/* dn-list-page.h: a section's list: a table over a lazy query model
 *
 * What every list section (tasks, delegations, passports, partners,
 * documents) shows the same way: a bar for its search and actions
 * (children of type "toolbar"), rows of filters ("filter-row", full rows,
 * and "filter", at the start of the row with the count), the count
 * ("123 tasks"), a spinner while a query runs, "Clear Filters", and a
 * GtkColumnView over a DnQueryModel, or instead of it a message when
 * nothing is listed (empty), while the first result is awaited (loading),
 * or when the query failed (error: the error is shown, never an empty list).
 *
 * The table's rows stand for positions (DnListRows): a new result changes
 * no row, the page shows the new records in the cells it has, those in
 * sight at once and the others in idle chunks of at most 3 ms. Sorting
 * comes from the column headers and runs in the query. The selected record
 * stays selected across new results.
 *
 * A section is a subclass that gives its texts (the write-only string
 * properties "name-prefix", "table-label", "empty-title",
 * "empty-description", "filtered-title", "filtered-description",
 * "new-label", "new-action-name", "loading-text", "clear-tooltip",
 * "empty-icon", set in its template), its columns (dn_list_page_add_column
 * and the cell functions of the class), its model and query, its filter
 * (dn_list_page_set_filter), its record window and its actions; its
 * template adds its widgets to the page's slots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-table.h"
#include "dn-query-model.h"
#include "dn-store.h"
#include "dn-ui.h"

G_BEGIN_DECLS

#define DN_TYPE_LIST_PAGE (dn_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnListPage, dn_list_page, DN, LIST_PAGE, GtkWidget)

struct _DnListPageClass
{
  GtkWidgetClass parent_class;

  /* the DnQueryModel of the section's records (its property "store" set) */
  GType         model_type;
  /* Fills @query, of the model's kind (DnQueryModelClass.query_size
   * bytes), from the section's filters, periods counted from
   * dn_list_page_get_today(); what it sets on the filter reloads nothing. */
  void          (*get_query)      (DnListPage    *self,
                                   gpointer       query);
  /* Every filter back to the section's default (the page reloads after;
   * default: the filter's reset). */
  void          (*clear_filters)  (DnListPage    *self);
  /* The count shown above the table: "123 tasks". */
  char         *(*format_count)   (DnListPage    *self,
                                   guint          n);
  /* The order chosen from the headers: a column given with
   * DN_LIST_COLUMN_SORTABLE, or -1 for none (the page reloads after). */
  void          (*sort_changed)   (DnListPage    *self,
                                   int            column,
                                   gboolean       descending);
  /* The widget of a new cell of @column. */
  GtkWidget    *(*create_cell)    (DnListPage    *self,
                                   int            column);
  /* Shows @item in a cell made by create_cell(). */
  void          (*show_item)      (DnListPage    *self,
                                   int            column,
                                   GtkWidget     *cell,
                                   gpointer       item);
  /* The tooltip of a cell (DN_LIST_COLUMN_TOOLTIP), made when asked for;
   * NULL for none. */
  char         *(*get_tooltip)    (DnListPage    *self,
                                   int            column,
                                   gpointer       item);
  /* Enter or a double click on the row of @item (default: the record's
   * window, dn_list_page_open_record()). */
  void          (*activate_item)  (DnListPage    *self,
                                   gpointer       item);
  /* The selection, the filters or the list changed. */
  void          (*update_actions) (DnListPage    *self);
  /* Sets the filters a link names ("overdue", "expiring"… each section
   * says which it knows); FALSE for a name it does not know (default: the
   * filter's apply_preset, if any). */
  gboolean      (*apply_preset)   (DnListPage    *self,
                                   const char    *preset);

  /* the section's own name of "list.clear-filters"
   * (dn_list_page_class_add_clear_action()) */
  const char   *clear_action;
  /* the actions on the selected record
   * (dn_list_page_class_install_record_actions()) */
  const DnAction *record_actions;
  guint         n_record_actions;

  /* the window of one record (dn_list_page_class_set_details()) */
  GType         details_type;
  GtkWindow    *(*new_details)    (DnListPage    *self,
                                   DnStore       *store,
                                   gint64         id);

  gpointer padding[7];
};

/* For sections, in their class_init: the window of one record
 * (dn_list_page_open_record()), made by @new_details over the store; one
 * of @type (a DnDetailsWindow) already open over the page's window for the
 * same record comes to the front instead. */
void          dn_list_page_class_set_details  (DnListPageClass    *klass,
                                               GType               type,
                                               GtkWindow        *(*new_details) (DnListPage *self,
                                                                                 DnStore    *store,
                                                                                 gint64      id));

/* The section's filter: its own functions, each taking the filter first,
 * as GCallbacks. */
typedef struct
{
  GCallback is_active;     /* gboolean (*) (filter): a filter or the search leaves records out */
  GCallback reset;         /* void (*) (filter): every filter back to the section's default, or
                            * NULL (the class's clear_filters) */
  GCallback apply_preset;  /* gboolean (*) (filter, const char *preset), or NULL */
  GCallback is_default;    /* gboolean (*) (filter): the view as it opens; NULL: when not is_active */
} DnListFilterFuncs;

/* For sections, in their class_init: @name ("tasks.clear-filters") does
 * what "list.clear-filters" does, and is enabled with it. */
void          dn_list_page_class_add_clear_action (DnListPageClass *klass,
                                                   const char      *name);
/* For sections, in their class_init: Delete (and the keypad's) runs the
 * action @name ("tasks.delete"). */
void          dn_list_page_class_bind_delete  (DnListPageClass *klass,
                                               const char      *name);
/* For sections, in their class_init: @actions (a static table, see
 * dn_ui_class_install_actions()) act on the selected record: they are
 * enabled while one is selected. (The action of "new-action-name" is
 * enabled while the page has a store.) */
void          dn_list_page_class_install_record_actions (DnListPageClass *klass,
                                                         const DnAction  *actions,
                                                         guint            n_actions);

void          dn_list_page_set_store          (DnListPage         *self,
                                               DnStore            *store);
DnStore      *dn_list_page_get_store          (DnListPage         *self);
/* For sections, once in their init: the DnFilter the query is made from
 * (the page takes the reference). A change the officer makes runs the
 * query on a worker; the text of @search_entry (if not NULL) and the
 * filter's "text" follow each other, and Escape clears it. "Clear
 * Filters" is offered while the filter is not the default. */
void          dn_list_page_set_filter         (DnListPage              *self,
                                               gpointer                 filter,
                                               const DnListFilterFuncs *funcs,
                                               GtkSearchEntry          *search_entry);
/* The section's filter. (transfer none) */
gpointer      dn_list_page_get_filter         (DnListPage         *self);
/* Changes code makes to the filter between these two apply at once, with
 * one dn_list_page_reload() at the end. */
void          dn_list_page_begin_filter_change (DnListPage        *self);
void          dn_list_page_end_filter_change  (DnListPage         *self);
/* Adds a column; @column is the section's own number for it, given back
 * to the cell functions. @width 0: the column takes the room left. */
void          dn_list_page_add_column         (DnListPage         *self,
                                               int                 column,
                                               const char         *title,
                                               int                 width,
                                               DnListColumnFlags   flags);

/* Columns the officer chooses, and those that give way when the table is
 * narrow (see dn_list_table_set_priority()). */
void          dn_list_page_set_column_priority (DnListPage        *self,
                                                int                column,
                                                guint              priority);
void          dn_list_page_set_column_chosen  (DnListPage         *self,
                                               int                 column,
                                               gboolean            chosen);
gboolean      dn_list_page_get_column_chosen  (DnListPage         *self,
                                               int                 column);
/* TRUE when the column is drawn: chosen, and with room. */
gboolean      dn_list_page_get_column_shown   (DnListPage         *self,
                                               int                 column);

/* The list shown (read first if the store changed while the page was
 * hidden). */
DnQueryModel *dn_list_page_get_model          (DnListPage         *self);
const char   *dn_list_page_get_count_text     (DnListPage         *self);
/* The error of the last query when it failed, else NULL. */
const GError *dn_list_page_get_error          (DnListPage         *self);
/* TRUE while the result of a query run on a worker thread is awaited. */
gboolean      dn_list_page_is_loading         (DnListPage         *self);
/* The day the periods of the current query are counted from. */
const GDate  *dn_list_page_get_today          (DnListPage         *self);

/* New filters from the officer: the query runs on a worker thread, the
 * table shows the previous list until the new one is there. */
void          dn_list_page_reload_async       (DnListPage         *self);
/* New filters from code: the query runs now when the page is shown (else
 * when it is), the list starts at the top or at the selected record. */
void          dn_list_page_reload             (DnListPage         *self);
/* The filters a link names (the class's apply_preset), then reloads;
 * FALSE, changing nothing, when the section does not know @preset. */
gboolean      dn_list_page_apply_preset       (DnListPage         *self,
                                               const char         *preset);
/* Clears the filters (the class's clear_filters) and reloads. */
void          dn_list_page_clear_filters      (DnListPage         *self);
/* Reads the list again if the store changed while the page was hidden. */
void          dn_list_page_ensure_loaded      (DnListPage         *self);
/* A page about to be shown for the first time starts reading its first
 * rows on the worker now, so that they may be in its first frame rather
 * than a "loading" one; does nothing once the page has read its list. */
void          dn_list_page_prefetch           (DnListPage         *self);

/* Sorts as a click on the header of @column does, and reloads now. */
void          dn_list_page_sort_by_column     (DnListPage         *self,
                                               int                 column,
                                               gboolean            descending);
/* The column the list is sorted by (-1: none). */
int           dn_list_page_get_sort_column    (DnListPage         *self,
                                               gboolean           *descending);

/* The id of the selected record, 0 when none. */
gint64        dn_list_page_get_selected_id    (DnListPage         *self);
/* The selected record (a reference), NULL when none. */
gpointer      dn_list_page_dup_selected_item  (DnListPage         *self);
/* Selects the record's row and brings it into view; FALSE when not listed. */
gboolean      dn_list_page_select_id          (DnListPage         *self,
                                               gint64              id);
/* Selects the record @id and presents its window over the page's (see
 * dn_list_page_class_set_details()). */
void          dn_list_page_open_record        (DnListPage         *self,
                                               gint64              id);
/* The same for the selected record (an action's activate function). */
void          dn_list_page_open_selected      (DnListPage         *self);
/* After an editor saved the record @id: listed again if it was not,
 * selected, or else @hidden_message says the filters hide it. */
void          dn_list_page_select_saved       (DnListPage         *self,
                                               gint64              id,
                                               const char         *hidden_message);

/* Shows @text in the window's message bar (logged without a window). */
void          dn_list_page_show_message       (DnListPage         *self,
                                               const char         *text);
/* Presents @window over the page's window, closed with it. */
void          dn_list_page_present            (DnListPage         *self,
                                               GtkWindow          *window);
/* The same for the editor of a record, whose signal "saved" (gint64 id)
 * then selects the record saved (dn_list_page_select_saved(), with
 * @hidden_message). */
void          dn_list_page_present_editor     (DnListPage         *self,
                                               GtkWindow          *editor,
                                               const char         *hidden_message);

G_END_DECLS
