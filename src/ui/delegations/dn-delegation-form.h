/* dn-delegation-form.h: the fields and rows the delegation editor and its
 * parts (DnDelegationMembers, DnDelegationProgramme) build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @label (with a mnemonic) at @column, @row of @grid, then @widget (given
 * @accessible as its accessible label, expanding) beside it. Returns
 * @widget. */
GtkWidget *dn_delegation_form_labelled   (GtkGrid    *grid,
                                          int         row,
                                          int         column,
                                          const char *label,
                                          const char *accessible,
                                          GtkWidget  *widget);
/* An entry that activates the default button when @activates. */
GtkEntry  *dn_delegation_form_entry      (gboolean    activates);
/* A button (@label with a mnemonic) whose "clicked" calls @callback with
 * @data only. */
GtkWidget *dn_delegation_form_button     (const char *label,
                                          const char *accessible,
                                          GCallback   callback,
                                          gpointer    data);
/* Empties @list, then adds a row per item of @items: its text (@describe)
 * and a button removing it (@remove_label), whose "clicked" calls @remove
 * (the button, @data); the button's "dn-item" is the item. Shows @list
 * only when it has rows. */
void       dn_delegation_form_show_rows  (GtkListBox *list,
                                          GPtrArray  *items,
                                          char     *(*describe) (gpointer item),
                                          const char *remove_label,
                                          GCallback   remove,
                                          gpointer    data);
G_END_DECLS
