/* dn-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document"

#include "config.h"

#include "dn-document.h"

G_DEFINE_FINAL_TYPE (DnDocument, dn_document, G_TYPE_OBJECT)

static void
dn_document_finalize (GObject *object)
{
  DnDocument *self = DN_DOCUMENT (object);

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->symbol, g_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->signer, g_free);
  g_clear_pointer (&self->recipients, g_free);

  G_OBJECT_CLASS (dn_document_parent_class)->finalize (object);
}

static void
dn_document_class_init (DnDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_document_finalize;
}

static void
dn_document_init (DnDocument *self)
{
  self->number = g_strdup ("");
  self->symbol = g_strdup ("");
  self->issuer = g_strdup ("");
  self->subject = g_strdup ("");
  self->signer = g_strdup ("");
  self->recipients = g_strdup ("");
  g_date_clear (&self->issue_date, 1);
  g_date_clear (&self->arrival_date, 1);
}

DnDocument *
dn_document_new (void)
{
  return g_object_new (DN_TYPE_DOCUMENT, NULL);
}
