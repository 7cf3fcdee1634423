/* dn-backup-dialog.h: backing up the database to a file, or restoring it
 * from one, with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_BACKUP_DIALOG (dn_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnBackupDialog, dn_backup_dialog, DN, BACKUP_DIALOG, GtkWindow)

/* With @restore FALSE, "Back Up" copies @store's database to the file
 * chosen; with TRUE, "Restore" asks for a confirmation that says what will
 * be replaced, then replaces the database by the file chosen and makes
 * @store emit "changed". The work runs in a thread; Cancel stops it and
 * nothing changes. Properties: "file" (GFile, the file chosen: the file
 * chooser sets it, so can a caller), "running" (read-only). */
DnBackupDialog *dn_backup_dialog_new      (DnStore        *store,
                                           gboolean        restore);
GFile          *dn_backup_dialog_get_file (DnBackupDialog *self);
void            dn_backup_dialog_set_file (DnBackupDialog *self,
                                           GFile          *file);
gboolean        dn_backup_dialog_is_running (DnBackupDialog *self);

G_END_DECLS
