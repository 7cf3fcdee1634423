/* test-delegations.c: outbound and inbound delegations, their status, the
 * report's due date, overlapping trips, the local limits and the pasted
 * guest list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-delegations"

#include "config.h"

#include <string.h>

#include "dn-delegation-filter.h"
#include "dn-guest-list.h"
#include "dn-list-models.h"
#include "dn-store.h"
#include "dn-test-utils.h"

/* Every table's row count, the audit log's included: a refused call that
 * wrote anything (and rolled back nothing) changes it. */
#define ASSERT_UNCHANGED(store, before) \
  G_STMT_START { \
    g_autofree char *after_ = dn_test_row_counts (store); \
    g_assert_cmpstr (after_, ==, before); \
  } G_STMT_END

/* Asserts the first column of @format's first row (printf) is @expected. */
static void assert_sql_text (DnStore    *store,
                             const char *expected,
                             const char *format,
                             ...) G_GNUC_PRINTF (3, 4);
static void
assert_sql_text (DnStore    *store,
                 const char *expected,
                 const char *format,
                 ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *found = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  found = dn_test_query_text (store, "%s", sql);
  g_assert_cmpstr (found, ==, expected);
}

static GPtrArray *
countries (const char *first_code,
           ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first_code);
  for (const char *code = first_code; code != NULL; code = va_arg (args, const char *))
    {
      DnDelegationCountry *country = dn_delegation_country_new ();

      g_free (country->country_code);
      country->country_code = g_strdup (code);
      country->days = va_arg (args, guint);
      g_ptr_array_add (list, country);
    }
  va_end (args);
  return list;
}

static DnDelegation *
make_delegation (DnDelegationDirection  direction,
                 const char            *title,
                 int                    y1,
                 int                    m1,
                 int                    d1,
                 int                    y2,
                 int                    m2,
                 int                    d2)
{
  DnDelegation *d = dn_delegation_new ();

  d->direction = direction;
  g_free (d->title);
  d->title = g_strdup (title);
  d->start_date = dn_test_date (y1, m1, d1);
  d->end_date = dn_test_date (y2, m2, d2);
  return d;
}

static gint64
add_delegation (DnStore    *store,
                const char *title,
                int         m1,
                int         d1,
                int         m2,
                int         d2)
{
  g_autoptr(DnDelegation) d = make_delegation (DN_DELEGATION_OUTBOUND, title, 2025, m1, d1, 2025, m2, d2);
  g_autoptr(GPtrArray) list = countries ("KR", 5, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_store_add_delegation (store, d, list, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d->id, >, 0);
  return d->id;
}

static gboolean
add_member (DnStore   *store,
            gint64     delegation_id,
            gint64     person_id,
            gboolean   confirmed,
            GError   **error)
{
  g_autoptr(DnDelegationMember) m = dn_delegation_member_new ();

  m->delegation_id = delegation_id;
  m->person_id = person_id;
  return dn_store_add_delegation_member (store, m, confirmed, error);
}

static gint64
add_staff (DnStore    *store,
           const char *given)
{
  static gint64 unit_id;

  if (dn_test_query_int (store, "SELECT count(*) FROM unit") == 0)
    unit_id = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  return dn_test_add_person (store, "Nguyễn", "Văn", given, unit_id);
}

/* Added with its countries and days, read back, updated, deleted. */
static void
test_add_get_update_delete (DnTestStore   *fixture,
                            gconstpointer  data)
{
  g_autoptr(DnDelegation) d = make_delegation (DN_DELEGATION_OUTBOUND, "  Đoàn công tác Hàn Quốc ", 2025, 3, 10,
                                               2025, 3, 16);
  g_autoptr(GPtrArray) list = countries ("kr", 4, "JP", 3, NULL);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(DnDelegation) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc = dn_test_add_document (fixture->store, "12", "QĐ-SGDĐT", "Quyết định cử đoàn",
                                     (GDate[]) { dn_test_date (2025, 3, 1) });

  d->funding = DN_FUNDING_PARTNER;
  d->budget = 0;
  g_free (d->inviting_party);
  d->inviting_party = g_strdup ("Đại học Quốc gia Seoul");
  d->decision_document_id = doc;
  g_assert_true (dn_store_add_delegation (fixture->store, d, list, FALSE, &error));
  g_assert_no_error (error);

  got = dn_store_get_delegation (fixture->store, d->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->title, ==, "Đoàn công tác Hàn Quốc");
  g_assert_cmpint (got->direction, ==, DN_DELEGATION_OUTBOUND);
  g_assert_cmpint (got->status, ==, DN_DELEGATION_PROPOSED);
  g_assert_cmpint (got->funding, ==, DN_FUNDING_PARTNER);
  g_assert_cmpint (got->budget, ==, 0);
  g_assert_cmpstr (got->country_codes, ==, "KR,JP");
  g_assert_cmpstr (got->decision_label, ==, "12/QĐ-SGDĐT, 01/03/2025");
  assert_sql_text (fixture->store, "outbound", "SELECT direction FROM delegation");
  assert_sql_text (fixture->store, "planned", "SELECT status FROM delegation");

  read = dn_store_list_delegation_countries (fixture->store, d->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  g_assert_cmpstr (DN_DELEGATION_COUNTRY (read->pdata[0])->country_code, ==, "KR");
  g_assert_cmpuint (DN_DELEGATION_COUNTRY (read->pdata[0])->days, ==, 4);
  g_assert_cmpuint (DN_DELEGATION_COUNTRY (read->pdata[1])->days, ==, 3);

  /* no budget stated; countries kept when NULL is given */
  got->budget = -1;
  g_assert_true (dn_store_update_delegation (fixture->store, got, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT budget IS NULL FROM delegation"), ==, 1);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_country"), ==, 2);

  g_assert_true (dn_store_delete_delegation (fixture->store, d->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_country"), ==, 0);
  g_assert_null (dn_store_get_delegation (fixture->store, d->id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

/* An end before the start, an unknown country: refused, nothing written. */
static void
test_refused_input (DnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(DnDelegation) d = make_delegation (DN_DELEGATION_OUTBOUND, "Đoàn", 2025, 3, 10, 2025, 3, 9);
  g_autoptr(GPtrArray) bad = countries ("XX", 2, NULL);
  g_autoptr(GPtrArray) twice = countries ("KR", 2, "kr", 1, NULL);
  g_autoptr(DnDelegation) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_row_counts (fixture->store);
  g_autofree char *after_add = NULL;
  gint64 id;

  g_assert_false (dn_store_add_delegation (fixture->store, d, NULL, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the start"));
  g_assert_cmpint (d->id, ==, 0);
  ASSERT_UNCHANGED (fixture->store, before);
  g_clear_error (&error);

  d->end_date = dn_test_date (2025, 3, 12);
  g_assert_false (dn_store_add_delegation (fixture->store, d, bad, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_add_delegation (fixture->store, d, twice, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);

  id = add_delegation (fixture->store, "Đoàn B", 3, 10, 3, 12);
  after_add = dn_test_row_counts (fixture->store);
  got = dn_store_get_delegation (fixture->store, id, &error);
  got->end_date = dn_test_date (2025, 3, 1);
  g_assert_false (dn_store_update_delegation (fixture->store, got, NULL, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  ASSERT_UNCHANGED (fixture->store, after_add);
  assert_sql_text (fixture->store, "2025-03-12", "SELECT end_date FROM delegation");
}

/* proposed → approved (with its decision) → abroad → returned → reported;
 * each change refused from a status that does not allow it. */
static void
test_status_path (DnTestStore   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDelegation) got = NULL;
  g_autofree char *before = NULL;
  gint64 id = add_delegation (fixture->store, "Đoàn Nhật Bản", 3, 10, 3, 14);
  gint64 decision = dn_test_add_document (fixture->store, "14", "QĐ-SGDĐT", "Cử đoàn", NULL);
  gint64 report = dn_test_add_document (fixture->store, "30", "BC-SGDĐT", "Báo cáo kết quả", NULL);
  GDate day = dn_test_date (2025, 3, 20);

  before = dn_test_row_counts (fixture->store);
  /* approving without the decision */
  g_assert_false (dn_store_approve_delegation (fixture->store, id, 0, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sending decision"));
  g_clear_error (&error);
  /* reported before returned, abroad before approved, returned before abroad */
  g_assert_false (dn_store_record_delegation_report (fixture->store, id, report, &day, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot become"));
  g_clear_error (&error);
  g_assert_false (dn_store_depart_delegation (fixture->store, id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_return_delegation (fixture->store, id, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  assert_sql_text (fixture->store, "planned", "SELECT status FROM delegation");

  g_assert_true (dn_store_approve_delegation (fixture->store, id, decision, &error));
  g_assert_no_error (error);
  got = dn_store_get_delegation (fixture->store, id, &error);
  g_assert_cmpint (got->status, ==, DN_DELEGATION_APPROVED);
  g_assert_cmpint (got->decision_document_id, ==, decision);
  g_clear_object (&got);

  /* approved again: refused */
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (dn_store_approve_delegation (fixture->store, id, decision, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);

  g_assert_true (dn_store_depart_delegation (fixture->store, id, &error));
  assert_sql_text (fixture->store, "ongoing", "SELECT status FROM delegation");
  /* abroad: cannot be cancelled any more */
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (dn_store_cancel_delegation (fixture->store, id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);

  g_assert_true (dn_store_return_delegation (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  got = dn_store_get_delegation (fixture->store, id, &error);
  g_assert_cmpint (got->status, ==, DN_DELEGATION_RETURNED);
  dn_test_assert_date (&got->report_due_date, 2025, 3, 29);
  g_clear_object (&got);

  g_assert_true (dn_store_record_delegation_report (fixture->store, id, report, &day, &error));
  g_assert_no_error (error);
  got = dn_store_get_delegation (fixture->store, id, &error);
  g_assert_cmpint (got->status, ==, DN_DELEGATION_REPORTED);
  g_assert_cmpint (got->report_document_id, ==, report);
  dn_test_assert_date (&got->report_submitted_on, 2025, 3, 20);
  assert_sql_text (fixture->store, "completed", "SELECT status FROM delegation");

  /* a proposed one may be cancelled, a cancelled one approved no more */
  id = add_delegation (fixture->store, "Đoàn Úc", 5, 1, 5, 5);
  g_assert_true (dn_store_cancel_delegation (fixture->store, id, &error));
  g_assert_no_error (error);
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (dn_store_approve_delegation (fixture->store, id, decision, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  ASSERT_UNCHANGED (fixture->store, before);
}

static void
return_on (DnStore *store,
           gint64   id,
           GDate    day,
           GDate   *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDelegation) got = NULL;
  gint64 decision = dn_test_add_document (store, "1", "QĐ", "Cử đoàn", NULL);

  g_assert_true (dn_store_approve_delegation (store, id, decision, &error));
  g_assert_true (dn_store_depart_delegation (store, id, &error));
  g_assert_true (dn_store_return_delegation (store, id, &day, &error));
  g_assert_no_error (error);
  got = dn_store_get_delegation (store, id, &error);
  g_assert_cmpint (g_date_compare (&got->end_date, &day), ==, 0);
  *due = got->report_due_date;
}

/* 15 calendar days by default; working days over the holiday calendar
 * with DN_SETTING_REPORT_WORKING_DAYS (a weekend, 30/4 and 1/5, and an
 * officer's make-up working day). */
static void
test_report_due (DnTestStore   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate due;

  /* back on Friday 7/3/2025: 15 calendar days → Saturday 22/3 */
  return_on (fixture->store, add_delegation (fixture->store, "A", 3, 1, 3, 10), dn_test_date (2025, 3, 7), &due);
  dn_test_assert_date (&due, 2025, 3, 22);

  /* 3 working days from Friday 7/3 → Wednesday 12/3 (the weekend skipped) */
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REPORT_WORKING_DAYS, 1, &error));
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REPORT_DAYS, 3, &error));
  g_assert_no_error (error);
  return_on (fixture->store, add_delegation (fixture->store, "B", 3, 2, 3, 10), dn_test_date (2025, 3, 7), &due);
  dn_test_assert_date (&due, 2025, 3, 12);

  /* from Friday 25/4: Mon 28, Tue 29, (30/4 and 1/5 off), Fri 2/5 */
  return_on (fixture->store, add_delegation (fixture->store, "C", 4, 20, 4, 30), dn_test_date (2025, 4, 25), &due);
  dn_test_assert_date (&due, 2025, 5, 2);

  /* the officer's calendar: Saturday 26/4 a make-up working day */
  dn_test_exec (fixture->store, "INSERT INTO calendar_day VALUES ('2025-04-26', 0, 'Làm bù')");
  g_assert_true (dn_store_compute_report_due (fixture->store, (GDate[]) { dn_test_date (2025, 4, 25) }, &due, &error));
  dn_test_assert_date (&due, 2025, 4, 29);
}

/* One of the staff in two outbound delegations at once: refused; a
 * cancelled one does not count; moving dates onto another trip is refused. */
static void
test_overlap (DnTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDelegation) got = NULL;
  g_autofree char *before = NULL;
  gint64 an = add_staff (fixture->store, "An");
  gint64 first = add_delegation (fixture->store, "Đoàn 1", 3, 1, 3, 10);
  gint64 second = add_delegation (fixture->store, "Đoàn 2", 3, 10, 3, 15);
  gint64 third = add_delegation (fixture->store, "Đoàn 3", 3, 11, 3, 20);
  gint64 cancelled = add_delegation (fixture->store, "Đoàn huỷ", 3, 1, 3, 30);

  g_assert_true (dn_store_cancel_delegation (fixture->store, cancelled, &error));
  g_assert_true (add_member (fixture->store, cancelled, an, FALSE, &error));
  g_assert_true (add_member (fixture->store, first, an, FALSE, &error));
  g_assert_no_error (error);

  before = dn_test_row_counts (fixture->store);
  g_assert_false (add_member (fixture->store, second, an, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nguyễn Văn An"));
  g_assert_nonnull (strstr (error->message, "Đoàn 1"));
  g_clear_error (&error);
  /* twice in the same delegation */
  g_assert_false (add_member (fixture->store, first, an, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);

  g_assert_true (add_member (fixture->store, third, an, FALSE, &error));
  g_assert_no_error (error);

  /* the third moved onto the first's days */
  before = (g_free (before), dn_test_row_counts (fixture->store));
  got = dn_store_get_delegation (fixture->store, third, &error);
  got->start_date = dn_test_date (2025, 3, 5);
  g_assert_false (dn_store_update_delegation (fixture->store, got, NULL, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  ASSERT_UNCHANGED (fixture->store, before);
  assert_sql_text (fixture->store, "2025-03-11", "SELECT start_date FROM delegation WHERE id = %" G_GINT64_FORMAT,
                                       third);
}

/* Members: unit and position from the person, the passport must be the
 * member's own, guests only in a visiting delegation. */
static void
test_members (DnTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(DnDelegationMember) m = dn_delegation_member_new ();
  g_autoptr(DnDelegationMember) guest = dn_delegation_member_new ();
  g_autofree char *before = NULL;
  gint64 an = add_staff (fixture->store, "An");
  gint64 binh = add_staff (fixture->store, "Bình");
  gint64 id = add_delegation (fixture->store, "Đoàn", 3, 1, 3, 10);
  gint64 passport_binh;

  dn_test_exec (fixture->store, "UPDATE person SET position = 'Phó Giám đốc' WHERE id = %" G_GINT64_FORMAT, an);
  dn_test_exec (fixture->store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                                "VALUES (%" G_GINT64_FORMAT ", 'official', 'C1234567', '2020-01-01', '2030-01-01')",
                binh);
  passport_binh = dn_test_query_int (fixture->store, "SELECT max(id) FROM passport");

  m->delegation_id = id;
  m->person_id = an;
  m->role = DN_MEMBER_HEAD;
  m->passport_id = passport_binh;
  g_free (m->grade);
  m->grade = g_strdup ("01.002");
  before = dn_test_row_counts (fixture->store);
  g_assert_false (dn_store_add_delegation_member (fixture->store, m, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a guest in an outbound delegation */
  guest->delegation_id = id;
  g_free (guest->name);
  guest->name = g_strdup ("Kim Min-jun");
  g_assert_false (dn_store_add_delegation_member (fixture->store, guest, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);

  m->passport_id = 0;
  g_assert_true (dn_store_add_delegation_member (fixture->store, m, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (add_member (fixture->store, id, binh, FALSE, &error));

  members = dn_store_list_delegation_members (fixture->store, id, &error);
  g_assert_cmpuint (members->len, ==, 2);
  m = (g_object_unref (m), g_object_ref (members->pdata[0]));
  g_assert_cmpstr (m->name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (m->position, ==, "Phó Giám đốc");
  g_assert_cmpstr (m->unit_name, ==, "Sở Giáo dục và Đào tạo");
  g_assert_cmpstr (m->grade, ==, "01.002");
  g_assert_cmpint (m->role, ==, DN_MEMBER_HEAD);

  /* Bình with his own passport */
  {
    DnDelegationMember *b = members->pdata[1];

    b->passport_id = passport_binh;
    g_assert_true (dn_store_update_delegation_member (fixture->store, b, FALSE, &error));
    g_assert_no_error (error);
    g_clear_pointer (&members, g_ptr_array_unref);
    members = dn_store_list_delegation_members (fixture->store, id, &error);
    g_assert_cmpstr (DN_DELEGATION_MEMBER (members->pdata[1])->passport_number, ==, "C1234567");
  }

  g_assert_true (dn_store_remove_delegation_member (fixture->store, m->id, &error));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_member"), ==, 1);
}

static DnDelegationMember *
new_member (gint64      person_id,
            const char *guest)
{
  DnDelegationMember *m = dn_delegation_member_new ();

  m->person_id = person_id;
  if (guest != NULL)
    {
      g_free (m->name);
      m->name = g_strdup (guest);
    }
  return m;
}

static DnProgrammeItem *
new_item (int         day,
          const char *description)
{
  DnProgrammeItem *item = dn_programme_item_new ();

  item->day = dn_test_date (2025, 4, day);
  g_free (item->description);
  item->description = g_strdup (description);
  return item;
}

/* The editor's save: the delegation, its countries, members and
 * programme together or nothing, the new records new again when refused. */
static void
test_saved_whole (DnTestStore   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDelegation) d = make_delegation (DN_DELEGATION_OUTBOUND, "Đoàn học tập", 2025, 5, 4, 2025, 5, 9);
  g_autoptr(DnDelegation) visit = make_delegation (DN_DELEGATION_INBOUND, "Đoàn KOICA", 2025, 4, 1, 2025, 4, 3);
  g_autoptr(DnDelegationParts) parts = dn_delegation_parts_new ();
  g_autoptr(DnDelegationParts) visit_parts = dn_delegation_parts_new ();
  g_autoptr(DnDelegationParts) change = dn_delegation_parts_new ();
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *before = NULL;
  gint64 an = add_staff (fixture->store, "An");
  gint64 binh = add_staff (fixture->store, "Bình");
  gint64 other = add_delegation (fixture->store, "Đoàn khác", 1, 5, 1, 9);
  gint64 other_member, kept, removed;

  g_assert_true (add_member (fixture->store, other, an, FALSE, &error));
  g_assert_no_error (error);
  other_member = dn_test_query_int (fixture->store, "SELECT max(id) FROM delegation_member");
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_MEMBERS, 1, &error));
  g_assert_no_error (error);

  /* two members past the limit of one: a warning, nothing written */
  parts->countries = countries ("JP", 4, "KR", 2, NULL);
  g_ptr_array_add (parts->new_members, new_member (an, NULL));
  g_ptr_array_add (parts->new_members, new_member (binh, NULL));
  before = dn_test_row_counts (fixture->store);
  g_assert_false (dn_store_save_delegation (fixture->store, d, parts, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  g_assert_cmpint (d->id, ==, 0);
  g_assert_cmpint (DN_DELEGATION_MEMBER (parts->new_members->pdata[0])->id, ==, 0);

  /* confirmed: all of it */
  g_assert_true (dn_store_save_delegation (fixture->store, d, parts, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d->id, >, 0);
  assert_sql_text (fixture->store, "JP,KR",
                   "SELECT group_concat(country_code) FROM (SELECT country_code FROM delegation_country "
                   "WHERE delegation_id = %" G_GINT64_FORMAT " ORDER BY rowid)", d->id);
  members = dn_store_list_delegation_members (fixture->store, d->id, &error);
  g_assert_cmpuint (members->len, ==, 2);
  kept = DN_DELEGATION_MEMBER (members->pdata[0])->id;
  removed = DN_DELEGATION_MEMBER (members->pdata[1])->id;

  /* a member of another delegation cannot be removed from this one: the
   * new title is not written either */
  g_free (d->title);
  d->title = g_strdup ("Đoàn học tập tại Nhật Bản");
  g_array_append_val (change->removed_members, other_member);
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (dn_store_save_delegation (fixture->store, d, change, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  assert_sql_text (fixture->store, "Đoàn học tập", "SELECT title FROM delegation WHERE id = %" G_GINT64_FORMAT, d->id);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_member WHERE id = %"
                                      G_GINT64_FORMAT, other_member), ==, 1);

  /* its own member: removed with the new title, the countries kept */
  g_array_index (change->removed_members, gint64, 0) = removed;
  g_assert_true (dn_store_save_delegation (fixture->store, d, change, FALSE, &error));
  g_assert_no_error (error);
  assert_sql_text (fixture->store, "Đoàn học tập tại Nhật Bản",
                   "SELECT title FROM delegation WHERE id = %" G_GINT64_FORMAT, d->id);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT group_concat(id) FROM delegation_member "
                                      "WHERE delegation_id = %" G_GINT64_FORMAT, d->id), ==, kept);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_country "
                                      "WHERE delegation_id = %" G_GINT64_FORMAT, d->id), ==, 2);

  /* a visit whose second programme item says nothing: nothing written */
  g_ptr_array_add (visit_parts->new_members, new_member (0, "Kim Min-jun"));
  g_ptr_array_add (visit_parts->new_programme, new_item (1, "Làm việc với Sở"));
  g_ptr_array_add (visit_parts->new_programme, new_item (2, ""));
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (dn_store_save_delegation (fixture->store, visit, visit_parts, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  g_assert_cmpint (visit->id, ==, 0);
  g_assert_cmpint (DN_PROGRAMME_ITEM (visit_parts->new_programme->pdata[0])->id, ==, 0);
  g_assert_cmpint (DN_DELEGATION_MEMBER (visit_parts->new_members->pdata[0])->id, ==, 0);
  g_ptr_array_remove_index (visit_parts->new_programme, 1);
  g_assert_true (dn_store_save_delegation (fixture->store, visit, visit_parts, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_programme "
                                      "WHERE delegation_id = %" G_GINT64_FORMAT, visit->id), ==, 1);
  g_assert_true (dn_delegation_parts_is_empty (NULL));
  g_assert_false (dn_delegation_parts_is_empty (visit_parts));
}

/* The local limits warn, write nothing, and pass when confirmed. */
static void
test_limits (DnTestStore   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDelegation) d = make_delegation (DN_DELEGATION_OUTBOUND, "Đoàn dài ngày", 2025, 6, 1, 2025, 6, 20);
  g_autoptr(GPtrArray) three = countries ("KR", 5, "JP", 5, "CN", 5, NULL);
  g_autoptr(GPtrArray) long_stay = countries ("KR", 12, NULL);
  g_autofree char *before = NULL;
  gint64 a = add_staff (fixture->store, "An");
  gint64 b = add_staff (fixture->store, "Bình");
  gint64 c = add_staff (fixture->store, "Cường");
  gint64 first, second;

  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_COUNTRIES, 2, &error));
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_DAYS_PER_COUNTRY, 10, &error));
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_MEMBERS, 2, &error));
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_LIMIT_TRIPS_PER_YEAR, 1, &error));
  g_assert_no_error (error);

  before = dn_test_row_counts (fixture->store);
  g_assert_false (dn_store_add_delegation (fixture->store, d, three, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "3 countries"));
  g_clear_error (&error);
  g_assert_false (dn_store_add_delegation (fixture->store, d, long_stay, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "12 days"));
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  g_assert_true (dn_store_add_delegation (fixture->store, d, three, TRUE, &error));
  g_assert_no_error (error);
  first = d->id;

  g_assert_true (add_member (fixture->store, first, a, FALSE, &error));
  g_assert_true (add_member (fixture->store, first, b, FALSE, &error));
  g_assert_no_error (error);
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (add_member (fixture->store, first, c, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "3 members"));
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  g_assert_true (add_member (fixture->store, first, c, TRUE, &error));
  g_assert_no_error (error);

  /* a second trip in 2025 for An */
  second = add_delegation (fixture->store, "Đoàn thứ hai", 9, 1, 9, 5);
  before = (g_free (before), dn_test_row_counts (fixture->store));
  g_assert_false (add_member (fixture->store, second, a, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "2025"));
  g_clear_error (&error);
  ASSERT_UNCHANGED (fixture->store, before);
  g_assert_true (add_member (fixture->store, second, a, TRUE, &error));
  g_assert_no_error (error);
}

/* A visit: guests, programme, the days the police and the Department of
 * Foreign Affairs were told. */
static void
test_inbound (DnTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(DnDelegation) d = make_delegation (DN_DELEGATION_INBOUND, "Đoàn KOICA", 2025, 4, 2, 2025, 4, 4);
  g_autoptr(GPtrArray) list = countries ("KR", 0, NULL);
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(GPtrArray) programme = NULL;
  g_autoptr(DnProgrammeItem) item = dn_programme_item_new ();
  g_autoptr(DnDelegation) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 staff = add_staff (fixture->store, "An");

  g_free (d->inviting_party);
  d->inviting_party = g_strdup ("KOICA");
  d->police_informed_on = dn_test_date (2025, 3, 25);
  d->foreign_affairs_informed_on = dn_test_date (2025, 3, 26);
  g_assert_true (dn_store_add_delegation (fixture->store, d, list, FALSE, &error));
  g_assert_no_error (error);

  guests = dn_guest_list_parse ("Kim Min-jun\tKR\tM12345678\tKOICA\tTrưởng đoàn\n"
                                "Lee Ji-eun\tHàn Quốc\tM87654321\tKOICA\tChuyên gia\n", &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_add_delegation_guests (fixture->store, d->id, guests, &error));
  g_assert_no_error (error);
  g_assert_false (add_member (fixture->store, d->id, staff, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  item->delegation_id = d->id;
  item->day = dn_test_date (2025, 4, 2);
  g_free (item->description);
  item->description = g_strdup ("Làm việc với Sở");
  g_free (item->time);
  item->time = g_strdup ("08:00–11:00");
  g_assert_true (dn_store_add_programme_item (fixture->store, item, &error));
  g_assert_no_error (error);
  programme = dn_store_list_programme (fixture->store, d->id, &error);
  g_assert_cmpuint (programme->len, ==, 1);
  g_assert_cmpstr (DN_PROGRAMME_ITEM (programme->pdata[0])->time, ==, "08:00–11:00");

  got = dn_store_get_delegation (fixture->store, d->id, &error);
  g_assert_cmpint (got->direction, ==, DN_DELEGATION_INBOUND);
  g_assert_cmpuint (got->n_members, ==, 2);
  dn_test_assert_date (&got->police_informed_on, 2025, 3, 25);
  dn_test_assert_date (&got->foreign_affairs_informed_on, 2025, 3, 26);
  assert_sql_text (fixture->store, "KR,KR", "SELECT group_concat(guest_nationality) FROM delegation_member");
  /* approving a visit needs its decision too */
  g_assert_false (dn_store_approve_delegation (fixture->store, d->id, 0, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
}

/* The pasted guest list: good lines, a heading, blank lines, Windows line
 * ends, quoted cells; bad lines each named. */
static void
test_guest_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  DnDelegationMember *g;

  guests = dn_guest_list_parse ("Họ tên\tQuốc tịch\tHộ chiếu\tTổ chức\tChức vụ\r\n"
                                "John Smith\tus\t123456789\t\"World Bank, Hanoi\"\tDirector\t\t\r\n"
                                "\r\n"
                                "Tanaka Yui\tNhat Ban\r\n"
                                "Anonymous guest\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (guests->len, ==, 3);
  g = guests->pdata[0];
  g_assert_cmpint (g->person_id, ==, 0);
  g_assert_cmpstr (g->name, ==, "John Smith");
  g_assert_cmpstr (g->guest_nationality, ==, "US");
  g_assert_cmpstr (g->guest_passport, ==, "123456789");
  g_assert_cmpstr (g->guest_organisation, ==, "World Bank, Hanoi");
  g_assert_cmpstr (g->position, ==, "Director");
  g = guests->pdata[1];
  g_assert_cmpstr (g->guest_nationality, ==, "JP");
  g_assert_cmpstr (g->guest_passport, ==, "");
  g = guests->pdata[2];
  g_assert_cmpstr (g->guest_nationality, ==, "");
  g_clear_pointer (&guests, g_ptr_array_unref);

  guests = dn_guest_list_parse ("John Smith\tUS\n"
                                "\tUS\t123\n"
                                "Jane Doe\tAtlantis\n"
                                "A\tUS\t1\t2\t3\t4\n", &error);
  g_assert_null (guests);
  g_assert_error (error, DN_GUEST_LIST_ERROR, DN_GUEST_LIST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2: the name is missing."));
  g_assert_nonnull (strstr (error->message, "Line 3: “Atlantis” is not a country."));
  g_assert_nonnull (strstr (error->message, "Line 4: 6 columns"));
  g_assert_null (strstr (error->message, "Line 1"));
  g_clear_error (&error);

  guests = dn_guest_list_parse ("\n \n", &error);
  g_assert_null (guests);
  g_assert_error (error, DN_GUEST_LIST_ERROR, DN_GUEST_LIST_ERROR_EMPTY);
  g_clear_error (&error);
  guests = dn_guest_list_parse ("\xff\xfe", &error);
  g_assert_error (error, DN_GUEST_LIST_ERROR, DN_GUEST_LIST_ERROR_INVALID);
}

/* The list's filters (direction, status, words without accents, abroad on
 * a day, report overdue), paging by key, the model, the overview counts. */
static void
test_list_and_counts (DnTestStore   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(DnDelegationFilter) filter = dn_delegation_filter_new ();
  g_autoptr(DnDelegationListModel) model = dn_delegation_list_model_new (fixture->store);
  g_autoptr(DnDelegation) visit = make_delegation (DN_DELEGATION_INBOUND, "Đoàn Hàn Quốc vào", 2025, 3, 5,
                                                   2025, 3, 6);
  DnDelegationQuery query;
  gint64 a = add_staff (fixture->store, "An");
  gint64 b = add_staff (fixture->store, "Bình");
  gint64 korea = add_delegation (fixture->store, "Khảo sát giáo dục Hàn Quốc", 3, 1, 3, 10);
  gint64 japan = add_delegation (fixture->store, "Hội thảo Nhật Bản", 3, 8, 3, 12);
  gint64 done = add_delegation (fixture->store, "Tập huấn Singapore", 2, 1, 2, 5);
  gint64 decision = dn_test_add_document (fixture->store, "1", "QĐ", "Cử đoàn", NULL);
  GDate day = dn_test_date (2025, 3, 9);
  GDate today = dn_test_date (2025, 3, 1);

  g_assert_true (dn_store_add_delegation (fixture->store, visit, NULL, FALSE, &error));
  g_assert_true (add_member (fixture->store, korea, a, FALSE, &error));
  g_assert_true (add_member (fixture->store, korea, b, FALSE, &error));
  g_assert_true (add_member (fixture->store, done, a, FALSE, &error));
  g_assert_true (dn_store_approve_delegation (fixture->store, korea, decision, &error));
  g_assert_true (dn_store_approve_delegation (fixture->store, done, decision, &error));
  g_assert_true (dn_store_depart_delegation (fixture->store, done, &error));
  g_assert_true (dn_store_return_delegation (fixture->store, done, NULL, &error));
  g_assert_no_error (error);

  /* outbound, newest first, a page of 2 then the rest */
  dn_delegation_query_init (&query);
  query.direction = DN_DELEGATION_OUTBOUND;
  page = dn_store_list_delegations (fixture->store, &query, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpint (DN_DELEGATION (page->pdata[0])->id, ==, japan);
  g_assert_cmpint (DN_DELEGATION (page->pdata[1])->id, ==, korea);
  g_assert_cmpuint (DN_DELEGATION (page->pdata[1])->n_members, ==, 2);
  next = dn_store_list_delegations (fixture->store, &query, page->pdata[1], 2, &error);
  g_assert_cmpuint (next->len, ==, 1);
  g_assert_cmpint (DN_DELEGATION (next->pdata[0])->id, ==, done);

  /* through the filter and the model */
  dn_delegation_filter_set_direction (filter, DN_DELEGATION_OUTBOUND);
  dn_delegation_filter_set_text (filter, "han quoc");
  dn_delegation_filter_to_query (filter, &query);
  g_assert_true (dn_delegation_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (dn_query_model_get_id (DN_QUERY_MODEL (model), 0), ==, korea);

  dn_delegation_filter_set_text (filter, NULL);
  dn_delegation_filter_set_direction (filter, -1);
  dn_delegation_filter_set_abroad_on (filter, &day);
  dn_delegation_filter_to_query (filter, &query);
  g_assert_true (dn_delegation_list_model_set_query (model, &query, &error));
  /* Japan is proposed only: not abroad */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  dn_delegation_filter_set_abroad_on (filter, NULL);
  dn_delegation_filter_set_status (filter, DN_DELEGATION_RETURNED);
  dn_delegation_filter_to_query (filter, &query);
  g_assert_true (dn_delegation_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* report due 20/2: overdue on 1/3, not on 20/2 */
  dn_delegation_filter_set_status (filter, -1);
  dn_delegation_filter_set_report_overdue (filter, TRUE);
  dn_delegation_filter_set_today (filter, &today);
  dn_delegation_filter_to_query (filter, &query);
  g_assert_true (dn_delegation_list_model_set_query (model, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (dn_query_model_get_id (DN_QUERY_MODEL (model), 0), ==, done);
  g_assert_cmpint (dn_store_count_reports_overdue (fixture->store, &today, &error), ==, 1);
  g_assert_cmpint (dn_store_count_reports_overdue (fixture->store, (GDate[]) { dn_test_date (2025, 2, 20) }, &error),
                   ==, 0);

  /* staff abroad on 9/3: An and Bình (Korea, approved); on 3/2 nobody
   * (Singapore has returned) */
  g_assert_cmpint (dn_store_count_staff_abroad (fixture->store, &day, &error), ==, 2);
  /* the overview's alerts count the same */
  {
    gint64 counts[DN_ALERT_N];

    g_assert_true (dn_store_count_alerts (fixture->store, &day, counts, &error));
    g_assert_cmpint (counts[DN_ALERT_STAFF_ABROAD], ==, 2);
    g_assert_cmpint (counts[DN_ALERT_REPORTS_OVERDUE], ==, 1);
  }
  g_assert_cmpint (dn_store_count_staff_abroad (fixture->store, (GDate[]) { dn_test_date (2025, 2, 3) }, &error),
                   ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  DN_TEST_ADD ("/delegations/add-get-update-delete", test_add_get_update_delete);
  DN_TEST_ADD ("/delegations/refused-input", test_refused_input);
  DN_TEST_ADD ("/delegations/status-path", test_status_path);
  DN_TEST_ADD ("/delegations/report-due", test_report_due);
  DN_TEST_ADD ("/delegations/overlap", test_overlap);
  DN_TEST_ADD ("/delegations/members", test_members);
  DN_TEST_ADD ("/delegations/limits", test_limits);
  DN_TEST_ADD ("/delegations/saved-whole", test_saved_whole);
  DN_TEST_ADD ("/delegations/inbound", test_inbound);
  DN_TEST_ADD ("/delegations/list-and-counts", test_list_and_counts);
  g_test_add_func ("/delegations/guest-list", test_guest_list);
  return g_test_run ();
}
