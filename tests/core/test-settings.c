/* test-settings.c: the department's rules an officer may change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include "dn-store.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

/* Defaults without a row; a value set is read back, survives reopening,
 * and setting the default again removes the row. */
static void
test_defaults_and_values (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_REPORT_DAYS), ==, 15);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_PASSPORT_RETURN_DAYS), ==, 5);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_PASSPORT_VALIDITY_MONTHS), ==, 6);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_LIMIT_MEMBERS), ==, 0);

  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_MEMBERS, 10, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REPORT_DAYS, 30, &error));
  g_assert_no_error (error);
  dn_test_store_reopen (fixture);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_LIMIT_MEMBERS), ==, 10);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_REPORT_DAYS), ==, 30);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM setting"), ==, 2);

  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REPORT_DAYS, 15, &error));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM setting"), ==, 1);
  /* every change is audited */
  g_assert_cmpint (dn_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit_log WHERE table_name = 'setting'"), ==, 3);
}

/* Out of range: refused, nothing written; a damaged row reads as the default. */
static void
test_refused (DnTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int min, max;

  dn_setting_get_range (DN_SETTING_PASSPORT_RETURN_DAYS, &min, &max);
  g_assert_false (dn_store_set_setting (fixture->store, DN_SETTING_PASSPORT_RETURN_DAYS, max + 1, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "between 1 and 60"));
  g_clear_error (&error);
  g_assert_false (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_COUNTRIES, -1, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM setting"), ==, 0);

  dn_test_exec (fixture->store, "INSERT INTO setting VALUES ('passport-return-days', 'five')");
  dn_test_exec (fixture->store, "INSERT INTO setting VALUES ('report-days', '100000')");
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_PASSPORT_RETURN_DAYS), ==, 5);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_REPORT_DAYS), ==, 15);
}

/* Every key names one setting and has a label and a default in range. */
static void
test_keys (void)
{
  for (guint i = 0; i < DN_SETTING_N; i++)
    {
      DnSetting back = DN_SETTING_N;
      int min, max, value = dn_setting_get_default (i);

      g_assert_true (dn_setting_from_key (dn_setting_get_key (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_cmpuint (strlen (dn_setting_get_label (i)), >, 10);
      dn_setting_get_range (i, &min, &max);
      g_assert_cmpint (value, >=, min);
      g_assert_cmpint (value, <=, max);
    }
  g_assert_false (dn_setting_from_key ("no-such-rule", NULL));
  g_assert_false (dn_setting_from_key (NULL, NULL));
}

/* A replica's revision: 0 when never set or damaged, read back, refused
 * below 0, kept by a transaction's commit only. */
static void
test_replica_revision (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dn_store_get_replica_revision (fixture->store), ==, 0);
  g_assert_true (dn_store_set_replica_revision (fixture->store, 1234567890123, &error));
  g_assert_no_error (error);
  dn_test_store_reopen (fixture);
  g_assert_cmpint (dn_store_get_replica_revision (fixture->store), ==, 1234567890123);
  g_assert_false (dn_store_set_replica_revision (fixture->store, -1, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (dn_store_begin (fixture->store, &error));
  g_assert_true (dn_store_set_replica_revision (fixture->store, 5, &error));
  g_assert_cmpint (dn_store_get_replica_revision (fixture->store), ==, 5);
  dn_store_rollback (fixture->store);
  g_assert_cmpint (dn_store_get_replica_revision (fixture->store), ==, 1234567890123);

  dn_test_exec (fixture->store, "UPDATE setting SET value = '12x' WHERE key = 'replica-revision'");
  g_assert_cmpint (dn_store_get_replica_revision (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/settings/defaults-and-values", test_defaults_and_values);
  DN_TEST_ADD ("/settings/refused", test_refused);
  DN_TEST_ADD ("/settings/replica-revision", test_replica_revision);
  g_test_add_func ("/settings/keys", test_keys);
  return g_test_run ();
}
