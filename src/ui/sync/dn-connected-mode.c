/* dn-connected-mode.c: the application working with the department server
 * (dn-connected-mode.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-connected-mode"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-connected-mode.h"
#include "dn-server-dialog.h"
#include "dn-ui.h"

static GSettings *
settings_of (DnApplication *app)
{
  return dn_application_get_settings (app);
}

gboolean
dn_connected_mode_is_set (DnApplication *app)
{
  g_autofree char *address = settings_of (app) != NULL ? g_settings_get_string (settings_of (app), "server-address")
                                                        : NULL;

  return address != NULL && *address != '\0';
}

/* Closes the main windows but @keep */
static void
close_other_windows (DnApplication *app,
                     GtkWindow     *keep)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != keep && DN_IS_WINDOW (l->data))
      {
        DnConnection *connection = dn_window_get_connection (l->data);

        if (connection != NULL)
          dn_connection_close (connection);
        gtk_window_destroy (l->data);
      }
}

DnWindow *
dn_connected_mode_show (DnApplication *app,
                        DnConnection  *connection)
{
  DnWindow *window = dn_window_new (app, dn_connection_get_store (connection));

  dn_window_set_connection (window, connection);
  gtk_window_present (GTK_WINDOW (window));
  close_other_windows (app, GTK_WINDOW (window));
  return window;
}

static DnServerDialog *
present_dialog (DnApplication *app,
                DnConnection  *connection)
{
  DnServerDialog *dialog = dn_server_dialog_new (settings_of (app), connection);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

DnWindow *
dn_connected_mode_open (DnApplication  *app,
                        GError        **error)
{
  g_autofree char *address = g_settings_get_string (settings_of (app), "server-address");
  g_autofree char *pinned = g_settings_get_string (settings_of (app), "server-certificate");
  g_autofree char *path = NULL;
  g_autoptr(DnClient) client = dn_client_new (address, error);
  g_autoptr(DnStore) replica = NULL;
  g_autoptr(DnConnection) connection = NULL;
  DnWindow *window;

  if (client == NULL)
    return NULL;
  if (*pinned != '\0')
    dn_client_set_pinned_certificate (client, pinned);
  path = dn_connection_dup_replica_path (dn_client_get_base_uri (client), error);
  if (path == NULL || (replica = dn_store_open (path, DN_STORE_OPEN_DEFAULT, error)) == NULL)
    return NULL;
  connection = dn_connection_new (replica, client, error);
  if (connection == NULL)
    return NULL;
  /* the copy from last time is readable at once; signing in updates it */
  window = dn_connected_mode_show (app, connection);
  present_dialog (app, connection);
  return window;
}

/* Actions ----------------------------------------------------------------------- */

static void
on_connected_cb (DnServerDialog *dialog,
                 DnConnection   *connection,
                 DnApplication  *app)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* signing in again on the window's own connection: nothing to reopen */
  if (DN_IS_WINDOW (active) && dn_window_get_connection (DN_WINDOW (active)) == connection)
    return;
  dn_connected_mode_show (app, connection);
}

static void
connect_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  DnApplication *app = user_data;
  DnServerDialog *dialog = present_dialog (app, NULL);

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected_cb), app, 0);
}

static void
sign_in_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  DnApplication *app = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  DnConnection *connection = DN_IS_WINDOW (active) ? dn_window_get_connection (DN_WINDOW (active)) : NULL;
  DnServerDialog *dialog = present_dialog (app, connection);

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected_cb), app, 0);
}

static void
disconnect_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  DnApplication *app = user_data;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (settings_of (app), "server-address", "");
  /* this computer's own database, as before */
  if (!dn_application_open_database (app, NULL, &error))
    {
      dn_ui_show_error (gtk_application_get_active_window (GTK_APPLICATION (app)),
                        _("The database could not be opened"), error->message);
      return;
    }
  close_other_windows (app, gtk_application_get_active_window (GTK_APPLICATION (app)));
}

void
dn_connected_mode_add_actions (DnApplication *app)
{
  static const GActionEntry actions[] = {
    { "server-connect", connect_activated },
    { "server-sign-in", sign_in_activated },
    { "server-disconnect", disconnect_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
}
