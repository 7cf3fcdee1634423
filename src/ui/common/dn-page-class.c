/* dn-page-class.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-page-class.h"
#include "dn-ui.h"

void
dn_page_class_set_template (GtkWidgetClass *klass,
                            const char     *ui_name)
{
  g_autofree char *path = g_strconcat ("/io/github/doingoai/DoiNgoai/ui/", ui_name, NULL);

  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (klass, path);
}
