/* dn-ui.h: what every widget of the interface needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the interface's resources (templates, CSS) once. Every widget
 * class with a template calls it in class_init, so widgets work in tests
 * without the application. */
void dn_ui_ensure_resources (void);

/* Adds the style class @name to @widget when @on, removes it otherwise. */
void dn_ui_set_css_class    (GtkWidget  *widget,
                             const char *name,
                             gboolean    on);

G_END_DECLS
