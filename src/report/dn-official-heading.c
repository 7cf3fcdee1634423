/* dn-official-heading.c: the top of an official document's first page
 * (Nghị định 30/2020, Phụ lục I, ô 1 to 4) and what the document's parts
 * share to set their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "dn-official-document.h"
#include "dn-official-private.h"
#include "dn-print-table.h"

/* the sizes of Phụ lục I (points) */
#define SIZE_BODY_BODIES 13   /* parent and issuing bodies */
#define SIZE_NATION      12   /* the national name: 12–13, 12 fits its column */
#define SIZE_MOTTO       13
#define SIZE_NUMBER      13
#define SIZE_DATE        14

char *
_dn_official_font (const char *family,
                   const char *style,
                   int         size)
{
  return g_strdup_printf ("%s, %s%s%d", family, style, *style != '\0' ? " " : "", size);
}

PangoLayout *
_dn_official_layout_new (cairo_t    *cr,
                         const char *family,
                         const char *style,
                         int         size)
{
  g_autofree char *font = _dn_official_font (family, style, size);

  return dn_print_layout_new (cr, font);
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

void
_dn_official_draw_rule (cairo_t *cr,
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

double
_dn_official_write_centred (cairo_t     *cr,
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
  g_autoptr(PangoLayout) parent = _dn_official_layout_new (cr, family, "", SIZE_BODY_BODIES);
  g_autoptr(PangoLayout) issuer = _dn_official_layout_new (cr, family, "Bold", SIZE_BODY_BODIES);
  g_autoptr(PangoLayout) nation = _dn_official_layout_new (cr, family, "Bold", SIZE_NATION);
  g_autoptr(PangoLayout) motto = _dn_official_layout_new (cr, family, "Bold", SIZE_MOTTO);
  g_autoptr(PangoLayout) number = _dn_official_layout_new (cr, family, "", SIZE_NUMBER);
  g_autoptr(PangoLayout) date = _dn_official_layout_new (cr, family, "Italic", SIZE_DATE);
  double share = heading->left_share > 0 ? heading->left_share : 0.4;
  double left_w = width * share, right_w = width - left_w, right_x = x + left_w;
  double y_left = y, y_right = y, y_row, h_number = 0, h_date = 0, base_number = 0, base_date = 0, base;

  if (draw)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  if (heading->parent_body != NULL && *heading->parent_body != '\0')
    _dn_official_write_centred (cr, parent, heading->parent_body, x, &y_left, left_w, draw);
  if (heading->issuing_body != NULL && *heading->issuing_body != '\0')
    {
      double text_w = _dn_official_write_centred (cr, issuer, heading->issuing_body, x, &y_left, left_w, draw);

      /* a rule 1/3 to 1/2 as long as the line above it */
      if (draw)
        _dn_official_draw_rule (cr, x, left_w, text_w * 0.4, y_left + RULE_GAP);
      y_left += RULE_GAP + 2;
    }
  if (heading->national_name != NULL && *heading->national_name != '\0')
    _dn_official_write_centred (cr, nation, heading->national_name, right_x, &y_right, right_w, draw);
  if (heading->motto != NULL && *heading->motto != '\0')
    {
      double text_w = _dn_official_write_centred (cr, motto, heading->motto, right_x, &y_right, right_w, draw);

      /* a rule as long as the motto */
      if (draw)
        _dn_official_draw_rule (cr, right_x, right_w, text_w, y_right + RULE_GAP);
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
