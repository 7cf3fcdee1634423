/* dn-details-window.h: a window that shows one record of a store
 *
 * The base of the record windows (task, delegation, document, passport,
 * partner details): it keeps the store and the record's id, reads the
 * record again when the store reports a change (the class's reload(), at
 * once or, for a heavier read, once per burst of changes at idle) and
 * closes on Escape. A subclass shows what its reload() reads, and says
 * itself what it shows of a record that is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DETAILS_WINDOW (dn_details_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnDetailsWindow, dn_details_window, DN, DETAILS_WINDOW, GtkWindow)

struct _DnDetailsWindowClass
{
  GtkWindowClass parent_class;

  /* Reads the record again and shows it: when the record is set, then
   * after each change of the store. NULL for a window that reads by
   * itself (a DnStaleReader). */
  void     (*reload)        (DnDetailsWindow *self);
  /* TRUE: a burst of changes is read once, at idle (before GTK draws);
   * FALSE: at each change. */
  gboolean   reload_at_idle;

  gpointer padding[4];
};

/* For a window's constructor: the store and the record @id shown, then
 * the first reload(). */
void     dn_details_window_set_record (DnDetailsWindow *self,
                                       DnStore         *store,
                                       gint64           id);
/* The store of @self, a DnDetailsWindow of any subclass; NULL once the
 * window is disposed of. (transfer none) */
DnStore *dn_details_window_get_store  (gpointer         self);
/* The id of the record @self shows. */
gint64   dn_details_window_get_id     (gpointer         self);

/* The open window of @type (a DnDetailsWindow) that shows record @id:
 * only one transient for @parent, unless @parent is NULL. NULL when there
 * is none. */
GtkWindow *dn_details_window_find     (GType            type,
                                       gint64           id,
                                       GtkWindow       *parent);

G_END_DECLS
