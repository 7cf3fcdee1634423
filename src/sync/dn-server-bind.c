/* dn-server-bind.c: a request's body read into a record of core, field
 * by field, from a table of the exchange's names and the record's fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"

static DnFieldType
field_type (DnBindType type)
{
  switch (type)
    {
    case DN_BIND_TEXT:
    case DN_BIND_ENUM:
      return DN_FIELD_STRING;
    case DN_BIND_DATE:
      return DN_FIELD_DATE;
    case DN_BIND_ID:
    case DN_BIND_INT:
    case DN_BIND_AMOUNT:
    case DN_BIND_FLAG:
    default:
      return DN_FIELD_INT;
    }
}

DnField *
_dn_server_bind_fields (const DnBind *binds,
                        gboolean      creating,
                        gboolean      confirmable)
{
  g_autoptr(GArray) fields = g_array_new (TRUE, TRUE, sizeof (DnField));

  if (!creating)
    {
      DnField revision = { "revision", DN_FIELD_INT, TRUE, FALSE };

      g_array_append_val (fields, revision);
    }
  if (confirmable)
    {
      DnField confirmed = { "confirmed", DN_FIELD_BOOL, FALSE, FALSE };

      g_array_append_val (fields, confirmed);
    }
  for (guint i = 0; binds[i].name != NULL; i++)
    {
      DnField field = { binds[i].name, field_type (binds[i].type), creating && binds[i].required,
                        !binds[i].required && binds[i].type != DN_BIND_ENUM && binds[i].type != DN_BIND_FLAG };

      g_array_append_val (fields, field);
    }
  return (DnField *) (gpointer) g_array_free (g_steal_pointer (&fields), FALSE);
}

gboolean
_dn_server_bind (SoupServerMessage *msg,
                 JsonNode          *body,
                 const DnBind      *binds,
                 gpointer           record)
{
  JsonObject *object = json_node_get_object (body);

  /* checked whole first: a record half read is never written */
  for (guint i = 0; binds[i].name != NULL; i++)
    {
      JsonNode *value = json_object_get_member (object, binds[i].name);
      int choice;

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if ((binds[i].type == DN_BIND_ENUM && !binds[i].read_enum (json_node_get_string (value), &choice)) ||
          (binds[i].type == DN_BIND_FLAG && json_node_get_int (value) != 0 && json_node_get_int (value) != 1) ||
          ((binds[i].type == DN_BIND_INT || binds[i].type == DN_BIND_AMOUNT) &&
           (json_node_get_int (value) < 0 || json_node_get_int (value) > (binds[i].type == DN_BIND_INT ? G_MAXINT
                                                                                                 : G_MAXINT64))))
        {
          g_autofree char *message = g_strdup_printf (_("The value of “%s” is not one this record takes."),
                                                      binds[i].name);

          dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid", message);
          return FALSE;
        }
    }
  for (guint i = 0; binds[i].name != NULL; i++)
    {
      JsonNode *value = json_object_get_member (object, binds[i].name);
      gpointer field = G_STRUCT_MEMBER_P (record, binds[i].offset);
      gboolean none = value == NULL || JSON_NODE_HOLDS_NULL (value);

      if (value == NULL)
        continue;
      switch (binds[i].type)
        {
        case DN_BIND_TEXT:
          _dn_server_set_text (field, none ? "" : json_node_get_string (value));
          break;
        case DN_BIND_ENUM:
          binds[i].read_enum (json_node_get_string (value), field);
          break;
        case DN_BIND_DATE:
          g_date_clear (field, 1);
          if (!none)
            dn_date_parse_iso (json_node_get_string (value), field);
          break;
        case DN_BIND_ID:
          *(gint64 *) field = none ? 0 : json_node_get_int (value);
          break;
        case DN_BIND_AMOUNT:
          *(gint64 *) field = none ? -1 : json_node_get_int (value);
          break;
        case DN_BIND_INT:
          *(int *) field = none ? 0 : (int) json_node_get_int (value);
          break;
        case DN_BIND_FLAG:
          *(gboolean *) field = json_node_get_int (value) == 1;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}
