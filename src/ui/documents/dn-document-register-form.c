/* dn-document-register-form.c: a document of the registers (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document-register-form"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-document-register-form.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-ui.h"
#include "dn-window-context.h"

typedef struct
{
  DnStore                *store;
  DnDocument             *document;
  DnDocumentRegisterDone  done;
  gpointer                user_data;
  gboolean                warned;
  gint64                  revision;  /* of the document edited, as read */
  GtkDropDown            *direction;
  GtkDropDown            *type;
  GtkWidget              *number;
  GtkWidget              *symbol;
  GtkWidget              *date;
  GtkWidget              *issuer;
  GtkWidget              *subject;
  GtkWidget              *signer;
  GtkWidget              *recipients;
  GtkWidget              *arrival_date;
  GtkWidget              *arrival_number;
  GtkWidget              *receiver;
  GtkWidget              *file_copy;
  GtkWidget              *copies;
  GtkWidget              *passed_on;
  GtkDropDown            *urgency;
  GtkDropDown            *secrecy;
  GtkWidget              *notes;
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_clear_object (&form->store);
  g_clear_object (&form->document);
  g_free (form);
}

static void
read_entry (char      **field,
            GtkWidget  *entry)
{
  g_free (*field);
  *field = dn_ui_editable_dup_text (entry);
}

/* A whole number typed in @entry (empty: 0); FALSE (shown) otherwise. */
static gboolean
read_number (DnFormDialog *dialog,
             GtkWidget    *entry,
             int          *out)
{
  g_autofree char *text = dn_ui_editable_dup_text (entry);
  gint64 value;

  if (text[0] == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &value, NULL))
    {
      dn_form_dialog_show_error (dialog, _("Write a whole number of 1 or more, or leave it empty."), entry);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

/* A duplicate in the register: shown, and the next save registers it
 * anyway. TRUE when @error was that warning. */
static gboolean
warn (DnFormDialog *dialog,
      Form         *form,
      const GError *error)
{
  g_autofree char *message = NULL;

  if (!g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    return FALSE;
  message = g_strdup_printf ("%s %s", error->message, _("Save again to register it anyway."));
  form->warned = TRUE;
  dn_form_dialog_set_save_label (dialog, _("Save _Anyway"));
  dn_form_dialog_show_error (dialog, message, form->number);
  return TRUE;
}

/* The department server's warning, after the form said it was saving */
static gboolean
on_refused_cb (DnFormDialog *dialog,
               const GError *error,
               gpointer      data)
{
  return warn (dialog, data, error);
}

static void
on_written_cb (DnFormDialog *dialog,
               DnWrite      *write,
               gpointer      data)
{
  Form *form = data;

  if (form->done != NULL)
    form->done (DN_DOCUMENT (write->record)->id, form->user_data);
}

static gboolean
apply (DnFormDialog  *dialog,
       gpointer       data,
       GError       **error)
{
  Form *form = data;
  DnDocument *doc = form->document;
  g_autoptr(DnWriter) writer = NULL;
  g_autoptr(DnWrite) write = NULL;
  g_autoptr(GError) local_error = NULL;

  doc->direction = gtk_drop_down_get_selected (form->direction);
  doc->type = gtk_drop_down_get_selected (form->type);
  doc->urgency = gtk_drop_down_get_selected (form->urgency);
  doc->classification = gtk_drop_down_get_selected (form->secrecy);
  read_entry (&doc->number, form->number);
  read_entry (&doc->symbol, form->symbol);
  read_entry (&doc->issuer, form->issuer);
  read_entry (&doc->subject, form->subject);
  read_entry (&doc->signer, form->signer);
  read_entry (&doc->recipients, form->recipients);
  read_entry (&doc->receiver, form->receiver);
  read_entry (&doc->file_copy_holder, form->file_copy);
  read_entry (&doc->notes, form->notes);
  if (doc->subject[0] == '\0')
    {
      dn_form_dialog_show_error (dialog, _("Give the subject of the document (trích yếu)."), form->subject);
      return FALSE;
    }
  if (!dn_form_dialog_read_date (dialog, form->date, NULL, &doc->issue_date) ||
      !dn_form_dialog_read_date (dialog, form->arrival_date, NULL, &doc->arrival_date) ||
      !dn_form_dialog_read_date (dialog, form->passed_on, NULL, &doc->passed_on) ||
      !read_number (dialog, form->arrival_number, &doc->arrival_number) ||
      !read_number (dialog, form->copies, &doc->copies))
    return FALSE;

  /* numbered in its register by the window's writer: the local database,
   * or the department server */
  write = dn_write_new (DN_WRITE_REGISTER_DOCUMENT);
  write->record = G_OBJECT (g_object_ref (doc));
  write->revision = doc->id > 0 ? form->revision : -1;
  write->confirmed = form->warned;
  writer = dn_window_context_dup_writer_for (GTK_WIDGET (dialog), form->store);
  if (dn_form_dialog_write (dialog, writer, write, on_written_cb, form, &local_error))
    return TRUE;
  if (local_error != NULL && !warn (dialog, form, local_error))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static GtkWidget *
add_drop_down (DnFormDialog *dialog,
               const char   *label,
               const char   *accessible_name,
               const char   *name,
               guint         n,
               GCallback     get_label,
               guint         selected)
{
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

  dn_ui_drop_down_set_enum (GTK_DROP_DOWN (drop_down), n, get_label);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  return dn_form_dialog_add_named (dialog, label, accessible_name, name, drop_down);
}

static char *
number_text (int number)
{
  return number > 0 ? g_strdup_printf ("%d", number) : NULL;
}

DnFormDialog *
dn_document_register_form_new (GtkWindow              *parent,
                               DnStore                *store,
                               gint64                  document_id,
                               DnDocumentDirection     direction,
                               const GDate            *today,
                               DnDocumentRegisterDone  done,
                               gpointer                user_data,
                               GError                **error)
{
  g_autoptr(DnDocument) document = NULL;
  g_autofree char *arrival_number = NULL;
  g_autofree char *copies = NULL;
  DnFormDialog *dialog;
  gint64 revision = -1;
  Form *form;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  if (document_id > 0)
    {
      document = dn_store_get_document (store, document_id, error);
      if (document == NULL)
        return NULL;
      /* as read: a change someone made meanwhile is a conflict */
      revision = dn_store_get_row_revision (store, "document", document_id, NULL);
    }
  else
    {
      document = dn_document_new ();
      document->direction = direction;
      if (today != NULL && g_date_valid (today))
        {
          if (direction == DN_DIRECTION_INCOMING)
            document->arrival_date = *today;
          else
            document->issue_date = *today;
        }
    }

  dialog = document_id > 0 ? dn_form_dialog_new (_("Edit Document"), _("_Save"))
                           : dn_form_dialog_new (_("New Document"), _("_Add"));
  form = g_new0 (Form, 1);
  form->store = g_object_ref (store);
  form->document = g_steal_pointer (&document);
  form->revision = revision;
  form->done = done;
  form->user_data = user_data;
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  dn_form_dialog_set_intro (dialog, _("Leave the number empty: an outgoing document gets the next number of its "
                                      "year, an incoming one the next arrival number."));

  form->direction = GTK_DROP_DOWN (add_drop_down (dialog, _("_Register"), _("Register"), "document_direction",
                                                  DN_DIRECTION_N, G_CALLBACK (dn_direction_get_label),
                                                  form->document->direction));
  form->type = GTK_DROP_DOWN (add_drop_down (dialog, _("Document _type"), _("Type of document"), "document_type",
                                             DN_DOCUMENT_TYPE_N, G_CALLBACK (dn_document_type_get_label),
                                             form->document->type));
  form->number = dn_form_dialog_add_entry (dialog, _("N_umber"), _("Number"), "document_number",
                                           form->document->number, _("Empty: the next of the year"));
  form->symbol = dn_form_dialog_add_entry (dialog, _("Sy_mbol"), _("Symbol"), "document_symbol",
                                           form->document->symbol, _("e.g. KH-SGDĐT"));
  form->date = dn_form_dialog_add_date (dialog, _("_Date"), _("Date of the document"), "document_date",
                                        &form->document->issue_date);
  form->issuer = dn_form_dialog_add_entry (dialog, _("_Issued by"), _("Issued by"), "document_issuer",
                                           form->document->issuer, _("e.g. UBND tỉnh Lào Cai"));
  form->subject = dn_form_dialog_add_entry (dialog, _("Sub_ject"), _("Subject"), "document_subject",
                                            form->document->subject, _("What the document is about (trích yếu)"));
  form->signer = dn_form_dialog_add_entry (dialog, _("Signed _by"), _("Signed by"), "document_signer",
                                           form->document->signer, NULL);
  form->recipients = dn_form_dialog_add_entry (dialog, _("Reci_pients"), _("Recipients"), "document_recipients",
                                               form->document->recipients, NULL);
  form->arrival_date = dn_form_dialog_add_date (dialog, _("Arriva_l date"), _("Arrival date"),
                                                "document_arrival_date", &form->document->arrival_date);
  arrival_number = number_text (form->document->arrival_number);
  form->arrival_number = dn_form_dialog_add_entry (dialog, _("Arrival _number"), _("Arrival number"),
                                                   "document_arrival_number", arrival_number,
                                                   _("Empty: the next of the year"));
  form->receiver = dn_form_dialog_add_entry (dialog, _("Recei_ving unit or person"), _("Receiving unit or person"),
                                             "document_receiver", form->document->receiver, NULL);
  form->file_copy = dn_form_dialog_add_entry (dialog, _("File copy _kept by"), _("File copy kept by"),
                                              "document_file_copy", form->document->file_copy_holder, NULL);
  copies = number_text (form->document->copies);
  form->copies = dn_form_dialog_add_entry (dialog, _("Number o_f copies"), _("Number of copies"), "document_copies", copies, NULL);
  form->passed_on = dn_form_dialog_add_date (dialog, _("Passed _on or sent"), _("Passed on or sent"),
                                             "document_passed_on", &form->document->passed_on);
  form->urgency = GTK_DROP_DOWN (add_drop_down (dialog, _("Ur_gency"), _("Urgency"), "document_urgency",
                                                DN_URGENCY_N, G_CALLBACK (dn_urgency_get_label),
                                                form->document->urgency));
  form->secrecy = GTK_DROP_DOWN (add_drop_down (dialog, _("Secrec_y"), _("Secrecy"), "document_secrecy",
                                                DN_CLASSIFICATION_N, G_CALLBACK (dn_classification_get_label),
                                                form->document->classification));
  form->notes = dn_form_dialog_add_entry (dialog, _("Not_es"), _("Notes"), "document_notes", form->document->notes,
                                          NULL);
  dn_form_dialog_set_apply_func (dialog, apply, form, form_free);
  g_signal_connect (dialog, "refused", G_CALLBACK (on_refused_cb), form);
  return dialog;
}
