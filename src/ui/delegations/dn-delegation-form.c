/* dn-delegation-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-form"

#include "config.h"

#include "dn-delegation-form.h"
#include "dn-ui.h"

GtkWidget *
dn_delegation_form_labelled (GtkGrid    *grid,
                             int         row,
                             int         column,
                             const char *label,
                             const char *accessible,
                             GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_grid_attach (grid, title, column, row, 1, 1);
  gtk_grid_attach (grid, widget, column + 1, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  return widget;
}

GtkEntry *
dn_delegation_form_entry (gboolean activates)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), activates);
  return GTK_ENTRY (entry);
}

GtkWidget *
dn_delegation_form_button (const char *label,
                           const char *accessible,
                           GCallback   callback,
                           gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

/* A row of a list: its text and a button removing it. */
static GtkWidget *
list_row (const char *text,
          const char *remove_label,
          GCallback   remove,
          gpointer    data,
          gpointer    item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "dn-item", item);
  g_signal_connect (button, "clicked", remove, data);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

void
dn_delegation_form_show_rows (GtkListBox *list,
                              GPtrArray  *items,
                              char     *(*describe) (gpointer item),
                              const char *remove_label,
                              GCallback   remove,
                              gpointer    data)
{
  dn_ui_list_box_clear (list);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *text = describe (items->pdata[i]);

      gtk_list_box_append (list, list_row (text, remove_label, remove, data, items->pdata[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (list), items->len > 0);
}
