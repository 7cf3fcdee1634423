/* dn-desktop-test-utils.c: desktops connected to a department server in
 * the test (dn-desktop-test-utils.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-desktop-test-utils.h"
#include "dn-form-dialog.h"
#include "dn-store-accounts.h"
#include "dn-ui-test-utils.h"

static void
add_account (DnStore       *store,
             const char    *name,
             gint64         unit,
             DnAccountRole  role)
{
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit;
  account->role = role;
  g_assert_true (dn_store_add_account (store, account, DN_DESKTOP_PASSWORD, &error));
  g_assert_no_error (error);
}

void
dn_desktop_fixture_setup (DnDesktopFixture *f,
                          gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  dn_test_store_setup (&f->server_store, data);
  f->department = dn_test_add_unit (f->server_store.store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->school = dn_test_add_unit (f->server_store.store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL,
                                f->department);
  add_account (f->server_store.store, "so", f->department, DN_ACCOUNT_ROLE_DEPARTMENT);
  add_account (f->server_store.store, "thbx", f->school, DN_ACCOUNT_ROLE_UNIT);
  f->server = dn_server_new (f->server_store.store);
  g_assert_true (dn_server_listen (f->server, "127.0.0.1:0", NULL, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (f->server);
  f->base_uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->dir = g_dir_make_tmp ("dn-desktops-XXXXXX", &error);
  g_assert_no_error (error);
}

void
dn_desktop_fixture_teardown (DnDesktopFixture *f,
                             gconstpointer     data)
{
  dn_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->base_uri);
  dn_test_remove_tree (f->dir);
  g_free (f->dir);
  dn_test_store_teardown (&f->server_store, data);
}

gboolean
dn_desktop_is_idle (gpointer data)
{
  DnConnectionState state = dn_connection_get_state (data);

  return state != DN_CONNECTION_CONNECTING && state != DN_CONNECTION_SYNCING;
}

void
dn_desktop_open (DnDesktopFixture *f,
                 DnDesktop        *d,
                 const char       *user)
{
  g_autofree char *name = g_strconcat (user, ".db", NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;

  d->replica = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  client = dn_client_new (f->base_uri, &error);
  g_assert_no_error (error);
  d->connection = dn_connection_new (d->replica, client, &error);
  g_assert_no_error (error);
  dn_connection_sign_in_async (d->connection, user, DN_DESKTOP_PASSWORD, NULL, NULL, NULL);
  g_assert_true (dn_ui_wait_until (dn_desktop_is_idle, d->connection, 10000));
  g_assert_cmpint (dn_connection_get_state (d->connection), ==, DN_CONNECTION_ONLINE);
  d->window = dn_window_new (NULL, d->replica);
  dn_window_set_connection (d->window, d->connection);
  gtk_window_present (GTK_WINDOW (d->window));
  dn_ui_spin (0);
  /* the header bar says where the data comes from */
  g_assert_true (gtk_widget_is_visible (dn_ui_get_named (d->window, "connection_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dn_ui_get_named (d->window, "connection_label"))), ==,
                   "Up to date");
}

void
dn_desktop_sync (DnDesktop *d)
{
  dn_connection_sync (d->connection);
  g_assert_true (dn_ui_wait_until (dn_desktop_is_idle, d->connection, 10000));
  g_assert_cmpint (dn_connection_get_state (d->connection), ==, DN_CONNECTION_ONLINE);
}

void
dn_desktop_close (DnDesktop *d)
{
  DnConnection *gone = d->connection;

  gtk_window_destroy (GTK_WINDOW (d->window));
  dn_connection_close (d->connection);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_clear_object (&d->connection);
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
  dn_ui_spin (0);
  g_assert_finalize_object (d->replica);
}

void
dn_desktop_present_over (GtkWindow *window,
                         DnDesktop *d)
{
  gtk_window_set_transient_for (window, GTK_WINDOW (d->window));
  gtk_window_present (window);
  dn_ui_spin (0);
}

static gboolean
has_error (gpointer data)
{
  return dn_form_dialog_get_error (data) != NULL;
}

gboolean
dn_desktop_save_and_wait (gpointer dialog)
{
  gpointer watched = dialog;
  gboolean gone;

  g_object_add_weak_pointer (G_OBJECT (dialog), &watched);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_form_dialog_is_saving (DN_FORM_DIALOG (dialog)));
  while (watched != NULL && dn_form_dialog_is_saving (DN_FORM_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
  dn_ui_spin (0);
  gone = watched == NULL;
  if (!gone)
    {
      g_assert_true (has_error (dialog));
      g_object_remove_weak_pointer (G_OBJECT (dialog), &watched);
    }
  return gone;
}
