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
dn_i18n_get_build_root (void)
{
  static char *build_root;
  static gsize checked;

  if (g_once_init_enter (&checked))
    {
#ifdef G_OS_UNIX
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

      if (exe != NULL)
        {
          /* <build>/src/ui/doingoai, <build>/src/cli/doingoai-cli */
          g_autofree char *dir = g_path_get_dirname (exe);
          g_autofree char *root = g_canonicalize_filename ("../..", dir);
          g_autofree char *marker = g_build_filename (root, "meson-private", NULL);

          if (g_file_test (marker, G_FILE_TEST_IS_DIR))
            build_root = g_steal_pointer (&root);
        }
#endif
      g_once_init_leave (&checked, 1);
    }
  return build_root;
}

const char *
dn_i18n_get_localedir (void)
{
  if (localedir == NULL)
    {
      const char *env = g_getenv ("DOINGOAI_LOCALEDIR");

      if (env != NULL && *env != '\0')
        localedir = g_strdup (env);
      else if (dn_i18n_get_build_root () != NULL)
        localedir = g_build_filename (dn_i18n_get_build_root (), "po", NULL);
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
