/* dn-server-private.h: the server's pipeline and its routes
 *
 * Each area's routes live in a file of their own (dn-server-sessions.c,
 * dn-server-tasks.c, dn-server-changes.c…) as a DnRouteTable listed in
 * dn-server.c; what several of them use (reading a request's fields,
 * judging the caller's rights) is in dn-server-request.c and
 * dn-server-rights.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-account.h"
#include "dn-record-binds.h"
#include "dn-server.h"

G_BEGIN_DECLS

/* What a route's handler is given */
typedef struct
{
  DnServer          *server;
  SoupServerMessage *msg;
  DnAccount         *account;  /* the caller; NULL for a route that needs none */
  gint64             id;       /* the number in the path ("/tasks/{id}"), else 0 */
  const char        *key;      /* the word in the path ("/attachments/{key}"), else NULL */
  GHashTable        *query;    /* the query's fields; may be NULL */
  JsonNode          *body;     /* DN_ROUTE_JSON: the body, an object; else NULL */
  GBytes            *bytes;    /* DN_ROUTE_BYTES: the body as sent; else NULL */
} DnRequest;

/* It answers request->msg, now or later (soup_server_message_pause() and
 * a reference on the message, for work done off the main loop) */
typedef void (*DnRouteFunc) (DnRequest *request);

typedef enum
{
  DN_ROUTE_NO_BODY,
  DN_ROUTE_JSON,   /* a JSON object, checked by dn_server_parse_body() */
  DN_ROUTE_BYTES,  /* any bytes (an upload), given as they came */
} DnRouteBody;

typedef struct
{
  const char  *method;         /* "GET", "POST"… */
  const char  *path;           /* below /api/v1: "/tasks", "/tasks/{id}",
                                * "/tasks/{id}/progress", "/attachments/{key}" */
  gboolean     needs_account;  /* a session's token */
  DnRouteBody  body;
  gsize        max_body;       /* the largest body taken; 0: DN_SERVER_MAX_BODY */
  DnRouteFunc  func;
} DnRoute;

typedef struct
{
  const DnRoute *routes;
  guint          n_routes;
} DnRouteTable;

#define DN_ROUTE_TABLE(routes) { routes, G_N_ELEMENTS (routes) }

/* The routes of each area */
extern const DnRouteTable dn_server_session_routes;
extern const DnRouteTable dn_server_task_routes;
extern const DnRouteTable dn_server_change_routes;
extern const DnRouteTable dn_server_unit_routes;
extern const DnRouteTable dn_server_people_routes;
extern const DnRouteTable dn_server_record_routes;
extern const DnRouteTable dn_server_record_write_routes;
extern const DnRouteTable dn_server_document_routes;
extern const DnRouteTable dn_server_passport_routes;
extern const DnRouteTable dn_server_member_routes;
extern const DnRouteTable dn_server_report_routes;
extern const DnRouteTable dn_server_setting_routes;

/* The department's rules by their keys, as GET /changes gives them
 * ("rules") and PATCH /settings answers (dn-server-settings.c) */
JsonObject *_dn_server_rules_to_json (DnStore *store);
extern const DnRouteTable dn_server_task_write_routes;
extern const DnRouteTable dn_server_deadline_routes;
extern const DnRouteTable dn_server_attachment_routes;
extern const DnRouteTable dn_server_delegation_step_routes;
extern const DnRouteTable dn_server_unit_step_routes;

/* The route of @method and @path (below /api/v1), its path's number or
 * word in @id and @key (owned by the caller); NULL when none, with
 * *@path_known telling whether another method has that path */
const DnRoute *_dn_server_find_route (const char  *method,
                                      const char  *path,
                                      gint64      *id,
                                      char       **key,
                                      gboolean    *path_known);

/* The peer of @msg as a text ("127.0.0.1"), for the login attempts */
char *_dn_server_dup_peer (SoupServerMessage *msg);

/* Answers @msg with the store's @error: its code as a status (not found:
 * 404, conflict: 409, invalid or duplicate: 400 or 409, a warning 400
 * "warning" (written when sent again confirmed), denied: 403…) */
void  _dn_server_reply_store_error (SoupServerMessage *msg,
                                    const GError      *error);

/* Answers @msg with a write's @error: for DN_STORE_ERROR_CONFLICT, 409
 * {"error": {"code": "conflict", "message"}, "current": the record @id of
 * @table as it is now}; any other error as _dn_server_reply_store_error() */
void  _dn_server_reply_conflict   (SoupServerMessage *msg,
                                   DnStore           *store,
                                   const char        *table,
                                   gint64             id,
                                   const GError      *error);

/* Reading what a request gives (dn-server-request.c) ------------------------- */

typedef enum
{
  DN_FIELD_STRING,
  DN_FIELD_INT,
  DN_FIELD_BOOL,
  DN_FIELD_DATE,       /* a string "YYYY-MM-DD" of a real day */
  DN_FIELD_INT_ARRAY,  /* an array of whole numbers */
  DN_FIELD_OBJECT_ARRAY, /* an array of objects (each checked by its reader) */
} DnFieldType;

typedef struct
{
  const char  *name;
  DnFieldType  type;
  gboolean     required;
  gboolean     nullable;  /* null is taken (as "none") */
} DnField;

/* @body's members are among @fields (ended by a { NULL }), each of its
 * type, the required ones present: FALSE (and a 400 answered) otherwise */
gboolean _dn_server_check_fields (SoupServerMessage *msg,
                                  JsonNode          *body,
                                  const DnField     *fields);

/* The query's @name as a number from @min to @max (absent: @fallback);
 * FALSE (and a 400 answered) when it is not one */
gboolean _dn_server_query_number (SoupServerMessage *msg,
                                  GHashTable        *query,
                                  const char        *name,
                                  gint64             min,
                                  gint64             max,
                                  gint64             fallback,
                                  gint64            *out);

/* Lists page by this many records unless asked for fewer */
#define DN_SERVER_PAGE_DEFAULT 100
#define DN_SERVER_PAGE_MAX     500

/* Answers @msg with a page of @table's records: the first @limit of @ids
 * (read one more than a page, to know whether another follows), under
 * @member, and "next": the last id given when more follow, else null
 * (dn-server-records.c) */
void     _dn_server_reply_page   (SoupServerMessage *msg,
                                  DnStore           *store,
                                  const char        *table,
                                  const char        *member,
                                  GArray            *ids,
                                  guint              limit);

/* The caller's rights (dn-server-rights.c) ------------------------------------ */

gboolean _dn_server_has_id (GArray *ids,
                            gint64  id);

/* The tasks @account may see, by id */
GArray  *_dn_server_visible_task_ids (DnStore    *store,
                                      DnAccount  *account,
                                      GError    **error);

/* Whether @account sees task @id: one of the units assigned to it (lead or
 * support) is in its scope; else DN_STORE_ERROR_NOT_FOUND, as for a task
 * that is not */
gboolean _dn_server_may_see_task     (DnStore    *store,
                                      DnAccount  *account,
                                      gint64      id,
                                      GError    **error);

/* Writes: DN_STORE_ERROR_DENIED (403) when @account may change nothing
 * (a reader) */
gboolean _dn_server_check_writer     (DnAccount  *account,
                                      GError    **error);
/* Whether unit @unit_id is one an account of @scope (dn_account_dup_scope():
 * its unit and the units below it; NULL: any) may give work to; else
 * DN_STORE_ERROR_DENIED */
gboolean _dn_server_check_unit       (GArray     *scope,
                                      gint64      unit_id,
                                      GError    **error);
/* Whether row @id of @table was made by @account or by another account
 * of its unit (the change log's actor of its insert, dn_store_dup_creator()):
 * what a unit officer made it may change as the department does what it
 * made */
gboolean _dn_server_made_by_unit     (DnStore    *store,
                                      DnAccount  *account,
                                      const char *table,
                                      gint64      id);

/* Judging changes one by one for one caller: the tasks it sees are read
 * once, when a change first needs them */
typedef struct _DnRights DnRights;

DnRights *_dn_server_rights_new         (DnStore    *store,
                                         DnAccount  *account);
void      _dn_server_rights_free        (DnRights   *rights);
/* Whether @change, an object of the changes' JSON ({"table", "id",
 * "row"}), is one the caller may see; a kind of record not judged yet is
 * not seen */
gboolean  _dn_server_rights_see_change  (DnRights   *rights,
                                         JsonObject *change);

/* What @row (a change's record, or an owner's links) refers to that the
 * caller does not see is left out: a reference that may be empty is
 * emptied (a school's task passed down from a task of its office keeps no
 * parent; one from a confidential document, no document), a link to it
 * dropped; FALSE when the record itself cannot be without it (it is then
 * not sent). TRUE for an account that sees everything. */
gboolean  _dn_server_rights_redact      (DnRights   *rights,
                                         const char *table,
                                         JsonNode   *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnRights, _dn_server_rights_free)

/* The records served beside the tasks (dn-server-records.c) ------------------- */

/* A kind of record the API serves, and who sees one */
typedef struct _DnServed DnServed;
struct _DnServed
{
  const char     *table;        /* "person" */
  const char     *plural;       /* the list's key: "people" */
  /* the column that says whose a record is: a unit (a unit officer sees it
   * when that unit is in its scope), or with @via the record it belongs to
   * (seen when that one is); NULL: every account sees every record */
  const char     *unit_column;
  const DnServed *via;
  gboolean        classified;   /* its "classification" other than "normal"
                                 * only for dn_account_may_see_secret() */
  /* also seen when a row of @also_table whose @also_key is the record's id
   * has its @also_unit in the caller's scope (a delegation with a member
   * of the caller's units); NULL: not */
  const char     *also_table;
  const char     *also_key;
  const char     *also_unit;
};

extern const DnServed dn_served_unit;
extern const DnServed dn_served_person;
extern const DnServed dn_served_document;
extern const DnServed dn_served_delegation;
extern const DnServed dn_served_passport;
extern const DnServed dn_served_member;
extern const DnServed dn_served_report;

/* The kind of record of @table, or NULL when it is none of these */
const DnServed *_dn_server_find_served      (const char      *table);

/* Whether an account of @scope (NULL: every unit) and @secret sees @row,
 * a record of @served as dn_exchange_row_to_json() reads it */
gboolean        _dn_server_row_seen         (DnStore         *store,
                                             GArray          *scope,
                                             gboolean         secret,
                                             const DnServed  *served,
                                             JsonObject      *row);

/* The record @id of @served when @account sees it, else NULL and
 * DN_STORE_ERROR_NOT_FOUND, as for one that is not */
JsonNode       *_dn_server_read_served      (DnStore         *store,
                                             DnAccount       *account,
                                             const DnServed  *served,
                                             gint64           id,
                                             GError         **error);

/* Answers a list of @served (?after=ID&limit=N, what the caller sees, by
 * id): {"<plural>": […], "next": ID or null}; with @parent_column, only
 * those whose @parent_column is @parent_id (a record the caller was shown
 * to see) */
void            _dn_server_list_served      (DnRequest       *request,
                                             const DnServed  *served,
                                             const char      *parent_column,
                                             gint64           parent_id);
/* Answers GET of the record request->id of @served */
void            _dn_server_get_served       (DnRequest       *request,
                                             const DnServed  *served);

/* Whether @account sees a record the stored file @attachment_id is
 * attached to (dn-server-documents.c); else DN_STORE_ERROR_NOT_FOUND */
gboolean        _dn_server_may_see_attachment (DnStore       *store,
                                               DnAccount     *account,
                                               gint64         attachment_id,
                                               GError       **error);

/* The caller may change records: FALSE with a 403 answered otherwise (a
 * reader; with @department_only, anyone but the department and the
 * administrators) */
gboolean        _dn_server_check_may_write  (DnRequest       *request,
                                             gboolean         department_only);
/* The delegation @id is one the caller sees and may change (the
 * department, the administrators, a unit officer its units'): FALSE with
 * 404 or 403 answered otherwise (dn-server-members.c) */
gboolean        _dn_server_check_delegation_writer (DnRequest *request,
                                                    gint64     id);
/* The record @id of @table still has the revision the body's "revision"
 * says (checked right before a write: nothing runs between on the server's
 * loop). FALSE and answered otherwise: 409 {"error", "current": the record
 * now} */
gboolean        _dn_server_check_revision   (DnRequest       *request,
                                             const char      *table,
                                             gint64           id);
/* Answers a deletion of the record @id: 200 {"id", "deleted": true} */
void            _dn_server_reply_deleted    (SoupServerMessage *msg,
                                             gint64           id);
/* Answers the record @id of @table just written with @status (201, 200) */
void            _dn_server_reply_record     (SoupServerMessage *msg,
                                             DnStore         *store,
                                             const char      *table,
                                             gint64           id,
                                             guint            status);

/* A body read into a record of core (dn-server-bind.c) ----------------------- */


/* The fields a body may give (for _dn_server_check_fields(), free it):
 * @binds' (the required ones required when @creating), "revision"
 * (required) when not, and "confirmed" (true: the store's warnings are
 * accepted) when @confirmable; ended by { NULL } */
DnField        *_dn_server_bind_fields      (const DnBind    *binds,
                                             gboolean         creating,
                                             gboolean         confirmable);
/* The fields of @record (at the binds' offsets) set from what @body
 * gives; FALSE and 400 answered when a value is not one it takes, nothing
 * set then. @body was checked against _dn_server_bind_fields() */
gboolean        _dn_server_bind             (SoupServerMessage *msg,
                                             JsonNode        *body,
                                             const DnBind    *binds,
                                             gpointer         record);

/* What POST and PATCH of a delegation may give besides its fields (ended
 * by a { NULL }), and those parts read from @body (checked against them):
 * NULL with 400 answered when a member or item is not one
 * (dn-server-delegation-parts.c) */
extern const DnField _dn_server_delegation_part_fields[];
DnDelegationParts *_dn_server_read_delegation_parts (SoupServerMessage *msg,
                                                     JsonNode          *body);

/* The body's @name: NULL when absent or null */
const char     *_dn_server_body_string      (JsonNode        *body,
                                             const char      *name,
                                             const char      *fallback);
gint64          _dn_server_body_int         (JsonNode        *body,
                                             const char      *name,
                                             gint64           fallback);
/* The body's "status" in *@status (left as it is when not given); FALSE
 * and 400 answered when it is not a status */
gboolean        _dn_server_body_status      (SoupServerMessage *msg,
                                             JsonNode        *body,
                                             DnStatus        *status);
/* TRUE when the body names no "revision", or the one row @id of @table
 * still has (inside the write's transaction); else the store's conflict */
gboolean        _dn_server_body_revision_holds (DnStore      *store,
                                                JsonNode     *body,
                                                const char   *table,
                                                gint64        id,
                                                GError      **error);
gboolean        _dn_server_body_has         (JsonNode        *body,
                                             const char      *name);
/* *@field becomes a copy of @value (which may be *@field itself) */
void            _dn_server_set_text         (char           **field,
                                             const char      *value);

G_END_DECLS
