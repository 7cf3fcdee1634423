/* test-official-document.c: an administrative document (Nghị định
 * 30/2020, Phụ lục I) drawn into a PDF file and read back with poppler:
 * the heading on page 1, the number and date lines, a table of 300 rows
 * over several pages with its header row on each, the page numbers at the
 * top from page 2, every letter where it was written and within the
 * margins, one font family embedded; a place that cannot be written
 *
 * The pages are also written as PNG images to <build>/report-pages/ for
 * people to look at (dn_pdf_test_write_images()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-official-document"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "dn-amount.h"
#include "dn-official-document.h"
#include "dn-pdf-test-utils.h"
#include "dn-print-table.h"
#include "dn-report-font.h"

#define N_ROWS 300

/* poppler-glib 22 defines no cleanup functions of its own */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

static const char paragraph_1[] =
  "Thực hiện Kế hoạch số 125/KH-SGDĐT ngày 17 tháng 9 năm 2023 của Sở Giáo dục và Đào tạo về công tác "
  "đối ngoại, hội nhập quốc tế năm 2023, Sở Giáo dục và Đào tạo báo cáo kết quả thực hiện như sau: các "
  "đơn vị đã chủ động phối hợp với các tổ chức quốc tế, ưu tiên những dự án hỗ trợ học sinh vùng khó "
  "khăn, bảo đảm đúng quy định của pháp luật về quản lý hoạt động đối ngoại.";
static const char paragraph_2[] =
  "Công tác quản lý đoàn ra, đoàn vào được thực hiện chặt chẽ; hộ chiếu công vụ được nộp lại cơ quan quản lý "
  "trong thời hạn 05 ngày làm việc kể từ ngày kết thúc chuyến đi. Trường Đại học Sư phạm, các trường trung "
  "học phổ thông và Trung tâm Giáo dục thường xuyên đã tiếp nhận 12 tình nguyện viên nước ngoài.";
static const char closing_paragraph[] =
  "Trên đây là báo cáo kết quả công tác đối ngoại năm 2023 của Sở Giáo dục và Đào tạo tỉnh Lào Cai./.";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = dn_pdf_test_make_dir ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_pdf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static DnOfficialDocument *
report_new (int        day,
            int        month,
            const char *number,
            guint      n_rows)
{
  static const double shares[] = { 0.08, 0.42, 0.15, 0.35 };
  static const char * const titles[] = { "TT", "Đơn vị", "Số đoàn", "Kinh phí (đồng)" };
  DnOfficialDocument *doc = dn_official_document_new ("Báo cáo", "Kết quả công tác đối ngoại năm 2023");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2024);
  dn_official_document_set_bodies (doc, "UBND tỉnh Lào Cai", "Sở Giáo dục và Đào tạo");
  dn_official_document_set_number (doc, number, "BC-SGDĐT");
  dn_official_document_set_place_date (doc, "Lào Cai", &date);
  dn_official_document_add_heading (doc, 1, "I. Kết quả thực hiện");
  dn_official_document_add_heading (doc, 2, "1. Công tác hợp tác quốc tế");
  dn_official_document_add_paragraph (doc, paragraph_1);
  dn_official_document_add_paragraph (doc, paragraph_2);
  dn_official_document_add_heading (doc, 2, "2. Số đoàn và kinh phí của các đơn vị");
  dn_official_document_add_table (doc, "Bảng 1. Đoàn ra, đoàn vào của các đơn vị năm 2023", G_N_ELEMENTS (shares),
                                  shares, titles);
  dn_official_document_set_centred (doc, 0);
  dn_official_document_set_numeric (doc, 2);
  dn_official_document_set_numeric (doc, 3);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *unit = g_strdup_printf ("Trường THPT số %u huyện Bảo Thắng", i + 1);
      g_autofree char *count = dn_format_amount_digits (i % 7);
      g_autofree char *amount = dn_format_amount_digits (1234567 + (gint64) i * 1000);
      const char *cells[] = { no, unit, count, amount };

      dn_official_document_add_row (doc, cells);
    }
  {
    g_autofree char *amount = dn_format_amount (1234567, "VND");
    g_autofree char *total = g_strdup_printf ("Tổng kinh phí của đơn vị đầu bảng: %s.", amount);

    dn_official_document_add_paragraph (doc, total);
  }
  dn_official_document_add_heading (doc, 1, "II. Phương hướng năm 2024");
  dn_official_document_add_paragraph (doc, closing_paragraph);
  dn_official_document_add_recipient (doc, "Bộ Giáo dục và Đào tạo (để b/c)");
  dn_official_document_add_recipient (doc, "UBND tỉnh (để b/c)");
  dn_official_document_add_recipient (doc, "Sở Ngoại vụ");
  dn_official_document_set_archive (doc, "VT, HTQT");
  dn_official_document_set_signer (doc, DN_SIGN_DEPUTY, "Giám đốc", "Phó Giám đốc", "Nguyễn Văn An");
  return doc;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

static char *
page_text (PopplerDocument *pdf,
           int              i)
{
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
  char *text = poppler_page_get_text (page);

  return text;
}

/* @text with its line breaks as spaces */
static char *
flat (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "\n", ' ');
  return copy;
}

/* The box around @needle on page @i (its first occurrence), in points
 * from the top left */
static void
find_box (PopplerDocument  *pdf,
          int               i,
          const char       *needle,
          PopplerRectangle *box)
{
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *at = strstr (text, needle);
  glong first, n;

  g_assert_nonnull (at);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  first = g_utf8_pointer_to_offset (text, at);
  n = g_utf8_strlen (needle, -1);
  g_assert_cmpuint (first + n, <=, n_rects);
  *box = rects[first];
  for (glong r = first + 1; r < first + n; r++)
    {
      box->x1 = MIN (box->x1, rects[r].x1);
      box->y1 = MIN (box->y1, rects[r].y1);
      box->x2 = MAX (box->x2, rects[r].x2);
      box->y2 = MAX (box->y2, rects[r].y2);
    }
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = report_new (5, 1, "5", N_ROWS);
  g_autofree char *path = g_build_filename (f->dir, "bao-cao.pdf", NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *first_flat = NULL, *last = NULL, *last_flat = NULL;
  guint n_pages = 0, table_pages = 0;
  int seen_rows = 0;

  g_assert_true (dn_official_document_write_pdf (doc, path, NULL, &n_pages, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path);
  dn_pdf_test_write_images (pdf, "official-document");
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
  g_assert_cmpuint (n_pages, >, 1);

  /* page 1: the heading, the number and date, the type and subject */
  first = page_text (pdf, 0);
  first_flat = flat (first);
  g_assert_nonnull (strstr (first_flat, "UBND TỈNH LÀO CAI"));
  g_assert_nonnull (strstr (first_flat, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
  g_assert_nonnull (strstr (first_flat, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (first_flat, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (first_flat, "Số: 05/BC-SGDĐT"));
  g_assert_nonnull (strstr (first_flat, "Lào Cai, ngày 05 tháng 01 năm 2024"));
  g_assert_nonnull (strstr (first_flat, "BÁO CÁO"));
  g_assert_nonnull (strstr (first_flat, "Kết quả công tác đối ngoại năm 2023"));
  g_assert_nonnull (strstr (first_flat, "I. KẾT QUẢ THỰC HIỆN"));
  {
    PopplerRectangle nation, motto, number, date, issuer, title;
    double width = DN_PRINT_A4_SHORT;

    find_box (pdf, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &nation);
    find_box (pdf, 0, "Độc lập - Tự do - Hạnh phúc", &motto);
    find_box (pdf, 0, "Số: 05/BC-SGDĐT", &number);
    find_box (pdf, 0, "Lào Cai, ngày 05 tháng 01 năm 2024", &date);
    find_box (pdf, 0, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", &issuer);
    find_box (pdf, 0, "BÁO CÁO", &title);
    /* the motto centred under the national name, on the right */
    g_assert_cmpfloat (fabs ((nation.x1 + nation.x2) / 2 - (motto.x1 + motto.x2) / 2), <, 2);
    g_assert_cmpfloat (motto.y1, >, nation.y1);
    g_assert_cmpfloat (nation.x1, >, width / 2 - 60);
    /* the issuer on the left, the number under it; the date level with
     * the number, on the right */
    g_assert_cmpfloat (issuer.x2, <, nation.x1);
    g_assert_cmpfloat (fabs ((issuer.x1 + issuer.x2) / 2 - (number.x1 + number.x2) / 2), <, 2);
    g_assert_cmpfloat (number.y1, >, issuer.y2);
    g_assert_cmpfloat (fabs (number.y2 - date.y2), <, 1.5);
    g_assert_cmpfloat (date.x1, >, number.x2);
    /* the title centred in the text width, under them */
    g_assert_cmpfloat (fabs ((title.x1 + title.x2) / 2
                             - (DN_OFFICIAL_MARGIN_LEFT + width - DN_OFFICIAL_MARGIN_RIGHT) / 2), <, 2);
    g_assert_cmpfloat (title.y1, >, date.y2);
  }
  /* Vietnamese text read back as written (a justified paragraph's line
   * breaks read as spaces) */
  g_assert_nonnull (strstr (first_flat, "ưu tiên những dự án hỗ trợ học sinh vùng khó"));
  g_assert_nonnull (strstr (first_flat, "hộ chiếu công vụ được nộp lại cơ quan quản lý"));
  g_assert_nonnull (strstr (first_flat, "Trường Đại học Sư phạm"));

  /* the table: each of its pages starts with the header row; every row
   * once, with its amount written as offices write it */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (pdf, (int) i);
      g_autofree char *joined = flat (text);
      int rows = 0;

      for (const char *p = joined; (p = strstr (p, "Trường THPT số ")) != NULL; p++)
        rows++;
      if (rows > 0)
        {
          table_pages++;
          g_assert_nonnull (strstr (joined, "Đơn vị"));
          g_assert_nonnull (strstr (joined, "Kinh phí (đồng)"));
          g_assert_nonnull (strstr (joined, "Số đoàn"));
        }
      seen_rows += rows;
    }
  g_assert_cmpint (seen_rows, ==, N_ROWS);
  g_assert_cmpuint (table_pages, >, 1);
  {
    g_autofree char *text = NULL;
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < n_pages; i++)
      {
        g_autofree char *page = page_text (pdf, (int) i);

        g_string_append (all, page);
      }
    text = flat (all->str);
    g_autofree char *amount = dn_format_amount (1234567, "VND");
    g_autofree char *total = g_strdup_printf ("đầu bảng: %s.", amount);

    /* the digits grouped by dots; the sum with its currency as
     * dn_format_amount() writes it ("1.234.567 đồng" in Vietnamese) */
    g_assert_nonnull (strstr (text, "1.234.567"));
    g_assert_nonnull (strstr (text, "1.533.567"));
    g_assert_nonnull (strstr (text, total));
    g_assert_nonnull (strstr (text, "Trên đây là báo cáo kết quả công tác đối ngoại năm 2023"));
  }

  /* the end: recipients and signature */
  last = page_text (pdf, (int) n_pages - 1);
  last_flat = flat (last);
  g_assert_nonnull (strstr (last_flat, "Nơi nhận:"));
  g_assert_nonnull (strstr (last_flat, "- Bộ Giáo dục và Đào tạo (để b/c);"));
  g_assert_nonnull (strstr (last_flat, "- Lưu: VT, HTQT."));
  g_assert_nonnull (strstr (last_flat, "KT. GIÁM ĐỐC"));
  g_assert_nonnull (strstr (last_flat, "PHÓ GIÁM ĐỐC"));
  g_assert_nonnull (strstr (last_flat, "Nguyễn Văn An"));
  {
    PopplerRectangle label, authority, name;

    find_box (pdf, (int) n_pages - 1, "Nơi nhận:", &label);
    find_box (pdf, (int) n_pages - 1, "KT. GIÁM ĐỐC", &authority);
    find_box (pdf, (int) n_pages - 1, "Nguyễn Văn An", &name);
    /* the recipients at the left margin, level with the signer's title
     * on the right; the name under the room for the signature */
    g_assert_cmpfloat (fabs (label.x1 - DN_OFFICIAL_MARGIN_LEFT), <, 1);
    g_assert_cmpfloat (fabs (label.y1 - authority.y1), <, 3);
    g_assert_cmpfloat (authority.x1, >, DN_PRINT_A4_SHORT / 2);
    g_assert_cmpfloat (fabs ((authority.x1 + authority.x2) / 2 - (name.x1 + name.x2) / 2), <, 2);
    g_assert_cmpfloat (name.y1 - authority.y2, >, 50);
  }
  /* the body's last lines stand with the signature */
  g_assert_nonnull (strstr (last_flat, "Lào Cai./."));
}

/* Page numbers: none on page 1, then the number alone, in the top margin */
static void
test_page_numbers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = report_new (5, 1, "15", N_ROWS);
  g_autofree char *path = g_build_filename (f->dir, "so-trang.pdf", NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (dn_official_document_write_pdf (doc, path, NULL, &n_pages, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path);
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *top = dn_pdf_test_text_above (pdf, (int) i, DN_OFFICIAL_MARGIN_TOP);
      g_autofree char *expected = g_strdup_printf ("%u", i + 1);

      if (i == 0)
        g_assert_cmpstr (top, ==, "");
      else
        g_assert_cmpstr (top, ==, expected);
    }
}

/* Every letter within the margins (the page number in the top one) */
static void
test_margins (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = report_new (5, 1, "5", N_ROWS);
  g_autofree char *path = g_build_filename (f->dir, "le.pdf", NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_assert_true (dn_official_document_write_pdf (doc, path, NULL, &n_pages, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, (int) i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0, checked = 0;
      double width, height;
      const char *p = text;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects && *p != '\0'; r++, p = g_utf8_next_char (p))
        {
          const PopplerRectangle *rect = &rects[r];
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c))
            continue;
          checked++;
          g_assert_cmpfloat (rect->x1, >=, DN_OFFICIAL_MARGIN_LEFT - 0.5);
          g_assert_cmpfloat (rect->x2, <=, width - DN_OFFICIAL_MARGIN_RIGHT + 0.5);
          g_assert_cmpfloat (rect->y2, <=, height - DN_OFFICIAL_MARGIN_BOTTOM + 0.5);
          if (rect->y1 < DN_OFFICIAL_MARGIN_TOP - 0.5)
            {
              /* only the page number, from page 2 */
              g_assert_cmpuint (i, >, 0);
              g_assert_true (g_unichar_isdigit (c));
            }
        }
      g_assert_cmpuint (checked, >, 100);
    }
}

/* The date line's leading zeros: day under 10, months 1 and 2 only; a
 * number to be written by hand */
static void
test_date_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = report_new (17, 9, NULL, 3);
  g_autofree char *path = g_build_filename (f->dir, "ngay.pdf", NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *joined = NULL, *number = NULL;
  guint n_pages = 0;

  g_assert_true (dn_official_document_write_pdf (doc, path, NULL, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
  pdf = open_pdf (path);
  dn_pdf_test_write_images (pdf, "official-document-no-number");
  text = page_text (pdf, 0);
  joined = flat (text);
  g_assert_nonnull (strstr (joined, "Lào Cai, ngày 17 tháng 9 năm 2024"));
  g_assert_null (strstr (joined, "tháng 09"));
  g_assert_nonnull (strstr (joined, "/BC-SGDĐT"));

  number = dn_official_number_line ("7", "QĐ-SGDĐT");
  g_assert_cmpstr (number, ==, "Số: 07/QĐ-SGDĐT");
  g_free (number);
  number = dn_official_number_line ("125", "KH-SGDĐT");
  g_assert_cmpstr (number, ==, "Số: 125/KH-SGDĐT");
  g_free (number);
  number = dn_official_number_line (NULL, "BC-SGDĐT");
  g_assert_true (g_str_has_prefix (number, "Số:   "));
  g_assert_true (g_str_has_suffix (number, " /BC-SGDĐT"));
}

/* One family, its four styles at most, every font embedded */
static void
test_fonts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = report_new (5, 1, "5", 40);
  g_autofree char *path = g_build_filename (f->dir, "phong.pdf", NULL);
  g_autofree char *family = NULL, *missing = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_substitute;
  g_auto(GStrv) used = NULL;

  if (!dn_report_font_check (&family, &is_substitute, &error))
    {
      /* a machine without fonts-liberation2 (build-aux/dev installs it) */
      g_test_skip (error->message);
      return;
    }
  g_assert_cmpstr (family, ==, dn_official_document_get_family (doc));
  g_assert_true (is_substitute == (strcmp (family, "Times New Roman") != 0));
  {
    g_autofree char *note = dn_report_font_describe ();

    /* the officer is told which face stands in */
    if (is_substitute)
      g_assert_nonnull (strstr (note, family));
    else
      g_assert_null (note);
  }
  /* Pango sets every Vietnamese letter in that family alone */
  used = dn_report_font_families_used (family, dn_report_font_test_text, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC,
                                       &missing);
  g_assert_cmpuint (g_strv_length (used), ==, 1);
  g_assert_cmpstr (used[0], ==, family);
  g_assert_cmpstr (missing, ==, "");

  /* every character of this document in that family; not a symbol the
   * face lacks */
  {
    g_autoptr(DnOfficialDocument) other = report_new (5, 1, "5", 2);
    g_autofree char *note = NULL;
    const char *cells[] = { "3", "Văn phòng ☎ 中", "1", "2" };

    g_assert_true (dn_official_document_check_font (doc, &note, &error));
    g_assert_no_error (error);
    g_assert_true ((note != NULL) == is_substitute);
    dn_official_document_add_row (other, cells);
    g_assert_false (dn_official_document_check_font (other, NULL, &error));
    g_assert_error (error, DN_REPORT_FONT_ERROR, DN_REPORT_FONT_ERROR_MISSING_CHARACTERS);
    g_assert_nonnull (strstr (error->message, "☎"));
    g_assert_nonnull (strstr (error->message, "中"));
    g_assert_null (strstr (error->message, "ă"));
    g_clear_error (&error);
  }

  g_assert_true (dn_official_document_write_pdf (doc, path, NULL, NULL, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path);
  /* regular, bold, italic, bold italic (cairo embeds a face's letters in
   * one or two subsets) */
  g_assert_cmpuint (dn_pdf_test_assert_one_family (pdf, family), ==, 4);
}

/* A place that cannot be written: an error, and no file left behind */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = report_new (5, 1, "5", 3);
  g_autofree char *missing = g_build_filename (f->dir, "khong-co", NULL);
  g_autofree char *path = g_build_filename (missing, "bao-cao.pdf", NULL);
  g_autofree char *blocked = g_build_filename (f->dir, "la-thu-muc.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int n_entries = 0;

  g_assert_false (dn_official_document_write_pdf (doc, path, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* the name is a folder's: the temporary file is written, then removed */
  g_assert_cmpint (g_mkdir (blocked, 0755), ==, 0);
  g_assert_false (dn_official_document_write_pdf (doc, blocked, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_true (g_file_test (blocked, G_FILE_TEST_IS_DIR));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "la-thu-muc.pdf");
      n_entries++;
    }
  g_assert_cmpint (n_entries, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/official-document/report", Fixture, NULL, fixture_setup, test_report, fixture_teardown);
  g_test_add ("/official-document/page-numbers", Fixture, NULL, fixture_setup, test_page_numbers, fixture_teardown);
  g_test_add ("/official-document/margins", Fixture, NULL, fixture_setup, test_margins, fixture_teardown);
  g_test_add ("/official-document/date-line", Fixture, NULL, fixture_setup, test_date_line, fixture_teardown);
  g_test_add ("/official-document/fonts", Fixture, NULL, fixture_setup, test_fonts, fixture_teardown);
  g_test_add ("/official-document/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);
  return g_test_run ();
}
