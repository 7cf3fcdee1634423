/* dn-document-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document-filter"

#include "config.h"

#include "dn-document-filter.h"

struct _DnDocumentFilter
{
  DnFilter  parent_instance;

  char     *text;
  int       direction;
  int       type;
  int       year;
  char     *issuer;
  int       urgency;
  int       include_secret;
};

G_DEFINE_FINAL_TYPE (DnDocumentFilter, dn_document_filter, DN_TYPE_FILTER)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_DIRECTION,
  PROP_TYPE,
  PROP_YEAR,
  PROP_ISSUER,
  PROP_URGENCY,
  PROP_INCLUDE_SECRET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(type, member) { DN_FILTER_FIELD_##type, G_STRUCT_OFFSET (DnDocumentFilter, member) }

static const DnFilterField fields[N_PROPS] = {
  [PROP_TEXT] = FIELD (TEXT, text),
  [PROP_DIRECTION] = FIELD (INT, direction),
  [PROP_TYPE] = FIELD (INT, type),
  [PROP_YEAR] = FIELD (INT, year),
  [PROP_ISSUER] = FIELD (TEXT, issuer),
  [PROP_URGENCY] = FIELD (INT, urgency),
  [PROP_INCLUDE_SECRET] = FIELD (INT, include_secret),
};

static void
dn_document_filter_class_init (DnDocumentFilterClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_DIRECTION] = g_param_spec_int ("direction", NULL, NULL, -1, DN_DIRECTION_N - 1, -1, flags);
  properties[PROP_TYPE] = g_param_spec_int ("type", NULL, NULL, -1, DN_DOCUMENT_TYPE_N - 1, -1, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL, flags);
  properties[PROP_URGENCY] = g_param_spec_int ("urgency", NULL, NULL, -1, DN_URGENCY_N - 1, -1, flags);
  properties[PROP_INCLUDE_SECRET] = g_param_spec_boolean ("include-secret", NULL, NULL, FALSE, flags);
  dn_filter_class_install (DN_FILTER_CLASS (klass), properties, fields, N_PROPS);
}

static void
dn_document_filter_init (DnDocumentFilter *self)
{
  self->direction = -1;
  self->type = -1;
  self->urgency = -1;
}

DnDocumentFilter *
dn_document_filter_new (void)
{
  return g_object_new (DN_TYPE_DOCUMENT_FILTER, NULL);
}

const char *
dn_document_filter_get_text (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), NULL);
  return self->text;
}

void
dn_document_filter_set_text (DnDocumentFilter *self,
                             const char       *text)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_TEXT, text);
}

int
dn_document_filter_get_direction (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), -1);
  return self->direction;
}

void
dn_document_filter_set_direction (DnDocumentFilter *self,
                                  int               direction)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_DIRECTION, direction >= 0 && direction < DN_DIRECTION_N ? direction : -1);
}

int
dn_document_filter_get_doc_type (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), -1);
  return self->type;
}

void
dn_document_filter_set_doc_type (DnDocumentFilter *self,
                                 int               type)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_TYPE, type >= 0 && type < DN_DOCUMENT_TYPE_N ? type : -1);
}

int
dn_document_filter_get_year (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), 0);
  return self->year;
}

void
dn_document_filter_set_year (DnDocumentFilter *self,
                             int               year)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_YEAR, CLAMP (year, 0, 9999));
}

const char *
dn_document_filter_get_issuer (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), NULL);
  return self->issuer;
}

void
dn_document_filter_set_issuer (DnDocumentFilter *self,
                               const char       *issuer)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_text (DN_FILTER (self), PROP_ISSUER, issuer);
}

int
dn_document_filter_get_urgency (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), -1);
  return self->urgency;
}

void
dn_document_filter_set_urgency (DnDocumentFilter *self,
                                int               urgency)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_URGENCY, urgency >= 0 && urgency < DN_URGENCY_N ? urgency : -1);
}

gboolean
dn_document_filter_get_include_secret (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), FALSE);
  return self->include_secret;
}

void
dn_document_filter_set_include_secret (DnDocumentFilter *self,
                                       gboolean          include)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_set_number (DN_FILTER (self), PROP_INCLUDE_SECRET, !!include);
}

void
dn_document_filter_reset (DnDocumentFilter *self)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  dn_filter_clear (DN_FILTER (self), PROP_TEXT, PROP_URGENCY);
}

gboolean
dn_document_filter_apply_preset (DnDocumentFilter *self,
                                 const char       *preset)
{
  DnDocumentDirection direction = DN_DIRECTION_N;

  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  if (!g_str_equal (preset, "") && !g_str_equal (preset, "all") &&
      !(g_str_equal (preset, "incoming") || g_str_equal (preset, "outgoing")))
    return FALSE;
  if (g_str_equal (preset, "incoming") || g_str_equal (preset, "outgoing"))
    dn_direction_from_string (preset, &direction);
  dn_filter_freeze (DN_FILTER (self));
  dn_document_filter_reset (self);
  dn_document_filter_set_direction (self, direction < DN_DIRECTION_N ? (int) direction : -1);
  dn_filter_thaw (DN_FILTER (self));
  return TRUE;
}

gboolean
dn_document_filter_is_active (DnDocumentFilter *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_FILTER (self), FALSE);
  return self->text != NULL || self->direction >= 0 || self->type >= 0 || self->year > 0 || self->issuer != NULL ||
         self->urgency >= 0;
}

void
dn_document_filter_to_query (DnDocumentFilter *self,
                             DnDocumentQuery  *query)
{
  g_return_if_fail (DN_IS_DOCUMENT_FILTER (self));
  g_return_if_fail (query != NULL);

  dn_document_query_init (query);
  query->text = self->text;
  query->issuer = self->issuer;
  query->direction = self->direction;
  query->type = self->type;
  query->year = self->year;
  query->urgency = self->urgency;
  query->include_secret = self->include_secret;
}
