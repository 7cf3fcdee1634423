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

/* Adds the interface's style sheet to the default display, once: what the
 * application does at start (and a benchmark that opens its windows). */
void dn_ui_add_style        (void);

/* Adds the style class @name to @widget when @on, removes it otherwise. */
void dn_ui_set_css_class    (GtkWidget  *widget,
                             const char *name,
                             gboolean    on);

/* Removes every row of @list (gtk_list_box_remove_all() is GTK 4.12). */
void dn_ui_list_box_clear   (GtkListBox *list);

/* What the officer typed in @editable as the store keeps text (NFC,
 * spaces tidied; dn_text_normalize()); "" when it is not valid text. */
char *dn_ui_editable_dup_text (GtkWidget *editable);

/* Appends @separator to @text when @text is not empty, then the line
 * made of @format and its arguments ("3 units · 40 people"). */
void dn_ui_string_append_item (GString    *text,
                               const char *separator,
                               const char *format,
                               ...) G_GNUC_PRINTF (3, 4);
/* A count (≥ 0) as the plural argument of g_dngettext(). */
gulong dn_ui_plural (gint64 n);

/* A new list of the labels of an enum's values 0 … @n - 1: @label is the
 * enum's const char *dn_*_get_label (Enum value), given with G_CALLBACK. */
GtkStringList *dn_ui_enum_labels        (guint        n,
                                         GCallback    label);
/* Offers those labels in @dropdown. */
void           dn_ui_drop_down_set_enum (GtkDropDown *dropdown,
                                         guint        n,
                                         GCallback    label);

/* A filter's drop-down of an enum with "any" first: offers @any_label then
 * the labels of the values 0 … @n - 1 (@label as for dn_ui_enum_labels())
 * in @dropdown, and binds its position both ways to the int property
 * @property of @source, -1 for "any". */
void           dn_ui_bind_enum_filter   (gpointer     source,
                                         const char  *property,
                                         GtkDropDown *dropdown,
                                         const char  *any_label,
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

/* Binds the template children of @Type, named as the fields of its
 * instance struct (up to 40), e.g.
 *   DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDateEntry, entry, popover);
 * as gtk_widget_class_bind_template_child() on each. */
#define DN_UI_CLASS_BIND_CHILDREN(widget_class, Type, ...) \
  DN_UI_EACH_ (gtk_widget_class_bind_template_child, widget_class, Type, __VA_ARGS__)
/* The same for the fields of @Type's private struct. */
#define DN_UI_CLASS_BIND_PRIVATE_CHILDREN(widget_class, Type, ...) \
  DN_UI_EACH_ (gtk_widget_class_bind_template_child_private, widget_class, Type, __VA_ARGS__)
/* Binds the template callbacks named as the functions given (up to 40),
 * as gtk_widget_class_bind_template_callback() on each. */
#define DN_UI_CLASS_BIND_CALLBACKS(widget_class, ...) \
  DN_UI_EACH_ (DN_UI_BIND_CALLBACK_, widget_class, , __VA_ARGS__)

/* DN_UI_EACH_ (m, a, b, x, y, …): m (a, b, x); m (a, b, y); … */
#define DN_UI_BIND_CALLBACK_(widget_class, unused, callback) \
  gtk_widget_class_bind_template_callback (widget_class, callback)
#define DN_UI_EACH_(m, a, b, ...) \
  DN_UI_CAT_ (DN_UI_EACH_, DN_UI_N_ARGS_ (__VA_ARGS__)) (m, a, b, __VA_ARGS__)
#define DN_UI_N_ARGS_(...) DN_UI_N_ARGS_N_ (__VA_ARGS__, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
#define DN_UI_N_ARGS_N_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, n, ...) n
#define DN_UI_CAT_(a, b) DN_UI_CAT2_ (a, b)
#define DN_UI_CAT2_(a, b) a##b
#define DN_UI_EACH_1(m, a, b, x) m (a, b, x)
#define DN_UI_EACH_2(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_1 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_3(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_2 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_4(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_3 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_5(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_4 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_6(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_5 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_7(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_6 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_8(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_7 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_9(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_8 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_10(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_9 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_11(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_10 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_12(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_11 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_13(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_12 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_14(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_13 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_15(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_14 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_16(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_15 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_17(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_16 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_18(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_17 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_19(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_18 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_20(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_19 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_21(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_20 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_22(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_21 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_23(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_22 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_24(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_23 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_25(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_24 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_26(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_25 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_27(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_26 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_28(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_27 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_29(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_28 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_30(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_29 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_31(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_30 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_32(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_31 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_33(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_32 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_34(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_33 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_35(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_34 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_36(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_35 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_37(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_36 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_38(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_37 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_39(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_38 (m, a, b, __VA_ARGS__)
#define DN_UI_EACH_40(m, a, b, x, ...) m (a, b, x); DN_UI_EACH_39 (m, a, b, __VA_ARGS__)

/* Calls @func, the caller's own void (*) (Self *self) given with
 * G_CALLBACK, on @self once at idle (before GTK draws), however many times
 * this is asked until then; *@source_id holds the idle source meanwhile
 * (removed with g_clear_handle_id() when @self goes). */
void dn_ui_call_soon (guint     *source_id,
                      GCallback  func,
                      gpointer   self);

/* A modal file chooser over @parent for a database file, @action OPEN or
 * SAVE: its filters are @databases (files ending in .db) and all files. */
GtkFileChooserNative *dn_ui_database_chooser_new (GtkWindow            *parent,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept_label,
                                                  const char           *databases);

/* Shows the error @what over @parent (modal, closed with it), @why (may
 * be NULL) under it, with a Close button. */
void       dn_ui_show_error   (GtkWindow      *parent,
                               const char     *what,
                               const char     *why);
/* A modal question over @parent before a step hard to take back:
 * @question, @detail under it, "Cancel" (the default) and @action_label,
 * a destructive button answering GTK_RESPONSE_ACCEPT. The caller connects
 * "response" and presents it. */
GtkWidget *dn_ui_confirm_new  (GtkWindow      *parent,
                               GtkMessageType  type,
                               const char     *question,
                               const char     *detail,
                               const char     *action_label);

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
