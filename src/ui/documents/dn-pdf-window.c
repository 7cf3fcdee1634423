/* dn-pdf-window.c: a window of its own showing one PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-pdf-window.h"
#include "dn-text.h"
#include "dn-ui.h"

struct _DnPdfWindow
{
  GtkWindow  parent_instance;

  DnPdfView *view;   /* the window's child (not bound: the window owns it) */
};

G_DEFINE_FINAL_TYPE (DnPdfWindow, dn_pdf_window, GTK_TYPE_WINDOW)

static void
dn_pdf_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_PDF_WINDOW);

  G_OBJECT_CLASS (dn_pdf_window_parent_class)->dispose (object);
}

static void
dn_pdf_window_class_init (DnPdfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_pdf_window_dispose;

  g_type_ensure (DN_TYPE_PDF_VIEW);
  dn_ui_class_set_template (widget_class, "dn-pdf-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
dn_pdf_window_init (DnPdfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->view = DN_PDF_VIEW (gtk_window_get_child (GTK_WINDOW (self)));
}

DnPdfWindow *
dn_pdf_window_open (GtkWindow *parent,
                    GFile     *file,
                    int        page)
{
  DnPdfWindow *self;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (DN_TYPE_PDF_WINDOW, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  /* the name the file manager shows; the base name when there is none */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  base = info != NULL ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);
  title = dn_text_escape_for_display (base != NULL ? base : "", 120);
  gtk_window_set_title (GTK_WINDOW (self), title);
  dn_pdf_view_open (self->view, file, page);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

DnPdfView *
dn_pdf_window_get_view (DnPdfWindow *self)
{
  g_return_val_if_fail (DN_IS_PDF_WINDOW (self), NULL);

  return self->view;
}

void
dn_pdf_window_set_file_name (DnPdfWindow *self,
                             const char  *name)
{
  g_autofree char *title = NULL;

  g_return_if_fail (DN_IS_PDF_WINDOW (self));
  g_return_if_fail (name != NULL);

  title = dn_text_escape_for_display (name, 120);
  gtk_window_set_title (GTK_WINDOW (self), title);
  dn_pdf_view_set_file_name (self->view, name);
}
