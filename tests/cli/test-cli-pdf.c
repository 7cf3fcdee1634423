/* test-cli-pdf.c: doingoai-cli pdf-info, pdf-text and pdf-find, on files
 * the test makes; bad files exit 1 with the reason, usage errors 2; no
 * database is made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-cli-test-utils.h"
#include "dn-pdf-test-utils.h"

static const char *cli;
static char *dir;
static char *pdf;    /* 6 pages */

static CliRun *
run (const char *first, ...)
{
  va_list ap;
  CliRun *r;

  va_start (ap, first);
  r = dn_cli_run_va (cli, dir, NULL, first, ap);
  va_end (ap);
  return r;
}

static void
test_info (void)
{
  g_autoptr(CliRun) r = run ("pdf-info", pdf, NULL);
  g_autofree char *db = g_build_filename (dir, "doingoai", "doingoai.db", NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "pages\t6\ntitle\tHướng dẫn đối ngoại\npage-size\t595\t842\ntext-pages\t6\n"
                               "text-layer\tyes\n");
  g_assert_cmpstr (r->err, ==, "");
  /* no database was made for it */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_text (void)
{
  g_autoptr(CliRun) all = run ("pdf-text", pdf, NULL);
  g_autoptr(CliRun) one = run ("pdf-text", "--page", "2", pdf, NULL);
  g_auto(GStrv) pages = NULL;

  g_assert_cmpint (all->status, ==, 0);
  pages = g_strsplit (all->out, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, 7);
  g_assert_nonnull (strstr (pages[0], "Trang 1"));
  g_assert_nonnull (strstr (pages[1], "Trả hộ chiếu cho Đoàn công tác"));
  g_assert_nonnull (strstr (pages[5], "Trang 6"));
  g_assert_cmpint (one->status, ==, 0);
  {
    g_autofree char *second = g_strconcat (pages[1], "\f", NULL);
    g_assert_cmpstr (one->out, ==, second);
  }
  g_assert_true (g_str_has_prefix (one->out, "Trang 2\n"));
}

static void
test_find (void)
{
  g_autoptr(CliRun) plain = run ("pdf-find", pdf, "ho", "chieu", NULL);
  g_autoptr(CliRun) marked = run ("pdf-find", pdf, "HỘ CHIẾU", NULL);
  g_autoptr(CliRun) stroke = run ("pdf-find", pdf, "doan ra", NULL);
  g_autoptr(CliRun) none = run ("pdf-find", pdf, "không có", NULL);

  g_assert_cmpint (plain->status, ==, 0);
  g_assert_cmpstr (plain->out, ==, "2\t2\n5\t2\n");
  g_assert_cmpint (marked->status, ==, 0);
  g_assert_cmpstr (marked->out, ==, plain->out);
  g_assert_cmpstr (stroke->out, ==, "3\t1\n6\t1\n");
  g_assert_cmpint (none->status, ==, 0);
  g_assert_cmpstr (none->out, ==, "");
}

static void
test_bad_files (void)
{
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "note.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  struct { const char *path, *message; } cases[] = {
    { cut, "“cut.pdf” is damaged or incomplete: it cannot be shown." },
    { text, "“note.pdf” is not a PDF file." },
    { empty, "“empty.pdf” is empty: it is not a PDF file." },
    { missing, "Could not read “missing.pdf”" },
  };

  dn_pdf_test_truncate (pdf, cut, 0.45);
  g_file_set_contents (text, "Công văn\n", -1, NULL);
  g_file_set_contents (empty, "", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *commands[] = { "pdf-info", "pdf-text", "pdf-find" };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autoptr(CliRun) r = run (commands[c], cases[i].path, "ho", NULL);

          if (c != 2)
            {
              g_clear_pointer (&r, dn_cli_run_free);
              r = run (commands[c], cases[i].path, NULL);
            }
          g_assert_cmpint (r->status, ==, 1);
          g_assert_cmpstr (r->out, ==, "");
          g_assert_true (g_str_has_prefix (r->err, "doingoai-cli: "));
          g_assert_nonnull (strstr (r->err, cases[i].message));
        }
    }

  if (dn_pdf_test_encrypt (pdf, locked, "mk"))
    {
      g_autoptr(CliRun) refused = run ("pdf-info", locked, NULL);
      g_autoptr(CliRun) wrong = run ("pdf-info", "--password", "sai", locked, NULL);
      g_autoptr(CliRun) right = run ("pdf-find", "--password", "mk", locked, "ho chieu", NULL);

      g_assert_cmpint (refused->status, ==, 1);
      g_assert_nonnull (strstr (refused->err, "“locked.pdf” is protected by a password."));
      g_assert_cmpint (wrong->status, ==, 1);
      g_assert_nonnull (strstr (wrong->err, "The password for “locked.pdf” is not correct."));
      g_assert_cmpint (right->status, ==, 0);
      g_assert_cmpstr (right->out, ==, "2\t2\n5\t2\n");
    }
}

static void
test_usage (void)
{
  g_autoptr(CliRun) no_file = run ("pdf-info", NULL);
  g_autoptr(CliRun) two = run ("pdf-text", pdf, pdf, NULL);
  g_autoptr(CliRun) no_words = run ("pdf-find", pdf, NULL);
  g_autoptr(CliRun) blank = run ("pdf-find", pdf, "  ", NULL);
  g_autoptr(CliRun) page0 = run ("pdf-text", "--page", "0", pdf, NULL);
  g_autoptr(CliRun) page9 = run ("pdf-text", "--page", "9", pdf, NULL);

  g_assert_cmpint (no_file->status, ==, 2);
  g_assert_nonnull (strstr (no_file->err, "Give one PDF file."));
  g_assert_cmpint (two->status, ==, 2);
  g_assert_cmpint (no_words->status, ==, 2);
  g_assert_cmpint (blank->status, ==, 2);
  g_assert_nonnull (strstr (blank->err, "Say what to find."));
  g_assert_cmpint (page0->status, ==, 2);
  g_assert_nonnull (strstr (page0->err, "A page number starts at 1."));
  /* a page the file does not have is a refusal, not a usage error */
  g_assert_cmpint (page9->status, ==, 1);
  g_assert_nonnull (strstr (page9->err, "This document has no page 9."));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  cli = g_getenv ("DN_TEST_CLI");
  g_assert_nonnull (cli);
  dir = dn_pdf_test_make_dir ();
  pdf = g_build_filename (dir, "huong-dan.pdf", NULL);
  dn_pdf_test_write (pdf, 6, "Hướng dẫn đối ngoại", FALSE);

  g_test_add_func ("/cli/pdf/info", test_info);
  g_test_add_func ("/cli/pdf/text", test_text);
  g_test_add_func ("/cli/pdf/find", test_find);
  g_test_add_func ("/cli/pdf/bad-files", test_bad_files);
  g_test_add_func ("/cli/pdf/usage", test_usage);
  status = g_test_run ();
  {
    g_autofree char *db_dir = g_build_filename (dir, "doingoai", NULL);
    g_rmdir (db_dir);
  }
  dn_pdf_test_remove_dir (dir);
  g_free (pdf);
  g_free (dir);
  return status;
}
