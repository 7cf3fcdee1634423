/* dn-delegation-programme.h: the programme of a visit, in its editor
 *
 * A part of DnDelegationEditor: the items of a visiting delegation's
 * programme (day, time, what, place), added with the fields above the list
 * and removed from the list (a DnDelegationPart).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-delegation-part.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_PROGRAMME (dn_delegation_programme_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationProgramme, dn_delegation_programme, DN, DELEGATION_PROGRAMME, DnDelegationPart)

GtkWidget *dn_delegation_programme_new (void);

G_END_DECLS
