/* dn-unit-dialog.h: add a unit, rename it, or move it elsewhere in the tree
 *
 * Nothing is saved until the store accepts the input: its errors (empty
 * name, duplicate code, a move below the unit's own sub-units…) are shown
 * in the dialog, which stays open to fix them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_UNIT_DIALOG_ADD,     /* a new unit; @unit_id: the proposed parent (0: top level) */
  DN_UNIT_DIALOG_RENAME,  /* name, code and kind of @unit_id */
  DN_UNIT_DIALOG_MOVE,    /* a new parent for @unit_id */
} DnUnitDialogMode;

#define DN_TYPE_UNIT_DIALOG (dn_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitDialog, dn_unit_dialog, DN, UNIT_DIALOG, DnFormDialog)

/* (transfer none), like gtk_window_new(): the window lives until it is
 * closed. NULL (with @error set) when @unit_id does not exist. Emits
 * "saved" (with the unit's id) and closes after a successful save. */
DnUnitDialog *dn_unit_dialog_new        (DnStore           *store,
                                         DnUnitDialogMode   mode,
                                         gint64             unit_id,
                                         GError           **error);
DnUnitDialogMode dn_unit_dialog_get_mode (DnUnitDialog     *self);
/* What the Save button does. FALSE when the store refused: the message is
 * then shown in the dialog (and returned by dn_unit_dialog_get_error()). */
gboolean      dn_unit_dialog_save       (DnUnitDialog      *self);
/* The message shown, or NULL. */
const char   *dn_unit_dialog_get_error  (DnUnitDialog      *self);

G_END_DECLS
