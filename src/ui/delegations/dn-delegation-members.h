/* dn-delegation-members.h: the members of a delegation, in its editor
 *
 * A part of DnDelegationEditor. For a trip abroad, members chosen among
 * the staff (DnPersonChooser, accents ignored) with their role, position,
 * grade and the passport each uses (one of that person's); for a visit,
 * the guests, typed or a table pasted from a spreadsheet
 * (dn_guest_list_parse). A DnDelegationPart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-delegation-part.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_MEMBERS (dn_delegation_members_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationMembers, dn_delegation_members, DN, DELEGATION_MEMBERS, DnDelegationPart)

GtkWidget *dn_delegation_members_new           (DnStore                *store,
                                                DnDelegationDirection   direction);
/* A member's line: the name, then for one of the staff the role, position
 * (with @in_full: unit and grade) and passport, for a guest the
 * nationality, position, organisation and passport. */
char      *dn_delegation_members_describe      (DnDelegationMember     *member,
                                                gboolean                in_full);
/* See dn_delegation_editor_add_member(). */
gboolean   dn_delegation_members_add_member    (DnDelegationMembers    *self,
                                                gint64                  person_id,
                                                DnMemberRole            role,
                                                gint64                  passport_id);
/* See dn_delegation_editor_paste_guests(). */
gboolean   dn_delegation_members_paste_guests  (DnDelegationMembers    *self,
                                                const char             *text);
G_END_DECLS
