/* dn-register-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-register-book"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-print-table.h"
#include "dn-register-book.h"

#define MARGIN      28.0   /* about 1 cm */
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
  DnPrintTable       *table;
  guint               n_pages;    /* of the last pagination; 0 before */
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

/* Numbers and dates stand in the middle of their cells */
static gboolean
is_centred (Column column)
{
  return column == COL_ARRIVAL_NUMBER || column == COL_COPIES || column == COL_ARRIVAL_DATE ||
         column == COL_DOCUMENT_DATE || column == COL_PASSED_ON || column == COL_SENT_ON;
}

DnRegisterBook *
dn_register_book_new (DnDocumentDirection  direction,
                      int                  year,
                      GPtrArray           *lines,
                      const char          *office)
{
  DnRegisterBook *self;
  const char *titles[N_COLS];

  g_return_val_if_fail (lines != NULL, NULL);
  self = g_new0 (DnRegisterBook, 1);
  self->direction = direction;
  self->year = year;
  self->lines = g_ptr_array_ref (lines);
  self->office = g_strdup (office != NULL ? office : "");
  self->columns = direction == DN_DIRECTION_INCOMING ? incoming_columns : outgoing_columns;
  for (int c = 0; c < N_COLS; c++)
    titles[c] = column_title (self->columns[c]);
  self->table = dn_print_table_new (N_COLS, direction == DN_DIRECTION_INCOMING ? incoming_shares : outgoing_shares,
                                    titles, BODY_FONT, HEAD_FONT);
  for (int c = 0; c < N_COLS; c++)
    if (is_centred (self->columns[c]))
      dn_print_table_set_centred (self->table, c);
  for (guint i = 0; i < lines->len; i++)
    {
      char *cells[N_COLS];

      for (int c = 0; c < N_COLS; c++)
        cells[c] = cell_text (self, i, self->columns[c]);
      dn_print_table_add_row (self->table, (const char * const *) cells);
      for (int c = 0; c < N_COLS; c++)
        g_free (cells[c]);
    }
  return self;
}

void
dn_register_book_free (DnRegisterBook *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->lines);
  dn_print_table_free (self->table);
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

static double
title_block_height (DnRegisterBook *self,
                    cairo_t        *cr,
                    double          width)
{
  g_autoptr(PangoLayout) office = dn_print_layout_new (cr, OFFICE_FONT);
  g_autoptr(PangoLayout) title = dn_print_layout_new (cr, TITLE_FONT);
  g_autoptr(PangoLayout) year = dn_print_layout_new (cr, YEAR_FONT);
  double height = dn_print_text_height (title, "X", width) + 2 + dn_print_text_height (year, "X", width) + 10;

  if (self->office[0] != '\0')
    height += dn_print_text_height (office, self->office, width) + 4;
  return height;
}

static double
footer_height (cairo_t *cr,
               double   width)
{
  g_autoptr(PangoLayout) foot = dn_print_layout_new (cr, FOOT_FONT);

  return dn_print_text_height (foot, "1", width) + 6;
}

guint
dn_register_book_paginate (DnRegisterBook *self,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  double table_width = width - 2 * MARGIN;
  double room;

  g_return_val_if_fail (self != NULL, 0);
  room = height - 2 * MARGIN - title_block_height (self, cr, table_width) - footer_height (cr, table_width);
  self->n_pages = dn_print_table_paginate (self->table, cr, table_width, room, room);
  return self->n_pages;
}

void
dn_register_book_draw_page (DnRegisterBook *self,
                            cairo_t        *cr,
                            double          width,
                            double          height,
                            guint           page)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) year = NULL;
  g_autoptr(PangoLayout) office = NULL;
  g_autoptr(PangoLayout) foot = NULL;
  g_autofree char *title_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *page_text = NULL;
  double table_width = width - 2 * MARGIN;
  double y = MARGIN;
  guint n_pages;

  g_return_if_fail (self != NULL);
  n_pages = self->n_pages > 0 ? self->n_pages : dn_register_book_paginate (self, cr, width, height);
  g_return_if_fail (page < n_pages);
  title = dn_print_layout_new (cr, TITLE_FONT);
  year = dn_print_layout_new (cr, YEAR_FONT);
  office = dn_print_layout_new (cr, OFFICE_FONT);
  foot = dn_print_layout_new (cr, FOOT_FONT);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (self->office[0] != '\0')
    y += dn_print_show_text (cr, office, self->office, MARGIN, y, table_width, PANGO_ALIGN_LEFT) + 4;
  title_text = g_utf8_strup (dn_register_book_get_title (self), -1);
  y += dn_print_show_text (cr, title, title_text, MARGIN, y, table_width, PANGO_ALIGN_CENTER) + 2;
  year_text = g_strdup_printf (_("Year %d"), self->year);
  y += dn_print_show_text (cr, year, year_text, MARGIN, y, table_width, PANGO_ALIGN_CENTER) + 10;
  dn_print_table_draw_page (self->table, cr, MARGIN, y, table_width, page);

  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  dn_print_show_text (cr, foot, page_text, MARGIN, height - MARGIN - dn_print_text_height (foot, page_text, table_width),
                      table_width, PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

gboolean
dn_register_book_write_pdf (DnRegisterBook  *self,
                            const char      *path,
                            guint           *n_pages,
                            GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return dn_print_write_pdf (path, DN_REGISTER_BOOK_PAGE_WIDTH, DN_REGISTER_BOOK_PAGE_HEIGHT,
                             dn_register_book_get_title (self), (DnPrintPaginateFunc) dn_register_book_paginate,
                             (DnPrintDrawPageFunc) dn_register_book_draw_page, self, n_pages, error);
}
