/* test-cli-passports.c: the passport, custody ledger and calendar commands
 * of doingoai-cli as a script runs them
 *
 * Each case makes a database with two of the staff, their passports and
 * two delegations (one approved with its sending decision, one only
 * planned), runs the built doingoai-cli on it and checks its exit status,
 * output and the rows. A refusal must leave the database as it was: the
 * same export and the same number of rows in every table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-passports"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

/* the shared fixture's database, made here, and its two delegations */
typedef struct
{
  Fixture base;
  char    approved[16], planned[16];
} PassportsFixture;

static void
passports_setup (PassportsFixture *p,
                 gconstpointer     data)
{
  Fixture *f = &p->base;
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = dn_test_make_tmp_dir ();
  f->db = g_build_filename (f->dir, "passports.db", NULL);
  run = cli ("--db", f->db, "init", NULL);
  assert_success (run);
  {
    g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_NO_CREATE, &error);
    GDate day = dn_test_date (2025, 1, 10);
    gint64 unit, an, binh, decision, trip;

    g_assert_no_error (error);
    unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
    an = dn_test_add_person (store, "Nguyễn", "Văn", "An", unit);
    binh = dn_test_add_person (store, "Trần", "Thị", "Bình", unit);
    decision = dn_test_add_document (store, "12", "QĐ-UBND", "Cử cán bộ đi công tác nước ngoài", &day);
    g_assert_cmpint (an, ==, 1);
    g_assert_cmpint (binh, ==, 2);
    dn_test_exec (store,
                  "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                  "(1, 'official', 'C1000001', '2021-01-01', '2029-01-01'), "
                  "(2, 'ordinary', 'N1000002', '2021-01-01', '2025-06-30'), "
                  "(2, 'diplomatic', 'D1000003', '2015-01-01', '2020-01-01')");
    dn_test_exec (store,
                  "INSERT INTO delegation (direction, title, start_date, end_date, status, decision_document_id) "
                  "VALUES ('outbound', 'Đoàn học tập tại Nhật Bản', '2025-01-15', '2025-01-24', 'approved', %"
                  G_GINT64_FORMAT ")", decision);
    trip = dn_test_query_int (store, "SELECT max(id) FROM delegation");
    g_snprintf (p->approved, sizeof p->approved, "%" G_GINT64_FORMAT, trip);
    dn_test_exec (store, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES "
                  "(%" G_GINT64_FORMAT ", 1, 1), (%" G_GINT64_FORMAT ", 2, 2)", trip, trip);
    dn_test_exec (store,
                  "INSERT INTO delegation (direction, title, start_date, end_date, status) "
                  "VALUES ('outbound', 'Đoàn dự kiến', '2025-01-15', '2025-01-24', 'planned')");
    trip = dn_test_query_int (store, "SELECT max(id) FROM delegation");
    g_snprintf (p->planned, sizeof p->planned, "%" G_GINT64_FORMAT, trip);
    dn_test_exec (store, "INSERT INTO delegation_member (delegation_id, person_id) VALUES (%" G_GINT64_FORMAT ", 1)",
                  trip);
  }
}

static void
passports_teardown (PassportsFixture *p,
                    gconstpointer     data)
{
  fixture_teardown (&p->base, data);
}

#define assert_output(f, expected, ...) \
  G_STMT_START { \
    g_autofree char *out_ = run_ok (f, __VA_ARGS__, NULL); \
    g_assert_cmpstr (out_, ==, expected); \
  } G_STMT_END

static void
test_calendar (PassportsFixture *p, gconstpointer data)
{
  Fixture *f = &p->base;

  /* Tết 2025 and its compensatory day; Giỗ Tổ on Monday 07/04 */
  assert_output (f, "2025-02-07\n", "workdays", "2025-01-24", "5");
  assert_output (f, "2025-04-14\n", "workdays", "2025-04-04", "5");
  assert_output (f, "2025-03-19\n", "workdays", "2025-03-12", "5");
  assert_output (f, "2025-03-12\n", "workdays", "2025-03-12", "0");
  assert_output (f,
                 "2025-01-01\tTết Dương lịch\n"
                 "2025-01-28\tTết Âm lịch\n2025-01-29\tTết Âm lịch\n2025-01-30\tTết Âm lịch\n"
                 "2025-01-31\tTết Âm lịch\n2025-02-01\tTết Âm lịch\n2025-02-03\tNghỉ bù\n"
                 "2025-04-07\tGiỗ Tổ Hùng Vương\n2025-04-30\tNgày Chiến thắng\n"
                 "2025-05-01\tNgày Quốc tế lao động\n2025-09-01\tQuốc khánh\n2025-09-02\tQuốc khánh\n",
                 "holidays", "2025");

  /* the officer's day off counts */
  assert_output (f, "", "holiday-set", "18/03/2025", "--name", "Nghỉ theo quyết định");
  assert_output (f, "2025-03-20\n", "workdays", "2025-03-12", "5");
  {
    g_autofree char *days = run_ok (f, "holidays", "2025", NULL);
    g_assert_nonnull (strstr (days, "2025-03-18\tNghỉ theo quyết định\n"));
  }
  assert_output (f, "", "holiday-set", "2025-03-18", "--clear");
  assert_output (f, "2025-03-19\n", "workdays", "2025-03-12", "5");

  assert_refused (f, 2, "not a date", "workdays", "2025-02-30", "5");
  assert_refused (f, 2, "not a number", "workdays", "2025-02-03", "five");
  assert_refused (f, 2, "not a year", "holidays", "MMXXV");
}

static void
test_list_and_add (PassportsFixture *p, gconstpointer data)
{
  Fixture *f = &p->base;

  assert_output (f,
                 "C1000001\tofficial\tNguyễn Văn An\t2029-01-01\tin_office\t\n"
                 "N1000002\tordinary\tTrần Thị Bình\t2025-06-30\tin_office\t\n"
                 "D1000003\tdiplomatic\tTrần Thị Bình\t2020-01-01\tin_office\t\n",
                 "passports");
  assert_output (f, "4\n", "passport-add", "b 2000004", "--holder", "1", "--kind", "diplomatic", "--issued",
                 "2024-03-01", "--expires", "01/03/2029", "--authority", "Cục Lãnh sự");
  assert_output (f, "C1000001\tofficial\tNguyễn Văn An\t2029-01-01\tin_office\t\n"
                    "B2000004\tdiplomatic\tNguyễn Văn An\t2029-03-01\tin_office\t\n",
                 "passports", "--search", "nguyen an");
  /* not lost, transferred or cancelled, and expiring before 2025-07-01
   * (those expired already too: they need renewing) */
  assert_output (f, "N1000002\tordinary\tTrần Thị Bình\t2025-06-30\tin_office\t\n"
                    "D1000003\tdiplomatic\tTrần Thị Bình\t2020-01-01\tin_office\t\n",
                 "--today", "2025-01-10", "passports", "--expiring-before", "2025-07-01");

  assert_refused (f, 1, "passport number", "passport-add", "B2000004", "--holder", "2", "--kind", "official",
                  "--issued", "2024-03-01", "--expires", "2029-03-01");
  assert_refused (f, 1, "no person", "passport-add", "B2000005", "--holder", "99", "--kind", "official",
                  "--issued", "2024-03-01", "--expires", "2029-03-01");
  assert_refused (f, 2, "Unknown kind", "passport-add", "B2000005", "--holder", "1", "--kind", "blue",
                  "--issued", "2024-03-01", "--expires", "2029-03-01");
  assert_refused (f, 2, NULL, "passport-add", "B2000005", "--holder", "1");
}

static void
test_out_and_back (PassportsFixture *p, gconstpointer data)
{
  Fixture *f = &p->base;

  /* due back across Tết: 07/02/2025 */
  assert_output (f, "C1000001\t2025-02-07\n", "--today", "2025-01-14", "--officer", "Lê Văn Cán",
                 "passport-out", "C1000001", "--delegation", p->approved);
  assert_output (f, "C1000001\tofficial\tNguyễn Văn An\t2029-01-01\tout\t2025-02-07\n",
                 "--today", "2025-02-10", "passports", "--out");
  assert_output (f, "C1000001\tofficial\tNguyễn Văn An\t2029-01-01\tout\t2025-02-07\n",
                 "--today", "2025-02-10", "passports", "--overdue");
  assert_output (f, "", "--today", "2025-02-07", "passports", "--overdue");

  /* out already; a planned trip; expired; after the trip; unknown number */
  assert_refused (f, 1, "already handed out", "passport-out", "C1000001", "--delegation", p->approved,
                  "--date", "2025-01-15", "--confirm");
  assert_refused (f, 1, "not approved", "passport-out", "N1000002", "--delegation", p->planned, "--date",
                  "2025-01-14", "--confirm");
  assert_refused (f, 1, "expired", "passport-out", "D1000003", "--delegation", p->approved, "--date",
                  "2025-01-14", "--confirm");
  assert_refused (f, 1, "no passport numbered", "passport-out", "X9999999", "--delegation", p->approved);
  assert_refused (f, 2, NULL, "passport-out", "N1000002");
  assert_refused (f, 2, "not a date", "passport-out", "N1000002", "--delegation", p->approved, "--date", "hôm qua");

  /* under 6 months left at the end of the trip: a warning, then confirmed
   * (ordinary passport: 5 working days too) */
  assert_refused (f, 1, "--confirm", "passport-out", "N1000002", "--delegation", p->approved, "--date",
                  "2025-01-14");
  assert_output (f, "N1000002\t2025-02-07\n", "passport-out", "N1000002", "--delegation", p->approved, "--date",
                 "2025-01-14", "--confirm");

  /* back before it went out: refused; then back late with the reason */
  assert_refused (f, 1, "cannot come back before", "passport-back", "C1000001", "--date", "2025-01-13");
  assert_output (f, "", "passport-back", "C1000001", "--date", "2025-02-12", "--reason", "Ốm sau chuyến đi",
                 "--excused-by", "Giám đốc Phạm Văn Đức");
  assert_refused (f, 1, "not handed out", "passport-back", "C1000001", "--date", "2025-02-13");
  {
    g_autofree char *ledger = run_ok (f, "passport-ledger", "C1000001", NULL);
    g_autofree char *expected = g_strdup_printf ("2025-01-14\tC1000001\tNguyễn Văn An\tĐoàn học tập tại Nhật Bản\t"
                                                 "Lê Văn Cán\tNguyễn Văn An\tsigned\t2025-02-07\t2025-02-12\t"
                                                 "Nguyễn Văn An\t%s\tỐm sau chuyến đi\tGiám đốc Phạm Văn Đức\n",
                                                 g_get_user_name ());
    g_assert_cmpstr (ledger, ==, expected);
  }
  assert_output (f, "C1000001\tofficial\tNguyễn Văn An\t2029-01-01\tin_office\t\n"
                    "N1000002\tordinary\tTrần Thị Bình\t2025-06-30\tout\t2025-02-07\n"
                    "D1000003\tdiplomatic\tTrần Thị Bình\t2020-01-01\tin_office\t\n",
                 "--today", "2025-02-12", "passports");

  /* in the ledger: not deleted */
  assert_refused (f, 1, "custody ledger", "passport-delete", "C1000001");
}

static void
test_out_all (PassportsFixture *p, gconstpointer data)
{
  Fixture *f = &p->base;

  /* the ordinary passport warns: nothing is handed out, neither passport */
  assert_refused (f, 1, "--confirm", "passport-out", "--all", "--delegation", p->approved, "--date", "2025-01-14");
  assert_output (f, "C1000001\t2025-02-07\nN1000002\t2025-02-07\n", "passport-out", "--all", "--delegation",
                 p->approved, "--date", "2025-01-14", "--confirm");
  assert_refused (f, 1, "already handed out", "passport-out", "--all", "--delegation", p->approved, "--date",
                  "2025-01-15", "--confirm");
  assert_refused (f, 2, NULL, "passport-out", "C1000001", "--all", "--delegation", p->approved);

  /* both back in one step, late (due 07/02): the head's reason on each */
  assert_refused (f, 2, NULL, "passport-back", "--all");
  assert_refused (f, 2, NULL, "passport-back", "C1000001", "--all", "--delegation", p->approved);
  g_free (run_ok (f, "passport-back", "--all", "--delegation", p->approved, "--date", "2025-02-10",
                  "--reason", "Ốm sau chuyến đi", "--excused-by", "Giám đốc Sở", NULL));
  {
    g_autofree char *ledger = run_ok (f, "passport-ledger", "--delegation", p->approved, NULL);
    g_auto(GStrv) lines = g_strsplit (ledger, "\n", -1);
    guint excused = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "2025-02-10") != NULL && strstr (lines[i], "Ốm sau chuyến đi\tGiám đốc Sở") != NULL)
        excused++;
    g_assert_cmpuint (excused, ==, 2);
  }
  assert_refused (f, 1, "nothing to take back", "passport-back", "--all", "--delegation", p->approved);
}

static void
test_extend_and_events (PassportsFixture *p, gconstpointer data)
{
  Fixture *f = &p->base;

  assert_refused (f, 1, "never extended", "passport-extend", "N1000002", "--to", "2030-01-01");
  assert_refused (f, 1, "at most 3 years", "passport-extend", "C1000001", "--to", "2032-01-02");
  assert_output (f, "", "passport-extend", "C1000001", "--to", "2032-01-01", "--date", "2028-10-01",
                 "--letter", "Quyết định số 5/QĐ-BNG");
  assert_refused (f, 1, "only once", "passport-extend", "C1000001", "--to", "2033-01-01");
  assert_output (f, "C1000001\tofficial\tNguyễn Văn An\t2032-01-01\tin_office\t\n", "passports", "--search",
                 "C1000001");

  assert_refused (f, 1, "in writing", "passport-event", "N1000002", "--kind", "lost");
  assert_refused (f, 2, "Unknown event", "passport-event", "N1000002", "--kind", "extended");
  assert_output (f, "", "passport-event", "N1000002", "--kind", "lost", "--date", "2025-02-01", "--letter",
                 "Công văn số 15/SGDĐT-VP ngày 01/02/2025");
  assert_output (f, "", "passport-event", "C1000001", "--kind", "transferred", "--date", "2025-02-01");
  assert_output (f, "", "passport-event", "D1000003", "--kind", "sent_for_cancellation", "--letter",
                 "Công văn số 16/SGDĐT-VP");
  assert_output (f,
                 "C1000001\tofficial\tNguyễn Văn An\t2032-01-01\ttransferred\t\n"
                 "N1000002\tordinary\tTrần Thị Bình\t2025-06-30\tlost\t\n"
                 "D1000003\tdiplomatic\tTrần Thị Bình\t2020-01-01\tcancelled\t\n",
                 "passports");
  assert_refused (f, 1, "lost", "passport-out", "N1000002", "--delegation", p->approved, "--date", "2025-01-14",
                  "--confirm");
  assert_refused (f, 1, "transferred", "passport-out", "C1000001", "--delegation", p->approved, "--date",
                  "2025-01-14", "--confirm");
  assert_refused (f, 1, "cancellation", "passport-out", "D1000003", "--delegation", p->approved, "--date",
                  "2025-01-14", "--confirm");
  assert_refused (f, 1, "already reported lost", "passport-event", "N1000002", "--kind", "lost", "--letter", "x");
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, PassportsFixture, NULL, passports_setup, func, passports_teardown)
  ADD ("/cli/passports/calendar", test_calendar);
  ADD ("/cli/passports/list-and-add", test_list_and_add);
  ADD ("/cli/passports/out-and-back", test_out_and_back);
  ADD ("/cli/passports/out-all", test_out_all);
  ADD ("/cli/passports/extend-and-events", test_extend_and_events);
#undef ADD

  return cli_tests_run (user_dirs);
}
