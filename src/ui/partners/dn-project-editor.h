/* dn-project-editor.h: add or edit an aid project of a partner
 *
 * Name, code, lead unit (DnUnitChooser), start and end (DnDateEntry),
 * budget in whole units of its currency (typed 1.500.000 or 1500000),
 * status and a description. Nothing is saved until the store accepts the
 * input; its refusals are shown in the editor, which stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-page-editor.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PROJECT_EDITOR (dn_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (DnProjectEditor, dn_project_editor, DN, PROJECT_EDITOR, DnPageEditor)

/* (transfer none). @project_id 0: a new project of @partner_id; else that
 * project (@partner_id ignored). NULL with @error set when the partner or
 * the project does not exist. Emits "saved" with the project's id. */
DnProjectEditor *dn_project_editor_new (DnStore  *store,
                                        gint64    partner_id,
                                        gint64    project_id,
                                        GError  **error);

G_END_DECLS
