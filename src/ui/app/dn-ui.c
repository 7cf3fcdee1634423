/* dn-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-text.h"
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
dn_ui_add_style (void)
{
  static gsize added = 0;

  if (g_once_init_enter (&added))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      dn_ui_ensure_resources ();
      gtk_css_provider_load_from_resource (css, "/io/github/doingoai/DoiNgoai/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&added, 1);
    }
}

void
dn_ui_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
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

GtkStringList *
dn_ui_enum_labels (guint     n,
                   GCallback label)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, ((const char *(*) (int)) label) ((int) i));
  return labels;
}

/* the position of value v is v + 1, "any" (-1) is 0 */
static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) (MAX (g_value_get_int (from), -1) + 1));
  return TRUE;
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint position = g_value_get_uint (from);
  guint n = GPOINTER_TO_UINT (user_data);

  g_value_set_int (to, position >= 1 && position <= n ? (int) position - 1 : -1);
  return TRUE;
}

void
dn_ui_bind_enum_filter (gpointer     source,
                        const char  *property,
                        GtkDropDown *dropdown,
                        const char  *any_label,
                        guint        n,
                        GCallback    label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char *[]) { any_label, NULL });

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, ((const char *(*) (int)) label) ((int) i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  g_object_bind_property_full (source, property, dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_to_position, position_to_enum, GUINT_TO_POINTER (n), NULL);
}

void
dn_ui_drop_down_set_enum (GtkDropDown *dropdown,
                          guint        n,
                          GCallback    label)
{
  g_autoptr(GtkStringList) labels = dn_ui_enum_labels (n, label);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

void
dn_ui_column_view_scroll_to (GtkColumnView *view,
                             guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

/* on each property installed by dn_ui_install_properties(): its DnProperty */
static GQuark property_quark;

static void
dn_ui_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  const DnProperty *prop = g_param_spec_get_qdata (pspec, property_quark);

  if (prop == NULL || prop->get == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, ((gboolean (*) (gpointer)) prop->get) (object));
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    g_value_set_int64 (value, ((gint64 (*) (gpointer)) prop->get) (object));
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    g_value_set_string (value, ((const char *(*) (gpointer)) prop->get) (object));
  else
    g_value_set_object (value, ((gpointer (*) (gpointer)) prop->get) (object));
}

static void
dn_ui_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  const DnProperty *prop = g_param_spec_get_qdata (pspec, property_quark);

  if (prop == NULL || prop->set == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    ((void (*) (gpointer, gboolean)) prop->set) (object, g_value_get_boolean (value));
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    ((void (*) (gpointer, gint64)) prop->set) (object, g_value_get_int64 (value));
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    ((void (*) (gpointer, const char *)) prop->set) (object, g_value_get_string (value));
  else
    ((void (*) (gpointer, gpointer)) prop->set) (object, g_value_get_object (value));
}

static GParamSpec *
new_pspec (const DnProperty *prop)
{
  GParamFlags flags = prop->flags | G_PARAM_STATIC_STRINGS;

  if (prop->get != NULL)
    flags |= G_PARAM_READABLE;
  if (prop->set != NULL)
    flags |= G_PARAM_WRITABLE;
  if (prop->type == G_TYPE_BOOLEAN)
    return g_param_spec_boolean (prop->name, NULL, NULL, FALSE, flags);
  if (prop->type == G_TYPE_INT64)
    return g_param_spec_int64 (prop->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
  if (prop->type == G_TYPE_STRING)
    return g_param_spec_string (prop->name, NULL, NULL, NULL, flags);
  return g_param_spec_object (prop->name, NULL, NULL, prop->type, flags);
}

void
dn_ui_install_properties (GObjectClass     *object_class,
                          guint             n_props,
                          const DnProperty *props,
                          GParamSpec      **pspecs)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (props != NULL && pspecs != NULL);

  /* kept as long as the class, that is for good */
  props = g_memdup2 (props, n_props * sizeof (DnProperty));
  if (property_quark == 0)
    property_quark = g_quark_from_static_string ("dn-property");
  for (guint i = 1; i < n_props; i++)
    {
      pspecs[i] = new_pspec (&props[i]);
      g_param_spec_set_qdata (pspecs[i], property_quark, (gpointer) &props[i]);
    }
  object_class->get_property = dn_ui_get_property;
  object_class->set_property = dn_ui_set_property;
  g_object_class_install_properties (object_class, n_props, pspecs);
}

void
dn_ui_class_set_template (GtkWidgetClass *widget_class,
                          const char     *ui_name)
{
  g_autofree char *path = g_strconcat ("/io/github/doingoai/DoiNgoai/ui/", ui_name, NULL);

  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, path);
}

void
dn_ui_class_set_bin_template (GtkWidgetClass *widget_class,
                              const char     *ui_name)
{
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  dn_ui_class_set_template (widget_class, ui_name);
}

typedef struct
{
  guint     *source_id;
  GCallback  func;
  gpointer   self;
} CallSoon;

static gboolean
call_soon_cb (gpointer data)
{
  CallSoon *call = data;

  *call->source_id = 0;
  ((void (*) (gpointer)) call->func) (call->self);
  return G_SOURCE_REMOVE;
}

void
dn_ui_call_soon (guint     *source_id,
                 GCallback  func,
                 gpointer   self)
{
  CallSoon *call;

  if (*source_id != 0)
    return;
  call = g_new (CallSoon, 1);
  call->source_id = source_id;
  call->func = func;
  call->self = self;
  *source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, call_soon_cb, call, g_free);
}

GtkFileChooserNative *
dn_ui_database_chooser_new (GtkWindow            *parent,
                            const char           *title,
                            GtkFileChooserAction  action,
                            const char           *accept_label,
                            const char           *databases)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  g_autoptr(GtkFileFilter) database_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (database_filter, databases);
  gtk_file_filter_add_suffix (database_filter, "db");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), database_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  return chooser;
}

/* on each type that installed actions with dn_ui_class_install_actions():
 * its actions by name */
static GQuark actions_quark;

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  for (GType type = G_OBJECT_TYPE (widget); type != G_TYPE_INVALID; type = g_type_parent (type))
    {
      GHashTable *actions = g_type_get_qdata (type, actions_quark);
      GCallback activate = actions != NULL ? (GCallback) g_hash_table_lookup (actions, action_name) : NULL;

      if (activate != NULL)
        {
          ((void (*) (gpointer)) activate) (widget);
          return;
        }
    }
  g_critical ("%s: no action %s on %s", G_STRFUNC, action_name, G_OBJECT_TYPE_NAME (widget));
}

void
dn_ui_class_install_actions (GtkWidgetClass *widget_class,
                             const DnAction *actions,
                             guint           n_actions)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);
  GHashTable *table;

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (actions != NULL);

  if (actions_quark == 0)
    actions_quark = g_quark_from_static_string ("dn-actions");
  table = g_type_get_qdata (type, actions_quark);
  if (table == NULL)
    {
      table = g_hash_table_new (g_str_hash, g_str_equal);
      g_type_set_qdata (type, actions_quark, table);
    }
  for (guint i = 0; i < n_actions; i++)
    {
      g_hash_table_insert (table, (gpointer) actions[i].name, (gpointer) actions[i].activate);
      gtk_widget_class_install_action (widget_class, actions[i].name, NULL, activate_action);
    }
}

char *
dn_ui_editable_dup_text (GtkWidget *editable)
{
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);
  text = dn_text_normalize (gtk_editable_get_text (GTK_EDITABLE (editable)), -1, TRUE);
  return text != NULL ? text : g_strdup ("");
}

void
dn_ui_string_append_item (GString    *text,
                          const char *separator,
                          const char *format,
                          ...)
{
  va_list args;

  if (text->len > 0)
    g_string_append (text, separator);
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

gulong
dn_ui_plural (gint64 n)
{
  return (gulong) CLAMP (n, 0, G_MAXLONG);
}

void
dn_ui_show_error (GtkWindow  *parent,
                  const char *what,
                  const char *why)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", what);

  if (why != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", why);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
dn_ui_confirm_new (GtkWindow      *parent,
                   GtkMessageType  type,
                   const char     *question,
                   const char     *detail,
                   const char     *action_label)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, type,
                                              GTK_BUTTONS_NONE, "%s", question);
  GtkWidget *button;

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), action_label, GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  return dialog;
}
