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

#include "dn-page-editor.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_UNIT_DIALOG_ADD,     /* a new unit; @unit_id: the proposed parent (0: top level) */
  DN_UNIT_DIALOG_RENAME,  /* name, code and kind of @unit_id */
  DN_UNIT_DIALOG_MOVE,    /* a new parent for @unit_id */
} DnUnitDialogMode;

#define DN_TYPE_UNIT_DIALOG (dn_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnUnitDialog, dn_unit_dialog, DN, UNIT_DIALOG, DnPageEditor)

/* (transfer none), like gtk_window_new(): the window lives until it is
 * closed. NULL (with @error set) when @unit_id does not exist. Emits
 * "saved" (with the unit's id) and closes after a successful save
 * (dn_form_dialog_save(); when the store refuses, the message is shown in
 * the dialog, see dn_form_dialog_get_error()). */
DnUnitDialog *dn_unit_dialog_new        (DnStore           *store,
                                         DnUnitDialogMode   mode,
                                         gint64             unit_id,
                                         GError           **error);
DnUnitDialogMode dn_unit_dialog_get_mode (DnUnitDialog     *self);

G_END_DECLS
