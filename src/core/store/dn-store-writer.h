/* dn-store-writer.h: the window's writes made in the local database
 *
 * Standalone mode's DnWriter: each DnWrite is one transaction of the
 * store (the revision check, when the write names one, inside it), made
 * at once on the calling thread; the outcome reaches the callback from
 * the main context, as a remote write's would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"
#include "dn-writer.h"

G_BEGIN_DECLS

#define DN_TYPE_STORE_WRITER (dn_store_writer_get_type ())
G_DECLARE_FINAL_TYPE (DnStoreWriter, dn_store_writer, DN, STORE_WRITER, GObject)

DnWriter *dn_store_writer_new (DnStore *store);

/* Makes @write in @store now, in one transaction: what both the local
 * writer and a test use. */
gboolean  dn_store_write      (DnStore  *store,
                               DnWrite  *write,
                               GError  **error);

G_END_DECLS
