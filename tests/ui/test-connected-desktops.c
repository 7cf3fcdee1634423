/* test-connected-desktops.c: two desktops on one department server
 *
 * The server runs in the test on a loopback port; each desktop is a main
 * window on its own replica, connected as one officer. The department's
 * officer assigns a task to a school in the task editor; the school's
 * officer sees it in the task list once their desktop has synced, reports
 * progress in the task's details; the department's desktop, synced,
 * shows that progress on the task. The other sections' editors write
 * through the server as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-application.h"
#include "dn-chooser.h"
#include "dn-connection.h"
#include "dn-date.h"
#include "dn-document-register-form.h"
#include "dn-report-receipt-form.h"
#include "dn-form-dialog.h"
#include "dn-partner-editor.h"
#include "dn-passport-forms.h"
#include "dn-pdf-window.h"
#include "dn-store-documents.h"
#include "dn-store-owed-reports.h"
#include "dn-store-passports.h"
#include "dn-person-editor.h"
#include "dn-server-dialog.h"
#include "dn-server.h"
#include "dn-store-accounts.h"
#include "dn-store-tasks.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-unit-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

#define PASSWORD "mật khẩu tốt 123"

typedef struct
{
  DnTestStore  server_store;
  DnServer    *server;
  char        *base_uri;
  gint64       department, school;
  char        *dir;          /* the replicas */
} Fixture;

typedef struct
{
  DnStore      *replica;
  DnConnection *connection;
  DnWindow     *window;
} Desktop;

static void
add_account (DnStore       *store,
             const char    *name,
             gint64         unit,
             DnAccountRole  role)
{
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autoptr(GError) error = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit;
  account->role = role;
  g_assert_true (dn_store_add_account (store, account, PASSWORD, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  dn_test_store_setup (&f->server_store, data);
  f->department = dn_test_add_unit (f->server_store.store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->school = dn_test_add_unit (f->server_store.store, "THBX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL,
                                f->department);
  add_account (f->server_store.store, "so", f->department, DN_ACCOUNT_ROLE_DEPARTMENT);
  add_account (f->server_store.store, "thbx", f->school, DN_ACCOUNT_ROLE_UNIT);
  f->server = dn_server_new (f->server_store.store);
  g_assert_true (dn_server_listen (f->server, "127.0.0.1:0", NULL, FALSE, &error));
  g_assert_no_error (error);
  uris = dn_server_get_uris (f->server);
  f->base_uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->dir = g_dir_make_tmp ("dn-desktops-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->base_uri);
  dn_test_remove_tree (f->dir);
  g_free (f->dir);
  dn_test_store_teardown (&f->server_store, data);
}

static gboolean
is_idle (gpointer data)
{
  DnConnectionState state = dn_connection_get_state (data);

  return state != DN_CONNECTION_CONNECTING && state != DN_CONNECTION_SYNCING;
}

/* A desktop signed in as @user, its window open on its replica */
static void
desktop_open (Fixture    *f,
              Desktop    *d,
              const char *user)
{
  g_autofree char *name = g_strconcat (user, ".db", NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(DnClient) client = NULL;
  g_autoptr(GError) error = NULL;

  d->replica = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  client = dn_client_new (f->base_uri, &error);
  g_assert_no_error (error);
  d->connection = dn_connection_new (d->replica, client, &error);
  g_assert_no_error (error);
  dn_connection_sign_in_async (d->connection, user, PASSWORD, NULL, NULL, NULL);
  g_assert_true (dn_ui_wait_until (is_idle, d->connection, 10000));
  g_assert_cmpint (dn_connection_get_state (d->connection), ==, DN_CONNECTION_ONLINE);
  d->window = dn_window_new (NULL, d->replica);
  dn_window_set_connection (d->window, d->connection);
  gtk_window_present (GTK_WINDOW (d->window));
  dn_ui_spin (0);
  /* the header bar says where the data comes from */
  g_assert_true (gtk_widget_is_visible (dn_ui_get_named (d->window, "connection_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dn_ui_get_named (d->window, "connection_label"))), ==,
                   "Up to date");
}

static void
desktop_sync (Desktop *d)
{
  dn_connection_sync (d->connection);
  g_assert_true (dn_ui_wait_until (is_idle, d->connection, 10000));
  g_assert_cmpint (dn_connection_get_state (d->connection), ==, DN_CONNECTION_ONLINE);
}

static void
desktop_close (Desktop *d)
{
  DnConnection *gone = d->connection;

  gtk_window_destroy (GTK_WINDOW (d->window));
  dn_connection_close (d->connection);
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_clear_object (&d->connection);
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
  dn_ui_spin (0);
  g_assert_finalize_object (d->replica);
}

/* @window shown over the main window of @d */
static void
present_over (GtkWindow *window,
              Desktop   *d)
{
  gtk_window_set_transient_for (window, GTK_WINDOW (d->window));
  gtk_window_present (window);
  dn_ui_spin (0);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_two_desktops (Fixture       *f,
                   gconstpointer  data)
{
  Desktop department = { 0 }, school = { 0 };
  DnTaskEditor *editor;
  DnTaskDetails *details;
  GtkWindow *dialog;
  gpointer watched;
  gint64 task_id;
  GtkWidget *tasks;

  desktop_open (f, &department, "so");
  desktop_open (f, &school, "thbx");

  /* the department assigns a task to the school, in its editor */
  editor = dn_task_editor_new (department.replica, NULL);
  present_over (GTK_WINDOW (editor), &department);
  dn_ui_set_text (editor, "Title", "Báo cáo kết quả giao lưu với trường Hàn Quốc");
  dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (editor, "Lead unit")), f->school);
  dn_ui_set_text (editor, "Due date", "30/12/2026");
  watched = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &watched);
  g_assert_true (dn_task_editor_save (editor));
  /* sent: it waits for the server, then closes */
  g_assert_true (dn_ui_wait_until (window_gone, &watched, 10000));
  task_id = dn_test_query_int (f->server_store.store, "SELECT max(id) FROM task");
  g_assert_cmpint (task_id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->server_store.store,
                                      "SELECT count(*) FROM assignment WHERE task_id = %" G_GINT64_FORMAT
                                      " AND unit_id = %" G_GINT64_FORMAT, task_id, f->school), ==, 1);
  /* its own desktop shows it at once (the replica was brought up to date) */
  g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM task WHERE id = %" G_GINT64_FORMAT,
                                      task_id), ==, 1);

  /* the school sees it after its desktop syncs */
  g_assert_cmpint (dn_test_query_int (school.replica, "SELECT count(*) FROM task"), ==, 0);
  desktop_sync (&school);
  dn_window_show_section (school.window, "tasks");
  tasks = dn_window_get_section_page (school.window, "tasks");
  dn_ui_wait_for_list_rows (tasks, 1);

  /* and reports progress in the task's details */
  details = dn_task_details_new (school.replica, task_id);
  present_over (GTK_WINDOW (details), &school);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.add-progress", NULL));
  dn_ui_spin (0);
  dialog = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (DN_IS_FORM_DIALOG (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (details))
          dialog = window;
      }
  }
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dn_ui_get_named (dialog, "dialog_percent")), 60);
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (dialog, "dialog_note")), "Đã trao đổi với đối tác");
  watched = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &watched);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  if (!dn_ui_wait_until (window_gone, &watched, 10000))
    g_error ("the progress was not saved: %s", dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));
  g_assert_cmpint (dn_test_query_int (f->server_store.store,
                                      "SELECT percent FROM progress WHERE task_id = %" G_GINT64_FORMAT, task_id), ==, 60);

  /* the department, synced, sees the school's progress on the task */
  desktop_sync (&department);
  {
    g_autoptr(DnTask) seen = dn_store_get_task (department.replica, task_id, NULL);

    g_assert_cmpint (seen->progress, ==, 60);
  }
  gtk_window_destroy (GTK_WINDOW (details));
  details = dn_task_details_new (department.replica, task_id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dn_ui_get_named (details, "progress_label"))), "60%"));
  gtk_window_destroy (GTK_WINDOW (details));

  /* pictures for people to look at, when asked for */
  if (g_getenv ("DN_SHOT_DIR") != NULL)
    {
      g_autofree char *window_png = g_build_filename (g_getenv ("DN_SHOT_DIR"), "connected-window.png", NULL);
      g_autofree char *offline_png = g_build_filename (g_getenv ("DN_SHOT_DIR"), "connected-offline.png", NULL);
      g_autofree char *dialog_png = g_build_filename (g_getenv ("DN_SHOT_DIR"), "server-dialog.png", NULL);
      DnServerDialog *sign_in;
      DnWindow *shown;

      /* in Vietnamese when asked: a window made after the switch */
      if (g_strcmp0 (g_getenv ("DN_SHOT_LANGUAGE"), "vi") == 0 && dn_ui_use_vietnamese ())
        {
          shown = dn_window_new (NULL, school.replica);
          dn_window_set_connection (shown, school.connection);
          gtk_window_present (GTK_WINDOW (shown));
          dn_window_show_section (shown, "tasks");
          gtk_widget_set_visible (GTK_WIDGET (school.window), FALSE);
          gtk_window_destroy (GTK_WINDOW (school.window));
          school.window = shown;
          dn_ui_spin (0);
        }
      sign_in = dn_server_dialog_new (NULL, school.connection);
      gtk_window_set_default_size (GTK_WINDOW (school.window), 1200, 700);
      /* past the sections' cross-fade */
      dn_ui_spin (600);
      dn_ui_wait_for_frame (GTK_WIDGET (school.window), 5000);
      dn_ui_save_png (GTK_WINDOW (school.window), window_png);
      gtk_window_set_transient_for (GTK_WINDOW (sign_in), GTK_WINDOW (school.window));
      gtk_window_present (GTK_WINDOW (sign_in));
      dn_ui_wait_for_frame (GTK_WIDGET (sign_in), 5000);
      dn_ui_save_png (GTK_WINDOW (sign_in), dialog_png);
      gtk_window_destroy (GTK_WINDOW (sign_in));
      dn_server_disconnect (f->server);
      dn_connection_sync (school.connection);
      g_assert_true (dn_ui_wait_until (is_idle, school.connection, 10000));
      dn_ui_wait_for_frame (GTK_WIDGET (school.window), 5000);
      dn_ui_save_png (GTK_WINDOW (school.window), offline_png);
    }

  desktop_close (&school);
  desktop_close (&department);
}

static gboolean
pdf_window_shown (gpointer data)
{
  return dn_ui_find_window (DN_TYPE_PDF_WINDOW) != NULL;
}

static gboolean
has_error (gpointer data)
{
  return dn_form_dialog_get_error (data) != NULL;
}

/* Saves @dialog, a form of a connected desktop, and waits for the server:
 * TRUE when it was saved (and closed), FALSE when its error is shown */
static gboolean
save_and_wait (gpointer dialog)
{
  gpointer watched = dialog;
  gboolean gone;

  g_object_add_weak_pointer (G_OBJECT (dialog), &watched);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_form_dialog_is_saving (DN_FORM_DIALOG (dialog)));
  while (watched != NULL && dn_form_dialog_is_saving (DN_FORM_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
  dn_ui_spin (0);
  gone = watched == NULL;
  if (!gone)
    {
      g_assert_true (has_error (dialog));
      g_object_remove_weak_pointer (G_OBJECT (dialog), &watched);
    }
  return gone;
}

/* The other sections' editors on connected desktops: the school's officer
 * adds a member of its staff, which the department sees once synced; the
 * department's partner editor says the store's warning, the officer's
 * input kept, and saving again keeps the partner on the server. The
 * school marks its part of a task done in the details; the department
 * deletes the task there. */
static void
test_connected_records (Fixture       *f,
                        gconstpointer  data)
{
  Desktop department = { 0 }, school = { 0 };
  g_autoptr(GError) error = NULL;
  GDate today;
  DnPersonEditor *person;
  DnPartnerEditor *partner;
  gint64 id;

  desktop_open (f, &department, "so");
  desktop_open (f, &school, "thbx");

  person = dn_person_editor_new (school.replica, 0, f->school, &error);
  g_assert_no_error (error);
  present_over (GTK_WINDOW (person), &school);
  dn_ui_set_text (person, "Family name", "Lương");
  dn_ui_set_text (person, "Given name", "Hà");
  g_assert_true (save_and_wait (person));
  id = dn_test_query_int (f->server_store.store, "SELECT id FROM person WHERE given_name = 'Hà'");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (dn_test_query_int (f->server_store.store, "SELECT unit_id FROM person WHERE id = %" G_GINT64_FORMAT,
                                      id), ==, f->school);
  /* in the school's replica at once, in the department's once synced */
  g_assert_cmpint (dn_test_query_int (school.replica, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT, id),
                   ==, 1);
  desktop_sync (&department);
  g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT,
                                      id), ==, 1);

  dn_date_today (&today);
  partner = dn_partner_editor_new (department.replica, 0, &today, &error);
  g_assert_no_error (error);
  present_over (GTK_WINDOW (partner), &department);
  dn_ui_set_text (partner, "Name", "Global Care");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (partner, "Registration paper")),
                              DN_REGISTRATION_OPERATION);
  dn_ui_set_text (partner, "Registration paper number", "45/GĐK-BNG");
  dn_ui_set_text (partner, "Registration expiry date", "2/3/2099");
  g_assert_false (save_and_wait (partner));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (partner)), "3 years"));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (DN_FORM_DIALOG (partner)))),
                            "Anyway"));
  g_assert_cmpint (dn_test_query_int (f->server_store.store, "SELECT count(*) FROM partner"), ==, 0);
  g_assert_true (save_and_wait (partner));
  g_assert_cmpint (dn_test_query_int (f->server_store.store,
                                      "SELECT count(*) FROM partner WHERE name = 'Global Care'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (department.replica,
                                      "SELECT count(*) FROM partner WHERE name = 'Global Care'"), ==, 1);

  /* the school marks its part of a task done in the task's details; the
   * department, synced, deletes the task */
  {
    GDate due = dn_test_date (2026, 12, 31);
    gint64 task_id = dn_test_add_task (f->server_store.store, "Nộp báo cáo tổng kết", f->department, &due,
                                       DN_TEST_UNITS (f->school));
    DnTaskDetails *details;
    GtkWidget *part;
    gpointer watched;

    desktop_sync (&school);
    details = dn_task_details_new (school.replica, task_id);
    present_over (GTK_WINDOW (details), &school);
    part = dn_ui_get_by_label (details, "Status of Trường Tiểu học Bát Xát");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (part), DN_STATUS_DONE);
    /* not changed again until the server answers */
    g_assert_false (gtk_widget_get_sensitive (part));
    while (!gtk_widget_get_sensitive (part))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (part)), ==, DN_STATUS_DONE);
    g_assert_cmpint (dn_test_query_int (f->server_store.store, "SELECT count(*) FROM assignment WHERE task_id = %"
                                        G_GINT64_FORMAT " AND unit_id = %" G_GINT64_FORMAT " AND status = 'done'",
                                        task_id, f->school), ==, 1);
    /* and attaches its reply, uploaded to the server */
    {
      g_autofree char *reply = g_build_filename (f->dir, "bao-cao-tong-ket.pdf", NULL);

      g_assert_true (g_file_set_contents (reply, "%PDF-1.4\n% báo cáo\n%%EOF\n", -1, NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.attach", "s", reply));
      while (dn_test_query_int (school.replica, "SELECT count(*) FROM task_attachment WHERE task_id = %"
                                G_GINT64_FORMAT, task_id) == 0)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (dn_test_query_int (f->server_store.store, "SELECT count(*) FROM task_attachment "
                                          "WHERE task_id = %"
                                          G_GINT64_FORMAT " AND file_name = 'bao-cao-tong-ket.pdf'", task_id), ==, 1);
    }
    gtk_window_destroy (GTK_WINDOW (details));

    desktop_sync (&department);
    details = dn_task_details_new (department.replica, task_id);
    present_over (GTK_WINDOW (details), &department);
    /* the department opens the school's reply: its replica has the record,
     * the file is brought from the server and shown */
    {
      g_autoptr(DnAttachment) reply = NULL;
      g_autoptr(GFile) kept = NULL;
      gint64 reply_id = dn_test_query_int (department.replica, "SELECT attachment_id FROM task_attachment "
                                           "WHERE task_id = %" G_GINT64_FORMAT, task_id);

      reply = dn_store_get_attachment (department.replica, reply_id, NULL);
      g_assert_nonnull (reply);
      kept = dn_store_get_attachment_file (department.replica, reply);
      g_assert_false (g_file_query_exists (kept, NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.open-attachment", "x", reply_id));
      g_assert_true (dn_ui_wait_until (pdf_window_shown, NULL, 10000));
      g_assert_true (g_file_query_exists (kept, NULL));
      gtk_window_destroy (dn_ui_find_window (DN_TYPE_PDF_WINDOW));
    }
    watched = details;
    g_object_add_weak_pointer (G_OBJECT (details), &watched);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "task.delete", NULL));
    g_assert_true (dn_ui_wait_until (window_gone, &watched, 10000));
    g_assert_null (dn_store_get_live_task (f->server_store.store, task_id, NULL));
    g_assert_null (dn_store_get_live_task (department.replica, task_id, NULL));
  }

  /* units are the department's: a school's officer is told so, the
   * department adds one */
  {
    DnUnitDialog *dialog = dn_unit_dialog_new (school.replica, DN_UNIT_DIALOG_ADD, f->school, &error);

    g_assert_no_error (error);
    present_over (GTK_WINDOW (dialog), &school);
    dn_ui_set_text (dialog, "Unit name", "Điểm trường Bản Vược");
    dn_ui_set_text (dialog, "Unit code", "THBX-BV");
    g_assert_false (save_and_wait (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    dialog = dn_unit_dialog_new (department.replica, DN_UNIT_DIALOG_ADD, f->school, &error);
    g_assert_no_error (error);
    present_over (GTK_WINDOW (dialog), &department);
    dn_ui_set_text (dialog, "Unit name", "Điểm trường Bản Vược");
    dn_ui_set_text (dialog, "Unit code", "THBX-BV");
    g_assert_true (save_and_wait (dialog));
    g_assert_cmpint (dn_test_query_int (f->server_store.store, "SELECT parent_id FROM unit WHERE code = 'THBX-BV'"), ==,
                     f->school);
    g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM unit WHERE code = 'THBX-BV'"), ==, 1);
  }

  /* the department hands out a passport with little validity left: the
   * server's warning asks for confirmation in the form, then it is out */
  {
    DnStore *server = f->server_store.store;
    gint64 teacher = dn_test_add_person (server, "Lê", "Minh", "Cường", f->school);
    gint64 decision = dn_test_add_document (server, "14", "QĐ-SGD", "Cử đoàn ra", NULL);
    g_autoptr(DnPassport) passport = NULL;
    DnFormDialog *form;
    gint64 passport_id, trip;

    dn_test_exec (server, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                          "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2019-01-01', '2026-06-01')", teacher);
    passport_id = dn_test_query_int (server, "SELECT id FROM passport WHERE number = 'C1000001'");
    dn_test_exec (server, "INSERT INTO delegation (direction, title, unit_id, start_date, end_date, status, "
                          "decision_document_id) VALUES ('outbound', 'Đoàn ra Hàn Quốc', %" G_GINT64_FORMAT
                          ", '2026-04-01', '2026-04-05', 'approved', %" G_GINT64_FORMAT ")", f->school, decision);
    trip = dn_test_query_int (server, "SELECT max(id) FROM delegation");
    dn_test_exec (server, "INSERT INTO delegation_member (delegation_id, person_id, passport_id) VALUES (%"
                  G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", trip, teacher, passport_id);
    desktop_sync (&department);
    passport = dn_store_get_passport (department.replica, passport_id, NULL);
    g_assert_nonnull (passport);
    form = dn_passport_forms_hand_out (GTK_WIDGET (department.window), department.replica, passport);
    dn_ui_spin (0);
    dn_ui_set_text (form, "Hand-out date", "25/3/2026");
    g_assert_false (save_and_wait (form));
    g_assert_nonnull (strstr (dn_form_dialog_get_error (form), "C1000001"));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (form))), ==, "_Confirm");
    g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan"), ==, 0);
    g_assert_true (save_and_wait (form));
    g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM passport_loan WHERE passport_id = %"
                                        G_GINT64_FORMAT " AND handed_by = 'so'", passport_id), ==, 1);
    /* and corrects the passport's own record in its form */
    g_clear_object (&passport);
    passport = dn_store_get_passport (department.replica, passport_id, NULL);
    form = dn_passport_forms_edit (GTK_WIDGET (department.window), department.replica, passport);
    dn_ui_spin (0);
    dn_ui_set_text (form, "Issuing authority", "Cục Quản lý xuất nhập cảnh");
    g_assert_true (save_and_wait (form));
    dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT issuing_authority FROM passport WHERE id = %"
                                                     G_GINT64_FORMAT, passport_id), ==, "Cục Quản lý xuất nhập cảnh");
    /* and records its extension */
    g_clear_object (&passport);
    passport = dn_store_get_passport (department.replica, passport_id, NULL);
    form = dn_passport_forms_extend (GTK_WIDGET (department.window), department.replica, passport);
    dn_ui_spin (0);
    dn_ui_set_text (form, "New expiry date", "1/6/2029");
    dn_ui_set_text (form, "Decision or letter", "QĐ 5/CLS");
    g_assert_true (save_and_wait (form));
    dn_test_assert_owned_cmpstr (dn_test_query_text (server, "SELECT expiry_date FROM passport WHERE id = %"
                                                     G_GINT64_FORMAT, passport_id), ==, "2029-06-01");
    g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM passport_event WHERE kind = "
                                        "'extended' AND letter = 'QĐ 5/CLS'"), ==, 1);
  }

  /* the department registers a document: numbered by the server; the
   * same number and symbol again asks to be saved anyway */
  {
    DnFormDialog *form = dn_document_register_form_new (GTK_WINDOW (department.window), department.replica, 0,
                                                        DN_DIRECTION_OUTGOING, &today, NULL, NULL, &error);
    g_autofree char *number = NULL;

    g_assert_no_error (error);
    present_over (GTK_WINDOW (form), &department);
    dn_ui_set_text (form, "Subject", "Kế hoạch hợp tác");
    dn_ui_set_text (form, "Symbol", "KH-SGDĐT");
    g_assert_true (save_and_wait (form));
    number = dn_test_query_text (f->server_store.store, "SELECT number FROM document WHERE subject = "
                                                        "'Kế hoạch hợp tác'");
    g_assert_cmpstr (number, !=, "");
    dn_test_assert_owned_cmpstr (dn_test_query_text (department.replica, "SELECT number FROM document WHERE "
                                                     "subject = 'Kế hoạch hợp tác'"), ==, number);
    form = dn_document_register_form_new (GTK_WINDOW (department.window), department.replica, 0,
                                          DN_DIRECTION_OUTGOING, &today, NULL, NULL, &error);
    g_assert_no_error (error);
    present_over (GTK_WINDOW (form), &department);
    dn_ui_set_text (form, "Subject", "Bản trùng");
    dn_ui_set_text (form, "Number", number);
    dn_ui_set_text (form, "Symbol", "KH-SGDĐT");
    g_assert_false (save_and_wait (form));
    g_assert_nonnull (strstr (dn_form_dialog_get_error (form), "already in the register"));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (form))), ==, "Save _Anyway");
    g_assert_true (save_and_wait (form));
    g_assert_cmpint (dn_test_query_int (f->server_store.store, "SELECT count(*) FROM document WHERE symbol = "
                                        "'KH-SGDĐT'"), ==, 2);
  }

  /* and a school's quarterly report received with its PDF: the file sent
   * first, entered in the register on the server with the file attached */
  {
    DnStore *server = f->server_store.store;
    g_autoptr(DnTask) task = dn_task_new ();
    g_autoptr(GPtrArray) owed = NULL;
    g_autofree char *pdf = g_build_filename (f->dir, "bao-cao-quy.pdf", NULL);
    DnOwedQuery query;
    DnFormDialog *form;

    g_free (task->title);
    task->title = g_strdup ("Báo cáo quý công tác đối ngoại");
    task->recurrence = DN_RECURRENCE_QUARTERLY;
    task->due_date = today;
    task->lead_unit_id = f->school;
    g_assert_true (dn_store_add_task (server, task, &error));
    g_assert_no_error (error);
    desktop_sync (&department);
    dn_owed_query_init (&query);
    query.unit_id = f->school;
    owed = dn_store_list_owed_reports (department.replica, &query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (owed->len, ==, 1);
    g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n%%EOF\n", -1, NULL));
    form = dn_report_receipt_form_present (GTK_WIDGET (department.window), department.replica, owed->pdata[0]);
    dn_ui_spin (0);
    gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (form, "receipt-pdf")), pdf);
    g_assert_true (save_and_wait (form));
    g_assert_cmpint (dn_test_query_int (server, "SELECT count(*) FROM report_receipt r JOIN document_attachment da "
                                        "ON da.document_id = r.document_id WHERE r.task_id = %" G_GINT64_FORMAT,
                                        task->id), ==, 1);
    g_assert_cmpint (dn_test_query_int (department.replica, "SELECT count(*) FROM report_receipt WHERE task_id = %"
                                        G_GINT64_FORMAT " AND document_id IS NOT NULL", task->id), ==, 1);
  }

  /* a picture of a server's warning in a form, when asked for */
  if (g_getenv ("DN_SHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("DN_SHOT_DIR"), "connected-warning.png", NULL);
      DnPartnerEditor *shown;

      if (g_strcmp0 (g_getenv ("DN_SHOT_LANGUAGE"), "vi") == 0)
        dn_ui_use_vietnamese ();
      shown = dn_partner_editor_new (department.replica, 0, &today, &error);
      g_assert_no_error (error);
      present_over (GTK_WINDOW (shown), &department);
      /* the fields by their accessible names, in the language shown */
      dn_ui_set_text (shown, g_dgettext (GETTEXT_PACKAGE, "Name"), "Plan International");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (shown, g_dgettext (GETTEXT_PACKAGE,
                                                                                      "Registration paper"))),
                                  DN_REGISTRATION_OPERATION);
      dn_ui_set_text (shown, g_dgettext (GETTEXT_PACKAGE, "Registration paper number"), "77/GĐK-BNG");
      dn_ui_set_text (shown, g_dgettext (GETTEXT_PACKAGE, "Registration expiry date"), "31/12/2099");
      g_assert_false (save_and_wait (shown));
      dn_ui_wait_for_frame (GTK_WIDGET (shown), 5000);
      dn_ui_save_png (GTK_WINDOW (shown), png);
      gtk_window_destroy (GTK_WINDOW (shown));
    }

  desktop_close (&school);
  desktop_close (&department);
}

static DnServerDialog *
find_server_dialog (void)
{
  return DN_SERVER_DIALOG (dn_ui_find_window (DN_TYPE_SERVER_DIALOG));
}

static gboolean
server_dialog_gone (gpointer data)
{
  return find_server_dialog () == NULL;
}

/* The application set to work with a server: it opens the replica at
 * once with the sign-in form over it; signed in, the header bar says so;
 * "Work on This Computer Only" goes back to the local database */
static void
test_application_connected (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DnApplication) app = dn_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *local = g_build_filename (f->dir, "local.db", NULL);
  GSettings *settings;
  DnServerDialog *dialog;
  DnWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  settings = dn_application_get_settings (app);
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "server-address", f->base_uri);
  g_settings_set_string (settings, "server-user", "thbx");
  g_settings_set_string (settings, "database-path", local);

  g_assert_true (dn_application_open_database (app, NULL, &error));
  g_assert_no_error (error);
  window = DN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_nonnull (dn_window_get_connection (window));
  g_assert_true (dn_store_is_read_only (dn_window_get_store (window)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dn_ui_get_named (window, "connection_label"))), ==, "Signed out");
  dialog = find_server_dialog ();
  g_assert_nonnull (dialog);
  /* the address and user from the settings; the password to type */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_named (dialog, "server_user"))), ==, "thbx");
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (dialog, "server_password")), "sai mật khẩu");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until ((DnUiCondition) is_idle, dn_window_get_connection (window), 10000));
  dn_ui_spin (0);
  /* refused: said in the form, which stays */
  g_assert_true (find_server_dialog () == dialog);
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_named (dialog, "server_password")), PASSWORD);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (server_dialog_gone, NULL, 10000));
  g_assert_cmpint (dn_connection_get_state (dn_window_get_connection (window)), ==, DN_CONNECTION_ONLINE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dn_ui_get_named (window, "connection_label"))), ==, "Up to date");

  /* back to this computer's own database */
  g_action_group_activate_action (G_ACTION_GROUP (app), "server-disconnect", NULL);
  dn_ui_spin (0);
  g_assert_cmpstr (g_settings_get_string (settings, "server-address"), ==, "");
  window = DN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_null (dn_window_get_connection (window));
  g_assert_cmpstr (dn_store_get_path (dn_window_get_store (window)), ==, local);
  g_assert_false (dn_store_is_read_only (dn_window_get_store (window)));
  dn_ui_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = NULL;
  int status;

  dn_ui_test_init_accessible (&argc, &argv);
  user_dirs = dn_test_isolate_user_dirs ();
  g_test_add ("/connected/two-desktops", Fixture, NULL, fixture_setup, test_two_desktops, fixture_teardown);
  g_test_add ("/connected/records", Fixture, NULL, fixture_setup, test_connected_records, fixture_teardown);
  g_test_add ("/connected/application", Fixture, NULL, fixture_setup, test_application_connected, fixture_teardown);
  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
