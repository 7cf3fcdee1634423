/* dn-page-class.h: the class set-up the widgets of the sections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The same as dn_ui_class_set_template(). */
void dn_page_class_set_template (GtkWidgetClass *klass,
                                 const char     *ui_name);

G_END_DECLS
