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
  dn_ui_class_set_template (klass, ui_name);
}
