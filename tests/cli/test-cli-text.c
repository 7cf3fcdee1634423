/* test-cli-text.c: doingoai-cli convert-legacy
 *
 * The built doingoai-cli (path in $DN_TEST_CLI) reads text from a file or
 * its standard input; each case checks the exit status, stdout and stderr,
 * and that no database was made (the command needs none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-text"

#include "config.h"

#include <string.h>

#include "dn-cli-test-utils.h"
#include "dn-test-utils.h"

static const char *cli_path;

typedef struct
{
  char *dir;        /* files of the case, and its XDG_DATA_HOME */
  char *data_home;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = dn_test_make_tmp_dir ();
  f->data_home = g_build_filename (f->dir, "data-home", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* no database, not even its folder */
  g_autofree char *folder = g_build_filename (f->data_home, "doingoai", NULL);

  g_assert_false (g_file_test (f->data_home, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  dn_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->data_home);
}

/* Runs convert-legacy with @args (NULL-ended) and @input on stdin (or NULL). */
static CliRun *
run (Fixture    *f,
     const char *input,
     gssize      input_len,
     const char *first,
     ...);
/* (@first may be the NULL that ends the list: no G_GNUC_NULL_TERMINATED) */
static CliRun *
run (Fixture    *f,
     const char *input,
     gssize      input_len,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  va_list ap;

  if (input != NULL)
    bytes = g_bytes_new (input, input_len >= 0 ? (gsize) input_len : strlen (input));
  g_ptr_array_add (args, (gpointer) "convert-legacy");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return dn_cli_run_input (cli_path, f->data_home, NULL, bytes, (const char * const *) args->pdata);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/* --from auto (the default) on stdin: the text on stdout, what was found on
 * stderr */
static void
test_auto (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CliRun) tcvn3 = run (f, "Xin chµo c¸c b¹n\n", -1, NULL);
  g_autoptr(CliRun) vni = run (f, "Sôû Giaùo duïc vaø Ñaøo taïo Laøo Cai\n", -1, "--from", "auto", NULL);
  g_autoptr(CliRun) caps = run (f, "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM\n", -1, NULL);

  g_assert_cmpint (tcvn3->status, ==, 0);
  g_assert_cmpstr (tcvn3->out, ==, "Xin chào các bạn\n");
  g_assert_true (g_str_has_prefix (tcvn3->err, "Found TCVN3 (ABC) ("));
  g_assert_true (g_str_has_suffix (tcvn3->err, "% sure).\n"));

  g_assert_cmpint (vni->status, ==, 0);
  g_assert_cmpstr (vni->out, ==, "Sở Giáo dục và Đào tạo Lào Cai\n");
  g_assert_true (g_str_has_prefix (vni->err, "Found VNI ("));

  g_assert_cmpint (caps->status, ==, 0);
  g_assert_cmpstr (caps->out, ==, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
}

/* a file: the bytes of an old .txt file, or pasted text saved as UTF-8 */
static void
test_file (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *raw_tcvn3 = write_file (f, "tcvn3.txt", "Xin ch\xb5o c\xb8" "c b\xb9n\r\n", -1);
  g_autofree char *raw_vni = write_file (f, "vni.txt", "Vie\xe4t Nam\n", -1);
  g_autofree char *pasted = write_file (f, "pasted.txt", "ViÖt Nam", -1);
  g_autoptr(CliRun) a = run (f, NULL, 0, raw_tcvn3, NULL);
  g_autoptr(CliRun) b = run (f, NULL, 0, "--from", "vni", raw_vni, NULL);
  g_autoptr(CliRun) c = run (f, NULL, 0, "-f", "tcvn3", pasted, NULL);

  g_assert_cmpint (a->status, ==, 0);
  g_assert_cmpstr (a->out, ==, "Xin chào các bạn\r\n");  /* line ends kept */
  g_assert_true (g_str_has_prefix (a->err, "Found TCVN3 (ABC)"));

  /* the encoding given: nothing said on stderr */
  g_assert_cmpint (b->status, ==, 0);
  g_assert_cmpstr (b->out, ==, "Việt Nam\n");
  g_assert_cmpstr (b->err, ==, "");
  g_assert_cmpint (c->status, ==, 0);
  g_assert_cmpstr (c->out, ==, "Việt Nam");
  g_assert_cmpstr (c->err, ==, "");
}

/* the encoding given is applied even where auto would find nothing */
static void
test_explicit (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CliRun) vni = run (f, "Hoàng\n", -1, "--from", "vni", NULL);
  g_autoptr(CliRun) abc = run (f, "h\u00ADíng dÉn\n", -1, "--from=ABC", NULL);

  g_assert_cmpint (vni->status, ==, 0);
  g_assert_cmpstr (vni->out, ==, "Hồng\n");
  g_assert_cmpint (abc->status, ==, 0);
  g_assert_cmpstr (abc->out, ==, "hướng dẫn\n");
}

/* nothing found: exit 1, the reason, nothing printed */
static void
test_none_found (Fixture       *f,
                 gconstpointer  data)
{
  const char *texts[] = {
    "Plain ASCII text.\n",
    "Sở Giáo dục và Đào tạo Lào Cai\n",
    "Le café où je suis allé était fermé.\n",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(CliRun) r = run (f, texts[i], -1, NULL);

      g_assert_cmpint (r->status, ==, 1);
      g_assert_cmpstr (r->out, ==, "");
      g_assert_cmpstr (r->err, ==, "doingoai-cli: No text in TCVN3 (ABC) or VNI was found: the text is left as it is.\n");
    }
  {
    /* UTF-16 (NUL bytes): not text */
    g_autoptr(CliRun) r = run (f, "X\0i\0n\0", 6, "--from", "tcvn3", NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_cmpstr (r->out, ==, "");
    g_assert_nonnull (strstr (r->err, "NUL"));
  }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  /* the command stops before reading its input: none is written, which
   * could otherwise meet a closed pipe (SIGPIPE) */
  g_autoptr(CliRun) bad_value = run (f, "", 0, "--from", "latin1", NULL);
  g_autoptr(CliRun) none = run (f, "", 0, "--from", "none", NULL);
  g_autoptr(CliRun) bad_option = run (f, "", 0, "--to", "vni", NULL);
  g_autoptr(CliRun) two_files = run (f, "", 0, "a.txt", "b.txt", NULL);

  g_assert_cmpint (bad_value->status, ==, 2);
  g_assert_cmpstr (bad_value->out, ==, "");
  g_assert_true (g_str_has_prefix (bad_value->err, "doingoai-cli: Unknown encoding “latin1”: use auto, tcvn3 or vni.\n"));
  g_assert_cmpint (none->status, ==, 2);
  g_assert_cmpint (bad_option->status, ==, 2);
  g_assert_nonnull (strstr (bad_option->err, "--to"));
  g_assert_cmpint (two_files->status, ==, 2);
  g_assert_true (g_str_has_prefix (two_files->err, "doingoai-cli: Give at most one file name.\n"));
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-file.txt", NULL);
  g_autoptr(CliRun) r = run (f, NULL, 0, path, NULL);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "doingoai-cli: Cannot read “"));
  g_assert_nonnull (strstr (r->err, "no-such-file.txt"));
}

/* a file longer than the conversion takes: refused before it is read */
static void
test_too_long (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliRun) r = NULL;

  /* 65 MiB: one byte at the end, the rest a hole where the file system has them */
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_seek (G_SEEKABLE (stream), 65 * 1024 * 1024 - 1, G_SEEK_SET, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), "a", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  r = run (f, NULL, 0, path, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_cmpstr (r->err, ==, "doingoai-cli: The text is too long: at most 64 MB is converted.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = NULL;
  int status;

  user_dirs = dn_test_isolate_user_dirs ();
  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("DN_TEST_CLI");
  if (cli_path == NULL)
    g_error ("run this through meson test: DN_TEST_CLI is not set");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/convert-legacy/auto", test_auto);
  ADD ("/cli/convert-legacy/file", test_file);
  ADD ("/cli/convert-legacy/explicit", test_explicit);
  ADD ("/cli/convert-legacy/none-found", test_none_found);
  ADD ("/cli/convert-legacy/usage-errors", test_usage_errors);
  ADD ("/cli/convert-legacy/missing-file", test_missing_file);
  ADD ("/cli/convert-legacy/too-long", test_too_long);
#undef ADD

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
