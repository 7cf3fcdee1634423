/* dn-passport-ledger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-passport-ledger.h"
#include "dn-store.h"

#define MARGIN      28.0   /* about 1 cm */
#define PAD         3.0    /* inside a cell */
#define BODY_FONT   "Serif 8"
#define HEAD_FONT   "Serif Bold 8"
#define TITLE_FONT  "Serif Bold 14"
#define OFFICE_FONT "Serif Bold 10"
#define FOOT_FONT   "Serif 8"

enum
{
  COL_NO, COL_NUMBER, COL_HOLDER, COL_DELEGATION, COL_HANDED_OUT, COL_HANDED_BY, COL_HANDED_TO, COL_RECEIPT,
  COL_DUE, COL_RETURNED, COL_RETURNED_BY, COL_RECEIVED_BY, COL_NOTES, N_COLS
};

/* each column's share of the table's width */
static const double shares[N_COLS] = {
  0.035, 0.08, 0.09, 0.11, 0.075, 0.07, 0.07, 0.06, 0.075, 0.075, 0.07, 0.07, 0.12,
};

struct _DnPassportLedger
{
  GPtrArray *lines;
  char      *office;
  GArray    *starts;     /* guint: the first line of each page */
  double     header_h;   /* office, title and the table's header row */
  double     table_head_h;
};

static const char *
column_title (int column)
{
  switch (column)
    {
    case COL_NO: return _("No.");
    case COL_NUMBER: return _("Passport number");
    case COL_HOLDER: return _("Holder");
    case COL_DELEGATION: return _("Delegation");
    case COL_HANDED_OUT: return _("Handed out on");
    case COL_HANDED_BY: return _("Handed over by");
    case COL_HANDED_TO: return _("Received by");
    case COL_RECEIPT: return _("Receipt signed");
    case COL_DUE: return _("Due back");
    case COL_RETURNED: return _("Returned on");
    case COL_RETURNED_BY: return _("Brought back by");
    case COL_RECEIVED_BY: return _("Taken in by");
    case COL_NOTES: return _("Notes");
    default: return "";
    }
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

/* The text of a cell of line @i. */
static char *
cell_text (DnPassportLedger *self,
           guint             i,
           int               column)
{
  DnPassportLoan *line = self->lines->pdata[i];

  switch (column)
    {
    case COL_NO: return g_strdup_printf ("%u", i + 1);
    case COL_NUMBER: return g_strdup (line->passport_number);
    case COL_HOLDER: return g_strdup (line->holder_name);
    case COL_DELEGATION: return g_strdup (line->delegation_title);
    case COL_HANDED_OUT: return date_text (&line->handed_out_on);
    case COL_HANDED_BY: return g_strdup (line->handed_by);
    case COL_HANDED_TO: return g_strdup (line->handed_to);
    case COL_RECEIPT: return g_strdup (line->receipt_signed ? _("Signed") : "");
    case COL_DUE: return date_text (&line->due_back_on);
    case COL_RETURNED: return date_text (&line->returned_on);
    case COL_RETURNED_BY: return g_strdup (line->returned_by);
    case COL_RECEIVED_BY: return g_strdup (line->received_by);
    case COL_NOTES:
      {
        GString *notes = g_string_new (NULL);

        if (g_date_valid (&line->returned_on) && g_date_compare (&line->returned_on, &line->due_back_on) > 0)
          g_string_append (notes, _("Returned late."));
        if (line->exemption_reason[0] != '\0')
          {
            if (notes->len > 0)
              g_string_append_c (notes, ' ');
            if (line->excused_by[0] != '\0')
              g_string_append_printf (notes, _("Excused by %s: %s"), line->excused_by, line->exemption_reason);
            else
              g_string_append (notes, line->exemption_reason);
          }
        if (line->notes[0] != '\0')
          {
            if (notes->len > 0)
              g_string_append_c (notes, ' ');
            g_string_append (notes, line->notes);
          }
        return g_string_free (notes, FALSE);
      }
    default:
      return g_strdup ("");
    }
}

DnPassportLedger *
dn_passport_ledger_new (GPtrArray  *lines,
                        const char *office)
{
  DnPassportLedger *self = g_new0 (DnPassportLedger, 1);

  g_return_val_if_fail (lines != NULL, NULL);
  self->lines = g_ptr_array_ref (lines);
  self->office = g_strdup (office != NULL ? office : "");
  self->starts = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
dn_passport_ledger_free (DnPassportLedger *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->lines);
  g_array_unref (self->starts);
  g_free (self->office);
  g_free (self);
}

/* A layout on @cr whose font sizes are in @cr's units (points). */
static PangoLayout *
new_layout (cairo_t    *cr,
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

static double
text_height (PangoLayout *layout,
             const char  *text,
             double       width)
{
  int h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
column_width (double table_width,
              int    column)
{
  return table_width * shares[column];
}

static double
row_height (DnPassportLedger *self,
            PangoLayout      *layout,
            double            table_width,
            int               line)   /* -1: the header row */
{
  double height = 0;

  for (int c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = line < 0 ? g_strdup (column_title (c)) : cell_text (self, (guint) line, c);

      height = MAX (height, text_height (layout, text, column_width (table_width, c) - 2 * PAD));
    }
  return height + 2 * PAD;
}

static double
title_block_height (DnPassportLedger *self,
                    cairo_t          *cr,
                    double            width)
{
  g_autoptr(PangoLayout) office = new_layout (cr, OFFICE_FONT);
  g_autoptr(PangoLayout) title = new_layout (cr, TITLE_FONT);
  double height = text_height (title, "X", width) + 12;

  if (self->office[0] != '\0')
    height += text_height (office, self->office, width) + 4;
  return height;
}

static double
footer_height (cairo_t *cr,
               double   width)
{
  g_autoptr(PangoLayout) foot = new_layout (cr, FOOT_FONT);

  return text_height (foot, "1", width) + 6;
}

guint
dn_passport_ledger_paginate (DnPassportLedger *self,
                             cairo_t          *cr,
                             double            width,
                             double            height)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) head = NULL;
  double table_width = width - 2 * MARGIN;
  double room, used;
  guint first = 0;

  g_return_val_if_fail (self != NULL, 0);
  body = new_layout (cr, BODY_FONT);
  head = new_layout (cr, HEAD_FONT);
  self->table_head_h = row_height (self, head, table_width, -1);
  self->header_h = title_block_height (self, cr, table_width) + self->table_head_h;
  room = height - 2 * MARGIN - self->header_h - footer_height (cr, table_width);
  g_array_set_size (self->starts, 0);
  g_array_append_val (self->starts, first);
  used = 0;
  for (guint i = 0; i < self->lines->len; i++)
    {
      double h = row_height (self, body, table_width, (int) i);

      /* a line taller than a page keeps a page of its own */
      if (used > 0 && used + h > room)
        {
          g_array_append_val (self->starts, i);
          used = 0;
        }
      used += h;
    }
  return self->starts->len;
}

/* One row of cells at @y, with its borders; returns its height. */
static double
draw_row (DnPassportLedger *self,
          cairo_t          *cr,
          PangoLayout      *layout,
          double            table_width,
          double            y,
          int               line)
{
  double h = row_height (self, layout, table_width, line);
  double x = MARGIN;

  for (int c = 0; c < N_COLS; c++)
    {
      double w = column_width (table_width, c);
      g_autofree char *text = line < 0 ? g_strdup (column_title (c)) : cell_text (self, (guint) line, c);

      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      pango_layout_set_width (layout, (int) ((w - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_alignment (layout, line < 0 || c == COL_NO || c == COL_RECEIPT ? PANGO_ALIGN_CENTER
                                                                                      : PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, x + PAD, y + PAD);
      pango_cairo_show_layout (cr, layout);
      x += w;
    }
  return h;
}

void
dn_passport_ledger_draw_page (DnPassportLedger *self,
                              cairo_t          *cr,
                              double            width,
                              double            height,
                              guint             page)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) office = NULL;
  g_autoptr(PangoLayout) foot = NULL;
  g_autofree char *title_text = NULL;
  g_autofree char *page_text = NULL;
  double table_width = width - 2 * MARGIN;
  double y = MARGIN;
  guint first, end;

  g_return_if_fail (self != NULL);
  if (self->starts->len == 0)
    dn_passport_ledger_paginate (self, cr, width, height);
  g_return_if_fail (page < self->starts->len);
  first = g_array_index (self->starts, guint, page);
  end = page + 1 < self->starts->len ? g_array_index (self->starts, guint, page + 1) : self->lines->len;

  body = new_layout (cr, BODY_FONT);
  head = new_layout (cr, HEAD_FONT);
  title = new_layout (cr, TITLE_FONT);
  office = new_layout (cr, OFFICE_FONT);
  foot = new_layout (cr, FOOT_FONT);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);

  if (self->office[0] != '\0')
    {
      pango_layout_set_width (office, (int) (table_width * PANGO_SCALE));
      pango_layout_set_text (office, self->office, -1);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, office);
      y += text_height (office, self->office, table_width) + 4;
    }
  title_text = g_utf8_strup (_("Passport custody ledger"), -1);
  pango_layout_set_width (title, (int) (table_width * PANGO_SCALE));
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  pango_layout_set_text (title, title_text, -1);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, title);
  y += text_height (title, title_text, table_width) + 12;

  y += draw_row (self, cr, head, table_width, y, -1);
  for (guint i = first; i < end; i++)
    y += draw_row (self, cr, body, table_width, y, (int) i);

  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->starts->len);
  pango_layout_set_width (foot, (int) (table_width * PANGO_SCALE));
  pango_layout_set_alignment (foot, PANGO_ALIGN_CENTER);
  pango_layout_set_text (foot, page_text, -1);
  cairo_move_to (cr, MARGIN, height - MARGIN - text_height (foot, page_text, table_width));
  pango_cairo_show_layout (cr, foot);
  cairo_restore (cr);
}

/*
 * Printing
 */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                DnPassportLedger  *self)
{
  guint n = dn_passport_ledger_paginate (self, gtk_print_context_get_cairo_context (context),
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              DnPassportLedger  *self)
{
  dn_passport_ledger_draw_page (self, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                                (guint) page);
}

gboolean
dn_passport_ledger_print (DnPassportLedger  *self,
                          GtkWindow         *parent,
                          GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (self != NULL, FALSE);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Passport custody ledger"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
