/* test-cli-users.c: doingoai-cli user add, passwd, disable, enable and
 * list: passwords read from the standard input, what the store then
 * accepts at sign-in, and refusals that change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-users"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

#define PASSWORD "mật khẩu dài"

/* Runs doingoai-cli on the fixture's database with @input on its
 * standard input. */
static CliRun *
cli_input (Fixture    *f,
           const char *input,
           const char *first,
           ...) G_GNUC_NULL_TERMINATED;
static CliRun *
cli_input (Fixture    *f,
           const char *input,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return dn_cli_run_input (cli_path, NULL, NULL, bytes, (const char * const *) args->pdata);
}

/* A command reading @input that must be refused with exit @status,
 * saying @needle, and change nothing (the password hashes included). */
#define assert_refused_input(f, input, status, needle, ...) \
  G_STMT_START { \
    g_autofree char *before_ = state_of (f); \
    g_autofree char *hashes_ = hashes (f); \
    g_autoptr(CliRun) run_ = cli_input ((f), (input), __VA_ARGS__, NULL); \
    assert_failure (run_, status, needle); \
    assert_state (f, before_); \
    dn_test_assert_owned_cmpstr (hashes (f), ==, hashes_); \
  } G_STMT_END

static DnStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = dn_store_open (f->db, DN_STORE_OPEN_NO_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

/* Every account's name, hash and state, one a line. */
static char *
hashes (Fixture *f)
{
  g_autoptr(DnStore) store = open_store (f);

  return dn_test_query_text (store, "SELECT coalesce (group_concat (name || ' ' || password_hash || ' ' || disabled, "
                                    "char(10)), '') FROM (SELECT * FROM account ORDER BY name)");
}

/* Signs in as the store would for the server: the token, or NULL with
 * @code. */
static char *
sign_in (Fixture    *f,
         const char *name,
         const char *password,
         int         code)
{
  g_autoptr(DnStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  char *token = dn_store_open_session (store, name, password, NULL, &error);

  if (code < 0)
    g_assert_no_error (error);
  else
    g_assert_error (error, DN_STORE_ERROR, code);
  return token;
}

static gboolean
session_open (Fixture    *f,
              const char *token)
{
  g_autoptr(DnStore) store = open_store (f);
  g_autoptr(DnAccount) account = dn_store_check_session (store, token, NULL);

  return account != NULL;
}

static void
add_ok (Fixture    *f,
        const char *input,
        const char *name,
        const char *unit,
        const char *role)
{
  g_autoptr(CliRun) run = unit != NULL ? cli_input (f, input, "user", "add", name, "--unit", unit, "--role", role, NULL)
                                       : cli_input (f, input, "user", "add", name, "--role", role, NULL);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_add_list (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *listed = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *token = NULL;

  add_ok (f, PASSWORD "\n", "lan", "PGD-BX", "unit");
  /* a line ended by CR LF, and one without its line end */
  add_ok (f, "quản trị viên\r\n", "admin", NULL, "admin");
  add_ok (f, "đọc-thôi-nhé", "Đọc Giả", "TH-A", "reader");
  add_ok (f, "phòng-sở-1\nsecond line ignored\n", "so", "SGD", "department");

  listed = run_ok (f, "user", "list", NULL);
  g_assert_cmpstr (listed, ==,
                   "admin\t\tadmin\tenabled\n"
                   "Đọc Giả\tTH-A\treader\tenabled\n"
                   "lan\tPGD-BX\tunit\tenabled\n"
                   "so\tSGD\tdepartment\tenabled\n");
  {
    g_autoptr(DnStore) store = open_store (f);
    hash = dn_test_query_text (store, "SELECT password_hash FROM account WHERE name = 'lan'");
  }
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));

  /* each password as typed, without its line end */
  g_free (sign_in (f, "lan", PASSWORD, -1));
  g_free (sign_in (f, "admin", "quản trị viên", -1));
  g_free (sign_in (f, "Đọc Giả", "đọc-thôi-nhé", -1));
  token = sign_in (f, "so", "phòng-sở-1", -1);
  g_assert_true (session_open (f, token));
  g_assert_null (sign_in (f, "admin", "quản trị viên\r", DN_STORE_ERROR_DENIED));

  /* the database stays sound, and its export holds no account */
  {
    g_autofree char *json = g_build_filename (f->dir, "out.json", NULL);
    g_autofree char *exported = NULL;
    g_autoptr(CliRun) check = cli ("--db", f->db, "check", NULL);
    g_autoptr(CliRun) export = cli ("--db", f->db, "export", json, NULL);

    g_assert_cmpint (check->status, ==, 0);
    assert_success (export);
    g_assert_true (g_file_get_contents (json, &exported, NULL, NULL));
    g_assert_null (strstr (exported, "argon2"));
    g_assert_null (strstr (exported, "\"account"));
  }
}

static void
test_passwd (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(CliRun) run = NULL;

  add_ok (f, PASSWORD "\n", "lan", "PGD-BX", "unit");
  add_ok (f, PASSWORD "\n", "hoa", "VP", "unit");
  token = sign_in (f, "lan", PASSWORD, -1);
  other = sign_in (f, "hoa", PASSWORD, -1);

  run = cli_input (f, "mật khẩu mới tinh\n", "user", "passwd", "LAN", NULL);
  assert_success (run);
  g_assert_null (sign_in (f, "lan", PASSWORD, DN_STORE_ERROR_DENIED));
  fresh = sign_in (f, "lan", "mật khẩu mới tinh", -1);
  g_assert_true (session_open (f, fresh));
  /* the sessions opened with the old password ended; others' did not */
  g_assert_false (session_open (f, token));
  g_assert_true (session_open (f, other));
}

static void
test_disable_enable (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *again = NULL;

  add_ok (f, PASSWORD "\n", "lan", "PGD-BX", "unit");
  token = sign_in (f, "lan", PASSWORD, -1);
  g_free (run_ok (f, "user", "disable", "lan", NULL));
  listed = run_ok (f, "user", "list", NULL);
  g_assert_cmpstr (listed, ==, "lan\tPGD-BX\tunit\tdisabled\n");
  g_assert_false (session_open (f, token));
  g_assert_null (sign_in (f, "lan", PASSWORD, DN_STORE_ERROR_DENIED));

  g_free (run_ok (f, "user", "enable", "lan", NULL));
  g_clear_pointer (&listed, g_free);
  listed = run_ok (f, "user", "list", NULL);
  g_assert_cmpstr (listed, ==, "lan\tPGD-BX\tunit\tenabled\n");
  again = sign_in (f, "lan", PASSWORD, -1);
  g_assert_true (session_open (f, again));
  g_assert_false (session_open (f, token));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *listed = NULL;

  add_ok (f, PASSWORD "\n", "lan", "PGD-BX", "unit");

  /* usage: exit 2, before anything is read */
  assert_refused (f, 2, "Say which account command", "user");
  assert_refused (f, 2, "Unknown account command “frobnicate”", "user", "frobnicate");
  assert_refused (f, 2, "--role", "user", "add", "hoa", "--unit", "VP");
  assert_refused (f, 2, "Unknown role “root”", "user", "add", "hoa", "--unit", "VP", "--role", "root");
  assert_refused (f, 2, "--unit CODE", "user", "add", "hoa", "--role", "reader");
  assert_refused (f, 2, "one account name", "user", "add", "--unit", "VP", "--role", "unit");
  assert_refused (f, 2, "one account name", "user", "add", "hoa", "lan", "--unit", "VP", "--role", "unit");
  assert_refused (f, 2, "one account name", "user", "passwd");
  assert_refused (f, 2, NULL, "user", "list", "extra");

  /* refused: exit 1, nothing changed */
  assert_refused (f, 1, "There is no unit “NOPE”", "user", "add", "hoa", "--unit", "NOPE", "--role", "unit");
  assert_refused (f, 1, "There is no account “nobody”", "user", "disable", "nobody");
  assert_refused (f, 1, "There is no account “nobody”", "user", "enable", "nobody");
  assert_refused (f, 1, "There is no account “nobody”", "user", "passwd", "nobody");
  assert_refused_input (f, "ngắn\n", 1, "too short: at least 8", "user", "add", "hoa", "--unit", "VP", "--role",
                        "unit");
  assert_refused_input (f, "", 1, "No password", "user", "add", "hoa", "--unit", "VP", "--role", "unit");
  assert_refused_input (f, "\n", 1, "too short", "user", "add", "hoa", "--unit", "VP", "--role", "unit");
  assert_refused_input (f, "bad \xff\xfe bytes\n", 1, "UTF-8", "user", "add", "hoa", "--unit", "VP", "--role",
                        "unit");
  assert_refused_input (f, PASSWORD "\n", 1, "account name", "user", "add", "LAN", "--unit", "VP", "--role", "unit");
  assert_refused_input (f, PASSWORD "\n", 1, "control", "user", "add", "h\x1b[31moa", "--unit", "VP", "--role",
                        "unit");
  assert_refused_input (f, "ngắn\n", 1, "too short", "user", "passwd", "lan");
  assert_refused_input (f, "", 1, "No password", "user", "passwd", "lan");

  listed = run_ok (f, "user", "list", NULL);
  g_assert_cmpstr (listed, ==, "lan\tPGD-BX\tunit\tenabled\n");
  g_free (sign_in (f, "lan", PASSWORD, -1));
}

/* Accounts stay with their database: a backup keeps them, an export
 * leaves them out, and a database holding only accounts takes an import. */
static void
test_backup_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *json = g_build_filename (data_dir, "cli-small.json", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *listed = NULL;
  g_autoptr(CliRun) backup = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) init = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) units = NULL;
  g_autoptr(CliRun) again = NULL;

  add_ok (f, PASSWORD "\n", "lan", "PGD-BX", "unit");
  backup = cli ("--db", f->db, "backup", copy, NULL);
  assert_success (backup);
  list = cli ("--db", copy, "user", "list", NULL);
  assert_success (list);
  g_assert_cmpstr (list->out, ==, "lan\tPGD-BX\tunit\tenabled\n");

  init = cli ("--db", fresh, "init", NULL);
  assert_success (init);
  {
    g_autofree char *saved = g_strdup (f->db);

    g_free (f->db);
    f->db = g_strdup (fresh);
    add_ok (f, PASSWORD "\n", "admin", NULL, "admin");
    import = cli ("--db", fresh, "import", json, NULL);
    assert_success (import);
    units = cli ("--db", fresh, "units", NULL);
    assert_success (units);
    g_assert_nonnull (strstr (units->out, "PGD-BX"));
    listed = run_ok (f, "user", "list", NULL);
    g_assert_cmpstr (listed, ==, "admin\t\tadmin\tenabled\n");
    g_free (sign_in (f, "admin", PASSWORD, -1));
    g_free (f->db);
    f->db = g_steal_pointer (&saved);
  }
  /* a database with a unit is not empty, accounts or not */
  again = cli ("--db", fresh, "import", json, NULL);
  g_assert_cmpint (again->status, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  char *user_dirs = cli_tests_init (&argc, &argv);

  g_test_add ("/cli/users/add-list", Fixture, NULL, fixture_setup, test_add_list, fixture_teardown);
  g_test_add ("/cli/users/passwd", Fixture, NULL, fixture_setup, test_passwd, fixture_teardown);
  g_test_add ("/cli/users/disable-enable", Fixture, NULL, fixture_setup, test_disable_enable, fixture_teardown);
  g_test_add ("/cli/users/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/cli/users/backup-import", Fixture, NULL, fixture_setup, test_backup_import, fixture_teardown);
  return cli_tests_run (user_dirs);
}
