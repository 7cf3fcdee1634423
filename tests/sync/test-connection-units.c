/* test-connection-units.c: a unit's new name from a day, its archiving
 * and its merging written through the department server by a desktop's
 * connection (dn-connection.h): each in the replica once written, one
 * read at an old revision a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connection-units"

#include "config.h"

#include "dn-connection-test-utils.h"
#include "dn-store-changes.h"
#include "dn-test-utils.h"

static DnWrite *
rename_write (DnStore     *replica,
              gint64       id,
              const char  *name,
              const char  *code,
              GDate        effective,
              gint64       revision)
{
  DnWrite *write = dn_write_new (DN_WRITE_RENAME_UNIT);
  DnUnit *unit = dn_store_get_unit (replica, id, NULL);

  g_assert_nonnull (unit);
  g_free (unit->name);
  unit->name = g_strdup (name);
  g_free (unit->code);
  unit->code = g_strdup (code);
  unit->kind = DN_UNIT_KIND_CENTRE;
  write->record = G_OBJECT (unit);
  write->date = effective;
  write->revision = revision;
  return write;
}

static DnWrite *
archive_write (gint64   id,
               gboolean archived,
               gint64   revision)
{
  DnWrite *write = dn_write_new (DN_WRITE_ARCHIVE_UNIT);
  DnUnit *unit = dn_unit_new ();

  unit->id = id;
  unit->archived = archived;
  write->record = G_OBJECT (unit);
  write->revision = revision;
  return write;
}

static void
test_connection_units (DnConnectionFixture *f,
                       gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) renamed = NULL;
  g_autoptr(DnWrite) stale = NULL;
  g_autoptr(DnWrite) archived = NULL;
  g_autoptr(DnWrite) restored = NULL;
  g_autoptr(DnWrite) merged = dn_write_new (DN_WRITE_MERGE_UNITS);
  DnStore *server = f->server.base.store;
  gint64 school = f->server.school;
  gint64 read_at;
  GDate june = dn_test_date (2026, 6, 30);

  g_assert_true (dn_connection_test_sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  /* a store the server keeps is read only: written through the server */
  read_at = dn_store_get_row_revision (f->replica.store, "unit", school, NULL);
  g_assert_cmpint (read_at, >, 0);
  renamed = rename_write (f->replica.store, school, "Trường TH&THCS Bát Xát", "THCSBX", dn_test_date (2026, 7, 1),
                          read_at);
  g_assert_true (dn_connection_test_write (f, renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM unit WHERE id = %" G_GINT64_FORMAT
                                      " AND name = 'Trường TH&THCS Bát Xát' AND code = 'THCSBX' AND kind = 'centre'",
                                      school), ==, 1);
  /* the old name kept for the days before, in the replica too */
  dn_test_assert_owned_cmpstr (dn_store_unit_name_at (f->replica.store, school, &june, &error), ==,
                               "Trường Tiểu học Bát Xát");
  g_assert_no_error (error);

  /* read before that: a conflict, nothing written */
  stale = rename_write (f->replica.store, school, "Trường Liên cấp Bát Xát", "THCSBX", dn_test_date (2026, 9, 1),
                        read_at);
  g_assert_false (dn_connection_test_write (f, stale, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT name FROM unit WHERE id = %" G_GINT64_FORMAT,
                                                   school), ==, "Trường TH&THCS Bát Xát");

  /* archived, then restored */
  archived = archive_write (school, TRUE, dn_store_get_row_revision (f->replica.store, "unit", school, NULL));
  g_assert_true (dn_connection_test_write (f, archived, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      school), ==, 1);
  restored = archive_write (school, FALSE, -1);
  g_assert_true (dn_connection_test_write (f, restored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      school), ==, 0);

  /* Bát Xát merged into Sa Pa: the merge's id as the server has it */
  merged->id = f->server.office;
  merged->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (merged->units, f->server.other);
  merged->revision = dn_store_get_row_revision (f->replica.store, "unit", f->server.office, NULL);
  g_assert_true (dn_connection_test_write (f, merged, &error));
  g_assert_no_error (error);
  g_assert_cmpint (merged->made_id, >, 0);
  g_assert_cmpint (merged->made_id, ==, dn_test_query_int (server, "SELECT max(id) FROM unit_merge"));
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->server.office), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT parent_id FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      school), ==, f->server.other);
}

/* A unit officer's connection: refused by the server, nothing written */
static void
test_connection_units_refused (DnConnectionFixture *f,
                               gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) archived = archive_write (f->server.school, TRUE, -1);
  gint64 log;

  g_assert_true (dn_connection_test_sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  log = dn_store_get_revision (f->server.base.store);
  g_assert_false (dn_connection_test_write (f, archived, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (dn_store_get_revision (f->server.base.store), ==, log);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT,
                                      f->server.school), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  DN_CONNECTION_TEST_ADD ("/connection-units/steps", test_connection_units);
  DN_CONNECTION_TEST_ADD ("/connection-units/refused", test_connection_units_refused);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
