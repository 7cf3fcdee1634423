/* test-partners-page.c: the Đối tác & dự án section in the real window: its
 * list, the expiry marks and filter, the partner and project editors and
 * the partner's details, driven through their actions
 *
 * Widgets are found by their accessible labels (GTK_A11Y=test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-partners-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <gtk/gtk.h>

#include "dn-country-chooser.h"
#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-form-dialog.h"
#include "dn-list-page.h"
#include "dn-partner-details.h"
#include "dn-partner-editor.h"
#include "dn-partners-page.h"
#include "dn-project-editor.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-window.h"

static guint
wait_rows (DnListPage *page)
{
  g_assert_true (dn_ui_wait_until (dn_ui_list_page_loaded, page, 5000));
  dn_ui_spin (20);
  return g_list_model_get_n_items (G_LIST_MODEL (dn_list_page_get_model (page)));
}

/* The window's last message */
static void
on_message_cb (DnWindowContext  *context,
               const char       *text,
               gboolean          with_undo,
               char            **last)
{
  g_free (*last);
  *last = g_strdup (text);
}

static gboolean
window_open_cb (gpointer data)
{
  return dn_ui_find_window ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

static GtkWindow *
wait_window (GType type)
{
  g_assert_true (dn_ui_wait_until (window_open_cb, GSIZE_TO_POINTER (type), 5000));
  return dn_ui_find_window (type);
}

/* A cell named @name below @root with the style class @css_class. */
typedef struct
{
  const char *name;
  const char *css_class;
} CellMatch;

static gboolean
match_cell (GtkWidget     *widget,
            gconstpointer  data)
{
  const CellMatch *match = data;

  return g_strcmp0 (gtk_widget_get_name (widget), match->name) == 0 &&
         gtk_widget_has_css_class (widget, match->css_class) && gtk_widget_get_mapped (widget);
}

static gboolean
details_read_cb (gpointer data)
{
  return !dn_partner_details_is_loading (data);
}

static void
wait_details (GtkWindow *details)
{
  dn_ui_spin (20);
  g_assert_true (dn_ui_wait_until (details_read_cb, details, 5000));
}

static void
test_section (DnTestStore   *fixture,
              gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate soon = dn_test_date (2025, 4, 1);
  GDate expired = dn_test_date (2025, 2, 1);
  g_autoptr(DnPartner) stc = dn_partner_new ();
  g_autoptr(DnPartner) unicef = dn_partner_new ();
  g_autoptr(DnPartner) old = dn_partner_new ();
  g_autoptr(GError) error = NULL;
  DnWindow *window;
  DnListPage *page;
  GtkWindow *editor;
  GtkWindow *details;
  g_autofree char *message = NULL;
  gint64 added;

  dn_date_set_today (&today);
  dn_test_add_unit (fixture->store, "SGD", "Sở GD&ĐT Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  g_free (stc->name);
  stc->name = g_strdup ("Tổ chức Cứu trợ Trẻ em");
  g_free (stc->short_name);
  stc->short_name = g_strdup ("Save the Children");
  stc->kind = DN_PARTNER_NGO;
  g_free (stc->country_code);
  stc->country_code = g_strdup ("GB");
  stc->registration_kind = DN_REGISTRATION_OPERATION;
  stc->registration_expiry = soon;
  g_assert_true (dn_store_add_partner (fixture->store, stc, &today, FALSE, &error));
  g_free (unicef->name);
  unicef->name = g_strdup ("Quỹ Nhi đồng Liên hợp quốc");
  unicef->kind = DN_PARTNER_UN_AGENCY;
  g_assert_true (dn_store_add_partner (fixture->store, unicef, &today, FALSE, &error));
  g_free (old->name);
  old->name = g_strdup ("Global Volunteers International");
  old->registration_kind = DN_REGISTRATION_REPRESENTATIVE_OFFICE;
  old->registration_expiry = expired;
  g_assert_true (dn_store_add_partner (fixture->store, old, &today, FALSE, &error));
  g_assert_no_error (error);

  window = dn_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  dn_window_show_section (window, "partners");
  page = DN_LIST_PAGE (dn_ui_find_type (GTK_WIDGET (window), DN_TYPE_PARTNERS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (wait_rows (page), ==, 3);
  g_assert_cmpstr (dn_list_page_get_count_text (page), ==, "3 partners");

  /* the paper expiring within 90 days and the expired one are marked,
   * with an icon and a tooltip */
  dn_ui_spin (100);
  {
    CellMatch soon_cell = { "expiry-cell", "dn-registration-expiring" };
    CellMatch expired_cell = { "expiry-cell", "dn-registration-expired" };
    GtkWidget *cell = dn_ui_find (GTK_WIDGET (page), match_cell, &soon_cell);
    g_autoptr(DnPartner) first = g_list_model_get_item (G_LIST_MODEL (dn_list_page_get_model (page)), 0);
    g_autoptr(DnPartner) last = g_list_model_get_item (G_LIST_MODEL (dn_list_page_get_model (page)), 2);
    g_autofree char *tooltip = NULL;
    g_autofree char *expired_tooltip = NULL;

    g_assert_nonnull (cell);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (cell)));
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (gtk_widget_get_first_child (cell))), ==, "alarm-symbolic");
    g_assert_nonnull (dn_ui_find (GTK_WIDGET (page), match_cell, &expired_cell));
    /* Vietnamese order: G, Q, T */
    g_assert_cmpint (first->id, ==, old->id);
    g_assert_cmpint (last->id, ==, stc->id);
    tooltip = DN_LIST_PAGE_GET_CLASS (page)->get_tooltip (page, DN_PARTNER_COLUMN_EXPIRY, last);
    g_assert_nonnull (strstr (tooltip, "in 31 days"));
    expired_tooltip = DN_LIST_PAGE_GET_CLASS (page)->get_tooltip (page, DN_PARTNER_COLUMN_EXPIRY, first);
    g_assert_nonnull (strstr (expired_tooltip, "expired on 01/02/2025"));
  }

  /* the filter of expiring papers */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Registration expiring")), TRUE);
  dn_ui_wait_for_list_rows (page, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Registration expiring")), FALSE);
  dn_ui_wait_for_list_rows (page, 3);
  /* the overview's card links to the same list */
  dn_window_show_section (window, "overview");
  g_assert_true (dn_window_show_list (window, "partners:expiring"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  dn_ui_wait_for_list_rows (page, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dn_ui_get_by_label (page, "Registration expiring"))));
  dn_list_page_clear_filters (page);
  dn_ui_wait_for_list_rows (page, 3);

  /* a partner through partner.new: a paper lasting longer than 3 years
   * warns, saving again keeps it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partner.new", NULL));
  editor = wait_window (DN_TYPE_PARTNER_EDITOR);
  {
    g_autofree char *twice = dn_ui_mnemonics_used_twice (editor);

    g_assert_cmpstr (twice, ==, "");
  }
  dn_ui_set_text (editor, "Name", "Global Care");
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (dn_ui_get_by_label (editor, "Country")), "US");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (editor, "Registration paper")),
                              DN_REGISTRATION_OPERATION);
  dn_ui_set_text (editor, "Registration paper number", "45/GĐK-BNG");
  dn_ui_set_text (editor, "Registration expiry date", "2/3/2028");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (editor)), "3 years"));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 3);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (50);
  dn_ui_wait_for_list_rows (page, 4);
  added = dn_test_query_int (fixture->store, "SELECT id FROM partner WHERE name = 'Global Care'");
  dn_test_assert_owned_cmpstr (dn_test_query_text (fixture->store, "SELECT country_code || ' ' || registration_kind || ' ' || "
                                       "registration_expiry FROM partner WHERE id = %" G_GINT64_FORMAT, added),
                   ==, "US operation 2028-03-02");
  g_assert_cmpint (dn_list_page_get_selected_id (page), ==, added);

  /* a project of it through project.new */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "project.new", NULL));
  editor = wait_window (DN_TYPE_PROJECT_EDITOR);
  {
    g_autofree char *twice = dn_ui_mnemonics_used_twice (editor);

    g_assert_cmpstr (twice, ==, "");
  }
  dn_ui_set_text (editor, "Project name", "Nước sạch cho trường học");
  dn_ui_set_text (editor, "Start date", "1/9/2025");
  dn_ui_set_text (editor, "End date", "31/5/2027");
  dn_ui_set_text (editor, "Budget", "12.500");
  dn_ui_set_text (editor, "Currency", "USD");
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (editor), "Budget: 12.500 USD"));
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (50);
  dn_test_assert_owned_cmpstr (dn_test_query_text (fixture->store, "SELECT name || ' ' || budget || ' ' || currency || ' ' || "
                                       "start_date FROM project WHERE partner_id = %" G_GINT64_FORMAT, added),
                   ==, "Nước sạch cho trường học 12500 USD 2025-09-01");

  /* the details: its projects, the budget written 12.500 USD */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partner.open", NULL));
  details = wait_window (DN_TYPE_PARTNER_DETAILS);
  wait_details (details);
  g_assert_cmpint (dn_partner_details_get_partner (DN_PARTNER_DETAILS (details)), ==, added);
  {
    GtkWidget *list = dn_ui_get_by_label (details, "Aid projects");
    GtkWidget *row = gtk_widget_get_first_child (list);
    g_autoptr(DnProject) project = NULL;
    gint64 project_id = dn_test_query_int (fixture->store, "SELECT id FROM project");

    g_assert_nonnull (row);
    g_assert_nonnull (dn_ui_find_text (list, "Nước sạch cho trường học"));
    g_assert_nonnull (dn_ui_find_text (list, "Under way · 01/09/2025 – 31/05/2027 · 12.500 USD"));
    /* edit it from there */
    g_assert_true (dn_partner_details_select_project (DN_PARTNER_DETAILS (details), project_id));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "project.edit", NULL));
    editor = wait_window (DN_TYPE_PROJECT_EDITOR);
    dn_ui_set_text (editor, "Budget", "1.500.000.000");
    dn_ui_set_text (editor, "Currency", "VND");
    g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
    wait_details (details);
    g_assert_nonnull (dn_ui_find_text (list, "Under way · 01/09/2025 – 31/05/2027 · 1.500.000.000 VND"));
    g_assert_cmpint (dn_partner_details_get_selected_project (DN_PARTNER_DETAILS (details)), ==, project_id);
    /* the partner with a project stays */
    gtk_window_destroy (details);
    dn_ui_spin (20);
    g_signal_connect (dn_window_get_context (window), "message", G_CALLBACK (on_message_cb), &message);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partner.delete", NULL));
    dn_ui_spin (20);
    g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 4);
    /* the store's refusal said */
    g_assert_nonnull (message);
    g_assert_null (strstr (message, "deleted"));
    g_assert_true (dn_store_delete_project (fixture->store, project_id, &error));
    (void) project;
  }

  /* without its project it goes */
  dn_ui_spin (50);
  wait_rows (page);
  g_assert_true (dn_list_page_select_id (page, added));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partner.delete", NULL));
  dn_ui_wait_for_list_rows (page, 3);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 3);
  g_assert_cmpstr (message, ==, "Partner “Global Care” deleted.");
  g_signal_handlers_disconnect_by_data (dn_window_get_context (window), &message);

  dn_ui_destroy_all_windows ();
  dn_date_set_today (NULL);
}

/* Each access key once in the editors (adding and editing, a warning
 * shown) and in the details window, in @language. */
static void
check_mnemonics (DnStore    *store,
                 const char *language)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate far = dn_test_date (2030, 1, 1);
  g_autoptr(DnPartner) partner = dn_partner_new ();
  g_autoptr(DnProject) project = dn_project_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *windows[6];

  g_free (partner->name);
  partner->name = g_strdup ("KOICA");
  g_assert_true (dn_store_add_partner (store, partner, &today, FALSE, &error));
  project->partner_id = partner->id;
  g_free (project->name);
  project->name = g_strdup ("Trường học xanh");
  project->budget = -1;
  g_assert_true (dn_store_add_project (store, project, &error));
  g_assert_no_error (error);

  windows[0] = GTK_WINDOW (dn_partner_editor_new (store, 0, &today, &error));
  windows[1] = GTK_WINDOW (dn_partner_editor_new (store, partner->id, &today, &error));
  windows[2] = GTK_WINDOW (dn_partner_editor_new (store, partner->id, &today, &error));
  windows[3] = GTK_WINDOW (dn_project_editor_new (store, partner->id, 0, &error));
  windows[4] = GTK_WINDOW (dn_project_editor_new (store, 0, project->id, &error));
  windows[5] = GTK_WINDOW (dn_partner_details_new (store, partner->id, &today));
  g_assert_no_error (error);
  /* the third with the warning shown: Save Anyway */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (windows[2], _("Registration paper"))),
                              DN_REGISTRATION_OPERATION);
  dn_date_entry_set_date (DN_DATE_ENTRY (dn_ui_get_by_label (windows[2], _("Registration expiry date"))), &far);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (windows[2])));
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autofree char *twice = NULL;

      gtk_window_present (windows[i]);
      dn_ui_spin (20);
      twice = dn_ui_mnemonics_used_twice (windows[i]);
      g_test_message ("%s, %s: %s", language, gtk_window_get_title (windows[i]), twice);
      g_assert_cmpstr (twice, ==, "");
      gtk_window_destroy (windows[i]);
    }
  dn_ui_destroy_all_windows ();
}

static void
test_mnemonics (DnTestStore   *fixture,
                gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      check_mnemonics (fixture->store, "en");
      /* the other language in a process of its own */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  /* (a skip would end the subprocess with status 77: a failure for the
   * parent) */
  if (!dn_ui_use_vietnamese ())
    {
      g_test_message ("the Vietnamese translation is not built");
      return;
    }
  /* half-translated forms mix the keys of two languages */
  if (g_str_equal (_("Countr_y"), "Countr_y"))
    {
      g_test_message ("the partners' forms are not translated yet");
      return;
    }
  check_mnemonics (fixture->store, "vi");
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/partners/section", test_section);
  DN_TEST_ADD ("/partners/mnemonics", test_mnemonics);
  return g_test_run ();
}
