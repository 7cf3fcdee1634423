/* dn-print-table.c: text and tables on printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dn-print-table.h"

/* inside a cell */
#define PAD 3.0

struct _DnPrintTable
{
  guint      n_columns;
  double    *shares;
  char     **titles;
  PangoAlignment *alignment;
  char      *body_font;
  char      *head_font;
  GPtrArray *rows;     /* char ** of n_columns cells */
  GArray    *starts;   /* guint: the first row of each page */
  GArray    *heights;  /* double: the header's and each row's, as the last pagination measured them */
  double     heights_width;
};

PangoLayout *
dn_print_layout_new (cairo_t    *cr,
                     const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

double
dn_print_text_height (PangoLayout *layout,
                      const char  *text,
                      double       width)
{
  int h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

double
dn_print_show_text (cairo_t        *cr,
                    PangoLayout    *layout,
                    const char     *text,
                    double          x,
                    double          y,
                    double          width,
                    PangoAlignment  alignment)
{
  double height = dn_print_text_height (layout, text, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height;
}

DnPrintTable *
dn_print_table_new (guint               n_columns,
                    const double       *shares,
                    const char * const *titles,
                    const char         *body_font,
                    const char         *head_font)
{
  DnPrintTable *table;

  g_return_val_if_fail (n_columns > 0 && shares != NULL && titles != NULL, NULL);

  table = g_new0 (DnPrintTable, 1);
  table->n_columns = n_columns;
  table->shares = g_memdup2 (shares, n_columns * sizeof (double));
  table->titles = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    table->titles[c] = g_strdup (titles[c] != NULL ? titles[c] : "");
  table->alignment = g_new0 (PangoAlignment, n_columns);
  table->body_font = g_strdup (body_font);
  table->head_font = g_strdup (head_font);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->starts = g_array_new (FALSE, TRUE, sizeof (guint));
  table->heights = g_array_new (FALSE, TRUE, sizeof (double));
  return table;
}

void
dn_print_table_free (DnPrintTable *table)
{
  if (table == NULL)
    return;
  g_free (table->shares);
  g_strfreev (table->titles);
  g_free (table->alignment);
  g_free (table->body_font);
  g_free (table->head_font);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->starts);
  g_array_unref (table->heights);
  g_free (table);
}

void
dn_print_table_set_centred (DnPrintTable *table,
                            guint         column)
{
  dn_print_table_set_alignment (table, column, PANGO_ALIGN_CENTER);
}

void
dn_print_table_set_alignment (DnPrintTable   *table,
                              guint           column,
                              PangoAlignment  alignment)
{
  g_return_if_fail (column < table->n_columns);

  table->alignment[column] = alignment;
}

void
dn_print_table_add_row (DnPrintTable       *table,
                        const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
  g_array_set_size (table->heights, 0);
}

guint
dn_print_table_get_n_columns (DnPrintTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

const char *
dn_print_table_get_title (DnPrintTable *table,
                          guint         column)
{
  g_return_val_if_fail (table != NULL && column < table->n_columns, NULL);
  return table->titles[column];
}

double
dn_print_table_get_share (DnPrintTable *table,
                          guint         column)
{
  g_return_val_if_fail (table != NULL && column < table->n_columns, 0);
  return table->shares[column];
}

PangoAlignment
dn_print_table_get_alignment (DnPrintTable *table,
                              guint         column)
{
  g_return_val_if_fail (table != NULL && column < table->n_columns, PANGO_ALIGN_LEFT);
  return table->alignment[column];
}

const char *
dn_print_table_get_cell (DnPrintTable *table,
                         guint         row,
                         guint         column)
{
  g_return_val_if_fail (table != NULL && row < table->rows->len && column < table->n_columns, NULL);
  return ((char **) table->rows->pdata[row])[column];
}

guint
dn_print_table_get_n_rows (DnPrintTable *table)
{
  return table->rows->len;
}

/* The cells of row @row (-1: the header) */
static char **
cells_of (DnPrintTable *table,
          int           row)
{
  return row < 0 ? table->titles : table->rows->pdata[row];
}

static double
row_height (DnPrintTable *table,
            PangoLayout  *layout,
            double        width,
            int           row)
{
  char **cells = cells_of (table, row);
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    height = MAX (height, dn_print_text_height (layout, cells[c], width * table->shares[c] - 2 * PAD));
  return height + 2 * PAD;
}

/* The height of @row as the last pagination at @width measured it (each
 * cell set once to measure it, once to draw it), else measured now */
static double
measured_height (DnPrintTable *table,
                 PangoLayout  *layout,
                 double        width,
                 int           row)
{
  if (table->heights->len == table->rows->len + 1 && table->heights_width == width)
    return g_array_index (table->heights, double, row + 1);
  return row_height (table, layout, width, row);
}

double
dn_print_table_get_row_height (DnPrintTable *table,
                               cairo_t      *cr,
                               double        width,
                               int           row)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (row >= -1 && row < (int) table->rows->len, 0);
  layout = dn_print_layout_new (cr, row < 0 ? table->head_font : table->body_font);
  return row_height (table, layout, width, row);
}

guint
dn_print_table_paginate (DnPrintTable *table,
                         cairo_t      *cr,
                         double        width,
                         double        first_room,
                         double        room)
{
  g_autoptr(PangoLayout) body = dn_print_layout_new (cr, table->body_font);
  g_autoptr(PangoLayout) head = dn_print_layout_new (cr, table->head_font);
  double head_h = row_height (table, head, width, -1);
  double used = head_h, page_room = first_room;
  guint first = 0;

  g_array_set_size (table->starts, 0);
  g_array_append_val (table->starts, first);
  g_array_set_size (table->heights, 0);
  g_array_append_val (table->heights, head_h);
  for (guint i = 0; i < table->rows->len; i++)
    {
      double h = row_height (table, body, width, (int) i);

      g_array_append_val (table->heights, h);
      if (used > head_h && used + h > page_room)
        {
          g_array_append_val (table->starts, i);
          used = head_h;
          page_room = room;
        }
      used += h;
    }
  table->heights_width = width;
  return table->starts->len;
}

double
dn_print_table_get_page_height (DnPrintTable *table,
                                cairo_t      *cr,
                                double        width,
                                guint         page)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) head = NULL;
  double height;
  guint first, end;

  g_return_val_if_fail (page < table->starts->len, 0);
  body = dn_print_layout_new (cr, table->body_font);
  head = dn_print_layout_new (cr, table->head_font);
  height = measured_height (table, head, width, -1);
  first = g_array_index (table->starts, guint, page);
  end = page + 1 < table->starts->len ? g_array_index (table->starts, guint, page + 1) : table->rows->len;
  for (guint i = first; i < end; i++)
    height += measured_height (table, body, width, (int) i);
  return height;
}

/* One row of cells at @y, with its borders; its height */
static double
draw_row (DnPrintTable *table,
          cairo_t      *cr,
          PangoLayout  *layout,
          double        x,
          double        y,
          double        width,
          int           row)
{
  char **cells = cells_of (table, row);
  double h = measured_height (table, layout, width, row);

  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = width * table->shares[c];

      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      pango_layout_set_width (layout, (int) ((w - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_alignment (layout, row < 0 ? PANGO_ALIGN_CENTER : table->alignment[c]);
      pango_layout_set_text (layout, cells[c], -1);
      cairo_move_to (cr, x + PAD, y + PAD);
      pango_cairo_show_layout (cr, layout);
      x += w;
    }
  return h;
}

double
dn_print_table_draw_page (DnPrintTable *table,
                          cairo_t      *cr,
                          double        x,
                          double        y,
                          double        width,
                          guint         page)
{
  g_autoptr(PangoLayout) body = dn_print_layout_new (cr, table->body_font);
  g_autoptr(PangoLayout) head = dn_print_layout_new (cr, table->head_font);
  double top = y;
  guint first, end;

  if (table->starts->len == 0)
    dn_print_table_paginate (table, cr, width, G_MAXDOUBLE, G_MAXDOUBLE);
  g_return_val_if_fail (page < table->starts->len, 0);
  first = g_array_index (table->starts, guint, page);
  end = page + 1 < table->starts->len ? g_array_index (table->starts, guint, page + 1) : table->rows->len;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  y += draw_row (table, cr, head, x, y, width, -1);
  for (guint i = first; i < end; i++)
    y += draw_row (table, cr, body, x, y, width, (int) i);
  cairo_restore (cr);
  return y - top;
}

gboolean
dn_print_write_pdf (const char          *path,
                    double               width,
                    double               height,
                    const char          *title,
                    DnPrintPaginateFunc  paginate,
                    DnPrintDrawPageFunc  draw_page,
                    gpointer             data,
                    guint               *n_pages,
                    GError             **error)
{
  return dn_print_write_pdf_full (path, width, height, title, paginate, draw_page, data, NULL, NULL, NULL, n_pages,
                                  error);
}

gboolean
dn_print_write_pdf_full (const char          *path,
                         double               width,
                         double               height,
                         const char          *title,
                         DnPrintPaginateFunc  paginate,
                         DnPrintDrawPageFunc  draw_page,
                         gpointer             data,
                         DnPrintProgressFunc  progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         guint               *n_pages,
                         GError             **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean cancelled = FALSE;
  guint n;
  int saved = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  temporary = g_strdup_printf ("%s.%08x.part", path, g_random_int ());
  surface = cairo_pdf_surface_create (temporary, width, height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  n = paginate (data, cr, width, height);
  if (progress != NULL)
    progress (progress_data, 0, n);
  for (guint page = 0; page < n && !cancelled; page++)
    {
      draw_page (data, cr, width, height, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (progress_data, page + 1, n);
      cancelled = g_cancellable_is_cancelled (cancellable);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (cancelled)
    {
      g_unlink (temporary);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (status == CAIRO_STATUS_SUCCESS && g_rename (temporary, path) != 0)
    saved = errno;
  if (status != CAIRO_STATUS_SUCCESS || saved != 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (temporary);
      g_set_error (error, G_FILE_ERROR, saved != 0 ? g_file_error_from_errno (saved) : G_FILE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), name,
                   saved != 0 ? g_strerror (saved) : cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = n;
  return TRUE;
}
