/* test-cli-partners.c: the partner and project commands of doingoai-cli
 *
 * Every case imports the small fixture (tests/data/cli-small.json) into a
 * database of its own, runs the built doingoai-cli (path in $DN_TEST_CLI)
 * on it and checks its exit status, stdout and stderr, then what
 * the lists say and the rows themselves. A refusal must leave the
 * database as it was: the same export and the same number of rows in
 * every table, the change log included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-partners"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return dn_test_query_int (store, "%s", sql);
}

/* The id a command printed (its only line). */
static char *
added (Fixture    *f,
       const char *first,
       ...) G_GNUC_NULL_TERMINATED;
static char *
added (Fixture    *f,
       const char *first,
       ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list ap;
  guint64 id;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--today");
  g_ptr_array_add (args, (gpointer) "2025-03-01");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run = dn_cli_runv (cli_path, NULL, NULL, (const char * const *) args->pdata);
  assert_success (run);
  g_assert_true (g_str_has_suffix (run->out, "\n"));
  run->out[strlen (run->out) - 1] = '\0';
  g_assert_true (g_ascii_string_to_unsigned (run->out, 10, 1, G_MAXINT64, &id, NULL));
  return g_steal_pointer (&run->out);
}

/* partner-add, partners (with its filters), partner-edit, partner-delete */
static void
test_partners (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *stc = added (f, "partner-add", "--name", "Tổ chức Cứu trợ Trẻ em", "--short-name",
                                "Save the Children", "--kind", "ngo", "--country", "gb", "--registration",
                                "operation", "--number", "123/BNG", "--expires", "30/4/2025", NULL);
  g_autofree char *koica = added (f, "partner-add", "--name", "Cơ quan Hợp tác Quốc tế Hàn Quốc", "--kind",
                                  "government_agency", "--country", "KR", NULL);
  g_autofree char *gvi = added (f, "partner-add", "--name", "GVI", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *listed = NULL;

  /* Vietnamese order: C, G, T */
  listed = run_ok (f, "partners", NULL);
  expected = g_strdup_printf ("%s\tgovernment_agency\tKR\t\tCơ quan Hợp tác Quốc tế Hàn Quốc\n"
                              "%s\tother\t\t\tGVI\n"
                              "%s\tngo\tGB\t2025-04-30\tTổ chức Cứu trợ Trẻ em\n", koica, gvi, stc);
  g_assert_cmpstr (listed, ==, expected);
  g_clear_pointer (&listed, g_free);
  g_clear_pointer (&expected, g_free);

  listed = run_ok (f, "partners", "--expiring-before", "2025-05-01", NULL);
  expected = g_strdup_printf ("%s\tngo\tGB\t2025-04-30\tTổ chức Cứu trợ Trẻ em\n", stc);
  g_assert_cmpstr (listed, ==, expected);
  g_clear_pointer (&listed, g_free);
  listed = run_ok (f, "partners", "--expiring-before", "2025-04-30", NULL);
  g_assert_cmpstr (listed, ==, "");
  g_clear_pointer (&listed, g_free);
  listed = run_ok (f, "partners", "--search", "cuu tro", NULL);
  g_assert_cmpstr (listed, ==, expected);
  g_clear_pointer (&listed, g_free);
  g_clear_pointer (&expected, g_free);
  listed = run_ok (f, "partners", "--country", "kr", "--kind", "government_agency", NULL);
  expected = g_strdup_printf ("%s\tgovernment_agency\tKR\t\tCơ quan Hợp tác Quốc tế Hàn Quốc\n", koica);
  g_assert_cmpstr (listed, ==, expected);
  g_clear_pointer (&listed, g_free);
  g_clear_pointer (&expected, g_free);

  /* an edit changes only what it names */
  g_free (run_ok (f, "--today", "2025-03-01", "partner-edit", gvi, "--kind", "ngo", "--country", "GB", NULL));
  listed = run_ok (f, "partners", "--kind", "ngo", NULL);
  expected = g_strdup_printf ("%s\tngo\tGB\t\tGVI\n%s\tngo\tGB\t2025-04-30\tTổ chức Cứu trợ Trẻ em\n", gvi, stc);
  g_assert_cmpstr (listed, ==, expected);

  g_free (run_ok (f, "partner-delete", gvi, NULL));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM partner"), ==, 2);
}

/* Refusals: exit 1, the reason, nothing written; the 3-year warning
 * saved only with --confirm. */
static void
test_partners_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *koica = added (f, "partner-add", "--name", "KOICA", "--kind", "government_agency", NULL);
  g_autofree char *project = added (f, "project-add", "--partner", koica, "--name", "Dự án", NULL);

  assert_refused (f, 1, "country code", "partner-add", "--name", "X", "--country", "Korea");
  assert_refused (f, 1, "kind of registration paper", "partner-add", "--name", "X", "--number", "12/GĐK");
  assert_refused (f, 1, "not a date", "partner-add", "--name", "X", "--registration", "operation",
                  "--expires", "31/2/2025");
  assert_refused (f, 1, "unknown kind", "partner-add", "--name", "X", "--kind", "charity");
  assert_refused (f, 1, "name", "partner-add", "--name", " ");
  assert_refused (f, 1, "--confirm", "--today", "2025-03-01", "partner-add", "--name", "Global Care",
                  "--registration", "operation", "--expires", "2028-03-02");
  assert_refused (f, 1, "1 project", "partner-delete", koica);
  assert_refused (f, 1, "partner #999", "partner-edit", "999", "--name", "Y");
  /* usage: exit 2 */
  assert_refused (f, 2, "Give the partner's name", "partner-add");
  assert_refused (f, 2, "not a date", "partners", "--expiring-before", "soon");
  assert_refused (f, 2, "country code", "partners", "--country", "XX");
  assert_refused (f, 2, "Unknown kind", "partners", "--kind", "charity");
  assert_refused (f, 2, "record number", "partner-delete", "x");

  {
    g_autofree char *id = added (f, "partner-add", "--name", "Global Care", "--registration", "operation",
                                 "--expires", "2028-03-02", "--confirm", NULL);

    g_assert_cmpint (query_int (f, "SELECT count(*) FROM partner WHERE registration_expiry = '2028-03-02'"), ==, 1);
  }
  (void) project;
}

/* project-add, projects, project-edit, project-delete */
static void
test_projects (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *koica = added (f, "partner-add", "--name", "KOICA", NULL);
  g_autofree char *unicef = added (f, "partner-add", "--name", "UNICEF", "--kind", "un_agency", NULL);
  g_autofree char *a = added (f, "project-add", "--partner", koica, "--name", "Trường học xanh", "--lead", "SGD",
                              "--start", "1/9/2018", "--end", "31/5/2020", "--budget", "1.500.000",
                              "--currency", "usd", NULL);
  g_autofree char *b = added (f, "project-add", "--partner", unicef, "--name", "Nước sạch", "--status", "proposed",
                              NULL);
  g_autofree char *listed = run_ok (f, "projects", NULL);
  g_autofree char *expected = g_strdup_printf ("%s\t%s\tactive\t2018-09-01\t2020-05-31\t1500000\tUSD\tSGD\tTrường học xanh\n"
                                               "%s\t%s\tproposed\t\t\t\tVND\t\tNước sạch\n", a, koica, b, unicef);

  g_assert_cmpstr (listed, ==, expected);
  g_clear_pointer (&listed, g_free);
  g_clear_pointer (&expected, g_free);
  listed = run_ok (f, "projects", "--partner", unicef, NULL);
  expected = g_strdup_printf ("%s\t%s\tproposed\t\t\t\tVND\t\tNước sạch\n", b, unicef);
  g_assert_cmpstr (listed, ==, expected);
  g_clear_pointer (&listed, g_free);
  g_clear_pointer (&expected, g_free);

  g_free (run_ok (f, "project-edit", b, "--budget", "2 000 000 000", "--lead", "VP", "--status", "closed", NULL));
  listed = run_ok (f, "projects", "--partner", unicef, NULL);
  expected = g_strdup_printf ("%s\t%s\tclosed\t\t\t2000000000\tVND\tVP\tNước sạch\n", b, unicef);
  g_assert_cmpstr (listed, ==, expected);

  assert_refused (f, 1, "end before", "project-add", "--partner", koica, "--name", "X", "--start", "2020-01-02",
                  "--end", "2020-01-01");
  assert_refused (f, 1, "not an amount", "project-add", "--partner", koica, "--name", "X", "--budget", "-5");
  assert_refused (f, 1, "currency", "project-add", "--partner", koica, "--name", "X", "--currency", "đồng");
  assert_refused (f, 1, "partner #999", "project-add", "--partner", "999", "--name", "X");
  assert_refused (f, 1, "NOPE", "project-add", "--partner", koica, "--name", "X", "--lead", "NOPE");
  assert_refused (f, 1, "unknown status", "project-edit", a, "--status", "done");
  assert_refused (f, 2, "Give the partner", "project-add", "--name", "X");
  assert_refused (f, 2, "partner number", "projects", "--partner", "x");

  g_free (run_ok (f, "project-delete", b, NULL));
  g_free (run_ok (f, "partner-delete", unicef, NULL));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM project"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/partners/partners", test_partners);
  ADD ("/cli/partners/refused", test_partners_refused);
  ADD ("/cli/partners/projects", test_projects);
#undef ADD

  return cli_tests_run (user_dirs);
}
