/* test-delegations-ui.c: the sections "Outbound delegations" and "Inbound
 * delegations" in the real window: a delegation of three members made
 * through the editor, approved with its sending decision through the
 * status action, its status, the list's count and the staff abroad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-delegations-ui"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-country-chooser.h"
#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-delegation-details.h"
#include "dn-delegation-editor.h"
#include "dn-delegation-list-page.h"
#include "dn-form-dialog.h"
#include "dn-list-page.h"
#include "dn-person-chooser.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

/* Asserts the first column of @format's first row (printf) is @expected. */
static void assert_sql_text (DnStore    *store,
                             const char *expected,
                             const char *format,
                             ...) G_GNUC_PRINTF (3, 4);
static void
assert_sql_text (DnStore    *store,
                 const char *expected,
                 const char *format,
                 ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *found = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  found = dn_test_query_text (store, "%s", sql);
  g_assert_cmpstr (found, ==, expected);
}

static DnDelegationListPage *
page_of (DnWindow   *window,
         const char *prefix)
{
  g_autofree char *name = g_strconcat (prefix, "-table", NULL);
  GtkWidget *table = dn_ui_get_named (window, name);

  return DN_DELEGATION_LIST_PAGE (gtk_widget_get_ancestor (table, DN_TYPE_DELEGATION_LIST_PAGE));
}

static gboolean
has_n_items_cb (gpointer data)
{
  DnListPage *page = data;
  DnQueryModel *model = dn_list_page_get_model (page);

  return !dn_list_page_is_loading (page) && model != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == GPOINTER_TO_UINT (g_object_get_data (data, "n"));
}

static void
wait_for_items (DnDelegationListPage *page,
                guint                 n)
{
  g_object_set_data (G_OBJECT (page), "n", GUINT_TO_POINTER (n));
  g_assert_true (dn_ui_wait_until (has_n_items_cb, page, 5000));
}

static void
add_member (GtkWindow  *editor,
            gint64      person_id,
            guint       role)
{
  GtkWidget *chooser = dn_ui_get_by_label (editor, "Staff member");

  dn_chooser_set_id (DN_CHOOSER (chooser), person_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (editor, "Role in the delegation")), role);
  dn_ui_click (dn_ui_get_by_label (editor, "Add the member"));
}

static void
test_outbound_with_three_members (DnTestStore   *fixture,
                                  gconstpointer  data)
{
  DnStore *store = fixture->store;
  gint64 unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 an = dn_test_add_person (store, "Nguyễn", "Văn", "An", unit);
  gint64 binh = dn_test_add_person (store, "Trần", "Thị", "Bình", unit);
  gint64 cuong = dn_test_add_person (store, "Lê", "Đức", "Cường", unit);
  GDate start = dn_test_date (2025, 3, 10);
  GDate end = dn_test_date (2025, 3, 16);
  gint64 decision = dn_test_add_document (store, "14", "QĐ-SGDĐT", "Quyết định cử đoàn đi Hàn Quốc", &start);
  DnWindow *window;
  DnDelegationListPage *page;
  GtkWindow *editor;
  GtkWindow *form;
  GtkWindow *details;
  GtkWidget *person_chooser;
  gint64 id;

  dn_test_exec (store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                       "VALUES (%" G_GINT64_FORMAT ", 'official', 'C7654321', '2022-01-01', '2032-01-01')", an);
  dn_test_exec (store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                       "VALUES (%" G_GINT64_FORMAT ", 'official', 'C1111111', '2022-01-01', '2032-01-01'), "
                       "(%" G_GINT64_FORMAT ", 'ordinary', 'P2222222', '2022-01-01', '2032-01-01')", binh, cuong);

  /* the day the list judges "abroad" and "overdue" on */
  dn_date_set_today ((GDate[]) { dn_test_date (2025, 3, 12) });
  window = dn_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "delegations-out");
  dn_ui_spin (100);
  g_assert_cmpstr (dn_window_get_section (window), ==, "delegations-out");
  page = page_of (window, "outbound");
  g_assert_cmpint (dn_delegation_list_page_get_direction (page), ==, DN_DELEGATION_OUTBOUND);
  g_assert_cmpint (dn_delegation_list_page_get_direction (page_of (window, "inbound")), ==, DN_DELEGATION_INBOUND);

  /* the editor, through the action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.new", NULL));
  dn_ui_spin (50);
  editor = dn_ui_find_window (DN_TYPE_DELEGATION_EDITOR);
  g_assert_nonnull (editor);
  g_assert_nonnull (dn_ui_find_named (GTK_WIDGET (editor), "delegation-title"));
  dn_ui_set_text (editor, "Name of the delegation", "Học tập kinh nghiệm tại Hàn Quốc");
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "Start date")), &start);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "End date")), &end);
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (dn_ui_get_by_label (editor, "Country")), "KR");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dn_ui_get_by_label (editor, "Days in the country")), 6);
  dn_ui_click (dn_ui_get_by_label (editor, "Add the country"));

  /* the staff searched without accents */
  person_chooser = dn_ui_get_by_label (editor, "Staff member");
  g_assert_true (dn_chooser_reload (DN_CHOOSER (person_chooser), NULL));
  dn_chooser_set_search (DN_CHOOSER (person_chooser), "cuong le");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (person_chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (person_chooser), "");

  /* An leads with his own passport (offered when he is chosen) */
  add_member (editor, an, DN_MEMBER_HEAD);
  add_member (editor, binh, DN_MEMBER_DEPUTY);
  add_member (editor, cuong, DN_MEMBER_MEMBER);
  g_assert_cmpuint (dn_delegation_editor_get_n_members (DN_DELEGATION_EDITOR (editor)), ==, 3);
  /* twice the same: refused in the form */
  dn_chooser_set_id (DN_CHOOSER (person_chooser), an);
  dn_ui_click (dn_ui_get_by_label (editor, "Add the member"));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (editor)), "already a member"));
  g_assert_cmpuint (dn_delegation_editor_get_n_members (DN_DELEGATION_EDITOR (editor)), ==, 3);

  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (50);
  id = dn_test_query_int (store, "SELECT max(id) FROM delegation");
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM delegation_member WHERE delegation_id = %"
                                             G_GINT64_FORMAT, id), ==, 3);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM delegation_member m JOIN passport p "
                                             "ON p.id = m.passport_id WHERE m.role = 'head' "
                                             "AND p.number = 'C7654321'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (store, "SELECT days FROM delegation_country"), ==, 6);
  wait_for_items (page, 1);
  g_assert_cmpstr (dn_list_page_get_count_text (DN_LIST_PAGE (page)), ==, "1 delegation");

  /* approving without the decision, then with it */
  g_assert_true (dn_list_page_select_id (DN_LIST_PAGE (page), id));
  dn_ui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.approve", NULL));
  dn_ui_spin (50);
  form = dn_delegation_list_page_get_last_form (page);
  g_assert_nonnull (form);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (form)), "sending decision"));
  assert_sql_text (store, "planned", "SELECT status FROM delegation");
  dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (form, "Decision")), decision);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  dn_ui_spin (50);
  assert_sql_text (store, "approved", "SELECT status FROM delegation");

  /* the overview's links: abroad today (12/3), no report overdue */
  g_assert_true (dn_window_show_list (window, "delegations-out:abroad"));
  wait_for_items (page, 1);
  g_assert_true (dn_window_show_list (window, "delegations-out:report-overdue"));
  wait_for_items (page, 0);
  g_assert_true (dn_window_show_list (window, "delegations-out:all"));
  wait_for_items (page, 1);
  g_assert_true (dn_list_page_select_id (DN_LIST_PAGE (page), id));
  dn_ui_spin (20);

  /* what the officer sees: the details, the counts */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.open", NULL));
  dn_ui_spin (50);
  details = dn_ui_find_window (DN_TYPE_DELEGATION_DETAILS);
  g_assert_nonnull (details);
  g_assert_cmpstr (dn_delegation_details_get_status_text (DN_DELEGATION_DETAILS (details)), ==, "Approved");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (details), "Học tập kinh nghiệm tại Hàn Quốc"));
  {
    const char *members = gtk_label_get_text (GTK_LABEL (dn_ui_get_named (details, "delegation-members")));

    g_assert_nonnull (strstr (members, "Nguyễn Văn An — Head of delegation"));
    g_assert_nonnull (strstr (members, "passport C7654321"));
    g_assert_nonnull (strstr (members, "Lê Đức Cường"));
  }
  g_assert_cmpint (dn_store_count_staff_abroad (store, (GDate[]) { dn_test_date (2025, 3, 12) }, NULL), ==, 3);
  /* approved: departing is the next step */
  /* every member's passport handed out at once, into the custody ledger */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.hand-out-passports", NULL));
  dn_ui_spin (50);
  form = dn_ui_find_window (DN_TYPE_FORM_DIALOG);
  g_assert_nonnull (form);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (form, "Day handed out")),
                          (GDate[]) { dn_test_date (2025, 3, 5) });
  dn_ui_set_text (form, "Handed by", "Lê Thị Hoa");
  if (!dn_form_dialog_save (DN_FORM_DIALOG (form)))
    /* a warning (shown in the form): saved again, confirmed */
    g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  dn_ui_spin (50);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE delegation_id = %"
                                             G_GINT64_FORMAT " AND handed_by = 'Lê Thị Hoa'", id), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.depart", NULL));
  dn_ui_spin (50);
  g_assert_cmpstr (dn_delegation_details_get_status_text (DN_DELEGATION_DETAILS (details)), ==, "Abroad");

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
  dn_date_set_today (NULL);
}

static GtkWindow *
open_editor (DnWindow   *window,
             const char *section,
             const char *prefix)
{
  DnDelegationListPage *page;

  dn_window_show_section (window, section);
  dn_ui_spin (50);
  page = page_of (window, prefix);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.new", NULL));
  dn_ui_spin (50);
  return dn_ui_find_window (DN_TYPE_DELEGATION_EDITOR);
}

/* A visit: the guest list pasted from a spreadsheet (a bad line refused
 * with its number, then the good list), a programme item, the days the
 * police and the Department of Foreign Affairs were told. */
static void
test_inbound_guests (DnTestStore   *fixture,
                     gconstpointer  data)
{
  DnStore *store = fixture->store;
  GDate start = dn_test_date (2025, 4, 2);
  GDate end = dn_test_date (2025, 4, 4);
  GDate told = dn_test_date (2025, 3, 25);
  DnWindow *window = dn_window_new (NULL, store);
  GtkWindow *editor;
  GtkTextBuffer *buffer;

  dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gtk_window_present (GTK_WINDOW (window));
  editor = open_editor (window, "delegations-in", "inbound");
  g_assert_nonnull (editor);
  dn_ui_set_text (editor, "Name of the delegation", "Đoàn KOICA làm việc với Sở");
  dn_ui_set_text (editor, "Foreign organisation", "KOICA");
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "Start date")), &start);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "End date")), &end);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "Day the provincial police were informed")),
                          &told);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dn_ui_get_by_label (editor, "Guest list to paste")));
  gtk_text_buffer_set_text (buffer, "Kim Min-jun\tKR\tM12345678\tKOICA\tTrưởng đoàn\nLee\tAtlantis\n", -1);
  dn_ui_click (dn_ui_get_by_label (editor, "Add the pasted guests"));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (editor)), "Line 2"));
  g_assert_cmpuint (dn_delegation_editor_get_n_members (DN_DELEGATION_EDITOR (editor)), ==, 0);
  gtk_text_buffer_set_text (buffer, "Kim Min-jun\tKR\tM12345678\tKOICA\tTrưởng đoàn\n"
                                    "Lee Ji-eun\tHàn Quốc\tM87654321\tKOICA\tChuyên gia\n", -1);
  dn_ui_click (dn_ui_get_by_label (editor, "Add the pasted guests"));
  g_assert_cmpuint (dn_delegation_editor_get_n_members (DN_DELEGATION_EDITOR (editor)), ==, 2);

  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "Day of the programme item")), &start);
  dn_ui_set_text (editor, "What the programme item is", "Làm việc với lãnh đạo Sở");
  dn_ui_set_text (editor, "Time of the programme item", "08:00–11:00");
  dn_ui_click (dn_ui_get_by_label (editor, "Add the programme item"));

  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (50);
  assert_sql_text (store, "inbound", "SELECT direction FROM delegation");
  assert_sql_text (store, "2025-03-25", "SELECT police_informed_on FROM delegation");
  assert_sql_text (store, "Kim Min-jun/KR;Lee Ji-eun/KR", "SELECT group_concat(guest_name || '/' || guest_nationality, ';') "
                                              "FROM delegation_member");
  assert_sql_text (store, "08:00–11:00", "SELECT time FROM delegation_programme");
  wait_for_items (page_of (window, "inbound"), 1);
  /* not among the trips abroad */
  dn_window_show_section (window, "delegations-out");
  wait_for_items (page_of (window, "outbound"), 0);

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
}

/* A local limit passed: the editor warns, writes nothing, and saves when
 * asked again. */
static void
test_limit_warning (DnTestStore   *fixture,
                    gconstpointer  data)
{
  DnStore *store = fixture->store;
  GDate start = dn_test_date (2025, 5, 1);
  GDate end = dn_test_date (2025, 5, 10);
  DnWindow *window = dn_window_new (NULL, store);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  GtkWindow *editor;

  dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  g_assert_true (dn_store_set_setting (store, DN_SETTING_LIMIT_COUNTRIES, 1, &error));
  gtk_window_present (GTK_WINDOW (window));
  editor = open_editor (window, "delegations-out", "outbound");
  dn_ui_set_text (editor, "Name of the delegation", "Khảo sát Nhật Bản và Hàn Quốc");
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "Start date")), &start);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "End date")), &end);
  dn_delegation_editor_add_country (DN_DELEGATION_EDITOR (editor), "JP", 5);
  dn_delegation_editor_add_country (DN_DELEGATION_EDITOR (editor), "KR", 4);

  before = dn_test_row_counts (store);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (editor)), "local limit"));
  {
    g_autofree char *after = dn_test_row_counts (store);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (50);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM delegation_country"), ==, 2);

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/delegations-ui/outbound-three-members", test_outbound_with_three_members);
  DN_TEST_ADD ("/delegations-ui/inbound-guests", test_inbound_guests);
  DN_TEST_ADD ("/delegations-ui/limit-warning", test_limit_warning);
  return g_test_run ();
}
