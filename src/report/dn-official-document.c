/* dn-official-document.c: an administrative document laid out as
 * Nghị định 30/2020/NĐ-CP, Phụ lục I, asks
 *
 * Page 1 starts with the heading (issuing body and national motto, number
 * and date) and the type and subject; the body runs on, a paragraph
 * broken between two lines where a page ends (never leaving one line
 * alone), a heading kept with what follows it, a table broken between
 * rows with its header row again on each page; the recipients and the
 * signature end it, together. Pages from 2 on carry their number at the
 * top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "dn-date.h"
#include "dn-official-document.h"
#include "dn-print-table.h"
#include "dn-report-font.h"

#define TOP    DN_OFFICIAL_MARGIN_TOP
#define BOTTOM DN_OFFICIAL_MARGIN_BOTTOM
#define LEFT   DN_OFFICIAL_MARGIN_LEFT
#define RIGHT  DN_OFFICIAL_MARGIN_RIGHT

/* the sizes of Phụ lục I (points) */
#define SIZE_BODY        14
#define SIZE_BODY_BODIES 13   /* parent and issuing bodies */
#define SIZE_NATION      12   /* the national name: 12–13, 12 fits its column */
#define SIZE_MOTTO       13
#define SIZE_NUMBER      13
#define SIZE_DATE        14
#define SIZE_TITLE       14
#define SIZE_CELL        12
#define SIZE_PAGE_NUMBER 13
#define SIZE_RECIPIENTS_LABEL 12
#define SIZE_RECIPIENTS  11
#define SIZE_SIGNATURE   14

/* a paragraph's first line: 1.27 cm */
#define INDENT (1.27 / 2.54 * 72)
/* between paragraphs: at least 6 pt */
#define PARAGRAPH_SPACE 6.0
/* room for the signature and the seal */
#define SIGNATURE_ROOM 72.0
/* the page number's top, in the top margin */
#define PAGE_NUMBER_Y (10 / 25.4 * 72)
/* between a line of text and the rule under it */
#define RULE_GAP 4.0
/* the share of the width of the recipients, on the left of the signature */
#define RECIPIENTS_SHARE 0.45

typedef enum
{
  BLOCK_TEXT,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind       kind;
  char           *text;
  char           *font;
  PangoAlignment  alignment;
  gboolean        justify;
  double          indent;
  double          space_before;
  gboolean        keep_with_next;
  DnPrintTable   *table;
  guint           n_columns;
} Block;

typedef enum
{
  PIECE_HEADING,
  PIECE_LINES,
  PIECE_TABLE,
  PIECE_CLOSING,
} PieceKind;

/* what a page holds, at which height */
typedef struct
{
  guint     page;
  PieceKind kind;
  guint     block;
  guint     first;   /* first line, or the table's page */
  guint     n;       /* lines */
  double    y;
} Piece;

struct _DnOfficialDocument
{
  char          *family;
  char          *type_name;
  char          *subject;
  char          *parent_body;
  char          *issuing_body;
  char          *number;
  char          *symbol;
  char          *place;
  GDate          date;
  GPtrArray     *recipients;
  char          *archive;
  DnSignKind sign;
  char          *head_title;
  char          *signer_title;
  char          *signer_name;
  GPtrArray     *blocks;
  Block         *last_table;
  GString       *cells;     /* the tables' text, for the font check */
  GArray        *pieces;
  guint          n_pages;
};

/* "Liberation Serif, Bold 14": the family alone (a trailing comma ends
 * the list, so no other face stands behind it) */
static char *
font_of (const char *family,
         const char *style,
         int         size)
{
  return g_strdup_printf ("%s, %s%s%d", family, style, *style != '\0' ? " " : "", size);
}

static PangoLayout *
layout_new (cairo_t    *cr,
            const char *family,
            const char *style,
            int         size)
{
  g_autofree char *font = font_of (family, style, size);

  return dn_print_layout_new (cr, font);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->font);
  dn_print_table_free (block->table);
  g_free (block);
}

/*
 * The heading
 */

/* The width of the widest line of @layout */
static double
layout_text_width (PangoLayout *layout)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* A line @length long centred in @x … @x + @width at @y */
static void
draw_rule (cairo_t *cr,
           double   x,
           double   width,
           double   length,
           double   y)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x + (width - length) / 2, y);
  cairo_line_to (cr, x + (width + length) / 2, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Writes @text centred at @x, *@y, @width wide, moving *@y down; the
 * width of its widest line */
static double
write_centred (cairo_t     *cr,
               PangoLayout *layout,
               const char  *text,
               double       x,
               double      *y,
               double       width,
               gboolean     draw)
{
  double h = dn_print_text_height (layout, text, width);

  if (draw)
    dn_print_show_text (cr, layout, text, x, *y, width, PANGO_ALIGN_CENTER);
  *y += h;
  return layout_text_width (layout);
}

static double
baseline_of (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

double
dn_official_heading_draw (cairo_t                 *cr,
                          const char              *family,
                          const DnOfficialHeading *heading,
                          double                   x,
                          double                   y,
                          double                   width,
                          gboolean                 draw)
{
  g_autoptr(PangoLayout) parent = layout_new (cr, family, "", SIZE_BODY_BODIES);
  g_autoptr(PangoLayout) issuer = layout_new (cr, family, "Bold", SIZE_BODY_BODIES);
  g_autoptr(PangoLayout) nation = layout_new (cr, family, "Bold", SIZE_NATION);
  g_autoptr(PangoLayout) motto = layout_new (cr, family, "Bold", SIZE_MOTTO);
  g_autoptr(PangoLayout) number = layout_new (cr, family, "", SIZE_NUMBER);
  g_autoptr(PangoLayout) date = layout_new (cr, family, "Italic", SIZE_DATE);
  double share = heading->left_share > 0 ? heading->left_share : 0.4;
  double left_w = width * share, right_w = width - left_w, right_x = x + left_w;
  double y_left = y, y_right = y, y_row, h_number = 0, h_date = 0, base_number = 0, base_date = 0, base;

  if (draw)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  if (heading->parent_body != NULL && *heading->parent_body != '\0')
    write_centred (cr, parent, heading->parent_body, x, &y_left, left_w, draw);
  if (heading->issuing_body != NULL && *heading->issuing_body != '\0')
    {
      double text_w = write_centred (cr, issuer, heading->issuing_body, x, &y_left, left_w, draw);

      /* a rule 1/3 to 1/2 as long as the line above it */
      if (draw)
        draw_rule (cr, x, left_w, text_w * 0.4, y_left + RULE_GAP);
      y_left += RULE_GAP + 2;
    }
  if (heading->national_name != NULL && *heading->national_name != '\0')
    write_centred (cr, nation, heading->national_name, right_x, &y_right, right_w, draw);
  if (heading->motto != NULL && *heading->motto != '\0')
    {
      double text_w = write_centred (cr, motto, heading->motto, right_x, &y_right, right_w, draw);

      /* a rule as long as the motto */
      if (draw)
        draw_rule (cr, right_x, right_w, text_w, y_right + RULE_GAP);
      y_right += RULE_GAP + 2;
    }
  if (heading->number_line == NULL && heading->date_line == NULL)
    {
      if (draw)
        cairo_restore (cr);
      return MAX (y_left, y_right) - y;
    }
  /* the number and the date on one line: their baselines level */
  y_row = MAX (y_left, y_right) + 6;
  if (heading->number_line != NULL)
    {
      h_number = dn_print_text_height (number, heading->number_line, left_w);
      base_number = baseline_of (number);
    }
  if (heading->date_line != NULL)
    {
      h_date = dn_print_text_height (date, heading->date_line, right_w);
      base_date = baseline_of (date);
    }
  base = MAX (base_number, base_date);
  if (draw && heading->number_line != NULL)
    dn_print_show_text (cr, number, heading->number_line, x, y_row + base - base_number, left_w,
                        PANGO_ALIGN_CENTER);
  if (draw && heading->date_line != NULL)
    dn_print_show_text (cr, date, heading->date_line, right_x, y_row + base - base_date, right_w,
                        PANGO_ALIGN_CENTER);
  if (draw)
    cairo_restore (cr);
  return y_row + MAX (h_number + base - base_number, h_date + base - base_date) - y;
}

char *
dn_official_number_line (const char *number,
                         const char *symbol)
{
  const char *sym = symbol != NULL ? symbol : "";

  if (number == NULL || *number == '\0')
    /* room to write the number by hand */
    return g_strdup_printf ("Số:        /%s", sym);
  /* a number under 10 gets a leading zero */
  if (g_ascii_isdigit (number[0]) && number[1] == '\0')
    return g_strdup_printf ("Số: 0%s/%s", number, sym);
  return g_strdup_printf ("Số: %s/%s", number, sym);
}

/*
 * The document
 */

DnOfficialDocument *
dn_official_document_new (const char *type_name,
                          const char *subject)
{
  DnOfficialDocument *self;

  g_return_val_if_fail (type_name != NULL, NULL);

  self = g_new0 (DnOfficialDocument, 1);
  self->family = g_strdup (dn_report_font_get_family ());
  self->type_name = g_utf8_strup (type_name, -1);
  self->subject = g_strdup (subject);
  self->recipients = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->cells = g_string_new (NULL);
  g_date_clear (&self->date, 1);
  return self;
}

void
dn_official_document_free (DnOfficialDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->family);
  g_free (self->type_name);
  g_free (self->subject);
  g_free (self->parent_body);
  g_free (self->issuing_body);
  g_free (self->number);
  g_free (self->symbol);
  g_free (self->place);
  g_ptr_array_unref (self->recipients);
  g_free (self->archive);
  g_free (self->head_title);
  g_free (self->signer_title);
  g_free (self->signer_name);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->pieces);
  g_string_free (self->cells, TRUE);
  g_free (self);
}

static char *
upper_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_utf8_strup (text, -1) : NULL;
}

void
dn_official_document_set_bodies (DnOfficialDocument *self,
                                 const char         *parent_body,
                                 const char         *issuing_body)
{
  g_return_if_fail (self != NULL);

  g_free (self->parent_body);
  self->parent_body = upper_or_null (parent_body);
  g_free (self->issuing_body);
  self->issuing_body = upper_or_null (issuing_body);
}

void
dn_official_document_set_number (DnOfficialDocument *self,
                                 const char         *number,
                                 const char         *symbol)
{
  g_return_if_fail (self != NULL);

  g_free (self->number);
  self->number = g_strdup (number);
  g_free (self->symbol);
  self->symbol = g_strdup (symbol);
}

void
dn_official_document_set_place_date (DnOfficialDocument *self,
                                     const char         *place,
                                     const GDate        *date)
{
  g_return_if_fail (self != NULL);

  g_free (self->place);
  self->place = g_strdup (place);
  if (date != NULL && g_date_valid (date))
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
}

void
dn_official_document_add_recipient (DnOfficialDocument *self,
                                    const char         *recipient)
{
  g_return_if_fail (self != NULL && recipient != NULL);

  g_ptr_array_add (self->recipients, g_strdup (recipient));
}

void
dn_official_document_set_archive (DnOfficialDocument *self,
                                  const char         *archive)
{
  g_return_if_fail (self != NULL);

  g_free (self->archive);
  self->archive = g_strdup (archive);
}

void
dn_official_document_set_signer (DnOfficialDocument *self,
                                 DnSignKind          sign,
                                 const char         *head_title,
                                 const char         *signer_title,
                                 const char         *name)
{
  g_return_if_fail (self != NULL);

  self->sign = sign;
  g_free (self->head_title);
  self->head_title = upper_or_null (head_title);
  g_free (self->signer_title);
  self->signer_title = upper_or_null (signer_title);
  g_free (self->signer_name);
  self->signer_name = g_strdup (name);
}

static Block *
add_text (DnOfficialDocument *self,
          const char         *text,
          const char         *style,
          int                 size)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text);
  block->font = font_of (self->family, style, size);
  block->alignment = PANGO_ALIGN_LEFT;
  block->justify = TRUE;
  block->indent = INDENT;
  block->space_before = PARAGRAPH_SPACE;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
dn_official_document_add_heading (DnOfficialDocument *self,
                                  guint               level,
                                  const char         *text)
{
  g_autofree char *upper = NULL;
  Block *block;

  g_return_if_fail (self != NULL && text != NULL);
  g_return_if_fail (level == 1 || level == 2);

  if (level == 1)
    upper = g_utf8_strup (text, -1);
  block = add_text (self, upper != NULL ? upper : text, "Bold", SIZE_BODY);
  block->keep_with_next = TRUE;
}

void
dn_official_document_add_paragraph (DnOfficialDocument *self,
                                    const char         *text)
{
  g_return_if_fail (self != NULL && text != NULL);

  add_text (self, text, "", SIZE_BODY);
}

void
dn_official_document_add_table (DnOfficialDocument *self,
                                const char         *caption,
                                guint               n_columns,
                                const double       *shares,
                                const char * const *titles)
{
  g_autofree char *body = NULL, *head = NULL;
  Block *block;

  g_return_if_fail (self != NULL && n_columns > 0 && shares != NULL && titles != NULL);

  if (caption != NULL && *caption != '\0')
    {
      block = add_text (self, caption, "Bold", SIZE_BODY);
      block->alignment = PANGO_ALIGN_CENTER;
      block->justify = FALSE;
      block->indent = 0;
      block->keep_with_next = TRUE;
    }
  body = font_of (self->family, "", SIZE_CELL);
  head = font_of (self->family, "Bold", SIZE_CELL);
  block = g_new0 (Block, 1);
  block->kind = BLOCK_TABLE;
  block->space_before = PARAGRAPH_SPACE;
  block->table = dn_print_table_new (n_columns, shares, titles, body, head);
  block->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (self->cells, "%s\n", titles[c] != NULL ? titles[c] : "");
  g_ptr_array_add (self->blocks, block);
  self->last_table = block;
}

void
dn_official_document_set_numeric (DnOfficialDocument *self,
                                  guint               column)
{
  g_return_if_fail (self != NULL && self->last_table != NULL);

  dn_print_table_set_alignment (self->last_table->table, column, PANGO_ALIGN_RIGHT);
}

void
dn_official_document_set_centred (DnOfficialDocument *self,
                                  guint               column)
{
  g_return_if_fail (self != NULL && self->last_table != NULL);

  dn_print_table_set_alignment (self->last_table->table, column, PANGO_ALIGN_CENTER);
}

void
dn_official_document_add_row (DnOfficialDocument *self,
                              const char * const *cells)
{
  g_return_if_fail (self != NULL && self->last_table != NULL && cells != NULL);

  dn_print_table_add_row (self->last_table->table, cells);
  for (guint c = 0; c < self->last_table->n_columns; c++)
    g_string_append_printf (self->cells, "%s\n", cells[c] != NULL ? cells[c] : "");
}

const char *
dn_official_document_get_family (DnOfficialDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->family;
}

static char *date_line (DnOfficialDocument *self);
static char *signature_text (DnOfficialDocument *self);
static char *recipients_text (DnOfficialDocument *self);

gboolean
dn_official_document_check_font (DnOfficialDocument  *self,
                                 char               **note,
                                 GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *number = NULL, *date = NULL, *signature = NULL, *recipients = NULL;
  const char * const parts[] = { self->type_name, self->subject, self->parent_body, self->issuing_body,
                                 self->signer_name, DN_OFFICIAL_NATIONAL_NAME, DN_OFFICIAL_MOTTO, "Nơi nhận:" };

  g_return_val_if_fail (self != NULL, FALSE);

  number = dn_official_number_line (self->number, self->symbol);
  date = date_line (self);
  signature = signature_text (self);
  recipients = recipients_text (self);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (text, "%s\n", parts[i]);
  g_string_append_printf (text, "%s\n%s\n%s\n%s\n", number, date, signature, recipients);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind == BLOCK_TEXT)
        g_string_append_printf (text, "%s\n", block->text);
    }
  g_string_append (text, self->cells->str);
  if (note != NULL)
    *note = dn_report_font_describe ();
  return dn_report_font_check_text (self->family, text->str, error);
}

/*
 * Layout
 */

static PangoLayout *
block_layout (Block   *block,
              cairo_t *cr,
              double   width)
{
  PangoLayout *layout = dn_print_layout_new (cr, block->font);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, block->alignment);
  pango_layout_set_justify (layout, block->justify);
  pango_layout_set_indent (layout, (int) (block->indent * PANGO_SCALE));
  pango_layout_set_text (layout, block->text, -1);
  return layout;
}

/* The top of each line of @layout and, after the last, its bottom (n + 1
 * values, points) */
static GArray *
line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom = 0;

  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_array_append_val (tops, bottom);
  return tops;
}

/* The lines @first … @first + @n - 1 of @layout, the first's top at @y */
static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        first,
            guint        n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  guint i = 0;

  do
    {
      if (i == first)
        {
          int y0;

          pango_layout_iter_get_line_yrange (iter, &y0, NULL);
          top = (double) y0 / PANGO_SCALE;
        }
      if (i >= first && i < first + n)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < first + n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static char *
date_line (DnOfficialDocument *self)
{
  if (g_date_valid (&self->date))
    return dn_date_format_official (self->place, &self->date);
  /* to be filled by hand */
  if (self->place != NULL && *self->place != '\0')
    return g_strdup_printf ("%s, ngày     tháng     năm 20    ", self->place);
  return g_strdup ("…………, ngày     tháng     năm 20    ");
}

static double
write_heading (DnOfficialDocument *self,
               cairo_t            *cr,
               double              y,
               double              width,
               gboolean            draw)
{
  g_autofree char *number = dn_official_number_line (self->number, self->symbol);
  g_autofree char *date = date_line (self);
  DnOfficialHeading heading = {
    .parent_body = self->parent_body,
    .issuing_body = self->issuing_body,
    .national_name = DN_OFFICIAL_NATIONAL_NAME,
    .motto = DN_OFFICIAL_MOTTO,
    .number_line = number,
    .date_line = date,
  };
  g_autoptr(PangoLayout) title = layout_new (cr, self->family, "Bold", SIZE_TITLE);
  double h = dn_official_heading_draw (cr, self->family, &heading, LEFT, y, width, draw);
  double x = LEFT;

  y += h + 18;
  if (draw)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  write_centred (cr, title, self->type_name, x, &y, width, draw);
  if (self->subject != NULL && *self->subject != '\0')
    {
      double text_w = write_centred (cr, title, self->subject, x + width * 0.1, &y, width * 0.8, draw);

      if (draw)
        draw_rule (cr, x, width, MAX (text_w * 0.4, width * 0.2), y + RULE_GAP);
      y += RULE_GAP + 2;
    }
  if (draw)
    cairo_restore (cr);
  return y + 12;
}

/* The signature's lines, bold, centred */
static char *
signature_text (DnOfficialDocument *self)
{
  GString *text = g_string_new (NULL);
  DnSignKind sign = (guint) self->sign < DN_SIGN_N ? self->sign : DN_SIGN_HEAD;
  const char *prefix = dn_sign_kind_get_prefix (sign);

  if (self->head_title != NULL)
    g_string_append_printf (text, "%s%s%s", prefix, prefix[0] != '\0' ? " " : "", self->head_title);
  if (self->signer_title != NULL && sign != DN_SIGN_HEAD && sign != DN_SIGN_ACTING)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", self->signer_title);
  return g_string_free (text, FALSE);
}

static char *
recipients_text (DnOfficialDocument *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->recipients->len; i++)
    g_string_append_printf (text, "- %s;\n", (const char *) self->recipients->pdata[i]);
  g_string_append_printf (text, "- Lưu: %s.", self->archive != NULL && *self->archive != '\0' ? self->archive : "VT");
  return g_string_free (text, FALSE);
}

/* The recipients on the left, the signature on the right, their first
 * lines level; the height */
static double
write_closing (DnOfficialDocument *self,
               cairo_t            *cr,
               double              y,
               double              width,
               gboolean            draw)
{
  g_autoptr(PangoLayout) label = layout_new (cr, self->family, "Bold Italic", SIZE_RECIPIENTS_LABEL);
  g_autoptr(PangoLayout) list = layout_new (cr, self->family, "", SIZE_RECIPIENTS);
  g_autoptr(PangoLayout) signature = layout_new (cr, self->family, "Bold", SIZE_SIGNATURE);
  g_autofree char *recipients = recipients_text (self);
  g_autofree char *lines = signature_text (self);
  double left_w = width * RECIPIENTS_SHARE, right_w = width - left_w, right_x = LEFT + left_w;
  double y_left = y, y_right = y;

  if (draw)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      dn_print_show_text (cr, label, "Nơi nhận:", LEFT, y_left, left_w, PANGO_ALIGN_LEFT);
    }
  y_left += dn_print_text_height (label, "Nơi nhận:", left_w);
  if (draw)
    dn_print_show_text (cr, list, recipients, LEFT, y_left, left_w, PANGO_ALIGN_LEFT);
  y_left += dn_print_text_height (list, recipients, left_w);
  if (*lines != '\0')
    write_centred (cr, signature, lines, right_x, &y_right, right_w, draw);
  y_right += SIGNATURE_ROOM;
  if (self->signer_name != NULL && *self->signer_name != '\0')
    write_centred (cr, signature, self->signer_name, right_x, &y_right, right_w, draw);
  if (draw)
    cairo_restore (cr);
  return MAX (y_left, y_right) - y;
}

typedef struct
{
  DnOfficialDocument *self;
  cairo_t            *cr;
  double              width;
  double              bottom;
  guint               page;
  double              y;
} Flow;

static void
flow_add (Flow      *flow,
          PieceKind  kind,
          guint      block,
          guint      first,
          guint      n)
{
  Piece piece = { flow->page, kind, block, first, n, flow->y };

  g_array_append_val (flow->self->pieces, piece);
}

static void
flow_new_page (Flow *flow)
{
  flow->page++;
  flow->y = TOP;
}

/* The least of block @i that must stand on the page it starts on: two
 * lines of a paragraph (one when it has one), a table's header row and
 * first row, a heading whole with the least of what follows */
static double
least_height (Flow  *flow,
              guint  i)
{
  Block *block;

  if (i >= flow->self->blocks->len)
    return 0;
  block = flow->self->blocks->pdata[i];
  if (block->kind == BLOCK_TABLE)
    {
      double h = dn_print_table_get_row_height (block->table, flow->cr, flow->width, -1);

      if (dn_print_table_get_n_rows (block->table) > 0)
        h += dn_print_table_get_row_height (block->table, flow->cr, flow->width, 0);
      return block->space_before + h;
    }
  else
    {
      g_autoptr(PangoLayout) layout = block_layout (block, flow->cr, flow->width);
      g_autoptr(GArray) tops = line_tops (layout);
      guint n = tops->len - 1;
      double h;

      if (block->keep_with_next)
        h = g_array_index (tops, double, n) + least_height (flow, i + 1);
      else
        h = g_array_index (tops, double, MIN (n, 2));
      return block->space_before + h;
    }
}

static void
flow_text (Flow  *flow,
           guint  i)
{
  Block *block = flow->self->blocks->pdata[i];
  g_autoptr(PangoLayout) layout = block_layout (block, flow->cr, flow->width);
  g_autoptr(GArray) tops = line_tops (layout);
  guint n = tops->len - 1, first = 0;

  if (flow->y > TOP)
    {
      /* after a table, a little more */
      double before = block->space_before + (i > 0 && ((Block *) flow->self->blocks->pdata[i - 1])->kind == BLOCK_TABLE
                                             ? PARAGRAPH_SPACE : 0);

      if (flow->y + before - block->space_before + least_height (flow, i) > flow->bottom)
        flow_new_page (flow);
      else
        flow->y += before;
    }
  while (first < n)
    {
      double start = g_array_index (tops, double, first);
      guint fit = 0;

      while (first + fit < n && flow->y + g_array_index (tops, double, first + fit + 1) - start <= flow->bottom)
        fit++;
      /* one line left behind would stand alone at the top of the next
       * page: take one more there */
      if (first + fit < n && n - (first + fit) == 1 && fit > 2)
        fit--;
      if (fit == 0)
        {
          if (flow->y > TOP)
            {
              flow_new_page (flow);
              continue;
            }
          fit = 1;   /* a line taller than a page */
        }
      flow_add (flow, PIECE_LINES, i, first, fit);
      flow->y += g_array_index (tops, double, first + fit) - start;
      first += fit;
      if (first < n)
        flow_new_page (flow);
    }
}

static void
flow_table (Flow  *flow,
            guint  i)
{
  Block *block = flow->self->blocks->pdata[i];
  guint n;

  if (flow->y > TOP)
    {
      if (flow->y + least_height (flow, i) > flow->bottom)
        flow_new_page (flow);
      else
        flow->y += block->space_before;
    }
  n = dn_print_table_paginate (block->table, flow->cr, flow->width, flow->bottom - flow->y, flow->bottom - TOP);
  for (guint p = 0; p < n; p++)
    {
      flow_add (flow, PIECE_TABLE, i, p, 0);
      flow->y += dn_print_table_get_page_height (block->table, flow->cr, flow->width, p);
      if (p + 1 < n)
        flow_new_page (flow);
    }
}

/* The height of @n lines of block @block from line @first */
static double
lines_height (Flow  *flow,
              guint  block,
              guint  first,
              guint  n,
              guint *n_lines)
{
  g_autoptr(PangoLayout) layout = block_layout (flow->self->blocks->pdata[block], flow->cr, flow->width);
  g_autoptr(GArray) tops = line_tops (layout);

  if (n_lines != NULL)
    *n_lines = tops->len - 1;
  return g_array_index (tops, double, first + n) - g_array_index (tops, double, first);
}

/* The signature does not stand alone on a page: the last two lines of
 * the body go over with it (the whole paragraph when it has three lines
 * or fewer there, and the headings just before it) */
static void
keep_last_lines (Flow *flow)
{
  GArray *pieces = flow->self->pieces;
  guint end = pieces->len, start = end - 1;
  Piece *last = &g_array_index (pieces, Piece, start);

  if (last->kind != PIECE_LINES || last->page + 1 != flow->page)
    return;
  if (last->n >= 4)
    {
      Piece moved = { flow->page, PIECE_LINES, last->block, last->first + last->n - 2, 2, flow->y };

      last->n -= 2;
      flow->y += lines_height (flow, moved.block, moved.first, 2, NULL);
      g_array_append_val (pieces, moved);
      return;
    }
  while (start > 0)
    {
      Piece *prev = &g_array_index (pieces, Piece, start - 1);
      Block *block = flow->self->blocks->pdata[prev->block];
      guint n_lines;

      if (prev->kind != PIECE_LINES || prev->page != last->page || !block->keep_with_next || prev->first != 0)
        break;
      lines_height (flow, prev->block, 0, prev->n, &n_lines);
      if (prev->n != n_lines)
        break;
      start--;
    }
  /* everything moved: nothing to gain */
  if (start == 0 || g_array_index (pieces, Piece, start - 1).page != last->page)
    return;
  for (guint i = start; i < end; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      Block *block = flow->self->blocks->pdata[piece->block];

      if (i > start)
        flow->y += block->space_before;
      piece->page = flow->page;
      piece->y = flow->y;
      flow->y += lines_height (flow, piece->block, piece->first, piece->n, NULL);
    }
}

guint
dn_official_document_paginate (DnOfficialDocument *self,
                               cairo_t            *cr,
                               double              width,
                               double              height)
{
  Flow flow = { self, cr, width - LEFT - RIGHT, height - BOTTOM, 0, TOP };
  double closing;

  g_return_val_if_fail (self != NULL && cr != NULL, 0);

  g_array_set_size (self->pieces, 0);
  flow_add (&flow, PIECE_HEADING, 0, 0, 0);
  flow.y = write_heading (self, cr, TOP, flow.width, FALSE);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind == BLOCK_TABLE)
        flow_table (&flow, i);
      else
        flow_text (&flow, i);
    }
  flow.y += 12;
  closing = write_closing (self, cr, flow.y, flow.width, FALSE);
  if (flow.y + closing > flow.bottom && flow.y > TOP + 12)
    {
      flow_new_page (&flow);
      keep_last_lines (&flow);
      flow.y += 12;
    }
  flow_add (&flow, PIECE_CLOSING, 0, 0, 0);
  self->n_pages = flow.page + 1;
  return self->n_pages;
}

void
dn_official_document_draw_page (DnOfficialDocument *self,
                                cairo_t            *cr,
                                double              width,
                                double              height,
                                guint               page)
{
  double inner_w = width - LEFT - RIGHT;

  g_return_if_fail (self != NULL && cr != NULL);

  if (self->n_pages == 0)
    dn_official_document_paginate (self, cr, width, height);
  g_return_if_fail (page < self->n_pages);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* from page 2, its number, centred in the top margin */
  if (page > 0)
    {
      g_autoptr(PangoLayout) layout = layout_new (cr, self->family, "", SIZE_PAGE_NUMBER);
      g_autofree char *number = g_strdup_printf ("%u", page + 1);

      dn_print_show_text (cr, layout, number, LEFT, PAGE_NUMBER_Y, inner_w, PANGO_ALIGN_CENTER);
    }
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block;

      if (piece->page != page)
        continue;
      switch (piece->kind)
        {
        case PIECE_HEADING:
          write_heading (self, cr, piece->y, inner_w, TRUE);
          break;
        case PIECE_LINES:
          {
            g_autoptr(PangoLayout) layout = NULL;

            block = self->blocks->pdata[piece->block];
            layout = block_layout (block, cr, inner_w);
            draw_lines (cr, layout, LEFT, piece->y, piece->first, piece->n);
          }
          break;
        case PIECE_TABLE:
          block = self->blocks->pdata[piece->block];
          dn_print_table_draw_page (block->table, cr, LEFT, piece->y, inner_w, piece->first);
          break;
        case PIECE_CLOSING:
          write_closing (self, cr, piece->y, inner_w, TRUE);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

static guint
paginate_cb (gpointer  data,
             cairo_t  *cr,
             double    width,
             double    height)
{
  return dn_official_document_paginate (data, cr, width, height);
}

static void
draw_page_cb (gpointer  data,
              cairo_t  *cr,
              double    width,
              double    height,
              guint     page)
{
  dn_official_document_draw_page (data, cr, width, height, page);
}

gboolean
dn_official_document_write_pdf (DnOfficialDocument *self,
                                const char         *path,
                                const char         *title,
                                guint              *n_pages,
                                GError            **error)
{
  g_autofree char *default_title = NULL;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (title == NULL)
    title = default_title = self->subject != NULL ? g_strdup_printf ("%s %s", self->type_name, self->subject)
                                                  : g_strdup (self->type_name);
  return dn_print_write_pdf (path, DN_PRINT_A4_SHORT, DN_PRINT_A4_LONG, title, paginate_cb, draw_page_cb, self,
                             n_pages, error);
}
