/* test-preferences.c: the preferences of the officer (name and position,
 * recorded by reminders and extensions) and of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

#include "dn-form-dialog.h"
#include "dn-preferences-dialog.h"
#include "dn-task-details.h"
#include "dn-task-forms.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window-context.h"

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new ("io.github.doingoai.DoiNgoai");
  const char *keys[] = { "database-path", "officer-name", "officer-position", "show-secret-documents" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static const char *
label_text (gpointer    root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (dn_ui_get_named (root, name)));
}

static char *
get_string (GSettings  *settings,
            const char *key)
{
  return g_settings_get_string (settings, key);
}

/* The database open now first, then the next start's when it is another,
 * then the default one. */
static void
test_database (DnTestStore   *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *default_path = dn_store_default_path ();
  g_autofree char *value = NULL;
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (settings, fixture->store);
  GtkWidget *next;

  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  g_assert_cmpstr (label_text (dialog, "database_path_label"), ==, dn_store_get_path (fixture->store));
  g_assert_cmpstr (label_text (dialog, "database_default_label"), ==, default_path);
  /* the default one opens at the next start: said, since it is another */
  next = dn_ui_get_named (dialog, "database_next_label");
  g_assert_true (gtk_widget_get_mapped (next));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (next)), ==, default_path);

  /* choosing the one open now: nothing more to say */
  g_settings_set_string (settings, "database-path", dn_store_get_path (fixture->store));
  dn_ui_spin (0);
  g_assert_false (gtk_widget_get_mapped (next));
  g_assert_cmpstr (label_text (dialog, "database_path_label"), ==, dn_store_get_path (fixture->store));

  dn_ui_click (dn_ui_get_by_label (dialog, "Use the default database"));
  value = get_string (settings, "database-path");
  g_assert_cmpstr (value, ==, "");
  g_assert_true (gtk_widget_get_mapped (next));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (next)), ==, default_path);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* no database open: said, and where the next start looks */
  dialog = dn_preferences_dialog_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  g_assert_cmpstr (label_text (dialog, "database_path_label"), ==, "No database is open.");
  g_assert_cmpstr (label_text (dialog, "database_next_label"), ==, default_path);
  dn_ui_destroy_all_windows ();
}

static gint64
add_task (DnStore *store,
          gint64  *unit)
{
  GDate due = dn_test_date (2026, 12, 31);

  *unit = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  return dn_test_add_task (store, "Báo cáo hợp tác quốc tế", *unit, &due, NULL);
}

static char *
record_reminder (DnStore *store,
                 gint64   task,
                 gint64   unit)
{
  g_autoptr(DnReminder) reminder = dn_reminder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;

  reminder->task_id = task;
  reminder->unit_id = unit;
  reminder->sent_on = dn_test_date (2026, 12, 7);
  g_assert_true (dn_store_add_reminder (store, reminder, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reminder->id, >, 0);
  reminders = dn_store_list_reminders (store, task, NULL);
  for (guint i = 0; i < reminders->len; i++)
    if (((DnReminder *) reminders->pdata[i])->id == reminder->id)
      return g_strdup (((DnReminder *) reminders->pdata[i])->sent_by);
  g_assert_not_reached ();
}

/* Typed in the preferences, the name and position are what the window's
 * store records from then on; without a name, the login name. */
static void
test_officer (DnTestStore   *fixture,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, settings);
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (settings, fixture->store);
  g_autofree char *value = NULL;
  g_autofree char *recorded = NULL;
  gint64 unit, task = add_task (fixture->store, &unit);

  g_assert_null (dn_window_context_get_officer (context));
  recorded = record_reminder (fixture->store, task, unit);
  g_assert_cmpstr (recorded, ==, g_get_user_name ());

  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  g_assert_nonnull (strstr (label_text (dialog, "officer_label"), g_get_user_name ()));
  dn_ui_set_text (dialog, "Your name", "Nguyễn  Thị Lan ");
  dn_ui_set_text (dialog, "Your position", "Chuyên viên");
  value = get_string (settings, "officer-name");
  g_assert_cmpstr (value, ==, "Nguyễn  Thị Lan ");
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "officer-position");
  g_assert_cmpstr (value, ==, "Chuyên viên");
  g_assert_cmpstr (label_text (dialog, "officer_label"), ==, "Recorded as: Nguyễn Thị Lan (Chuyên viên)");
  g_assert_cmpstr (dn_window_context_get_officer (context), ==, "Nguyễn Thị Lan (Chuyên viên)");

  g_clear_pointer (&recorded, g_free);
  recorded = record_reminder (fixture->store, task, unit);
  g_assert_cmpstr (recorded, ==, "Nguyễn Thị Lan (Chuyên viên)");
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM audit_log WHERE table_name = 'reminder' "
                                      "AND actor = 'Nguyễn Thị Lan (Chuyên viên)'"), ==, 1);

  /* set elsewhere (another window's preferences): followed */
  g_settings_set_string (settings, "officer-position", "Phó Chánh Văn phòng");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (dialog, "Your position"))), ==,
                   "Phó Chánh Văn phòng");
  g_assert_cmpstr (dn_window_context_get_officer (context), ==, "Nguyễn Thị Lan (Phó Chánh Văn phòng)");

  /* no name any more: the login name again */
  dn_ui_set_text (dialog, "Your name", "");
  g_assert_null (dn_window_context_get_officer (context));
  g_clear_pointer (&recorded, g_free);
  recorded = record_reminder (fixture->store, task, unit);
  g_assert_cmpstr (recorded, ==, g_get_user_name ());
  dn_ui_destroy_all_windows ();
}

/* What cannot be recorded is said and not kept. */
static void
test_officer_refused (DnTestStore   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  DnPreferencesDialog *dialog;
  GtkWidget *error;
  g_autofree char *value = NULL;

  g_settings_set_string (settings, "officer-name", "Trần Văn An");
  dialog = dn_preferences_dialog_new (settings, fixture->store);
  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  error = dn_ui_get_named (dialog, "officer_error_label");
  g_assert_false (gtk_widget_get_mapped (error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (dialog, "Your name"))), ==,
                   "Trần Văn An");

  /* typed at the end of the name */
  {
    GtkEditable *name = GTK_EDITABLE (dn_ui_get_by_label (dialog, "Your name"));
    int position = -1;

    gtk_editable_insert_text (name, "\xe2\x80\xae", -1, &position);
    g_assert_cmpstr (gtk_editable_get_text (name), ==, "Trần Văn An\xe2\x80\xae");
  }
  g_assert_true (gtk_widget_get_mapped (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "Your name holds a control character"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "\\u{202E}"));
  value = get_string (settings, "officer-name");
  g_assert_cmpstr (value, ==, "Trần Văn An");

  /* corrected: kept, and the message goes */
  dn_ui_set_text (dialog, "Your name", "Trần Văn Anh");
  g_assert_false (gtk_widget_get_mapped (error));
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "officer-name");
  g_assert_cmpstr (value, ==, "Trần Văn Anh");
  dn_ui_destroy_all_windows ();
}

/* The reminder and extension forms say under which name they record, or
 * where to set one. */
static void
test_forms (DnTestStore   *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, settings);
  g_autoptr(GPtrArray) assignments = NULL;
  gint64 unit, task = add_task (fixture->store, &unit);
  DnTaskDetails *details = dn_task_details_new (fixture->store, task);
  GtkWindow *form;
  g_autofree char *intro = NULL;

  dn_window_context_attach (GTK_WIDGET (details), context);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  assignments = dn_store_list_assignments (fixture->store, task, NULL);

  dn_task_forms_remind (details, fixture->store, assignments->pdata[0]);
  form = dn_ui_find_window (DN_TYPE_FORM_DIALOG);
  g_assert_nonnull (form);
  g_object_get (form, "intro", &intro, NULL);
  g_assert_nonnull (strstr (intro, "set your name and position in Preferences"));
  g_assert_cmpstr (dn_form_dialog_get_save_button (DN_FORM_DIALOG (form)) != NULL ?
                   gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (DN_FORM_DIALOG (form)))) : NULL,
                   ==, "_Record Reminder");
  gtk_window_destroy (form);

  g_settings_set_string (settings, "officer-name", "Nguyễn Thị Lan");
  dn_task_forms_extend_deadline (details, fixture->store, assignments->pdata[0]);
  form = dn_ui_find_window (DN_TYPE_FORM_DIALOG);
  g_assert_nonnull (form);
  g_clear_pointer (&intro, g_free);
  g_object_get (form, "intro", &intro, NULL);
  g_assert_nonnull (strstr (intro, "Recorded under the name Nguyễn Thị Lan."));
  dn_ui_destroy_all_windows ();
}

/* Whether this computer shows secret documents: the desktop's setting,
 * off until the officer ticks it. */
static void
test_secret_documents (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (settings, fixture->store);
  GtkCheckButton *check;

  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  check = GTK_CHECK_BUTTON (dn_ui_get_named (dialog, "secret_check"));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (g_settings_get_boolean (settings, "show-secret-documents"));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-secret-documents"));
  g_settings_set_boolean (settings, "show-secret-documents", FALSE);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/preferences/database", test_database);
  DN_TEST_ADD ("/preferences/officer", test_officer);
  DN_TEST_ADD ("/preferences/officer-refused", test_officer_refused);
  DN_TEST_ADD ("/preferences/officer-forms", test_forms);
  DN_TEST_ADD ("/preferences/secret-documents", test_secret_documents);
  return g_test_run ();
}
