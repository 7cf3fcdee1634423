/* dn-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "dn-i18n.h"

static char *localedir;

const char *
dn_i18n_get_localedir (void)
{
  if (localedir == NULL)
    {
      const char *env = g_getenv ("DOINGOAI_LOCALEDIR");

      if (env != NULL && *env != '\0')
        localedir = g_strdup (env);
      else
        {
#ifdef G_OS_WIN32
          g_autofree char *base = g_win32_get_package_installation_directory_of_module (NULL);
          localedir = g_build_filename (base, "share", "locale", NULL);
#else
          localedir = g_strdup (LOCALEDIR);
#endif
        }
    }
  return localedir;
}

void
dn_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dn_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
