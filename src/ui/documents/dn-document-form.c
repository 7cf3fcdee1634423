/* dn-document-form.c: the new-document form (see the header)
 *
 * The fields are those of the register (Nghị định 30/2020): number and
 * symbol as written on the document ("14/KH-SGDĐT"), its date, the issuing
 * body, its type and its subject (trích yếu). The store checks them; what
 * it refuses is shown in the form, which stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-date-entry.h"
#include "dn-document-form.h"
#include "dn-store-writer.h"
#include "dn-text.h"
#include "dn-window-context.h"
#include "dn-ui.h"

typedef struct
{
  DnStore            *store;
  DnDocumentFormDone  done;
  gpointer            user_data;
  GDestroyNotify      destroy;
  GtkWidget          *reference;
  GtkWidget          *date;
  GtkWidget          *issuer;
  GtkDropDown        *type;
  GtkWidget          *subject;
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  if (form->destroy != NULL)
    form->destroy (form->user_data);
  g_clear_object (&form->store);
  g_free (form);
}

static void
on_written (DnFormDialog *dialog,
            DnWrite      *write,
            gpointer      data)
{
  Form *form = data;

  form->done (write->made_id, form->user_data);
}

/* The document is written with the window's writer: the local database,
 * or the department server */
static gboolean
apply (DnFormDialog  *dialog,
       gpointer       data,
       GError       **error)
{
  Form *form = data;
  g_autoptr(DnDocument) document = dn_document_new ();
  g_autoptr(DnWrite) write = NULL;
  g_autoptr(DnWriter) writer = NULL;
  g_autofree char *reference = dn_ui_editable_dup_text (form->reference);
  char *slash = strchr (reference, '/');

  /* "14/KH-SGDĐT": the number before the first slash, the symbol after */
  g_free (document->number);
  g_free (document->symbol);
  document->number = g_strstrip (g_strndup (reference, slash != NULL ? (gsize) (slash - reference) : strlen (reference)));
  document->symbol = g_strstrip (g_strdup (slash != NULL ? slash + 1 : ""));
  g_free (document->issuer);
  document->issuer = dn_ui_editable_dup_text (form->issuer);
  g_free (document->subject);
  document->subject = dn_ui_editable_dup_text (form->subject);
  document->direction = DN_DIRECTION_INCOMING;
  document->type = gtk_drop_down_get_selected (form->type);
  if (document->subject[0] == '\0')
    {
      dn_form_dialog_show_error (dialog, _("Give the subject of the document (trích yếu)."), form->subject);
      return FALSE;
    }
  if (!dn_form_dialog_read_date (dialog, form->date, NULL, &document->issue_date))
    return FALSE;
  write = dn_write_new_save (document, -1);
  writer = dn_window_context_dup_writer_for (GTK_WIDGET (dialog), form->store);
  return dn_form_dialog_write (dialog, writer, write, on_written, form, error);
}

DnFormDialog *
dn_document_form_new (GtkWindow          *parent,
                      DnStore            *store,
                      DnDocumentFormDone  done,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  DnFormDialog *dialog = dn_form_dialog_new (_("New Document"), _("_Add"));
  Form *form = g_new0 (Form, 1);
  GtkWidget *type;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (done != NULL, NULL);

  form->store = g_object_ref (store);
  form->done = done;
  form->user_data = user_data;
  form->destroy = destroy;
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  dn_form_dialog_set_intro (dialog,
                            _("The document is added to the incoming register; its file can be attached later."));
  /* Translators: an example of a document's number and symbol */
  form->reference = dn_form_dialog_add_entry (dialog, _("_Number and symbol"), _("Number and symbol"),
                                              "document_reference", NULL, _("e.g. 14/KH-SGDĐT"));
  form->date = dn_form_dialog_add_date (dialog, _("_Date"), _("Date of the document"), "document_date", NULL);
  form->issuer = dn_form_dialog_add_entry (dialog, _("_Issued by"), _("Issued by"), "document_issuer", NULL,
                                           _("e.g. UBND tỉnh Lào Cai"));
  type = gtk_drop_down_new (NULL, NULL);
  dn_ui_drop_down_set_enum (GTK_DROP_DOWN (type), DN_DOCUMENT_TYPE_N, G_CALLBACK (dn_document_type_get_label));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), DN_DOCUMENT_TYPE_PLAN);
  gtk_widget_set_halign (type, GTK_ALIGN_START);
  dn_form_dialog_add_named (dialog, _("_Type"), _("Type of document"), "document_type", type);
  form->type = GTK_DROP_DOWN (type);
  form->subject = dn_form_dialog_add_entry (dialog, _("_Subject"), _("Subject"), "document_subject", NULL,
                                            _("What the document is about (trích yếu)"));
  dn_form_dialog_set_apply_func (dialog, apply, form, form_free);
  return dialog;
}
