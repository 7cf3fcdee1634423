/* dn-document-filter.h: what the list of documents shows, as one object
 *
 * The filters of the documents' list (the registers of Nghị định 30/2020)
 * as properties the window's widgets are bound to:
 *  - "text": words of the subject, number, symbol, issuer or signer
 *    (the search index: accents, đ and case ignored); NULL or "" for none;
 *  - "direction": a DnDocumentDirection, or -1 for any;
 *  - "type": a DnDocumentType, or -1 for any;
 *  - "year": the register's year (an incoming one by its arrival), 0 any;
 *  - "issuer": words of the issuer; NULL or "" for any;
 *  - "urgency": a DnUrgency, or -1 for any;
 *  - "include-secret": list the secret ones (mật and above) too — set by
 *    the window from the officer's setting, not a filter of the list.
 * "changed" is emitted once after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-filter.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DOCUMENT_FILTER (dn_document_filter_get_type ())
G_DECLARE_FINAL_TYPE (DnDocumentFilter, dn_document_filter, DN, DOCUMENT_FILTER, DnFilter)

DnDocumentFilter *dn_document_filter_new                (void);

const char       *dn_document_filter_get_text           (DnDocumentFilter *self);
void              dn_document_filter_set_text           (DnDocumentFilter *self,
                                                         const char       *text);
int               dn_document_filter_get_direction      (DnDocumentFilter *self);
void              dn_document_filter_set_direction      (DnDocumentFilter *self,
                                                         int               direction);
int               dn_document_filter_get_doc_type       (DnDocumentFilter *self);
void              dn_document_filter_set_doc_type       (DnDocumentFilter *self,
                                                         int               type);
int               dn_document_filter_get_year           (DnDocumentFilter *self);
void              dn_document_filter_set_year           (DnDocumentFilter *self,
                                                         int               year);
const char       *dn_document_filter_get_issuer         (DnDocumentFilter *self);
void              dn_document_filter_set_issuer         (DnDocumentFilter *self,
                                                         const char       *issuer);
int               dn_document_filter_get_urgency        (DnDocumentFilter *self);
void              dn_document_filter_set_urgency        (DnDocumentFilter *self,
                                                         int               urgency);
gboolean          dn_document_filter_get_include_secret (DnDocumentFilter *self);
void              dn_document_filter_set_include_secret (DnDocumentFilter *self,
                                                         gboolean          include);

/* Every filter back to "any" (include-secret kept). */
void              dn_document_filter_reset              (DnDocumentFilter *self);
/* "all" (or "") every document, "incoming" or "outgoing" one register;
 * every filter is cleared first. FALSE (nothing changed) for a preset not
 * understood. */
gboolean          dn_document_filter_apply_preset       (DnDocumentFilter *self,
                                                         const char       *preset);
/* TRUE when some filter leaves documents out. */
gboolean          dn_document_filter_is_active          (DnDocumentFilter *self);

/* The store's query for these filters. Its texts point into the filter:
 * valid until they change. */
void              dn_document_filter_to_query           (DnDocumentFilter *self,
                                                         DnDocumentQuery  *query);

G_END_DECLS
