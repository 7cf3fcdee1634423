/* test-writer.c: the window's writes as values (DnWrite) made by the
 * local writer: each kind in one transaction, what it made filled in, the
 * revision check refusing a write made on an old reading with nothing
 * written, the records written whole (DN_WRITE_SAVE_RECORD), the outcome
 * reaching the callback from the main context, a
 * cancelled write writing nothing, a delegation's steps and passports, and
 * a unit's new name from a day, its archiving and merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-passport-loan.h"
#include "dn-store-changes.h"
#include "dn-store-partners.h"
#include "dn-store-people.h"
#include "dn-store-reminders.h"
#include "dn-store-tasks.h"
#include "dn-store-writer.h"
#include "dn-test-utils.h"

static gint64
count (DnStore    *store,
       const char *table)
{
  return dn_test_query_int (store, "SELECT count(*) FROM %s", table);
}

static void
test_writer_kinds (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) add = dn_write_new (DN_WRITE_ADD_TASK);
  g_autoptr(DnWrite) progress = dn_write_new (DN_WRITE_ADD_PROGRESS);
  g_autoptr(DnWrite) reminder = dn_write_new (DN_WRITE_ADD_REMINDER);
  g_autoptr(DnWrite) extend = dn_write_new (DN_WRITE_EXTEND_ASSIGNMENT);
  g_autoptr(DnWrite) done = dn_write_new (DN_WRITE_MARK_TASK_DONE);
  g_autoptr(GPtrArray) assignments = NULL;
  gint64 unit = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 school = dn_test_add_unit (f->store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL, unit);
  DnAssignment *lead;

  g_assert_cmpstr (dn_write_get_table (add), ==, "task");
  add->task = dn_task_new ();
  g_free (add->task->title);
  add->task->title = g_strdup ("Báo cáo quý công tác đối ngoại");
  add->task->lead_unit_id = school;
  add->task->recurrence = DN_RECURRENCE_QUARTERLY;
  g_date_set_dmy (&add->task->due_date, 31, 3, 2026);
  g_assert_true (dn_store_write (f->store, add, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add->made_id, >, 0);
  g_assert_cmpint (add->made_id, ==, add->task->id);

  progress->progress = dn_progress_new ();
  progress->progress->task_id = add->made_id;
  progress->progress->unit_id = school;
  progress->progress->percent = 40;
  g_date_set_dmy (&progress->progress->entry_date, 10, 3, 2026);
  g_assert_true (dn_store_write (f->store, progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (progress->made_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT percent FROM progress WHERE id = %" G_GINT64_FORMAT,
                                      progress->made_id), ==, 40);

  reminder->reminder = dn_reminder_new ();
  reminder->reminder->task_id = add->made_id;
  reminder->reminder->unit_id = school;
  g_date_set_dmy (&reminder->reminder->sent_on, 12, 3, 2026);
  g_assert_true (dn_store_write (f->store, reminder, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reminder->made_id, >, 0);

  assignments = dn_store_list_assignments (f->store, add->made_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assignments->len, ==, 1);
  lead = assignments->pdata[0];
  extend->id = lead->id;
  g_date_set_dmy (&extend->date, 15, 4, 2026);
  extend->reason = g_strdup ("Công văn số 12 của trường");
  g_assert_true (dn_store_write (f->store, extend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE id = %" G_GINT64_FORMAT
                                      " AND due_date = '2026-04-15'", add->made_id), ==, 1);

  /* a recurring task marked done: its next occurrence in the same write */
  done->id = add->made_id;
  done->revision = dn_store_get_row_revision (f->store, "task", add->made_id, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_write (f->store, done, &error));
  g_assert_no_error (error);
  g_assert_cmpint (done->next_id, >, add->made_id);
  g_assert_cmpint (count (f->store, "task"), ==, 2);
}

static void
test_writer_conflict (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) update = dn_write_new (DN_WRITE_UPDATE_TASK);
  g_autoptr(DnWrite) status = dn_write_new (DN_WRITE_SET_TASK_STATUS);
  gint64 unit = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 id = dn_test_add_task (f->store, "Đón đoàn KOICA", unit, NULL, NULL);
  gint64 read_at = dn_store_get_row_revision (f->store, "task", id, &error);
  gint64 revision_before;

  update->task = dn_store_get_task (f->store, id, &error);
  g_assert_no_error (error);
  g_free (update->task->title);
  update->task->title = g_strdup ("Đón đoàn KOICA tháng 5");
  update->revision = read_at;

  /* someone else saves first */
  dn_test_exec (f->store, "UPDATE task SET title = 'Đón đoàn KOICA (sửa)' WHERE id = %" G_GINT64_FORMAT, id);
  revision_before = dn_store_get_revision (f->store);
  g_assert_false (dn_store_write (f->store, update, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, revision_before);
  {
    g_autoptr(DnTask) now = dn_store_get_task (f->store, id, NULL);

    g_assert_cmpstr (now->title, ==, "Đón đoàn KOICA (sửa)");
  }

  /* read again: it saves */
  update->revision = dn_store_get_row_revision (f->store, "task", id, NULL);
  g_assert_true (dn_store_write (f->store, update, &error));
  g_assert_no_error (error);

  /* a status change on the old revision is refused as well */
  status->id = id;
  status->status = DN_STATUS_CANCELLED;
  status->revision = read_at;
  g_assert_false (dn_store_write (f->store, status, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* -1: not checked */
  status->revision = -1;
  g_assert_true (dn_store_write (f->store, status, &error));
  g_assert_no_error (error);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  GError **error = data;

  if (!dn_writer_write_finish (DN_WRITER (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_writer_async (DnTestStore   *f,
                   gconstpointer  data)
{
  g_autoptr(DnWriter) writer = dn_store_writer_new (f->store);
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_DELETE_TASK);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *outcome = NULL;
  gint64 unit = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 id = dn_test_add_task (f->store, "Tiếp đoàn UNICEF", unit, NULL, NULL);

  g_assert_true (dn_writer_can_undo (writer));
  write->id = id;
  /* cancelled before it runs: nothing written */
  g_cancellable_cancel (cancellable);
  dn_writer_write_async (writer, write, cancellable, on_written_cb, &outcome);
  /* the outcome never reaches the callback inside the call */
  g_assert_null (outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT deleted FROM task WHERE id = %" G_GINT64_FORMAT, id), ==, 0);

  dn_writer_write_async (writer, write, NULL, on_written_cb, &outcome);
  g_assert_null (outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&outcome);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT deleted FROM task WHERE id = %" G_GINT64_FORMAT, id), ==, 1);
}

/* A record written whole (DN_WRITE_SAVE_RECORD): added with its id filled
 * in, a warning of the store refused until confirmed (the new record's id
 * back to 0, nothing written), a change at the revision read, and one at
 * an older revision refused as a conflict with nothing written */
static void
test_writer_records (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPartner) partner = dn_partner_new ();
  g_autoptr(DnPerson) person = dn_person_new ();
  g_autoptr(DnWrite) add_partner = NULL;
  g_autoptr(DnWrite) add_person = NULL;
  g_autoptr(DnWrite) change = NULL;
  g_autoptr(DnWrite) stale = NULL;
  gint64 unit = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  gint64 read_at;

  g_free (partner->name);
  partner->name = g_strdup ("Save the Children");
  partner->registration_kind = DN_REGISTRATION_OPERATION;
  g_free (partner->registration_number);
  partner->registration_number = g_strdup ("123/BNG-GĐK");
  g_date_set_dmy (&partner->registration_expiry, 30, 6, 2035);
  add_partner = dn_write_new_save (partner, -1);
  g_assert_cmpstr (dn_write_get_table (add_partner), ==, "partner");
  g_date_set_dmy (&add_partner->date, 10, 1, 2026);
  g_assert_false (dn_store_write (f->store, add_partner, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_clear_error (&error);
  g_assert_cmpint (partner->id, ==, 0);
  g_assert_cmpint (count (f->store, "partner"), ==, 0);
  add_partner->confirmed = TRUE;
  g_assert_true (dn_store_write (f->store, add_partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add_partner->made_id, >, 0);
  g_assert_cmpint (partner->id, ==, add_partner->made_id);

  g_free (person->family_name);
  person->family_name = g_strdup ("Đặng");
  g_free (person->given_name);
  person->given_name = g_strdup ("Ánh");
  person->unit_id = unit;
  add_person = dn_write_new_save (person, -1);
  g_assert_cmpstr (dn_write_get_table (add_person), ==, "person");
  g_assert_true (dn_store_write (f->store, add_person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, ==, add_person->made_id);

  read_at = dn_store_get_row_revision (f->store, "person", person->id, &error);
  g_assert_no_error (error);
  g_free (person->position);
  person->position = g_strdup ("Chuyên viên");
  change = dn_write_new_save (person, read_at);
  g_assert_true (dn_store_write (f->store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change->made_id, ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM person WHERE position = 'Chuyên viên'"), ==, 1);

  /* made on the reading before that change */
  g_free (person->position);
  person->position = g_strdup ("Phó trưởng phòng");
  stale = dn_write_new_save (person, read_at);
  g_assert_false (dn_store_write (f->store, stale, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM person WHERE position = 'Chuyên viên'"), ==, 1);
}

/* A new task written already done: its unit rows closed and, recurring,
 * its next occurrence made in the same write (next_id) */
static void
test_writer_add_done (DnTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) add = dn_write_new (DN_WRITE_ADD_TASK);
  gint64 unit = dn_test_add_unit (f->store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);

  add->task = dn_task_new ();
  g_free (add->task->title);
  add->task->title = g_strdup ("Báo cáo quý");
  add->task->lead_unit_id = unit;
  add->task->recurrence = DN_RECURRENCE_QUARTERLY;
  add->task->status = DN_STATUS_DONE;
  g_date_set_dmy (&add->task->due_date, 31, 3, 2026);
  g_assert_true (dn_store_write (f->store, add, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add->made_id, >, 0);
  g_assert_cmpint (add->next_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                                      " AND status <> 'done'", add->made_id), ==, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE id = %" G_GINT64_FORMAT
                                      " AND previous_id = %" G_GINT64_FORMAT " AND due_date = '2026-06-30'",
                                      add->next_id, add->made_id), ==, 1);
}

/* A delegation's steps and its passports: each the store's step, at the
 * revision read, a warning until confirmed; nothing written when refused */
static void
test_writer_delegation_steps (DnTestStore   *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) back_step = NULL;
  g_autoptr(DnWrite) approve = NULL;
  g_autoptr(DnWrite) depart = NULL;
  g_autoptr(DnWrite) come_back = NULL;
  g_autoptr(DnWrite) report = NULL;
  g_autoptr(DnWrite) hand_out = dn_write_new (DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS);
  g_autoptr(DnWrite) take_back = dn_write_new (DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS);
  gint64 school = dn_test_add_unit (f->store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL, 0);
  gint64 teacher = dn_test_add_person (f->store, "Lê", "Minh", "Cường", school);
  gint64 decision = dn_test_add_document (f->store, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
  gint64 trip, revision, log;
  DnPassportLoan *loan;

  dn_test_exec (f->store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                          "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2019-01-01', '2026-06-01')", teacher);
  dn_test_exec (f->store, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status) VALUES "
                          "('outbound', 'Đoàn ra Hàn Quốc', %" G_GINT64_FORMAT ", '2026-04-01', '2026-04-05', "
                          "'planned')", school);
  trip = dn_test_query_int (f->store, "SELECT max(id) FROM delegation");
  dn_test_exec (f->store, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES (%"
                G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", (SELECT id FROM passport WHERE number = 'C1000001'))",
                trip, teacher);
  revision = dn_store_get_row_revision (f->store, "delegation", trip, NULL);

  /* back to proposed, or read at another revision: nothing written */
  log = dn_store_get_revision (f->store);
  back_step = dn_write_new_delegation_step (trip, DN_DELEGATION_PROPOSED, -1);
  g_assert_cmpstr (dn_write_get_table (back_step), ==, "delegation");
  g_assert_false (dn_store_write (f->store, back_step, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  approve = dn_write_new_delegation_step (trip, DN_DELEGATION_APPROVED, revision + 1);
  DN_DELEGATION (approve->record)->decision_document_id = decision;
  g_assert_false (dn_store_write (f->store, approve, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, log);

  approve->revision = revision;
  g_assert_true (dn_store_write (f->store, approve, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT decision_document_id FROM delegation WHERE status = "
                                      "'approved'"), ==, decision);

  /* the passports: a warning until confirmed */
  loan = dn_passport_loan_new ();
  hand_out->record = G_OBJECT (loan);
  loan->delegation_id = trip;
  loan->handed_out_on = dn_test_date (2026, 3, 25);
  g_free (loan->handed_by);
  loan->handed_by = g_strdup ("Lê Thị Hoa");
  g_assert_cmpstr (dn_write_get_table (hand_out), ==, "delegation");
  g_assert_false (dn_store_write (f->store, hand_out, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "passport_loan"), ==, 0);
  hand_out->confirmed = TRUE;
  hand_out->revision = dn_store_get_row_revision (f->store, "delegation", trip, NULL);
  g_assert_true (dn_store_write (f->store, hand_out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM passport_loan WHERE handed_by = 'Lê Thị Hoa' "
                                      "AND returned_on IS NULL"), ==, 1);

  depart = dn_write_new_delegation_step (trip, DN_DELEGATION_ABROAD, -1);
  g_assert_true (dn_store_write (f->store, depart, &error));
  g_assert_no_error (error);
  /* back on the planned end */
  come_back = dn_write_new_delegation_step (trip, DN_DELEGATION_RETURNED, -1);
  g_assert_true (dn_store_write (f->store, come_back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM delegation WHERE status = 'completed' AND "
                                      "end_date = '2026-04-05' AND report_due_date IS NOT NULL"), ==, 1);

  loan = dn_passport_loan_new ();
  take_back->record = G_OBJECT (loan);
  loan->delegation_id = trip;
  loan->returned_on = dn_test_date (2026, 4, 8);
  take_back->revision = revision;
  g_assert_false (dn_store_write (f->store, take_back, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM passport_loan WHERE returned_on IS NULL"), ==, 1);
  take_back->revision = -1;
  g_assert_true (dn_store_write (f->store, take_back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM passport_loan WHERE returned_on = "
                                      "'2026-04-08'"), ==, 1);

  report = dn_write_new_delegation_step (trip, DN_DELEGATION_REPORTED, -1);
  DN_DELEGATION (report->record)->report_submitted_on = dn_test_date (2026, 4, 20);
  g_assert_true (dn_store_write (f->store, report, &error));
  g_assert_no_error (error);
  dn_test_assert_owned_cmpstr (dn_test_query_text (f->store, "SELECT report_submitted_on FROM delegation"), ==,
                               "2026-04-20");
}

/* A unit's new name from a day with its code and kind, all or nothing;
 * archived and restored; merged, the merge's id made, at the revision
 * read */
static void
test_writer_unit_steps (DnTestStore   *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnWrite) renamed = dn_write_new (DN_WRITE_RENAME_UNIT);
  g_autoptr(DnWrite) clash = dn_write_new (DN_WRITE_RENAME_UNIT);
  g_autoptr(DnWrite) archived = dn_write_new (DN_WRITE_ARCHIVE_UNIT);
  g_autoptr(DnWrite) merged = dn_write_new (DN_WRITE_MERGE_UNITS);
  gint64 office = dn_test_add_unit (f->store, "PGDBX", "Phòng GD&ĐT Bát Xát", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  gint64 other = dn_test_add_unit (f->store, "PGDSP", "Phòng GD&ĐT Sa Pa", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  gint64 school = dn_test_add_unit (f->store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL, office);
  gint64 read_at = dn_store_get_row_revision (f->store, "unit", school, NULL);
  gint64 log;
  DnUnit *unit;
  GDate june = dn_test_date (2026, 6, 30);

  /* the new name made, then a code another unit has: nothing written */
  unit = dn_store_get_unit (f->store, school, &error);
  g_free (unit->name);
  unit->name = g_strdup ("Trường TH&THCS Bát Xát");
  g_free (unit->code);
  unit->code = g_strdup ("PGDSP");
  clash->record = G_OBJECT (unit);
  clash->date = dn_test_date (2026, 7, 1);
  log = dn_store_get_revision (f->store);
  g_assert_false (dn_store_write (f->store, clash, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (dn_store_get_revision (f->store), ==, log);
  g_assert_cmpint (count (f->store, "unit_name"), ==, 0);

  unit = dn_store_get_unit (f->store, school, &error);
  g_free (unit->name);
  unit->name = g_strdup ("Trường TH&THCS Bát Xát");
  g_free (unit->code);
  unit->code = g_strdup ("THCSBX");
  unit->kind = DN_UNIT_KIND_CENTRE;
  renamed->record = G_OBJECT (unit);
  renamed->date = dn_test_date (2026, 7, 1);
  renamed->revision = read_at;
  g_assert_true (dn_store_write (f->store, renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE code = 'THCSBX' AND kind = 'centre' "
                                                "AND name = 'Trường TH&THCS Bát Xát'"), ==, 1);
  dn_test_assert_owned_cmpstr (dn_store_unit_name_at (f->store, school, &june, &error), ==, "Trường Tiểu học Bát Xát");
  /* the same write again, on the old reading: a conflict */
  g_assert_false (dn_store_write (f->store, renamed, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  unit = dn_unit_new ();
  unit->id = school;
  unit->archived = TRUE;
  archived->record = G_OBJECT (unit);
  g_assert_true (dn_store_write (f->store, archived, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT, school), ==,
                   1);
  unit->archived = FALSE;
  g_assert_true (dn_store_write (f->store, archived, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT archived FROM unit WHERE id = %" G_GINT64_FORMAT, school), ==,
                   0);

  merged->id = office;
  merged->units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (merged->units, other);
  merged->revision = dn_store_get_row_revision (f->store, "unit", office, NULL);
  g_assert_true (dn_store_write (f->store, merged, &error));
  g_assert_no_error (error);
  g_assert_cmpint (merged->made_id, ==, dn_test_query_int (f->store, "SELECT max(id) FROM unit_merge"));
  g_assert_cmpint (merged->made_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT parent_id FROM unit WHERE id = %" G_GINT64_FORMAT, school), ==,
                   other);
  g_assert_true (dn_store_undo_merge (f->store, merged->made_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT parent_id FROM unit WHERE id = %" G_GINT64_FORMAT, school), ==,
                   office);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  DN_TEST_ADD ("/writer/kinds", test_writer_kinds);
  DN_TEST_ADD ("/writer/conflict", test_writer_conflict);
  DN_TEST_ADD ("/writer/async", test_writer_async);
  DN_TEST_ADD ("/writer/records", test_writer_records);
  DN_TEST_ADD ("/writer/add-done", test_writer_add_done);
  DN_TEST_ADD ("/writer/delegation-steps", test_writer_delegation_steps);
  DN_TEST_ADD ("/writer/unit-steps", test_writer_unit_steps);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
