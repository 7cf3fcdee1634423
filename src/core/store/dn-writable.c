/* dn-writable.c: the records a write saves whole (dn-writable.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include "dn-store-delegations.h"
#include "dn-store-documents.h"
#include "dn-store-partners.h"
#include "dn-store-people.h"
#include "dn-store-units.h"
#include "dn-writable.h"

/* A kind's new record and its reading from the store */
#define MADE_AND_READ(name)                                             \
  static gpointer new_##name (void)                                     \
  {                                                                     \
    return dn_##name##_new ();                                          \
  }                                                                     \
  static gpointer get_##name (DnStore *store, gint64 id, GError **error) \
  {                                                                     \
    return dn_store_get_##name (store, id, error);                      \
  }

/* ... and its saving, for a kind the store never only warns about */
#define SAVED(name)                                                           \
  static gboolean save_##name (DnStore *store, gpointer record, gboolean is_new, \
                               gboolean confirmed, const GDate *today,        \
                               GError **error)                                \
  {                                                                           \
    return is_new ? dn_store_add_##name (store, record, error)                \
                  : dn_store_update_##name (store, record, error);            \
  }

MADE_AND_READ (unit)
SAVED (unit)
MADE_AND_READ (partner)
MADE_AND_READ (project)
SAVED (project)
MADE_AND_READ (document)
SAVED (document)
MADE_AND_READ (delegation)
MADE_AND_READ (person)
SAVED (person)

/* a partner's registration paper and a delegation's overlap only warn */
static gboolean
save_partner (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, const GDate *today,
              GError **error)
{
  return is_new ? dn_store_add_partner (store, record, today, confirmed, error)
                : dn_store_update_partner (store, record, today, confirmed, error);
}

static gboolean
save_delegation (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, const GDate *today,
                 GError **error)
{
  return is_new ? dn_store_add_delegation (store, record, NULL, confirmed, error)
                : dn_store_update_delegation (store, record, NULL, confirmed, error);
}

const DnWritable dn_writable_unit = { "unit", "/units", dn_unit_get_type, G_STRUCT_OFFSET (DnUnit, id), FALSE,
                                      new_unit, get_unit, save_unit };
const DnWritable dn_writable_partner = { "partner", "/partners", dn_partner_get_type,
                                         G_STRUCT_OFFSET (DnPartner, id), TRUE, new_partner, get_partner, save_partner };
const DnWritable dn_writable_project = { "project", "/projects", dn_project_get_type,
                                         G_STRUCT_OFFSET (DnProject, id), FALSE, new_project, get_project, save_project };
const DnWritable dn_writable_document = { "document", "/documents", dn_document_get_type,
                                          G_STRUCT_OFFSET (DnDocument, id), FALSE, new_document, get_document,
                                          save_document };
const DnWritable dn_writable_delegation = { "delegation", "/delegations", dn_delegation_get_type,
                                            G_STRUCT_OFFSET (DnDelegation, id), TRUE, new_delegation, get_delegation,
                                            save_delegation };
const DnWritable dn_writable_person = { "person", "/people", dn_person_get_type,
                                        G_STRUCT_OFFSET (DnPerson, id), FALSE, new_person, get_person, save_person };

const DnWritable *
dn_writable_for_record (gpointer record)
{
  static const DnWritable *const kinds[] = { &dn_writable_unit, &dn_writable_partner, &dn_writable_project, &dn_writable_document,
                                             &dn_writable_delegation, &dn_writable_person };

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (G_OBJECT_TYPE (record) == kinds[i]->get_type ())
      return kinds[i];
  return NULL;
}

gint64
dn_writable_get_id (const DnWritable *kind,
                    gpointer          record)
{
  return G_STRUCT_MEMBER (gint64, record, kind->id_offset);
}

void
dn_writable_set_id (const DnWritable *kind,
                    gpointer          record,
                    gint64            id)
{
  G_STRUCT_MEMBER (gint64, record, kind->id_offset) = id;
}
