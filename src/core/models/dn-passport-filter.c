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
  GObject   parent_instance;

  char     *text;
  int       state;
  gboolean  only_out;
  gboolean  only_overdue;
  GDate     expiring_before;
  GDate     today;

  guint     frozen;
  gboolean  changed;
};

G_DEFINE_FINAL_TYPE (DnPassportFilter, dn_passport_filter, G_TYPE_OBJECT)

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

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
freeze (DnPassportFilter *self)
{
  if (self->frozen++ == 0)
    g_object_freeze_notify (G_OBJECT (self));
}

static void
thaw (DnPassportFilter *self)
{
  g_assert (self->frozen > 0);
  if (--self->frozen > 0)
    return;
  g_object_thaw_notify (G_OBJECT (self));
  if (self->changed)
    {
      self->changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
changed (DnPassportFilter *self,
         guint             prop)
{
  freeze (self);
  self->changed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  thaw (self);
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static void
set_date (DnPassportFilter *self,
          GDate            *field,
          const GDate      *day,
          guint             prop)
{
  GDate value;

  g_date_clear (&value, 1);
  if (day != NULL && g_date_valid (day))
    value = *day;
  if (same_date (field, &value))
    return;
  *field = value;
  changed (self, prop);
}

static void
dn_passport_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DnPassportFilter *self = DN_PASSPORT_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_ONLY_OUT:
      g_value_set_boolean (value, self->only_out);
      break;
    case PROP_ONLY_OVERDUE:
      g_value_set_boolean (value, self->only_overdue);
      break;
    case PROP_EXPIRING_BEFORE:
      g_value_set_boxed (value, g_date_valid (&self->expiring_before) ? &self->expiring_before : NULL);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, &self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_passport_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DnPassportFilter *self = DN_PASSPORT_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dn_passport_filter_set_text (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      dn_passport_filter_set_state (self, g_value_get_int (value));
      break;
    case PROP_ONLY_OUT:
      dn_passport_filter_set_only_out (self, g_value_get_boolean (value));
      break;
    case PROP_ONLY_OVERDUE:
      dn_passport_filter_set_only_overdue (self, g_value_get_boolean (value));
      break;
    case PROP_EXPIRING_BEFORE:
      dn_passport_filter_set_expiring_before (self, g_value_get_boxed (value));
      break;
    case PROP_TODAY:
      dn_passport_filter_set_today (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_passport_filter_finalize (GObject *object)
{
  DnPassportFilter *self = DN_PASSPORT_FILTER (object);

  g_free (self->text);
  G_OBJECT_CLASS (dn_passport_filter_parent_class)->finalize (object);
}

static void
dn_passport_filter_class_init (DnPassportFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dn_passport_filter_get_property;
  object_class->set_property = dn_passport_filter_set_property;
  object_class->finalize = dn_passport_filter_finalize;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, -1, DN_PASSPORT_STATE_N - 1, -1, flags);
  properties[PROP_ONLY_OUT] = g_param_spec_boolean ("only-out", NULL, NULL, FALSE, flags);
  properties[PROP_ONLY_OVERDUE] = g_param_spec_boolean ("only-overdue", NULL, NULL, FALSE, flags);
  properties[PROP_EXPIRING_BEFORE] = g_param_spec_boxed ("expiring-before", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_TODAY] = g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
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
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  changed (self, PROP_TEXT);
}

int
dn_passport_filter_get_state (DnPassportFilter *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_FILTER (self), -1);
  return self->state;
}

void
dn_passport_filter_set_state (DnPassportFilter *self,
                              int               state)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  if (state < 0 || state >= DN_PASSPORT_STATE_N)
    state = -1;
  if (self->state == state)
    return;
  self->state = state;
  changed (self, PROP_STATE);
}

gboolean
dn_passport_filter_get_only_out (DnPassportFilter *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_FILTER (self), FALSE);
  return self->only_out;
}

void
dn_passport_filter_set_only_out (DnPassportFilter *self,
                                 gboolean          only_out)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  if (self->only_out == !!only_out)
    return;
  self->only_out = !!only_out;
  changed (self, PROP_ONLY_OUT);
}

gboolean
dn_passport_filter_get_only_overdue (DnPassportFilter *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_FILTER (self), FALSE);
  return self->only_overdue;
}

void
dn_passport_filter_set_only_overdue (DnPassportFilter *self,
                                     gboolean          only_overdue)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  if (self->only_overdue == !!only_overdue)
    return;
  self->only_overdue = !!only_overdue;
  changed (self, PROP_ONLY_OVERDUE);
}

void
dn_passport_filter_set_expiring_before (DnPassportFilter *self,
                                        const GDate      *day)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  set_date (self, &self->expiring_before, day, PROP_EXPIRING_BEFORE);
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
  set_date (self, &self->today, today, PROP_TODAY);
}

void
dn_passport_filter_get_today (DnPassportFilter *self,
                              GDate            *today)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  *today = self->today;
}

void
dn_passport_filter_reset (DnPassportFilter *self)
{
  g_return_if_fail (DN_IS_PASSPORT_FILTER (self));
  freeze (self);
  dn_passport_filter_set_text (self, NULL);
  dn_passport_filter_set_state (self, -1);
  dn_passport_filter_set_only_out (self, FALSE);
  dn_passport_filter_set_only_overdue (self, FALSE);
  dn_passport_filter_set_expiring_before (self, NULL);
  thaw (self);
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
