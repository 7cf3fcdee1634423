/* dn-store-search.h: accent-insensitive search over every kind of record
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-search-hit.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Searches every kind of record, accent-insensitively, the last word as a
 * prefix; best matches first. Then the pages of attached PDF files that
 * match (DN_RECORD_ATTACHMENT hits: @id the file, @sha256, @page, @detail
 * the words around), which keep up to a quarter of @limit whatever the
 * records match. */
GPtrArray *dn_store_search (DnStore *self, const char *text, guint limit, GError **error);

G_END_DECLS
