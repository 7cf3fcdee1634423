/* dn-person-editor.h: add or edit a member of staff
 *
 * Family name, middle name and given name are typed apart (lists sort by
 * the given name). The birth date is typed as offices write it
 * (30/06/1985). Nothing is saved until the store accepts the input: its
 * errors are shown in the editor, which stays open to fix them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-page-editor.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PERSON_EDITOR (dn_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (DnPersonEditor, dn_person_editor, DN, PERSON_EDITOR, DnPageEditor)

/* (transfer none), like gtk_window_new(). @person_id 0: a new person in
 * @unit_id (0: no unit); else that person (NULL with @error set when it
 * does not exist). Emits "saved" (with the person's id) and closes after
 * a successful save (dn_form_dialog_save(); when the input is refused the
 * message is shown in the editor, see dn_form_dialog_get_error()). */
DnPersonEditor *dn_person_editor_new       (DnStore         *store,
                                            gint64           person_id,
                                            gint64           unit_id,
                                            GError         **error);

G_END_DECLS
