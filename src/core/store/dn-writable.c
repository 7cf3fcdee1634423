/* dn-writable.c: the records a write saves whole (dn-writable.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include "dn-store-delegations.h"
#include "dn-store-documents.h"
#include "dn-store-partners.h"
#include "dn-store-passports.h"
#include "dn-store-people.h"
#include "dn-store-reports.h"
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

/* ... its deleting */
#define DELETED(name)                                                   \
  static gboolean delete_##name (DnStore *store, gint64 id, GError **error) \
  {                                                                     \
    return dn_store_delete_##name (store, id, error);                   \
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
DELETED (partner)
MADE_AND_READ (project)
SAVED (project)
DELETED (project)
MADE_AND_READ (document)
SAVED (document)
DELETED (document)
MADE_AND_READ (delegation)
DELETED (delegation)
MADE_AND_READ (person)
SAVED (person)
DELETED (person)
MADE_AND_READ (passport)
SAVED (passport)
DELETED (passport)
MADE_AND_READ (report)
SAVED (report)
DELETED (report)

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

#define WRITABLE(name, table, collection, Type, warns, remove)                                    \
  const DnWritable dn_writable_##name = { table, collection, dn_##name##_get_type, G_STRUCT_OFFSET (Type, id), \
                                          warns, new_##name, get_##name, save_##name, remove }

WRITABLE (unit, "unit", "/units", DnUnit, FALSE, NULL);
WRITABLE (partner, "partner", "/partners", DnPartner, TRUE, delete_partner);
WRITABLE (project, "project", "/projects", DnProject, FALSE, delete_project);
WRITABLE (document, "document", "/documents", DnDocument, FALSE, delete_document);
WRITABLE (delegation, "delegation", "/delegations", DnDelegation, TRUE, delete_delegation);
WRITABLE (person, "person", "/people", DnPerson, FALSE, delete_person);
WRITABLE (passport, "passport", "/passports", DnPassport, FALSE, delete_passport);
WRITABLE (report, "report", "/reports", DnReport, FALSE, delete_report);

const DnWritable *
dn_writable_for_record (gpointer record)
{
  static const DnWritable *const kinds[] = { &dn_writable_unit, &dn_writable_partner, &dn_writable_project, &dn_writable_document,
                                             &dn_writable_delegation, &dn_writable_person,
                                             &dn_writable_passport, &dn_writable_report };

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
