/* dn-server-record-writes.c: the records written whole: units, partners,
 * projects, documents, delegations and the staff
 *
 *   POST   /units, PATCH /units/{id}               } the department and the
 *   POST   /partners        a new partner → 201    } administrators
 *   PATCH  /partners/{id}   a change → 200          }
 *   POST   /projects, PATCH /projects/{id}         }
 *   POST   /documents, PATCH /documents/{id}       }
 *   POST   /documents/register, POST /documents/{id}/register: the same
 *                           in the registers (Nghị định 30/2020): an
 *                           outgoing document without a number gets the
 *                           next of its year, an incoming one its arrival
 *                           number; a number, symbol and issuer already
 *                           in the year is a warning → 201, 200, the
 *                           document with its numbers
 *   POST   /delegations     a new delegation → 201: the department, the
 *                           administrators, and a unit officer for its units
 *   PATCH  /delegations/{id}
 *   POST   /passports, PATCH and DELETE /passports/{id}: the department's
 *                           (the custody ledger and the events: dn-server-passports.c)
 *   POST   /people          a new person → 201: also a unit officer, in
 *   PATCH  /people/{id}     one of its units (a person of no unit is the
 *                           department's)
 *   POST   /reports, PATCH and DELETE /reports/{id}: a report's text and
 *                           header, a unit officer its units' (issuing it
 *                           into the register: dn-server-reports.c)
 *
 * DELETE /partners/{id}?revision=N (and of projects, documents, delegations,
 * people, passports and reports; units are archived, never deleted) → 200 {"id", "deleted":
 * true}, by whoever may change the record, at the revision read.
 *
 * A body gives the exchange's fields (those of the records GET answers
 * with, dn-record-binds.c: the desktop writes its requests with the same
 * tables); a change gives the "revision" it read (409 with "current" when the
 * record changed since) and only the fields it changes. "confirmed": true
 * accepts what the store only warns about (a partner's paper expiring, a
 * delegation overlapping another), which is otherwise answered 400
 * "warning". A delegation's status and report have their own steps in the
 * window and are not written here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-server-private.h"
#include "dn-date.h"
#include "dn-store-accounts.h"
#include "dn-store-reports.h"

/* One kind of record written, and who may write it */
typedef struct
{
  const DnWritable *kind;
  const DnServed   *served;
  gboolean          department_only;
  gssize            unit_offset;  /* the record's unit (gint64) a unit
                                   * officer must see; -1: none */
  gboolean          with_parts;   /* a delegation's countries, members and
                                   * programme may come with it */
  /* its saving when not the kind's, always confirmable; NULL: the kind's */
  gboolean        (*save) (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed,
                           const GDate *today, GError **error);
} Writable;

static const Writable units = { &dn_writable_unit, &dn_served_unit, TRUE, -1, FALSE, NULL };
static const Writable partners = { &dn_writable_partner, NULL, TRUE, -1, FALSE, NULL };
static const Writable projects = { &dn_writable_project, NULL, TRUE, -1, FALSE, NULL };
static const Writable documents = { &dn_writable_document, &dn_served_document, TRUE, -1, FALSE, NULL };
static const Writable delegations = { &dn_writable_delegation, &dn_served_delegation, FALSE,
                                      G_STRUCT_OFFSET (DnDelegation, unit_id), TRUE, NULL };
static const Writable passports = { &dn_writable_passport, &dn_served_passport, TRUE, -1, FALSE, NULL };
static const Writable reports = { &dn_writable_report, &dn_served_report, FALSE, G_STRUCT_OFFSET (DnReport, unit_id),
                                  FALSE, NULL };
static const Writable people = { &dn_writable_person, &dn_served_person, FALSE, G_STRUCT_OFFSET (DnPerson, unit_id),
                                 FALSE, NULL };

/* The fields a body of @kind may give (free it) */
static DnField *
fields_of (const Writable *kind,
           gboolean        creating)
{
  g_autofree DnField *fields = _dn_server_bind_fields (_dn_record_binds (kind->kind), creating,
                                                       kind->kind->warns || kind->save != NULL);
  GArray *all = g_array_new (TRUE, TRUE, sizeof (DnField));
  guint n = 0;

  while (fields[n].name != NULL)
    n++;
  g_array_append_vals (all, fields, n);
  for (guint i = 0; kind->with_parts && _dn_server_delegation_part_fields[i].name != NULL; i++)
    g_array_append_val (all, _dn_server_delegation_part_fields[i]);
  return (DnField *) (gpointer) g_array_free (all, FALSE);
}

/* Saves @record (and the parts the body gives with it) in the caller's
 * transaction, or one of its own */
static gboolean
save (DnRequest       *request,
      const Writable  *kind,
      gpointer         record,
      gboolean         is_new,
      gboolean        *answered,
      GError         **error)
{
  DnStore *store = dn_server_get_store (request->server);
  gboolean confirmed = json_object_get_boolean_member_with_default (json_node_get_object (request->body),
                                                                    "confirmed", FALSE);
  g_autoptr(DnDelegationParts) parts = NULL;
  GDate today;

  *answered = FALSE;
  if (kind->with_parts)
    {
      if ((parts = _dn_server_read_delegation_parts (request->msg, request->body)) == NULL)
        {
          *answered = TRUE;
          return FALSE;
        }
      return dn_store_save_delegation (store, record, parts, confirmed, error);
    }
  dn_date_today (&today);
  return (kind->save != NULL ? kind->save : kind->kind->save) (store, record, is_new, confirmed, &today, error);
}

static gboolean
register_document (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, const GDate *today,
                   GError **error)
{
  return dn_store_register_document (store, record, confirmed, error);
}

/* a document numbered in its register */
static const Writable registered_documents = { &dn_writable_document, &dn_served_document, TRUE, -1, FALSE,
                                               register_document };

/* A unit officer's record stays in its units */
static gboolean
check_unit (DnRequest      *request,
            const Writable *kind,
            gpointer        record)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(GArray) scope = NULL;

  if (kind->unit_offset < 0)
    return TRUE;
  scope = dn_account_dup_scope (store, request->account);
  if (scope == NULL || _dn_server_has_id (scope, G_STRUCT_MEMBER (gint64, record, kind->unit_offset)))
    return TRUE;
  dn_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                         _("This account may not change the records of that unit."));
  return FALSE;
}

static void
add_record (DnRequest      *request,
            const Writable *kind)
{
  DnStore *store = dn_server_get_store (request->server);
  const DnBind *binds = _dn_record_binds (kind->kind);
  g_autofree DnField *fields = fields_of (kind, TRUE);
  g_autoptr(GObject) record = kind->kind->create ();
  g_autoptr(GError) error = NULL;
  gboolean answered;

  if (!_dn_server_check_fields (request->msg, request->body, fields) ||
      !_dn_server_check_may_write (request, kind->department_only) ||
      !_dn_server_bind (request->msg, request->body, binds, record) ||
      !check_unit (request, kind, record))
    return;
  if (!save (request, kind, record, TRUE, &answered, &error))
    {
      if (!answered)
        _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, kind->kind->table, dn_writable_get_id (kind->kind, record),
                           SOUP_STATUS_CREATED);
}

static void
change_record (DnRequest      *request,
               const Writable *kind)
{
  DnStore *store = dn_server_get_store (request->server);
  const DnBind *binds = _dn_record_binds (kind->kind);
  g_autofree DnField *fields = fields_of (kind, FALSE);
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean answered;

  if (!_dn_server_check_fields (request->msg, request->body, fields))
    return;
  if ((kind->served != NULL &&
       (seen = _dn_server_read_served (store, request->account, kind->served, request->id, &error)) == NULL) ||
      (record = kind->kind->read (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, kind->department_only) ||
      !_dn_server_bind (request->msg, request->body, binds, record) ||
      !check_unit (request, kind, record))
    return;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_revision (request, kind->kind->table, request->id))
    {
      dn_store_rollback (store);
      return;
    }
  if (!save (request, kind, record, FALSE, &answered, &error) || !dn_store_commit (store, &error))
    {
      dn_store_rollback (store);
      if (!answered)
        _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, kind->kind->table, request->id, SOUP_STATUS_OK);
}

/* DELETE /{kind}/{id}?revision=N: who may change the record deletes it,
 * at the revision it read */
static void
delete_record (DnRequest      *request,
               const Writable *kind)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revision;
  gboolean ok;

  if (!_dn_server_query_number (request->msg, request->query, "revision", 0, G_MAXINT64, -1, &revision))
    return;
  if (revision < 0)
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                             _("Give the revision of the record as it was read: DELETE …/{id}?revision=N."));
      return;
    }
  if ((kind->served != NULL &&
       (seen = _dn_server_read_served (store, request->account, kind->served, request->id, &error)) == NULL) ||
      (record = kind->kind->read (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, kind->department_only) || !check_unit (request, kind, record))
    return;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  ok = dn_store_check_revision (store, kind->kind->table, request->id, revision, &error) &&
       kind->kind->remove (store, request->id, &error);
  if (ok)
    ok = dn_store_commit (store, &error);
  else
    dn_store_rollback (store);
  if (!ok)
    {
      _dn_server_reply_conflict (request->msg, store, kind->kind->table, request->id, error);
      return;
    }
  _dn_server_reply_deleted (request->msg, request->id);
}

#define WRITES(name)                                  \
  static void add_##name (DnRequest *request)         \
  {                                                   \
    add_record (request, &name);                      \
  }                                                   \
  static void change_##name (DnRequest *request)      \
  {                                                   \
    change_record (request, &name);                   \
  }
#define DELETES(name)                                 \
  static void delete_##name (DnRequest *request)      \
  {                                                   \
    delete_record (request, &name);                   \
  }

WRITES (units)
WRITES (partners)
WRITES (projects)
WRITES (documents)
WRITES (delegations)
WRITES (people)
WRITES (passports)
WRITES (reports)
WRITES (registered_documents)
DELETES (partners)
DELETES (projects)
DELETES (documents)
DELETES (delegations)
DELETES (people)
DELETES (passports)
DELETES (reports)

static const DnRoute routes[] = {
  { "POST", "/units", TRUE, DN_ROUTE_JSON, 0, add_units },
  { "PATCH", "/units/{id}", TRUE, DN_ROUTE_JSON, 0, change_units },
  { "POST", "/partners", TRUE, DN_ROUTE_JSON, 0, add_partners },
  { "PATCH", "/partners/{id}", TRUE, DN_ROUTE_JSON, 0, change_partners },
  { "DELETE", "/partners/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_partners },
  { "POST", "/projects", TRUE, DN_ROUTE_JSON, 0, add_projects },
  { "PATCH", "/projects/{id}", TRUE, DN_ROUTE_JSON, 0, change_projects },
  { "DELETE", "/projects/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_projects },
  { "POST", "/documents", TRUE, DN_ROUTE_JSON, 0, add_documents },
  { "PATCH", "/documents/{id}", TRUE, DN_ROUTE_JSON, 0, change_documents },
  { "DELETE", "/documents/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_documents },
  { "POST", "/documents/register", TRUE, DN_ROUTE_JSON, 0, add_registered_documents },
  { "POST", "/documents/{id}/register", TRUE, DN_ROUTE_JSON, 0, change_registered_documents },
  { "POST", "/delegations", TRUE, DN_ROUTE_JSON, 0, add_delegations },
  { "PATCH", "/delegations/{id}", TRUE, DN_ROUTE_JSON, 0, change_delegations },
  { "DELETE", "/delegations/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_delegations },
  { "POST", "/people", TRUE, DN_ROUTE_JSON, 0, add_people },
  { "PATCH", "/people/{id}", TRUE, DN_ROUTE_JSON, 0, change_people },
  { "DELETE", "/people/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_people },
  { "POST", "/passports", TRUE, DN_ROUTE_JSON, 0, add_passports },
  { "PATCH", "/passports/{id}", TRUE, DN_ROUTE_JSON, 0, change_passports },
  { "DELETE", "/passports/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_passports },
  { "POST", "/reports", TRUE, DN_ROUTE_JSON, 0, add_reports },
  { "PATCH", "/reports/{id}", TRUE, DN_ROUTE_JSON, 0, change_reports },
  { "DELETE", "/reports/{id}", TRUE, DN_ROUTE_NO_BODY, 0, delete_reports },
};
const DnRouteTable dn_server_record_write_routes = DN_ROUTE_TABLE (routes);
