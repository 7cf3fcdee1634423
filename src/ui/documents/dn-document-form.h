/* dn-document-form.h: records a new official document (number and symbol,
 * date, issuer, type, subject) in a small form, from where it is needed
 * (the task editor's source document)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Called with the new document's id once it is recorded. */
typedef void (*DnDocumentFormDone) (gint64   document_id,
                                    gpointer user_data);

/* A dialog over @parent; @done runs (and @user_data is released with
 * @destroy) when the document is recorded; Cancel records nothing. */
DnFormDialog *dn_document_form_new (GtkWindow          *parent,
                                    DnStore            *store,
                                    DnDocumentFormDone  done,
                                    gpointer            user_data,
                                    GDestroyNotify      destroy);

G_END_DECLS
