/* test-units-merge.c: the reorganisation of units: merging a unit into
 * another (and undoing it), renaming with an effective date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-units-merge"

#include "config.h"

#include <string.h>

#include "dn-store-private.h"
#include "dn-test-utils.h"

/* Two district offices about to be merged, a school under each, the
 * department above them. */
typedef struct
{
  gint64 department;  /* Sở GD&ĐT Lào Cai */
  gint64 bao_thang;   /* Phòng GD&ĐT Bảo Thắng: merged */
  gint64 bao_yen;     /* Phòng GD&ĐT Bảo Yên: takes over */
  gint64 school_bt;   /* Trường THCS Lê Lợi, under Bảo Thắng */
  gint64 school_by;   /* Trường TH Kim Đồng, under Bảo Yên */
  gint64 other;       /* Văn phòng Sở */
} Units;

static Units
add_units (DnStore *store)
{
  Units u;

  u.department = dn_test_add_unit (store, "SGD", "Sở GD&ĐT Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  u.bao_thang = dn_test_add_unit (store, "PGD-BT", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, u.department);
  u.bao_yen = dn_test_add_unit (store, "PGD-BY", "Phòng GD&ĐT Bảo Yên", DN_UNIT_KIND_DISTRICT_OFFICE, u.department);
  u.school_bt = dn_test_add_unit (store, "THCS-LL", "Trường THCS Lê Lợi", DN_UNIT_KIND_SCHOOL, u.bao_thang);
  u.school_by = dn_test_add_unit (store, "TH-KD", "Trường TH Kim Đồng", DN_UNIT_KIND_SCHOOL, u.bao_yen);
  u.other = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, u.department);
  return u;
}

/* Every row a merge may touch, as text: equal strings, equal data. */
static char *
state (DnStore *store)
{
  return dn_test_query_text (store,
    "SELECT json_array("
    " (SELECT json_group_array(json_array(id, code, name, parent_id, archived)) FROM (SELECT * FROM unit ORDER BY id)),"
    " (SELECT json_group_array(json_array(id, task_id, unit_id, role, due_date, status, reply_reference))"
    "    FROM (SELECT * FROM assignment ORDER BY id)),"
    " (SELECT json_group_array(json_array(id, assignment_id, old_due_date, new_due_date, reason, extended_at))"
    "    FROM (SELECT * FROM deadline_extension ORDER BY id)),"
    " (SELECT json_group_array(json_array(id, unit_id)) FROM (SELECT * FROM person ORDER BY id)),"
    " (SELECT json_group_array(json_array(id, unit_id)) FROM (SELECT * FROM progress ORDER BY id)),"
    " (SELECT json_group_array(json_array(id, unit_id)) FROM (SELECT * FROM reminder ORDER BY id)),"
    " (SELECT json_group_array(json_array(id, due_date, status)) FROM (SELECT * FROM task ORDER BY id)),"
    " (SELECT count(*) FROM unit_merge), (SELECT count(*) FROM unit_name))");
}

static void
assert_sound (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new ("");

  g_assert_true (dn_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

static gint64
assignment_of (DnStore *store,
               gint64   task_id,
               gint64   unit_id)
{
  return dn_test_query_int (store, "SELECT coalesce((SELECT id FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                                   " AND unit_id = %" G_GINT64_FORMAT "), 0)", task_id, unit_id);
}

static void
add_reminder (DnStore *store,
              gint64   task_id,
              gint64   unit_id)
{
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  g_autoptr(GError) error = NULL;

  reminder->task_id = task_id;
  reminder->unit_id = unit_id;
  reminder->kind = DN_REMINDER_NOTICE;
  reminder->sent_on = dn_test_date (2025, 5, 20);
  g_assert_true (dn_store_add_reminder (store, reminder, &error));
  g_assert_no_error (error);
}

/* Tasks of both units, alone and together, staff, progress, reminders,
 * sub-units: all go to Bảo Yên; the undo puts every row back. */
static void
test_merge_and_undo (DnTestStore   *f,
                     gconstpointer  data)
{
  Units u = add_units (f->store);
  GDate due = dn_test_date (2025, 9, 30);
  GDate later = dn_test_date (2025, 10, 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) merged = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  gint64 alone, bt_leads, by_leads, both_support, merge_id = 0;
  gint64 person, extension_row;

  /* Bảo Thắng alone; Bảo Thắng leads with Bảo Yên supporting; Bảo Yên
   * leads with Bảo Thắng supporting; both supporting the office */
  alone = dn_test_add_task (f->store, "Báo cáo công tác đối ngoại", u.bao_thang, &due, NULL);
  bt_leads = dn_test_add_task (f->store, "Tiếp đoàn KOICA", u.bao_thang, &due, DN_TEST_UNITS (u.bao_yen));
  by_leads = dn_test_add_task (f->store, "Dạy tiếng Anh tăng cường", u.bao_yen, &due, DN_TEST_UNITS (u.bao_thang));
  both_support = dn_test_add_task (f->store, "Hội thảo hợp tác", u.other, &due,
                                   DN_TEST_UNITS (u.bao_thang, u.bao_yen));
  /* the support row of Bảo Yên that must go has a history of its own */
  extension_row = assignment_of (f->store, bt_leads, u.bao_yen);
  g_assert_true (dn_store_extend_assignment (f->store, extension_row, &later, "Chờ ý kiến của Bộ", &error));
  g_assert_no_error (error);
  person = dn_test_add_person (f->store, "Nguyễn", "Văn", "An", u.bao_thang);
  dn_test_add_person (f->store, "Lê", "Thị", "Bình", u.bao_yen);
  add_reminder (f->store, alone, u.bao_thang);
  add_reminder (f->store, by_leads, u.bao_thang);
  dn_test_exec (f->store, "INSERT INTO progress (task_id, unit_id, entry_date, percent) VALUES (%" G_GINT64_FORMAT
                ", %" G_GINT64_FORMAT ", '2025-06-01', 40)", bt_leads, u.bao_thang);
  before = state (f->store);
  dn_test_exec (f->store, "DELETE FROM audit_log");

  g_assert_true (dn_store_merge_units (f->store, u.bao_thang, u.bao_yen, &merge_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (merge_id, >, 0);
  assert_sound (f->store);

  /* kept, archived, with nothing left */
  merged = dn_store_get_unit (f->store, u.bao_thang, &error);
  g_assert_no_error (error);
  g_assert_true (merged->archived);
  g_assert_cmpstr (merged->name, ==, "Phòng GD&ĐT Bảo Thắng");
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT (SELECT count(*) FROM assignment WHERE unit_id = %1$" G_GINT64_FORMAT ")"
                                                " + (SELECT count(*) FROM person WHERE unit_id = %1$" G_GINT64_FORMAT ")"
                                                " + (SELECT count(*) FROM reminder WHERE unit_id = %1$" G_GINT64_FORMAT ")"
                                                " + (SELECT count(*) FROM progress WHERE unit_id = %1$" G_GINT64_FORMAT ")"
                                                " + (SELECT count(*) FROM unit WHERE parent_id = %1$" G_GINT64_FORMAT ")",
                                   u.bao_thang), ==, 0);
  /* the school moved under Bảo Yên, the staff too */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT parent_id FROM unit WHERE id = %" G_GINT64_FORMAT, u.school_bt),
                   ==, u.bao_yen);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT unit_id FROM person WHERE id = %" G_GINT64_FORMAT, person),
                   ==, u.bao_yen);
  /* one row per task and one lead: Bảo Yên leads where Bảo Thắng led */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE unit_id = %" G_GINT64_FORMAT
                                                " AND task_id = %" G_GINT64_FORMAT " AND role = 'lead'", u.bao_yen, alone), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT, bt_leads),
                   ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                                                " AND unit_id = %" G_GINT64_FORMAT " AND role = 'lead'", bt_leads, u.bao_yen),
                   ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT, by_leads),
                   ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT,
                                      both_support), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM deadline_extension"), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM reminder WHERE unit_id = %" G_GINT64_FORMAT, u.bao_yen),
                   ==, 2);
  /* the task's deadline is still its lead's */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT due_date = '2025-09-30' FROM task WHERE id = %" G_GINT64_FORMAT,
                                      bt_leads), ==, 1);
  /* recorded: the merge, and every row changed in the audit log */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit_merge WHERE from_id = %" G_GINT64_FORMAT
                                                " AND into_id = %" G_GINT64_FORMAT, u.bao_thang, u.bao_yen), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'unit_merge'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'person' "
                                                "AND action = 'update'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'assignment' "
                                                "AND action = 'delete'"), ==, 3);

  /* undone: every row as it was, the extension included */
  g_assert_true (dn_store_undo_merge (f->store, merge_id, &error));
  g_assert_no_error (error);
  after_undo = state (f->store);
  g_assert_cmpstr (after_undo, ==, before);
  assert_sound (f->store);

  /* twice: refused, nothing changes */
  g_assert_false (dn_store_undo_merge (f->store, merge_id, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&after_undo, g_free);
  after_undo = state (f->store);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Refusals change nothing and say why. */
static void
test_merge_refused (DnTestStore   *f,
                    gconstpointer  data)
{
  Units u = add_units (f->store);
  GDate due = dn_test_date (2025, 9, 30);
  g_autofree char *before = NULL;
  struct { gint64 from, into; gint code; const char *message; } cases[] = {
    { u.bao_thang, u.bao_thang, DN_STORE_ERROR_INVALID, "cannot be merged into itself" },
    { u.department, u.bao_thang, DN_STORE_ERROR_INVALID, "merged into its own sub-unit" },
    { u.bao_thang, u.school_bt, DN_STORE_ERROR_INVALID, "merged into its own sub-unit" },
    { u.bao_thang, 999, DN_STORE_ERROR_NOT_FOUND, "no unit" },
    { 999, u.bao_yen, DN_STORE_ERROR_NOT_FOUND, "no unit" },
    { u.school_by, u.other, DN_STORE_ERROR_INVALID, "archived" },
  };

  dn_test_add_task (f->store, "Báo cáo", u.bao_thang, &due, DN_TEST_UNITS (u.bao_yen));
  dn_test_add_person (f->store, "Nguyễn", "Văn", "An", u.bao_thang);
  g_assert_true (dn_store_set_unit_archived (f->store, u.other, TRUE, NULL));
  before = state (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gint64 merge_id = -1;

      g_test_message ("case %u", i);
      g_assert_false (dn_store_merge_units (f->store, cases[i].from, cases[i].into, &merge_id, &error));
      g_assert_error (error, DN_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpint (merge_id, ==, -1);
      after = state (f->store);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Only the latest merge can be undone; a row moved on since stays. */
static void
test_merge_undo_order (DnTestStore   *f,
                       gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *between = NULL;
  g_autofree char *after = NULL;
  gint64 first = 0, second = 0, person;

  person = dn_test_add_person (f->store, "Nguyễn", "Văn", "An", u.school_bt);
  dn_test_add_person (f->store, "Lê", "Thị", "Bình", u.school_bt);
  g_assert_true (dn_store_merge_units (f->store, u.school_bt, u.school_by, &first, &error));
  g_assert_no_error (error);
  between = state (f->store);
  g_assert_true (dn_store_merge_units (f->store, u.bao_thang, u.bao_yen, &second, &error));
  g_assert_no_error (error);

  g_assert_false (dn_store_undo_merge (f->store, first, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dn_store_undo_merge (f->store, second, &error));
  g_assert_no_error (error);
  after = state (f->store);
  g_assert_cmpstr (after, ==, between);

  /* one of the staff moved on after the merge: the undo leaves them there */
  dn_test_exec (f->store, "UPDATE person SET unit_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                u.other, person);
  g_assert_true (dn_store_undo_merge (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT unit_id FROM person WHERE id = %" G_GINT64_FORMAT, person),
                   ==, u.other);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM person WHERE unit_id = %" G_GINT64_FORMAT,
                                      u.school_bt), ==, 1);
  g_assert_false (dn_test_query_int (f->store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT, u.school_bt));
  assert_sound (f->store);
}

/* An archived unit merged keeps being archived after the undo. */
static void
test_merge_archived_source (DnTestStore   *f,
                            gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  gint64 merge_id = 0;

  g_assert_true (dn_store_set_unit_archived (f->store, u.school_bt, TRUE, NULL));
  g_assert_true (dn_store_merge_units (f->store, u.school_bt, u.school_by, &merge_id, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_undo_merge (f->store, merge_id, &error));
  g_assert_no_error (error);
  g_assert_true (dn_test_query_int (f->store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT, u.school_bt));
}

static char *
name_at (DnStore *store,
         gint64   id,
         int      year,
         int      month,
         int      day)
{
  g_autoptr(GError) error = NULL;
  GDate date = dn_test_date (year, month, day);
  char *name = dn_store_unit_name_at (store, id, &date, &error);

  g_assert_no_error (error);
  return name;
}

#define ASSERT_NAME_AT(store, id, y, m, d, expected) \
  G_STMT_START { \
    g_autofree char *_name = name_at (store, id, y, m, d); \
    g_assert_cmpstr (_name, ==, expected); \
  } G_STMT_END

static void
test_rename_history (DnTestStore   *f,
                     gconstpointer  data)
{
  Units u = add_units (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = NULL;
  GDate july = dn_test_date (2025, 7, 1);
  GDate september = dn_test_date (2025, 9, 1);

  ASSERT_NAME_AT (f->store, u.bao_thang, 2018, 9, 17, "Phòng GD&ĐT Bảo Thắng");
  g_assert_true (dn_store_rename_unit (f->store, u.bao_thang, "Phòng Văn hoá – Xã hội xã Bảo Thắng", &july, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_rename_unit (f->store, u.bao_thang, "Phòng Văn hoá – Xã hội phường Bảo Thắng", &september,
                                       &error));
  g_assert_no_error (error);

  unit = dn_store_get_unit (f->store, u.bao_thang, NULL);
  g_assert_cmpstr (unit->name, ==, "Phòng Văn hoá – Xã hội phường Bảo Thắng");
  g_assert_cmpstr (unit->code, ==, "PGD-BT");
  ASSERT_NAME_AT (f->store, u.bao_thang, 2018, 9, 17, "Phòng GD&ĐT Bảo Thắng");
  ASSERT_NAME_AT (f->store, u.bao_thang, 2025, 6, 30, "Phòng GD&ĐT Bảo Thắng");
  ASSERT_NAME_AT (f->store, u.bao_thang, 2025, 7, 1, "Phòng Văn hoá – Xã hội xã Bảo Thắng");
  ASSERT_NAME_AT (f->store, u.bao_thang, 2025, 8, 31, "Phòng Văn hoá – Xã hội xã Bảo Thắng");
  ASSERT_NAME_AT (f->store, u.bao_thang, 2025, 9, 1, "Phòng Văn hoá – Xã hội phường Bảo Thắng");
  ASSERT_NAME_AT (f->store, u.bao_thang, 2030, 1, 1, "Phòng Văn hoá – Xã hội phường Bảo Thắng");
  /* other units are not touched */
  ASSERT_NAME_AT (f->store, u.bao_yen, 2018, 1, 1, "Phòng GD&ĐT Bảo Yên");
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'unit_name'"), ==, 2);
  assert_sound (f->store);

  /* unknown unit */
  {
    GDate day = dn_test_date (2025, 1, 1);
    g_autofree char *none = dn_store_unit_name_at (f->store, 999, &day, &error);
    g_assert_null (none);
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

static void
test_rename_refused (DnTestStore   *f,
                     gconstpointer  data)
{
  Units u = add_units (f->store);
  GDate july = dn_test_date (2025, 7, 1);
  GDate june = dn_test_date (2025, 6, 1);
  GDate no_date = dn_test_no_date ();
  GDate far = dn_test_date (2300, 1, 1);
  g_autofree char *before = NULL;
  g_autofree char *long_name = g_strnfill (2001, 'a');
  struct { gint64 id; const char *name; const GDate *date; gint code; const char *message; } cases[] = {
    { u.bao_thang, "   ", &july, DN_STORE_ERROR_INVALID, "must not be empty" },
    { u.bao_thang, long_name, &july, DN_STORE_ERROR_INVALID, "too long" },
    { u.bao_thang, "Tên mới", &no_date, DN_STORE_ERROR_INVALID, "takes effect" },
    { u.bao_thang, "Tên mới", &far, DN_STORE_ERROR_INVALID, "takes effect" },
    { u.bao_thang, "Phòng Văn hoá – Xã hội", &july, DN_STORE_ERROR_INVALID, "already the name" },
    /* before or on the day the current name took effect */
    { u.bao_thang, "Tên mới", &june, DN_STORE_ERROR_INVALID, "01/07/2025" },
    { u.bao_thang, "Tên mới", &july, DN_STORE_ERROR_INVALID, "01/07/2025" },
    { 999, "Tên mới", &july, DN_STORE_ERROR_NOT_FOUND, "no unit" },
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_store_rename_unit (f->store, u.bao_thang, "Phòng Văn hoá – Xã hội", &july, &error));
  g_assert_no_error (error);
  before = state (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;

      g_test_message ("case %u", i);
      g_assert_false (dn_store_rename_unit (f->store, cases[i].id, cases[i].name, cases[i].date, &error));
      g_assert_error (error, DN_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
      after = state (f->store);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/units/merge/and-undo", test_merge_and_undo);
  DN_TEST_ADD ("/units/merge/refused", test_merge_refused);
  DN_TEST_ADD ("/units/merge/undo-order", test_merge_undo_order);
  DN_TEST_ADD ("/units/merge/archived-source", test_merge_archived_source);
  DN_TEST_ADD ("/units/rename/history", test_rename_history);
  DN_TEST_ADD ("/units/rename/refused", test_rename_refused);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
