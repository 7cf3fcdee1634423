/* dn-window-hits.c
 *
 * Where a hit of the header bar's search opens: a task in the task list,
 * a document in its details, a unit, partner, passport or delegation in
 * its section, a page of an attached file in the viewer; a person in its
 * unit and a project in its partner, read first on the query worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-window"

#include "config.h"

#include "dn-delegation-list-page.h"
#include "dn-partners-page.h"
#include "dn-passports-page.h"
#include "dn-units-page.h"
#include "dn-window-hits.h"

#define SECTION_PAGE(self, name, TYPE) TYPE (dn_window_get_section_page ((self), (name)))

/* Where a hit on a person or a project opens (the person's unit, the
 * project's partner) is read on the query worker. */
static DnQuerySlot *
owner_slot (DnWindow     *self,
            DnQuerySlot **slot)
{
  if (*slot == NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (dn_window_get_store (self));

      *slot = dn_query_slot_new (worker);
    }
  return *slot;
}

/* A record, or (an owner_job's result) the record it opens in. */
typedef struct
{
  DnRecordKind kind;
  gint64       id;
} RecordRef;

/* On the query worker's thread. */
static gpointer
owner_job (DnStore         *store,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *result_destroy,
           GError         **error)
{
  const RecordRef *hit = data;
  RecordRef owner = { hit->kind, 0 };

  if (hit->kind == DN_RECORD_PERSON)
    {
      g_autoptr(DnPerson) person = dn_store_get_person (store, hit->id, error);

      if (person == NULL)
        return NULL;
      owner.id = person->unit_id;
    }
  else
    {
      g_autoptr(DnProject) project = dn_store_get_project (store, hit->id, error);

      if (project == NULL)
        return NULL;
      owner.id = project->partner_id;
    }
  *result_destroy = g_free;
  return g_memdup2 (&owner, sizeof owner);
}

static void
owner_found_cb (DnWindow        *self,
                const RecordRef *owner,
                const GError    *error)
{
  if (owner == NULL)
    {
      if (error != NULL)
        dn_window_context_show_message (dn_window_get_context (self), error->message);
    }
  else if (owner->id <= 0)
    return;
  else if (owner->kind == DN_RECORD_PERSON)
    dn_units_page_select_unit (SECTION_PAGE (self, "units", DN_UNITS_PAGE), owner->id);
  else
    dn_partners_page_open_partner (SECTION_PAGE (self, "partners", DN_PARTNERS_PAGE), owner->id);
}

static void
open_owner (DnWindow     *self,
            DnQuerySlot **slot,
            DnRecordKind  kind,
            gint64        id)
{
  RecordRef hit = { kind, id };

  dn_query_slot_run (owner_slot (self, slot), owner_job, g_memdup2 (&hit, sizeof hit), g_free,
                     G_CALLBACK (owner_found_cb), self);
}

void
dn_window_open_hit (DnWindow     *self,
                    DnQuerySlot **slot,
                    DnSearchHit  *hit)
{
  g_return_if_fail (DN_IS_WINDOW (self));
  g_return_if_fail (slot != NULL);
  g_return_if_fail (hit != NULL);

  if (hit->id <= 0)
    return;
  switch (hit->kind)
    {
    case DN_RECORD_TASK:
      dn_window_open_task (self, hit->id);
      break;
    case DN_RECORD_DOCUMENT:
      dn_window_open_document (self, hit->id);
      break;
    case DN_RECORD_UNIT:
      dn_window_show_section (self, "units");
      dn_units_page_select_unit (SECTION_PAGE (self, "units", DN_UNITS_PAGE), hit->id);
      break;
    case DN_RECORD_PERSON:
      dn_window_show_section (self, "units");
      open_owner (self, slot, hit->kind, hit->id);
      break;
    case DN_RECORD_PARTNER:
      dn_window_show_section (self, "partners");
      dn_partners_page_open_partner (SECTION_PAGE (self, "partners", DN_PARTNERS_PAGE), hit->id);
      break;
    case DN_RECORD_PROJECT:
      dn_window_show_section (self, "partners");
      open_owner (self, slot, hit->kind, hit->id);
      break;
    case DN_RECORD_PASSPORT:
      dn_window_show_section (self, "passports");
      dn_passports_page_open_passport (SECTION_PAGE (self, "passports", DN_PASSPORTS_PAGE), hit->id);
      break;
    case DN_RECORD_DELEGATION:
      dn_delegation_list_page_open_delegation (SECTION_PAGE (self, "delegations-out", DN_DELEGATION_LIST_PAGE), hit->id);
      break;
    case DN_RECORD_ATTACHMENT:
      {
        /* the page found, in the viewer */
        g_autoptr(GError) error = NULL;

        if (!dn_window_open_attachment (self, hit->id, MAX (hit->page, 1) - 1, &error))
          dn_window_context_show_message (dn_window_get_context (self), error->message);
      }
      break;
    case DN_RECORD_N:
    default:
      {
        g_autofree char *message = g_strdup_printf ("%s: %s — %s", dn_record_kind_get_label (hit->kind),
                                                    hit->title, hit->detail);
        dn_window_context_show_message (dn_window_get_context (self), message);
      }
      break;
    }
}
