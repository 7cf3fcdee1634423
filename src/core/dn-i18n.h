/* dn-i18n.h: gettext set-up shared by the application and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale, then binds the "doingoai" domain (UTF-8) to the locale folder:
 * $DOINGOAI_LOCALEDIR when set (running from the build folder), else next to
 * the executable on Windows (…/share/locale), else the installed LOCALEDIR. */
void        dn_i18n_init          (void);
const char *dn_i18n_get_localedir (void);

G_END_DECLS
