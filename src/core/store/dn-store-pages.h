/* dn-store-pages.h: the records of a served table page by page, by id
 *
 * The department server's lists page by key: the ids after the last one a
 * caller was given, in id order, read from the table's primary key (never
 * every id), kept to those a caller may see by a filter on one column —
 * its unit, or the unit of the record it refers to (a passport by its
 * holder's unit). Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

/* Which rows a page keeps: those whose @column holds one of @ids (or the
 * text @text); with @via_table, those whose @column is the @via_key (NULL:
 * "id") of a @via_table row whose @via_column holds one of @ids — a
 * passport by its holder's unit, a document by a file linked to it. A row
 * whose column is NULL is never kept. @column NULL: every row. */
typedef struct _DnStorePageFilter
{
  const char *column;
  const char *via_table;
  const char *via_column;
  GArray     *ids;    /* gint64 */
  const char *text;   /* instead of @ids (without @via_table) */
  const char *via_key;
  /* or those this one keeps (itself without one): a delegation of the
   * caller's unit or with a member of it */
  const struct _DnStorePageFilter *or_else;
} DnStorePageFilter;

/* The ids (gint64) of @table's rows after @after, in id order, at most
 * @limit (1 or more), kept by @filter (NULL: all). @table is one the API
 * serves with an id of its own (dn_store_is_logged_table() with the key
 * "id"), else DN_STORE_ERROR_INVALID. */
GArray *dn_store_page_ids (DnStore                  *self,
                           const char               *table,
                           const DnStorePageFilter  *filter,
                           gint64                    after,
                           guint                     limit,
                           GError                  **error);

G_END_DECLS
