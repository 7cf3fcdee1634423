/* dn-delegation-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-filter"

#include "config.h"

#include "dn-delegation-filter.h"

struct _DnDelegationFilter
{
  GObject   parent_instance;

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

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DnDelegationFilter, dn_delegation_filter, G_TYPE_OBJECT)

static void
changed (DnDelegationFilter *self,
         int                 prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static void
set_day (DnDelegationFilter *self,
         GDate              *field,
         const GDate        *day,
         int                 prop)
{
  GDate value;

  g_date_clear (&value, 1);
  if (day != NULL && g_date_valid (day))
    value = *day;
  if (same_day (field, &value))
    return;
  *field = value;
  changed (self, prop);
}

static void
dn_delegation_filter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DnDelegationFilter *self = DN_DELEGATION_FILTER (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_value_set_int (value, self->direction);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ABROAD_ON:
      g_value_set_boxed (value, g_date_valid (&self->abroad_on) ? &self->abroad_on : NULL);
      break;
    case PROP_REPORT_OVERDUE:
      g_value_set_boolean (value, self->report_overdue);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, g_date_valid (&self->today) ? &self->today : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_delegation_filter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DnDelegationFilter *self = DN_DELEGATION_FILTER (object);

  switch (prop_id)
    {
    case PROP_DIRECTION:
      dn_delegation_filter_set_direction (self, g_value_get_int (value));
      break;
    case PROP_STATUS:
      dn_delegation_filter_set_status (self, g_value_get_int (value));
      break;
    case PROP_TEXT:
      dn_delegation_filter_set_text (self, g_value_get_string (value));
      break;
    case PROP_ABROAD_ON:
      dn_delegation_filter_set_abroad_on (self, g_value_get_boxed (value));
      break;
    case PROP_REPORT_OVERDUE:
      dn_delegation_filter_set_report_overdue (self, g_value_get_boolean (value));
      break;
    case PROP_TODAY:
      dn_delegation_filter_set_today (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_delegation_filter_finalize (GObject *object)
{
  DnDelegationFilter *self = DN_DELEGATION_FILTER (object);

  g_free (self->text);
  G_OBJECT_CLASS (dn_delegation_filter_parent_class)->finalize (object);
}

static void
dn_delegation_filter_class_init (DnDelegationFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dn_delegation_filter_get_property;
  object_class->set_property = dn_delegation_filter_set_property;
  object_class->finalize = dn_delegation_filter_finalize;

  properties[PROP_DIRECTION] = g_param_spec_int ("direction", NULL, NULL, -1, DN_DELEGATION_DIRECTION_N - 1, -1, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, -1, DN_DELEGATION_STATUS_N - 1, -1, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_ABROAD_ON] = g_param_spec_boxed ("abroad-on", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_REPORT_OVERDUE] = g_param_spec_boolean ("report-overdue", NULL, NULL, FALSE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
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

int
dn_delegation_filter_get_direction (DnDelegationFilter *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_FILTER (self), -1);
  return self->direction;
}

void
dn_delegation_filter_set_direction (DnDelegationFilter *self,
                                    int                 direction)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  direction = CLAMP (direction, -1, DN_DELEGATION_DIRECTION_N - 1);
  if (self->direction == direction)
    return;
  self->direction = direction;
  changed (self, PROP_DIRECTION);
}

int
dn_delegation_filter_get_status (DnDelegationFilter *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_FILTER (self), -1);
  return self->status;
}

void
dn_delegation_filter_set_status (DnDelegationFilter *self,
                                 int                 status)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  status = CLAMP (status, -1, DN_DELEGATION_STATUS_N - 1);
  if (self->status == status)
    return;
  self->status = status;
  changed (self, PROP_STATUS);
}

const char *
dn_delegation_filter_get_text (DnDelegationFilter *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_FILTER (self), NULL);
  return self->text;
}

void
dn_delegation_filter_set_text (DnDelegationFilter *self,
                               const char         *text)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  changed (self, PROP_TEXT);
}

void
dn_delegation_filter_set_abroad_on (DnDelegationFilter *self,
                                    const GDate        *day)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  set_day (self, &self->abroad_on, day, PROP_ABROAD_ON);
}

gboolean
dn_delegation_filter_get_report_overdue (DnDelegationFilter *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_FILTER (self), FALSE);
  return self->report_overdue;
}

void
dn_delegation_filter_set_report_overdue (DnDelegationFilter *self,
                                         gboolean            overdue)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  overdue = !!overdue;
  if (self->report_overdue == overdue)
    return;
  self->report_overdue = overdue;
  changed (self, PROP_REPORT_OVERDUE);
}

void
dn_delegation_filter_set_today (DnDelegationFilter *self,
                                const GDate        *today)
{
  g_return_if_fail (DN_IS_DELEGATION_FILTER (self));
  set_day (self, &self->today, today, PROP_TODAY);
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
