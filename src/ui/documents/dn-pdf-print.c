/* dn-pdf-print.c: printing a PDF, page by page as the renderer draws it
 *
 * GtkPrintOperation asks for each page on the main loop; the page is
 * recorded by the renderer's worker (a cairo recording surface, vector),
 * so "draw-page" defers the drawing and finishes it when the recording
 * comes back, and the window stays responsive for a long file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-print"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-pdf-print.h"

typedef struct
{
  DnPdfRenderer *renderer;
  DnPdfDocument *document;
  GCancellable  *cancellable;
} Printing;

static void
printing_free (gpointer data)
{
  Printing *printing = data;

  g_cancellable_cancel (printing->cancellable);
  g_object_unref (printing->cancellable);
  g_object_unref (printing->renderer);
  dn_pdf_document_unref (printing->document);
  g_free (printing);
}

static Printing *
printing_of (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "dn-pdf-printing");
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, dn_pdf_document_get_n_pages (printing_of (operation)->document));
}

static void
on_request_page_setup_cb (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          int                page,
                          GtkPageSetup      *setup)
{
  double width, height;

  dn_pdf_document_get_page_size (printing_of (operation)->document, page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

typedef struct
{
  GtkPrintOperation *operation;
  GtkPrintContext   *context;
  int                page;
} Drawing;

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Drawing *drawing = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *recording = dn_pdf_renderer_record_finish (NULL, result, &error);

  if (recording != NULL)
    {
      cairo_t *cr = gtk_print_context_get_cairo_context (drawing->context);
      double paper_width = gtk_print_context_get_width (drawing->context);
      double paper_height = gtk_print_context_get_height (drawing->context);
      double width, height, scale;

      dn_pdf_document_get_page_size (printing_of (drawing->operation)->document, drawing->page, &width, &height);
      scale = MIN (paper_width / width, paper_height / height);
      cairo_save (cr);
      cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (recording);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* a damaged page prints blank; the others still print */
    g_warning ("%s", error->message);
  gtk_print_operation_draw_page_finish (drawing->operation);
  g_object_unref (drawing->operation);
  g_object_unref (drawing->context);
  g_free (drawing);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page)
{
  Printing *printing = printing_of (operation);
  Drawing *drawing = g_new0 (Drawing, 1);

  drawing->operation = g_object_ref (operation);
  drawing->context = g_object_ref (context);
  drawing->page = page;
  gtk_print_operation_set_defer_drawing (operation);
  dn_pdf_renderer_record_async (printing->renderer, printing->document, page, DN_PDF_PRIORITY_VISIBLE,
                                printing->cancellable, on_recorded_cb, drawing);
}

GtkPrintOperation *
dn_pdf_print_operation_new (DnPdfRenderer *renderer,
                            DnPdfDocument *document)
{
  GtkPrintOperation *operation;
  Printing *printing;
  const char *title;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (renderer), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  operation = gtk_print_operation_new ();
  printing = g_new0 (Printing, 1);
  printing->renderer = g_object_ref (renderer);
  printing->document = dn_pdf_document_ref (document);
  printing->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (operation), "dn-pdf-printing", printing, printing_free);
  title = dn_pdf_document_get_title (document);
  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0' ? title
                                                                               : dn_pdf_document_get_name (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), NULL);
  return operation;
}
