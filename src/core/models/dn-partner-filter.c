/* dn-partner-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner-filter"

#include "config.h"

#include "dn-partner-filter.h"

struct _DnPartnerFilter
{
  DnFilter  parent_instance;

  char     *text;
  int       kind;
  char     *country_code;
  GDate     expiring_before;
  gboolean  expiring_soon;
  GDate     today;
  guint     warning_days;
};

G_DEFINE_FINAL_TYPE (DnPartnerFilter, dn_partner_filter, DN_TYPE_FILTER)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_KIND,
  PROP_COUNTRY_CODE,
  PROP_EXPIRING_BEFORE,
  PROP_EXPIRING_SOON,
  PROP_TODAY,
  PROP_WARNING_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(type, member) { DN_FILTER_FIELD_##type, G_STRUCT_OFFSET (DnPartnerFilter, member) }

static const DnFilterField fields[N_PROPS] = {
  [PROP_TEXT] = FIELD (TEXT, text),
  [PROP_KIND] = FIELD (INT, kind),
  [PROP_COUNTRY_CODE] = FIELD (TEXT, country_code),
  [PROP_EXPIRING_BEFORE] = FIELD (DATE, expiring_before),
  [PROP_EXPIRING_SOON] = FIELD (INT, expiring_soon),
  [PROP_TODAY] = FIELD (DATE, today),
  [PROP_WARNING_DAYS] = FIELD (INT, warning_days),
};

static void
dn_partner_filter_class_init (DnPartnerFilterClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, -1, DN_PARTNER_KIND_N - 1, -1, flags);
  properties[PROP_COUNTRY_CODE] = g_param_spec_string ("country-code", NULL, NULL, NULL, flags);
  properties[PROP_EXPIRING_BEFORE] = g_param_spec_boxed ("expiring-before", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_EXPIRING_SOON] = g_param_spec_boolean ("expiring-soon", NULL, NULL, FALSE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_WARNING_DAYS] = g_param_spec_uint ("warning-days", NULL, NULL, 0, 1000, 90, flags);
  dn_filter_class_install (DN_FILTER_CLASS (klass), properties, fields, N_PROPS);
}

static void
dn_partner_filter_init (DnPartnerFilter *self)
{
  self->kind = -1;
  self->warning_days = 90;
  g_date_clear (&self->expiring_before, 1);
  g_date_clear (&self->today, 1);
}

DnPartnerFilter *
dn_partner_filter_new (void)
{
  return g_object_new (DN_TYPE_PARTNER_FILTER, NULL);
}

const char *
dn_partner_filter_get_text (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), NULL);
  return self->text;
}

void
dn_partner_filter_set_text (DnPartnerFilter *self,
                            const char      *text)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_TEXT, text);
}

int
dn_partner_filter_get_kind (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), -1);
  return self->kind;
}

void
dn_partner_filter_set_kind (DnPartnerFilter *self,
                            int              kind)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  if (kind < 0 || kind >= DN_PARTNER_KIND_N)
    kind = -1;
  dn_filter_set_number (DN_FILTER (self), PROP_KIND, kind);
}

const char *
dn_partner_filter_get_country_code (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), NULL);
  return self->country_code;
}

void
dn_partner_filter_set_country_code (DnPartnerFilter *self,
                                    const char      *code)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_COUNTRY_CODE, code);
}


gboolean
dn_partner_filter_get_expiring_soon (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), FALSE);
  return self->expiring_soon;
}

void
dn_partner_filter_set_expiring_soon (DnPartnerFilter *self,
                                     gboolean         soon)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_EXPIRING_SOON, !!soon);
}

const GDate *
dn_partner_filter_get_today (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), NULL);
  return g_date_valid (&self->today) ? &self->today : NULL;
}

void
dn_partner_filter_set_today (DnPartnerFilter *self,
                             const GDate     *today)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  dn_filter_set_date (DN_FILTER (self), PROP_TODAY, today);
}

guint
dn_partner_filter_get_warning_days (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), 0);
  return self->warning_days;
}

void
dn_partner_filter_set_warning_days (DnPartnerFilter *self,
                                    guint            days)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_WARNING_DAYS, MIN (days, 1000));
}

void
dn_partner_filter_reset (DnPartnerFilter *self)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  dn_filter_clear (DN_FILTER (self), PROP_TEXT, PROP_EXPIRING_SOON);
}

gboolean
dn_partner_filter_apply_preset (DnPartnerFilter *self,
                                const char      *preset)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  if (!g_str_equal (preset, "") && !g_str_equal (preset, "all") && !g_str_equal (preset, "expiring"))
    return FALSE;
  dn_filter_freeze (DN_FILTER (self));
  dn_partner_filter_reset (self);
  dn_partner_filter_set_expiring_soon (self, g_str_equal (preset, "expiring"));
  dn_filter_thaw (DN_FILTER (self));
  return TRUE;
}

gboolean
dn_partner_filter_is_active (DnPartnerFilter *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), FALSE);
  return self->text != NULL || self->kind >= 0 || self->country_code != NULL ||
         g_date_valid (&self->expiring_before) || self->expiring_soon;
}

void
dn_partner_filter_to_query (DnPartnerFilter *self,
                            DnPartnerQuery  *query)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  g_return_if_fail (query != NULL);

  dn_partner_query_init (query);
  query->text = self->text;
  query->kind = self->kind;
  query->country_code = self->country_code;
  if (self->expiring_soon && g_date_valid (&self->today))
    {
      /* as the overview's alert: before today + the warning days */
      query->expiring_before = self->today;
      g_date_add_days (&query->expiring_before, self->warning_days);
    }
  else if (g_date_valid (&self->expiring_before))
    query->expiring_before = self->expiring_before;
}
