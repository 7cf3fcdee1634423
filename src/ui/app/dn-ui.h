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

/* How one property is read and written: the type's own getter and setter,
 * given with G_CALLBACK. The property's value type says how they are
 * called: boolean, int64, string or object, as
 * T (*) (Self *self) and void (*) (Self *self, T value). @set is NULL for
 * a read-only property. */
typedef struct
{
  GCallback get;
  GCallback set;
} DnPropertyAccess;

/* Installs @pspecs (@pspecs[0] unused, as g_object_class_install_properties()
 * wants it) and makes the class read and write @pspecs[i] through
 * @access[i] (a static table): sets the class's get_property and
 * set_property. */
void dn_ui_install_properties (GObjectClass           *object_class,
                               guint                   n_pspecs,
                               GParamSpec            **pspecs,
                               const DnPropertyAccess *access);

G_END_DECLS
