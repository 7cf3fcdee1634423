/* dn-register-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-register-book"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-print-book.h"
#include "dn-register-book.h"


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
  GPtrArray          *lines;
  const Column       *columns;
  DnPrintBook        *book;
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
  g_autofree char *year_text = NULL;
  DnPrintTable *table;

  g_return_val_if_fail (lines != NULL, NULL);
  self = g_new0 (DnRegisterBook, 1);
  self->direction = direction;
  self->lines = g_ptr_array_ref (lines);
  self->columns = direction == DN_DIRECTION_INCOMING ? incoming_columns : outgoing_columns;
  for (int c = 0; c < N_COLS; c++)
    titles[c] = column_title (self->columns[c]);
  table = dn_print_table_new (N_COLS, direction == DN_DIRECTION_INCOMING ? incoming_shares : outgoing_shares, titles,
                              DN_PRINT_BOOK_BODY_FONT, DN_PRINT_BOOK_HEAD_FONT);
  for (int c = 0; c < N_COLS; c++)
    if (is_centred (self->columns[c]))
      dn_print_table_set_centred (table, c);
  for (guint i = 0; i < lines->len; i++)
    {
      char *cells[N_COLS];

      for (int c = 0; c < N_COLS; c++)
        cells[c] = cell_text (self, i, self->columns[c]);
      dn_print_table_add_row (table, (const char * const *) cells);
      for (int c = 0; c < N_COLS; c++)
        g_free (cells[c]);
    }
  year_text = g_strdup_printf (_("Year %d"), year);
  self->book = dn_print_book_new (table, office, dn_register_book_get_title (self), year_text);
  return self;
}

void
dn_register_book_free (DnRegisterBook *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->lines);
  dn_print_book_free (self->book);
  g_free (self);
}

const char *
dn_register_book_get_title (DnRegisterBook *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->direction == DN_DIRECTION_INCOMING ? _("Register of incoming documents")
                                                  : _("Register of outgoing documents");
}

guint
dn_register_book_paginate (DnRegisterBook *self,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  g_return_val_if_fail (self != NULL, 0);

  return dn_print_book_paginate (self->book, cr, width, height);
}

void
dn_register_book_draw_page (DnRegisterBook *self,
                            cairo_t        *cr,
                            double          width,
                            double          height,
                            guint           page)
{
  g_return_if_fail (self != NULL);

  dn_print_book_draw_page (self->book, cr, width, height, page);
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
