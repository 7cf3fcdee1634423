/* dn-document.h: Document record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_DOCUMENT (dn_document_get_type ())
G_DECLARE_FINAL_TYPE (DnDocument, dn_document, DN, DOCUMENT, GObject)

/* An official document (văn bản): incoming, outgoing or internal.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_document_new(). */
struct _DnDocument
{
  GObject parent_instance;

  gint64 id;
  DnDocumentDirection direction;
  DnDocumentType type;
  char *number; /* số, e.g. "14" */
  char *symbol; /* ký hiệu, e.g. "QĐ/SGD&ĐT-VP" */
  GDate issue_date;
  char *issuer; /* issuing body */
  char *subject; /* trích yếu */
  char *signer;
  char *recipients; /* one recipient per line */
  DnClassification classification;
  int arrival_number; /* số đến of an incoming document, 0 when none */
  GDate arrival_date;
};

DnDocument *dn_document_new (void);

G_END_DECLS
