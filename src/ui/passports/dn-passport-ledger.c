/* dn-passport-ledger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-passport-ledger.h"
#include "dn-print-book.h"
#include "dn-print-pages.h"
#include "dn-store.h"

enum
{
  COL_NO, COL_NUMBER, COL_HOLDER, COL_DELEGATION, COL_HANDED_OUT, COL_HANDED_BY, COL_HANDED_TO, COL_RECEIPT,
  COL_DUE, COL_RETURNED, COL_RETURNED_BY, COL_RECEIVED_BY, COL_NOTES, N_COLS
};

/* each column's share of the table's width */
static const double shares[N_COLS] = {
  0.035, 0.08, 0.09, 0.11, 0.075, 0.07, 0.07, 0.06, 0.075, 0.075, 0.07, 0.07, 0.12,
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
cell_text (GPtrArray *lines,
           guint      i,
           int        column)
{
  DnPassportLoan *line = lines->pdata[i];

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

DnPrintBook *
dn_passport_ledger_new (GPtrArray  *lines,
                        const char *office)
{
  const char *titles[N_COLS];
  DnPrintTable *table;

  g_return_val_if_fail (lines != NULL, NULL);

  for (int c = 0; c < N_COLS; c++)
    titles[c] = column_title (c);
  table = dn_print_table_new (N_COLS, shares, titles, DN_PRINT_BOOK_BODY_FONT, DN_PRINT_BOOK_HEAD_FONT);
  dn_print_table_set_centred (table, COL_NO);
  dn_print_table_set_centred (table, COL_RECEIPT);
  for (guint i = 0; i < lines->len; i++)
    {
      char *cells[N_COLS];

      for (int c = 0; c < N_COLS; c++)
        cells[c] = cell_text (lines, i, c);
      dn_print_table_add_row (table, (const char * const *) cells);
      for (int c = 0; c < N_COLS; c++)
        g_free (cells[c]);
    }
  return dn_print_book_new (table, office, _("Passport custody ledger"), NULL);
}

gboolean
dn_passport_ledger_print (DnPrintBook  *ledger,
                          GtkWindow    *parent,
                          GError      **error)
{
  g_return_val_if_fail (ledger != NULL, FALSE);

  return dn_print_pages (parent, _("Passport custody ledger"), GTK_PAGE_ORIENTATION_LANDSCAPE,
                         (DnPrintPaginateFunc) dn_print_book_paginate, (DnPrintDrawPageFunc) dn_print_book_draw_page,
                         ledger, NULL, error);
}
