/* test-details-window.c: what every window of one record does the same
 * way (DnDetailsWindow): the task, document, delegation, passport and
 * partner details keep the store and the record, close on Escape, follow
 * the store's changes (at once, or once per burst at idle), and stay open
 * on a record that was deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-details-window"

#include "config.h"

#include <gtk/gtk.h>

#include "dn-date.h"
#include "dn-delegation-details.h"
#include "dn-details-window.h"
#include "dn-document-details.h"
#include "dn-partner-details.h"
#include "dn-passport-details.h"
#include "dn-task-details.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"

typedef struct
{
  gint64 task, document, delegation, passport, partner;
} World;

static World
make_world (DnStore *store)
{
  World w;
  GDate today = dn_test_date (2025, 2, 10);
  gint64 unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 person = dn_test_add_person (store, "Nguyễn", "Văn", "An", unit);
  g_autoptr(DnPartner) partner = dn_partner_new ();
  g_autoptr(GError) error = NULL;

  w.task = dn_test_add_task (store, "Báo cáo công tác đối ngoại", unit, &today, NULL);
  w.document = dn_test_add_document (store, "14", "KH-SGDĐT", "Kế hoạch hợp tác quốc tế", &today);
  dn_test_exec (store, "INSERT INTO delegation (direction, title, start_date, end_date) "
                       "VALUES ('outbound', 'Đoàn học tập tại Hàn Quốc', '2025-03-01', '2025-03-07')");
  w.delegation = dn_test_query_int (store, "SELECT max(id) FROM delegation");
  dn_test_exec (store,
                "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2021-01-01', '2029-01-01')", person);
  w.passport = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'C1000001'");
  g_free (partner->name);
  partner->name = g_strdup ("Tổ chức Cứu trợ Trẻ em");
  g_assert_true (dn_store_add_partner (store, partner, &today, FALSE, &error));
  g_assert_no_error (error);
  w.partner = partner->id;
  return w;
}

/* The action Escape sends from @widget through its class's shortcuts;
 * NULL when none. */
static char *
action_of_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 && GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static gboolean
title_is (gpointer data)
{
  GtkWindow *window = data;

  return g_strcmp0 (gtk_window_get_title (window), g_object_get_data (G_OBJECT (window), "expected")) == 0;
}

/* @window shows record @id of @store, titled @title (once read), and
 * Escape closes it. */
static void
assert_details (GtkWindow  *window,
                DnStore    *store,
                gint64      id,
                const char *title)
{
  g_autofree char *escape = NULL;

  g_assert_true (DN_IS_DETAILS_WINDOW (window));
  g_assert_true (dn_details_window_get_store (window) == store);
  g_assert_cmpint (dn_details_window_get_id (window), ==, id);
  gtk_window_present (window);
  g_object_set_data (G_OBJECT (window), "expected", (gpointer) title);
  g_assert_true (dn_ui_wait_until (title_is, window, 5000));
  escape = action_of_escape (GTK_WIDGET (window));
  g_assert_cmpstr (escape, ==, "window.close");
}

static void
test_windows (DnTestStore   *fixture,
              gconstpointer  data)
{
  World w = make_world (fixture->store);
  GDate today = dn_test_date (2025, 2, 10);

  assert_details (GTK_WINDOW (dn_task_details_new (fixture->store, w.task)), fixture->store, w.task,
                  "Báo cáo công tác đối ngoại");
  g_assert_cmpint (dn_task_details_get_task (DN_TASK_DETAILS (dn_ui_find_window (DN_TYPE_TASK_DETAILS))), ==, w.task);
  /* the open window of a record: by its type and id, and over a window */
  g_assert_true (dn_details_window_find (DN_TYPE_TASK_DETAILS, w.task, NULL) == dn_ui_find_window (DN_TYPE_TASK_DETAILS));
  g_assert_null (dn_details_window_find (DN_TYPE_TASK_DETAILS, w.task + 1, NULL));
  g_assert_null (dn_details_window_find (DN_TYPE_DOCUMENT_DETAILS, w.task, NULL));
  {
    GtkWindow *main_window = GTK_WINDOW (gtk_window_new ());

    g_assert_null (dn_details_window_find (DN_TYPE_TASK_DETAILS, w.task, main_window));
    gtk_window_set_transient_for (dn_ui_find_window (DN_TYPE_TASK_DETAILS), main_window);
    g_assert_true (dn_details_window_find (DN_TYPE_TASK_DETAILS, w.task, main_window) ==
                   dn_ui_find_window (DN_TYPE_TASK_DETAILS));
  }
  assert_details (GTK_WINDOW (dn_document_details_new (fixture->store, w.document)), fixture->store, w.document,
                  "14/KH-SGDĐT");
  assert_details (dn_delegation_details_new (fixture->store, w.delegation), fixture->store, w.delegation,
                  "Đoàn học tập tại Hàn Quốc");
  assert_details (GTK_WINDOW (dn_passport_details_new (fixture->store, w.passport)), fixture->store, w.passport,
                  "C1000001 — Nguyễn Văn An");
  /* the partner's details read on the query worker once shown */
  assert_details (GTK_WINDOW (dn_partner_details_new (fixture->store, w.partner, &today)), fixture->store, w.partner,
                  "Tổ chức Cứu trợ Trẻ em");

  /* Escape's action closes the window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dn_ui_find_window (DN_TYPE_PASSPORT_DETAILS)), "window.close",
                                             NULL));
  dn_ui_spin (0);
  g_assert_null (dn_ui_find_window (DN_TYPE_PASSPORT_DETAILS));
  dn_ui_destroy_all_windows ();
  dn_ui_spin (10);
}

/* A passport's window reads it again at each change; a task's once per
 * burst of changes, at idle. A record deleted leaves its window open,
 * saying so. */
static void
test_follows_store (DnTestStore   *fixture,
                    gconstpointer  data)
{
  World w = make_world (fixture->store);
  DnPassportDetails *passport_details = dn_passport_details_new (fixture->store, w.passport);
  DnTaskDetails *task_details = dn_task_details_new (fixture->store, w.task);
  DnDocumentDetails *document_details = dn_document_details_new (fixture->store, w.document);
  g_autoptr(DnPassport) passport = NULL;
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (passport_details));
  gtk_window_present (GTK_WINDOW (task_details));
  gtk_window_present (GTK_WINDOW (document_details));
  dn_ui_spin (50);

  passport = dn_store_get_passport (fixture->store, w.passport, &error);
  g_assert_no_error (error);
  g_free (passport->number);
  passport->number = g_strdup ("C1000009");
  g_assert_true (dn_store_update_passport (fixture->store, passport, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (passport_details)), ==, "C1000009 — Nguyễn Văn An");

  task = dn_test_get_task (fixture->store, w.task);
  g_free (task->title);
  task->title = g_strdup ("Báo cáo quý");
  g_assert_true (dn_store_update_task (fixture->store, task, &error));
  g_assert_no_error (error);
  g_free (task->title);
  task->title = g_strdup ("Báo cáo quý I");
  g_assert_true (dn_store_update_task (fixture->store, task, &error));
  g_assert_no_error (error);
  /* read at idle: the window still shows what it read before */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (task_details)), ==, "Báo cáo công tác đối ngoại");
  dn_ui_spin (0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (task_details)), ==, "Báo cáo quý I");

  g_assert_true (dn_store_delete_document (fixture->store, w.document, &error));
  g_assert_no_error (error);
  dn_ui_spin (0);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_DOCUMENT_DETAILS), ==, 1);
  g_assert_true (gtk_widget_get_visible (dn_ui_find_text (GTK_WIDGET (document_details),
                                                          "This document no longer exists.")));

  /* closed, a window reads nothing more */
  gtk_window_destroy (GTK_WINDOW (passport_details));
  g_free (passport->number);
  passport->number = g_strdup ("C1000010");
  g_assert_true (dn_store_update_passport (fixture->store, passport, &error));
  g_assert_no_error (error);
  dn_ui_destroy_all_windows ();
  dn_ui_spin (10);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);
  DN_TEST_ADD ("/details-window/windows", test_windows);
  DN_TEST_ADD ("/details-window/follows-store", test_follows_store);
  return g_test_run ();
}
