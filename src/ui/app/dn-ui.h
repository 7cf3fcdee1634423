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

/* What the officer typed in @editable as the store keeps text (NFC,
 * spaces tidied; dn_text_normalize()); "" when it is not valid text. */
char *dn_ui_editable_dup_text (GtkWidget *editable);

/* A new list of the labels of an enum's values 0 … @n - 1: @label is the
 * enum's const char *dn_*_get_label (Enum value), given with G_CALLBACK. */
GtkStringList *dn_ui_enum_labels        (guint        n,
                                         GCallback    label);
/* Offers those labels in @dropdown. */
void           dn_ui_drop_down_set_enum (GtkDropDown *dropdown,
                                         guint        n,
                                         GCallback    label);

/* Scrolls @view to its row at @position (on GTK 4.8 the action that does
 * it lives on the column view's inner list view). */
void           dn_ui_column_view_scroll_to (GtkColumnView *view,
                                            guint          position);

/* One property of a class, read and written through the type's own getter
 * and setter, given with G_CALLBACK. @type says how they are called:
 * G_TYPE_BOOLEAN, G_TYPE_INT64 (0 to G_MAXINT64) or G_TYPE_STRING, else an
 * object type, as T (*) (Self *self) and void (*) (Self *self, T value).
 * The property is readable when @get is set, writable when @set is; @flags
 * adds e.g. G_PARAM_CONSTRUCT_ONLY or G_PARAM_EXPLICIT_NOTIFY. Its default
 * is FALSE, 0 or NULL. */
typedef struct
{
  const char  *name;
  GType        type;
  GParamFlags  flags;
  GCallback    get;
  GCallback    set;
} DnProperty;

/* Installs the properties of @props (a table indexed by property id,
 * @props[0] unused; copied), fills @pspecs (@n_props long) with their specs
 * and sets the class's get_property and set_property. */
void dn_ui_install_properties (GObjectClass     *object_class,
                               guint             n_props,
                               const DnProperty *props,
                               GParamSpec      **pspecs);

/* For a class_init: the template is ui/@ui_name of the interface's
 * resources, registered first (so that widgets work in tests without the
 * application). */
void dn_ui_class_set_template (GtkWidgetClass *widget_class,
                               const char     *ui_name);
/* The same, for a widget whose template gives it one child, which fills
 * it (a GtkBinLayout). */
void dn_ui_class_set_bin_template (GtkWidgetClass *widget_class,
                                   const char     *ui_name);

/* An action of a widget class that takes no parameter: @activate is the
 * type's own function, void (*) (Self *self), given with G_CALLBACK. */
typedef struct
{
  const char *name;
  GCallback   activate;
} DnAction;

/* Installs @actions (a static table) on @widget_class. */
void dn_ui_class_install_actions (GtkWidgetClass *widget_class,
                                  const DnAction *actions,
                                  guint           n_actions);

G_END_DECLS
