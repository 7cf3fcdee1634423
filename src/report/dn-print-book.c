/* dn-print-book.c: a register kept as a printed book
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-print-book.h"

#define MARGIN        28.0   /* about 1 cm */
#define TITLE_FONT    "Serif Bold 14"
#define SUBTITLE_FONT "Serif Bold 11"
#define OFFICE_FONT   "Serif Bold 10"
#define FOOT_FONT     "Serif 8"

struct _DnPrintBook
{
  DnPrintTable *table;
  char         *office;
  char         *title;     /* in capitals */
  char         *subtitle;
  guint         n_pages;   /* of the last pagination; 0 before */
};

DnPrintBook *
dn_print_book_new (DnPrintTable *table,
                   const char   *office,
                   const char   *title,
                   const char   *subtitle)
{
  DnPrintBook *book = g_new0 (DnPrintBook, 1);

  g_return_val_if_fail (table != NULL && title != NULL, NULL);

  book->table = table;
  book->office = g_strdup (office != NULL ? office : "");
  book->title = g_utf8_strup (title, -1);
  book->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  return book;
}

void
dn_print_book_free (DnPrintBook *book)
{
  if (book == NULL)
    return;
  dn_print_table_free (book->table);
  g_free (book->office);
  g_free (book->title);
  g_free (book->subtitle);
  g_free (book);
}

/* The office, the title and the subtitle from @y (drawn, or only measured
 * when @cr draws nothing: @draw FALSE); their height */
static double
heading (DnPrintBook *book,
         cairo_t     *cr,
         double       y,
         double       width,
         gboolean     draw)
{
  const struct
  {
    const char     *text;
    const char     *font;
    PangoAlignment  alignment;
    double          space;
  } parts[] = {
    { book->office, OFFICE_FONT, PANGO_ALIGN_LEFT, 4 },
    { book->title, TITLE_FONT, PANGO_ALIGN_CENTER, book->subtitle[0] != '\0' ? 2 : 12 },
    { book->subtitle, SUBTITLE_FONT, PANGO_ALIGN_CENTER, 10 },
  };
  double top = y;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (parts[i].text[0] == '\0')
        continue;
      layout = dn_print_layout_new (cr, parts[i].font);
      y += (draw ? dn_print_show_text (cr, layout, parts[i].text, MARGIN, y, width, parts[i].alignment)
                 : dn_print_text_height (layout, parts[i].text, width)) + parts[i].space;
    }
  return y - top;
}

static double
footer_height (cairo_t *cr,
               double   width)
{
  g_autoptr(PangoLayout) foot = dn_print_layout_new (cr, FOOT_FONT);

  return dn_print_text_height (foot, "1", width) + 6;
}

guint
dn_print_book_paginate (DnPrintBook *book,
                        cairo_t     *cr,
                        double       width,
                        double       height)
{
  double table_width = width - 2 * MARGIN;
  double room;

  g_return_val_if_fail (book != NULL, 0);

  room = height - 2 * MARGIN - heading (book, cr, 0, table_width, FALSE) - footer_height (cr, table_width);
  book->n_pages = dn_print_table_paginate (book->table, cr, table_width, room, room);
  return book->n_pages;
}

void
dn_print_book_draw_page (DnPrintBook *book,
                         cairo_t     *cr,
                         double       width,
                         double       height,
                         guint        page)
{
  g_autoptr(PangoLayout) foot = NULL;
  g_autofree char *page_text = NULL;
  double table_width = width - 2 * MARGIN;
  double y = MARGIN;
  guint n_pages;

  g_return_if_fail (book != NULL);
  n_pages = book->n_pages > 0 ? book->n_pages : dn_print_book_paginate (book, cr, width, height);
  g_return_if_fail (page < n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += heading (book, cr, y, table_width, TRUE);
  dn_print_table_draw_page (book->table, cr, MARGIN, y, table_width, page);
  foot = dn_print_layout_new (cr, FOOT_FONT);
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  dn_print_show_text (cr, foot, page_text, MARGIN, height - MARGIN - dn_print_text_height (foot, page_text, table_width),
                      table_width, PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}
