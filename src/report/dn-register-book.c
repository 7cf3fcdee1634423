/* dn-register-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-register-book"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dn-date.h"
#include "dn-register-book.h"
#include "dn-text.h"

#define MARGIN      28.0   /* about 1 cm */
#define PAD         3.0    /* inside a cell */
#define BODY_FONT   "Serif 8"
#define HEAD_FONT   "Serif Bold 8"
#define TITLE_FONT  "Serif Bold 14"
#define YEAR_FONT   "Serif Bold 11"
#define OFFICE_FONT "Serif Bold 10"
#define FOOT_FONT   "Serif 8"

#define N_COLS 10

/* The columns of Phụ lục IV, in their order */
typedef enum
{
  /* incoming */
  COL_ARRIVAL_DATE, COL_ARRIVAL_NUMBER, COL_AUTHOR, COL_REFERENCE, COL_DOCUMENT_DATE, COL_SUBJECT, COL_RECEIVER,
  COL_PASSED_ON, COL_RECEIPT, COL_NOTES,
  /* outgoing (reference, date, subject, receipt and notes shared) */
  COL_SIGNER, COL_RECIPIENTS, COL_FILE_COPY, COL_COPIES, COL_SENT_ON,
} Column;

static const Column incoming_columns[N_COLS] = {
  COL_ARRIVAL_DATE, COL_ARRIVAL_NUMBER, COL_AUTHOR, COL_REFERENCE, COL_DOCUMENT_DATE, COL_SUBJECT, COL_RECEIVER,
  COL_PASSED_ON, COL_RECEIPT, COL_NOTES,
};
static const double incoming_shares[N_COLS] = { 0.07, 0.05, 0.12, 0.10, 0.07, 0.22, 0.11, 0.07, 0.07, 0.12 };

static const Column outgoing_columns[N_COLS] = {
  COL_REFERENCE, COL_DOCUMENT_DATE, COL_SUBJECT, COL_SIGNER, COL_RECIPIENTS, COL_FILE_COPY, COL_COPIES,
  COL_SENT_ON, COL_RECEIPT, COL_NOTES,
};
static const double outgoing_shares[N_COLS] = { 0.10, 0.07, 0.22, 0.10, 0.14, 0.09, 0.05, 0.07, 0.06, 0.10 };

struct _DnRegisterBook
{
  DnDocumentDirection direction;
  int                 year;
  GPtrArray          *lines;
  char               *office;
  const Column       *columns;
  const double       *shares;
  GArray             *starts;     /* guint: the first line of each page */
};

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COL_ARRIVAL_DATE: return _("Arrival date");
    case COL_ARRIVAL_NUMBER: return _("Arrival no.");
    case COL_AUTHOR: return _("Author");
    case COL_REFERENCE: return _("Number, symbol");
    case COL_DOCUMENT_DATE: return _("Document date");
    case COL_SUBJECT: return _("Type and subject");
    case COL_RECEIVER: return _("Receiving unit or person");
    case COL_PASSED_ON: return _("Passed on");
    case COL_RECEIPT: return _("Receipt");
    case COL_NOTES: return _("Notes");
    case COL_SIGNER: return _("Signer");
    case COL_RECIPIENTS: return _("Recipients");
    case COL_FILE_COPY: return _("File copy kept by");
    case COL_COPIES: return _("Copies");
    case COL_SENT_ON: return _("Sent on");
    default: return "";
    }
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

static char *
cell_text (DnRegisterBook *self,
           guint           i,
           Column          column)
{
  DnDocument *doc = self->lines->pdata[i];

  switch (column)
    {
    case COL_ARRIVAL_DATE: return date_text (&doc->arrival_date);
    case COL_ARRIVAL_NUMBER:
      return doc->arrival_number > 0 ? g_strdup_printf ("%d", doc->arrival_number) : g_strdup ("");
    case COL_AUTHOR: return g_strdup (doc->issuer);
    case COL_REFERENCE: return dn_document_dup_reference (doc);
    case COL_DOCUMENT_DATE: return date_text (&doc->issue_date);
    case COL_SUBJECT: return g_strdup_printf ("%s: %s", dn_document_type_get_label (doc->type), doc->subject);
    case COL_RECEIVER: return g_strdup (doc->receiver);
    case COL_PASSED_ON:
    case COL_SENT_ON:
      return date_text (&doc->passed_on);
    case COL_RECEIPT: return g_strdup ("");   /* signed by hand in the book */
    case COL_SIGNER: return g_strdup (doc->signer);
    case COL_RECIPIENTS: return g_strdup (doc->recipients);
    case COL_FILE_COPY: return g_strdup (doc->file_copy_holder);
    case COL_COPIES: return doc->copies > 0 ? g_strdup_printf ("%d", doc->copies) : g_strdup ("");
    case COL_NOTES:
      {
        GString *notes = g_string_new (NULL);

        /* the marks of urgency and secrecy first */
        if (doc->urgency != DN_URGENCY_NORMAL)
          g_string_append (notes, dn_urgency_get_label (doc->urgency));
        if (doc->classification != DN_CLASSIFICATION_NORMAL)
          g_string_append_printf (notes, "%s%s", notes->len > 0 ? ", " : "",
                                  dn_classification_get_label (doc->classification));
        if (doc->notes[0] != '\0')
          g_string_append_printf (notes, "%s%s", notes->len > 0 ? ". " : "", doc->notes);
        return g_string_free (notes, FALSE);
      }
    default:
      return g_strdup ("");
    }
}

DnRegisterBook *
dn_register_book_new (DnDocumentDirection  direction,
                      int                  year,
                      GPtrArray           *lines,
                      const char          *office)
{
  DnRegisterBook *self;

  g_return_val_if_fail (lines != NULL, NULL);
  self = g_new0 (DnRegisterBook, 1);
  self->direction = direction;
  self->year = year;
  self->lines = g_ptr_array_ref (lines);
  self->office = g_strdup (office != NULL ? office : "");
  self->columns = direction == DN_DIRECTION_INCOMING ? incoming_columns : outgoing_columns;
  self->shares = direction == DN_DIRECTION_INCOMING ? incoming_shares : outgoing_shares;
  self->starts = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
dn_register_book_free (DnRegisterBook *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->lines);
  g_array_unref (self->starts);
  g_free (self->office);
  g_free (self);
}

const char *
dn_register_book_get_title (DnRegisterBook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->direction == DN_DIRECTION_INCOMING ? _("Register of incoming documents")
                                                  : _("Register of outgoing documents");
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

static char *
row_cell (DnRegisterBook *self,
          int             line,
          int             c)
{
  return line < 0 ? g_strdup (column_title (self->columns[c])) : cell_text (self, (guint) line, self->columns[c]);
}

static double
row_height (DnRegisterBook *self,
            PangoLayout    *layout,
            double          table_width,
            int             line)   /* -1: the header row */
{
  double height = 0;

  for (int c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = row_cell (self, line, c);

      height = MAX (height, text_height (layout, text, table_width * self->shares[c] - 2 * PAD));
    }
  return height + 2 * PAD;
}

static double
title_block_height (DnRegisterBook *self,
                    cairo_t        *cr,
                    double          width)
{
  g_autoptr(PangoLayout) office = new_layout (cr, OFFICE_FONT);
  g_autoptr(PangoLayout) title = new_layout (cr, TITLE_FONT);
  g_autoptr(PangoLayout) year = new_layout (cr, YEAR_FONT);
  double height = text_height (title, "X", width) + 2 + text_height (year, "X", width) + 10;

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
dn_register_book_paginate (DnRegisterBook *self,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) head = NULL;
  double table_width = width - 2 * MARGIN;
  double room, used = 0;
  guint first = 0;

  g_return_val_if_fail (self != NULL, 0);
  body = new_layout (cr, BODY_FONT);
  head = new_layout (cr, HEAD_FONT);
  room = height - 2 * MARGIN - title_block_height (self, cr, table_width) - row_height (self, head, table_width, -1) -
         footer_height (cr, table_width);
  g_array_set_size (self->starts, 0);
  g_array_append_val (self->starts, first);
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

static double
draw_row (DnRegisterBook *self,
          cairo_t        *cr,
          PangoLayout    *layout,
          double          table_width,
          double          y,
          int             line)
{
  double h = row_height (self, layout, table_width, line);
  double x = MARGIN;

  for (int c = 0; c < N_COLS; c++)
    {
      double w = table_width * self->shares[c];
      g_autofree char *text = row_cell (self, line, c);
      Column column = self->columns[c];
      gboolean centred = line < 0 || column == COL_ARRIVAL_NUMBER || column == COL_COPIES ||
                         column == COL_ARRIVAL_DATE || column == COL_DOCUMENT_DATE || column == COL_PASSED_ON ||
                         column == COL_SENT_ON;

      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      pango_layout_set_width (layout, (int) ((w - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_alignment (layout, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      pango_layout_set_text (layout, text, -1);
      cairo_move_to (cr, x + PAD, y + PAD);
      pango_cairo_show_layout (cr, layout);
      x += w;
    }
  return h;
}

static double
show_centred (cairo_t     *cr,
              PangoLayout *layout,
              const char  *text,
              double       width,
              double       y)
{
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);
  return text_height (layout, text, width);
}

void
dn_register_book_draw_page (DnRegisterBook *self,
                            cairo_t        *cr,
                            double          width,
                            double          height,
                            guint           page)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) year = NULL;
  g_autoptr(PangoLayout) office = NULL;
  g_autoptr(PangoLayout) foot = NULL;
  g_autofree char *title_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *page_text = NULL;
  double table_width = width - 2 * MARGIN;
  double y = MARGIN;
  guint first, end;

  g_return_if_fail (self != NULL);
  if (self->starts->len == 0)
    dn_register_book_paginate (self, cr, width, height);
  g_return_if_fail (page < self->starts->len);
  first = g_array_index (self->starts, guint, page);
  end = page + 1 < self->starts->len ? g_array_index (self->starts, guint, page + 1) : self->lines->len;

  body = new_layout (cr, BODY_FONT);
  head = new_layout (cr, HEAD_FONT);
  title = new_layout (cr, TITLE_FONT);
  year = new_layout (cr, YEAR_FONT);
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
  title_text = g_utf8_strup (dn_register_book_get_title (self), -1);
  y += show_centred (cr, title, title_text, table_width, y) + 2;
  year_text = g_strdup_printf (_("Year %d"), self->year);
  y += show_centred (cr, year, year_text, table_width, y) + 10;

  y += draw_row (self, cr, head, table_width, y, -1);
  for (guint i = first; i < end; i++)
    y += draw_row (self, cr, body, table_width, y, (int) i);

  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->starts->len);
  show_centred (cr, foot, page_text, table_width, height - MARGIN - text_height (foot, page_text, table_width));
  cairo_restore (cr);
}

gboolean
dn_register_book_write_pdf (DnRegisterBook  *self,
                            const char      *path,
                            guint           *n_pages,
                            GError         **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, DN_REGISTER_BOOK_PAGE_WIDTH, DN_REGISTER_BOOK_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, dn_register_book_get_title (self));
  cr = cairo_create (surface);
  n = dn_register_book_paginate (self, cr, DN_REGISTER_BOOK_PAGE_WIDTH, DN_REGISTER_BOOK_PAGE_HEIGHT);
  for (guint page = 0; page < n; page++)
    {
      dn_register_book_draw_page (self, cr, DN_REGISTER_BOOK_PAGE_WIDTH, DN_REGISTER_BOOK_PAGE_HEIGHT, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *shown = dn_text_escape_for_display (path, -1);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), shown,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = n;
  return TRUE;
}
