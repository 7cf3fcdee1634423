/* test-passports.c: passports, the custody ledger, events, extensions and
 * the due-back date over the holiday calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-list-models.h"
#include "dn-passport-filter.h"
#include "dn-store.h"
#include "dn-test-utils.h"

typedef struct
{
  gint64 unit, person, person2, decision;
} World;

static World
make_world (DnStore *store)
{
  World w;
  GDate day = dn_test_date (2025, 1, 10);

  w.unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  w.person = dn_test_add_person (store, "Nguyễn", "Văn", "An", w.unit);
  w.person2 = dn_test_add_person (store, "Trần", "Thị", "Bình", w.unit);
  w.decision = dn_test_add_document (store, "12", "QĐ-UBND", "Cử cán bộ đi công tác nước ngoài", &day);
  return w;
}

static gint64
add_passport (DnStore        *store,
              gint64          person,
              DnPassportKind  kind,
              const char     *number,
              GDate           issued,
              GDate           expires)
{
  g_autoptr(DnPassport) passport = dn_passport_new ();
  g_autoptr(GError) error = NULL;

  passport->person_id = person;
  passport->kind = kind;
  g_free (passport->number);
  passport->number = g_strdup (number);
  passport->issue_date = issued;
  passport->expiry_date = expires;
  g_assert_true (dn_store_add_passport (store, passport, &error));
  g_assert_no_error (error);
  g_assert_cmpint (passport->state, ==, DN_PASSPORT_IN_OFFICE);
  return passport->id;
}

/* An outbound delegation from @start to @end, @status, with the decision
 * when @decision > 0, whose members are the people of @people (ended by 0)
 * travelling on the passports of @passports (0: none chosen). */
static gint64
add_trip (DnStore     *store,
          const char  *status,
          gint64       decision,
          const char  *start,
          const char  *end,
          const gint64 *people,
          const gint64 *passports)
{
  gint64 id;
  char decided[32] = "NULL";

  if (decision > 0)
    g_snprintf (decided, sizeof decided, "%" G_GINT64_FORMAT, decision);
  dn_test_exec (store,
                "INSERT INTO delegation (direction, title, start_date, end_date, status, decision_document_id) "
                "VALUES ('outbound', 'Đoàn công tác', '%s', '%s', '%s', %s)", start, end, status, decided);
  id = dn_test_query_int (store, "SELECT max(id) FROM delegation");
  for (guint i = 0; people != NULL && people[i] != 0; i++)
    {
      if (passports != NULL && passports[i] != 0)
        dn_test_exec (store, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) "
                      "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                      id, people[i], passports[i]);
      else
        dn_test_exec (store, "INSERT INTO delegation_member (delegation_id, person_id) "
                      "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", id, people[i]);
    }
  return id;
}

/* Everything a refusal must leave as it was. */
static char *
snapshot (DnStore *store)
{
  g_autofree char *counts = dn_test_row_counts (store);
  g_autofree char *passports = dn_test_query_text (store,
    "SELECT coalesce(group_concat(id || kind || number || expiry_date || status || extension_count || "
    "coalesce(extended_on, '-'), ';'), '') FROM passport");
  g_autofree char *loans = dn_test_query_text (store,
    "SELECT coalesce(group_concat(id || handed_out_on || due_back_on || coalesce(returned_on, '-') || "
    "exemption_reason, ';'), '') FROM passport_loan");
  g_autofree char *members = dn_test_query_text (store,
    "SELECT coalesce(group_concat(id || '=' || coalesce(passport_id, '-'), ';'), '') FROM delegation_member");

  return g_strconcat (counts, "|", passports, "|", loans, "|", members, NULL);
}

static gint64
hand_out (DnStore     *store,
          gint64       passport,
          gint64       delegation,
          GDate        day,
          gboolean     confirmed,
          GError     **error)
{
  return dn_store_hand_out_passport (store, passport, delegation, &day, "Lê Văn Cán", NULL, TRUE, confirmed, error);
}

/* The refusal @code, with nothing changed. */
#define ASSERT_REFUSED(store, before, error, code) \
  G_STMT_START { \
    g_autofree char *after_ = snapshot (store); \
    g_assert_error (error, DN_STORE_ERROR, code); \
    g_assert_cmpstr (after_, ==, before); \
    g_clear_error (&error); \
  } G_STMT_END

/* Due back ---------------------------------------------------------------- */

static void
assert_due (DnStore        *store,
            DnPassportKind  kind,
            int y, int m, int d,
            int ey, int em, int ed)
{
  GDate end = dn_test_date (y, m, d);
  GDate due;
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_store_passport_due_back (store, kind, &end, &due, &error));
  g_assert_no_error (error);
  dn_test_assert_date (&due, ey, em, ed);
}

static void
test_due_back (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  GDate day = dn_test_date (2025, 3, 18);
  g_autoptr(GError) error = NULL;

  /* Tết 2025: 28/01 (lunar new year's eve, Tue) to 01/02 (Sat), whose
   * compensatory day is Mon 03/02. A trip ending Fri 24/01: Mon 27/01 is
   * the 1st working day, then 04, 05, 06, 07/02 */
  assert_due (store, DN_PASSPORT_OFFICIAL, 2025, 1, 24, 2025, 2, 7);
  /* Giỗ Tổ Hùng Vương, 10/3 lunar = Mon 07/04/2025: a trip ending Fri
   * 04/04 gives 08, 09, 10, 11, 14/04 */
  assert_due (store, DN_PASSPORT_DIPLOMATIC, 2025, 4, 4, 2025, 4, 14);
  /* a weekend only: Wed 12/03 gives 13, 14, 17, 18, 19/03 */
  assert_due (store, DN_PASSPORT_OFFICIAL, 2025, 3, 12, 2025, 3, 19);

  /* the officer's day off counts (calendar_day) */
  g_assert_true (dn_store_set_calendar_day (store, &day, TRUE, "Nghỉ theo quyết định", &error));
  g_assert_no_error (error);
  assert_due (store, DN_PASSPORT_OFFICIAL, 2025, 3, 12, 2025, 3, 20);
  /* and a make-up working day: Saturday 15/03 worked */
  day = dn_test_date (2025, 3, 15);
  g_assert_true (dn_store_set_calendar_day (store, &day, FALSE, "Làm bù", &error));
  assert_due (store, DN_PASSPORT_OFFICIAL, 2025, 3, 12, 2025, 3, 19);
  g_assert_true (dn_store_clear_calendar_day (store, &day, &error));

  /* the settings: 10 working days, 2 for ordinary passports */
  g_assert_true (dn_store_set_setting (store, DN_SETTING_PASSPORT_RETURN_DAYS, 10, &error));
  g_assert_true (dn_store_set_setting (store, DN_SETTING_ORDINARY_RETURN_DAYS, 2, &error));
  g_assert_no_error (error);
  /* 13, 14, 17, (18 off), 19, 20, 21, 24, 25, 26, 27 */
  assert_due (store, DN_PASSPORT_OFFICIAL, 2025, 3, 12, 2025, 3, 27);
  assert_due (store, DN_PASSPORT_ORDINARY, 2025, 3, 12, 2025, 3, 14);
}

static void
test_holidays (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  GDate extra = dn_test_date (2025, 5, 2);
  GDate worked = dn_test_date (2025, 1, 1);
  gboolean found_extra = FALSE, found_tet_bu = FALSE, found_new_year = FALSE;

  g_assert_true (dn_store_set_calendar_day (store, &extra, TRUE, "Nghỉ hoán đổi", &error));
  g_assert_true (dn_store_set_calendar_day (store, &worked, FALSE, "", &error));
  g_assert_no_error (error);
  days = dn_store_list_holidays (store, 2025, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    {
      DnHoliday *holiday = days->pdata[i];

      if (i > 0)
        g_assert_cmpint (g_date_compare (&((DnHoliday *) days->pdata[i - 1])->date, &holiday->date), <=, 0);
      if (g_date_compare (&holiday->date, &extra) == 0)
        found_extra = g_str_equal (holiday->name, "Nghỉ hoán đổi");
      if (g_date_get_month (&holiday->date) == 2 && g_date_get_day (&holiday->date) == 3)
        found_tet_bu = TRUE;
      if (g_date_compare (&holiday->date, &worked) == 0)
        found_new_year = TRUE;
    }
  g_assert_true (found_extra);
  g_assert_true (found_tet_bu);
  /* made a working day: not off */
  g_assert_false (found_new_year);
}

/* Passports ---------------------------------------------------------------- */

static void
test_add_update_delete (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPassport) passport = dn_passport_new ();
  g_autoptr(DnPassport) found = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autofree char *before = NULL;
  gint64 id;

  passport->person_id = w.person;
  passport->kind = DN_PASSPORT_OFFICIAL;
  g_free (passport->number);
  passport->number = g_strdup (" c 1234567 ");
  passport->issue_date = dn_test_date (2022, 5, 1);
  passport->expiry_date = dn_test_date (2027, 5, 1);
  g_assert_true (dn_store_add_passport (store, passport, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (passport->number, ==, "C1234567");
  g_assert_cmpstr (passport->holder_name, ==, "Nguyễn Văn An");
  id = passport->id;

  found = dn_store_find_passport (store, "c1234567", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpint (found->kind, ==, DN_PASSPORT_OFFICIAL);

  /* a duplicate number, a number too short, an expiry before the issue, no
   * holder: refused, nothing written */
  before = snapshot (store);
  {
    g_autoptr(DnPassport) other = dn_passport_new ();

    other->person_id = w.person2;
    other->kind = DN_PASSPORT_ORDINARY;
    g_free (other->number);
    other->number = g_strdup ("C1234567");
    other->issue_date = dn_test_date (2022, 5, 1);
    other->expiry_date = dn_test_date (2032, 5, 1);
    g_assert_false (dn_store_add_passport (store, other, &error));
    ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_DUPLICATE);
    g_free (other->number);
    other->number = g_strdup ("C12");
    g_assert_false (dn_store_add_passport (store, other, &error));
    ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
    g_free (other->number);
    other->number = g_strdup ("B7654321");
    other->expiry_date = dn_test_date (2021, 5, 1);
    g_assert_false (dn_store_add_passport (store, other, &error));
    ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
    other->expiry_date = dn_test_date (2032, 5, 1);
    other->person_id = 0;
    g_assert_false (dn_store_add_passport (store, other, &error));
    ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
    other->person_id = w.person2;
    g_assert_true (dn_store_add_passport (store, other, &error));
    g_assert_no_error (error);
  }

  passport->issuing_authority = (g_free (passport->issuing_authority), g_strdup ("Cục Lãnh sự"));
  passport->expiry_date = dn_test_date (2027, 6, 1);
  g_assert_true (dn_store_update_passport (store, passport, &error));
  g_assert_no_error (error);
  g_clear_object (&found);
  found = dn_store_get_passport (store, id, &error);
  g_assert_cmpstr (found->issuing_authority, ==, "Cục Lãnh sự");
  dn_test_assert_date (&found->expiry_date, 2027, 6, 1);

  mine = dn_store_list_person_passports (store, w.person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);

  g_assert_true (dn_store_delete_passport (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport"), ==, 1);
}

/* Hand-out and take-back ---------------------------------------------------- */

static void
test_hand_out_and_back (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  gint64 passport = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C1000001",
                                  dn_test_date (2021, 1, 1), dn_test_date (2026, 1, 1));
  gint64 people[] = { w.person, 0 };
  gint64 trip = add_trip (store, "approved", w.decision, "2025-01-15", "2025-01-24", people, NULL);
  g_autoptr(DnPassport) got = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *before = NULL;
  gint64 loan;
  GDate back;
  guint n_out, n_overdue, n_expiring;
  GDate today;

  loan = hand_out (store, passport, trip, dn_test_date (2025, 1, 14), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loan, >, 0);
  got = dn_store_get_passport (store, passport, &error);
  g_assert_cmpint (got->state, ==, DN_PASSPORT_OUT);
  g_assert_cmpint (got->loan_id, ==, loan);
  g_assert_cmpint (got->delegation_id, ==, trip);
  /* across Tết */
  dn_test_assert_date (&got->due_back_on, 2025, 2, 7);
  /* the member now travels on it */
  g_assert_cmpint (dn_test_query_int (store, "SELECT passport_id FROM delegation_member"), ==, passport);
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT handed_to || '/' || handed_by || '/' || receipt_signed "
                                              "FROM passport_loan"), ==, "Nguyễn Văn An/Lê Văn Cán/1");

  /* the overview */
  today = dn_test_date (2025, 2, 10);
  g_assert_true (dn_store_count_passports (store, &today, &n_out, &n_overdue, &n_expiring, &error));
  g_assert_cmpuint (n_out, ==, 1);
  g_assert_cmpuint (n_overdue, ==, 1);
  /* expires 01/01/2026, within 6 months of 10/02/2025? no */
  g_assert_cmpuint (n_expiring, ==, 0);
  today = dn_test_date (2025, 2, 7);
  g_assert_true (dn_store_count_passports (store, &today, &n_out, &n_overdue, &n_expiring, &error));
  g_assert_cmpuint (n_overdue, ==, 0);

  /* handed out twice: refused */
  before = snapshot (store);
  g_assert_cmpint (hand_out (store, passport, trip, dn_test_date (2025, 1, 15), TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* back before it went out: refused */
  back = dn_test_date (2025, 1, 13);
  g_assert_false (dn_store_take_back_passport (store, passport, &back, NULL, "Lê Văn Cán", NULL, NULL, &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* back late, excused by the head */
  back = dn_test_date (2025, 2, 12);
  g_assert_true (dn_store_take_back_passport (store, passport, &back, NULL, "Lê Văn Cán",
                                              "Ốm sau chuyến đi", "Giám đốc Phạm Văn Đức", &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = dn_store_get_passport (store, passport, &error);
  g_assert_cmpint (got->state, ==, DN_PASSPORT_IN_OFFICE);
  g_assert_cmpint (got->loan_id, ==, 0);
  lines = dn_store_list_passport_loans (store, passport, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 1);
  {
    DnPassportLoan *line = lines->pdata[0];

    dn_test_assert_date (&line->returned_on, 2025, 2, 12);
    g_assert_cmpstr (line->exemption_reason, ==, "Ốm sau chuyến đi");
    g_assert_cmpstr (line->excused_by, ==, "Giám đốc Phạm Văn Đức");
    g_assert_cmpstr (line->returned_by, ==, "Nguyễn Văn An");
    g_assert_cmpstr (line->passport_number, ==, "C1000001");
  }
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = dn_store_list_passport_loans (store, 0, trip, &error);
  g_assert_cmpuint (lines->len, ==, 1);

  /* taken back twice: refused */
  g_free (before);
  before = snapshot (store);
  g_assert_false (dn_store_take_back_passport (store, passport, &back, NULL, NULL, NULL, NULL, &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* in the ledger: not deleted */
  g_assert_false (dn_store_delete_passport (store, passport, &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_IN_USE);
}

static void
test_hand_out_refusals (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  gint64 good = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C2000001",
                              dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 expired = add_passport (store, w.person, DN_PASSPORT_DIPLOMATIC, "D2000002",
                                 dn_test_date (2015, 1, 1), dn_test_date (2020, 1, 1));
  gint64 lost = add_passport (store, w.person, DN_PASSPORT_ORDINARY, "N2000003",
                              dn_test_date (2020, 1, 1), dn_test_date (2030, 1, 1));
  gint64 moved = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C2000004",
                               dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 gone = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C2000005",
                              dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 other = add_passport (store, w.person2, DN_PASSPORT_OFFICIAL, "C2000006",
                               dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 people[] = { w.person, 0 };
  gint64 trip = add_trip (store, "approved", w.decision, "2025-03-03", "2025-03-12", people, NULL);
  gint64 planned = add_trip (store, "planned", w.decision, "2025-03-03", "2025-03-12", people, NULL);
  gint64 undecided = add_trip (store, "approved", 0, "2025-03-03", "2025-03-12", people, NULL);
  GDate day = dn_test_date (2025, 3, 1);
  g_autofree char *before = NULL;
  struct { gint64 passport; DnPassportEventKind kind; } events[] = {
    { lost, DN_PASSPORT_EVENT_LOST }, { moved, DN_PASSPORT_EVENT_TRANSFERRED },
    { gone, DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(DnPassportEvent) event = dn_passport_event_new ();

      event->passport_id = events[i].passport;
      event->kind = events[i].kind;
      event->on_date = dn_test_date (2025, 2, 1);
      g_free (event->letter);
      event->letter = g_strdup ("Công văn số 15/SGDĐT-VP ngày 01/02/2025");
      g_assert_cmpint (dn_store_add_passport_event (store, event, &error), >, 0);
      g_assert_no_error (error);
    }

  before = snapshot (store);
  /* expired, lost, transferred, cancelled */
  g_assert_cmpint (hand_out (store, expired, trip, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (hand_out (store, lost, trip, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (hand_out (store, moved, trip, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (hand_out (store, gone, trip, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  /* a delegation not approved, or without its sending decision */
  g_assert_cmpint (hand_out (store, good, planned, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (hand_out (store, good, undecided, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  /* no such delegation */
  g_assert_cmpint (hand_out (store, good, 9999, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_NOT_FOUND);
  /* a holder who is not a member */
  g_assert_cmpint (hand_out (store, other, trip, day, TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  /* after the trip */
  g_assert_cmpint (hand_out (store, good, trip, dn_test_date (2025, 3, 13), TRUE, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* only the approved trip with its decision is offered, to its members */
  {
    g_autoptr(GPtrArray) offered = dn_store_list_hand_out_delegations (store, w.person, &error);
    g_autoptr(GPtrArray) none = dn_store_list_hand_out_delegations (store, w.person2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (offered->len, ==, 1);
    g_assert_cmpint (DN_DELEGATION (offered->pdata[0])->id, ==, trip);
    g_assert_cmpint (DN_DELEGATION (offered->pdata[0])->status, ==, DN_DELEGATION_APPROVED);
    dn_test_assert_date (&DN_DELEGATION (offered->pdata[0])->end_date, 2025, 3, 12);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* the good one goes */
  g_assert_cmpint (hand_out (store, good, trip, day, FALSE, &error), >, 0);
  g_assert_no_error (error);

  /* a second passport of the same person for the same trip: one exit
   * document per trip */
  {
    gint64 second = add_passport (store, w.person, DN_PASSPORT_ORDINARY, "N2000007",
                                  dn_test_date (2021, 1, 1), dn_test_date (2031, 1, 1));
    g_autofree char *before_second = snapshot (store);

    g_assert_cmpint (hand_out (store, second, trip, day, TRUE, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "C2000001"));
    ASSERT_REFUSED (store, before_second, error, DN_STORE_ERROR_INVALID);
  }
}

static void
test_validity_warning (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  /* the trip ends 12/03/2025; six months later is 12/09/2025 */
  gint64 soon = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C3000001",
                              dn_test_date (2020, 9, 1), dn_test_date (2025, 9, 11));
  gint64 people[] = { w.person, 0 };
  gint64 trip = add_trip (store, "ongoing", w.decision, "2025-03-03", "2025-03-12", people, NULL);
  GDate day = dn_test_date (2025, 3, 3);
  g_autofree char *before = snapshot (store);

  g_assert_cmpint (hand_out (store, soon, trip, day, FALSE, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "C3000001"));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_WARNING);

  /* 3 months are enough: no warning */
  g_assert_true (dn_store_set_setting (store, DN_SETTING_PASSPORT_VALIDITY_MONTHS, 3, &error));
  g_free (before);
  before = snapshot (store);
  g_assert_cmpint (hand_out (store, soon, trip, day, FALSE, &error), >, 0);
  g_assert_no_error (error);
  dn_test_exec (store, "DELETE FROM passport_loan");
  g_assert_true (dn_store_set_setting (store, DN_SETTING_PASSPORT_VALIDITY_MONTHS, 6, &error));

  /* confirmed: handed out */
  g_assert_cmpint (hand_out (store, soon, trip, day, TRUE, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_delegation_all_or_nothing (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  gint64 a = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C4000001",
                           dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 b = add_passport (store, w.person2, DN_PASSPORT_ORDINARY, "N4000002",
                           dn_test_date (2021, 1, 1), dn_test_date (2031, 1, 1));
  gint64 people[] = { w.person, w.person2, 0 };
  gint64 chosen[] = { a, b };
  gint64 none[] = { a, 0 };
  gint64 trip = add_trip (store, "approved", w.decision, "2025-04-01", "2025-04-04", people, chosen);
  gint64 half = add_trip (store, "approved", w.decision, "2025-04-01", "2025-04-04", people, none);
  gint64 other_people[] = { w.person2, 0 };
  gint64 other = add_trip (store, "approved", w.decision, "2025-03-01", "2025-03-20", other_people, NULL);
  GDate day = dn_test_date (2025, 3, 31);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  /* a member without a chosen passport: nothing handed out */
  before = snapshot (store);
  g_assert_false (dn_store_hand_out_delegation_passports (store, half, &day, "Lê Văn Cán", TRUE, &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* the second member's passport is out with another delegation: the
   * first is not handed out either */
  g_assert_cmpint (hand_out (store, b, other, dn_test_date (2025, 2, 28), FALSE, &error), >, 0);
  g_assert_no_error (error);
  g_free (before);
  before = snapshot (store);
  g_assert_false (dn_store_hand_out_delegation_passports (store, trip, &day, "Lê Văn Cán", TRUE, &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE passport_id = %"
                                      G_GINT64_FORMAT, a), ==, 0);

  /* once it is back, both go, each due back by its kind's rule */
  {
    GDate back = dn_test_date (2025, 3, 25);
    g_assert_true (dn_store_take_back_passport (store, b, &back, NULL, NULL, NULL, NULL, &error));
  }
  g_assert_true (dn_store_set_setting (store, DN_SETTING_ORDINARY_RETURN_DAYS, 2, &error));
  g_assert_true (dn_store_hand_out_delegation_passports (store, trip, &day, "Lê Văn Cán", FALSE, &error));
  g_assert_no_error (error);
  lines = dn_store_list_passport_loans (store, 0, trip, &error);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    {
      DnPassportLoan *line = lines->pdata[i];

      g_assert_true (line->receipt_signed);
      g_assert_cmpstr (line->handed_by, ==, "Lê Văn Cán");
      /* trip ends Fri 04/04/2025; Giỗ Tổ Mon 07/04 */
      if (line->passport_id == a)
        dn_test_assert_date (&line->due_back_on, 2025, 4, 14);
      else
        dn_test_assert_date (&line->due_back_on, 2025, 4, 9);
    }

  /* both taken back in one step on 10/04: the ordinary one (due 09/04) is
   * late and keeps the head's reason, the other not */
  {
    GDate back = dn_test_date (2025, 4, 10);
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (dn_store_take_back_delegation_passports (store, trip, &back, "Vũ Thị Đào", "Ốm sau chuyến đi",
                                                            "Giám đốc Sở", &error));
    g_assert_no_error (error);
    after = dn_store_list_passport_loans (store, 0, trip, &error);
    g_assert_cmpuint (after->len, ==, 2);
    for (guint i = 0; i < after->len; i++)
      {
        DnPassportLoan *line = after->pdata[i];

        dn_test_assert_date (&line->returned_on, 2025, 4, 10);
        g_assert_cmpstr (line->received_by, ==, "Vũ Thị Đào");
        g_assert_cmpstr (line->exemption_reason, ==, line->passport_id == b ? "Ốm sau chuyến đi" : "");
        g_assert_cmpstr (line->excused_by, ==, line->passport_id == b ? "Giám đốc Sở" : "");
      }
    /* nothing is out any more: refused, nothing changed */
    g_free (before);
    before = snapshot (store);
    g_assert_false (dn_store_take_back_delegation_passports (store, trip, &back, NULL, NULL, NULL, &error));
    ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  }
}

/* Events and the extension ------------------------------------------------------ */

static void
test_events (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  gint64 passport = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C5000001",
                                  dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 people[] = { w.person, 0 };
  gint64 trip = add_trip (store, "approved", w.decision, "2025-03-03", "2025-03-12", people, NULL);
  g_autoptr(DnPassportEvent) event = dn_passport_event_new ();
  g_autoptr(DnPassport) got = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *before = NULL;

  event->passport_id = passport;
  event->on_date = dn_test_date (2025, 3, 5);

  /* a loss without its written notice, an extension as an event */
  before = snapshot (store);
  event->kind = DN_PASSPORT_EVENT_LOST;
  g_assert_cmpint (dn_store_add_passport_event (store, event, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  event->kind = DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION;
  g_assert_cmpint (dn_store_add_passport_event (store, event, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  event->kind = DN_PASSPORT_EVENT_EXTENDED;
  g_assert_cmpint (dn_store_add_passport_event (store, event, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* handed out: no transfer until it is back */
  g_assert_cmpint (hand_out (store, passport, trip, dn_test_date (2025, 3, 1), FALSE, &error), >, 0);
  g_free (before);
  before = snapshot (store);
  event->kind = DN_PASSPORT_EVENT_TRANSFERRED;
  g_assert_cmpint (dn_store_add_passport_event (store, event, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* lost abroad: recorded at once with the letter */
  event->kind = DN_PASSPORT_EVENT_LOST;
  g_free (event->letter);
  event->letter = g_strdup ("Công văn số 20/SGDĐT-VP ngày 05/03/2025 gửi Cục Lãnh sự");
  g_assert_cmpint (dn_store_add_passport_event (store, event, &error), >, 0);
  g_assert_no_error (error);
  got = dn_store_get_passport (store, passport, &error);
  g_assert_cmpint (got->state, ==, DN_PASSPORT_LOST);
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT status FROM passport"), ==, "lost");
  events = dn_store_list_passport_events (store, passport, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((DnPassportEvent *) events->pdata[0])->kind, ==, DN_PASSPORT_EVENT_LOST);
  /* a lost passport is not overdue */
  {
    GDate today = dn_test_date (2025, 6, 1);
    guint n_out = 9, n_overdue = 9;

    g_assert_true (dn_store_count_passports (store, &today, &n_out, &n_overdue, NULL, &error));
    g_assert_cmpuint (n_out, ==, 0);
    g_assert_cmpuint (n_overdue, ==, 0);
  }

  /* lost twice: refused */
  g_free (before);
  before = snapshot (store);
  g_assert_cmpint (dn_store_add_passport_event (store, event, &error), ==, 0);
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
}

static void
test_extension (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  gint64 official = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C6000001",
                                  dn_test_date (2021, 1, 1), dn_test_date (2026, 1, 1));
  gint64 ordinary = add_passport (store, w.person, DN_PASSPORT_ORDINARY, "N6000002",
                                  dn_test_date (2021, 1, 1), dn_test_date (2031, 1, 1));
  GDate on = dn_test_date (2025, 10, 1);
  GDate to;
  g_autofree char *before = snapshot (store);
  g_autoptr(DnPassport) got = NULL;
  g_autoptr(GPtrArray) events = NULL;

  /* an ordinary passport */
  to = dn_test_date (2032, 1, 1);
  g_assert_false (dn_store_extend_passport (store, ordinary, &to, &on, "", &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  /* beyond 3 years */
  to = dn_test_date (2029, 1, 2);
  g_assert_false (dn_store_extend_passport (store, official, &to, &on, "", &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  /* not later */
  to = dn_test_date (2025, 12, 1);
  g_assert_false (dn_store_extend_passport (store, official, &to, &on, "", &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);

  /* exactly 3 years: extended, the old expiry kept */
  to = dn_test_date (2029, 1, 1);
  g_assert_true (dn_store_extend_passport (store, official, &to, &on, "Quyết định 5/QĐ", &error));
  g_assert_no_error (error);
  got = dn_store_get_passport (store, official, &error);
  g_assert_cmpuint (got->extension_count, ==, 1);
  dn_test_assert_date (&got->expiry_date, 2029, 1, 1);
  dn_test_assert_date (&got->expiry_before_extension, 2026, 1, 1);
  dn_test_assert_date (&got->extended_on, 2025, 10, 1);
  events = dn_store_list_passport_events (store, official, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((DnPassportEvent *) events->pdata[0])->kind, ==, DN_PASSPORT_EVENT_EXTENDED);

  /* a second extension */
  g_free (before);
  before = snapshot (store);
  to = dn_test_date (2030, 1, 1);
  g_assert_false (dn_store_extend_passport (store, official, &to, &on, "", &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
  /* nor can it become an ordinary passport */
  got->kind = DN_PASSPORT_ORDINARY;
  g_assert_false (dn_store_update_passport (store, got, &error));
  ASSERT_REFUSED (store, before, error, DN_STORE_ERROR_INVALID);
}

/* Lists ------------------------------------------------------------------------- */

static GPtrArray *
list (DnStore *store, DnPassportQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = dn_store_list_passports (store, query, NULL, 100, &error);

  g_assert_no_error (error);
  return found;
}

static void
test_lists (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  gint64 person3 = dn_test_add_person (store, "Đặng", "", "Đức", w.unit);
  gint64 a = add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C7000001",
                           dn_test_date (2021, 1, 1), dn_test_date (2029, 1, 1));
  gint64 b = add_passport (store, w.person2, DN_PASSPORT_DIPLOMATIC, "D7000002",
                           dn_test_date (2021, 1, 1), dn_test_date (2025, 6, 1));
  gint64 c = add_passport (store, person3, DN_PASSPORT_ORDINARY, "N7000003",
                           dn_test_date (2021, 1, 1), dn_test_date (2031, 1, 1));
  gint64 people[] = { w.person, 0 };
  gint64 trip = add_trip (store, "approved", w.decision, "2025-03-03", "2025-03-12", people, NULL);
  DnPassportQuery query;
  GDate today = dn_test_date (2025, 3, 25);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_cmpint (hand_out (store, a, trip, dn_test_date (2025, 3, 1), FALSE, &error), >, 0);
  g_assert_no_error (error);

  /* everyone, in Vietnamese order of given names: An, Bình, Đức */
  dn_passport_query_init (&query, &today);
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (DN_PASSPORT (found->pdata[0])->id, ==, a);
  g_assert_cmpint (DN_PASSPORT (found->pdata[1])->id, ==, b);
  g_assert_cmpint (DN_PASSPORT (found->pdata[2])->id, ==, c);

  /* by key: the page after the first */
  page = dn_store_list_passports (store, &query, found->pdata[0], 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (DN_PASSPORT (page->pdata[0])->id, ==, b);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* accents optional: "dang duc" finds Đặng Đức; a number too */
  query.text = "dang duc";
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (DN_PASSPORT (found->pdata[0])->id, ==, c);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.text = "d7000";
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (DN_PASSPORT (found->pdata[0])->id, ==, b);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.text = NULL;

  /* out, overdue (due 19/03/2025) */
  query.only_out = TRUE;
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 1);
  dn_test_assert_date (&DN_PASSPORT (found->pdata[0])->due_back_on, 2025, 3, 19);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.only_out = FALSE;
  query.only_overdue = TRUE;
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.today = dn_test_date (2025, 3, 19);
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.only_overdue = FALSE;

  /* expiring before 25/09/2025 */
  dn_alert_get_limit (store, DN_ALERT_PASSPORTS_EXPIRING, &today, &query.expiring_before);
  dn_test_assert_date (&query.expiring_before, 2025, 9, 25);
  found = list (store, &query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (DN_PASSPORT (found->pdata[0])->id, ==, b);
  g_clear_pointer (&found, g_ptr_array_unref);
  g_date_clear (&query.expiring_before, 1);

  /* by state */
  query.state = DN_PASSPORT_IN_OFFICE;
  ids = dn_store_list_passport_ids (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, c);
}

static void
count_up (guint *counter)
{
  (*counter)++;
}

static void
test_filter_and_model (DnTestStore *fixture, gconstpointer data)
{
  DnStore *store = fixture->store;
  World w = make_world (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPassportFilter) filter = dn_passport_filter_new ();
  g_autoptr(DnPassportListModel) model = dn_passport_list_model_new (store);
  DnPassportQuery query;
  GDate today = dn_test_date (2025, 3, 25);
  guint changes = 0;

  add_passport (store, w.person, DN_PASSPORT_OFFICIAL, "C8000001", dn_test_date (2021, 1, 1),
                dn_test_date (2029, 1, 1));
  add_passport (store, w.person2, DN_PASSPORT_OFFICIAL, "C8000002", dn_test_date (2021, 1, 1),
                dn_test_date (2029, 1, 1));
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (count_up), &changes);

  dn_passport_filter_set_today (filter, &today);
  g_object_set (filter, "text", "binh", "only-overdue", FALSE, NULL);
  g_assert_true (dn_passport_filter_is_active (filter));
  g_assert_cmpuint (changes, ==, 2);
  dn_passport_filter_to_query (filter, &query);
  g_assert_true (dn_passport_list_model_set_query (model, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(DnPassport) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (item->holder_name, ==, "Trần Thị Bình");
  }
  dn_passport_filter_reset (filter);
  g_assert_false (dn_passport_filter_is_active (filter));
  dn_passport_filter_to_query (filter, &query);
  g_assert_true (dn_passport_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  /* on the query worker */
  {
    guint loaded = 0;
    gulong id = g_signal_connect_swapped (model, "loaded", G_CALLBACK (count_up), &loaded);

    dn_passport_filter_set_text (filter, "an");
    dn_passport_filter_to_query (filter, &query);
    dn_passport_list_model_set_query_async (model, &query);
    while (!loaded)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (model, id);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/passports/due-back", test_due_back);
  DN_TEST_ADD ("/passports/holidays", test_holidays);
  DN_TEST_ADD ("/passports/add-update-delete", test_add_update_delete);
  DN_TEST_ADD ("/passports/hand-out-and-back", test_hand_out_and_back);
  DN_TEST_ADD ("/passports/hand-out-refusals", test_hand_out_refusals);
  DN_TEST_ADD ("/passports/validity-warning", test_validity_warning);
  DN_TEST_ADD ("/passports/delegation-all-or-nothing", test_delegation_all_or_nothing);
  DN_TEST_ADD ("/passports/events", test_events);
  DN_TEST_ADD ("/passports/extension", test_extension);
  DN_TEST_ADD ("/passports/lists", test_lists);
  DN_TEST_ADD ("/passports/filter-and-model", test_filter_and_model);
  return g_test_run ();
}
