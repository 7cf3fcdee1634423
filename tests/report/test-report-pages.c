/* test-report-pages.c: reports built from a database and written as PDF,
 * read back with poppler
 *
 * - the demo data's quarter report: its pages, the heading, motto and date
 *   line, every heading, its figures against the same counts read
 *   directly with SQL, the tasks' Vietnamese titles extracted intact, one
 *   font family, embedded; its pages as images in <build>/report-pages/;
 * - a period without data: a valid report that says so (and its tables'
 *   file, which says so too);
 * - a province's year (a generated database): 40 pages and more, each from
 *   page 2 with its number alone at the top, and every page a table goes
 *   on to starting with that table's header row, its rows numbered on
 *   from the page before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report-pages"

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "dn-exchange.h"
#include "dn-generator.h"
#include "dn-pdf-test-utils.h"
#include "dn-print-table.h"
#include "dn-report-test-utils.h"
#include "dn-test-utils.h"

#define LEFT  DN_OFFICIAL_MARGIN_LEFT
#define TOP   DN_OFFICIAL_MARGIN_TOP
#define WIDTH (DN_PRINT_A4_SHORT - DN_OFFICIAL_MARGIN_LEFT - DN_OFFICIAL_MARGIN_RIGHT)

/* the province: a year of it gives 50-odd pages in a few seconds */
#define PROVINCE_TASKS       4000
#define PROVINCE_DELEGATIONS 800
#define PROVINCE_PEOPLE      1000

static PopplerDocument *
write_and_open (DnOfficialDocument *doc,
                const char         *dir,
                const char         *name,
                guint              *n_pages)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf;

  g_assert_true (dn_official_document_write_pdf (doc, path, NULL, n_pages, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) *n_pages);
  return pdf;
}

/* Every page's text, one after another, line breaks as spaces */
static char *
all_text (PopplerDocument *pdf)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append_printf (all, "%s\n", text);
      g_object_unref (page);
    }
  g_strdelimit (all->str, "\n", ' ');
  return g_string_free (all, FALSE);
}

/* The letters of page @i set in the box @x0…@x1, @y0…@y1 (points from the
 * top left; their middle inside), without white space, line by line: each
 * line a string of its own */
static GPtrArray *
box_lines (PopplerDocument *pdf,
           int              i,
           double           x0,
           double           x1,
           double           y0,
           double           y1)
{
  PopplerPage *page = poppler_document_get_page (pdf, i);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = NULL;
  double line_y = -100;
  guint n_rects = 0;
  const char *p = text;

  poppler_page_get_text_layout (page, &rects, &n_rects);
  for (guint r = 0; r < n_rects && *p != '\0'; r++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double x = (rects[r].x1 + rects[r].x2) / 2, y = (rects[r].y1 + rects[r].y2) / 2;

      if (g_unichar_isspace (c) || x < x0 || x > x1 || y < y0 || y > y1)
        continue;
      if (line == NULL || y - line_y > 3)
        {
          if (line != NULL)
            g_ptr_array_add (lines, g_string_free (line, FALSE));
          line = g_string_new (NULL);
          line_y = y;
        }
      g_string_append_unichar (line, c);
    }
  if (line != NULL)
    g_ptr_array_add (lines, g_string_free (line, FALSE));
  g_object_unref (page);
  return lines;
}

/* The lines of @lines joined */
static char *
joined (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  {
    char *all = g_strjoinv ("", (char **) lines->pdata);

    g_ptr_array_remove_index (lines, lines->len - 1);
    return all;
  }
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/*
 * The demo data's quarter
 */

static void
test_demo_quarter (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReportFigures) figures = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *text = NULL, *first = NULL;
  PopplerDocument *pdf;
  GDate day = dn_test_date (2019, 1, 10);
  guint n_pages = 0;
  /* the units of the demo's tree: the department and all below it */
#define PERIOD "BETWEEN '2018-10-01' AND '2018-12-31'"

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  doc = dn_report_test_build (fixture->store, DN_REPORT_QUARTER, "2018-Q4", "SGDLC", TRUE, &day, &figures);
  pdf = write_and_open (doc, fixture->dir, "demo-quarter", &n_pages);
  dn_pdf_test_write_images (pdf, "report-demo-quarter");
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 4);
  text = all_text (pdf);

  /* the heading, on page 1 */
  {
    PopplerPage *page = poppler_document_get_page (pdf, 0);

    first = poppler_page_get_text (page);
    g_strdelimit (first, "\n", ' ');
    g_object_unref (page);
  }
  g_assert_nonnull (strstr (first, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (first, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (first, "Lào Cai, ngày 10 tháng 01 năm 2019"));
  g_assert_nonnull (strstr (first, "BÁO CÁO"));
  g_assert_nonnull (strstr (first, "quý IV năm 2018"));
  /* every heading, in order */
  {
    const char *headings[] = { "I. KẾT QUẢ THỰC HIỆN", "1. Thực hiện các nhiệm vụ được giao", "2. Đoàn ra",
                               "3. Đoàn vào", "4. Quản lý hộ chiếu", "5. Quan hệ đối tác, dự án hợp tác",
                               "6. Công tác văn bản", "7. Đánh giá chung", "II. KHÓ KHĂN, VƯỚNG MẮC",
                               "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:" };
    const char *at = text;

    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      {
        at = strstr (at, headings[i]);
        g_assert_nonnull (at);
      }
  }

  /* the figures, against the same counts read directly */
  {
    gint64 n_tasks = dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE deleted = 0 AND status <> "
                                                        "'cancelled' AND due_date " PERIOD);
    gint64 n_done = dn_test_query_int (fixture->store, "SELECT count(*) FROM task WHERE deleted = 0 AND status = "
                                                       "'done' AND due_date " PERIOD);
    gint64 n_out = dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation WHERE direction = 'outbound' "
                                                      "AND status <> 'cancelled' AND start_date " PERIOD);
    gint64 n_members = dn_test_query_int (fixture->store, "SELECT count(*) FROM delegation_member m JOIN delegation d "
                                                          "ON d.id = m.delegation_id WHERE d.direction = 'outbound' "
                                                          "AND d.status <> 'cancelled' AND d.start_date " PERIOD);
    gint64 n_issued = dn_test_query_int (fixture->store, "SELECT count(*) FROM document WHERE direction = 'outgoing' "
                                                         "AND issue_date " PERIOD);
    gint64 n_received = dn_test_query_int (fixture->store, "SELECT count(*) FROM document WHERE direction = "
                                                           "'incoming' AND arrival_date " PERIOD);
    g_autofree char *tasks = g_strdup_printf ("có %" G_GINT64_FORMAT " nhiệm vụ có thời hạn hoàn thành trong kỳ: đã "
                                              "hoàn thành %" G_GINT64_FORMAT " nhiệm vụ", n_tasks, n_done);
    g_autofree char *out = g_strdup_printf ("Trong kỳ có %" G_GINT64_FORMAT " đoàn với %" G_GINT64_FORMAT " lượt cán "
                                            "bộ đi công tác nước ngoài", n_out, n_members);
    g_autofree char *documents = g_strdup_printf ("Trong kỳ đã ban hành %" G_GINT64_FORMAT " văn bản đi; tiếp nhận, xử "
                                                  "lý %" G_GINT64_FORMAT " văn bản đến.", n_issued, n_received);

    g_assert_cmpint (n_tasks, ==, 9);
    g_assert_cmpint (n_out, >, 0);
    g_assert_nonnull (strstr (text, tasks));
    g_assert_nonnull (strstr (text, out));
    g_assert_nonnull (strstr (text, documents));
  }
  /* each lead unit's row (its name, tasks, done, overdue), as SQL counts
   * them; poppler reads a row's cells one after the other */
  {
    g_autofree char *squeezed = without_spaces (text);
    g_autofree char *listing = dn_test_query_text (fixture->store,
                                                   "SELECT group_concat(u.name || '|' || n || done || late, char(10)) "
                                                   "FROM (SELECT a.unit_id AS unit, count(*) AS n, sum(t.status = "
                                                   "'done') AS done, sum(t.status IN ('open', 'in_progress') AND "
                                                   "t.due_date < '2019-01-10') AS late FROM task t JOIN assignment a "
                                                   "ON a.task_id = t.id AND a.role = 'lead' WHERE t.deleted = 0 AND "
                                                   "t.status <> 'cancelled' AND t.due_date " PERIOD
                                                   " GROUP BY a.unit_id) JOIN unit u ON u.id = unit");
    g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) parts = g_strsplit (lines[i], "|", 2);
        g_autofree char *name = without_spaces (parts[0]);
        g_autofree char *expected = g_strconcat (name, parts[1], NULL);

        if (strstr (squeezed, expected) == NULL)
          g_error ("the row “%s” is not in the report", lines[i]);
      }
  }
  /* the tasks' titles, as stored, read back from their column (the
   * column of "Nhiệm vụ": 0.07 + 0.08 to 0.47 of the width) */
  {
    g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *titles = dn_test_query_text (fixture->store, "SELECT group_concat(title, char(10)) FROM task "
                                                                  "WHERE deleted = 0 AND status <> 'cancelled' AND "
                                                                  "due_date " PERIOD);
    g_auto(GStrv) each = g_strsplit (titles, "\n", -1);

    for (guint i = 0; i < n_pages; i++)
      {
        g_autoptr(GPtrArray) lines = box_lines (pdf, (int) i, LEFT + WIDTH * 0.15, LEFT + WIDTH * 0.47, TOP,
                                                DN_PRINT_A4_LONG);

        g_ptr_array_add (columns, joined (lines));
      }
    for (guint t = 0; each[t] != NULL; t++)
      {
        g_autofree char *title = without_spaces (each[t]);
        gboolean found = FALSE;

        for (guint i = 0; i < columns->len; i++)
          found |= strstr (columns->pdata[i], title) != NULL;
        if (!found)
          g_error ("the title “%s” is not read back", each[t]);
      }
  }
  /* one family, embedded */
  g_assert_cmpuint (dn_pdf_test_assert_one_family (pdf, dn_official_document_get_family (doc)), <=, 4);
  g_object_unref (pdf);
#undef PERIOD
}

/* A period without any data: a report that says so */
static void
test_empty_period (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *text = NULL, *csv_path = NULL, *csv = NULL;
  PopplerDocument *pdf;
  GDate day = dn_test_date (2031, 4, 5);
  guint n_pages = 0;

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  doc = dn_report_test_build (fixture->store, DN_REPORT_QUARTER, "2031-Q1", "SGDLC", TRUE, &day, NULL);
  pdf = write_and_open (doc, fixture->dir, "empty", &n_pages);
  dn_pdf_test_write_images (pdf, "report-empty-period");
  text = all_text (pdf);
  g_object_unref (pdf);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_nonnull (strstr (text, "quý I năm 2031"));
  g_assert_nonnull (strstr (text, "không có nhiệm vụ nào có thời hạn hoàn thành trong kỳ"));
  g_assert_nonnull (strstr (text, "Trong kỳ không có đoàn cán bộ đi công tác nước ngoài."));
  g_assert_nonnull (strstr (text, "Trong kỳ không có đoàn nước ngoài đến làm việc."));
  g_assert_nonnull (strstr (text, "Trong kỳ không giao, nhận lại hộ chiếu nào."));
  g_assert_nonnull (strstr (text, "Trong kỳ đã ban hành 0 văn bản đi"));
  g_assert_nonnull (strstr (text, "IV. ĐỀ XUẤT, KIẾN NGHỊ"));
  g_assert_nonnull (strstr (text, "Nơi nhận:"));

  /* its tables' file: none to write, and it says so */
  csv_path = g_build_filename (fixture->dir, "empty.csv", NULL);
  g_assert_true (dn_official_document_write_tables (doc, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_cmpstr (csv, ==, "\xEF\xBB\xBF" "BÁO CÁO\r\n\"BÁO CÁO Kết quả công tác đối ngoại, hội nhập và hợp tác quốc "
                            "tế quý I năm 2031\"\r\nBáo cáo không có bảng số liệu.\r\n");
}

/*
 * A province's year, 40 pages and more
 */

typedef struct
{
  guint              n_columns;
  const double      *shares;
  const char *const *titles;
} TableShape;

/* the tables of the report (dn-report-builder.c) */
static const double unit_shares[] = { 0.08, 0.50, 0.14, 0.14, 0.14 };
static const char *const unit_titles[] = { "STT", "Đơn vị chủ trì", "Số nhiệm vụ", "Hoàn thành", "Quá hạn" };
static const double task_shares[] = { 0.07, 0.08, 0.32, 0.21, 0.15, 0.17 };
static const char *const task_titles[] = { "STT", "Mục", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng" };
static const double out_shares[] = { 0.07, 0.28, 0.23, 0.16, 0.09, 0.17 };
static const char *const out_titles[] = { "STT", "Đoàn", "Thời gian", "Nước đến", "Số người", "Nguồn kinh phí" };
static const double in_shares[] = { 0.07, 0.36, 0.23, 0.24, 0.10 };
static const char *const in_titles[] = { "STT", "Đoàn", "Thời gian", "Cơ quan, tổ chức", "Số người" };
static const TableShape shapes[] = {
  { G_N_ELEMENTS (unit_titles), unit_shares, unit_titles },
  { G_N_ELEMENTS (task_titles), task_shares, task_titles },
  { G_N_ELEMENTS (out_titles), out_shares, out_titles },
  { G_N_ELEMENTS (in_titles), in_shares, in_titles },
};

/* the header row's room at the top of a page: two lines of 12 pt */
#define HEADER_BAND 34.0

/* TRUE when page @i starts with the header row of @shape: each column's
 * first letters its title */
static gboolean
starts_with_header (PopplerDocument  *pdf,
                    int               i,
                    const TableShape *shape)
{
  double x = LEFT;

  for (guint c = 0; c < shape->n_columns; c++)
    {
      double w = WIDTH * shape->shares[c];
      g_autoptr(GPtrArray) lines = box_lines (pdf, i, x, x + w, TOP, TOP + HEADER_BAND);
      g_autofree char *column = joined (lines);
      g_autofree char *title = without_spaces (shape->titles[c]);

      if (!g_str_has_prefix (column, title))
        return FALSE;
      x += w;
    }
  return TRUE;
}

/* The order numbers in the first column of page @i (lines of digits
 * alone), from the top */
static GPtrArray *
order_numbers (PopplerDocument *pdf,
               int              i)
{
  g_autoptr(GPtrArray) lines = box_lines (pdf, i, LEFT, LEFT + WIDTH * 0.07, TOP, DN_PRINT_A4_LONG);
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < lines->len; l++)
    if (all_digits (lines->pdata[l]))
      g_ptr_array_add (numbers, g_strdup (lines->pdata[l]));
  return numbers;
}

static void
test_province_year (DnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *root = NULL;
  PopplerDocument *pdf;
  GDate day = dn_test_date (2026, 12, 7);
  guint n_pages = 0, n_continued = 0;
  gint64 started = g_get_monotonic_time ();

  g_assert_true (dn_generate (fixture->store, PROVINCE_TASKS, PROVINCE_DELEGATIONS, PROVINCE_PEOPLE, 7, &error));
  g_assert_no_error (error);
  root = dn_test_query_text (fixture->store, "SELECT code FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1");
  doc = dn_report_test_build (fixture->store, DN_REPORT_YEAR, "2025", root, TRUE, &day, NULL);
  pdf = write_and_open (doc, fixture->dir, "province-year", &n_pages);
  g_test_message ("%u pages in %.1f s", n_pages, (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (n_pages, >=, 40);
  for (guint i = 1; i < n_pages; i++)
    {
      g_autofree char *top = dn_pdf_test_text_above (pdf, (int) i, TOP);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const TableShape *shape = NULL;

      /* its number alone, at the top */
      g_assert_cmpstr (top, ==, number);
      for (guint s = 0; s < G_N_ELEMENTS (shapes) && shape == NULL; s++)
        if (starts_with_header (pdf, (int) i, &shapes[s]))
          shape = &shapes[s];
      if (shape != NULL)
        {
          g_autoptr(GPtrArray) before = order_numbers (pdf, (int) i - 1);
          g_autoptr(GPtrArray) here = order_numbers (pdf, (int) i);

          /* a table going on: its rows numbered on from the page before */
          if (before->len > 0 && here->len > 0 &&
              g_ascii_strtoull (here->pdata[0], NULL, 10) != 1)
            {
              g_assert_cmpuint (g_ascii_strtoull (here->pdata[0], NULL, 10), ==,
                                g_ascii_strtoull (before->pdata[before->len - 1], NULL, 10) + 1);
              n_continued++;
            }
        }
      else
        {
          /* no table goes on at its top without its header: the first
           * line is no row (an order number alone in the first column) */
          g_autoptr(GPtrArray) lines = box_lines (pdf, (int) i, LEFT, LEFT + WIDTH * 0.07, TOP, TOP + 16);

          g_assert_false (lines->len > 0 && all_digits (lines->pdata[0]));
        }
    }
  g_test_message ("%u of the %u pages carry a table going on", n_continued, n_pages);
  /* most pages carry a table going on */
  g_assert_cmpuint (n_continued, >=, n_pages * 3 / 4);
  g_object_unref (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/report-pages/demo-quarter", test_demo_quarter);
  DN_TEST_ADD ("/report-pages/empty-period", test_empty_period);
  DN_TEST_ADD ("/report-pages/province-year", test_province_year);
  return g_test_run ();
}
