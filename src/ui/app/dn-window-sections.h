/* dn-window-sections.h: the page of each of the window's sections, made
 * when the window first shows the section (dn_window_get_section_page())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"
#include "dn-window-context.h"

G_BEGIN_DECLS

/* The page of section @name ("overview", "tasks", "delegations-out",
 * "delegations-in", "passports", "partners", "units", "documents") on
 * @store, filling the place the window gives it. */
GtkWidget *dn_window_section_new (const char      *name,
                                  DnStore         *store,
                                  DnWindowContext *context);

G_END_DECLS
