/* dn-store-settings.c: the department's rules an officer may change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"
#include "dn-store-settings.h"
#include "dn-text.h"

typedef struct
{
  const char *key;
  const char *label;  /* N_() */
  int default_value;
  int min;
  int max;
} SettingInfo;

static const SettingInfo settings[DN_SETTING_N] = {
  [DN_SETTING_REPORT_DAYS] = { "report-days", N_("Days after the return within which a trip's results report is due"), 15, 1, 365 },
  [DN_SETTING_REPORT_WORKING_DAYS] = { "report-working-days", N_("Count the report's days as working days (1) or calendar days (0)"), 0, 0, 1 },
  [DN_SETTING_PASSPORT_RETURN_DAYS] = { "passport-return-days", N_("Working days after a trip within which a diplomatic or official passport comes back"), 5, 1, 60 },
  [DN_SETTING_ORDINARY_RETURN_DAYS] = { "ordinary-return-days", N_("Working days after a trip within which an ordinary passport the office keeps comes back"), 5, 1, 60 },
  [DN_SETTING_PASSPORT_VALIDITY_MONTHS] = { "passport-validity-months", N_("Months of validity a passport must have left at the planned return"), 6, 0, 60 },
  [DN_SETTING_REGISTRATION_WARNING_DAYS] = { "registration-warning-days", N_("Days before a partner's registration paper expires to warn"), 90, 0, 1000 },
  [DN_SETTING_LIMIT_MEMBERS] = { "limit-members", N_("Most members in a delegation (0: no limit)"), 0, 0, 1000 },
  [DN_SETTING_LIMIT_DAYS_PER_COUNTRY] = { "limit-days-per-country", N_("Most days in one country (0: no limit)"), 0, 0, 366 },
  [DN_SETTING_LIMIT_COUNTRIES] = { "limit-countries", N_("Most countries in one trip (0: no limit)"), 0, 0, 250 },
  [DN_SETTING_LIMIT_TRIPS_PER_YEAR] = { "limit-trips-per-year", N_("Most trips abroad a person makes in a year (0: no limit)"), 0, 0, 366 },
};

const char *
dn_setting_get_key (DnSetting setting)
{
  g_return_val_if_fail ((guint) setting < DN_SETTING_N, NULL);
  return settings[setting].key;
}

gboolean
dn_setting_from_key (const char *key,
                     DnSetting  *out)
{
  for (guint i = 0; key != NULL && i < DN_SETTING_N; i++)
    if (g_str_equal (settings[i].key, key))
      {
        if (out != NULL)
          *out = (DnSetting) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dn_setting_get_label (DnSetting setting)
{
  g_return_val_if_fail ((guint) setting < DN_SETTING_N, NULL);
  return _(settings[setting].label);
}

int
dn_setting_get_default (DnSetting setting)
{
  g_return_val_if_fail ((guint) setting < DN_SETTING_N, 0);
  return settings[setting].default_value;
}

void
dn_setting_get_range (DnSetting  setting,
                      int       *min,
                      int       *max)
{
  g_return_if_fail ((guint) setting < DN_SETTING_N);
  if (min != NULL)
    *min = settings[setting].min;
  if (max != NULL)
    *max = settings[setting].max;
}

int
dn_store_get_setting (DnStore   *self,
                      DnSetting  setting)
{
  sqlite3_stmt *stmt;
  int value;

  g_return_val_if_fail (DN_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) setting < DN_SETTING_N, 0);

  value = settings[setting].default_value;
  stmt = _dn_store_prepare_with (self, "SELECT value FROM setting WHERE key = ?", NULL,
                                 DN_TEXT (settings[setting].key), DN_END);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *text = _dn_column_text (stmt, 0);
      gint64 number;

      if (g_ascii_string_to_signed (text, 10, settings[setting].min, settings[setting].max, &number, NULL))
        value = (int) number;
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

gboolean
dn_store_set_setting (DnStore    *self,
                      DnSetting   setting,
                      int         value,
                      GError    **error)
{
  const SettingInfo *info;
  g_autofree char *text = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) setting < DN_SETTING_N, FALSE);

  info = &settings[setting];
  if (value < info->min || value > info->max)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("“%s” must be between %d and %d; %d was given."),
                   dn_setting_get_label (setting), info->min, info->max, value);
      return FALSE;
    }
  if (value == info->default_value)
    return _dn_store_write_committed (self, "DELETE FROM setting WHERE key = ?", error,
                                      DN_TEXT (info->key), DN_END);
  text = g_strdup_printf ("%d", value);
  return _dn_store_write_committed (self,
                                    "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    error, DN_TEXT (info->key), DN_TEXT (text), DN_END);
}

char *
dn_store_get_agency_abbreviation (DnStore *self)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);

  stmt = _dn_store_prepare_with (self, "SELECT value FROM setting WHERE key = ?", NULL,
                                 DN_TEXT (DN_SETTING_AGENCY_ABBREVIATION_KEY), DN_END);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = _dn_column_text (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value != NULL ? value : g_strdup ("");
}

gboolean
dn_store_set_agency_abbreviation (DnStore     *self,
                                  const char  *abbreviation,
                                  GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  text = dn_text_normalize (abbreviation != NULL ? abbreviation : "", -1, TRUE);
  if (text == NULL)
    return _dn_invalid (error, _("The agency's abbreviation is not valid text."));
  if (*text == '\0')
    return _dn_store_write_committed (self, "DELETE FROM setting WHERE key = ?", error,
                                      DN_TEXT (DN_SETTING_AGENCY_ABBREVIATION_KEY), DN_END);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || *p == '/')
      return _dn_invalid (error, _("The agency's abbreviation cannot hold spaces or “/”."));
  if (g_utf8_strlen (text, -1) > 40)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID,
                       _("The agency's abbreviation is longer than %d characters."), 40);
  return _dn_store_write_committed (self,
                                    "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    error, DN_TEXT (DN_SETTING_AGENCY_ABBREVIATION_KEY), DN_TEXT (text), DN_END);
}

gint64
dn_store_get_replica_revision (DnStore *self)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  guint64 revision = 0;

  g_return_val_if_fail (DN_IS_STORE (self), 0);

  stmt = _dn_store_prepare_with (self, "SELECT value FROM setting WHERE key = ?", NULL,
                                 DN_TEXT (DN_SETTING_REPLICA_REVISION_KEY), DN_END);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    text = _dn_column_text (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  /* a damaged value reads as never synchronised: everything comes again */
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &revision, NULL))
    return 0;
  return (gint64) revision;
}

gboolean
dn_store_set_replica_revision (DnStore  *self,
                               gint64    revision,
                               GError  **error)
{
  char text[32];

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);

  if (revision < 0)
    return _dn_invalid (error, _("A revision cannot be negative."));
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, revision);
  return _dn_store_write_committed (self,
                                    "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    error, DN_TEXT (DN_SETTING_REPLICA_REVISION_KEY), DN_TEXT (text), DN_END);
}
