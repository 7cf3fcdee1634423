/* dn-server-record-writes.c: what an office writes beside the tasks and
 * the staff: partners, projects, documents and delegations
 *
 *   POST   /partners        a new partner → 201    } the department and the
 *   PATCH  /partners/{id}   a change → 200          } administrators
 *   POST   /projects, PATCH /projects/{id}         }
 *   POST   /documents, PATCH /documents/{id}       }
 *   POST   /delegations     a new delegation → 201: the department, the
 *                           administrators, and a unit officer for its units
 *   PATCH  /delegations/{id}
 *
 * A body gives the exchange's fields (those of the records GET answers
 * with); a change gives the "revision" it read (409 with "current" when the
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
#include "dn-store-accounts.h"

#define ENUM_READER(name, Type)                       \
  static gboolean read_##name (const char *text,      \
                               int        *out)       \
  {                                                   \
    Type value;                                       \
    if (!dn_##name##_from_string (text, &value))      \
      return FALSE;                                   \
    *out = (int) value;                               \
    return TRUE;                                      \
  }

ENUM_READER (partner_kind, DnPartnerKind)
ENUM_READER (registration_kind, DnRegistrationKind)
ENUM_READER (project_status, DnProjectStatus)
ENUM_READER (direction, DnDocumentDirection)
ENUM_READER (document_type, DnDocumentType)
ENUM_READER (classification, DnClassification)
ENUM_READER (urgency, DnUrgency)

/* as the table and the exchange write it (the window's words are "out"
 * and "in") */
static gboolean
read_delegation_direction (const char *text,
                           int        *out)
{
  if (g_strcmp0 (text, "outbound") == 0)
    *out = DN_DELEGATION_OUTBOUND;
  else if (g_strcmp0 (text, "inbound") == 0)
    *out = DN_DELEGATION_INBOUND;
  else
    return FALSE;
  return TRUE;
}
ENUM_READER (funding_source, DnFundingSource)

#define BIND(Type, field, name, type, required, reader) \
  { name, type, G_STRUCT_OFFSET (Type, field), required, reader }

static const DnBind partner_binds[] = {
  BIND (DnPartner, name, "name", DN_BIND_TEXT, TRUE, NULL),
  BIND (DnPartner, short_name, "short_name", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnPartner, kind, "kind", DN_BIND_ENUM, FALSE, read_partner_kind),
  BIND (DnPartner, country_code, "country_code", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnPartner, registration_kind, "registration_kind", DN_BIND_ENUM, FALSE, read_registration_kind),
  BIND (DnPartner, registration_number, "registration_number", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnPartner, registration_expiry, "registration_expiry", DN_BIND_DATE, FALSE, NULL),
  BIND (DnPartner, contact, "contact", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnPartner, notes, "notes", DN_BIND_TEXT, FALSE, NULL),
  { NULL }
};

static const DnBind project_binds[] = {
  BIND (DnProject, partner_id, "partner_id", DN_BIND_ID, TRUE, NULL),
  BIND (DnProject, name, "name", DN_BIND_TEXT, TRUE, NULL),
  BIND (DnProject, code, "code", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnProject, unit_id, "unit_id", DN_BIND_ID, FALSE, NULL),
  BIND (DnProject, start_date, "start_date", DN_BIND_DATE, FALSE, NULL),
  BIND (DnProject, end_date, "end_date", DN_BIND_DATE, FALSE, NULL),
  BIND (DnProject, budget, "budget", DN_BIND_AMOUNT, FALSE, NULL),
  BIND (DnProject, currency, "currency", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnProject, status, "status", DN_BIND_ENUM, FALSE, read_project_status),
  BIND (DnProject, description, "description", DN_BIND_TEXT, FALSE, NULL),
  { NULL }
};

static const DnBind document_binds[] = {
  BIND (DnDocument, direction, "direction", DN_BIND_ENUM, TRUE, read_direction),
  BIND (DnDocument, type, "type", DN_BIND_ENUM, TRUE, read_document_type),
  BIND (DnDocument, subject, "subject", DN_BIND_TEXT, TRUE, NULL),
  BIND (DnDocument, number, "number", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, symbol, "symbol", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, issue_date, "issue_date", DN_BIND_DATE, FALSE, NULL),
  BIND (DnDocument, issuer, "issuer", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, signer, "signer", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, recipients, "recipients", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, classification, "classification", DN_BIND_ENUM, FALSE, read_classification),
  BIND (DnDocument, arrival_number, "arrival_number", DN_BIND_INT, FALSE, NULL),
  BIND (DnDocument, arrival_date, "arrival_date", DN_BIND_DATE, FALSE, NULL),
  BIND (DnDocument, urgency, "urgency", DN_BIND_ENUM, FALSE, read_urgency),
  BIND (DnDocument, receiver, "receiver", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, file_copy_holder, "file_copy_holder", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDocument, copies, "copies", DN_BIND_INT, FALSE, NULL),
  BIND (DnDocument, passed_on, "passed_on", DN_BIND_DATE, FALSE, NULL),
  BIND (DnDocument, notes, "notes", DN_BIND_TEXT, FALSE, NULL),
  { NULL }
};

static const DnBind delegation_binds[] = {
  BIND (DnDelegation, direction, "direction", DN_BIND_ENUM, TRUE, read_delegation_direction),
  BIND (DnDelegation, title, "title", DN_BIND_TEXT, TRUE, NULL),
  BIND (DnDelegation, start_date, "start_date", DN_BIND_DATE, TRUE, NULL),
  BIND (DnDelegation, end_date, "end_date", DN_BIND_DATE, TRUE, NULL),
  BIND (DnDelegation, purpose, "purpose", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDelegation, inviting_party, "inviting_party", DN_BIND_TEXT, FALSE, NULL),
  BIND (DnDelegation, partner_id, "partner_id", DN_BIND_ID, FALSE, NULL),
  BIND (DnDelegation, unit_id, "unit_id", DN_BIND_ID, FALSE, NULL),
  BIND (DnDelegation, funding, "funding_source", DN_BIND_ENUM, FALSE, read_funding_source),
  BIND (DnDelegation, budget, "budget", DN_BIND_AMOUNT, FALSE, NULL),
  BIND (DnDelegation, in_plan, "in_plan", DN_BIND_FLAG, FALSE, NULL),
  BIND (DnDelegation, proposal_document_id, "proposal_document_id", DN_BIND_ID, FALSE, NULL),
  BIND (DnDelegation, decision_document_id, "decision_document_id", DN_BIND_ID, FALSE, NULL),
  BIND (DnDelegation, notes, "notes", DN_BIND_TEXT, FALSE, NULL),
  { NULL }
};

/* One kind of record written */
typedef struct
{
  const char     *table;
  const DnServed *served;
  const DnBind   *binds;
  gboolean        confirmable;
  gboolean        department_only;
  gsize           id_offset;     /* the record's id (gint64) */
  gssize          unit_offset;   /* the record's unit (gint64) a unit
                                  * officer must see; -1: none */
  gpointer      (*create)        (void);
  gpointer      (*read)          (DnStore *store, gint64 id, GError **error);
  gboolean      (*save)          (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed,
                                  GError **error);
} Writable;

static gpointer
new_partner (void)
{
  return dn_partner_new ();
}

static gpointer
get_partner (DnStore *store, gint64 id, GError **error)
{
  return dn_store_get_partner (store, id, error);
}

static gboolean
save_partner (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  return is_new ? dn_store_add_partner (store, record, &today, confirmed, error)
                : dn_store_update_partner (store, record, &today, confirmed, error);
}

static gpointer
new_project (void)
{
  return dn_project_new ();
}

static gpointer
get_project (DnStore *store, gint64 id, GError **error)
{
  return dn_store_get_project (store, id, error);
}

static gboolean
save_project (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, GError **error)
{
  return is_new ? dn_store_add_project (store, record, error) : dn_store_update_project (store, record, error);
}

static gpointer
new_document (void)
{
  return dn_document_new ();
}

static gpointer
get_document (DnStore *store, gint64 id, GError **error)
{
  return dn_store_get_document (store, id, error);
}

static gboolean
save_document (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, GError **error)
{
  return is_new ? dn_store_add_document (store, record, error) : dn_store_update_document (store, record, error);
}

static gpointer
new_delegation (void)
{
  return dn_delegation_new ();
}

static gpointer
get_delegation (DnStore *store, gint64 id, GError **error)
{
  return dn_store_get_delegation (store, id, error);
}

static gboolean
save_delegation (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed, GError **error)
{
  return is_new ? dn_store_add_delegation (store, record, NULL, confirmed, error)
                : dn_store_update_delegation (store, record, NULL, confirmed, error);
}

static const Writable partners = { "partner", NULL, partner_binds, TRUE, TRUE,
                                   G_STRUCT_OFFSET (DnPartner, id), -1,
                                   new_partner, get_partner, save_partner };
static const Writable projects = { "project", NULL, project_binds, FALSE, TRUE,
                                   G_STRUCT_OFFSET (DnProject, id), -1,
                                   new_project, get_project, save_project };
static const Writable documents = { "document", &dn_served_document, document_binds, FALSE, TRUE,
                                    G_STRUCT_OFFSET (DnDocument, id), -1,
                                    new_document, get_document, save_document };
static const Writable delegations = { "delegation", &dn_served_delegation, delegation_binds, TRUE, FALSE,
                                      G_STRUCT_OFFSET (DnDelegation, id), G_STRUCT_OFFSET (DnDelegation, unit_id),
                                      new_delegation, get_delegation, save_delegation };

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
reply_save_error (SoupServerMessage *msg,
                  const GError      *error)
{
  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    dn_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, "warning", error->message);
  else
    _dn_server_reply_store_error (msg, error);
}

static void
add_record (DnRequest      *request,
            const Writable *kind)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autofree DnField *fields = _dn_server_bind_fields (kind->binds, TRUE, kind->confirmable);
  g_autoptr(GObject) record = kind->create ();
  g_autoptr(GError) error = NULL;
  gboolean confirmed;

  if (!_dn_server_check_fields (request->msg, request->body, fields) ||
      !_dn_server_check_may_write (request, kind->department_only) ||
      !_dn_server_bind (request->msg, request->body, kind->binds, record) ||
      !check_unit (request, kind, record))
    return;
  confirmed = json_object_get_boolean_member_with_default (json_node_get_object (request->body), "confirmed", FALSE);
  if (!kind->save (store, record, TRUE, confirmed, &error))
    {
      reply_save_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, kind->table, G_STRUCT_MEMBER (gint64, record, kind->id_offset),
                           SOUP_STATUS_CREATED);
}

static void
change_record (DnRequest      *request,
               const Writable *kind)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autofree DnField *fields = _dn_server_bind_fields (kind->binds, FALSE, kind->confirmable);
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(GObject) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean confirmed;

  if (!_dn_server_check_fields (request->msg, request->body, fields))
    return;
  if ((kind->served != NULL &&
       (seen = _dn_server_read_served (store, request->account, kind->served, request->id, &error)) == NULL) ||
      (record = kind->read (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, kind->department_only) ||
      !_dn_server_bind (request->msg, request->body, kind->binds, record) ||
      !check_unit (request, kind, record))
    return;
  confirmed = json_object_get_boolean_member_with_default (json_node_get_object (request->body), "confirmed", FALSE);
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_revision (request, kind->table, request->id))
    {
      dn_store_rollback (store);
      return;
    }
  if (!kind->save (store, record, FALSE, confirmed, &error) || !dn_store_commit (store, &error))
    {
      dn_store_rollback (store);
      reply_save_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, kind->table, request->id, SOUP_STATUS_OK);
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

WRITES (partners)
WRITES (projects)
WRITES (documents)
WRITES (delegations)

static const DnRoute routes[] = {
  { "POST", "/partners", TRUE, DN_ROUTE_JSON, 0, add_partners },
  { "PATCH", "/partners/{id}", TRUE, DN_ROUTE_JSON, 0, change_partners },
  { "POST", "/projects", TRUE, DN_ROUTE_JSON, 0, add_projects },
  { "PATCH", "/projects/{id}", TRUE, DN_ROUTE_JSON, 0, change_projects },
  { "POST", "/documents", TRUE, DN_ROUTE_JSON, 0, add_documents },
  { "PATCH", "/documents/{id}", TRUE, DN_ROUTE_JSON, 0, change_documents },
  { "POST", "/delegations", TRUE, DN_ROUTE_JSON, 0, add_delegations },
  { "PATCH", "/delegations/{id}", TRUE, DN_ROUTE_JSON, 0, change_delegations },
};
const DnRouteTable dn_server_record_write_routes = DN_ROUTE_TABLE (routes);
