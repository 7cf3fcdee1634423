/* dn-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-ui"

#include "config.h"

#include "dn-ui-resources.h"
#include "dn-ui.h"

void
dn_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      dn_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

void
dn_ui_set_css_class (GtkWidget  *widget,
                     const char *name,
                     gboolean    on)
{
  /* a change of classes restyles the widget: none when nothing changes */
  if (!gtk_widget_has_css_class (widget, name) == !on)
    return;
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}
