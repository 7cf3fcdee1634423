/* dn-cli-settings.c: doingoai-cli settings [KEY VALUE]: the department's
 * rules an officer may change (days, thresholds, local limits)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-text.h"

gboolean
dn_cli_check_settings (Run     *run,
                       GError **error)
{
  DnSetting setting;
  gint64 value;

  if (run->n_words == 0)
    return TRUE;
  if (run->n_words != 2)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Give a setting's key and its new value: settings KEY VALUE."));
  if (g_str_equal (run->words[0], DN_SETTING_AGENCY_ABBREVIATION_KEY))
    return TRUE;
  if (!dn_setting_from_key (run->words[0], &setting))
    {
      g_autofree char *shown = dn_text_escape_for_display (run->words[0], 40);

      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("There is no setting “%s”; “settings” lists them."), shown);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (run->words[1], 10, G_MININT, G_MAXINT, &value, NULL))
    {
      g_autofree char *shown = dn_text_escape_for_display (run->words[1], 40);

      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("“%s” is not a whole number."), shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_cli_run_settings (Run     *run,
                     GError **error)
{
  g_autofree char *agency = NULL;

  if (run->n_words == 2 && g_str_equal (run->words[0], DN_SETTING_AGENCY_ABBREVIATION_KEY))
    {
      g_autofree char *text = NULL;

      if (!text_option (run->words[1], &text, error))
        return FALSE;
      return dn_store_set_agency_abbreviation (run->store, text, error);
    }
  if (run->n_words == 2)
    {
      DnSetting setting = DN_SETTING_N;

      dn_setting_from_key (run->words[0], &setting);
      return dn_store_set_setting (run->store, setting, (int) g_ascii_strtoll (run->words[1], NULL, 10), error);
    }
  for (guint i = 0; i < DN_SETTING_N; i++)
    {
      int min, max;

      dn_setting_get_range (i, &min, &max);
      out ("%s\t%d\t%d\t%d..%d\t%s\n", dn_setting_get_key (i), dn_store_get_setting (run->store, i),
           dn_setting_get_default (i), min, max, dn_setting_get_label (i));
    }
  /* text, not a number: no default, no range */
  agency = dn_store_get_agency_abbreviation (run->store);
  out ("%s\t%s\t\t\t%s\n", DN_SETTING_AGENCY_ABBREVIATION_KEY, agency,
       _("The agency's abbreviation in the symbols of its documents (SGDĐT)"));
  return TRUE;
}
