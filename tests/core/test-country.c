/* test-country.c: the ISO 3166-1 countries and their Vietnamese names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-country"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "dn-country.h"
#include "dn-text.h"

/* The interface in English: no translation in use. */
static void
use_english (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

/* The interface in Vietnamese, as the application sets it up; FALSE (the
 * test skipped) when the machine lacks the vi_VN.UTF-8 locale. */
static gboolean
use_vietnamese (void)
{
  const char *build_root = g_getenv ("DN_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  g_assert_nonnull (build_root);
  localedir = g_build_filename (build_root, "po", NULL);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("no vi_VN.UTF-8 locale");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "vi", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Units"), ==, "Đơn vị");
  return TRUE;
}

static gboolean
has_code (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_str_equal (codes->pdata[i], code))
      return TRUE;
  return FALSE;
}

static guint
position_of (GPtrArray  *codes,
             const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_str_equal (codes->pdata[i], code))
      return i;
  g_assert_not_reached ();
}

static void
test_names (void)
{
  static const struct
  {
    const char *code, *vietnamese, *english;
  } cases[] = {
    { "VN", "Việt Nam", "Vietnam" },
    { "KR", "Hàn Quốc", "South Korea" },
    { "KP", "Triều Tiên", "North Korea" },
    { "LA", "Lào", "Laos" },
    { "KH", "Campuchia", "Cambodia" },
    { "US", "Hoa Kỳ", "United States" },
    { "GB", "Vương quốc Anh", "United Kingdom" },
    { "JP", "Nhật Bản", "Japan" },
    { "CN", "Trung Quốc", "China" },
    { "TH", "Thái Lan", "Thailand" },
    { "AU", "Ô-xtrây-li-a", "Australia" },
    { "FR", "Pháp", "France" },
    { "DE", "Đức", "Germany" },
    { "SA", "Ả Rập Xê Út", "Saudi Arabia" },
    { "EG", "Ai Cập", "Egypt" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (dn_country_is_valid (cases[i].code));
      g_assert_cmpstr (dn_country_vietnamese_name (cases[i].code), ==, cases[i].vietnamese);
      g_assert_cmpstr (dn_country_english_name (cases[i].code), ==, cases[i].english);
    }
  /* every name is in NFC, on one line, without a tab */
  {
    g_autoptr(GPtrArray) codes = dn_country_list ();

    for (guint i = 0; i < codes->len; i++)
      {
        const char *names[] = { dn_country_vietnamese_name (codes->pdata[i]),
                                dn_country_english_name (codes->pdata[i]) };

        for (gsize j = 0; j < G_N_ELEMENTS (names); j++)
          {
            g_autofree char *nfc = dn_text_normalize (names[j], -1, TRUE);

            g_assert_nonnull (names[j]);
            g_assert_cmpstr (names[j], ==, nfc);
            g_assert_cmpuint (strlen (names[j]), >, 0);
          }
      }
  }
}

static void
test_refused (void)
{
  const char *bad[] = { NULL, "", "vn", "Vn", "vN", "V", "VNM", "XX", "ZZ", "V N", "VN ", " VN",
                        "A\xc3\x80" /* AÀ */, "1A" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (dn_country_is_valid (bad[i]));
      g_assert_null (dn_country_name (bad[i]));
      g_assert_null (dn_country_vietnamese_name (bad[i]));
      g_assert_null (dn_country_english_name (bad[i]));
      g_assert_null (dn_country_dup_search_text (bad[i]));
    }
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) codes = dn_country_list ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (dn_country_count (), >=, 249);
  g_assert_cmpuint (codes->len, ==, dn_country_count ());
  for (guint i = 0; i < codes->len; i++)
    {
      g_assert_true (dn_country_is_valid (codes->pdata[i]));
      g_assert_true (g_hash_table_add (seen, codes->pdata[i]));  /* each once */
    }
}

/* Not knowing the language, the list is in English, in the order of the
 * English names. */
static void
test_english (void)
{
  g_autoptr(GPtrArray) codes = NULL;

  use_english ();
  g_assert_cmpstr (dn_country_name ("VN"), ==, "Vietnam");
  g_assert_cmpstr (dn_country_name ("KR"), ==, "South Korea");
  codes = dn_country_list ();
  g_assert_cmpstr (codes->pdata[0], ==, "AF");  /* Afghanistan */
  g_assert_cmpuint (position_of (codes, "EG"), <, position_of (codes, "SA"));  /* Egypt, Saudi Arabia */
  for (guint i = 1; i < codes->len; i++)
    g_assert_cmpint (dn_text_collate (dn_country_name (codes->pdata[i - 1]),
                                      dn_country_name (codes->pdata[i])), <=, 0);
}

/* A record's list of codes as one text: empty parts left out, an unknown
 * code as itself; the Vietnamese names whatever the interface's language */
static void
test_dup_names (void)
{
  static const char *cases[][3] = {
    /* codes, in the interface's language (English), in Vietnamese */
    { "KR,JP", "South Korea, Japan", "Hàn Quốc, Nhật Bản" },
    { ",KR,,XX,", "South Korea, XX", "Hàn Quốc, XX" },
    { "VN", "Vietnam", "Việt Nam" },
    { "", "", "" },
    { NULL, "", "" },
  };

  use_english ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names = dn_country_dup_names (cases[i][0]);
      g_autofree char *vietnamese = dn_country_dup_vietnamese_names (cases[i][0]);

      g_assert_cmpstr (names, ==, cases[i][1]);
      g_assert_cmpstr (vietnamese, ==, cases[i][2]);
    }
}

static void
test_vietnamese (void)
{
  g_autoptr(GPtrArray) codes = NULL;

  if (!use_vietnamese ())
    return;
  g_assert_cmpstr (dn_country_name ("VN"), ==, "Việt Nam");
  g_assert_cmpstr (dn_country_name ("KR"), ==, "Hàn Quốc");
  g_assert_cmpstr (dn_country_name ("US"), ==, "Hoa Kỳ");

  /* Vietnamese dictionary order of the Vietnamese names: "Ả Rập Xê Út"
   * before "Ai Cập" (a space before a letter, the tone only after), "Ai
   * Cập" before "An-ba-ni"; a < ă < â: "Áo" < "Ăng-gô-la" < "Ấn Độ"; đ after
   * every d and before e: "Cu-ba" < "Đan Mạch" < "Đức" < "Ê-cu-a-đoa";
   * "Ô-man" < "Ô-xtrây-li-a" */
  codes = dn_country_list ();
  g_assert_cmpuint (position_of (codes, "SA"), <, position_of (codes, "EG"));
  g_assert_cmpuint (position_of (codes, "EG"), <, position_of (codes, "AL"));
  g_assert_cmpuint (position_of (codes, "AT"), <, position_of (codes, "AO"));
  g_assert_cmpuint (position_of (codes, "AO"), <, position_of (codes, "IN"));
  g_assert_cmpuint (position_of (codes, "CU"), <, position_of (codes, "DK"));
  g_assert_cmpuint (position_of (codes, "DK"), <, position_of (codes, "DE"));
  g_assert_cmpuint (position_of (codes, "DE"), <, position_of (codes, "EC"));
  g_assert_cmpuint (position_of (codes, "OM"), <, position_of (codes, "AU"));
  g_assert_cmpuint (position_of (codes, "US"), <, position_of (codes, "VN"));
  for (guint i = 1; i < codes->len; i++)
    g_assert_cmpint (dn_text_collate (dn_country_name (codes->pdata[i - 1]),
                                      dn_country_name (codes->pdata[i])), <=, 0);

  use_english ();
}

static void
test_search (void)
{
  static const struct
  {
    const char *query;
    const char *found[4];
    const char *not_found[4];
  } cases[] = {
    { "han quoc", { "KR" }, { "KP", "VN" } },
    { "HÀN QUỐC", { "KR" }, { "KP" } },
    { "quoc han", { "KR" }, { "KP" } },
    { "viet", { "VN" }, { "KR" } },
    { "việt nam", { "VN" } },
    { "korea", { "KR", "KP" }, { "VN", "JP" } },
    { "south korea", { "KR" }, { "KP" } },
    { "trieu tien", { "KP" }, { "KR" } },
    { "duc", { "DE" } },                        /* đ = d */
    { "my", { "US" } },                         /* the colloquial name */
    { "hoa ky", { "US" } },
    { "united states", { "US" } },
    { "uc", { "AU" } },
    { "australia", { "AU" } },
    { "lao", { "LA" } },
    { "JP", { "JP" } },                         /* the code */
    { "xyzzy", { NULL }, { "VN", "KR" } },
  };

  use_english ();
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) codes = dn_country_search (cases[i].query);

      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].found) && cases[i].found[j] != NULL; j++)
        if (!has_code (codes, cases[i].found[j]))
          g_error ("\"%s\" does not find %s", cases[i].query, cases[i].found[j]);
      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].not_found) && cases[i].not_found[j] != NULL; j++)
        if (has_code (codes, cases[i].not_found[j]))
          g_error ("\"%s\" finds %s", cases[i].query, cases[i].not_found[j]);
      if (cases[i].found[0] == NULL)
        g_assert_cmpuint (codes->len, ==, 0);
    }

  /* no word: everything, in the list's order */
  {
    g_autoptr(GPtrArray) all = dn_country_list ();
    const char *empty[] = { NULL, "", "   ", "\t" };

    for (gsize i = 0; i < G_N_ELEMENTS (empty); i++)
      {
        g_autoptr(GPtrArray) codes = dn_country_search (empty[i]);

        g_assert_cmpuint (codes->len, ==, all->len);
        for (guint j = 0; j < all->len; j++)
          g_assert_cmpstr (codes->pdata[j], ==, all->pdata[j]);
      }
  }

  /* the search text is what the search matches */
  {
    g_autofree char *text = dn_country_dup_search_text ("KR");

    g_assert_true (dn_text_matches ("han quoc", text));
    g_assert_true (dn_text_matches ("korea republic", text));
  }
}

static gpointer
read_names (gpointer data)
{
  g_autoptr(GPtrArray) codes = dn_country_search ("an");

  g_assert_cmpuint (codes->len, >, 0);
  return GUINT_TO_POINTER (dn_country_is_valid ("VN") && g_strcmp0 (dn_country_vietnamese_name ("VN"), "Việt Nam") == 0);
}

/* The first use from several threads at once loads the list once. */
static void
test_threads (void)
{
  GThread *threads[4];

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("country", read_names, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[i])));
      g_assert_cmpuint (dn_country_count (), >=, 249);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* before anything reads the list: the threads must be the first */
  g_test_add_func ("/country/threads", test_threads);
  g_test_add_func ("/country/names", test_names);
  g_test_add_func ("/country/refused", test_refused);
  g_test_add_func ("/country/list", test_list);
  g_test_add_func ("/country/english", test_english);
  g_test_add_func ("/country/dup-names", test_dup_names);
  g_test_add_func ("/country/vietnamese", test_vietnamese);
  g_test_add_func ("/country/search", test_search);

  return g_test_run ();
}
