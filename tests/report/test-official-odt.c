/* test-official-odt.c: the demo data's quarter report written as an
 * OpenDocument text file and read back: the zip as ODF asks (mimetype
 * first and stored), content.xml and styles.xml well-formed (GMarkup),
 * the heading, motto, date line, headings, every table with its repeated
 * header row and its cells equal to the figures, the page number in the
 * header of every page but the first, Times New Roman; no temporary file
 * left, an unwritable path failing with nothing written. When LibreOffice
 * is installed it converts the file headless and the PDF says the same.
 * The tables to a workbook: a worksheet each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-official-odt"

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <zip.h>

#include "dn-amount.h"
#include "dn-exchange.h"
#include "dn-pdf-test-utils.h"
#include "dn-report-test-utils.h"
#include "dn-task.h"
#include "dn-test-utils.h"
#include "dn-unit-stat.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

typedef struct
{
  DnTestStore         store;
  char               *out;       /* a folder of its own for the files */
  DnOfficialDocument *doc;
  DnReportFigures    *figures;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate day = dn_test_date (2019, 1, 10);

  dn_test_store_setup (&f->store, NULL);
  g_assert_true (dn_exchange_load_demo (f->store.store, &error));
  g_assert_no_error (error);
  f->out = g_build_filename (f->store.dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0755), ==, 0);
  /* the demo's quarter: the Lào Cai guidance's first months */
  f->doc = dn_report_test_build (f->store.store, DN_REPORT_QUARTER, "2018-Q4", "SGDLC", TRUE, &day, &f->figures);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_official_document_free (f->doc);
  dn_report_figures_free (f->figures);
  g_free (f->out);
  dn_test_store_teardown (&f->store, NULL);
}

/*
 * The zip
 */

/* The entry @name of @zip, whole (NUL-terminated) */
static char *
read_entry (zip_t      *zip,
            const char *name)
{
  zip_stat_t st;
  zip_file_t *file;
  char *data;

  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  data = g_malloc0 (st.size + 1);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  return data;
}

static zip_t *
open_zip (const char *path)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &code);

  g_assert_cmpint (code, ==, 0);
  g_assert_nonnull (zip);
  return zip;
}

/*
 * The XML, read with GMarkup into what the checks need
 */

typedef struct
{
  char      *name;
  GPtrArray *header;   /* GPtrArray of char * (cells), the header rows */
  GPtrArray *rows;
  GPtrArray *styles;   /* the paragraph style of each cell of the first body row */
} Table;

static void
table_free (Table *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->styles);
  g_free (table);
}

typedef struct
{
  GPtrArray  *paragraphs;   /* "STYLE\tTEXT" of every text:p and text:h */
  GPtrArray  *headings;     /* "LEVEL\tTEXT" of every text:h */
  GPtrArray  *tables;       /* Table */
  GHashTable *attributes;   /* "element/style-name/attribute" → value, of styles */
  GString    *text;         /* the paragraph being read */
  char       *style;        /* its style */
  GString    *cell;         /* the cell being read */
  char       *cell_style;   /* its first paragraph's style */
  GPtrArray  *row;
  gboolean    in_header_rows;
  guint       n_header_rows;
  char       *master;       /* the master page being read */
  GHashTable *masters;      /* master page → its header's text ("" without header) */
  gboolean    in_header;
  guint       depth;        /* of text:p / text:h */
} Xml;

static void
xml_init (Xml *x)
{
  memset (x, 0, sizeof *x);
  x->paragraphs = g_ptr_array_new_with_free_func (g_free);
  x->headings = g_ptr_array_new_with_free_func (g_free);
  x->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  x->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->masters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
xml_clear (Xml *x)
{
  g_ptr_array_unref (x->paragraphs);
  g_ptr_array_unref (x->headings);
  g_ptr_array_unref (x->tables);
  g_hash_table_unref (x->attributes);
  g_hash_table_unref (x->masters);
  g_free (x->master);
  if (x->text != NULL)
    g_string_free (x->text, TRUE);
  g_free (x->style);
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static Table *
current_table (Xml *x)
{
  g_assert_cmpuint (x->tables->len, >, 0);
  return x->tables->pdata[x->tables->len - 1];
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Xml *x = data;
  const char *style_name = attribute (names, values, "style:name");

  /* the attributes of every named style */
  if (style_name != NULL)
    for (guint i = 0; names[i] != NULL; i++)
      g_hash_table_insert (x->attributes, g_strdup_printf ("%s/%s/%s", element, style_name, names[i]),
                           g_strdup (values[i]));

  if (strcmp (element, "text:p") == 0 || strcmp (element, "text:h") == 0)
    {
      if (x->depth++ == 0)
        {
          x->text = g_string_new (NULL);
          g_free (x->style);
          x->style = g_strdup (attribute (names, values, "text:style-name"));
          if (x->cell != NULL && x->cell_style == NULL)
            x->cell_style = g_strdup (x->style);
        }
    }
  else if (strcmp (element, "text:s") == 0 && x->text != NULL)
    {
      const char *c = attribute (names, values, "text:c");

      for (int i = 0; i < (c != NULL ? atoi (c) : 1); i++)
        g_string_append_c (x->text, ' ');
    }
  else if (strcmp (element, "text:line-break") == 0 && x->text != NULL)
    g_string_append_c (x->text, '\n');
  else if (strcmp (element, "text:page-number") == 0 && x->in_header && x->master != NULL)
    g_hash_table_insert (x->masters, g_strdup (x->master), g_strdup ("page-number"));
  else if (strcmp (element, "table:table") == 0)
    {
      Table *table = g_new0 (Table, 1);

      table->name = g_strdup (attribute (names, values, "table:name"));
      table->header = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      table->styles = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (x->tables, table);
    }
  else if (strcmp (element, "table:table-header-rows") == 0)
    {
      x->in_header_rows = TRUE;
      x->n_header_rows++;
    }
  else if (strcmp (element, "table:table-row") == 0)
    x->row = g_ptr_array_new_with_free_func (g_free);
  else if (strcmp (element, "table:table-cell") == 0)
    x->cell = g_string_new (NULL);
  else if (strcmp (element, "style:master-page") == 0)
    {
      g_free (x->master);
      x->master = g_strdup (style_name);
      g_hash_table_insert (x->masters, g_strdup (style_name), g_strdup (""));
    }
  else if (strcmp (element, "style:header") == 0)
    {
      x->in_header = TRUE;
      g_hash_table_insert (x->masters, g_strdup (x->master), g_strdup ("header"));
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Xml *x = data;

  if ((strcmp (element, "text:p") == 0 || strcmp (element, "text:h") == 0) && --x->depth == 0)
    {
      g_ptr_array_add (x->paragraphs, g_strdup_printf ("%s\t%s", x->style != NULL ? x->style : "", x->text->str));
      if (strcmp (element, "text:h") == 0)
        g_ptr_array_add (x->headings, g_strdup_printf ("%s\t%s", x->style, x->text->str));
      if (x->cell != NULL)
        g_string_append_printf (x->cell, "%s%s", x->cell->len > 0 ? "\n" : "", x->text->str);
      g_string_free (x->text, TRUE);
      x->text = NULL;
    }
  else if (strcmp (element, "table:table-cell") == 0)
    {
      Table *table = current_table (x);

      if (!x->in_header_rows && table->rows->len == 0)
        g_ptr_array_add (table->styles, g_strdup (x->cell_style));
      g_ptr_array_add (x->row, g_string_free (x->cell, FALSE));
      x->cell = NULL;
      g_clear_pointer (&x->cell_style, g_free);
    }
  else if (strcmp (element, "table:table-row") == 0)
    {
      Table *table = current_table (x);

      g_ptr_array_add (x->in_header_rows ? table->header : table->rows, x->row);
      x->row = NULL;
    }
  else if (strcmp (element, "table:table-header-rows") == 0)
    x->in_header_rows = FALSE;
  else if (strcmp (element, "style:header") == 0)
    x->in_header = FALSE;
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 length,
      gpointer              data,
      GError              **error)
{
  Xml *x = data;

  if (x->text != NULL)
    g_string_append_len (x->text, content, length);
}

/* Parses @xml (failing the test unless it is well-formed) into @x */
static void
parse (const char *xml,
       Xml        *x)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GError) error = NULL;
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, x, NULL);

  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
}

static gboolean
has_paragraph (Xml        *x,
               const char *style,
               const char *text)
{
  g_autofree char *line = g_strdup_printf ("%s\t%s", style, text);

  for (guint i = 0; i < x->paragraphs->len; i++)
    if (strcmp (x->paragraphs->pdata[i], line) == 0)
      return TRUE;
  return FALSE;
}

/* The table whose header's cell @column is @title */
static Table *
find_table (Xml        *x,
            guint       column,
            const char *title)
{
  for (guint i = 0; i < x->tables->len; i++)
    {
      Table *table = x->tables->pdata[i];
      GPtrArray *header = table->header->len > 0 ? table->header->pdata[0] : NULL;

      if (header != NULL && header->len > column && strcmp (header->pdata[column], title) == 0)
        return table;
    }
  g_error ("no table has “%s” in its header", title);
}

static const char *
cell (Table *table,
      guint  row,
      guint  column)
{
  GPtrArray *cells = table->rows->pdata[row];

  return cells->pdata[column];
}

static const char *
style_attribute (Xml        *x,
                 const char *key)
{
  return g_hash_table_lookup (x->attributes, key);
}

/* Nothing but @name in the folder @dir */
static void
assert_alone (const char *dir,
              const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, name != NULL ? 1 : 0);
}

static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out, "bao-cao.odt", NULL);
  g_autofree char *raw = NULL, *mimetype = NULL, *manifest = NULL, *content = NULL, *styles = NULL, *meta = NULL;
  g_autoptr(GError) error = NULL;
  DnReportFigures *fig = f->figures;
  Xml c, s;
  zip_t *zip;
  zip_stat_t st;
  gsize size = 0;

  g_assert_true (dn_official_document_write_odt (f->doc, path, NULL, &error));
  g_assert_no_error (error);
  assert_alone (f->out, "bao-cao.odt");

  /* "mimetype" the first entry, stored, without extra field: its text at
   * byte 38, where tools look for it */
  g_assert_true (g_file_get_contents (path, &raw, &size, &error));
  g_assert_cmpuint (size, >, 38 + strlen (MIMETYPE));
  g_assert_cmpmem (raw + 30, 8 + strlen (MIMETYPE), "mimetype" MIMETYPE, 8 + strlen (MIMETYPE));
  zip = open_zip (path);
  g_assert_cmpint (zip_get_num_entries (zip, 0), ==, 5);
  g_assert_cmpstr (zip_get_name (zip, 0, 0), ==, "mimetype");
  g_assert_cmpint (zip_stat_index (zip, 0, 0, &st), ==, 0);
  g_assert_cmpint (st.comp_method, ==, ZIP_CM_STORE);
  mimetype = read_entry (zip, "mimetype");
  g_assert_cmpstr (mimetype, ==, MIMETYPE);
  manifest = read_entry (zip, "META-INF/manifest.xml");
  content = read_entry (zip, "content.xml");
  styles = read_entry (zip, "styles.xml");
  meta = read_entry (zip, "meta.xml");
  zip_close (zip);
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"content.xml\""));
  g_assert_nonnull (strstr (meta, "<dc:title>BÁO CÁO Kết quả công tác đối ngoại"));

  xml_init (&c);
  parse (content, &c);
  xml_init (&s);
  parse (styles, &s);
  {
    Xml m;

    /* well-formed too */
    xml_init (&m);
    parse (manifest, &m);
    xml_clear (&m);
  }

  /* the heading: bodies, national name and motto, number, date line */
  g_assert_true (has_paragraph (&c, "DN_Issuing_20_Body", "SỞ GIÁO DỤC VÀ ĐÀO TẠO LÀO CAI"));
  g_assert_true (has_paragraph (&c, "DN_National_20_Name", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_true (has_paragraph (&c, "DN_Motto", "Độc lập - Tự do - Hạnh phúc"));
  g_assert_true (has_paragraph (&c, "DN_Date", "Lào Cai, ngày 10 tháng 01 năm 2019"));
  {
    g_autofree char *number = dn_official_number_line (NULL, "BC");

    /* the room for the number kept: its spaces as text:s */
    g_assert_true (has_paragraph (&c, "DN_Number", number));
    g_assert_nonnull (strstr (content, "Số: <text:s text:c=\"7\"/>/BC</text:p>"));
  }
  g_assert_true (has_paragraph (&c, "DN_Type", "BÁO CÁO"));
  g_assert_true (has_paragraph (&c, "DN_Subject", "Kết quả công tác đối ngoại, hội nhập và hợp tác quốc tế quý IV năm 2018"));
  /* the first table, the heading, starts the first page's master page */
  g_assert_cmpstr (((Table *) c.tables->pdata[0])->name, ==, "Heading");
  g_assert_cmpstr (style_attribute (&c, "style:style/Heading/style:master-page-name"), ==, "First_20_Page");

  /* the headings, by level */
  {
    const char *expected[] = { "Heading_20_1\tI. KẾT QUẢ THỰC HIỆN", "Heading_20_2\t1. Thực hiện các nhiệm vụ được giao",
                               "Heading_20_2\t2. Đoàn ra", "Heading_20_2\t7. Đánh giá chung",
                               "Heading_20_1\tII. KHÓ KHĂN, VƯỚNG MẮC", "Heading_20_1\tIV. ĐỀ XUẤT, KIẾN NGHỊ" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_true (g_ptr_array_find_with_equal_func (c.headings, expected[i], g_str_equal, NULL));
  }
  g_assert_nonnull (strstr (content, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"));
  {
    g_autofree char *count = g_strdup_printf ("Trong quý IV năm 2018, có %u nhiệm vụ có thời hạn hoàn thành trong kỳ",
                                              fig->n_tasks);
    gboolean found = FALSE;

    g_assert_cmpuint (fig->n_tasks, ==, 9);
    for (guint i = 0; i < c.paragraphs->len; i++)
      found |= g_str_has_prefix (c.paragraphs->pdata[i], "Text_20_Body\t") &&
               strstr (c.paragraphs->pdata[i], count) != NULL;
    g_assert_true (found);
  }

  /* every table of the body: one header row, repeated on each page */
  g_assert_cmpuint (c.n_header_rows, ==, c.tables->len - 2);
  for (guint i = 1; i + 1 < c.tables->len; i++)
    g_assert_cmpuint (((Table *) c.tables->pdata[i])->header->len, ==, 1);
  /* the lead units' table: its cells the figures, numbers on the right */
  {
    Table *units = find_table (&c, 1, "Đơn vị chủ trì");

    g_assert_cmpuint (units->rows->len, ==, fig->lead_units->len);
    for (guint i = 0; i < fig->lead_units->len; i++)
      {
        DnUnitStat *stat = fig->lead_units->pdata[i];
        g_autofree char *stt = g_strdup_printf ("%u", i + 1);
        g_autofree char *n = dn_format_amount_digits (stat->n_tasks);
        g_autofree char *done = dn_format_amount_digits (stat->n_done);
        g_autofree char *late = dn_format_amount_digits (stat->n_overdue);

        g_assert_cmpstr (cell (units, i, 0), ==, stt);
        g_assert_cmpstr (cell (units, i, 1), ==, stat->unit_name);
        g_assert_cmpstr (cell (units, i, 2), ==, n);
        g_assert_cmpstr (cell (units, i, 3), ==, done);
        g_assert_cmpstr (cell (units, i, 4), ==, late);
      }
    g_assert_cmpstr (units->styles->pdata[0], ==, "Table_20_Centred");
    g_assert_cmpstr (units->styles->pdata[1], ==, "Table_20_Contents");
    g_assert_cmpstr (units->styles->pdata[2], ==, "Table_20_Number");
  }
  {
    Table *tasks = find_table (&c, 2, "Nhiệm vụ");

    g_assert_cmpuint (tasks->rows->len, ==, fig->tasks->len);
    for (guint i = 0; i < fig->tasks->len; i++)
      {
        DnTask *task = fig->tasks->pdata[i];

        g_assert_cmpstr (cell (tasks, i, 2), ==, task->title);
        g_assert_cmpstr (cell (tasks, i, 3), ==, task->lead_unit_name);
      }
  }
  /* the closing: recipients and signature side by side */
  g_assert_cmpstr (((Table *) c.tables->pdata[c.tables->len - 1])->name, ==, "Closing");
  g_assert_true (has_paragraph (&c, "DN_Recipients_20_Label", "Nơi nhận:"));
  g_assert_true (has_paragraph (&c, "DN_Recipients", "- Lưu: VT."));

  /* the pages: A4, the decree's margins; page 1 without a header, the
   * others with the page number in theirs */
  g_assert_cmpstr (style_attribute (&s, "style:page-layout/First/style:name"), ==, "First");
  g_assert_nonnull (strstr (styles, "fo:page-width=\"21.0cm\" fo:page-height=\"29.7cm\""));
  g_assert_nonnull (strstr (styles, "fo:margin-top=\"2.0cm\" fo:margin-bottom=\"2.0cm\" fo:margin-left=\"3.0cm\" "
                                    "fo:margin-right=\"1.5cm\""));
  g_assert_cmpstr (g_hash_table_lookup (s.masters, "First_20_Page"), ==, "");
  g_assert_cmpstr (style_attribute (&s, "style:master-page/First_20_Page/style:next-style-name"), ==, "Standard");
  g_assert_cmpstr (g_hash_table_lookup (s.masters, "Standard"), ==, "page-number");
  /* justified paragraphs, their first line 1.27 cm in */
  g_assert_nonnull (strstr (styles, "style:name=\"Text_20_Body\""));
  g_assert_nonnull (strstr (styles, "fo:text-align=\"justify\" fo:text-indent=\"1.27cm\""));
  /* Times New Roman, and the face the PDF was set in declared */
  g_assert_nonnull (strstr (styles, "<style:text-properties style:font-name=\"Times New Roman\" fo:font-size=\"14pt\" "
                                    "fo:language=\"vi\""));
  g_assert_cmpstr (style_attribute (&s, "style:font-face/Times New Roman/svg:font-family"), ==, "'Times New Roman'");
  {
    const char *family = dn_official_document_get_family (f->doc);
    g_autofree char *key = g_strdup_printf ("style:font-face/%s/svg:font-family", family);
    g_autofree char *quoted = g_strdup_printf ("'%s'", family);

    g_assert_cmpstr (style_attribute (&s, key), ==, quoted);
  }
  xml_clear (&c);
  xml_clear (&s);
}

/* Text to escape: < & > and quotes, runs of spaces, line breaks, control
 * characters */
static void
test_escaping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DnOfficialDocument) doc = dn_official_document_new ("Tờ trình", "Về việc <thử> & \"kiểm tra\"");
  g_autofree char *path = g_build_filename (f->out, "to-trinh.odt", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  static const double shares[] = { 0.5, 0.5 };
  static const char * const titles[] = { "A & B", "<C>" };
  const char *cells[] = { "  hai  khoảng trắng", "dòng 1\ndòng 2" };
  Xml x;
  zip_t *zip;

  /* a control character has no place in XML: left out */
  dn_official_document_add_paragraph (doc, "Số liệu < 5 & > 3;\x01 'trích dẫn'");
  dn_official_document_add_table (doc, NULL, 2, shares, titles);
  dn_official_document_add_row (doc, cells);
  g_assert_true (dn_official_document_write_odt (doc, path, "Tiêu đề <riêng>", &error));
  g_assert_no_error (error);
  zip = open_zip (path);
  content = read_entry (zip, "content.xml");
  zip_close (zip);
  xml_init (&x);
  parse (content, &x);
  g_assert_true (has_paragraph (&x, "DN_Subject", "Về việc <thử> & \"kiểm tra\""));
  g_assert_true (has_paragraph (&x, "Text_20_Body", "Số liệu < 5 & > 3; 'trích dẫn'"));
  {
    Table *table = find_table (&x, 0, "A & B");

    g_assert_cmpstr (cell (table, 0, 0), ==, "  hai  khoảng trắng");
    g_assert_cmpstr (cell (table, 0, 1), ==, "dòng 1\ndòng 2");
  }
  xml_clear (&x);
}

/* A place that cannot be written: an error, nothing left behind */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->out, "khong-co", "bao-cao.odt", NULL);
  g_autofree char *folder = g_build_filename (f->out, "la-thu-muc.odt", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (dn_official_document_write_odt (f->doc, missing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bao-cao.odt"));
  g_clear_error (&error);
  assert_alone (f->out, NULL);

  /* the name is a folder's: the temporary file is written, then removed */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (dn_official_document_write_odt (f->doc, folder, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  assert_alone (f->out, "la-thu-muc.odt");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* LibreOffice (when installed) opens the file headless and makes a PDF
 * of it: the headings, the motto, the page numbers from page 2 */
static void
test_libreoffice (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = g_build_filename (f->out, "bao-cao.odt", NULL);
  g_autofree char *pdf_path = g_build_filename (f->out, "bao-cao.pdf", NULL);
  g_autofree char *home = g_build_filename (f->store.dir, "home", NULL);
  g_autofree char *profile = NULL, *profile_uri = NULL, *uri = NULL, *all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) env = NULL;
  PopplerDocument *pdf;
  int status = -1;
  int n_pages;

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed (soffice)");
      return;
    }
  g_assert_true (dn_official_document_write_odt (f->doc, path, NULL, &error));
  g_assert_no_error (error);
  /* a profile of its own, in a home of its own */
  profile = g_build_filename (f->store.dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    const char *argv[] = { soffice, user_installation, "--headless", "--norestore", "--convert-to", "pdf",
                           "--outdir", f->out, path, NULL };

    env = g_environ_setenv (g_get_environ (), "HOME", home, TRUE);
    g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  uri = g_filename_to_uri (pdf_path, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  dn_pdf_test_write_images (pdf, "official-odt-libreoffice");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 2);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *top = dn_pdf_test_text_above (pdf, i, 2 / 2.54 * 72 - 2);
      g_autofree char *number = g_strdup_printf ("%d", i + 1);

      /* the number alone at the top, from page 2 */
      g_assert_cmpstr (top, ==, i == 0 ? "" : number);
      g_string_append_printf (text, "%s\n", page_text);
      g_object_unref (page);
    }
  g_object_unref (pdf);
  all = g_strdelimit (g_strdup (text->str), "\n", ' ');
  g_assert_nonnull (strstr (all, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (all, "I. KẾT QUẢ THỰC HIỆN"));
  g_assert_nonnull (strstr (all, "1. Thực hiện các nhiệm vụ được giao"));
  g_assert_nonnull (strstr (all, "II. KHÓ KHĂN, VƯỚNG MẮC"));
  g_assert_nonnull (strstr (all, "IV. ĐỀ XUẤT, KIẾN NGHỊ"));
  g_assert_nonnull (strstr (all, "Nơi nhận:"));
}

/* The tables to a workbook: a worksheet each, named after the table */
static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out, "bang.xlsx", NULL);
  g_autofree char *workbook = NULL, *first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *expected[] = { "Kết quả theo đơn vị chủ trì", "Danh mục nhiệm vụ", "2. Đoàn ra",
                             "5. Quan hệ đối tác, dự án hợp t" };
  zip_t *zip;

  g_assert_true (dn_official_document_write_tables (f->doc, path, &error));
  g_assert_no_error (error);
  assert_alone (f->out, "bang.xlsx");
  zip = open_zip (path);
  workbook = read_entry (zip, "xl/workbook.xml");
  first = read_entry (zip, "xl/worksheets/sheet1.xml");
  zip_close (zip);
  for (const char *p = workbook; (p = strstr (p, "<sheet name=\"")) != NULL; p++)
    {
      const char *start = p + strlen ("<sheet name=\"");

      g_ptr_array_add (names, g_strndup (start, strchr (start, '"') - start));
    }
  /* one for each table of the report (its name within Excel's 31
   * characters) */
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, expected[i]);
  /* the headers, the numbers as numbers, the widths set */
  g_assert_nonnull (strstr (first, "<t>Đơn vị chủ trì</t>"));
  g_assert_nonnull (strstr (first, "<cols><col "));
  {
    DnUnitStat *stat = f->figures->lead_units->pdata[0];
    g_autofree char *number = g_strdup_printf ("<c r=\"C2\"><v>%u</v></c>", stat->n_tasks);

    g_assert_nonnull (strstr (first, number));
  }

  /* the same name twice, and one too long: made unique within 31 */
  {
    g_autoptr(DnOfficialDocument) doc = dn_official_document_new ("Báo cáo", NULL);
    g_autofree char *twice = g_build_filename (f->out, "hai-bang.xlsx", NULL);
    g_autofree char *book = NULL;
    static const double shares[] = { 1 };
    static const char * const titles[] = { "Số" };
    const char *row[] = { "1.234" };

    for (guint i = 0; i < 2; i++)
      {
        dn_official_document_add_table (doc, "Danh sách các đoàn ra nước ngoài trong năm học", 1, shares, titles);
        dn_official_document_set_numeric (doc, 0);
        dn_official_document_add_row (doc, row);
      }
    g_assert_true (dn_official_document_write_tables (doc, twice, &error));
    g_assert_no_error (error);
    zip = open_zip (twice);
    book = read_entry (zip, "xl/workbook.xml");
    zip_close (zip);
    g_assert_nonnull (strstr (book, "<sheet name=\"Danh sách các đoàn ra nước ngoà\""));
    g_assert_nonnull (strstr (book, "<sheet name=\"Danh sách các đoàn ra nước (2)\""));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/official-odt/structure", test_structure);
  ADD ("/official-odt/escaping", test_escaping);
  ADD ("/official-odt/unwritable", test_unwritable);
  ADD ("/official-odt/libreoffice", test_libreoffice);
  ADD ("/official-odt/workbook", test_workbook);
  return g_test_run ();
}
