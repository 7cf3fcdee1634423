/* test-documents-page.c: the Văn bản section in the real window: the
 * registers' list and filters, secret documents shown only where allowed,
 * the register form (numbers, the duplicate warning), the details, the
 * printed register, driven through their actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-documents-page"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <gtk/gtk.h>

#include "dn-date.h"
#include "dn-document-chooser.h"
#include "dn-document-details.h"
#include "dn-documents-page.h"
#include "dn-form-dialog.h"
#include "dn-global-search.h"
#include "dn-list-page.h"
#include "dn-settings.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

static gboolean
window_open_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, (GType) GPOINTER_TO_SIZE (data)) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static GtkWindow *
wait_window (GType type)
{
  g_assert_true (dn_ui_wait_until (window_open_cb, GSIZE_TO_POINTER (type), 5000));
  return dn_ui_the_visible_window (type);
}

static gboolean
results_in (gpointer data)
{
  DnGlobalSearch *search = dn_window_get_global_search (data);

  return !dn_global_search_is_searching (search) && g_list_model_get_n_items (dn_global_search_get_results (search)) > 0;
}

/* The titles of the hits of @text in the header's search, one per line */
static char *
global_search (DnWindow   *window,
               const char *text)
{
  GListModel *results = dn_global_search_get_results (dn_window_get_global_search (window));
  GString *titles = g_string_new (NULL);

  g_list_store_remove_all (G_LIST_STORE (results));
  gtk_editable_set_text (GTK_EDITABLE (dn_ui_get_by_label (window, "Search everything")), text);
  g_assert_true (dn_ui_wait_until (results_in, window, 5000));
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (results, i);

      if (hit->id > 0)
        g_string_append_printf (titles, "%s\n", hit->title);
    }
  return g_string_free (titles, FALSE);
}

static gint64
add (DnStore             *store,
     DnDocumentDirection  direction,
     DnDocumentType       type,
     const char          *subject,
     const char          *issuer,
     DnClassification     secrecy,
     DnUrgency            urgency)
{
  g_autoptr(DnDocument) doc = dn_document_new ();
  g_autoptr(GError) error = NULL;

  doc->direction = direction;
  doc->type = type;
  doc->classification = secrecy;
  doc->urgency = urgency;
  g_free (doc->subject);
  doc->subject = g_strdup (subject);
  g_free (doc->issuer);
  doc->issuer = g_strdup (issuer);
  if (direction == DN_DIRECTION_INCOMING)
    {
      doc->arrival_date = dn_test_date (2025, 2, 10);
      doc->issue_date = dn_test_date (2025, 2, 5);
    }
  else
    doc->issue_date = dn_test_date (2025, 2, 12);
  g_assert_true (dn_store_register_document (store, doc, FALSE, &error));
  g_assert_no_error (error);
  return doc->id;
}

static void
test_section (DnTestStore   *fixture,
              gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  g_autoptr(GSettings) settings = dn_settings_new ();
  g_autofree char *pdf = g_build_filename (fixture->dir, "register.pdf", NULL);
  DnWindow *window;
  DnListPage *page;
  GtkWindow *form;
  GtkWindow *details;
  gint64 plan, secret, added;

  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "show-secret-documents", FALSE);
  dn_date_set_today (&today);
  plan = add (fixture->store, DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Kế hoạch hợp tác quốc tế",
              "Bộ Giáo dục và Đào tạo", DN_CLASSIFICATION_NORMAL, DN_URGENCY_URGENT);
  add (fixture->store, DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_DECISION, "Cử đoàn ra Nhật Bản", "",
       DN_CLASSIFICATION_NORMAL, DN_URGENCY_NORMAL);
  secret = add (fixture->store, DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_REPORT, "Báo cáo mật", "",
                DN_CLASSIFICATION_CONFIDENTIAL, DN_URGENCY_NORMAL);

  window = dn_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "documents");
  page = DN_LIST_PAGE (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_DOCUMENTS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  /* the secret one is hidden on this desktop */
  dn_ui_wait_for_list_rows (page, 2);
  g_assert_cmpstr (dn_list_page_get_count_text (page), ==, "2 documents");
  g_settings_set_boolean (settings, "show-secret-documents", TRUE);
  dn_ui_wait_for_list_rows (page, 3);
  g_assert_true (dn_list_page_select_id (page, secret));
  {
    g_autofree char *shown = global_search (window, "bao cao");

    g_assert_cmpstr (shown, ==, "Báo cáo mật\n");
  }
  g_settings_set_boolean (settings, "show-secret-documents", FALSE);
  dn_ui_wait_for_list_rows (page, 2);
  /* nor found by the header's search */
  {
    g_autofree char *shown = global_search (window, "bao cao");

    g_assert_null (strstr (shown, "Báo cáo mật"));
  }
  /* nor offered as a task's source document */
  {
    GtkWidget *chooser = g_object_ref_sink (dn_document_chooser_new (fixture->store));
    g_autoptr(GError) error = NULL;
    GListModel *rows;
    guint n;

    g_assert_true (dn_chooser_reload (DN_CHOOSER (chooser), &error));
    rows = dn_chooser_get_model (DN_CHOOSER (chooser));
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GObject) row = g_list_model_get_item (rows, i);

        g_assert_false (DN_IS_DOCUMENT (row) && DN_DOCUMENT (row)->id == secret);
      }
    /* the two others, and with the secret one on a desktop that shows it */
    n = g_list_model_get_n_items (rows);
    g_assert_cmpuint (n, >=, 2);
    g_settings_set_boolean (settings, "show-secret-documents", TRUE);
    g_assert_true (dn_chooser_reload (DN_CHOOSER (chooser), &error));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n + 1);
    g_settings_set_boolean (settings, "show-secret-documents", FALSE);
    g_object_unref (chooser);
  }

  /* the filters: the register, the search without accents, urgency */
  g_assert_true (dn_window_show_list (window, "documents:incoming"));
  dn_ui_wait_for_list_rows (page, 1);
  g_assert_false (dn_list_page_get_column_chosen (page, DN_DOCUMENT_COLUMN_ARRIVAL) == FALSE);
  g_assert_true (dn_window_show_list (window, "documents:outgoing"));
  dn_ui_wait_for_list_rows (page, 1);
  g_assert_false (dn_list_page_get_column_chosen (page, DN_DOCUMENT_COLUMN_ARRIVAL));
  dn_list_page_clear_filters (page);
  dn_ui_wait_for_list_rows (page, 2);
  dn_ui_set_text (page, "Search documents", "hop tac");
  dn_ui_wait_for_list_rows (page, 1);
  dn_list_page_clear_filters (page);
  dn_ui_wait_for_list_rows (page, 2);
  dn_ui_set_text (page, "Issued by", "giao duc");
  dn_ui_wait_for_list_rows (page, 1);
  dn_list_page_clear_filters (page);
  dn_ui_wait_for_list_rows (page, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (page, "Urgency")), 1 + DN_URGENCY_URGENT);
  dn_ui_wait_for_list_rows (page, 1);
  dn_list_page_clear_filters (page);
  dn_ui_wait_for_list_rows (page, 2);
  /* the year: every year reads so; a step up is this year, a step down
   * from the first year every year again */
  {
    GtkSpinButton *year = GTK_SPIN_BUTTON (dn_ui_get_by_label (page, "Year"));
    const GDate *page_today = dn_list_page_get_today (page);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "Any year");
    gtk_spin_button_spin (year, GTK_SPIN_STEP_FORWARD, 1);
    g_assert_cmpint ((int) gtk_spin_button_get_value (year), ==, g_date_get_year (page_today));
    gtk_spin_button_set_value (year, 1900);
    gtk_spin_button_spin (year, GTK_SPIN_STEP_BACKWARD, 1);
    g_assert_cmpint ((int) gtk_spin_button_get_value (year), ==, 0);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "Any year");
    gtk_editable_set_text (GTK_EDITABLE (year), "2025");
    gtk_spin_button_update (year);
    g_assert_cmpint ((int) gtk_spin_button_get_value (year), ==, 2025);
    dn_list_page_clear_filters (page);
    dn_ui_wait_for_list_rows (page, 2);
  }

  /* a new outgoing document through document.new: the next of 2025, 02 */
  g_assert_true (dn_window_show_list (window, "documents:outgoing"));
  dn_ui_wait_for_list_rows (page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.new", NULL));
  form = wait_window (DN_TYPE_FORM_DIALOG);
  {
    g_autofree char *twice = dn_ui_mnemonics_used_twice (form);

    g_assert_cmpstr (twice, ==, "");
  }
  dn_ui_set_text (form, "Subject", "Kế hoạch đoàn vào");
  dn_ui_set_text (form, "Symbol", "KH-SGDĐT");
  dn_ui_set_text (form, "Number of copies", "4");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  dn_ui_spin (50);
  dn_ui_wait_for_list_rows (page, 2);
  added = dn_test_query_int (fixture->store, "SELECT id FROM document WHERE subject = 'Kế hoạch đoàn vào'");
  dn_test_assert_owned_cmpstr (dn_test_query_text (fixture->store, "SELECT number || '/' || symbol || ' ' || issue_date "
                                                   "|| ' ' || copies FROM document WHERE id = %" G_GINT64_FORMAT, added),
                               ==, "02/KH-SGDĐT 2025-03-01 4");
  g_assert_cmpint (dn_list_page_get_selected_id (page), ==, added);

  /* the same number and symbol again: a warning, nothing written, then
   * Save Anyway */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.new", NULL));
  form = wait_window (DN_TYPE_FORM_DIALOG);
  dn_ui_set_text (form, "Subject", "Bản trùng");
  dn_ui_set_text (form, "Number", "02");
  dn_ui_set_text (form, "Symbol", "KH-SGDĐT");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (form)), "already in the register"));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM document"), ==, 4);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  dn_ui_spin (50);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM document"), ==, 5);

  /* edit through document.edit */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.edit", NULL));
  form = wait_window (DN_TYPE_FORM_DIALOG);
  dn_ui_set_text (form, "Notes", "Lưu VT");
  /* its twin is registered now: the warning again, then kept */
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (form)), "already in the register"));
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  dn_ui_spin (50);
  dn_test_assert_owned_cmpstr (dn_test_query_text (fixture->store, "SELECT notes || ' ' || number FROM document "
                                                   "WHERE id = %" G_GINT64_FORMAT, added), ==, "Lưu VT 02");

  /* the details open on document.open */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.open", NULL));
  details = wait_window (DN_TYPE_DOCUMENT_DETAILS);
  g_assert_cmpint (dn_document_details_get_document (DN_DOCUMENT_DETAILS (details)), ==, added);
  gtk_window_destroy (details);
  dn_ui_spin (20);

  /* the outgoing register of 2025 printed (to a file) */
  dn_documents_page_set_print_file (DN_DOCUMENTS_PAGE (page), pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.print-register", NULL));
  dn_ui_spin (50);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }

  /* delete through document.delete */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "document.delete", NULL));
  dn_ui_spin (50);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM document WHERE id = %" G_GINT64_FORMAT,
                                      added), ==, 0);
  (void) plan;

  dn_ui_destroy_all_windows ();
  dn_date_set_today (NULL);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/documents/section", test_section);
  return g_test_run ();
}
