/* dn-rules-dialog.h: the department's rules an officer may change, in a
 * form (the same values as `doingoai-cli settings`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* A form with one field per DnSetting, showing the store's values; Save
 * writes the changed ones in one transaction (a value out of range is
 * refused, its field marked, nothing written). (transfer none) */
DnFormDialog *dn_rules_dialog_new (DnStore *store);

/* The field of @setting in a dialog made by dn_rules_dialog_new(): a
 * GtkSpinButton, or a GtkCheckButton for a yes/no rule. */
GtkWidget    *dn_rules_dialog_get_field (DnFormDialog *dialog,
                                         DnSetting     setting);

G_END_DECLS
