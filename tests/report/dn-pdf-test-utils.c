/* dn-pdf-test-utils.c: PDF files made by the tests themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "dn-pdf-test-utils.h"

static void
draw_line (cairo_t              *cr,
           PangoLayout          *layout,
           int                   line,
           const char           *text)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, DN_PDF_TEST_LEFT, DN_PDF_TEST_TOP + line * DN_PDF_TEST_LINE);
  pango_cairo_show_layout (cr, layout);
}

void
dn_pdf_test_write (const char *path,
                   int         n_pages,
                   const char *title,
                   gboolean    landscape_thirds)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 12");

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  pango_layout_set_font_description (layout, font);
  for (int n = 1; n <= n_pages; n++)
    {
      g_autofree char *heading = g_strdup_printf ("Trang %d", n);

      if (landscape_thirds && n % 3 == 0)
        cairo_pdf_surface_set_size (surface, 842, 595);
      else
        cairo_pdf_surface_set_size (surface, 595, 842);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_line (cr, layout, 0, heading);
      switch (n % 3)
        {
        case 1:
          draw_line (cr, layout, 1, "Sở Giáo dục và Đào tạo tỉnh Lào Cai");
          draw_line (cr, layout, 2, "Hướng dẫn công tác đối ngoại năm học 2018-2019");
          break;
        case 2:
          draw_line (cr, layout, 1, "Trả hộ chiếu cho Đoàn công tác sau chuyến đi.");
          draw_line (cr, layout, 2, "Cán bộ nộp lại hộ");
          draw_line (cr, layout, 3, "chiếu trong 05 ngày làm việc.");
          break;
        default:
          draw_line (cr, layout, 1, "ĐOÀN RA: đoàn đi Hàn Quốc, Nhật Bản.");
          break;
        }
      cairo_show_page (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
dn_pdf_test_write_scan (const char *path,
                        int         n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 280);
  cairo_t *cr = cairo_create (surface);
  cairo_t *icr = cairo_create (image);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* the scan: white paper, grey bars of "text" */
  cairo_set_source_rgb (icr, 1, 1, 1);
  cairo_paint (icr);
  cairo_set_source_rgb (icr, 0.3, 0.3, 0.3);
  for (int y = 20; y < 260; y += 12)
    cairo_rectangle (icr, 20, y, 160 - (y % 5) * 10, 5);
  cairo_fill (icr);
  cairo_destroy (icr);
  for (int n = 0; n < n_pages; n++)
    {
      cairo_save (cr);
      cairo_scale (cr, 595.0 / 200, 842.0 / 280);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
}

char *
dn_pdf_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dn-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
dn_pdf_test_remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

void
dn_pdf_test_truncate (const char *from,
                      const char *to,
                      double      fraction)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_file_get_contents (from, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, data, (gssize) (len * fraction), &error);
  g_assert_no_error (error);
}

gboolean
dn_pdf_test_encrypt (const char *from,
                     const char *to,
                     const char *password)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { NULL, "--encrypt", password, "owner-secret", "256", "--", from, to, NULL };

  if (qpdf == NULL)
    return FALSE;
  argv[0] = qpdf;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

/* The pages as PNG images, for people to look at */
void
dn_pdf_test_write_images (PopplerDocument *pdf,
                          const char      *name)
{
  const char *root = g_getenv ("DN_BUILD_ROOT");
  g_autofree char *dir = NULL;

  if (root == NULL)
    return;
  dir = g_build_filename (root, "report-pages", NULL);
  g_mkdir_with_parents (dir, 0755);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *file = g_strdup_printf ("%s-%d.png", name, i + 1);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      double width, height, scale = 1.5;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &width, &height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
}

/* The letters of page @i whose middle is above @bottom (points from the
 * top), without white space */
char *
dn_pdf_test_text_above (PopplerDocument *pdf,
                        int              i,
                        double           bottom)
{
  PopplerPage *page = poppler_document_get_page (pdf, i);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GString *above = g_string_new (NULL);
  guint n_rects = 0;
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint r = 0; r < n_rects && *p != '\0'; r++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && (rects[r].y1 + rects[r].y2) / 2 < bottom)
        g_string_append_unichar (above, c);
    }
  g_object_unref (page);
  return g_string_free (above, FALSE);
}

guint
dn_pdf_test_assert_one_family (PopplerDocument *pdf,
                               const char      *family)
{
  g_autoptr(GHashTable) faces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *postscript = NULL;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;

  /* "Liberation Serif" → "LiberationSerif-Bold", "Times New Roman" →
   * "TimesNewRomanPS-BoldMT" */
  {
    g_auto(GStrv) words = g_strsplit (family, " ", -1);

    postscript = g_strjoinv ("", words);
  }
  info = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &iter))
    {
      if (iter == NULL)
        break;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);
          const char *plus = name != NULL ? strchr (name, '+') : NULL;
          const char *base = plus != NULL ? plus + 1 : name;

          g_string_append_printf (names, "%s; ", name != NULL ? name : "(none)");
          g_assert_nonnull (base);
          g_assert_true (g_str_has_prefix (base, postscript));
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          if (!g_hash_table_contains (faces, base))
            g_hash_table_add (faces, g_strdup (base));
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_object_unref (info);
  g_test_message ("fonts: %s", names->str);
  g_assert_cmpuint (g_hash_table_size (faces), >, 0);
  return g_hash_table_size (faces);
}
