/* test-server-unit-steps.c: a unit's new name from a day, its archiving
 * and its merging through the API on loopback (dn-server-unit-steps.c):
 * each made, who may, bad bodies, a stale revision; nothing written
 * whenever refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-server-unit-steps"

#include "config.h"

#include <string.h>

#include "dn-server-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

static const char *
answer_text (DnAnswer   *answer,
             const char *member)
{
  return json_object_get_string_member_with_default (dn_answer_object (answer), member, NULL);
}

/* The refusals every route shares: a reader, a unit officer, an unknown
 * unit, a body of unknown fields; nothing written */
static void
assert_refused_alike (DnServerFixture *f,
                      const char      *route,
                      const char      *body)
{
  g_autofree char *so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  g_autofree char *batxat = dn_server_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD);
  g_autofree char *reader = dn_server_test_sign_in (f, "docgia", DN_SERVER_TEST_PASSWORD);
  g_auto(DnAnswer) answer = { 0 };
  gint64 log = dn_store_get_revision (f->base.store);

  dn_server_test_send_to (f, "POST", batxat, body, &answer, "/units/%" G_GINT64_FORMAT "/%s", f->school, route);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", reader, body, &answer, "/units/%" G_GINT64_FORMAT "/%s", f->school, route);
  dn_server_test_assert_error (&answer, 403, "forbidden");
  dn_server_test_send_to (f, "POST", so, body, &answer, "/units/999/%s", route);
  dn_server_test_assert_error (&answer, 404, "not-found");
  dn_server_test_send_to (f, "POST", so, "{\"colour\": \"red\"}", &answer, "/units/%" G_GINT64_FORMAT "/%s",
                          f->school, route);
  dn_server_test_assert_error (&answer, 400, "unknown-field");
  dn_server_test_send_to (f, "POST", NULL, body, &answer, "/units/%" G_GINT64_FORMAT "/%s", f->school, route);
  g_assert_cmpuint (answer.status, ==, 401);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
}

static void
test_rename (DnServerFixture *f,
             gconstpointer    data)
{
  g_autofree char *so = NULL;
  g_autofree char *path = g_strdup_printf ("/units/%" G_GINT64_FORMAT "/rename", f->school);
  g_auto(DnAnswer) answer = { 0 };
  g_autoptr(GError) error = NULL;
  GDate june;
  gint64 revision, log;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  assert_refused_alike (f, "rename", "{\"name\": \"Trường TH số 1 Bát Xát\", \"effective\": \"2026-07-01\"}");

  /* bad bodies, the store's refusals, a stale revision: nothing written */
  revision = dn_server_test_row_revision (f, "unit", f->school);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường TH số 1 Bát Xát\"}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường TH số 1\", \"effective\": \"2026-02-30\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": 7, \"effective\": \"2026-07-01\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường TH số 1\", \"effective\": \"2026-07-01\", "
                                                     "\"kind\": \"castle\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường Tiểu học Bát Xát\", "
                                                     "\"effective\": \"2026-07-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"  \", \"effective\": \"2026-07-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  /* the new name is made, then the code another unit has: all taken back */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường TH số 1\", \"effective\": \"2026-07-01\", "
                                                     "\"code\": \"PGDSP\"}");
  g_assert_cmpuint (answer.status, >=, 400);
  g_assert_cmpuint (answer.status, <, 500);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường TH số 1\", \"effective\": \"2026-07-01\", "
                                                     "\"revision\": %" G_GINT64_FORMAT "}", revision + 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (dn_answer_object (&answer), "current"),
                                               "id"), ==, f->school);
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM unit_name"), ==, 0);

  /* the new name from July, code and kind with it, at the revision read */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường TH&THCS Bát Xát\", "
                                                     "\"effective\": \"2026-07-01\", \"code\": \"THCSBX\", "
                                                     "\"kind\": \"centre\", \"revision\": %" G_GINT64_FORMAT "}",
                       revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer_text (&answer, "name"), ==, "Trường TH&THCS Bát Xát");
  g_assert_cmpstr (answer_text (&answer, "code"), ==, "THCSBX");
  g_assert_cmpstr (answer_text (&answer, "kind"), ==, "centre");
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "revision"), >, revision);
  g_date_clear (&june, 1);
  g_date_set_dmy (&june, 30, G_DATE_JUNE, 2026);
  dn_test_assert_owned_cmpstr (dn_store_unit_name_at (f->base.store, f->school, &june, &error), ==,
                               "Trường Tiểu học Bát Xát");
  /* code and kind stay when not given */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường Liên cấp Bát Xát\", "
                                                     "\"effective\": \"2026-09-01\"}");
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer_text (&answer, "code"), ==, "THCSBX");
  g_assert_cmpstr (answer_text (&answer, "kind"), ==, "centre");
  /* a day before the current name took effect */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"name\": \"Trường Bát Xát\", \"effective\": \"2026-08-01\"}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
}

static void
test_archive (DnServerFixture *f,
              gconstpointer    data)
{
  g_autofree char *so = NULL;
  g_autofree char *path = g_strdup_printf ("/units/%" G_GINT64_FORMAT "/archive", f->school);
  g_auto(DnAnswer) answer = { 0 };
  gint64 revision, log;

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  assert_refused_alike (f, "archive", "{\"archived\": true}");

  revision = dn_server_test_row_revision (f, "unit", f->school);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"archived\": \"yes\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"archived\": true, \"revision\": %" G_GINT64_FORMAT "}",
                       revision + 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->school), ==, 0);

  dn_server_test_send (f, "POST", so, &answer, path, "{\"archived\": true, \"revision\": %" G_GINT64_FORMAT "}",
                       revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_true (json_object_get_boolean_member (dn_answer_object (&answer), "archived"));
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->school), ==, 1);
  dn_server_test_send (f, "POST", so, &answer, path, "{\"archived\": false}");
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_false (json_object_get_boolean_member (dn_answer_object (&answer), "archived"));
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->school), ==, 0);
}

static void
test_merge (DnServerFixture *f,
            gconstpointer    data)
{
  g_autofree char *so = NULL;
  g_autofree char *path = g_strdup_printf ("/units/%" G_GINT64_FORMAT "/merge", f->office);
  g_auto(DnAnswer) answer = { 0 };
  gint64 task = dn_server_test_add_task (f, "Báo cáo tháng", f->office);
  gint64 revision, log;
  g_autofree char *body = g_strdup_printf ("{\"into\": %" G_GINT64_FORMAT "}", f->other);

  dn_server_test_add_account (f, "docgia", f->office, DN_ACCOUNT_ROLE_READER);
  so = dn_server_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD);
  assert_refused_alike (f, "merge", body);

  revision = dn_server_test_row_revision (f, "unit", f->office);
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send (f, "POST", so, &answer, path, "{}");
  dn_server_test_assert_error (&answer, 400, "missing-field");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": \"PGDSP\"}");
  dn_server_test_assert_error (&answer, 400, "wrong-type");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": 0}");
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": 999}");
  dn_server_test_assert_error (&answer, 404, "not-found");
  /* into itself, into its own school */
  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": %" G_GINT64_FORMAT "}", f->office);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": %" G_GINT64_FORMAT "}", f->school);
  dn_server_test_assert_error (&answer, 400, "invalid");
  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": %" G_GINT64_FORMAT ", \"revision\": %"
                                                     G_GINT64_FORMAT "}", f->other, revision + 1);
  dn_server_test_assert_error (&answer, 409, "conflict");
  g_assert_cmpint (dn_store_get_revision (f->base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM unit_merge"), ==, 0);

  dn_server_test_send (f, "POST", so, &answer, path, "{\"into\": %" G_GINT64_FORMAT ", \"revision\": %"
                                                     G_GINT64_FORMAT "}", f->other, revision);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "id"), ==, f->office);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "into"), ==, f->other);
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "merge_id"), ==,
                   dn_test_query_int (f->base.store, "SELECT max(id) FROM unit_merge"));
  g_assert_cmpint (json_object_get_int_member (dn_answer_object (&answer), "merge_id"), >, 0);
  /* the office archived, its school and its task moved to Sa Pa */
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->office), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT parent_id FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->school), ==, f->other);
  g_assert_cmpint (dn_test_query_int (f->base.store, "SELECT count(*) FROM assignment WHERE task_id = %"
                                      G_GINT64_FORMAT " AND unit_id = %" G_GINT64_FORMAT, task, f->other), ==, 1);
  /* no body; the school merged too; an archived unit is not merged into */
  log = dn_store_get_revision (f->base.store);
  dn_server_test_send_to (f, "POST", so, NULL, &answer, "/units/%" G_GINT64_FORMAT "/merge", f->school);
  g_assert_cmpuint (answer.status, ==, 400);
  dn_server_test_send_to (f, "POST", so, body, &answer, "/units/%" G_GINT64_FORMAT "/merge", f->school);
  g_assert_cmpuint (answer.status, ==, 200);
  g_free (body);
  body = g_strdup_printf ("{\"into\": %" G_GINT64_FORMAT "}", f->office);
  dn_server_test_send_to (f, "POST", so, body, &answer, "/units/%" G_GINT64_FORMAT "/merge", f->department);
  dn_server_test_assert_error (&answer, 400, "invalid");
  g_assert_cmpint (dn_store_get_revision (f->base.store), >, log);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_SERVER_TEST_ADD ("/server-unit-steps/rename", test_rename);
  DN_SERVER_TEST_ADD ("/server-unit-steps/archive", test_archive);
  DN_SERVER_TEST_ADD ("/server-unit-steps/merge", test_merge);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
