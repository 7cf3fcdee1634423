/* test-passports-page.c: the Hộ chiếu section in the real window: add a
 * passport, hand it out, see the overdue mark and the expiring mark, the
 * filters, confirm a warning, take it back — all through the actions and
 * their dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-passports-page"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-chooser.h"
#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-exchange.h"
#include "dn-form-dialog.h"
#include "dn-list-page.h"
#include "dn-passport-details.h"
#include "dn-passports-page.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

typedef struct
{
  gint64 an, binh, trip;
  gint64 kept, soon;
} World;

/* Today is 10/02/2025. An approved trip to Japan ended on Fri 24/01/2025,
 * just before Tết: its passports are due back on 07/02/2025. */
static World
make_world (DnStore *store)
{
  World w;
  GDate day = dn_test_date (2025, 1, 10);
  gint64 unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 decision = dn_test_add_document (store, "12", "QĐ-UBND", "Cử cán bộ đi công tác nước ngoài", &day);

  w.an = dn_test_add_person (store, "Nguyễn", "Văn", "An", unit);
  w.binh = dn_test_add_person (store, "Trần", "Thị", "Bình", unit);
  dn_test_exec (store,
                "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) VALUES "
                "(%" G_GINT64_FORMAT ", 'official', 'C1000001', '2021-01-01', '2029-01-01'), "
                "(%" G_GINT64_FORMAT ", 'official', 'C1000002', '2020-06-01', '2025-05-01')", w.an, w.binh);
  w.kept = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'C1000001'");
  w.soon = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'C1000002'");
  dn_test_exec (store,
                "INSERT INTO delegation (direction, title, start_date, end_date, status, decision_document_id) "
                "VALUES ('outbound', 'Đoàn học tập tại Nhật Bản', '2025-01-15', '2025-01-24', 'approved', %"
                G_GINT64_FORMAT ")", decision);
  w.trip = dn_test_query_int (store, "SELECT max(id) FROM delegation");
  dn_test_exec (store, "INSERT INTO delegation_member (delegation_id, person_id) VALUES "
                "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                w.trip, w.an, w.trip, w.binh);
  return w;
}

static gboolean
page_settled (gpointer data)
{
  DnListPage *page = data;

  return !dn_list_page_is_loading (page) && dn_list_page_get_model (page) != NULL;
}

static void
settle (DnListPage *page)
{
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (page_settled, page, 5000));
  dn_ui_spin (50);
}

static gboolean
count_is (gpointer data)
{
  gpointer *args = data;

  return page_settled (args[0]) && g_strcmp0 (dn_list_page_get_count_text (args[0]), args[1]) == 0;
}

static void
wait_count (DnListPage *page,
            const char *count)
{
  gpointer args[] = { page, (gpointer) count };

  if (!dn_ui_wait_until (count_is, args, 5000))
    g_error ("the list says “%s”, not “%s”", dn_list_page_get_count_text (page), count);
}

/* The visible form dialog (there must be exactly one). */
static DnFormDialog *
the_dialog (void)
{
  DnFormDialog *found = DN_FORM_DIALOG (dn_ui_the_visible_window (DN_TYPE_FORM_DIALOG));

  /* each access key once in a dialog */
  {
    g_autofree char *twice = dn_ui_mnemonics_used_twice (GTK_WINDOW (found));

    g_assert_cmpstr (twice, ==, "");
  }
  return found;
}

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* How many cells named @name carry @css_class (their icon shown). */
static guint
count_marked (GtkWidget  *root,
              const char *name,
              const char *css_class,
              const char *icon)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n = 0;

  collect_named (root, name, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      GtkWidget *image = gtk_widget_get_first_child (cell);

      if (!gtk_widget_get_mapped (cell) || !gtk_widget_has_css_class (cell, css_class))
        continue;
      g_assert_true (gtk_widget_get_visible (image));
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, icon);
      g_assert_true (gtk_widget_get_has_tooltip (cell));
      n++;
    }
  return n;
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

static void
set_date (DnFormDialog *dialog,
          const char   *label,
          int y, int m, int d)
{
  GDate day = dn_test_date (y, m, d);

  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (dialog, label)), &day);
}

static void
test_section (DnTestStore   *fixture,
              gconstpointer  data)
{
  DnStore *store = fixture->store;
  World w;
  GDate today = dn_test_date (2025, 2, 10);
  DnWindow *window;
  DnListPage *page;
  DnFormDialog *dialog;
  GtkWidget *due_label;
  gint64 added;

  dn_date_set_today (&today);
  w = make_world (store);
  window = dn_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "passports");
  page = DN_LIST_PAGE (dn_window_get_section_page (window, "passports"));
  g_assert_nonnull (page);
  settle (page);
  wait_count (page, "2 passports");
  /* C1000002 expires on 01/05/2025, within 6 months: marked */
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-expiry-cell", "dn-expiring", "alarm-symbolic"), ==, 1);
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-due-cell", "dn-overdue", "dialog-warning-symbolic"), ==, 0);

  /* add one through passport.new */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.new", NULL));
  dialog = the_dialog ();
  dn_ui_set_text (dialog, "Passport number", "b 2000003");
  {
    DnChooser *holder = DN_CHOOSER (dn_ui_get_by_label (dialog, "Holder"));

    /* the staff, accents optional: "tran binh" finds Trần Thị Bình */
    dn_chooser_set_search (holder, "tran binh");
    g_assert_cmpuint (dn_chooser_get_n_shown (holder), ==, 1);
    dn_chooser_set_search (holder, "nguyen");
    g_assert_cmpuint (dn_chooser_get_n_shown (holder), ==, 1);
    g_assert_true (dn_chooser_pick (holder, w.an));
    g_assert_cmpint (dn_chooser_get_id (holder), ==, w.an);
    g_assert_cmpstr (dn_chooser_get_name (holder, w.an), ==, "Nguyễn Văn An");
  }
  set_date (dialog, "Issue date", 2024, 3, 1);
  set_date (dialog, "Expiry date", 2029, 3, 1);
  g_assert_true (dn_form_dialog_save (dialog));
  added = dn_test_query_int (store, "SELECT id FROM passport WHERE number = 'B2000003'");
  g_assert_cmpint (added, >, 0);
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT kind FROM passport WHERE id = %" G_GINT64_FORMAT, added), ==,
                   "official");
  wait_count (page, "3 passports");

  /* hand it out: the dialog offers the approved trip and says when it
   * comes back (across Tết) */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.hand-out", NULL));
  dialog = the_dialog ();
  due_label = dn_ui_get_named (dialog, "passport-due-back");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (due_label)), "07/02/2025"));
  set_date (dialog, "Hand-out date", 2025, 1, 14);
  g_assert_true (dn_form_dialog_save (dialog));
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT due_back_on || receipt_signed FROM passport_loan "
                                              "WHERE passport_id = %" G_GINT64_FORMAT, added), ==, "2025-02-071");
  settle (page);

  /* not back on 10/02: the due cell is marked overdue */
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-due-cell", "dn-overdue", "dialog-warning-symbolic"), ==, 1);
  /* and the overdue filter shows it alone */
  g_object_set (dn_list_page_get_filter (page), "only-overdue", TRUE, NULL);
  wait_count (page, "1 passport");
  g_object_set (dn_list_page_get_filter (page), "only-overdue", FALSE, NULL);
  wait_count (page, "3 passports");
  /* the expiring filter: C1000002 */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Expiring soon")), TRUE);
  wait_count (page, "1 passport");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Expiring soon")), FALSE);
  wait_count (page, "3 passports");

  /* the expiring passport warns when handed out: nothing written until
   * Confirm */
  g_assert_true (dn_list_page_select_id (page, w.soon));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.hand-out", NULL));
  dialog = the_dialog ();
  set_date (dialog, "Hand-out date", 2025, 1, 14);
  g_assert_false (dn_form_dialog_save (dialog));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (dialog), "C1000002"));
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE passport_id = %"
                                      G_GINT64_FORMAT, w.soon), ==, 0);
  g_assert_true (dn_form_dialog_save (dialog));
  g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM passport_loan WHERE passport_id = %"
                                      G_GINT64_FORMAT, w.soon), ==, 1);
  settle (page);

  /* take the first back, late, with the head's reason */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.take-back", NULL));
  dialog = the_dialog ();
  set_date (dialog, "Return date", 2025, 2, 10);
  dn_ui_set_text (dialog, "Reason for the delay", "Ốm sau chuyến đi");
  dn_ui_set_text (dialog, "Excused by", "Giám đốc Sở");
  g_assert_true (dn_form_dialog_save (dialog));
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT returned_on || '|' || exemption_reason || '|' || excused_by "
                                              "FROM passport_loan WHERE passport_id = %" G_GINT64_FORMAT, added),
                   ==, "2025-02-10|Ốm sau chuyến đi|Giám đốc Sở");
  settle (page);
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  /* C1000002 is still out past 07/02 */
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-due-cell", "dn-overdue", "dialog-warning-symbolic"), ==, 1);

  /* a take-back dated before the hand-out is refused in the dialog */
  g_assert_true (dn_list_page_select_id (page, w.soon));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.take-back", NULL));
  dialog = the_dialog ();
  set_date (dialog, "Return date", 2025, 1, 10);
  g_assert_false (dn_form_dialog_save (dialog));
  g_assert_nonnull (dn_form_dialog_get_error (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* extend the new passport (official, once, at most 3 years) */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.extend", NULL));
  dialog = the_dialog ();
  set_date (dialog, "New expiry date", 2032, 3, 2);
  g_assert_false (dn_form_dialog_save (dialog));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (dialog), "3 years"));
  set_date (dialog, "New expiry date", 2032, 3, 1);
  dn_ui_set_text (dialog, "Decision or letter", "Quyết định số 5/QĐ-BNG");
  g_assert_true (dn_form_dialog_save (dialog));
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT expiry_date || extension_count FROM passport WHERE id = %"
                                              G_GINT64_FORMAT, added), ==, "2032-03-011");

  /* the other one is lost abroad: a loss needs its letter */
  g_assert_true (dn_list_page_select_id (page, w.soon));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.record-loss", NULL));
  dialog = the_dialog ();
  g_assert_false (dn_form_dialog_save (dialog));
  dn_ui_set_text (dialog, "Letter", "Công văn số 20/SGDĐT-VP ngày 11/02/2025");
  g_assert_true (dn_form_dialog_save (dialog));
  dn_test_assert_owned_cmpstr (dn_test_query_text (store, "SELECT status FROM passport WHERE id = %" G_GINT64_FORMAT, w.soon),
                   ==, "lost");
  settle (page);
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  /* lost: no longer an overdue return */
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-due-cell", "dn-overdue", "dialog-warning-symbolic"), ==, 0);

  /* the details show the ledger line */
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "passport.open", NULL));
  {
    GtkWindow *details = dn_ui_find_window (DN_TYPE_PASSPORT_DETAILS);

    g_assert_nonnull (details);
    g_assert_true (has_label_containing (dn_ui_get_named (details, "passport-details-ledger"), "Ốm sau chuyến đi"));
  }

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
  dn_date_set_today (NULL);
}

/* The overview's cards open this list filtered as they count: on the demo's
 * day, 1 passport overdue and 3 expiring (test-window checks the cards). */
static void
test_links (DnTestStore   *fixture,
            gconstpointer  data)
{
  GDate today = dn_test_date (2026, 11, 22);
  g_autoptr(GError) error = NULL;
  DnWindow *window;
  DnListPage *page;

  dn_date_set_today (&today);
  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  window = dn_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = DN_LIST_PAGE (dn_window_get_section_page (window, "passports"));

  g_assert_true (dn_window_show_list (window, "passports:overdue"));
  g_assert_cmpstr (dn_window_get_section (window), ==, "passports");
  wait_count (page, "1 passport");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Overdue returns"))));
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-due-cell", "dn-overdue", "dialog-warning-symbolic"), ==, 1);

  g_assert_true (dn_window_show_list (window, "passports:expiring"));
  wait_count (page, "3 passports");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Expiring soon"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Overdue returns"))));
  dn_ui_wait_for_frame (GTK_WIDGET (window), 2000);
  g_assert_cmpuint (count_marked (GTK_WIDGET (page), "passport-expiry-cell", "dn-expiring", "alarm-symbolic"), ==, 3);

  g_assert_true (dn_window_show_list (window, "passports:all"));
  g_assert_false (dn_passport_filter_is_active (dn_list_page_get_filter (page)));
  g_test_expect_message ("dn-window", G_LOG_LEVEL_WARNING, "No list “passports:nothing”");
  g_assert_false (dn_window_show_list (window, "passports:nothing"));
  g_test_assert_expected_messages ();

  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
  dn_date_set_today (NULL);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);
  DN_TEST_ADD ("/passports-page/section", test_section);
  DN_TEST_ADD ("/passports-page/links", test_links);
  return g_test_run ();
}
