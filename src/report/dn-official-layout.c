/* dn-official-layout.c: an official document laid out on pages and drawn:
 * the heading and title on page 1, the blocks flowed over the pages
 * (paragraphs broken between lines, tables between rows, headings kept
 * with what follows), the closing kept with the body's last lines, the
 * page numbers from page 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "dn-date.h"
#include "dn-official-document.h"
#include "dn-official-private.h"
#include "dn-print-table.h"
#include "dn-report-font.h"

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

char *
_dn_official_date_line (DnOfficialDocument *self)
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
  g_autofree char *date = _dn_official_date_line (self);
  DnOfficialHeading heading = {
    .parent_body = self->parent_body,
    .issuing_body = self->issuing_body,
    .national_name = DN_OFFICIAL_NATIONAL_NAME,
    .motto = DN_OFFICIAL_MOTTO,
    .number_line = number,
    .date_line = date,
  };
  g_autoptr(PangoLayout) title = _dn_official_layout_new (cr, self->family, "Bold", SIZE_TITLE);
  double h = dn_official_heading_draw (cr, self->family, &heading, LEFT, y, width, draw);
  double x = LEFT;

  y += h + 18;
  if (draw)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  _dn_official_write_centred (cr, title, self->type_name, x, &y, width, draw);
  if (self->subject != NULL && *self->subject != '\0')
    {
      double text_w = _dn_official_write_centred (cr, title, self->subject, x + width * 0.1, &y, width * 0.8, draw);

      if (draw)
        _dn_official_draw_rule (cr, x, width, MAX (text_w * 0.4, width * 0.2), y + RULE_GAP);
      y += RULE_GAP + 2;
    }
  if (draw)
    cairo_restore (cr);
  return y + 12;
}

/* The signature's lines, bold, centred */
char *
_dn_official_signature_text (DnOfficialDocument *self)
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

char *
_dn_official_recipients_text (DnOfficialDocument *self)
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
  g_autoptr(PangoLayout) label = _dn_official_layout_new (cr, self->family, "Bold Italic", SIZE_RECIPIENTS_LABEL);
  g_autoptr(PangoLayout) list = _dn_official_layout_new (cr, self->family, "", SIZE_RECIPIENTS);
  g_autoptr(PangoLayout) signature = _dn_official_layout_new (cr, self->family, "Bold", SIZE_SIGNATURE);
  g_autofree char *recipients = _dn_official_recipients_text (self);
  g_autofree char *lines = _dn_official_signature_text (self);
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
    _dn_official_write_centred (cr, signature, lines, right_x, &y_right, right_w, draw);
  y_right += SIGNATURE_ROOM;
  if (self->signer_name != NULL && *self->signer_name != '\0')
    _dn_official_write_centred (cr, signature, self->signer_name, right_x, &y_right, right_w, draw);
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
      g_autoptr(PangoLayout) layout = _dn_official_layout_new (cr, self->family, "", SIZE_PAGE_NUMBER);
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
