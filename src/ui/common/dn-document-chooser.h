/* dn-document-chooser.h: a button showing the chosen document(s); it opens
 * the documents, newest first, with a search field (dn_text_match on the
 * reference "14/KH-SGDĐT" and the subject)
 *
 * A DnChooser of documents (see dn-chooser.h for the options).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-chooser.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DOCUMENT_CHOOSER (dn_document_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DnDocumentChooser, dn_document_chooser, DN, DOCUMENT_CHOOSER, DnChooser)

GtkWidget *dn_document_chooser_new (DnStore *store);
/* "14/KH-SGDĐT (15/03/2024) — Kế hoạch …" (without a date, without its
 * brackets), or the subject alone without a reference nor date. */
char      *dn_document_chooser_dup_label (DnDocument *document);

G_END_DECLS
