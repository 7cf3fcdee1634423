/* dn-document-slip.c: the document-handling slip of an incoming document
 *
 * Page 1: the agency and the national motto, the title, the document
 * (arrival number and date, type, number and symbol, date, issuer,
 * subject); then "I." the leadership's instructions as a table, one line a
 * task (what, lead unit, supporting units, deadline), with the date line
 * and a place to sign; "II." and "III." lines to write on by hand. The
 * table runs over as many pages as it needs; the closing parts stand after
 * it on the last page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-document-slip.h"
#include "dn-official-document.h"
#include "dn-print-table.h"
#include "dn-report-font.h"
#include "dn-store.h"
#include "dn-task.h"

/* Nghị định 30/2020, Phụ lục I: left 30–35 mm, right 15–20 mm, top and
 * bottom 20–25 mm */
#define LEFT   (30 / 25.4 * 72)
#define RIGHT  (15 / 25.4 * 72)
#define TOP    (20 / 25.4 * 72)
#define BOTTOM (20 / 25.4 * 72)

#define BODY_FONT   "Times New Roman, Serif 12"
#define BOLD_FONT   "Times New Roman, Serif Bold 12"
#define TITLE_FONT  "Times New Roman, Serif Bold 14"
#define CELL_FONT   "Times New Roman, Serif 11"
#define HEAD_FONT   "Times New Roman, Serif Bold 11"
#define ITALIC_FONT "Times New Roman, Serif Italic 12"

/* blank lines left for the handwritten parts */
#define HANDWRITTEN_LINES 3

enum
{
  COL_NO, COL_TASK, COL_LEAD, COL_SUPPORT, COL_DUE, N_COLS
};

static const double shares[N_COLS] = { 0.07, 0.40, 0.18, 0.20, 0.15 };

struct _DnDocumentSlip
{
  DnDocument   *document;
  GPtrArray    *tasks;
  char         *office;
  DnPrintTable *table;
  guint         n_pages;
};

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

DnDocumentSlip *
dn_document_slip_new (DnDocument *document,
                      GPtrArray  *tasks,
                      const char *office)
{
  DnDocumentSlip *self;
  const char *titles[N_COLS] = { _("No."), _("Task"), _("Lead"), _("Support"), _("Deadline") };

  g_return_val_if_fail (DN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (tasks != NULL, NULL);

  self = g_new0 (DnDocumentSlip, 1);
  self->document = g_object_ref (document);
  self->tasks = g_ptr_array_ref (tasks);
  self->office = g_strdup (office != NULL ? office : "");
  self->table = dn_print_table_new (N_COLS, shares, titles, CELL_FONT, HEAD_FONT);
  dn_print_table_set_centred (self->table, COL_NO);
  dn_print_table_set_centred (self->table, COL_DUE);
  for (guint i = 0; i < tasks->len; i++)
    {
      DnTask *task = tasks->pdata[i];
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *what = task->section[0] != '\0' ? g_strdup_printf ("%s. %s", task->section, task->title)
                                                       : g_strdup (task->title);
      g_autofree char *due = date_text (&task->due_date);
      const char *cells[N_COLS] = { no, what, task->lead_unit_name, task->support_unit_names, due };

      dn_print_table_add_row (self->table, cells);
    }
  /* none yet: empty lines for the leader to write in */
  for (guint i = tasks->len; i < 3; i++)
    {
      const char *cells[N_COLS] = { "", "\n", "", "", "" };

      dn_print_table_add_row (self->table, cells);
    }
  return self;
}

void
dn_document_slip_free (DnDocumentSlip *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->document);
  g_ptr_array_unref (self->tasks);
  g_free (self->office);
  dn_print_table_free (self->table);
  g_free (self);
}

/*
 * The parts of the page
 */

typedef struct
{
  cairo_t     *cr;
  double       x, width;
  double       y;
  gboolean     draw;   /* FALSE: only measure */
} Pen;

/* Writes @text in @font across the pen's width, moving it down */
static void
pen_write (Pen            *pen,
           const char     *font,
           const char     *text,
           PangoAlignment  alignment,
           double          space_after)
{
  g_autoptr(PangoLayout) layout = dn_print_layout_new (pen->cr, font);

  if (pen->draw)
    pen->y += dn_print_show_text (pen->cr, layout, text, pen->x, pen->y, pen->width, alignment);
  else
    pen->y += dn_print_text_height (layout, text, pen->width);
  pen->y += space_after;
}

/* The agency on the left, the national name and motto on the right (as
 * on an official document); the title */
static void
write_heading (DnDocumentSlip *self,
               Pen            *pen)
{
  g_autofree char *office = g_utf8_strup (self->office, -1);
  g_autofree char *title = g_utf8_strup (_("Incoming document handling slip"), -1);
  g_auto(GStrv) nation = g_strsplit (_("SOCIALIST REPUBLIC OF VIET NAM\nIndependence - Freedom - Happiness"), "\n", 2);
  DnOfficialHeading heading = {
    .issuing_body = office,
    .national_name = nation[0],
    .motto = nation[0] != NULL ? nation[1] : NULL,
    .left_share = 0.38,
  };

  pen->y += dn_official_heading_draw (pen->cr, dn_report_font_get_family (), &heading, pen->x, pen->y, pen->width,
                                      pen->draw);
  pen->y += 24;
  pen_write (pen, TITLE_FONT, title, PANGO_ALIGN_CENTER, 14);
}

static void
write_document (DnDocumentSlip *self,
                Pen            *pen)
{
  DnDocument *doc = self->document;
  g_autofree char *arrival_date = date_text (&doc->arrival_date);
  g_autofree char *arrival_number = doc->arrival_number > 0 ? g_strdup_printf ("%d", doc->arrival_number)
                                                            : g_strdup ("");
  g_autofree char *reference = dn_document_dup_reference (doc);
  g_autofree char *issued = date_text (&doc->issue_date);
  g_autofree char *arrival = g_strdup_printf (_("Arrival number: %s        Arrival date: %s"), arrival_number,
                                              arrival_date);
  /* TRANSLATORS: "Quyết định số 14/QĐ-SGDĐT ngày 05/01/2020 của Sở Giáo
   * dục và Đào tạo": the document's type, number and symbol, date, issuer */
  g_autofree char *what = g_strdup_printf (_("Document: %s No. %s of %s, by %s"),
                                           dn_document_type_get_label (doc->type), reference, issued, doc->issuer);
  g_autofree char *subject = g_strdup_printf (_("Subject: %s"), doc->subject);

  pen_write (pen, BODY_FONT, arrival, PANGO_ALIGN_LEFT, 4);
  pen_write (pen, BODY_FONT, what, PANGO_ALIGN_LEFT, 4);
  pen_write (pen, BODY_FONT, subject, PANGO_ALIGN_LEFT, 12);
  pen_write (pen, BOLD_FONT, _("I. INSTRUCTIONS OF THE LEADERSHIP"), PANGO_ALIGN_LEFT, 6);
}

/* The date line and the signature of the leader, then the parts written
 * by hand */
static void
write_closing (Pen *pen)
{
  /* TRANSLATORS: the date line of a form, left blank to be filled by hand
   * (Vietnamese: "…………, ngày … tháng … năm …") */
  const char *date_line = _("…………, date …………");
  g_autoptr(GString) dots = g_string_new (NULL);
  double x = pen->x, width = pen->width;

  for (int i = 0; i < HANDWRITTEN_LINES; i++)
    g_string_append (dots, "……………………………………………………………………………………………………\n");
  g_string_truncate (dots, dots->len - 1);
  pen->y += 10;
  /* the right half: date and signature */
  pen->x = x + width / 2;
  pen->width = width / 2;
  pen_write (pen, ITALIC_FONT, date_line, PANGO_ALIGN_CENTER, 2);
  pen_write (pen, BOLD_FONT, _("LEADER"), PANGO_ALIGN_CENTER, 2);
  pen_write (pen, ITALIC_FONT, _("(Signature, full name)"), PANGO_ALIGN_CENTER, 48);
  pen->x = x;
  pen->width = width;
  pen_write (pen, BOLD_FONT, _("II. OPINION OF THE HEAD OF THE UNIT"), PANGO_ALIGN_LEFT, 4);
  pen_write (pen, BODY_FONT, dots->str, PANGO_ALIGN_LEFT, 12);
  pen_write (pen, BOLD_FONT, _("III. PROPOSAL OF THE PERSON HANDLING IT"), PANGO_ALIGN_LEFT, 4);
  pen_write (pen, BODY_FONT, dots->str, PANGO_ALIGN_LEFT, 0);
}

static double
part_height (DnDocumentSlip *self,
             cairo_t        *cr,
             double          width,
             void          (*part) (DnDocumentSlip *, Pen *))
{
  Pen pen = { cr, LEFT, width, 0, FALSE };

  part (self, &pen);
  return pen.y;
}

static void
write_top (DnDocumentSlip *self,
           Pen            *pen)
{
  write_heading (self, pen);
  write_document (self, pen);
}

static void
write_bottom (DnDocumentSlip *self,
              Pen            *pen)
{
  write_closing (pen);
}

guint
dn_document_slip_paginate (DnDocumentSlip *self,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  double inner_w = width - LEFT - RIGHT;
  double inner_h = height - TOP - BOTTOM;
  double top, bottom;

  g_return_val_if_fail (self != NULL, 0);
  top = part_height (self, cr, inner_w, write_top);
  bottom = part_height (self, cr, inner_w, write_bottom);
  /* the closing parts' room is kept on every page: a slip's tasks rarely
   * fill one */
  self->n_pages = dn_print_table_paginate (self->table, cr, inner_w, inner_h - top - bottom, inner_h - bottom);
  return self->n_pages;
}

void
dn_document_slip_draw_page (DnDocumentSlip *self,
                            cairo_t        *cr,
                            double          width,
                            double          height,
                            guint           page)
{
  Pen pen = { cr, LEFT, width - LEFT - RIGHT, TOP, TRUE };
  guint n_pages;

  g_return_if_fail (self != NULL);
  n_pages = self->n_pages > 0 ? self->n_pages : dn_document_slip_paginate (self, cr, width, height);
  g_return_if_fail (page < n_pages);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    write_top (self, &pen);
  pen.y += dn_print_table_draw_page (self->table, cr, pen.x, pen.y, pen.width, page);
  if (page + 1 == n_pages)
    write_bottom (self, &pen);
  cairo_restore (cr);
}

gboolean
dn_document_slip_write_pdf (DnDocumentSlip  *self,
                            const char      *path,
                            GError         **error)
{
  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  return dn_print_write_pdf (path, DN_PRINT_A4_SHORT, DN_PRINT_A4_LONG, _("Incoming document handling slip"),
                             (DnPrintPaginateFunc) dn_document_slip_paginate,
                             (DnPrintDrawPageFunc) dn_document_slip_draw_page, self, NULL, error);
}
