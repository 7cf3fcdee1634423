/* dn-documents-page.h: the Văn bản section, the registers of incoming and
 * outgoing documents (Nghị định 30/2020)
 *
 * A DnListPage of documents (DnDocumentListModel, filtered by a
 * DnDocumentFilter): number and symbol, date, arrival number and date (not
 * shown for the outgoing register), issuer, type, subject, urgency and
 * secrecy marks. Filters: search text (the search index: accents ignored),
 * register (direction), type, year, issuer, urgency; the presets
 * "incoming" and "outgoing" (win.show-list "documents:incoming").
 *
 * Secret documents (mật and above) are listed only when the settings key
 * "show-secret-documents" of this desktop is set: a choice of the computer
 * the officer in charge of them uses, not a rule of the shared data.
 *
 * Actions: document.new, document.edit, document.delete, document.open
 * (DnDocumentDetails), document.print-register (the book of the register
 * and year of the filters: the outgoing one when no register is chosen,
 * this year when no year is).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-document-filter.h"
#include "dn-list-page.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DOCUMENTS_PAGE (dn_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (DnDocumentsPage, dn_documents_page, DN, DOCUMENTS_PAGE, DnListPage)

typedef enum
{
  DN_DOCUMENT_COLUMN_REFERENCE,
  DN_DOCUMENT_COLUMN_DATE,
  DN_DOCUMENT_COLUMN_ARRIVAL,
  DN_DOCUMENT_COLUMN_ISSUER,
  DN_DOCUMENT_COLUMN_TYPE,
  DN_DOCUMENT_COLUMN_SUBJECT,
  DN_DOCUMENT_COLUMN_MARKS,
  DN_DOCUMENT_COLUMN_N
} DnDocumentColumn;

void     dn_documents_page_set_store      (DnDocumentsPage *self,
                                           DnStore         *store);
/* Print to this PDF file instead of through the print dialog (NULL: the
 * dialog): an export of the register's book. */
void     dn_documents_page_set_print_file (DnDocumentsPage *self,
                                           const char      *path);

G_END_DECLS
