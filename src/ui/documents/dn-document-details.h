/* dn-document-details.h: an official document with the tasks taken from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-details-window.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DOCUMENT_DETAILS (dn_document_details_get_type ())
G_DECLARE_FINAL_TYPE (DnDocumentDetails, dn_document_details, DN, DOCUMENT_DETAILS, DnDetailsWindow)

/* Shows the document's fields (number and symbol, type, date, issuer,
 * subject, signer, recipients…) and the tasks taken from it, each with its
 * deadline and status; a task opens its details (action
 * "document.open-task", the task id, "x"). Read again when the store
 * changes; a document that no longer exists says so. */
DnDocumentDetails *dn_document_details_new          (DnStore           *store,
                                                     gint64             document_id);
gint64             dn_document_details_get_document (DnDocumentDetails *self);
/* The tasks listed (DnTask), in the order shown. */
GListModel        *dn_document_details_get_tasks    (DnDocumentDetails *self);

/* Prints the handling slip of the (incoming) document with the tasks taken
 * from it (action document.print-slip); with @export_path, writes it as a
 * PDF there instead of showing the print dialog. */
gboolean           dn_document_details_print_slip (DnDocumentDetails  *self,
                                                   const char         *export_path,
                                                   GError            **error);

/* The details of document @document_id over @parent: the window already
 * open comes to the front, else a new one. */
DnDocumentDetails *dn_document_details_show       (GtkWindow          *parent,
                                                   DnStore            *store,
                                                   gint64              document_id);
/* Opens document @document_id to be read: its own file (the first PDF
 * attached) in the viewer; without one, its details (where a file is
 * attached). The window shown. */
GtkWindow         *dn_document_details_read       (GtkWindow          *parent,
                                                   DnStore            *store,
                                                   gint64              document_id);

G_END_DECLS
