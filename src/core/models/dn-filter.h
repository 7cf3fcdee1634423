/* dn-filter.h: what a list shows, as one object (the base of the filters)
 *
 * A filter keeps its settings in fields of its instance, one GObject
 * property each, described by a table (DnFilterField: where the value is
 * kept and how); the properties are read and written through the table, so
 * a list's widgets can be bound to them. Every change notifies its property
 * and emits "changed"; between dn_filter_freeze() and dn_filter_thaw() (a
 * reset, a preset: several settings at once) the notifications wait and
 * "changed" comes once at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DN_FILTER_FIELD_NONE,   /* not in the table (property 0, or kept otherwise) */
  DN_FILTER_FIELD_TEXT,   /* char *, owned; "" counts as NULL */
  DN_FILTER_FIELD_INT,    /* int: an int, a boolean (0 or 1), an enum or a guint */
  DN_FILTER_FIELD_INT64,  /* gint64 */
  DN_FILTER_FIELD_DATE,   /* GDate, invalid for none; the property is a GDate or NULL */
} DnFilterFieldType;

typedef struct
{
  DnFilterFieldType type;
  guint16           offset;  /* in the instance: G_STRUCT_OFFSET () */
} DnFilterField;

#define DN_TYPE_FILTER (dn_filter_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnFilter, dn_filter, DN, FILTER, GObject)

struct _DnFilterClass
{
  GObjectClass parent_class;

  /* set by dn_filter_class_install() */
  GParamSpec          **properties;
  const DnFilterField  *fields;
  guint                 n_properties;

  gpointer padding[4];
};

/* Installs @properties (@n_properties, [0] unused) of a filter class, kept
 * in the fields @fields gives (indexed by property id too). The class's
 * get_property and set_property are the table's, unless it set its own
 * before (e.g. a set_property for a property of its own that hands the
 * others to the parent's). */
void      dn_filter_class_install (DnFilterClass        *klass,
                                   GParamSpec          **properties,
                                   const DnFilterField  *fields,
                                   guint                 n_properties);

void      dn_filter_freeze        (DnFilter             *self);
void      dn_filter_thaw          (DnFilter             *self);
/* "changed" will come at the end of the freeze even if nothing changed
 * (e.g. a preset: the list starts again from the top). */
void      dn_filter_mark_changed  (DnFilter             *self);

/* Set a field of the table; the property is notified and "changed"
 * emitted when the value is new (TRUE then). The value is the caller's
 * to check. */
gboolean  dn_filter_set_number    (DnFilter             *self,
                                   guint                 prop,
                                   gint64                value);
gint64    dn_filter_get_number    (DnFilter             *self,
                                   guint                 prop);
gboolean  dn_filter_set_text      (DnFilter             *self,
                                   guint                 prop,
                                   const char           *text);
/* NULL or an invalid date: none. */
gboolean  dn_filter_set_date      (DnFilter             *self,
                                   guint                 prop,
                                   const GDate          *date);
/* The properties @first to @last back to their defaults, as one change. */
void      dn_filter_clear         (DnFilter             *self,
                                   guint                 first,
                                   guint                 last);

G_END_DECLS
