/* dn-list-cells.h: the cells of a section's table
 *
 * The widgets the sections' create_cell() makes and their show_item()
 * fills (DnListTable, DnListPage).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Cells the sections make. The text of a cell: a GtkInscription, whose
 * size does not depend on its text (changing the text of the table's 1600
 * cells when the list is filtered only redraws them, where labels would be
 * measured again, each one shaping its text twice), ellipsized. */
GtkWidget   *dn_list_cell_text_new        (int                     min_chars,
                                           int                     nat_chars);
/* A date with a mark: an icon, shown when marked, then the text (numeric).
 * @name: the widget's name, or NULL. */
GtkWidget   *dn_list_cell_marked_new      (const char             *name);
/* How a cell is marked: its CSS class, the icon and the icon's accessible
 * label (N_(): translated when shown; NULL: none). No icon: not marked. */
typedef struct
{
  const char *css_class;
  const char *icon;
  const char *icon_label;
} DnListMark;
/* Shows @text in a cell of dn_list_cell_marked_new(), with @mark (NULL:
 * not marked). */
void         dn_list_cell_marked_show     (GtkWidget              *cell,
                                           const DnListMark       *mark,
                                           const char             *text);
/* The width of a column whose cells are never cut: the widest of @texts
 * in @widget's font, with a cell's padding. */
int          dn_list_cell_widest          (GtkWidget              *widget,
                                           const char * const     *texts,
                                           guint                   n);

G_END_DECLS
