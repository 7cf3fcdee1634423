/* test-passport-ledger.c: the custody ledger's printed pages, drawn into a
 * PDF with cairo (no display needed) and read back with poppler: the page
 * count, A4 landscape, the title, the column heads and every line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-passport-ledger"

#include "config.h"

#include <cairo-pdf.h>
#include <poppler.h>
#include <string.h>

#include "dn-passport-ledger.h"
#include "dn-store.h"
#include "dn-test-utils.h"

/* poppler-glib 22.12 declares no autoptr cleanups (later versions may):
 * names of our own */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

static DnPassportLoan *
make_line (guint i)
{
  DnPassportLoan *line = dn_passport_loan_new ();

  g_free (line->passport_number);
  line->passport_number = g_strdup_printf ("C%07u", 1000000 + i);
  g_free (line->holder_name);
  line->holder_name = g_strdup_printf ("Nguyễn Văn Người Số %u", i);
  g_free (line->delegation_title);
  line->delegation_title = g_strdup ("Đoàn học tập kinh nghiệm về giáo dục nghề nghiệp tại Nhật Bản");
  g_free (line->handed_by);
  line->handed_by = g_strdup ("Lê Văn Cán");
  g_free (line->handed_to);
  line->handed_to = g_strdup (line->holder_name);
  line->receipt_signed = TRUE;
  line->handed_out_on = dn_test_date (2025, 1, 14);
  line->due_back_on = dn_test_date (2025, 2, 7);
  if (i % 2 == 0)
    {
      line->returned_on = dn_test_date (2025, 2, 12);
      g_free (line->returned_by);
      line->returned_by = g_strdup (line->holder_name);
      g_free (line->received_by);
      line->received_by = g_strdup ("Lê Văn Cán");
      g_free (line->exemption_reason);
      line->exemption_reason = g_strdup ("Ốm sau chuyến đi");
      g_free (line->excused_by);
      line->excused_by = g_strdup ("Giám đốc Sở");
    }
  return line;
}

/* The ledger of @n lines as a PDF in @dir; its path. */
static char *
render (const char *dir,
        guint       n,
        guint      *n_pages)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (dir, "ledger.pdf", NULL);
  g_autoptr(DnPrintBook) ledger = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 1; i <= n; i++)
    g_ptr_array_add (lines, make_line (i));
  ledger = dn_passport_ledger_new (lines, "SỞ GIÁO DỤC VÀ ĐÀO TẠO LÀO CAI");
  surface = cairo_pdf_surface_create (path, DN_PASSPORT_LEDGER_PAGE_WIDTH, DN_PASSPORT_LEDGER_PAGE_HEIGHT);
  cr = cairo_create (surface);
  *n_pages = dn_print_book_paginate (ledger, cr, DN_PASSPORT_LEDGER_PAGE_WIDTH, DN_PASSPORT_LEDGER_PAGE_HEIGHT);
  for (guint p = 0; p < *n_pages; p++)
    {
      dn_print_book_draw_page (ledger, cr, DN_PASSPORT_LEDGER_PAGE_WIDTH, DN_PASSPORT_LEDGER_PAGE_HEIGHT, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PopplerDocument *document = poppler_document_new_from_gfile (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The text of every page, spaces and line breaks as poppler gives them. */
static char *
all_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, p);
      g_autofree char *page_text = poppler_page_get_text (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      /* A4 landscape */
      g_assert_cmpfloat (width, >, height);
      g_assert_cmpint ((int) (width + 0.5), ==, 842);
      g_assert_cmpint ((int) (height + 0.5), ==, 595);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
test_one_page (void)
{
  g_autofree char *dir = dn_test_make_tmp_dir ();
  guint n_pages = 0;
  g_autofree char *path = render (dir, 3, &n_pages);
  g_autoptr(TestPdf) document = open_pdf (path);
  g_autofree char *text = all_text (document);

  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (text, "PASSPORT CUSTODY LEDGER"));
  g_assert_nonnull (strstr (text, "Holder"));
  g_assert_nonnull (strstr (text, "Delegation"));
  g_assert_nonnull (strstr (text, "Due back"));
  g_assert_nonnull (strstr (text, "C1000001"));
  g_assert_nonnull (strstr (text, "C1000003"));
  g_assert_nonnull (strstr (text, "07/02/2025"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  dn_test_remove_tree (dir);
}

static void
test_many_pages (void)
{
  g_autofree char *dir = dn_test_make_tmp_dir ();
  guint n_pages = 0;
  g_autofree char *path = render (dir, 60, &n_pages);
  g_autoptr(TestPdf) document = open_pdf (path);
  g_autofree char *text = all_text (document);
  g_autofree char *last = NULL;

  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) n_pages);
  /* every line, once, and the head of the table on every page */
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *number = g_strdup_printf ("C%07u", 1000000 + i);
      const char *at = strstr (text, number);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, number));
    }
  for (int p = 0; p < (int) n_pages; p++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, p);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *foot = g_strdup_printf ("Page %d of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (page_text, "PASSPORT CUSTODY LEDGER"));
      g_assert_nonnull (strstr (page_text, "Holder"));
      g_assert_nonnull (strstr (page_text, foot));
    }
  dn_test_remove_tree (dir);
}

static void
test_empty (void)
{
  g_autofree char *dir = dn_test_make_tmp_dir ();
  guint n_pages = 0;
  g_autofree char *path = render (dir, 0, &n_pages);
  g_autoptr(TestPdf) document = open_pdf (path);

  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  dn_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/passport-ledger/one-page", test_one_page);
  g_test_add_func ("/passport-ledger/many-pages", test_many_pages);
  g_test_add_func ("/passport-ledger/empty", test_empty);
  return g_test_run ();
}
