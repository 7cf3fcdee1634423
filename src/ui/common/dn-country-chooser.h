/* dn-country-chooser.h: a button showing the chosen country; it opens the
 * countries of ISO 3166-1 by their names in the interface's language, with
 * a search field (dn_country_search: names, other names and code)
 *
 * A DnChooser of countries (see dn-chooser.h): single choice, no store
 * needed. Its property "code" is the chosen ISO 3166-1 alpha-2 code ("VN"),
 * NULL when none is chosen. Its accessible name is "Country" unless a
 * label names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-chooser.h"

G_BEGIN_DECLS

#define DN_TYPE_COUNTRY_CHOOSER (dn_country_chooser_get_type ())
G_DECLARE_FINAL_TYPE (DnCountryChooser, dn_country_chooser, DN, COUNTRY_CHOOSER, DnChooser)

GtkWidget  *dn_country_chooser_new      (void);
/* The chosen code, or NULL. */
const char *dn_country_chooser_get_code (DnCountryChooser *self);
/* Chooses @code (NULL or "": none); an unknown code is refused with a
 * warning and changes nothing. */
void        dn_country_chooser_set_code (DnCountryChooser *self,
                                         const char       *code);

G_END_DECLS
