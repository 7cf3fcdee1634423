/* dn-stale-reader.h: what a page shows, read again on the query worker
 * when the store changes, only while the page is shown
 *
 * A DnStaleReader belongs to one widget. Each DnStore::changed marks what
 * the widget shows as stale; while the widget is mapped a stale reader
 * reads, on the query worker, once the changes of this turn of the main
 * loop are all in (a burst of changes gives one read). At most one read
 * runs at a time: changes that come during a read are read once, after
 * it; a hidden widget reads when it is shown again. A new read replaces
 * one still waiting (DnQuerySlot: latest wins), so an outdated result is
 * never shown. Until a result arrives the widget keeps what it showed.
 *
 * The widget's property "loading" (dn_stale_reader_install_property()) is
 * TRUE while what it shows waits for a read: stale while shown, or
 * reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-query-worker.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef struct
{
  /* On the worker's thread: the read. */
  DnQueryFunc read;
  /* The data of the next read (freed with g_free()). */
  gpointer  (*read_data) (GtkWidget *widget);
  /* A read ended: its @result (freed after), or NULL and @error. */
  void      (*show)      (GtkWidget    *widget,
                          gpointer      result,
                          const GError *error);
  /* Other reads of the widget under way, or NULL. */
  gboolean  (*busy)      (GtkWidget *widget);
} DnStaleReaderFuncs;

typedef struct _DnStaleReader DnStaleReader;

/* Installs the read-only property "loading", the only property of
 * @klass, given by the DnStaleReader* at @reader_offset of its instances. */
void           dn_stale_reader_install_property (GObjectClass *klass,
                                                 gsize         reader_offset);
DnStaleReader *dn_stale_reader_new        (GtkWidget                *widget,
                                           const DnStaleReaderFuncs *funcs);
void           dn_stale_reader_free       (DnStaleReader            *self);
/* Reads @store from now on (NULL: nothing); marks what is shown stale.
 * Nothing changes when @store is the one read already. */
void           dn_stale_reader_set_store  (DnStaleReader            *self,
                                           DnStore                  *store);
/* What is shown is older than the store: read again when shown. */
void           dn_stale_reader_mark_stale (DnStaleReader            *self);
/* Reads soon if stale and shown (not during a read: after it). */
void           dn_stale_reader_schedule   (DnStaleReader            *self);
/* Sets "loading" again (after a change of what DnStaleReaderFuncs.busy
 * says). Does nothing for a NULL reader. */
void           dn_stale_reader_update     (DnStaleReader            *self);
/* These are FALSE for a NULL reader. */
gboolean       dn_stale_reader_is_stale   (DnStaleReader            *self);
gboolean       dn_stale_reader_is_busy    (DnStaleReader            *self);
/* The property "loading". */
gboolean       dn_stale_reader_is_loading (DnStaleReader            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnStaleReader, dn_stale_reader_free)

G_END_DECLS
