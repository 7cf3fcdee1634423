/* dn-server-dialog.c: signing in to the department server
 * (dn-server-dialog.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-server-dialog.h"
#include "dn-ui.h"

struct _DnServerDialog
{
  DnFormDialog     parent_instance;

  GSettings       *settings;
  DnConnection    *connection;   /* given, or made for the address typed */
  gboolean         given;        /* the connection was given */
  char            *offered;      /* the fingerprint of a certificate shown */
  gboolean         disposed;

  GtkEntry        *address_entry;
  GtkEntry        *user_entry;
  GtkPasswordEntry *password_entry;
  GtkCheckButton  *trust_check;
};

G_DEFINE_FINAL_TYPE (DnServerDialog, dn_server_dialog, DN_TYPE_FORM_DIALOG)

static guint connected_signal;

/* "so.example.edu.vn:8443" → "https://so.example.edu.vn:8443/" */
static char *
normalize_address (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *with_scheme = NULL;

  if (*trimmed == '\0')
    return NULL;
  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  return g_str_has_suffix (with_scheme, "/") ? g_steal_pointer (&with_scheme) : g_strconcat (with_scheme, "/", NULL);
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(DnServerDialog) self = data;
  g_autoptr(GError) error = NULL;
  DnClient *client = dn_connection_get_client (DN_CONNECTION (source));
  GTlsCertificate *offered;

  if (!dn_connection_sign_in_finish (DN_CONNECTION (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          gtk_widget_in_destruction (GTK_WIDGET (self)))
        return;
      /* a certificate to confirm: shown, with the box to tick */
      offered = dn_client_error_get_certificate (error);
      g_clear_pointer (&self->offered, g_free);
      if (g_error_matches (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_CERTIFICATE) && offered != NULL)
        {
          self->offered = dn_client_certificate_fingerprint (offered);
          gtk_check_button_set_active (self->trust_check, FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->trust_check), TRUE);
        }
      dn_form_dialog_end_pending (DN_FORM_DIALOG (self), error);
      return;
    }
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "server-address", dn_client_get_base_uri (client));
      g_settings_set_string (self->settings, "server-user", dn_client_get_user_name (client));
      g_settings_set_string (self->settings, "server-certificate",
                             dn_client_get_pinned_certificate (client) != NULL
                               ? dn_client_get_pinned_certificate (client) : "");
    }
  g_object_ref (self);
  g_signal_emit (self, connected_signal, 0, self->connection);
  dn_form_dialog_end_pending (DN_FORM_DIALOG (self), NULL);
  g_object_unref (self);
}

/* A connection to @address, its replica opened */
static DnConnection *
connect_to (DnServerDialog  *self,
            const char      *address,
            GError         **error)
{
  g_autoptr(DnClient) client = dn_client_new (address, error);
  g_autoptr(DnStore) replica = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pinned = NULL;
  g_autofree char *pinned_for = NULL;

  if (client == NULL)
    return NULL;
  if (self->settings != NULL)
    {
      pinned_for = g_settings_get_string (self->settings, "server-address");
      pinned = g_settings_get_string (self->settings, "server-certificate");
      if (g_strcmp0 (pinned_for, dn_client_get_base_uri (client)) == 0 && *pinned != '\0')
        dn_client_set_pinned_certificate (client, pinned);
    }
  path = dn_connection_dup_replica_path (dn_client_get_base_uri (client), error);
  if (path == NULL)
    return NULL;
  replica = dn_store_open (path, DN_STORE_OPEN_DEFAULT, error);
  if (replica == NULL)
    return NULL;
  return dn_connection_new (replica, client, error);
}

static gboolean
dn_server_dialog_apply (DnFormDialog  *dialog,
                        GError       **error)
{
  DnServerDialog *self = DN_SERVER_DIALOG (dialog);
  g_autofree char *address = normalize_address (gtk_editable_get_text (GTK_EDITABLE (self->address_entry)));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_entry))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  DnClient *client;

  if (address == NULL)
    {
      dn_form_dialog_show_error (dialog, _("Type the server's address, as the department gave it."),
                                 GTK_WIDGET (self->address_entry));
      return FALSE;
    }
  if (*user == '\0')
    {
      dn_form_dialog_show_error (dialog, _("Type your user name."), GTK_WIDGET (self->user_entry));
      return FALSE;
    }
  if (*password == '\0')
    {
      dn_form_dialog_show_error (dialog, _("Type your password."), GTK_WIDGET (self->password_entry));
      return FALSE;
    }
  if (self->offered != NULL && !gtk_check_button_get_active (self->trust_check))
    {
      dn_form_dialog_show_error (dialog, _("Tick the box once you have checked the certificate's fingerprint "
                                           "with the department, or cancel."), GTK_WIDGET (self->trust_check));
      return FALSE;
    }
  if (!self->given)
    {
      const char *current = self->connection != NULL
        ? dn_client_get_base_uri (dn_connection_get_client (self->connection)) : NULL;

      /* another address: another connection (and replica) */
      if (g_strcmp0 (current, address) != 0)
        {
          g_clear_object (&self->connection);
          self->connection = connect_to (self, address, error);
          if (self->connection == NULL)
            return FALSE;
        }
    }
  client = dn_connection_get_client (self->connection);
  if (self->offered != NULL)
    dn_client_set_pinned_certificate (client, self->offered);
  dn_connection_sign_in_async (self->connection, user, password, dn_form_dialog_begin_pending (dialog),
                               on_signed_in_cb, g_object_ref (self));
  return FALSE;
}

static void
dn_server_dialog_dispose (GObject *object)
{
  DnServerDialog *self = DN_SERVER_DIALOG (object);

  if (!self->disposed)
    gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_SERVER_DIALOG);
  self->disposed = TRUE;
  g_clear_object (&self->connection);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->offered, g_free);
  G_OBJECT_CLASS (dn_server_dialog_parent_class)->dispose (object);
}

static void
dn_server_dialog_class_init (DnServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_server_dialog_dispose;
  DN_FORM_DIALOG_CLASS (klass)->apply = dn_server_dialog_apply;

  /**
   * DnServerDialog::connected:
   * @connection: signed in, its replica up to date
   */
  connected_signal = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, DN_TYPE_CONNECTION);

  dn_ui_class_set_template (widget_class, "dn-server-dialog.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnServerDialog, address_entry, user_entry, password_entry, trust_check);
}

static void
dn_server_dialog_init (DnServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DnServerDialog *
dn_server_dialog_new (GSettings    *settings,
                      DnConnection *connection)
{
  DnServerDialog *self = g_object_new (DN_TYPE_SERVER_DIALOG, NULL);

  if (settings != NULL)
    {
      g_autofree char *address = g_settings_get_string (settings, "server-address");
      g_autofree char *user = g_settings_get_string (settings, "server-user");

      self->settings = g_object_ref (settings);
      gtk_editable_set_text (GTK_EDITABLE (self->address_entry), address);
      gtk_editable_set_text (GTK_EDITABLE (self->user_entry), user);
    }
  if (connection != NULL)
    {
      DnClient *client = dn_connection_get_client (connection);

      self->connection = g_object_ref (connection);
      self->given = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->address_entry), dn_client_get_base_uri (client));
      gtk_editable_set_editable (GTK_EDITABLE (self->address_entry), FALSE);
      if (dn_client_get_user_name (client) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->user_entry), dn_client_get_user_name (client));
    }
  /* the first field still to fill */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->address_entry)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->user_entry)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->user_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  return self;
}
