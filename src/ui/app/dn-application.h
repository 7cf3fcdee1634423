/* dn-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_APPLICATION (dn_application_get_type ())
G_DECLARE_FINAL_TYPE (DnApplication, dn_application, DN, APPLICATION, GtkApplication)

DnApplication *dn_application_new            (void);
/* Reads the "language" preference (system, vi, en) and sets up gettext
 * accordingly; call first in main(). */
void           dn_application_apply_language (void);
/* The GSettings of the application, or NULL when the schema is not installed. */
GSettings     *dn_application_get_settings   (DnApplication *self);
/* Opens the database at @path (or the configured/default one when NULL) in a
 * new main window. */
gboolean       dn_application_open_database  (DnApplication *self,
                                              const char    *path,
                                              GError       **error);

G_END_DECLS
