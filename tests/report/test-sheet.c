/* test-sheet.c: lists written to spreadsheets (DnSheet): the CSV bytes
 * (byte-order mark, quoting, CRLF, no formula, Vietnamese intact), the
 * workbook's parts read back from its zip (the header texts, a date as a
 * number with the dd/mm/yyyy style, the frozen header row, the column
 * widths, text never a formula), the atomic write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sheet"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "dn-pdf-test-utils.h"
#include "dn-sheet.h"

static const DnSheetColumn columns[] = {
  { "Tiêu đề", DN_SHEET_TEXT, 40 },
  { "Hạn", DN_SHEET_DATE, 12 },
  { "Số người", DN_SHEET_INTEGER, 9 },
};

/* the rows of every test: a comma, a quote, a line break, the formula
 * starts, a date, a negative integer */
static void
write_rows (DnSheet *sheet)
{
  static const char *texts[] = {
    "Hộ chiếu công vụ, ngoại giao", "Nói \"xin chào\"", "dòng 1\ndòng 2", "=SUM(A1:A2)", "-5", "@x", "+1",
  };
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, 3, 2024);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      dn_sheet_add_text (sheet, texts[i]);
      if (i == 0)
        dn_sheet_add_date (sheet, &day);
      else
        dn_sheet_add_empty (sheet);
      if (i == 0)
        dn_sheet_add_integer (sheet, -3);
      g_assert_true (dn_sheet_end_row (sheet, &error));
      g_assert_no_error (error);
    }
}

static gboolean
dir_is_empty_but (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (entry, name) != 0)
      return FALSE;
  return TRUE;
}

static void
test_csv (void)
{
  g_autofree char *dir = dn_pdf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "danh sách.csv", NULL);
  g_autoptr(DnSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *expected =
    "\xEF\xBB\xBF" "Tiêu đề,Hạn,Số người\r\n"
    "\"Hộ chiếu công vụ, ngoại giao\",05/03/2024,-3\r\n"
    "\"Nói \"\"xin chào\"\"\",,\r\n"
    "\"dòng 1\ndòng 2\",,\r\n"
    "'=SUM(A1:A2),,\r\n"
    "'-5,,\r\n"
    "'@x,,\r\n"
    "'+1,,\r\n";

  sheet = dn_sheet_new (path, DN_SHEET_CSV, "Nhiệm vụ", columns, G_N_ELEMENTS (columns), &error);
  g_assert_no_error (error);
  write_rows (sheet);
  g_assert_cmpuint (dn_sheet_get_n_rows (sheet), ==, 7);
  /* nothing at the path until it is finished */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (dn_sheet_finish (sheet, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_true (dir_is_empty_but (dir, "danh sách.csv"));
  dn_pdf_test_remove_dir (dir);
}

/* A part of the zip at @path, read with unzip or python3's zipfile; NULL
 * (the test skipped) when neither is installed. */
static char *
read_zip_part (const char *path,
               const char *part)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autofree char *python = unzip == NULL ? g_find_program_in_path ("python3") : NULL;
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  if (unzip != NULL)
    {
      const char *argv[] = { unzip, "-p", path, part, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &output, NULL, &status, &error));
    }
  else if (python != NULL)
    {
      const char *argv[] = { python, "-c",
                             "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
                             path, part, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &output, NULL, &status, &error));
    }
  else
    return NULL;
  g_assert_no_error (error);
  /* a part the zip does not hold: empty */
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_free (output);
      return g_strdup ("");
    }
  return output;
}

static void
test_xlsx (void)
{
  g_autofree char *dir = dn_pdf_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "danh sách.xlsx", NULL);
  g_autoptr(DnSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *text_parts = NULL;
  g_autoptr(GRegex) date_cell = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *style = NULL;
  g_autofree char *xf = NULL;

  sheet = dn_sheet_new (path, DN_SHEET_XLSX, "Đoàn ra [2024]: hộ chiếu/công vụ? rất dài quá mức", columns,
                        G_N_ELEMENTS (columns), &error);
  g_assert_no_error (error);
  write_rows (sheet);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (dn_sheet_finish (sheet, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (dir_is_empty_but (dir, "danh sách.xlsx"));

  xml = read_zip_part (path, "xl/worksheets/sheet1.xml");
  if (xml == NULL)
    {
      g_test_skip ("neither unzip nor python3 to read the workbook");
      dn_pdf_test_remove_dir (dir);
      return;
    }
  /* the header row frozen */
  g_assert_nonnull (strstr (xml, "ySplit=\"1\""));
  g_assert_nonnull (strstr (xml, "state=\"frozen\""));
  /* the widths */
  g_assert_nonnull (strstr (xml, "<col min=\"1\" max=\"1\" width=\"40.7109375\""));
  g_assert_nonnull (strstr (xml, "<col min=\"2\" max=\"2\" width=\"12.7109375\""));
  /* the headers and the texts, Vietnamese intact, whether inline or shared */
  {
    g_autofree char *shared = read_zip_part (path, "xl/sharedStrings.xml");

    text_parts = g_strconcat (xml, shared, NULL);
  }
  g_assert_nonnull (strstr (text_parts, "Tiêu đề"));
  g_assert_nonnull (strstr (text_parts, "Số người"));
  g_assert_nonnull (strstr (text_parts, "Hộ chiếu công vụ, ngoại giao"));
  /* text starting with "=" is text: no formula anywhere */
  g_assert_nonnull (strstr (text_parts, "=SUM(A1:A2)"));
  g_assert_null (strstr (xml, "<f>"));
  /* the date: a number (5 March 2024 is day 45356) in a style whose
   * format is dd/mm/yyyy; the integer a number */
  date_cell = g_regex_new ("<c r=\"B2\" s=\"([0-9]+)\"><v>45356</v></c>", 0, 0, NULL);
  g_assert_true (g_regex_match (date_cell, xml, 0, &match));
  style = g_match_info_fetch (match, 1);
  g_assert_nonnull (strstr (xml, "<c r=\"C2\"><v>-3</v></c>"));
  styles = read_zip_part (path, "xl/styles.xml");
  {
    g_autoptr(GRegex) num_fmt = g_regex_new ("<numFmt numFmtId=\"([0-9]+)\" formatCode=\"dd/mm/yyyy\"/>", 0, 0, NULL);
    g_autoptr(GMatchInfo) fmt_match = NULL;
    g_autofree char *fmt_id = NULL;
    g_autofree char *cell_xfs = NULL;
    g_auto(GStrv) xfs = NULL;
    g_autofree char *wanted = NULL;

    g_assert_true (g_regex_match (num_fmt, styles, 0, &fmt_match));
    fmt_id = g_match_info_fetch (fmt_match, 1);
    /* the style's xf (index @style in cellXfs) uses that format */
    cell_xfs = g_strdup (strstr (styles, "<cellXfs"));
    g_assert_nonnull (cell_xfs);
    xfs = g_strsplit (cell_xfs, "<xf ", -1);
    g_assert_cmpuint (g_strv_length (xfs), >, (guint) atoi (style) + 1);
    xf = g_strdup (xfs[atoi (style) + 1]);
    wanted = g_strdup_printf ("numFmtId=\"%s\"", fmt_id);
    g_assert_nonnull (strstr (xf, wanted));
  }
  /* the header bold: the style of A1 has a font with <b/> */
  g_assert_nonnull (strstr (styles, "<b/>"));
  g_assert_true (g_regex_match_simple ("<c r=\"A1\" s=\"[1-9]", xml, 0, 0));
  /* the worksheet's name made safe: no []:/?, 31 characters */
  workbook = read_zip_part (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Đoàn ra  2024   hộ chiếu công v\""));
  dn_pdf_test_remove_dir (dir);
}

static void
test_safe_name (void)
{
  g_autofree char *a = dn_sheet_dup_safe_name ("Nhiệm vụ");
  g_autofree char *b = dn_sheet_dup_safe_name ("a/b\\c?d*e[f]g:h");
  g_autofree char *c = dn_sheet_dup_safe_name ("'[]'");
  g_autofree char *d = dn_sheet_dup_safe_name ("Đoàn công tác ra nước ngoài của Sở Giáo dục");

  g_assert_cmpstr (a, ==, "Nhiệm vụ");
  g_assert_cmpstr (b, ==, "a b c d e f g h");
  g_assert_cmpstr (c, ==, "Sheet1");
  g_assert_cmpint (g_utf8_strlen (d, -1), <=, 31);
  g_assert_true (g_str_has_prefix (d, "Đoàn công tác ra nước ngoài"));
}

static void
test_format (void)
{
  DnSheetFormat format;

  g_assert_true (dn_sheet_format_from_path ("/tmp/a.XLSX", &format));
  g_assert_cmpint (format, ==, DN_SHEET_XLSX);
  g_assert_true (dn_sheet_format_from_path ("b.csv", &format));
  g_assert_cmpint (format, ==, DN_SHEET_CSV);
  g_assert_false (dn_sheet_format_from_path ("b.xls", &format));
  g_assert_false (dn_sheet_format_from_path ("b.csv.txt", &format));
  g_assert_false (dn_sheet_format_from_path ("/tmp/.csv", &format));
  g_assert_false (dn_sheet_format_from_path ("noext", &format));
}

/* An existing file stays as it was until the new one is finished; a sheet
 * given up leaves nothing; a folder that does not exist is refused with
 * the reason, and nothing is made. */
static void
test_atomic (gconstpointer data)
{
  DnSheetFormat format = GPOINTER_TO_INT (data);
  g_autofree char *dir = dn_pdf_test_make_dir ();
  const char *name = format == DN_SHEET_CSV ? "list.csv" : "list.xlsx";
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  DnSheet *sheet;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  sheet = dn_sheet_new (path, format, "x", columns, G_N_ELEMENTS (columns), &error);
  g_assert_no_error (error);
  write_rows (sheet);
  dn_sheet_free (sheet);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_true (dir_is_empty_but (dir, name));

  sheet = dn_sheet_new (missing, format, "x", columns, G_N_ELEMENTS (columns), &error);
  g_assert_null (sheet);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no such folder"));
  g_assert_true (dir_is_empty_but (dir, name));
  g_clear_error (&error);

  sheet = dn_sheet_new (path, format, "x", columns, G_N_ELEMENTS (columns), &error);
  g_assert_no_error (error);
  write_rows (sheet);
  g_assert_true (dn_sheet_finish (sheet, &error));
  g_assert_no_error (error);
  dn_sheet_free (sheet);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, !=, "old");
  g_assert_true (dir_is_empty_but (dir, name));
  dn_pdf_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet/csv", test_csv);
  g_test_add_func ("/sheet/xlsx", test_xlsx);
  g_test_add_func ("/sheet/safe-name", test_safe_name);
  g_test_add_func ("/sheet/format", test_format);
  g_test_add_data_func ("/sheet/atomic/csv", GINT_TO_POINTER (DN_SHEET_CSV), test_atomic);
  g_test_add_data_func ("/sheet/atomic/xlsx", GINT_TO_POINTER (DN_SHEET_XLSX), test_atomic);
  return g_test_run ();
}
