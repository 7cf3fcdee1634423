/* test-cli-delegations.c: the delegation commands of doingoai-cli
 *
 * Every case imports the small fixture (tests/data/cli-small.json) into a
 * database of its own, runs the built doingoai-cli (path in $DN_TEST_CLI)
 * on it and checks its exit status, stdout and stderr, then what
 * "delegations" lists and the rows themselves. A refusal must leave the
 * database as it was: the same export and the same number of rows in
 * every table, the change log included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-delegations"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

/* The fixture's delegation #1 (outbound, returned, one member) and one
 * added here, listed with their columns; filters by direction, status,
 * abroad on a day. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *all = run_ok (f, "delegations", NULL);
  g_autofree char *added = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *inbound = NULL;
  g_autofree char *abroad = NULL;
  g_autofree char *proposed = NULL;

  g_assert_cmpstr (all, ==, "1\tout\t2024-03-01\t2024-03-07\treturned\tKR\t1\tĐoàn công tác tại Hàn Quốc\n");
  added = run_ok (f, "delegation-add", "--direction", "in", "--title", "Đoàn KOICA", "--from", "2025-04-02",
                  "--to", "2025-04-04", "--countries", "kr", "--inviting-party", "KOICA", NULL);
  g_assert_cmpstr (added, ==, "2\n");
  listed = run_ok (f, "delegations", NULL);
  g_assert_cmpstr (listed, ==,
                   "2\tin\t2025-04-02\t2025-04-04\tproposed\tKR\t0\tĐoàn KOICA\n"
                   "1\tout\t2024-03-01\t2024-03-07\treturned\tKR\t1\tĐoàn công tác tại Hàn Quốc\n");
  inbound = run_ok (f, "delegations", "--direction", "in", NULL);
  g_assert_cmpstr (inbound, ==, "2\tin\t2025-04-02\t2025-04-04\tproposed\tKR\t0\tĐoàn KOICA\n");
  abroad = run_ok (f, "delegations", "--abroad-on", "2025-04-03", NULL);
  g_assert_cmpstr (abroad, ==, "");
  proposed = run_ok (f, "delegations", "--status", "proposed", "--direction", "out", NULL);
  g_assert_cmpstr (proposed, ==, "");
}

/* The whole path of an outbound delegation: added with its countries and
 * days, three members (head with his passport), approved with its
 * decision, abroad on a day, back (report due 15 days later), reported. */
static void
test_path (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;

  id = run_ok (f, "delegation-add", "--direction", "out", "--title", "Khảo sát giáo dục Nhật Bản", "--from",
               "2025-03-03", "--to", "2025-03-07", "--countries", "JP:3, KR:2", "--funding", "partner",
               "--budget", "150000000", NULL);
  g_assert_cmpstr (id, ==, "2\n");
  g_free (run_ok (f, "delegation-member", "2", "--person", "1", "--role", "head", "--passport", "c1234567", NULL));
  g_free (run_ok (f, "delegation-member", "2", "--person", "2", "--role", "deputy", NULL));
  g_free (run_ok (f, "delegation-member", "2", "--person", "3", "--grade", "01.003", NULL));
  out = run_ok (f, "delegations", "--direction", "out", "--status", "proposed", NULL);
  g_assert_cmpstr (out, ==, "2\tout\t2025-03-03\t2025-03-07\tproposed\tJP,KR\t3\tKhảo sát giáo dục Nhật Bản\n");

  g_free (out);
  out = run_ok (f, "delegation-status", "2", "approve", "--decision", "1", NULL);
  g_assert_cmpstr (out, ==, "2\tapproved\t\n");
  g_free (out);
  out = run_ok (f, "delegations", "--abroad-on", "2025-03-05", NULL);
  g_assert_true (g_str_has_prefix (out, "2\tout\t"));
  g_free (out);
  out = run_ok (f, "delegation-status", "2", "depart", NULL);
  g_assert_cmpstr (out, ==, "2\tabroad\t\n");
  g_free (out);
  out = run_ok (f, "delegation-status", "2", "return", "--date", "2025-03-08", NULL);
  g_assert_cmpstr (out, ==, "2\treturned\t2025-03-23\n");
  /* overdue on 24/3 (the global --today) */
  g_free (out);
  out = run_ok (f, "--today", "2025-03-24", "delegations", "--overdue", "--direction", "out", NULL);
  g_assert_true (g_str_has_prefix (out, "2\tout\t2025-03-03\t2025-03-08\treturned\t"));
  g_free (out);
  out = run_ok (f, "--today", "2025-03-24", "delegation-status", "2", "report", "--report-document", "1", NULL);
  g_assert_cmpstr (out, ==, "2\treported\t2025-03-23\n");
}

/* Refusals: exit 1, the reason, nothing written. Usage: exit 2. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *id = NULL;

  assert_refused (f, 1, "before the start", "delegation-add", "--direction", "out", "--title", "X", "--from",
                  "2025-03-10", "--to", "2025-03-01");
  assert_refused (f, 1, "not a country code", "delegation-add", "--direction", "out", "--title", "X", "--from",
                  "2025-03-01", "--to", "2025-03-10", "--countries", "XX:2");
  assert_refused (f, 2, "--direction", "delegation-add", "--title", "X", "--from", "2025-03-01", "--to",
                  "2025-03-10");
  assert_refused (f, 2, "not a date", "delegations", "--abroad-on", "1/3/2025");
  assert_refused (f, 2, "approve, depart", "delegation-status", "1", "fly");
  /* reported needs returned first… here it is returned: depart is refused */
  assert_refused (f, 1, "cannot become", "delegation-status", "1", "depart");

  id = run_ok (f, "delegation-add", "--direction", "out", "--title", "Đoàn Úc", "--from", "2024-03-05",
               "--to", "2024-03-09", NULL);
  g_assert_cmpstr (id, ==, "2\n");
  /* without its decision; reported before returned */
  assert_refused (f, 1, "sending decision", "delegation-status", "2", "approve");
  assert_refused (f, 1, "cannot become", "delegation-status", "2", "report", "--date", "2024-03-20");
  /* An (person 1) is in delegation 1, 1–7/3/2024 */
  assert_refused (f, 1, "Nguyễn Văn An", "delegation-member", "2", "--person", "1");
  /* a passport that is not Bình's */
  assert_refused (f, 1, "no valid passport", "delegation-member", "2", "--person", "3", "--passport", "C1234567");
  /* a guest in an outbound delegation */
  assert_refused (f, 1, "staff", "delegation-member", "2", "--guest", "John Smith");
}

/* A local limit warns (exit 1, nothing written) and passes with --confirm. */
static void
test_limit_confirm (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (dn_store_set_setting (store, DN_SETTING_LIMIT_COUNTRIES, 1, &error));
    g_assert_no_error (error);
  }
  assert_refused (f, 1, "local limit", "delegation-add", "--direction", "out", "--title", "Hai nước", "--from",
                  "2025-05-01", "--to", "2025-05-10", "--countries", "KR:4,JP:5");
  id = run_ok (f, "delegation-add", "--direction", "out", "--title", "Hai nước", "--from", "2025-05-01", "--to",
               "2025-05-10", "--countries", "KR:4,JP:5", "--confirm", NULL);
  g_assert_cmpstr (id, ==, "2\n");
}

/* Guests of a visiting delegation. */
static void
test_guest (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = run_ok (f, "delegation-add", "--direction", "in", "--title", "Đoàn KOICA", "--from",
                                "2025-04-02", "--to", "2025-04-04", NULL);
  g_autofree char *member = NULL;
  g_autofree char *listed = NULL;

  member = run_ok (f, "delegation-member", "2", "--guest", "Kim Min-jun", "--nationality", "kr",
                   "--guest-passport", "M1234567", "--organisation", "KOICA", "--position", "Trưởng đoàn", NULL);
  g_assert_cmpstr (member, ==, "2\n");
  listed = run_ok (f, "delegations", "--direction", "in", NULL);
  g_assert_cmpstr (listed, ==, "2\tin\t2025-04-02\t2025-04-04\tproposed\t\t1\tĐoàn KOICA\n");
  assert_refused (f, 1, "guests", "delegation-member", "2", "--person", "1");
  assert_refused (f, 2, "either", "delegation-member", "2");
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/delegations/list", test_list);
  ADD ("/cli/delegations/path", test_path);
  ADD ("/cli/delegations/refused", test_refused);
  ADD ("/cli/delegations/limit-confirm", test_limit_confirm);
  ADD ("/cli/delegations/guest", test_guest);
#undef ADD

  return cli_tests_run (user_dirs);
}
