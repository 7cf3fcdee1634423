/* dn-task-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-filter"

#include "config.h"

#include "dn-task-filter.h"

struct _DnTaskFilter
{
  DnFilter    parent_instance;

  char       *text;
  gint64      unit_id;
  gboolean    include_sub_units;
  gboolean    lead_only;
  int         status;
  gboolean    overdue;
  DnPeriod    period;
  gint64      document_id;
  DnTaskSort  sort;
  gboolean    descending;
  gint64      my_unit_id;
  gboolean    show_all;
};

G_DEFINE_FINAL_TYPE (DnTaskFilter, dn_task_filter, DN_TYPE_FILTER)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_UNIT_ID,
  PROP_INCLUDE_SUB_UNITS,
  PROP_LEAD_ONLY,
  PROP_STATUS,
  PROP_OVERDUE,
  PROP_PERIOD,
  PROP_DOCUMENT_ID,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_MY_UNIT_ID,
  PROP_SHOW_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(type, member) { DN_FILTER_FIELD_##type, G_STRUCT_OFFSET (DnTaskFilter, member) }

/* Where each property's value is kept: the text, a gint64 (the ids) or an
 * int (the booleans, the status, the period and the order). */
static const DnFilterField fields[N_PROPS] = {
  [PROP_TEXT] = FIELD (TEXT, text),
  [PROP_UNIT_ID] = FIELD (INT64, unit_id),
  [PROP_INCLUDE_SUB_UNITS] = FIELD (INT, include_sub_units),
  [PROP_LEAD_ONLY] = FIELD (INT, lead_only),
  [PROP_STATUS] = FIELD (INT, status),
  [PROP_OVERDUE] = FIELD (INT, overdue),
  [PROP_PERIOD] = FIELD (INT, period),
  [PROP_DOCUMENT_ID] = FIELD (INT64, document_id),
  [PROP_SORT] = FIELD (INT, sort),
  [PROP_DESCENDING] = FIELD (INT, descending),
  [PROP_MY_UNIT_ID] = FIELD (INT64, my_unit_id),
  [PROP_SHOW_ALL] = FIELD (INT, show_all),
};

/* the enums are kept as ints */
G_STATIC_ASSERT (sizeof (DnPeriod) == sizeof (int));
G_STATIC_ASSERT (sizeof (DnTaskSort) == sizeof (int));

static void
freeze (DnTaskFilter *self)
{
  dn_filter_freeze (DN_FILTER (self));
}

static void
thaw (DnTaskFilter *self)
{
  dn_filter_thaw (DN_FILTER (self));
}

/* Sets a property other than the text, checked by the caller; "changed"
 * when the value is new. */
static void
set_field (DnTaskFilter *self,
           guint         prop,
           gint64        value)
{
  dn_filter_set_number (DN_FILTER (self), prop, value);
}

/* The values come checked against the property's range. */
static void
dn_task_filter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DnTaskFilter *self = DN_TASK_FILTER (object);

  /* these two also bring the default view */
  if (prop_id == PROP_MY_UNIT_ID)
    dn_task_filter_set_my_unit_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_SHOW_ALL)
    dn_task_filter_set_show_all (self, g_value_get_boolean (value));
  else
    G_OBJECT_CLASS (dn_task_filter_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
dn_task_filter_class_init (DnTaskFilterClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  G_OBJECT_CLASS (klass)->set_property = dn_task_filter_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_UNIT_ID] = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_INCLUDE_SUB_UNITS] = g_param_spec_boolean ("include-sub-units", NULL, NULL, TRUE, flags);
  properties[PROP_LEAD_ONLY] = g_param_spec_boolean ("lead-only", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, DN_TASK_FILTER_STATUS_UNFINISHED,
                                              DN_STATUS_N - 1, DN_TASK_FILTER_STATUS_ANY, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_PERIOD] = g_param_spec_enum ("period", NULL, NULL, DN_TYPE_PERIOD, DN_PERIOD_ANY, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SORT] = g_param_spec_int ("sort", NULL, NULL, DN_TASK_SORT_DUE, DN_TASK_SORT_URGENCY,
                                            DN_TASK_SORT_URGENCY, flags);
  properties[PROP_DESCENDING] = g_param_spec_boolean ("descending", NULL, NULL, FALSE, flags);
  properties[PROP_MY_UNIT_ID] = g_param_spec_int64 ("my-unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SHOW_ALL] = g_param_spec_boolean ("show-all", NULL, NULL, FALSE, flags);
  /* DnFilter::changed: some filter or the order changed; once for a reset
   * or a preset. */
  dn_filter_class_install (DN_FILTER_CLASS (klass), properties, fields, N_PROPS);
}

static void
dn_task_filter_init (DnTaskFilter *self)
{
  self->include_sub_units = TRUE;
  self->status = DN_TASK_FILTER_STATUS_ANY;
  self->period = DN_PERIOD_ANY;
  self->sort = DN_TASK_SORT_URGENCY;
  /* the default view: unfinished tasks */
  self->status = DN_TASK_FILTER_STATUS_UNFINISHED;
}

/*
 * Public API
 */

DnTaskFilter *
dn_task_filter_new (void)
{
  return g_object_new (DN_TYPE_TASK_FILTER, NULL);
}

const char *
dn_task_filter_get_text (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), NULL);
  return self->text;
}

void
dn_task_filter_set_text (DnTaskFilter *self,
                         const char   *text)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_TEXT, text);
}

gint64
dn_task_filter_get_unit_id (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), 0);
  return self->unit_id;
}

void
dn_task_filter_set_unit_id (DnTaskFilter *self,
                            gint64        unit_id)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));

  set_field (self, PROP_UNIT_ID, MAX (unit_id, 0));
}

DnPeriod
dn_task_filter_get_period (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), DN_PERIOD_ANY);
  return self->period;
}

DnTaskSort
dn_task_filter_get_sort (DnTaskFilter *self,
                         gboolean     *descending)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), DN_TASK_SORT_URGENCY);
  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

void
dn_task_filter_set_sort (DnTaskFilter *self,
                         DnTaskSort    sort,
                         gboolean      descending)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));
  g_return_if_fail (sort >= DN_TASK_SORT_DUE && sort <= DN_TASK_SORT_URGENCY);

  freeze (self);
  set_field (self, PROP_SORT, sort);
  set_field (self, PROP_DESCENDING, !!descending);
  thaw (self);
}

/* Every filter to its property's default: every task. */
static void
clear (DnTaskFilter *self)
{
  /* the filters come first in the properties, the order after them */
  dn_filter_clear (DN_FILTER (self), PROP_TEXT, PROP_DOCUMENT_ID);
}

/* Sets the filters of the default view over cleared ones. */
static void
set_default (DnTaskFilter *self)
{
  if (self->show_all)
    return;
  set_field (self, PROP_STATUS, DN_TASK_FILTER_STATUS_UNFINISHED);
  set_field (self, PROP_UNIT_ID, self->my_unit_id);
}

void
dn_task_filter_reset (DnTaskFilter *self)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));

  freeze (self);
  clear (self);
  set_default (self);
  thaw (self);
}

gboolean
dn_task_filter_is_active (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), FALSE);

  return self->text != NULL || self->unit_id > 0 || self->document_id > 0 ||
         self->status != DN_TASK_FILTER_STATUS_ANY || self->period != DN_PERIOD_ANY || self->overdue;
}

gboolean
dn_task_filter_is_default (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), FALSE);

  if (self->text != NULL || self->document_id > 0 || self->period != DN_PERIOD_ANY || self->overdue)
    return FALSE;
  if (self->show_all)
    return self->unit_id == 0 && self->status == DN_TASK_FILTER_STATUS_ANY;
  return self->unit_id == self->my_unit_id && self->status == DN_TASK_FILTER_STATUS_UNFINISHED &&
         (self->unit_id == 0 || (self->include_sub_units && !self->lead_only));
}

gint64
dn_task_filter_get_my_unit_id (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), 0);
  return self->my_unit_id;
}

void
dn_task_filter_set_my_unit_id (DnTaskFilter *self,
                               gint64        unit_id)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));

  unit_id = MAX (unit_id, 0);
  if (unit_id == self->my_unit_id)
    return;
  freeze (self);
  set_field (self, PROP_MY_UNIT_ID, unit_id);
  dn_task_filter_reset (self);
  thaw (self);
}

gboolean
dn_task_filter_get_show_all (DnTaskFilter *self)
{
  g_return_val_if_fail (DN_IS_TASK_FILTER (self), FALSE);
  return self->show_all;
}

void
dn_task_filter_set_show_all (DnTaskFilter *self,
                             gboolean      show_all)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));

  if (!!show_all == self->show_all)
    return;
  freeze (self);
  set_field (self, PROP_SHOW_ALL, !!show_all);
  dn_task_filter_reset (self);
  thaw (self);
}

/* "KIND:ID…": the id, or 0 when missing or not a positive number */
static gint64
preset_id (char **parts)
{
  guint64 id = 0;

  if (parts[0] == NULL || parts[1] == NULL ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return (gint64) id;
}

gboolean
dn_task_filter_apply_preset (DnTaskFilter *self,
                             const char   *preset)
{
  g_auto(GStrv) parts = NULL;
  gboolean known = TRUE;
  gint64 id;

  g_return_val_if_fail (DN_IS_TASK_FILTER (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  parts = g_strsplit (preset, ":", 3);
  id = preset_id (parts);
  freeze (self);
  clear (self);
  if (parts[0] == NULL || g_str_equal (parts[0], "") || g_str_equal (parts[0], "all"))
    ;
  else if (g_str_equal (parts[0], "overdue"))
    set_field (self, PROP_OVERDUE, TRUE);
  else if (g_str_equal (parts[0], "week"))
    {
      set_field (self, PROP_STATUS, DN_TASK_FILTER_STATUS_UNFINISHED);
      set_field (self, PROP_PERIOD, DN_PERIOD_NEXT_7_DAYS);
    }
  else if (g_str_equal (parts[0], "lead") && id > 0)
    {
      DnPeriod period = DN_PERIOD_ANY;

      known = parts[2] == NULL || dn_period_from_string (parts[2], &period);
      if (known)
        {
          set_field (self, PROP_UNIT_ID, id);
          set_field (self, PROP_INCLUDE_SUB_UNITS, FALSE);
          set_field (self, PROP_LEAD_ONLY, TRUE);
          set_field (self, PROP_PERIOD, period);
        }
    }
  else if (g_str_equal (parts[0], "document") && id > 0)
    set_field (self, PROP_DOCUMENT_ID, id);
  else if (g_str_equal (parts[0], "unit") && id > 0)
    set_field (self, PROP_UNIT_ID, id);
  else
    known = FALSE;
  if (!known)
    set_default (self);
  /* a preset always comes as a change: the list starts again from the top */
  dn_filter_mark_changed (DN_FILTER (self));
  thaw (self);
  return known;
}

void
dn_task_filter_to_query (DnTaskFilter *self,
                         const GDate  *today,
                         DnTaskQuery  *query)
{
  g_return_if_fail (DN_IS_TASK_FILTER (self));
  g_return_if_fail (query != NULL);

  dn_task_query_init (query);
  query->unit_id = self->unit_id;
  if (self->unit_id > 0)
    {
      query->include_sub_units = self->include_sub_units;
      query->lead_only = self->lead_only;
    }
  if (self->status == DN_TASK_FILTER_STATUS_UNFINISHED)
    query->unfinished = TRUE;
  else
    query->status = self->status;
  query->overdue = self->overdue;
  dn_period_get_bounds (self->period, today, &query->due_from, &query->due_to);
  query->document_id = self->document_id;
  query->text = self->text;
  query->sort = self->sort;
  query->descending = self->descending;
}
