/* test-cli-task.c: the task commands of doingoai-cli as a script runs them
 *
 * Every case imports the small fixture (tests/data/cli-small.json) into a
 * database of its own, runs the built doingoai-cli (path in $DN_TEST_CLI)
 * on it and checks its exit status, stdout and stderr, then what
 * "task show" says and the rows themselves. A refusal must leave the
 * database as it was: the same export and the same number of rows in
 * every table, the change log included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-task"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

/* "task show ID" */
static char *
show (Fixture    *f,
      const char *id)
{
  return run_ok (f, "task", "show", id, NULL);
}

/* The lines of "task show ID" that start with "KEY<TAB>", without it,
 * joined by "\n". */
static char *
shown (Fixture    *f,
       const char *id,
       const char *key)
{
  g_autofree char *text = show (f, id);
  g_autofree char *prefix = g_strconcat (key, "\t", NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) found = g_string_new (NULL);
  gboolean any = FALSE;

  g_assert_true (g_str_has_suffix (text, "\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        g_string_append_printf (found, "%s%s", any ? "\n" : "", lines[i] + strlen (prefix));
        any = TRUE;
      }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

#define assert_shown(f, id, key, expected) \
  G_STMT_START { \
    g_autofree char *value_ = shown (f, id, key); \
    g_assert_cmpstr (value_, ==, expected); \
  } G_STMT_END

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return dn_test_query_int (store, "%s", sql);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = dn_store_open (f->db, DN_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return dn_test_query_text (store, "%s", sql);
}

/* ------------------------------------------------------------------ show */

static void
test_show (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *text = show (f, "1");

  g_assert_cmpstr (text, ==,
                   "id\t1\n"
                   "title\tRà soát hộ chiếu công vụ\n"
                   "status\topen\n"
                   "due\t2024-04-15\n"
                   "original_due\t2024-04-15\n"
                   "recurrence\tnone\n"
                   "lead\tVP\n"
                   "support\tTH-A\n"
                   "parent\t\n"
                   "progress\t0\n"
                   "children_progress\t\n"
                   "n_children\t0\n"
                   "assignment\tVP\tlead\t2024-04-15\topen\n"
                   "assignment\tTH-A\tsupport\t2024-04-15\topen\n");

  /* no deadline: empty dates; a done task shows 100 % */
  assert_shown (f, "4", "due", "");
  assert_shown (f, "4", "original_due", "");
  assert_shown (f, "2", "status", "done");
  assert_shown (f, "2", "progress", "100");
  assert_shown (f, "2", "assignment", "PGD-BX\tlead\t2024-12-31\tdone");

  /* a missing task, a deleted one (kept for undo only) */
  assert_refused (f, 1, "There is no task #99.", "task", "show", "99");
  assert_refused (f, 1, "There is no task #8.", "task", "show", "8");
  assert_refused (f, 2, "“abc” is not a task number.", "task", "show", "abc");
  assert_refused (f, 2, "“0” is not a task number.", "task", "show", "0");
  assert_refused (f, 2, "Give one task number.", "task", "show");
  assert_refused (f, 2, "Give one task number.", "task", "show", "1", "2");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *help = run_ok (f, "task", "--help", NULL);

  for (const char *name = "add\0extend\0progress\0remind\0pass-down\0done\0show\0"; *name != '\0';
       name += strlen (name) + 1)
    {
      g_autofree char *line = g_strdup_printf ("\n  %-10s ", name);
      if (strstr (help, line) == NULL)
        g_error ("“task --help” does not list %s:\n%s", name, help);
    }
  {
    g_autoptr(CliRun) run = cli ("--help", NULL);

    assert_success (run);
    g_assert_nonnull (strstr (run->out, "\n  task "));
    g_assert_nonnull (strstr (run->out, "--officer=NAME"));
  }
  assert_refused (f, 2, "Say which task command to run.", "task");
  assert_refused (f, 2, "Unknown task command “frob”.", "task", "frob", "1");
  assert_refused (f, 2, "Give the officer's name after --officer.", "--officer", " ", "task", "show", "1");
  assert_refused (f, 2, "Unknown option --colour", "task", "show", "1", "--colour");
}

/* ------------------------------------------------------------------- add */

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = run_ok (f, "task", "add", "--title", "Báo cáo công tác đối ngoại tháng", "--lead", "PGD-BX",
                                "--support", "TH-B, TH-A", "--due", "31/1/2025", "--recurrence", "monthly", NULL);
  g_autofree char *id2 = NULL;
  g_autofree char *listed = NULL;

  /* the fixture's last task is 8 */
  g_assert_cmpstr (id, ==, "9\n");
  assert_shown (f, "9", "title", "Báo cáo công tác đối ngoại tháng");
  assert_shown (f, "9", "status", "open");
  assert_shown (f, "9", "due", "2025-01-31");
  assert_shown (f, "9", "original_due", "2025-01-31");
  assert_shown (f, "9", "recurrence", "monthly");
  assert_shown (f, "9", "lead", "PGD-BX");
  assert_shown (f, "9", "support", "TH-A,TH-B");
  assert_shown (f, "9", "assignment",
                "PGD-BX\tlead\t2025-01-31\topen\nTH-A\tsupport\t2025-01-31\topen\nTH-B\tsupport\t2025-01-31\topen");
  listed = run_ok (f, "tasks", "--unit", "TH-B", NULL);
  g_assert_nonnull (strstr (listed, "9\t2025-01-31\topen\tPGD-BX\tBáo cáo công tác đối ngoại tháng\n"));

  /* ISO dates too; no supporting unit, no recurrence */
  id2 = run_ok (f, "task", "add", "--title", "Họp giao ban", "--lead", "VP", "--due", "2025-03-05", NULL);
  g_assert_cmpstr (id2, ==, "10\n");
  assert_shown (f, "10", "support", "");
  assert_shown (f, "10", "recurrence", "none");
  assert_shown (f, "10", "due", "2025-03-05");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM assignment WHERE task_id = 10"), ==, 1);
}

static void
test_add_refused (Fixture       *f,
                  gconstpointer  data)
{
  assert_refused (f, 1, "There is no unit “KHONG”.", "task", "add", "--title", "X", "--lead", "KHONG", "--due",
                  "1/1/2025");
  assert_refused (f, 1, "There is no unit “KHONG”.", "task", "add", "--title", "X", "--lead", "VP", "--support",
                  "TH-A,KHONG", "--due", "1/1/2025");
  assert_refused (f, 1, "is archived", "task", "add", "--title", "X", "--lead", "CU", "--due", "1/1/2025");
  assert_refused (f, 1, "A unit cannot both lead a task and support it.", "task", "add", "--title", "X", "--lead",
                  "VP", "--support", "VP", "--due", "1/1/2025");
  assert_refused (f, 1, "A supporting unit is listed twice.", "task", "add", "--title", "X", "--lead", "VP",
                  "--support", "TH-A,TH-A", "--due", "1/1/2025");
  assert_refused (f, 1, "--due: “31/2/2025” is not a date.", "task", "add", "--title", "X", "--lead", "VP", "--due",
                  "31/2/2025");
  assert_refused (f, 1, "--due: “ngày mai” is not a date.", "task", "add", "--title", "X", "--lead", "VP", "--due",
                  "ngày mai");
  assert_refused (f, 1, "The title must not be empty.", "task", "add", "--title", " ", "--lead", "VP", "--due",
                  "1/1/2025");
  assert_refused (f, 1, "--support: give at least one unit code.", "task", "add", "--title", "X", "--lead", "VP",
                  "--support", ",", "--due", "1/1/2025");
  /* usage errors */
  assert_refused (f, 2, "The option --title is required.", "task", "add", "--lead", "VP", "--due", "1/1/2025");
  assert_refused (f, 2, "The option --lead is required.", "task", "add", "--title", "X", "--due", "1/1/2025");
  assert_refused (f, 2, "The option --due is required.", "task", "add", "--title", "X", "--lead", "VP");
  assert_refused (f, 2, "Unknown recurrence “weekly”", "task", "add", "--title", "X", "--lead", "VP", "--due",
                  "1/1/2025", "--recurrence", "weekly");
  assert_refused (f, 2, "Too many arguments.", "task", "add", "--title", "X", "--lead", "VP", "--due", "1/1/2025",
                  "1");
}

/* ---------------------------------------------------------------- extend */

static void
test_extend (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = run_ok (f, "--officer", "Nguyễn Thị Lan", "task", "extend", "1", "--unit", "VP", "--to",
                                 "15/5/2024", "--reason", "Văn phòng xin thêm thời gian", NULL);
  g_autofree char *actor = NULL;

  g_assert_cmpstr (out, ==, "");
  /* the lead's deadline is the task's; the first one stays known */
  assert_shown (f, "1", "due", "2024-05-15");
  assert_shown (f, "1", "original_due", "2024-04-15");
  assert_shown (f, "1", "assignment", "VP\tlead\t2024-05-15\topen\nTH-A\tsupport\t2024-04-15\topen");
  assert_shown (f, "1", "extension", "VP\t2024-04-15\t2024-05-15\tNguyễn Thị Lan\tVăn phòng xin thêm thời gian");
  actor = query_text (f, "SELECT actor FROM audit_log WHERE table_name = 'deadline_extension' ORDER BY id DESC");
  g_assert_cmpstr (actor, ==, "Nguyễn Thị Lan");

  /* a second extension: the first deadline is still the original one;
   * a supporting unit's extension leaves the task's deadline */
  g_free (run_ok (f, "task", "extend", "1", "--unit", "VP", "--to", "2024-06-01", "--reason", "Lần 2", NULL));
  g_free (run_ok (f, "task", "extend", "1", "--unit", "TH-A", "--to", "20/6/2024", "--reason", "Trường xin", NULL));
  assert_shown (f, "1", "due", "2024-06-01");
  assert_shown (f, "1", "original_due", "2024-04-15");
  assert_shown (f, "1", "assignment", "VP\tlead\t2024-06-01\topen\nTH-A\tsupport\t2024-06-20\topen");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM deadline_extension"), ==, 3);
}

static void
test_extend_refused (Fixture       *f,
                     gconstpointer  data)
{
  assert_refused (f, 1, "There is no task #99.", "task", "extend", "99", "--unit", "VP", "--to", "1/6/2024",
                  "--reason", "R");
  assert_refused (f, 1, "There is no task #8.", "task", "extend", "8", "--unit", "VP", "--to", "1/6/2024",
                  "--reason", "R");
  assert_refused (f, 1, "There is no unit “KHONG”.", "task", "extend", "1", "--unit", "KHONG", "--to", "1/6/2024",
                  "--reason", "R");
  assert_refused (f, 1, "The unit “TH-B” is not assigned to task #1.", "task", "extend", "1", "--unit", "TH-B",
                  "--to", "1/6/2024", "--reason", "R");
  assert_refused (f, 1, "--to: “1/13/2024” is not a date.", "task", "extend", "1", "--unit", "VP", "--to",
                  "1/13/2024", "--reason", "R");
  assert_refused (f, 1, "The new deadline must be after the current one (15/04/2024).", "task", "extend", "1",
                  "--unit", "VP", "--to", "15/4/2024", "--reason", "R");
  assert_refused (f, 1, "Give the reason for the extension.", "task", "extend", "1", "--unit", "VP", "--to",
                  "1/6/2024", "--reason", "  ");
  assert_refused (f, 2, "The option --reason is required.", "task", "extend", "1", "--unit", "VP", "--to",
                  "1/6/2024");
  assert_refused (f, 2, "The option --unit is required.", "task", "extend", "1", "--to", "1/6/2024", "--reason", "R");
  assert_refused (f, 2, "The option --to is required.", "task", "extend", "1", "--unit", "VP", "--reason", "R");
}

/* ------------------------------------------------------ progress, remind */

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_free (run_ok (f, "task", "progress", "1", "--unit", "TH-A", "--percent", "40", "--note", "Đã rà soát 12 hộ chiếu",
                  "--date", "20/4/2024", NULL));
  /* reporting starts the task and the row of the unit that reports */
  assert_shown (f, "1", "status", "in_progress");
  assert_shown (f, "1", "progress", "40");
  assert_shown (f, "1", "assignment", "VP\tlead\t2024-04-15\topen\nTH-A\tsupport\t2024-04-15\tin_progress");
  assert_shown (f, "1", "report", "2024-04-20\tTH-A\t40\tĐã rà soát 12 hộ chiếu");

  /* without --date: today (--today) */
  g_free (run_ok (f, "--today", "2024-04-25", "task", "progress", "1", "--unit", "VP", "--percent", "60", NULL));
  assert_shown (f, "1", "progress", "60");
  assert_shown (f, "1", "report", "2024-04-20\tTH-A\t40\tĐã rà soát 12 hộ chiếu\n2024-04-25\tVP\t60\t");

  assert_refused (f, 1, "Progress is a percentage from 0 to 100.", "task", "progress", "1", "--unit", "VP",
                  "--percent", "101");
  assert_refused (f, 1, "Progress is a percentage from 0 to 100.", "task", "progress", "1", "--unit", "VP",
                  "--percent", "-1");
  assert_refused (f, 1, "The unit “TH-B” is not assigned to task #1.", "task", "progress", "1", "--unit", "TH-B",
                  "--percent", "50");
  assert_refused (f, 1, "There is no task #8.", "task", "progress", "8", "--unit", "VP", "--percent", "50");
  assert_refused (f, 1, "--date: “32/1/2024” is not a date.", "task", "progress", "1", "--unit", "VP", "--percent",
                  "50", "--date", "32/1/2024");
  assert_refused (f, 2, "The option --percent is required.", "task", "progress", "1", "--unit", "VP");
  assert_refused (f, 2, "percent", "task", "progress", "1", "--unit", "VP", "--percent", "half");
}

static void
test_remind (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *actor = NULL;
  g_autofree char *expected = NULL;

  g_free (run_ok (f, "--officer", "Trần Văn Bình", "task", "remind", "1", "--unit", "TH-A", "--kind", "criticism",
                  "--note", "Công văn số 45/SGD-VP", "--date", "2024-04-22", NULL));
  /* by default today (--today), a notice, sent by the login name */
  g_free (run_ok (f, "--today", "2024-04-23", "task", "remind", "1", "--unit", "VP", NULL));
  expected = g_strdup_printf ("2024-04-22\tTH-A\tcriticism\tTrần Văn Bình\tCông văn số 45/SGD-VP\n"
                              "2024-04-23\tVP\tnotice\t%s\t", g_get_user_name ());
  assert_shown (f, "1", "reminder", expected);
  actor = query_text (f, "SELECT sent_by FROM reminder ORDER BY id LIMIT 1");
  g_assert_cmpstr (actor, ==, "Trần Văn Bình");

  assert_refused (f, 1, "The unit “TH-B” is not assigned to task #1.", "task", "remind", "1", "--unit", "TH-B");
  assert_refused (f, 1, "There is no task #99.", "task", "remind", "99", "--unit", "VP");
  assert_refused (f, 1, "--date: “hôm qua” is not a date.", "task", "remind", "1", "--unit", "VP", "--date",
                  "hôm qua");
  assert_refused (f, 2, "Unknown kind of reminder “warning”", "task", "remind", "1", "--unit", "VP", "--kind",
                  "warning");
  assert_refused (f, 2, "The option --unit is required.", "task", "remind", "1");
}

/* ------------------------------------------------------------------ done */

static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = run_ok (f, "task", "done", "1", "--keep-open", "TH-A", NULL);
  g_autofree char *id = NULL;
  g_autofree char *next = NULL;

  /* nothing repeats: nothing printed; the supporting unit kept open */
  g_assert_cmpstr (out, ==, "");
  assert_shown (f, "1", "status", "done");
  assert_shown (f, "1", "progress", "100");
  assert_shown (f, "1", "assignment", "VP\tlead\t2024-04-15\tdone\nTH-A\tsupport\t2024-04-15\topen");
  assert_refused (f, 1, "Task #1 is already done.", "task", "done", "1");

  /* without --keep-open every row closes; a repeating task prints its next
   * occurrence */
  id = run_ok (f, "task", "add", "--title", "Báo cáo quý", "--lead", "PGD-BX", "--support", "TH-A", "--due",
               "31/3/2025", "--recurrence", "quarterly", NULL);
  g_assert_cmpstr (id, ==, "9\n");
  next = run_ok (f, "task", "done", "9", NULL);
  g_assert_cmpstr (next, ==, "10\n");
  assert_shown (f, "9", "assignment", "PGD-BX\tlead\t2025-03-31\tdone\nTH-A\tsupport\t2025-03-31\tdone");
  assert_shown (f, "10", "status", "open");
  assert_shown (f, "10", "due", "2025-06-30");
  assert_shown (f, "10", "recurrence", "quarterly");
}

static void
test_done_refused (Fixture       *f,
                   gconstpointer  data)
{
  assert_refused (f, 1, "Task #2 is already done.", "task", "done", "2");
  assert_refused (f, 1, "There is no task #8.", "task", "done", "8");
  assert_refused (f, 1, "“VP” leads task #1: its part closes with the task", "task", "done", "1", "--keep-open",
                  "VP");
  assert_refused (f, 1, "The unit “TH-B” is not assigned to task #1.", "task", "done", "1", "--keep-open",
                  "TH-A,TH-B");
  assert_refused (f, 1, "There is no unit “KHONG”.", "task", "done", "1", "--keep-open", "KHONG");
  assert_refused (f, 2, "Give one task number.", "task", "done", "1", "2");
}

/* ------------------------------------------------------------- pass down */

static void
test_pass_down (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = run_ok (f, "task", "add", "--title", "Tổ chức giao lưu tiếng Anh", "--lead", "PGD-BX",
                                "--due", "10/10/2024", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other = NULL;

  g_assert_cmpstr (id, ==, "9\n");
  g_free (run_ok (f, "task", "extend", "9", "--unit", "PGD-BX", "--to", "11/11/2024", "--reason", "Lùi lịch", NULL));

  /* by default the sub-unit's deadline is the task's current one */
  first = run_ok (f, "task", "pass-down", "9", "--to", "TH-A", NULL);
  g_assert_cmpstr (first, ==, "10\n");
  assert_shown (f, "10", "parent", "9");
  assert_shown (f, "10", "lead", "TH-A");
  assert_shown (f, "10", "title", "Tổ chức giao lưu tiếng Anh");
  assert_shown (f, "10", "due", "2024-11-11");
  assert_shown (f, "10", "original_due", "2024-11-11");
  second = run_ok (f, "task", "pass-down", "9", "--to", "TH-B", "--due", "5/11/2024", NULL);
  g_assert_cmpstr (second, ==, "11\n");
  assert_shown (f, "11", "due", "2024-11-05");
  assert_shown (f, "9", "n_children", "2");
  assert_shown (f, "9", "children_progress", "0");

  /* the parent keeps its own progress; its children's average beside it */
  g_free (run_ok (f, "task", "progress", "10", "--unit", "TH-A", "--percent", "50", NULL));
  assert_shown (f, "9", "progress", "0");
  assert_shown (f, "9", "children_progress", "25");
  assert_shown (f, "10", "progress", "50");

  assert_refused (f, 1, "This task has already been passed down to “Trường Tiểu học Ánh Dương”.", "task",
                  "pass-down", "9", "--to", "TH-A");
  assert_refused (f, 1, "“Văn phòng Sở” is not a sub-unit of Phòng GD&ĐT Bát Xát", "task", "pass-down", "9",
                  "--to", "VP");
  assert_refused (f, 1, "“Phòng GD&ĐT Bát Xát” is not a sub-unit", "task", "pass-down", "9", "--to", "PGD-BX");
  assert_refused (f, 1, "There is no unit “KHONG”.", "task", "pass-down", "9", "--to", "KHONG");
  assert_refused (f, 1, "--to: give at least one unit code.", "task", "pass-down", "9", "--to", " , ");
  assert_refused (f, 1, "There is no task #8.", "task", "pass-down", "8", "--to", "TH-A");
  assert_refused (f, 2, "The option --to is required.", "task", "pass-down", "9");

  /* all or nothing: a refused unit leaves the others without their copy */
  other = run_ok (f, "task", "add", "--title", "Khảo sát", "--lead", "PGD-BX", "--due", "1/12/2024", NULL);
  g_assert_cmpstr (other, ==, "12\n");
  assert_refused (f, 1, "“Văn phòng Sở” is not a sub-unit", "task", "pass-down", "12", "--to", "TH-A,TH-B,VP");
  assert_refused (f, 1, "--due: “1/12” is not a date.", "task", "pass-down", "12", "--to", "TH-A", "--due", "1/12");
  assert_shown (f, "12", "n_children", "0");
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/task/show", test_show);
  ADD ("/cli/task/usage", test_usage);
  ADD ("/cli/task/add", test_add);
  ADD ("/cli/task/add-refused", test_add_refused);
  ADD ("/cli/task/extend", test_extend);
  ADD ("/cli/task/extend-refused", test_extend_refused);
  ADD ("/cli/task/progress", test_progress);
  ADD ("/cli/task/remind", test_remind);
  ADD ("/cli/task/done", test_done);
  ADD ("/cli/task/done-refused", test_done_refused);
  ADD ("/cli/task/pass-down", test_pass_down);
#undef ADD

  return cli_tests_run (user_dirs);
}
