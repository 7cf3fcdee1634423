/* test-window.c: the main window: welcome page, sections, settings, global
 * search, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <gtk/gtk.h>

#include "dn-application.h"
#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-i18n.h"
#include "dn-delegation-details.h"
#include "dn-overdue-notice.h"
#include "dn-partner-details.h"
#include "dn-passport-details.h"
#include "dn-documents-page.h"
#include "dn-overview-page.h"
#include "dn-task-list-view.h"
#include "dn-units-page.h"
#include "dn-rules-dialog.h"
#include "dn-form-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"
#include "dn-unit-chooser.h"
#include "dn-window-context.h"

/* One application for the whole program (a process starts one): a new
 * reference each time. */
static DnApplication *
make_application (void)
{
  static DnApplication *app;
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = dn_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_nonnull (dn_application_get_settings (app));
  return g_object_ref (app);
}

static const char *
main_page (DnWindow *window)
{
  GtkWidget *stack = gtk_window_get_child (GTK_WINDOW (window));

  /* overlay → box → [banner, main_stack] */
  stack = gtk_widget_get_first_child (stack);
  stack = gtk_widget_get_last_child (stack);
  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_welcome_demo (DnTestStore   *fixture,
                   gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (100);
  g_assert_cmpstr (main_page (window), ==, "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  dn_ui_spin (50);
  g_assert_cmpstr (main_page (window), ==, "main");
  g_assert_cmpstr (dn_window_get_section (window), ==, "overview");
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), >, 0);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_UNIT, NULL), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_welcome_empty (DnTestStore   *fixture,
                    gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);

  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  dn_ui_spin (50);
  g_assert_cmpstr (main_page (window), ==, "main");
  g_assert_cmpstr (dn_window_get_section (window), ==, "units");
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_UNIT, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_settings_remembered (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(DnApplication) app = make_application ();
  GSettings *settings = dn_application_get_settings (app);
  DnWindow *window;

  dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_settings_set_string (settings, "last-section", "units");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = dn_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  g_assert_cmpstr (dn_window_get_section (window), ==, "units");
  /* only the section shown is built at launch; the others when first shown */
  g_assert_nonnull (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_UNITS_PAGE));
  g_assert_null (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_OVERVIEW_PAGE));
  g_assert_null (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_TASK_LIST_VIEW));
  g_assert_null (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_DOCUMENTS_PAGE));
  {
    int w, h;
    gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
    g_assert_cmpint (w, ==, 900);
    g_assert_cmpint (h, ==, 640);
  }

  /* choosing a section and resizing are kept when the window closes */
  dn_window_show_section (window, "tasks");
  g_assert_nonnull (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_TASK_LIST_VIEW));
  g_assert_null (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_DOCUMENTS_PAGE));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-section");
    g_assert_cmpstr (last, ==, "tasks");
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  dn_ui_spin (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  /* a new window opens where the officer left */
  window = dn_window_new (app, fixture->store);
  g_assert_cmpstr (dn_window_get_section (window), ==, "tasks");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The global search runs off the main loop: its results, once in. */
static void
search_and_wait (DnWindow   *window,
                 const char *text)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  dn_global_search_search (dn_window_get_global_search (window), text);
  while (dn_global_search_is_searching (dn_window_get_global_search (window)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (dn_global_search_is_searching (dn_window_get_global_search (window)));
}

static void
test_global_search (DnTestStore   *fixture,
                    gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  GListModel *results = dn_global_search_get_results (dn_window_get_global_search (window));
  gint64 unit = dn_test_add_unit (fixture->store, "TCCB", "Phòng Tổ chức Cán bộ", DN_UNIT_KIND_DIVISION, 0);
  gint64 task;
  guint n;
  DnRecordKind last_kind = DN_RECORD_N;
  guint n_headers = 0, n_hits = 0;

  dn_test_add_person (fixture->store, "Trần", "Hộ", "Chiếu", unit);
  task = dn_test_add_task (fixture->store, "Quản lý hộ chiếu sau chuyến đi", unit, NULL, NULL);
  dn_test_add_task (fixture->store, "Báo cáo đoàn ra", unit, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);

  search_and_wait (window, "ho chieu");
  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, >=, 4);
  /* grouped: a heading (id 0) before the hits of each kind, tasks first */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, i);

      if (hit->id == 0)
        {
          n_headers++;
          g_assert_true (hit->kind != last_kind);
          last_kind = hit->kind;
          if (i == 0)
            g_assert_cmpint (hit->kind, ==, DN_RECORD_TASK);
        }
      else
        {
          n_hits++;
          g_assert_cmpint (hit->kind, ==, last_kind);
          if (i == 1)
            g_assert_cmpint (hit->id, ==, task);
        }
    }
  g_assert_cmpuint (n_headers, ==, 2);   /* a task, a person */
  g_assert_cmpuint (n_hits, ==, 2);

  /* the results of the text before stay until the new ones are in */
  dn_global_search_search (dn_window_get_global_search (window), "zzzz khong co");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n);
  search_and_wait (window, "zzzz khong co");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  {
    g_autoptr(DnSearchHit) none = g_list_model_get_item (results, 0);
    g_assert_cmpint (none->id, ==, 0);
  }
  dn_global_search_search (dn_window_get_global_search (window), "");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The hit of @kind and @id among the results, or NULL. */
static DnSearchHit *
find_hit (GListModel   *results,
          DnRecordKind  kind,
          gint64        id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, i);

      if (hit->kind == kind && hit->id == id)
        return g_steal_pointer (&hit);
    }
  return NULL;
}

/* A partner's details window showing partner @data is open. */
static gboolean
has_partner_details_of (gpointer data)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DN_IS_PARTNER_DETAILS (window) &&
          dn_partner_details_get_partner (DN_PARTNER_DETAILS (window)) == GPOINTER_TO_INT (data))
        return TRUE;
    }
  return FALSE;
}

/* A delegation, a passport, a partner or a project found by the header's search opens
 * where the officer works on it: the delegation's and the passport's
 * details, the partner in its section. */
static void
test_global_search_opens (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnWindow *window;
  DnGlobalSearch *search;
  GListModel *results;

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  window = dn_window_new (NULL, fixture->store);
  search = dn_window_get_global_search (window);
  results = dn_global_search_get_results (search);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);

  search_and_wait (window, "han quoc");
  {
    g_autoptr(DnSearchHit) hit = find_hit (results, DN_RECORD_DELEGATION, 2);

    g_assert_nonnull (hit);
    g_signal_emit_by_name (search, "open-hit", hit);
    dn_ui_spin (200);
    g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_DELEGATION_DETAILS), ==, 1);
  }
  search_and_wait (window, "B2205169");
  {
    g_autoptr(DnSearchHit) hit = find_hit (results, DN_RECORD_PASSPORT, 2);

    g_assert_nonnull (hit);
    g_signal_emit_by_name (search, "open-hit", hit);
    dn_ui_spin (200);
    g_assert_cmpstr (dn_window_get_section (window), ==, "passports");
    g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_PASSPORT_DETAILS), ==, 1);
  }
  search_and_wait (window, "global care");
  {
    g_autoptr(DnSearchHit) hit = find_hit (results, DN_RECORD_PARTNER, 2);

    g_assert_nonnull (hit);
    g_signal_emit_by_name (search, "open-hit", hit);
    dn_ui_spin (200);
    g_assert_cmpstr (dn_window_get_section (window), ==, "partners");
  }
  /* a project opens its partner (read on the worker) */
  search_and_wait (window, "tro giang tinh nguyen");
  {
    g_autoptr(DnSearchHit) hit = find_hit (results, DN_RECORD_PROJECT, 4);

    g_assert_nonnull (hit);
    g_signal_emit_by_name (search, "open-hit", hit);
    g_assert_true (dn_ui_wait_until ((DnUiCondition) has_partner_details_of, GINT_TO_POINTER (5), 5000));
    g_assert_cmpstr (dn_window_get_section (window), ==, "partners");
  }
  dn_ui_destroy_all_windows ();
}

static gboolean
restore_task (DnStore   *store,
              gpointer   data,
              GError   **error)
{
  return dn_store_restore_task (store, *(gint64 *) data, error);
}

static void
test_undo (DnTestStore   *fixture,
           gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnWindowContext *context = dn_window_get_context (window);
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  gint64 task = dn_test_add_task (fixture->store, "Tổng hợp báo cáo năm", unit, NULL, NULL);
  gint64 *id = g_new (gint64, 1);

  *id = task;
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  /* nothing to undo yet: nothing happens */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 1);

  g_assert_true (dn_store_delete_task (fixture->store, task, NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);
  dn_window_context_push_undo (context, "deleted", restore_task, id, g_free);
  /* the window shows the step's message as its toast */
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "deleted"));
  g_assert_true (dn_window_context_can_undo (context));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "Undone."));
  g_assert_false (dn_window_context_can_undo (context));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 1);
  /* one undo step: a second Ctrl+Z does nothing */
  g_assert_true (dn_store_delete_task (fixture->store, task, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_message_cb (DnWindowContext *context,
               const char      *text,
               gboolean         with_undo,
               GString         *log)
{
  g_string_append_printf (log, "%s%s;", text, with_undo ? " [undo]" : "");
}

static gboolean
undo_closure_cb (DnStore  *store,
                 GError  **error,
                 gpointer  user_data)
{
  gint64 *id = user_data;

  return dn_store_restore_task (store, *id, error);
}

static gboolean
failing_undo (DnStore   *store,
              gpointer   data,
              GError   **error)
{
  g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, "cannot");
  return FALSE;
}

/* Widgets reach the window through its context: from any widget inside,
 * and from a dialog over it */
static void
test_context (DnTestStore   *fixture,
              gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnWindowContext *context = dn_window_get_context (window);
  g_autoptr(GString) log = g_string_new (NULL);
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  gint64 task = dn_test_add_task (fixture->store, "Tổng hợp báo cáo năm", unit, NULL, NULL);
  GtkWindow *dialog = GTK_WINDOW (gtk_window_new ());
  GtkWidget *inside = gtk_label_new ("x");
  GtkWidget *loose = gtk_label_new ("y");
  g_autoptr(DnWindowContext) other = dn_window_context_new (fixture->store, NULL);

  g_object_ref_sink (loose);
  g_assert_true (DN_IS_WINDOW_CONTEXT (context));
  g_assert_true (dn_window_context_get_store (context) == fixture->store);
  g_assert_null (dn_window_context_get_settings (context));
  g_assert_cmpint (dn_window_context_get_my_unit (context), ==, 0);

  /* from the window, from a widget deep inside, from a dialog's widget */
  g_assert_true (dn_window_context_from_widget (GTK_WIDGET (window)) == context);
  g_assert_true (dn_window_context_from_widget (gtk_window_get_child (GTK_WINDOW (window))) == context);
  gtk_window_set_child (dialog, inside);
  g_assert_null (dn_window_context_from_widget (inside));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  g_assert_true (dn_window_context_from_widget (inside) == context);
  /* outside any window: none, unless one is attached */
  g_assert_null (dn_window_context_from_widget (loose));
  dn_window_context_attach (loose, other);
  g_assert_true (dn_window_context_from_widget (loose) == other);
  dn_window_context_attach (loose, NULL);
  g_assert_null (dn_window_context_from_widget (loose));

  g_signal_connect (context, "message", G_CALLBACK (on_message_cb), log);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  /* nothing to undo yet */
  g_assert_false (dn_window_context_can_undo (context));
  g_assert_false (dn_window_context_undo (context, NULL));

  /* a message: the toast */
  dn_window_context_show_message (context, "saved");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "saved"));

  /* an undo step as a closure */
  g_assert_true (dn_store_delete_task (fixture->store, task, NULL));
  dn_window_context_push_undo_closure (context, "deleted",
                                       g_cclosure_new (G_CALLBACK (undo_closure_cb), g_memdup2 (&task, sizeof task),
                                                       (GClosureNotify) (void (*) (void)) g_free));
  g_assert_cmpstr (dn_window_context_get_undo_label (context), ==, "deleted");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (dn_store_count (fixture->store, DN_RECORD_TASK, NULL), ==, 1);
  g_assert_null (dn_window_context_get_undo_label (context));

  /* a step that fails says why, and is gone */
  dn_window_context_push_undo (context, "changed", failing_undo, NULL, NULL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (dn_window_context_undo (context, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  }
  g_assert_false (dn_window_context_can_undo (context));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "cannot"));

  g_assert_cmpstr (log->str, ==, "saved;deleted [undo];Undone.;changed [undo];cannot;");

  g_object_unref (loose);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Properties of every value type go through the type's getter and setter */
static void
test_properties (DnTestStore   *fixture,
                 gconstpointer  data)
{
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, NULL);
  GtkWidget *chooser = g_object_ref_sink (dn_unit_chooser_new (fixture->store, FALSE));
  DnFormDialog *dialog = dn_form_dialog_new ("Title", "_Save");
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  g_autoptr(DnStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *none_label = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *save_label = NULL;
  gboolean can_undo = TRUE;
  gboolean multiple = TRUE;
  gint64 exclude = -1;
  gint64 keep = -1;
  gint64 selected = -1;
  guint notified = 0;

  /* objects (construct-only) and a read-only boolean */
  g_object_get (context, "store", &store, "settings", &settings, "can-undo", &can_undo, NULL);
  g_assert_true (store == fixture->store);
  g_assert_null (settings);
  g_assert_false (can_undo);
  dn_window_context_push_undo (context, "changed", failing_undo, NULL, NULL);
  g_object_get (context, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);

  /* int64, boolean and string; the setters notify once per change */
  g_signal_connect (chooser, "notify::keep-id", G_CALLBACK (count_notify_cb), &notified);
  g_object_set (chooser, "exclude-id", (gint64) 7, "keep-id", (gint64) 9, "multiple", TRUE,
                "none-label", "No unit", "selected-id", unit, NULL);
  g_object_set (chooser, "keep-id", (gint64) 9, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (dn_unit_chooser_get_exclude_id (DN_UNIT_CHOOSER (chooser)), ==, 7);
  g_assert_cmpint (dn_unit_chooser_get_unit (DN_UNIT_CHOOSER (chooser)), ==, unit);
  g_object_get (chooser, "exclude-id", &exclude, "keep-id", &keep, "multiple", &multiple,
                "none-label", &none_label, "selected-id", &selected, NULL);
  g_assert_cmpint (exclude, ==, 7);
  g_assert_cmpint (keep, ==, 9);
  g_assert_true (multiple);
  g_assert_cmpstr (none_label, ==, "No unit");
  g_assert_cmpint (selected, ==, unit);
  g_object_set (chooser, "multiple", FALSE, NULL);
  g_assert_false (dn_chooser_get_multiple (DN_CHOOSER (chooser)));

  /* strings read from the dialog's widgets */
  g_object_get (dialog, "intro", &intro, "save-label", &save_label, NULL);
  g_assert_null (intro);
  g_assert_cmpstr (save_label, ==, "_Save");
  g_object_set (dialog, "intro", "Read this first", "save-label", "_Add", NULL);
  g_clear_pointer (&intro, g_free);
  g_clear_pointer (&save_label, g_free);
  g_object_get (dialog, "intro", &intro, "save-label", &save_label, NULL);
  g_assert_cmpstr (intro, ==, "Read this first");
  g_assert_cmpstr (save_label, ==, "_Add");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), "Read this first"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (chooser);
}

/* The shortcuts window: translated title, and every accelerator it lists
 * does something: an application accelerator, or a shortcut of a widget of
 * the open windows (the task list with rows, the task editor). */
static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *triggers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          g_ptr_array_add (triggers, g_object_ref (gtk_shortcut_get_trigger (shortcut)));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, triggers);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 GtkShortcutTrigger *wanted)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted);
  return gtk_shortcut_trigger_equal (trigger, wanted);
}

static void
collect_listed (GtkWidget *widget,
                GPtrArray *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      g_ptr_array_add (accels, accel);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, accels);
}

static void
test_shortcuts_window (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(DnApplication) app = make_application ();
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GtkShortcutsWindow *overlay;
  DnWindow *window;
  GList *toplevels;

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  window = dn_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "tasks");
  dn_ui_spin (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-task", NULL));
  dn_ui_spin (100);

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (overlay)), ==, "Keyboard Shortcuts");
  collect_listed (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >=, 10);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) overlay)
      collect_shortcuts (l->data, triggers);
  g_list_free (toplevels);

  for (guint i = 0; i < listed->len; i++)
    {
      const char *accel = listed->pdata[i];
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);
      g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
      gboolean found = actions != NULL && actions[0] != NULL;

      g_assert_nonnull (wanted);
      for (guint j = 0; j < triggers->len && !found; j++)
        found = trigger_matches (triggers->pdata[j], wanted);
      if (!found)
        g_error ("the shortcuts window lists %s, which nothing handles", accel);
    }
  {
    gboolean has_save = FALSE;

    for (guint i = 0; i < listed->len; i++)
      has_save |= g_str_equal (listed->pdata[i], "<Control>s");
    g_assert_true (has_save);
  }
  dn_ui_destroy_all_windows ();
}

/* A short message of the toast on one line. */
static void
test_toast_one_line (DnTestStore   *fixture,
                     gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  GtkWidget *label;

  dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (50);
  dn_window_context_show_message (dn_window_get_context (window), "Đã hoàn tác.");
  label = dn_ui_find_text (GTK_WIDGET (window), "Đã hoàn tác.");
  g_assert_nonnull (label);
  /* shown (the toast slides in: a while on a slow or busy machine) */
  g_assert_true (dn_ui_wait_until ((DnUiCondition) gtk_widget_get_mapped, label, 10000));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  /* and a longer one too */
  dn_window_context_show_message (dn_window_get_context (window), "Đã xóa nhiệm vụ “Báo cáo kết quả hợp tác quốc tế”.");
  dn_ui_spin (400);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
overview_read (DnOverviewPage *page)
{
  return gtk_widget_get_mapped (GTK_WIDGET (page)) && !dn_overview_page_is_loading (page);
}

/* Until the overview shown has read the store (on the query worker: a
 * while on a slow or busy machine) and shows it. */
static void
wait_overview_read (DnWindow *window)
{
  DnOverviewPage *page = DN_OVERVIEW_PAGE (dn_window_get_section_page (window, "overview"));

  dn_ui_spin (0);
  g_assert_true (dn_ui_wait_until ((DnUiCondition) overview_read, page, 30000));
  dn_ui_spin (0);
}

/* The overview in English: the date and the quarter in English, counts in
 * their plural forms, the cards named by title and figure. */
static void
test_overview_language (DnTestStore   *fixture,
                        gconstpointer  data)
{
  GDate today = dn_test_date (2026, 12, 7);
  DnWindow *window;
  gint64 unit = dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  GDate due = dn_test_date (2026, 12, 1);

  dn_date_set_today (&today);
  dn_test_add_task (fixture->store, "Báo cáo hợp tác quốc tế", unit, &due, NULL);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "overview");
  wait_overview_read (window);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "December 7, 2026"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "Completion by lead unit, Q4 2026"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "1 unit · 0 people · 0 documents · 1 task · "
                                                          "0 delegations · 0 passports · 0 partners"));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "0 of 1 done, 1 overdue"));
  gtk_window_destroy (GTK_WINDOW (window));
  dn_date_set_today (NULL);
}

/* The figure shown by the overview card that links to @target. */
static const char *
card_figure (DnWindow   *window,
             const char *target)
{
  GtkWidget *card = dn_ui_get_named (window, target);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (card));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

/* The cards of the delegations, passports and partners on the demo's day:
 * each with its figure, late ones marked, and each a link to
 * the list its figure counts; the same link to a list that does not exist
 * changes nothing. */
static void
test_overview_alerts (DnTestStore   *fixture,
                      gconstpointer  data)
{
  GDate today = dn_test_date (2026, 11, 22);
  g_autoptr(GError) error = NULL;
  DnWindow *window;
  GtkWidget *card;

  dn_date_set_today (&today);
  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "overview");
  wait_overview_read (window);

  g_assert_cmpstr (card_figure (window, "delegations-out:abroad"), ==, "2");
  card = dn_ui_get_named (window, "passports:overdue");
  g_assert_cmpstr (card_figure (window, "passports:overdue"), ==, "1");
  g_assert_true (gtk_widget_has_css_class (card, "dn-danger"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (card)), ==, "win.show-list");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (card)), NULL),
                   ==, "passports:overdue");
  g_assert_cmpstr (card_figure (window, "delegations-out:report-overdue"), ==, "1");
  g_assert_cmpstr (card_figure (window, "passports:expiring"), ==, "3");
  g_assert_true (gtk_widget_has_css_class (dn_ui_get_named (window, "passports:expiring"), "dn-warning"));
  g_assert_cmpstr (card_figure (window, "partners:expiring"), ==, "1");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), "Partner registrations expiring"));

  /* the report recorded: the figure goes to 0 and the card is no longer late */
  dn_test_exec (fixture->store, "UPDATE delegation SET report_submitted_on = '2026-11-20' WHERE id = 2");
  dn_overview_page_reload (DN_OVERVIEW_PAGE (dn_window_get_section_page (window, "overview")));
  wait_overview_read (window);
  g_assert_cmpstr (card_figure (window, "delegations-out:report-overdue"), ==, "0");
  g_assert_false (gtk_widget_has_css_class (dn_ui_get_named (window, "delegations-out:report-overdue"), "dn-danger"));

  /* a visit received whose report is late: its own card, opening the
   * inbound delegations */
  g_assert_cmpstr (card_figure (window, "delegations-in:report-overdue"), ==, "0");
  dn_test_exec (fixture->store, "UPDATE delegation SET report_submitted_on = NULL, report_due_date = '2019-06-05' WHERE id = 6");
  dn_overview_page_reload (DN_OVERVIEW_PAGE (dn_window_get_section_page (window, "overview")));
  wait_overview_read (window);
  g_assert_cmpstr (card_figure (window, "delegations-in:report-overdue"), ==, "1");
  g_assert_cmpstr (card_figure (window, "delegations-out:report-overdue"), ==, "0");
  g_assert_true (gtk_widget_has_css_class (dn_ui_get_named (window, "delegations-in:report-overdue"), "dn-danger"));
  g_assert_true (dn_window_show_list (window, "delegations-in:report-overdue"));
  g_assert_cmpstr (dn_window_get_section (window), ==, "delegations-in");
  dn_window_show_section (window, "overview");

  /* a link opens its list; one to nothing changes nothing */
  g_assert_true (dn_window_show_list (window, "tasks:overdue"));
  g_assert_cmpstr (dn_window_get_section (window), ==, "tasks");
  dn_window_show_section (window, "overview");
  g_test_expect_message ("dn-window", G_LOG_LEVEL_WARNING, "No list “nowhere:overdue”");
  g_assert_false (dn_window_show_list (window, "nowhere:overdue"));
  g_test_expect_message ("dn-window", G_LOG_LEVEL_WARNING, "No list “tasks:no-such-preset”");
  g_assert_false (dn_window_show_list (window, "tasks:no-such-preset"));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (dn_window_get_section (window), ==, "overview");

  gtk_window_destroy (GTK_WINDOW (window));
  dn_date_set_today (NULL);
}

/* What the start-up notification says and opens: the overdue passports,
 * the late reports, or the overview when both are late; nothing when
 * nothing is. Its action opens that list in the window. */
static void
test_overdue_notice (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(DnApplication) app = make_application ();
  gint64 counts[DN_ALERT_N] = { 0 };
  DnWindow *window;

  {
    g_autofree char *body = NULL;
    g_autofree char *link = NULL;
    g_autoptr(GNotification) none = NULL;

    counts[DN_ALERT_STAFF_ABROAD] = 4;
    counts[DN_ALERT_PASSPORTS_EXPIRING] = 2;
    g_assert_false (dn_overdue_notice_describe (counts, &body, &link));
    none = dn_overdue_notice_new (counts);
    g_assert_null (none);
  }
  {
    g_autofree char *body = NULL;
    g_autofree char *link = NULL;

    counts[DN_ALERT_PASSPORTS_OVERDUE] = 2;
    g_assert_true (dn_overdue_notice_describe (counts, &body, &link));
    g_assert_cmpstr (body, ==, "2 passports have not been handed back in time.");
    g_assert_cmpstr (link, ==, "passports:overdue");
  }
  {
    g_autofree char *body = NULL;
    g_autofree char *link = NULL;

    counts[DN_ALERT_REPORTS_OVERDUE] = 1;
    g_assert_true (dn_overdue_notice_describe (counts, &body, &link));
    g_assert_cmpstr (body, ==, "2 passports have not been handed back in time.\n1 trip results report is overdue.");
    g_assert_cmpstr (link, ==, "overview");
  }
  {
    g_autofree char *body = NULL;
    g_autofree char *link = NULL;
    g_autoptr(GNotification) notification = NULL;

    counts[DN_ALERT_PASSPORTS_OVERDUE] = 0;
    g_assert_true (dn_overdue_notice_describe (counts, &body, &link));
    g_assert_cmpstr (body, ==, "1 trip results report is overdue.");
    g_assert_cmpstr (link, ==, "delegations-out:report-overdue");
    notification = dn_overdue_notice_new (counts);
    g_assert_true (G_IS_NOTIFICATION (notification));
  }
  {
    g_autofree char *body = NULL;
    g_autofree char *link = NULL;

    /* a visit received: its own line; alone, the inbound list */
    counts[DN_ALERT_VISIT_REPORTS_OVERDUE] = 3;
    g_assert_true (dn_overdue_notice_describe (counts, &body, &link));
    g_assert_cmpstr (body, ==, "1 trip results report is overdue.\n3 reports on visits received are overdue.");
    g_assert_cmpstr (link, ==, "overview");
    g_clear_pointer (&body, g_free);
    g_clear_pointer (&link, g_free);
    counts[DN_ALERT_REPORTS_OVERDUE] = 0;
    g_assert_true (dn_overdue_notice_describe (counts, &body, &link));
    g_assert_cmpstr (body, ==, "3 reports on visits received are overdue.");
    g_assert_cmpstr (link, ==, "delegations-in:report-overdue");
    counts[DN_ALERT_VISIT_REPORTS_OVERDUE] = 0;
    counts[DN_ALERT_REPORTS_OVERDUE] = 1;
  }

  /* the notification's action, app.show-list, opens the list in the window */
  window = dn_window_new (app, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (100);
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-list", g_variant_new_string ("tasks:overdue"));
  dn_ui_spin (100);
  g_assert_cmpstr (dn_window_get_section (window), ==, "tasks");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-list", g_variant_new_string ("overview"));
  g_assert_cmpstr (dn_window_get_section (window), ==, "overview");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The department's rules from the menu: the form shows the stored values,
 * saves what changed in the database, and shows it again next time. */
static void
test_rules_dialog (DnTestStore   *fixture,
                   gconstpointer  data)
{
  DnWindow *window = dn_window_new (NULL, fixture->store);
  DnFormDialog *dialog;
  GtkWidget *field;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rules", NULL));
  dn_ui_spin (100);
  dialog = DN_FORM_DIALOG (dn_ui_find_window (DN_TYPE_FORM_DIALOG));
  g_assert_nonnull (dialog);
  field = dn_rules_dialog_get_field (dialog, DN_SETTING_PASSPORT_RETURN_DAYS);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field)), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dn_rules_dialog_get_field (dialog, DN_SETTING_LIMIT_MEMBERS)), 10);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_rules_dialog_get_field (dialog, DN_SETTING_REPORT_WORKING_DAYS)), TRUE);
  g_assert_true (dn_form_dialog_save (dialog));
  dn_ui_spin (100);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_LIMIT_MEMBERS), ==, 10);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_REPORT_WORKING_DAYS), ==, 1);
  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_PASSPORT_RETURN_DAYS), ==, 5);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM setting"), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rules", NULL));
  dn_ui_spin (100);
  dialog = DN_FORM_DIALOG (dn_ui_find_window (DN_TYPE_FORM_DIALOG));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dn_rules_dialog_get_field (dialog, DN_SETTING_LIMIT_MEMBERS))),
                   ==, 10);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Run from the build folder, the application finds its icon (in its
 * resources), its translations and its settings (in the build folder). */
static void
test_uninstalled (DnTestStore   *fixture,
                  gconstpointer  data)
{
  g_autoptr(DnApplication) app = make_application ();
  const char *build = g_getenv ("DN_BUILD_ROOT");
  g_autofree char *expected = build != NULL ? g_canonicalize_filename (build, NULL) : NULL;
  g_autofree char *po = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  g_assert_nonnull (expected);
  g_assert_cmpstr (dn_i18n_get_build_root (), ==, expected);
  po = g_build_filename (expected, "po", "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (po, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);

  DN_TEST_ADD ("/window/welcome/load-demo", test_welcome_demo);
  DN_TEST_ADD ("/window/welcome/start-empty", test_welcome_empty);
  DN_TEST_ADD ("/window/settings-remembered", test_settings_remembered);
  DN_TEST_ADD ("/window/global-search", test_global_search);
  DN_TEST_ADD ("/window/global-search-opens", test_global_search_opens);
  DN_TEST_ADD ("/window/undo", test_undo);
  DN_TEST_ADD ("/window/context", test_context);
  DN_TEST_ADD ("/window/properties", test_properties);
  DN_TEST_ADD ("/window/shortcuts", test_shortcuts_window);
  DN_TEST_ADD ("/window/toast-one-line", test_toast_one_line);
  DN_TEST_ADD ("/window/overview-language", test_overview_language);
  DN_TEST_ADD ("/window/overview-alerts", test_overview_alerts);
  DN_TEST_ADD ("/window/overdue-notice", test_overdue_notice);
  DN_TEST_ADD ("/window/rules-dialog", test_rules_dialog);
  DN_TEST_ADD ("/window/uninstalled", test_uninstalled);
  return g_test_run ();
}
