/* dn-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-filter"

#include "config.h"

#include "dn-filter.h"

typedef struct
{
  guint    frozen;   /* > 0 while a reset or a preset sets several */
  gboolean changed;  /* something changed while frozen */
} DnFilterPrivate;

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DnFilter, dn_filter, G_TYPE_OBJECT)

/* the enums are kept as ints */
G_STATIC_ASSERT (sizeof (guint) == sizeof (int));

static const DnFilterField *
field (DnFilter *self,
       guint     prop)
{
  DnFilterClass *klass = DN_FILTER_GET_CLASS (self);

  g_assert (prop > 0 && prop < klass->n_properties);
  return &klass->fields[prop];
}

#define FIELD_OF(self, type, f) G_STRUCT_MEMBER (type, self, (f)->offset)

/* One property changed. */
static void
changed (DnFilter *self,
         guint     prop)
{
  DnFilterPrivate *priv = dn_filter_get_instance_private (self);

  dn_filter_freeze (self);
  priv->changed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), DN_FILTER_GET_CLASS (self)->properties[prop]);
  dn_filter_thaw (self);
}

/* The field of a property of the table, or NULL (with a warning). */
static const DnFilterField *
table_field (GObject    *object,
             guint       prop_id,
             GParamSpec *pspec)
{
  DnFilterClass *klass = DN_FILTER_GET_CLASS (object);

  if (prop_id == 0 || prop_id >= klass->n_properties || klass->fields[prop_id].type == DN_FILTER_FIELD_NONE)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return NULL;
    }
  return &klass->fields[prop_id];
}

static void
dn_filter_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DnFilter *self = DN_FILTER (object);
  const DnFilterField *f = table_field (object, prop_id, pspec);

  GValue number = G_VALUE_INIT;

  if (f == NULL)
    return;
  if (f->type == DN_FILTER_FIELD_TEXT)
    g_value_set_string (value, FIELD_OF (self, char *, f));
  else if (f->type == DN_FILTER_FIELD_DATE)
    g_value_set_boxed (value, g_date_valid (&FIELD_OF (self, GDate, f)) ? &FIELD_OF (self, GDate, f) : NULL);
  else
    {
      /* the number kept, as the property's type (int, guint, gint64, boolean or enum) */
      g_value_init (&number, G_TYPE_INT64);
      g_value_set_int64 (&number, dn_filter_get_number (self, prop_id));
      g_value_transform (&number, value);
    }
}

/* The values come checked against the property's range. */
static void
dn_filter_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DnFilter *self = DN_FILTER (object);
  const DnFilterField *f = table_field (object, prop_id, pspec);

  GValue number = G_VALUE_INIT;

  if (f == NULL)
    return;
  if (f->type == DN_FILTER_FIELD_TEXT)
    dn_filter_set_text (self, prop_id, g_value_get_string (value));
  else if (f->type == DN_FILTER_FIELD_DATE)
    dn_filter_set_date (self, prop_id, g_value_get_boxed (value));
  else
    {
      /* int, guint, gint64, boolean or enum: the number kept */
      g_value_init (&number, G_TYPE_INT64);
      g_value_transform (value, &number);
      dn_filter_set_number (self, prop_id, g_value_get_int64 (&number));
    }
}

static void
dn_filter_finalize (GObject *object)
{
  DnFilterClass *klass = DN_FILTER_GET_CLASS (object);

  for (guint prop = 1; prop < klass->n_properties; prop++)
    if (klass->fields[prop].type == DN_FILTER_FIELD_TEXT)
      g_clear_pointer (&FIELD_OF (object, char *, &klass->fields[prop]), g_free);
  G_OBJECT_CLASS (dn_filter_parent_class)->finalize (object);
}

static void
dn_filter_class_init (DnFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dn_filter_finalize;
  /* for the filters' set_property to chain up to */
  object_class->get_property = dn_filter_get_property;
  object_class->set_property = dn_filter_set_property;

  /**
   * DnFilter::changed:
   *
   * Some setting changed; once for a reset or a preset.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dn_filter_init (DnFilter *self)
{
}

/*
 * For the filters
 */

void
dn_filter_class_install (DnFilterClass        *klass,
                         GParamSpec          **properties,
                         const DnFilterField  *fields,
                         guint                 n_properties)
{
  g_return_if_fail (DN_IS_FILTER_CLASS (klass));

  /* GObject gives every class its own get_property and set_property */
  if (G_OBJECT_CLASS (klass)->get_property == NULL)
    G_OBJECT_CLASS (klass)->get_property = dn_filter_get_property;
  if (G_OBJECT_CLASS (klass)->set_property == NULL)
    G_OBJECT_CLASS (klass)->set_property = dn_filter_set_property;
  klass->properties = properties;
  klass->fields = fields;
  klass->n_properties = n_properties;
  g_object_class_install_properties (G_OBJECT_CLASS (klass), n_properties, properties);
}

void
dn_filter_freeze (DnFilter *self)
{
  DnFilterPrivate *priv = dn_filter_get_instance_private (self);

  g_return_if_fail (DN_IS_FILTER (self));
  if (priv->frozen++ == 0)
    g_object_freeze_notify (G_OBJECT (self));
}

void
dn_filter_thaw (DnFilter *self)
{
  DnFilterPrivate *priv = dn_filter_get_instance_private (self);

  g_return_if_fail (DN_IS_FILTER (self));
  g_return_if_fail (priv->frozen > 0);
  if (--priv->frozen > 0)
    return;
  g_object_thaw_notify (G_OBJECT (self));
  if (priv->changed)
    {
      priv->changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
dn_filter_mark_changed (DnFilter *self)
{
  DnFilterPrivate *priv = dn_filter_get_instance_private (self);

  g_return_if_fail (DN_IS_FILTER (self));
  priv->changed = TRUE;
}

gint64
dn_filter_get_number (DnFilter *self,
                      guint     prop)
{
  const DnFilterField *f;

  g_return_val_if_fail (DN_IS_FILTER (self), 0);
  f = field (self, prop);
  if (f->type == DN_FILTER_FIELD_INT64)
    return FIELD_OF (self, gint64, f);
  g_return_val_if_fail (f->type == DN_FILTER_FIELD_INT, 0);
  /* the guints (a count of days…) stay below G_MAXINT */
  return FIELD_OF (self, int, f);
}

gboolean
dn_filter_set_number (DnFilter *self,
                      guint     prop,
                      gint64    value)
{
  const DnFilterField *f;

  g_return_val_if_fail (DN_IS_FILTER (self), FALSE);
  f = field (self, prop);
  if (dn_filter_get_number (self, prop) == value)
    return FALSE;
  if (f->type == DN_FILTER_FIELD_INT64)
    FIELD_OF (self, gint64, f) = value;
  else
    FIELD_OF (self, int, f) = (int) value;
  changed (self, prop);
  return TRUE;
}

gboolean
dn_filter_set_text (DnFilter   *self,
                    guint       prop,
                    const char *text)
{
  const DnFilterField *f;
  char **kept;

  g_return_val_if_fail (DN_IS_FILTER (self), FALSE);
  f = field (self, prop);
  g_return_val_if_fail (f->type == DN_FILTER_FIELD_TEXT, FALSE);

  kept = &FIELD_OF (self, char *, f);
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (*kept, text) == 0)
    return FALSE;
  g_free (*kept);
  *kept = g_strdup (text);
  changed (self, prop);
  return TRUE;
}

gboolean
dn_filter_set_date (DnFilter    *self,
                    guint        prop,
                    const GDate *date)
{
  const DnFilterField *f;
  GDate *kept;
  GDate value;

  g_return_val_if_fail (DN_IS_FILTER (self), FALSE);
  f = field (self, prop);
  g_return_val_if_fail (f->type == DN_FILTER_FIELD_DATE, FALSE);

  kept = &FIELD_OF (self, GDate, f);
  g_date_clear (&value, 1);
  if (date != NULL && g_date_valid (date))
    value = *date;
  if (g_date_valid (kept) == g_date_valid (&value) &&
      (!g_date_valid (kept) || g_date_compare (kept, &value) == 0))
    return FALSE;
  *kept = value;
  changed (self, prop);
  return TRUE;
}

void
dn_filter_clear (DnFilter *self,
                 guint     first,
                 guint     last)
{
  DnFilterClass *klass;

  g_return_if_fail (DN_IS_FILTER (self));
  klass = DN_FILTER_GET_CLASS (self);
  g_return_if_fail (first > 0 && last < klass->n_properties);

  dn_filter_freeze (self);
  for (guint prop = first; prop <= last; prop++)
    g_object_set_property (G_OBJECT (self), klass->properties[prop]->name,
                           g_param_spec_get_default_value (klass->properties[prop]));
  dn_filter_thaw (self);
}
