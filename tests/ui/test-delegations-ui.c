/* test-delegations-ui.c: the sections "Outbound delegations" and "Inbound
 * delegations" in the real window: a delegation of three members made
 * through the editor, approved with its sending decision through the
 * status action, its status, the list's count and the staff abroad; the
 * passports of such a delegation handed out, taken back after the trip,
 * one late: overdue in the passports list and on the overview card until
 * it comes back with the head's excuse
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
#include "dn-overview-page.h"
#include "dn-passport-details.h"
#include "dn-passports-page.h"
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
  GtkWidget *page = dn_window_get_section_page (window, g_str_equal (prefix, "inbound") ? "delegations-in"
                                                                                     : "delegations-out");

  g_assert_nonnull (dn_ui_find_named (page, name));
  return DN_DELEGATION_LIST_PAGE (page);
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

  /* every passport still out taken back at once, on time: no reason kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.take-back-passports", NULL));
  dn_ui_spin (50);
  form = dn_ui_find_window (DN_TYPE_FORM_DIALOG);
  g_assert_nonnull (form);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (form, "Return date")),
                          (GDate[]) { dn_test_date (2025, 3, 17) });
  dn_ui_set_text (form, "Taken in by", "Lê Thị Hoa");
  dn_ui_set_text (form, "Reason for the delay", "Không có");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  dn_ui_spin (50);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE delegation_id = %"
                                             G_GINT64_FORMAT " AND returned_on = '2025-03-17' "
                                             "AND received_by = 'Lê Thị Hoa' AND exemption_reason = ''", id), ==, 3);
  /* nothing left out: the form says so and stays */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.take-back-passports", NULL));
  dn_ui_spin (50);
  form = dn_ui_find_window (DN_TYPE_FORM_DIALOG);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (form)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (form)), "nothing to take back"));

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

/* The visible form dialog (there must be exactly one). */
static DnFormDialog *
the_dialog (void)
{
  return DN_FORM_DIALOG (dn_ui_the_visible_window (DN_TYPE_FORM_DIALOG));
}

static void
set_day (gpointer    dialog,
         const char *label,
         int y, int m, int d)
{
  GDate day = dn_test_date (y, m, d);

  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (dialog, label)), &day);
}

static void
set_today (int y, int m, int d)
{
  GDate day = dn_test_date (y, m, d);

  dn_date_set_today (&day);
}

static gboolean
count_is_cb (gpointer data)
{
  gpointer *args = data;

  return !dn_list_page_is_loading (args[0]) && dn_list_page_get_model (args[0]) != NULL &&
         g_strcmp0 (dn_list_page_get_count_text (args[0]), args[1]) == 0;
}

static void
wait_count (DnListPage *page,
            const char *count)
{
  gpointer args[] = { page, (gpointer) count };

  if (!dn_ui_wait_until (count_is_cb, args, 5000))
    g_error ("the list says “%s”, not “%s”", dn_list_page_get_count_text (page), count);
  dn_ui_spin (20);
}

static gboolean
overview_loaded_cb (gpointer data)
{
  return !dn_overview_page_is_loading (data);
}

/* The figure of the overview card that links to @target, the figures read
 * again on today's date. */
static const char *
card_figure (DnWindow   *window,
             const char *target)
{
  DnOverviewPage *overview = DN_OVERVIEW_PAGE (dn_window_get_section_page (window, "overview"));
  GtkWidget *card = dn_ui_get_named (window, target);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (card));

  dn_overview_page_reload (overview);
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (overview_loaded_cb, overview, 5000));
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* Takes @passport back on the passports page through passport.take-back. */
static void
take_back (DnListPage *page,
           gint64      passport,
           int y, int m, int d,
           const char *reason,
           const char *excused_by)
{
  DnFormDialog *dialog;

  g_assert_true (dn_list_page_select_id (page, passport));
  dn_ui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.take-back", NULL));
  dn_ui_spin (50);
  dialog = the_dialog ();
  set_day (dialog, "Return date", y, m, d);
  if (reason != NULL)
    dn_ui_set_text (dialog, "Reason for the delay", reason);
  if (excused_by != NULL)
    dn_ui_set_text (dialog, "Excused by", excused_by);
  g_assert_true (dn_form_dialog_save (dialog));
  dn_ui_spin (50);
}

/* The officer's story of one trip: a delegation of three made and approved
 * with its sending decision, their passports handed out at once, the
 * return recorded after the trip; two passports come back in time, the
 * third is late: the overdue filter and the overview's card show it until
 * it comes back with the reason the head accepted, kept in the ledger. */
static void
test_passports_round_trip (DnTestStore   *fixture,
                           gconstpointer  data)
{
  DnStore *store = fixture->store;
  gint64 unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 an = dn_test_add_person (store, "Nguyễn", "Văn", "An", unit);
  gint64 binh = dn_test_add_person (store, "Trần", "Thị", "Bình", unit);
  gint64 cuong = dn_test_add_person (store, "Lê", "Đức", "Cường", unit);
  GDate start = dn_test_date (2025, 3, 10);
  GDate end = dn_test_date (2025, 3, 14);
  GDate signed_on = dn_test_date (2025, 3, 3);
  gint64 decision = dn_test_add_document (store, "21", "QĐ-SGDĐT", "Quyết định cử đoàn đi Nhật Bản", &signed_on);
  gint64 p_an, p_binh, p_cuong;
  const char *reason = "Ốm sau chuyến đi, có giấy của bệnh viện";
  DnWindow *window;
  DnDelegationListPage *page;
  DnListPage *passports;
  GtkWindow *editor;
  GtkWindow *details;
  DnFormDialog *form;
  gint64 id;

  dn_test_exec (store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                       "(%" G_GINT64_FORMAT ", 'official', 'C3000001', '2023-01-01', '2031-01-01'), "
                       "(%" G_GINT64_FORMAT ", 'official', 'C3000002', '2023-01-01', '2031-01-01'), "
                       "(%" G_GINT64_FORMAT ", 'official', 'C3000003', '2023-01-01', '2031-01-01')",
                an, binh, cuong);
  p_an = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'C3000001'");
  p_binh = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'C3000002'");
  p_cuong = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'C3000003'");

  /* Monday 03/03/2025: the delegation made, approved, its passports out */
  set_today (2025, 3, 3);
  window = dn_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "delegations-out");
  dn_ui_spin (100);
  page = page_of (window, "outbound");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.new", NULL));
  dn_ui_spin (50);
  editor = dn_ui_find_window (DN_TYPE_DELEGATION_EDITOR);
  g_assert_nonnull (editor);
  dn_ui_set_text (editor, "Name of the delegation", "Trao đổi giáo viên tại Nhật Bản");
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "Start date")), &start);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (editor, "End date")), &end);
  dn_delegation_editor_add_country (DN_DELEGATION_EDITOR (editor), "JP", 5);
  g_assert_true (dn_chooser_reload (DN_CHOOSER (dn_ui_get_by_label (editor, "Staff member")), NULL));
  add_member (editor, an, DN_MEMBER_HEAD);
  add_member (editor, binh, DN_MEMBER_MEMBER);
  add_member (editor, cuong, DN_MEMBER_MEMBER);
  g_assert_cmpuint (dn_delegation_editor_get_n_members (DN_DELEGATION_EDITOR (editor)), ==, 3);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (50);
  id = dn_test_query_int (store, "SELECT max(id) FROM delegation");
  /* each member goes with the passport offered when chosen */
  assert_sql_text (store, "C3000001,C3000002,C3000003",
                   "SELECT group_concat(number, ',') FROM (SELECT p.number FROM delegation_member m "
                   "JOIN passport p ON p.id = m.passport_id WHERE m.delegation_id = %" G_GINT64_FORMAT
                   " ORDER BY p.number)", id);
  wait_for_items (page, 1);

  g_assert_true (dn_list_page_select_id (DN_LIST_PAGE (page), id));
  dn_ui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.approve", NULL));
  dn_ui_spin (50);
  form = the_dialog ();
  dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (form, "Decision")), decision);
  g_assert_true (dn_form_dialog_save (form));
  dn_ui_spin (50);
  assert_sql_text (store, "approved", "SELECT status FROM delegation WHERE id = %"
                   G_GINT64_FORMAT " AND decision_document_id = %" G_GINT64_FORMAT, id, decision);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "delegation.open", NULL));
  dn_ui_spin (50);
  details = dn_ui_find_window (DN_TYPE_DELEGATION_DETAILS);
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.hand-out-passports", NULL));
  dn_ui_spin (50);
  form = the_dialog ();
  set_day (form, "Day handed out", 2025, 3, 3);
  dn_ui_set_text (form, "Handed by", "Lê Thị Hoa");
  g_assert_true (dn_form_dialog_save (form));
  dn_ui_spin (50);
  /* into the ledger, each to its holder, due back 5 working days after
   * Friday 14/03 */
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE delegation_id = %"
                                             G_GINT64_FORMAT " AND handed_by = 'Lê Thị Hoa' "
                                             "AND handed_out_on = '2025-03-03' AND due_back_on = '2025-03-21' "
                                             "AND returned_on IS NULL", id), ==, 3);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE returned_on IS NULL"), ==, 3);

  /* Monday 10/03: gone; Monday 17/03: back since Friday */
  set_today (2025, 3, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.depart", NULL));
  dn_ui_spin (50);
  g_assert_cmpstr (dn_delegation_details_get_status_text (DN_DELEGATION_DETAILS (details)), ==, "Abroad");
  set_today (2025, 3, 17);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "delegation.return", NULL));
  dn_ui_spin (50);
  form = the_dialog ();
  set_day (form, "Day of return", 2025, 3, 14);
  g_assert_true (dn_form_dialog_save (form));
  dn_ui_spin (50);
  /* stored as completed, ending on the day of return */
  assert_sql_text (store, "completed|2025-03-14", "SELECT status || '|' || end_date FROM delegation WHERE id = %"
                   G_GINT64_FORMAT, id);
  g_assert_cmpstr (dn_delegation_details_get_status_text (DN_DELEGATION_DETAILS (details)), ==,
                   "Returned — results report due 29/03/2025");
  gtk_window_destroy (details);
  dn_ui_spin (30);

  /* Tuesday 18/03: An and Bình bring theirs back, in time */
  set_today (2025, 3, 18);
  dn_window_show_section (window, "passports");
  passports = DN_LIST_PAGE (dn_window_get_section_page (window, "passports"));
  g_assert_nonnull (passports);
  g_assert_true (dn_window_show_list (window, "passports:all"));
  wait_count (passports, "3 passports");
  take_back (passports, p_an, 2025, 3, 18, NULL, NULL);
  take_back (passports, p_binh, 2025, 3, 18, NULL, NULL);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE returned_on = '2025-03-18' "
                                             "AND exemption_reason = '' AND passport_id IN (%" G_GINT64_FORMAT
                                             ", %" G_GINT64_FORMAT ")", p_an, p_binh), ==, 2);
  /* not due yet: nothing overdue */
  g_assert_true (dn_window_show_list (window, "passports:overdue"));
  wait_count (passports, "0 passports");
  dn_window_show_section (window, "overview");
  g_assert_cmpstr (card_figure (window, "passports:overdue"), ==, "0");

  /* Monday 24/03, past the due-back day (21/03): Cường's is overdue */
  set_today (2025, 3, 24);
  g_assert_cmpstr (card_figure (window, "passports:overdue"), ==, "1");
  g_assert_true (gtk_widget_has_css_class (dn_ui_get_named (window, "passports:overdue"), "dn-danger"));
  g_assert_true (dn_window_show_list (window, "passports:overdue"));
  g_assert_cmpstr (dn_window_get_section (window), ==, "passports");
  wait_count (passports, "1 passport");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (passports,
                                                                                      "Overdue returns"))));
  {
    GListModel *model = G_LIST_MODEL (dn_list_page_get_model (passports));
    g_autoptr(DnPassport) listed = g_list_model_get_item (model, 0);

    g_assert_cmpstr (listed->number, ==, "C3000003");
    g_assert_cmpint (listed->id, ==, p_cuong);
  }

  /* it comes back late, the director having accepted the reason */
  take_back (passports, p_cuong, 2025, 3, 24, reason, "Giám đốc Sở");
  wait_count (passports, "0 passports");
  dn_window_show_section (window, "overview");
  g_assert_cmpstr (card_figure (window, "passports:overdue"), ==, "0");
  g_assert_false (gtk_widget_has_css_class (dn_ui_get_named (window, "passports:overdue"), "dn-danger"));
  assert_sql_text (store, "2025-03-24|Ốm sau chuyến đi, có giấy của bệnh viện|Giám đốc Sở",
                   "SELECT returned_on || '|' || exemption_reason || '|' || excused_by FROM passport_loan "
                   "WHERE passport_id = %" G_GINT64_FORMAT, p_cuong);
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE returned_on IS NULL"), ==, 0);

  /* the ledger line, in the passport's details, keeps the reason */
  g_assert_true (dn_window_show_list (window, "passports:all"));
  wait_count (passports, "3 passports");
  g_assert_true (dn_list_page_select_id (passports, p_cuong));
  dn_ui_spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (passports), "passport.open", NULL));
  dn_ui_spin (50);
  details = dn_ui_find_window (DN_TYPE_PASSPORT_DETAILS);
  g_assert_nonnull (details);
  g_assert_true (has_label_containing (dn_ui_get_named (details, "passport-details-ledger"), reason));

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
  dn_date_set_today (NULL);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/delegations-ui/outbound-three-members", test_outbound_with_three_members);
  DN_TEST_ADD ("/delegations-ui/inbound-guests", test_inbound_guests);
  DN_TEST_ADD ("/delegations-ui/limit-warning", test_limit_warning);
  DN_TEST_ADD ("/delegations-ui/passports-round-trip", test_passports_round_trip);
  return g_test_run ();
}
