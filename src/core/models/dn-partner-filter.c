/* dn-partner-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner-filter"

#include "config.h"

#include "dn-partner-filter.h"

struct _DnPartnerFilter
{
  GObject   parent_instance;

  char     *text;
  int       kind;
  char     *country_code;
  GDate     expiring_before;
  gboolean  expiring_soon;
  GDate     today;
  guint     warning_days;

  guint     frozen;
  gboolean  changed;
};

G_DEFINE_FINAL_TYPE (DnPartnerFilter, dn_partner_filter, G_TYPE_OBJECT)

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

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Notifies @prop and emits "changed" (once after a reset). */
static void
changed (DnPartnerFilter *self,
         int              prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (self->frozen > 0)
    self->changed = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  gboolean va = a != NULL && g_date_valid (a);
  gboolean vb = b != NULL && g_date_valid (b);

  return va == vb && (!va || g_date_compare (a, b) == 0);
}

static void
set_date (GDate       *field,
          const GDate *value)
{
  if (value != NULL && g_date_valid (value))
    *field = *value;
  else
    g_date_clear (field, 1);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
dn_partner_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DnPartnerFilter *self = DN_PARTNER_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;
    case PROP_EXPIRING_BEFORE:
      g_value_set_boxed (value, g_date_valid (&self->expiring_before) ? &self->expiring_before : NULL);
      break;
    case PROP_EXPIRING_SOON:
      g_value_set_boolean (value, self->expiring_soon);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, g_date_valid (&self->today) ? &self->today : NULL);
      break;
    case PROP_WARNING_DAYS:
      g_value_set_uint (value, self->warning_days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_partner_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DnPartnerFilter *self = DN_PARTNER_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dn_partner_filter_set_text (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      dn_partner_filter_set_kind (self, g_value_get_int (value));
      break;
    case PROP_COUNTRY_CODE:
      dn_partner_filter_set_country_code (self, g_value_get_string (value));
      break;
    case PROP_EXPIRING_BEFORE:
      dn_partner_filter_set_expiring_before (self, g_value_get_boxed (value));
      break;
    case PROP_EXPIRING_SOON:
      dn_partner_filter_set_expiring_soon (self, g_value_get_boolean (value));
      break;
    case PROP_TODAY:
      dn_partner_filter_set_today (self, g_value_get_boxed (value));
      break;
    case PROP_WARNING_DAYS:
      dn_partner_filter_set_warning_days (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_partner_filter_finalize (GObject *object)
{
  DnPartnerFilter *self = DN_PARTNER_FILTER (object);

  g_free (self->text);
  g_free (self->country_code);
  G_OBJECT_CLASS (dn_partner_filter_parent_class)->finalize (object);
}

static void
dn_partner_filter_class_init (DnPartnerFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dn_partner_filter_get_property;
  object_class->set_property = dn_partner_filter_set_property;
  object_class->finalize = dn_partner_filter_finalize;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, -1, DN_PARTNER_KIND_N - 1, -1, flags);
  properties[PROP_COUNTRY_CODE] = g_param_spec_string ("country-code", NULL, NULL, NULL, flags);
  properties[PROP_EXPIRING_BEFORE] = g_param_spec_boxed ("expiring-before", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_EXPIRING_SOON] = g_param_spec_boolean ("expiring-soon", NULL, NULL, FALSE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_WARNING_DAYS] = g_param_spec_uint ("warning-days", NULL, NULL, 0, 1000, 90, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
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
  text = nonempty (text);
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  changed (self, PROP_TEXT);
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
  if (self->kind == kind)
    return;
  self->kind = kind;
  changed (self, PROP_KIND);
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
  code = nonempty (code);
  if (g_strcmp0 (self->country_code, code) == 0)
    return;
  g_free (self->country_code);
  self->country_code = g_strdup (code);
  changed (self, PROP_COUNTRY_CODE);
}

void
dn_partner_filter_set_expiring_before (DnPartnerFilter *self,
                                       const GDate     *before)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  if (same_date (&self->expiring_before, before))
    return;
  set_date (&self->expiring_before, before);
  changed (self, PROP_EXPIRING_BEFORE);
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
  soon = !!soon;
  if (self->expiring_soon == soon)
    return;
  self->expiring_soon = soon;
  changed (self, PROP_EXPIRING_SOON);
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
  if (same_date (&self->today, today))
    return;
  set_date (&self->today, today);
  changed (self, PROP_TODAY);
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
  days = MIN (days, 1000);
  if (self->warning_days == days)
    return;
  self->warning_days = days;
  changed (self, PROP_WARNING_DAYS);
}

void
dn_partner_filter_reset (DnPartnerFilter *self)
{
  g_return_if_fail (DN_IS_PARTNER_FILTER (self));
  if (self->frozen++ == 0)
    g_object_freeze_notify (G_OBJECT (self));
  dn_partner_filter_set_text (self, NULL);
  dn_partner_filter_set_kind (self, -1);
  dn_partner_filter_set_country_code (self, NULL);
  dn_partner_filter_set_expiring_before (self, NULL);
  dn_partner_filter_set_expiring_soon (self, FALSE);
  if (--self->frozen == 0)
    {
      g_object_thaw_notify (G_OBJECT (self));
      if (self->changed)
        {
          self->changed = FALSE;
          g_signal_emit (self, signals[CHANGED], 0);
        }
    }
}

gboolean
dn_partner_filter_apply_preset (DnPartnerFilter *self,
                                const char      *preset)
{
  g_return_val_if_fail (DN_IS_PARTNER_FILTER (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  if (!g_str_equal (preset, "") && !g_str_equal (preset, "all") && !g_str_equal (preset, "expiring"))
    return FALSE;
  self->frozen++;
  g_object_freeze_notify (G_OBJECT (self));
  dn_partner_filter_reset (self);
  dn_partner_filter_set_expiring_soon (self, g_str_equal (preset, "expiring"));
  g_object_thaw_notify (G_OBJECT (self));
  if (--self->frozen == 0 && self->changed)
    {
      self->changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
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
