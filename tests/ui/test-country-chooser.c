/* test-country-chooser.c: DnCountryChooser, the countries by their names in
 * the interface's language, searched by the one matching rule, chosen by
 * code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-country-chooser"

#include "config.h"

#include <gtk/gtk.h>

#include "dn-country.h"
#include "dn-country-chooser.h"
#include "dn-ui-test-utils.h"

static GtkWidget *
chooser_in_window (GtkWidget **window)
{
  GtkWidget *chooser = dn_country_chooser_new ();

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), chooser);
  gtk_window_present (GTK_WINDOW (*window));
  dn_ui_spin (0);
  return chooser;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_english (void)
{
  GtkWidget *window;
  GtkWidget *chooser = chooser_in_window (&window);
  g_autofree char *code = NULL;
  gint64 korea;
  guint notified = 0;

  /* named for assistive technologies, and found by that name */
  g_assert_true (dn_ui_get_by_label (window, "Country") == chooser);

  /* every country, without a store */
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, dn_country_count ());
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), >=, 249);
  g_assert_null (dn_country_chooser_get_code (DN_COUNTRY_CHOOSER (chooser)));
  g_assert_nonnull (dn_ui_find_text (chooser, "Choose a country…"));

  /* the search: names in both languages, other names, the code */
  dn_chooser_set_search (DN_CHOOSER (chooser), "han quoc");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (chooser), "KOREA");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 2);
  dn_chooser_set_search (DN_CHOOSER (chooser), "viet");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (chooser), "xyzzy");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 0);
  dn_chooser_set_search (DN_CHOOSER (chooser), "");

  /* the list opened: its rows drawn, its search field named */
  dn_chooser_popup (DN_CHOOSER (chooser));
  dn_ui_spin (200);
  g_assert_nonnull (dn_ui_get_by_label (window, "Search countries"));
  g_assert_nonnull (dn_ui_get_by_label (window, "Countries"));

  /* chosen by code, shown by name; "code" notified once per change */
  g_signal_connect (chooser, "notify::code", G_CALLBACK (count_cb), &notified);
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), "VN");
  g_assert_cmpstr (dn_country_chooser_get_code (DN_COUNTRY_CHOOSER (chooser)), ==, "VN");
  g_assert_nonnull (dn_ui_find_text (chooser, "Vietnam"));
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), "VN");
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (chooser, "code", "KR", NULL);
  g_object_get (chooser, "code", &code, NULL);
  g_assert_cmpstr (code, ==, "KR");
  g_assert_nonnull (dn_ui_find_text (chooser, "South Korea"));
  g_assert_cmpuint (notified, ==, 2);

  /* picked in the list, as a click on its row does */
  korea = dn_chooser_get_id (DN_CHOOSER (chooser));
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), NULL);
  g_assert_null (dn_country_chooser_get_code (DN_COUNTRY_CHOOSER (chooser)));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (dn_chooser_pick (DN_CHOOSER (chooser), korea));
  g_assert_cmpstr (dn_country_chooser_get_code (DN_COUNTRY_CHOOSER (chooser)), ==, "KR");
  g_assert_cmpuint (notified, ==, 4);

  /* a code that is not a country is refused and changes nothing */
  g_test_expect_message ("dn-country-chooser", G_LOG_LEVEL_CRITICAL, "*dn_country_is_valid*");
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), "kr");
  g_test_assert_expected_messages ();
  g_test_expect_message ("dn-country-chooser", G_LOG_LEVEL_CRITICAL, "*dn_country_is_valid*");
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), "XX");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (dn_country_chooser_get_code (DN_COUNTRY_CHOOSER (chooser)), ==, "KR");
  g_assert_cmpuint (notified, ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

static void
test_vietnamese (void)
{
  GtkWidget *window;
  GtkWidget *chooser;
  GListModel *rows;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GtkStringObject) first = NULL;

  if (!dn_ui_use_vietnamese ())
    {
      g_test_skip ("the Vietnamese translation is not built");
      return;
    }
  chooser = chooser_in_window (&window);

  /* in the order of the Vietnamese names */
  codes = dn_country_list ();
  rows = dn_chooser_get_model (DN_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, codes->len);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, codes->pdata[0]);

  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), "KR");
  g_assert_nonnull (dn_ui_find_text (chooser, "Hàn Quốc"));
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (chooser), "US");
  g_assert_nonnull (dn_ui_find_text (chooser, "Hoa Kỳ"));

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  /* English first: the Vietnamese case switches the process's language */
  g_test_add_func ("/country-chooser/english", test_english);
  g_test_add_func ("/country-chooser/vietnamese", test_vietnamese);
  return g_test_run ();
}
