/* dn-preferences-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PREFERENCES_DIALOG (dn_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnPreferencesDialog, dn_preferences_dialog, DN, PREFERENCES_DIALOG, GtkWindow)

/* Interface language (system, Tiếng Việt, English: applies on restart),
 * database location, the officer's own unit (chosen among @store's units;
 * @store may be NULL when no database could be opened). @settings may be
 * NULL (schema not installed): the dialog then says so. */
DnPreferencesDialog *dn_preferences_dialog_new (GSettings *settings,
                                                DnStore   *store);

G_END_DECLS
