/* dn-server-delegation-parts.c: what the delegation editor changes with a
 * delegation, given in the same request
 *
 * POST /delegations and PATCH /delegations/{id}
 * (dn-server-record-writes.c) may give, besides the delegation's fields:
 *
 *   "countries":         [{"country_code", "days"?}, …] the whole list,
 *                        in order (absent: kept)
 *   "new_members":       [{…}, …] as POST /delegations/{id}/members
 *                        takes one (dn-server-members.c)
 *   "removed_members":   [id, …] of its members
 *   "new_programme":     [{"day", "description", "time"?, "place"?,
 *                        "host_unit_id"?}, …]
 *   "removed_programme": [id, …] of its programme items
 *
 * All of it is written with the delegation in one transaction
 * (dn_store_save_delegation()): a member or item refused, or an id that is
 * not the delegation's, and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include "dn-server-private.h"

const DnField _dn_server_delegation_part_fields[] = {
  { "countries", DN_FIELD_OBJECT_ARRAY, FALSE, FALSE },
  { "new_members", DN_FIELD_OBJECT_ARRAY, FALSE, FALSE },
  { "removed_members", DN_FIELD_INT_ARRAY, FALSE, FALSE },
  { "new_programme", DN_FIELD_OBJECT_ARRAY, FALSE, FALSE },
  { "removed_programme", DN_FIELD_INT_ARRAY, FALSE, FALSE },
  { NULL }
};

/* The objects of the body's @name as new records (@create) of @binds
 * into @records; FALSE with 400 answered when one is not */
static gboolean
read_records (SoupServerMessage *msg,
              JsonObject        *body,
              const char        *name,
              const DnBind      *binds,
              GType              type,
              GPtrArray         *records)
{
  g_autofree DnField *fields = _dn_server_bind_fields (binds, TRUE, FALSE);
  JsonNode *node = json_object_get_member (body, name);
  JsonArray *array = node != NULL ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GObject) record = g_object_new (type, NULL);

      if (!_dn_server_check_fields (msg, element, fields) || !_dn_server_bind (msg, element, binds, record))
        return FALSE;
      g_ptr_array_add (records, g_steal_pointer (&record));
    }
  return TRUE;
}

static void
read_ids (JsonObject *body,
          const char *name,
          GArray     *ids)
{
  JsonNode *node = json_object_get_member (body, name);
  JsonArray *array = node != NULL ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);

      g_array_append_val (ids, id);
    }
}

DnDelegationParts *
_dn_server_read_delegation_parts (SoupServerMessage *msg,
                                  JsonNode          *body)
{
  JsonObject *object = json_node_get_object (body);
  g_autoptr(DnDelegationParts) parts = dn_delegation_parts_new ();

  if (json_object_has_member (object, "countries"))
    {
      parts->countries = g_ptr_array_new_with_free_func (g_object_unref);
      if (!read_records (msg, object, "countries", _dn_country_binds, DN_TYPE_DELEGATION_COUNTRY, parts->countries))
        return NULL;
    }
  if (!read_records (msg, object, "new_members", _dn_member_binds, DN_TYPE_DELEGATION_MEMBER, parts->new_members) ||
      !read_records (msg, object, "new_programme", _dn_programme_binds, DN_TYPE_PROGRAMME_ITEM,
                     parts->new_programme))
    return NULL;
  read_ids (object, "removed_members", parts->removed_members);
  read_ids (object, "removed_programme", parts->removed_programme);
  return g_steal_pointer (&parts);
}
