/* dn-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-settings"

#include "config.h"

#include "dn-i18n.h"
#include "dn-settings.h"

GSettings *
dn_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  /* run from the build folder: the schema compiled there */
  if (schema == NULL && dn_i18n_get_build_root () != NULL)
    {
      g_autofree char *dir = g_build_filename (dn_i18n_get_build_root (), "data", NULL);
      g_autoptr(GSettingsSchemaSource) build = g_settings_schema_source_new_from_directory (dir, source, FALSE, NULL);

      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APPLICATION_ID, FALSE);
    }
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: preferences will not be kept.", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
