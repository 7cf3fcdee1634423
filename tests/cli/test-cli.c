/* test-cli.c: doingoai-cli as a user runs it
 *
 * Every test runs the built doingoai-cli (path in $DN_TEST_CLI) in a
 * GSubprocess on a database in a temporary folder and checks its exit
 * status, stdout and stderr. The databases are then read directly (SQLite)
 * to check what the command did or did not do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dn-cli-test-utils.h"
#include "dn-date.h"
#include "dn-core-testing.h"
#include "dn-store-private.h"
#include "dn-text.h"

static const char *cli_path;
static const char *data_dir;
static const char *build_localedir;
static char *tmp_root;

/* ------------------------------------------------------- running the CLI */

static CliRun *
cli_runv (const char * const *env,
          const char * const *args)
{
  return dn_cli_runv (cli_path, tmp_root, env, args);
}

static CliRun *
cli_run_va (const char * const *env,
            const char         *first,
            va_list             ap)
{
  return dn_cli_run_va (cli_path, tmp_root, env, first, ap);
}

static CliRun *cli (const char *first, ...) G_GNUC_NULL_TERMINATED;
static CliRun *
cli (const char *first,
     ...)
{
  va_list ap;
  CliRun *run;

  va_start (ap, first);
  run = cli_run_va (NULL, first, ap);
  va_end (ap);
  return run;
}

static CliRun *cli_env (const char * const *env, const char *first, ...) G_GNUC_NULL_TERMINATED;
static CliRun *
cli_env (const char * const *env,
         const char         *first,
         ...)
{
  va_list ap;
  CliRun *run;

  va_start (ap, first);
  run = cli_run_va (env, first, ap);
  va_end (ap);
  return run;
}

/* Exit 0, nothing on stderr. */
static void
assert_success (CliRun *run)
{
  if (run->status != 0 || run->err[0] != '\0')
    g_error ("expected success, got exit %d; stderr: %s", run->status, run->err);
}

/* Exit 2: a usage error, said on stderr (with the usage), nothing on stdout. */
static void
assert_usage_error (CliRun     *run,
                    const char *needle)
{
  if (run->status != 2)
    g_error ("expected exit 2, got %d; stderr: %s", run->status, run->err);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "doingoai-cli: "));
  if (needle != NULL && strstr (run->err, needle) == NULL)
    g_error ("stderr does not say “%s”: %s", needle, run->err);
}

/* Exit 1: an error, said on stderr, nothing on stdout. */
static void
assert_error (CliRun     *run,
              const char *needle)
{
  if (run->status != 1)
    g_error ("expected exit 1, got %d; stdout: %s; stderr: %s", run->status, run->out, run->err);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "doingoai-cli: "));
  if (needle != NULL && strstr (run->err, needle) == NULL)
    g_error ("stderr does not say “%s”: %s", needle, run->err);
}

/* The lines of @text, which must end with a newline unless empty. */
static GStrv
lines_of (const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  if (text[0] == '\0')
    return g_new0 (char *, 1);
  g_assert_true (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return g_steal_pointer (&lines);
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = lines_of (text);
  return g_strv_length (lines);
}

/* The tab-separated fields of @line; exactly @n_fields of them. */
static GStrv
fields_of (const char *line,
           guint       n_fields)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);

  if (g_strv_length (fields) != n_fields)
    g_error ("expected %u tab-separated fields: “%s”", n_fields, line);
  return g_steal_pointer (&fields);
}

/* -------------------------------------------------------- files, databases */

/* A new path in this process's own folder (each test runs in a process of
 * its own, see add_test()). */
static char *
tmp_path (const char *name)
{
  static char *dir;
  static guint counter;

  if (dir == NULL)
    {
      dir = g_build_filename (tmp_root, "t-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (dir));
    }
  return g_strdup_printf ("%s%c%u-%s", dir, G_DIR_SEPARATOR, ++counter, name);
}

static char *
data_path (const char *name)
{
  return g_build_filename (data_dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static DnStore *
open_read_only (const char *db)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = dn_store_open (db, DN_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
query_int64 (DnStore    *store,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (_dn_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (_dn_store_get_db (store)));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Rows of the first column of @sql as text, one string each ("" for NULL);
 * %s in @sql is replaced by @arg (bound as text) when given. */
static GPtrArray *
query_strings (DnStore    *store,
               const char *sql,
               const char *arg)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_dn_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (_dn_store_get_db (store)));
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_ptr_array_add (rows, g_strdup (text != NULL ? text : ""));
    }
  sqlite3_finalize (stmt);
  return rows;
}

/* Number of rows in every table of the database, the search index too. */
static gint64
count_all_rows (const char *db)
{
  g_autoptr(DnStore) store = open_read_only (db);
  g_autoptr(GPtrArray) tables = NULL;
  gint64 total = 0;

  tables = query_strings (store,
                          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                          "AND name NOT LIKE 'search_%'",
                          NULL);
  g_assert_cmpuint (tables->len, >, 10);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", (char *) tables->pdata[i]);
      gint64 n = query_int64 (store, sql);

      if (n != 0)
        g_test_message ("table %s: %" G_GINT64_FORMAT " rows", (char *) tables->pdata[i], n);
      total += n;
    }
  return total;
}

/* A new database holding the small fixture (tests/data/cli-small.json). */
static char *
fixture_db (void)
{
  g_autofree char *json = data_path ("cli-small.json");
  char *db = tmp_path ("small.db");
  g_autoptr(CliRun) run = cli ("--db", db, "import", json, NULL);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, "");
  return db;
}

/* A database made by "generate", shared by the tests (never modified):
 * made by the first test that needs it. */
static const char *
generated_db (void)
{
  static char *db;

  if (db == NULL)
    db = g_build_filename (tmp_root, "generated.db", NULL);
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autofree char *tmp = tmp_path ("generated.db");
      g_autoptr(CliRun) run = NULL;

      run = cli ("--db", tmp, "generate", "--tasks", "3000", "--delegations", "200", "--people", "600",
                 "--passports", "400", "--seed", "7", NULL);
      assert_success (run);
      g_assert_cmpstr (run->out, ==, "Generated 3000 tasks, 200 delegations, 600 people.\nGenerated 400 passports.\n");
      g_assert_cmpint (g_rename (tmp, db), ==, 0);
    }
  return db;
}

/* "Today" as the application counts it: the date in Vietnam. */
static char *
today_iso (void)
{
  GDate today;

  dn_date_today (&today);
  return dn_date_format_iso (&today);
}

/* The fixture's tasks (deleted task 8 never listed), by due date, undated last. */
static const struct
{
  const char *id;
  const char *due;
  const char *status;
  const char *lead;
  const char *title;
  const char *units;   /* units that lead or support it */
} fixture_tasks[] = {
  { "5", "2023-06-30", "done", "TH-A", "Tổng kết dự án KOICA", " TH-A " },
  { "6", "2024-02-29", "cancelled", "GDTrH", "Đoàn ra Hàn Quốc: chuẩn bị hồ sơ", " GDTrH VP " },
  { "1", "2024-04-15", "open", "VP", "Rà soát hộ chiếu công vụ", " VP TH-A " },
  { "2", "2024-12-31", "done", "PGD-BX", "Báo cáo công tác đối ngoại năm 2024", " PGD-BX " },
  { "7", "2025-01-10", "in_progress", "TH-A", "Tập huấn giáo viên tiếng Anh", " TH-A " },
  { "3", "2099-05-20", "in_progress", "TH-B", "Tổ chức hội thảo quốc tế", " TH-B " },
  { "4", "", "open", "VP", "Cập nhật cơ sở dữ liệu", " VP " },
};

static char *
fixture_task_line (guint i)
{
  return g_strdup_printf ("%s\t%s\t%s\t%s\t%s", fixture_tasks[i].id, fixture_tasks[i].due, fixture_tasks[i].status,
                          fixture_tasks[i].lead, fixture_tasks[i].title);
}

static void
assert_lines (const char         *out,
              const char * const *expected,
              guint               n_expected)
{
  g_auto(GStrv) lines = lines_of (out);

  for (guint i = 0; i < MAX (n_expected, g_strv_length (lines)); i++)
    if (i >= n_expected || lines[i] == NULL || !g_str_equal (lines[i], expected[i]))
      g_error ("line %u: expected “%s”, got “%s”\nwhole output:\n%s", i + 1,
               i < n_expected ? expected[i] : "(nothing)", lines[i] != NULL ? lines[i] : "(nothing)", out);
}

/* ------------------------------------------------------------ exit codes */

static void
test_usage_errors (gconstpointer data)
{
  g_autofree char *db = fixture_db ();

  {
    g_autoptr(CliRun) run = cli (NULL, NULL);
    assert_usage_error (run, "command");
    /* the usage lists the commands */
    g_assert_nonnull (strstr (run->err, "export"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, NULL);
    assert_usage_error (run, NULL);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "frobnicate", NULL);
    assert_usage_error (run, "frobnicate");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "--frobnicate", "tasks", NULL);
    assert_usage_error (run, "frobnicate");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--frobnicate", NULL);
    assert_usage_error (run, "frobnicate");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "extra", NULL);
    assert_usage_error (run, NULL);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--status", "finished", NULL);
    assert_usage_error (run, "finished");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", NULL);
    assert_usage_error (run, NULL);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", "--limit", "0", "hộ chiếu", NULL);
    assert_usage_error (run, NULL);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "generate", "--tasks", "-5", NULL);
    assert_usage_error (run, NULL);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "generate", "--passports", "-1", NULL);
    assert_usage_error (run, NULL);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", NULL);
    assert_usage_error (run, NULL);
  }
  /* none of this touched the database */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", NULL);
    assert_success (run);
    g_assert_cmpuint (count_lines (run->out), ==, G_N_ELEMENTS (fixture_tasks));
  }
}

static void
test_errors (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autofree char *missing = tmp_path ("missing.db");

  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--unit", "KHONG-CO", NULL);
    assert_error (run, "There is no unit “KHONG-CO”.");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "people", "--unit", "KHONG-CO", NULL);
    assert_error (run, "KHONG-CO");
  }
  /* reading commands never create a database */
  for (guint i = 0; i < 5; i++)
    {
      static const char *commands[] = { "tasks", "people", "units", "search", "export" };
      g_autofree char *out = tmp_path ("out.json");
      g_autoptr(CliRun) run = NULL;

      if (i == 3)
        run = cli ("--db", missing, commands[i], "abc", NULL);
      else if (i == 4)
        run = cli ("--db", missing, commands[i], out, NULL);
      else
        run = cli ("--db", missing, commands[i], NULL);
      assert_error (run, "There is no database at");
      g_assert_nonnull (strstr (run->err, missing));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  /* import of a file that is not there */
  {
    g_autofree char *nowhere = tmp_path ("nowhere.json");
    g_autofree char *empty_db = tmp_path ("empty.db");
    g_autoptr(CliRun) run = cli ("--db", empty_db, "import", nowhere, NULL);

    assert_error (run, "nowhere.json");
  }
}

/* ----------------------------------------------------------- translation */

static gboolean
locale_available (const char *name)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean available = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, saved);
  return available;
}

static const char *
vietnamese_unavailable (void)
{
  if (!locale_available ("vi_VN.UTF-8"))
    return "the vi_VN.UTF-8 locale is not installed on this machine";
  return NULL;
}

static void
test_translated_errors (gconstpointer data)
{
  const char *env[] = {
    "LANGUAGE=vi", "LANG=vi_VN.UTF-8", "LC_ALL=vi_VN.UTF-8", NULL /* DOINGOAI_LOCALEDIR */, NULL,
  };
  g_autofree char *localedir_env = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *db = NULL;
  g_autoptr(CliRun) run = NULL;

  g_assert_null (vietnamese_unavailable ());
  mo = g_build_filename (build_localedir, "vi", "LC_MESSAGES", "doingoai.mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("no Vietnamese translation was built (%s): is po/vi.po empty?", mo);
  localedir_env = g_strconcat ("DOINGOAI_LOCALEDIR=", build_localedir, NULL);
  env[3] = localedir_env;

  db = fixture_db ();
  run = cli_env (env, "--db", db, "tasks", "--unit", "KHONG-CO", NULL);
  assert_error (run, "“KHONG-CO”");
  g_test_message ("in Vietnamese: %s", run->err);
  g_assert_null (strstr (run->err, "There is no unit"));

  /* a usage error too */
  g_clear_pointer (&run, dn_cli_run_free);
  run = cli_env (env, "--db", db, "tasks", "--status", "xong", NULL);
  assert_usage_error (run, "xong");
  g_assert_null (strstr (run->err, "Unknown status"));
}

/* ------------------------------------------------------------ init, check */

static void
test_init_creates (gconstpointer data)
{
  g_autofree char *dir = tmp_path ("new-folder");
  g_autofree char *db = g_build_filename (dir, "sub", "doingoai.db", NULL);
  g_autofree char *expected = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
    assert_success (run);
    expected = g_strdup_printf ("Database ready: %s (version %d)\n", db, DN_STORE_SCHEMA_VERSION);
    g_assert_cmpstr (run->out, ==, expected);
  }
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(DnStore) store = open_read_only (db);
    g_assert_cmpint (dn_store_get_schema_version (store), ==, DN_STORE_SCHEMA_VERSION);
    g_assert_true (dn_store_is_empty (store, NULL));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);
    assert_success (run);
  }
  /* again: nothing to do, still fine */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, expected);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
  }
}

/* @db is refused by init (and check) and left byte for byte as it was. */
static void
assert_refused_unchanged (const char *db,
                          const char *needle)
{
  g_autofree char *before = file_checksum (db);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  static const char *commands[] = { "init", "check", "import", "demo", "tasks" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *json = data_path ("cli-small.json");
      g_autoptr(CliRun) run = g_str_equal (commands[i], "import")
                              ? cli ("--db", db, commands[i], json, NULL)
                              : cli ("--db", db, commands[i], NULL);

      assert_error (run, needle);
      g_assert_nonnull (strstr (run->err, "unchanged"));
      g_clear_pointer (&after, g_free);
      after = file_checksum (db);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_init_garbage (gconstpointer data)
{
  g_autofree char *db = tmp_path ("garbage.db");
  g_autofree guint8 *garbage = g_malloc (20000);

  for (guint i = 0; i < 20000; i++)
    garbage[i] = (guint8) g_random_int_range (0, 256);
  write_file (db, (const char *) garbage, 20000);
  assert_refused_unchanged (db, "is not a Đối Ngoại database");

  /* a text file */
  g_free (db);
  db = tmp_path ("notes.db");
  write_file (db, "Ghi chú: họp giao ban thứ Hai.\n", -1);
  assert_refused_unchanged (db, "is not a Đối Ngoại database");
}

static void
test_init_other_program (gconstpointer data)
{
  g_autofree char *db = tmp_path ("other.db");
  sqlite3 *raw = NULL;

  /* a valid SQLite database of another program */
  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('An');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  assert_refused_unchanged (db, "another program");
}

static void
test_init_too_new (gconstpointer data)
{
  g_autofree char *db = tmp_path ("newer.db");
  sqlite3 *raw = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
    assert_success (run);
  }
  /* as a later version would leave it */
  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 99; CREATE TABLE future (x);", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);
  assert_refused_unchanged (db, "newer version");
}

/* A version below zero (SQLite keeps a signed number) once read a table out
 * of bounds; any version outside those known is refused, file untouched. */
static void
test_init_negative_version (gconstpointer data)
{
  static const char *versions[] = { "-1", "-2147483648" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *name = g_strdup_printf ("negative%u.db", i);
      g_autofree char *db = tmp_path (name);
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %s;", versions[i]);
      sqlite3 *raw = NULL;

      {
        g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
        assert_success (run);
      }
      g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (raw);
      assert_refused_unchanged (db, "impossible database version");
    }
}

static void
test_check_sound (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);
  g_autoptr(CliRun) full = cli ("--db", db, "check", "--full", NULL);
  g_autofree char *expected = g_strdup_printf ("The database is sound (version %d).\n", DN_STORE_SCHEMA_VERSION);
  g_autofree char *expected_quick = g_strconcat (expected, "Quick check: “check --full” also checks every index entry "
                                                 "and the search index.\n", NULL);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, expected_quick);
  assert_success (full);
  g_assert_cmpstr (full->out, ==, expected);
}

static void
test_check_damaged (gconstpointer data)
{
  g_autofree char *db = tmp_path ("damaged.db");
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 page_size, n_pages;
  gsize length = 0;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "generate", "--tasks", "500", "--people", "100", NULL);
    assert_success (run);
  }
  /* no free pages: damage anywhere is damage to data */
  {
    g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (_dn_store_get_db (store), "VACUUM", NULL, NULL, NULL), ==, SQLITE_OK);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);
    assert_success (run);
  }
  {
    g_autoptr(DnStore) store = open_read_only (db);

    page_size = query_int64 (store, "PRAGMA page_size");
    n_pages = query_int64 (store, "PRAGMA page_count");
    g_assert_cmpint (query_int64 (store, "PRAGMA freelist_count"), ==, 0);
  }
  g_assert_cmpint (n_pages, >, 20);
  /* closed: everything is in the main file (a read-only connection may
   * leave an empty WAL file behind) */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }

  g_file_get_contents (db, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) length, ==, n_pages * page_size);
  /* garbage over a whole page in the middle */
  for (gint64 i = 0; i < page_size; i++)
    contents[(n_pages / 2) * page_size + i] = (char) (0xA5 ^ (i * 7));
  write_file (db, contents, (gssize) length);

  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);

    if (run->status == 0)
      g_error ("check says a damaged database is fine: %s", run->out);
    g_assert_cmpint (run->status, ==, 1);
    g_assert_cmpstr (run->err, !=, "");
    g_test_message ("check on a damaged database: %s%s", run->out, run->err);
  }
}

/* ------------------------------------------- a database that can only be read */

static void remove_tree (const char *path);

/* Runs the CLI behind @wrapper (a command that runs the rest of its line:
 * setpriv …, unshare … sh -c …), or directly when @wrapper is NULL. */
static CliRun *cli_through (const char * const *wrapper, const char *first, ...) G_GNUC_NULL_TERMINATED;
static CliRun *
cli_through (const char * const *wrapper,
             const char         *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *real_cli = cli_path;
  va_list ap;
  CliRun *run;

  if (wrapper == NULL)
    {
      va_start (ap, first);
      run = cli_run_va (NULL, first, ap);
      va_end (ap);
      return run;
    }
  for (guint i = 1; wrapper[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) wrapper[i]);
  g_ptr_array_add (args, (gpointer) real_cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  cli_path = wrapper[0];
  run = cli_runv (NULL, (const char * const *) args->pdata);
  cli_path = real_cli;
  return run;
}

static gboolean
spawn_ok (const char * const *argv)
{
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  const char *argv[] = { "chattr", immutable ? "+i" : "-i", path, NULL };
  return spawn_ok (argv);
}

/* A folder everyone may enter (the test's own is private), for databases
 * read by another user or through a mount. */
static char *
open_tmp_dir (void)
{
  char *dir = g_build_filename (g_get_tmp_dir (), "dn-cli-ro-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp_full (dir, 0755));
  return dir;
}

/* Root ignores chmod: the CLI then runs as "nobody" (setpriv). */
static const char * const as_nobody[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", NULL };

static gboolean
permissions_stop_us (void)
{
  g_autofree char *dir = open_tmp_dir ();
  gboolean stopped;

  g_chmod (dir, 0555);
  stopped = g_access (dir, 2 /* W_OK */) != 0;
  g_chmod (dir, 0700);
  g_rmdir (dir);
  return stopped;
}

static const char *
read_only_permissions_unavailable (void)
{
#ifdef G_OS_UNIX
  const char *argv[] = { as_nobody[0], as_nobody[1], as_nobody[2], as_nobody[3], cli_path, "--help", NULL };

  if (permissions_stop_us ())
    return NULL;
  if (!spawn_ok (argv))
    return "root ignores permissions, and the CLI cannot be run as nobody (setpriv)";
  return NULL;
#else
  return "chmod 555 means nothing for folders on Windows";
#endif
}

static const char *
immutable_unavailable (void)
{
  g_autofree char *dir = open_tmp_dir ();
  g_autofree char *file = g_build_filename (dir, "probe", NULL);
  gboolean possible;

  write_file (file, "x", 1);
  possible = set_immutable (file, TRUE);
  if (possible)
    set_immutable (file, FALSE);
  g_remove (file);
  g_rmdir (dir);
  return possible ? NULL : "chattr +i is not possible here (no chattr, no CAP_LINUX_IMMUTABLE, or the file system)";
}

/* unshare --mount: a read-only bind mount of the folder, private to one run */
static const char *read_only_mount_script = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"";

static const char *
read_only_mount_unavailable (void)
{
  g_autofree char *dir = open_tmp_dir ();
  const char *argv[] = { "unshare", "--mount", "sh", "-c", read_only_mount_script, dir, "sh", "-c",
                         "! touch \"$0/probe\" 2>/dev/null", dir, NULL };
  gboolean possible = spawn_ok (argv);

  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  g_remove (probe);
  g_rmdir (dir);
  return possible ? NULL : "a read-only bind mount is not possible here (unshare --mount needs root)";
}

typedef struct
{
  char *base;      /* open_tmp_dir () */
  char *dir;       /* base/db: the folder of the databases */
  char *db;        /* the fixture, at the current version */
  char *empty;     /* the current version, no data */
  char *old;       /* version 1 */
  char *exported;  /* base/out/export.json */
  char *tasks;     /* what "tasks" lists */
  char *sums[3];   /* checksums of db, empty, old */
} ReadOnlyDbs;

static void
read_only_dbs_init (ReadOnlyDbs *r)
{
  g_autofree char *json = data_path ("cli-small.json");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  r->base = open_tmp_dir ();
  r->dir = g_build_filename (r->base, "db", NULL);
  out = g_build_filename (r->base, "out", NULL);
  g_assert_cmpint (g_mkdir (r->dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (out, 0777), ==, 0);
  g_chmod (out, 0777);
  r->db = g_build_filename (r->dir, "small.db", NULL);
  r->empty = g_build_filename (r->dir, "empty.db", NULL);
  r->old = g_build_filename (r->dir, "old.db", NULL);
  r->exported = g_build_filename (out, "export.json", NULL);
  {
    g_autoptr(CliRun) run = cli ("--db", r->db, "import", json, NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", r->empty, "init", NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", r->db, "tasks", NULL);
    assert_success (run);
    r->tasks = g_strdup (run->out);
  }
  {
    g_autoptr(DnStore) store = _dn_store_open_at_version (r->old, 1, &error);
    g_assert_no_error (error);
  }
  r->sums[0] = file_checksum (r->db);
  r->sums[1] = file_checksum (r->empty);
  r->sums[2] = file_checksum (r->old);
  g_chmod (r->db, 0444);
  g_chmod (r->empty, 0444);
  g_chmod (r->old, 0444);
}

static void
read_only_dbs_clear (ReadOnlyDbs *r)
{
  g_chmod (r->dir, 0755);
  remove_tree (r->base);
  g_free (r->base);
  g_free (r->dir);
  g_free (r->db);
  g_free (r->empty);
  g_free (r->old);
  g_free (r->exported);
  g_free (r->tasks);
  for (guint i = 0; i < G_N_ELEMENTS (r->sums); i++)
    g_free (r->sums[i]);
}

enum { RO_CHECK, RO_SEARCH, RO_TASKS, RO_PEOPLE, RO_UNITS, RO_EXPORT, RO_DEMO, RO_IMPORT, RO_GENERATE,
       RO_INIT_OLD, RO_TASKS_OLD, RO_CHECK_OLD, RO_N };

/* Every command on the read-only databases, through @wrapper; checked
 * afterwards (assert_read_only_runs) so that a file system locked for the
 * runs can be unlocked before any assertion can stop the test. */
static void
read_only_runs (const char * const *wrapper,
                ReadOnlyDbs        *r,
                CliRun            **runs)
{
  g_autofree char *json = data_path ("cli-small.json");

  runs[RO_CHECK] = cli_through (wrapper, "--db", r->db, "check", "--full", NULL);
  runs[RO_SEARCH] = cli_through (wrapper, "--db", r->db, "search", "ho chieu", NULL);
  runs[RO_TASKS] = cli_through (wrapper, "--db", r->db, "tasks", NULL);
  runs[RO_PEOPLE] = cli_through (wrapper, "--db", r->db, "people", NULL);
  runs[RO_UNITS] = cli_through (wrapper, "--db", r->db, "units", NULL);
  runs[RO_EXPORT] = cli_through (wrapper, "--db", r->db, "export", r->exported, NULL);
  runs[RO_DEMO] = cli_through (wrapper, "--db", r->empty, "demo", NULL);
  runs[RO_IMPORT] = cli_through (wrapper, "--db", r->empty, "import", json, NULL);
  runs[RO_GENERATE] = cli_through (wrapper, "--db", r->db, "generate", "--tasks", "3", NULL);
  runs[RO_INIT_OLD] = cli_through (wrapper, "--db", r->old, "init", NULL);
  runs[RO_TASKS_OLD] = cli_through (wrapper, "--db", r->old, "tasks", NULL);
  runs[RO_CHECK_OLD] = cli_through (wrapper, "--db", r->old, "check", "--full", NULL);
}

static void
assert_read_only_warning (CliRun     *run,
                          const char *reason)
{
  if (strstr (run->err, "Warning: The database") == NULL || strstr (run->err, reason) == NULL ||
      strstr (run->err, "no change can be saved") == NULL)
    g_error ("stderr does not warn that the database can only be read (%s): %s", reason, run->err);
}

/* The last line of stderr is the error, and says @needle. */
static void
assert_failed_saying (CliRun     *run,
                      const char *needle)
{
  const char *last;

  if (run->status != 1)
    g_error ("expected exit 1, got %d; stdout: %s; stderr: %s", run->status, run->out, run->err);
  g_assert_cmpstr (run->out, ==, "");
  last = g_strrstr (run->err, "doingoai-cli: ");
  if (last == NULL || strstr (last, needle) == NULL)
    g_error ("the error does not say “%s”: %s", needle, run->err);
}

static void
assert_read_only_runs (ReadOnlyDbs  *r,
                       CliRun      **runs,
                       const char   *reason)
{
  g_autofree char *sum_db = file_checksum (r->db);
  g_autofree char *sum_empty = file_checksum (r->empty);
  g_autofree char *sum_old = file_checksum (r->old);

  /* reading works, with the warning */
  for (guint i = RO_CHECK; i <= RO_EXPORT; i++)
    {
      if (runs[i]->status != 0)
        g_error ("a reading command failed on a read-only database (exit %d): %s", runs[i]->status, runs[i]->err);
      assert_read_only_warning (runs[i], reason);
    }
  /* sound, with a note of what a read-only check could not do */
  {
    g_autofree char *sound = g_strdup_printf ("Search index: only compared with the records, as the database can "
                                              "only be read; its full check needs write access.\n"
                                              "The database is sound (version %d).\n", DN_STORE_SCHEMA_VERSION);

    g_assert_cmpstr (runs[RO_CHECK]->out, ==, sound);
  }
  g_assert_nonnull (strstr (runs[RO_SEARCH]->out, "task\t"));
  g_assert_cmpstr (runs[RO_TASKS]->out, ==, r->tasks);
  g_assert_cmpuint (count_lines (runs[RO_PEOPLE]->out), >, 0);
  g_assert_cmpuint (count_lines (runs[RO_UNITS]->out), >, 0);
  g_assert_true (g_file_test (r->exported, G_FILE_TEST_IS_REGULAR));

  /* writing fails and says why */
  assert_failed_saying (runs[RO_DEMO], "can only be read");
  assert_failed_saying (runs[RO_IMPORT], "can only be read");
  assert_failed_saying (runs[RO_GENERATE], "can only be read");
  {
    g_autofree char *upgrade = g_strdup_printf ("must be upgraded from database version 1 to %d",
                                                DN_STORE_SCHEMA_VERSION);

    assert_failed_saying (runs[RO_INIT_OLD], upgrade);
    assert_failed_saying (runs[RO_TASKS_OLD], upgrade);
  }
  /* a check opens an old version as it is */
  g_assert_cmpint (runs[RO_CHECK_OLD]->status, ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("Database version 1, expected %d.\n", DN_STORE_SCHEMA_VERSION);

    g_assert_cmpstr (runs[RO_CHECK_OLD]->out, ==, expected);
  }

  /* nothing changed, nothing marked */
  g_assert_cmpstr (sum_db, ==, r->sums[0]);
  g_assert_cmpstr (sum_empty, ==, r->sums[1]);
  g_assert_cmpstr (sum_old, ==, r->sums[2]);
  {
    g_autofree char *mark = g_strconcat (r->old, ".damaged", NULL);
    g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));
  }
  for (guint i = 0; i < RO_N; i++)
    dn_cli_run_free (runs[i]);
}

static void
test_read_only_permissions (gconstpointer data)
{
  ReadOnlyDbs r = { NULL };
  CliRun *runs[RO_N];

  read_only_dbs_init (&r);
  /* chmod 444 files in a chmod 555 folder: SQLite cannot even make its
   * -shm there; as root, the CLI runs as nobody */
  g_chmod (r.dir, 0555);
  read_only_runs (permissions_stop_us () ? NULL : as_nobody, &r, runs);
  assert_read_only_runs (&r, runs, "the file cannot be written");
  read_only_dbs_clear (&r);
}

static void
test_read_only_immutable_file (gconstpointer data)
{
  ReadOnlyDbs r = { NULL };
  CliRun *runs[RO_N];
  gboolean locked;

  read_only_dbs_init (&r);
  locked = set_immutable (r.db, TRUE) && set_immutable (r.empty, TRUE) && set_immutable (r.old, TRUE);
  read_only_runs (NULL, &r, runs);
  set_immutable (r.db, FALSE);
  set_immutable (r.empty, FALSE);
  set_immutable (r.old, FALSE);
  g_assert_true (locked);
  assert_read_only_runs (&r, runs, "the file cannot be written");
  read_only_dbs_clear (&r);
}

static void
test_read_only_immutable_folder (gconstpointer data)
{
  ReadOnlyDbs r = { NULL };
  CliRun *runs[RO_N];
  gboolean locked;

  read_only_dbs_init (&r);
  /* files that could be written, in a folder that cannot */
  g_chmod (r.db, 0644);
  g_chmod (r.empty, 0644);
  g_chmod (r.old, 0644);
  locked = set_immutable (r.dir, TRUE);
  read_only_runs (NULL, &r, runs);
  set_immutable (r.dir, FALSE);
  g_assert_true (locked);
  assert_read_only_runs (&r, runs, "its folder");
  read_only_dbs_clear (&r);
}

static void
test_read_only_mount (gconstpointer data)
{
  ReadOnlyDbs r = { NULL };
  CliRun *runs[RO_N];

  read_only_dbs_init (&r);
  {
    const char *wrapper[] = { "unshare", "--mount", "sh", "-c", read_only_mount_script, r.dir, NULL };
    read_only_runs (wrapper, &r, runs);
  }
  assert_read_only_runs (&r, runs, "the file cannot be written");
  read_only_dbs_clear (&r);
}

/* ----------------------------------------- damage warned about until repaired */

static void
test_damage_warns (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autofree char *mark = g_strconcat (db, ".damaged", NULL);
  g_autofree char *tasks = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", NULL);
    assert_success (run);
    tasks = g_strdup (run->out);
  }
  /* a reference broken behind SQLite's back */
  {
    g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (_dn_store_get_db (store),
                                   "PRAGMA foreign_keys = OFF;"
                                   "INSERT INTO person (family_name, given_name, unit_id) VALUES ('Mồ', 'Côi', 4242);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, "Broken reference: person"));
  }
  g_assert_true (g_file_test (mark, G_FILE_TEST_IS_REGULAR));

  /* every command says so, and still works */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, tasks);
    if (strstr (run->err, "Warning: On ") == NULL ||
        strstr (run->err, "“doingoai-cli check” found this database damaged") == NULL ||
        strstr (run->err, "Broken reference: person") == NULL || strstr (run->err, "restore a backup") == NULL)
      g_error ("tasks does not warn about the damage: %s", run->err);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->err, "found this database damaged"));
  }

  /* repaired: the next check finds it sound and the warnings stop */
  {
    g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (_dn_store_get_db (store), "DELETE FROM person WHERE unit_id = 4242",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
  /* a quick check cannot tell: the warning stays; a full one can */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->err, "found this database damaged"));
  }
  g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", "--full", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_autofree char *sound = g_strdup_printf ("The database is sound (version %d).\n", DN_STORE_SCHEMA_VERSION);

    g_assert_cmpstr (run->out, ==, sound);
  }
  g_assert_false (g_file_test (mark, G_FILE_TEST_EXISTS));
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, tasks);
  }
}

/* ------------------------------------------------- listing: small fixture */

static void
test_tasks_fixture (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autofree char *today = today_iso ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (fixture_tasks); i++)
    g_ptr_array_add (expected, fixture_task_line (i));
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", NULL);
    assert_success (run);
    assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
  }

  /* --overdue: past their due date, open or in progress */
  g_ptr_array_set_size (expected, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_tasks); i++)
    if (fixture_tasks[i].due[0] != '\0' && strcmp (fixture_tasks[i].due, today) < 0 &&
        (g_str_equal (fixture_tasks[i].status, "open") || g_str_equal (fixture_tasks[i].status, "in_progress")))
      g_ptr_array_add (expected, fixture_task_line (i));
  g_assert_cmpuint (expected->len, >=, 2);   /* 1 and 7, from 2025 on */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--overdue", NULL);
    assert_success (run);
    assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
  }

  /* --today: overdue is judged on the day given, whatever the clock says */
  {
    static const char * const days[] = { "1990-01-01", "2019-01-01", "2025-06-30", "2099-12-31" };
    guint n_seen = 0;

    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      {
        g_autoptr(CliRun) run = cli ("--db", db, "--today", days[d], "tasks", "--overdue", NULL);

        g_ptr_array_set_size (expected, 0);
        for (guint i = 0; i < G_N_ELEMENTS (fixture_tasks); i++)
          if (fixture_tasks[i].due[0] != '\0' && strcmp (fixture_tasks[i].due, days[d]) < 0 &&
              (g_str_equal (fixture_tasks[i].status, "open") || g_str_equal (fixture_tasks[i].status, "in_progress")))
            g_ptr_array_add (expected, fixture_task_line (i));
        assert_success (run);
        assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
        if (d == 0)
          g_assert_cmpuint (expected->len, ==, 0);
        n_seen = MAX (n_seen, expected->len);
      }
    g_assert_cmpuint (n_seen, >=, 2);
  }
  {
    static const char * const bad[] = { "2023-02-29", "31/12/2024", "", "tomorrow", "1899-12-31" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(CliRun) run = cli ("--db", db, "--today", bad[i], "tasks", "--overdue", NULL);

        g_assert_cmpint (run->status, ==, 2);
        g_assert_cmpstr (run->out, ==, "");
        g_assert_nonnull (strstr (run->err, "--today YYYY-MM-DD"));
      }
  }

  /* --unit: the unit or one of its sub-units leads or supports */
  {
    static const struct { const char *unit; const char *status; const char *subtree; } filters[] = {
      { "PGD-BX", "done", " PGD-BX TH-A TH-B CU " },
      { "PGD-BX", NULL, " PGD-BX TH-A TH-B CU " },
      { "TH-A", NULL, " TH-A " },
      { "VP", "open", " VP " },
      { "SGD", "in_progress", NULL },
      { "GDTrH", "cancelled", " GDTrH " },
      { NULL, "done", NULL },
    };

    for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
      {
        g_autoptr(CliRun) run = NULL;

        g_ptr_array_set_size (expected, 0);
        for (guint i = 0; i < G_N_ELEMENTS (fixture_tasks); i++)
          {
            gboolean unit_ok = filters[f].subtree == NULL;

            if (filters[f].subtree != NULL)
              {
                g_auto(GStrv) units = g_strsplit (fixture_tasks[i].units, " ", -1);
                for (guint u = 0; units[u] != NULL; u++)
                  {
                    g_autofree char *word = g_strdup_printf (" %s ", units[u]);
                    unit_ok |= units[u][0] != '\0' && strstr (filters[f].subtree, word) != NULL;
                  }
              }
            if (unit_ok && (filters[f].status == NULL || g_str_equal (filters[f].status, fixture_tasks[i].status)))
              g_ptr_array_add (expected, fixture_task_line (i));
          }
        if (filters[f].unit != NULL && filters[f].status != NULL)
          run = cli ("--db", db, "tasks", "--unit", filters[f].unit, "--status", filters[f].status, NULL);
        else if (filters[f].unit != NULL)
          run = cli ("--db", db, "tasks", "-u", filters[f].unit, NULL);
        else
          run = cli ("--db", db, "tasks", "-s", filters[f].status, NULL);
        assert_success (run);
        assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
      }
  }
}

static void
test_people_fixture (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  /* given name first, then middle, then family name; An < Anh < Ánh < Bình */
  static const char *expected[] = {
    "1\tNguyễn Văn An\tVP\tChuyên viên",
    "5\tBùi Anh\tGDTrH\tChuyên viên đối ngoại",   /* a tab in the position becomes a space */
    "4\tĐỗ Thị Ánh\tVP\tVăn thư",
    "2\tTrần Thị Ánh\tTH-A\tHiệu trưởng",
    "3\tLê Bình\tPGD-BX\tTrưởng phòng",
  };
  static const char *expected_vp[] = {
    "1\tNguyễn Văn An\tVP\tChuyên viên",
    "4\tĐỗ Thị Ánh\tVP\tVăn thư",
  };

  {
    g_autoptr(CliRun) run = cli ("--db", db, "people", NULL);
    assert_success (run);
    assert_lines (run->out, expected, G_N_ELEMENTS (expected));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "people", "--unit", "VP", NULL);
    assert_success (run);
    assert_lines (run->out, expected_vp, G_N_ELEMENTS (expected_vp));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "people", "--unit", "TH-B", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
  }
}

static void
test_units_fixture (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  /* depth first; siblings in Vietnamese order (Á before B, unlike bytes) */
  static const char *expected[] = {
    "SGD\t\tdepartment\tSở Giáo dục và Đào tạo",
    "PGD-BX\tSGD\tdistrict_office\tPhòng GD&ĐT Bát Xát",
    "TH-A\tPGD-BX\tschool\tTrường Tiểu học Ánh Dương",
    "TH-B\tPGD-BX\tschool\tTrường Tiểu học Bản Vược",
    "GDTrH\tSGD\tdivision\tPhòng Giáo dục Trung học",
    "VP\tSGD\tdivision\tVăn phòng Sở",
  };
  static const char *expected_archived[] = {
    "SGD\t\tdepartment\tSở Giáo dục và Đào tạo",
    "PGD-BX\tSGD\tdistrict_office\tPhòng GD&ĐT Bát Xát",
    "CU\tPGD-BX\tschool\tTrường cũ đã sáp nhập",
    "TH-A\tPGD-BX\tschool\tTrường Tiểu học Ánh Dương",
    "TH-B\tPGD-BX\tschool\tTrường Tiểu học Bản Vược",
    "GDTrH\tSGD\tdivision\tPhòng Giáo dục Trung học",
    "VP\tSGD\tdivision\tVăn phòng Sở",
  };

  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
    assert_success (run);
    assert_lines (run->out, expected, G_N_ELEMENTS (expected));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "--archived", NULL);
    assert_success (run);
    assert_lines (run->out, expected_archived, G_N_ELEMENTS (expected_archived));
  }
}

static void
test_search_fixture (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  static const char *ho_chieu[] = {
    "task\t1\tRà soát hộ chiếu công vụ",
    "document\t1\tVề việc quản lý hộ chiếu công vụ",
  };

  /* accents or not, whole words or a prefix being typed: the same hits */
  for (guint i = 0; i < 4; i++)
    {
      static const char *queries[] = { "hộ chiếu", "ho chieu", "HO CHI", "Hộ   chiếu!" };
      g_autoptr(CliRun) run = cli ("--db", db, "search", queries[i], NULL);
      g_auto(GStrv) lines = NULL;

      assert_success (run);
      lines = lines_of (run->out);
      g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (ho_chieu));
      for (guint k = 0; k < G_N_ELEMENTS (ho_chieu); k++)
        g_assert_true (g_strv_contains ((const char * const *) lines, ho_chieu[k]));
    }
  {
    /* the words of the query may be separate arguments */
    g_autoptr(CliRun) run = cli ("--db", db, "search", "KOICA", NULL);
    g_autoptr(CliRun) run2 = cli ("--db", db, "search", "tong", "ket", "koica", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, "task\t5\tTổng kết dự án KOICA\n");
    assert_success (run2);
    g_assert_cmpstr (run2->out, ==, run->out);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", "nguyen van", NULL);
    g_auto(GStrv) lines = NULL;

    assert_success (run);
    lines = lines_of (run->out);
    g_assert_true (g_strv_contains ((const char * const *) lines, "person\t1\tNguyễn Văn An"));
  }
  {
    /* deleted tasks are not found */
    g_autoptr(CliRun) run = cli ("--db", db, "search", "đã xoá", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", "-n", "1", "hộ chiếu", NULL);
    assert_success (run);
    g_assert_cmpuint (count_lines (run->out), ==, 1);
  }
}

/* Text with tabs and line breaks in names never breaks lines or columns. */
static void
test_fields_never_break_lines (gconstpointer data)
{
  g_autofree char *json = data_path ("cli-small.json");
  g_autofree char *fixture = read_file (json);
  g_autofree char *variant_path = tmp_path ("tabs.json");
  g_autofree char *db = tmp_path ("tabs.db");
  g_autoptr(GString) variant = g_string_new (fixture);

  /* (a unit code takes no white space at all: a rule of the store) */
  g_assert_cmpuint (g_string_replace (variant, "\"name\" : \"Trường Tiểu học Ánh Dương\"",
                                      "\"name\" : \"Trường Tiểu học\\tÁnh\\r\\nDương\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (variant, "\"given_name\" : \"Bình\"", "\"given_name\" : \"Bì\\nnh\\r\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (variant, "\"title\" : \"Tổ chức hội thảo quốc tế\"",
                                      "\"title\" : \"Tổ chức\\thội thảo\\nquốc tế\"", 1), ==, 1);
  write_file (variant_path, variant->str, (gssize) variant->len);
  {
    g_autoptr(CliRun) run = cli ("--db", db, "import", variant_path, NULL);
    assert_success (run);
  }

  for (guint c = 0; c < 4; c++)
    {
      static const struct { const char *command; guint n_fields; guint n_lines; } commands[] = {
        { "tasks", 5, G_N_ELEMENTS (fixture_tasks) }, { "people", 4, 5 }, { "units", 4, 6 }, { "search", 3, 1 },
      };
      g_autoptr(CliRun) run = c == 3 ? cli ("--db", db, "search", "hoi thao", NULL)
                                     : cli ("--db", db, commands[c].command, NULL);
      g_auto(GStrv) lines = NULL;

      assert_success (run);
      lines = lines_of (run->out);
      g_assert_cmpuint (g_strv_length (lines), ==, commands[c].n_lines);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = fields_of (lines[i], commands[c].n_fields);
          g_assert_null (strchr (lines[i], '\r'));
        }
    }
}

/* Text that is not UTF-8 is refused where it enters, with a clear message
 * (it once crashed the search), and the command does nothing else. */
static void
test_search_invalid_utf8 (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  static const char *queries[] = { "ho\xff", "\xc3", "h\xe1\xbb chi\xe1\xba\xbfu", "\xed\xa0\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(CliRun) run = cli ("--db", db, "search", queries[i], NULL);
      assert_usage_error (run, "is not valid text (UTF-8)");
    }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--unit", "V\xffP", NULL);
    g_assert_cmpint (run->status, ==, 2);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    /* still answers afterwards */
    g_autoptr(CliRun) run = cli ("--db", db, "search", "koica", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "task\t5\tTổng kết dự án KOICA\n");
  }
}

/* What a user typed is shown in messages with its control and direction
 * characters escaped: they cannot rewrite the terminal or reverse the text. */
static void
test_errors_escape_input (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--unit", "VP\xe2\x80\xae\x1b[31m", NULL);
    assert_error (run, "VP\\u{202E}\\u{001B}[31m");
    g_assert_null (strchr (run->err, '\x1b'));
    g_assert_null (strstr (run->err, "\xe2\x80\xae"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--status", "do\x1bne", NULL);
    assert_usage_error (run, "do\\u{001B}ne");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "x\x07y", NULL);
    assert_usage_error (run, "x\\u{0007}y");
  }
  {
    /* a database name too */
    g_autofree char *odd = tmp_path ("so\x1b[2Jxx\xe2\x80\xae" "db.bd");
    g_autoptr(CliRun) run = cli ("--db", odd, "tasks", NULL);
    assert_error (run, "so\\u{001B}[2Jxx\\u{202E}db.bd");
    g_assert_null (strchr (run->err, '\x1b'));
  }
}

#ifdef G_OS_UNIX
/* Import reads regular files only, with a bound (it once read /dev/zero
 * until memory ran out). */
static void
test_import_device (gconstpointer data)
{
  g_autofree char *db = tmp_path ("device.db");
  static const char *devices[] = { "/dev/zero", "/dev/urandom", "/dev/null", "/" };

  {
    g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
    assert_success (run);
  }
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(CliRun) run = cli ("--db", db, "import", devices[i], NULL);
      assert_error (run, "is not a regular file");
    }
  g_assert_cmpint (count_all_rows (db), ==, 0);
}
#endif

/* ---------------------------------------------- listing: generated data */

static void
test_generated_tasks (gconstpointer data)
{
  const char *db = generated_db ();
  g_autoptr(DnStore) store = open_read_only (db);
  g_autofree char *today = today_iso ();
  static const char *statuses[] = { "open", "in_progress", "done", "cancelled", NULL };
  g_autoptr(GPtrArray) unit_codes = query_strings (store, "SELECT code FROM unit", NULL);
  g_autoptr(GPtrArray) expected = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", NULL);
    g_auto(GStrv) lines = NULL;
    g_autofree char *previous_due = NULL;
    gint64 previous_id = 0;

    assert_success (run);
    lines = lines_of (run->out);
    /* all of them (the CLI pages through the store 500 at a time) */
    g_assert_cmpuint (g_strv_length (lines), ==, 3000);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = fields_of (lines[i], 5);
        GDate date;
        gint64 id = g_ascii_strtoll (f[0], NULL, 10);

        g_assert_cmpint (id, >, 0);
        g_assert_cmpstr (f[1], !=, "");   /* the generator gives every task a due date */
        g_assert_cmpuint (strlen (f[1]), ==, 10);
        g_date_clear (&date, 1);
        g_date_set_parse (&date, f[1]);
        g_assert_true (g_date_valid (&date));
        g_assert_true (g_strv_contains (statuses, f[2]));
        g_assert_true (g_ptr_array_find_with_equal_func (unit_codes, f[3], g_str_equal, NULL));
        g_assert_cmpstr (f[4], !=, "");
        /* by due date, then id */
        if (previous_due != NULL)
          {
            int cmp = strcmp (previous_due, f[1]);
            g_assert_true (cmp < 0 || (cmp == 0 && previous_id < id));
          }
        g_free (previous_due);
        previous_due = g_strdup (f[1]);
        previous_id = id;
      }
    /* the whole line, against the database */
    expected = query_strings (store,
                              "SELECT t.id || char(9) || coalesce(t.due_date, '') || char(9) || t.status || char(9) || "
                              "u.code || char(9) || t.title FROM task t "
                              "JOIN assignment a ON a.task_id = t.id AND a.role = 'lead' JOIN unit u ON u.id = a.unit_id "
                              "WHERE t.deleted = 0 ORDER BY t.due_date IS NULL, t.due_date, t.id",
                              NULL);
    assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
  }

  /* --overdue */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--overdue", NULL);
    g_auto(GStrv) lines = NULL;

    assert_success (run);
    lines = lines_of (run->out);
    g_assert_cmpuint (g_strv_length (lines), >, 0);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = fields_of (lines[i], 5);

        g_assert_cmpint (strcmp (f[1], today), <, 0);
        g_assert_true (g_str_equal (f[2], "open") || g_str_equal (f[2], "in_progress"));
      }
    g_clear_pointer (&expected, g_ptr_array_unref);
    expected = query_strings (store,
                              "SELECT t.id || char(9) || t.due_date || char(9) || t.status || char(9) || "
                              "u.code || char(9) || t.title FROM task t "
                              "JOIN assignment a ON a.task_id = t.id AND a.role = 'lead' JOIN unit u ON u.id = a.unit_id "
                              "WHERE t.deleted = 0 AND t.due_date < ?1 AND t.status IN ('open', 'in_progress') "
                              "ORDER BY t.due_date, t.id",
                              today);
    assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
  }

  /* --unit CODE --status done: the district office and its schools */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--unit", "G-PGD1", "--status", "done", NULL);
    g_auto(GStrv) lines = NULL;

    assert_success (run);
    lines = lines_of (run->out);
    g_assert_cmpuint (g_strv_length (lines), >, 0);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = fields_of (lines[i], 5);
        g_assert_cmpstr (f[2], ==, "done");
      }
    g_clear_pointer (&expected, g_ptr_array_unref);
    expected = query_strings (store,
                              "SELECT t.id || char(9) || t.due_date || char(9) || t.status || char(9) || "
                              "u.code || char(9) || t.title FROM task t "
                              "JOIN assignment a ON a.task_id = t.id AND a.role = 'lead' JOIN unit u ON u.id = a.unit_id "
                              "WHERE t.deleted = 0 AND t.status = 'done' AND EXISTS (SELECT 1 FROM assignment x "
                              "  JOIN unit xu ON xu.id = x.unit_id WHERE x.task_id = t.id "
                              "  AND (xu.code = ?1 OR xu.code LIKE ?1 || '-%')) "
                              "ORDER BY t.due_date, t.id",
                              "G-PGD1");
    assert_lines (run->out, (const char * const *) expected->pdata, expected->len);
  }
}

static void
test_generated_people (gconstpointer data)
{
  const char *db = generated_db ();
  g_autoptr(DnStore) store = open_read_only (db);
  g_autoptr(CliRun) run = cli ("--db", db, "people", NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree guint8 *previous_key = NULL;
  gsize previous_len = 0;
  gint64 previous_id = 0;
  sqlite3_stmt *stmt = NULL;

  assert_success (run);
  lines = lines_of (run->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 600);
  g_assert_cmpint (sqlite3_prepare_v2 (_dn_store_get_db (store),
                                       "SELECT p.family_name, p.middle_name, p.given_name, coalesce(u.code, ''), p.position "
                                       "FROM person p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (lines[i], 4);
      gint64 id = g_ascii_strtoll (f[0], NULL, 10);
      const char *family, *middle, *given;
      g_autofree char *full = NULL;
      g_autofree guint8 *key = NULL;
      gsize len = 0;
      int cmp;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      family = (const char *) sqlite3_column_text (stmt, 0);
      middle = (const char *) sqlite3_column_text (stmt, 1);
      given = (const char *) sqlite3_column_text (stmt, 2);
      /* FULL NAME as written: family, middle, given */
      full = middle[0] != '\0' ? g_strdup_printf ("%s %s %s", family, middle, given)
                               : g_strdup_printf ("%s %s", family, given);
      g_assert_cmpstr (f[1], ==, full);
      g_assert_cmpstr (f[2], ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_cmpstr (f[3], ==, (const char *) sqlite3_column_text (stmt, 4));

      /* sorted as Vietnamese lists are: given, middle, family name */
      key = dn_text_person_key (family, middle, given, &len);
      if (previous_key != NULL)
        {
          cmp = memcmp (previous_key, key, MIN (previous_len, len));
          if (cmp == 0)
            cmp = previous_len < len ? -1 : previous_len > len ? 1 : 0;
          if (cmp > 0 || (cmp == 0 && previous_id >= id))
            g_error ("people out of order at line %u: %s", i + 1, lines[i]);
        }
      g_free (previous_key);
      previous_key = g_steal_pointer (&key);
      previous_len = len;
      previous_id = id;
    }
  sqlite3_finalize (stmt);
}

static void
test_generated_units (gconstpointer data)
{
  const char *db = generated_db ();
  g_autoptr(DnStore) store = open_read_only (db);
  g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
  g_auto(GStrv) lines = NULL;
  /* the path from the root to the previous unit: (code, name) */
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  static const char *kinds[] = { "department", "division", "district_office", "school", "centre", "external", NULL };

  assert_success (run);
  lines = lines_of (run->out);
  g_assert_cmpint (g_strv_length (lines), ==, query_int64 (store, "SELECT count(*) FROM unit WHERE archived = 0"));
  g_assert_cmpuint (g_strv_length (lines), >, 100);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (lines[i], 4);
      g_autofree char *sql_parent = NULL;
      g_autoptr(GPtrArray) parent = NULL;
      guint depth;

      g_assert_true (g_strv_contains (kinds, f[2]));
      parent = query_strings (store,
                              "SELECT coalesce(p.code, '') FROM unit u LEFT JOIN unit p ON p.id = u.parent_id "
                              "WHERE u.code = ?1",
                              f[0]);
      g_assert_cmpuint (parent->len, ==, 1);
      g_assert_cmpstr (f[1], ==, parent->pdata[0]);

      /* depth first: the parent is on the path to the previous unit */
      if (f[1][0] == '\0')
        depth = 0;
      else
        {
          guint p;
          for (p = codes->len; p > 0 && !g_str_equal (codes->pdata[p - 1], f[1]); p--)
            ;
          if (p == 0)
            g_error ("line %u: parent %s is not above it", i + 1, f[1]);
          depth = p;
        }
      /* siblings in Vietnamese order: after the previous sibling, if any */
      if (depth < names->len)
        g_assert_cmpint (dn_text_collate (names->pdata[depth], f[3]), <=, 0);
      g_ptr_array_set_size (codes, depth);
      g_ptr_array_set_size (names, depth);
      g_ptr_array_add (codes, g_strdup (f[0]));
      g_ptr_array_add (names, g_strdup (f[3]));
    }
}

static void
test_generated_search (gconstpointer data)
{
  const char *db = generated_db ();
  g_autoptr(DnStore) store = open_read_only (db);
  static const char *kinds[] = { "unit", "person", "document", "task", "delegation", "passport", "partner", "project", NULL };

  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", "hộ chiếu", NULL);
    g_auto(GStrv) lines = NULL;

    assert_success (run);
    lines = lines_of (run->out);
    /* many match, 50 by default */
    g_assert_cmpuint (g_strv_length (lines), ==, 50);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = fields_of (lines[i], 3);
        g_autofree char *folded = dn_text_fold (f[2], -1);
        g_autofree char *sql = NULL;
        g_autoptr(GPtrArray) title = NULL;

        g_assert_true (g_strv_contains (kinds, f[0]));
        g_assert_cmpint (g_ascii_strtoll (f[1], NULL, 10), >, 0);
        g_assert_nonnull (strstr (folded, "ho chieu"));
        if (g_str_equal (f[0], "task") || g_str_equal (f[0], "delegation"))
          {
            sql = g_strdup_printf ("SELECT title FROM %s WHERE id = %s", f[0], f[1]);
            title = query_strings (store, sql, NULL);
            g_assert_cmpuint (title->len, ==, 1);
            g_assert_cmpstr (f[2], ==, title->pdata[0]);
          }
      }
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", "--limit", "7", "ho chieu", NULL);
    assert_success (run);
    g_assert_cmpuint (count_lines (run->out), ==, 7);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "search", "zzyzx", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
  }
}

/* ------------------------------------------------------- export, import */

static void
assert_export_round_trip (const char *db)
{
  g_autofree char *first = tmp_path ("first.json");
  g_autofree char *second = tmp_path ("second.json");
  g_autofree char *copy = tmp_path ("copy.db");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", first, NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", copy, "import", first, NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", copy, "export", second, NULL);
    assert_success (run);
  }
  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_cmpuint (strlen (first_text), >, 1000);
  g_assert_true (g_str_equal (first_text, second_text));
  {
    g_autoptr(CliRun) run = cli ("--db", copy, "check", NULL);
    assert_success (run);
  }
}

static void
test_export_round_trip (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autofree char *json = data_path ("cli-small.json");
  g_autofree char *exported = tmp_path ("fixture.json");
  g_autofree char *fixture = read_file (json);
  g_autofree char *again = NULL;

  /* the fixture is an export: it comes back byte for byte */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", exported, NULL);
    assert_success (run);
  }
  again = read_file (exported);
  g_assert_cmpstr (again, ==, fixture);

  assert_export_round_trip (db);
  assert_export_round_trip (generated_db ());

  /* the same data written in layout 2, before the delegation rules: it
   * imports, and exports as the fixture (the new columns and tables empty) */
  {
    g_autofree char *old_json = data_path ("cli-small-v2.json");
    g_autofree char *old_db = tmp_path ("layout2.db");
    g_autofree char *old_exported = tmp_path ("layout2.json");
    g_autofree char *old_text = read_file (old_json);
    g_autofree char *old_again = NULL;

    g_assert_nonnull (strstr (old_text, "\"version\" : 2,"));
    {
      g_autoptr(CliRun) run = cli ("--db", old_db, "import", old_json, NULL);
      assert_success (run);
    }
    {
      g_autoptr(CliRun) run = cli ("--db", old_db, "export", old_exported, NULL);
      assert_success (run);
    }
    old_again = read_file (old_exported);
    g_assert_cmpstr (old_again, ==, fixture);
  }
}

static void
test_import_not_empty (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autofree char *json = data_path ("cli-small.json");
  g_autofree char *before = tmp_path ("before.json");
  g_autofree char *after = tmp_path ("after.json");
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", before, NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "import", json, NULL);
    assert_error (run, "already holds data");
  }
  {
    /* even a file that would not clash */
    g_autofree char *other = tmp_path ("other.json");
    g_autoptr(CliRun) run = cli ("--db", generated_db (), "export", other, NULL);
    g_autoptr(CliRun) run2 = NULL;

    assert_success (run);
    run2 = cli ("--db", db, "import", other, NULL);
    assert_error (run2, "already holds data");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", after, NULL);
    assert_success (run);
  }
  before_text = read_file (before);
  after_text = read_file (after);
  g_assert_true (g_str_equal (before_text, after_text));
}

/* A database with only a partner and a calendar day (no unit, person,
 * document or task) is not empty either: nothing is merged into it. */
static void
test_import_not_empty_other_tables (gconstpointer data)
{
  g_autofree char *db = tmp_path ("calendar.db");
  g_autofree char *small = tmp_path ("calendar.json");
  g_autofree char *json = data_path ("cli-small.json");
  g_autofree char *before = tmp_path ("before.json");
  g_autofree char *after = tmp_path ("after.json");
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  write_file (small,
              "{ \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : {\n"
              "  \"partner\" : [ { \"id\" : 1, \"name\" : \"KOICA\" } ],\n"
              "  \"calendar_day\" : [ { \"day\" : \"2025-09-01\", \"off\" : 1, \"name\" : \"Nghỉ bù\" } ] } }\n",
              -1);
  {
    g_autoptr(CliRun) run = cli ("--db", db, "import", small, NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", before, NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "import", json, NULL);
    assert_error (run, "already holds data");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_error (run, "already holds data");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", after, NULL);
    assert_success (run);
  }
  before_text = read_file (before);
  after_text = read_file (after);
  g_assert_true (g_str_equal (before_text, after_text));
}

typedef struct
{
  const char *name;
  const char *find;      /* NULL: @replace is the whole file */
  const char *replace;
  const char *expect;    /* on stderr; "@LINE@" is the line of @find */
} ImportCase;

static const ImportCase import_cases[] = {
  { "malformed", "\"code\" : \"VP\",", "\"code\" : \"VP\" \"VP2\",", "line" },
  { "malformed-line", "\"code\" : \"VP\",", "\"code\" : \"VP\" \"VP2\",", "@LINE@," },
  { "truncated", NULL, NULL, "ends too early" },
  { "version-newer", "\"version\" : 7,", "\"version\" : 8,", "version 8" },
  { "version-older", "\"version\" : 7,", "\"version\" : 1,", "version 1" },
  { "version-text", "\"version\" : 7,", "\"version\" : \"7\",", "“version”" },
  { "format-wrong", "\"format\" : \"doingoai\",", "\"format\" : \"doingoai-backup\",", "“format”" },
  { "format-missing", "\"format\" : \"doingoai\",", "", "“format”" },
  { "unknown-table", "\"tables\" : {", "\"tables\" : {\n  \"meeting\" : [],", "“meeting”" },
  { "unknown-field", "\"code\" : \"SGD\",", "\"code\" : \"SGD\",\n    \"colour\" : \"red\",", "“colour”" },
  { "generated-field", "\"code\" : \"SGD\",", "\"code\" : \"SGD\",\n    \"name_key\" : \"x\",", "“name_key”" },
  { "bad-date", "\"due_date\" : \"2024-04-15\"", "\"due_date\" : \"2024-02-30\"", "due_date" },
  { "bad-date-table", "\"due_date\" : \"2024-04-15\"", "\"due_date\" : \"2024-02-30\"", "table “task”, record 1" },
  { "bad-month", "\"due_date\" : \"2024-04-15\"", "\"due_date\" : \"2024-13-15\"", "due_date" },
  { "bad-percent", "\"percent\" : 40", "\"percent\" : 150", "percent" },
  { "bad-kind", "\"kind\" : \"division\"", "\"kind\" : \"ministry\"", "table “unit”, record 2" },
  { "percent-not-scalar", "\"percent\" : 40", "\"percent\" : [40]", "“percent”" },
  { "duplicate-passport", "\"passport\" : [",
    "\"passport\" : [ { \"id\" : 2, \"person_id\" : 2, \"kind\" : \"ordinary\", \"number\" : \"C1234567\", "
    "\"issue_date\" : \"2021-01-01\", \"expiry_date\" : \"2031-01-01\" },", "passport number" },
  { "duplicate-id", "\"passport\" : [",
    "\"passport\" : [ { \"id\" : 1, \"person_id\" : 2, \"kind\" : \"ordinary\", \"number\" : \"B7654321\", "
    "\"issue_date\" : \"2021-01-01\", \"expiry_date\" : \"2031-01-01\" },", "passport" },
  { "missing-unit", "\"unit_id\" : 2,", "\"unit_id\" : 99,", "“unit”" },
  { "missing-unit-record", "\"unit_id\" : 2,", "\"unit_id\" : 99,", "table “person”, record with id 1" },
  { "task-without-lead", "\"task_id\" : 4,\n    \"unit_id\" : 2,\n    \"role\" : \"lead\"",
    "\"task_id\" : 4,\n    \"unit_id\" : 2,\n    \"role\" : \"support\"", "lead" },
  { "record-not-object", "\"calendar_day\" : [", "\"calendar_day\" : [ 42,", "expected an object" },
  { "table-not-list", "\"passport_loan\" : [],", "\"passport_loan\" : {},", "“passport_loan”" },
  { "top-level-array", NULL, "[ 1, 2, 3 ]\n", "not a Đối Ngoại export" },
  { "empty-file", NULL, "", "is empty" },
  { "not-utf8", NULL, "{ \"format\" : \"doingoai\xff\" }", "UTF-8" },
  { "deep", NULL, NULL, "nested more than 16 levels" },
  /* json-glib accepts these, and its nesting guard was fooled by the quote */
  { "comment-quote-deep", NULL, NULL, "comments are not allowed" },
  { "single-quote-deep", NULL, NULL, "double quotes" },
  { "comment", "\"tables\" : {", "\"tables\" : { // the tables", "line 4, column 15: comments are not allowed" },
  { "single-quotes", "\"code\" : \"VP\",", "'code' : 'VP',", "double quotes" },
  { "trailing-garbage", "\n}\n", "\n}\n}", "more data after the end" },
  { "trailing-comma", "\"code\" : \"VP\",", "\"code\" : \"VP\",,", "field name" },
  { "byte-order-mark", "{\n \"format\"", "\xef\xbb\xbf{\n \"format\"", "byte-order mark" },
  { "raw-control", "\"code\" : \"VP\",", "\"code\" : \"V\x1fP\",", "control character" },
  { "bad-escape", "\"code\" : \"VP\",", "\"code\" : \"V\\qP\",", "unknown escape" },
  { "lone-surrogate", "\"code\" : \"VP\",", "\"code\" : \"V\\ud800P\",", "surrogate" },
  /* values json-glib changes silently */
  { "infinite-number", "\"percent\" : 40", "\"percent\" : 1e400", "out of range" },
  { "huge-integer", "\"percent\" : 40", "\"percent\" : 99999999999999999999", "out of range" },
  { "nul-in-text", "\"code\" : \"VP\",", "\"code\" : \"V\\u0000P\",", "U+0000" },
  { "fraction", "\"percent\" : 40", "\"percent\" : 40.5", "whole number" },
  { "text-for-number", "\"percent\" : 40", "\"percent\" : \"40\"", "whole number" },
  { "number-for-text", "\"code\" : \"VP\",", "\"code\" : 12,", "expected text" },
  { "text-too-long", "\"code\" : \"VP\",", "\"code\" : \"@LONG@\",", "longer than 40 characters" },
  /* the rules of the C API */
  { "unit-cycle", "\"kind\" : \"district_office\",\n    \"parent_id\" : 1,",
    "\"kind\" : \"district_office\",\n    \"parent_id\" : 4,", "parents form a loop" },
  { "negative-id", "\"partner\" : []", "\"partner\" : [ { \"id\" : -5, \"name\" : \"KOICA\" } ]", "ids are positive" },
  { "zero-id", "\"partner\" : []", "\"partner\" : [ { \"id\" : 0, \"name\" : \"KOICA\" } ]", "ids are positive" },
  { "code-with-space", "\"code\" : \"VP\",", "\"code\" : \"V P\",", "no spaces" },
  { "escaped-field-name", "\"code\" : \"SGD\",", "\"code\" : \"SGD\",\n    \"col\\u202eour\" : 1,", "col\\u{202E}our" },
};

static void
test_import_refused (gconstpointer data)
{
  const ImportCase *c = data;
  g_autofree char *json = data_path ("cli-small.json");
  g_autofree char *fixture = read_file (json);
  g_autofree char *variant_path = tmp_path ("variant.json");
  g_autofree char *db = tmp_path ("import.db");
  g_autofree char *expect = NULL;
  g_autoptr(GString) variant = NULL;

  if (c->find != NULL)
    {
      const char *at = strstr (fixture, c->find);
      guint line = 1;

      g_assert_nonnull (at);
      for (const char *p = fixture; p < at; p++)
        line += *p == '\n';
      variant = g_string_new (fixture);
      g_assert_cmpuint (g_string_replace (variant, c->find, c->replace, 1), ==, 1);
      if (g_str_equal (c->expect, "@LINE@,"))
        expect = g_strdup_printf ("line %u,", line);
      if (strstr (variant->str, "@LONG@") != NULL)
        {
          g_autofree char *long_code = g_strnfill (41, 'X');
          g_string_replace (variant, "@LONG@", long_code, 1);
        }
    }
  else if (g_str_equal (c->name, "truncated"))
    {
      /* cut in the middle, at the end of a line (between two values) */
      const char *middle = fixture + strlen (fixture) / 2;

      while (middle > fixture && middle[-1] != '\n')
        middle--;
      variant = g_string_new_len (fixture, middle - fixture);
    }
  else if (g_str_equal (c->name, "deep"))
    {
      variant = g_string_sized_new (200002);
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (variant, '[');
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (variant, ']');
    }
  else if (g_str_has_suffix (c->name, "-quote-deep"))
    {
      /* a quote the guard took for the start of a string, then a million
       * brackets: json-glib overflowed its stack on these */
      variant = g_string_new (g_str_equal (c->name, "comment-quote-deep") ? "/* \" */" : "['\"', ");
      for (guint i = 0; i < 1000000; i++)
        g_string_append_c (variant, '[');
    }
  else
    variant = g_string_new (c->replace);
  if (expect == NULL)
    expect = g_strdup (c->expect);
  write_file (variant_path, variant->str, (gssize) variant->len);

  {
    g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "import", variant_path, NULL);

    assert_error (run, expect);
    g_test_message ("%s", run->err);
    /* a one-line message */
    g_assert_cmpuint (count_lines (run->err), ==, 1);
  }
  /* nothing at all was imported */
  g_assert_cmpint (count_all_rows (db), ==, 0);
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
    g_autoptr(CliRun) run2 = cli ("--db", db, "tasks", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
    assert_success (run2);
    g_assert_cmpstr (run2->out, ==, "");
  }
  /* and the database still takes a good file */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "import", json, NULL);
    assert_success (run);
  }
}

/* --------------------------------------------------------------- demo */

static void
test_demo_not_empty (gconstpointer data)
{
  g_autofree char *db = fixture_db ();
  g_autofree char *before = tmp_path ("before.json");
  g_autofree char *after = tmp_path ("after.json");
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", before, NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_error (run, "already holds data");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", after, NULL);
    assert_success (run);
  }
  before_text = read_file (before);
  after_text = read_file (after);
  g_assert_true (g_str_equal (before_text, after_text));
}

static void
test_demo_empty (gconstpointer data)
{
  g_autofree char *db = tmp_path ("demo.db");

  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_success (run);
    g_assert_true (g_str_has_prefix (run->out, "Demo data loaded: "));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
    g_autoptr(CliRun) run2 = cli ("--db", db, "tasks", NULL);
    g_autoptr(CliRun) run3 = cli ("--db", db, "people", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, !=, "");
    assert_success (run2);
    g_assert_cmpstr (run2->out, !=, "");
    assert_success (run3);
    g_assert_cmpstr (run3->out, !=, "");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", NULL);
    assert_success (run);
  }
  /* a second time: refused */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_error (run, "already holds data");
  }
  /* the demo is an export like any other */
  assert_export_round_trip (db);
}

/* ---------------------------------------------------- backup, restore */

/* The backup of the demo exports exactly as the database; the database
 * itself is refused as the backup; no file, two files: usage errors. */
static void
test_backup (gconstpointer data)
{
  g_autofree char *db = tmp_path ("demo.db");
  g_autofree char *copy = tmp_path ("sao lưu.db");
  g_autofree char *json = tmp_path ("demo.json");
  g_autofree char *copy_json = tmp_path ("copy.json");
  g_autofree char *checksum = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_success (run);
  }
  {
    /* stderr is no terminal here: no progress on it */
    g_autoptr(CliRun) run = cli ("--db", db, "backup", copy, NULL);
    assert_success (run);
    g_assert_true (g_str_has_prefix (run->out, "Backup written to “"));
    g_assert_nonnull (strstr (run->out, "sao lưu.db"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "export", json, NULL);
    g_autoptr(CliRun) run2 = cli ("--db", copy, "export", copy_json, NULL);
    g_autofree char *a = NULL, *b = NULL;

    assert_success (run);
    assert_success (run2);
    a = read_file (json);
    b = read_file (copy_json);
    g_assert_cmpstr (a, ==, b);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", copy, "check", NULL);
    assert_success (run);
  }

  checksum = file_checksum (db);
  {
    g_autoptr(CliRun) run = cli ("--db", db, "backup", db, NULL);
    assert_error (run, "is the database in use");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "backup", NULL);
    assert_usage_error (run, "Give one file name.");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "backup", copy, json, NULL);
    assert_usage_error (run, "Give one file name.");
  }
  {
    g_autofree char *now = file_checksum (db);
    g_assert_cmpstr (now, ==, checksum);
  }
  /* no database: nothing to back up, and none is made */
  {
    g_autofree char *missing = tmp_path ("missing.db");
    g_autofree char *target = tmp_path ("never.db");
    g_autoptr(CliRun) run = cli ("--db", missing, "backup", target, NULL);

    assert_error (run, "There is no database");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  }
}

/* Restore brings the backup's data back (and saves what it replaced);
 * bad files are refused with exit 1 and change nothing. */
static void
test_restore (gconstpointer data)
{
  g_autofree char *db = tmp_path ("work.db");
  g_autofree char *copy = tmp_path ("copy.db");
  g_autofree char *before = g_strconcat (db, ".before-restore", NULL);
  g_autofree char *text = tmp_path ("notes.txt");
  g_autofree char *empty = tmp_path ("empty.db");
  g_autofree char *foreign = tmp_path ("photos.db");
  g_autofree char *newer = tmp_path ("newer.db");
  g_autofree char *units_before = NULL;
  const char *bad[][2] = {
    { text, "is not a Đối Ngoại database" },
    { empty, "is empty" },
    { foreign, "database of another program" },
    { newer, "newer version" },
    { db, "is the database in use" },
  };

  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    g_autoptr(CliRun) run2 = cli ("--db", db, "backup", copy, NULL);
    g_autoptr(CliRun) run3 = cli ("--db", db, "units", NULL);

    assert_success (run);
    assert_success (run2);
    assert_success (run3);
    units_before = g_strdup (run3->out);
  }
  {
    g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE, NULL);
    g_assert_nonnull (store);
    g_assert_cmpint (sqlite3_exec (_dn_store_get_db (store), "UPDATE unit SET name = 'Đã đổi tên' WHERE parent_id IS NULL",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }

  write_file (text, "Ghi chú, không phải cơ sở dữ liệu.\n", -1);
  write_file (empty, "", 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) from = g_file_new_for_path (copy);
    g_autoptr(GFile) to = g_file_new_for_path (newer);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  {
    sqlite3 *raw = NULL;
    g_assert_cmpint (sqlite3_open (foreign, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (raw);
    g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 42", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (raw);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CliRun) run = cli ("--db", db, "restore", bad[i][0], NULL);
      g_autoptr(CliRun) units = cli ("--db", db, "units", NULL);

      assert_error (run, bad[i][1]);
      assert_success (units);
      g_assert_nonnull (strstr (units->out, "Đã đổi tên"));
      g_assert_false (g_file_test (before, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "restore", NULL);
    assert_usage_error (run, "Give one file name.");
  }

  {
    g_autoptr(CliRun) run = cli ("--db", db, "restore", copy, NULL);
    g_autoptr(CliRun) units = cli ("--db", db, "units", NULL);
    g_autoptr(CliRun) check = cli ("--db", db, "check", NULL);
    g_autoptr(CliRun) saved = cli ("--db", before, "units", NULL);

    assert_success (run);
    g_assert_true (g_str_has_prefix (run->out, "Restored from “"));
    g_assert_nonnull (strstr (run->out, ".before-restore"));
    assert_success (units);
    g_assert_cmpstr (units->out, ==, units_before);
    assert_success (check);
    /* what was replaced */
    assert_success (saved);
    g_assert_nonnull (strstr (saved->out, "Đã đổi tên"));
  }
  /* into a database that does not exist yet */
  {
    g_autofree char *fresh = tmp_path ("fresh.db");
    g_autoptr(CliRun) run = cli ("--db", fresh, "restore", copy, NULL);
    g_autoptr(CliRun) units = cli ("--db", fresh, "units", NULL);

    assert_success (run);
    assert_success (units);
    g_assert_cmpstr (units->out, ==, units_before);
  }
}

/* The messages are translated. */
static void
test_restore_translated (gconstpointer data)
{
  const char *env[] = {
    "LANGUAGE=vi", "LANG=vi_VN.UTF-8", "LC_ALL=vi_VN.UTF-8", NULL /* DOINGOAI_LOCALEDIR */, NULL,
  };
  g_autofree char *localedir_env = g_strconcat ("DOINGOAI_LOCALEDIR=", build_localedir, NULL);
  g_autofree char *db = tmp_path ("vi.db");
  g_autofree char *text = tmp_path ("ghi-chu.txt");

  g_assert_null (vietnamese_unavailable ());
  env[3] = localedir_env;
  write_file (text, "không phải", -1);
  {
    g_autoptr(CliRun) run = cli ("--db", db, "init", NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli_env (env, "--db", db, "restore", text, NULL);
    assert_error (run, "không phải cơ sở dữ liệu của Đối Ngoại");
    g_test_message ("in Vietnamese: %s", run->err);
    g_assert_null (strstr (run->err, "is not a"));
  }
}

/* ------------------------------------------------------------------ main */

/* Each test runs in a child process of its own (this program again, with
 * DN_TEST_CLI_RUN=PATH): a failed test is reported and the others still
 * run. */
typedef struct
{
  char *path;
  GTestDataFunc func;
  gconstpointer data;
  const char *(*skip) (void);   /* a reason to skip, checked first; may be NULL */
} IsolatedTest;

static char *self_path;
static GArray *tests;   /* IsolatedTest */

static void
run_isolated (gconstpointer data)
{
  const IsolatedTest *test = data;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *skip;

  if (test->skip != NULL && (skip = test->skip ()) != NULL)
    {
      g_test_skip (skip);
      return;
    }
  /* the child's stderr says why it failed; its messages come back here */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "DN_TEST_CLI_RUN", test->path, TRUE);
  g_subprocess_launcher_setenv (launcher, "DN_TEST_CLI_TMP", tmp_root, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (out != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "# ") && lines[i][2] != '\0' &&
            !g_str_has_prefix (lines[i], "# random seed:"))
          g_test_message ("%s", lines[i] + 2);
    }
  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_test_fail_printf ("the test failed in its child process (see its stderr)");
}

static void
add_test_full (const char     *path,
               GTestDataFunc   func,
               gconstpointer   data,
               const char   *(*skip) (void))
{
  IsolatedTest test = { g_strdup (path), func, data, skip };
  g_array_append_val (tests, test);
}

static void
add_test (const char    *path,
          GTestDataFunc  func)
{
  add_test_full (path, func, NULL, NULL);
}

static void
isolated_test_clear (gpointer data)
{
  g_free (((IsolatedTest *) data)->path);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* ------------------------------------------------ units: merge, rename */

/* The whole database as exported: equal text, equal data. */
static char *
export_text (const char *db)
{
  g_autofree char *path = tmp_path ("state.json");
  g_autoptr(CliRun) run = cli ("--db", db, "export", path, NULL);

  assert_success (run);
  return read_file (path);
}

/* Refusals exit 1 (or 2 for usage) with the reason and change nothing. */
static void
test_units_merge_refused (gconstpointer data)
{
  g_autofree char *db = tmp_path ("demo.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const char *refused[][5] = {
    { "merge", "TT-BX", "TT-BX", "cannot be merged into itself", NULL },
    { "merge", "SGDLC", "TT-BT", "its own sub-unit", NULL },
    /* the district offices of the demo are archived since 2025 */
    { "merge", "TT-BX", "PGD-BT", "is archived", NULL },
    { "merge", "NOPE", "TT-BT", "There is no unit “NOPE”", NULL },
    { "merge", "TT-BX", "NOPE", "There is no unit “NOPE”", NULL },
  };

  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_success (run);
  }
  before = export_text (db);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(CliRun) run = cli ("--db", db, "units", refused[i][0], refused[i][1], refused[i][2], NULL);
      assert_error (run, refused[i][3]);
    }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "rename", "SGDLC", "--name", "Sở Giáo dục và Đào tạo Lào Cai",
                                 "--from", "2025-07-01", NULL);
    assert_error (run, "already the name");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "rename", "SGDLC", "--name", "   ", "--from", "2025-07-01", NULL);
    assert_error (run, "must not be empty");
  }
  /* usage errors: exit 2 */
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "merge", "TT-BX", NULL);
    assert_usage_error (run, "units merge FROM_CODE INTO_CODE");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "rename", "SGDLC", "--name", "Sở mới", NULL);
    assert_usage_error (run, "--from YYYY-MM-DD");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "rename", "SGDLC", "--name", "Sở mới", "--from", "2025-02-30", NULL);
    assert_usage_error (run, "“2025-02-30” is not a date");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "split", "SGDLC", NULL);
    assert_usage_error (run, "“split”");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "--name", "Sở mới", NULL);
    assert_usage_error (run, "units rename");
  }
  after = export_text (db);
  g_assert_true (g_str_equal (before, after));
}

static void
test_units_merge_rename (gconstpointer data)
{
  g_autofree char *db = tmp_path ("demo.db");
  g_autofree char *exported = NULL;

  {
    g_autoptr(CliRun) run = cli ("--db", db, "demo", NULL);
    assert_success (run);
  }
  {
    /* two district centres become one */
    g_autoptr(CliRun) run = cli ("--db", db, "units", "merge", "TT-BX", "TT-BT", NULL);
    assert_success (run);
    g_assert_true (g_str_has_prefix (run->out, "Merged TT-BX into TT-BT"));
  }
  {
    /* gone from the tree, the one that took over still there */
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
    assert_success (run);
    g_assert_null (strstr (run->out, "TT-BX\t"));
    g_assert_nonnull (strstr (run->out, "TT-BT\tSGDLC\tcentre\t"));
  }
  {
    /* kept, archived */
    g_autoptr(CliRun) run = cli ("--db", db, "units", "--archived", NULL);
    assert_success (run);
    g_assert_nonnull (strstr (run->out, "TT-BX\tSGDLC\tcentre\tTrung tâm GDNN-GDTX huyện Bát Xát\n"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "tasks", "--unit", "TT-BX", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", "rename", "SGDLC", "--name", "Sở Giáo dục và Đào tạo tỉnh Lào Cai",
                                 "--from", "2025-07-01", NULL);
    assert_success (run);
    g_assert_cmpstr (run->out, ==, "SGDLC is named “Sở Giáo dục và Đào tạo tỉnh Lào Cai” from 01/07/2025 on "
                                   "(until then: “Sở Giáo dục và Đào tạo Lào Cai”).\n");
  }
  {
    /* the history is a line: not before the current name */
    g_autoptr(CliRun) run = cli ("--db", db, "units", "rename", "SGDLC", "--name", "Sở GD&ĐT", "--from", "2025-03-01", NULL);
    assert_error (run, "01/07/2025");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "units", NULL);
    assert_success (run);
    g_assert_nonnull (strstr (run->out, "SGDLC\t\tdepartment\tSở Giáo dục và Đào tạo tỉnh Lào Cai\n"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "check", "--full", NULL);
    assert_success (run);
  }
  exported = export_text (db);
  g_assert_nonnull (strstr (exported, "\"version\" : 7,"));
  g_assert_nonnull (strstr (exported, "\"unit_merge\" : ["));
  assert_export_round_trip (db);
}

/* The department's rules: listed with their defaults, changed, refused
 * out of range (nothing written), back to the default. */
static void
test_settings (gconstpointer data)
{
  g_autofree char *db = fixture_db ();

  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", NULL);
    assert_success (run);
    /* and the agency's abbreviation, text */
    g_assert_cmpuint (count_lines (run->out), ==, DN_SETTING_N + 1);
    g_assert_nonnull (strstr (run->out, "passport-return-days\t5\t5\t1..60\t"));
    g_assert_nonnull (strstr (run->out, "agency-abbreviation\t\t\t\t"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", "limit-members", "10", NULL);
    assert_success (run);
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", "report-days", "400", NULL);
    assert_failed_saying (run, "between 1 and 365; 400 was given");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", "report-days", "fifteen", NULL);
    assert_usage_error (run, "not a whole number");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", "no-such-rule", "1", NULL);
    assert_usage_error (run, "no-such-rule");
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", NULL);
    assert_success (run);
    g_assert_nonnull (strstr (run->out, "limit-members\t10\t0\t"));
    g_assert_nonnull (strstr (run->out, "report-days\t15\t15\t"));
  }
  {
    g_autoptr(CliRun) run = cli ("--db", db, "settings", "limit-members", "0", NULL);
    assert_success (run);
  }
  {
    g_autoptr(DnStore) store = open_read_only (db);

    g_assert_cmpint (query_int64 (store, "SELECT count(*) FROM setting"), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *child_test;
  int status;

  /* the children are this very program */
  if (strchr (argv[0], G_DIR_SEPARATOR) != NULL || strchr (argv[0], '/') != NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);
  else
    self_path = g_find_program_in_path (argv[0]);
  g_assert_nonnull (self_path);

  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("DN_TEST_CLI");
  build_localedir = g_getenv ("DN_TEST_LOCALEDIR");
  data_dir = g_getenv ("DN_TEST_DATA_DIR");
  if (data_dir == NULL)
    data_dir = TEST_DATA_DIR;
  if (cli_path == NULL || build_localedir == NULL)
    g_error ("run this through meson test: DN_TEST_CLI and DN_TEST_LOCALEDIR are not set");

  tests = g_array_new (FALSE, FALSE, sizeof (IsolatedTest));
  g_array_set_clear_func (tests, isolated_test_clear);
  add_test ("/cli/usage-errors", test_usage_errors);
  add_test ("/cli/errors", test_errors);
  add_test_full ("/cli/translated-errors", test_translated_errors, NULL, vietnamese_unavailable);
  add_test ("/cli/init/creates", test_init_creates);
  add_test ("/cli/init/garbage", test_init_garbage);
  add_test ("/cli/init/other-program", test_init_other_program);
  add_test ("/cli/init/too-new", test_init_too_new);
  add_test ("/cli/init/negative-version", test_init_negative_version);
  add_test ("/cli/check/sound", test_check_sound);
  add_test ("/cli/check/damaged", test_check_damaged);
  add_test ("/cli/check/damage-warns-until-repaired", test_damage_warns);
  add_test_full ("/cli/read-only/permissions", test_read_only_permissions, NULL, read_only_permissions_unavailable);
  add_test_full ("/cli/read-only/immutable-file", test_read_only_immutable_file, NULL, immutable_unavailable);
  add_test_full ("/cli/read-only/immutable-folder", test_read_only_immutable_folder, NULL, immutable_unavailable);
  add_test_full ("/cli/read-only/mount", test_read_only_mount, NULL, read_only_mount_unavailable);
  add_test ("/cli/list/tasks", test_tasks_fixture);
  add_test ("/cli/list/people", test_people_fixture);
  add_test ("/cli/list/units", test_units_fixture);
  add_test ("/cli/list/search", test_search_fixture);
  add_test ("/cli/list/fields-never-break-lines", test_fields_never_break_lines);
  add_test ("/cli/list/search-invalid-utf8", test_search_invalid_utf8);
  add_test ("/cli/errors-escape-input", test_errors_escape_input);
#ifdef G_OS_UNIX
  add_test ("/cli/exchange/import-device", test_import_device);
#endif
  add_test ("/cli/generated/tasks", test_generated_tasks);
  add_test ("/cli/generated/people", test_generated_people);
  add_test ("/cli/generated/units", test_generated_units);
  add_test ("/cli/generated/search", test_generated_search);
  add_test ("/cli/exchange/round-trip", test_export_round_trip);
  add_test ("/cli/exchange/import-not-empty", test_import_not_empty);
  add_test ("/cli/exchange/import-not-empty-other-tables", test_import_not_empty_other_tables);
  for (guint i = 0; i < G_N_ELEMENTS (import_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/exchange/import-refused/%s", import_cases[i].name);
      add_test_full (path, test_import_refused, &import_cases[i], NULL);
    }
  add_test ("/cli/demo/not-empty", test_demo_not_empty);
  add_test ("/cli/demo/empty", test_demo_empty);
  add_test ("/cli/backup", test_backup);
  add_test ("/cli/restore", test_restore);
  add_test ("/cli/restore/translated", test_restore_translated);
  add_test ("/cli/units/merge-refused", test_units_merge_refused);
  add_test ("/cli/units/merge-rename", test_units_merge_rename);
  add_test ("/cli/settings", test_settings);

  child_test = g_getenv ("DN_TEST_CLI_RUN");
  if (child_test != NULL)
    {
      /* a child: run that one test, in the parent's temporary folder */
      IsolatedTest *test = NULL;

      tmp_root = g_strdup (g_getenv ("DN_TEST_CLI_TMP"));
      g_assert_nonnull (tmp_root);
      for (guint i = 0; i < tests->len && test == NULL; i++)
        if (g_str_equal (g_array_index (tests, IsolatedTest, i).path, child_test))
          test = &g_array_index (tests, IsolatedTest, i);
      if (test == NULL)
        g_error ("no test %s", child_test);
      test->func (test->data);
      status = 0;
    }
  else
    {
      tmp_root = g_dir_make_tmp ("dn-cli-XXXXXX", &error);
      g_assert_no_error (error);
      /* a failed test does not stop the others */
      g_test_set_nonfatal_assertions ();
      for (guint i = 0; i < tests->len; i++)
        {
          IsolatedTest *test = &g_array_index (tests, IsolatedTest, i);
          g_test_add_data_func (test->path, test, run_isolated);
        }
      status = g_test_run ();
      remove_tree (tmp_root);
    }

  g_array_unref (tests);
  g_free (tmp_root);
  g_free (self_path);
  return status;
}
