/* test-task-order.c: the orders of the task list: section references in
 * their natural order, and the default order (unfinished first, overdue
 * first, then by due date)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-order"

#include "config.h"

#include <string.h>

#include "dn-store.h"
#include "dn-task-filter.h"
#include "dn-test-utils.h"
#include "dn-text.h"

/* Each reference sorts before the next. */
static void
test_section_key (void)
{
  static const char * const ordered[] = {
    "I", "I.1", "I.2", "I.10", "II", "II.1", "II.1, III.1", "II.1.1", "II.1.2", "II.2", "II.2, II.5, II.7",
    "II.9", "II.11, III.2", "II.12", "II.12, III.1 (Tổ chức thực hiện)", "III", "III.1.1", "III.3", "IV",
    "V", "VI", "IX", "X", "XI", "XIV", "XXXIX", "40", "100", "0101a", "Chương", "Mục 2", "Mục 10",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    {
      g_autofree char *a = dn_text_section_key (ordered[i]);
      g_autofree char *b = dn_text_section_key (ordered[i + 1]);

      if (strcmp (a, b) >= 0)
        g_error ("“%s” should sort before “%s”", ordered[i], ordered[i + 1]);
      g_assert_cmpint (dn_text_section_compare (ordered[i], ordered[i + 1]), <, 0);
    }
}

/* Same references written differently give the same key; what is not a
 * Roman numeral is a word. */
static void
test_section_key_equal (void)
{
  static const char * const same[][2] = {
    { "II.2", "II 2" },
    { "II.02", "II.2" },
    { "II.3", "2.III" },
    { "II.1, III.1", "II.1; III.1" },
    { "II.1,", "II.1" },
    { "mục 2", "Mục 2" },
    { "Mục 2", "Muc 2" },
  };
  g_autofree char *empty = dn_text_section_key ("");
  g_autofree char *none = dn_text_section_key (NULL);
  g_autofree char *bad = dn_text_section_key ("II.\xff" "2");

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    g_assert_cmpint (dn_text_section_compare (same[i][0], same[i][1]), ==, 0);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpint (strlen (bad), >, 0);
  /* not Roman numerals as offices write them: words */
  g_assert_cmpint (dn_text_section_compare ("IIII", "Z"), <, 0);
  g_assert_cmpint (dn_text_section_compare ("IIII", "II"), >, 0);
  g_assert_cmpint (dn_text_section_compare ("VX", "XX"), >, 0);
  g_assert_cmpint (dn_text_section_compare ("ii", "I"), >, 0);
}

static gint64
add_task (DnStore     *store,
          const char  *title,
          const char  *section,
          gint64       unit,
          const GDate *due,
          DnStatus     status)
{
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(GError) error = NULL;

  g_free (task->title);
  task->title = g_strdup (title);
  g_free (task->section);
  task->section = g_strdup (section);
  task->lead_unit_id = unit;
  if (due != NULL)
    task->due_date = *due;
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);
  if (status != DN_STATUS_OPEN)
    {
      g_assert_true (dn_store_set_task_status (store, task->id, status, NULL, &error));
      g_assert_no_error (error);
    }
  return task->id;
}

/* the titles of @query's tasks, joined with "|" */
static char *
titles (DnStore     *store,
        DnTaskQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = dn_store_list_tasks (store, query, 100, &error);
  g_autoptr(GString) s = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", ((DnTask *) tasks->pdata[i])->section);
  return g_strdup (s->str);
}

/* The store sorts sections naturally, those without one last. */
static void
test_store_section_order (DnTestStore   *fixture,
                          gconstpointer  data)
{
  static const char * const sections[] = { "II.12", "", "III.1", "I.3", "II.2", "IV", "II.1, III.1", "II.1", "IX" };
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_autofree char *asc = NULL;
  g_autofree char *desc = NULL;
  DnTaskQuery query;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    add_task (fixture->store, "Nhiệm vụ", sections[i], unit, NULL, DN_STATUS_OPEN);
  dn_task_query_init (&query);
  query.sort = DN_TASK_SORT_SECTION;
  asc = titles (fixture->store, &query);
  g_assert_cmpstr (asc, ==, "I.3|II.1|II.1, III.1|II.2|II.12|III.1|IV|IX|");
  query.descending = TRUE;
  desc = titles (fixture->store, &query);
  g_assert_cmpstr (desc, ==, "IX|IV|III.1|II.12|II.2|II.1, III.1|II.1|I.3|");
}

/* The default order: unfinished tasks first, the overdue ones first among
 * them, then by due date (none last); then the finished ones, latest due
 * date first. The default view's query lists only the unfinished ones of
 * the officer's unit and its sub-units. */
static void
test_store_urgency_order (DnTestStore   *fixture,
                          gconstpointer  data)
{
  gint64 sgd = dn_test_add_unit (fixture->store, "SGD", "Sở GD&ĐT", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 vp = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, sgd);
  gint64 other = dn_test_add_unit (fixture->store, "CA", "Công an tỉnh", DN_UNIT_KIND_EXTERNAL, 0);
  GDate old = dn_test_date (2018, 10, 31);
  GDate older = dn_test_date (2018, 9, 30);
  GDate late = dn_test_today_plus (-3);
  GDate very_late = dn_test_today_plus (-30);
  GDate soon = dn_test_today_plus (2);
  GDate later = dn_test_today_plus (40);
  g_autofree char *all = NULL;
  g_autofree char *reversed = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(DnTaskFilter) filter = dn_task_filter_new ();
  GDate today = dn_test_today_plus (0);
  DnTaskQuery query;

  add_task (fixture->store, "t", "done-old", vp, &older, DN_STATUS_DONE);
  add_task (fixture->store, "t", "later", vp, &later, DN_STATUS_OPEN);
  add_task (fixture->store, "t", "done", vp, &old, DN_STATUS_DONE);
  add_task (fixture->store, "t", "no-date", sgd, NULL, DN_STATUS_IN_PROGRESS);
  add_task (fixture->store, "t", "late", vp, &late, DN_STATUS_IN_PROGRESS);
  add_task (fixture->store, "t", "soon", sgd, &soon, DN_STATUS_OPEN);
  add_task (fixture->store, "t", "cancelled", vp, &late, DN_STATUS_CANCELLED);
  add_task (fixture->store, "t", "very-late", other, &very_late, DN_STATUS_OPEN);

  dn_task_query_init (&query);
  query.sort = DN_TASK_SORT_URGENCY;
  all = titles (fixture->store, &query);
  g_assert_cmpstr (all, ==, "very-late|late|soon|later|no-date|cancelled|done|done-old");
  /* a first page is read in two parts (unfinished by the deadline index,
   * then the finished ones): the same rows as the whole list's first ones */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) every = dn_store_list_task_ids (fixture->store, &query, &error);

    g_assert_no_error (error);
    for (guint limit = 1; limit <= every->len + 1; limit++)
      {
        g_autoptr(GPtrArray) page = dn_store_list_tasks (fixture->store, &query, limit, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (page->len, ==, MIN (limit, every->len));
        for (guint i = 0; i < page->len; i++)
          g_assert_cmpint (((DnTask *) page->pdata[i])->id, ==, g_array_index (every, gint64, i));
      }
  }
  query.descending = TRUE;
  reversed = titles (fixture->store, &query);
  g_assert_cmpstr (reversed, ==, "done-old|done|cancelled|no-date|later|soon|late|very-late");

  /* the default view of an officer of the Sở: its sub-units too, not the
   * other unit's */
  dn_task_filter_set_my_unit_id (filter, sgd);
  dn_task_filter_to_query (filter, &today, &query);
  mine = titles (fixture->store, &query);
  g_assert_cmpstr (mine, ==, "late|soon|later|no-date");

  /* over unfinished tasks only the same order is read by deadline (the
   * index's order): the same list, overdue first */
  {
    g_autofree char *unfinished = NULL;
    g_autofree char *by_due = NULL;

    dn_task_query_init (&query);
    query.unfinished = TRUE;
    query.sort = DN_TASK_SORT_URGENCY;
    unfinished = titles (fixture->store, &query);
    g_assert_cmpstr (unfinished, ==, "very-late|late|soon|later|no-date");
    query.sort = DN_TASK_SORT_DUE;
    by_due = titles (fixture->store, &query);
    g_assert_cmpstr (by_due, ==, unfinished);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task-order/section-key", test_section_key);
  g_test_add_func ("/task-order/section-key-equal", test_section_key_equal);
  DN_TEST_ADD ("/task-order/store-section", test_store_section_order);
  DN_TEST_ADD ("/task-order/store-urgency", test_store_urgency_order);
  return g_test_run ();
}
