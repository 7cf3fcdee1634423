/* test-alerts.c: what the overview and the start-up notification count, on
 * the demo data (its dates assume 22/11/2026)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-alerts"

#include "config.h"

#include "dn-exchange.h"
#include "dn-test-utils.h"

static void
count_on (DnStore *store,
          int      year,
          int      month,
          int      day,
          gint64   counts[DN_ALERT_N])
{
  g_autoptr(GError) error = NULL;
  GDate today = dn_test_date (year, month, day);

  g_assert_true (dn_store_count_alerts (store, &today, counts, &error));
  g_assert_no_error (error);
}

static void
test_demo (DnTestStore   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 counts[DN_ALERT_N];

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);

  count_on (fixture->store, 2026, 11, 22, counts);
  /* the two members of the Singapore–Malaysia trip, 19–25/11 */
  g_assert_cmpint (counts[DN_ALERT_STAFF_ABROAD], ==, 2);
  /* the Korea trip's passport due back on 06/11 */
  g_assert_cmpint (counts[DN_ALERT_PASSPORTS_OVERDUE], ==, 1);
  /* the Korea trip's report, due 15/11; every visit received reported */
  g_assert_cmpint (counts[DN_ALERT_REPORTS_OVERDUE], ==, 1);
  g_assert_cmpint (counts[DN_ALERT_VISIT_REPORTS_OVERDUE], ==, 0);
  /* 16/05/2027 is within six months; two passports the office still
   * keeps have expired; the lost and the cancelled ones do not count */
  g_assert_cmpint (counts[DN_ALERT_PASSPORTS_EXPIRING], ==, 3);
  /* Global Care's paper, 15/01/2027, within 90 days */
  g_assert_cmpint (counts[DN_ALERT_REGISTRATIONS_EXPIRING], ==, 1);

  /* the day after the trip: nobody abroad; 03/12: the Singapore passports
   * are late too */
  count_on (fixture->store, 2026, 11, 26, counts);
  g_assert_cmpint (counts[DN_ALERT_STAFF_ABROAD], ==, 0);
  count_on (fixture->store, 2026, 12, 3, counts);
  g_assert_cmpint (counts[DN_ALERT_PASSPORTS_OVERDUE], ==, 3);

  /* the thresholds are the department's settings */
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_PASSPORT_VALIDITY_MONTHS, 3, &error));
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REGISTRATION_WARNING_DAYS, 30, &error));
  g_assert_no_error (error);
  count_on (fixture->store, 2026, 11, 22, counts);
  g_assert_cmpint (counts[DN_ALERT_PASSPORTS_EXPIRING], ==, 2);
  g_assert_cmpint (counts[DN_ALERT_REGISTRATIONS_EXPIRING], ==, 0);

  /* the report recorded, the passport back: no longer late */
  dn_test_exec (fixture->store, "UPDATE delegation SET report_submitted_on = '2026-11-20' WHERE id = 2");
  dn_test_exec (fixture->store, "UPDATE passport_loan SET returned_on = '2026-11-21' WHERE returned_on IS NULL AND due_back_on = '2026-11-06'");
  count_on (fixture->store, 2026, 11, 22, counts);
  g_assert_cmpint (counts[DN_ALERT_REPORTS_OVERDUE], ==, 0);
  g_assert_cmpint (counts[DN_ALERT_PASSPORTS_OVERDUE], ==, 0);

  /* a visit received whose report is late counts apart, not as a trip */
  dn_test_exec (fixture->store, "UPDATE delegation SET report_submitted_on = NULL, report_due_date = '2019-06-05' WHERE id = 6");
  count_on (fixture->store, 2026, 11, 22, counts);
  g_assert_cmpint (counts[DN_ALERT_VISIT_REPORTS_OVERDUE], ==, 1);
  g_assert_cmpint (counts[DN_ALERT_REPORTS_OVERDUE], ==, 0);
}

/* An empty database counts nothing. */
static void
test_empty (DnTestStore   *fixture,
            gconstpointer  data)
{
  gint64 counts[DN_ALERT_N];

  count_on (fixture->store, 2026, 11, 22, counts);
  for (guint i = 0; i < DN_ALERT_N; i++)
    g_assert_cmpint (counts[i], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/alerts/demo", test_demo);
  DN_TEST_ADD ("/alerts/empty", test_empty);
  return g_test_run ();
}
