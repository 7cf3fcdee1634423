/* dn-delegation-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-filter"

#include "config.h"

#include "dn-delegation-filter.h"

struct _DnDelegationFilter
{
  DnFilter  parent_instance;

  int       direction;
  int       status;
  char     *text;
  GDate     abroad_on;
  gboolean  report_overdue;
  GDate     today;
};

enum {
  PROP_0,
  PROP_DIRECTION,
  PROP_STATUS,
  PROP_TEXT,
  PROP_ABROAD_ON,
  PROP_REPORT_OVERDUE,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(type, member) { DN_FILTER_FIELD_##type, G_STRUCT_OFFSET (DnDelegationFilter, member) }

static const DnFilterField fields[N_PROPS] = {
  [PROP_DIRECTION] = FIELD (INT, direction),
  [PROP_STATUS] = FIELD (INT, status),
  [PROP_TEXT] = FIELD (TEXT, text),
  [PROP_ABROAD_ON] = FIELD (DATE, abroad_on),
  [PROP_REPORT_OVERDUE] = FIELD (INT, report_overdue),
  [PROP_TODAY] = FIELD (DATE, today),
};

G_DEFINE_FINAL_TYPE (DnDelegationFilter, dn_delegation_filter, DN_TYPE_FILTER)

static void
dn_delegation_filter_class_init (DnDelegationFilterClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_DIRECTION] = g_param_spec_int ("direction", NULL, NULL, -1, DN_DELEGATION_DIRECTION_N - 1, -1, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, -1, DN_DELEGATION_STATUS_N - 1, -1, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_ABROAD_ON] = g_param_spec_boxed ("abroad-on", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_REPORT_OVERDUE] = g_param_spec_boolean ("report-overdue", NULL, NULL, FALSE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  dn_filter_class_install (DN_FILTER_CLASS (klass), properties, fields, N_PROPS);
}

static void
dn_delegation_filter_init (DnDelegationFilter *self)
{
  self->direction = -1;
  self->status = -1;
  g_date_clear (&self->abroad_on, 1);
  g_date_clear (&self->today, 1);
}

DnDelegationFilter *
dn_delegation_filter_new (void)
{
  return g_object_new (DN_TYPE_DELEGATION_FILTER, NULL);
}


void
dn_delegation_filter_set_direction (DnDelegationFilter *self,
                                    int                 direction)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  direction = CLAMP (direction, -1, DN_DELEGATION_DIRECTION_N - 1);
  dn_filter_set_number (DN_FILTER (self), PROP_DIRECTION, direction);
}


void
dn_delegation_filter_set_status (DnDelegationFilter *self,
                                 int                 status)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  status = CLAMP (status, -1, DN_DELEGATION_STATUS_N - 1);
  dn_filter_set_number (DN_FILTER (self), PROP_STATUS, status);
}


void
dn_delegation_filter_set_text (DnDelegationFilter *self,
                               const char         *text)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_TEXT, text);
}

void
dn_delegation_filter_set_abroad_on (DnDelegationFilter *self,
                                    const GDate        *day)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  dn_filter_set_date (DN_FILTER (self), PROP_ABROAD_ON, day);
}


void
dn_delegation_filter_set_report_overdue (DnDelegationFilter *self,
                                         gboolean            overdue)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_REPORT_OVERDUE, !!overdue);
}

void
dn_delegation_filter_set_today (DnDelegationFilter *self,
                                const GDate        *today)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  dn_filter_set_date (DN_FILTER (self), PROP_TODAY, today);
}

gboolean
dn_delegation_filter_is_active (DnDelegationFilter *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_FILTER (self), FALSE);
  return self->status >= 0 || self->text != NULL || g_date_valid (&self->abroad_on) || self->report_overdue;
}

void
dn_delegation_filter_to_query (DnDelegationFilter *self,
                               DnDelegationQuery  *query)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  g_return_if_fail (query != NULL);

  dn_delegation_query_init (query);
  query->direction = self->direction;
  query->status = self->status;
  query->text = self->text;
  query->abroad_on = self->abroad_on;
  query->report_overdue = self->report_overdue;
  query->today = self->today;
}
