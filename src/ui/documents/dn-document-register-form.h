/* dn-document-register-form.h: a document of the registers (Nghị định
 * 30/2020), new or changed, with every column of its register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Called with the document's id once it is saved. */
typedef void (*DnDocumentRegisterDone) (gint64   document_id,
                                        gpointer user_data);

/* A form over @parent for the document @document_id (0: a new one, in the
 * register of @direction, dated @today). The store numbers it (an empty
 * number: the next of the year) and checks it; a duplicate number, symbol
 * and issuer is a warning: the save button becomes "Save Anyway". NULL
 * with @error when the document cannot be read. */
DnFormDialog *dn_document_register_form_new (GtkWindow              *parent,
                                             DnStore                *store,
                                             gint64                  document_id,
                                             DnDocumentDirection     direction,
                                             const GDate            *today,
                                             DnDocumentRegisterDone  done,
                                             gpointer                user_data,
                                             GError                **error);

G_END_DECLS
