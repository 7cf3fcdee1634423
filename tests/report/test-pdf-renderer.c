/* test-pdf-renderer.c: opening, drawing, text and find of PDF files on
 * the renderer's worker, with files the test makes (cairo, Pango)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dn-pdf-renderer.h"
#include "dn-pdf-test-utils.h"
#include "dn-text-find.h"

typedef struct
{
  char          *dir;
  char          *path;      /* 3 pages, the third landscape */
  DnPdfRenderer *renderer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = dn_pdf_test_make_dir ();
  f->path = g_build_filename (f->dir, "huong-dan.pdf", NULL);
  dn_pdf_test_write (f->path, 3, "Hướng dẫn đối ngoại", TRUE);
  f->renderer = dn_pdf_renderer_new ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->renderer);
  dn_pdf_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static DnPdfDocument *
open_path (DnPdfRenderer *renderer,
           const char    *path,
           const char    *password,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dn_pdf_renderer_open (renderer, file, password, NULL, error);
}

static gboolean
is_white (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  return pixel == 0xffffffff;
}

/* The share of dark pixels in a band of rows */
static double
dark_share (cairo_surface_t *surface,
            int              y0,
            int              y1)
{
  int width = cairo_image_surface_get_width (surface);
  guint dark = 0, all = 0;

  for (int y = y0; y < y1; y++)
    for (int x = 0; x < width; x++, all++)
      {
        const guint8 *p = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x;
        if (p[0] < 128 && p[1] < 128 && p[2] < 128)
          dark++;
      }
  return all > 0 ? (double) dark / all : 0;
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  double width, height;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (dn_pdf_document_get_n_pages (doc), ==, 3);
  g_assert_cmpstr (dn_pdf_document_get_title (doc), ==, "Hướng dẫn đối ngoại");
  g_assert_cmpstr (dn_pdf_document_get_name (doc), ==, "huong-dan.pdf");
  g_assert_nonnull (dn_pdf_document_get_file (doc));
  dn_pdf_document_get_page_size (doc, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 842, 0.01);
  dn_pdf_document_get_page_size (doc, 2, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 842, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 595, 0.01);
  g_assert_cmpint (dn_pdf_renderer_count_text_pages (f->renderer, doc, NULL, &error), ==, 3);
  g_assert_no_error (error);
}

/* A relative path (poppler crashed on the NULL URI it gave) */
static void
test_open_relative (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = NULL;

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  doc = open_path (f->renderer, "huong-dan.pdf", NULL, &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (dn_pdf_document_get_n_pages (doc), ==, 3);
}

static void
test_open_bytes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DnPdfDocument) doc = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_file_get_contents (f->path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, len);
  doc = dn_pdf_renderer_open_bytes (f->renderer, bytes, "tệp đính kèm", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_pdf_document_get_n_pages (doc), ==, 3);
  g_assert_null (dn_pdf_document_get_file (doc));
  g_assert_cmpstr (dn_pdf_document_get_name (doc), ==, "tệp đính kèm");
  text = dn_pdf_renderer_get_text (f->renderer, doc, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "hộ chiếu"));
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  cairo_surface_t *surface;
  guint before = dn_pdf_renderer_get_n_rendered (f->renderer);
  int top;

  g_assert_no_error (error);
  surface = dn_pdf_renderer_render (f->renderer, doc, 0, 1.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 595);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 842);
  /* white margins, ink where the lines are */
  g_assert_true (is_white (surface, 5, 5));
  g_assert_true (is_white (surface, 590, 837));
  top = (int) DN_PDF_TEST_TOP;
  g_assert_cmpfloat (dark_share (surface, top, top + 16), >, 0.005);
  g_assert_cmpfloat (dark_share (surface, 400, 800), ==, 0);
  cairo_surface_destroy (surface);

  /* twice the scale (a HiDPI screen): twice the pixels, same picture */
  surface = dn_pdf_renderer_render (f->renderer, doc, 0, 2.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1190);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1684);
  g_assert_cmpfloat (dark_share (surface, 2 * top, 2 * top + 32), >, 0.005);
  cairo_surface_destroy (surface);

  /* the landscape page */
  surface = dn_pdf_renderer_render (f->renderer, doc, 2, 0.5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 421);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 298);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dn_pdf_renderer_get_n_rendered (f->renderer), ==, before + 3);

  /* a scale that would need gigabytes is drawn smaller, within the limits */
  surface = dn_pdf_renderer_render (f->renderer, doc, 0, 400.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), <=, DN_PDF_MAX_SIDE);
  g_assert_cmpint (cairo_image_surface_get_height (surface), <=, DN_PDF_MAX_SIDE);
  g_assert_cmpint ((gint64) cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface), <=,
                   DN_PDF_MAX_PIXELS);
  cairo_surface_destroy (surface);

  /* no such page */
  surface = dn_pdf_renderer_render (f->renderer, doc, 3, 1.0, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE);
  g_assert_null (surface);
  g_clear_error (&error);
  surface = dn_pdf_renderer_render (f->renderer, doc, -1, 1.0, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE);
  g_assert_null (surface);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  g_assert_no_error (error);
  first = dn_pdf_renderer_get_text (f->renderer, doc, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "Trang 1"));
  g_assert_nonnull (strstr (first, "Hướng dẫn công tác đối ngoại năm học 2018-2019"));
  second = dn_pdf_renderer_get_text (f->renderer, doc, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (second, "Trả hộ chiếu cho Đoàn công tác"));
  g_assert_nonnull (strstr (second, "Cán bộ nộp lại hộ\nchiếu"));
  third = dn_pdf_renderer_get_text (f->renderer, doc, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (third, "ĐOÀN RA"));
  g_assert_null (dn_pdf_renderer_get_text (f->renderer, doc, 7, NULL, &error));
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE);
}

/* A drag over the page's lines selects their text, and the rectangles it
 * covers lie on those lines */
static void
test_select (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  g_autoptr(DnPdfTextSelection) lines = NULL, whole = NULL, none = NULL;
  double top_of_second = DN_PDF_TEST_TOP + DN_PDF_TEST_LINE;

  g_assert_no_error (error);
  /* from the start of the second line to the end of the page */
  lines = dn_pdf_renderer_select (f->renderer, doc, 0, DN_PDF_TEST_LEFT - 2, top_of_second + 4, 595, 842, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (lines->text, "Sở Giáo dục và Đào tạo tỉnh Lào Cai"));
  g_assert_nonnull (strstr (lines->text, "Hướng dẫn công tác đối ngoại năm học 2018-2019"));
  g_assert_null (strstr (lines->text, "Trang 1"));
  g_assert_cmpuint (lines->rects->len, >, 0);
  for (guint i = 0; i < lines->rects->len; i++)
    {
      const DnPdfRect *r = &g_array_index (lines->rects, DnPdfRect, i);

      /* below the middle of the first line (glyph boxes rise above a
       * line's top by the font's ascent) */
      g_assert_cmpfloat (r->y, >, DN_PDF_TEST_TOP + DN_PDF_TEST_LINE / 2);
      g_assert_cmpfloat (r->x, >=, DN_PDF_TEST_LEFT - 2);
      g_assert_cmpfloat (r->width, >, 0);
      g_assert_cmpfloat (r->height, >, 0);
    }
  /* the whole page, its heading too */
  whole = dn_pdf_renderer_select (f->renderer, doc, 1, 0, 0, 595, 842, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (whole->text, "Trang 2"));
  g_assert_nonnull (strstr (whole->text, "Trả hộ chiếu cho Đoàn công tác"));
  /* a point selects nothing */
  none = dn_pdf_renderer_select (f->renderer, doc, 0, 10, 10, 10, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (none->text, ==, "");
  g_assert_cmpuint (none->rects->len, ==, 0);
  g_assert_null (dn_pdf_renderer_select (f->renderer, doc, 9, 0, 0, 10, 10, NULL, &error));
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE);
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* A page recorded for printing: vector, the page's size, with ink where
 * the text is */
static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  g_autoptr(GAsyncResult) result = NULL;
  cairo_surface_t *recording;
  cairo_rectangle_t extents;
  double x, y, width, height;

  g_assert_no_error (error);
  dn_pdf_renderer_record_async (f->renderer, doc, 2, DN_PDF_PRIORITY_VISIBLE, NULL, on_recorded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  recording = dn_pdf_renderer_record_finish (f->renderer, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_surface_get_type (recording), ==, CAIRO_SURFACE_TYPE_RECORDING);
  /* the third page is landscape */
  g_assert_true (cairo_recording_surface_get_extents (recording, &extents));
  g_assert_cmpfloat_with_epsilon (extents.width, 842, 0.5);
  g_assert_cmpfloat_with_epsilon (extents.height, 595, 0.5);
  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  g_assert_cmpfloat (width, >, 50);
  g_assert_cmpfloat (y, >=, DN_PDF_TEST_TOP - 10);
  cairo_surface_destroy (recording);
  g_clear_object (&result);

  dn_pdf_renderer_record_async (f->renderer, doc, 5, DN_PDF_PRIORITY_VISIBLE, NULL, on_recorded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dn_pdf_renderer_record_finish (f->renderer, result, &error));
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE);
}

static guint
count_hits (Fixture       *f,
            DnPdfDocument *doc,
            int            page,
            const char    *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rects = dn_pdf_renderer_find (f->renderer, doc, page, words, NULL, &error);

  g_assert_no_error (error);
  return dn_pdf_rects_count_hits (rects);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  g_autoptr(GArray) rects = NULL;
  const DnPdfRect *r;

  g_assert_no_error (error);
  /* with and without accents, any case; đ is d */
  g_assert_cmpuint (count_hits (f, doc, 1, "ho chieu"), ==, 2);
  g_assert_cmpuint (count_hits (f, doc, 1, "hộ chiếu"), ==, 2);
  g_assert_cmpuint (count_hits (f, doc, 1, "HỘ CHIẾU"), ==, 2);
  g_assert_cmpuint (count_hits (f, doc, 1, "  ho   chieu "), ==, 2);
  g_assert_cmpuint (count_hits (f, doc, 2, "doan"), ==, 2);
  g_assert_cmpuint (count_hits (f, doc, 2, "đoàn ra"), ==, 1);
  g_assert_cmpuint (count_hits (f, doc, 0, "doi ngoai"), ==, 1);
  g_assert_cmpuint (count_hits (f, doc, 0, "ho chieu"), ==, 0);
  g_assert_cmpuint (count_hits (f, doc, 1, "han quoc"), ==, 0);
  g_assert_cmpuint (count_hits (f, doc, 1, "   "), ==, 0);

  /* where: the first hit on the first line, the second over two lines */
  rects = dn_pdf_renderer_find (f->renderer, doc, 1, "ho chieu", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rects->len, ==, 3);
  r = &g_array_index (rects, DnPdfRect, 0);
  g_assert_cmpuint (r->hit, ==, 0);
  g_assert_cmpfloat (r->x, >, DN_PDF_TEST_LEFT + 10);
  g_assert_cmpfloat (r->x + r->width, <, DN_PDF_TEST_LEFT + 200);
  g_assert_cmpfloat (r->y, >=, DN_PDF_TEST_TOP + DN_PDF_TEST_LINE - 2);
  g_assert_cmpfloat (r->y + r->height, <=, DN_PDF_TEST_TOP + 2 * DN_PDF_TEST_LINE + 2);
  g_assert_cmpfloat (r->width, >, 30);
  r = &g_array_index (rects, DnPdfRect, 1);
  g_assert_cmpuint (r->hit, ==, 1);
  g_assert_cmpfloat (r->y, >=, DN_PDF_TEST_TOP + 2 * DN_PDF_TEST_LINE - 2);
  g_assert_cmpfloat (r->y, <, DN_PDF_TEST_TOP + 3 * DN_PDF_TEST_LINE);
  r = &g_array_index (rects, DnPdfRect, 2);
  g_assert_cmpuint (r->hit, ==, 1);
  g_assert_cmpfloat (r->y, >=, DN_PDF_TEST_TOP + 3 * DN_PDF_TEST_LINE - 2);
  g_assert_cmpfloat_with_epsilon (r->x, DN_PDF_TEST_LEFT, 1);
}

/* "ho chieu" finds "hộ chiếu" in NFC and NFD alike, over line breaks,
 * and gives the places back in characters of the text */
static void
test_find_text (void)
{
  g_autoptr(GArray) spans = NULL;
  DnTextSpan *s;
  const char *nfd = "Tra\xcc\x89 ho\xcc\xa3\xcc\x82 chie\xcc\x82\xcc\x81u.";  /* "Trả hộ chiếu." in NFD */

  spans = dn_text_find_all ("Trả hộ\n  chiếu; HỘ CHIẾU; hochieu", "ho chieu");
  g_assert_cmpuint (spans->len, ==, 2);
  s = &g_array_index (spans, DnTextSpan, 0);
  g_assert_cmpuint (s->start, ==, 4);
  g_assert_cmpuint (s->end, ==, 14);
  s = &g_array_index (spans, DnTextSpan, 1);
  g_assert_cmpuint (s->start, ==, 16);
  g_assert_cmpuint (s->end, ==, 24);
  g_clear_pointer (&spans, g_array_unref);

  spans = dn_text_find_all (nfd, "hộ chiếu");
  g_assert_cmpuint (spans->len, ==, 1);
  s = &g_array_index (spans, DnTextSpan, 0);
  /* "T r a ̉ ␠ h o ̣ ̂ ␠ c h i e ̂ ́ u .": from h (5) to after u (16) */
  g_assert_cmpuint (s->start, ==, 5);
  g_assert_cmpuint (s->end, ==, 17);
  g_clear_pointer (&spans, g_array_unref);

  spans = dn_text_find_all ("Đoàn đi, ĐOÀN VỀ", "doan");
  g_assert_cmpuint (spans->len, ==, 2);
  g_clear_pointer (&spans, g_array_unref);
  spans = dn_text_find_all ("aaaa", "aa");
  g_assert_cmpuint (spans->len, ==, 2);
  g_clear_pointer (&spans, g_array_unref);
  spans = dn_text_find_all ("hộ chiếu", " \n ");
  g_assert_cmpuint (spans->len, ==, 0);
  g_clear_pointer (&spans, g_array_unref);
  spans = dn_text_find_all ("bad \xff text", "text");
  g_assert_cmpuint (spans->len, ==, 0);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *truncated = g_build_filename (f->dir, "cut.pdf", NULL);
  g_autofree char *text = g_build_filename (f->dir, "ghi-chu.pdf", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "rong.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "khong-co.pdf", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.pdf", NULL);
  g_autoptr(GError) error = NULL;
  DnPdfDocument *doc;

  dn_pdf_test_truncate (f->path, truncated, 0.45);
  doc = open_path (f->renderer, truncated, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "cut.pdf"));
  g_assert_null (doc);
  g_clear_error (&error);

  g_file_set_contents (text, "Công văn số 12/SGDĐT\n", -1, &error);
  g_assert_no_error (error);
  doc = open_path (f->renderer, text, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, "ghi-chu.pdf"));
  g_assert_null (doc);
  g_clear_error (&error);

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  doc = open_path (f->renderer, empty, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_EMPTY);
  g_assert_null (doc);
  g_clear_error (&error);

  doc = open_path (f->renderer, missing, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "khong-co.pdf"));
  g_assert_null (doc);
  g_clear_error (&error);

  /* a PDF header and nothing of a PDF after it */
  g_file_set_contents (junk, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\nnot objects at all\n", -1, &error);
  g_assert_no_error (error);
  doc = open_path (f->renderer, junk, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED);
  g_assert_null (doc);
  g_clear_error (&error);

  /* the renderer still works after all that */
  doc = open_path (f->renderer, f->path, NULL, &error);
  g_assert_no_error (error);
  dn_pdf_document_unref (doc);
}

static void
test_encrypted (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (f->dir, "mat.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DnPdfDocument *doc;

  if (!dn_pdf_test_encrypt (f->path, locked, "mật khẩu"))
    {
      g_test_skip ("qpdf is not installed: no encrypted file to open");
      return;
    }
  doc = open_path (f->renderer, locked, NULL, &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "mat.pdf"));
  g_assert_null (doc);
  g_clear_error (&error);

  doc = open_path (f->renderer, locked, "sai", &error);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_BAD_PASSWORD);
  g_assert_null (doc);
  g_clear_error (&error);

  doc = open_path (f->renderer, locked, "mật khẩu", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dn_pdf_document_get_n_pages (doc), ==, 3);
  text = dn_pdf_renderer_get_text (f->renderer, doc, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "hộ chiếu"));
  dn_pdf_document_unref (doc);
}

typedef struct
{
  guint  done;
  guint  cancelled;
  guint  drawn;
  GArray *order;   /* pages, in the order their results came */
} Counts;

typedef struct
{
  Counts *counts;
  int     page;
} Request;

static void
on_rendered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Request *request = user_data;
  Counts *counts = request->counts;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = dn_pdf_renderer_render_finish (DN_PDF_RENDERER (source), result, &error);
  int page = request->page;

  counts->done++;
  if (surface != NULL)
    {
      counts->drawn++;
      cairo_surface_destroy (surface);
      g_array_append_val (counts->order, page);
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      counts->cancelled++;
    }
}

static void
render (DnPdfRenderer *renderer,
        DnPdfDocument *doc,
        int            page,
        double         scale,
        int            priority,
        GCancellable  *cancellable,
        Counts        *counts)
{
  Request *request = g_new (Request, 1);

  request->counts = counts;
  request->page = page;
  dn_pdf_renderer_render_async (renderer, doc, page, scale, priority, cancellable, on_rendered_cb, request);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DnPdfDocument **doc = user_data;
  g_autoptr(GError) error = NULL;

  *doc = dn_pdf_renderer_open_finish (DN_PDF_RENDERER (source), result, &error);
  g_assert_no_error (error);
}

/* Jobs cancelled before the worker takes them are not run; results come
 * back on the caller's main context, those on screen first. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *big = g_build_filename (f->dir, "500.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GCancellable) away = g_cancellable_new ();
  g_autoptr(GCancellable) shown = g_cancellable_new ();
  DnPdfDocument *doc = NULL;
  Counts counts = { 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (int)) };
  guint rendered_before, skipped_before;
  gint64 start;

  dn_pdf_test_write (big, 500, NULL, FALSE);
  file = g_file_new_for_path (big);
  start = g_get_monotonic_time ();
  dn_pdf_renderer_open_async (f->renderer, file, NULL, NULL, on_opened_cb, &doc);
  while (doc == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("500 pages opened in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (dn_pdf_document_get_n_pages (doc), ==, 500);

  rendered_before = dn_pdf_renderer_get_n_rendered (f->renderer);
  skipped_before = dn_pdf_renderer_get_n_skipped (f->renderer);
  /* 200 pages queued as "nearby", then 2 on screen; the 200 scrolled
   * away before most of them ran */
  for (int i = 0; i < 200; i++)
    render (f->renderer, doc, i, 0.5, DN_PDF_PRIORITY_NEARBY, away, &counts);
  for (int i = 400; i < 402; i++)
    render (f->renderer, doc, i, 0.5, DN_PDF_PRIORITY_VISIBLE, shown, &counts);
  g_cancellable_cancel (away);
  while (counts.done < 202)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (counts.drawn + counts.cancelled, ==, 202);
  /* the two on screen were drawn whatever happened to the others */
  g_assert_cmpuint (counts.drawn, >=, 2);
  /* at most the page being drawn when they were cancelled, and the ones
   * taken before, ran: far fewer than 200 */
  g_assert_cmpuint (counts.cancelled, >=, 150);
  /* each job was either drawn on the worker or skipped there; one drawn
   * while it was cancelled returns only its cancellation */
  g_assert_cmpuint (dn_pdf_renderer_get_n_rendered (f->renderer) - rendered_before
                    + dn_pdf_renderer_get_n_skipped (f->renderer) - skipped_before, ==, 202);
  g_assert_cmpuint (dn_pdf_renderer_get_n_rendered (f->renderer) - rendered_before, >=, counts.drawn);
  g_assert_cmpuint (dn_pdf_renderer_get_n_skipped (f->renderer) - skipped_before, <=, counts.cancelled);

  /* the text of the last page */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = dn_pdf_renderer_get_text (f->renderer, doc, 499, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Trang 500"));
  }
  g_array_unref (counts.order);
  dn_pdf_document_unref (doc);
}

/* Priority: the queued job on screen runs before those queued earlier
 * for later */
static void
test_priority (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, f->path, NULL, &error);
  Counts counts = { 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (int)) };

  g_assert_no_error (error);
  /* the first job may already run when the others come: 20 of them */
  for (int i = 0; i < 20; i++)
    render (f->renderer, doc, i % 2, 1.5, DN_PDF_PRIORITY_THUMBNAIL, NULL, &counts);
  render (f->renderer, doc, 2, 0.2, DN_PDF_PRIORITY_VISIBLE, NULL, &counts);
  while (counts.done < 21)
    g_main_context_iteration (NULL, TRUE);
  /* page 3 (index 2) came within the first two results */
  g_assert_true (g_array_index (counts.order, int, 0) == 2 || g_array_index (counts.order, int, 1) == 2);
  g_array_unref (counts.order);
}

/* A document kept after its renderer was dropped still works and closes
 * on the worker; a renderer dropped with jobs pending ends its thread
 * once they are done, wherever its last reference goes. */
static void
test_lifetime (void)
{
  g_autofree char *dir = dn_pdf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.pdf", NULL);
  g_autoptr(GError) error = NULL;
  DnPdfRenderer *renderer = dn_pdf_renderer_new ();
  DnPdfDocument *doc;
  Counts counts = { 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (int)) };

  dn_pdf_test_write (path, 2, NULL, FALSE);
  doc = open_path (renderer, path, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 10; i++)
    render (renderer, doc, i % 2, 1.0, DN_PDF_PRIORITY_VISIBLE, NULL, &counts);
  g_object_unref (renderer);
  dn_pdf_document_unref (doc);
  while (counts.done < 10)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.drawn, ==, 10);
  g_array_unref (counts.order);
  dn_pdf_test_remove_dir (dir);
}

/* A file that counts pages poppler cannot read (found by fuzzing): it
 * opens, and each such page says it is damaged, not that it is missing;
 * a page beyond the count says so. */
static void
test_unreadable_page (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "pdf", "unreadable-page.pdf",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) doc = open_path (f->renderer, path, NULL, &error);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpint (dn_pdf_document_get_n_pages (doc), ==, 3);
  text = dn_pdf_renderer_get_text (f->renderer, doc, 0, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, "Page 1 of this document is damaged: it cannot be read.");
  g_clear_error (&error);
  surface = dn_pdf_renderer_render (f->renderer, doc, 0, 0.5, NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_DAMAGED);
  g_clear_error (&error);
  text = dn_pdf_renderer_get_text (f->renderer, doc, 3, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, DN_PDF_ERROR, DN_PDF_ERROR_PAGE);
  g_assert_cmpstr (error->message, ==, "This document has no page 4.");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf/renderer/open", Fixture, NULL, fixture_setup, test_open, fixture_teardown);
  g_test_add ("/pdf/renderer/open-relative", Fixture, NULL, fixture_setup, test_open_relative, fixture_teardown);
  g_test_add ("/pdf/renderer/open-bytes", Fixture, NULL, fixture_setup, test_open_bytes, fixture_teardown);
  g_test_add ("/pdf/renderer/render", Fixture, NULL, fixture_setup, test_render, fixture_teardown);
  g_test_add ("/pdf/renderer/text", Fixture, NULL, fixture_setup, test_text, fixture_teardown);
  g_test_add ("/pdf/renderer/find", Fixture, NULL, fixture_setup, test_find, fixture_teardown);
  g_test_add ("/pdf/renderer/select", Fixture, NULL, fixture_setup, test_select, fixture_teardown);
  g_test_add ("/pdf/renderer/record", Fixture, NULL, fixture_setup, test_record, fixture_teardown);
  g_test_add_func ("/pdf/find-text", test_find_text);
  g_test_add ("/pdf/renderer/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/pdf/renderer/unreadable-page", Fixture, NULL, fixture_setup, test_unreadable_page, fixture_teardown);
  g_test_add ("/pdf/renderer/encrypted", Fixture, NULL, fixture_setup, test_encrypted, fixture_teardown);
  g_test_add ("/pdf/renderer/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/pdf/renderer/priority", Fixture, NULL, fixture_setup, test_priority, fixture_teardown);
  g_test_add_func ("/pdf/renderer/lifetime", test_lifetime);
  return g_test_run ();
}
