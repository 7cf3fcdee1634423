/* dn-connection-test-utils.c: a desktop's connection to the server of
 * the test (dn-connection-test-utils.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-client-test-utils.h"
#include "dn-connection-test-utils.h"

void
dn_connection_fixture_setup (DnConnectionFixture *f,
                             gconstpointer        data)
{
  g_autofree char *base = NULL;
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;

  dn_server_fixture_setup (&f->server, data);
  dn_test_store_setup (&f->replica, data);
  base = dn_server_test_dup_url (&f->server);
  client = dn_client_new (base, &error);
  g_assert_no_error (error);
  f->connection = dn_connection_new (f->replica.store, client, &error);
  g_assert_no_error (error);
}

void
dn_connection_fixture_teardown (DnConnectionFixture *f,
                                gconstpointer        data)
{
  DnConnection *gone = f->connection;

  /* what was under way ends (cancelled) before the stores close */
  dn_connection_close (f->connection);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_clear_object (&f->connection);
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
  dn_test_store_teardown (&f->replica, data);
  dn_server_fixture_teardown (&f->server, data);
}

gboolean
dn_connection_test_sign_in (DnConnectionFixture  *f,
                            const char           *user,
                            const char           *password,
                            GError              **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  dn_connection_sign_in_async (f->connection, user, password, NULL, dn_test_on_result, &result);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_CONNECTING);
  dn_test_wait_result (&result);
  ok = dn_connection_sign_in_finish (f->connection, result, error);
  g_object_unref (result);
  return ok;
}

gboolean
dn_connection_test_write (DnConnectionFixture  *f,
                          DnWrite              *write,
                          GError              **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  g_assert_false (dn_writer_write_now (DN_WRITER (f->connection), write, NULL));
  dn_writer_write_async (DN_WRITER (f->connection), write, NULL, dn_test_on_result, &result);
  dn_test_wait_result (&result);
  ok = dn_writer_write_finish (DN_WRITER (f->connection), result, error);
  g_object_unref (result);
  return ok;
}
