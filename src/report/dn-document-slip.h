/* dn-document-slip.h: the document-handling slip (phiếu giải quyết văn
 * bản đến, Nghị định 30/2020 Phụ lục IV) of an incoming document, with the
 * tasks taken from it: who leads, who supports, by when
 *
 * Drawn with cairo and Pango alone (src/report: no widget), on A4 portrait
 * with the margins of Nghị định 30; the window prints it through a
 * GtkPrintOperation over the same drawing, the command line writes a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dn-document.h"

G_BEGIN_DECLS

typedef struct _DnDocumentSlip DnDocumentSlip;

/* The slip of @document and the tasks taken from it (DnTask, as read:
 * lead and supporting units' names filled; a reference is kept); @office,
 * the agency printed at the top left (NULL: none). */
DnDocumentSlip *dn_document_slip_new        (DnDocument     *document,
                                             GPtrArray      *tasks,
                                             const char     *office);
void            dn_document_slip_free       (DnDocumentSlip *self);
/* Lays the slip out on pages of @width × @height points as drawn on @cr;
 * the number of pages (at least 1). */
guint           dn_document_slip_paginate   (DnDocumentSlip *self,
                                             cairo_t        *cr,
                                             double          width,
                                             double          height);
/* Draws page @page (from 0) on @cr. */
void            dn_document_slip_draw_page  (DnDocumentSlip *self,
                                             cairo_t        *cr,
                                             double          width,
                                             double          height,
                                             guint           page);
/* Writes the slip as a PDF file at @path (A4; a temporary file renamed
 * once whole). */
gboolean        dn_document_slip_write_pdf  (DnDocumentSlip *self,
                                             const char     *path,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnDocumentSlip, dn_document_slip_free)

G_END_DECLS
