/* dn-i18n.h: gettext set-up shared by the application and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale, then binds the "doingoai" domain (UTF-8) to the locale folder:
 * $DOINGOAI_LOCALEDIR when set, else the build folder's po/ when the program
 * runs from its build folder, else next to the executable on Windows
 * (…/share/locale), else the installed LOCALEDIR. */
void        dn_i18n_init          (void);
const char *dn_i18n_get_localedir (void);
/* The meson build folder the running program lies in (…/src/ui/doingoai,
 * …/src/cli/doingoai-cli), when it runs from there rather than installed;
 * NULL otherwise (and where the executable's path cannot be read). */
const char *dn_i18n_get_build_root (void);

G_END_DECLS
