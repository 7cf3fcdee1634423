/* dn-accessible-names.h: the names screen readers read for GTK 4.8's buttons
 *
 * GTK 4.8 names a button after its label twice over: the label with its
 * mnemonic underscore ("_Hoàn tác Hoàn tác"), or the accessible label
 * given followed by the text shown ("Thêm đơn vị Thêm đơn vị…"); a
 * drop-down's or chooser's inner button gets no name at all ("GtkButton"),
 * and its stack sidebar is named "Sidebar" in English only. These are
 * corrected on every widget as it is realized.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the correction for the widgets realized from now on (once per
 * process; later calls do nothing). */
void dn_accessible_names_install (void);

/* Corrects @widget now: what the installed hook does on realize. */
void dn_accessible_names_fix      (GtkWidget *widget);
/* @widget and every widget in it, shown or not: for a part built after
 * its window was realized (a section shown for the first time). */
void dn_accessible_names_fix_tree (GtkWidget *widget);

G_END_DECLS
