/* dn-document-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-chooser-record.h"
#include "dn-date.h"
#include "dn-document-chooser.h"
#include "dn-settings.h"

#define LABEL_KEY "dn-document-label"

struct _DnDocumentChooser
{
  DnChooser parent_instance;
};

G_DEFINE_FINAL_TYPE (DnDocumentChooser, dn_document_chooser, DN_TYPE_CHOOSER)

char *
dn_document_chooser_dup_label (DnDocument *document)
{
  g_autofree char *reference = NULL;

  g_return_val_if_fail (DN_IS_DOCUMENT (document), NULL);

  if (document->id == 0)
    return g_strdup (document->subject);
  reference = dn_document_dup_reference (document);
  if (g_date_valid (&document->issue_date))
    {
      g_autofree char *when = dn_date_format_short (&document->issue_date);
      g_autofree char *dated = reference[0] != '\0' ? g_strdup_printf ("%s (%s)", reference, when)
                                                      : g_strdup_printf ("(%s)", when);

      g_free (reference);
      reference = g_steal_pointer (&dated);
    }
  if (reference[0] == '\0')
    return g_strdup (document->subject);
  return g_strdup_printf ("%s — %s", reference, document->subject);
}

/* The label, made once per row. */
static const char *
label_of (DnDocument *document)
{
  return dn_chooser_record_text (document, LABEL_KEY, (char *(*) (gpointer)) dn_document_chooser_dup_label);
}

static gboolean
load (DnChooser  *chooser,
      DnStore    *store,
      GPtrArray  *rows,
      GError    **error)
{
  g_autoptr(GPtrArray) documents = dn_store_list_documents (store, NULL, G_MAXINT, error);
  g_autoptr(GSettings) settings = dn_settings_new ();
  /* secret documents, only on the desktop that shows them (as the
   * registers' list) */
  gboolean show_secret = settings != NULL && g_settings_get_boolean (settings, "show-secret-documents");

  if (documents == NULL)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    if (show_secret || !dn_document_is_secret (documents->pdata[i]))
      g_ptr_array_add (rows, g_object_ref (documents->pdata[i]));
  return TRUE;
}

static const char *
get_name (DnChooser *chooser,
          gpointer   row)
{
  return label_of (DN_DOCUMENT (row));
}

static char *
lookup_name (DnChooser *chooser,
             gint64     id)
{
  g_autoptr(DnDocument) document = dn_store_get_document (dn_chooser_get_store (chooser), id, NULL);

  return document != NULL ? dn_document_chooser_dup_label (document) : NULL;
}

static char *
format_count (DnChooser *chooser,
              guint      n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document chosen", "%u documents chosen", n), n);
}

static void
dn_document_chooser_class_init (DnDocumentChooserClass *klass)
{
  DnChooserClass *chooser_class = DN_CHOOSER_CLASS (klass);

  dn_chooser_class_set_record (chooser_class, DN_TYPE_DOCUMENT, G_STRUCT_OFFSET (DnDocument, subject));
  chooser_class->load = load;
  chooser_class->get_name = get_name;
  chooser_class->lookup_name = lookup_name;
  chooser_class->format_count = format_count;
}

static void
dn_document_chooser_init (DnDocumentChooser *self)
{
  const DnChooserTexts texts = {
    .placeholder = _("Choose a document…"),
    .search_placeholder = _("Search by number or subject"),
    .search_label = _("Search documents"),
    .list_label = _("Documents"),
    .no_rows = _("There is no document yet."),
    .no_match = _("No document matches what you typed."),
  };

  dn_chooser_set_texts (DN_CHOOSER (self), &texts);
}

GtkWidget *
dn_document_chooser_new (DnStore *store)
{
  DnDocumentChooser *self = g_object_new (DN_TYPE_DOCUMENT_CHOOSER, NULL);

  dn_chooser_set_store (DN_CHOOSER (self), store);
  return GTK_WIDGET (self);
}
