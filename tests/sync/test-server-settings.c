/* test-server-settings.c: the department's rules changed through the
 * API: the department's alone, all or none, every bad request answered
 * with nothing written; and through a desktop's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-settings"

#include "config.h"

#include "dn-connection-test-utils.h"
#include "dn-store-changes.h"
#include "dn-store-settings.h"
#include "dn-test-utils.h"

static void
test_rules (DnServerFixture *f,
            gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 log = dn_store_get_revision (f->base.store);

  dn_server_test_send (f, "PATCH", batxat, &answer, "/settings", "{\"limit-countries\": 2}");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send (f, "PATCH", so, &answer, "/settings", "{\"limit-planets\": 2}");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send (f, "PATCH", so, &answer, "/settings", "{\"limit-countries\": \"2\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  /* one out of its range: the other is not written either */
  dn_server_test_send (f, "PATCH", so, &answer, "/settings", "{\"limit-countries\": 2, \"report-days\": -4}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "PATCH", so, &answer, "/settings", "{\"report-days\": 99999999999}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_store_get_setting (f->base.store, DN_SETTING_LIMIT_COUNTRIES), ==,
                   dn_setting_get_default (DN_SETTING_LIMIT_COUNTRIES));

  dn_server_test_send (f, "PATCH", so, &answer, "/settings", "{\"limit-countries\": 2, \"report-days\": 20}");
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "limit-countries"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "report-days"), ==, 20);
  g_assert_cmpint (dn_store_get_setting (f->base.store, DN_SETTING_LIMIT_COUNTRIES), ==, 2);
  g_assert_cmpint (dn_store_get_setting (f->base.store, DN_SETTING_REPORT_DAYS), ==, 20);
}

/* The rules written through a desktop's connection reach its replica */
static void
test_rules_connected (DnConnectionFixture *f,
                      gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_SET_RULES);

  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  write->values = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < DN_SETTING_N; i++)
    {
      int value = i == DN_SETTING_LIMIT_MEMBERS ? 10 : dn_store_get_setting (f->replica.store, i);

      g_array_append_val (write->values, value);
    }
  g_assert_true (dn_connection_test_write (f, write, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_store_get_setting (f->server.base.store, DN_SETTING_LIMIT_MEMBERS), ==, 10);
  g_assert_cmpint (dn_store_get_setting (f->replica.store, DN_SETTING_LIMIT_MEMBERS), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-settings/rules", test_rules);
  DN_CONNECTION_TEST_ADD ("/server-settings/rules-connected", test_rules_connected);
  return g_test_run ();
}
