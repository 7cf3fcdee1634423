/* test-server-records.c: the records served beside the tasks (units,
 * people, documents and their files, partners, passports, delegations,
 * reports) on loopback: who sees what (a school officer not another
 * school's records nor confidential documents, a reader writing nothing),
 * lists a page at a time, writes with their revision check, every bad
 * input answered with a JSON error and nothing written, and the changes a
 * unit officer gets being exactly what its lists give it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-records"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

/* Two strings the test owns, both freed after */
#define assert_same_owned(owned, other) \
  G_STMT_START { \
    g_autofree char *dn_one_ = (owned); \
    g_autofree char *dn_other_ = (other); \
    g_assert_cmpstr (dn_one_, ==, dn_other_); \
  } G_STMT_END

/* ---------------------------------------------------------------- helpers */

/* The ids of a list's records, "3,1,2" */
static char *
ids_of_list (DnAnswer   *answer,
             const char *plural)
{
  JsonArray *list = json_object_get_array_member (dn_answer_object (answer), plural);
  GString *ids = g_string_new ("");

  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (list, i), "id"));
  return g_string_free (ids, FALSE);
}

/* Every id of a list read a page of @limit at a time, following "next" */
static char *
ids_of_all_pages (DnServerFixture *f,
                  const char      *token,
                  const char      *path,
                  const char      *plural,
                  guint            limit)
{
  g_auto(DnAnswer) page = { 0 };
  GString *all = g_string_new ("");
  gint64 after = 0;

  for (;;)
    {
      g_autofree char *ids = NULL;
      JsonNode *next;

      dn_server_test_send_to (f, "GET", token, NULL, &page,
                              "%s?after=%" G_GINT64_FORMAT "&limit=%u", path, after, limit);
      g_assert_cmpuint (page.status, ==, 200);
      ids = ids_of_list (&page, plural);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&page), plural)), <=,
                        limit);
      if (*ids != '\0')
        g_string_append_printf (all, "%s%s", all->len > 0 ? "," : "", ids);
      next = json_object_get_member (dn_answer_object (&page), "next");
      if (JSON_NODE_HOLDS_NULL (next))
        break;
      after = json_node_get_int (next);
    }
  return g_string_free (all, FALSE);
}

/* The ids of @table's rows among the changes since 0 that @token gets, in
 * ascending order, deletions left out */
static char *
ids_of_changes (DnServerFixture *f,
                const char      *token,
                const char      *table)
{
  g_auto(DnAnswer) answer = { 0 };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *changes;

  dn_server_test_send_to (f, "GET", token, NULL, &answer, "/changes?since=0");
  g_assert_cmpuint (answer.status, ==, 200);
  changes = json_object_get_array_member (dn_answer_object (&answer), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      gint64 id = json_object_get_int_member (change, "id");

      if (g_str_equal (json_object_get_string_member (change, "table"), table) &&
          !g_str_equal (json_object_get_string_member (change, "op"), "delete"))
        g_array_append_val (ids, id);
    }
  {
    g_autofree char *text = dn_test_ids_of_array (ids);

    return dn_test_ids_sorted (text);
  }
}

static gint64
add_passport (DnServerFixture *f,
              gint64           person,
              const char      *number)
{
  dn_test_exec (f->base.store,
                "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                "VALUES (%" G_GINT64_FORMAT ", 'official', '%s', '2020-01-01', '2030-01-01')", person, number);
  return dn_test_query_int (f->base.store, "SELECT id FROM passport WHERE number = '%s'", number);
}

static gint64
add_delegation (DnServerFixture *f,
                const char      *title,
                gint64           unit)
{
  dn_test_exec (f->base.store,
                "INSERT INTO delegation (direction, title, unit_id, start_date, end_date) "
                "VALUES ('outbound', '%s', %" G_GINT64_FORMAT ", '2026-03-01', '2026-03-05')", title, unit);
  return dn_test_query_int (f->base.store, "SELECT max(id) FROM delegation");
}

/* ---------------------------------------------------------------- units */

static void
test_units (DnServerFixture *f,
            gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *all = NULL;
  g_auto(DnAnswer) answer = { 0 };
  const char *bad_bodies[][2] = {
    { "{\"code\": \"X\", \"name\": \"X\"", "malformed" },
    { "[1]", "malformed" },
    { "{\"code\": 5, \"name\": \"Trường X\", \"kind\": \"school\"}", "wrong-type" },
    { "{\"code\": \"X\", \"name\": \"Trường X\", \"kind\": \"school\", \"colour\": 1}", "unknown-field" },
    { "{\"code\": \"X\", \"kind\": \"school\"}", "missing-field" },
    { "{\"code\": \"X\", \"name\": \"Trường X\", \"kind\": \"castle\"}", "invalid" },
    { "{\"code\": \"X\", \"name\": \"Trường X\", \"kind\": \"school\", \"archived\": 2}", "invalid" },
    { "{\"code\": \"X Y\", \"name\": \"Trường X\", \"kind\": \"school\"}", "invalid" },
    { "{\"code\": \"X\", \"name\": \"Trường X\", \"kind\": \"school\", \"parent_id\": 999}", "not-found" },
    { "{\"code\": \"THBX\", \"name\": \"Trường X\", \"kind\": \"school\"}", "duplicate" },
  };
  gint64 revision, id, log;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);

  /* everyone sees the whole tree, a page at a time */
  all = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                         f->department, f->office, f->school, f->other);
  dn_test_assert_owned_cmpstr (ids_of_all_pages (f, batxat, "/units", "units", 3), ==, all);
  dn_test_assert_owned_cmpstr (ids_of_all_pages (f, reader, "/units", "units", 1), ==, all);
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/units/%" G_GINT64_FORMAT, f->other);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "code"), ==, "PGDSP");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "parent_id"), ==, f->department);
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/units/999");
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/units?limit=0");
  dn_server_test_assert_error (&answer, 400, "invalid-query");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/units?after=-1");
  dn_server_test_assert_error (&answer, 400, "invalid-query");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/people?limit=501");
  dn_server_test_assert_error (&answer, 400, "invalid-query");

  /* only the department writes them */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send_to (f, "POST", batxat, "{\"code\": \"THX\", \"name\": \"Trường X\", \"kind\": \"school\"}",
                          &answer,
                          "/units");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", reader, "{\"code\": \"THX\", \"name\": \"Trường X\", \"kind\": \"school\"}",
                          &answer,
                          "/units");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "PATCH", batxat, "{\"revision\": 0, \"name\": \"Phòng mới\"}", &answer,
                          "/units/%" G_GINT64_FORMAT,
                          f->office);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  for (guint i = 0; i < G_N_ELEMENTS (bad_bodies); i++)
    {
      dn_server_test_send_to (f, "POST", so, bad_bodies[i][0], &answer, "/units");
      dn_server_test_assert_error (&answer, g_str_equal (bad_bodies[i][1], "duplicate") ? 409
                                            : g_str_equal (bad_bodies[i][1], "not-found") ? 404 : 400,
                                   bad_bodies[i][1]);
    }
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM unit"), ==, 4);

  /* a new one, with its revision and who made it */
  g_assert_cmpint (f->office, ==, 2);
  dn_server_test_send_to (f, "POST", so, "{\"code\": \"THX\", \"name\": \"Trường Tiểu học X\", \"kind\": \"school\", "
                                         "\"parent_id\": 2}", &answer, "/units");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "parent_id"), ==, f->office);
  g_assert_cmpuint (answer.status, ==, 201);
  id = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpint (revision, >, log);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "kind"), ==, "school");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT actor FROM change_log "
                                                                  "WHERE table_name = 'unit' ORDER BY revision DESC"),
                               ==, "so");

  /* a change needs the revision read; a stale one is a conflict with the
   * record now, and nothing written */
  dn_server_test_send_to (f, "PATCH", so, "{\"name\": \"Trường Y\"}", &answer, "/units/%" G_GINT64_FORMAT, id);
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send_to (f, "PATCH", so, "{\"revision\": \"1\", \"name\": \"Trường Y\"}", &answer,
                          "/units/%" G_GINT64_FORMAT, id);
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send_to (f, "PATCH", so, "{\"revision\": 1, \"name\": \"Trường Y\"}", &answer, "/units/999");
  dn_server_test_assert_error (&answer, 404, "not-found");
  {
    g_autofree char *stale = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"name\": \"Trường Y\"}",
                                              revision - 1);

    dn_server_test_send_to (f, "PATCH", so, stale, &answer, "/units/%" G_GINT64_FORMAT, id);
    dn_server_test_assert_error (&answer, 409, "conflict");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer),
                                                                                   "current"),
                                                    "name"), ==, "Trường Tiểu học X");
    dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT name FROM unit WHERE id = %"
                                                     G_GINT64_FORMAT, id), ==, "Trường Tiểu học X");
  }
  {
    g_autofree char *fresh = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"name\": \"Trường Y\", "
                                              "\"parent_id\": null}", revision);

    dn_server_test_send_to (f, "PATCH", so, fresh, &answer, "/units/%" G_GINT64_FORMAT, id);
    g_assert_cmpuint (answer.status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "name"), ==, "Trường Y");
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (dn_answer_object (&answer), "parent_id")));
    g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "revision"), >, revision);
    /* the same body again is stale now */
    dn_server_test_send_to (f, "PATCH", so, fresh, &answer, "/units/%" G_GINT64_FORMAT, id);
    dn_server_test_assert_error (&answer, 409, "conflict");
  }
  /* a unit cannot go below itself: the store's rule, nothing written */
  {
    g_autofree char *cycle = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"parent_id\": %"
                                              G_GINT64_FORMAT "}",
                                              dn_test_query_int (f->base.store, "SELECT revision FROM unit WHERE id = %"
                                                                 G_GINT64_FORMAT, f->office), f->school);

    log = dn_store_get_revision (f->base.store);
    dn_server_test_send_to (f, "PATCH", so, cycle, &answer, "/units/%" G_GINT64_FORMAT, f->office);
    dn_server_test_assert_error (&answer, 400, "invalid");
    g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  }
}

/* ---------------------------------------------------------------- people */

static void
test_people (DnServerFixture *f,
             gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = NULL;
  g_autofree char *body = NULL;
  g_auto(DnAnswer) answer = { 0 };
  gint64 in_office, in_school, in_other, nowhere, added, revision, log;

  dn_server_test_add_account (f, "docgia", f->school, DN_ACCOUNT_ROLE_READER);
  reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  in_office = dn_test_add_person (f->base.store, "Nguyễn", "Văn", "An", f->office);
  in_other = dn_test_add_person (f->base.store, "Trần", "Thị", "Bình", f->other);
  in_school = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  nowhere = dn_test_add_person (f->base.store, "Phạm", "", "Dũng", 0);

  /* a unit officer: its unit and below, page by page; the department: all */
  assert_same_owned (ids_of_all_pages (f, batxat, "/people", "people", 1), DN_TEST_IDS (in_office, in_school));
  assert_same_owned (ids_of_all_pages (f, reader, "/people", "people", 1), DN_TEST_IDS (in_school));
  assert_same_owned (ids_of_all_pages (f, so, "/people", "people", 3),
                     DN_TEST_IDS (in_office, in_other, in_school, nowhere));
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/people/%" G_GINT64_FORMAT, in_school);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "given_name"), ==, "Cường");
  /* another school's, or the department's, as if there were none */
  dn_server_test_send_to (f, "GET", reader, NULL, &answer, "/people/%" G_GINT64_FORMAT, in_office);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/people/%" G_GINT64_FORMAT, in_other);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/people/%" G_GINT64_FORMAT, nowhere);
  dn_server_test_assert_error (&answer, 404, "not-found");

  /* writes: bad input, other units, a reader: nothing written (the
   * bodies name the school 3 and the other office 4) */
  g_assert_cmpint (f->school, ==, 3);
  g_assert_cmpint (f->other, ==, 4);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send_to (f, "POST", batxat, "{\"family_name\": \"Đỗ\", \"given_name\": \"Em\", \"unit_id\": 4}",
                          &answer,
                          "/people");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", batxat, "{\"family_name\": \"Đỗ\", \"given_name\": \"Em\"}", &answer, "/people");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", reader, "{\"family_name\": \"Đỗ\", \"given_name\": \"Em\", \"unit_id\": 3}",
                          &answer,
                          "/people");
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", batxat,
                          "{\"family_name\": \"Đỗ\", \"given_name\": \"Em\", \"unit_id\": 3, \"gender\": \"x\"}",
                          &answer, "/people");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send_to (f, "POST", batxat,
                          "{\"family_name\": \"Đỗ\", \"given_name\": \"Em\", \"birth_date\": \"2001-02-30\"}",
                          &answer, "/people");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send_to (f, "POST", batxat, "{\"family_name\": \"Đỗ\", \"unit_id\": 3}", &answer, "/people");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send_to (f, "POST", batxat, "{\"family_name\": \"Đỗ\", \"given_name\": \"Em\", \"salary\": 1}",
                          &answer,
                          "/people");
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send_to (f, "POST", batxat, "{\"family_name\": \" \", \"given_name\": \"Em\", \"unit_id\": 3}",
                          &answer,
                          "/people");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send_to (f, "PATCH", batxat, "{\"revision\": 0, \"phone\": \"1\"}", &answer,
                          "/people/%" G_GINT64_FORMAT, in_other);
  dn_server_test_assert_error (&answer, 404, "not-found");
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"phone\": \"1\"}",
                          dn_test_query_int (f->base.store, "SELECT revision FROM person WHERE id = %" G_GINT64_FORMAT,
                                             in_school));
  dn_server_test_send_to (f, "PATCH", reader, body, &answer, "/people/%" G_GINT64_FORMAT, in_school);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  /* moving one's own person to another unit */
  g_free (body);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"unit_id\": %" G_GINT64_FORMAT "}",
                          dn_test_query_int (f->base.store, "SELECT revision FROM person WHERE id = %" G_GINT64_FORMAT,
                                             in_school), f->other);
  dn_server_test_send_to (f, "PATCH", batxat, body, &answer, "/people/%" G_GINT64_FORMAT, in_school);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);

  /* a unit officer adds and changes its school's staff */
  dn_server_test_send_to (f, "POST", batxat,
                          "{\"family_name\": \"Đỗ\", \"middle_name\": \"Thị\", \"given_name\": \"Em\", "
                                             "\"unit_id\": 3, \"gender\": \"female\", \"birth_date\": \"1990-05-01\"}",
                          &answer, "/people");
  g_assert_cmpuint (answer.status, ==, 201);
  added = json_object_get_int_member (dn_answer_object (&answer), "id");
  revision = json_object_get_int_member (dn_answer_object (&answer), "revision");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "birth_date"), ==, "1990-05-01");
  g_free (body);
  body = g_strdup_printf ("{\"revision\": %" G_GINT64_FORMAT ", \"position\": \"Hiệu trưởng\", "
                          "\"birth_date\": null}", revision);
  dn_server_test_send_to (f, "PATCH", batxat, body, &answer, "/people/%" G_GINT64_FORMAT, added);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "position"), ==, "Hiệu trưởng");
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "family_name"), ==, "Đỗ");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (dn_answer_object (&answer), "birth_date")));
  /* the department saves on what it read before: a conflict */
  dn_server_test_send_to (f, "PATCH", so, body, &answer, "/people/%" G_GINT64_FORMAT, added);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                                  "position"), ==, "Hiệu trưởng");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->base.store, "SELECT actor FROM change_log WHERE table_name = "
                                                                  "'person' ORDER BY revision DESC"), ==, "batxat");

  /* the changes give a unit officer the people its list gives it */
  assert_same_owned (ids_of_changes (f, batxat, "person"), ids_of_all_pages (f, batxat, "/people",
                                                                                           "people", 2));
  assert_same_owned (ids_of_changes (f, reader, "person"), ids_of_all_pages (f, reader, "/people",
                                                                                           "people", 2));

  /* one moved to another office leaves the unit officer's replica: its
   * change comes to it as a deletion, with no record */
  {
    gint64 since = dn_store_get_revision (f->base.store);
    g_autoptr(DnPerson) moved = dn_store_get_person (f->base.store, in_office, NULL);
    g_autoptr(GError) error = NULL;
    JsonArray *changes;
    JsonObject *change;

    moved->unit_id = f->other;
    g_assert_true (dn_store_update_person (f->base.store, moved, &error));
    g_assert_no_error (error);
    dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/changes?since=%" G_GINT64_FORMAT, since);
    g_assert_cmpuint (answer.status, ==, 200);
    changes = json_object_get_array_member (dn_answer_object (&answer), "changes");
    g_assert_cmpuint (json_array_get_length (changes), ==, 1);
    change = json_array_get_object_element (changes, 0);
    g_assert_cmpstr (json_object_get_string_member (change, "table"), ==, "person");
    g_assert_cmpint (json_object_get_int_member (change, "id"), ==, in_office);
    g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "delete");
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (change, "row")));
    /* the department gets the change itself */
    dn_server_test_send_to (f, "GET", so, NULL, &answer, "/changes?since=%" G_GINT64_FORMAT, since);
    change = json_array_get_object_element (json_object_get_array_member (dn_answer_object (&answer), "changes"), 0);
    g_assert_cmpstr (json_object_get_string_member (change, "op"), ==, "update");
  }
}

/* ---------------------------------------------------------------- documents */

static void
test_documents (DnServerFixture *f,
                gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 open_doc, secret_doc;

  open_doc = dn_test_add_document (f->base.store, "12", "KH-SGD", "Kế hoạch năm học", NULL);
  secret_doc = dn_test_add_document (f->base.store, "13", "CV-SGD", "Danh sách đề thi", NULL);
  dn_test_exec (f->base.store, "UPDATE document SET classification = 'mat' WHERE id = %" G_GINT64_FORMAT,
                secret_doc);

  assert_same_owned (ids_of_all_pages (f, batxat, "/documents", "documents", 1), DN_TEST_IDS (open_doc));
  assert_same_owned (ids_of_all_pages (f, so, "/documents", "documents", 1), DN_TEST_IDS (open_doc, secret_doc));
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/documents/%" G_GINT64_FORMAT, secret_doc);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", so, NULL, &answer, "/documents/%" G_GINT64_FORMAT, secret_doc);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (dn_answer_object (&answer), "classification"), ==, "mat");
  assert_same_owned (ids_of_changes (f, batxat, "document"), DN_TEST_IDS (open_doc));
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GBytes **bytes = data;
  g_autoptr(GError) error = NULL;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* The bytes of GET @path with @token, its status, type and file name */
static GBytes *
download (DnServerFixture *f,
          const char      *token,
          const char      *path,
          guint           *status,
          char           **type,
          char           **name)
{
  g_autofree char *uri = g_strconcat (f->base_uri, path, NULL);
  g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GHashTable) params = NULL;
  SoupMessageHeaders *headers;
  GBytes *bytes = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_read_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  headers = soup_message_get_response_headers (msg);
  *status = soup_message_get_status (msg);
  *type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  *name = NULL;
  if (soup_message_headers_get_content_disposition (headers, NULL, &params))
    *name = g_strdup (g_hash_table_lookup (params, "filename"));
  return bytes;
}

/* A file is served to whoever sees a record it is attached to, and to
 * nobody else */
static void
test_attachments (DnServerFixture *f,
                  gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *source = g_build_filename (f->base.dir, "Kế hoạch.pdf", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  const char *content = "%PDF-1.4 kế hoạch đón đoàn";
  gint64 secret_doc, other_task, own_task;

  dn_test_write_file (source, content, -1);
  file = g_file_new_for_path (source);
  secret_doc = dn_test_add_document (f->base.store, "13", "CV-SGD", "Danh sách đề thi", NULL);
  dn_test_exec (f->base.store, "UPDATE document SET classification = 'mat' WHERE id = %" G_GINT64_FORMAT,
                secret_doc);
  attachment = dn_store_attach_file (f->base.store, DN_RECORD_DOCUMENT, secret_doc, file, NULL, &error);
  g_assert_no_error (error);
  path = g_strdup_printf ("/attachments/%s", attachment->sha256);

  /* on a confidential document only: the department gets it, the office not */
  {
    guint status;
    g_autofree char *type = NULL;
    g_autofree char *name = NULL;
    g_autoptr(GBytes) bytes = download (f, so, path, &status, &type, &name);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (type, ==, attachment->mime_type);
    g_assert_cmpstr (name, ==, "Kế hoạch.pdf");
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), content, strlen (content));
  }
  {
    guint status;
    g_autofree char *type = NULL;
    g_autofree char *name = NULL;
    g_autoptr(GBytes) bytes = download (f, batxat, path, &status, &type, &name);

    g_assert_cmpuint (status, ==, 404);
    g_assert_null (name);
  }
  dn_test_assert_owned_cmpstr (ids_of_changes (f, batxat, "attachment"), ==, "");
  /* nor the confidential document's links to it */
  dn_test_assert_owned_cmpstr (ids_of_changes (f, batxat, "document_attachment"), ==, "");
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, secret_doc);

    dn_test_assert_owned_cmpstr (ids_of_changes (f, so, "document_attachment"), ==, expected);
  }

  /* on another office's task too: still not */
  other_task = dn_server_test_add_task (f, "Tiếp đoàn JICA tại Sa Pa", f->other);
  g_assert_true (dn_store_attach (f->base.store, DN_RECORD_TASK, other_task, attachment->id, NULL, &error));
  {
    guint status;
    g_autofree char *type = NULL;
    g_autofree char *name = NULL;
    g_autoptr(GBytes) bytes = download (f, batxat, path, &status, &type, &name);

    g_assert_cmpuint (status, ==, 404);
  }
  /* on a task of its school: yes, and the changes name the file */
  own_task = dn_server_test_add_task (f, "Tiếp đoàn KOICA tại Bát Xát", f->school);
  g_assert_true (dn_store_attach (f->base.store, DN_RECORD_TASK, own_task, attachment->id, NULL, &error));
  {
    guint status;
    g_autofree char *type = NULL;
    g_autofree char *name = NULL;
    g_autoptr(GBytes) bytes = download (f, batxat, path, &status, &type, &name);

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (content));
  }
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, attachment->id);

    dn_test_assert_owned_cmpstr (ids_of_changes (f, batxat, "attachment"), ==, expected);
  }
  /* no such file, a key that is no SHA-256 */
  {
    const char *paths[] = { "/attachments/0000000000000000000000000000000000000000000000000000000000000000",
                            "/attachments/abc",
                            "/attachments/zz00000000000000000000000000000000000000000000000000000000000000" };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_auto(DnAnswer) answer = { 0 };

        dn_server_test_request (f, "GET", paths[i], so, NULL, 0, &answer);
        dn_server_test_assert_error (&answer, 404, "not-found");
      }
  }
}

/* ---------------------------------------------------------------- the rest */

/* Passports with their holder's unit, delegations with theirs, reports,
 * partners for all; the changes of each as the lists */
static void
test_other_records (DnServerFixture *f,
                    gconstpointer    data)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 teacher = dn_test_add_person (f->base.store, "Lê", "Minh", "Cường", f->school);
  gint64 stranger = dn_test_add_person (f->base.store, "Trần", "Thị", "Bình", f->other);
  gint64 own_passport = add_passport (f, teacher, "C1000001");
  gint64 other_passport = add_passport (f, stranger, "C1000002");
  gint64 own_trip = add_delegation (f, "Đoàn ra Hàn Quốc", f->school);
  gint64 other_trip = add_delegation (f, "Đoàn ra Nhật Bản", f->other);
  gint64 department_trip = add_delegation (f, "Đoàn ra Úc", f->department);
  gint64 partner;

  dn_test_exec (f->base.store, "INSERT INTO passport_event (passport_id, kind, on_date) VALUES "
                               "(%" G_GINT64_FORMAT ", 'extended', '2025-01-01'), "
                               "(%" G_GINT64_FORMAT ", 'lost', '2025-02-01')", own_passport, other_passport);
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, person_id) VALUES "
                               "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), (%" G_GINT64_FORMAT ", %"
                               G_GINT64_FORMAT ")", own_trip, teacher, other_trip, stranger);
  dn_test_exec (f->base.store, "INSERT INTO partner (name) VALUES ('KOICA')");
  partner = dn_test_query_int (f->base.store, "SELECT id FROM partner");
  dn_test_exec (f->base.store, "INSERT INTO report (kind, period, unit_id) VALUES ('year', '2025', %" G_GINT64_FORMAT
                               "), ('year', '2025', %" G_GINT64_FORMAT ")", f->office, f->other);

  assert_same_owned (ids_of_all_pages (f, batxat, "/passports", "passports", 1), DN_TEST_IDS (own_passport));
  assert_same_owned (ids_of_all_pages (f, so, "/passports", "passports", 1),
                     DN_TEST_IDS (own_passport, other_passport));
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/passports/%" G_GINT64_FORMAT, other_passport);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/passports/%" G_GINT64_FORMAT "/events", other_passport);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/passports/%" G_GINT64_FORMAT "/events", own_passport);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer), "events")), ==, 1);
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/passports/%" G_GINT64_FORMAT "/loans", own_passport);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dn_answer_object (&answer), "loans")), ==, 0);

  assert_same_owned (ids_of_all_pages (f, batxat, "/delegations", "delegations", 1), DN_TEST_IDS (own_trip));
  /* the department's delegation, once one of the school's staff goes with
   * it for the school */
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT, department_trip);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_test_exec (f->base.store, "INSERT INTO delegation_member (delegation_id, person_id, unit_id) VALUES (%"
                G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", department_trip, teacher, f->school);
  assert_same_owned (ids_of_all_pages (f, batxat, "/delegations", "delegations", 1),
                     DN_TEST_IDS (own_trip, department_trip));
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT, department_trip);
  g_assert_cmpuint (answer.status, ==, 200);
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer,
                          "/delegations/%" G_GINT64_FORMAT "/members", department_trip);
  g_assert_cmpuint (answer.status, ==, 200);
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT "/members", other_trip);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT "/members", own_trip);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (dn_answer_object (&answer),
                                                   "members"), 0), "person_id"), ==, teacher);

  assert_same_owned (ids_of_all_pages (f, batxat, "/partners", "partners", 5), DN_TEST_IDS (partner));
  assert_same_owned (ids_of_all_pages (f, batxat, "/reports", "reports", 5),
                     dn_test_query_text (f->base.store, "SELECT id FROM report WHERE unit_id = %"
                                                   G_GINT64_FORMAT, f->office));
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer,
                          "/reports/%" G_GINT64_FORMAT,
                          dn_test_query_int (f->base.store, "SELECT id FROM report WHERE unit_id = %" G_GINT64_FORMAT, f->other));
  dn_server_test_assert_error (&answer, 404, "not-found");

  /* the changes: exactly what the lists give */
  {
    const char *lists[][3] = {
      { "passport", "/passports", "passports" },
      { "delegation", "/delegations", "delegations" },
      { "partner", "/partners", "partners" },
      { "report", "/reports", "reports" },
      { "unit", "/units", "units" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      assert_same_owned (ids_of_changes (f, batxat, lists[i][0]),
                         ids_of_all_pages (f, batxat, lists[i][1], lists[i][2], 2));
  }
  assert_same_owned (ids_of_changes (f, batxat, "passport_event"),
                     dn_test_query_text (f->base.store, "SELECT id FROM passport_event WHERE passport_id = %"
                                                   G_GINT64_FORMAT, own_passport));
  dn_test_exec (f->base.store, "INSERT INTO delegation_programme (delegation_id, day, description) VALUES "
                               "(%" G_GINT64_FORMAT ", '2026-03-02', 'Thăm trường'), (%" G_GINT64_FORMAT
                               ", '2026-03-02', 'Hội thảo')", own_trip, other_trip);
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT "/programme", own_trip);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (dn_answer_object (&answer), "programme"), 0), "description"), ==,
                   "Thăm trường");
  dn_server_test_send_to (f, "GET", batxat, NULL, &answer, "/delegations/%" G_GINT64_FORMAT "/programme", other_trip);
  dn_server_test_assert_error (&answer, 404, "not-found");
  assert_same_owned (ids_of_changes (f, batxat, "delegation_programme"),
                     dn_test_query_text (f->base.store, "SELECT id FROM delegation_programme WHERE "
                                                        "delegation_id = %" G_GINT64_FORMAT, own_trip));
  assert_same_owned (ids_of_changes (f, batxat, "delegation_member"),
                     dn_test_query_text (f->base.store, "SELECT group_concat(id) FROM (SELECT id FROM "
                                                        "delegation_member WHERE delegation_id IN (%" G_GINT64_FORMAT
                                                        ", %" G_GINT64_FORMAT ") ORDER BY id)",
                                         own_trip, department_trip));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-records/units", test_units);
  DN_SERVER_TEST_ADD ("/server-records/people", test_people);
  DN_SERVER_TEST_ADD ("/server-records/documents", test_documents);
  DN_SERVER_TEST_ADD ("/server-records/attachments", test_attachments);
  DN_SERVER_TEST_ADD ("/server-records/other-records", test_other_records);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
