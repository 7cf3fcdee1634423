/* dn-connection-indicator.c: the header bar's word on the department
 * server (dn-connection-indicator.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-connection-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-connection-indicator.h"
#include "dn-ui.h"

struct _DnConnectionIndicator
{
  GtkWidget     parent_instance;

  DnConnection *connection;

  GtkWidget    *button;
  GtkImage     *icon;
  GtkLabel     *label;
  GtkPopover   *popover;
  GtkLabel     *details_label;
};

G_DEFINE_FINAL_TYPE (DnConnectionIndicator, dn_connection_indicator, GTK_TYPE_WIDGET)

static void
update (DnConnectionIndicator *self)
{
  DnConnectionState state;
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  const char *icon, *word;

  gtk_widget_set_visible (GTK_WIDGET (self), self->connection != NULL);
  if (self->connection == NULL)
    return;
  state = dn_connection_get_state (self->connection);
  switch (state)
    {
    case DN_CONNECTION_ONLINE:
      icon = "network-server-symbolic";
      word = _("Up to date");
      break;
    case DN_CONNECTION_CONNECTING:
    case DN_CONNECTION_SYNCING:
      icon = "view-refresh-symbolic";
      word = _("Updating…");
      break;
    case DN_CONNECTION_OFFLINE:
      icon = "network-offline-symbolic";
      word = _("Offline");
      break;
    case DN_CONNECTION_SIGNED_OUT:
    default:
      icon = "dialog-password-symbolic";
      word = _("Signed out");
      break;
    }
  text = dn_connection_describe (self->connection);
  details = dn_connection_get_message (self->connection) != NULL
    ? g_strdup_printf ("%s\n%s", text, dn_connection_get_message (self->connection))
    : g_strdup (text);
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_text (self->label, word);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_tooltip_text (self->button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  dn_ui_set_css_class (GTK_WIDGET (self->label), "dn-warning-text",
                       state == DN_CONNECTION_OFFLINE || state == DN_CONNECTION_SIGNED_OUT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connection.sync",
                                 state == DN_CONNECTION_ONLINE || state == DN_CONNECTION_OFFLINE);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DnConnectionIndicator *self = DN_CONNECTION_INDICATOR (widget);

  if (self->connection != NULL)
    dn_connection_sync (self->connection);
}

void
dn_connection_indicator_set_connection (DnConnectionIndicator *self,
                                        DnConnection          *connection)
{
  g_return_if_fail (DN_IS_CONNECTION_INDICATOR (self));

  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_set_object (&self->connection, connection);
  if (connection != NULL)
    {
      g_signal_connect_swapped (connection, "notify::state", G_CALLBACK (update), self);
      g_signal_connect_swapped (connection, "notify::message", G_CALLBACK (update), self);
      g_signal_connect_swapped (connection, "notify::last-sync", G_CALLBACK (update), self);
    }
  update (self);
}

DnConnection *
dn_connection_indicator_get_connection (DnConnectionIndicator *self)
{
  g_return_val_if_fail (DN_IS_CONNECTION_INDICATOR (self), NULL);
  return self->connection;
}

static void
dn_connection_indicator_dispose (GObject *object)
{
  DnConnectionIndicator *self = DN_CONNECTION_INDICATOR (object);

  dn_connection_indicator_set_connection (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_CONNECTION_INDICATOR);
  G_OBJECT_CLASS (dn_connection_indicator_parent_class)->dispose (object);
}

static void
dn_connection_indicator_class_init (DnConnectionIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_connection_indicator_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  dn_ui_class_set_template (widget_class, "dn-connection-indicator.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnConnectionIndicator, button, icon, label, popover, details_label);
  gtk_widget_class_install_action (widget_class, "connection.sync", NULL, sync_action);
}

static void
dn_connection_indicator_init (DnConnectionIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
