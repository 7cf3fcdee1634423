/* dn-server-request.c: reading what a request gives, every value checked
 * before a route uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"

static gboolean
is_int (JsonNode *value)
{
  return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64;
}

static gboolean
has_type (JsonNode    *value,
          DnFieldType  type)
{
  switch (type)
    {
    case DN_FIELD_STRING:
      return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING;
    case DN_FIELD_INT:
      return is_int (value);
    case DN_FIELD_BOOL:
      return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN;
    case DN_FIELD_DATE:
      return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
             dn_date_parse_iso (json_node_get_string (value), NULL);
    case DN_FIELD_INT_ARRAY:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (value))
          return FALSE;
        array = json_node_get_array (value);
        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!is_int (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case DN_FIELD_OBJECT_ARRAY:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (value))
          return FALSE;
        array = json_node_get_array (value);
        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static char *
type_message (const DnField *field)
{
  switch (field->type)
    {
    case DN_FIELD_STRING:
      return g_strdup_printf (_("The field “%s” must be a string."), field->name);
    case DN_FIELD_INT:
      return g_strdup_printf (_("The field “%s” must be a whole number."), field->name);
    case DN_FIELD_BOOL:
      return g_strdup_printf (_("The field “%s” must be true or false."), field->name);
    case DN_FIELD_DATE:
      return g_strdup_printf (_("The field “%s” must be a date written YYYY-MM-DD."), field->name);
    case DN_FIELD_INT_ARRAY:
      return g_strdup_printf (_("The field “%s” must be a list of whole numbers."), field->name);
    case DN_FIELD_OBJECT_ARRAY:
      return g_strdup_printf (_("The field “%s” must be a list of objects."), field->name);
    default:
      g_assert_not_reached ();
    }
}

gboolean
_dn_server_check_fields (SoupServerMessage *msg,
                         JsonNode          *body,
                         const DnField     *fields)
{
  JsonObject *object = json_node_get_object (body);
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      const DnField *field = NULL;
      g_autofree char *message = NULL;

      for (guint i = 0; fields[i].name != NULL && field == NULL; i++)
        if (g_str_equal (fields[i].name, l->data))
          field = &fields[i];
      if (field == NULL)
        {
          message = g_strdup_printf (_("Unknown field “%s”."), (const char *) l->data);
          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "unknown-field", message);
          return FALSE;
        }
      if (field->nullable && JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!has_type (value, field->type))
        {
          message = type_message (field);
          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "wrong-type", message);
          return FALSE;
        }
    }
  for (guint i = 0; fields[i].name != NULL; i++)
    if (fields[i].required && !json_object_has_member (object, fields[i].name))
      {
        g_autofree char *missing = g_strdup_printf (_("The field “%s” is missing."), fields[i].name);

        dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "missing-field", missing);
        return FALSE;
      }
  return TRUE;
}

gboolean
_dn_server_query_number (SoupServerMessage *msg,
                         GHashTable        *query,
                         const char        *name,
                         gint64             min,
                         gint64             max,
                         gint64             fallback,
                         gint64            *out)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  g_autofree char *message = NULL;
  guint64 number;

  *out = fallback;
  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &number, NULL))
    {
      *out = (gint64) number;
      return TRUE;
    }
  message = g_strdup_printf (_("“%s” must be a number from %lld to %lld."), name, (long long) min, (long long) max);
  dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid-query", message);
  return FALSE;
}
