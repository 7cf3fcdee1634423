/* dn-list-table.h: the table of a DnListPage
 *
 * Drives a GtkColumnView whose model's items are DnListRows: its columns
 * (cells made and filled by the page's functions), the filling of cells
 * after a new result (those in sight at once, the others in idle chunks of
 * at most 3 ms once the frame is painted, so that the frame showing a new
 * list redraws only the rows in sight), tooltips made when asked for, and
 * the order chosen from the headers.
 *
 * Sorting from the column headers on GTK 4.8: the public API to read the
 * primary sort column of a GtkColumnView arrived in 4.10. Each sortable
 * column gets a GtkCustomSorter whose compare function only records which
 * column it belongs to and answers "smaller". Comparing two dummy objects
 * with the column view's sorter therefore runs the primary column's sorter
 * alone, and the result tells the direction (inverted when descending).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-list-cells.h"

G_BEGIN_DECLS

typedef enum
{
  DN_LIST_COLUMN_SORTABLE = 1 << 0,  /* its header sorts the list */
  DN_LIST_COLUMN_TOOLTIP  = 1 << 1,  /* its cells have tooltips (get_tooltip) */
} DnListColumnFlags;

/* What the table asks its page. */
typedef struct
{
  GtkWidget *(*create_cell) (gpointer   user_data,
                             int        column);
  void       (*show_item)   (gpointer   user_data,
                             GtkWidget *cell,
                             int        column,
                             gpointer   item);
  char      *(*get_tooltip) (gpointer   user_data,
                             int        column,
                             gpointer   item);
} DnListTableFuncs;

#define DN_TYPE_LIST_TABLE (dn_list_table_get_type ())
G_DECLARE_FINAL_TYPE (DnListTable, dn_list_table, DN, LIST_TABLE, GObject)

/* Emits "sort-changed" when the order chosen from the headers changes,
 * "selection-changed" when the selected row does.
 * @user_data is the page that owns the table (not a reference). */
DnListTable *dn_list_table_new            (GtkColumnView          *view,
                                           const DnListTableFuncs *funcs,
                                           gpointer                user_data);
/* Stops filling cells and forgets the view (the page's dispose). */
void         dn_list_table_shutdown       (DnListTable            *self);
void         dn_list_table_add_column     (DnListTable            *self,
                                           int                     column,
                                           const char             *title,
                                           int                     width,
                                           DnListColumnFlags       flags);
/* After a new result: the cells bound show the items of their rows. The
 * view will start at row @top (G_MAXUINT: where it is). */
void         dn_list_table_refresh        (DnListTable            *self,
                                           guint                   top);
/* Shows @rows (DnListRow items) with a single selection that the officer
 * can clear; NULL shows nothing. Emits "selection-changed". */
void         dn_list_table_set_rows       (DnListTable            *self,
                                           GListModel             *rows);
/* The selected position, GTK_INVALID_LIST_POSITION when none. */
guint        dn_list_table_get_selected   (DnListTable            *self);
/* Selects @position (GTK_INVALID_LIST_POSITION: none). */
void         dn_list_table_select         (DnListTable            *self,
                                           guint                   position);
/* The record of the selected row, or NULL. (transfer none) */
gpointer     dn_list_table_get_selected_item (DnListTable         *self);
/* The column the headers sort by (-1: none). */
int          dn_list_table_get_sort       (DnListTable            *self,
                                           gboolean               *descending);
/* Sorts as a click on the column's header does; -1: no column's order
 * (the section's default). FALSE: no such column. */
gboolean     dn_list_table_sort_by        (DnListTable            *self,
                                           int                     column,
                                           gboolean                descending);

/* Columns the officer chooses, and those that give way in a narrow table.
 * A chosen column is shown unless the table is too narrow for it: then
 * the chosen columns with the highest @priority give way first (0: never
 * gives way, the default). A column taking the room left counts for
 * DN_LIST_TABLE_EXPAND_MIN pixels. */
#define DN_LIST_TABLE_EXPAND_MIN 220
void         dn_list_table_set_priority   (DnListTable            *self,
                                           int                     column,
                                           guint                   priority);
void         dn_list_table_set_chosen     (DnListTable            *self,
                                           int                     column,
                                           gboolean                chosen);
gboolean     dn_list_table_get_chosen     (DnListTable            *self,
                                           int                     column);
/* TRUE when @column is chosen and has room (it is drawn). */
gboolean     dn_list_table_get_shown      (DnListTable            *self,
                                           int                     column);
/* Shows the chosen columns that fit in @width pixels. */
void         dn_list_table_fit            (DnListTable            *self,
                                           int                     width);

G_END_DECLS
