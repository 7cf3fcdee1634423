/* dn-partner-editor.h: add or edit a partner
 *
 * Name, short name, kind, country (DnCountryChooser), the registration
 * paper (kind, number, expiry) and a contact. Nothing is saved until the
 * store accepts the input: its refusals are shown in the editor, which
 * stays open. A warning (a paper expiring later than Nghị định 58/2022
 * lets it last) is shown too; saving again saves it anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-page-editor.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PARTNER_EDITOR (dn_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (DnPartnerEditor, dn_partner_editor, DN, PARTNER_EDITOR, DnPageEditor)

/* (transfer none), like gtk_window_new(). @partner_id 0: a new partner;
 * else that partner (NULL with @error set when it does not exist). The
 * rules are judged from @today. Emits "saved" with the partner's id. */
DnPartnerEditor *dn_partner_editor_new (DnStore      *store,
                                        gint64        partner_id,
                                        const GDate  *today,
                                        GError      **error);

G_END_DECLS
