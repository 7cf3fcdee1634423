/* dn-list-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-list-cells.h"

GtkWidget *
dn_list_cell_text_new (int min_chars,
                       int nat_chars)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), nat_chars);
  return text;
}

GtkWidget *
dn_list_cell_marked_new (const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *text = dn_list_cell_text_new (3, 10);

  if (name != NULL)
    gtk_widget_set_name (box, name);
  gtk_widget_add_css_class (text, "numeric");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_visible (image, FALSE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

/* The icon changes only with the state of the record: most cells keep
 * theirs when they show another record. */
void
dn_list_cell_marked_show (GtkWidget        *cell,
                          const DnListMark *mark,
                          const char       *text)
{
  GtkWidget *image = gtk_widget_get_first_child (cell);
  gboolean marked = mark != NULL && mark->icon != NULL;
  const char *css_class = marked ? mark->css_class : NULL;
  const char *shown = g_object_get_data (G_OBJECT (cell), "dn-mark-class");

  if (g_strcmp0 (shown, css_class) != 0)
    {
      if (shown != NULL)
        gtk_widget_remove_css_class (cell, shown);
      if (css_class != NULL)
        gtk_widget_add_css_class (cell, css_class);
      g_object_set_data (G_OBJECT (cell), "dn-mark-class", (gpointer) css_class);
    }
  if (marked && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), mark->icon) != 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), mark->icon);
      if (mark->icon_label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(mark->icon_label), -1);
    }
  gtk_widget_set_visible (image, marked);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_next_sibling (image)), text);
}

int
dn_list_cell_widest (GtkWidget          *widget,
                     const char * const *texts,
                     guint               n)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int width = 0;

  for (guint i = 0; i < n; i++)
    {
      int w;

      pango_layout_set_text (layout, texts[i], -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      width = MAX (width, w);
    }
  /* the padding of a cell, either side, and a little air */
  return width + 24;
}
