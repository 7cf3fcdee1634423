/* test-list-export.c: list.export of the sections' lists in the real window:
 * the list as shown, filters applied, written (off the main loop) to the
 * file the chooser would give, the toast saying how many rows went where;
 * a file that cannot be written: the error, no file, no toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-list-export"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-list-page.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-ui-testing.h"
#include "dn-window.h"
#include "dn-window-context.h"

static gboolean
page_settled (gpointer data)
{
  DnListPage *page = data;

  return !dn_list_page_is_loading (page) && dn_list_page_get_model (page) != NULL &&
         dn_query_model_is_complete (dn_list_page_get_model (page));
}

static gboolean
export_done (gpointer data)
{
  return !dn_list_page_is_exporting (data);
}

static void
on_message_cb (DnWindowContext *context,
               const char      *text,
               gboolean         with_undo,
               GString         *log)
{
  g_string_append_printf (log, "%s;", text);
}

/* The lines of a CSV file without its header; the byte-order mark
 * checked. */
static guint
count_csv_rows (const char *path)
{
  g_autofree char *contents = NULL;
  guint n = 0;
  gboolean quoted = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  for (const char *p = contents; *p != '\0'; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted && *p == '\n')
      n++;
  return n - 1;
}

/* Runs list.export on @page to @path; the log of messages after it. */
static void
export_to (DnListPage *page,
           const char *path)
{
  dn_list_page_set_export_file (page, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "list.export", NULL));
  g_assert_true (dn_ui_wait_until (export_done, page, 20000));
  dn_ui_spin (50);
}

static void
test_export (DnTestStore   *fixture,
             gconstpointer  data)
{
  GDate today = dn_test_date (2026, 11, 22);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *passports_csv = g_build_filename (fixture->dir, "hộ chiếu.csv", NULL);
  g_autofree char *tasks_xlsx = g_build_filename (fixture->dir, "nhiệm vụ.xlsx", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no such folder", "x.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  DnWindow *window;
  DnListPage *page;
  guint n;
  GtkWindow *error_dialog;

  dn_date_set_today (&today);
  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  window = dn_window_new (NULL, fixture->store);
  g_signal_connect (dn_window_get_context (window), "message", G_CALLBACK (on_message_cb), log);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* the passports expiring soon: the rows shown, no more */
  page = DN_LIST_PAGE (dn_window_get_section_page (window, "passports"));
  g_assert_true (dn_window_show_list (window, "passports:expiring"));
  g_assert_true (dn_ui_wait_until (page_settled, page, 10000));
  n = g_list_model_get_n_items (G_LIST_MODEL (dn_list_page_get_model (page)));
  g_assert_cmpuint (n, >, 0);
  /* the button beside the count is the action's */
  g_assert_nonnull (dn_ui_get_by_label (page, "Export list"));
  export_to (page, passports_csv);
  g_assert_cmpuint (count_csv_rows (passports_csv), ==, n);
  shown = g_strdup_printf ("Exported %u %s to hộ chiếu.csv", n, n == 1 ? "row" : "rows");
  expected = g_strconcat (shown, ";", NULL);
  g_assert_cmpstr (log->str, ==, expected);
  /* the toast shows it */
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (window), shown));

  /* the task list, all of it, as a workbook */
  g_string_truncate (log, 0);
  dn_window_show_section (window, "tasks");
  page = DN_LIST_PAGE (dn_window_get_section_page (window, "tasks"));
  g_assert_true (dn_ui_wait_until (page_settled, page, 10000));
  n = g_list_model_get_n_items (G_LIST_MODEL (dn_list_page_get_model (page)));
  export_to (page, tasks_xlsx);
  g_assert_true (g_file_get_contents (tasks_xlsx, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Exported %u rows to nhiệm vụ.xlsx;", n);
  g_assert_cmpstr (log->str, ==, expected);

  /* a folder that does not exist: the error says why, nothing is written */
  g_string_truncate (log, 0);
  export_to (page, nowhere);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (log->str, ==, "");
  error_dialog = dn_ui_find_window (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (error_dialog);
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (error_dialog), "The list could not be exported"));
  gtk_window_destroy (error_dialog);

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
  dn_date_set_today (NULL);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);
  DN_TEST_ADD ("/list-export/export", test_export);
  return g_test_run ();
}
