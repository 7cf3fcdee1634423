/* dn-passport-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-filter"

#include "config.h"

#include "dn-date.h"
#include "dn-passport-filter.h"

struct _DnPassportFilter
{
  DnFilter  parent_instance;

  char     *text;
  int       state;
  gboolean  only_out;
  gboolean  only_overdue;
  GDate     expiring_before;
  GDate     today;
};

G_DEFINE_FINAL_TYPE (DnPassportFilter, dn_passport_filter, DN_TYPE_FILTER)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_STATE,
  PROP_ONLY_OUT,
  PROP_ONLY_OVERDUE,
  PROP_EXPIRING_BEFORE,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(type, member) { DN_FILTER_FIELD_##type, G_STRUCT_OFFSET (DnPassportFilter, member) }

static const DnFilterField fields[N_PROPS] = {
  [PROP_TEXT] = FIELD (TEXT, text),
  [PROP_STATE] = FIELD (INT, state),
  [PROP_ONLY_OUT] = FIELD (INT, only_out),
  [PROP_ONLY_OVERDUE] = FIELD (INT, only_overdue),
  [PROP_EXPIRING_BEFORE] = FIELD (DATE, expiring_before),
  [PROP_TODAY] = FIELD (DATE, today),
};

static void
dn_passport_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  /* today is always a day */
  if (prop_id == PROP_TODAY)
    dn_passport_filter_set_today (DN_PASSPORT_FILTER (object), g_value_get_boxed (value));
  else
    G_OBJECT_CLASS (dn_passport_filter_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
dn_passport_filter_class_init (DnPassportFilterClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  G_OBJECT_CLASS (klass)->set_property = dn_passport_filter_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, -1, DN_PASSPORT_STATE_N - 1, -1, flags);
  properties[PROP_ONLY_OUT] = g_param_spec_boolean ("only-out", NULL, NULL, FALSE, flags);
  properties[PROP_ONLY_OVERDUE] = g_param_spec_boolean ("only-overdue", NULL, NULL, FALSE, flags);
  properties[PROP_EXPIRING_BEFORE] = g_param_spec_boxed ("expiring-before", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  dn_filter_class_install (DN_FILTER_CLASS (klass), properties, fields, N_PROPS);
}

static void
dn_passport_filter_init (DnPassportFilter *self)
{
  self->state = -1;
  g_date_clear (&self->expiring_before, 1);
  dn_date_today (&self->today);
}

DnPassportFilter *
dn_passport_filter_new (void)
{
  return g_object_new (DN_TYPE_PASSPORT_FILTER, NULL);
}

const char *
dn_passport_filter_get_text (DnPassportFilter *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_FILTER (self), NULL);
  return self->text;
}

void
dn_passport_filter_set_text (DnPassportFilter *self,
                             const char       *text)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_TEXT, text);
}




void
dn_passport_filter_set_only_out (DnPassportFilter *self,
                                 gboolean          only_out)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_ONLY_OUT, !!only_out);
}


void
dn_passport_filter_set_only_overdue (DnPassportFilter *self,
                                     gboolean          only_overdue)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_ONLY_OVERDUE, !!only_overdue);
}

void
dn_passport_filter_set_expiring_before (DnPassportFilter *self,
                                        const GDate      *day)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  dn_filter_set_date (DN_FILTER (self), PROP_EXPIRING_BEFORE, day);
}

void
dn_passport_filter_get_expiring_before (DnPassportFilter *self,
                                        GDate            *day)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  *day = self->expiring_before;
}

void
dn_passport_filter_set_today (DnPassportFilter *self,
                              const GDate      *today)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  g_return_if_fail (today != NULL && g_date_valid (today));
  dn_filter_set_date (DN_FILTER (self), PROP_TODAY, today);
}


void
dn_passport_filter_reset (DnPassportFilter *self)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  dn_filter_clear (DN_FILTER (self), PROP_TEXT, PROP_EXPIRING_BEFORE);
}

gboolean
dn_passport_filter_is_active (DnPassportFilter *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_FILTER (self), FALSE);
  return self->text != NULL || self->state >= 0 || self->only_out || self->only_overdue ||
         g_date_valid (&self->expiring_before);
}

void
dn_passport_filter_to_query (DnPassportFilter *self,
                             DnPassportQuery  *query)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  dn_passport_query_init (query, &self->today);
  query->text = self->text;
  query->state = self->state;
  query->only_out = self->only_out;
  query->only_overdue = self->only_overdue;
  query->expiring_before = self->expiring_before;
}
