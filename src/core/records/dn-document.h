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
  DnUrgency urgency;
  char *receiver;         /* the unit or person an incoming one goes to */
  char *file_copy_holder; /* who keeps the file copy of an outgoing one */
  int copies;             /* copies issued, 0 when not given */
  GDate passed_on;        /* passed on (incoming) or sent (outgoing): Ngày chuyển */
  char *notes;
};

DnDocument *dn_document_new (void);

/* Mật, tối mật or tuyệt mật: numbered in a sequence of its own, and shown
 * only where the officer allows it. */
gboolean    dn_document_is_secret     (DnDocument *document);

/* The ký hiệu of Nghị định 30/2020 (Phụ lục III, regulations.md §2.1):
 * the type's abbreviation, the agency's, then the drafting unit's when
 * given, joined by "-": "QĐ-SGDĐT", "KH-SGDĐT-HTQT". A công văn (and a
 * type without an abbreviation) has the agency's and the unit's only:
 * "SGDĐT-VP". Empty parts are left out. */
char       *dn_document_build_symbol  (DnDocumentType  type,
                                       const char     *agency,
                                       const char     *unit);
/* A number as it is written: a leading zero under 10 ("05", "12"). */
char       *dn_document_format_number (int             number);

G_END_DECLS
