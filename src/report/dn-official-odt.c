/* dn-official-odt.c: an official document as an OpenDocument text file
 *
 * For officers who finish the wording in a word processor before signing:
 * the parts the PDF draws (dn-official-layout.c), as a word processor
 * lays them out itself. An A4 page with the margins of Nghị định 30/2020;
 * the first page on a master page of its own without a header, the others
 * with the page number centred in theirs; the heading as a table without
 * borders (issuing body and number on the left, national name, motto and
 * date on the right, number and date in a row of their own so they stand
 * level); the type and subject; headings (text:h, levels 1 and 2),
 * justified paragraphs indented 1.27 cm; tables whose header row is in
 * table:table-header-rows (repeated on each page), numbers right-aligned;
 * the recipients and the signature side by side, again a table without
 * borders. The family is Times New Roman; the family the PDF was set in is
 * declared beside it when it is another.
 *
 * The zip (libzip): "mimetype" first and stored, then META-INF/manifest.xml,
 * content.xml, styles.xml and meta.xml; written to a temporary file beside
 * the target and renamed once whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zip.h>

#include "dn-official-document.h"
#include "dn-official-private.h"
#include "dn-print-table.h"

#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
#define ODT_FAMILY   "Times New Roman"

/* the page, in cm: A4 and the margins of Phụ lục I (as the PDF) */
#define PAGE_W        21.0
#define PAGE_H        29.7
#define MARGIN_TOP    2.0
#define MARGIN_BOTTOM 2.0
#define MARGIN_LEFT   3.0
#define MARGIN_RIGHT  1.5
#define TEXT_W        (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
/* from page 2: the number 1 cm from the top, the text from 2 cm */
#define HEADER_TOP    1.0
#define HEADER_H      0.6
#define HEADER_GAP    0.4

#define PT_TO_CM(pt) ((pt) * 2.54 / 72)

#define NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " office:version=\"1.3\""

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/*
 * Text
 */

/* @text escaped as the content of a text:p: runs of spaces kept
 * (text:s), line breaks as text:line-break, tabs as text:tab, other
 * control characters left out */
static void
append_text (GString    *xml,
             const char *text)
{
  const char *p = text, *start = text;

  while (TRUE)
    {
      if (*p == ' ' || (guchar) *p < 0x20)
        {
          g_autofree char *escaped = g_markup_escape_text (start, p - start);

          g_string_append (xml, escaped);
        }
      if (*p == '\0')
        break;
      if (*p == ' ')
        {
          guint n = 0;
          gboolean leading = p == text || p[-1] == '\n';

          while (p[n] == ' ')
            n++;
          /* one space is text; the others (all of them at the start of
           * a line) are counted */
          if (!leading)
            g_string_append_c (xml, ' ');
          if (n - !leading > 0)
            g_string_append_printf (xml, "<text:s text:c=\"%u\"/>", n - !leading);
          p += n;
        }
      else if (*p == '\n' || *p == '\t')
        {
          g_string_append (xml, *p == '\n' ? "<text:line-break/>" : "<text:tab/>");
          p++;
        }
      else if ((guchar) *p < 0x20)
        /* no other control character may stand in XML 1.0 */
        p++;
      else
        {
          p++;
          continue;
        }
      start = p;
    }
}

static void
append_paragraph (GString    *xml,
                  const char *style,
                  const char *text)
{
  g_string_append_printf (xml, "<text:p text:style-name=\"%s\">", style);
  if (text != NULL)
    append_text (xml, text);
  g_string_append (xml, "</text:p>");
}

/* Each line of @text a paragraph of its own */
static void
append_lines (GString    *xml,
              const char *style,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    append_paragraph (xml, style, lines[i]);
}

/* The width of @text set in @family, @style, @size, in cm: for the rules
 * under the issuing body and the motto, as long as the PDF draws them */
static double
text_width_cm (const char *family,
               const char *style,
               int         size,
               const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = _dn_official_layout_new (cr, family, style, size);
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return PT_TO_CM ((double) logical.width / PANGO_SCALE);
}

/* A rule @length cm long centred in a column @column cm wide: an empty
 * paragraph with a border on top */
static void
append_rule (GString *xml,
             GString *styles,
             guint   *n_rules,
             double   column,
             double   length)
{
  double side = MAX ((column - MIN (length, column)) / 2, 0);

  ++*n_rules;
  g_string_append_printf (styles,
                          "<style:style style:name=\"Rule%u\" style:family=\"paragraph\" "
                          "style:parent-style-name=\"DN_Rule\"><style:paragraph-properties "
                          "fo:margin-left=\"%.3fcm\" fo:margin-right=\"%.3fcm\"/></style:style>",
                          *n_rules, side, side);
  g_string_append_printf (xml, "<text:p text:style-name=\"Rule%u\"/>", *n_rules);
}

/*
 * content.xml
 */

typedef struct
{
  DnOfficialDocument *self;
  GString            *body;
  GString            *styles;   /* automatic styles */
  guint               n_rules;
  guint               n_tables;
} Content;

/* A table without borders of two columns sharing the width as
 * @left_share; @first: the document's first, on the first page's master */
static void
open_plain_table (Content    *c,
                  const char *name,
                  double      left_share,
                  gboolean    first)
{
  g_string_append_printf (c->styles,
                          "<style:style style:name=\"%s\" style:family=\"table\"%s><style:table-properties "
                          "style:width=\"%.3fcm\" table:align=\"margins\" fo:margin-top=\"%s\"/></style:style>"
                          "<style:style style:name=\"%s.A\" style:family=\"table-column\"><style:table-column-"
                          "properties style:column-width=\"%.3fcm\"/></style:style>"
                          "<style:style style:name=\"%s.B\" style:family=\"table-column\"><style:table-column-"
                          "properties style:column-width=\"%.3fcm\"/></style:style>",
                          name, first ? " style:master-page-name=\"First_20_Page\"" : "", TEXT_W,
                          first ? "0cm" : "12pt", name, TEXT_W * left_share, name, TEXT_W * (1 - left_share));
  g_string_append_printf (c->body,
                          "<table:table table:name=\"%s\" table:style-name=\"%s\">"
                          "<table:table-column table:style-name=\"%s.A\"/>"
                          "<table:table-column table:style-name=\"%s.B\"/>",
                          name, name, name, name);
}

static void
write_heading (Content *c)
{
  DnOfficialDocument *self = c->self;
  g_autofree char *number = dn_official_number_line (self->number, self->symbol);
  g_autofree char *date = _dn_official_date_line (self);
  double left = TEXT_W * 0.4, right = TEXT_W * 0.6;

  open_plain_table (c, "Heading", 0.4, TRUE);
  g_string_append (c->body, "<table:table-row><table:table-cell table:style-name=\"Plain\" "
                            "office:value-type=\"string\">");
  if (self->parent_body != NULL)
    append_paragraph (c->body, "DN_Parent_20_Body", self->parent_body);
  if (self->issuing_body != NULL)
    {
      append_paragraph (c->body, "DN_Issuing_20_Body", self->issuing_body);
      /* a rule 1/3 to 1/2 as long as the line above it */
      append_rule (c->body, c->styles, &c->n_rules, left,
                   text_width_cm (self->family, "Bold", 13, self->issuing_body) * 0.4);
    }
  g_string_append (c->body, "</table:table-cell><table:table-cell table:style-name=\"Plain\" "
                            "office:value-type=\"string\">");
  append_paragraph (c->body, "DN_National_20_Name", DN_OFFICIAL_NATIONAL_NAME);
  append_paragraph (c->body, "DN_Motto", DN_OFFICIAL_MOTTO);
  /* a rule as long as the motto */
  append_rule (c->body, c->styles, &c->n_rules, right, text_width_cm (self->family, "Bold", 13, DN_OFFICIAL_MOTTO));
  /* the number and the date in a row of their own: level */
  g_string_append (c->body, "</table:table-cell></table:table-row><table:table-row>"
                            "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">");
  append_paragraph (c->body, "DN_Number", number);
  g_string_append (c->body, "</table:table-cell><table:table-cell table:style-name=\"Plain\" "
                            "office:value-type=\"string\">");
  append_paragraph (c->body, "DN_Date", date);
  g_string_append (c->body, "</table:table-cell></table:table-row></table:table>");

  append_paragraph (c->body, "DN_Type", self->type_name);
  if (self->subject != NULL && *self->subject != '\0')
    {
      double w = text_width_cm (self->family, "Bold", SIZE_TITLE, self->subject);

      append_paragraph (c->body, "DN_Subject", self->subject);
      append_rule (c->body, c->styles, &c->n_rules, TEXT_W, MAX (MIN (w, TEXT_W * 0.8) * 0.4, TEXT_W * 0.2));
    }
}

static const char *
cell_style (PangoAlignment alignment)
{
  switch (alignment)
    {
    case PANGO_ALIGN_RIGHT:
      return "Table_20_Number";
    case PANGO_ALIGN_CENTER:
      return "Table_20_Centred";
    case PANGO_ALIGN_LEFT:
    default:
      return "Table_20_Contents";
    }
}

static void
write_table (Content *c,
             Block   *block)
{
  DnPrintTable *table = block->table;
  guint n_columns = dn_print_table_get_n_columns (table), n_rows = dn_print_table_get_n_rows (table);
  guint t = ++c->n_tables;

  g_string_append_printf (c->styles,
                          "<style:style style:name=\"Table%u\" style:family=\"table\"><style:table-properties "
                          "style:width=\"%.3fcm\" table:align=\"margins\" fo:margin-top=\"6pt\" "
                          "fo:margin-bottom=\"6pt\" style:may-break-between-rows=\"true\"/></style:style>",
                          t, TEXT_W);
  for (guint col = 0; col < n_columns; col++)
    g_string_append_printf (c->styles,
                            "<style:style style:name=\"Table%u.C%u\" style:family=\"table-column\">"
                            "<style:table-column-properties style:column-width=\"%.3fcm\"/></style:style>",
                            t, col, TEXT_W * dn_print_table_get_share (table, col));
  g_string_append_printf (c->body, "<table:table table:name=\"Table%u\" table:style-name=\"Table%u\">", t, t);
  for (guint col = 0; col < n_columns; col++)
    g_string_append_printf (c->body, "<table:table-column table:style-name=\"Table%u.C%u\"/>", t, col);
  /* the header row, again at the top of each page */
  g_string_append (c->body, "<table:table-header-rows><table:table-row table:style-name=\"Row\">");
  for (guint col = 0; col < n_columns; col++)
    {
      g_string_append (c->body, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
      append_paragraph (c->body, "Table_20_Heading", dn_print_table_get_title (table, col));
      g_string_append (c->body, "</table:table-cell>");
    }
  g_string_append (c->body, "</table:table-row></table:table-header-rows>");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (c->body, "<table:table-row table:style-name=\"Row\">");
      for (guint col = 0; col < n_columns; col++)
        {
          g_string_append (c->body, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
          append_paragraph (c->body, cell_style (dn_print_table_get_alignment (table, col)),
                            dn_print_table_get_cell (table, row, col));
          g_string_append (c->body, "</table:table-cell>");
        }
      g_string_append (c->body, "</table:table-row>");
    }
  g_string_append (c->body, "</table:table>");
}

static void
write_blocks (Content *c)
{
  GPtrArray *blocks = c->self->blocks;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = blocks->pdata[i];

      if (block->kind == BLOCK_TABLE)
        write_table (c, block);
      else if (block->level > 0)
        {
          g_string_append_printf (c->body, "<text:h text:style-name=\"Heading_20_%u\" text:outline-level=\"%u\">",
                                  block->level, block->level);
          append_text (c->body, block->text);
          g_string_append (c->body, "</text:h>");
        }
      else
        append_paragraph (c->body, block->caption ? "Table_20_Caption" : "Text_20_Body", block->text);
    }
}

/* The recipients on the left, the signature on the right */
static void
write_closing (Content *c)
{
  DnOfficialDocument *self = c->self;
  g_autofree char *recipients = _dn_official_recipients_text (self);
  g_autofree char *signature = _dn_official_signature_text (self);

  open_plain_table (c, "Closing", RECIPIENTS_SHARE, FALSE);
  g_string_append (c->body, "<table:table-row><table:table-cell table:style-name=\"Plain\" "
                            "office:value-type=\"string\">");
  append_paragraph (c->body, "DN_Recipients_20_Label", "Nơi nhận:");
  append_lines (c->body, "DN_Recipients", recipients);
  g_string_append (c->body, "</table:table-cell><table:table-cell table:style-name=\"Plain\" "
                            "office:value-type=\"string\">");
  if (*signature != '\0')
    append_lines (c->body, "DN_Signature", signature);
  /* the room for the signature and the seal above the name */
  append_paragraph (c->body, "DN_Signer",
                    self->signer_name != NULL && *self->signer_name != '\0' ? self->signer_name : NULL);
  g_string_append (c->body, "</table:table-cell></table:table-row></table:table>");
}

static void
append_font_faces (GString            *xml,
                   DnOfficialDocument *self)
{
  g_autofree char *escaped = g_markup_escape_text (self->family, -1);

  g_string_append (xml, "<office:font-face-decls>"
                        "<style:font-face style:name=\"" ODT_FAMILY "\" svg:font-family=\"'" ODT_FAMILY "'\" "
                        "style:font-family-generic=\"roman\" style:font-pitch=\"variable\"/>");
  /* the face the PDF was set in where Times New Roman is missing */
  if (strcmp (self->family, ODT_FAMILY) != 0)
    g_string_append_printf (xml, "<style:font-face style:name=\"%s\" svg:font-family=\"'%s'\" "
                                 "style:font-family-generic=\"roman\" style:font-pitch=\"variable\"/>",
                            escaped, escaped);
  g_string_append (xml, "</office:font-face-decls>");
}

static char *
content_xml (DnOfficialDocument *self)
{
  Content c = { self, g_string_new (NULL), g_string_new (NULL), 0, 0 };
  GString *xml = g_string_new (XML_HEAD "<office:document-content" NAMESPACES ">");

  write_heading (&c);
  write_blocks (&c);
  write_closing (&c);
  append_font_faces (xml, self);
  g_string_append_printf (xml,
                          "<office:automatic-styles>"
                          "<style:style style:name=\"Plain\" style:family=\"table-cell\"><style:table-cell-"
                          "properties fo:padding=\"0cm\" fo:border=\"none\"/></style:style>"
                          /* whole rows on a page, as the PDF has them */
                          "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-"
                          "properties fo:keep-together=\"always\"/></style:style>"
                          "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-"
                          "properties fo:padding-left=\"0.1cm\" fo:padding-right=\"0.1cm\" fo:padding-top=\"0.05cm\" "
                          "fo:padding-bottom=\"0.05cm\" fo:border=\"0.5pt solid #000000\"/></style:style>"
                          "%s</office:automatic-styles><office:body><office:text>%s</office:text></office:body>"
                          "</office:document-content>",
                          c.styles->str, c.body->str);
  g_string_free (c.styles, TRUE);
  g_string_free (c.body, TRUE);
  return g_string_free (xml, FALSE);
}

/*
 * styles.xml
 */

/* A paragraph style: its name, what it adds to its paragraph and text
 * properties (attributes) */
static void
append_style (GString    *xml,
              const char *name,
              const char *paragraph,
              const char *text)
{
  const char *level = g_str_has_prefix (name, "Heading_20_") ? name + strlen ("Heading_20_") : NULL;
  g_autofree char *display = g_strdup (name);

  /* "_20_" stands for a space in a style's name */
  for (char *p; (p = strstr (display, "_20_")) != NULL;)
    {
      *p = ' ';
      memmove (p + 1, p + 4, strlen (p + 4) + 1);
    }
  g_string_append_printf (xml, "<style:style style:name=\"%s\" style:display-name=\"%s\" style:family=\"paragraph\" "
                               "style:parent-style-name=\"Standard\"",
                          name, display);
  /* a heading: its level, and no list (its number is in its text) */
  if (level != NULL)
    g_string_append_printf (xml, " style:default-outline-level=\"%s\" style:list-style-name=\"\"", level);
  g_string_append (xml, ">");
  if (paragraph != NULL)
    g_string_append_printf (xml, "<style:paragraph-properties %s/>", paragraph);
  if (text != NULL)
    g_string_append_printf (xml, "<style:text-properties %s/>", text);
  g_string_append (xml, "</style:style>");
}

#define CENTRE "fo:text-align=\"center\" fo:text-indent=\"0cm\""
#define BOLD "fo:font-weight=\"bold\""
#define SIZE(n) "fo:font-size=\"" #n "pt\""

static char *
styles_xml (DnOfficialDocument *self)
{
  GString *xml = g_string_new (XML_HEAD "<office:document-styles" NAMESPACES ">");
  const struct
  {
    const char *name, *paragraph, *text;
  } styles[] = {
    { "Text_20_Body", "fo:text-align=\"justify\" fo:text-indent=\"1.27cm\" fo:margin-top=\"6pt\" "
                      "fo:margin-bottom=\"0cm\" fo:orphans=\"2\" fo:widows=\"2\"", NULL },
    { "Heading_20_1", "fo:text-align=\"justify\" fo:text-indent=\"1.27cm\" fo:margin-top=\"6pt\" "
                      "fo:keep-with-next=\"always\"", BOLD },
    { "Heading_20_2", "fo:text-align=\"justify\" fo:text-indent=\"1.27cm\" fo:margin-top=\"6pt\" "
                      "fo:keep-with-next=\"always\"", BOLD },
    { "Table_20_Caption", CENTRE " fo:margin-top=\"6pt\" fo:keep-with-next=\"always\"", BOLD },
    { "Table_20_Heading", CENTRE, BOLD " " SIZE (12) },
    { "Table_20_Contents", "fo:text-align=\"start\"", SIZE (12) },
    { "Table_20_Number", "fo:text-align=\"end\"", SIZE (12) },
    { "Table_20_Centred", CENTRE, SIZE (12) },
    { "Header", CENTRE, SIZE (13) },
    { "DN_Parent_20_Body", CENTRE, SIZE (13) },
    { "DN_Issuing_20_Body", CENTRE, BOLD " " SIZE (13) },
    { "DN_National_20_Name", CENTRE, BOLD " " SIZE (12) },
    { "DN_Motto", CENTRE, BOLD " " SIZE (13) },
    { "DN_Rule", "fo:margin-top=\"2pt\" fo:margin-bottom=\"2pt\" fo:line-height=\"2pt\" "
                 "fo:border-top=\"0.6pt solid #000000\" fo:border-bottom=\"none\" fo:border-left=\"none\" "
                 "fo:border-right=\"none\" fo:padding=\"0cm\"", SIZE (2) },
    { "DN_Number", CENTRE " fo:margin-top=\"6pt\"", SIZE (13) },
    { "DN_Date", CENTRE " fo:margin-top=\"6pt\"", "fo:font-style=\"italic\" " SIZE (14) },
    { "DN_Type", CENTRE " fo:margin-top=\"18pt\" fo:keep-with-next=\"always\"", BOLD " " SIZE (14) },
    { "DN_Subject", CENTRE " fo:margin-left=\"1.65cm\" fo:margin-right=\"1.65cm\" fo:keep-with-next=\"always\"",
      BOLD " " SIZE (14) },
    { "DN_Recipients_20_Label", "fo:text-align=\"start\"",
      BOLD " fo:font-style=\"italic\" " SIZE (12) },
    { "DN_Recipients", "fo:text-align=\"start\"", SIZE (11) },
    { "DN_Signature", CENTRE " fo:keep-with-next=\"always\"", BOLD " " SIZE (14) },
    { "DN_Signer", CENTRE " fo:margin-top=\"72pt\"", BOLD " " SIZE (14) },
  };

  append_font_faces (xml, self);
  g_string_append (xml, "<office:styles>"
                        "<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
                        "style:writing-mode=\"lr-tb\"/><style:text-properties style:font-name=\"" ODT_FAMILY "\" "
                        "fo:font-size=\"14pt\" fo:language=\"vi\" fo:country=\"VN\" fo:hyphenate=\"false\"/>"
                        "</style:default-style>"
                        "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\">"
                        "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"/>"
                        "<style:text-properties style:font-name=\"" ODT_FAMILY "\" fo:font-size=\"14pt\"/>"
                        "</style:style>");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    append_style (xml, styles[i].name, styles[i].paragraph, styles[i].text);
  /* headings indented as paragraphs are, without numbers of their own
   * (a word processor would otherwise take the outline's indents) */
  g_string_append (xml, "<text:outline-style style:name=\"Outline\">");
  for (guint level = 1; level <= 10; level++)
    g_string_append_printf (xml, "<text:outline-level-style text:level=\"%u\" style:num-format=\"\">"
                                 "<style:list-level-properties text:list-level-position-and-space-mode="
                                 "\"label-alignment\"><style:list-level-label-alignment text:label-followed-by="
                                 "\"nothing\" fo:text-indent=\"1.27cm\" fo:margin-left=\"0cm\"/>"
                                 "</style:list-level-properties></text:outline-level-style>",
                            level);
  g_string_append (xml, "</text:outline-style></office:styles>");

  /* page 1 without a header; the others with the number in theirs */
  g_string_append_printf (xml,
                          "<office:automatic-styles>"
                          "<style:page-layout style:name=\"First\"><style:page-layout-properties "
                          "fo:page-width=\"%.1fcm\" fo:page-height=\"%.1fcm\" style:print-orientation=\"portrait\" "
                          "fo:margin-top=\"%.1fcm\" fo:margin-bottom=\"%.1fcm\" fo:margin-left=\"%.1fcm\" "
                          "fo:margin-right=\"%.1fcm\"/></style:page-layout>"
                          "<style:page-layout style:name=\"Next\"><style:page-layout-properties "
                          "fo:page-width=\"%.1fcm\" fo:page-height=\"%.1fcm\" style:print-orientation=\"portrait\" "
                          "fo:margin-top=\"%.1fcm\" fo:margin-bottom=\"%.1fcm\" fo:margin-left=\"%.1fcm\" "
                          "fo:margin-right=\"%.1fcm\"/><style:header-style><style:header-footer-properties "
                          "fo:min-height=\"%.1fcm\" fo:margin-bottom=\"%.1fcm\"/></style:header-style>"
                          "</style:page-layout></office:automatic-styles>",
                          PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
                          PAGE_W, PAGE_H, HEADER_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, HEADER_H, HEADER_GAP);
  g_string_append (xml, "<office:master-styles>"
                        "<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\" "
                        "style:page-layout-name=\"First\" style:next-style-name=\"Standard\"/>"
                        "<style:master-page style:name=\"Standard\" style:page-layout-name=\"Next\">"
                        "<style:header><text:p text:style-name=\"Header\"><text:page-number "
                        "text:select-page=\"current\">2</text:page-number></text:p></style:header>"
                        "</style:master-page></office:master-styles></office:document-styles>");
  return g_string_free (xml, FALSE);
}

/*
 * meta.xml, the manifest
 */

static char *
meta_xml (const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return g_strdup_printf (XML_HEAD "<office:document-meta" NAMESPACES "><office:meta>"
                          "<meta:generator>doingoai/" PACKAGE_VERSION "</meta:generator>"
                          "<dc:title>%s</dc:title><dc:language>vi-VN</dc:language>"
                          "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>"
                          "</office:meta></office:document-meta>",
                          escaped, when, when);
}

static const char manifest_xml[] =
  XML_HEAD
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"" ODT_MIMETYPE "\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
  "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>";

/*
 * The file
 */

/* Adds @data (kept by the caller until the archive is closed) as @name;
 * stored or deflated */
static gboolean
add_entry (zip_t      *zip,
           const char *name,
           const char *data,
           gboolean    store)
{
  zip_source_t *source = zip_source_buffer (zip, data, strlen (data), 0);
  zip_int64_t index;

  if (source == NULL)
    return FALSE;
  index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      return FALSE;
    }
  return zip_set_file_compression (zip, (zip_uint64_t) index, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0;
}

gboolean
dn_official_document_write_odt (DnOfficialDocument *self,
                                const char         *path,
                                const char         *title,
                                GError            **error)
{
  g_autofree char *temporary = NULL, *default_title = NULL, *reason = NULL;
  g_autofree char *content = NULL, *styles = NULL, *meta = NULL;
  zip_t *zip;
  int code = 0, saved = 0;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (title == NULL)
    title = default_title = dn_official_document_dup_title (self);
  content = content_xml (self);
  styles = styles_xml (self);
  meta = meta_xml (title);
  temporary = g_strdup_printf ("%s.%08x.part", path, g_random_int ());
  zip = zip_open (temporary, ZIP_CREATE | ZIP_EXCL, &code);
  if (zip == NULL)
    {
      zip_error_t ze;

      zip_error_init_with_code (&ze, code);
      reason = g_strdup (zip_error_strerror (&ze));
      zip_error_fini (&ze);
    }
  /* "mimetype" first and stored, as ODF asks */
  else if (!add_entry (zip, "mimetype", ODT_MIMETYPE, TRUE) ||
           !add_entry (zip, "META-INF/manifest.xml", manifest_xml, FALSE) ||
           !add_entry (zip, "content.xml", content, FALSE) ||
           !add_entry (zip, "styles.xml", styles, FALSE) ||
           !add_entry (zip, "meta.xml", meta, FALSE) ||
           zip_close (zip) != 0)
    {
      reason = g_strdup (zip_strerror (zip));
      zip_discard (zip);
    }
  else if (g_rename (temporary, path) != 0)
    {
      saved = errno;
      reason = g_strdup (g_strerror (saved));
    }
  if (reason != NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (temporary);
      g_set_error (error, G_FILE_ERROR, saved != 0 ? g_file_error_from_errno (saved) : G_FILE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), name, reason);
      return FALSE;
    }
  return TRUE;
}
