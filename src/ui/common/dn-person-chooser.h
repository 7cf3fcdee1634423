/* dn-person-chooser.h: a button showing the chosen person; it opens the
 * staff in Vietnamese order with a search field (dn_text_match on the full
 * name, the unit and the position: accents optional)
 *
 * A DnChooser of people (see dn-chooser.h for the options).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-chooser.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PERSON_CHOOSER (dn_person_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DnPersonChooser, dn_person_chooser, DN, PERSON_CHOOSER, DnChooser)

GtkWidget *dn_person_chooser_new (DnStore *store);

G_END_DECLS
