/* test-reliability.c: the store under a killed writer, a full disk, and the
 * network share warning
 *
 * The crash test runs this same binary as a child ("--writer DBPATH"): it
 * writes records in transactions and prints the ids of every committed
 * transaction; the parent kills it at a random moment and checks that the
 * database is sound and holds everything the child reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-reliability"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dn-store-private.h"

#define CRASH_ROUNDS 25
#define WRITER_ROOT_CODE "ROOT"

static char *self_path;

/* ---------------------------------------------------------------- helpers */

typedef struct
{
  char *dir;
  char *path;
} TmpDb;

static void
tmp_db_free (TmpDb *tmp)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (tmp == NULL)
    return;
  dir = g_dir_open (tmp->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (tmp->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (tmp->dir);
  g_free (tmp->dir);
  g_free (tmp->path);
  g_free (tmp);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TmpDb, tmp_db_free)

static TmpDb *
tmp_db_new (void)
{
  g_autoptr(GError) error = NULL;
  TmpDb *tmp = g_new0 (TmpDb, 1);

  tmp->dir = g_dir_make_tmp ("dn-reliability-XXXXXX", &error);
  g_assert_no_error (error);
  tmp->path = g_build_filename (tmp->dir, "test.db", NULL);
  return tmp;
}

static gint64
query_int64 (DnStore    *store,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc;

  rc = sqlite3_prepare_v2 (_dn_store_get_db (store), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (_dn_store_get_db (store)));
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
row_exists (DnStore    *store,
            const char *table,
            gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE id = %" G_GINT64_FORMAT, table, id);
  return query_int64 (store, sql) == 1;
}

/* PRAGMA integrity_check says "ok" (one row), and dn_store_check is happy. */
static void
assert_sound (DnStore *store)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (_dn_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  if (!dn_store_check (store, report, &error))
    g_error ("dn_store_check: %s%s", report->str, error != NULL ? error->message : "");
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

/* Every task has exactly one lead assignment: no half-written task. */
static void
assert_every_task_has_one_lead (DnStore *store)
{
  g_assert_cmpint (query_int64 (store,
                                "SELECT count(*) FROM task t WHERE "
                                "(SELECT count(*) FROM assignment a WHERE a.task_id = t.id AND a.role = 'lead') <> 1"),
                   ==, 0);
}

static DnUnit *
make_unit (const char *code,
           const char *name,
           gint64      parent_id)
{
  DnUnit *unit = dn_unit_new ();

  g_free (unit->code);
  unit->code = g_strdup (code);
  g_free (unit->name);
  unit->name = g_strdup (name);
  unit->kind = parent_id > 0 ? DN_UNIT_KIND_SCHOOL : DN_UNIT_KIND_DEPARTMENT;
  unit->parent_id = parent_id;
  return unit;
}

static DnTask *
make_task (const char *title,
           gint64      lead_unit_id,
           const char *description)
{
  DnTask *task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  g_free (task->description);
  task->description = g_strdup (description != NULL ? description : "");
  task->lead_unit_id = lead_unit_id;
  g_date_set_dmy (&task->due_date, 15, G_DATE_JUNE, 2025);
  return task;
}

/* ------------------------------------------------------- the child writer */

/* Loops forever: one transaction = one new unit and 1–5 tasks it leads
 * (supported by the root unit). After each COMMIT returns, prints
 * "UNIT_ID N TASK_ID… ok". */
static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(DnUnit) root = NULL;
  g_autoptr(GRand) rand = g_rand_new ();

  store = dn_store_open (path, DN_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 3;
    }
  root = dn_store_find_unit (store, WRITER_ROOT_CODE, &error);
  if (root == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 3;
    }

  for (guint n = 0;; n++)
    {
      guint n_tasks = 1 + n % 5;
      g_autofree char *code = g_strdup_printf ("W%08x-%u", g_rand_int (rand), n);
      g_autofree char *name = g_strdup_printf ("Trường thử %u", n_tasks);
      g_autoptr(DnUnit) unit = make_unit (code, name, root->id);
      g_autoptr(GString) line = g_string_new (NULL);

      if (!dn_store_begin (store, &error) || !dn_store_add_unit (store, unit, &error))
        goto fail;
      g_string_append_printf (line, "%" G_GINT64_FORMAT " %u", unit->id, n_tasks);
      for (guint i = 0; i < n_tasks; i++)
        {
          g_autofree char *title = g_strdup_printf ("Báo cáo công tác hộ chiếu số %u.%u", n, i);
          g_autoptr(DnTask) task = make_task (title, unit->id, "Ghi chú dài để giao dịch chiếm vài trang.");
          gint64 support = root->id;

          g_array_append_val (task->support_unit_ids, support);
          if (!dn_store_add_task (store, task, &error))
            goto fail;
          g_string_append_printf (line, " %" G_GINT64_FORMAT, task->id);
        }
      if (!dn_store_commit (store, &error))
        goto fail;
      /* committed: only now say so */
      g_string_append (line, " ok\n");
      fputs (line->str, stdout);
      fflush (stdout);
    }

fail:
  g_printerr ("writer: %s\n", error->message);
  return 3;
}

/* ------------------------------------------------------------ crash test */

typedef struct
{
  GDataInputStream *input;
  GMutex lock;
  GCond cond;
  GPtrArray *lines;   /* complete lines read */
  gboolean eof;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      char *line = g_data_input_stream_read_line_utf8 (reader->input, NULL, NULL, &error);

      g_mutex_lock (&reader->lock);
      if (line == NULL)
        {
          reader->eof = TRUE;
          g_cond_broadcast (&reader->cond);
          g_mutex_unlock (&reader->lock);
          break;
        }
      g_ptr_array_add (reader->lines, line);
      g_cond_broadcast (&reader->cond);
      g_mutex_unlock (&reader->lock);
    }
  return NULL;
}

typedef struct
{
  gint64 unit_id;
  guint n_tasks;
  GArray *task_ids;
} Committed;

static void
committed_free (gpointer data)
{
  Committed *c = data;
  g_array_unref (c->task_ids);
  g_free (c);
}

/* "UNIT N TASK… ok"; NULL for a line that is not complete */
static Committed *
parse_line (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n_words = g_strv_length (words);
  Committed *c;

  if (n_words < 4 || !g_str_equal (words[n_words - 1], "ok"))
    return NULL;
  c = g_new0 (Committed, 1);
  c->unit_id = g_ascii_strtoll (words[0], NULL, 10);
  c->n_tasks = (guint) g_ascii_strtoull (words[1], NULL, 10);
  c->task_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 2; i + 1 < n_words; i++)
    {
      gint64 id = g_ascii_strtoll (words[i], NULL, 10);
      g_array_append_val (c->task_ids, id);
    }
  if (c->unit_id <= 0 || c->n_tasks != c->task_ids->len)
    {
      committed_free (c);
      return NULL;
    }
  return c;
}

/* Runs the writer, kills it after @delay_ms counted from its first commit,
 * and appends what it reported committed to @committed. */
static void
crash_round (const char *path,
             guint       delay_ms,
             GPtrArray  *committed)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  Reader reader = { 0 };
  gint64 deadline;
  gboolean started;

  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--writer", path, NULL);
  g_assert_no_error (error);

  reader.input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  reader.lines = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&reader.lock);
  g_cond_init (&reader.cond);
  thread = g_thread_new ("reader", reader_thread, &reader);

  /* wait for the first commit (or the child's early death) */
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  g_mutex_lock (&reader.lock);
  while (reader.lines->len == 0 && !reader.eof)
    if (!g_cond_wait_until (&reader.cond, &reader.lock, deadline))
      break;
  started = reader.lines->len > 0;
  g_mutex_unlock (&reader.lock);

  if (started)
    g_usleep (delay_ms * 1000);
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));

  /* the writer never stops by itself: it was killed, not failed */
  g_assert_true (started);
#ifdef G_OS_UNIX
  g_assert_true (g_subprocess_get_if_signaled (child));
#endif

  for (guint i = 0; i < reader.lines->len; i++)
    {
      const char *line = reader.lines->pdata[i];
      Committed *c = parse_line (line);

      /* every line is written whole (one write() after the commit); a line
       * cut by the kill could only be the last one */
      if (c == NULL)
        {
          g_assert_cmpuint (i, ==, reader.lines->len - 1);
          continue;
        }
      g_ptr_array_add (committed, c);
    }

  g_ptr_array_unref (reader.lines);
  g_object_unref (reader.input);
  g_mutex_clear (&reader.lock);
  g_cond_clear (&reader.cond);
}

static void
test_crash (void)
{
  g_autoptr(TmpDb) tmp = tmp_db_new ();
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (committed_free);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* the database and the root unit the writer hangs its units on */
  {
    g_autoptr(DnStore) store = dn_store_open (tmp->path, DN_STORE_OPEN_DEFAULT, &error);
    g_autoptr(DnUnit) root = make_unit (WRITER_ROOT_CODE, "Sở Giáo dục và Đào tạo", 0);

    g_assert_no_error (error);
    dn_store_add_unit (store, root, &error);
    g_assert_no_error (error);
  }

  for (guint round = 0; round < CRASH_ROUNDS; round++)
    {
      g_autoptr(DnStore) store = NULL;
      guint before = committed->len;
      guint delay_ms = (guint) g_test_rand_int_range (0, 300);
      gint64 n_units, n_tasks;

      crash_round (tmp->path, delay_ms, committed);
      g_test_message ("round %u: killed after %u ms, %u transactions reported", round, delay_ms,
                      committed->len - before);

      store = dn_store_open (tmp->path, DN_STORE_OPEN_NO_CREATE, &error);
      g_assert_no_error (error);
      assert_sound (store);
      assert_every_task_has_one_lead (store);

      /* everything reported committed is there, in every round so far */
      for (guint i = 0; i < committed->len; i++)
        {
          Committed *c = committed->pdata[i];

          if (!row_exists (store, "unit", c->unit_id))
            g_error ("round %u: committed unit %" G_GINT64_FORMAT " is missing", round, c->unit_id);
          for (guint k = 0; k < c->task_ids->len; k++)
            if (!row_exists (store, "task", g_array_index (c->task_ids, gint64, k)))
              g_error ("round %u: committed task %" G_GINT64_FORMAT " is missing", round,
                       g_array_index (c->task_ids, gint64, k));
        }

      /* a transaction is all or nothing: each writer unit leads exactly the
       * number of tasks written with it (its name ends with that number) */
      g_assert_cmpint (query_int64 (store,
                                    "SELECT count(*) FROM unit u WHERE u.code LIKE 'W%' AND "
                                    "(SELECT count(*) FROM assignment a WHERE a.unit_id = u.id AND a.role = 'lead') "
                                    "<> CAST(substr(u.name, length(u.name)) AS INTEGER)"),
                       ==, 0);
      /* nothing more than the child could have written: at most one
       * transaction committed but not reported per round */
      n_units = query_int64 (store, "SELECT count(*) FROM unit WHERE code LIKE 'W%'");
      n_tasks = query_int64 (store, "SELECT count(*) FROM task");
      g_assert_cmpint (n_units, >=, committed->len);
      g_assert_cmpint (n_units, <=, committed->len + round + 1);
      g_assert_cmpint (n_tasks, >=, n_units);
    }

  g_assert_cmpuint (committed->len, >, 0);
  g_test_message ("%u transactions in %.1f s", committed->len,
                  (g_get_monotonic_time () - start) / (double) G_TIME_SPAN_SECOND);
}

/* -------------------------------------------------------------- full disk */

static void
set_max_pages (DnStore *store,
               gint64   n_pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, n_pages);

  /* the pragma answers with the new limit */
  g_assert_cmpint (query_int64 (store, sql), ==, n_pages);
}

/* Adds tasks (led by @lead, supported by @supports) until one fails; returns
 * the error and appends the ids of those that were added. */
static GError *
fill_until_full (DnStore  *store,
                 gint64    lead,
                 GArray   *supports,
                 GArray   *added)
{
  g_autofree char *description = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* a few hundred bytes of Vietnamese per task: a page fills after some tasks */
  for (guint i = 0; i < 8; i++)
    g_string_append (text, "Tổng hợp, báo cáo kết quả thực hiện công tác đối ngoại. ");
  description = g_string_free (g_steal_pointer (&text), FALSE);

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ đầy đĩa %u", i);
      g_autoptr(DnTask) task = make_task (title, lead, description);
      GError *error = NULL;

      g_array_append_vals (task->support_unit_ids, supports->data, supports->len);
      if (!dn_store_add_task (store, task, &error))
        {
          g_assert_nonnull (error);
          return error;
        }
      g_assert_no_error (error);
      g_array_append_val (added, task->id);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_tasks_present (DnStore *store,
                      GArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (row_exists (store, "task", g_array_index (ids, gint64, i)));
  g_assert_cmpint (query_int64 (store, "SELECT count(*) FROM task"), ==, ids->len);
}

static void
assert_full_error (GError *error)
{
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FULL);
  /* says what happened and that nothing was saved (tests run untranslated) */
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
}

static void
test_full_disk (void)
{
  g_autoptr(TmpDb) tmp = tmp_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) supports = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 lead, n_assignments, n_audit;
  guint n_before_limit;

  store = dn_store_open (tmp->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DnUnit) root = make_unit ("SGD", "Sở Giáo dục và Đào tạo", 0);

    dn_store_add_unit (store, root, &error);
    g_assert_no_error (error);
    lead = root->id;
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *code = g_strdup_printf ("T%u", i);
        g_autoptr(DnUnit) unit = make_unit (code, "Trường Tiểu học", root->id);

        dn_store_add_unit (store, unit, &error);
        g_assert_no_error (error);
        g_array_append_val (supports, unit->id);
      }
  }
  /* earlier records, written without a limit */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ trước %u", i);
      g_autoptr(DnTask) task = make_task (title, lead, NULL);

      g_array_append_vals (task->support_unit_ids, supports->data, supports->len);
      dn_store_add_task (store, task, &error);
      g_assert_no_error (error);
      g_array_append_val (added, task->id);
    }
  n_before_limit = added->len;

  /* a few pages of room left */
  set_max_pages (store, query_int64 (store, "PRAGMA page_count") + 3);
  {
    g_autoptr(GError) full = fill_until_full (store, lead, supports, added);
    assert_full_error (full);
  }
  g_test_message ("%u tasks fitted below the limit", added->len - n_before_limit);

  /* the failed task left nothing behind, everything before it is there */
  assert_tasks_present (store, added);
  assert_every_task_has_one_lead (store);
  n_assignments = query_int64 (store, "SELECT count(*) FROM assignment");
  g_assert_cmpint (n_assignments, ==, (gint64) added->len * (1 + supports->len));
  n_audit = query_int64 (store, "SELECT count(*) FROM audit_log WHERE table_name = 'task'");
  g_assert_cmpint (n_audit, ==, added->len);
  g_assert_cmpint (dn_store_count (store, DN_RECORD_TASK, NULL), ==, added->len);
  assert_sound (store);

  /* the same inside a caller's transaction: the failed task's savepoint is
   * undone and rolling back the whole transaction undoes the rest */
  {
    g_autoptr(GArray) inner = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GError) full = NULL;

    set_max_pages (store, query_int64 (store, "PRAGMA page_count") + 3);
    dn_store_begin (store, &error);
    g_assert_no_error (error);
    full = fill_until_full (store, lead, supports, inner);
    assert_full_error (full);
    dn_store_rollback (store);
    assert_tasks_present (store, added);
    assert_every_task_has_one_lead (store);
  }

  /* the connection is not left inside a transaction: another writer can
   * take the lock (a second connection, as another window would) */
  {
    g_autoptr(DnStore) other = dn_store_open (tmp->path, DN_STORE_OPEN_NO_CREATE, &error);

    g_assert_no_error (error);
    dn_store_begin (other, &error);
    g_assert_no_error (error);
    dn_store_rollback (other);
  }

  /* room again: writing works */
  set_max_pages (store, 1000000);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ sau %u", i);
      g_autoptr(DnTask) task = make_task (title, lead, NULL);

      g_array_append_vals (task->support_unit_ids, supports->data, supports->len);
      dn_store_add_task (store, task, &error);
      g_assert_no_error (error);
      g_array_append_val (added, task->id);
    }
  assert_tasks_present (store, added);
  assert_every_task_has_one_lead (store);
  assert_sound (store);

  /* and after reopening */
  g_clear_object (&store);
  store = dn_store_open (tmp->path, DN_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  assert_tasks_present (store, added);
  assert_sound (store);
}

/* --------------------------------------------------------- network share */

/* Local file systems that must never be reported as network shares. */
static const char *local_types[] = {
  "ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "overlayfs", "zfs", "f2fs", "jfs", "reiserfs",
  "vfat", "exfat", "ntfs", "NTFS", "FAT32", "ReFS", "apfs", "hfs",
};

static void
test_local_no_warning (void)
{
  g_autoptr(TmpDb) tmp = tmp_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (tmp->dir);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;
  gboolean known_local = FALSE;

  /* what GIO says about the test folder: only a known local file system
   * gives an honest expectation */
  info = g_file_query_filesystem_info (dir, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE "," G_FILE_ATTRIBUTE_FILESYSTEM_TYPE,
                                       NULL, &error);
  g_assert_no_error (error);
  type = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE);
  /* GIO names some by their common magic number: "ext3/ext4" */
  if (type != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (type, "/", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        for (guint i = 0; i < G_N_ELEMENTS (local_types); i++)
          known_local |= g_str_equal (parts[p], local_types[i]);
    }
  if (!known_local || g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE))
    {
      g_autofree char *message = g_strdup_printf ("the temporary folder is on “%s”, not a known local file system",
                                                  type != NULL ? type : "?");
      g_test_skip (message);
      return;
    }
  g_test_message ("temporary folder on %s", type);

  /* a new database and an existing one */
  store = dn_store_open (tmp->path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (dn_store_get_warning (store));
  g_clear_object (&store);
  store = dn_store_open (tmp->path, DN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_null (dn_store_get_warning (store));
}

/* ------------------------------------------------------------------- main */

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  /* the child is this very program */
  if (strchr (argv[0], G_DIR_SEPARATOR) != NULL || strchr (argv[0], '/') != NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);
  else
    self_path = g_find_program_in_path (argv[0]);
  g_assert_nonnull (self_path);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/crash", test_crash);
  g_test_add_func ("/reliability/full-disk", test_full_disk);
  g_test_add_func ("/reliability/network-share/local", test_local_no_warning);

  return g_test_run ();
}
