/* dn-settings.h: the application's GSettings, if installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new GSettings for the application's schema, or NULL when the schema is
 * not installed (the app then runs on defaults instead of aborting). */
GSettings *dn_settings_new (void);

G_END_DECLS
