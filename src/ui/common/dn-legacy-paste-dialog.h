/* dn-legacy-paste-dialog.h: text pasted in TCVN3 (ABC) or VNI, shown
 * converted before it is kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-legacy-text.h"

G_BEGIN_DECLS

#define DN_TYPE_LEGACY_PASTE_DIALOG (dn_legacy_paste_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnLegacyPasteDialog, dn_legacy_paste_dialog, DN, LEGACY_PASTE_DIALOG, GtkWindow)

/* Signal "chosen" (const char *text): the text to paste, converted
 * (action legacy-paste.convert, the default) or as it came
 * (legacy-paste.as-is); the dialog then closes. Closed otherwise
 * (window.close, Escape), nothing is chosen. */
DnLegacyPasteDialog *dn_legacy_paste_dialog_new (GtkWindow             *parent,
                                                 const DnLegacyPreview *preview);

/* Watches the text fields of @window: text pasted into one (GtkText, as
 * in an entry, or GtkTextView) that detection finds typed in TCVN3 or VNI
 * is offered converted in a DnLegacyPasteDialog; other text is pasted as
 * usual. A field is watched once it has the focus (so fields added later
 * are too); a password field never. */
void                 dn_legacy_paste_watch      (GtkWindow             *window);

G_END_DECLS
