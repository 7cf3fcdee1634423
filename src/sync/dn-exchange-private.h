/* dn-exchange-private.h: what the export and the import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "dn-store-exchange.h"

G_BEGIN_DECLS

#define DN_EXCHANGE_N_TABLES 28
/* The tables of an export, in dependency order: a table only refers to
 * tables before it (or to itself). */
extern const char * const _dn_exchange_tables[DN_EXCHANGE_N_TABLES];

/* One value of a record as the exchange carries it (dn-exchange-export.c):
 * the export writes it, the API's objects (dn-exchange-rows.c) hold it. */
typedef struct
{
  DnStoreValueType  type;     /* NULL, INTEGER, FLOAT or TEXT */
  gint64            integer;
  double            number;   /* finite */
  const char       *text;     /* valid UTF-8, no NUL; the cursor's */
} DnExchangeValue;

gboolean _dn_exchange_read_value (DnStoreCursor    *cursor,
                                  guint             column,
                                  const char       *table,
                                  const char       *name,
                                  DnExchangeValue  *value,
                                  GError          **error);

/* The values of a record @node of @table (an object of name/value pairs,
 * each a column of @columns but those named in @ignored, may be NULL),
 * checked and normalised as the import takes them: *@values (free it)
 * points into @columns and into the texts added to @texts. FALSE with
 * @error (DN_STORE_ERROR_INVALID, "@where: what is wrong") otherwise. */
gboolean _dn_exchange_read_row (JsonNode            *node,
                                const char          *table,
                                GArray              *columns,
                                const char * const  *ignored,
                                const char          *where,
                                DnStoreValue       **values,
                                guint               *n_values,
                                GPtrArray           *texts,
                                GError             **error);

G_END_DECLS
