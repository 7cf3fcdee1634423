/* dn-chooser-private.h: what DnChooser gives its popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-chooser.h"

G_BEGIN_DECLS

/* on each row offered: its search text, folded (dn_text_fold) */
#define DN_CHOOSER_FOLD_KEY "dn-chooser-fold"

/* Reads the list if it must be read again. */
void     _dn_chooser_ensure_loaded (DnChooser   *self);
gint64   _dn_chooser_row_id        (DnChooser   *self,
                                    gpointer     row);
/* What the row of a record shows. */
void     _dn_chooser_describe_row  (DnChooser   *self,
                                    gpointer     row,
                                    const char **name,
                                    const char **detail,
                                    guint       *depth);
/* Whether the row of @id shows as chosen (the none row, id 0: when
 * nothing is chosen). */
gboolean _dn_chooser_is_row_on     (DnChooser   *self,
                                    gint64       id);
/* Activating the row of @id: single mode chooses it (and closes the
 * list), multiple mode ticks or unticks it. */
void     _dn_chooser_activate_row  (DnChooser   *self,
                                    gint64       id);
/* Nothing chosen any more. */
void     _dn_chooser_clear         (DnChooser   *self);

G_END_DECLS
