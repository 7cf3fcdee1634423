/* test-connection.c: a desktop working with the department server, on
 * loopback (dn-connection.h): signing in fills the replica; a wrong
 * password or a server gone leaves it readable and every write refused at
 * once with why; the window's writes go to the server and come back in
 * the replica before the form hears they succeeded; a write made on an
 * old reading is a conflict, the replica then showing the record now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connection"

#include "config.h"

#include <string.h>

#include "dn-client-test-utils.h"
#include "dn-connection.h"
#include "dn-exchange.h"
#include "dn-server-test-utils.h"
#include "dn-store-attachments.h"
#include "dn-store-changes.h"
#include "dn-store-documents.h"
#include "dn-passport-event.h"
#include "dn-passport-loan.h"
#include "dn-store-partners.h"
#include "dn-store-people.h"
#include "dn-writable.h"
#include "dn-store-tasks.h"

typedef struct
{
  DnServerFixture  server;
  DnTestStore      replica;
  DnConnection    *connection;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;

  dn_server_fixture_setup (&f->server, data);
  dn_test_store_setup (&f->replica, data);
  base = dn_server_test_dup_url (&f->server);
  client = dn_client_new (base, &error);
  g_assert_no_error (error);
  f->connection = dn_connection_new (f->replica.store, client, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  DnConnection *gone = f->connection;

  /* what was under way ends (cancelled) before the stores close */
  dn_connection_close (f->connection);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_clear_object (&f->connection);
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
  dn_test_store_teardown (&f->replica, data);
  dn_server_fixture_teardown (&f->server, data);
}

static gboolean
sign_in (Fixture     *f,
         const char  *user,
         const char  *password,
         GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  dn_connection_sign_in_async (f->connection, user, password, NULL, dn_test_on_result, &result);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_CONNECTING);
  dn_test_wait_result (&result);
  ok = dn_connection_sign_in_finish (f->connection, result, error);
  g_object_unref (result);
  return ok;
}

static gboolean
write_through (Fixture  *f,
               DnWrite  *write,
               GError  **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  g_assert_false (dn_writer_write_now (DN_WRITER (f->connection), write, NULL));
  dn_writer_write_async (DN_WRITER (f->connection), write, NULL, dn_test_on_result, &result);
  dn_test_wait_result (&result);
  ok = dn_writer_write_finish (DN_WRITER (f->connection), result, error);
  g_object_unref (result);
  return ok;
}

static gint64
count_tasks (DnStore *store)
{
  return dn_test_query_int (store, "SELECT count(*) FROM task");
}

static DnWrite *
reminder_write (gint64 task_id,
                gint64 unit_id)
{
  DnWrite *w = dn_write_new (DN_WRITE_ADD_REMINDER);

  w->reminder = dn_reminder_new ();
  w->reminder->task_id = task_id;
  w->reminder->unit_id = unit_id;
  w->reminder->sent_on = dn_test_date (2026, 12, 7);
  return w;
}

static void
test_connection_sign_in (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) refused = NULL;
  g_autofree char *text = NULL;
  gint64 mine = dn_server_test_add_task (&f->server, "Báo cáo công tác đối ngoại quý IV", f->server.office);

  dn_server_test_add_task (&f->server, "Đón đoàn KOICA", f->server.other);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_SIGNED_OUT);
  g_assert_false (dn_writer_can_undo (DN_WRITER (f->connection)));

  /* a wrong password: signed out, the write refused at once */
  g_assert_false (sign_in (f, "batxat", "sai mật khẩu", &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_SIGNED_OUT);
  g_assert_nonnull (dn_connection_get_message (f->connection));
  text = dn_connection_describe (f->connection);
  g_assert_nonnull (strstr (text, "Not signed in to 127.0.0.1"));
  refused = reminder_write (mine, f->server.office);
  g_assert_false (write_through (f, refused, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* signed in: the replica holds what the unit officer sees */
  g_assert_true (sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_ONLINE);
  g_assert_nonnull (dn_connection_get_last_sync (f->connection));
  g_assert_null (dn_connection_get_message (f->connection));
  g_assert_cmpint (count_tasks (f->replica.store), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT id FROM task"), ==, mine);

  /* the replica takes only the server's changes: a write of its own (a
   * part of the window not going through the server) is refused */
  {
    g_autoptr(DnTask) task = dn_store_get_task (f->replica.store, mine, NULL);

    g_assert_true (dn_store_is_read_only (f->replica.store));
    g_free (task->title);
    task->title = g_strdup ("Sửa tại chỗ");
    g_assert_false (dn_store_update_task (f->replica.store, task, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, "department server"));
    g_clear_error (&error);
  }
  /* and still takes the server's: a change there comes with the next sync */
  dn_test_exec (f->server.base.store, "UPDATE task SET title = 'Báo cáo quý IV (sửa)' WHERE id = %" G_GINT64_FORMAT,
                mine);
  dn_connection_sync (f->connection);
  while (dn_connection_get_state (f->connection) == DN_CONNECTION_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_ONLINE);
  {
    g_autoptr(DnTask) task = dn_store_get_task (f->replica.store, mine, NULL);

    g_assert_cmpstr (task->title, ==, "Báo cáo quý IV (sửa)");
  }
  g_clear_pointer (&text, g_free);
  text = dn_connection_describe (f->connection);
  g_assert_nonnull (strstr (text, "Connected to 127.0.0.1"));
}

static void
test_connection_offline (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) refused = NULL;
  g_autofree char *text = NULL;
  gint64 mine = dn_server_test_add_task (&f->server, "Báo cáo công tác đối ngoại quý IV", f->server.office);
  gint64 start;

  g_assert_true (sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  /* the server goes away: the next sync says so, the replica stays */
  dn_server_disconnect (f->server.server);
  dn_connection_sync (f->connection);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_SYNCING);
  while (dn_connection_get_state (f->connection) == DN_CONNECTION_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (dn_connection_get_state (f->connection), ==, DN_CONNECTION_OFFLINE);
  g_assert_nonnull (dn_connection_get_message (f->connection));
  text = dn_connection_describe (f->connection);
  g_assert_nonnull (strstr (text, "Offline"));
  g_assert_cmpint (count_tasks (f->replica.store), ==, 1);

  /* a write is refused at once, saying nothing was saved */
  start = g_get_monotonic_time ();
  refused = reminder_write (mine, f->server.office);
  g_assert_false (write_through (f, refused, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* The demo's data (a department's year, with tasks passed down to schools,
 * documents, delegations, passports…) reaches each unit officer's replica
 * whole: what a record refers to and the officer may not see is not a
 * reference the replica cannot take */
static void
test_connection_demo (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnServer) server = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *base = NULL;
  GSList *uris;
  guint tried = 0;
  gint64 left_out = 0;

  g_assert_true (dn_exchange_load_demo (f->store, &error));
  g_assert_no_error (error);
  /* the units that lead or support a task, below the department */
  for (gint64 id = 0; units->len < 8;)
    {
      id = dn_test_query_int (f->store, "SELECT coalesce (min (unit_id), 0) FROM assignment a JOIN unit u "
                              "ON u.id = a.unit_id WHERE u.parent_id IS NOT NULL AND unit_id > %" G_GINT64_FORMAT, id);
      if (id == 0)
        break;
      g_array_append_val (units, id);
    }
  g_assert_cmpuint (units->len, >, 0);
  server = dn_server_new (f->store);
  g_assert_true (dn_server_listen (server, "127.0.0.1:0", NULL, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  for (guint i = 0; i < units->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("don-vi-%u", i);
      g_autofree char *file = g_strconcat (name, ".db", NULL);
      g_autofree char *path = g_build_filename (f->dir, file, NULL);
      g_autoptr(DnAccount) account = dn_account_new ();
      g_autoptr(DnStore) replica = NULL;
      g_autoptr(DnClient) client = NULL;
      g_autoptr(DnConnection) connection = NULL;
      GAsyncResult *result = NULL;
      DnConnection *gone;

      g_free (account->name);
      account->name = g_strdup (name);
      account->unit_id = g_array_index (units, gint64, i);
      account->role = DN_ACCOUNT_ROLE_UNIT;
      g_assert_true (dn_store_add_account (f->store, account, DN_SERVER_TEST_PASSWORD, &error));
      g_assert_no_error (error);
      replica = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      client = dn_client_new (base, &error);
      g_assert_no_error (error);
      connection = dn_connection_new (replica, client, &error);
      g_assert_no_error (error);
      dn_connection_sign_in_async (connection, name, DN_SERVER_TEST_PASSWORD, NULL, dn_test_on_result, &result);
      dn_test_wait_result (&result);
      g_assert_true (dn_connection_sign_in_finish (connection, result, &error));
      g_assert_no_error (error);
      g_object_unref (result);
      if (dn_connection_get_state (connection) != DN_CONNECTION_ONLINE)
        g_error ("unit #%lld: %s", (long long) account->unit_id, dn_connection_get_message (connection));
      g_assert_cmpint (dn_test_query_int (replica, "SELECT count(*) FROM task"), >, 0);
      /* what its records refer to and it does not see is left out: a
       * confidential document of a task, a delegation's members from
       * other units */
      {
        g_autofree char *docs = dn_test_query_text (replica, "SELECT coalesce (group_concat (id), '0') FROM task "
                                                    "WHERE document_id IS NULL");
        g_autofree char *members = dn_test_query_text (replica, "SELECT coalesce (group_concat (id), '0') FROM "
                                                       "delegation_member");

        left_out += dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE document_id IS NOT NULL "
                                       "AND id IN (%s)", docs);
        left_out += dn_test_query_int (f->store, "SELECT count(*) FROM delegation_member m WHERE m.delegation_id IN "
                                       "(SELECT delegation_id FROM delegation_member WHERE id IN (%s)) "
                                       "AND m.id NOT IN (%s)", members, members);
        /* and nothing it sees refers to what it does not hold */
        g_assert_cmpint (dn_test_query_int (replica, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      }
      tried++;
      dn_connection_close (connection);
      gone = connection;
      g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
      g_clear_object (&connection);
      while (gone != NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (tried, ==, units->len);
  g_assert_cmpint (left_out, >, 0);
  dn_server_disconnect (server);
}

static DnPerson *
new_person (const char *given,
            gint64      unit)
{
  DnPerson *person = dn_person_new ();

  g_free (person->family_name);
  person->family_name = g_strdup ("Lương");
  g_free (person->given_name);
  person->given_name = g_strdup (given);
  person->unit_id = unit;
  return person;
}

/* The records written whole go through the server too: a unit officer
 * adds a person of its unit (then in its replica, with the server's id),
 * cannot add one to another unit nor a partner, and changes the person at
 * the revision its replica read; a change made on an older reading is a
 * conflict. A pass-down brings back the sub-tasks it made; the person is
 * removed again. */
static void
test_connection_records (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPerson) person = new_person ("Hà", f->server.school);
  g_autoptr(DnPerson) outsider = new_person ("Minh", f->server.other);
  g_autoptr(DnPerson) mine = NULL;
  g_autoptr(DnPartner) partner = dn_partner_new ();
  g_autoptr(DnWrite) add = dn_write_new_save (person, -1);
  g_autoptr(DnWrite) refused = dn_write_new_save (outsider, -1);
  g_autoptr(DnWrite) change = NULL;
  g_autoptr(DnWrite) stale = NULL;
  g_autoptr(DnWrite) add_partner = NULL;
  gint64 read_at;

  g_assert_true (sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (write_through (f, add, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add->made_id, >, 0);
  g_assert_cmpint (person->id, ==, add->made_id);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT unit_id FROM person WHERE id = %" G_GINT64_FORMAT,
                                      add->made_id), ==, f->server.school);
  mine = dn_store_get_person (f->replica.store, add->made_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mine->given_name, ==, "Hà");

  g_assert_false (write_through (f, refused, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (outsider->id, ==, 0);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM person WHERE given_name = 'Minh'"),
                   ==, 0);

  read_at = dn_store_get_row_revision (f->replica.store, "person", mine->id, &error);
  g_assert_no_error (error);
  g_free (mine->position);
  mine->position = g_strdup ("Hiệu phó");
  change = dn_write_new_save (mine, read_at);
  g_assert_true (write_through (f, change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM person WHERE position = 'Hiệu phó'"),
                   ==, 1);
  g_free (mine->position);
  mine->position = g_strdup ("Hiệu trưởng");
  stale = dn_write_new_save (mine, read_at);
  g_assert_false (write_through (f, stale, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->server.base.store,
                                      "SELECT count(*) FROM person WHERE position = 'Hiệu phó'"), ==, 1);

  /* partners are the department's */
  g_free (partner->name);
  partner->name = g_strdup ("KOICA");
  partner->registration_kind = DN_REGISTRATION_OPERATION;
  g_free (partner->registration_number);
  partner->registration_number = g_strdup ("45/BNG-GĐK");
  g_date_set_dmy (&partner->registration_expiry, 30, 6, 2099);
  add_partner = dn_write_new_save (partner, -1);
  g_assert_false (write_through (f, add_partner, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (partner->id, ==, 0);

  /* a task of the office passed down to its school: the sub-task's id
   * comes back, and the sub-task is in the replica */
  {
    gint64 task = dn_server_test_add_task (&f->server, "Triển khai kế hoạch", f->server.office);
    g_autoptr(DnWrite) pass = dn_write_new (DN_WRITE_PASS_DOWN);
    gint64 school = f->server.school;

    dn_connection_sync (f->connection);
    while (dn_connection_get_state (f->connection) == DN_CONNECTION_SYNCING)
      g_main_context_iteration (NULL, TRUE);
    pass->id = task;
    pass->units = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_array_append_val (pass->units, school);
    g_assert_true (write_through (f, pass, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (pass->made_ids->len, ==, 1);
    g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT parent_id FROM task WHERE id = %" G_GINT64_FORMAT,
                                        g_array_index (pass->made_ids, gint64, 0)), ==, task);
  }

  /* the person removed again, at the revision the replica has */
  {
    g_autoptr(DnWrite) removal = dn_write_new_delete (&dn_writable_person, mine->id,
                                                      dn_store_get_row_revision (f->replica.store, "person",
                                                                                 mine->id, NULL));

    g_assert_true (write_through (f, removal, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM person WHERE id = %"
                                        G_GINT64_FORMAT, mine->id), ==, 0);
    g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM person WHERE id = %"
                                        G_GINT64_FORMAT, mine->id), ==, 0);
  }
}

/* The department's partner whose paper lasts too long is a warning of
 * the store's, nothing written, until the same write is confirmed */
static void
test_connection_warning (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPartner) partner = dn_partner_new ();
  g_autoptr(DnWrite) add_partner = NULL;

  g_free (partner->name);
  partner->name = g_strdup ("KOICA");
  partner->registration_kind = DN_REGISTRATION_OPERATION;
  g_free (partner->registration_number);
  partner->registration_number = g_strdup ("45/BNG-GĐK");
  g_date_set_dmy (&partner->registration_expiry, 30, 6, 2099);
  add_partner = dn_write_new_save (partner, -1);
  g_assert_true (sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_false (write_through (f, add_partner, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "2099"));
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM partner"), ==, 0);
  add_partner->confirmed = TRUE;
  g_assert_true (write_through (f, add_partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (partner->id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM partner WHERE name = 'KOICA'"), ==, 1);
}

/* The department keeps the passports through the server: a hand-out the
 * store only warns about (too little validity left) waits for its
 * confirmation, then the passport comes back; both in the replica */
static void
test_connection_passports (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) hand_out = dn_write_new (DN_WRITE_HAND_OUT_PASSPORT);
  g_autoptr(DnWrite) take_back = dn_write_new (DN_WRITE_TAKE_BACK_PASSPORT);
  DnStore *server = f->server.base.store;
  gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->server.school);
  gint64 decision = dn_test_add_document (server, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
  DnPassportLoan *out;
  DnPassportLoan *back;
  gint64 passport, trip;

  dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                        "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2019-01-01', '2026-06-01')", teacher);
  passport = dn_test_query_int (server, "SELECT id FROM passport WHERE number = 'C1000001'");
  dn_test_exec (server, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status, "
                        "decision_document_id) VALUES ('outbound', 'Đoàn ra Hàn Quốc', %" G_GINT64_FORMAT
                        ", '2026-04-01', '2026-04-05', 'approved', %" G_GINT64_FORMAT ")", f->server.school, decision);
  trip = dn_test_query_int (server, "SELECT max(id) FROM delegation");
  dn_test_exec (server, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES (%"
                G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", trip, teacher, passport);
  g_assert_true (sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  out = dn_passport_loan_new ();
  hand_out->record = G_OBJECT (out);
  out->passport_id = passport;
  out->delegation_id = trip;
  out->handed_out_on = dn_test_date (2026, 3, 25);
  g_free (out->handed_to);
  out->handed_to = g_strdup ("Lê Minh Cường");
  out->receipt_signed = TRUE;
  g_assert_false (write_through (f, hand_out, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "C1000001"));
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan"), ==, 0);
  hand_out->confirmed = TRUE;
  g_assert_true (write_through (f, hand_out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hand_out->made_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_loan WHERE id = %"
                                      G_GINT64_FORMAT " AND handed_by = 'so'", hand_out->made_id), ==, 1);

  back = dn_passport_loan_new ();
  take_back->record = G_OBJECT (back);
  back->passport_id = passport;
  back->returned_on = dn_test_date (2026, 4, 8);
  g_free (back->returned_by);
  back->returned_by = g_strdup ("Lê Minh Cường");
  g_assert_true (write_through (f, take_back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_loan WHERE id = %"
                                      G_GINT64_FORMAT " AND returned_on = '2026-04-08' AND received_by = 'so'",
                                      hand_out->made_id), ==, 1);
}

/* What happens to a passport, through the server: its extension, then its
 * loss; a write made on an old reading of the passport is a conflict, the
 * replica then showing the passport now */
static void
test_connection_passport_events (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) extend = dn_write_new (DN_WRITE_EXTEND_PASSPORT);
  g_autoptr(DnWrite) lose = dn_write_new (DN_WRITE_ADD_PASSPORT_EVENT);
  DnStore *server = f->server.base.store;
  gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->server.school);
  DnPassportEvent *event;
  gint64 passport, read_at;

  dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                        "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2024-01-01', '2029-01-01')", teacher);
  passport = dn_test_query_int (server, "SELECT id FROM passport WHERE number = 'C1000001'");
  g_assert_true (sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  read_at = dn_store_get_row_revision (f->replica.store, "passport", passport, &error);
  g_assert_no_error (error);

  event = dn_passport_event_new ();
  extend->record = G_OBJECT (event);
  event->passport_id = passport;
  event->kind = DN_PASSPORT_EVENT_EXTENDED;
  event->on_date = dn_test_date (2026, 6, 1);
  g_free (event->letter);
  event->letter = g_strdup ("QĐ 5/CLS");
  extend->date = dn_test_date (2031, 1, 1);
  extend->revision = read_at;
  g_assert_true (write_through (f, extend, &error));
  g_assert_no_error (error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT expiry_date || ' ' || extension_count "
                                                   "FROM passport WHERE id = %" G_GINT64_FORMAT, passport),
                               ==, "2031-01-01 1");
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_event WHERE kind = 'extended' "
                                      "AND letter = 'QĐ 5/CLS' AND recorded_by = 'so'"), ==, 1);

  /* the loss written on the reading before the extension */
  event = dn_passport_event_new ();
  lose->record = G_OBJECT (event);
  event->passport_id = passport;
  event->kind = DN_PASSPORT_EVENT_LOST;
  event->on_date = dn_test_date (2026, 7, 1);
  g_free (event->letter);
  event->letter = g_strdup ("CV 21/CA");
  lose->revision = read_at;
  g_assert_false (write_through (f, lose, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_event WHERE kind = 'lost'"), ==, 0);
  lose->revision = dn_store_get_row_revision (f->replica.store, "passport", passport, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lose->revision, >, read_at);
  g_assert_true (write_through (f, lose, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lose->made_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM passport_event WHERE id = %"
                                      G_GINT64_FORMAT " AND kind = 'lost'", lose->made_id), ==, 1);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT status FROM passport WHERE id = %"
                                                   G_GINT64_FORMAT, passport), ==, "lost");
}

/* A document numbered in its register by the server: the number it gave
 * comes back in the record and in the replica; a duplicate waits for its
 * confirmation */
static void
test_connection_document_register (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) plan = dn_document_new ();
  g_autoptr(DnDocument) again = dn_document_new ();
  g_autoptr(DnWrite) first = dn_write_new (DN_WRITE_REGISTER_DOCUMENT);
  g_autoptr(DnWrite) second = dn_write_new (DN_WRITE_REGISTER_DOCUMENT);
  DnDocument *docs[] = { plan, again };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      docs[i]->direction = DN_DIRECTION_OUTGOING;
      docs[i]->type = DN_DOCUMENT_TYPE_PLAN;
      g_free (docs[i]->subject);
      docs[i]->subject = g_strdup ("Kế hoạch hợp tác");
      g_free (docs[i]->symbol);
      docs[i]->symbol = g_strdup ("KH-SGDĐT");
      docs[i]->issue_date = dn_test_date (2026, 3, 2);
    }
  g_assert_true (sign_in (f, "so", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  first->record = G_OBJECT (g_object_ref (plan));
  g_assert_true (write_through (f, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan->id, >, 0);
  g_assert_cmpint (first->made_id, ==, plan->id);
  g_assert_cmpstr (plan->number, ==, "01");
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->replica.store, "SELECT number FROM document WHERE id = %"
                                                   G_GINT64_FORMAT, plan->id), ==, "01");

  g_free (again->number);
  again->number = g_strdup ("01");
  second->record = G_OBJECT (g_object_ref (again));
  g_assert_false (write_through (f, second, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_clear_error (&error);
  g_assert_cmpint (again->id, ==, 0);
  g_assert_cmpint (dn_test_query_int (f->server.base.store, "SELECT count(*) FROM document"), ==, 1);
  second->confirmed = TRUE;
  g_assert_true (write_through (f, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->replica.store, "SELECT count(*) FROM document WHERE number = '01'"), ==, 2);
}

static GFile *
fetch (Fixture       *f,
       DnAttachment  *attachment,
       GError       **error)
{
  GAsyncResult *result = NULL;
  GFile *file;

  dn_connection_fetch_file_async (f->connection, attachment, NULL, dn_test_on_result, &result);
  dn_test_wait_result (&result);
  file = dn_connection_fetch_file_finish (f->connection, result, error);
  g_object_unref (result);
  return file;
}

/* A file of @contents named @name attached on the server to a task of
 * the office (which the unit officer "batxat" sees) */
static DnAttachment *
add_task_file (Fixture    *f,
               GBytes     *contents,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  DnStore *server = f->server.base.store;
  gint64 task = dn_server_test_add_task (&f->server, "Báo cáo của trường", f->server.office);
  DnAttachment *attachment = dn_store_add_attachment_bytes (server, contents, name, &error);

  g_assert_no_error (error);
  g_assert_true (dn_store_attach (server, DN_RECORD_TASK, task, attachment->id, NULL, &error));
  g_assert_no_error (error);
  return attachment;
}

/* The replica holds the records, the server the files: a file attached to
 * a task is brought into the replica's data folder when asked for, once */
static void
test_connection_files (Fixture       *f,
                       gconstpointer  data)
{
  static const char text[] = "%PDF-1.4\n% trả lời\n%%EOF\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(DnAttachment) on_server = add_task_file (f, reply, "tra-loi.pdf");
  g_autoptr(DnAttachment) mine = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GBytes) read = NULL;

  g_assert_true (sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  mine = dn_store_get_attachment (f->replica.store, on_server->id, &error);
  g_assert_no_error (error);
  kept = dn_store_get_attachment_file (f->replica.store, mine);
  g_assert_false (g_file_query_exists (kept, NULL));
  g_clear_object (&kept);
  kept = fetch (f, mine, &error);
  g_assert_no_error (error);
  read = g_file_load_bytes (kept, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, reply));
  /* once there, not asked for again */
  dn_server_disconnect (f->server.server);
  g_clear_object (&kept);
  kept = fetch (f, mine, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
}

/* A file changed on the server (not the one recorded) is refused and not
 * kept */
static void
test_connection_tampered_file (Fixture       *f,
                               gconstpointer  data)
{
  static const char text[] = "%PDF-1.4\n% công văn khác\n%%EOF\n";
  static const char changed[] = "%PDF-1.4\n% sửa\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) other = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(DnAttachment) tampered = add_task_file (f, other, "cong-van.pdf");
  g_autoptr(DnAttachment) mine = NULL;
  g_autoptr(GFile) server_file = NULL;
  g_autoptr(GFile) kept = NULL;

  /* someone changed the file in the server's data folder */
  server_file = dn_store_get_attachment_file (f->server.base.store, tampered);
  g_assert_true (g_file_replace_contents (server_file, changed, sizeof changed - 1, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sign_in (f, "batxat", DN_SERVER_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  mine = dn_store_get_attachment (f->replica.store, tampered->id, &error);
  g_assert_no_error (error);
  g_assert_null (fetch (f, mine, &error));
  g_assert_error (error, DN_CLIENT_ERROR, DN_CLIENT_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "cong-van.pdf"));
  kept = dn_store_get_attachment_file (f->replica.store, mine);
  g_assert_false (g_file_query_exists (kept, NULL));
}

static void
test_connection_replica_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dn_connection_dup_replica_path ("https://so.laocai.edu.vn:8443/", &error);
  g_autofree char *other = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "doingoai" G_DIR_SEPARATOR_S
                                         "replica-so.laocai.edu.vn-8443.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  other = dn_connection_dup_replica_path ("https://[::1]:8443/", &error);
  g_assert_no_error (error);
  g_assert_null (strchr (strrchr (other, G_DIR_SEPARATOR) + 1, ':'));
  g_assert_null (dn_connection_dup_replica_path ("không phải địa chỉ", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/connection/sign-in", Fixture, NULL, fixture_setup, test_connection_sign_in, fixture_teardown);
  g_test_add ("/connection/offline", Fixture, NULL, fixture_setup, test_connection_offline, fixture_teardown);
  g_test_add ("/connection/records", Fixture, NULL, fixture_setup, test_connection_records, fixture_teardown);
  g_test_add ("/connection/passports", Fixture, NULL, fixture_setup, test_connection_passports, fixture_teardown);
  g_test_add ("/connection/passport-events", Fixture, NULL, fixture_setup, test_connection_passport_events,
              fixture_teardown);
  g_test_add ("/connection/document-register", Fixture, NULL, fixture_setup, test_connection_document_register,
              fixture_teardown);
  g_test_add ("/connection/files", Fixture, NULL, fixture_setup, test_connection_files, fixture_teardown);
  g_test_add ("/connection/tampered-file", Fixture, NULL, fixture_setup, test_connection_tampered_file,
              fixture_teardown);
  g_test_add ("/connection/warning", Fixture, NULL, fixture_setup, test_connection_warning, fixture_teardown);
  DN_TEST_ADD ("/connection/demo", test_connection_demo);
  g_test_add_func ("/connection/replica-path", test_connection_replica_path);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
