/* test-officer.c: how the officer is named in the records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-officer"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "dn-officer.h"

static void
test_format (void)
{
  static const struct
  {
    const char *name, *position, *expected;
  } cases[] = {
    { "Nguyễn Thị Lan", "Chuyên viên", "Nguyễn Thị Lan (Chuyên viên)" },
    { "  Trần   Văn\tAn ", " Phó Chánh  Văn phòng ", "Trần Văn An (Phó Chánh Văn phòng)" },
    { "Lê Minh", "", "Lê Minh" },
    { "Lê Minh", NULL, "Lê Minh" },
    { "Lê Minh", "   ", "Lê Minh" },
    /* decomposed input is stored composed */
    { "Nguye\xcc\x82\xcc\x83n", "Chuye\xcc\x82n vie\xcc\x82n", "Nguyễn (Chuyên viên)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *label = dn_officer_format (cases[i].name, cases[i].position, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (label, ==, cases[i].expected);
    }
}

/* No name: NULL without an error, the caller keeps the login name. */
static void
test_no_name (void)
{
  const char *names[] = { NULL, "", "  \t " };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *label = dn_officer_format (names[i], "Chuyên viên", &error);

      g_assert_no_error (error);
      g_assert_null (label);
    }
}

static void
test_refused (void)
{
  g_autofree char *long_name = NULL;
  GString *s = g_string_new (NULL);
  struct
  {
    const char *name, *position, *says;
  } cases[] = {
    { "Nguy\xff" "n", "Chuyên viên", "not valid" },
    { "Lan", "Chuyên\x01viên", "control character" },
    { "Lan\xe2\x80\xae", "Chuyên viên", "\\u{202E}" },
    { NULL, "Chuyên viên", "longer than 200" },
  };

  for (int i = 0; i < DN_OFFICER_MAX_CHARS + 1; i++)
    g_string_append (s, "ệ");
  long_name = g_string_free (s, FALSE);
  cases[3].name = long_name;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *label = dn_officer_format (cases[i].name, cases[i].position, &error);

      g_assert_null (label);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }

  /* exactly the limit is accepted */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *fits = g_utf8_substring (long_name, 0, DN_OFFICER_MAX_CHARS);
    g_autofree char *label = dn_officer_format (fits, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (label, ==, fits);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/officer/format", test_format);
  g_test_add_func ("/officer/no-name", test_no_name);
  g_test_add_func ("/officer/refused", test_refused);
  return g_test_run ();
}
