/* dn-chooser-popover.h: the list a DnChooser opens
 *
 * A search field over the rows offered (matched with dn_text_match against
 * each row's folded text), a list of them with a tick (multiple mode) or a
 * check mark showing the choice, a message when none is listed, and in
 * multiple mode a footer (count, Clear, Done). The chooser it belongs to
 * is its parent widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-chooser.h"

G_BEGIN_DECLS

#define DN_TYPE_CHOOSER_POPOVER (dn_chooser_popover_get_type ())
G_DECLARE_FINAL_TYPE (DnChooserPopover, dn_chooser_popover, DN, CHOOSER_POPOVER, GtkPopover)

/* The rows offered (each with its DN_CHOOSER_FOLD_KEY text). */
void   dn_chooser_popover_set_rows     (DnChooserPopover     *self,
                                        GListModel           *rows);
void   dn_chooser_popover_set_texts    (DnChooserPopover     *self,
                                        const DnChooserTexts *texts);
void   dn_chooser_popover_set_multiple (DnChooserPopover     *self,
                                        gboolean              multiple);
/* Multiple mode: "3 units chosen". */
void   dn_chooser_popover_set_count    (DnChooserPopover     *self,
                                        const char           *text);
/* The choice or the rows changed: the marks and the message follow. */
void   dn_chooser_popover_update       (DnChooserPopover     *self);
/* As typing in the search field, applied at once. */
void   dn_chooser_popover_set_search   (DnChooserPopover     *self,
                                        const char           *text);
guint  dn_chooser_popover_get_n_shown  (DnChooserPopover     *self);

G_END_DECLS
