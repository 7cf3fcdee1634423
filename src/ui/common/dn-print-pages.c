/* dn-print-pages.c: printing pages that a report draws itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include "dn-print-pages.h"

typedef struct
{
  DnPrintPaginateFunc paginate;
  DnPrintDrawPageFunc draw_page;
  gpointer            data;
} Pages;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Pages             *pages)
{
  guint n = pages->paginate (pages->data, gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Pages             *pages)
{
  pages->draw_page (pages->data, gtk_print_context_get_cairo_context (context),
                    gtk_print_context_get_width (context), gtk_print_context_get_height (context), (guint) page);
}

gboolean
dn_print_pages (GtkWindow            *parent,
                const char           *job_name,
                GtkPageOrientation    orientation,
                DnPrintPaginateFunc   paginate,
                DnPrintDrawPageFunc   draw_page,
                gpointer              data,
                const char           *export_path,
                GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Pages pages = { paginate, draw_page, data };

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* the pages are drawn to the paper's edges, their margins their own */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &pages);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &pages);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  return gtk_print_operation_run (operation, export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                                 : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
