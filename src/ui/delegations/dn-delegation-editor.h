/* dn-delegation-editor.h: the editor of a delegation, with its countries
 * and members (guests and programme for a visit)
 *
 * A DnPageEditor: name, purpose, inviting party (outbound) or foreign
 * organisation (inbound), dates, funding and budget, in the year's plan,
 * its đề án and its decision (DnDocumentChooser); the countries
 * (DnCountryChooser and the days in each); for a trip abroad, members
 * chosen among the staff (DnPersonChooser, accents ignored) with their
 * role, position, grade and the passport each uses (one of that person's);
 * for a visit, the days the provincial police and the Department of
 * Foreign Affairs were informed, the guests (typed, or a table pasted from
 * a spreadsheet) and the programme. Everything is written in one
 * transaction; a local limit passed is shown as a warning and written
 * when the officer saves again ("Save Anyway").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-page-editor.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_EDITOR (dn_delegation_editor_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationEditor, dn_delegation_editor, DN, DELEGATION_EDITOR, DnPageEditor)

/* A new delegation of @direction (@id 0) or delegation @id; NULL with
 * @error when it cannot be read. Like gtk_window_new(). */
GtkWindow *dn_delegation_editor_new          (DnStore                *store,
                                              DnDelegationDirection   direction,
                                              gint64                  id,
                                              GError                **error);
/* What the editor's "Add" buttons do, with the values given. */
void       dn_delegation_editor_add_country  (DnDelegationEditor     *self,
                                              const char             *code,
                                              guint                   days);
/* FALSE (and the message in the error line) when the person is listed
 * already. @passport_id 0: none. */
gboolean   dn_delegation_editor_add_member   (DnDelegationEditor     *self,
                                              gint64                  person_id,
                                              DnMemberRole            role,
                                              gint64                  passport_id);
/* The guests of a pasted table (dn_guest_list_parse); FALSE with the
 * parser's message in the error line. */
/* The unit whose delegation it is (a new one's: the officer's own) */
void       dn_delegation_editor_set_unit     (DnDelegationEditor     *self,
                                              gint64                  unit_id);
gboolean   dn_delegation_editor_paste_guests (DnDelegationEditor     *self,
                                              const char             *text);
guint      dn_delegation_editor_get_n_members (DnDelegationEditor    *self);

G_END_DECLS
